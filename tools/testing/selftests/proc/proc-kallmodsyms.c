// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/kallmodsyms against /proc/kallsyms, read in the same boot:
 *  - same number of lines, same address, type and name on every line, and
 *    the same [module] tag on every loaded-module line;
 *  - every line parses as DTrace reads it, "%llx %llx %c %s [%s", and the
 *    first module it parses is the first [module] tag of the line;
 *  - reading one byte at a time gives exactly what one large read gives;
 *  - reading all of it takes at most 1.3 times as long as reading
 *    /proc/kallsyms (median of 11 reads of each, interleaved);
 *  - a reader that may not see addresses (here: uid 65534 without
 *    CAP_SYSLOG) sees every address and every size as zero, and the same
 *    tags as a privileged reader.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest.h"

struct lines {
	char *buf;
	size_t size;
	char **line;
	size_t nr;
};

/* Read a whole file with reads of @chunk bytes. */
static char *read_file(const char *path, size_t chunk, size_t *size)
{
	size_t alloc = 1 << 20, len = 0;
	char *buf = malloc(alloc + 1);
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0 || !buf)
		ksft_exit_fail_msg("open %s: %s\n", path, strerror(errno));
	for (;;) {
		if (len + chunk > alloc) {
			alloc *= 2;
			buf = realloc(buf, alloc + 1);
			if (!buf)
				ksft_exit_fail_msg("out of memory\n");
		}
		n = read(fd, buf + len, chunk);
		if (n < 0)
			ksft_exit_fail_msg("read %s: %s\n", path, strerror(errno));
		if (n == 0)
			break;
		len += n;
	}
	close(fd);
	buf[len] = '\0';
	*size = len;
	return buf;
}

static void split_lines(struct lines *l)
{
	char *p, *nl;

	l->nr = 0;
	l->line = NULL;
	for (p = l->buf; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			ksft_exit_fail_msg("last line has no newline\n");
		*nl = '\0';
		l->line = realloc(l->line, (l->nr + 1) * sizeof(*l->line));
		if (!l->line)
			ksft_exit_fail_msg("out of memory\n");
		l->line[l->nr++] = p;
	}
}

static void load(struct lines *l, const char *path)
{
	l->buf = read_file(path, 1 << 16, &l->size);
	split_lines(l);
}

/* The tags of a kallmodsyms line: what follows the tab, or "". */
static const char *tags_of(const char *line)
{
	const char *tab = strchr(line, '\t');

	return tab ? tab + 1 : "";
}

/* Compare "addr type name[\t[mod]]" with "addr size type name[\ttags]". */
static int same_symbol(const char *ks, const char *kms, int *tags_differ)
{
	char ka[32], ma[32], kt, mt, kn[512], mn[512], kmod[128] = "";
	unsigned long long size;

	if (sscanf(ks, "%31s %c %511s [%127[^]]", ka, &kt, kn, kmod) < 3)
		return 0;
	if (sscanf(kms, "%31s %llx %c %511s", ma, &size, &mt, mn) != 4)
		return 0;
	if (kmod[0]) {
		char want[160];

		snprintf(want, sizeof(want), "[%s]", kmod);
		*tags_differ = strcmp(tags_of(kms), want) != 0;
	}
	return !strcmp(ka, ma) && kt == mt && !strcmp(kn, mn);
}

static void test_same_lines(struct lines *ks, struct lines *kms)
{
	size_t i, bad = 0, badtag = 0;

	ksft_test_result(ks->nr == kms->nr,
			 "same number of lines (%zu in kallsyms, %zu in kallmodsyms)\n",
			 ks->nr, kms->nr);
	for (i = 0; i < ks->nr && i < kms->nr; i++) {
		int tags_differ = 0;

		if (!same_symbol(ks->line[i], kms->line[i], &tags_differ)) {
			if (bad++ < 5)
				ksft_print_msg("line %zu: '%s' vs '%s'\n", i + 1,
					       ks->line[i], kms->line[i]);
		}
		if (tags_differ && badtag++ < 5)
			ksft_print_msg("line %zu: module tag differs: '%s' vs '%s'\n",
				       i + 1, ks->line[i], kms->line[i]);
	}
	ksft_test_result(!bad, "address, type and name equal on every line (%zu differ)\n",
			 bad);
	ksft_test_result(!badtag, "loaded-module lines carry the same [module] tag (%zu differ)\n",
			 badtag);
}

