// SPDX-License-Identifier: GPL-2.0
/*
 * check-ranges: /proc/kallmodsyms against upstream's oracle.
 *
 * Usage: check-ranges modules.builtin.ranges vmlinux.map kallmodsyms modules
 *                     objdir owners
 *
 * modules.builtin.ranges (CONFIG_BUILTIN_MODULE_RANGES, written by
 * scripts/generate_builtin_ranges.awk) gives, per output section, offset
 * ranges and the built-in module(s) each belongs to, plus an anchor symbol
 * per section that fixes the section's address.  For every core-kernel line
 * of kallmodsyms (as read in the guest, with addresses) inside such a range,
 * the module set printed must equal the set the oracle names.  Symbols the
 * linker script defines (assignments in vmlinux.map) belong to no object,
 * though the oracle's ranges may span them: they are counted apart.  Lines
 * of loaded modules (named in the guest's /proc/modules) are not built-in.
 *
 * The oracle places zero-sized symbols (lockdep keys, labels) at a range
 * boundary in the range starting there, which may not be where they come
 * from.  A difference where no object of the oracle's module set defines
 * the name at all, and an object of the set kallmodsyms gives does
 * (objdir/owners: `nm -A` of vmlinux's objects, see check-owners), is the
 * oracle's error: it is printed and counted as disproved, not as a
 * mismatch.
 *
 * Prints every difference and the counts; exits 1 on any mismatch or when
 * nothing was compared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

struct range {
	unsigned long long start, end;
	char mods[600];		/* sorted, space-separated */
};

struct anchor {
	char sect[128], sym[256];
	unsigned long long off;
	int found;
};

static struct range *ranges;
static size_t nr_ranges;
static struct anchor *anchors;
static size_t nr_anchors;
struct section {
	char name[128];
	unsigned long long addr;
};

static struct section *sections;
static size_t nr_sections;
static char **script_syms;
static size_t nr_script_syms;

static const struct section *section_of(const char *name)
{
	size_t i;

	for (i = 0; i < nr_sections; i++)
		if (!strcmp(sections[i].name, name))
			return &sections[i];
	return NULL;
}

/* First pass: anchors.  Lines: "sect soff-eoff = sym" or "sect soff-eoff mods". */
static void read_ranges(const char *path, int pass)
{
	FILE *fp = xfopen(path);
	char line[1024], sect[128], rest[600];
	unsigned long long s, e, a;
	unsigned int n = 0;

	while (fgets(line, sizeof(line), fp)) {
		n++;
		if (sscanf(line, "%127s %llx-%llx %599[^\n]", sect, &s, &e, rest) != 4) {
			fprintf(stderr, "%s:%u: cannot parse '%s'\n", path, n, line);
			exit(2);
		}
		if (pass == 0 && rest[0] == '=') {
			nr_anchors++;
			anchors = xrealloc(anchors, nr_anchors * sizeof(*anchors));
			memset(&anchors[nr_anchors - 1], 0, sizeof(*anchors));
			snprintf(anchors[nr_anchors - 1].sect, 128, "%s", sect);
			sscanf(rest, "= %255s", anchors[nr_anchors - 1].sym);
			anchors[nr_anchors - 1].off = s;
		} else if (pass == 1 && rest[0] != '=') {
			const struct section *sec = section_of(sect);

			if (!sec) {
				fprintf(stderr, "%s:%u: section %s is not in vmlinux.map\n",
					path, n, sect);
				exit(2);
			}
			a = sec->addr;
			ranges = xrealloc(ranges, (nr_ranges + 1) * sizeof(*ranges));
			ranges[nr_ranges].start = a + s;
			ranges[nr_ranges].end = a + e;
			snprintf(ranges[nr_ranges].mods, sizeof(ranges->mods), "%s", rest);
			sort_words(ranges[nr_ranges].mods);
			nr_ranges++;
		}
	}
	fclose(fp);
}

/*
 * From vmlinux.map: output section addresses (the ranges' offsets count
 * from them), and the names the linker script assigns, "0xaddr name = ...".
 */
static void read_map(const char *path)
{
	FILE *fp = xfopen(path);
	char line[4096], name[512], pending[128] = "";
	unsigned long long addr;

	while (fgets(line, sizeof(line), fp)) {
		if (pending[0] && sscanf(line, " 0x%llx", &addr) == 1) {
			sections = xrealloc(sections, (nr_sections + 1) * sizeof(*sections));
			snprintf(sections[nr_sections].name, 128, "%s", pending);
			sections[nr_sections++].addr = addr;
		}
		pending[0] = '\0';
		if (line[0] == '.' || line[0] == '_') {
			if (sscanf(line, "%127s 0x%llx", name, &addr) == 2) {
				sections = xrealloc(sections, (nr_sections + 1) * sizeof(*sections));
				snprintf(sections[nr_sections].name, 128, "%s", name);
				sections[nr_sections++].addr = addr;
			} else if (sscanf(line, "%127s", name) == 1) {
				snprintf(pending, sizeof(pending), "%s", name);
			}
			continue;
		}
		if (sscanf(line, " 0x%llx PROVIDE ( %511[^ =] =", &addr, name) == 2 ||
		    (sscanf(line, " 0x%llx %511s =", &addr, name) == 2 &&
		     strstr(line, " = "))) {
			script_syms = xrealloc(script_syms, (nr_script_syms + 1) * sizeof(char *));
			script_syms[nr_script_syms++] = strdup(name);
		}
	}
	fclose(fp);
	qsort(script_syms, nr_script_syms, sizeof(char *), cmp_str);
}

/*
 * Lines that share an address and a name (zero-sized statics of several
 * objects placed at one boundary) and what kallmodsyms gave each.
 */
struct group {
	unsigned long long addr;
	char name[512];
	size_t lines, tagged_oracle;
};

