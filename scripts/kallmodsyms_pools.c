// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_pools.c: the objects of local symbols that the linker map
 * places in no object's input section.
 *
 * ld.lld merges the mergeable constants and strings of every object into
 * pools of its own, one per output section and kind, and its map names no
 * object for them (kallmodsyms_map.c).  Local symbols there (static
 * constant tables of C files, labels of assembler constants) are placed
 * by the image's symbol table instead.  Linkers write the local symbols
 * of each object together, object after object in link order, an
 * object's STT_FILE symbol (if it has one) first.  So a local symbol lies
 * in a run of locals bounded by the nearest ones before and after it that
 * their bytes place in an input section (sized ones), or by the STT_FILE
 * symbol heading its group and the next group's where their objects are
 * known, and the run holds the locals of the objects linked from the
 * first bound's object to the last's:
 *
 * - one object: the symbol is its;
 * - several: the objects' own symbol tables say whose, the n-th symbol of
 *   its name in the run being the n-th of that name they have in that
 *   stretch, provided they have as many as the run (fewer where one went
 *   with a discarded section: then nothing is decided).
 *
 * Clang's assembler writes no STT_FILE symbol, so the group of a C file
 * goes on with the locals of the assembler objects linked after it: the
 * STT_FILE symbol alone does not tell whose a symbol is.  The link order
 * is that of the objects' .text input sections, which every object has
 * (empty ones are listed too) and the linker places in link order.
 * GNU ld's map places every object's share of a merged section, so this
 * finds nothing to do there.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hash.h>
#include <hashtable.h>
#include <xalloc.h>

#include "kallmodsyms.h"

/* The objects of the map in link order, each with its first record. */
struct link_object {
	const struct kms_input *in;
	unsigned int set;
};

static struct link_object *link_objects;
static unsigned int nr_link_objects, link_alloc;
static HASHTABLE_DEFINE(link_ids, 1U << 14);

/* The place of object @path in the link order, or -1. */
static int link_index(const char *path)
{
	struct kms_id_entry *e;

	hash_for_each_possible(link_ids, e, node, hash_str(path))
		if (!strcmp(link_objects[e->id].in->file, path))
			return e->id;
	return -1;
}

static void order_objects(const struct kms_map *map)
{
	unsigned int i;

	for (i = 0; i < map->nr; i++) {
		const struct kms_input *in = &map->in[i];

		if (strcmp(in->section, ".text") || link_index(in->file) >= 0)
			continue;
		link_objects = kms_grow(link_objects, nr_link_objects,
					&link_alloc, sizeof(*link_objects));
		link_objects[nr_link_objects].in = in;
		link_objects[nr_link_objects].set = kms_object_set(in->file);
		hash_add(link_ids, kms_id_node(nr_link_objects),
			 hash_str(in->file));
		nr_link_objects++;
	}
}

/* Local symbols in the image's symbol-table order. */
static struct kms_symbol **locals;
static unsigned int nr_locals;

static int compare_elf_order(const void *a, const void *b)
{
	unsigned int ea = (*(struct kms_symbol *const *)a)->elf_order;
	unsigned int eb = (*(struct kms_symbol *const *)b)->elf_order;

	return ea < eb ? -1 : ea > eb;
}

/* Is @s placed by its bytes, inside an input section? */
static bool placed(const struct kms_symbol *s)
{
	return s->in && s->size;
}

/*
 * The link index of the object heading the group of locals from @k on
 * (the object of its STT_FILE symbol): that of the group's first placed
 * symbol, if that is built from the group's source file; else -1.
 */
static int group_object(int k)
{
	const char *file = locals[k]->file;

	for (; k < (int)nr_locals && locals[k]->file == file; k++)
		if (placed(locals[k]))
			return kms_built_from(locals[k]->in->file, file) ?
			       link_index(locals[k]->in->file) : -1;
	return -1;
}

/*
 * Where a local symbol may come from: the locals strictly between
 * locals[from] and locals[to] are those of the objects of link indexes
 * first to last, object after object; where locals[from] (locals[to]) is
 * a placed symbol, of object first (last) only those after (before) it.
 */
struct run {
	int from, to;
	bool from_placed, to_placed;
	int first, last;
};

/* The nearest placed local from locals[k] on in direction @step, or -1. */
static int nearest_placed(int k, int step)
{
	for (; k >= 0 && k < (int)nr_locals; k += step)
		if (placed(locals[k]))
			return k;
	return -1;
}

/*
 * The start of the run of locals[k]: the nearest placed local of its
 * group before it, else the group's STT_FILE symbol if its object is
 * known, else the nearest placed local before it at all.
 */
static void run_start(int k, struct run *run)
{
	const char *file = locals[k]->file;
	int j;

	for (j = k - 1; j >= 0 && locals[j]->file == file; j--)
		if (placed(locals[j]))
			break;
	run->from_placed = j >= 0 && locals[j]->file == file;
	if (!run->from_placed) {
		run->first = group_object(j + 1);
		if (run->first >= 0) {
			run->from = j;
			return;
		}
		j = nearest_placed(j, -1);
		run->from_placed = j >= 0;
	}
	run->from = j;
	run->first = j >= 0 ? link_index(locals[j]->in->file) : 0;
}

