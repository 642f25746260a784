// SPDX-License-Identifier: GPL-2.0
/*
 * check-owners: every built-in symbol's module set against the object files
 * that define a symbol of that name.
 *
 * Usage: check-owners objdir owners kallmodsyms modules
 *
 * "owners" is `nm -A --defined-only` over the objects linked into vmlinux:
 * "path.o:address type name".  The module set of an object comes from the
 * KBUILD_MODFILE kbuild recorded in its .cmd file (objdir/dir/.name.o.cmd),
 * kept where modules.builtin lists the module; this is read here afresh,
 * without the linker map and without modules_thick.builtin, so it checks
 * the address-based attribution by another route and covers what the
 * upstream oracle skips (per-CPU data, merged constant pools, every core
 * kernel symbol).
 *
 * For each core-kernel line of kallmodsyms: if no object defines the name
 * (linker-made or linker-script symbols), the set must be empty; if the
 * objects that define it agree on one set, the line must carry it; if they
 * disagree (a static name used in several objects), the line must carry
 * one of their sets.  Exits 1 on any mismatch.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SETS 1024

struct owner {
	char *name;
	char *set;		/* sorted module names, space-separated */
};

static struct owner *owners;
static size_t nr_owners;
static char **builtin, **loaded;
static size_t nr_builtin, nr_loaded;

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		perror("realloc");
		exit(2);
	}
	return p;
}

static FILE *xfopen(const char *path)
{
	FILE *fp = fopen(path, "r");

	if (!fp) {
		perror(path);
		exit(2);
	}
	return fp;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_owner(const void *a, const void *b)
{
	return strcmp(((const struct owner *)a)->name,
		      ((const struct owner *)b)->name);
}

static int in_list(char **list, size_t n, const char *s)
{
	return bsearch(&s, list, n, sizeof(char *), cmp_str) != NULL;
}

static void sort_words(char *s)
{
	char *w[64], *save, *t, buf[1024];
	size_t n = 0, i;

	snprintf(buf, sizeof(buf), "%s", s);
	for (t = strtok_r(buf, " ", &save); t && n < 64; t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	qsort(w, n, sizeof(*w), cmp_str);
	s[0] = '\0';
	for (i = 0; i < n; i++) {
		strcat(s, i ? " " : "");
		strcat(s, w[i]);
	}
}

/* modules.builtin: "kernel/fs/fat/vfat.ko" -> "fs/fat/vfat" */
static void read_builtin(const char *objdir)
{
	char path[4096], line[1024];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/modules.builtin", objdir);
	fp = xfopen(path);
	while (fgets(line, sizeof(line), fp)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "kernel/", 7) || strlen(line) < 11)
			continue;
		line[strlen(line) - 3] = '\0';
		builtin = xrealloc(builtin, (nr_builtin + 1) * sizeof(char *));
		builtin[nr_builtin++] = strdup(line + 7);
	}
	fclose(fp);
	qsort(builtin, nr_builtin, sizeof(char *), cmp_str);
}

/* The built-in module set of an object, from its .cmd file. */
static char *module_set_of(const char *objdir, const char *obj)
{
	static char last_obj[4096], last_set[1024];
	char path[8192], *line = NULL, *p, *e, *save, *t;
	const char *base = strrchr(obj, '/');
	size_t size = 0;
	FILE *fp;

	if (!strcmp(obj, last_obj))
		return strdup(last_set);
	snprintf(last_obj, sizeof(last_obj), "%s", obj);
	last_set[0] = '\0';
	snprintf(path, sizeof(path), "%s/%.*s.%s.cmd", objdir,
		 base ? (int)(base - obj + 1) : 0, obj, base ? base + 1 : obj);
	fp = fopen(path, "r");
	if (fp && getline(&line, &size, fp) > 0 &&
	    (p = strstr(line, "KBUILD_MODFILE="))) {
		p += strlen("KBUILD_MODFILE=");
		p += strspn(p, "'\"");
		e = p + strcspn(p, "'\"");
		*e = '\0';
		for (t = strtok_r(p, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			const char *m = strrchr(t, '/');
			char name[256], *c;

			if (!in_list(builtin, nr_builtin, t))
				continue;
			snprintf(name, sizeof(name), "%s", m ? m + 1 : t);
			for (c = name; *c; c++)
				if (*c == '-')
					*c = '_';
			if (last_set[0])
				strcat(last_set, " ");
			strcat(last_set, name);
		}
		sort_words(last_set);
	}
	if (fp)
		fclose(fp);
	free(line);
	return strdup(last_set);
}

static void read_owners(const char *objdir, const char *path)
{
	FILE *fp = xfopen(path);
	char line[4096], obj[2048], type, name[1024];
	unsigned long long addr;

	while (fgets(line, sizeof(line), fp)) {
		char *colon = strchr(line, ':');

		if (!colon)
			continue;
		*colon = '\0';
		snprintf(obj, sizeof(obj), "%s", line);
		if (sscanf(colon + 1, "%llx %c %1023s", &addr, &type, name) != 3)
			continue;
		owners = xrealloc(owners, (nr_owners + 1) * sizeof(*owners));
		owners[nr_owners].name = strdup(name);
		owners[nr_owners].set = module_set_of(objdir, obj);
		nr_owners++;
	}
	fclose(fp);
	qsort(owners, nr_owners, sizeof(*owners), cmp_owner);
}

static void read_loaded(const char *path)
{
	FILE *fp = xfopen(path);
	char line[1024], name[256];

	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "%255s", name) == 1) {
			loaded = xrealloc(loaded, (nr_loaded + 1) * sizeof(char *));
			loaded[nr_loaded++] = strdup(name);
		}
	fclose(fp);
	qsort(loaded, nr_loaded, sizeof(char *), cmp_str);
}

