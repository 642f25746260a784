// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_code.c: reading the bit streams of the kallmodsyms tables.
 *
 * Streams are read MSB first.  A letter is coded with a canonical Huffman
 * code given as how many codes each length has and the letters in code
 * order (see scripts/kallmodsyms_code.c).
 */

#include <linux/types.h>

#include "kallmodsyms_internal.h"

u64 kallmodsyms_read_bits(const u8 *bits, unsigned int *pos, unsigned int n)
{
	u64 val = 0;

	for (; n; n--, (*pos)++)
		val = val << 1 | (bits[*pos / 8] >> (7 - *pos % 8) & 1);
	return val;
}

/*
 * Codes of each length are consecutive numbers, the first of length l + 1
 * being (the last of length l, plus one) shifted left.  The next
 * KALLMODSYMS_CODE_MAX_LEN bits are read at once (the tables end with
 * padding for that), then matched against each length in turn.
 */
unsigned int kallmodsyms_read_letter(const struct kallmodsyms_code *code,
				     const u8 *bits, unsigned int *pos)
{
	const u8 *p = bits + *pos / 8;
	u32 window = ((p[0] << 16 | p[1] << 8 | p[2]) << (*pos % 8) >> 8) &
		     0xffff;
	unsigned int len, first = 0, index = 0;

	for (len = 1; len <= code->counts[0]; len++) {
		unsigned int count = code->counts[len];
		unsigned int val = window >> (KALLMODSYMS_CODE_MAX_LEN - len);

		if (val - first < count) {
			*pos += len;
			return code->letters[index + val - first];
		}
		index += count;
		first = (first + count) << 1;
	}
	return 0;	/* not a code scripts/kallsyms writes */
}
