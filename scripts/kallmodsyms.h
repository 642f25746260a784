/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kallmodsyms.h: shared declarations of the kallmodsyms host tools, by
 * feature: what every feature uses (helpers, codes, the symbols), exact
 * sizes, built-in modules and object tags, then the hook scripts/kallsyms.c
 * calls.
 */
#ifndef KALLMODSYMS_H
#define KALLMODSYMS_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <list_types.h>

#include "../include/linux/kallmodsyms_format.h"

/* Helpers (kallmodsyms_util.c) */

/* A text file read line by line, for errors that say file:line. */
struct kms_reader {
	const char *file;
	FILE *fp;
	char *buf;
	size_t size;
	unsigned int lineno;
};

void kms_reader_open(struct kms_reader *r, const char *file);
char *kms_reader_line(struct kms_reader *r);
void kms_reader_close(struct kms_reader *r);

/* Fail with a message, printf-style; kms_fatal() says "file:line: " first. */
#define kms_die(...)					\
	do {						\
		fprintf(stderr, __VA_ARGS__);		\
		fputc('\n', stderr);			\
		exit(1);				\
	} while (0)

#define kms_fatal(r, ...)				\
	do {						\
		kms_print_position(r);			\
		kms_die(__VA_ARGS__);			\
	} while (0)

void kms_print_position(const struct kms_reader *r);

void kms_check_printable(const struct kms_reader *r, const char *what,
			 const char *name, size_t len);
void kms_check_module_path(const struct kms_reader *r, const char *path);
void kms_check_object_name(const struct kms_reader *r, const char *path);

void *kms_grow(void *array, unsigned int nr, unsigned int *alloc,
	       size_t size);

/*
 * Hash tables (scripts/include/hashtable.h) that find an element of an
 * array by its key hold the element's index; each lookup compares its key
 * with the element's.  Sizes are fixed: a defconfig build has 176,000
 * kallsyms symbols, about 3,000 objects and a few hundred built-in modules
 * (allyesconfig ten times as many objects and modules).
 */
struct kms_id_entry {
	struct hlist_node node;
	unsigned int id;
};

struct hlist_node *kms_id_node(unsigned int id);
unsigned int kms_hash_bytes(unsigned int hash, const void *key, size_t n);

/* Canonical Huffman codes and bit streams (kallmodsyms_code.c) */
#define KMS_CODE_LETTERS	256

struct kms_code {
	unsigned long freq[KMS_CODE_LETTERS];	/* filled in by the caller */
	unsigned int len[KMS_CODE_LETTERS], code[KMS_CODE_LETTERS];
	unsigned int count[KALLMODSYMS_CODE_MAX_LEN + 1];
	unsigned char order[KMS_CODE_LETTERS];
	unsigned int nr_letters;
};

struct kms_bits {
	unsigned char *buf;
	unsigned long long nr;	/* bits written */
	size_t alloc;
};

void kms_code_build(struct kms_code *h);
void kms_code_put(struct kms_bits *b, const struct kms_code *h,
		  unsigned int letter);
void kms_bits_put(struct kms_bits *b, unsigned long long val, unsigned int n);
void kms_code_letter(struct kms_bits *b, struct kms_code *h,
		     unsigned int letter);
void kms_label(const char *name);
void kms_code_write(const struct kms_code *h, const char *name);
void kms_bits_write(const struct kms_bits *b, const char *name);
void kms_bytes_write(const unsigned char *buf, size_t n, const char *name);

/* A kallsyms symbol, in kallsyms order; each feature fills in its fields. */
struct kms_input;

struct kms_symbol {
	unsigned long long addr;
	char *name;
	unsigned int line;	/* in the symbol list */
	/* sizes */
	unsigned long long size;
	const char *file;	/* source file of a local symbol, or NULL */
	unsigned int elf_order;	/* its place in the image's symbol table */
	/* modules */
	unsigned int set;	/* its module set */
	const struct kms_input *in;	/* its input section, or NULL */
	/* objects */
	int object;		/* its object file, or -1 */
};

/* Exact sizes (kallmodsyms_elf.c, kallmodsyms_sizes.c) */
void kms_read_elf_symbols(const char *path,
			  void (*fn)(const char *name, unsigned long long addr,
				     unsigned long long size, const char *file));
