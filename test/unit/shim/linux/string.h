/* SPDX-License-Identifier: GPL-2.0 */
#ifndef SHIM_LINUX_STRING_H
#define SHIM_LINUX_STRING_H
#include <linux/types.h>

static inline size_t strlcat(char *dst, const char *src, size_t size)
{
	size_t d = strnlen(dst, size), s = strlen(src);

	if (d < size) {
		size_t n = s < size - d - 1 ? s : size - d - 1;

		memcpy(dst + d, src, n);
		dst[d + n] = '\0';
	}
	return d + s;
}
#endif
