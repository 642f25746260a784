// SPDX-License-Identifier: GPL-2.0
/*
 * Check what perf made of the guest's samples (test/guest/init: perf
 * record -a over test/guest/perf-load, then perf script -F ip,sym,dso
 * --show-kernel-path with the patched perf and with perf built from the
 * pristine tree) against the guest's /proc/kallmodsyms:
 *
 *  - every kernel sample the patched perf gives a built-in module's dso
 *    ("[m1] [m2]", its long name) falls inside a symbol (address, size)
 *    that /proc/kallmodsyms tags with exactly those modules, and perf
 *    names that symbol as the file does, with its object tag appended
 *    ("name{obj.o}") where the file has that name with an object tag more
 *    than once for those modules (among the symbol types perf takes from
 *    it), and without it elsewhere; so is every
 *    other kernel sample inside a symbol of the file;
 *  - every kernel symbol of perf report --sort dso,sym,symbol_size has
 *    the size the file gives it (not perf's guess from the next symbol);
 *  - every kernel sample inside a symbol of built-in modules is given
 *    that dso (none is left in [kernel.kallsyms]);
 *  - samples fall in at least MIN_MODULES built-in modules;
 *  - the unpatched perf, on the same perf.data, lists the same samples in
 *    the same order, each one the patched perf gives a built-in module in
 *    [kernel.kallsyms], the others in the dso the patched perf gives
 *    them, and no sample in a built-in module's dso.
 *
 * Prints PASS:/FAIL: lines and the samples of each built-in module.
 *
 * Usage: check-perf <kallmodsyms> <modules> <script> <script-unpatched> <report>
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

#define MIN_MODULES 3
#define KERNEL_START 0xffff800000000000ULL

struct sym {
	unsigned long long addr, size;
	char name[640];		/* with its object tag if perf keeps it */
	char object[128];	/* the object tag, "{obj.o}", or "" */
	char set[1024];		/* built-in modules, sorted; "" if none */
};

struct sample {
	unsigned long long ip;
	char sym[640];
	char dso[1024];
};

struct count {
	char module[128];
	long n;
};

static struct sym *syms;
static size_t nr_syms;
/* "name<TAB>modules" of every line perf loads with an object tag, sorted */
static char **tagged;
static size_t nr_tagged;
static int failed;

