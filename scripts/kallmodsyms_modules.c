// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_modules.c: the built-in module tables scripts/kallsyms emits
 * for /proc/kallmodsyms.
 *
 * modules_thick.builtin lists the objects of each built-in module; the
 * linker map (composed with vmlinux.o.map when vmlinux is linked from
 * vmlinux.o) says where each object's input sections went.  Every kallsyms
 * symbol is attributed to the input section holding its address, and so
 * to the module set of that section's object.  The symbols are in address
 * order, so consecutive symbols share an attribution in long runs; the
 * tables are those runs (see kernel/kallmodsyms_modules.c):
 *
 *   kallmodsyms_modules_*     the run stream (see kallmodsyms_code.c) of
 *                             attributions minus one, attribution 0 (no
 *                             module) being no value
 *   kallmodsyms_num_modules   number of module names (M)
 *   module names              by module id, in kallmodsyms_names_bits
 *                             (see kallmodsyms_names.c)
 *   kallmodsyms_sets          sets of several modules: u16 count, u16
 *                             module ids
 *
 * An attribution is 0 for none, 1..M for one module (id + 1), M + 1 + n
 * for the n-th set of several modules.
 *
 * Nothing depends on absolute addresses, so the tables keep their size from
 * one kallsyms pass to the next.  Bad input fails with file:line.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hash.h>
#include <hashtable.h>
#include <xalloc.h>

#include "kallmodsyms.h"

static const char *modules_thick_file;	/* for messages */

/* Module names, each once. */
static char **module_names;
static unsigned int nr_module_names;
static HASHTABLE_DEFINE(module_ids, 1U << 12);

/* Module sets, each once. */
static struct kms_set *sets;
static unsigned int nr_sets;
static HASHTABLE_DEFINE(set_ids, 1U << 12);

/* The objects of built-in modules, and the modules of each. */
struct kms_thick_object {
	char *path;
	struct kms_set set;	/* its modules... */
	unsigned int set_id;	/* ...as a module set, once all are read */
	unsigned int line;
};

static struct kms_thick_object *thick_objects;
static unsigned int nr_thick_objects;
static HASHTABLE_DEFINE(thick_ids, 1U << 14);

/* Address ranges of input sections, sorted, with their module set. */
struct kms_range {
	unsigned long long start, end;
	unsigned int set;
	const struct kms_input *in;
};

static struct kms_range *ranges;
static unsigned int nr_ranges;

