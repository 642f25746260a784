// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_map.c: read the input-section placement out of a linker map.
 *
 * GNU ld's map ("Linker script and memory map" part) is read line by line:
 *
 *   .text           0xffffffff81000000   0x6c7e0b		output section
 *    .text          0xffffffff81000000      0x5e0 arch/x86/kernel/head_64.o
 *    .text.unlikely
 *                   0xffffffff810005e0       0x2a lib/lib.a(string.o)
 *                   0xffffffff81000000                startup_64
 *                   0xffffffff81a00000                _etext = .
 *    *fill*         0xffffffff8100060a        0x6
 *
 * Output sections and input-section records may wrap onto a second line
 * when their name is long.  Symbol lines with "=" are assignments made by
 * the linker script: those symbols come from no object file.  LLVM lld
 * writes a columnar format instead; it is recognised by its header and read
 * into the same records by a reader of its own.
 *
 * When vmlinux is linked from vmlinux.o, the final map only says "vmlinux.o"
 * for every input section; kms_compose_map() replaces each such record by
 * the records vmlinux.o.map gives for the same section, moved to where the
 * final link placed it.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <array_size.h>
#include <hash.h>
#include <hashtable.h>
#include <xalloc.h>

#include "kallmodsyms.h"

#define MAP_START	"Linker script and memory map"
#define MAP_LLD_HEADER	"VMA LMA Size Align Out In Symbol"

struct map_parser {
	struct kms_reader r;
	struct kms_map *map;
	char *osection;		/* current output section, or NULL */
	unsigned long long oaddr, osize;
	bool oskip;		/* not loaded: its records are not kept */
	unsigned int oline;
	char *pending;		/* a name whose numbers are on the next line */
	unsigned int pending_line;
	bool pending_output;	/* ...of an output section, else input */
};

/*
 * A set of names a map mentions: the files of its input sections, the
 * symbols its linker script assigns.  A defconfig vmlinux.o.map names
 * about 3,000 files, allyesconfig's tens of thousands.
 */
struct kms_map_names {
	HASHTABLE_DECLARE(table, 1U << 14);
};

struct map_name {
	struct hlist_node node;
	char name[];
};

static struct kms_map_names *new_names(void)
{
	struct kms_map_names *names = xmalloc(sizeof(*names));

	hash_init(names->table);
	return names;
}

static bool has_name(const struct kms_map_names *names, const char *name)
{
	struct map_name *n;

	hash_for_each_possible(names->table, n, node, hash_str(name))
		if (!strcmp(n->name, name))
			return true;
	return false;
}

/* Add the @len bytes at @name, unless the set has them already. */
static void add_name(struct kms_map_names *names, const char *name, size_t len)
{
	struct map_name *n = xmalloc(sizeof(*n) + len + 1);

	memcpy(n->name, name, len);
	n->name[len] = '\0';
	if (has_name(names, n->name)) {
		free(n);
		return;
	}
	hash_add(names->table, &n->node, hash_str(n->name));
}

bool kms_map_has_file(const struct kms_map *map, const char *file)
{
	return has_name(map->files, file);
}

bool kms_map_script_symbol(const struct kms_map *map, const char *name)
{
	return has_name(map->script_syms, name);
}

/*
 * String and constant pools the linker merges: the map gives their size
 * before merging, which may run into what follows them.
 */
bool kms_mergeable_section(const char *section)
{
	return strstr(section, ".rodata.str") == section ||
	       strstr(section, ".rodata.cst") == section;
}

static void add_input(struct map_parser *p, const char *section,
		      unsigned long long addr, unsigned long long size,
		      const char *file, const char *mapfile, unsigned int line)
{
	struct kms_map *map = p->map;
	struct kms_input *in;

	if (map->nr == map->alloc) {
		map->alloc = map->alloc ? map->alloc * 2 : 4096;
		map->in = xrealloc(map->in, map->alloc * sizeof(*map->in));
	}
	in = &map->in[map->nr++];
	in->addr = addr;
	in->size = size;
	in->file = xstrdup(file);
	in->section = xstrdup(section);
	in->osection = p->osection;
	in->map = mapfile;
	in->line = line;
}

static void add_output(struct map_parser *p, const char *name,
		       unsigned long long addr, unsigned long long size,
		       unsigned int line)
{
	struct kms_map *map = p->map;

	p->osection = xstrdup(name);
	p->oaddr = addr;
	p->osize = size;
	p->oline = line;
	/*
	 * Sections at address 0 of a final link are not loaded (.comment,
	 * debug info), apart from the zero-based per-CPU area.
	 */
	p->oskip = !map->relocatable && addr == 0 &&
		   strcmp(name, ".data..percpu");

	map->out = xrealloc(map->out, (map->nr_out + 1) * sizeof(*map->out));
	map->out[map->nr_out].name = p->osection;
	map->out[map->nr_out].addr = addr;
	map->out[map->nr_out].size = size;
	map->out[map->nr_out].line = line;
	map->out[map->nr_out].first = map->nr;
	map->nr_out++;
}

