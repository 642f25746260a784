// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms.c: the built-in module tables scripts/kallsyms emits for
 * /proc/kallmodsyms.
 *
 * Inputs, all given on the command line:
 *   --modules-thick=modules_thick.builtin  objects of each built-in module
 *   --link-map=.tmp_vmlinuxN.map           where the link put each object
 *   --vmlinux-o-map=vmlinux.o.map          when vmlinux is linked from
 *                                          vmlinux.o: where each object
 *                                          lies within vmlinux.o
 *   --elf=.tmp_vmlinuxN                    the image the symbols come
 *                                          from, for their sizes
 *   --verbose                              also print on stderr the
 *                                          warnings for names no object
 *                                          tag can tell apart (always
 *                                          in the output as comments)
 *
 * Every kallsyms symbol is attributed to the object whose input section
 * holds its address, and so to that object's module set.  The symbols are
 * in address order, so consecutive symbols share an attribution in long
 * runs; the tables are those runs (see kernel/kallmodsyms.c):
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
 * for the n-th set of several modules.  Object-file tags are written by
 * kallmodsyms_objects.c, sizes by kallmodsyms_sizes.c.
 *
 * Nothing depends on absolute addresses, so the tables keep their size from
 * one kallsyms pass to the next.  Bad input fails with file:line.
 */

#include <stdlib.h>
#include <string.h>

#include <hash.h>
#include <hashtable.h>
#include <xalloc.h>

#include "kallmodsyms.h"

static const char *modules_thick_file, *link_map_file, *omap_file, *elf_file;

static struct kms_symbol *symbols;
static unsigned int nr_symbols;

static bool verbose;		/* warnings on stderr too */

/*
 * Hash tables that find an element of an array by its key hold the
 * element's index; each lookup compares its key with the element's.  Sizes
 * are fixed: a defconfig build has 176,000 kallsyms symbols, about 3,000
 * objects and a few hundred built-in modules (allyesconfig ten times as
 * many objects and modules).
 */
struct id_entry {
	struct hlist_node node;
	unsigned int id;
};

static struct hlist_node *id_node(unsigned int id)
{
	struct id_entry *e = xmalloc(sizeof(*e));

	e->id = id;
	return &e->node;
}

/* FNV-1a, as hash_str() computes it, over @n bytes from @hash on. */
static unsigned int hash_bytes(unsigned int hash, const void *key, size_t n)
{
	const unsigned char *p = key;

	while (n--)
		hash = (hash ^ *p++) * 0x01000193;
	return hash;
}

/* Module names, each once. */
static char **module_names;
static unsigned int nr_module_names;
static HASHTABLE_DEFINE(module_ids, 1U << 12);

/* Module sets: sorted module ids.  Set 0 is the empty set. */
struct kms_set {
	unsigned int nr;
	unsigned int mod[KALLMODSYMS_MAX_MODULES];
};

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

int kallmodsyms_option(int opt, const char *arg)
{
	switch (opt) {
	case 'M':
		modules_thick_file = arg;
		return 0;
	case 'L':
		link_map_file = arg;
		return 0;
	case 'O':
		omap_file = arg;
		return 0;
	case 'E':
		elf_file = arg;
		return 0;
	case 'V':
		verbose = true;
		return 0;
	}
	return 1;
}

void kallmodsyms_add_symbol(unsigned long long addr, const char *name)
{
	static unsigned int alloc;

	if (!modules_thick_file)
		return;
	symbols = kms_grow(symbols, nr_symbols, &alloc, sizeof(*symbols));
	symbols[nr_symbols].addr = addr;
	symbols[nr_symbols].name = xstrdup(name);
	nr_symbols++;
}

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

static unsigned int module_id(const char *name)
{
	unsigned int hash = hash_str(name);
	struct id_entry *e;

	hash_for_each_possible(module_ids, e, node, hash)
		if (!strcmp(module_names[e->id], name))
			return e->id;
	module_names = xrealloc(module_names,
				(nr_module_names + 1) * sizeof(*module_names));
	module_names[nr_module_names] = xstrdup(name);
	hash_add(module_ids, id_node(nr_module_names), hash);
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
	return hash_bytes(hash_str(""), set->mod, set->nr * sizeof(set->mod[0]));
}

