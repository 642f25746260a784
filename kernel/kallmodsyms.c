// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms.c: built-in module attribution of kernel symbols, and
 * /proc/kallmodsyms.
 *
 * scripts/kallsyms emits, beside the kallsyms tables, a run-length encoding
 * of the kallsyms symbol index space: each run is a number of consecutive
 * symbols and the attribution they share: none, one module, or a set of
 * several modules (see scripts/kallmodsyms.c).  Symbols sorted by address keep the
 * objects of a module together, so runs are few: tens of bytes per module.
 * A marker every KMS_RUNS_PER_MARKER runs allows decoding from any symbol;
 * a sequential reader keeps a cursor instead and decodes each run once.
 */

#include <linux/kallmodsyms.h>
#include <linux/kallsyms.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/types.h>

#include "kallmodsyms_internal.h"

#define KMS_RUNS_PER_MARKER	64

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
	c->info_attr = ~0U;
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

static const char *kms_module_name(unsigned int id)
{
	const char *p = kallmodsyms_strings;

	while (id--)
		p += strlen(p) + 1;
	return p;
}

/*
 * Attribution 0 is no module, 1..M one module (id + 1), M + 1 + n the n-th
 * set of several modules.
 */
static void kms_fill_info(unsigned int attr, struct kallmodsyms_info *info)
{
	const u16 *set = kallmodsyms_sets;
	unsigned int i;

	info->nr_modules = 0;
	info->object = NULL;
	if (!attr)
		return;
	if (attr <= kallmodsyms_num_modules) {
		info->nr_modules = 1;
		info->modules[0] = kms_module_name(attr - 1);
		return;
	}
	for (i = kallmodsyms_num_modules + 1; i < attr; i++)
		set += 1 + set[0];
	info->nr_modules = min_t(unsigned int, set[0], KALLMODSYMS_MAX_MODULES);
	for (i = 0; i < info->nr_modules; i++)
		info->modules[i] = kms_module_name(set[i + 1]);
}

/**
 * kallmodsyms_symbol_info - module set and object of a core kernel symbol
 * @idx: the symbol's index in the kallsyms tables
 * @info: filled with the module names (none for core-kernel code) and the
 *	object-file tag (NULL where the name needs none)
 */
void kallmodsyms_symbol_info(unsigned int idx, struct kallmodsyms_info *info)
{
	struct kallmodsyms_cursor c;

	kallmodsyms_cursor_init(&c);
	kms_fill_info(kms_attr(&c, idx), info);
}
EXPORT_SYMBOL_GPL(kallmodsyms_symbol_info);

/**
 * kallmodsyms_lookup - built-in module(s) and object an address belongs to
 * @addr: an address in the core kernel image
 * @info: filled as by kallmodsyms_symbol_info() for the symbol holding @addr
 *
 * Return: 0, or -ENOENT if @addr is not in the core kernel's symbols.
 */
int kallmodsyms_lookup(unsigned long addr, struct kallmodsyms_info *info)
{
	unsigned long idx = kallsyms_symbol_index(addr);

	if (idx == ULONG_MAX)
		return -ENOENT;
	kallmodsyms_symbol_info(idx, info);
	return 0;
}
EXPORT_SYMBOL_GPL(kallmodsyms_lookup);

static void kms_show_tags(struct seq_file *m, struct kallmodsyms_cursor *c,
			  unsigned int attr)
{
	struct kallmodsyms_info *info = &c->info;
	char sep = '\t';
	unsigned int i;

	if (attr != c->info_attr) {
		kms_fill_info(attr, info);
		c->info_attr = attr;
	}
	for (i = 0; i < info->nr_modules; i++, sep = ' ')
		seq_printf(m, "%c[%s]", sep, info->modules[i]);
	if (info->object)
		seq_printf(m, "%c{%s}", sep, info->object);
}

/*
 * One line of /proc/kallmodsyms.  @idx is the kallsyms index of a core
 * kernel symbol, or negative for symbols of loaded modules, ftrace, BPF and
 * kprobes, which carry @module_name.
 */
void kallmodsyms_show(struct seq_file *m, struct kallmodsyms_cursor *c,
		      long idx, unsigned long value, bool show_value,
		      char type, const char *name, const char *module_name)
{
	unsigned long size = 0;

	if (!show_value) {
		value = 0;
		size = 0;
	}
	seq_printf(m, "%px %lx %c %s", (void *)value, size, type, name);
	if (idx < 0)
		seq_printf(m, "\t[%s]", module_name);
	else
		kms_show_tags(m, c, kms_attr(c, idx));
	seq_putc(m, '\n');
}
