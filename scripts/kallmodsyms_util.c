// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_util.c: line reading with positions, fatal errors that name
 * the file and line, checks of module and object names, growing arrays and
 * the entries and hashes of hash tables, shared by the kallmodsyms host
 * tools.
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xalloc.h>

#include "kallmodsyms.h"

void kms_print_position(const struct kms_reader *r)
{
	fprintf(stderr, "%s:%u: ", r->file, r->lineno);
}

void kms_reader_open(struct kms_reader *r, const char *file)
{
	memset(r, 0, sizeof(*r));
	r->file = file;
	r->fp = fopen(file, "r");
	if (!r->fp)
		kms_die("%s: cannot open: %s", file, strerror(errno));
}

/*
 * Return the next line without its newline, or NULL at the end of the file.
 * A last line without a newline means the file was cut short: fatal.
 */
char *kms_reader_line(struct kms_reader *r)
{
	ssize_t len;

	errno = 0;
	len = getline(&r->buf, &r->size, r->fp);
	if (len < 0) {
		if (errno)
			kms_fatal(r, "read error: %s", strerror(errno));
		return NULL;
	}
	r->lineno++;
	if (r->buf[len - 1] != '\n')
		kms_fatal(r, "truncated: last line has no newline");
	r->buf[len - 1] = '\0';
	if (memchr(r->buf, '\0', len - 1))
		kms_fatal(r, "NUL byte in a text file");
	return r->buf;
}

void kms_reader_close(struct kms_reader *r)
{
	fclose(r->fp);
	free(r->buf);
	r->buf = NULL;
}

/*
 * Module paths and object names are listed separated by spaces, and shown
 * in /proc/kallmodsyms: fatal at @r's line unless the @len bytes at @name,
 * a @what, are printable characters other than space.
 */
void kms_check_printable(const struct kms_reader *r, const char *what,
			 const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!isgraph((unsigned char)name[i]))
			kms_fatal(r, "%s has a blank or unprintable character, 0x%02x, at byte %zu",
				  what, (unsigned char)name[i], i + 1);
}

/* "kernel/<dir>/<name>.ko", as modules.builtin lists a module, or fatal. */
void kms_check_module_path(const struct kms_reader *r, const char *path)
{
	size_t len = strlen(path);

	kms_check_printable(r, "module path", path, len);
	if (len <= strlen("kernel/.ko") || strncmp(path, "kernel/", 7) ||
	    strcmp(path + len - 3, ".ko") || path[len - 4] == '/')
		kms_fatal(r, "'%s' is not of the form kernel/<path>.ko", path);
}

/* "<dir>/<name>.o", an object file with a name, or fatal. */
void kms_check_object_name(const struct kms_reader *r, const char *path)
{
	size_t len = strlen(path);

	kms_check_printable(r, "object file name", path, len);
	if (len < 3 || strcmp(path + len - 2, ".o") || path[len - 3] == '/')
		kms_fatal(r, "'%s' is not an object file name", path);
}

/*
 * @array, of *@alloc elements of @size bytes, with room for element @nr:
 * grown to twice as many when full.
 */
void *kms_grow(void *array, unsigned int nr, unsigned int *alloc, size_t size)
{
	if (nr < *alloc)
		return array;
	*alloc = *alloc ? 2 * *alloc : 64;
	return xrealloc(array, *alloc * size);
}

/* A hash table entry holding @id, the index of an array element. */
struct hlist_node *kms_id_node(unsigned int id)
{
	struct kms_id_entry *e = xmalloc(sizeof(*e));

	e->id = id;
	return &e->node;
}

/* FNV-1a, as hash_str() computes it, over @n bytes from @hash on. */
unsigned int kms_hash_bytes(unsigned int hash, const void *key, size_t n)
{
	const unsigned char *p = key;

	while (n--)
		hash = (hash ^ *p++) * 0x01000193;
	return hash;
}
