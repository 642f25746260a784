/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-ins for what kernel/kallmodsyms.c uses, for unit tests. */
#ifndef SHIM_LINUX_TYPES_H
#define SHIM_LINUX_TYPES_H
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define min_t(t, a, b)		((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#endif
