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
 *  - with kernel.kptr_restrict set to 0, 1 and 2 in turn, for root and for
 *    uid 65534: /proc/kallmodsyms shows the addresses /proc/kallsyms shows
 *    the same reader, line for line, and sizes exactly when /proc/kallsyms
 *    shows addresses: never a size to a reader who sees no address;
 *  - a reader that may not see kernel addresses (uid 65534 without
 *    CAP_SYSLOG) sees as many lines, every address and every size as zero,
 *    and the same tags as a privileged reader.
 *
 * The checks of the unprivileged reader and of kptr_restrict need root, to
 * switch to uid 65534 and to set kptr_restrict (which is restored
 * afterwards); they are skipped otherwise, and the kptr_restrict ones also
 * without /proc/sys.  The whole test is skipped when the kernel has no
 * /proc/kallmodsyms.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest.h"

#define KALLSYMS	"/proc/kallsyms"
#define KALLMODSYMS	"/proc/kallmodsyms"
#define KPTR_RESTRICT	"/proc/sys/kernel/kptr_restrict"
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

/* What one reader sees of addresses and sizes in the two files. */
struct view {
	size_t ks_lines;
	size_t kms_lines;
	size_t ks_addresses;	/* kallsyms lines with a non-zero address */
	size_t kms_sizes;	/* kallmodsyms lines with a non-zero size */
	size_t differ;		/* lines whose addresses differ */
	size_t first_differ;	/* the first of them, from 1 */
};

/* Whether the field at @s, up to a space, is all zeros. */
static bool zero_field(const char *s)
{
	size_t n = strspn(s, "0");

	return n && s[n] == ' ';
}

static void view_files(struct view *v)
{
	struct lines ks, kms;
	size_t i, addr;

	memset(v, 0, sizeof(*v));
	load(&ks, KALLSYMS);
	load(&kms, KALLMODSYMS);
	v->ks_lines = ks.nr;
	v->kms_lines = kms.nr;
	for (i = 0; i < ks.nr; i++)
		v->ks_addresses += !zero_field(ks.line[i]);
	for (i = 0; i < kms.nr; i++) {
		addr = strcspn(kms.line[i], " ");
		if (kms.line[i][addr] && !zero_field(kms.line[i] + addr + 1))
			v->kms_sizes++;
		if (i < ks.nr && strncmp(ks.line[i], kms.line[i], addr + 1) &&
		    !v->differ++)
			v->first_differ = i + 1;
	}
	unload(&ks);
	unload(&kms);
}

/* Read both files in a child process running as @uid; false on failure. */
static bool view_as(uid_t uid, struct view *v)
{
	int fd[2], status;
	ssize_t n;
	pid_t pid;

	if (pipe(fd))
		ksft_exit_fail_msg("pipe: %s\n", strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		ksft_exit_fail_msg("fork: %s\n", strerror(errno));
	if (!pid) {
		close(fd[0]);
		if (uid)
			drop_privileges();
		view_files(v);
		_exit(write(fd[1], v, sizeof(*v)) == sizeof(*v) ? 0 : 1);
	}
	close(fd[1]);
	n = read(fd[0], v, sizeof(*v));
	close(fd[0]);
	if (waitpid(pid, &status, 0) != pid)
		return false;
	return n == sizeof(*v) && WIFEXITED(status) && !WEXITSTATUS(status);
}

static int saved_kptr_restrict = -1;
static pid_t kptr_restrict_owner;

static int read_kptr_restrict(void)
{
	char buf[16] = "";
	int fd = open(KPTR_RESTRICT, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	return n > 0 ? atoi(buf) : -1;
}

static bool write_kptr_restrict(int value)
{
	char buf[16];
	int fd = open(KPTR_RESTRICT, O_WRONLY);
	int len = snprintf(buf, sizeof(buf), "%d\n", value);
	bool ok;

	if (fd < 0)
		return false;
	ok = write(fd, buf, len) == len;
	close(fd);
	return ok;
}

/* Put kptr_restrict back as it was, also when the test exits early. */
static void restore_kptr_restrict(void)
{
	if (saved_kptr_restrict < 0 || getpid() != kptr_restrict_owner)
		return;
	if (!write_kptr_restrict(saved_kptr_restrict))
		ksft_print_msg("could not restore %s to %d\n", KPTR_RESTRICT,
			       saved_kptr_restrict);
	saved_kptr_restrict = -1;
}

static void test_kptr_restrict_reader(int value, uid_t uid)
{
	struct view v;
	bool ok;

	if (!view_as(uid, &v)) {
		ksft_test_result_fail("kptr_restrict=%d, uid %u: reading both files failed\n",
				      value, uid);
		return;
	}
	if (v.differ)
		ksft_print_msg("kptr_restrict=%d, uid %u: line %zu: address differs from %s\n",
			       value, uid, v.first_differ, KALLSYMS);
	ok = v.ks_lines == v.kms_lines && !v.differ &&
	     !v.ks_addresses == !v.kms_sizes;
	ksft_test_result(ok,
			 "kptr_restrict=%d, uid %u: %zu of %zu kallsyms addresses shown; kallmodsyms: %zu lines, %zu addresses differ, %zu sizes shown\n",
			 value, uid, v.ks_addresses, v.ks_lines, v.kms_lines,
			 v.differ, v.kms_sizes);
}

/*
 * For kptr_restrict 0, 1 and 2, and for root and uid 65534: addresses in
 * /proc/kallmodsyms exactly as in /proc/kallsyms, sizes only with them.
 */
static void test_kptr_restrict(void)
{
	static const uid_t uids[] = { 0, NOBODY };
	const char *why = NULL;
	int value, i;

	if (geteuid() != 0)
		why = "not root";
	else if (read_kptr_restrict() < 0)
		why = "no " KPTR_RESTRICT;
	if (why) {
		for (value = 0; value <= 2; value++) {
			for (i = 0; i < 2; i++)
				ksft_test_result_skip("kptr_restrict=%d, uid %u (%s)\n",
						      value, uids[i], why);
		}
		return;
	}
	saved_kptr_restrict = read_kptr_restrict();
	kptr_restrict_owner = getpid();
	atexit(restore_kptr_restrict);
	for (value = 0; value <= 2; value++) {
		bool set = write_kptr_restrict(value);

		for (i = 0; i < 2; i++) {
			if (set)
				test_kptr_restrict_reader(value, uids[i]);
			else
				ksft_test_result_fail("kptr_restrict=%d, uid %u: cannot set %s\n",
						      value, uids[i], KPTR_RESTRICT);
		}
	}
	restore_kptr_restrict();
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
	ksft_set_plan(15);

	test_mode(&st);
	load(&ks, KALLSYMS);
	load(&kms, KALLMODSYMS);
	test_line_count(&ks, &kms);
	test_symbols(&ks, &kms);
	test_module_tags(&ks, &kms);
	test_dtrace_format(&kms);
	test_small_reads();
	test_kptr_restrict();
	test_unprivileged(&kms);
	unload(&ks);
	unload(&kms);

	ksft_finished();
}
