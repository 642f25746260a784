// SPDX-License-Identifier: GPL-2.0
/*
 * check-tags: the object-file tags of the booted kernel's /proc/kallmodsyms.
 *
 * Usage: check-tags kallmodsyms modules kallsyms.S owners vmlinux.map
 *                   [vmlinux.o.map]
 *
 * 1. Uniqueness: over the built-in lines (not those of modules the guest
 *    loaded), the triple (name, module set, object tag) must be unique,
 *    except for names the build reported as impossible to tell apart (the
 *    "ambiguous:" comments scripts/kallsyms left in kallsyms.S, the output
 *    of the last kallsyms pass).  Prints how many names shared a name and
 *    module set, how many of those tags made unique, and how many are
 *    still ambiguous.
 *
 * 2. Every tag is a trailing path of the object the linker map says holds
 *    the symbol: a section of that object spans the address (or, for a
 *    zero-sized symbol, starts or ends there).  Where vmlinux was linked
 *    from vmlinux.o, vmlinux.map places vmlinux.o's sections and
 *    vmlinux.o.map the objects within them.  ld.lld's map names no object
 *    for the pools it merges constants of all objects into ("<internal>"
 *    sections): a symbol there must be tagged with an object that defines
 *    its name (owners: `nm -A --defined-only` of vmlinux's objects).
 *
 * Exits 1 on a duplicate triple not reported, a tag the map contradicts,
 * or nothing checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

struct record {
	unsigned long long start, end;
	char *file;
};

/* "name\tobject" of every definition in owners, sorted. */
static char **defs;
static size_t nr_defs;
static unsigned long in_pools;	/* tags of symbols in ld.lld's pools */

static void read_defs(const char *path)
{
	char line[4096], name[1024], key[4096];
	unsigned long long addr;
	FILE *fp = xfopen(path);
	char type;

	while (fgets(line, sizeof(line), fp)) {
		char *colon = strchr(line, ':');

		if (!colon)
			continue;
		*colon = '\0';
		if (sscanf(colon + 1, "%llx %c %1023s", &addr, &type, name) != 3)
			continue;
		snprintf(key, sizeof(key), "%s\t%s", name, line);
		defs = xrealloc(defs, (nr_defs + 1) * sizeof(*defs));
		defs[nr_defs++] = strdup(key);
	}
	fclose(fp);
	qsort(defs, nr_defs, sizeof(*defs), cmp_str);
}

static int trailing_path(const char *tag, const char *path);

/* Does an object whose path ends in @tag define @name? */
static int defined_by(const char *name, const char *tag)
{
	size_t len = strlen(name), lo = 0, hi = nr_defs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strncmp(defs[mid], name, len) < 0 ||
		    (!strncmp(defs[mid], name, len) && defs[mid][len] < '\t'))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < nr_defs && !strncmp(defs[lo], name, len) &&
	       defs[lo][len] == '\t'; lo++)
		if (trailing_path(tag, defs[lo] + len + 1))
			return 1;
	return 0;
}

static struct record *recs;
static size_t nr_recs;

static void add_record(unsigned long long start, unsigned long long size,
		       const char *file)
{
	recs = xrealloc(recs, (nr_recs + 1) * sizeof(*recs));
	recs[nr_recs].start = start;
	recs[nr_recs].end = start + size;
	recs[nr_recs].file = strdup(file);
	nr_recs++;
}

/*
 * Object placements: vmlinux.map's, with each of vmlinux.o's sections
 * replaced by vmlinux.o.map's records of the output section of that name.
 */
static void read_placements(const char *map, const char *omap)
{
	struct input *v, *o = NULL;
	size_t n = read_inputs(map, &v), no = 0, i;

	/* A relocatable map's addresses are offsets in its output sections. */
	if (omap)
		no = read_inputs(omap, &o);
	for (i = 0; i < n; i++) {
		size_t k;

		if (strcmp(v[i].file, "vmlinux.o")) {
			add_record(v[i].addr, v[i].size, v[i].file);
			continue;
		}
		for (k = 0; k < no; k++)
			if (!strcmp(o[k].osect, v[i].sect))
				add_record(v[i].addr + o[k].addr, o[k].size,
					   o[k].file);
	}
	free(v);
	free(o);
}

/* Is @tag the path @path, or its end after a '/'? */
static int trailing_path(const char *tag, const char *path)
{
	size_t t = strlen(tag), p = strlen(path);

	return t <= p && !strcmp(path + p - t, tag) &&
	       (t == p || path[p - t - 1] == '/');
}

