// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms.c: built-in module attribution of kernel symbols, and
 * /proc/kallmodsyms.
 *
 * scripts/kallsyms emits, beside the kallsyms tables, a run-length encoding
 * of the kallsyms symbol index space: each run is a number of consecutive
 * symbols and the attribution they share: none, one module, or a set of
 * several modules (see scripts/kallmodsyms.c).  Symbols sorted by address
 * keep the objects of a module together, so runs are few: about 17 bytes
 * per built-in module, names included.
 * A marker every KMS_RUNS_PER_MARKER runs allows decoding from any symbol;
 * a sequential reader keeps a cursor instead and decodes each run once.
 */

#include <linux/export.h>
#include <linux/kallmodsyms.h>
#include <linux/kallsyms.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/types.h>

#include "kallsyms_internal.h"
#include "kallmodsyms_internal.h"

#define KMS_RUNS_PER_MARKER	128

static unsigned int kms_uleb128(const u8 *p, unsigned int *off)
{
	unsigned int val = 0, shift = 0;
	u8 byte;

	do {
		byte = p[(*off)++];
		val |= (unsigned int)(byte & 0x7f) << shift;
		shift += 7;
	} while (byte & 0x80);

	return val;
}

/* Decode the run after the cursor's one (see scripts/kallmodsyms.c). */
static void kms_next_run(struct kallmodsyms_cursor *c)
{
	u8 b = kallmodsyms_runs[c->next++];
	unsigned int len;

	if (b < 0x80) {
		c->attr = c->prev + 1;
		len = b + 1;
	} else if (b < 0xc0) {
		c->attr = 0;
		len = (b & 0x3f) + 1;
	} else {
		if (b < 0xe0)
			c->attr = c->prev + (b & 0x1f) + 2;
		else
			c->attr = kms_uleb128(kallmodsyms_runs, &c->next);
		len = kms_uleb128(kallmodsyms_runs, &c->next) + 1;
	}
	if (c->attr)
		c->prev = c->attr;
	c->run++;
	c->start = c->end;
	c->end = c->start + len;
}

/* Position the cursor just before the run that starts marker @k. */
static void kms_seek_marker(struct kallmodsyms_cursor *c, unsigned int k)
{
	c->run = k * KMS_RUNS_PER_MARKER - 1;
	c->end = kallmodsyms_run_markers[3 * k];
	c->next = kallmodsyms_run_markers[3 * k + 1];
	c->prev = kallmodsyms_run_markers[3 * k + 2];
}

static unsigned int kms_nr_markers(void)
{
	return DIV_ROUND_UP(kallmodsyms_num_runs, KMS_RUNS_PER_MARKER);
}

