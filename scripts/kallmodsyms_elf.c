// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_elf.c: the symbol sizes of a linked kernel image, read from
 * its ELF symbol table.
 *
 * The image is the target's, not the host's: its class (32 or 64 bit) and
 * byte order come from its e_ident, and every field is read with an
 * explicit little- or big-endian load at its offset in the file, never
 * through a host structure.  The offsets are those of the ELF gABI (and of
 * the Elf32_* and Elf64_* structures of <elf.h>).
 *
 * Everything read is checked first: the identification, the header, the
 * section header table (extended section numbering included), the extent
 * of every section, the symbol table's entry size and string table, and
 * every symbol name.  Anything malformed or cut short is fatal, with the
 * file named and what is wrong with it.  Symbols' st_shndx is not read, so
 * SHT_SYMTAB_SHNDX does not matter here.
 */

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xalloc.h>

#include "kallmodsyms.h"

/* A field of an ELF structure: where it starts, and its width in bytes. */
struct elf_field {
	unsigned int offset, width;
};

/* The structures of one ELF class, and the fields read from them. */
struct elf_class {
	unsigned int bits;
	unsigned int ehdr_size, shdr_size, sym_size;
	struct elf_field e_version, e_shoff, e_ehsize, e_shentsize, e_shnum,
			 e_shstrndx;
	struct elf_field sh_type, sh_offset, sh_size, sh_link, sh_entsize;
	struct elf_field st_name, st_info, st_value, st_size;
};

static const struct elf_class elf32_class = {
	.bits		= 32,
	.ehdr_size	= 52,
	.shdr_size	= 40,
	.sym_size	= 16,
	.e_version	= { 20, 4 },
	.e_shoff	= { 32, 4 },
	.e_ehsize	= { 40, 2 },
	.e_shentsize	= { 46, 2 },
	.e_shnum	= { 48, 2 },
	.e_shstrndx	= { 50, 2 },
	.sh_type	= { 4, 4 },
	.sh_offset	= { 16, 4 },
	.sh_size	= { 20, 4 },
	.sh_link	= { 24, 4 },
	.sh_entsize	= { 36, 4 },
	.st_name	= { 0, 4 },
	.st_value	= { 4, 4 },
	.st_size	= { 8, 4 },
	.st_info	= { 12, 1 },
};

static const struct elf_class elf64_class = {
	.bits		= 64,
	.ehdr_size	= 64,
	.shdr_size	= 64,
	.sym_size	= 24,
	.e_version	= { 20, 4 },
	.e_shoff	= { 40, 8 },
	.e_ehsize	= { 52, 2 },
	.e_shentsize	= { 58, 2 },
	.e_shnum	= { 60, 2 },
	.e_shstrndx	= { 62, 2 },
	.sh_type	= { 4, 4 },
	.sh_offset	= { 24, 8 },
	.sh_size	= { 32, 8 },
	.sh_link	= { 40, 4 },
	.sh_entsize	= { 56, 8 },
	.st_name	= { 0, 4 },
	.st_info	= { 4, 1 },
	.st_value	= { 8, 8 },
	.st_size	= { 16, 8 },
};

/* An ELF file mapped whole, and where its section headers are. */
struct elf_image {
	const char *path;
	const unsigned char *data;
	size_t size;
	const struct elf_class *class;
	bool msb;			/* big-endian */
	unsigned long long shoff, shnum;
};

/* The fields of a section header that are read. */
struct elf_section {
	unsigned long long index, type, offset, size, link, entsize;
};

/* Fail, naming the image. */
#define elf_die(img, fmt, ...) \
	kms_die("%s: " fmt, (img)->path, ##__VA_ARGS__)

static unsigned long long load_le(const unsigned char *p, unsigned int width)
{
	unsigned long long v = 0;

	while (width--)
		v = v << 8 | p[width];
	return v;
}

static unsigned long long load_be(const unsigned char *p, unsigned int width)
{
	unsigned long long v = 0;
	unsigned int i;

	for (i = 0; i < width; i++)
		v = v << 8 | p[i];
	return v;
}

/* Field @f of the structure at @base, which the caller has bounds-checked. */
static unsigned long long get(const struct elf_image *img,
			      const unsigned char *base, struct elf_field f)
{
	return img->msb ? load_be(base + f.offset, f.width) :
			  load_le(base + f.offset, f.width);
}

static void map_image(struct elf_image *img, const char *path)
{
	struct stat st;
	void *data;
	int fd;

	img->path = path;
	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st))
		elf_die(img, "cannot open: %s", strerror(errno));
	img->size = st.st_size;
	if (img->size < EI_NIDENT)
		elf_die(img, "not an ELF file: %zu bytes, too short for e_ident",
			img->size);
	data = mmap(NULL, img->size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (data == MAP_FAILED)
		elf_die(img, "cannot map: %s", strerror(errno));
	img->data = data;
	close(fd);
}

