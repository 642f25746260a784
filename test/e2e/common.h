/* SPDX-License-Identifier: GPL-2.0 */
/* Shared helpers of the end-to-end checkers. */
#ifndef E2E_COMMON_H
#define E2E_COMMON_H

#include <stdio.h>

#define MAX_SETS 1024

void *xrealloc(void *p, size_t n);
FILE *xfopen(const char *path);
int cmp_str(const void *a, const void *b);
int in_list(char **list, size_t n, const char *s);
void sort_words(char *s);

/* "[a] [b] {obj}" -> "a b", sorted */
void module_set(const char *tags, char *out, size_t size);

/* One /proc/kallmodsyms line. */
struct kms_line {
	unsigned long long addr, size;
	char type;
	char name[512];
	char set[1024];		/* module set, as module_set() gives it */
};

/* Parse @text (its newline is dropped); 0, or -1 if it is malformed. */
int parse_line(char *text, struct kms_line *l);

/* The names in the guest's /proc/modules, sorted. */
extern char **loaded;
extern size_t nr_loaded;
void read_loaded(const char *path);
int is_loaded_module_line(const char *set);

/*
 * Symbol owners: for each name, the built-in module sets of the objects
 * that define it (from `nm -A --defined-only` over vmlinux's objects and
 * the KBUILD_MODFILE of each object's .cmd file, filtered by
 * modules.builtin).
 */
void read_owners(const char *objdir, const char *owners);
size_t candidate_sets(const char *name, const char **sets);
size_t definitions(const char *name, const char *set);
/* The module set of object @obj if it defines @name, else NULL. */
const char *object_defines(const char *obj, const char *name);

/*
 * An input-section line of a GNU ld or ld.lld map, with its output section
 * (lld's sections the linker made have the file "<internal>").
 */
struct input {
	char osect[256], sect[256], file[512];
	unsigned long long addr, size;
};

size_t read_inputs(const char *path, struct input **out);

/*
 * ld.lld maps: a line's VMA and size columns, and its text after them at
 * level 0 (output sections), 8 (input sections, assignments) or 16
 * (symbols).  lld_line() drops the newline; 0, or -1 if @line is not one.
 */
struct lld_line {
	unsigned long long vma, size;
	size_t level;
	const char *text;
};

int is_lld_map(const char *path);
int lld_line(char *line, struct lld_line *l);
int lld_assignment(const char *text, char *name, size_t size);

#endif
