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

#include <xalloc.h>

#include "kallmodsyms.h"


static const char *modules_thick_file, *link_map_file, *omap_file, *elf_file;

static struct kms_symbol *symbols;
static unsigned int nr_symbols;

/* Module names, each once. */
static char **module_names;
static unsigned int nr_module_names;
static struct kms_hash module_ids;

/* Module sets: sorted module ids.  Set 0 is the empty set. */
struct kms_set {
	unsigned int nr;
	unsigned int mod[KALLMODSYMS_MAX_MODULES];
};

static struct kms_set *sets;
static unsigned int nr_sets;
static struct kms_hash set_ids;

/* Objects of built-in modules -> module set. */
static struct kms_hash object_sets;

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
	long id = kms_hash_find(&module_ids, name, strlen(name));

	if (id >= 0)
		return id;
	module_names = xrealloc(module_names,
				(nr_module_names + 1) * sizeof(*module_names));
	module_names[nr_module_names] = xstrdup(name);
	kms_hash_add(&module_ids, name, strlen(name), nr_module_names);
	return nr_module_names++;
}

static int compare_module_ids(const void *a, const void *b)
{
	return strcmp(module_names[*(const unsigned int *)a],
		      module_names[*(const unsigned int *)b]);
}

static unsigned int set_id(const struct kms_set *set)
{
	size_t keylen = set->nr * sizeof(set->mod[0]);
	long id = kms_hash_find(&set_ids, (const char *)set->mod, keylen);

	if (id >= 0)
		return id;
	sets = xrealloc(sets, (nr_sets + 1) * sizeof(*sets));
	sets[nr_sets] = *set;
	kms_hash_add(&set_ids, (const char *)set->mod, keylen, nr_sets);
	return nr_sets++;
}

/*
 * Record that @obj is in module @mod.  Objects are given their module set
 * once the whole file is read; until then object_sets maps an object to
 * its index in @objs.
 */
struct kms_thick_object {
	char *path;
	struct kms_set set;
	unsigned int line;
};

static void add_object_module(struct kms_thick_object **objs, unsigned int *nr,
			      const struct kms_reader *r, const char *obj,
			      unsigned int mod)
{
	long i = kms_hash_find(&object_sets, obj, strlen(obj));
	struct kms_thick_object *o;
	unsigned int k;

	if (i < 0) {
		*objs = xrealloc(*objs, (*nr + 1) * sizeof(**objs));
		i = (*nr)++;
		memset(&(*objs)[i], 0, sizeof(**objs));
		(*objs)[i].path = xstrdup(obj);
		(*objs)[i].line = r->lineno;
		kms_hash_add(&object_sets, obj, strlen(obj), i);
	}
	o = &(*objs)[i];
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
	struct kms_thick_object *objs = NULL;
	unsigned int nr_objs = 0, i;
	struct kms_reader r;
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
			add_object_module(&objs, &nr_objs, &r, tok, mod);
		}
		if (!n)
			kms_fatal(&r, "module %s has no object files", line);
	}
	kms_reader_close(&r);

	for (i = 0; i < nr_objs; i++) {
		qsort(objs[i].set.mod, objs[i].set.nr, sizeof(objs[i].set.mod[0]),
		      compare_module_ids);
		kms_hash_add(&object_sets, objs[i].path, strlen(objs[i].path),
			     set_id(&objs[i].set));
		free(objs[i].path);
	}
	free(objs);
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
		long set;

		set = kms_hash_find(&object_sets, in->file, strlen(in->file));
		ranges[nr_ranges].start = in->addr;
		ranges[nr_ranges].end = in->addr + in->size;
		ranges[nr_ranges].set = set < 0 ? 0 : set;
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

	for (i = 0; i < object_sets.size; i++) {
		const struct kms_hash_entry *e = &object_sets.slots[i];

		if (e->key && kms_hash_find(&map->files, e->key, e->len) < 0)
			kms_die("%s: %s, an object of built-in module %s, is not in the linker map %s",
				modules_thick_file, e->key,
				module_names[sets[e->value].mod[0]], map->file);
	}
}

static void elf_key(char *key, const char *name, unsigned long long addr)
{
	size_t len = strlen(name);

	memcpy(key, name, len + 1);
	memcpy(key + len + 1, &addr, sizeof(addr));
}

/*
 * The image's symbols by (name, address), each key with the list of its
 * entries in symbol-table order: one per kallsyms symbol of that name and
 * address.
 */
struct kms_elf_sym {
	unsigned long long size;
	const char *file;
	long next;
};

