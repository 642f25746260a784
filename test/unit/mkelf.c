// SPDX-License-Identifier: GPL-2.0
/*
 * mkelf: write a minimal ELF relocatable object holding given symbols, in
 * either ELF class and byte order, so that the host unit tests can give
 * the kallsyms ELF reader (scripts/kallmodsyms_elf.c) the image of any
 * target without a cross toolchain, and malformed images on purpose.
 *
 * Usage: mkelf [-32|-64] [-lsb|-msb] [-unaligned] [-set FIELD=VALUE]...
 *              [-cut N] [-truncate N] OUTPUT < SYMBOLS
 *
 * SYMBOLS has "file address size type name" lines: address in hex, size
 * in decimal, type an nm letter (upper case: global).  As ld -r writes
 * them, the local symbols come first, grouped by file, each group headed
 * by an STT_FILE symbol of the file's name; then the global ones.  Every
 * symbol is absolute (SHN_ABS).  The object holds the ELF header, then
 * .symtab, .strtab and .shstrtab, then the section header table
 * (sections 0 to 3: SHT_NULL, .symtab, .strtab, .shstrtab).  With
 * -unaligned, .symtab and the section header table start one byte after
 * their alignment: a valid image whose fields a reader must not load
 * through host structures.
 *
 * To make malformed images:
 *   -set FIELD=VALUE  writes VALUE (C notation) in FIELD instead of the
 *                     right value: e_ident[N] as ident.N, an ELF header
 *                     field by name (e_shentsize), a section header field
 *                     as SECTION.FIELD with SECTION null, symtab, strtab
 *                     or shstrtab (strtab.sh_size), a symbol's as symN.FIELD
 *                     (sym1.st_name).
 *   -cut N            leaves the last N bytes of the file out.
 *   -truncate N       writes only the first N bytes.
 *
 * The fields are written one by one, in the order and with the widths of
 * the gABI, which <elf.h> follows; the sizes written are checked against
 * the sizes of its Elf32_* and Elf64_* structures.
 */
#include <elf.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ehdr {
	uint64_t ident[EI_NIDENT];
	uint64_t type, machine, version, entry, phoff, shoff, flags;
	uint64_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct shdr {
	uint64_t name, type, flags, addr, offset, size, link, info;
	uint64_t addralign, entsize;
};

struct sym {
	uint64_t name, info, other, shndx, value, size;
};

/* Where a -set names a field: its name and where its value is. */
struct field {
	const char *name;
	uint64_t *value;
};

enum { SEC_NULL, SEC_SYMTAB, SEC_STRTAB, SEC_SHSTRTAB, NR_SECTIONS };
static const char *const section_names[NR_SECTIONS] = {
	"null", "symtab", "strtab", "shstrtab"
};

/* .shstrtab: the names at offsets 1, 9 and 17, and its final NUL. */
static const char shstrtab[] = "\0.symtab\0.strtab\0.shstrtab";

static bool is64, msb, unaligned;
static struct ehdr eh;
static struct shdr sh[NR_SECTIONS];
static struct sym *syms;
static unsigned int nr_syms;
static char *strtab;
static size_t strtab_size;

/* The file being written. */
static unsigned char *buf;
static size_t len, alloc;

