// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_sizes.c: the exact size of each kallsyms symbol, and the
 * symbol size tables scripts/kallsyms emits for /proc/kallmodsyms.
 *
 * Each kallsyms symbol is matched with a symbol of the same name and
 * address in the ELF symbol table of the image it comes from (see
 * kallmodsyms_elf.c), the n-th kallsyms symbol of a name and address with
 * the n-th such ELF symbol: that gives its st_size and, for a local
 * symbol, the source file of the STT_FILE symbol heading its group (one
 * pointer per group, that is per object), which kallmodsyms_modules.c uses
 * to place a zero-sized symbol at a boundary between two objects.
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

#include <hash.h>
#include <hashtable.h>
#include <xalloc.h>

#include "kallmodsyms.h"

/*
 * The image's symbols, in symbol-table order, and by (name, address): each
 * key with the list of its symbols, one per kallsyms symbol of that name and
 * address.
 */
struct kms_elf_sym {
	unsigned long long size;
	const char *file;
	long next;
};

struct elf_key {
	struct hlist_node node;
	unsigned long long addr;
	long next;		/* its first symbol not yet taken, or -1 */
	char name[];
};

static struct kms_elf_sym *elf_syms;
static unsigned int nr_elf_syms, elf_alloc;
static HASHTABLE_DEFINE(elf_keys, 1U << 16);

static unsigned int hash_elf_key(const char *name, unsigned long long addr)
{
	return kms_hash_bytes(hash_str(name), &addr, sizeof(addr));
}

static struct elf_key *find_elf_key(const char *name, unsigned long long addr,
				    unsigned int hash)
{
	struct elf_key *k;

	hash_for_each_possible(elf_keys, k, node, hash)
		if (k->addr == addr && !strcmp(k->name, name))
			return k;
	return NULL;
}

static void add_elf_key(const char *name, unsigned long long addr,
			unsigned int hash, long first)
{
	size_t len = strlen(name) + 1;
	struct elf_key *k = xmalloc(sizeof(*k) + len);

	k->addr = addr;
	k->next = first;
	memcpy(k->name, name, len);
	hash_add(elf_keys, &k->node, hash);
}

static void add_elf_symbol(const char *name, unsigned long long addr,
			   unsigned long long size, const char *file)
{
	unsigned int hash = hash_elf_key(name, addr);
	struct elf_key *k = find_elf_key(name, addr, hash);
	long i;

	elf_syms = kms_grow(elf_syms, nr_elf_syms, &elf_alloc,
			    sizeof(*elf_syms));
	elf_syms[nr_elf_syms].size = size;
	elf_syms[nr_elf_syms].file = file;
	elf_syms[nr_elf_syms].next = -1;
	if (!k) {
		add_elf_key(name, addr, hash, nr_elf_syms);
	} else {
		i = k->next;
		while (elf_syms[i].next >= 0)
			i = elf_syms[i].next;
		elf_syms[i].next = nr_elf_syms;
	}
	nr_elf_syms++;
}

/* The next ELF symbol of this name and address not yet taken, or -1. */
static long take_elf_symbol(const char *name, unsigned long long addr)
{
	struct elf_key *k = find_elf_key(name, addr, hash_elf_key(name, addr));
	long e;

	if (!k || k->next < 0)
		return -1;
	e = k->next;
	k->next = elf_syms[e].next;
	return e;
}

/*
 * Give each kallsyms symbol the size and source file of its ELF symbol;
 * @list is the symbol list the symbols come from.
 */
void kms_read_symbol_sizes(const char *elf_file, const char *list,
			   struct kms_symbol *syms, unsigned int n)
{
	unsigned int i;

	kms_read_elf_symbols(elf_file, add_elf_symbol);
	for (i = 0; i < n; i++) {
		struct kms_symbol *s = &syms[i];
		long e = take_elf_symbol(s->name, s->addr);

		if (e < 0)
			kms_die("%s:%u: no symbol %s at %#llx in %s",
				list, s->line, s->name, s->addr, elf_file);
		s->size = elf_syms[e].size;
		s->file = elf_syms[e].file;
		s->elf_order = e;
	}
}

/* Tables */

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
