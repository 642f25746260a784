// SPDX-License-Identifier: GPL-2.0
/*
 * Test /proc/kallmodsyms (CONFIG_KALLMODSYMS) against /proc/kallsyms, both
 * read in the same boot:
 *  - /proc/kallmodsyms has mode 0444;
 *  - both files have the same number of lines, and each line of
 *    /proc/kallmodsyms is the same line of /proc/kallsyms with a hex size
 *    after the address: same address, type and name;
 *  - a symbol of a loaded module carries the same [module] tag in both;
 *  - every line parses as DTrace reads it, "%llx %llx %c %s [%s", and the
 *    first module it parses is the first [module] tag of the line;
 *  - reading one byte at a time gives exactly what large reads give;
 *  - a reader that may not see kernel addresses (uid 65534 without
 *    CAP_SYSLOG) sees as many lines, every address and every size as zero,
 *    and the same tags as a privileged reader.
 *
 * The three checks of the unprivileged reader need root, to switch to uid
 * 65534; they are skipped otherwise.  The whole test is skipped when the
 * kernel has no /proc/kallmodsyms.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../kselftest.h"

#define KALLSYMS	"/proc/kallsyms"
#define KALLMODSYMS	"/proc/kallmodsyms"
#define BIG_READ	65536
#define MAX_REPORTED	5
#define NOBODY		65534

struct lines {
	char *buf;
	size_t size;
	char **line;
	size_t nr;
};

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p)
		ksft_exit_fail_msg("out of memory\n");
	return p;
}

/* Read all of @path, @chunk bytes per read(), into a NUL-terminated buffer. */
static char *read_file(const char *path, size_t chunk, size_t *size)
{
	size_t alloc = 1 << 20, len = 0;
	char *buf = xrealloc(NULL, alloc + 1);
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		ksft_exit_fail_msg("open %s: %s\n", path, strerror(errno));
	do {
		if (len + chunk > alloc) {
			alloc *= 2;
			buf = xrealloc(buf, alloc + 1);
		}
		n = read(fd, buf + len, chunk);
		if (n < 0)
			ksft_exit_fail_msg("read %s: %s\n", path, strerror(errno));
		len += n;
	} while (n > 0);
	close(fd);
	buf[len] = '\0';
	*size = len;
	return buf;
}

/* Cut @l->buf into NUL-terminated lines, each of which had a newline. */
static void split_lines(struct lines *l)
{
	size_t alloc = 0;
	char *p, *nl;

	l->nr = 0;
	l->line = NULL;
	for (p = l->buf; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			ksft_exit_fail_msg("last line has no newline\n");
		*nl = '\0';
		if (l->nr == alloc) {
			alloc = alloc ? 2 * alloc : 4096;
			l->line = xrealloc(l->line, alloc * sizeof(*l->line));
		}
		l->line[l->nr++] = p;
	}
}

static void load(struct lines *l, const char *path)
{
	l->buf = read_file(path, BIG_READ, &l->size);
	split_lines(l);
}

static void unload(struct lines *l)
{
	free(l->buf);
	free(l->line);
}

/* Count a line a check fails on; true for the first few, to be printed. */
static bool first_bad(size_t *nr_bad)
{
	return (*nr_bad)++ < MAX_REPORTED;
}

/* The tags of a line: what follows the tab, or "" if there is none. */
static const char *tags_of(const char *line)
{
	const char *tab = strchr(line, '\t');

	return tab ? tab + 1 : "";
}

/* Skip a lowercase hex number and the space after it; NULL if none. */
static const char *skip_hex_field(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");

	return n && s[n] == ' ' ? s + n + 1 : NULL;
}

/*
 * Whether kallmodsyms line @kms is kallsyms line @ks with a size after the
 * address: "addr type name" and "addr size type name", tags aside.
 */
static bool same_symbol(const char *ks, const char *kms)
{
	size_t addr = strcspn(ks, " ") + 1;
	size_t rest;

	if (ks[addr - 1] != ' ' || strncmp(ks, kms, addr))
		return false;
	ks += addr;
	kms = skip_hex_field(kms + addr);
	if (!kms)
		return false;
	rest = strcspn(ks, "\t");
	return rest == strcspn(kms, "\t") && !strncmp(ks, kms, rest);
}

/* Whether a loaded module's tag on kallsyms line @ks is all of @kms's. */
static bool same_module_tag(const char *ks, const char *kms)
{
	const char *mod = tags_of(ks);

	return !*mod || !strcmp(mod, tags_of(kms));
}

/*
 * Whether @line parses with DTrace's format, and the module it parses is
 * the first [module] tag of the line ("" when the tags start otherwise).
 */
static bool dtrace_parses(const char *line)
{
	unsigned long long addr, size;
	char type, name[512], mod[128] = "";
	const char *tags = tags_of(line);
	const char *want = *tags == '[' ? tags + 1 : "";
	size_t len;
	int n;

	n = sscanf(line, "%llx %llx %c %511s [%127s", &addr, &size, &type,
		   name, mod);
	if (n < 4)
		return false;
	len = strlen(mod);
	if (len && mod[len - 1] == ']')
		mod[--len] = '\0';
	return strcspn(want, "]") == len && !strncmp(want, mod, len);
}

/* Whether the first field of @line and the one after it are all zeros. */
static bool zero_address_and_size(const char *line)
{
	size_t addr = strspn(line, "0");
	size_t size;

	if (!addr || line[addr] != ' ')
		return false;
	size = strspn(line + addr + 1, "0");
	return size && line[addr + 1 + size] == ' ';
}

