// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_objects.c: which object files /proc/kallmodsyms names, and
 * how much of their path it shows.
 *
 * A symbol's object is that of the input section kallmodsyms_modules.c
 * attributed it to.  Objects are numbered as symbols in kallsyms order first
 * name them; their place in the link order is that of the first input
 * section of theirs the linker map lists.
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

#include <hash.h>
#include <hashtable.h>
#include <xalloc.h>

#include "kallmodsyms.h"

/* An object file holding kallsyms symbols. */
struct kms_object {
	const char *path;
	unsigned int tag;	/* trailing path components shown; 0: none */
	long link;		/* its place in the link order */
};

/* What tagging did and left undone, for a comment of the output. */
struct kms_tag_stats {
	unsigned int names;		/* names that needed tags */
	unsigned int ambiguous_names;	/* ...and still ambiguous */
	unsigned int ambiguous_syms;
};

/* Objects, numbered as kallsyms symbols first name them. */
static struct kms_object *objects;
static unsigned int nr_objects;
static HASHTABLE_DEFINE(object_ids, 1U << 14);

/* Objects in link order: the record of the map each first appears in. */
static HASHTABLE_DEFINE(link_order, 1U << 14);

static long link_of(const struct kms_map *map, const char *file)
{
	struct kms_id_entry *e;

	hash_for_each_possible(link_order, e, node, hash_str(file))
		if (!strcmp(map->in[e->id].file, file))
			return e->id;
	return -1;
}

static void number_objects_in_link_order(const struct kms_map *map)
{
	unsigned int i;

	for (i = 0; i < map->nr; i++) {
		const char *file = map->in[i].file;

		if (link_of(map, file) < 0)
			hash_add(link_order, kms_id_node(i), hash_str(file));
	}
}

/* The number of the object of input section @in, new or not. */
static int object_id(const struct kms_map *map, const struct kms_input *in)
{
	const char *path = in->file;
	unsigned int hash = hash_str(path);
	struct kms_id_entry *e;

	hash_for_each_possible(object_ids, e, node, hash)
		if (!strcmp(objects[e->id].path, path))
			return e->id;
	objects = xrealloc(objects, (nr_objects + 1) * sizeof(*objects));
	objects[nr_objects].path = path;
	objects[nr_objects].tag = 0;
	objects[nr_objects].link = link_of(map, path);
	hash_add(object_ids, kms_id_node(nr_objects), hash);
	return nr_objects++;
}

/*
 * The object of each symbol: that of the input section
 * kallmodsyms_modules.c found holding it, if any.
 */
static void assign_objects(const struct kms_map *map, struct kms_symbol *syms,
			   unsigned int n)
{
	unsigned int i;

	number_objects_in_link_order(map);
	for (i = 0; i < n; i++)
		syms[i].object = syms[i].in ? object_id(map, syms[i].in) : -1;
}

/* Tags */

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

/* Tag the objects that tell apart symbols of one name and module set. */
static void tag_symbols(const struct kms_symbol *syms, unsigned int n,
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

/* " [a] [b]": the names of module set @set, for messages. */
static char *set_text(unsigned int set)
{
	const struct kms_set *ms = kms_module_set(set);
	size_t len = 1;
	unsigned int i;
	char *t;

	for (i = 0; i < ms->nr; i++)
		len += strlen(kms_module_name(ms->mod[i])) + 3;
	t = xmalloc(len);
	t[0] = '\0';
	for (i = 0; i < ms->nr; i++) {
		strcat(t, " [");
		strcat(t, kms_module_name(ms->mod[i]));
		strcat(t, "]");
	}
	return t;
}

/*
 * Tag the objects that need it; report what is left in the output (and
 * with --verbose on stderr).
 */
static void tag_objects(const struct kms_symbol *syms, unsigned int n,
			bool verbose)
{
	unsigned int i, tagged = 0, nr_sets = kms_nr_sets();
	char **set_names = xcalloc(nr_sets, sizeof(*set_names));
	struct kms_tag_stats st;

	for (i = 0; i < nr_sets; i++)
		set_names[i] = set_text(i);
	tag_symbols(syms, n, objects, (const char *const *)set_names, verbose,
		    &st);
	for (i = 0; i < nr_objects; i++)
		tagged += objects[i].tag > 0;
	printf("/* object tags: %u names needed them, on %u of %u objects; ",
	       st.names, tagged, nr_objects);
	printf("%u names (%u symbols) still ambiguous */\n",
	       st.ambiguous_names, st.ambiguous_syms);
	for (i = 0; i < nr_sets; i++)
		free(set_names[i]);
	free(set_names);
}

/*
 * Give each symbol its object, from the input section kallmodsyms_modules.c
 * attributed it to, and tag the objects that need it.
 */
void kms_tag_objects(const struct kms_map *map, struct kms_symbol *syms,
		     unsigned int n, bool verbose)
{
	assign_objects(map, syms, n);
	tag_objects(syms, n, verbose);
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

/* The tagged objects' trailing paths; the map reader checked they are .o */
static void object_names(const struct kms_object *objs, const int *order,
			 unsigned int nr_tags, struct kms_names *names)
{
	unsigned int i;

	for (i = 0; i < nr_tags; i++) {
		const char *path = objs[order[i]].path;
		char *t = xstrdup(trailing_path(path, objs[order[i]].tag));

		printf("/* object %u: %s */\n", i, t);
		t[strlen(t) - 2] = '\0';
		kms_names_add(names, t);
		free(t);
	}
}

/* The run stream of the symbols' tagged objects, and the objects' names. */
void kms_write_object_tables(const struct kms_symbol *syms, unsigned int n,
			     struct kms_names *names)
{
	int *tag, *order, *value = xcalloc(n + 1, sizeof(*value));
	unsigned int nr_tags, i;

	tag = number_tags(objects, nr_objects, &order, &nr_tags);
	for (i = 0; i < n; i++)
		value[i] = syms[i].object < 0 ? -1 : tag[syms[i].object];
	kms_write_run_stream(value, n, "kallmodsyms_tags");
	object_names(objects, order, nr_tags, names);
	free(value);
	free(order);
	free(tag);
}
