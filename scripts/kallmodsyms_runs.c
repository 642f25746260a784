// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_runs.c: run streams of the kallmodsyms tables (decoded by
 * kernel/kallmodsyms_runs.c).
 *
 * A value per symbol, in kallsyms order, or none (-1), where equal values
 * come in runs: each run of a value is coded as three numbers, each with
 * its own code:
 *
 *   gap	symbols with no value between the previous run and this one
 *   delta	its value minus the previous run's, zigzag-coded (0, -1, 1,
 *		-2, ... as 0, 1, 2, 3, ...); values are numbered so that it
 *		is mostly small
 *   len	symbols in the run, minus one
 *
 *   <name>_num_runs		u32 runs
 *   <name>_markers		every KALLMODSYMS_RUNS_PER_MARKER runs,
 *				u32 each: the symbol index the run's gap
 *				starts at, the run's bit offset, the
 *				previous run's value (~0U for none)
 *   <name>_gap_counts, ...	the three codes
 *   <name>_bits		the runs
 *
 * A number is coded as a letter and extra bits: values under
 * KALLMODSYMS_CODE_SMALL are their own letter; a larger value of b
 * significant bits is letter KALLMODSYMS_CODE_SMALL + b -
 * KALLMODSYMS_CODE_SMALL_BITS - 1, followed by its b - 1 low bits.
 */

#include <stdlib.h>

#include <xalloc.h>

#include "kallmodsyms.h"

/* The letter for @val, and how many of its low bits follow it. */
static unsigned int kms_code_number(unsigned long long val,
				    unsigned int *extra)
{
	unsigned int b = 0;

	*extra = 0;
	if (val < KALLMODSYMS_CODE_SMALL)
		return val;
	while (b < 64 && val >> b)
		b++;
	*extra = b - 1;
	return KALLMODSYMS_CODE_SMALL + b - KALLMODSYMS_CODE_SMALL_BITS - 1;
}

/* Count a number's letter, or code the number: letter and extra bits. */
static void kms_code_count_number(struct kms_code *h, unsigned long long val)
{
	unsigned int extra;

	h->freq[kms_code_number(val, &extra)]++;
}

static void kms_code_put_number(struct kms_bits *b, const struct kms_code *h,
				unsigned long long val)
{
	unsigned int extra, letter = kms_code_number(val, &extra);

	kms_code_put(b, h, letter);
	kms_bits_put(b, val, extra);
}

/* Count @val into @h, or, with @b, code it. */
static void kms_code_value(struct kms_bits *b, struct kms_code *h,
			   unsigned long long val)
{
	if (b)
		kms_code_put_number(b, h, val);
	else
		kms_code_count_number(h, val);
}

struct kms_run {
	unsigned int gap, value, len;
};

/* @value - @prev, zigzag-coded: 0, -1, 1, -2, ... as 0, 1, 2, 3, ... */
static unsigned int kms_zigzag(unsigned int value, unsigned int prev)
{
	int d = (int)value - (int)prev;

	return d >= 0 ? 2 * d : -2 * d - 1;
}

static struct kms_run *find_runs(const int *value, unsigned int n,
				 unsigned int *nr_runs)
{
	struct kms_run *runs = xcalloc(n + 1, sizeof(*runs));
	unsigned int i, j, end = 0;

	*nr_runs = 0;
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && value[j] == value[i]; j++)
			;
		if (value[i] < 0)
			continue;
		runs[*nr_runs].gap = i - end;
		runs[*nr_runs].value = value[i];
		runs[*nr_runs].len = j - i;
		(*nr_runs)++;
		end = j;
	}
	return runs;
}

/* Count run @r into its three codes, or, with @b, code it. */
static void code_run(struct kms_bits *b, struct kms_code *code,
		     const struct kms_run *r, unsigned int prev)
{
	kms_code_value(b, &code[0], r->gap);
	kms_code_value(b, &code[1], kms_zigzag(r->value, prev));
	kms_code_value(b, &code[2], r->len - 1);
}

void kms_write_run_stream(const int *value, unsigned int n, const char *name)
{
	struct kms_code *code = xcalloc(3, sizeof(*code));
	struct kms_code *gap = code, *delta = code + 1, *len = code + 2;
	unsigned int i, nr, prev = ~0U, end = 0;
	struct kms_run *runs = find_runs(value, n, &nr);
	struct kms_bits bits = { 0 };
	char label[128];

	for (i = 0; i < nr; i++) {
		code_run(NULL, code, &runs[i], prev);
		prev = runs[i].value;
	}
	kms_code_build(gap);
	kms_code_build(delta);
	kms_code_build(len);

	snprintf(label, sizeof(label), "%s_num_runs", name);
	kms_label(label);
	printf("\t.long %u\n", nr);
	snprintf(label, sizeof(label), "%s_markers", name);
	kms_label(label);
	for (i = 0, prev = ~0U; i < nr; i++) {
		if (i % KALLMODSYMS_RUNS_PER_MARKER == 0)
			printf("\t.long %u, %llu, %u\n", end, bits.nr, prev);
		code_run(&bits, code, &runs[i], prev);
		end += runs[i].gap + runs[i].len;
		prev = runs[i].value;
	}
	snprintf(label, sizeof(label), "%s_gap", name);
	kms_code_write(gap, label);
	snprintf(label, sizeof(label), "%s_delta", name);
	kms_code_write(delta, label);
	snprintf(label, sizeof(label), "%s_len", name);
	kms_code_write(len, label);
	snprintf(label, sizeof(label), "%s_bits", name);
	kms_bits_write(&bits, label);
	free(bits.buf);
	free(runs);
	free(code);
}
