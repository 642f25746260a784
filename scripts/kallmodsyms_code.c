// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_code.c: bit streams and canonical Huffman codes for the
 * kallmodsyms tables (decoded by kernel/kallmodsyms_code.c).
 *
 * A code maps letters 0..255 to bit strings, shorter for frequent ones.
 * It is emitted as two tables: <name>_counts, u8 the longest code's
 * length L, then u8 per code length 1..L, how many letters have a code
 * that long, and <name>_letters, u8 letters in code order.  Codes of one
 * length are consecutive numbers; the first code of length l + 1 is the
 * one after the last code of length l, shifted left.
 */

#include <stdlib.h>
#include <string.h>

#include <xalloc.h>

#include "kallmodsyms.h"

/*
 * Code lengths of a Huffman code for letters of frequencies h->freq, at
 * most KALLMODSYMS_CODE_MAX_LEN bits: where the tree would be deeper, frequencies
 * are flattened and the tree rebuilt.  A lone letter gets a 1-bit code.
 */
static void huffman_lengths(struct kms_code *h)
{
	unsigned long weight[2 * KMS_CODE_LETTERS], f[KMS_CODE_LETTERS];
	int parent[2 * KMS_CODE_LETTERS];
	bool used[2 * KMS_CODE_LETTERS];
	unsigned int i, shift = 0, max;

	do {
		unsigned int nodes = KMS_CODE_LETTERS, live = 0;

		for (i = 0; i < KMS_CODE_LETTERS; i++) {
			f[i] = h->freq[i] >> shift ? h->freq[i] >> shift :
						     !!h->freq[i];
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
			parent[a] = nodes;
			parent[b] = nodes;
			used[a] = true;
			used[b] = true;
			nodes++;
			live--;
		}
		max = 0;
		for (i = 0; i < KMS_CODE_LETTERS; i++) {
			int n;

			h->len[i] = 0;
			if (!f[i])
				continue;
			for (n = i; parent[n] >= 0; n = parent[n])
				h->len[i]++;
			if (!h->len[i])
				h->len[i] = 1;
			if (h->len[i] > max)
				max = h->len[i];
		}
		shift++;
	} while (max > KALLMODSYMS_CODE_MAX_LEN);
}

/*
 * Canonical codes: by length, then by letter, counting up.  A length
 * holds at most 255 codes, so that a byte counts them: only 256 letters of
 * one length could exceed that, and then one letter is made more frequent.
 */
void kms_code_build(struct kms_code *h)
{
	unsigned int l, i, next = 0;

	huffman_lengths(h);
	for (l = 1; l <= KALLMODSYMS_CODE_MAX_LEN; l++) {
		unsigned int n = 0;

		for (i = 0; i < KMS_CODE_LETTERS; i++)
			n += h->len[i] == l;
		if (n > 255) {
			h->freq[0] = 4 * h->freq[0] + 1;
			kms_code_build(h);
			return;
		}
	}
	h->nr_letters = 0;
	memset(h->count, 0, sizeof(h->count));
	for (l = 1; l <= KALLMODSYMS_CODE_MAX_LEN; l++) {
		for (i = 0; i < KMS_CODE_LETTERS; i++) {
			if (h->len[i] != l)
				continue;
			h->code[i] = next++;
			h->order[h->nr_letters++] = i;
			h->count[l]++;
		}
		next <<= 1;
	}
}

void kms_bits_put(struct kms_bits *b, unsigned long long val, unsigned int n)
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

void kms_code_put(struct kms_bits *b, const struct kms_code *h,
		  unsigned int letter)
{
	if (!h->len[letter])
		kms_die("kallsyms: letter %u has no code", letter);
	kms_bits_put(b, h->code[letter], h->len[letter]);
}

/* Count @letter into @h, or, with @b, code it. */
void kms_code_letter(struct kms_bits *b, struct kms_code *h,
		     unsigned int letter)
{
	if (b)
		kms_code_put(b, h, letter);
	else
		h->freq[letter]++;
}

void kms_label(const char *name)
{
	printf("\n.globl %s\n", name);
	printf("\tALGN\n");
	printf("%s:\n", name);
}

/* A table of bytes needs no alignment. */
static void byte_label(const char *name)
{
	printf("\n.globl %s\n", name);
	printf("%s:\n", name);
}

void kms_code_write(const struct kms_code *h, const char *name)
{
	unsigned int i, max = KALLMODSYMS_CODE_MAX_LEN;
	char label[128];

	while (max && !h->count[max])
		max--;
	snprintf(label, sizeof(label), "%s_counts", name);
	byte_label(label);
	printf("\t.byte %u", max);
	for (i = 1; i <= max; i++)
		printf(", %u", h->count[i]);
	printf("\n");

	snprintf(label, sizeof(label), "%s_letters", name);
	byte_label(label);
	for (i = 0; i < h->nr_letters; i++)
		printf("\t.byte %u\n", h->order[i]);
}

void kms_bytes_write(const unsigned char *buf, size_t n, const char *name)
{
	size_t i;

	if (name)
		byte_label(name);
	for (i = 0; i < n; i++)
		printf("%s0x%02x%s", i % 16 ? ", " : "\t.byte ", buf[i],
		       i % 16 == 15 || i + 1 == n ? "\n" : "");
}

/* Two bytes of padding: the kernel reads codes three bytes at a time. */
void kms_bits_write(const struct kms_bits *b, const char *name)
{
	static const unsigned char pad[2];

	kms_bytes_write(b->buf, (b->nr + 7) / 8, name);
	kms_bytes_write(pad, sizeof(pad), NULL);
}
