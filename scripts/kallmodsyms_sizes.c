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
 *   KMS_SIZE_EXACT		size == gap
 *   KMS_SIZE_ZERO		size == 0
 *   KMS_SIZE_LIT + b - 1	size has b significant bits (1..64); its
 *				b - 1 low bits follow in the bit stream
 *   KMS_SIZE_PAD + k - 1	size == gap - k (1 <= k <= KMS_SIZE_MAX_PAD)
 *
 * and the letters get a canonical Huffman code built from their counts in
 * this very kernel, so the stream costs close to the zeroth-order entropy
 * of the letters.  The last symbol, and symbols with nothing after them,
 * have no gap and use ZERO or LIT.
 *
 *   kallmodsyms_size_counts   u16 per code length 1..KMS_SIZE_MAX_LEN:
 *                             how many letters have a code that long
 *   kallmodsyms_size_letters  u8 letters in canonical code order
 *   kallmodsyms_size_bits     the codes (and literal bits), MSB first
 *   kallmodsyms_size_markers  u32 bit offset of every
 *                             KMS_SIZES_PER_MARKER-th symbol's code
 *
 * Nothing depends on absolute addresses, only on differences, so the
 * tables keep their size from one kallsyms pass to the next once the
 * layout settles.
 */

#include <stdlib.h>
#include <string.h>

#include <xalloc.h>

#include "kallmodsyms.h"

#define KMS_SIZES_PER_MARKER	256
#define KMS_SIZE_MAX_LEN	20	/* longest code */

#define KMS_SIZE_EXACT		0
#define KMS_SIZE_ZERO		1
#define KMS_SIZE_LIT		2	/* ..65: 1..64 significant bits */
#define KMS_SIZE_PAD		66	/* ..255: gap minus 1..190 */
#define KMS_SIZE_MAX_PAD	(256 - KMS_SIZE_PAD)
#define KMS_SIZE_LETTERS	256

/* The letter coding @size, and how many literal bits follow it. */
static unsigned int size_letter(unsigned long long size, bool has_gap,
				unsigned long long gap, unsigned int *lit_bits)
{
	unsigned int b = 0;

	*lit_bits = 0;
	if (!size)
		return KMS_SIZE_ZERO;
	if (has_gap && size == gap)
		return KMS_SIZE_EXACT;
	if (has_gap && size < gap && gap - size <= KMS_SIZE_MAX_PAD)
		return KMS_SIZE_PAD + gap - size - 1;
	while (b < 64 && size >> b)
		b++;
	*lit_bits = b - 1;
	return KMS_SIZE_LIT + b - 1;
}

/*
 * Code lengths of a Huffman code for letters of frequencies @freq, at most
 * KMS_SIZE_MAX_LEN bits: where the tree would be deeper, frequencies are
 * flattened and the tree rebuilt.  A lone letter gets a 1-bit code.
 */
static void huffman_lengths(const unsigned long *freq, unsigned int *len)
{
	unsigned long weight[2 * KMS_SIZE_LETTERS], f[KMS_SIZE_LETTERS];
	int parent[2 * KMS_SIZE_LETTERS];
	bool used[2 * KMS_SIZE_LETTERS];
	unsigned int i, shift = 0, max;

	do {
		unsigned int nodes = KMS_SIZE_LETTERS, live = 0;

		for (i = 0; i < KMS_SIZE_LETTERS; i++) {
			f[i] = freq[i] >> shift ? freq[i] >> shift : !!freq[i];
			weight[i] = f[i];
			used[i] = !f[i];
			live += !!f[i];
			parent[i] = -1;
		}
		/* Join the two lightest live nodes until one is left. */
		while (live > 1) {
			int a = -1, b = -1;

			for (i = 0; i < nodes; i++) {
				if (used[i])
					continue;
				if (a < 0 || weight[i] < weight[a]) {
					b = a;
					a = i;
				} else if (b < 0 || weight[i] < weight[b]) {
					b = i;
				}
			}
			weight[nodes] = weight[a] + weight[b];
			used[nodes] = false;
			parent[nodes] = -1;
			parent[a] = parent[b] = nodes;
			used[a] = used[b] = true;
			nodes++;
			live--;
		}
		max = 0;
		for (i = 0; i < KMS_SIZE_LETTERS; i++) {
			int n;

			len[i] = 0;
			if (!f[i])
				continue;
			for (n = i; parent[n] >= 0; n = parent[n])
				len[i]++;
			if (!len[i])
				len[i] = 1;
			if (len[i] > max)
				max = len[i];
		}
		shift++;
	} while (max > KMS_SIZE_MAX_LEN);
}

