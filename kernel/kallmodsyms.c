// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms.c: the lines of /proc/kallmodsyms.
 *
 * Each is a line of /proc/kallsyms with the symbol's size after its
 * address and, for a core kernel symbol, what else the tables that
 * scripts/kallsyms emits say of it (see kallmodsyms_*.c).  A reader's
 * cursor keeps its place in each table, so that a sequential read decodes
 * each part once.
 */

#include <linux/kallmodsyms.h>
#include <linux/kallsyms.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include "kallsyms_internal.h"
#include "kallmodsyms_internal.h"

void kallmodsyms_cursor_init(struct kallmodsyms_cursor *c)
{
	kallmodsyms_size_cursor_init(&c->size);
	kallmodsyms_modules_cursor_init(&c->modules);
	kallmodsyms_object_cursor_init(&c->object);
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
	bool modules;

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
		modules = kallmodsyms_show_modules(m, &c->modules, idx);
		kallmodsyms_show_object(m, &c->object, idx, modules);
	}
	seq_putc(m, '\n');
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
