// SPDX-License-Identifier: GPL-2.0
/*
 * check-owners: every built-in symbol's module set against the object files
 * that define a symbol of that name.
 *
 * Usage: check-owners objdir owners kallmodsyms modules
 *
 * "owners" is `nm -A --defined-only` over the objects linked into vmlinux:
 * "path.o:address type name".  The module set of an object comes from the
 * KBUILD_MODFILE kbuild recorded in its .cmd file (objdir/dir/.name.o.cmd),
 * kept where modules.builtin lists the module; this is read here afresh,
 * without the linker map and without modules_thick.builtin, so it checks
 * the address-based attribution by another route and covers what the
 * upstream oracle skips (per-CPU data, merged constant pools, every core
 * kernel symbol).
 *
 * For each core-kernel line of kallmodsyms: if no object defines the name
 * (linker-made or linker-script symbols), the set must be empty; if the
 * objects that define it agree on one set, the line must carry it; if they
 * disagree (a static name used in several objects), the line must carry
 * one of their sets.  Exits 1 on any mismatch.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

int main(int argc, char **argv)
{
	unsigned long checked = 0, unique = 0, ambiguous = 0, unowned = 0;
	unsigned long tagged = 0, bad = 0;
	char line[2048];
	FILE *fp;

	if (argc != 5) {
		fprintf(stderr, "Usage: check-owners objdir owners kallmodsyms modules\n");
		return 2;
	}
	read_owners(argv[1], argv[2]);
	read_loaded(argv[4]);

	fp = xfopen(argv[3]);
	while (fgets(line, sizeof(line), fp)) {
		struct kms_line l;
		const char *sets[MAX_SETS];
		size_t n, i;
		int ok;

		if (parse_line(line, &l)) {
			fprintf(stderr, "%s: cannot parse '%s'\n", argv[3], line);
			return 2;
		}
		if (is_loaded_module_line(l.set))
			continue;
		checked++;
		tagged += l.set[0] != '\0';
		n = candidate_sets(l.name, sets);
		if (!n) {
			unowned++;
			ok = !l.set[0];
		} else {
			for (i = 0; i < n && strcmp(sets[i], l.set); i++)
				;
			ok = i < n;
			if (n == 1)
				unique++;
			else
				ambiguous++;
		}
		if (!ok && bad++ < 50) {
			printf("mismatch: %s: kallmodsyms [%s], defined by objects of",
			       line, l.set);
			for (i = 0; i < n; i++)
				printf(" [%s]", sets[i]);
			printf("%s\n", n ? "" : " none");
		}
	}
	fclose(fp);

	printf("owners: %lu built-in symbols checked (%lu with module tags): %lu by a name one module set owns, %lu by a name several sets share, %lu defined by no object; %lu mismatched\n",
	       checked, tagged, unique, ambiguous, unowned, bad);
	return bad || !tagged;
}
