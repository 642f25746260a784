// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_runs.c: reading the run streams of the kallmodsyms tables.
 *
 * A run stream gives a value, or none, to each symbol in kallsyms order,
 * as runs: each the number of symbols with no value before it, the change
 * of value from the previous run, and its length, each a number of its own
 * Huffman code (see scripts/kallmodsyms_runs.c).  A number is a letter,
 * and for letters from KALLMODSYMS_CODE_SMALL on, extra low bits.  A
 * marker every KALLMODSYMS_RUNS_PER_MARKER runs allows decoding from any
 * symbol; a reader moving forward decodes each run once.
 */

#include <linux/math.h>
#include <linux/types.h>

#include "kallmodsyms_internal.h"

static u64 kms_read_number(const struct kallmodsyms_code *code,
			   const u8 *bits, unsigned int *pos)
{
	unsigned int letter = kallmodsyms_read_letter(code, bits, pos), b;

	if (letter < KALLMODSYMS_CODE_SMALL)
		return letter;
	b = letter - KALLMODSYMS_CODE_SMALL + KALLMODSYMS_CODE_SMALL_BITS;
	return 1ULL << b | kallmodsyms_read_bits(bits, pos, b);
}

/*
 * A number coded as the difference from a previous one, zigzag-coded (0,
 * 1, 2, 3, ... stand for 0, -1, 1, -2, ...): the difference, to be added.
 */
static unsigned int kms_read_delta(const struct kallmodsyms_code *code,
				   const u8 *bits, unsigned int *pos)
{
	u64 zz = kms_read_number(code, bits, pos);

	return zz & 1 ? -(unsigned int)(zz / 2) - 1 : (unsigned int)(zz / 2);
}

/* Decode the run after the cursor's. */
static void kms_next_run(const struct kallmodsyms_stream *s,
			 struct kallmodsyms_run_cursor *c)
{
	unsigned int gap, delta, len;

	gap = kms_read_number(&s->gap, s->bits, &c->bit);
	delta = kms_read_delta(&s->delta, s->bits, &c->bit);
	len = kms_read_number(&s->len, s->bits, &c->bit) + 1;

	c->from = c->end;
	c->start = c->end + gap;
	c->end = c->start + len;
	c->value += delta;
	c->run++;
}

/* The last marker whose first symbol is at or before @idx. */
static unsigned int kms_find_marker(const struct kallmodsyms_stream *s,
				    unsigned int idx)
{
	unsigned int lo = 0;
	unsigned int hi = DIV_ROUND_UP(*s->num_runs,
				       KALLMODSYMS_RUNS_PER_MARKER);

	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (s->markers[3 * mid] <= idx)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void kms_seek_marker(const struct kallmodsyms_stream *s,
			    struct kallmodsyms_run_cursor *c, unsigned int k)
{
	c->run = k * KALLMODSYMS_RUNS_PER_MARKER;
	c->end = s->markers[3 * k];
	c->bit = s->markers[3 * k + 1];
	c->value = s->markers[3 * k + 2];
	c->from = c->end;
	c->start = c->end;
	c->valid = true;
}

void kallmodsyms_run_cursor_init(struct kallmodsyms_run_cursor *c)
{
	c->valid = false;
}

/* The value of symbol @idx in stream @s, or -1 if it has none. */
int kallmodsyms_run_value(const struct kallmodsyms_stream *s,
			  struct kallmodsyms_run_cursor *c, unsigned int idx)
{
	unsigned int k;

	if (!*s->num_runs)
		return -1;
	if (c->valid && idx >= c->from && idx < c->end)
		return idx >= c->start ? c->value : -1;

	k = kms_find_marker(s, idx);
	if (!c->valid || idx < c->from ||
	    k * KALLMODSYMS_RUNS_PER_MARKER > c->run)
		kms_seek_marker(s, c, k);

	while (c->run < *s->num_runs) {
		kms_next_run(s, c);
		if (idx < c->end)
			return idx >= c->start ? c->value : -1;
	}
	return -1;
}
