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

/* Tags longer than this are written out on every line they are on. */
#define KALLMODSYMS_TEXT_LEN	128

/* The modules of one attribution. */
struct kallmodsyms_set {
	unsigned int nr;
	unsigned int ids[KALLMODSYMS_MAX_MODULES];
};

/* Where a reader is in one list of names: name @nr starts at bit @bit. */
struct kallmodsyms_names_cursor {
	unsigned int nr;	/* ~0U: nowhere yet */
	unsigned int bit;
};

/* Where a reader is in one run stream of the tables. */
struct kallmodsyms_run_cursor {
	unsigned int run;	/* runs decoded */
	unsigned int bit;	/* bit offset of the next run */
	unsigned int from;	/* the last run's gap starts here, */
	unsigned int start;	/* the run itself here, */
	unsigned int end;	/* and it ends before here */
	unsigned int value;	/* its value */
	bool valid;
};

/* Where a reader is in the size codes. */
struct kallmodsyms_size_cursor {
	unsigned int idx;	/* the symbol whose size code is next... */
	unsigned int bit;	/* ...at this bit offset */
	unsigned int last;	/* the symbol decoded last, of @size */
	unsigned long size;
};

/* Decoding state kept between consecutive symbols of a sequential read. */
struct kallmodsyms_cursor {
	struct kallmodsyms_run_cursor mods, tags;
	unsigned int mods_attr;	/* the attribution whose module names... */
	bool mods_fit;		/* ...fit in @mods_text, and are there */
	char mods_text[KALLMODSYMS_TEXT_LEN];
	int obj_tag;		/* the same for an object tag */
	bool obj_fits;
	char obj_text[KALLMODSYMS_TEXT_LEN / 2];
	struct kallmodsyms_names_cursor mod_names, obj_names;
	struct kallmodsyms_size_cursor size;
};

/* For kernel/kallsyms.c. */
void kallmodsyms_cursor_init(struct kallmodsyms_cursor *c);
void kallmodsyms_show(struct seq_file *m, struct kallmodsyms_cursor *c,
		      long idx, unsigned long value, unsigned long size,
		      bool show_value, char type, const char *name,
		      const char *module_name);

/* Core kernel symbol @idx's modules, object-file tag and size. */
int kallmodsyms_symbol_modules(unsigned int idx, char *buf, size_t size);
int kallmodsyms_symbol_object(unsigned int idx, char *buf, size_t size);
unsigned long kallmodsyms_symbol_size(unsigned int idx);

extern const unsigned int kallmodsyms_num_modules;
extern const u16 kallmodsyms_sets[];
extern const u8 kallmodsyms_names_counts[];
extern const u8 kallmodsyms_names_letters[];
extern const u8 kallmodsyms_names_bits[];
extern const unsigned int kallmodsyms_module_index[];
extern const unsigned int kallmodsyms_object_index[];

/* The indexes give where every KALLMODSYMS_NAMES_PER_INDEX-th name starts. */

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
void kallmodsyms_names_cursor_init(struct kallmodsyms_names_cursor *names);
void kallmodsyms_put_module(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cursor *names,
			    unsigned int id);
void kallmodsyms_put_object(struct kallmodsyms_out *o,
			    struct kallmodsyms_names_cursor *names,
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
