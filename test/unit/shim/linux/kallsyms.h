/* SPDX-License-Identifier: GPL-2.0 */
#include <linux/types.h>
unsigned long kallsyms_sym_address(int idx);