static struct kms_elf_sym *elf_syms;
static unsigned int nr_elf_syms, elf_alloc;
static struct kms_hash elf_index, elf_files;
static char **file_names;
static unsigned int nr_file_names;

static const char *intern_file(const char *file)
{
	long i;

	if (!file)
		return NULL;
	i = kms_hash_find(&elf_files, file, strlen(file));
	if (i >= 0)
		return file_names[i];
	file_names = xrealloc(file_names, (nr_file_names + 1) * sizeof(char *));
	file_names[nr_file_names] = xstrdup(file);
	kms_hash_add(&elf_files, file, strlen(file), nr_file_names);
	return file_names[nr_file_names++];
}

static void add_elf_symbol(const char *name, unsigned long long addr,
			   unsigned long long size, const char *file)
{
	size_t len = strlen(name) + 1 + sizeof(addr);
	char *key = xmalloc(len);
	long i;

	elf_key(key, name, addr);
	elf_syms = kms_grow(elf_syms, nr_elf_syms, &elf_alloc,
			    sizeof(*elf_syms));
	elf_syms[nr_elf_syms].size = size;
	elf_syms[nr_elf_syms].file = intern_file(file);
	elf_syms[nr_elf_syms].next = -1;
	i = kms_hash_find(&elf_index, key, len);
	if (i < 0) {
		kms_hash_add(&elf_index, key, len, nr_elf_syms);
	} else {
		while (elf_syms[i].next >= 0)
			i = elf_syms[i].next;
		elf_syms[i].next = nr_elf_syms;
	}
	nr_elf_syms++;
	free(key);
}

/* Give each kallsyms symbol the size and source file of its ELF symbol. */
static void read_symbol_sizes(void)
{
	unsigned int i;

	kms_read_elf_symbols(elf_file, add_elf_symbol);
	for (i = 0; i < nr_symbols; i++) {
		struct kms_symbol *s = &symbols[i];
		size_t len = strlen(s->name) + 1 + sizeof(s->addr);
		char *key = xmalloc(len);
		long e;

		elf_key(key, s->name, s->addr);
		e = kms_hash_find(&elf_index, key, len);
		if (e < 0)
			kms_die("%s: no symbol %s at %#llx, which the symbol list has",
				elf_file, s->name, s->addr);
		kms_hash_add(&elf_index, key, len, elf_syms[e].next);
		free(key);
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
static struct kms_hash object_ids;

/* Objects in link order: as they first appear in the map. */
static struct kms_hash link_order;

static void number_objects_in_link_order(const struct kms_map *map)
{
	unsigned int i;

	for (i = 0; i < map->nr; i++) {
		const char *file = map->in[i].file;

		if (kms_hash_find(&link_order, file, strlen(file)) < 0)
			kms_hash_add(&link_order, file, strlen(file), i);
	}
}

static int object_id(const struct kms_range *rg)
{
	const char *path = rg->in->file;
	long id = kms_hash_find(&object_ids, path, strlen(path));

	if (id >= 0)
		return id;
	objects = xrealloc(objects, (nr_objects + 1) * sizeof(*objects));
	objects[nr_objects].path = path;
	objects[nr_objects].set = rg->set;
	objects[nr_objects].tag = 0;
	objects[nr_objects].link = kms_hash_find(&link_order, path,
						 strlen(path));
	kms_hash_add(&object_ids, path, strlen(path), nr_objects);
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
		if (kms_hash_find(&map->script_syms, s->name,
				  strlen(s->name)) >= 0)
			continue;
		rg = range_of(s, &s->set);
		if (rg)
			s->object = object_id(rg);
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

/* Tag the objects that need it; report, also in the output, what is left. */
static void tag_objects(void)
{
	char **set_names = xcalloc(nr_sets, sizeof(*set_names));
	unsigned int i, tagged = 0;
	struct kms_tag_stats st;

	for (i = 0; i < nr_sets; i++)
		set_names[i] = set_text(i);
	kms_tag_objects(symbols, nr_symbols, objects,
			(const char *const *)set_names, &st);
	for (i = 0; i < nr_objects; i++)
		tagged += objects[i].tag > 0;
	printf("/* object tags: %u names needed them, on %u of %u objects; %u names (%u symbols) still ambiguous */\n",
	       st.names, tagged, nr_objects, st.ambiguous_names,
	       st.ambiguous_syms);
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
	} else if (kms_hash_find(&map->files, "vmlinux.o", 9) >= 0) {
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
