// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_objects.c: the object-file tags of built-in kernel symbols.
 *
 * Where symbols share a name and module set, scripts/kallsyms tags their
 * objects with the shortest trailing path that tells them apart, and all
 * symbols of a tagged object carry the tag.  Its tables (see
 * scripts/kallmodsyms_objects.c) are a run stream of the tagged objects'
 * numbers (see kallmodsyms_code.c) and the objects' names as pieces of
 * kallsyms tokens, characters and references to module names.
 */

#include <linux/kallmodsyms.h>
#include <linux/kallsyms.h>
#include <linux/types.h>

#include "kallsyms_internal.h"
#include "kallmodsyms_internal.h"

#define KMS_OBJECTS_PER_INDEX	16

#define KMS_PIECE_FOLLOW	0xc0
#define KMS_PIECE_LAST		0x00
#define KMS_PIECE_SLASH		0x40
#define KMS_PIECE_RAW		0x20
#define KMS_PIECE_COUNT		0x1f

static const struct kallmodsyms_stream kms_tags =
	KALLMODSYMS_STREAM(kallmodsyms_tags);

/* The tag number of symbol @idx, or -1 if it has none. */
int kallmodsyms_tag(struct kallmodsyms_cursor *c, unsigned int idx)
{
	return kallmodsyms_run_value(&kms_tags, &c->tags, idx);
}

static unsigned int kms_uleb128(const u8 **p)
{
	unsigned int val = 0, shift = 0;
	u8 byte;

	do {
		byte = *(*p)++;
		val |= (unsigned int)(byte & 0x7f) << shift;
		shift += 7;
	} while (byte & 0x80);
	return val;
}

static const u8 *kms_skip_object(const u8 *p)
{
	u8 h;

	do {
		h = *p++;
		if ((h & KMS_PIECE_RAW) && !(h & KMS_PIECE_COUNT))
			kms_uleb128(&p);	/* a module id */
		else
			p += h & KMS_PIECE_COUNT;
	} while ((h & KMS_PIECE_FOLLOW) != KMS_PIECE_LAST);
	return p;
}

static const u8 *kms_object_name(struct kallmodsyms_cursor *c,
				 unsigned int tag)
{
	const u8 *p;
	unsigned int i;

	if (c->name_tag == tag)
		return c->name;
	p = kallmodsyms_objects +
	    kallmodsyms_object_index[tag / KMS_OBJECTS_PER_INDEX];
	for (i = tag % KMS_OBJECTS_PER_INDEX; i; i--)
		p = kms_skip_object(p);
	c->name_tag = tag;
	c->name = p;
	return p;
}

/* Write the trailing path of the object tag @tag stands for. */
void kallmodsyms_put_object(struct kallmodsyms_out *o,
			    struct kallmodsyms_cursor *c, unsigned int tag)
{
	const u8 *p = kms_object_name(c, tag);
	char s[2] = "";
	u8 h;

	do {
		unsigned int n;

		h = *p++;
		n = h & KMS_PIECE_COUNT;
		if ((h & KMS_PIECE_RAW) && !n)
			kallmodsyms_put_module(o, kms_uleb128(&p));
		for (; n; n--, p++) {
			if (h & KMS_PIECE_RAW)
				s[0] = *p;
			kallmodsyms_puts(o, h & KMS_PIECE_RAW ? s :
					 &kallsyms_token_table[kallsyms_token_index[*p]]);
		}
		if ((h & KMS_PIECE_FOLLOW) == KMS_PIECE_SLASH)
			kallmodsyms_puts(o, "/");
	} while ((h & KMS_PIECE_FOLLOW) != KMS_PIECE_LAST);
	kallmodsyms_puts(o, ".o");
}