static void test_mode(const struct stat *st)
{
	ksft_test_result((st->st_mode & 0777) == 0444,
			 "%s has mode 0444 (%o)\n", KALLMODSYMS,
			 st->st_mode & 0777);
}

static void test_line_count(const struct lines *ks, const struct lines *kms)
{
	ksft_test_result(ks->nr == kms->nr,
			 "same number of lines (%zu in kallsyms, %zu in kallmodsyms)\n",
			 ks->nr, kms->nr);
}

static void test_symbols(const struct lines *ks, const struct lines *kms)
{
	size_t i, bad = 0;

	for (i = 0; i < ks->nr && i < kms->nr; i++) {
		if (!same_symbol(ks->line[i], kms->line[i]) && first_bad(&bad))
			ksft_print_msg("line %zu: '%s' vs '%s'\n", i + 1,
				       ks->line[i], kms->line[i]);
	}
	ksft_test_result(!bad,
			 "address, type and name equal on every line (%zu differ)\n",
			 bad);
}

static void test_module_tags(const struct lines *ks, const struct lines *kms)
{
	size_t i, bad = 0;

	for (i = 0; i < ks->nr && i < kms->nr; i++) {
		if (!same_module_tag(ks->line[i], kms->line[i]) &&
		    first_bad(&bad))
			ksft_print_msg("line %zu: module tag differs: '%s' vs '%s'\n",
				       i + 1, ks->line[i], kms->line[i]);
	}
	ksft_test_result(!bad,
			 "loaded-module lines carry the same [module] tag (%zu differ)\n",
			 bad);
}

static void test_dtrace_format(const struct lines *kms)
{
	size_t i, bad = 0;

	for (i = 0; i < kms->nr; i++) {
		if (!dtrace_parses(kms->line[i]) && first_bad(&bad))
			ksft_print_msg("line %zu: '%s' does not parse as DTrace's\n",
				       i + 1, kms->line[i]);
	}
	ksft_test_result(!bad,
			 "every line parses with \"%%llx %%llx %%c %%s [%%s\" (%zu do not)\n",
			 bad);
}

static void test_small_reads(void)
{
	size_t big_size, small_size;
	char *big = read_file(KALLMODSYMS, BIG_READ, &big_size);
	char *small = read_file(KALLMODSYMS, 1, &small_size);

	ksft_test_result(big_size == small_size &&
			 !memcmp(big, small, big_size),
			 "1-byte reads give the same %zu bytes as large reads (%zu)\n",
			 small_size, big_size);
	free(big);
	free(small);
}

static void test_unprivileged_lines(const struct lines *l,
				    const struct lines *priv)
{
	ksft_test_result(l->nr == priv->nr,
			 "unprivileged reader sees %zu lines, root %zu\n",
			 l->nr, priv->nr);
}

static void test_unprivileged_zeros(const struct lines *l)
{
	size_t i, bad = 0;

	for (i = 0; i < l->nr; i++) {
		if (!zero_address_and_size(l->line[i]) && first_bad(&bad))
			ksft_print_msg("line %zu: '%s'\n", i + 1, l->line[i]);
	}
	ksft_test_result(!bad,
			 "unprivileged reader sees zero addresses and sizes (%zu lines not)\n",
			 bad);
}

static void test_unprivileged_tags(const struct lines *l,
				   const struct lines *priv)
{
	size_t i, bad = 0;

	for (i = 0; i < l->nr && i < priv->nr; i++) {
		if (strcmp(tags_of(l->line[i]), tags_of(priv->line[i])) &&
		    first_bad(&bad))
			ksft_print_msg("line %zu: '%s' vs '%s'\n", i + 1,
				       l->line[i], priv->line[i]);
	}
	ksft_test_result(!bad,
			 "unprivileged reader sees the same tags (%zu lines differ)\n",
			 bad);
}

/* Become uid and gid 65534 for good; false if not root. */
static bool drop_privileges(void)
{
	if (geteuid() != 0)
		return false;
	if (setgroups(0, NULL) || setgid(NOBODY) || setuid(NOBODY))
		ksft_exit_fail_msg("switch to uid %d: %s\n", NOBODY,
				   strerror(errno));
	return true;
}

/* Read /proc/kallmodsyms as uid 65534 and compare with root's @priv. */
static void test_unprivileged(const struct lines *priv)
{
	struct lines l;

	if (!drop_privileges()) {
		ksft_test_result_skip("unprivileged reader: lines (not root)\n");
		ksft_test_result_skip("unprivileged reader: zeros (not root)\n");
		ksft_test_result_skip("unprivileged reader: tags (not root)\n");
		return;
	}
	load(&l, KALLMODSYMS);
	test_unprivileged_lines(&l, priv);
	test_unprivileged_zeros(&l);
	test_unprivileged_tags(&l, priv);
	unload(&l);
}

int main(void)
{
	struct lines ks, kms;
	struct stat st;

	ksft_print_header();
	if (stat(KALLMODSYMS, &st)) {
		if (errno == ENOENT)
			ksft_exit_skip("%s not present (CONFIG_KALLMODSYMS=n)\n",
				       KALLMODSYMS);
		ksft_exit_fail_msg("%s: %s\n", KALLMODSYMS, strerror(errno));
	}
	ksft_set_plan(9);

	test_mode(&st);
	load(&ks, KALLSYMS);
	load(&kms, KALLMODSYMS);
	test_line_count(&ks, &kms);
	test_symbols(&ks, &kms);
	test_module_tags(&ks, &kms);
	test_dtrace_format(&kms);
	test_small_reads();
	test_unprivileged(&kms);
	unload(&ks);
	unload(&kms);

	ksft_finished();
}