/* The class and byte order, from e_ident. */
static void read_ident(struct elf_image *img)
{
	const unsigned char *id = img->data;

	if (memcmp(id, ELFMAG, SELFMAG))
		elf_die(img, "not an ELF file (bad magic number)");
	switch (id[EI_CLASS]) {
	case ELFCLASS32:
		img->class = &elf32_class;
		break;
	case ELFCLASS64:
		img->class = &elf64_class;
		break;
	default:
		elf_die(img, "unknown ELF class %u in e_ident", id[EI_CLASS]);
	}
	switch (id[EI_DATA]) {
	case ELFDATA2LSB:
		img->msb = false;
		break;
	case ELFDATA2MSB:
		img->msb = true;
		break;
	default:
		elf_die(img, "unknown ELF byte order %u in e_ident",
			id[EI_DATA]);
	}
	if (id[EI_VERSION] != EV_CURRENT)
		elf_die(img, "unknown ELF version %u in e_ident",
			id[EI_VERSION]);
}

/* Is the extent @offset, @size inside the file?  Without overflow. */
static bool in_file(const struct elf_image *img, unsigned long long offset,
		    unsigned long long size)
{
	return offset <= img->size && size <= img->size - offset;
}

/* Section header @index, in a section header table known to be in the file. */
static void read_section(const struct elf_image *img, unsigned long long index,
			 struct elf_section *sec)
{
	const struct elf_class *c = img->class;
	const unsigned char *sh = img->data + img->shoff + index * c->shdr_size;

	sec->index = index;
	sec->type = get(img, sh, c->sh_type);
	sec->offset = get(img, sh, c->sh_offset);
	sec->size = get(img, sh, c->sh_size);
	sec->link = get(img, sh, c->sh_link);
	sec->entsize = get(img, sh, c->sh_entsize);
}

/* The ELF header's version and sizes of itself and of a section header. */
static void check_header(const struct elf_image *img)
{
	const struct elf_class *c = img->class;
	const unsigned char *eh = img->data;
	unsigned long long version, ehsize, shentsize;

	if (img->size < c->ehdr_size)
		elf_die(img,
			"truncated: %zu bytes, shorter than a %u-bit ELF header (%u bytes)",
			img->size, c->bits, c->ehdr_size);
	version = get(img, eh, c->e_version);
	if (version != EV_CURRENT)
		elf_die(img, "unknown ELF version %llu in e_version", version);
	ehsize = get(img, eh, c->e_ehsize);
	if (ehsize != c->ehdr_size)
		elf_die(img,
			"e_ehsize %llu, not the %u bytes of a %u-bit ELF header",
			ehsize, c->ehdr_size, c->bits);
	shentsize = get(img, eh, c->e_shentsize);
	if (shentsize != c->shdr_size)
		elf_die(img,
			"e_shentsize %llu, not the %u bytes of a %u-bit section header",
			shentsize, c->shdr_size, c->bits);
}

/*
 * Find the section header table, and check that it lies in the file and
 * that e_shstrndx names a string table.  With more than SHN_LORESERVE
 * sections, e_shnum is 0 and e_shstrndx SHN_XINDEX, and section header 0
 * holds their values in sh_size and sh_link.
 */
static void find_section_headers(struct elf_image *img)
{
	const struct elf_class *c = img->class;
	const unsigned char *eh = img->data;
	struct elf_section sec0, shstrtab;
	unsigned long long shstrndx;

	img->shoff = get(img, eh, c->e_shoff);
	img->shnum = get(img, eh, c->e_shnum);
	if (!img->shoff)
		elf_die(img, "no section header table (e_shoff is 0)");
	if (!in_file(img, img->shoff, c->shdr_size))
		elf_die(img,
			"section header table at 0x%llx lies past the end of the file (size 0x%zx)",
			img->shoff, img->size);
	read_section(img, 0, &sec0);
	if (!img->shnum)
		img->shnum = sec0.size;
	if ((img->size - img->shoff) / c->shdr_size < img->shnum)
		elf_die(img,
			"section header table extends past the end of the file (offset 0x%llx, %llu headers of %u bytes, file size 0x%zx)",
			img->shoff, img->shnum, c->shdr_size, img->size);

	shstrndx = get(img, eh, c->e_shstrndx);
	if (shstrndx == SHN_XINDEX)
		shstrndx = sec0.link;
	if (shstrndx == SHN_UNDEF)
		return;
	if (shstrndx >= img->shnum)
		elf_die(img, "e_shstrndx %llu, but there are %llu sections",
			shstrndx, img->shnum);
	read_section(img, shstrndx, &shstrtab);
	if (shstrtab.type != SHT_STRTAB)
		elf_die(img,
			"section name table (section %llu) is not a string table (type %llu)",
			shstrndx, shstrtab.type);
}

