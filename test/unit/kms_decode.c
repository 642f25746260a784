// SPDX-License-Identifier: GPL-2.0
/*
 * Unit-test driver: links kernel/kallmodsyms.c against the tables that
 * scripts/kallsyms emitted for a fixture, and prints the tags of every
 * symbol as /proc/kallmodsyms would, one "index<TAB>tags" line each, and
 * the size column of every symbol, one per line, to the file named by its
 * argument.  Every symbol is decoded twice: by a sequential reader keeping
 * its cursor, and by random access in reverse order with a fresh cursor;
 * the two, kallmodsyms_lookup() and the accessors it is made of
 * (kallmodsyms_symbol_modules() and _object() also into a buffer one byte
 * short, kallmodsyms_symbol_size()) must agree.
 *
 * Addresses are read as the kernel reads them; KMS_ABSOLUTE_PERCPU in the
 * environment says scripts/kallsyms was run with --absolute-percpu.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kallmodsyms.h>
#include <linux/seq_file.h>

#include "kallmodsyms_internal.h"

extern const unsigned int kallsyms_num_syms;
extern const int kallsyms_offsets[];
extern const unsigned long kallsyms_relative_base;
static bool absolute_percpu;

unsigned long kallsyms_sym_address(int idx)
{
	if (!absolute_percpu)
		return kallsyms_relative_base + (uint32_t)kallsyms_offsets[idx];
	if (kallsyms_offsets[idx] >= 0)
		return kallsyms_offsets[idx];
	return kallsyms_relative_base - 1 - kallsyms_offsets[idx];
}

unsigned long kallsyms_symbol_index(unsigned long addr)
{
	return addr < kallsyms_num_syms ? addr : ULONG_MAX;
}

void seq_putc(struct seq_file *m, char c)
{
	fputc(c, m->fp);
}

void seq_puts(struct seq_file *m, const char *s)
{
	fputs(s, m->fp);
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	fwrite(data, 1, len, m->fp);
}

void seq_put_hex_ll(struct seq_file *m, const char *delimiter,
		    unsigned long long v, unsigned int width)
{
	fprintf(m->fp, "%s%0*llx", delimiter ? delimiter : "", width, v);
}

/*
 * The tags part of one /proc/kallmodsyms line for core symbol @idx, and
 * the size the line gives.
 */
static char *tags(struct kallmodsyms_cursor *c, unsigned int idx,
		  unsigned long *sym_size)
{
	struct seq_file m;
	char *buf = NULL, *tab;
	size_t size = 0;

	m.fp = open_memstream(&buf, &size);
	kallmodsyms_show(&m, c, idx, kallsyms_sym_address(idx), 0, true, 't',
			 "s", NULL);
	fclose(m.fp);
	if (sscanf(buf, "%*s %lx", sym_size) != 1) {
		fprintf(stderr, "symbol %u: no size in '%s'\n", idx, buf);
		exit(1);
	}
	buf[strlen(buf) - 1] = '\0';
	tab = strchr(buf, '\t');
	memmove(buf, tab ? tab + 1 : "", strlen(tab ? tab + 1 : "") + 1);
	return buf;
}

/*
 * Accessor @fn of symbol @idx into a buffer one byte short of @want: it
 * must give -ENOSPC and as much of @want as fits.  Non-zero if not.
 */
static int one_byte_short(unsigned int idx,
			  int (*fn)(unsigned int, char *, size_t),
			  const char *want, const char *name)
{
	size_t len = strlen(want);
	char buf[256];

	if (!len || (fn(idx, buf, len) == -ENOSPC && strlen(buf) == len - 1 &&
		     !strncmp(buf, want, len - 1)))
		return 0;
	fprintf(stderr, "symbol %u: %s() into %zu bytes gives '%s', not -ENOSPC and '%.*s'\n",
		idx, name, len, buf, (int)len - 1, want);
	return 1;
}

int main(int argc, char **argv)
{
	unsigned int n = kallsyms_num_syms, i;
	struct kallmodsyms_cursor seq, rnd;
	char **seen = calloc(n + 1, sizeof(*seen));
	unsigned long *sizes = calloc(n + 1, sizeof(*sizes)), size;
	FILE *sizes_file;
	int bad = 0;

	if (argc != 2 || !(sizes_file = fopen(argv[1], "w"))) {
		fprintf(stderr, "usage: kms_decode <sizes file>\n");
		return 2;
	}
	absolute_percpu = getenv("KMS_ABSOLUTE_PERCPU");
	kallmodsyms_cursor_init(&seq);
	for (i = 0; i < n; i++)
		seen[i] = tags(&seq, i, &sizes[i]);
	for (i = n; i-- > 0;) {
		char *t;

		kallmodsyms_cursor_init(&rnd);
		t = tags(&rnd, i, &size);
		if (strcmp(t, seen[i]) || size != sizes[i]) {
			fprintf(stderr, "symbol %u: sequential '%s' size %lx, random '%s' size %lx\n",
				i, seen[i], sizes[i], t, size);
			bad = 1;
		}
		if (kallmodsyms_symbol_size(i) != sizes[i]) {
			fprintf(stderr, "symbol %u: kallmodsyms_symbol_size() gives %lx, the file %lx\n",
				i, kallmodsyms_symbol_size(i), sizes[i]);
			bad = 1;
		}
		free(t);
	}
	for (i = 0; i < n; i++) {
		char buf[256], want[256], obj[256], want_obj[256] = "", *p, *q;
		int nr = kallmodsyms_lookup(i, &size, buf, sizeof(buf), obj,
					    sizeof(obj));
		int len = strlen(obj);

		/*
		 * "[a] [b] {d/o.o}" -> "a b" and "d/o.o", as
		 * kallmodsyms_symbol_modules() and _object() give them
		 */
		for (p = seen[i], q = want; *p && *p != '{'; p++)
			if (*p != '[' && *p != ']')
				*q++ = *p;
		if (q > want && *p == '{')
			q--;	/* the space before the object tag */
		*q = '\0';
		if (*p == '{')
			snprintf(want_obj, sizeof(want_obj), "%.*s",
				 (int)strcspn(p + 1, "}"), p + 1);
		if (nr < 0 || strcmp(buf, want) || size != sizes[i] ||
		    strcmp(obj, want_obj) ||
		    kallmodsyms_lookup(i, NULL, NULL, 0, NULL, 0) != nr) {
			fprintf(stderr, "symbol %u: kallmodsyms_lookup() gives %d '%s' '%s' size %lx, the file '%s' size %lx\n",
				i, nr, buf, obj, size, seen[i], sizes[i]);
			bad = 1;
		}
		if (kallmodsyms_symbol_object(i, obj, sizeof(obj)) != len) {
			fprintf(stderr, "symbol %u: kallmodsyms_symbol_object() does not return the length of '%s'\n",
				i, obj);
			bad = 1;
		}
		bad |= one_byte_short(i, kallmodsyms_symbol_object, want_obj,
				      "kallmodsyms_symbol_object");
		bad |= one_byte_short(i, kallmodsyms_symbol_modules, want,
				      "kallmodsyms_symbol_modules");
		printf("%u\t%s\n", i, seen[i]);
		fprintf(sizes_file, "%lx %lx\n", kallsyms_sym_address(i), sizes[i]);
	}
	fclose(sizes_file);
	return bad;
}
