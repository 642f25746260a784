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

#include <linux/types.h>

#include "kallmodsyms_internal.h"

static const struct kallmodsyms_stream kms_tags =
	KALLMODSYMS_STREAM(kallmodsyms_tags);

/* The tag number of symbol @idx, or -1 if it has none. */
int kallmodsyms_tag(struct kallmodsyms_run_cursor *c, unsigned int idx)
{
	return kallmodsyms_run_value(&kms_tags, c, idx);
}
