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
 * mismatch.  So is a difference where no object of the oracle's set that
 * the linker map places at the symbol's address (its input section holds
 * the address, or ends there) defines the name, and one of the set
 * kallmodsyms gives does: a zero-sized symbol at the end of one module's
 * object, where the next module's range starts.
 *
 * Where the oracle is silent or wrong and kallmodsyms is right, counted for
 * the question "why not reuse modules.builtin.ranges?":
 *
 * - silent: a built-in line kallmodsyms tags with modules that no range
 *   covers, by the kind of place it is in, from the vmlinux.map input
 *   section holding its address: per-CPU data (the script skips .percpu
 *   output sections), merged constant pools (.rodata.cst* and
 *   .rodata.str* input sections, which it skips; ld.lld merges those of
 *   all objects into sections of its own, "<internal>"), initcall entries
 *   (.initcall*.init input sections, where it can end a range before it
 *   starts), output sections without a leading dot (__param, __modver:
 *   it skips them), zero-sized symbols at the end of a range (ranges are
 *   half-open, so a label an object leaves at its end falls out), other.
 *   Per kind, how many the objects confirm: an object of exactly that
 *   module set defines the name (objdir/owners, as check-owners reads it).
 * - wrong: the disproved lines above, and how many of them kallmodsyms
 *   leaves core (no module) where the oracle names one.
 *
 * Prints every difference, every silent line and the counts; exits 1 on
 * any mismatch or when nothing was compared.
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

static void add_section(const char *name, unsigned long long addr)
{
	sections = xrealloc(sections, (nr_sections + 1) * sizeof(*sections));
	snprintf(sections[nr_sections].name, 128, "%s", name);
	sections[nr_sections++].addr = addr;
}

static void add_script_symbol(const char *name)
{
	script_syms = xrealloc(script_syms, (nr_script_syms + 1) * sizeof(char *));
	script_syms[nr_script_syms++] = strdup(name);
}

