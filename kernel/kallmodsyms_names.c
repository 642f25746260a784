// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_names.c: the module and object names of the kallmodsyms
 * tables.
 *
 * scripts/kallmodsyms_names.c writes each name as letters of one Huffman
 * code: characters; KALLMODSYMS_NAME_COPY, the first L characters of the name of
 * kallsyms symbol S, L and S following in codes of their own (S as the
 * zigzag-coded difference from the previous copy's S); KALLMODSYMS_NAME_MODULE, a
 * module's name, its id following in as many bits as the largest id has;
 * and KALLMODSYMS_NAME_END.  Module and object names are mostly words that the
 * names of their symbols start with, which kallsyms has already.  An index
 * gives where every KALLMODSYMS_NAMES_PER_INDEX-th name starts; the copies of the
 * names from there count from symbol 0.
 */

#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/types.h>

#include "kallsyms_internal.h"
#include "kallmodsyms_internal.h"

static const struct kallmodsyms_code kms_letters = {
	kallmodsyms_names_counts, kallmodsyms_names_letters
};

static const struct kallmodsyms_code kms_copy_len = {
	kallmodsyms_names_copy_len_counts, kallmodsyms_names_copy_len_letters
};

static const struct kallmodsyms_code kms_copy_sym = {
	kallmodsyms_names_copy_sym_counts, kallmodsyms_names_copy_sym_letters
};

void kallmodsyms_putn(struct kallmodsyms_out *o, const char *s, size_t n)
{
	if (o->m) {
		seq_write(o->m, s, n);
		return;
	}
	if (o->len + 1 < o->size) {
		size_t k = min_t(size_t, n, o->size - 1 - o->len);

		memcpy(o->buf + o->len, s, k);
		o->buf[o->len + k] = '\0';
	}
	o->len += n;
}

void kallmodsyms_puts(struct kallmodsyms_out *o, const char *s)
{
	kallmodsyms_putn(o, s, strlen(s));
}

/*
 * Where the name of kallsyms symbol @idx starts in kallsyms_names: from
 * @cache's last one if that is nearer than the marker before @idx.
 */
static const u8 *kms_symbol_name(struct kallmodsyms_names_cache *cache,
				 unsigned int idx)
{
	const u8 *p = &kallsyms_names[kallsyms_markers[idx >> 8]];
	unsigned int i = idx & 0xff;

	if (cache->sym <= idx && idx - cache->sym < i) {
		p = &kallsyms_names[cache->off];
		i = idx - cache->sym;
	}
	for (; i; i--)
		p += *p & 0x80 ? 2 + ((*p & 0x7f) | p[1] << 7) : 1 + *p;
	cache->sym = idx;
	cache->off = p - kallsyms_names;
	return p;
}

/* Write the first @len characters of the name of kallsyms symbol @idx. */
static void kms_put_symbol_start(struct kallmodsyms_out *o,
				 struct kallmodsyms_names_cache *cache,
				 unsigned int idx, unsigned int len)
{
	const u8 *p;
	unsigned int n;
	bool type = true;

	if (idx >= kallsyms_num_syms)
		return;		/* not a copy scripts/kallsyms writes */
	p = kms_symbol_name(cache, idx);
	n = *p++;
	if (n & 0x80)
		n = (n & 0x7f) | (*p++ << 7);
	for (; n && len; n--) {
		const char *t = &kallsyms_token_table[kallsyms_token_index[*p++]];
		size_t k;

		if (type) {
			t++;	/* the symbol's type */
			type = false;
		}
		k = min_t(size_t, strlen(t), len);
		kallmodsyms_putn(o, t, k);
		len -= k;
	}
}

static unsigned int kms_module_id_bits(void)
{
	unsigned int b = 0;

	while (kallmodsyms_num_modules > 1U << b)
		b++;
	return b;
}

/*
 * Write the name at @pos to @o, or, if @o is NULL, skip it; move @pos past
 * it.  @cache speeds up finding the symbols it copies from.
 */
static void kms_put_name(struct kallmodsyms_out *o,
			 struct kallmodsyms_names_cache *cache,
			 struct kallmodsyms_name *pos)
{
	const u8 *bits = kallmodsyms_names_bits;
	unsigned int letter, len, id;
	char c;

	while ((letter = kallmodsyms_read_letter(&kms_letters, bits,
						 &pos->bit)) != KALLMODSYMS_NAME_END) {
		switch (letter) {
		case KALLMODSYMS_NAME_COPY:
			len = kallmodsyms_read_number(&kms_copy_len, bits,
						      &pos->bit);
			pos->sym += kallmodsyms_read_delta(&kms_copy_sym, bits,
							   &pos->bit);
			if (o)
				kms_put_symbol_start(o, cache, pos->sym,
						     len + KALLMODSYMS_NAME_MIN_COPY);
			break;
		case KALLMODSYMS_NAME_MODULE:
			id = kallmodsyms_read_bits(bits, &pos->bit,
						   kms_module_id_bits());
			if (o)
				kallmodsyms_put_module(o, NULL, id);
			break;
		default:
			c = letter;
			if (o)
				kallmodsyms_putn(o, &c, 1);
		}
	}
}

void kallmodsyms_names_cache_init(struct kallmodsyms_names_cache *cache)
{
	cache->nr = ~0U;
	cache->sym = 0;		/* symbol 0's name is first */
	cache->off = 0;
}

/*
 * Write name @i of the names @index is of: found from the index, or
 * forward from @cache's last name if that is nearer, and kept there.
 */
static void kms_put_indexed(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cache *cache,
			    const unsigned int *index, unsigned int i)
{
	unsigned int n = i % KALLMODSYMS_NAMES_PER_INDEX;
	struct kallmodsyms_name pos;

	if (cache->nr != i) {
		if (cache->nr < i && i - cache->nr <= n) {
			n = i - cache->nr;
		} else {
			cache->pos.bit = index[i / KALLMODSYMS_NAMES_PER_INDEX];
			cache->pos.sym = 0;
		}
		for (; n; n--)
			kms_put_name(NULL, cache, &cache->pos);
		cache->nr = i;
	}
	pos = cache->pos;
	kms_put_name(o, cache, &pos);
}

/* Write the name of module @id; @cache may be NULL. */
void kallmodsyms_put_module(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cache *cache,
			    unsigned int id)
{
	struct kallmodsyms_names_cache none;

	if (!cache) {
		kallmodsyms_names_cache_init(&none);
		cache = &none;
	}
	kms_put_indexed(o, cache, kallmodsyms_module_index, id);
}

/* Write the trailing path of the object with tag number @tag. */
void kallmodsyms_put_object(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cache *cache,
			    unsigned int tag)
{
	kms_put_indexed(o, cache, kallmodsyms_object_index, tag);
	kallmodsyms_puts(o, ".o");
}
