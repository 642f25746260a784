// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_objects.c: the object-file tags of built-in kernel symbols.
 *
 * Where symbols share a name and module set, scripts/kallsyms tags their
 * objects with the shortest trailing path that tells them apart, and all
 * symbols of a tagged object carry the tag.  Its tables (see
 * scripts/kallmodsyms_objects.c) are a run stream of the tagged objects'
 * numbers (see kallmodsyms_code.c) and the objects' names (see
 * kallmodsyms_names.c).
 */

#include <linux/kallmodsyms.h>
#include <linux/kallsyms.h>
#include <linux/types.h>

#include "kallsyms_internal.h"
#include "kallmodsyms_internal.h"

static const struct kallmodsyms_stream kms_tags =
	KALLMODSYMS_STREAM(kallmodsyms_tags);

/* The tag number of symbol @idx, or -1 if it has none. */
int kallmodsyms_tag(struct kallmodsyms_cursor *c, unsigned int idx)
{
	return kallmodsyms_run_value(&kms_tags, &c->tags, idx);
}

/*
 * Where the name of the object with tag number @tag starts: from the
 * index, or forward from the last name if that is nearer.
 */
static struct kallmodsyms_name kms_object_name(struct kallmodsyms_cursor *c,
					       unsigned int tag)
{
	unsigned int i = tag % KMS_NAMES_PER_INDEX;

	if (c->name_tag == tag)
		return c->name;
	if (c->name_tag < tag && tag - c->name_tag <= i) {
		for (i = tag - c->name_tag; i; i--)
			kallmodsyms_put_name(NULL, &c->name);
	} else {
		kallmodsyms_name_seek(&c->name, kallmodsyms_object_index, tag);
	}
	c->name_tag = tag;
	return c->name;
}

/* Write the trailing path of the object tag @tag stands for. */
void kallmodsyms_put_object(struct kallmodsyms_out *o,
			    struct kallmodsyms_cursor *c, unsigned int tag)
{
	struct kallmodsyms_name pos = kms_object_name(c, tag);

	kallmodsyms_put_name(o, &pos);
	kallmodsyms_puts(o, ".o");
}