static void close_output(struct map_parser *p)
{
	if (p->map->nr_out)
		p->map->out[p->map->nr_out - 1].last = p->map->nr;
	p->osection = NULL;
}

/* Parse "0x<hex>" into *val; return the text after it, or NULL. */
static const char *parse_hex(const char *s, unsigned long long *val)
{
	char *end;

	s += strspn(s, " \t");
	if (s[0] != '0' || s[1] != 'x' || !isxdigit((unsigned char)s[2]))
		return NULL;
	*val = strtoull(s, &end, 16);
	return end;
}

static bool is_symbol_name(const char *s, size_t len)
{
	size_t i;

	if (!len || isdigit((unsigned char)s[0]))
		return false;
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' &&
		    s[i] != '.' && s[i] != '$')
			return false;
	return true;
}

/*
 * "                0xaddr                name" or "... name = expr" or
 * "... PROVIDE (name = expr)": remember names the linker script assigns.
 */
static void parse_symbol_line(struct map_parser *p, const char *rest)
{
	const char *name, *eq;
	size_t len;

	rest += strspn(rest, " \t");
	eq = strstr(rest, " = ");
	if (!eq)
		return;		/* a symbol an object file defines */
	name = rest;
	if (!strncmp(name, "PROVIDE (", 9))
		name += 9;
	else if (!strncmp(name, "PROVIDE_HIDDEN (", 16))
		name += 16;
	len = eq - name;
	if (is_symbol_name(name, len))
		add_name(p->map->script_syms, name, len);
}

/* "0xaddr 0xsize file" after an input section's name. */
static void parse_input_numbers(struct map_parser *p, const char *section,
				const char *s, unsigned int line)
{
	unsigned long long addr, size;
	const char *file;

	s = parse_hex(s, &addr);
	if (s)
		s = parse_hex(s, &size);
	if (!s)
		kms_fatal(&p->r, "input section %s: expected address and size",
			  section);
	file = s + strspn(s, " \t");
	if (!*file)
		return;		/* statement without a file: nothing to place */
	if (!p->osection)
		kms_fatal(&p->r, "input section %s outside any output section",
			  section);
	add_name(p->map->files, file, strlen(file));
	if (p->oskip || !strcmp(file, "linker stubs"))
		return;
	if (!p->map->relocatable &&
	    (addr < p->oaddr || addr + size > p->oaddr + p->osize))
		kms_fatal(&p->r,
			  "%s (%s) at %#llx+%#llx lies outside output section %s (line %u)",
			  section, file, addr, size, p->osection, p->oline);
	add_input(p, section, addr, size, file, p->r.file, line);
}

static void parse_output_numbers(struct map_parser *p, const char *name,
				 const char *s, unsigned int line)
{
	unsigned long long addr, size;

	s = parse_hex(s, &addr);
	if (s)
		s = parse_hex(s, &size);
	if (!s)
		kms_fatal(&p->r, "output section %s: expected address and size",
			  name);
	add_output(p, name, addr, size, line);
}

static void parse_numbers(struct map_parser *p, const char *name,
			  const char *s, unsigned int line, bool output)
{
	if (output)
		parse_output_numbers(p, name, s, line);
	else
		parse_input_numbers(p, name, s, line);
}

/*
 * "name 0xaddr 0xsize ..." of an output section or an input section record;
 * the numbers are on the next line when the name is long.
 */
static void parse_named(struct map_parser *p, char *name, bool output)
{
	size_t len = strcspn(name, " \t");

	if (!name[len]) {
		p->pending = xstrdup(name);
		p->pending_line = p->r.lineno;
		p->pending_output = output;
		return;
	}
	name[len] = '\0';
	parse_numbers(p, name, name + len + 1, p->r.lineno, output);
}

