// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_names.c: the module and object names of the kallmodsyms
 * tables.
 *
 * scripts/kallmodsyms_names.c writes each name as its characters and
 * KALLMODSYMS_NAME_END, all in one Huffman code (see kallmodsyms_code.c):
 * module names by id, then the tagged objects' trailing paths without
 * ".o" by tag number.  An index gives where every
 * KALLMODSYMS_NAMES_PER_INDEX-th name of each list starts; a name is found
 * by skipping the names before it from there.  A reader's cursor keeps
 * where the name after the last one it wrote starts, so that names read in
 * order are each decoded once.
 */

#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/types.h>

#include "kallmodsyms_internal.h"

static const struct kallmodsyms_code kms_letters = {
	kallmodsyms_names_counts, kallmodsyms_names_letters
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

static unsigned int kms_letter(unsigned int *pos)
{
	return kallmodsyms_read_letter(&kms_letters, kallmodsyms_names_bits,
				       pos);
}

/*
 * Write name @i of the list @index is of: from the index entry before it,
 * or from where @names (if not NULL) was left, if that is nearer; leave
 * @names after it.
 */
static void kms_put_name(struct kallmodsyms_out *o,
			 struct kallmodsyms_names_cursor *names,
			 const unsigned int *index, unsigned int i)
{
	unsigned int pos = index[i / KALLMODSYMS_NAMES_PER_INDEX];
	unsigned int skip = i % KALLMODSYMS_NAMES_PER_INDEX;
	unsigned int letter;
	char c;

	if (names && names->nr <= i && i - names->nr <= skip) {
		pos = names->bit;
		skip = i - names->nr;
	}
	while (skip)
		if (kms_letter(&pos) == KALLMODSYMS_NAME_END)
			skip--;
	while ((letter = kms_letter(&pos)) != KALLMODSYMS_NAME_END) {
		c = letter;
		kallmodsyms_putn(o, &c, 1);
	}
	if (names) {
		names->nr = i + 1;
		names->bit = pos;
	}
}

void kallmodsyms_names_cursor_init(struct kallmodsyms_names_cursor *names)
{
	names->nr = ~0U;
}

/* Write the name of module @id; @names may be NULL. */
void kallmodsyms_put_module(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cursor *names,
			    unsigned int id)
{
	kms_put_name(o, names, kallmodsyms_module_index, id);
}

/* Write the trailing path of object tag @tag; @names may be NULL. */
void kallmodsyms_put_object(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cursor *names,
			    unsigned int tag)
{
	kms_put_name(o, names, kallmodsyms_object_index, tag);
	kallmodsyms_puts(o, ".o");
}
