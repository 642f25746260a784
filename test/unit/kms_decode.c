// SPDX-License-Identifier: GPL-2.0
/*
 * Unit-test driver: links kernel/kallmodsyms.c against the tables that
 * scripts/kallsyms emitted for a fixture, and prints the tags of every
 * symbol as /proc/kallmodsyms would, one "index<TAB>tags" line each.
 * Every symbol is decoded twice: by a sequential reader keeping its cursor,
 * and by random access in reverse order with a fresh cursor; the two must
 * agree.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kallmodsyms.h>
#include <linux/seq_file.h>

extern const unsigned int kallsyms_num_syms;
const char _text[16];

unsigned long kallsyms_symbol_index(unsigned long addr)
{
	return addr < kallsyms_num_syms ? addr : ULONG_MAX;
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(m->fp, fmt, ap);
	va_end(ap);
}

void seq_putc(struct seq_file *m, char c)
{
	fputc(c, m->fp);
}

void seq_puts(struct seq_file *m, const char *s)
{
	fputs(s, m->fp);
}

/* The tags part of one /proc/kallmodsyms line for core symbol @idx. */
static char *tags(struct kallmodsyms_cursor *c, unsigned int idx)
{
	struct seq_file m;
	char *buf = NULL, *tab;
	size_t size = 0;

	m.fp = open_memstream(&buf, &size);
	kallmodsyms_show(&m, c, idx, 0, true, 't', "s", "");
	fclose(m.fp);
	buf[strlen(buf) - 1] = '\0';
	tab = strchr(buf, '\t');
	memmove(buf, tab ? tab + 1 : "", strlen(tab ? tab + 1 : "") + 1);
	return buf;
}

int main(void)
{
	unsigned int n = kallsyms_num_syms, i;
	struct kallmodsyms_cursor seq, rnd;
	char **seen = calloc(n + 1, sizeof(*seen));
	int bad = 0;

	kallmodsyms_cursor_init(&seq);
	for (i = 0; i < n; i++)
		seen[i] = tags(&seq, i);
	for (i = n; i-- > 0;) {
		char *t;

		kallmodsyms_cursor_init(&rnd);
		t = tags(&rnd, i);
		if (strcmp(t, seen[i])) {
			fprintf(stderr, "symbol %u: sequential '%s', random '%s'\n",
				i, seen[i], t);
			bad = 1;
		}
		free(t);
	}
	for (i = 0; i < n; i++) {
		char buf[256], want[256], *p, *q;
		int nr = kallmodsyms_symbol_modules(i, buf, sizeof(buf));

		/* "[a] [b]" -> "a b", as kallmodsyms_symbol_modules() gives it */
		for (p = seen[i], q = want; *p; p++)
			if (*p != '[' && *p != ']')
				*q++ = *p;
		*q = '\0';
		if (nr < 0 || strcmp(buf, want)) {
			fprintf(stderr, "symbol %u: kallmodsyms_symbol_modules() gives %d '%s', the file '%s'\n",
				i, nr, buf, seen[i]);
			bad = 1;
		}
		printf("%u\t%s\n", i, seen[i]);
	}
	return bad;
}
