// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_sizes.c: the symbol size tables scripts/kallsyms emits for
 * /proc/kallmodsyms.
 *
 * Symbols in kallsyms order are mostly laid end to end: a symbol's size is
 * usually the distance to the next symbol at a different address (its
 * "gap"), or zero (labels, section markers), or a little less than the gap
 * (alignment padding, function padding).  Each size is therefore coded as
 * one letter of a small alphabet, relative to the gap the kernel can
 * compute from kallsyms' own addresses:
 *
 *   KALLMODSYMS_SIZE_EXACT		size == gap
 *   KALLMODSYMS_SIZE_ZERO		size == 0
 *   KALLMODSYMS_SIZE_LIT + b - 1	size has b significant bits (1..64); its
 *				b - 1 low bits follow in the bit stream
 *   KALLMODSYMS_SIZE_PAD + k - 1	size == gap - k (1 <= k <= KMS_SIZE_MAX_PAD)
 *
 * and the letters get a canonical Huffman code (kallmodsyms_code.c) built
 * from their counts in this very kernel, so the stream costs close to the
 * zeroth-order entropy of the letters.  The last symbol, and symbols with
 * nothing after them, have no gap and use ZERO or LIT.
 *
 *   kallmodsyms_size_counts   the code (see kallmodsyms_code.c)
 *   kallmodsyms_size_letters
 *   kallmodsyms_size_bits     the codes (and literal bits), MSB first
 *   kallmodsyms_size_markers  u32 bit offset of every
 *                             KALLMODSYMS_SIZES_PER_MARKER-th symbol's code
 *
 * Nothing depends on absolute addresses, only on differences, so the
 * tables keep their size from one kallsyms pass to the next once the
 * layout settles.
 */

#include <stdlib.h>
#include <string.h>

#include <xalloc.h>

#include "kallmodsyms.h"

#define KMS_SIZE_MAX_PAD	(256 - KALLMODSYMS_SIZE_PAD)

/* The letter coding @size, and how many literal bits follow it. */
static unsigned int size_letter(unsigned long long size, bool has_gap,
				unsigned long long gap)
{
	unsigned int b = 0;

	if (!size)
		return KALLMODSYMS_SIZE_ZERO;
	if (has_gap && size == gap)
		return KALLMODSYMS_SIZE_EXACT;
	if (has_gap && size < gap && gap - size <= KMS_SIZE_MAX_PAD)
		return KALLMODSYMS_SIZE_PAD + gap - size - 1;
	while (b < 64 && size >> b)
		b++;
	return KALLMODSYMS_SIZE_LIT + b - 1;
}

/* The number of literal bits after @letter: the size's low bits. */
static unsigned int literal_bits(unsigned int letter)
{
	if (letter < KALLMODSYMS_SIZE_LIT || letter >= KALLMODSYMS_SIZE_PAD)
		return 0;
	return letter - KALLMODSYMS_SIZE_LIT;
}

/* The distance from symbol @i to the next symbol at a higher address. */
static bool gap_after(const struct kms_symbol *syms, unsigned int n,
		      unsigned int i, unsigned long long *gap)
{
	unsigned int j;

	for (j = i + 1; j < n && syms[j].addr == syms[i].addr; j++)
		;
	if (j == n || syms[j].addr < syms[i].addr)
		return false;
	*gap = syms[j].addr - syms[i].addr;
	return true;
}

void kms_write_size_tables(const struct kms_symbol *syms, unsigned int n)
{
	unsigned int *letter = xcalloc(n + 1, sizeof(*letter));
	unsigned long long gap, lit_total = 0;
	struct kms_code *h = xcalloc(1, sizeof(*h));
	struct kms_bits bits = { 0 };
	unsigned int i;

	for (i = 0; i < n; i++) {
		bool has_gap = gap_after(syms, n, i, &gap);

		letter[i] = size_letter(syms[i].size, has_gap, gap);
		h->freq[letter[i]]++;
		lit_total += literal_bits(letter[i]);
	}
	kms_code_build(h);

	kms_label("kallmodsyms_size_markers");
	for (i = 0; i < n; i++) {
		if (i % KALLMODSYMS_SIZES_PER_MARKER == 0)
			printf("\t.long %llu\n", bits.nr);
		kms_code_put(&bits, h, letter[i]);
		kms_bits_put(&bits, syms[i].size, literal_bits(letter[i]));
	}
	kms_code_write(h, "kallmodsyms_size");
	kms_bits_write(&bits, "kallmodsyms_size_bits");

	/* For the figures: what the letters were, and what they cost. */
	printf("/* sizes: %u symbols, %llu code bits, %llu literal bits */\n",
	       n, bits.nr, lit_total);
	for (i = 0; i < KMS_CODE_LETTERS; i++)
		if (h->freq[i])
			printf("/* size letter %u: %lu symbols, %u-bit code */\n",
			       i, h->freq[i], h->len[i]);
	free(bits.buf);
	free(letter);
	free(h);
}