static int map_agrees(const struct kms_line *l, const char *tag)
{
	size_t i;

	for (i = 0; i < nr_recs; i++) {
		const struct record *r = &recs[i];
		int holds = r->start <= l->addr && l->addr < r->end;

		if (!l->size)
			holds |= r->start == l->addr || r->end == l->addr;
		if (holds && trailing_path(tag, r->file))
			return 1;
		if (holds && !strcmp(r->file, "<internal>") &&
		    defined_by(l->name, tag)) {
			in_pools++;
			return 1;
		}
	}
	return 0;
}

struct triple {
	char *key;	/* "name\tset\ttag" */
	char *name;
};

static int cmp_triple(const void *a, const void *b)
{
	return strcmp(((const struct triple *)a)->key,
		      ((const struct triple *)b)->key);
}

/* The names scripts/kallsyms reported as ambiguous. */
static char **read_reported(const char *path, size_t *n)
{
	char line[4096], name[512], **v = NULL;
	FILE *fp = xfopen(path);

	*n = 0;
	while (fgets(line, sizeof(line), fp)) {
		if (sscanf(line, "/* ambiguous: %511s", name) != 1)
			continue;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = strdup(name);
	}
	fclose(fp);
	qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

int main(int argc, char **argv)
{
	unsigned long lines = 0, tagged = 0, badmap = 0, shared = 0;
	unsigned long unique = 0, reported = 0, unreported = 0;
	struct triple *t = NULL;
	size_t nt = 0, nrep, i, j;
	char line[2048], **rep;
	FILE *fp;

	if (argc != 6 && argc != 7) {
		fprintf(stderr, "Usage: check-tags kallmodsyms modules kallsyms.S owners vmlinux.map [vmlinux.o.map]\n");
		return 2;
	}
	read_loaded(argv[2]);
	rep = read_reported(argv[3], &nrep);
	read_defs(argv[4]);
	read_placements(argv[5], argc == 7 ? argv[6] : NULL);

	fp = xfopen(argv[1]);
	while (fgets(line, sizeof(line), fp)) {
		const char *brace = strchr(line, '{');
		char tag[512] = "", key[2048];
		struct kms_line l;

		if (brace)
			snprintf(tag, sizeof(tag), "%.*s",
				 (int)strcspn(brace + 1, "}"), brace + 1);
		if (parse_line(line, &l)) {
			fprintf(stderr, "%s: cannot parse '%s'\n", argv[1], line);
			return 2;
		}
		if (is_loaded_module_line(l.set))
			continue;
		lines++;
		if (tag[0]) {
			tagged++;
			if (!map_agrees(&l, tag) && badmap++ < 10)
				printf("tag {%s} of %s at %llx: no object of that path holds it in the linker map\n",
				       tag, l.name, l.addr);
		}
		snprintf(key, sizeof(key), "%s\t%s\t%s", l.name, l.set, tag);
		t = xrealloc(t, (nt + 1) * sizeof(*t));
		t[nt].key = strdup(key);
		t[nt].name = strdup(l.name);
		nt++;
	}
	fclose(fp);

	/* Names sharing a name and set: sort by name and set, then by tag. */
	qsort(t, nt, sizeof(*t), cmp_triple);
	for (i = 0; i < nt; i = j) {
		size_t ns = strcspn(t[i].key, "\t");
		const char *set = t[i].key + ns + 1;
		size_t setlen = strcspn(set, "\t");
		int dup = 0;

		for (j = i + 1; j < nt && !strncmp(t[j].key, t[i].key, ns + 1 + setlen + 1); j++)
			if (!strcmp(t[j].key, t[j - 1].key))
				dup = 1;
		if (j - i < 2)
			continue;
		shared++;
		if (!dup) {
			unique++;
		} else if (bsearch(&t[i].name, rep, nrep, sizeof(*rep), cmp_str)) {
			reported++;
		} else {
			unreported++;
			printf("not unique and not reported by the build: %s\n", t[i].key);
		}
	}

	printf("tags: %lu built-in symbols, %lu with an object tag (%lu in ld.lld's pools, checked against the objects' own symbols); %lu names shared a name and module set: %lu made unique by tags, %lu still ambiguous (%lu reported by the build, %lu not); %lu tags the linker map contradicts\n",
	       lines, tagged, in_pools, shared, unique, reported + unreported,
	       reported, unreported, badmap);
	return !lines || !tagged || unreported || badmap;
}