/* The same from an ld.lld map: sections and assignments in its text. */
static void read_lld_map(FILE *fp)
{
	char line[4096], name[512];
	struct lld_line l;

	while (fgets(line, sizeof(line), fp)) {
		if (lld_line(line, &l) || l.level > 8)
			continue;
		if (!lld_assignment(l.text, name, sizeof(name)))
			add_script_symbol(name);
		else if (l.level == 0 && l.text[0])
			add_section(l.text, l.vma);
	}
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

	if (is_lld_map(path)) {
		read_lld_map(fp);
		fclose(fp);
		qsort(script_syms, nr_script_syms, sizeof(char *), cmp_str);
		return;
	}
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

/* vmlinux.map's input sections, by address. */
static struct input *inputs;
static size_t nr_inputs;

static int cmp_input(const void *a, const void *b)
{
	const struct input *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* The last input section starting at or before @addr that holds it. */
static const struct input *input_at(unsigned long long addr)
{
	size_t lo = 0, hi = nr_inputs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (inputs[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo-- > 0) {
		if (addr < inputs[lo].addr + inputs[lo].size)
			return &inputs[lo];
		if (inputs[lo].size)
			break;
	}
	return NULL;
}

/*
 * Does an object of module set @set define @name among the objects whose
 * input sections hold @addr or end at it (a zero-sized symbol an object
 * leaves at its end)?  The map says where each object went, the objects'
 * own symbol tables what they define.
 */
static int defined_at(unsigned long long addr, const char *name,
		      const char *set)
{
	const char *s;
	size_t i;

	for (i = 0; i < nr_inputs && inputs[i].addr <= addr; i++) {
		if (addr - inputs[i].addr > inputs[i].size)
			continue;
		s = object_defines(inputs[i].file, name);
		if (s && !strcmp(s, set))
			return 1;
	}
	return 0;
}

/*
 * The oracle's set is also disproved for a line when no object of that set
 * placed at its address defines the name, and an object of the set
 * kallmodsyms gives that is placed there does.
 */
static int misplaced(const struct kms_line *l, const char *oracle)
{
	return !defined_at(l->addr, l->name, oracle) &&
	       defined_at(l->addr, l->name, l->set);
}

enum kind { PERCPU, POOL, INITCALL, NODOT, ZERO_END, OTHER, NR_KINDS };

static const char *const kind_name[NR_KINDS] = {
	"per-CPU", "constant pools", "initcall entries",
	"sections without a leading dot", "zero-sized at a range end",
	"other",
};

/* Where a line the oracle is silent about lives (see the top comment). */
static enum kind kind_of(const struct kms_line *l, const struct input *in)
{
	const char *osect = in ? in->osect : "", *sect = in ? in->sect : "";
	size_t i;

	if (strstr(osect, ".percpu"))
		return PERCPU;
	if (!strncmp(sect, ".rodata.cst", 11) || !strncmp(sect, ".rodata.str", 11) ||
	    (in && !strcmp(in->file, "<internal>")))
		return POOL;
	if (strstr(sect, "initcall"))
		return INITCALL;
	if (osect[0] && osect[0] != '.')
		return NODOT;
	for (i = 0; i < nr_ranges && !l->size; i++)
		if (ranges[i].end == l->addr)
			return ZERO_END;
	return OTHER;
}

int main(int argc, char **argv)
{
	unsigned long compared = 0, matched = 0, mismatched = 0, script = 0;
	unsigned long oracle_wrong = 0, wrong_core = 0, nr_silent = 0;
	unsigned long silent[NR_KINDS] = { 0 }, confirmed[NR_KINDS] = { 0 };
	unsigned long nr_confirmed = 0;
	char line[2048];
	FILE *fp;
	size_t i;

	if (argc != 7) {
		fprintf(stderr, "Usage: check-ranges modules.builtin.ranges vmlinux.map kallmodsyms modules objdir owners\n");
		return 2;
	}
	read_ranges(argv[1], 0);
	read_map(argv[2]);
	nr_inputs = read_inputs(argv[2], &inputs);
	qsort(inputs, nr_inputs, sizeof(*inputs), cmp_input);
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
		if (!r && l.set[0]) {
			const struct input *in = input_at(l.addr);
			enum kind k = kind_of(&l, in);
			int ok = definitions(l.name, l.set) > 0;

			nr_silent++;
			silent[k]++;
			confirmed[k] += ok;
			nr_confirmed += ok;
			printf("oracle silent: %s: kallmodsyms [%s], %s, input section %s%s\n",
			       line, l.set, kind_name[k], in ? in->sect : "none",
			       ok ? "" : ", not confirmed by the objects");
		}
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
			wrong_core += !l.set[0];
			printf("oracle disproved: %s: kallmodsyms [%s], modules.builtin.ranges [%s], whose objects define %s %zu times for %zu such lines here\n",
			       line, l.set, r->mods, l.name,
			       definitions(l.name, r->mods),
			       g->lines);
			continue;
		}
		if (misplaced(&l, r->mods)) {
			oracle_wrong++;
			wrong_core += !l.set[0];
			printf("oracle disproved: %s: kallmodsyms [%s], modules.builtin.ranges [%s], no object of which placed at %llx defines %s; an object of [%s] placed there does\n",
			       line, l.set, r->mods, l.addr, l.name, l.set);
			continue;
		}
		mismatched++;
		printf("mismatch: %s: kallmodsyms [%s], modules.builtin.ranges [%s]\n",
		       line, l.set, r->mods);
	}
	fclose(fp);

	printf("oracle: %zu ranges; %lu symbols compared, %lu matched, %lu mismatched, %lu where the objects disprove the oracle; %lu linker-script symbols in ranges not compared\n",
	       nr_ranges, compared, matched, mismatched, oracle_wrong, script);
	printf("oracle silent or wrong: silent on %lu symbols with module tags no range covers, %lu confirmed by the objects (confirmed/all:",
	       nr_silent, nr_confirmed);
	for (i = 0; i < NR_KINDS; i++)
		printf("%s %s %lu/%lu", i ? "," : "", kind_name[i],
		       confirmed[i], silent[i]);
	printf("); wrong on %lu symbols whose set it names the objects disprove, %lu of them core symbols it gives a module\n",
	       oracle_wrong, wrong_core);
	return mismatched || !compared;
}