/*
 * Canonical codes: letters ordered by code length, then by letter; each
 * code is the previous one plus one, shifted left where the length grows.
 */
static unsigned int canonical_codes(const unsigned int *len,
				    unsigned int *code, unsigned char *order,
				    unsigned int *count)
{
	unsigned int l, i, n = 0, next = 0;

	memset(count, 0, (KMS_SIZE_MAX_LEN + 1) * sizeof(*count));
	for (l = 1; l <= KMS_SIZE_MAX_LEN; l++) {
		for (i = 0; i < KMS_SIZE_LETTERS; i++) {
			if (len[i] != l)
				continue;
			code[i] = next++;
			order[n++] = i;
			count[l]++;
		}
		next <<= 1;
	}
	return n;
}

struct kms_bits {
	unsigned char *buf;
	unsigned long long nr;	/* bits written */
	size_t alloc;
};

static void put_bits(struct kms_bits *b, unsigned long long val,
		     unsigned int n)
{
	while (n--) {
		if (b->nr / 8 >= b->alloc) {
			size_t old = b->alloc;

			b->alloc = old ? 2 * old : 4096;
			b->buf = xrealloc(b->buf, b->alloc);
			memset(b->buf + old, 0, b->alloc - old);
		}
		if (val >> n & 1)
			b->buf[b->nr / 8] |= 0x80 >> (b->nr % 8);
		b->nr++;
	}
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

static void label(const char *name)
{
	printf("\n.globl %s\n", name);
	printf("\tALGN\n");
	printf("%s:\n", name);
}

void kms_write_size_tables(const struct kms_symbol *syms, unsigned int n)
{
	unsigned long freq[KMS_SIZE_LETTERS] = { 0 };
	unsigned int *letter = xcalloc(n + 1, sizeof(*letter));
	unsigned int len[KMS_SIZE_LETTERS], code[KMS_SIZE_LETTERS];
	unsigned int count[KMS_SIZE_MAX_LEN + 1], lit, i, nr_letters;
	unsigned char order[KMS_SIZE_LETTERS];
	struct kms_bits bits = { 0 };
	unsigned long long gap, lit_total = 0;

	for (i = 0; i < n; i++) {
		bool has_gap = gap_after(syms, n, i, &gap);

		letter[i] = size_letter(syms[i].size, has_gap, gap, &lit);
		freq[letter[i]]++;
		lit_total += lit;
	}
	huffman_lengths(freq, len);
	nr_letters = canonical_codes(len, code, order, count);

	label("kallmodsyms_size_markers");
	for (i = 0; i < n; i++) {
		bool has_gap = gap_after(syms, n, i, &gap);

		if (i % KMS_SIZES_PER_MARKER == 0)
			printf("\t.long %llu\n", bits.nr);
		put_bits(&bits, code[letter[i]], len[letter[i]]);
		size_letter(syms[i].size, has_gap, gap, &lit);
		put_bits(&bits, syms[i].size, lit);
	}

	label("kallmodsyms_size_counts");
	for (i = 1; i <= KMS_SIZE_MAX_LEN; i++)
		printf("\t.short %u\n", count[i]);

	label("kallmodsyms_size_letters");
	for (i = 0; i < nr_letters; i++)
		printf("\t.byte %u\n", order[i]);

	label("kallmodsyms_size_bits");
	for (i = 0; i < DIV_ROUND_UP(bits.nr, 8); i++)
		printf("%s0x%02x%s", i % 16 ? ", " : "\t.byte ", bits.buf[i],
		       i % 16 == 15 ? "\n" : "");
	printf("\n");

	/* For the figures: what the letters were, and what they cost. */
	printf("/* sizes: %u symbols, %llu code bits, %llu literal bits */\n",
	       n, bits.nr, lit_total);
	for (i = 0; i < KMS_SIZE_LETTERS; i++)
		if (freq[i])
			printf("/* size letter %u: %lu symbols, %u-bit code */\n",
			       i, freq[i], len[i]);
	free(bits.buf);
	free(letter);
}
