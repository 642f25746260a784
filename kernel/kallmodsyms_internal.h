/* SPDX-License-Identifier: GPL-2.0 */
/* The tables scripts/kallsyms emits for kernel/kallmodsyms.c. */
#ifndef LINUX_KALLMODSYMS_INTERNAL_H_
#define LINUX_KALLMODSYMS_INTERNAL_H_

#include <linux/types.h>

extern const unsigned int kallmodsyms_num_runs;
extern const u8 kallmodsyms_runs[];
extern const unsigned int kallmodsyms_run_markers[];
extern const unsigned int kallmodsyms_num_modules;
extern const u8 kallmodsyms_strings[];
extern const u16 kallmodsyms_sets[];

extern const unsigned int kallmodsyms_size_markers[];
extern const u16 kallmodsyms_size_counts[];
extern const u8 kallmodsyms_size_letters[];
extern const u8 kallmodsyms_size_bits[];

struct kallmodsyms_cursor;

void kallmodsyms_size_cursor_init(struct kallmodsyms_cursor *c);
unsigned long kallmodsyms_cursor_size(struct kallmodsyms_cursor *c,
				      unsigned int idx, unsigned long addr);

#endif /* LINUX_KALLMODSYMS_INTERNAL_H_ */
