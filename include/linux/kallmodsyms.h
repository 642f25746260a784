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

/* Tags longer than this are written out on every line they are on. */
#define KALLMODSYMS_TEXT_LEN	128

struct seq_file;

/* The modules of one attribution. */
struct kallmodsyms_set {
	unsigned int nr;
	unsigned int ids[KALLMODSYMS_MAX_MODULES];
};

/* Where a name starts in the tables, and the symbol its copies count from. */
struct kallmodsyms_name {
	unsigned int bit;
	unsigned int sym;
};

/* The last name of a list decoded, and the last symbol name copied from. */
struct kallmodsyms_names_cache {
	unsigned int nr;	/* ~0U: none */
	struct kallmodsyms_name pos;
	unsigned int sym;	/* the name of kallsyms symbol @sym... */
	unsigned int off;	/* ...is at this offset in kallsyms_names */
};

/* Where a reader is in one run stream of the tables. */
struct kallmodsyms_run_cursor {
	unsigned int run;	/* runs decoded */
	unsigned int bit;	/* bit offset of the next run */
	unsigned int from;	/* the last run's gap starts here, */
	unsigned int start;	/* the run itself here, */
	unsigned int end;	/* and it ends before here */
	unsigned int value;	/* its value */
	bool valid;
};

/* Where a reader is in the size codes. */
struct kallmodsyms_size_cursor {
	unsigned int idx;	/* the symbol whose size code is next... */
	unsigned int bit;	/* ...at this bit offset */
	unsigned int last;	/* the symbol decoded last, of @size */
	unsigned long size;
};

/* Decoding state kept between consecutive symbols of a sequential read. */
struct kallmodsyms_cursor {
	struct kallmodsyms_run_cursor mods, tags;
	unsigned int mods_attr;	/* the attribution whose module names... */
	bool mods_fit;		/* ...fit in @mods_text, and are there */
	char mods_text[KALLMODSYMS_TEXT_LEN];
	int obj_tag;		/* the same for an object tag */
	bool obj_fits;
	char obj_text[KALLMODSYMS_TEXT_LEN / 2];
	struct kallmodsyms_names_cache mod_names, obj_names;
	struct kallmodsyms_size_cursor size;
};

#ifdef CONFIG_KALLMODSYMS
int kallmodsyms_lookup(unsigned long addr, char *mods, size_t mods_size,
		       char *obj, size_t obj_size);
int kallmodsyms_symbol_modules(unsigned int idx, char *buf, size_t size);
int kallmodsyms_symbol_object(unsigned int idx, char *buf, size_t size);
unsigned long kallmodsyms_symbol_size(unsigned int idx);
int kallmodsyms_lookup_size(unsigned long addr, unsigned long *size);

/* Between kernel/kallsyms.c and kernel/kallmodsyms.c. */
unsigned long kallsyms_symbol_index(unsigned long addr);
void kallmodsyms_cursor_init(struct kallmodsyms_cursor *c);
void kallmodsyms_show(struct seq_file *m, struct kallmodsyms_cursor *c,
		      long idx, unsigned long value, unsigned long size,
		      bool show_value, char type, const char *name,
		      const char *module_name);
#else
static inline int kallmodsyms_lookup(unsigned long addr, char *mods,
				     size_t mods_size, char *obj,
				     size_t obj_size)
{
	return -ENOENT;
}

static inline int kallmodsyms_lookup_size(unsigned long addr,
					  unsigned long *size)
{
	return -ENOENT;
}
#endif

#endif /* _LINUX_KALLMODSYMS_H */