/* "kernel/fs/fat/vfat.ko" -> "vfat"; "lib/zlib-inflate" -> "zlib_inflate" */
static char *module_name_of(const char *path)
{
	const char *base = strrchr(path, '/');
	char *name, *p;

	name = xstrdup(base ? base + 1 : path);
	p = strstr(name, ".ko");
	if (p && !p[3])
		*p = '\0';
	for (p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	return name;
}

/* The id of module @name, or -1 if there is no such module yet. */
static int find_module_id(const char *name)
{
	struct kms_id_entry *e;

	hash_for_each_possible(module_ids, e, node, hash_str(name))
		if (!strcmp(module_names[e->id], name))
			return e->id;
	return -1;
}

static unsigned int add_module(const char *name)
{
	module_names = xrealloc(module_names,
				(nr_module_names + 1) * sizeof(*module_names));
	module_names[nr_module_names] = xstrdup(name);
	hash_add(module_ids, kms_id_node(nr_module_names), hash_str(name));
	return nr_module_names++;
}

static int compare_module_ids(const void *a, const void *b)
{
	return strcmp(module_names[*(const unsigned int *)a],
		      module_names[*(const unsigned int *)b]);
}

static bool same_set(const struct kms_set *a, const struct kms_set *b)
{
	return a->nr == b->nr &&
	       !memcmp(a->mod, b->mod, a->nr * sizeof(a->mod[0]));
}

/* FNV-1a of the module ids; hash_str("") is its starting value. */
static unsigned int hash_set(const struct kms_set *set)
{
	return kms_hash_bytes(hash_str(""), set->mod,
			      set->nr * sizeof(set->mod[0]));
}

static unsigned int set_id(const struct kms_set *set)
{
	unsigned int hash = hash_set(set);
	struct kms_id_entry *e;

	hash_for_each_possible(set_ids, e, node, hash)
		if (same_set(&sets[e->id], set))
			return e->id;
	sets = xrealloc(sets, (nr_sets + 1) * sizeof(*sets));
	sets[nr_sets] = *set;
	hash_add(set_ids, kms_id_node(nr_sets), hash);
	return nr_sets++;
}

static struct kms_thick_object *find_thick_object(const char *path)
{
	struct kms_id_entry *e;

	hash_for_each_possible(thick_ids, e, node, hash_str(path))
		if (!strcmp(thick_objects[e->id].path, path))
			return &thick_objects[e->id];
	return NULL;
}

static struct kms_thick_object *new_thick_object(const struct kms_reader *r,
						 const char *path)
{
	static unsigned int alloc;
	struct kms_thick_object *o;

	thick_objects = kms_grow(thick_objects, nr_thick_objects, &alloc,
				 sizeof(*thick_objects));
	o = &thick_objects[nr_thick_objects];
	memset(o, 0, sizeof(*o));
	o->path = xstrdup(path);
	o->line = r->lineno;
	hash_add(thick_ids, kms_id_node(nr_thick_objects), hash_str(path));
	nr_thick_objects++;
	return o;
}

/*
 * Record that @obj is in module @mod.  Objects are given their module set
 * once the whole file is read.
 */
static void add_object_module(const struct kms_reader *r, const char *obj,
			      unsigned int mod)
{
	struct kms_thick_object *o = find_thick_object(obj);
	unsigned int k;

	if (!o)
		o = new_thick_object(r, obj);
	for (k = 0; k < o->set.nr; k++)
		if (o->set.mod[k] == mod)
			kms_fatal(r, "%s listed twice for module %s", obj,
				  module_names[mod]);
	if (o->set.nr == KALLMODSYMS_MAX_MODULES)
		kms_fatal(r, "%s is in more than %d modules", obj,
			  KALLMODSYMS_MAX_MODULES);
	o->set.mod[o->set.nr++] = mod;
}

/*
 * A line "kernel/<path>.ko: <objects>", as scripts/modules_thick writes it:
 * a module, a colon, and its objects, each after one space.
 */
static void read_module_line(const struct kms_reader *r, char *line)
{
	char *colon = strchr(line, ':');
	char *name, *obj, *next;
	unsigned int mod;

	if (!colon || colon == line || (colon[1] && colon[1] != ' '))
		kms_fatal(r, "expected \"kernel/<path>.ko: <objects>\"");
	*colon = '\0';
	kms_check_module_path(r, line);
	if (!colon[1])
		kms_fatal(r, "module %s has no object files", line);
	name = module_name_of(line);
	if (find_module_id(name) >= 0)
		kms_fatal(r, "module %s listed twice", name);
	mod = add_module(name);
	free(name);

	for (obj = colon + 2; obj; obj = next) {
		next = strchr(obj, ' ');
		if (next)
			*next++ = '\0';
		kms_check_object_name(r, obj);
		add_object_module(r, obj, mod);
	}
}

/* Give each object its module set, now that all its modules are known. */
static void set_object_sets(void)
{
	unsigned int i;

	for (i = 0; i < nr_thick_objects; i++) {
		struct kms_thick_object *o = &thick_objects[i];

		qsort(o->set.mod, o->set.nr, sizeof(o->set.mod[0]),
		      compare_module_ids);
		o->set_id = set_id(&o->set);
	}
}

/*
 * Read modules_thick.builtin: the names of the built-in modules, their
 * objects and the module set of each object.
 */
void kms_read_modules_thick(const char *file)
{
	struct kms_set empty = { 0 };
	struct kms_reader r;
	char *line;

	modules_thick_file = file;
	set_id(&empty);
	kms_reader_open(&r, file);
	while ((line = kms_reader_line(&r)))
		read_module_line(&r, line);
	kms_reader_close(&r);
	set_object_sets();
}

static int compare_ranges(const void *a, const void *b)
{
	const struct kms_range *ra = a, *rb = b;

	if (ra->start != rb->start)
		return ra->start < rb->start ? -1 : 1;
	return ra->end < rb->end ? -1 : ra->end > rb->end;
}

static void build_ranges(const struct kms_map *map)
{
	unsigned int i;

	ranges = xcalloc(map->nr, sizeof(*ranges));
	for (i = 0; i < map->nr; i++) {
		const struct kms_input *in = &map->in[i];
		const struct kms_thick_object *o = find_thick_object(in->file);

		ranges[nr_ranges].start = in->addr;
		ranges[nr_ranges].end = in->addr + in->size;
		ranges[nr_ranges].set = o ? o->set_id : 0;
		ranges[nr_ranges].in = in;
		nr_ranges++;
	}
	qsort(ranges, nr_ranges, sizeof(*ranges), compare_ranges);

	for (i = 1; i < nr_ranges; i++) {
		struct kms_range *a = &ranges[i - 1], *b = &ranges[i];

		if (b->start >= a->end || a->start == a->end ||
		    b->start == b->end || !strcmp(a->in->file, b->in->file))
			continue;
		if (kms_mergeable_section(a->in->section)) {
			a->end = b->start;
			continue;
		}
		kms_die("%s:%u: %s (%s) at %#llx-%#llx overlaps %s (%s) at %#llx-%#llx from %s:%u",
			b->in->map, b->in->line, b->in->section, b->in->file,
			b->start, b->end, a->in->section, a->in->file,
			a->start, a->end, a->in->map, a->in->line);
	}
}

/* The module set of object @path: 0 for none. */
unsigned int kms_object_set(const char *path)
{
	const struct kms_thick_object *o = find_thick_object(path);

	return o ? o->set_id : 0;
}

/* Every object of a built-in module must be somewhere in the map. */
static void check_objects_placed(const struct kms_map *map)
{
	unsigned int i;

	for (i = 0; i < nr_thick_objects; i++) {
		const struct kms_thick_object *o = &thick_objects[i];

		if (!kms_map_has_file(map, o->path))
			kms_die("%s:%u: %s, an object of built-in module %s, is not in %s",
				modules_thick_file, o->line, o->path,
				module_names[o->set.mod[0]], map->file);
	}
}

/* The first range starting after @a. */
static unsigned int range_after(unsigned long long a)
{
	unsigned int lo = 0, hi = nr_ranges;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (ranges[mid].start <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Is @obj ("dir/name.o") compiled from @file ("name.c", "name.S")? */
bool kms_built_from(const char *obj, const char *file)
{
	const char *base = strrchr(obj, '/');
	const char *dot = strrchr(file, '.');
	size_t len = dot ? (size_t)(dot - file) : strlen(file);

	base = base ? base + 1 : obj;
	return strlen(base) == len + 2 && !strncmp(base, file, len) &&
	       !strcmp(base + len, ".o");
}

/* Sections a zero-sized symbol at a boundary may belong to. */
static const struct kms_range **candidates;
static unsigned int candidates_alloc;

static void add_candidate(unsigned int *n, const struct kms_range *rg)
{
	candidates = kms_grow(candidates, *n, &candidates_alloc,
			      sizeof(*candidates));
	candidates[(*n)++] = rg;
}

/*
 * What the candidate sections (those of objects built from @file, or all
 * if @file is NULL; only object @obj's if @obj is not NULL) agree on: their
 * module set (0 if they disagree or there are none) and, if they are all of
 * one object, one of them (else NULL).  *@found says whether there were any.
 */
static unsigned int agreed_set(const struct kms_range *const *cand,
			       unsigned int n, const char *file,
			       const char *obj, bool *found,
			       const struct kms_range **one)
{
	unsigned int i, set = 0;

	*found = false;
	*one = NULL;
	for (i = 0; i < n; i++) {
		if (file && !kms_built_from(cand[i]->in->file, file))
			continue;
		if (obj && strcmp(cand[i]->in->file, obj))
			continue;
		if (*found && cand[i]->set != set) {
			*one = NULL;
			return 0;
		}
		if (!*found)
			*one = cand[i];
		else if (*one && strcmp((*one)->in->file, cand[i]->in->file))
			*one = NULL;
		set = cand[i]->set;
		*found = true;
	}
	return set;
}

/*
 * The object scripts/kallsyms' own output is assembled into
 * (.tmp_vmlinuxN.kallsyms.o).  Its tables are empty in the first link, so
 * their labels sit at the end of its section: they stay its, so that the
 * tables keep their size from one pass to the next.
 */
static bool is_kallsyms_object(const struct kms_range *rg)
{
	const char *f = rg->in->file;
	size_t len = strlen(f);

	return len > 11 && !strcmp(f + len - 11, ".kallsyms.o");
}

/*
 * The section holding a symbol's bytes, and its module set; NULL where no
 * one section can be named, with *@set what the candidates agree on.
 *
 * A zero-sized symbol (a label, a zero-sized variable) at a section
 * boundary may belong to the section starting there, to an empty section
 * placed there, or to the section ending there.  A local symbol's source
 * file (its STT_FILE) picks among them, and object @obj if not NULL (the
 * one the rest of the symbols of its STT_FILE group lie in, where objects
 * built from sources of one name are on both sides); otherwise the kallsyms
 * tables'
 * object ending there, or the section starting there, as a label at the
 * start of a section is the common case;
 * otherwise the empty sections and the section ending there must agree.
 * Where nothing decides, the symbol has no bytes any module could claim
 * and gets no module.
 */
static const struct kms_range *range_of(const struct kms_symbol *s,
					const char *obj, unsigned int *set)
{
	const struct kms_range *starts = NULL, *one;
	const struct kms_range *tables = NULL;
	unsigned int r = range_after(s->addr), n = 0;
	bool found;

	while (r--) {
		const struct kms_range *rg = &ranges[r];
		bool empty = rg->start == rg->end;

		if (empty) {
			if (rg->start == s->addr && !s->size)
				add_candidate(&n, rg);
			continue;
		}
		if (rg->end > s->addr && (s->size || rg->start < s->addr)) {
			*set = rg->set;
			return rg;
		}
		if (!s->size && rg->start == s->addr)
			starts = rg;
		if (!s->size && rg->end == s->addr && is_kallsyms_object(rg))
			tables = rg;
		if (!s->size && (rg->start == s->addr || rg->end == s->addr))
			add_candidate(&n, rg);
		if (rg->start < s->addr)
			break;
	}

	if (s->file) {
		*set = agreed_set(candidates, n, s->file, obj, &found, &one);
		if (found)
			return one;
	}
	if (tables) {
		*set = tables->set;
		return tables;
	}
	if (starts) {
		*set = starts->set;
		return starts;
	}
	*set = agreed_set(candidates, n, NULL, NULL, &found, &one);
	return one;
}

/*
 * The STT_FILE groups of local symbols (one per object, see
 * kallmodsyms_elf.c), each with the object its placed symbols lie in: NULL
 * where they lie in several.
 */
struct kms_group {
	const char *file;	/* the group's: its symbols share the pointer */
	const char *obj;
};

static struct kms_group *groups;
static unsigned int nr_groups;

static int compare_groups(const void *a, const void *b)
{
	uintptr_t fa = (uintptr_t)((const struct kms_group *)a)->file;
	uintptr_t fb = (uintptr_t)((const struct kms_group *)b)->file;

	return fa < fb ? -1 : fa > fb;
}

static void find_groups(const struct kms_symbol *syms, unsigned int n)
{
	unsigned int i, k = 0;

	groups = xcalloc(n + 1, sizeof(*groups));
	for (i = 0; i < n; i++) {
		if (!syms[i].file || !syms[i].in ||
		    !kms_built_from(syms[i].in->file, syms[i].file))
			continue;
		groups[k].file = syms[i].file;
		groups[k++].obj = syms[i].in->file;
	}
	qsort(groups, k, sizeof(*groups), compare_groups);
	nr_groups = 0;
	for (i = 0; i < k; i++) {
		struct kms_group *g = nr_groups ? &groups[nr_groups - 1] : NULL;

		if (g && g->file == groups[i].file) {
			if (g->obj && strcmp(g->obj, groups[i].obj))
				g->obj = NULL;
			continue;
		}
		groups[nr_groups++] = groups[i];
	}
}

/* The object the placed symbols of @file's group lie in, or NULL. */
static const char *group_object(const char *file)
{
	struct kms_group key = { .file = file }, *g;

	g = bsearch(&key, groups, nr_groups, sizeof(*groups), compare_groups);
	return g ? g->obj : NULL;
}

/*
 * Where the input sections of the map lie, with the module set of each;
 * every object of a built-in module must be among them.
 */
void kms_place_modules(const struct kms_map *map)
{
	check_objects_placed(map);
	build_ranges(map);
}

/*
 * The module set and input section of each symbol.  Symbols the linker
 * script defines belong to no object even where they share an address with
 * one.  A zero-sized symbol that objects built from sources of one name
 * both claim is placed after the others, by its STT_FILE group.  A
 * section of vmlinux.o that vmlinux.o.map does not list (see
 * kms_compose_map()) may hold no other symbol: its objects are unknown.
 */
void kms_attribute_symbols(const struct kms_map *map, struct kms_symbol *syms,
			   unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct kms_symbol *s = &syms[i];
		const struct kms_range *rg;

		s->set = 0;
		s->in = NULL;
		if (kms_map_script_symbol(map, s->name))
			continue;
		rg = range_of(s, NULL, &s->set);
		if (rg && !strcmp(rg->in->file, "vmlinux.o"))
			kms_die("%s:%u: %s of vmlinux.o, not in the vmlinux.o map, holds %s",
				rg->in->map, rg->in->line, rg->in->section,
				s->name);
		if (rg)
			s->in = rg->in;
	}

	find_groups(syms, n);
	for (i = 0; i < n; i++) {
		struct kms_symbol *s = &syms[i];
		const struct kms_range *rg;
		const char *obj;
		unsigned int set;

		if (s->in || !s->file || s->size ||
		    kms_map_script_symbol(map, s->name))
			continue;
		obj = group_object(s->file);
		if (!obj)
			continue;
		rg = range_of(s, obj, &set);
		if (rg && !strcmp(rg->in->file, obj)) {
			s->set = set;
			s->in = rg->in;
		}
	}
	free(groups);
	kms_place_pooled(map, syms, n);
}

/* Module sets and names, for the messages of kallmodsyms_objects.c. */
unsigned int kms_nr_sets(void)
{
	return nr_sets;
}

const struct kms_set *kms_module_set(unsigned int set)
{
	return &sets[set];
}

const char *kms_module_name(unsigned int mod)
{
	return module_names[mod];
}

/* Output */

/*
 * Attribution numbers: 0 is no module, 1..M module M-1 alone, M+1.. the
 * sets of several modules.  Sets are numbered with the empty set first,
 * then each set as first seen: renumber so that single modules come
 * straight from their module id and only multi-module sets need a table.
 */
static unsigned int *number_attributions(void)
{
	unsigned int *attr_of_set = xcalloc(nr_sets, sizeof(*attr_of_set));
	unsigned int i, next = nr_module_names + 1;

	for (i = 1; i < nr_sets; i++)
		attr_of_set[i] = sets[i].nr == 1 ? sets[i].mod[0] + 1 : next++;
	return attr_of_set;
}

/*
 * The number of modules, their names (added to @names, which
 * kallmodsyms_names.c writes) and the sets of several modules; no modules
 * without symbols.
 */
static void write_names_and_sets(unsigned int n, struct kms_names *names)
{
	unsigned int i, k;

	kms_label("kallmodsyms_num_modules");
	printf("\t.long %u\n", n ? nr_module_names : 0);

	for (i = 0; n && i < nr_module_names; i++) {
		kms_names_add(names, module_names[i]);
		printf("/* module %u: %s */\n", i, module_names[i]);
	}

	kms_label("kallmodsyms_sets");
	for (i = 1; i < nr_sets; i++) {
		if (sets[i].nr == 1)
			continue;
		printf("\t.short %u", sets[i].nr);
		for (k = 0; k < sets[i].nr; k++)
			printf(", %u", sets[i].mod[k]);
		printf("\n");
	}
}

/* The run stream of the symbols' attributions, the names and the sets. */
void kms_write_module_tables(const struct kms_symbol *syms, unsigned int n,
			     struct kms_names *names)
{
	unsigned int *attr_of_set = number_attributions(), i;
	int *attr = xcalloc(n + 1, sizeof(*attr));

	for (i = 0; i < n; i++)
		attr[i] = (int)attr_of_set[syms[i].set] - 1;
	kms_write_run_stream(attr, n, "kallmodsyms_modules");
	write_names_and_sets(n, names);
	free(attr_of_set);
	free(attr);
}