static unsigned int set_id(const struct kms_set *set)
{
	unsigned int hash = hash_set(set);
	struct id_entry *e;

	hash_for_each_possible(set_ids, e, node, hash)
		if (same_set(&sets[e->id], set))
			return e->id;
	sets = xrealloc(sets, (nr_sets + 1) * sizeof(*sets));
	sets[nr_sets] = *set;
	hash_add(set_ids, id_node(nr_sets), hash);
	return nr_sets++;
}

static struct kms_thick_object *find_thick_object(const char *path)
{
	struct id_entry *e;

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
	hash_add(thick_ids, id_node(nr_thick_objects), hash_str(path));
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

static void read_modules_thick(const char *file)
{
	struct kms_reader r;
	unsigned int i;
	struct kms_set empty = { 0 };
	char *line;

	set_id(&empty);
	kms_reader_open(&r, file);
	while ((line = kms_reader_line(&r))) {
		char *colon = strchr(line, ':');
		char *tok, *save, *name;
		unsigned int mod, n = 0;

		if (!colon || colon == line)
			kms_fatal(&r, "expected \"kernel/<path>.ko: <objects>\"");
		*colon = '\0';
		if (strncmp(line, "kernel/", 7) || strlen(line) < 11 ||
		    strcmp(line + strlen(line) - 3, ".ko"))
			kms_fatal(&r, "'%s' is not of the form kernel/<path>.ko",
				  line);
		name = module_name_of(line);
		mod = module_id(name);
		free(name);

		for (tok = strtok_r(colon + 1, " \t", &save); tok;
		     tok = strtok_r(NULL, " \t", &save), n++) {
			if (strlen(tok) < 3 || strcmp(tok + strlen(tok) - 2, ".o"))
				kms_fatal(&r, "'%s' is not an object file", tok);
			add_object_module(&r, tok, mod);
		}
		if (!n)
			kms_fatal(&r, "module %s has no object files", line);
	}
	kms_reader_close(&r);

	for (i = 0; i < nr_thick_objects; i++) {
		struct kms_thick_object *o = &thick_objects[i];

		qsort(o->set.mod, o->set.nr, sizeof(o->set.mod[0]),
		      compare_module_ids);
		o->set_id = set_id(&o->set);
	}
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

/* Every object of a built-in module must be somewhere in the map. */
static void check_objects_placed(const struct kms_map *map)
{
	unsigned int i;

	for (i = 0; i < nr_thick_objects; i++) {
		const struct kms_thick_object *o = &thick_objects[i];

		if (!kms_map_has_file(map, o->path))
			kms_die("%s: %s, an object of built-in module %s, is not in %s",
				modules_thick_file, o->path,
				module_names[o->set.mod[0]], map->file);
	}
}

/*
 * The image's symbols, in symbol-table order, and by (name, address): each
 * key with the list of its symbols, one per kallsyms symbol of that name and
 * address.
 */
struct kms_elf_sym {
	unsigned long long size;
	const char *file;
	long next;
};

struct elf_key {
	struct hlist_node node;
	unsigned long long addr;
	long next;		/* its first symbol not yet taken, or -1 */
	char name[];
};

static struct kms_elf_sym *elf_syms;
static unsigned int nr_elf_syms, elf_alloc;
static HASHTABLE_DEFINE(elf_keys, 1U << 16);

/* Source file names of local symbols, each once. */
struct file_name {
	struct hlist_node node;
	char name[];
};

static HASHTABLE_DEFINE(file_names, 1U << 14);

static const char *intern_file(const char *file)
{
	unsigned int hash;
	struct file_name *f;
	size_t len;

	if (!file)
		return NULL;
	hash = hash_str(file);
	hash_for_each_possible(file_names, f, node, hash)
		if (!strcmp(f->name, file))
			return f->name;
	len = strlen(file) + 1;
	f = xmalloc(sizeof(*f) + len);
	memcpy(f->name, file, len);
	hash_add(file_names, &f->node, hash);
	return f->name;
}

static unsigned int hash_elf_key(const char *name, unsigned long long addr)
{
	return hash_bytes(hash_str(name), &addr, sizeof(addr));
}

static struct elf_key *find_elf_key(const char *name, unsigned long long addr,
				    unsigned int hash)
{
	struct elf_key *k;

	hash_for_each_possible(elf_keys, k, node, hash)
		if (k->addr == addr && !strcmp(k->name, name))
			return k;
	return NULL;
}

static void add_elf_key(const char *name, unsigned long long addr,
			unsigned int hash, long first)
{
	size_t len = strlen(name) + 1;
	struct elf_key *k = xmalloc(sizeof(*k) + len);

	k->addr = addr;
	k->next = first;
	memcpy(k->name, name, len);
	hash_add(elf_keys, &k->node, hash);
}

static void add_elf_symbol(const char *name, unsigned long long addr,
			   unsigned long long size, const char *file)
{
	unsigned int hash = hash_elf_key(name, addr);
	struct elf_key *k = find_elf_key(name, addr, hash);
	long i;

	elf_syms = kms_grow(elf_syms, nr_elf_syms, &elf_alloc,
			    sizeof(*elf_syms));
	elf_syms[nr_elf_syms].size = size;
	elf_syms[nr_elf_syms].file = intern_file(file);
	elf_syms[nr_elf_syms].next = -1;
	if (!k) {
		add_elf_key(name, addr, hash, nr_elf_syms);
	} else {
		i = k->next;
		while (elf_syms[i].next >= 0)
			i = elf_syms[i].next;
		elf_syms[i].next = nr_elf_syms;
	}
	nr_elf_syms++;
}

/* The next ELF symbol of this name and address not yet taken, or -1. */
static long take_elf_symbol(const char *name, unsigned long long addr)
{
	struct elf_key *k = find_elf_key(name, addr, hash_elf_key(name, addr));
	long e;

	if (!k || k->next < 0)
		return -1;
	e = k->next;
	k->next = elf_syms[e].next;
	return e;
}

/* Give each kallsyms symbol the size and source file of its ELF symbol. */
static void read_symbol_sizes(void)
{
	unsigned int i;

	kms_read_elf_symbols(elf_file, add_elf_symbol);
	for (i = 0; i < nr_symbols; i++) {
		struct kms_symbol *s = &symbols[i];
		long e = take_elf_symbol(s->name, s->addr);

		if (e < 0)
			kms_die("%s: no symbol %s at %#llx, which the symbol list has",
				elf_file, s->name, s->addr);
		s->size = elf_syms[e].size;
		s->file = elf_syms[e].file;
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
static bool built_from(const char *obj, const char *file)
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
 * if @file is NULL) agree on: their module set (0 if they disagree or there
 * are none) and, if they are all of one object, one of them (else NULL).
 * *@found says whether there were any.
 */
static unsigned int agreed_set(const struct kms_range *const *cand,
			       unsigned int n, const char *file, bool *found,
			       const struct kms_range **one)
{
	unsigned int i, set = 0;

	*found = false;
	*one = NULL;
	for (i = 0; i < n; i++) {
		if (file && !built_from(cand[i]->in->file, file))
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
 * file (its STT_FILE) picks among them; otherwise the kallsyms tables'
 * object ending there, or the section starting there, as a label at the
 * start of a section is the common case;
 * otherwise the empty sections and the section ending there must agree.
 * Where nothing decides, the symbol has no bytes any module could claim
 * and gets no module.
 */
static const struct kms_range *range_of(const struct kms_symbol *s,
					unsigned int *set)
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
		*set = agreed_set(candidates, n, s->file, &found, &one);
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
	*set = agreed_set(candidates, n, NULL, &found, &one);
	return one;
}

static struct kms_object *objects;
static unsigned int nr_objects;
static HASHTABLE_DEFINE(object_ids, 1U << 14);

/* Objects in link order: the record of the map each first appears in. */
static HASHTABLE_DEFINE(link_order, 1U << 14);

static long link_of(const struct kms_map *map, const char *file)
{
	struct id_entry *e;

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
			hash_add(link_order, id_node(i), hash_str(file));
	}
}

static int object_id(const struct kms_map *map, const struct kms_range *rg)
{
	const char *path = rg->in->file;
	unsigned int hash = hash_str(path);
	struct id_entry *e;

	hash_for_each_possible(object_ids, e, node, hash)
		if (!strcmp(objects[e->id].path, path))
			return e->id;
	objects = xrealloc(objects, (nr_objects + 1) * sizeof(*objects));
	objects[nr_objects].path = path;
	objects[nr_objects].set = rg->set;
	objects[nr_objects].tag = 0;
	objects[nr_objects].link = link_of(map, path);
	hash_add(object_ids, id_node(nr_objects), hash);
	return nr_objects++;
}

/*
 * The module set and object of each symbol.  Symbols the linker script
 * defines belong to no object even where they share an address with one.
 */
static void attribute_symbols(const struct kms_map *map)
{
	unsigned int i;

	number_objects_in_link_order(map);
	for (i = 0; i < nr_symbols; i++) {
		struct kms_symbol *s = &symbols[i];
		const struct kms_range *rg;

		s->set = 0;
		s->object = -1;
		if (kms_map_script_symbol(map, s->name))
			continue;
		rg = range_of(s, &s->set);
		if (rg)
			s->object = object_id(map, rg);
	}
}

/* " [a] [b]": the names of module set @set, for messages. */
static char *set_text(unsigned int set)
{
	size_t len = 1;
	unsigned int i;
	char *t;

	for (i = 0; i < sets[set].nr; i++)
		len += strlen(module_names[sets[set].mod[i]]) + 3;
	t = xmalloc(len);
	t[0] = '\0';
	for (i = 0; i < sets[set].nr; i++) {
		strcat(t, " [");
		strcat(t, module_names[sets[set].mod[i]]);
		strcat(t, "]");
	}
	return t;
}

/*
 * Tag the objects that need it; report what is left in the output (and
 * with --verbose on stderr).
 */
static void tag_objects(void)
{
	char **set_names = xcalloc(nr_sets, sizeof(*set_names));
	unsigned int i, tagged = 0;
	struct kms_tag_stats st;

	for (i = 0; i < nr_sets; i++)
		set_names[i] = set_text(i);
	kms_tag_objects(symbols, nr_symbols, objects,
			(const char *const *)set_names, verbose, &st);
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

static void read_inputs(struct kms_map *map)
{
	struct kms_map omap;

	read_modules_thick(modules_thick_file);
	if (!nr_symbols)
		return;
	if (!link_map_file)
		kms_die("kallsyms: --modules-thick needs --link-map for %u symbols",
			nr_symbols);
	kms_read_map(map, link_map_file);
	if (omap_file) {
		kms_read_relocatable_map(&omap, omap_file);
		kms_compose_map(map, &omap);
		map->files = omap.files;
	} else if (kms_map_has_file(map, "vmlinux.o")) {
		kms_die("%s: vmlinux was linked from vmlinux.o: --vmlinux-o-map is needed",
			link_map_file);
	}
	if (!elf_file)
		kms_die("kallsyms: --modules-thick needs --elf for symbol sizes");
	read_symbol_sizes();
	check_objects_placed(map);
	build_ranges(map);
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

static void write_names_and_sets(struct kms_names *names)
{
	unsigned int i, k;

	kms_label("kallmodsyms_num_modules");
	printf("\t.long %u\n", nr_symbols ? nr_module_names : 0);

	for (i = 0; nr_symbols && i < nr_module_names; i++) {
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

void kallmodsyms_write_src(void)
{
	struct kms_names module_names_out = { 0 }, object_names_out = { 0 };
	struct kms_map map;
	unsigned int *attr_of_set, i;
	int *attr;

	if (!modules_thick_file)
		return;

	memset(&map, 0, sizeof(map));
	read_inputs(&map);
	attribute_symbols(&map);
	tag_objects();
	attr = xcalloc(nr_symbols + 1, sizeof(*attr));
	attr_of_set = number_attributions();
	for (i = 0; i < nr_symbols; i++)
		attr[i] = (int)attr_of_set[symbols[i].set] - 1;
	kms_write_run_stream(attr, nr_symbols, "kallmodsyms_modules");
	write_names_and_sets(&module_names_out);
	kms_write_object_tables(symbols, nr_symbols, objects, nr_objects,
				&object_names_out);
	kms_write_names(&module_names_out, &object_names_out);
	kms_write_size_tables(symbols, nr_symbols);
	free(attr_of_set);
	free(attr);
}