static void __attribute__((format(printf, 1, 2), noreturn))
die(const char *fmt, ...)
{
	va_list ap;

	fputs("mkelf: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *grow(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p)
		die("out of memory");
	return p;
}

/* Add @s to the string table; its offset there. */
static uint64_t add_string(const char *s)
{
	size_t n = strlen(s) + 1;
	uint64_t off = strtab_size;

	strtab = grow(strtab, strtab_size + n);
	memcpy(strtab + strtab_size, s, n);
	strtab_size += n;
	return off;
}

static void add_symbol(const char *name, unsigned int bind, unsigned int type,
		       uint64_t value, uint64_t size)
{
	struct sym *s;

	syms = grow(syms, (nr_syms + 1) * sizeof(*syms));
	s = &syms[nr_syms++];
	memset(s, 0, sizeof(*s));
	s->name = *name ? add_string(name) : 0;
	s->info = ELF64_ST_INFO(bind, type);
	s->shndx = *name ? SHN_ABS : SHN_UNDEF;
	s->value = value;
	s->size = size;
}

/* One input line, split. */
struct input {
	char file[256], name[4096], type;
	unsigned long long value, size;
};

static struct input *read_input(unsigned int *n)
{
	struct input *in = NULL;
	char line[8192], type[2];

	*n = 0;
	while (fgets(line, sizeof(line), stdin)) {
		in = grow(in, (*n + 1) * sizeof(*in));
		if (sscanf(line, "%255s %llx %llu %1s %4095s", in[*n].file,
			   &in[*n].value, &in[*n].size, type,
			   in[*n].name) != 5)
			die("bad input line: %s", line);
		in[*n].type = type[0];
		++*n;
	}
	return in;
}

/*
 * The symbol table: the null symbol, each file's local symbols after an
 * STT_FILE symbol, then the global ones.  Returns the index of the first
 * global symbol (sh_info).
 */
static unsigned int make_symbols(const struct input *in, unsigned int n)
{
	unsigned int i, j, first_global;

	add_string("");
	add_symbol("", STB_LOCAL, STT_NOTYPE, 0, 0);
	for (i = 0; i < n; i++) {
		bool seen = false;

		if (in[i].type < 'a')
			continue;
		for (j = 0; j < i && !seen; j++)
			seen = in[j].type >= 'a' && !strcmp(in[j].file, in[i].file);
		if (seen)
			continue;
		add_symbol(in[i].file, STB_LOCAL, STT_FILE, 0, 0);
		for (j = i; j < n; j++)
			if (in[j].type >= 'a' && !strcmp(in[j].file, in[i].file))
				add_symbol(in[j].name, STB_LOCAL, STT_NOTYPE,
					   in[j].value, in[j].size);
	}
	first_global = nr_syms;
	for (i = 0; i < n; i++)
		if (in[i].type < 'a')
			add_symbol(in[i].name, STB_GLOBAL, STT_NOTYPE,
				   in[i].value, in[i].size);
	return first_global;
}

static uint64_t align(uint64_t v, uint64_t a)
{
	return (v + a - 1) / a * a;
}

/* Lay the file out, and fill in the headers. */
static void make_headers(unsigned int first_global)
{
	uint64_t word = is64 ? 8 : 4;
	uint64_t sym_size = is64 ? 24 : 16;
	uint64_t skew = unaligned;

	sh[SEC_SYMTAB] = (struct shdr){
		.name = 1, .type = SHT_SYMTAB,
		.offset = align(is64 ? 64 : 52, word) + skew,
		.size = nr_syms * sym_size, .link = SEC_STRTAB,
		.info = first_global, .addralign = word, .entsize = sym_size,
	};
	sh[SEC_STRTAB] = (struct shdr){
		.name = 9, .type = SHT_STRTAB,
		.offset = sh[SEC_SYMTAB].offset + sh[SEC_SYMTAB].size,
		.size = strtab_size, .addralign = 1,
	};
	sh[SEC_SHSTRTAB] = (struct shdr){
		.name = 17, .type = SHT_STRTAB,
		.offset = sh[SEC_STRTAB].offset + sh[SEC_STRTAB].size,
		.size = sizeof(shstrtab), .addralign = 1,
	};

	eh.ident[EI_MAG0] = ELFMAG0;
	eh.ident[EI_MAG1] = ELFMAG1;
	eh.ident[EI_MAG2] = ELFMAG2;
	eh.ident[EI_MAG3] = ELFMAG3;
	eh.ident[EI_CLASS] = is64 ? ELFCLASS64 : ELFCLASS32;
	eh.ident[EI_DATA] = msb ? ELFDATA2MSB : ELFDATA2LSB;
	eh.ident[EI_VERSION] = EV_CURRENT;
	eh.type = ET_REL;
	eh.version = EV_CURRENT;
	eh.shoff = align(sh[SEC_SHSTRTAB].offset + sh[SEC_SHSTRTAB].size,
			 word) + skew;
	eh.ehsize = is64 ? 64 : 52;
	eh.shentsize = is64 ? 64 : 40;
	eh.shnum = NR_SECTIONS;
	eh.shstrndx = SEC_SHSTRTAB;
}

static uint64_t *lookup(const struct field *f, unsigned int n,
			const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(f[i].name, name))
			return f[i].value;
	return NULL;
}

