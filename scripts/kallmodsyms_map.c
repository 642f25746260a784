// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_map.c: read the input-section placement out of a linker map.
 *
 * GNU ld's map is read from its "Linker script and memory map" line on:
 * what comes before it (archive members, common symbols, discarded
 * sections, memory configuration) says nothing of where sections went.
 * After it, every line must be one of those below, else the map is
 * rejected at that line.  ld pads a name to 16 columns, or puts a longer
 * one alone on its line and its numbers on the next.  What is read:
 *
 *   .text           0xffffffff81000000   0x6c7e0b    an output section
 *   .data..percpu   0x0    0x1b8 load address 0x1a00000
 *   .rodata1                                         (nothing placed)
 *    .text          0xffffffff81000000      0x5e0 arch/x86/kernel/head_64.o
 *    .text.unlikely                                  an input section
 *                   0xffffffff810005e0       0x2a lib/string.o
 *                   0xffffffff81a00000                _etext = .
 *                   0xffffffff81a00000                PROVIDE (_etext = .)
 *
 * the last two assignments of the linker script (PROVIDE_HIDDEN too),
 * whose symbols come from no object file.  What carries nothing needed
 * here, and is only recognised:
 *
 *   (a blank line)
 *   LOAD <file>, START GROUP, END GROUP              the input files
 *   OUTPUT(<file> <format>)                          the last statement
 *   LOAD linker stubs                 after it: the input file ld makes
 *                                     for veneers (aarch64, arm, powerpc)
 *    *(.text .text.*)                                input section pattern
 *    *fill*         0xffffffff8100060a        0x6 cccccccc   padding
 *    FILL mask 0xcccccccc                            padding pattern
 *                   0xffffffff81000000                startup_64
 *                   0xffffffff81000450        0x4 LONG 0x0
 *                   0xffffffff81000454                . = ALIGN (0x10)
 *                   0x0000000000000001                ASSERT (...)
 *                   [!provide]                        PROVIDE (x = .)
 *                                            0x3f81a (size before relaxing)
 *
 * a symbol an object defines, a data statement (BYTE, SHORT, LONG, QUAD or
 * SQUAD), an assignment to the location counter, an assertion, a PROVIDE
 * the link did not need, and the size of merged strings before merging.
 *
 * Numbers are "0x<hex>" of at most 64 bits, followed by a space or the end
 * of the line.  An input section names an object file, and lies inside its
 * output section if that is loaded (merged strings, as in .comment, may
 * not).
 *
 * ld.lld's map is recognised by its header.  Every line has four columns,
 * VMA, LMA, size (hex without "0x") and alignment (decimal), right-aligned
 * in 16, 16, 8 and 5 characters (8 for the addresses of a 32-bit link,
 * wider for a number that does not fit), a space, and a text indented
 * 0, 8 or 16 spaces for an output section, an input section and a symbol:
 *
 *              VMA              LMA     Size Align Out     In      Symbol
 *                0                0 ffffffff81000000     1 . = 0xffffffff81000000
 * ffffffff81000000          1000000   6c7e0b  4096 .text
 * ffffffff81000000          1000000        0     1         _text = .
 * ffffffff81000000          1000000      5e0    16         vmlinux.o:(.head.text)
 * ffffffff81000000          1000000       56     1                 startup_64
 * ffffffff810005e0          10005e0       2a    16         vmlinux.a(lib/string.o):(.text)
 * ffffffff81a00000          1a00000     1234     1         <internal>:(.rodata)
 *
 * An input section's file is an object, "archive(member)" (the member is
 * the object), or "<internal>" for a section the linker made: its symbol
 * tables, and the pools it merged the constants and strings of every
 * object into (SHF_MERGE sections of one kind become one section named
 * after the output section, which says nothing of their objects).  lld
 * lists .eh_frame by pieces, "file:(.eh_frame+0x<offset>)".  A symbol
 * line is a symbol the input section above defines, at an address inside
 * it; the linker script's assignments ("PROVIDE ( x = . )" too) and data
 * statements ("LONG ( 0 )") are in the output section's column, or the
 * first column outside output sections, and its ASSERTs are lines without
 * a text.  Unstripped links end with the .strtab section: a map that
 * does not was cut short.
 *
 * When vmlinux is linked from vmlinux.o, the final map only says "vmlinux.o"
 * for every input section; kms_compose_map() replaces each such record by
 * the records vmlinux.o.map gives for the same section, moved to where the
 * final link placed it.
 */

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <array_size.h>
#include <hash.h>
#include <hashtable.h>
#include <xalloc.h>

