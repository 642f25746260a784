// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms.c: built-in module attribution of kernel symbols, and
 * /proc/kallmodsyms.
 *
 * scripts/kallsyms emits, beside the kallsyms tables, a run stream (see
 * kallmodsyms_code.c) of the attribution of each symbol: none, one module,
 * or a set of several modules (see scripts/kallmodsyms.c).  Symbols sorted
 * by address keep the objects of a module together, so runs are few.
 * Module and object names are in kallmodsyms_names.c, object-file tags in
 * kallmodsyms_objects.c, sizes in kallmodsyms_sizes.c.
 */

#include <linux/kallmodsyms.h>
#include <linux/kallsyms.h>
#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include "kallsyms_internal.h"
#include "kallmodsyms_internal.h"

static const struct kallmodsyms_stream kms_modules =
	KALLMODSYMS_STREAM(kallmodsyms_modules);

void kallmodsyms_cursor_init(struct kallmodsyms_cursor *c)
{
	kallmodsyms_run_cursor_init(&c->mods);
	kallmodsyms_run_cursor_init(&c->tags);
	c->mods_attr = ~0U;
	c->obj_tag = -1;
	kallmodsyms_names_cursor_init(&c->mod_names);
	kallmodsyms_names_cursor_init(&c->obj_names);
	kallmodsyms_size_cursor_init(&c->size);
}

/* The attribution of symbol @idx: see kms_fill_set(). */
static unsigned int kms_attr(struct kallmodsyms_cursor *c, unsigned int idx)
{
	return kallmodsyms_run_value(&kms_modules, &c->mods, idx) + 1;
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
		set->ids[0] = attr - 1;
		return;
	}
	for (i = kallmodsyms_num_modules + 1; i < attr; i++)
		p += 1 + p[0];
	set->nr = min_t(unsigned int, p[0], KALLMODSYMS_MAX_MODULES);
	for (i = 0; i < set->nr; i++)
		set->ids[i] = p[i + 1];
}

/*
 * The built-in modules of core kernel symbol @idx into @buf of @size bytes
 * (if @buf is not NULL), space-separated ("" for core-kernel code): the
 * number of modules, or -ENOSPC if @buf is too small.
 */
int kallmodsyms_symbol_modules(unsigned int idx, char *buf, size_t size)
{
	struct kallmodsyms_out o = { .buf = buf, .size = size };
	struct kallmodsyms_run_cursor mods;
	struct kallmodsyms_set set;
	unsigned int i;

	if (buf) {
		if (!size)
			return -ENOSPC;
		buf[0] = '\0';
	}
	kallmodsyms_run_cursor_init(&mods);
	kms_fill_set(kallmodsyms_run_value(&kms_modules, &mods, idx) + 1, &set);
	for (i = 0; i < set.nr; i++) {
		if (i)
			kallmodsyms_puts(&o, " ");
		kallmodsyms_put_module(&o, NULL, set.ids[i]);
	}
	return buf && o.len >= size ? -ENOSPC : set.nr;
}

/*
 * The object-file tag of core kernel symbol @idx into @buf of @size bytes
 * ("" where its name needs none): its length, or -ENOSPC if @buf is too
 * small.
 */
int kallmodsyms_symbol_object(unsigned int idx, char *buf, size_t size)
{
	struct kallmodsyms_out o = { .buf = buf, .size = size };
	struct kallmodsyms_run_cursor tags;
	int tag;

	if (!size)
		return -ENOSPC;
	buf[0] = '\0';
	kallmodsyms_run_cursor_init(&tags);
	tag = kallmodsyms_tag(&tags, idx);
	if (tag >= 0)
		kallmodsyms_put_object(&o, NULL, tag);
	return o.len >= size ? -ENOSPC : o.len;
}

/**
 * kallmodsyms_lookup - size, built-in modules and object of an address
 * @addr: an address in the core kernel image
 * @size: if not NULL, receives the size of the symbol holding @addr (the
 *	last one starting at or before it): its st_size in vmlinux
 * @modules: if not NULL, receives the names of the tristate modules,
 *	configured =y, whose object file holds that symbol, space-separated
 *	and sorted ("" for core-kernel code): the modules it would belong to
 *	had they been built as loadable modules
 * @modules_size: size of @modules
 * @object: if not NULL, receives the shortest trailing path of the
 *	symbol's object file that tells its name apart from others of the
 *	same name and modules ("sched/core.o"), or "" where none is needed
 * @object_size: size of @object
 *
 * These are what /proc/kallmodsyms shows for the symbol.
 *
 * Return: the number of modules, -ENOENT if @addr is not in the core
 * kernel's symbols, or -ENOSPC if a buffer is too small.
 */
int kallmodsyms_lookup(unsigned long addr, unsigned long *size,
		       char *modules, size_t modules_size,
		       char *object, size_t object_size)
{
	unsigned long idx = kallsyms_symbol_index(addr);
	int ret;

	if (idx == ULONG_MAX)
		return -ENOENT;
	if (size)
		*size = kallmodsyms_symbol_size(idx);
	if (object) {
		ret = kallmodsyms_symbol_object(idx, object, object_size);
		if (ret < 0)
			return ret;
	}
	return kallmodsyms_symbol_modules(idx, modules,
					  modules ? modules_size : 0);
}

/* "\t[mod1] [mod2]" for attribution @attr */
static void kms_put_modules(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cursor *names,
			    unsigned int attr)
{
	struct kallmodsyms_set set;
	unsigned int i;

	kms_fill_set(attr, &set);
	for (i = 0; i < set.nr; i++) {
		kallmodsyms_puts(o, i ? " [" : "\t[");
		kallmodsyms_put_module(o, names, set.ids[i]);
		kallmodsyms_puts(o, "]");
	}
}

/*
 * The tags of core kernel symbol @idx: "\t[mod1] [mod2] {dir/obj.o}".
 * Consecutive symbols mostly share them: the module names and the object
 * name are each decoded once into the cursor and copied from there.
 */
static void kms_show_tags(struct seq_file *m, struct kallmodsyms_cursor *c,
			  unsigned int idx)
{
	struct kallmodsyms_out o = { .m = m };
	unsigned int attr = kms_attr(c, idx);
	int tag = kallmodsyms_tag(&c->tags, idx);

	if (attr != c->mods_attr) {
		struct kallmodsyms_out t = {
			.buf = c->mods_text, .size = sizeof(c->mods_text)
		};

		c->mods_text[0] = '\0';
		kms_put_modules(&t, &c->mod_names, attr);
		c->mods_attr = attr;
		c->mods_fit = t.len < sizeof(c->mods_text);
	}
	if (c->mods_fit)
		seq_puts(m, c->mods_text);
	else
		kms_put_modules(&o, &c->mod_names, attr);

	if (tag < 0)
		return;
	seq_puts(m, attr ? " {" : "\t{");
	if (tag != c->obj_tag) {
		struct kallmodsyms_out t = {
			.buf = c->obj_text, .size = sizeof(c->obj_text)
		};

		c->obj_text[0] = '\0';
		kallmodsyms_put_object(&t, &c->obj_names, tag);
		c->obj_tag = tag;
		c->obj_fits = t.len < sizeof(c->obj_text);
	}
	if (c->obj_fits)
		seq_puts(m, c->obj_text);
	else
		kallmodsyms_put_object(&o, &c->obj_names, tag);
	seq_putc(m, '}');
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
		size = kallmodsyms_cursor_size(&c->size, idx, value);
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