static uint64_t *ehdr_field(const char *name)
{
	const struct field f[] = {
		{ "e_type", &eh.type }, { "e_machine", &eh.machine },
		{ "e_version", &eh.version }, { "e_entry", &eh.entry },
		{ "e_phoff", &eh.phoff }, { "e_shoff", &eh.shoff },
		{ "e_flags", &eh.flags }, { "e_ehsize", &eh.ehsize },
		{ "e_phentsize", &eh.phentsize }, { "e_phnum", &eh.phnum },
		{ "e_shentsize", &eh.shentsize }, { "e_shnum", &eh.shnum },
		{ "e_shstrndx", &eh.shstrndx },
	};
	unsigned int n;

	if (sscanf(name, "ident.%u", &n) == 1 && n < EI_NIDENT)
		return &eh.ident[n];
	return lookup(f, sizeof(f) / sizeof(f[0]), name);
}

static uint64_t *shdr_field(struct shdr *s, const char *name)
{
	const struct field f[] = {
		{ "sh_name", &s->name }, { "sh_type", &s->type },
		{ "sh_flags", &s->flags }, { "sh_addr", &s->addr },
		{ "sh_offset", &s->offset }, { "sh_size", &s->size },
		{ "sh_link", &s->link }, { "sh_info", &s->info },
		{ "sh_addralign", &s->addralign },
		{ "sh_entsize", &s->entsize },
	};

	return lookup(f, sizeof(f) / sizeof(f[0]), name);
}

static uint64_t *sym_field(struct sym *s, const char *name)
{
	const struct field f[] = {
		{ "st_name", &s->name }, { "st_info", &s->info },
		{ "st_other", &s->other }, { "st_shndx", &s->shndx },
		{ "st_value", &s->value }, { "st_size", &s->size },
	};

	return lookup(f, sizeof(f) / sizeof(f[0]), name);
}

/* The field a -set names: "e_shoff", "ident.4", "strtab.sh_size", "sym1.st_name". */
static uint64_t *find_field(char *name)
{
	char *dot = strchr(name, '.');
	unsigned int i;

	if (!dot || !strncmp(name, "ident.", 6))
		return ehdr_field(name);
	*dot = '\0';
	for (i = 0; i < NR_SECTIONS; i++)
		if (!strcmp(name, section_names[i]))
			return shdr_field(&sh[i], dot + 1);
	if (sscanf(name, "sym%u", &i) == 1 && i < nr_syms)
		return sym_field(&syms[i], dot + 1);
	return NULL;
}

/* -set FIELD=VALUE */
static void set_field(const char *arg)
{
	char *name = strdup(arg), *eq, *end;
	uint64_t *field;

	eq = name ? strchr(name, '=') : NULL;
	if (!eq)
		die("-set %s: not FIELD=VALUE", arg);
	*eq = '\0';
	field = find_field(name);
	if (!field)
		die("-set %s: no such field", arg);
	*field = strtoull(eq + 1, &end, 0);
	if (*end || end == eq + 1)
		die("-set %s: bad value", arg);
	free(name);
}

/* Append @v, @width bytes wide, in the object's byte order. */
static void put(uint64_t v, unsigned int width)
{
	unsigned int i;

	if (width < 8 && v >> (8 * width))
		die("%#llx does not fit in %u bytes", (unsigned long long)v,
		    width);
	if (len + width > alloc) {
		alloc = 2 * (len + width);
		buf = grow(buf, alloc);
	}
	for (i = 0; i < width; i++)
		buf[len + i] = v >> 8 * (msb ? width - 1 - i : i);
	len += width;
}

/* An address, offset or size: 8 bytes in ELF64, 4 in ELF32. */
static void put_word(uint64_t v)
{
	put(v, is64 ? 8 : 4);
}

static void pad_to(uint64_t offset)
{
	while (len < offset)
		put(0, 1);
}

static void check_size(size_t start, size_t size, const char *what)
{
	if (len - start != size)
		die("wrote %zu bytes for %s, <elf.h> has %zu", len - start,
		    what, size);
}

