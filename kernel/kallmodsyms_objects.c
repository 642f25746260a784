// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_objects.c: the object-file tags of built-in kernel symbols.
 *
 * Where symbols share a name and module set, scripts/kallsyms tags their
 * objects with the shortest trailing path that tells them apart, and all
 * symbols of a tagged object carry the tag.  Its tables (see
 * scripts/kallmodsyms_objects.c) are a run stream of the tagged objects'
 * numbers (see kallmodsyms_runs.c) and the objects' names (see
 * kallmodsyms_names.c).
 */

#include <linux/errno.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include "kallmodsyms_internal.h"

static const struct kallmodsyms_stream kms_tags =
	KALLMODSYMS_STREAM(kallmodsyms_tags);

void kallmodsyms_object_cursor_init(struct kallmodsyms_object_cursor *c)
{
	kallmodsyms_run_cursor_init(&c->runs);
	kallmodsyms_names_cursor_init(&c->names);
	c->tag = -1;
}

/*
 * The object tag of core kernel symbol @idx, if it has one: " {dir/obj.o}",
 * or "\t{dir/obj.o}" if it has no module tags before it.  Like module
 * tags, it is decoded once into the cursor for the symbols that share it.
 */
void kallmodsyms_show_object(struct seq_file *m,
			     struct kallmodsyms_object_cursor *c,
			     unsigned int idx, bool after_modules)
{
	int tag = kallmodsyms_run_value(&kms_tags, &c->runs, idx);

	if (tag < 0)
		return;
	seq_puts(m, after_modules ? " {" : "\t{");
	if (tag != c->tag) {
		struct kallmodsyms_out t = {
			.buf = c->text, .size = sizeof(c->text)
		};

		c->text[0] = '\0';
		kallmodsyms_put_object(&t, &c->names, tag);
		c->tag = tag;
		c->fits = t.len < sizeof(c->text);
	}
	if (c->fits) {
		seq_puts(m, c->text);
	} else {
		struct kallmodsyms_out o = { .m = m };

		kallmodsyms_put_object(&o, &c->names, tag);
	}
	seq_putc(m, '}');
}

/*
 * The object-file tag of core kernel symbol @idx into @buf of @size bytes
 * ("" where its name needs none): its length, or -ENOSPC if @buf is too
 * small.
 */
int kallmodsyms_symbol_object(unsigned int idx, char *buf, size_t size)
{
	struct kallmodsyms_out o = { .buf = buf, .size = size };
	struct kallmodsyms_run_cursor runs;
	int tag;

	if (!size)
		return -ENOSPC;
	buf[0] = '\0';
	kallmodsyms_run_cursor_init(&runs);
	tag = kallmodsyms_run_value(&kms_tags, &runs, idx);
	if (tag >= 0)
		kallmodsyms_put_object(&o, NULL, tag);
	return o.len >= size ? -ENOSPC : o.len;
}