/* Statements the map shows in input-record position that place no file. */
static bool is_data_statement(const char *word, size_t len)
{
	static const char *const words[] = {
		"BYTE", "SHORT", "LONG", "QUAD", "SQUAD", "FILL", "ASSERT",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (strlen(words[i]) == len && !strncmp(word, words[i], len))
			return true;
	return false;
}

static void parse_gnu_line(struct map_parser *p, char *line)
{
	if (p->pending) {
		char *name = p->pending;
		unsigned long long addr;
		bool numbers = isspace((unsigned char)line[0]) &&
			       parse_hex(line, &addr);

		p->pending = NULL;
		if (numbers)
			parse_numbers(p, name, line, p->pending_line,
				      p->pending_output);
		else if (!p->pending_output)
			kms_fatal(&p->r, "expected the address of %s (line %u)",
				  name, p->pending_line);
		free(name);
		if (numbers)
			return;
		/* An output section that received nothing: no numbers. */
	}

	if (!*line)
		return;

	if (!isspace((unsigned char)line[0])) {
		/* Column 0: an output section, or a LOAD/OUTPUT/GROUP line. */
		close_output(p);
		if (line[0] != '.' && line[0] != '_' && !isalpha((unsigned char)line[0]))
			return;
		if (!strncmp(line, "LOAD ", 5) || !strncmp(line, "OUTPUT(", 7) ||
		    !strncmp(line, "START GROUP", 11) ||
		    !strncmp(line, "END GROUP", 9) ||
		    !strncmp(line, "/DISCARD/", 9))
			return;
		parse_named(p, line, true);
		return;
	}

	if (line[0] == ' ' && line[1] != ' ' && line[1] != '*') {
		/* " name 0xaddr 0xsize file": an input section record. */
		char *name = line + 1;

		if (is_data_statement(name, strcspn(name, " \t")))
			return;
		parse_named(p, name, false);
		return;
	}

	/* Deeper indentation: a symbol or an assignment. */
	{
		unsigned long long addr;
		const char *rest = parse_hex(line, &addr);

		if (rest)
			parse_symbol_line(p, rest);
	}
}

static void read_gnu_map(struct map_parser *p, char *line)
{
	bool started = false, ended = false;

	for (; line; line = kms_reader_line(&p->r)) {
		if (!started) {
			started = !strcmp(line, MAP_START);
			continue;
		}
		if (ended && *line)
			kms_fatal(&p->r, "unexpected text after the OUTPUT() line");
		if (!strncmp(line, "OUTPUT(", 7))
			ended = true;
		parse_gnu_line(p, line);
	}
	close_output(p);
	if (!started)
		kms_fatal(&p->r, "not a GNU ld map: no \"%s\" line", MAP_START);
	if (p->pending)
		kms_fatal(&p->r, "truncated: %s has no address", p->pending);
	if (!ended)
		kms_fatal(&p->r, "truncated: no OUTPUT() line at the end");
}

static void read_lld_map(struct map_parser *p)
{
	kms_fatal(&p->r, "LLVM lld maps are not supported yet");
}

/* Read a linker map; vmlinux.o.map-style relocatable maps have zero bases. */
static void read_map(struct kms_map *map, const char *file, bool relocatable)
{
	struct map_parser p;
	char *first;

	memset(map, 0, sizeof(*map));
	map->file = file;
	map->relocatable = relocatable;
	map->script_syms = new_names();
	map->files = new_names();
	memset(&p, 0, sizeof(p));
	p.map = map;
	kms_reader_open(&p.r, file);

	first = kms_reader_line(&p.r);
	if (!first)
		kms_fatal(&p.r, "empty linker map");
	if (strstr(first, MAP_LLD_HEADER) ||
	    !strncmp(first + strspn(first, " "), "VMA ", 4))
		read_lld_map(&p);
	else
		read_gnu_map(&p, first);
	kms_reader_close(&p.r);
}

void kms_read_map(struct kms_map *map, const char *file)
{
	read_map(map, file, false);
}

void kms_read_relocatable_map(struct kms_map *map, const char *file)
{
	read_map(map, file, true);
}

static const struct kms_output *find_output(const struct kms_map *map,
					    const char *name,
					    const struct kms_input *from)
{
	const struct kms_output *found = NULL;
	unsigned int i;

	for (i = 0; i < map->nr_out; i++) {
		if (strcmp(map->out[i].name, name))
			continue;
		if (found)
			kms_die("%s:%u: vmlinux.o section %s is at lines %u and %u of %s",
				from->map, from->line, name, found->line,
				map->out[i].line, map->file);
		found = &map->out[i];
	}
	return found;
}

/*
 * Replace every record of @map that came from vmlinux.o by the records
 * @omap (vmlinux.o.map) gives for that section, relocated to where the
 * final link placed the section.
 */
void kms_compose_map(struct kms_map *map, const struct kms_map *omap)
{
	struct kms_input *in = map->in;
	unsigned int nr = map->nr, i, j;
	struct map_parser p;

	memset(&p, 0, sizeof(p));
	p.map = map;
	p.r.file = map->file;
	map->in = NULL;
	map->nr = 0;
	map->alloc = 0;

	for (i = 0; i < nr; i++) {
		const struct kms_output *o;

		p.osection = (char *)in[i].osection;
		p.r.lineno = in[i].line;
		if (strcmp(in[i].file, "vmlinux.o")) {
			add_input(&p, in[i].section, in[i].addr, in[i].size,
				  in[i].file, in[i].map, in[i].line);
			continue;
		}
		o = find_output(omap, in[i].section, &in[i]);
		if (!o)
			continue;	/* added after the link, e.g. by objtool */
		/*
		 * A merged pool may shrink in the final link; its pieces keep
		 * their order, and are clipped to what remains.
		 */
		if (o->size != in[i].size && !kms_mergeable_section(o->name))
			kms_fatal(&p.r, "%s is %#llx bytes here, %#llx in %s:%u",
				  in[i].section, in[i].size, o->size,
				  omap->file, o->line);
		for (j = o->first; j < o->last; j++) {
			const struct kms_input *oi = &omap->in[j];
			unsigned long long off = oi->addr - o->addr;
			unsigned long long size = oi->size;

			if (off >= in[i].size)
				break;
			if (off + size > in[i].size)
				size = in[i].size - off;
			add_input(&p, oi->section, in[i].addr + off, size,
				  oi->file, oi->map, oi->line);
		}
	}
}
