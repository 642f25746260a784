// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_code.c: reading the bit streams of the kallmodsyms tables.
 *
 * Streams are read MSB first.  A letter is coded with a canonical Huffman
 * code given as how many codes each length has and the letters in code
 * order (see scripts/kallmodsyms_code.c); a number is a letter, and for
 * letters from KMS_CODE_SMALL on, that many extra low bits.
 */

#include <linux/types.h>

#include "kallmodsyms_internal.h"

#define KMS_CODE_MAX_LEN	20
#define KMS_CODE_SMALL_BITS	4
#define KMS_CODE_SMALL		16	/* 1 << KMS_CODE_SMALL_BITS */

u64 kallmodsyms_read_bits(const u8 *bits, unsigned int *pos, unsigned int n)
{
	u64 val = 0;

	for (; n; n--, (*pos)++)
		val = val << 1 | (bits[*pos / 8] >> (7 - *pos % 8) & 1);
	return val;
}

/*
 * Codes of each length are consecutive numbers, the first of length l + 1
 * being (the last of length l, plus one) shifted left.
 */
unsigned int kallmodsyms_read_letter(const struct kallmodsyms_code *code,
				     const u8 *bits, unsigned int *pos)
{
	unsigned int len, val = 0, first = 0, index = 0;

	for (len = 1; len <= KMS_CODE_MAX_LEN; len++) {
		unsigned int count = code->counts[len - 1];

		val |= kallmodsyms_read_bits(bits, pos, 1);
		if (val - first < count)
			return code->letters[index + val - first];
		index += count;
		first = (first + count) << 1;
		val <<= 1;
	}
	return 0;	/* not a code scripts/kallsyms writes */
}

u64 kallmodsyms_read_number(const struct kallmodsyms_code *code,
			    const u8 *bits, unsigned int *pos)
{
	unsigned int letter = kallmodsyms_read_letter(code, bits, pos), b;

	if (letter < KMS_CODE_SMALL)
		return letter;
	b = letter - KMS_CODE_SMALL + KMS_CODE_SMALL_BITS;
	return 1ULL << b | kallmodsyms_read_bits(bits, pos, b);
}