void kms_read_symbol_sizes(const char *elf_file, const char *list,
			   struct kms_symbol *syms, unsigned int n);
void kms_write_size_tables(const struct kms_symbol *syms, unsigned int n);

/*
 * Built-in modules (kallmodsyms_map.c, kallmodsyms_names.c,
 * kallmodsyms_modules.c)
 *
 * Linker maps.  One record per input section the linker placed: where it
 * went, how large it is (empty ones too: they may hold zero-sized symbols)
 * and which file it came from.  Sections created by
 * the linker script itself (no input file) and discarded sections are not
 * recorded.  Addresses from a relocatable link (vmlinux.o.map) are offsets
 * in their output section.
 */
struct kms_input {
	unsigned long long addr, size;
	const char *file;	/* object path, or "vmlinux.o" */
	const char *section;	/* input section name */
	const char *osection;	/* output section it was placed in */
	const char *map;	/* the map that says so... */
	unsigned int line;	/* ...and where */
};

struct kms_output {
	const char *name;
	unsigned long long addr, size;
	unsigned int line;
	unsigned int first, last;	/* its records: in[first..last) */
};

struct kms_map_names;		/* a set of names (kallmodsyms_map.c) */

struct kms_map {
	const char *file;
	bool relocatable;		/* from ld -r: addresses are offsets */
	struct kms_input *in;
	unsigned int nr, alloc;
	struct kms_output *out;
	unsigned int nr_out;
	struct kms_map_names *script_syms; /* symbols the linker script defines */
	struct kms_map_names *files;	/* every file an input section names */
	struct kms_input *pools;	/* sections ld.lld made, "<internal>" */
	unsigned int nr_pools, pools_alloc;
};

void kms_read_map(struct kms_map *map, const char *file);
void kms_read_relocatable_map(struct kms_map *map, const char *file);
bool kms_map_has_file(const struct kms_map *map, const char *file);
bool kms_map_script_symbol(const struct kms_map *map, const char *name);
void kms_compose_map(struct kms_map *map, const struct kms_map *omap);
bool kms_mergeable_section(const char *section);
bool kms_in_pool(const struct kms_map *map, unsigned long long addr);

/* Run streams (kallmodsyms_runs.c) */
void kms_write_run_stream(const int *value, unsigned int n, const char *name);

/* Module or object names, for kallmodsyms_names.c. */
struct kms_names {
	char **name;
	unsigned int nr;
};

void kms_names_add(struct kms_names *names, const char *name);
void kms_write_names(const struct kms_names *modules,
		     const struct kms_names *objects);

/* A module set: sorted module ids.  Set 0 is the empty set. */
struct kms_set {
	unsigned int nr;
	unsigned int mod[KALLMODSYMS_MAX_MODULES];
};

void kms_read_modules_thick(const char *file);
void kms_place_modules(const struct kms_map *map);
void kms_attribute_symbols(const struct kms_map *map, struct kms_symbol *syms,
			   unsigned int n);
bool kms_built_from(const char *obj, const char *file);
unsigned int kms_object_set(const char *path);
void kms_place_pooled(const struct kms_map *map, struct kms_symbol *syms,
		      unsigned int n);
unsigned int kms_nr_sets(void);
const struct kms_set *kms_module_set(unsigned int set);
const char *kms_module_name(unsigned int mod);
void kms_write_module_tables(const struct kms_symbol *syms, unsigned int n,
			     struct kms_names *names);

/* Object tags (kallmodsyms_objects.c) */
void kms_tag_objects(const struct kms_map *map, struct kms_symbol *syms,
		     unsigned int n, bool verbose);
void kms_write_object_tables(const struct kms_symbol *syms, unsigned int n,
			     struct kms_names *names);

/*
 * The hook scripts/kallsyms.c calls.  Its options --kallmodsyms, --elf,
 * --modules-thick, --link-map, --vmlinux-o-map and --verbose come as 'K',
 * 'E', 'M', 'L', 'O' and 'V'.
 */
int kallmodsyms_option(int opt, const char *arg);
void kallmodsyms_add_symbol(unsigned long long addr, const char *name,
			    unsigned int line);
void kallmodsyms_read_inputs(const char *list);
void kallmodsyms_write_src(void);

#endif /* KALLMODSYMS_H */
