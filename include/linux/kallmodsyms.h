/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Built-in module and object-file attribution of kernel symbols.
 *
 * A built-in symbol's modules are the tristate modules, configured =y,
 * whose object files hold its bytes: the modules it would belong to if
 * they were built as loadable modules.  Core-kernel code has none.
 */
#ifndef _LINUX_KALLMODSYMS_H
#define _LINUX_KALLMODSYMS_H

#include <linux/errno.h>
#include <linux/types.h>

#ifdef CONFIG_KALLMODSYMS
int kallmodsyms_lookup(unsigned long addr, unsigned long *size,
		       char *modules, size_t modules_size,
		       char *object, size_t object_size);
#else
static inline int kallmodsyms_lookup(unsigned long addr, unsigned long *size,
				     char *modules, size_t modules_size,
				     char *object, size_t object_size)
{
	return -ENOENT;
}
#endif

#endif /* _LINUX_KALLMODSYMS_H */
