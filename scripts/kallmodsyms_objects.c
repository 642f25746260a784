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
 * What no tag can resolve, the build reports as a warning naming it: a
 * name defined twice in one object (an ld -r of objects sharing a static
 * name, say, or an object linked twice), or twice with no object at all
 * (linker-generated symbols).
 */

#include <stdlib.h>
#include <string.h>

#include <xalloc.h>

#include "kallmodsyms.h"

static const struct kms_symbol *tag_syms;

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

/* On stderr for the build log, in the output for the tests. */
static void report_ambiguous(const struct kms_symbol *s, unsigned int same,
			     const struct kms_object *objs,
			     const char *const *set_names)
{
	const char *obj = s->object < 0 ? "no object file" : objs[s->object].path;

	fprintf(stderr, "kallsyms: warning: %u symbols named %s in %s%s cannot be told apart\n",
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
		     struct kms_tag_stats *st)
{
	unsigned int *member = xcalloc(n + 1, sizeof(*member));
	unsigned int i, start;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < n; i++)
		member[i] = i;
	tag_syms = syms;
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
 * names (see kms_write_names()) as pieces: a header byte and what it says
 * (see write_pieces()).
 */

#define KMS_PIECE_LAST		0x00	/* the name ends after this piece */
#define KMS_PIECE_SLASH		0x40	/* '/' and another component follow */
#define KMS_PIECE_MORE		0x80	/* more of this component follows */
#define KMS_PIECE_RAW		0x20	/* characters, not token indexes */
#define KMS_PIECE_MAX		0x1f	/* most tokens or characters a piece has */
#define KMS_PIECE_MODULE	KMS_PIECE_RAW	/* raw, count 0: ULEB128 module id */

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

/* Names as pieces */

#define KMS_COMPONENT_LEN	255
#define KMS_INF			(~0U / 4)

/*
 * The cheapest pieces for component @c: a split into pieces of tokens
 * (one byte each) and of characters the tokens cannot spell (one byte
 * each), each piece costing a header byte.  tok[i][j]: fewest tokens
 * spelling c[i..j).
 */
static void write_component(struct kms_bytes *b, const char *c,
			    unsigned int follow)
{
	static unsigned int tok[KMS_COMPONENT_LEN + 1][KMS_COMPONENT_LEN + 1];
	unsigned int len = strlen(c), cost[KMS_COMPONENT_LEN + 1];
	unsigned int from[KMS_COMPONENT_LEN + 1], i, j, k, t;
	unsigned char spelling[KMS_PIECE_MAX];
	bool raw[KMS_COMPONENT_LEN + 1];
	long mod = kms_module_id(c);

	if (len > KMS_COMPONENT_LEN || !len)
		kms_die("kallsyms: object path component '%s' is empty or too long", c);
	if (mod >= 0) {
		kms_put_byte(b, follow | KMS_PIECE_MODULE);
		kms_put_uleb128(b, mod);
		return;
	}

	for (i = 0; i < len; i++) {
		for (j = i; j <= len; j++)
			tok[i][j] = j == i ? 0 : KMS_INF;
		for (k = i; k < len; k++) {
			if (tok[i][k] == KMS_INF)
				continue;
			for (t = 0; t < 256; t++) {
				unsigned int n = kms_tokens.len[t];

				if (n && k + n <= len &&
				    !memcmp(c + k, kms_tokens.text[t], n) &&
				    tok[i][k] + 1 < tok[i][k + n])
					tok[i][k + n] = tok[i][k] + 1;
			}
		}
	}

	cost[0] = 0;
	for (j = 1; j <= len; j++) {
		cost[j] = KMS_INF;
		for (i = 0; i < j; i++) {
			bool r = tok[i][j] > KMS_PIECE_MAX ||
				 tok[i][j] > j - i;
			unsigned int units = r ? j - i : tok[i][j];

			if (units > KMS_PIECE_MAX)
				continue;
			if (cost[i] + 1 + units < cost[j]) {
				cost[j] = cost[i] + 1 + units;
				from[j] = i;
				raw[j] = r;
			}
		}
	}

	/* Emit the pieces from the first, found by walking back. */
	for (i = 0; i < len; i = j) {
		for (j = len; from[j] != i; j = from[j])
			;
		if (raw[j]) {
			kms_put_byte(b, (j < len ? KMS_PIECE_MORE : follow) |
				    KMS_PIECE_RAW | (j - i));
			for (k = i; k < j; k++)
				kms_put_byte(b, c[k]);
			continue;
		}
		t = kms_tokenize(c + i, j - i, spelling);
		kms_put_byte(b, (j < len ? KMS_PIECE_MORE : follow) | t);
		for (k = 0; k < t; k++)
			kms_put_byte(b, spelling[k]);
	}
}

/* The shown part of @path, minus ".o", as pieces, component by component. */
static void write_pieces(struct kms_bytes *b, const char *path,
			 unsigned int tag)
{
	char *p = xstrdup(trailing_path(path, tag)), *c, *slash;
	size_t len = strlen(p);

	if (len < 3 || strcmp(p + len - 2, ".o"))
		kms_die("kallsyms: object %s is not a .o file", path);
	p[len - 2] = '\0';
	for (c = p; c; c = slash) {
		slash = strchr(c, '/');
		if (slash)
			*slash++ = '\0';
		write_component(b, c, slash ? KMS_PIECE_SLASH : KMS_PIECE_LAST);
	}
	free(p);
}

static void object_names(const struct kms_object *objs, const int *order,
			 unsigned int nr_tags, struct kms_names *names)
{
	unsigned int i;

	for (i = 0; i < nr_tags; i++) {
		kms_names_add(names);
		write_pieces(&names->bytes, objs[order[i]].path,
			     objs[order[i]].tag);
		printf("/* object %u: %s */\n", i,
		       trailing_path(objs[order[i]].path, objs[order[i]].tag));
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
