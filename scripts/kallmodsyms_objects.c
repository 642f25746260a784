// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_objects.c: which object files /proc/kallmodsyms names, and
 * how much of their path it shows.
 *
 * Static symbols share names all over the kernel.  Where two or more
 * symbols share a name and a module set (the empty set of core-kernel code
 * included), each of their objects is tagged with the shortest trailing
 * path ("core.o", "sched/core.o") that tells it from the other objects
 * defining that name in that set.  An object needing a tag for one name
 * carries it on all its symbols, so tags change at object boundaries only
 * and cost little to encode.
 *
 * What no tag can resolve is named in a comment of the output, and with
 * --verbose in a warning on stderr: a name defined twice in one object (an
 * ld -r of objects sharing a static name, say, or an object linked twice),
 * or twice with no object at all (linker-generated symbols).  A default
 * build prints no warnings for them: they are expected, and nothing in the
 * source is wrong.
 */

#include <stdlib.h>
#include <string.h>

#include <xalloc.h>

#include "kallmodsyms.h"

static const struct kms_symbol *tag_syms;
static bool tag_verbose;

/* Symbol indexes by name, module set, then object. */
static int compare_members(const void *a, const void *b)
{
	const struct kms_symbol *x = &tag_syms[*(const unsigned int *)a];
	const struct kms_symbol *y = &tag_syms[*(const unsigned int *)b];
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	if (x->set != y->set)
		return x->set < y->set ? -1 : 1;
	return x->object < y->object ? -1 : x->object > y->object;
}

/* The last @k components of @path ("a/b/c.o", 2: "b/c.o"), or all of it. */
static const char *trailing_path(const char *path, unsigned int k)
{
	const char *p = path + strlen(path);

	while (p > path) {
		if (p[-1] == '/' && !--k)
			break;
		p--;
	}
	return p;
}

/* How many components of @path differ from those of @other at the end. */
static unsigned int components_to_differ(const char *path, const char *other)
{
	unsigned int k;

	for (k = 1; ; k++) {
		const char *a = trailing_path(path, k), *b = trailing_path(other, k);

		if (strcmp(a, b) || a == path)
			return k;
	}
}

static unsigned int count_components(const char *path)
{
	unsigned int n = 1;

	for (; *path; path++)
		n += *path == '/';
	return n;
}

/* In the output, for the tests; with --verbose on stderr for the build log. */
static void report_ambiguous(const struct kms_symbol *s, unsigned int same,
			     const struct kms_object *objs,
			     const char *const *set_names)
{
	const char *obj = s->object < 0 ? "no object file" : objs[s->object].path;

	if (tag_verbose)
		fprintf(stderr, "kallsyms: %u symbols named %s in %s%s cannot be told apart\n",
			same, s->name, obj, set_names[s->set]);
	printf("/* ambiguous: %s %u symbols in %s%s */\n", s->name, same, obj,
	       set_names[s->set]);
}

/*
 * One group of symbols sharing a name and module set, member[0..n) sorted
 * by object: give each object the tag length that tells it from the others,
 * and report the symbols no tag can tell apart.
 */
static void tag_group(const struct kms_symbol *syms, const unsigned int *member,
		      unsigned int n, struct kms_object *objs,
		      const char *const *set_names, struct kms_tag_stats *st)
{
	bool tagged = false;
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		const struct kms_symbol *s = &syms[member[i]];
		unsigned int k = 1;
		bool others = false;

		if (i && syms[member[i - 1]].object == s->object) {
			/* Reported with the first of its kind. */
			continue;
		}
		if (i + 1 < n && syms[member[i + 1]].object == s->object) {
			unsigned int same = 1;

			while (i + same < n &&
			       syms[member[i + same]].object == s->object)
				same++;
			report_ambiguous(s, same, objs, set_names);
			st->ambiguous_names++;
			st->ambiguous_syms += same;
		}
		if (s->object < 0)
			continue;
		for (j = 0; j < n; j++) {
			int o = syms[member[j]].object;
			unsigned int d;

			if (o == s->object)
				continue;
			others = true;
			if (o < 0)
				continue;
			d = components_to_differ(objs[s->object].path,
						 objs[o].path);
			if (d > k)
				k = d;
		}
		if (!others)
			continue;
		tagged = true;
		if (k > count_components(objs[s->object].path))
			k = count_components(objs[s->object].path);
		if (k > objs[s->object].tag)
			objs[s->object].tag = k;
	}
	st->names += tagged;
}

