// SPDX-License-Identifier: GPL-2.0
/*
 * Read-time benchmark of the harness (not a kselftest: it times the
 * machine it runs on).  Reads /proc/kallsyms and /proc/kallmodsyms 11 times
 * each, interleaved, each read the whole file into memory 64 KiB at a time,
 * and compares the median times.  Prints them and one TAP result line,
 * "ok" when reading /proc/kallmodsyms takes at most 1.3 times as long as
 * reading /proc/kallsyms; test/guest/init turns it into PASS: or FAIL:.
 * Exits 0 on "ok", 1 otherwise.
 *
 * Usage: read-time
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define KALLSYMS	"/proc/kallsyms"
#define KALLMODSYMS	"/proc/kallmodsyms"
#define READS		11
#define CHUNK		65536
#define MAX_RATIO	1.3

static void fail(const char *path, const char *what)
{
	printf("not ok 1 read time: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

/* Read all of @path into memory, as a reader that keeps it would. */
static void read_file(const char *path)
{
	size_t alloc = 1 << 20, len = 0;
	char *buf = malloc(alloc);
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0 || !buf)
		fail(path, "open");
	do {
		if (len + CHUNK > alloc) {
			alloc *= 2;
			buf = realloc(buf, alloc);
			if (!buf)
				fail(path, "realloc for");
		}
		n = read(fd, buf + len, CHUNK);
		if (n < 0)
			fail(path, "read");
		len += n;
	} while (n > 0);
	close(fd);
	free(buf);
}

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static double read_seconds(const char *path)
{
	double start = seconds();

	read_file(path);
	return seconds() - start;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *t)
{
	qsort(t, READS, sizeof(*t), cmp_double);
	return t[READS / 2];
}

int main(void)
{
	double ks[READS], kms[READS], ks_med, kms_med, ratio;
	int i;

	printf("1..1\n");
	for (i = 0; i < READS; i++) {
		ks[i] = read_seconds(KALLSYMS);
		kms[i] = read_seconds(KALLMODSYMS);
	}
	ks_med = median(ks);
	kms_med = median(kms);
	ratio = kms_med / ks_med;
	printf("# %s: median %.1f ms of %d reads\n", KALLSYMS, ks_med * 1e3,
	       READS);
	printf("# %s: median %.1f ms of %d reads\n", KALLMODSYMS,
	       kms_med * 1e3, READS);
	printf("%s 1 reading %s takes %.2fx %s (median %.1f ms vs %.1f ms of %d reads)\n",
	       ratio <= MAX_RATIO ? "ok" : "not ok", KALLMODSYMS, ratio,
	       KALLSYMS, kms_med * 1e3, ks_med * 1e3, READS);
	return ratio <= MAX_RATIO ? 0 : 1;
}
