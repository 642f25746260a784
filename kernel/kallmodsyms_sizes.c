// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_sizes.c: exact sizes of built-in kernel symbols.
 *
 * scripts/kallsyms codes each symbol's ELF st_size, in kallsyms order, as
 * a letter of a Huffman code (see include/linux/kallmodsyms_format.h,
 * scripts/kallmodsyms_sizes.c and kallmodsyms_code.c): the symbol ends
 * where the next symbol at a higher address starts; size 0; it ends k
 * bytes short of the next symbol (1 <= k <= 190); or a size of b
 * significant bits, its b - 1 low bits following.  Most symbols cost a
 * bit or two.  A marker every KALLMODSYMS_SIZES_PER_MARKER symbols gives
 * the bit offset of that symbol's letter; a sequential reader keeps its
 * place in the cursor instead.
 */

#include <linux/kallsyms.h>
#include <linux/limits.h>
#include <linux/types.h>

#include "kallsyms_internal.h"
#include "kallmodsyms_internal.h"

static const struct kallmodsyms_code kms_size_code = {
	.counts = kallmodsyms_size_counts,
	.letters = kallmodsyms_size_letters,
};

static unsigned int kms_letter(unsigned int *pos)
{
	return kallmodsyms_read_letter(&kms_size_code, kallmodsyms_size_bits,
				       pos);
}

/* The number of literal bits after @letter. */
static unsigned int kms_literal_bits(unsigned int letter)
{
	if (letter < KALLMODSYMS_SIZE_LIT || letter >= KALLMODSYMS_SIZE_PAD)
		return 0;
	return letter - KALLMODSYMS_SIZE_LIT;
}

/* The distance from symbol @idx at @addr to the next higher address. */
static unsigned long kms_gap(unsigned int idx, unsigned long addr)
{
	unsigned int i;

	for (i = idx + 1; i < kallsyms_num_syms; i++) {
		unsigned long next = kallsyms_sym_address(i);

		if (next != addr)
			return next - addr;
	}
	return 0;
}

/* Move the cursor to symbol @idx's code, decoding forward where it can. */
static void kms_size_seek(struct kallmodsyms_size_cursor *c, unsigned int idx)
{
	unsigned int marker = idx / KALLMODSYMS_SIZES_PER_MARKER;

	if (idx < c->idx ||
	    marker > c->idx / KALLMODSYMS_SIZES_PER_MARKER) {
		c->idx = marker * KALLMODSYMS_SIZES_PER_MARKER;
		c->bit = kallmodsyms_size_markers[marker];
	}
	while (c->idx < idx) {
		c->bit += kms_literal_bits(kms_letter(&c->bit));
		c->idx++;
	}
}

void kallmodsyms_size_cursor_init(struct kallmodsyms_size_cursor *c)
{
	c->idx = UINT_MAX;
	c->bit = 0;
	c->last = UINT_MAX;
}

/* Decode the size of symbol @idx at @addr, the cursor's next. */
static unsigned long kms_size(struct kallmodsyms_size_cursor *c,
			      unsigned int idx, unsigned long addr)
{
	unsigned int letter = kms_letter(&c->bit), b;

	c->idx++;
	if (letter == KALLMODSYMS_SIZE_EXACT)
		return kms_gap(idx, addr);
	if (letter >= KALLMODSYMS_SIZE_PAD)
		return kms_gap(idx, addr) - (letter - KALLMODSYMS_SIZE_PAD + 1);
	if (letter == KALLMODSYMS_SIZE_ZERO)
		return 0;
	b = kms_literal_bits(letter);
	return (unsigned long)(1ULL << b |
			       kallmodsyms_read_bits(kallmodsyms_size_bits,
						     &c->bit, b));
}

/*
 * The size of core kernel symbol @idx, at @addr.  seq_file shows a line
 * again when it did not fit in the buffer: the last size is kept for that.
 */
unsigned long kallmodsyms_cursor_size(struct kallmodsyms_size_cursor *c,
				      unsigned int idx, unsigned long addr)
{
	if (idx >= kallsyms_num_syms)
		return 0;
	if (idx != c->last) {
		kms_size_seek(c, idx);
		c->size = kms_size(c, idx, addr);
		c->last = idx;
	}
	return c->size;
}

/* The size of core kernel symbol @idx: its st_size in vmlinux. */
unsigned long kallmodsyms_symbol_size(unsigned int idx)
{
	struct kallmodsyms_size_cursor c;

	if (idx >= kallsyms_num_syms)
		return 0;
	kallmodsyms_size_cursor_init(&c);
	return kallmodsyms_cursor_size(&c, idx, kallsyms_sym_address(idx));
}
