// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms.c: the tables scripts/kallsyms emits for /proc/kallmodsyms.
 *
 * With --kallmodsyms, from these inputs, all given on the command line
 * and needed only when there are symbols:
 *   --modules-thick=modules_thick.builtin  objects of each built-in module
 *   --link-map=.tmp_vmlinuxN.map           where the link put each object
 *   --vmlinux-o-map=vmlinux.o.map          when vmlinux is linked from
 *                                          vmlinux.o: where each object
 *                                          lies within vmlinux.o
 *   --elf=.tmp_vmlinuxN                    the image the symbols come
 *                                          from, for their sizes
 *   --verbose                              also print on stderr the
 *                                          warnings for names no object
 *                                          tag can tell apart (always
 *                                          in the output as comments)
 *
 * This file collects the kallsyms symbols and reads the inputs; each
 * feature then fills in its part of every symbol and writes its tables:
 * built-in modules (kallmodsyms_modules.c), object tags
 * (kallmodsyms_objects.c), the names of both (kallmodsyms_names.c) and
 * exact sizes (kallmodsyms_sizes.c).
 */

#include <string.h>

#include <xalloc.h>

#include "kallmodsyms.h"

/* The tables end on a boundary of this many bytes. */
#define KMS_TABLES_END_ALIGN	64

static bool enabled;		/* --kallmodsyms */
static const char *modules_thick_file, *link_map_file, *omap_file, *elf_file;

static struct kms_symbol *symbols;
static unsigned int nr_symbols;
static struct kms_map map;	/* where the link put each input section */

static bool verbose;		/* warnings on stderr too */

int kallmodsyms_option(int opt, const char *arg)
{
	switch (opt) {
	case 'K':
		enabled = true;
		return 0;
	case 'M':
		modules_thick_file = arg;
		return 0;
	case 'L':
		link_map_file = arg;
		return 0;
	case 'O':
		omap_file = arg;
		return 0;
	case 'E':
		elf_file = arg;
		return 0;
	case 'V':
		verbose = true;
		return 0;
	}
	return 1;
}

void kallmodsyms_add_symbol(unsigned long long addr, const char *name,
			    unsigned int line)
{
	static unsigned int alloc;
	struct kms_symbol *s;

	if (!enabled)
		return;
	symbols = kms_grow(symbols, nr_symbols, &alloc, sizeof(*symbols));
	s = &symbols[nr_symbols++];
	memset(s, 0, sizeof(*s));
	s->addr = addr;
	s->name = xstrdup(name);
	s->line = line;
}

/*
 * The link map, composed with vmlinux.o.map when vmlinux was linked from
 * vmlinux.o.
 */
static void read_maps(void)
{
	struct kms_map omap;

	if (!link_map_file)
		kms_die("kallsyms: --kallmodsyms needs --link-map for %u symbols",
			nr_symbols);
	kms_read_map(&map, link_map_file);
	if (omap_file) {
		kms_read_relocatable_map(&omap, omap_file);
		kms_compose_map(&map, &omap);
		map.files = omap.files;
	} else if (kms_map_has_file(&map, "vmlinux.o")) {
		kms_die("%s: vmlinux was linked from vmlinux.o: --vmlinux-o-map is needed",
			link_map_file);
	}
}

/*
 * Read and check the inputs before scripts/kallsyms writes anything, so
 * that bad input fails the build without leaving part of a .S behind.  A
 * list without symbols (the first pass) does without them.  @list is the
 * symbol list, which the symbols' line numbers are of.
 */
void kallmodsyms_read_inputs(const char *list)
{
	if (!enabled || !nr_symbols)
		return;
	if (!modules_thick_file)
		kms_die("kallsyms: --kallmodsyms needs --modules-thick for %u symbols",
			nr_symbols);
	kms_read_modules_thick(modules_thick_file);
	read_maps();
	if (!elf_file)
		kms_die("kallsyms: --kallmodsyms needs --elf for %u symbols",
			nr_symbols);
	kms_read_symbol_sizes(elf_file, list, symbols, nr_symbols);
	kms_place_modules(&map);
	kms_attribute_symbols(&map, symbols, nr_symbols);
}

/* The tables, from inputs read and checked already: nothing fails here. */
void kallmodsyms_write_src(void)
{
	struct kms_names module_names = { 0 }, object_names = { 0 };

	if (!enabled)
		return;

	kms_tag_objects(&map, symbols, nr_symbols, verbose);
	kms_write_module_tables(symbols, nr_symbols, &module_names);
	kms_write_object_tables(symbols, nr_symbols, &object_names);
	kms_write_names(&module_names, &object_names);
	kms_write_size_tables(symbols, nr_symbols);
	/*
	 * ld.lld places the pools it merges constants into, aligned to up to
	 * 64 bytes, after these tables in .rodata: ending them on such a
	 * boundary in every pass keeps the padding before the pools, and so
	 * the gaps the size table codes, the same when the tables grow.
	 */
	printf("\t.balign %d\n", KMS_TABLES_END_ALIGN);
}