static struct group *groups;
static size_t nr_groups;

static int cmp_group(const void *a, const void *b)
{
	const struct group *ga = a, *gb = b;

	if (ga->addr != gb->addr)
		return ga->addr < gb->addr ? -1 : 1;
	return strcmp(ga->name, gb->name);
}

static struct group *group_of(unsigned long long addr, const char *name)
{
	struct group key;

	key.addr = addr;
	snprintf(key.name, sizeof(key.name), "%s", name);
	return bsearch(&key, groups, nr_groups, sizeof(*groups), cmp_group);
}

/*
 * The oracle's set is disproved for a line when the objects of that set
 * define the name fewer times than the oracle gives it at this address
 * (not at all, or once for two same-named lines), kallmodsyms gives the
 * oracle's set no more often than they define it, and the set it gives
 * instead is one whose objects define the name.
 */
static int disproved(const struct group *g, const char *got, const char *oracle)
{
	size_t have = definitions(g->name, oracle);

	return have < g->lines && g->tagged_oracle <= have &&
	       definitions(g->name, got) > 0;
}

static const struct range *range_of(unsigned long long addr);

/* Group the lines by (address, name); count those given the oracle's set. */
static void collect_groups(FILE *fp)
{
	const struct range *r;
	struct kms_line l;
	char line[2048];
	struct group *g;
	size_t i, j;

	rewind(fp);
	while (fgets(line, sizeof(line), fp)) {
		if (parse_line(line, &l))
			continue;
		groups = xrealloc(groups, (nr_groups + 1) * sizeof(*groups));
		memset(&groups[nr_groups], 0, sizeof(*groups));
		groups[nr_groups].addr = l.addr;
		snprintf(groups[nr_groups].name, sizeof(groups->name), "%s", l.name);
		nr_groups++;
	}
	qsort(groups, nr_groups, sizeof(*groups), cmp_group);
	for (i = 0, j = 0; i < nr_groups; i = j) {	/* merge duplicates */
		for (j = i; j < nr_groups && !cmp_group(&groups[i], &groups[j]); j++)
			;
		groups[i].lines = j - i;
	}
	for (i = 0, j = 0; i < nr_groups; i++)
		if (groups[i].lines)
			groups[j++] = groups[i];
	nr_groups = j;

	rewind(fp);
	while (fgets(line, sizeof(line), fp)) {
		if (parse_line(line, &l))
			continue;
		r = range_of(l.addr);
		g = group_of(l.addr, l.name);
		if (r && g && !strcmp(l.set, r->mods))
			g->tagged_oracle++;
	}
}

static const struct range *range_of(unsigned long long addr)
{
	size_t i;

	for (i = 0; i < nr_ranges; i++)
		if (addr >= ranges[i].start && addr < ranges[i].end)
			return &ranges[i];
	return NULL;
}

int main(int argc, char **argv)
{
	unsigned long compared = 0, matched = 0, mismatched = 0, script = 0;
	unsigned long oracle_wrong = 0;
	char line[2048];
	FILE *fp;
	size_t i;

	if (argc != 7) {
		fprintf(stderr, "Usage: check-ranges modules.builtin.ranges vmlinux.map kallmodsyms modules objdir owners\n");
		return 2;
	}
	read_ranges(argv[1], 0);
	read_map(argv[2]);
	read_loaded(argv[4]);
	read_owners(argv[5], argv[6]);

	/* Each anchor must sit where the map says its section starts. */
	fp = xfopen(argv[3]);
	while (fgets(line, sizeof(line), fp)) {
		unsigned long long addr, size;
		char type, name[512];

		if (sscanf(line, "%llx %llx %c %511s", &addr, &size, &type, name) != 4)
			continue;
		for (i = 0; i < nr_anchors; i++) {
			const struct section *sec = section_of(anchors[i].sect);

			if (anchors[i].found || strcmp(anchors[i].sym, name))
				continue;
			anchors[i].found = 1;
			if (!sec || sec->addr + anchors[i].off != addr) {
				printf("anchor %s of %s is at %llx, not where vmlinux.map puts it\n",
				       name, anchors[i].sect, addr);
				return 1;
			}
		}
	}
	read_ranges(argv[1], 1);

	collect_groups(fp);
	rewind(fp);
	while (fgets(line, sizeof(line), fp)) {
		const struct range *r;
		const struct group *g;
		struct kms_line l;

		if (parse_line(line, &l)) {
			fprintf(stderr, "%s: cannot parse '%s'\n", argv[3], line);
			return 2;
		}
		if (is_loaded_module_line(l.set))
			continue;
		r = range_of(l.addr);
		if (!r)
			continue;
		if (in_list(script_syms, nr_script_syms, l.name)) {
			script++;
			continue;
		}
		compared++;
		if (!strcmp(l.set, r->mods)) {
			matched++;
			continue;
		}
		g = group_of(l.addr, l.name);
		if (disproved(g, l.set, r->mods)) {
			oracle_wrong++;
			printf("oracle disproved: %s: kallmodsyms [%s], modules.builtin.ranges [%s], whose objects define %s %zu times for %zu such lines here\n",
			       line, l.set, r->mods, l.name,
			       definitions(l.name, r->mods),
			       g->lines);
			continue;
		}
		mismatched++;
		printf("mismatch: %s: kallmodsyms [%s], modules.builtin.ranges [%s]\n",
		       line, l.set, r->mods);
	}
	fclose(fp);

	printf("oracle: %zu ranges; %lu symbols compared, %lu matched, %lu mismatched, %lu where the objects disprove the oracle; %lu linker-script symbols in ranges not compared\n",
	       nr_ranges, compared, matched, mismatched, oracle_wrong, script);
	return mismatched || !compared;
}
