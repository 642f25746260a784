// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_names.c: module and object names for the kallmodsyms tables
 * (decoded by kernel/kallmodsyms_names.c).
 *
 * Module names, then the tagged objects' trailing paths (without ".o"),
 * each as its characters followed by KALLMODSYMS_NAME_END, all in one
 * canonical Huffman code built from the characters of these names (see
 * kallmodsyms_code.c).
 *
 *   kallmodsyms_module_index	u32 bit offset of every
 *   kallmodsyms_object_index	KALLMODSYMS_NAMES_PER_INDEX-th name
 *   kallmodsyms_names_counts,	the code
 *   kallmodsyms_names_letters
 *   kallmodsyms_names_bits	the names: module names, then object names
 */

#include <stdlib.h>

#include <xalloc.h>

#include "kallmodsyms.h"

void kms_names_add(struct kms_names *names, const char *name)
{
	names->name = xrealloc(names->name,
			       (names->nr + 1) * sizeof(*names->name));
	names->name[names->nr++] = xstrdup(name);
}

/*
 * Count the letters of @names into @code, or, with @bits, write them,
 * recording the bit offset of every KALLMODSYMS_NAMES_PER_INDEX-th name
 * in @index.
 */
static void code_names(struct kms_bits *bits, struct kms_code *code,
		       const struct kms_names *names,
		       unsigned long long *index)
{
	unsigned int i;
	const char *c;

	for (i = 0; i < names->nr; i++) {
		if (bits && i % KALLMODSYMS_NAMES_PER_INDEX == 0)
			index[i / KALLMODSYMS_NAMES_PER_INDEX] = bits->nr;
		for (c = names->name[i]; *c; c++)
			kms_code_letter(bits, code, (unsigned char)*c);
		kms_code_letter(bits, code, KALLMODSYMS_NAME_END);
	}
}

static void write_index(const struct kms_names *names,
			const unsigned long long *index, const char *label)
{
	unsigned int i;

	kms_label(label);
	for (i = 0; i * KALLMODSYMS_NAMES_PER_INDEX < names->nr; i++)
		printf("\t.long %llu\n", index[i]);
}

void kms_write_names(const struct kms_names *modules,
		     const struct kms_names *objects)
{
	struct kms_code *code = xcalloc(1, sizeof(*code));
	unsigned long long *mindex, *oindex;
	struct kms_bits bits = { 0 };
	unsigned long chars = 0;
	unsigned int i;

	code_names(NULL, code, modules, NULL);
	code_names(NULL, code, objects, NULL);
	for (i = 0; i < KMS_CODE_LETTERS; i++)
		if (i != KALLMODSYMS_NAME_END)
			chars += code->freq[i];
	kms_code_build(code);

	mindex = xcalloc(modules->nr / KALLMODSYMS_NAMES_PER_INDEX + 1,
			 sizeof(*mindex));
	oindex = xcalloc(objects->nr / KALLMODSYMS_NAMES_PER_INDEX + 1,
			 sizeof(*oindex));
	code_names(&bits, code, modules, mindex);
	code_names(&bits, code, objects, oindex);
	printf("/* names: %u module and %u object names, %lu characters, %llu bits */\n",
	       modules->nr, objects->nr, chars, bits.nr);

	write_index(modules, mindex, "kallmodsyms_module_index");
	write_index(objects, oindex, "kallmodsyms_object_index");
	kms_code_write(code, "kallmodsyms_names");
	kms_bits_write(&bits, "kallmodsyms_names_bits");
	free(bits.buf);
	free(mindex);
	free(oindex);
	free(code);
}
