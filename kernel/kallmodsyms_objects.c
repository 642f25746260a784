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

static unsigned int kms_uleb128(unsigned int *pos)
{
	unsigned int val = 0, shift = 0;
	u8 byte;

	do {
		byte = kallmodsyms_name_byte(pos);
		val |= (unsigned int)(byte & 0x7f) << shift;
		shift += 7;
	} while (byte & 0x80);
	return val;
}

/*
 * Go through the object name at *@pos, writing it to @o if not NULL, and
 * leave *@pos after it.
 */
static void kms_object_pieces(struct kallmodsyms_out *o, unsigned int *pos)
{
	u8 h;

	do {
		unsigned int n;

		h = kallmodsyms_name_byte(pos);
		n = h & KMS_PIECE_COUNT;
		if ((h & KMS_PIECE_RAW) && !n) {
			n = kms_uleb128(pos);
			if (o)
				kallmodsyms_put_module(o, n);
			n = 0;
		}
		for (; n; n--) {
			u8 byte = kallmodsyms_name_byte(pos);

			if (o)
				kallmodsyms_put_token(o, byte, h & KMS_PIECE_RAW);
		}
		if (o && (h & KMS_PIECE_FOLLOW) == KMS_PIECE_SLASH)
			kallmodsyms_puts(o, "/");
	} while ((h & KMS_PIECE_FOLLOW) != KMS_PIECE_LAST);
}

/* Where the name of the object with tag number @tag starts. */
static unsigned int kms_object_name(struct kallmodsyms_cursor *c,
				    unsigned int tag)
{
	unsigned int pos, i;

	if (c->name_tag == tag)
		return c->name;
	/* From the index, or forward from the last name if that is nearer. */
	pos = kallmodsyms_object_index[tag / KMS_NAMES_PER_INDEX];
	i = tag % KMS_NAMES_PER_INDEX;
	if (c->name_tag < tag && tag - c->name_tag <= i) {
		pos = c->name;
		i = tag - c->name_tag;
	}
	for (; i; i--)
		kms_object_pieces(NULL, &pos);
	c->name_tag = tag;
	c->name = pos;
	return pos;
}

/* Write the trailing path of the object tag @tag stands for. */
void kallmodsyms_put_object(struct kallmodsyms_out *o,
			    struct kallmodsyms_cursor *c, unsigned int tag)
{
	unsigned int pos = kms_object_name(c, tag);

	kms_object_pieces(o, &pos);
	kallmodsyms_puts(o, ".o");
}
