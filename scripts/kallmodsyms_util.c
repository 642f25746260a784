// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_util.c: line reading with positions, fatal errors that name
 * the file and line, growing arrays and the entries and hashes of hash
 * tables, shared by the kallmodsyms host tools.
 */

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
