/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The format of the kallmodsyms tables: shared by scripts/kallsyms, which
 * writes them, and kernel/kallmodsyms*.c, which read them.  Constants
 * only, as host programs include it too.
 */
#ifndef _LINUX_KALLMODSYMS_FORMAT_H
#define _LINUX_KALLMODSYMS_FORMAT_H

/* Canonical Huffman codes: at most this many bits a letter. */
#define KALLMODSYMS_CODE_MAX_LEN	16

/*
 * Run streams: a marker every KALLMODSYMS_RUNS_PER_MARKER runs.  A number
 * below KALLMODSYMS_CODE_SMALL is coded as that letter; a larger one of b
 * significant bits as letter KALLMODSYMS_CODE_SMALL + b -
 * KALLMODSYMS_CODE_SMALL_BITS - 1, then its b - 1 low bits.
 */
#define KALLMODSYMS_RUNS_PER_MARKER	256
#define KALLMODSYMS_CODE_SMALL_BITS	4
#define KALLMODSYMS_CODE_SMALL		16	/* 1 << ..._CODE_SMALL_BITS */

/* The most modules one object file may be linked into. */
#define KALLMODSYMS_MAX_MODULES		16

/*
 * Module and object names: an index entry every this many names.  A reader
 * of /proc/kallmodsyms goes back to an earlier object name at each output
 * section and wherever the link order is not address order: 8 keeps those
 * seeks short for a few hundred bytes of index.
 */
#define KALLMODSYMS_NAMES_PER_INDEX	8

/* The letter that ends a name; the others are its characters. */
#define KALLMODSYMS_NAME_END		0

/*
 * Sizes: a letter per symbol, a marker every KALLMODSYMS_SIZES_PER_MARKER
 * symbols.  The letters: the symbol ends where the next symbol at a
 * higher address starts; size 0; a size of b significant bits
 * (KALLMODSYMS_SIZE_LIT + b - 1), its b - 1 low bits following; the
 * symbol ends k bytes short of the next one (KALLMODSYMS_SIZE_PAD + k - 1).
 */
#define KALLMODSYMS_SIZES_PER_MARKER	256
#define KALLMODSYMS_SIZE_EXACT		0
#define KALLMODSYMS_SIZE_ZERO		1
#define KALLMODSYMS_SIZE_LIT		2
#define KALLMODSYMS_SIZE_PAD		66

#endif /* _LINUX_KALLMODSYMS_FORMAT_H */
