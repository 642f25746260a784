/* SPDX-License-Identifier: GPL-2.0 */
/* The tables scripts/kallsyms emits for kernel/kallmodsyms.c. */
#ifndef LINUX_KALLMODSYMS_INTERNAL_H_
#define LINUX_KALLMODSYMS_INTERNAL_H_

#include <linux/types.h>

struct kallmodsyms_cursor;
struct kallmodsyms_names_cache;
struct kallmodsyms_run_cursor;
struct kallmodsyms_size_cursor;
struct seq_file;

extern const unsigned int kallmodsyms_num_modules;
extern const u16 kallmodsyms_sets[];
extern const u8 kallmodsyms_names_counts[];
extern const u8 kallmodsyms_names_letters[];
extern const u8 kallmodsyms_names_copy_len_counts[];
extern const u8 kallmodsyms_names_copy_len_letters[];
extern const u8 kallmodsyms_names_copy_sym_counts[];
extern const u8 kallmodsyms_names_copy_sym_letters[];
extern const u8 kallmodsyms_names_bits[];
extern const unsigned int kallmodsyms_module_index[];
extern const unsigned int kallmodsyms_object_index[];

/* The indexes give where every KMS_NAMES_PER_INDEX-th name starts. */
#define KMS_NAMES_PER_INDEX	32

/*
 * A canonical Huffman code, as scripts/kallmodsyms_code.c writes it:
 * @counts is the longest code's length L, then how many codes each length
 * 1..L has; @letters are the letters in code order.
 */
struct kallmodsyms_code {
	const u8 *counts;
	const u8 *letters;
};

u64 kallmodsyms_read_bits(const u8 *bits, unsigned int *pos, unsigned int n);
unsigned int kallmodsyms_read_letter(const struct kallmodsyms_code *code,
				     const u8 *bits, unsigned int *pos);
u64 kallmodsyms_read_number(const struct kallmodsyms_code *code,
			    const u8 *bits, unsigned int *pos);
unsigned int kallmodsyms_read_delta(const struct kallmodsyms_code *code,
				    const u8 *bits, unsigned int *pos);

/* A run stream, as scripts/kallmodsyms_code.c writes it. */
struct kallmodsyms_stream {
	const unsigned int *num_runs;
	const unsigned int *markers;
	struct kallmodsyms_code gap, delta, len;
	const u8 *bits;
};

#define KALLMODSYMS_STREAM(name) {					\
	.num_runs = &name##_num_runs,					\
	.markers = name##_markers,					\
	.gap = { name##_gap_counts, name##_gap_letters },		\
	.delta = { name##_delta_counts, name##_delta_letters },		\
	.len = { name##_len_counts, name##_len_letters },		\
	.bits = name##_bits,						\
}

#define KALLMODSYMS_STREAM_TABLES(name)					\
	extern const unsigned int name##_num_runs;			\
	extern const unsigned int name##_markers[];			\
	extern const u8 name##_gap_counts[], name##_gap_letters[];	\
	extern const u8 name##_delta_counts[], name##_delta_letters[];	\
	extern const u8 name##_len_counts[], name##_len_letters[];	\
	extern const u8 name##_bits[]

void kallmodsyms_run_cursor_init(struct kallmodsyms_run_cursor *c);
int kallmodsyms_run_value(const struct kallmodsyms_stream *s,
			  struct kallmodsyms_run_cursor *c, unsigned int idx);

KALLMODSYMS_STREAM_TABLES(kallmodsyms_modules);
KALLMODSYMS_STREAM_TABLES(kallmodsyms_tags);

/* Where names go: a seq_file, or a buffer of @size bytes. */
struct kallmodsyms_out {
	struct seq_file *m;
	char *buf;
	size_t size, len;
};

void kallmodsyms_putn(struct kallmodsyms_out *o, const char *s, size_t n);
void kallmodsyms_puts(struct kallmodsyms_out *o, const char *s);
void kallmodsyms_names_cache_init(struct kallmodsyms_names_cache *cache);
void kallmodsyms_put_module(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cache *cache,
			    unsigned int id);
void kallmodsyms_put_object(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cache *cache,
			    unsigned int tag);

int kallmodsyms_tag(struct kallmodsyms_run_cursor *c, unsigned int idx);

extern const unsigned int kallmodsyms_size_markers[];
extern const u8 kallmodsyms_size_counts[];
extern const u8 kallmodsyms_size_letters[];
extern const u8 kallmodsyms_size_bits[];

void kallmodsyms_size_cursor_init(struct kallmodsyms_size_cursor *c);
unsigned long kallmodsyms_cursor_size(struct kallmodsyms_size_cursor *c,
				      unsigned int idx, unsigned long addr);

#endif /* LINUX_KALLMODSYMS_INTERNAL_H_ */