static void put_ehdr(void)
{
	unsigned int i;

	for (i = 0; i < EI_NIDENT; i++)
		put(eh.ident[i], 1);
	put(eh.type, 2);
	put(eh.machine, 2);
	put(eh.version, 4);
	put_word(eh.entry);
	put_word(eh.phoff);
	put_word(eh.shoff);
	put(eh.flags, 4);
	put(eh.ehsize, 2);
	put(eh.phentsize, 2);
	put(eh.phnum, 2);
	put(eh.shentsize, 2);
	put(eh.shnum, 2);
	put(eh.shstrndx, 2);
	check_size(0, is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr),
		   "the ELF header");
}

static void put_shdr(const struct shdr *s)
{
	size_t start = len;

	put(s->name, 4);
	put(s->type, 4);
	put_word(s->flags);
	put_word(s->addr);
	put_word(s->offset);
	put_word(s->size);
	put(s->link, 4);
	put(s->info, 4);
	put_word(s->addralign);
	put_word(s->entsize);
	check_size(start, is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr),
		   "a section header");
}

static void put_sym(const struct sym *s)
{
	size_t start = len;

	put(s->name, 4);
	if (is64) {
		put(s->info, 1);
		put(s->other, 1);
		put(s->shndx, 2);
		put(s->value, 8);
		put(s->size, 8);
	} else {
		put(s->value, 4);
		put(s->size, 4);
		put(s->info, 1);
		put(s->other, 1);
		put(s->shndx, 2);
	}
	check_size(start, is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym),
		   "a symbol");
}

/*
 * Write the file at the offsets laid out before any -set: the fields say
 * what the options made them say.
 */
static void put_file(uint64_t symoff, uint64_t stroff, uint64_t shstroff,
		     uint64_t shoff)
{
	unsigned int i;

	put_ehdr();
	pad_to(symoff);
	for (i = 0; i < nr_syms; i++)
		put_sym(&syms[i]);
	pad_to(stroff);
	for (i = 0; i < strtab_size; i++)
		put((unsigned char)strtab[i], 1);
	pad_to(shstroff);
	for (i = 0; i < sizeof(shstrtab); i++)
		put((unsigned char)shstrtab[i], 1);
	pad_to(shoff);
	for (i = 0; i < NR_SECTIONS; i++)
		put_shdr(&sh[i]);
}

int main(int argc, char **argv)
{
	unsigned long long cut = 0, keep = ~0ULL;
	uint64_t symoff, stroff, shstroff, shoff;
	const char *output = NULL;
	struct input *in;
	unsigned int n;
	FILE *fp;
	int i;

	is64 = true;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-32") || !strcmp(argv[i], "-64"))
			is64 = argv[i][1] == '6';
		else if (!strcmp(argv[i], "-lsb") || !strcmp(argv[i], "-msb"))
			msb = argv[i][1] == 'm';
		else if (!strcmp(argv[i], "-unaligned"))
			unaligned = true;
		else if (!strcmp(argv[i], "-set") && i + 1 < argc)
			i++;	/* once the headers are made */
		else if (!strcmp(argv[i], "-cut") && i + 1 < argc)
			cut = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "-truncate") && i + 1 < argc)
			keep = strtoull(argv[++i], NULL, 0);
		else if (argv[i][0] != '-' && !output)
			output = argv[i];
		else
			die("usage: mkelf [-32|-64] [-lsb|-msb] [-unaligned] %s",
			    "[-set FIELD=VALUE]... [-cut N] [-truncate N] OUTPUT < SYMBOLS");
	}
	if (!output)
		die("no output file");

	in = read_input(&n);
	make_headers(make_symbols(in, n));
	symoff = sh[SEC_SYMTAB].offset;
	stroff = sh[SEC_STRTAB].offset;
	shstroff = sh[SEC_SHSTRTAB].offset;
	shoff = eh.shoff;
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-set"))
			set_field(argv[++i]);
	put_file(symoff, stroff, shstroff, shoff);

	if (cut > len)
		die("-cut %llu: the file has %zu bytes", cut, len);
	len -= cut;
	if (keep < len)
		len = keep;
	fp = fopen(output, "wb");
	if (!fp || fwrite(buf, 1, len, fp) != len || fclose(fp))
		die("%s: cannot write", output);
	return 0;
}
