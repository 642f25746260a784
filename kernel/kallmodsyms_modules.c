// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_modules.c: the built-in modules of kernel symbols.
 *
 * scripts/kallsyms emits a run stream (see kallmodsyms_runs.c) of the
 * attribution of each symbol: none, one module, or a set of several
 * modules (see scripts/kallmodsyms_modules.c).  Symbols sorted by address
 * keep the objects of a module together, so runs are few.  Attribution 0
 * is no module (no value in the stream, which holds attribution - 1),
 * 1..M one module (its id + 1), M + 1 + n the n-th set of several modules
 * in kallmodsyms_sets: u16 count, then u16 module ids.
 */

#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include "kallmodsyms_internal.h"

static const struct kallmodsyms_stream kms_modules =
	KALLMODSYMS_STREAM(kallmodsyms_modules);

/* The modules of one attribution. */
struct kms_set {
	unsigned int nr;
	unsigned int ids[KALLMODSYMS_MAX_MODULES];
};

static unsigned int kms_attr(struct kallmodsyms_run_cursor *runs,
			     unsigned int idx)
{
	return kallmodsyms_run_value(&kms_modules, runs, idx) + 1;
}

static void kms_fill_set(unsigned int attr, struct kms_set *set)
{
	const u16 *p = kallmodsyms_sets;
	unsigned int i;

	set->nr = 0;
	if (!attr)
		return;
	if (attr <= kallmodsyms_num_modules) {
		set->nr = 1;
		set->ids[0] = attr - 1;
		return;
	}
	for (i = kallmodsyms_num_modules + 1; i < attr; i++)
		p += 1 + p[0];
	set->nr = min_t(unsigned int, p[0], KALLMODSYMS_MAX_MODULES);
	for (i = 0; i < set->nr; i++)
		set->ids[i] = p[i + 1];
}

/* "\t[mod1] [mod2]" for attribution @attr */
static void kms_put_modules(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cursor *names,
			    unsigned int attr)
{
	struct kms_set set;
	unsigned int i;

	kms_fill_set(attr, &set);
	for (i = 0; i < set.nr; i++) {
		kallmodsyms_puts(o, i ? " [" : "\t[");
		kallmodsyms_put_module(o, names, set.ids[i]);
		kallmodsyms_puts(o, "]");
	}
}

void kallmodsyms_modules_cursor_init(struct kallmodsyms_modules_cursor *c)
{
	kallmodsyms_run_cursor_init(&c->runs);
	kallmodsyms_names_cursor_init(&c->names);
	c->attr = ~0U;
}

/*
 * The module tags of core kernel symbol @idx, "\t[mod1] [mod2]": whether
 * it has any.  Consecutive symbols mostly share them: they are decoded
 * once into the cursor and copied from there.
 */
bool kallmodsyms_show_modules(struct seq_file *m,
			      struct kallmodsyms_modules_cursor *c,
			      unsigned int idx)
{
	unsigned int attr = kms_attr(&c->runs, idx);

	if (attr != c->attr) {
		struct kallmodsyms_out t = {
			.buf = c->text, .size = sizeof(c->text)
		};

		c->text[0] = '\0';
		kms_put_modules(&t, &c->names, attr);
		c->attr = attr;
		c->fits = t.len < sizeof(c->text);
	}
	if (c->fits) {
		seq_puts(m, c->text);
	} else {
		struct kallmodsyms_out o = { .m = m };

		kms_put_modules(&o, &c->names, attr);
	}
	return attr;
}

/*
 * The built-in modules of core kernel symbol @idx into @buf of @size bytes
 * (if @buf is not NULL), space-separated ("" for core-kernel code): the
 * number of modules, or -ENOSPC if @buf is too small.
 */
int kallmodsyms_symbol_modules(unsigned int idx, char *buf, size_t size)
{
	struct kallmodsyms_out o = { .buf = buf, .size = size };
	struct kallmodsyms_run_cursor runs;
	struct kms_set set;
	unsigned int i;

	if (buf) {
		if (!size)
			return -ENOSPC;
		buf[0] = '\0';
	}
	kallmodsyms_run_cursor_init(&runs);
	kms_fill_set(kms_attr(&runs, idx), &set);
	for (i = 0; i < set.nr; i++) {
		if (i)
			kallmodsyms_puts(&o, " ");
		kallmodsyms_put_module(&o, NULL, set.ids[i]);
	}
	return buf && o.len >= size ? -ENOSPC : set.nr;
}