/* "[a] [b] {obj}" -> "a b" */
static void module_set(const char *tags, char *out, size_t size)
{
	const char *p = tags;

	out[0] = '\0';
	while ((p = strchr(p, '['))) {
		const char *e = strchr(p, ']');
		size_t len;

		if (!e)
			break;
		len = e - p - 1;
		if (strlen(out) + len + 2 > size)
			break;
		if (out[0])
			strcat(out, " ");
		strncat(out, p + 1, len);
		p = e + 1;
	}
	sort_words(out);
}

/* The distinct module sets of the objects defining @name. */
static size_t candidate_sets(const char *name, const char **sets)
{
	struct owner key = { .name = (char *)name };
	struct owner *o = bsearch(&key, owners, nr_owners, sizeof(*owners),
				  cmp_owner);
	size_t n = 0, i;

	if (!o)
		return 0;
	while (o > owners && !strcmp(o[-1].name, name))
		o--;
	for (; o < owners + nr_owners && !strcmp(o->name, name); o++) {
		for (i = 0; i < n; i++)
			if (!strcmp(sets[i], o->set))
				break;
		if (i == n && n < MAX_SETS)
			sets[n++] = o->set;
	}
	return n;
}

int main(int argc, char **argv)
{
	unsigned long checked = 0, unique = 0, ambiguous = 0, unowned = 0;
	unsigned long tagged = 0, bad = 0;
	char line[2048];
	FILE *fp;

	if (argc != 5) {
		fprintf(stderr, "Usage: check-owners objdir owners kallmodsyms modules\n");
		return 2;
	}
	read_builtin(argv[1]);
	read_owners(argv[1], argv[2]);
	read_loaded(argv[4]);

	fp = xfopen(argv[3]);
	while (fgets(line, sizeof(line), fp)) {
		unsigned long long addr, size;
		char type, name[512], got[1024], *tab;
		const char *sets[MAX_SETS];
		size_t n, i;
		int ok;

		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%llx %llx %c %511s", &addr, &size, &type, name) != 4) {
			fprintf(stderr, "%s: cannot parse '%s'\n", argv[3], line);
			return 2;
		}
		tab = strchr(line, '\t');
		module_set(tab ? tab : "", got, sizeof(got));
		if (got[0] && !strchr(got, ' ') && in_list(loaded, nr_loaded, got))
			continue;
		checked++;
		tagged += got[0] != '\0';
		n = candidate_sets(name, sets);
		if (!n) {
			unowned++;
			ok = !got[0];
		} else {
			for (i = 0; i < n && strcmp(sets[i], got); i++)
				;
			ok = i < n;
			if (n == 1)
				unique++;
			else
				ambiguous++;
		}
		if (!ok && bad++ < 50) {
			printf("mismatch: %s: kallmodsyms [%s], defined by objects of", line, got);
			for (i = 0; i < n; i++)
				printf(" [%s]", sets[i]);
			printf("%s\n", n ? "" : " none");
		}
	}
	fclose(fp);

	printf("owners: %lu built-in symbols checked (%lu with module tags): %lu by a name one module set owns, %lu by a name several sets share, %lu defined by no object; %lu mismatched\n",
	       checked, tagged, unique, ambiguous, unowned, bad);
	return bad || !tagged;
}
