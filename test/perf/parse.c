// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of perf's reader of /proc/kallsyms and /proc/kallmodsyms,
 * tools/lib/symbol/kallsyms.c of the patched tree, compiled in: prints
 * what kallmodsyms__parse() gives for each line of the file named, and
 * how kallmodsyms__tags() splits the tags after the name, one line per
 * symbol:
 *
 *   <address> <size or -> <type> <name>[<TAB>modules <n> "<modules>"]
 *       [ object "<object>"] or [<TAB>tags? "<tags>"]
 *
 * and checks that kallsyms__parse() gives the same address, type and
 * name (tags included) for every symbol.
 *
 * Usage: parse <file>
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <symbol/kallsyms.h>

struct line {
	unsigned long long start;
	char type;
	char *name;
};

static struct line *lines;
static size_t nr_lines, nr_checked;
static int failed;

static int print_symbol(void *arg, const char *name, char type, u64 start,
			const u64 *size)
{
	const char *tab = strchr(name, '\t'), *modules, *object;
	size_t modules_len, object_len;
	int nr;

	(void)arg;
	lines = realloc(lines, (nr_lines + 1) * sizeof(*lines));
	if (!lines) {
		perror("realloc");
		exit(2);
	}
	lines[nr_lines].start = start;
	lines[nr_lines].type = type;
	lines[nr_lines++].name = strdup(name);

	printf("%llx ", (unsigned long long)start);
	if (size)
		printf("%llx", (unsigned long long)*size);
	else
		printf("-");
	printf(" %c %.*s", type, (int)(tab ? tab - name : (long)strlen(name)), name);
	if (!tab) {
		printf("\n");
		return 0;
	}
	nr = kallmodsyms__tags(tab + 1, &modules, &modules_len, &object,
			       &object_len);
	if (nr < 0) {
		printf("\ttags? \"%s\"\n", tab + 1);
		return 0;
	}
	printf("\t");
	if (nr)
		printf("modules %d \"%.*s\"%s", nr, (int)modules_len, modules,
		       object ? " " : "");
	if (object)
		printf("object \"%.*s\"", (int)object_len, object);
	printf("\n");
	return 0;
}

static int check_symbol(void *arg, const char *name, char type, u64 start)
{
	(void)arg;
	if (nr_checked >= nr_lines) {
		fprintf(stderr, "kallsyms__parse: extra symbol %s\n", name);
		failed = 1;
		return 0;
	}
	if (lines[nr_checked].start != start || lines[nr_checked].type != type ||
	    strcmp(lines[nr_checked].name, name)) {
		fprintf(stderr, "kallsyms__parse: %llx %c %s, not %llx %c %s\n",
			(unsigned long long)start, type, name,
			lines[nr_checked].start, lines[nr_checked].type,
			lines[nr_checked].name);
		failed = 1;
	}
	nr_checked++;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s <kallsyms or kallmodsyms file>\n",
			argv[0]);
		return 2;
	}
	if (kallmodsyms__parse(argv[1], NULL, print_symbol)) {
		fprintf(stderr, "%s: kallmodsyms__parse failed\n", argv[1]);
		return 1;
	}
	if (kallsyms__parse(argv[1], NULL, check_symbol)) {
		fprintf(stderr, "%s: kallsyms__parse failed\n", argv[1]);
		return 1;
	}
	if (nr_checked != nr_lines) {
		fprintf(stderr, "kallsyms__parse: %zu symbols, not %zu\n",
			nr_checked, nr_lines);
		failed = 1;
	}
	return failed;
}