#include "kallmodsyms.h"

#define MAP_START	"Linker script and memory map"
#define MAP_NAME_WIDTH	16	/* where numbers start: ld's name column */
#define MAP_STUBS_LOAD	"LOAD linker stubs"

#define MAP_LLD_HEADER_64 \
	"             VMA              LMA     Size Align Out     In      Symbol"
#define MAP_LLD_HEADER_32 \
	"     VMA      LMA     Size Align Out     In      Symbol"
#define LLD_SIZE_WIDTH	8	/* lld's columns, but the addresses' */
#define LLD_ALIGN_WIDTH	5
#define LLD_INDENT	8	/* each level of the text after them */

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
	bool ended;		/* after the OUTPUT() line */
	/* lld */
	size_t addr_width;	/* of the address columns */
	bool input;		/* symbols may follow: of this input section */
	unsigned long long iaddr, isize;
	unsigned int tables;	/* the lld_tables[] seen */
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
 * before merging, which may run into what follows them.  So is the pool
 * of exported symbols' names, __ksymtab_strings: in .vmlinux.export.o
 * alone (6.12), or in each object that EXPORT_SYMBOL() writes them in
 * (6.1).
 */
bool kms_mergeable_section(const char *section)
{
	return strstr(section, ".rodata.str") == section ||
	       strstr(section, ".rodata.cst") == section ||
	       !strcmp(section, "__ksymtab_strings");
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

/* Is @s a number as the map writes them, "0x<hex>"? */
static bool is_hex(const char *s)
{
	return s[0] == '0' && s[1] == 'x' && isxdigit((unsigned char)s[2]);
}

/*
 * The number "0x<hex>" at @s in *@val: it must fit in 64 bits and be
 * followed by a space or the end of the line.  The text after it, or NULL.
 */
static const char *scan_hex(const char *s, unsigned long long *val)
{
	char *end;

	if (!is_hex(s))
		return NULL;
	errno = 0;
	*val = strtoull(s, &end, 16);
	if (errno || (*end && *end != ' '))
		return NULL;
	return end;
}

/*
 * "0xaddr 0xsize" of @what @name at @s, after spaces, not wrapping past
 * the end of the address space; the text after them.
 */
static const char *parse_extent(struct map_parser *p, const char *s,
				const char *what, const char *name,
				unsigned long long *addr,
				unsigned long long *size)
{
	s = scan_hex(s + strspn(s, " "), addr);
	if (s)
		s = scan_hex(s + strspn(s, " "), size);
	if (!s)
		kms_fatal(&p->r,
			  "%s %s: expected address and size (0x<hex> of at most 64 bits, then a space)",
			  what, name);
	if (*size > ~0ULL - *addr)
		kms_fatal(&p->r, "%s %s: %#llx+%#llx wraps past the end of the address space",
			  what, name, *addr, *size);
	return s;
}

/* Does [addr, addr + size) lie inside the current output section? */
static bool in_output(const struct map_parser *p, unsigned long long addr,
		      unsigned long long size)
{
	return addr >= p->oaddr && addr - p->oaddr <= p->osize &&
	       size <= p->osize - (addr - p->oaddr);
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
 * An assignment of the linker script to the @len bytes at @name: remember
 * the symbol, unless it is the location counter.
 */
static void assign_symbol(struct map_parser *p, const char *name, size_t len)
{
	if (len == 1 && name[0] == '.')
		return;
	if (!is_symbol_name(name, len))
		kms_fatal(&p->r, "assignment to '%.*s', which is not a symbol name",
			  (int)len, name);
	add_name(p->map->script_syms, name, len);
}

/*
 * What follows a symbol's address: the name of a symbol an object file
 * defines, or an assignment of the linker script, "name = expr",
 * "PROVIDE (name = expr)" or "PROVIDE_HIDDEN (name = expr)": remember the
 * names the script assigns.  ". = expr" and "ASSERT (...)" define nothing.
 */
static void parse_symbol_line(struct map_parser *p, const char *rest)
{
	size_t len = strlen(rest);
	const char *name = rest, *eq;

	if (!strncmp(rest, "PROVIDE (", 9) ||
	    !strncmp(rest, "PROVIDE_HIDDEN (", 16)) {
		name = strchr(rest, '(') + 1;
		if (rest[len - 1] != ')' || !strstr(name, " = "))
			kms_fatal(&p->r, "expected PROVIDE (<symbol> = <expression>)");
	} else if (!strncmp(rest, "ASSERT (", 8) && rest[len - 1] == ')') {
		return;
	}
	eq = strstr(name, " = ");
	if (!eq) {
		if (!len || strchr(rest, ' '))
			kms_fatal(&p->r, "expected a symbol or \"<symbol> = <expression>\"");
		kms_check_printable(&p->r, "symbol name", rest, len);
		return;
	}
	assign_symbol(p, name, eq - name);
}

/*
 * A line starting at the numbers' column that is not the numbers of a name
 * above: a symbol, an assignment, a PROVIDE the link did not need, or a
 * data statement ("0xaddr 0xsize LONG 0x0").
 */
static void parse_value_line(struct map_parser *p, const char *s)
{
	static const char *const data[] = {
		"BYTE 0x", "SHORT 0x", "LONG 0x", "QUAD 0x", "SQUAD 0x",
	};
	unsigned long long addr, size;
	const char *rest;
	size_t i;

	if (!strncmp(s, "[!provide]", 10)) {
		rest = s + 10 + strspn(s + 10, " ");
		if (strncmp(rest, "PROVIDE", 7))
			kms_fatal(&p->r, "expected PROVIDE after [!provide]");
		return;
	}
	rest = scan_hex(s, &addr);
	if (!rest)
		kms_fatal(&p->r,
			  "expected an address (0x<hex> of at most 64 bits, then a space) or [!provide]");
	rest += strspn(rest, " ");
	if (!is_hex(rest)) {
		parse_symbol_line(p, rest);
		return;
	}
	rest = scan_hex(rest, &size);
	for (i = 0; rest && *rest && i < ARRAY_SIZE(data); i++)
		if (!strncmp(rest + 1, data[i], strlen(data[i])))
			return;
	kms_fatal(&p->r, "address and size of no section and no data statement");
}

/*
 * Input section @section of object @file at [addr, addr + size), of the
 * map's line @line: recorded if its output section is loaded, where it
 * must lie inside that.  The caller has checked that addr + size does not
 * wrap, and left out the sections the linker made itself.
 */
static void place_input(struct map_parser *p, const char *section,
			unsigned long long addr, unsigned long long size,
			const char *file, unsigned int line)
{
	if (!p->osection)
		kms_fatal(&p->r, "input section %s outside any output section",
			  section);
	kms_check_object_name(&p->r, file);
	add_name(p->map->files, file, strlen(file));
	if (p->oskip)
		return;		/* merged strings (.comment) may lie past its end */
	if (!in_output(p, addr, size))
		kms_fatal(&p->r,
			  "%s (%s) at %#llx+%#llx lies outside output section %s (line %u)",
			  section, file, addr, size, p->osection, p->oline);
	add_input(p, section, addr, size, file, p->r.file, line);
}

/* "0xaddr 0xsize file" after an input section's name. */
static void parse_input_numbers(struct map_parser *p, const char *section,
				const char *s, unsigned int line)
{
	unsigned long long addr, size;
	const char *file;

	s = parse_extent(p, s, "input section", section, &addr, &size);
	if (!*s)
		kms_fatal(&p->r, "input section %s: no file after its size",
			  section);
	file = s + 1;
	if (!p->osection)
		kms_fatal(&p->r, "input section %s outside any output section",
			  section);
	if (!strcmp(file, "linker stubs"))
		return;		/* made by the linker: no object's */
	place_input(p, section, addr, size, file, line);
}

/* "0xaddr 0xsize [load address 0xlma]" after an output section's name. */
static void parse_output_numbers(struct map_parser *p, const char *name,
				 const char *s, unsigned int line)
{
	unsigned long long addr, size, lma;

	s = parse_extent(p, s, "output section", name, &addr, &size);
	if (!strncmp(s, " load address ", 14))
		s = scan_hex(s + 14, &lma);
	if (!s || *s)
		kms_fatal(&p->r,
			  "output section %s: expected nothing or \"load address 0x<hex>\" after its size",
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
	size_t len = strcspn(name, " ");

	kms_check_printable(&p->r, output ? "output section name" :
			    "input section name", name, len);
	if (!name[len]) {
		p->pending = xstrdup(name);
		p->pending_line = p->r.lineno;
		p->pending_output = output;
		return;
	}
	name[len] = '\0';
	parse_numbers(p, name, name + len + 1, p->r.lineno, output);
}

/* Is @line "0xaddr 0xsize ..." in the numbers' column? */
static bool is_numbers_line(const char *line)
{
	const char *s = line + MAP_NAME_WIDTH;

	if (strspn(line, " ") != MAP_NAME_WIDTH || !is_hex(s))
		return false;
	s += strcspn(s, " ");
	return is_hex(s + strspn(s, " "));
}

/*
 * The line after a name alone on its line: its numbers, if they are there
 * (an output section has none when nothing was placed in it).  True if the
 * line was that.
 */
static bool parse_pending(struct map_parser *p, const char *line)
{
	char *name = p->pending;
	bool numbers = is_numbers_line(line);

	p->pending = NULL;
	if (numbers)
		parse_numbers(p, name, line + MAP_NAME_WIDTH, p->pending_line,
			      p->pending_output);
	else if (!p->pending_output)
		kms_fatal(&p->r, "expected the address of %s (line %u)",
			  name, p->pending_line);
	free(name);
	return numbers;
}

/* A line at column 0: an output section, or a statement of the link. */
static void parse_column0(struct map_parser *p, char *line)
{
	close_output(p);
	if (!strncmp(line, "LOAD ", 5) || !strcmp(line, "START GROUP") ||
	    !strcmp(line, "END GROUP"))
		return;		/* the input files */
	if (!strncmp(line, "OUTPUT(", 7)) {
		if (line[strlen(line) - 1] != ')')
			kms_fatal(&p->r, "expected OUTPUT(<file> <format>)");
		p->ended = true;
		return;
	}
	parse_named(p, line, true);
}

/*
 * A line indented by one space: an input section record, or an input
 * section description, padding or its pattern, which place nothing.
 */
static void parse_statement(struct map_parser *p, char *s)
{
	const char *paren = strchr(s, '(');

	if (!strncmp(s, "*fill*", 6) || !strncmp(s, "FILL mask ", 10))
		return;
	if (paren && paren < s + strcspn(s, " ") && s[strlen(s) - 1] == ')')
		return;		/* "*(.text .text.*)", "SORT_BY_NAME(*)(...)" */
	parse_named(p, s, false);
}

/* "<spaces>0x<hex> (size before relaxing)": a merged section's old size. */
static bool is_size_before_relaxing(const char *line)
{
	unsigned long long size;
	const char *s = scan_hex(line + strspn(line, " "), &size);

	return s && !strcmp(s, " (size before relaxing)");
}

static void parse_gnu_line(struct map_parser *p, char *line)
{
	size_t indent = strspn(line, " ");

	if (p->pending && parse_pending(p, line))
		return;
	if (!*line)
		return;
	if (!isgraph((unsigned char)line[indent]))
		kms_fatal(&p->r, "unexpected character 0x%02x at column %zu",
			  (unsigned char)line[indent], indent + 1);
	if (indent == 0)
		parse_column0(p, line);
	else if (indent == 1)
		parse_statement(p, line + 1);
	else if (indent == MAP_NAME_WIDTH)
		parse_value_line(p, line + indent);
	else if (indent < MAP_NAME_WIDTH || !is_size_before_relaxing(line))
		kms_fatal(&p->r, "unexpected indentation: %zu spaces", indent);
}

static void read_gnu_map(struct map_parser *p, char *line)
{
	bool started = false;

	for (; line; line = kms_reader_line(&p->r)) {
		if (!started) {
			started = !strcmp(line, MAP_START);
			continue;
		}
		if (p->ended && *line && strcmp(line, MAP_STUBS_LOAD))
			kms_fatal(&p->r, "unexpected text after the OUTPUT() line");
		parse_gnu_line(p, line);
	}
	close_output(p);
	if (!started)
		kms_fatal(&p->r, "not a GNU ld map: no \"%s\" line", MAP_START);
	if (p->pending)
		kms_fatal(&p->r, "truncated: %s has no address", p->pending);
	if (!p->ended)
		kms_fatal(&p->r, "truncated: no OUTPUT() line at the end");
}

/*
 * ld.lld's map (see the top of this file): four columns, then the text of
 * the line, indented by its level.
 */
struct lld_line {
	unsigned long long vma, lma, size, align;
	size_t indent;
	const char *text;
};

/*
 * The number at @s in a column @width wide: right-aligned (as wide as its
 * digits if they do not fit), digits of @base without a prefix, at most 64
 * bits, then a space.  The text after that space, or NULL.
 */
static const char *scan_column(const char *s, size_t width, int base,
			       unsigned long long *val)
{
	size_t blanks = strspn(s, " "), n = 0;
	const char *digits = s + blanks;
	char *end;

	while (base == 16 ? isxdigit((unsigned char)digits[n]) :
			    isdigit((unsigned char)digits[n]))
		n++;
	if (!n || digits[n] != ' ' || blanks + n != (n < width ? width : n))
		return NULL;
	errno = 0;
	*val = strtoull(digits, &end, base);
	if (errno || end != digits + n)
		return NULL;
	return end + 1;
}

static void parse_lld_columns(struct map_parser *p, const char *line,
			      struct lld_line *l)
{
	const char *s;

	s = scan_column(line, p->addr_width, 16, &l->vma);
	if (s)
		s = scan_column(s, p->addr_width, 16, &l->lma);
	if (s)
		s = scan_column(s, LLD_SIZE_WIDTH, 16, &l->size);
	if (s)
		s = scan_column(s, LLD_ALIGN_WIDTH, 10, &l->align);
	if (!s)
		kms_fatal(&p->r,
			  "expected VMA, LMA and size (hex) and alignment (decimal) right-aligned in columns %zu, %zu, %d and %d wide, of at most 64 bits, each followed by a space",
			  p->addr_width, p->addr_width, LLD_SIZE_WIDTH,
			  LLD_ALIGN_WIDTH);
	if (l->size > ~0ULL - l->vma)
		kms_fatal(&p->r, "%#llx+%#llx wraps past the end of the address space",
			  l->vma, l->size);
	l->indent = strspn(s, " ");
	l->text = s + l->indent;
}

/*
 * An assignment of the linker script, as lld prints its tokens: "x = .",
 * ". += 0x1000", "PROVIDE ( x = . )", "PROVIDE_HIDDEN ( x = . )".  False
 * if @text is not one.
 */
static bool parse_lld_assignment(struct map_parser *p, const char *text)
{
	static const char *const ops[] = {
		"=", "+=", "-=", "*=", "/=", "<<=", ">>=", "&=", "|=", "^=",
	};
	const char *name = text, *op;
	size_t len, n, i;
	bool provide = false;

	if (!strncmp(text, "PROVIDE ( ", 10) ||
	    !strncmp(text, "PROVIDE_HIDDEN ( ", 17)) {
		name = strchr(text, '(') + 2;
		provide = true;
	}
	len = strcspn(name, " ");
	op = name + len + (name[len] == ' ');
	n = strcspn(op, " ");
	for (i = 0; i < ARRAY_SIZE(ops); i++)
		if (strlen(ops[i]) == n && !strncmp(op, ops[i], n))
			break;
	if (i == ARRAY_SIZE(ops) || op[n] != ' ' || !op[n + 1] ||
	    (provide && strcmp(text + strlen(text) - 2, " )"))) {
		if (provide)
			kms_fatal(&p->r, "expected PROVIDE ( <symbol> = <expression> )");
		return false;
	}
	assign_symbol(p, name, len);
	return true;
}

/*
 * A section ld.lld made in a loaded output section: the pool it merged
 * mergeable sections of every object into, for one.
 */
static void add_pool(struct map_parser *p, const char *section,
		     unsigned long long addr, unsigned long long size)
{
	struct kms_map *map = p->map;
	struct kms_input *in;

	if (!in_output(p, addr, size))
		kms_fatal(&p->r,
			  "%s (<internal>) at %#llx+%#llx lies outside output section %s (line %u)",
			  section, addr, size, p->osection, p->oline);
	map->pools = kms_grow(map->pools, map->nr_pools, &map->pools_alloc,
			      sizeof(*map->pools));
	in = &map->pools[map->nr_pools++];
	in->addr = addr;
	in->size = size;
	in->file = "<internal>";
	in->section = xstrdup(section);
	in->osection = p->osection;
	in->map = p->r.file;
	in->line = p->r.lineno;
}

/* Is @addr inside a section ld.lld made (of a final link's map)? */
bool kms_in_pool(const struct kms_map *map, unsigned long long addr)
{
	unsigned int i;

	for (i = 0; i < map->nr_pools; i++)
		if (addr >= map->pools[i].addr &&
		    addr - map->pools[i].addr < map->pools[i].size)
			return true;
	return false;
}

/* "LONG ( 0x0 )": a data statement of the linker script. */
static bool is_lld_data(const char *text)
{
	static const char *const data[] = {
		"BYTE ( ", "SHORT ( ", "LONG ( ", "QUAD ( ", "SQUAD ( ",
	};
	size_t i, len = strlen(text);

	for (i = 0; i < ARRAY_SIZE(data); i++)
		if (!strncmp(text, data[i], strlen(data[i])))
			return len > strlen(data[i]) + 2 &&
			       !strcmp(text + len - 2, " )");
	return false;
}

/* The symbol tables every unstripped link writes, last of its sections. */
static const char *const lld_tables[] = { ".symtab", ".strtab", ".shstrtab" };

static unsigned int lld_table(const char *section)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(lld_tables); i++)
		if (!strcmp(section, lld_tables[i]))
			return 1U << i;
	return 0;
}

/* An output section, or an assignment outside output sections. */
static void parse_lld_output(struct map_parser *p, const struct lld_line *l)
{
	close_output(p);
	if (parse_lld_assignment(p, l->text))
		return;
	kms_check_printable(&p->r, "output section name", l->text,
			    strlen(l->text));
	add_output(p, l->text, l->vma, l->size, p->r.lineno);
}

/*
 * "<file>:(<section>)", the file "<object>", "<archive>(<object>)" or
 * "<internal>"; .eh_frame is listed by pieces, "(.eh_frame+0x<offset>)".
 */
static void parse_lld_input(struct map_parser *p, const struct lld_line *l)
{
	size_t len = strlen(l->text);
	const char *colon = strstr(l->text, ":(");
	char *file, *section, *member, *open;
	unsigned long long off;

	if (!colon || colon == l->text || l->text[len - 1] != ')' ||
	    colon + 3 >= l->text + len)
		kms_fatal(&p->r,
			  "expected an input section \"<file>:(<section>)\", an assignment or a data statement");
	kms_check_printable(&p->r, "input section", l->text, len);
	file = xstrndup(l->text, colon - l->text);
	section = xstrndup(colon + 2, l->text + len - 1 - (colon + 2));
	if (!strncmp(section, ".eh_frame+", 10)) {
		if (!scan_hex(section + 10, &off) || strchr(section, ' '))
			kms_fatal(&p->r, "expected .eh_frame+0x<offset>");
		section[9] = '\0';
	}
	p->input = true;
	p->iaddr = l->vma;
	p->isize = l->size;
	member = file;
	open = strchr(file, '(');
	if (!strcmp(file, "<internal>")) {
		/* made by the linker: merged pools, symbol tables... */
		if (!strcmp(p->osection, section))
			p->tables |= lld_table(section);
		if (!p->oskip)
			add_pool(p, section, l->vma, l->size);
	} else {
		if (open) {
			if (open == file || file[strlen(file) - 1] != ')')
				kms_fatal(&p->r,
					  "expected <archive>(<member>) or an object, not '%s'",
					  file);
			file[strlen(file) - 1] = '\0';
			member = open + 1;
		}
		place_input(p, section, l->vma, l->size, member, p->r.lineno);
	}
	free(file);
	free(section);
}

/* A symbol an object defines, in the input section above. */
static void parse_lld_symbol(struct map_parser *p, const struct lld_line *l)
{
	kms_check_printable(&p->r, "symbol name", l->text, strlen(l->text));
	if (!p->input)
		kms_fatal(&p->r, "symbol %s outside any input section", l->text);
	if (l->vma < p->iaddr || l->vma - p->iaddr > p->isize)
		kms_fatal(&p->r, "symbol %s at %#llx lies outside its input section, %#llx+%#llx",
			  l->text, l->vma, p->iaddr, p->isize);
}

static void parse_lld_line(struct map_parser *p, const char *line)
{
	struct lld_line l;
	bool input = p->input;

	parse_lld_columns(p, line, &l);
	p->input = false;
	if (!*l.text) {
		if ((l.indent == 0 || l.indent == LLD_INDENT) && !l.size)
			return;	/* an ASSERT, whose text lld does not print */
		kms_fatal(&p->r, "expected a section, symbol or command after the columns");
	}
	if (!isgraph((unsigned char)*l.text))
		kms_fatal(&p->r, "unexpected character 0x%02x after the columns",
			  (unsigned char)*l.text);
	if (l.indent == 0) {
		parse_lld_output(p, &l);
	} else if (l.indent == LLD_INDENT) {
		if (!p->osection)
			kms_fatal(&p->r, "%s outside any output section", l.text);
		if (!is_lld_data(l.text) && !parse_lld_assignment(p, l.text))
			parse_lld_input(p, &l);
	} else if (l.indent == 2 * LLD_INDENT) {
		p->input = input;
		parse_lld_symbol(p, &l);
	} else {
		kms_fatal(&p->r, "unexpected indentation: %zu spaces after the columns",
			  l.indent);
	}
}

static void read_lld_map(struct map_parser *p, const char *header)
{
	unsigned int i;
	char *line;

	if (!strcmp(header, MAP_LLD_HEADER_64))
		p->addr_width = 16;
	else if (!strcmp(header, MAP_LLD_HEADER_32))
		p->addr_width = 8;
	else
		kms_fatal(&p->r, "not an lld map: expected the header \"%s\"",
			  MAP_LLD_HEADER_64);
	while ((line = kms_reader_line(&p->r)))
		parse_lld_line(p, line);
	close_output(p);
	for (i = 0; i < ARRAY_SIZE(lld_tables); i++)
		if (!(p->tables & 1U << i))
			kms_fatal(&p->r,
				  "truncated: no section %s, which lld writes after every loaded one",
				  lld_tables[i]);
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
	if (!strncmp(first + strspn(first, " "), "VMA ", 4))
		read_lld_map(&p, first);
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
		/*
		 * A section vmlinux.o.map does not list was added after that
		 * link, by objtool: it stays vmlinux.o's, and may hold no
		 * symbol but the linker script's (kms_attribute_symbols()).
		 */
		o = strcmp(in[i].file, "vmlinux.o") ? NULL :
		    find_output(omap, in[i].section, &in[i]);
		if (!o) {
			add_input(&p, in[i].section, in[i].addr, in[i].size,
				  in[i].file, in[i].map, in[i].line);
			continue;
		}
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
			/* read_map() checked that oi lies inside o */
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