/* The last marker whose first symbol is at or before @idx. */
static unsigned int kms_find_marker(unsigned int idx)
{
	unsigned int lo = 0, hi = kms_nr_markers();

	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (kallmodsyms_run_markers[3 * mid] <= idx)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void kallmodsyms_cursor_init(struct kallmodsyms_cursor *c)
{
	c->run = ~0U;
	c->start = 0;
	c->end = 0;
	c->next = 0;
	c->attr = 0;
	c->prev = 0;
	c->set_attr = ~0U;
	kallmodsyms_size_cursor_init(c);
	kallmodsyms_tag_cursor_init(c);
}

/*
 * The attribution of symbol @idx.  A reader moving forward decodes only the
 * runs it passes, up to the next marker; anything else seeks.
 */
static unsigned int kms_attr(struct kallmodsyms_cursor *c, unsigned int idx)
{
	unsigned int k;

	if (!kallmodsyms_num_runs)
		return 0;
	if (c->run != ~0U && idx >= c->start && idx < c->end)
		return c->attr;

	k = (c->run + 1) / KMS_RUNS_PER_MARKER + 1;
	if (c->run == ~0U || idx < c->start ||
	    (k < kms_nr_markers() && idx >= kallmodsyms_run_markers[3 * k]))
		kms_seek_marker(c, kms_find_marker(idx));

	while (c->run + 1 < kallmodsyms_num_runs) {
		kms_next_run(c);
		if (idx < c->end)
			return c->attr;
	}

	kallmodsyms_cursor_init(c);
	return 0;
}

/*
 * Module names are stored as kallsyms does symbol names: a count byte,
 * then that many indexes into kallsyms_token_table; a name the tokens
 * cannot spell has 0x80 | its length, then its characters.
 */
#define KMS_NAME_RAW	0x80

static const u8 *kms_module_name(unsigned int id)
{
	const u8 *p = kallmodsyms_strings;

	while (id--)
		p += 1 + (*p & ~KMS_NAME_RAW);
	return p;
}

void kallmodsyms_puts(struct kallmodsyms_out *o, const char *s)
{
	if (o->m)
		seq_puts(o->m, s);
	else
		o->len = strlcat(o->buf, s, o->size);
}

static void kms_put_name(struct kallmodsyms_out *o, const u8 *name)
{
	unsigned int i;
	char raw[2] = "";

	for (i = 1; i <= (name[0] & ~KMS_NAME_RAW); i++) {
		if (name[0] & KMS_NAME_RAW)
			raw[0] = name[i];
		kallmodsyms_puts(o, name[0] & KMS_NAME_RAW ? raw :
				 &kallsyms_token_table[kallsyms_token_index[name[i]]]);
	}
}

void kallmodsyms_put_module(struct kallmodsyms_out *o, unsigned int id)
{
	kms_put_name(o, kms_module_name(id));
}

/*
 * Attribution 0 is no module, 1..M one module (id + 1), M + 1 + n the n-th
 * set of several modules.
 */
static void kms_fill_set(unsigned int attr, struct kallmodsyms_set *set)
{
	const u16 *p = kallmodsyms_sets;
	unsigned int i;

	set->nr = 0;
	if (!attr)
		return;
	if (attr <= kallmodsyms_num_modules) {
		set->nr = 1;
		set->names[0] = kms_module_name(attr - 1);
		return;
	}
	for (i = kallmodsyms_num_modules + 1; i < attr; i++)
		p += 1 + p[0];
	set->nr = min_t(unsigned int, p[0], KALLMODSYMS_MAX_MODULES);
	for (i = 0; i < set->nr; i++)
		set->names[i] = kms_module_name(p[i + 1]);
}

/**
 * kallmodsyms_symbol_modules - built-in modules of a core kernel symbol
 * @idx: the symbol's index in the kallsyms tables
 * @buf: receives the module names, space-separated ("" for core-kernel code)
 * @size: size of @buf
 *
 * A name is that of the tristate module, configured =y, the symbol's
 * object file would be linked into if the module were built as loadable.
 *
 * Return: the number of modules, or -ENOSPC if @buf is too small.
 */
int kallmodsyms_symbol_modules(unsigned int idx, char *buf, size_t size)
{
	struct kallmodsyms_out o = { .buf = buf, .size = size };
	struct kallmodsyms_cursor c;
	unsigned int i;

	if (!size)
		return -ENOSPC;
	buf[0] = '\0';
	kallmodsyms_cursor_init(&c);
	kms_fill_set(kms_attr(&c, idx), &c.set);
	for (i = 0; i < c.set.nr; i++) {
		if (i)
			kallmodsyms_puts(&o, " ");
		kms_put_name(&o, c.set.names[i]);
	}
	return o.len >= size ? -ENOSPC : c.set.nr;
}
EXPORT_SYMBOL_GPL(kallmodsyms_symbol_modules);

/**
 * kallmodsyms_symbol_object - object-file tag of a core kernel symbol
 * @idx: the symbol's index in the kallsyms tables
 * @buf: receives the tag: the trailing path of the symbol's object file
 *	that tells it from the others defining its name in its module set
 *	("sched/core.o"), or "" where the name needs no tag
 * @size: size of @buf
 *
 * Return: the length of the tag, or -ENOSPC if @buf is too small.
 */
int kallmodsyms_symbol_object(unsigned int idx, char *buf, size_t size)
{
	struct kallmodsyms_out o = { .buf = buf, .size = size };
	struct kallmodsyms_cursor c;
	int tag;

	if (!size)
		return -ENOSPC;
	buf[0] = '\0';
	kallmodsyms_cursor_init(&c);
	tag = kallmodsyms_tag(&c, idx);
	if (tag >= 0)
		kallmodsyms_put_object(&o, &c, tag);
	return o.len >= size ? -ENOSPC : o.len;
}
EXPORT_SYMBOL_GPL(kallmodsyms_symbol_object);

/**
 * kallmodsyms_lookup - built-in modules and object an address belongs to
 * @addr: an address in the core kernel image
 * @mods: receives the module names as by kallmodsyms_symbol_modules() for
 *	the symbol holding @addr
 * @mods_size: size of @mods
 * @obj: receives the object-file tag as by kallmodsyms_symbol_object()
 * @obj_size: size of @obj
 *
 * Return: the number of modules, -ENOENT if @addr is not in the core
 * kernel's symbols, or -ENOSPC if a buffer is too small.
 */
int kallmodsyms_lookup(unsigned long addr, char *mods, size_t mods_size,
		       char *obj, size_t obj_size)
{
	unsigned long idx = kallsyms_symbol_index(addr);
	int ret;

	if (idx == ULONG_MAX)
		return -ENOENT;
	ret = kallmodsyms_symbol_object(idx, obj, obj_size);
	if (ret < 0)
		return ret;
	return kallmodsyms_symbol_modules(idx, mods, mods_size);
}
EXPORT_SYMBOL_GPL(kallmodsyms_lookup);

/* "\t[mod1] [mod2] {dir/obj.o}" for core kernel symbol @idx */
static void kms_show_tags(struct seq_file *m, struct kallmodsyms_cursor *c,
			  unsigned int idx)
{
	struct kallmodsyms_out o = { .m = m };
	unsigned int attr = kms_attr(c, idx), i;
	int tag = kallmodsyms_tag(c, idx);

	if (attr != c->set_attr) {
		kms_fill_set(attr, &c->set);
		c->set_attr = attr;
	}
	for (i = 0; i < c->set.nr; i++) {
		seq_puts(m, i ? " [" : "\t[");
		kms_put_name(&o, c->set.names[i]);
		seq_putc(m, ']');
	}
	if (tag >= 0) {
		seq_puts(m, c->set.nr ? " {" : "\t{");
		kallmodsyms_put_object(&o, c, tag);
		seq_putc(m, '}');
	}
}

/*
 * One line of /proc/kallmodsyms.  @idx is the kallsyms index of a core
 * kernel symbol, or negative for symbols of loaded modules, ftrace, BPF and
 * kprobes, which carry @module_name and @size.
 */
void kallmodsyms_show(struct seq_file *m, struct kallmodsyms_cursor *c,
		      long idx, unsigned long value, unsigned long size,
		      bool show_value, char type, const char *name,
		      const char *module_name)
{
	if (!show_value) {
		value = 0;
		size = 0;
	} else if (idx >= 0) {
		size = kallmodsyms_cursor_size(c, idx, value);
	}
	/* As "%px %lx %c %s", without the cost of vsnprintf() per line. */
	seq_put_hex_ll(m, NULL, value, 2 * sizeof(void *));
	seq_put_hex_ll(m, " ", size, 0);
	seq_putc(m, ' ');
	seq_putc(m, type);
	seq_putc(m, ' ');
	seq_puts(m, name);
	if (idx < 0) {
		seq_puts(m, "\t[");
		seq_puts(m, module_name);
		seq_putc(m, ']');
	} else {
		kms_show_tags(m, c, idx);
	}
	seq_putc(m, '\n');
}