static void test_dtrace_format(struct lines *kms)
{
	size_t i, bad = 0;

	for (i = 0; i < kms->nr; i++) {
		unsigned long long addr, size;
		char type, name[512], mod[128] = "", want[128] = "";
		const char *tags = tags_of(kms->line[i]);
		int n;

		n = sscanf(kms->line[i], "%llx %llx %c %511s [%127s", &addr,
			   &size, &type, name, mod);
		if (tags[0] == '[')
			sscanf(tags + 1, "%127[^]]", want);
		if (mod[0] && mod[strlen(mod) - 1] == ']')
			mod[strlen(mod) - 1] = '\0';
		if (n < 4 || strcmp(mod, want)) {
			if (bad++ < 5)
				ksft_print_msg("line %zu: '%s' parses to %d fields, module '%s'\n",
					       i + 1, kms->line[i], n, mod);
		}
	}
	ksft_test_result(!bad, "every line parses with \"%%llx %%llx %%c %%s [%%s\" (%zu do not)\n",
			 bad);
}

static void test_small_reads(const char *path)
{
	size_t big_size, small_size;
	char *big = read_file(path, 1 << 16, &big_size);
	char *small = read_file(path, 1, &small_size);

	ksft_test_result(big_size == small_size &&
			 !memcmp(big, small, big_size),
			 "1-byte reads give the same %zu bytes as large reads (%zu)\n",
			 small_size, big_size);
	free(big);
	free(small);
}

#define READ_TIMES	11

static double read_seconds(const char *path)
{
	struct timespec a, b;
	size_t size;

	clock_gettime(CLOCK_MONOTONIC, &a);
	free(read_file(path, 1 << 16, &size));
	clock_gettime(CLOCK_MONOTONIC, &b);
	return b.tv_sec - a.tv_sec + (b.tv_nsec - a.tv_nsec) / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void test_read_time(void)
{
	double ks[READ_TIMES], kms[READ_TIMES], ratio;
	int i;

	for (i = 0; i < READ_TIMES; i++) {
		ks[i] = read_seconds("/proc/kallsyms");
		kms[i] = read_seconds("/proc/kallmodsyms");
	}
	qsort(ks, READ_TIMES, sizeof(ks[0]), cmp_double);
	qsort(kms, READ_TIMES, sizeof(kms[0]), cmp_double);
	ratio = kms[READ_TIMES / 2] / ks[READ_TIMES / 2];
	ksft_test_result(ratio <= 1.3,
			 "reading /proc/kallmodsyms takes %.2fx /proc/kallsyms (median %.1f ms vs %.1f ms of %d reads)\n",
			 ratio, kms[READ_TIMES / 2] * 1e3, ks[READ_TIMES / 2] * 1e3,
			 READ_TIMES);
}

static int zero_field(const char *s, size_t len)
{
	return strspn(s, "0") == len;
}

static void test_unprivileged(struct lines *priv)
{
	struct lines l;
	size_t i, nonzero = 0, tags = 0;

	if (setgid(65534) || setuid(65534))
		ksft_exit_fail_msg("setuid 65534: %s\n", strerror(errno));
	load(&l, "/proc/kallmodsyms");
	ksft_test_result(l.nr == priv->nr, "unprivileged reader sees %zu lines, root %zu\n",
			 l.nr, priv->nr);
	for (i = 0; i < l.nr && i < priv->nr; i++) {
		const char *p = l.line[i];
		size_t a = strcspn(p, " "), s = strcspn(p + a + 1, " ");

		if (!zero_field(p, a) || !zero_field(p + a + 1, s))
			if (nonzero++ < 5)
				ksft_print_msg("line %zu: '%s'\n", i + 1, p);
		if (strcmp(tags_of(p), tags_of(priv->line[i])))
			tags++;
	}
	ksft_test_result(!nonzero,
			 "unprivileged reader sees zero addresses and sizes (%zu lines not)\n",
			 nonzero);
	ksft_test_result(!tags, "unprivileged reader sees the same tags (%zu lines differ)\n",
			 tags);
}

int main(void)
{
	struct lines ks, kms;
	struct stat st;

	ksft_print_header();
	if (stat("/proc/kallmodsyms", &st))
		ksft_exit_fail_msg("/proc/kallmodsyms: %s\n", strerror(errno));
	if (getuid() != 0)
		ksft_exit_skip("must start as root\n");
	ksft_set_plan(10);

	ksft_test_result((st.st_mode & 0777) == 0444,
			 "/proc/kallmodsyms has mode 0444 (%o)\n", st.st_mode & 0777);
	load(&ks, "/proc/kallsyms");
	load(&kms, "/proc/kallmodsyms");
	test_same_lines(&ks, &kms);
	test_dtrace_format(&kms);
	test_small_reads("/proc/kallmodsyms");
	test_read_time();
	test_unprivileged(&kms);

	ksft_finished();
}