void kms_tag_objects(const struct kms_symbol *syms, unsigned int n,
		     struct kms_object *objs, const char *const *set_names,
		     bool verbose, struct kms_tag_stats *st)
{
	unsigned int *member = xcalloc(n + 1, sizeof(*member));
	unsigned int i, start;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < n; i++)
		member[i] = i;
	tag_syms = syms;
	tag_verbose = verbose;
	qsort(member, n, sizeof(*member), compare_members);

	for (start = 0; start < n; start = i) {
		const struct kms_symbol *s = &syms[member[start]];

		for (i = start + 1; i < n; i++) {
			const struct kms_symbol *t = &syms[member[i]];

			if (strcmp(t->name, s->name) || t->set != s->set)
				break;
		}
		if (i - start > 1)
			tag_group(syms, member + start, i - start, objs,
				  set_names, st);
	}
	free(member);
}

/*
 * Tables
 *
 * Objects that carry a tag are numbered in link order, which the linker
 * follows in every output section.  Their symbols form runs in kallsyms
 * order, one per object and output section (more where the linker script
 * gathers an object's input sections in several places), coded as the run
 * stream kallmodsyms_tags (see kallmodsyms_code.c) of object numbers:
 * within an output section the numbers grow, mostly by one.
 *
 * Each tagged object's trailing path, without ".o", goes with the module
 * names (see kallmodsyms_names.c).
 */

static const struct kms_object *link_objs;

static int compare_link_order(const void *a, const void *b)
{
	long x = link_objs[*(const int *)a].link;
	long y = link_objs[*(const int *)b].link;

	return x < y ? -1 : x > y;
}

/*
 * The tag number of each tagged object: its rank in link order, which the
 * linker follows in every output section, so that the objects of one
 * output section come in increasing numbers.
 */
static int *number_tags(const struct kms_object *objs, unsigned int nr_objs,
			int **order, unsigned int *nr_tags)
{
	int *tag = xmalloc((nr_objs + 1) * sizeof(*tag));
	unsigned int i;

	*order = xmalloc((nr_objs + 1) * sizeof(**order));
	*nr_tags = 0;
	for (i = 0; i < nr_objs; i++) {
		tag[i] = -1;
		if (objs[i].tag)
			(*order)[(*nr_tags)++] = i;
	}
	link_objs = objs;
	qsort(*order, *nr_tags, sizeof(**order), compare_link_order);
	for (i = 0; i < *nr_tags; i++)
		tag[(*order)[i]] = i;
	return tag;
}

static void object_names(const struct kms_object *objs, const int *order,
			 unsigned int nr_tags, struct kms_names *names)
{
	unsigned int i;

	for (i = 0; i < nr_tags; i++) {
		const char *path = objs[order[i]].path;
		char *t = xstrdup(trailing_path(path, objs[order[i]].tag));
		size_t len = strlen(t);

		if (len < 3 || strcmp(t + len - 2, ".o"))
			kms_die("kallsyms: object %s is not a .o file", path);
		printf("/* object %u: %s */\n", i, t);
		t[len - 2] = '\0';
		kms_names_add(names, t);
		free(t);
	}
}

void kms_write_object_tables(const struct kms_symbol *syms, unsigned int n,
			     const struct kms_object *objs,
			     unsigned int nr_objs, struct kms_names *names)
{
	int *tag, *order, *value = xcalloc(n + 1, sizeof(*value));
	unsigned int nr_tags, i;

	tag = number_tags(objs, nr_objs, &order, &nr_tags);
	for (i = 0; i < n; i++)
		value[i] = syms[i].object < 0 ? -1 : tag[syms[i].object];
	kms_write_run_stream(value, n, "kallmodsyms_tags");
	object_names(objs, order, nr_tags, names);
	free(value);
	free(order);
	free(tag);
}
