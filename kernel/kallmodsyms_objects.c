// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_objects.c: the object-file tags of built-in kernel symbols.
 *
 * Where symbols share a name and module set, scripts/kallsyms tags their
 * objects with the shortest trailing path that tells them apart, and all
 * symbols of a tagged object carry the tag.  Its tables (see
 * scripts/kallmodsyms_objects.c) are the runs of symbols of tagged objects,
 * each coded as three numbers: the untagged symbols before it, the change
 * in object number, and its length; a marker every KMS_TAG_RUNS_PER_MARKER
 * runs to start decoding from; and the objects' names as pieces of
 * kallsyms tokens, characters and references to module names.
 */

#include <linux/kallmodsyms.h>
#include <linux/kallsyms.h>
#include <linux/types.h>

#include "kallsyms_internal.h"
#include "kallmodsyms_internal.h"

#define KMS_TAG_RUNS_PER_MARKER	64
#define KMS_OBJECTS_PER_INDEX	16

#define KMS_PIECE_FOLLOW	0xc0
#define KMS_PIECE_LAST		0x00
#define KMS_PIECE_SLASH		0x40
#define KMS_PIECE_RAW		0x20
#define KMS_PIECE_COUNT		0x1f

static const struct kallmodsyms_code kms_tag_gap = {
	kallmodsyms_tag_gap_counts, kallmodsyms_tag_gap_letters
};

static const struct kallmodsyms_code kms_tag_delta = {
	kallmodsyms_tag_delta_counts, kallmodsyms_tag_delta_letters
};

static const struct kallmodsyms_code kms_tag_len = {
	kallmodsyms_tag_len_counts, kallmodsyms_tag_len_letters
};

void kallmodsyms_tag_cursor_init(struct kallmodsyms_cursor *c)
{
	c->tag_run = 0;
	c->tag_bit = 0;
	c->tag_from = 0;
	c->tag_start = 0;
	c->tag_end = 0;
	c->tag = ~0U;
	c->tag_valid = false;
	c->name_tag = ~0U;
}

/* Decode the run after the cursor's. */
static void kms_next_tag_run(struct kallmodsyms_cursor *c)
{
	const u8 *bits = kallmodsyms_tag_bits;
	unsigned int gap, zz, len;

	gap = kallmodsyms_read_number(&kms_tag_gap, bits, &c->tag_bit);
	zz = kallmodsyms_read_number(&kms_tag_delta, bits, &c->tag_bit);
	len = kallmodsyms_read_number(&kms_tag_len, bits, &c->tag_bit) + 1;

	c->tag_from = c->tag_end;
	c->tag_start = c->tag_end + gap;
	c->tag_end = c->tag_start + len;
	/* zigzag: 0, 1, 2, 3, ... stand for 0, -1, 1, -2, ... */
	c->tag += zz & 1 ? -((zz + 1) / 2) : zz / 2;
	c->tag_run++;
}

/* The last marker whose first symbol is at or before @idx. */
static unsigned int kms_find_tag_marker(unsigned int idx)
{
	unsigned int lo = 0;
	unsigned int hi = DIV_ROUND_UP(kallmodsyms_num_tag_runs,
				       KMS_TAG_RUNS_PER_MARKER);

	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (kallmodsyms_tag_markers[3 * mid] <= idx)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void kms_seek_tag_marker(struct kallmodsyms_cursor *c, unsigned int k)
{
	c->tag_run = k * KMS_TAG_RUNS_PER_MARKER;
	c->tag_end = kallmodsyms_tag_markers[3 * k];
	c->tag_bit = kallmodsyms_tag_markers[3 * k + 1];
	c->tag = kallmodsyms_tag_markers[3 * k + 2];
	c->tag_from = c->tag_end;
	c->tag_start = c->tag_end;
	c->tag_valid = true;
}

/*
 * The tag number of symbol @idx, or -1 if it has none.  A reader moving
 * forward decodes only the runs it passes, up to the next marker.
 */
int kallmodsyms_tag(struct kallmodsyms_cursor *c, unsigned int idx)
{
	unsigned int k;

	if (!kallmodsyms_num_tag_runs)
		return -1;
	if (c->tag_valid && idx >= c->tag_from && idx < c->tag_end)
		return idx >= c->tag_start ? c->tag : -1;

	k = kms_find_tag_marker(idx);
	if (!c->tag_valid || idx < c->tag_from ||
	    k * KMS_TAG_RUNS_PER_MARKER > c->tag_run)
		kms_seek_tag_marker(c, k);

	while (c->tag_run < kallmodsyms_num_tag_runs) {
		kms_next_tag_run(c);
		if (idx < c->tag_end)
			return idx >= c->tag_start ? c->tag : -1;
	}
	return -1;
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