/* Its end, likewise: up to the next placed local, or the next group. */
static void run_end(int k, struct run *run)
{
	const char *file = locals[k]->file;
	int j, next;

	for (j = k + 1; j < (int)nr_locals && locals[j]->file == file; j++)
		if (placed(locals[j]))
			break;
	run->to_placed = j < (int)nr_locals && locals[j]->file == file;
	if (!run->to_placed) {
		next = j < (int)nr_locals ? group_object(j) : -1;
		if (next > 0) {
			run->to = j;
			run->last = next - 1;
			return;
		}
		j = nearest_placed(j, 1);
		run->to_placed = j >= 0;
	}
	run->to = j >= 0 ? j : (int)nr_locals;
	run->last = j >= 0 ? link_index(locals[j]->in->file) :
			     (int)nr_link_objects - 1;
}

static bool find_run(int k, struct run *run)
{
	run_start(k, run);
	run_end(k, run);
	return run->first >= 0 && run->last >= run->first;
}

/* The symbol names of the objects read, by link index, in table order. */
struct object_names {
	bool read;
	char **name;
	unsigned int nr, alloc;
};

static struct object_names *object_names, *reading;

static void add_name(const char *name, unsigned long long addr,
		     unsigned long long size, const char *file)
{
	(void)addr;
	(void)size;
	(void)file;
	reading->name = kms_grow(reading->name, reading->nr, &reading->alloc,
				 sizeof(*reading->name));
	reading->name[reading->nr++] = xstrdup(name);
}

/* The index of the one symbol named @name of @o, or -1. */
static int only(const struct object_names *o, const char *name)
{
	unsigned int k;
	int found = -1;

	for (k = 0; k < o->nr; k++) {
		if (strcmp(o->name[k], name))
			continue;
		if (found >= 0)
			return -1;
		found = k;
	}
	return found;
}

/*
 * How many symbols named @name object @i has in its own symbol table
 * after its symbol @from and before its symbol @to (NULL: from the start,
 * to the end); -1 if @from or @to is not there once.
 */
static int defines(int i, const char *name, const char *from, const char *to)
{
	struct object_names *o = &object_names[i];
	int k, start, end, count = 0;

	if (!o->read) {
		const struct kms_input *in = link_objects[i].in;

		if (access(in->file, R_OK))
			kms_die("%s:%u: cannot read %s for the symbols of ld.lld's pools: %s",
				in->map, in->line, in->file, strerror(errno));
		reading = o;
		kms_read_elf_symbols(in->file, add_name);
		o->read = true;
	}
	start = from ? only(o, from) + 1 : 0;
	end = to ? only(o, to) : (int)o->nr;
	if ((from && !start) || end < 0)
		return -1;
	for (k = start; k < end; k++)
		count += !strcmp(o->name[k], name);
	return count;
}

/*
 * The link index of the object of locals[k], from the symbol tables of
 * the objects of its run: the n-th symbol of its name in the run is the
 * n-th symbol of that name they have there, if they have as many as the
 * run holds (not if some went with a discarded section); else -1.
 */
static int read_object(int k, const struct run *run)
{
	const char *name = locals[k]->name;
	int i, j, count, nth = 0, total = 0, sum = 0, found = -1;

	for (j = run->from + 1; j < run->to; j++) {
		if (strcmp(locals[j]->name, name))
			continue;
		total++;
		nth += j <= k;
	}
	for (i = run->first; i <= run->last; i++) {
		count = defines(i, name,
				i == run->first && run->from_placed ?
				locals[run->from]->name : NULL,
				i == run->last && run->to_placed ?
				locals[run->to]->name : NULL);
		if (count < 0)
			return -1;
		if (found < 0 && nth > sum && nth <= sum + count)
			found = i;
		sum += count;
	}
	return sum == total ? found : -1;
}

/*
 * Give each local symbol in a pool of ld.lld's (and in no input section)
 * the object its run says, and that object's module set.
 */
void kms_place_pooled(const struct kms_map *map, struct kms_symbol *syms,
		      unsigned int n)
{
	struct run run;
	unsigned int i;
	int k, obj;

	order_objects(map);
	object_names = xcalloc(nr_link_objects + 1, sizeof(*object_names));
	locals = xcalloc(n + 1, sizeof(*locals));
	for (i = 0; i < n; i++)
		if (syms[i].file)
			locals[nr_locals++] = &syms[i];
	qsort(locals, nr_locals, sizeof(*locals), compare_elf_order);

	for (k = 0; k < (int)nr_locals; k++) {
		struct kms_symbol *s = locals[k];

		if (s->in || !kms_in_pool(map, s->addr) ||
		    kms_map_script_symbol(map, s->name) || !find_run(k, &run))
			continue;
		obj = run.first == run.last ? run.first : read_object(k, &run);
		if (obj < 0)
			continue;
		s->in = link_objects[obj].in;
		s->set = link_objects[obj].set;
	}
	free(locals);
}
