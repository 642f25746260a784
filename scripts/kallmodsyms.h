/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kallmodsyms.h: shared declarations of the kallmodsyms host tools.
 */
#ifndef KALLMODSYMS_H
#define KALLMODSYMS_H

#include <stdbool.h>
#include <stdio.h>

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

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

void kms_die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
void kms_fatal(const struct kms_reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

/* String -> long map; keys are copied. */
struct kms_hash_entry {
	char *key;
	size_t len;
	long value;
};

struct kms_hash {
	struct kms_hash_entry *slots;
	unsigned int size, count;
};

long kms_hash_find(const struct kms_hash *h, const char *key, size_t len);
void kms_hash_add(struct kms_hash *h, const char *key, size_t len, long value);

/*
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

struct kms_map {
	const char *file;
	bool relocatable;		/* from ld -r: addresses are offsets */
	struct kms_input *in;
	unsigned int nr, alloc;
	struct kms_output *out;
	unsigned int nr_out;
	struct kms_hash script_syms;	/* symbols the linker script defines */
	struct kms_hash files;		/* every file an input section names */
};

void kms_read_map(struct kms_map *map, const char *file);
void kms_read_relocatable_map(struct kms_map *map, const char *file);
void kms_compose_map(struct kms_map *map, const struct kms_map *omap);
bool kms_mergeable_section(const char *section);

void kms_read_elf_symbols(const char *path,
			  void (*fn)(const char *name, unsigned long long addr,
				     unsigned long long size, const char *file));

/* A kallsyms symbol, in kallsyms order. */
struct kms_symbol {
	unsigned long long addr, size;
	char *name;
	const char *file;	/* source file of a local symbol, or NULL */
};

void kms_write_size_tables(const struct kms_symbol *syms, unsigned int n);

/*
 * The hook scripts/kallsyms.c calls.  Its options --modules-thick,
 * --link-map, --vmlinux-o-map and --elf come as 'M', 'L', 'O' and 'E'.
 */
int kallmodsyms_option(int opt, const char *arg);
void kallmodsyms_add_symbol(unsigned long long addr, const char *name);
void kallmodsyms_add_token(unsigned int code, const char *text);
void kallmodsyms_write_src(void);

#endif /* KALLMODSYMS_H */
