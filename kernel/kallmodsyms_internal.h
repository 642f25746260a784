/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Between kernel/kallsyms.c and kernel/kallmodsyms*.c: the tables
 * scripts/kallsyms emits for /proc/kallmodsyms and the decoder's cursor.
 */
#ifndef LINUX_KALLMODSYMS_INTERNAL_H_
#define LINUX_KALLMODSYMS_INTERNAL_H_

#include <linux/kallmodsyms_format.h>
#include <linux/types.h>

struct seq_file;

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

/* Sizes */

extern const unsigned int kallmodsyms_size_markers[];
extern const u8 kallmodsyms_size_counts[];
extern const u8 kallmodsyms_size_letters[];
extern const u8 kallmodsyms_size_bits[];

/* Where a reader is in the size codes. */
struct kallmodsyms_size_cursor {
	unsigned int idx;	/* the symbol whose size code is next... */
	unsigned int bit;	/* ...at this bit offset */
	unsigned int last;	/* the symbol decoded last, of @size */
	unsigned long size;
};

void kallmodsyms_size_cursor_init(struct kallmodsyms_size_cursor *c);
unsigned long kallmodsyms_cursor_size(struct kallmodsyms_size_cursor *c,
				      unsigned int idx, unsigned long addr);
unsigned long kallmodsyms_symbol_size(unsigned int idx);

/* Run streams */

/* A run stream, as scripts/kallmodsyms_runs.c writes it. */
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

/* Where a reader is in one run stream. */
struct kallmodsyms_run_cursor {
	unsigned int run;	/* runs decoded */
	unsigned int bit;	/* bit offset of the next run */
	unsigned int from;	/* the last run's gap starts here, */
	unsigned int start;	/* the run itself here, */
	unsigned int end;	/* and it ends before here */
	unsigned int value;	/* its value */
	bool valid;
};

void kallmodsyms_run_cursor_init(struct kallmodsyms_run_cursor *c);
int kallmodsyms_run_value(const struct kallmodsyms_stream *s,
			  struct kallmodsyms_run_cursor *c, unsigned int idx);

/* Names */

extern const u8 kallmodsyms_names_counts[];
extern const u8 kallmodsyms_names_letters[];
extern const u8 kallmodsyms_names_bits[];

/* Where a reader is in one list of names: name @nr starts at bit @bit. */
struct kallmodsyms_names_cursor {
	unsigned int nr;	/* ~0U: nowhere yet */
	unsigned int bit;
};

/* Where names go: a seq_file, or a buffer of @size bytes. */
struct kallmodsyms_out {
	struct seq_file *m;
	char *buf;
	size_t size, len;
};

void kallmodsyms_putn(struct kallmodsyms_out *o, const char *s, size_t n);
void kallmodsyms_puts(struct kallmodsyms_out *o, const char *s);
void kallmodsyms_names_cursor_init(struct kallmodsyms_names_cursor *names);

/* Tags longer than this are written out on every line they are on. */
#define KALLMODSYMS_TEXT_LEN	128

/* Modules */

extern const unsigned int kallmodsyms_num_modules;
extern const u16 kallmodsyms_sets[];
extern const unsigned int kallmodsyms_module_index[];
KALLMODSYMS_STREAM_TABLES(kallmodsyms_modules);

struct kallmodsyms_modules_cursor {
	struct kallmodsyms_run_cursor runs;
	struct kallmodsyms_names_cursor names;
	unsigned int attr;	/* the attribution whose module tags... */
	bool fits;		/* ...fit in @text, and are there */
	char text[KALLMODSYMS_TEXT_LEN];
};

void kallmodsyms_put_module(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cursor *names,
			    unsigned int id);
void kallmodsyms_modules_cursor_init(struct kallmodsyms_modules_cursor *c);
bool kallmodsyms_show_modules(struct seq_file *m,
			      struct kallmodsyms_modules_cursor *c,
			      unsigned int idx);
int kallmodsyms_symbol_modules(unsigned int idx, char *buf, size_t size);

/* Object tags */

extern const unsigned int kallmodsyms_object_index[];
KALLMODSYMS_STREAM_TABLES(kallmodsyms_tags);

struct kallmodsyms_object_cursor {
	struct kallmodsyms_run_cursor runs;
	struct kallmodsyms_names_cursor names;
	int tag;		/* the tag whose text... */
	bool fits;		/* ...fits in @text, and is there */
	char text[KALLMODSYMS_TEXT_LEN / 2];
};

void kallmodsyms_put_object(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cursor *names,
			    unsigned int tag);
void kallmodsyms_object_cursor_init(struct kallmodsyms_object_cursor *c);
void kallmodsyms_show_object(struct seq_file *m,
			     struct kallmodsyms_object_cursor *c,
			     unsigned int idx, bool after_modules);
int kallmodsyms_symbol_object(unsigned int idx, char *buf, size_t size);

/* For kernel/kallsyms.c: a reader's place in every table. */
struct kallmodsyms_cursor {
	struct kallmodsyms_size_cursor size;
	struct kallmodsyms_modules_cursor modules;
	struct kallmodsyms_object_cursor object;
};

void kallmodsyms_cursor_init(struct kallmodsyms_cursor *c);
void kallmodsyms_show(struct seq_file *m, struct kallmodsyms_cursor *c,
		      long idx, unsigned long value, unsigned long size,
		      bool show_value, char type, const char *name,
		      const char *module_name);

#endif /* LINUX_KALLMODSYMS_INTERNAL_H_ */
