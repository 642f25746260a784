/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Built-in module and object-file attribution of kernel symbols.
 *
 * A built-in symbol's module set names the tristate modules, configured =y,
 * whose object files hold its bytes: the modules it would belong to if they
 * were built as loadable modules.  It is empty for core-kernel code.
 */
#ifndef _LINUX_KALLMODSYMS_H
#define _LINUX_KALLMODSYMS_H

#include <linux/errno.h>
#include <linux/types.h>

/* The most modules one object file can be linked into. */
#define KALLMODSYMS_MAX_MODULES	16

struct seq_file;

struct kallmodsyms_info {
	unsigned int nr_modules;
	const char *modules[KALLMODSYMS_MAX_MODULES];
	const char *object;	/* object file tag, or NULL */
};

/* Decoding state kept between consecutive symbols of a sequential read. */
struct kallmodsyms_cursor {
	unsigned int run;	/* run decoded last; ~0U: none yet */
	unsigned int start;	/* its first symbol index */
	unsigned int end;	/* one past its last symbol index */
	unsigned int next;	/* byte offset of the following run */
	unsigned int attr;	/* its attribution */
	unsigned int prev;	/* the last non-zero attribution decoded */
	unsigned int info_attr;	/* attribution @info describes; ~0U: none */
	struct kallmodsyms_info info;
};

#ifdef CONFIG_KALLMODSYMS
int kallmodsyms_lookup(unsigned long addr, struct kallmodsyms_info *info);
void kallmodsyms_symbol_info(unsigned int idx, struct kallmodsyms_info *info);

/* Between kernel/kallsyms.c and kernel/kallmodsyms.c. */
unsigned long kallsyms_symbol_index(unsigned long addr);
void kallmodsyms_cursor_init(struct kallmodsyms_cursor *c);
void kallmodsyms_show(struct seq_file *m, struct kallmodsyms_cursor *c,
		      long idx, unsigned long value, bool show_value,
		      char type, const char *name, const char *module_name);
#else
static inline int kallmodsyms_lookup(unsigned long addr,
				     struct kallmodsyms_info *info)
{
	return -ENOENT;
}
#endif

#endif /* _LINUX_KALLMODSYMS_H */
