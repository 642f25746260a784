// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_elf.c: the symbol sizes of a linked kernel image, read from
 * its ELF symbol table (32 or 64 bit, either byte order).
 */

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xalloc.h>

#include "kallmodsyms.h"

struct elf_file {
	const char *path;
	const unsigned char *data;
	size_t size;
	bool is64, msb;
};

static unsigned long long get(const struct elf_file *e, const void *p,
			      unsigned int bytes)
{
	const unsigned char *b = p;
	unsigned long long v = 0;
	unsigned int i;

	for (i = 0; i < bytes; i++)
		v |= (unsigned long long)b[e->msb ? bytes - 1 - i : i] << (8 * i);
	return v;
}

#define FIELD(e, p, type, field)					\
	((e)->is64 ? get(e, &((const Elf64_##type *)(p))->field,	\
			 sizeof(((Elf64_##type *)0)->field)) :		\
		     get(e, &((const Elf32_##type *)(p))->field,	\
			 sizeof(((Elf32_##type *)0)->field)))

static const void *at(const struct elf_file *e, unsigned long long off,
		      unsigned long long len)
{
	if (off > e->size || len > e->size - off)
		kms_die("%s: corrupt ELF file: %llu bytes at offset %llu lie past its end",
			e->path, len, off);
	return e->data + off;
}

static void open_elf(struct elf_file *e, const char *path)
{
	const unsigned char *id;
	struct stat st;
	int fd;

	e->path = path;
	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st))
		kms_die("%s: cannot open: %s", path, strerror(errno));
	e->size = st.st_size;
	e->data = mmap(NULL, e->size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (e->data == MAP_FAILED)
		kms_die("%s: cannot map: %s", path, strerror(errno));
	close(fd);

	id = at(e, 0, EI_NIDENT);
	if (memcmp(id, ELFMAG, SELFMAG))
		kms_die("%s: not an ELF file", path);
	e->is64 = id[EI_CLASS] == ELFCLASS64;
	e->msb = id[EI_DATA] == ELFDATA2MSB;
}

/*
 * Call @fn for every named symbol of the image's .symtab, with its value
 * and size, and for a local symbol the source file name of the STT_FILE
 * symbol heading its group (NULL for global symbols).
 */
void kms_read_elf_symbols(const char *path,
			  void (*fn)(const char *name, unsigned long long addr,
				     unsigned long long size, const char *file))
{
	const char *file = NULL;
	unsigned long long shoff, shentsize, shnum, i, symoff, symsize, entsize;
	unsigned long long stroff = 0, strsize = 0, link;
	const void *ehdr, *sh, *sym;
	struct elf_file e;

	open_elf(&e, path);
	ehdr = at(&e, 0, e.is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr));
	shoff = FIELD(&e, ehdr, Ehdr, e_shoff);
	shentsize = FIELD(&e, ehdr, Ehdr, e_shentsize);
	shnum = FIELD(&e, ehdr, Ehdr, e_shnum);

	for (i = 0; i < shnum; i++) {
		sh = at(&e, shoff + i * shentsize, shentsize);
		if (FIELD(&e, sh, Shdr, sh_type) == SHT_SYMTAB)
			break;
	}
	if (i == shnum)
		kms_die("%s: no symbol table", path);
	symoff = FIELD(&e, sh, Shdr, sh_offset);
	symsize = FIELD(&e, sh, Shdr, sh_size);
	entsize = FIELD(&e, sh, Shdr, sh_entsize);
	link = FIELD(&e, sh, Shdr, sh_link);
	if (!entsize || link >= shnum)
		kms_die("%s: corrupt symbol table header", path);
	sh = at(&e, shoff + link * shentsize, shentsize);
	stroff = FIELD(&e, sh, Shdr, sh_offset);
	strsize = FIELD(&e, sh, Shdr, sh_size);
	at(&e, stroff, strsize);
	at(&e, symoff, symsize);

	for (i = 0; i + entsize <= symsize; i += entsize) {
		unsigned long long name, info;

		sym = e.data + symoff + i;
		name = FIELD(&e, sym, Sym, st_name);
		if (!name)
			continue;
		if (name >= strsize || !memchr(e.data + stroff + name, '\0',
					       strsize - name))
			kms_die("%s: corrupt symbol name at symbol %llu", path,
				i / entsize);
		info = FIELD(&e, sym, Sym, st_info);
		if (ELF64_ST_TYPE(info) == STT_FILE) {
			file = (const char *)e.data + stroff + name;
			continue;
		}
		fn((const char *)e.data + stroff + name,
		   FIELD(&e, sym, Sym, st_value), FIELD(&e, sym, Sym, st_size),
		   ELF64_ST_BIND(info) == STB_LOCAL ? file : NULL);
	}
	munmap((void *)e.data, e.size);
}