static int cmp_sym(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static int cmp_count(const void *a, const void *b)
{
	const struct count *x = a, *y = b;

	return x->n != y->n ? (y->n > x->n ? 1 : -1) : strcmp(x->module, y->module);
}

static void result(int ok, const char *what)
{
	printf("%s: %s\n", ok ? "PASS" : "FAIL", what);
	if (!ok)
		failed = 1;
}

/* The pseudo-modules of /proc/kallsyms are not built-in modules. */
static int is_pseudo(const char *set)
{
	return !strcmp(set, "bpf") || !strncmp(set, "__builtin__", 11);
}

/* perf takes symbols of these types from the file (symbol_type__filter()) */
static int perf_loads(const struct kms_line *l)
{
	return strchr("TtWwDdBb", l->type) && l->name[0] != '$';
}

static char *tagged_key(const char *name, const char *set)
{
	char *key;

	if (asprintf(&key, "%s\t%s", name, set) < 0) {
		perror("asprintf");
		exit(2);
	}
	return key;
}

/* Does the file have @name with an object tag more than once in @set? */
static int tag_tells_apart(const char *name, const char *set)
{
	char *key = tagged_key(name, set), **at;
	size_t i;

	at = bsearch(&key, tagged, nr_tagged, sizeof(*tagged), cmp_str);
	i = at ? (size_t)(at - tagged) : 0;
	free(key);
	return at && ((i > 0 && !strcmp(tagged[i - 1], *at)) ||
		      (i + 1 < nr_tagged && !strcmp(tagged[i + 1], *at)));
}

static void read_kallmodsyms(const char *path)
{
	FILE *fp = xfopen(path);
	char line[4096];
	size_t i;

	while (fgets(line, sizeof(line), fp)) {
		const char *obj = strchr(line, '{');
		struct kms_line l;
		struct sym *s;

		if (parse_line(line, &l))
			continue;
		if (obj && perf_loads(&l)) {
			tagged = xrealloc(tagged, (nr_tagged + 1) * sizeof(*tagged));
			tagged[nr_tagged++] = tagged_key(l.name, l.set);
		}
		if (!l.addr || !l.size)
			continue;
		syms = xrealloc(syms, (nr_syms + 1) * sizeof(*syms));
		s = &syms[nr_syms++];
		s->addr = l.addr;
		s->size = l.size;
		snprintf(s->name, sizeof(s->name), "%s", l.name);
		snprintf(s->object, sizeof(s->object), "%.*s",
			 obj ? (int)strcspn(obj, "}") + 1 : 0, obj ? obj : "");
		if (is_loaded_module_line(l.set) || is_pseudo(l.set))
			s->set[0] = '\0';
		else
			snprintf(s->set, sizeof(s->set), "%s", l.set);
	}
	fclose(fp);
	qsort(tagged, nr_tagged, sizeof(*tagged), cmp_str);
	for (i = 0; i < nr_syms; i++) {
		struct sym *s = &syms[i];

		size_t n = strlen(s->name);

		if (s->object[0] && tag_tells_apart(s->name, s->set))
			snprintf(s->name + n, sizeof(s->name) - n, "%s", s->object);
	}
	qsort(syms, nr_syms, sizeof(*syms), cmp_sym);
}

/* "ip sym (dso)" of perf script -F ip,sym,dso; 0, or -1 if not one. */
static int parse_sample(char *line, struct sample *s)
{
	char *open, *close;
	int n = 0;

	if (sscanf(line, " %llx %639s %n", &s->ip, s->sym, &n) != 2 || !n)
		return -1;
	open = line + n;
	close = strrchr(open, ')');
	if (*open != '(' || !close)
		return -1;
	snprintf(s->dso, sizeof(s->dso), "%.*s", (int)(close - open - 1), open + 1);
	return 0;
}

static size_t read_samples(const char *path, struct sample **out)
{
	FILE *fp = xfopen(path);
	char line[4096];
	struct sample *s = NULL;
	size_t n = 0;

	while (fgets(line, sizeof(line), fp)) {
		s = xrealloc(s, (n + 1) * sizeof(*s));
		if (parse_sample(line, &s[n]) == 0)
			n++;
	}
	fclose(fp);
	*out = s;
	return n;
}

/* The dso's module set, "a b" from "[a] [b]", if all are built in; else "". */
static void dso_set(const char *dso, char *set, size_t size)
{
	module_set(dso, set, size);
	if (dso[0] != '[' || !strcmp(dso, "[kernel.kallsyms]") ||
	    is_loaded_module_line(set) || is_pseudo(set))
		set[0] = '\0';
}

/* The set of the symbols containing @ip: "" if core, NULL if none or mixed. */
static const char *containing_set(unsigned long long ip, const struct sample *s,
				  int *named)
{
	const char *set = NULL;
	size_t lo = 0, hi = nr_syms, i;

	*named = 0;
	while (lo < hi) {	/* the first symbol starting after ip */
		size_t mid = (lo + hi) / 2;

		if (syms[mid].addr <= ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i-- > 0 && ip - syms[i].addr < (1ULL << 24);) {
		if (ip >= syms[i].addr + syms[i].size)
			continue;
		if (set && strcmp(set, syms[i].set))
			return NULL;
		set = syms[i].set;
		if (s && !strcmp(s->sym, syms[i].name))
			*named = 1;
	}
	return set;
}

/*
 * The kernel symbols of perf report --sort dso,sym,symbol_size: each one
 * the file has once by that name in those modules must have its size.
 */
static void check_sizes(const char *path)
{
	FILE *fp = xfopen(path);
	char line[4096], dso[1024], name[640], set[1024], what[256];
	unsigned long long size;
	long checked = 0, wrong = 0;
	size_t i, match, n;

	while (fgets(line, sizeof(line), fp)) {
		if (sscanf(line, " %*f%% %1023s [k] %639s %llu", dso, name,
			   &size) != 3)
			continue;
		dso_set(dso, set, sizeof(set));
		for (i = 0, n = 0, match = 0; i < nr_syms; i++) {
			if (!strcmp(syms[i].name, name) && !strcmp(syms[i].set, set)) {
				match = i;
				n++;
			}
		}
		if (n != 1)
			continue;
		checked++;
		if (syms[match].size != size && wrong++ < 10)
			printf("  %s (%s): size %llu, /proc/kallmodsyms %llu\n",
			       name, dso, size, syms[match].size);
	}
	fclose(fp);
	snprintf(what, sizeof(what),
		 "perf: %ld kernel symbols of perf report, each of the size /proc/kallmodsyms gives (%ld not)",
		 checked, wrong);
	result(checked && !wrong, what);
}

int main(int argc, char **argv)
{
	struct sample *p, *u;
	struct count *counts = NULL;
	size_t nr_p, nr_u, nr_counts = 0, i, j;
	long kernel = 0, builtin = 0, wrong = 0, left = 0, unnamed = 0;
	long same = 1, moved = 0, unpatched_builtin = 0;
	char set[1024], what[256];

	if (argc != 6) {
		fprintf(stderr, "usage: check-perf <kallmodsyms> <modules> <script> <script-unpatched> <report>\n");
		return 2;
	}
	read_loaded(argv[2]);
	read_kallmodsyms(argv[1]);
	nr_p = read_samples(argv[3], &p);
	nr_u = read_samples(argv[4], &u);

	for (i = 0; i < nr_p; i++) {
		const char *in;
		int named;

		if (p[i].ip < KERNEL_START)
			continue;
		kernel++;
		dso_set(p[i].dso, set, sizeof(set));
		in = containing_set(p[i].ip, &p[i], &named);
		if (set[0]) {
			builtin++;
			if (!in || strcmp(in, set)) {
				if (wrong++ < 10)
					printf("  %llx %s (%s): in no symbol of those modules\n",
					       p[i].ip, p[i].sym, p[i].dso);
			} else if (!named) {
				if (unnamed++ < 10)
					printf("  %llx %s (%s): /proc/kallmodsyms names it otherwise\n",
					       p[i].ip, p[i].sym, p[i].dso);
			}
			module_set(p[i].dso, set, sizeof(set));
			set[strcspn(set, " ")] = '\0';
			for (j = 0; j < nr_counts && strcmp(counts[j].module, set); j++)
				;
			if (j == nr_counts) {
				counts = xrealloc(counts, ++nr_counts * sizeof(*counts));
				snprintf(counts[j].module, sizeof(counts[j].module), "%s", set);
				counts[j].n = 0;
			}
			counts[j].n++;
		} else if (in && in[0] && !strcmp(p[i].dso, "[kernel.kallsyms]")) {
			if (left++ < 10)
				printf("  %llx %s (%s): in a symbol of [%s]\n",
				       p[i].ip, p[i].sym, p[i].dso, in);
		} else if (in && !named) {
			if (unnamed++ < 10)
				printf("  %llx %s (%s): /proc/kallmodsyms names it otherwise\n",
				       p[i].ip, p[i].sym, p[i].dso);
		}
	}
	qsort(counts, nr_counts, sizeof(*counts), cmp_count);
	printf("samples: %zu, in the kernel: %ld, in built-in modules: %ld\n",
	       nr_p, kernel, builtin);
	for (j = 0; j < nr_counts; j++)
		printf("  %6ld  [%s]\n", counts[j].n, counts[j].module);

	snprintf(what, sizeof(what),
		 "perf: %ld samples in built-in modules, each inside a symbol /proc/kallmodsyms tags so (%ld not)",
		 builtin, wrong);
	result(!wrong, what);
	snprintf(what, sizeof(what),
		 "perf: each kernel sample inside a symbol named as /proc/kallmodsyms names it (%ld not)",
		 unnamed);
	result(!unnamed, what);
	snprintf(what, sizeof(what),
		 "perf: no sample inside a built-in module's symbol left in [kernel.kallsyms] (%ld left)",
		 left);
	result(!left, what);
	snprintf(what, sizeof(what),
		 "perf: samples in at least %d built-in modules (%zu)", MIN_MODULES, nr_counts);
	result(nr_counts >= MIN_MODULES, what);

	if (nr_u != nr_p)
		same = 0;
	for (i = 0; same && i < nr_p; i++) {
		if (u[i].ip != p[i].ip) {
			same = 0;
			break;
		}
		dso_set(u[i].dso, set, sizeof(set));
		if (set[0] && u[i].ip >= KERNEL_START)
			unpatched_builtin++;
		dso_set(p[i].dso, set, sizeof(set));
		if (set[0] && p[i].ip >= KERNEL_START) {
			if (strcmp(u[i].dso, "[kernel.kallsyms]"))
				same = 0;
			else
				moved++;
		} else if (strcmp(u[i].dso, p[i].dso)) {
			printf("  %llx: %s unpatched, %s patched\n", p[i].ip,
			       u[i].dso, p[i].dso);
			same = 0;
		}
	}
	snprintf(what, sizeof(what),
		 "perf unpatched: the same %zu samples; the %ld in built-in modules all in [kernel.kallsyms], the others in the same dso",
		 nr_u, moved);
	result(same && moved == builtin && !unpatched_builtin, what);
	check_sizes(argv[5]);
	return failed;
}