/* Every section that occupies bytes of the file lies inside it. */
static void check_sections(const struct elf_image *img)
{
	struct elf_section sec;
	unsigned long long i;

	for (i = 1; i < img->shnum; i++) {
		read_section(img, i, &sec);
		if (sec.type == SHT_NULL || sec.type == SHT_NOBITS)
			continue;
		if (!in_file(img, sec.offset, sec.size))
			elf_die(img,
				"section %llu extends past the end of the file (offset 0x%llx, size 0x%llx, file size 0x%zx)",
				i, sec.offset, sec.size, img->size);
	}
}

/* The one SHT_SYMTAB section, with entries of this class's symbol size. */
static void find_symbol_table(const struct elf_image *img,
			      struct elf_section *symtab)
{
	const struct elf_class *c = img->class;
	unsigned long long i, found = 0;
	struct elf_section sec;

	for (i = 1; i < img->shnum; i++) {
		read_section(img, i, &sec);
		if (sec.type != SHT_SYMTAB)
			continue;
		if (found)
			elf_die(img, "two symbol tables (sections %llu and %llu)",
				found, i);
		found = i;
	}
	if (!found)
		elf_die(img, "no symbol table");
	read_section(img, found, symtab);
	if (symtab->entsize != c->sym_size)
		elf_die(img,
			"symbol table (section %llu): sh_entsize %llu, not the %u bytes of a %u-bit symbol",
			symtab->index, symtab->entsize, c->sym_size, c->bits);
	if (symtab->size % symtab->entsize)
		elf_die(img,
			"symbol table (section %llu): size 0x%llx is not a whole number of %llu-byte symbols",
			symtab->index, symtab->size, symtab->entsize);
}

/* The string table the symbol table links to, ending with a NUL byte. */
static void find_string_table(const struct elf_image *img,
			      const struct elf_section *symtab,
			      struct elf_section *strtab)
{
	if (symtab->link >= img->shnum)
		elf_die(img,
			"symbol table (section %llu): sh_link %llu is not a section (there are %llu)",
			symtab->index, symtab->link, img->shnum);
	read_section(img, symtab->link, strtab);
	if (strtab->type != SHT_STRTAB)
		elf_die(img,
			"symbol table (section %llu): sh_link %llu is not a string table (type %llu)",
			symtab->index, symtab->link, strtab->type);
	if (!strtab->size || img->data[strtab->offset + strtab->size - 1])
		elf_die(img,
			"string table (section %llu) does not end with a NUL byte",
			strtab->index);
}

/* The name of symbol @index; the string table is known to end with a NUL. */
static const char *symbol_name(const struct elf_image *img,
			       const struct elf_section *strtab,
			       unsigned long long index,
			       unsigned long long name)
{
	if (name >= strtab->size)
		elf_die(img,
			"symbol %llu: st_name 0x%llx lies outside the string table (section %llu, size 0x%llx)",
			index, name, strtab->index, strtab->size);
	return (const char *)img->data + strtab->offset + name;
}

/*
 * Call @fn for every named symbol of the image's .symtab, with its value
 * and size, and for a local symbol the source file name of the STT_FILE
 * symbol heading its group (NULL for global symbols): a copy per STT_FILE
 * symbol, which outlives the call, so that the symbols of one object (one
 * group) share the pointer even where several objects have sources of one
 * name.
 */
void kms_read_elf_symbols(const char *path,
			  void (*fn)(const char *name, unsigned long long addr,
				     unsigned long long size, const char *file))
{
	struct elf_section symtab, strtab;
	const struct elf_class *c;
	const char *file = NULL;
	struct elf_image img;
	unsigned long long i;

	map_image(&img, path);
	read_ident(&img);
	check_header(&img);
	find_section_headers(&img);
	check_sections(&img);
	find_symbol_table(&img, &symtab);
	find_string_table(&img, &symtab, &strtab);

	c = img.class;
	for (i = 0; i < symtab.size / symtab.entsize; i++) {
		const unsigned char *sym = img.data + symtab.offset +
					   i * symtab.entsize;
		unsigned long long name = get(&img, sym, c->st_name);
		unsigned int info = get(&img, sym, c->st_info);
		const char *s;

		if (!name)
			continue;
		s = symbol_name(&img, &strtab, i, name);
		if (ELF64_ST_TYPE(info) == STT_FILE) {
			file = xstrdup(s);
			continue;
		}
		fn(s, get(&img, sym, c->st_value), get(&img, sym, c->st_size),
		   ELF64_ST_BIND(info) == STB_LOCAL ? file : NULL);
	}
	munmap((void *)img.data, img.size);
}
