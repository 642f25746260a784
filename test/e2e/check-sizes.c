// SPDX-License-Identifier: GPL-2.0
/*
 * check-sizes: the size column of the booted kernel's /proc/kallmodsyms
 * against nm -S.
 *
 * Usage: check-sizes vmlinux.nm modules.nm kallmodsyms modules
 *
 * "vmlinux.nm" is `nm -S vmlinux`; "modules.nm" is `nm -S` of each .ko
 * built, every line prefixed with "[module]".  A symbol nm
 * gives no size has size 0.  Every built-in symbol's size must equal that
 * of the vmlinux symbol of its name and address, and every loaded-module
 * symbol's that of a symbol of its name in its module's .ko.  Prints the
 * number compared; exits 1 on any mismatch or symbol nm does not know.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

struct nm_sym {
	char *key;		/* "name address" or "[module] name" */
	unsigned long long size;
};

static struct nm_sym *syms;
static size_t nr_syms;

static int cmp_sym(const void *a, const void *b)
{
	return strcmp(((const struct nm_sym *)a)->key,
		      ((const struct nm_sym *)b)->key);
}

static void add_sym(const char *key, unsigned long long size)
{
	syms = xrealloc(syms, (nr_syms + 1) * sizeof(*syms));
	syms[nr_syms].key = strdup(key);
	syms[nr_syms].size = size;
	nr_syms++;
}

/*
 * nm -S lines, "[module] address [size] type name": keyed by name and
 * address for vmlinux (@module false), by module and name for modules.
 */
static void read_nm(const char *path, int module)
{
	char line[1024], f[5][512], key[1100];
	FILE *fp = xfopen(path);
	unsigned int lineno = 0;

	while (fgets(line, sizeof(line), fp)) {
		int n = sscanf(line, "%511s %511s %511s %511s %511s",
			       f[0], f[1], f[2], f[3], f[4]) - module;
		const char *addr = f[module], *name = f[module + n - 1];
		unsigned long long size = 0;

		lineno++;
		if (n == 4)
			size = strtoull(f[module + 1], NULL, 16);
		else if (n != 3)
			continue;	/* undefined symbols */
		if (module)
			snprintf(key, sizeof(key), "%s %s", f[0], name);
		else
			snprintf(key, sizeof(key), "%s %llx", name,
				 strtoull(addr, NULL, 16));
		add_sym(key, size);
	}
	fclose(fp);
	qsort(syms, nr_syms, sizeof(*syms), cmp_sym);
}

/* Does some symbol of @key have @size?  *@found: is there any? */
static int has_size(const char *key, unsigned long long size, int *found)
{
	struct nm_sym k = { (char *)key, 0 }, *s;

	s = bsearch(&k, syms, nr_syms, sizeof(*syms), cmp_sym);
	*found = s != NULL;
	if (!s)
		return 0;
	while (s > syms && !strcmp(s[-1].key, key))
		s--;
	for (; s < syms + nr_syms && !strcmp(s->key, key); s++)
		if (s->size == size)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long builtin = 0, module = 0, bad = 0;
	char line[2048], key[1100];
	FILE *fp;

	if (argc != 5) {
		fprintf(stderr, "Usage: check-sizes vmlinux.nm modules.nm kallmodsyms modules\n");
		return 2;
	}
	read_nm(argv[1], 0);
	read_nm(argv[2], 1);
	read_loaded(argv[4]);

	fp = xfopen(argv[3]);
	while (fgets(line, sizeof(line), fp)) {
		struct kms_line l;
		int found, ok;

		if (parse_line(line, &l)) {
			fprintf(stderr, "%s: cannot parse '%s'\n", argv[3], line);
			return 2;
		}
		if (is_loaded_module_line(l.set)) {
			snprintf(key, sizeof(key), "[%s] %s", l.set, l.name);
			module++;
		} else {
			snprintf(key, sizeof(key), "%s %llx", l.name, l.addr);
			builtin++;
		}
		ok = has_size(key, l.size, &found);
		if (!ok && bad++ < 20)
			fprintf(stderr, "%s: size %llx, nm -S: %s\n", l.name,
				l.size, found ? "another size" : "no such symbol");
	}
	fclose(fp);

	printf("sizes: %lu built-in and %lu loaded-module symbols compared with nm -S, %lu mismatched\n",
	       builtin, module, bad);
	return bad != 0;
}
