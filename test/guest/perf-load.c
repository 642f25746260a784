// SPDX-License-Identifier: GPL-2.0
/*
 * A workload that spends its time in built-in modules of the test kernel,
 * for perf record -a in the guest (test/guest/init): hashing through
 * AF_ALG with the generic implementations (md5, sha1_generic,
 * sha256_generic and libsha256, sha512_generic, crc32c_generic and crc32,
 * behind af_alg and algif_hash), then looking up names that do not exist
 * in a large directory of a vfat file system (fat, vfat, nls_cp437,
 * nls_iso8859_1), which scans the whole directory each time.
 *
 * Usage: perf-load <seconds> <directory on vfat>
 * Half the time goes to hashing, shared by the algorithms; half to the
 * lookups.  Exits 1 if an algorithm or the directory cannot be used.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/if_alg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef AF_ALG
#define AF_ALG 38
#endif

#define FILES 400

static const char *const algs[] = {
	"md5-generic", "sha1-generic", "sha256-generic", "sha512-generic",
	"crc32c-generic",
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Hash 64 KiB at a time with the driver named, for the time given. */
static int hash(const char *alg, double seconds)
{
	static char buf[65536];
	struct sockaddr_alg sa = { .salg_family = AF_ALG, .salg_type = "hash" };
	unsigned char digest[64];
	double end = now() + seconds;
	long rounds = 0;
	int s, fd;

	strncpy((char *)sa.salg_name, alg, sizeof(sa.salg_name) - 1);
	s = socket(AF_ALG, SOCK_SEQPACKET, 0);
	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof(sa))) {
		fprintf(stderr, "perf-load: %s: %s\n", alg, strerror(errno));
		return -1;
	}
	fd = accept(s, NULL, 0);
	if (fd < 0) {
		fprintf(stderr, "perf-load: %s: accept: %s\n", alg, strerror(errno));
		return -1;
	}
	memset(buf, 0x5a, sizeof(buf));
	while (now() < end) {
		if (write(fd, buf, sizeof(buf)) != sizeof(buf) ||
		    read(fd, digest, sizeof(digest)) <= 0) {
			fprintf(stderr, "perf-load: %s: %s\n", alg, strerror(errno));
			return -1;
		}
		rounds++;
	}
	close(fd);
	close(s);
	printf("perf-load: %s: %ld rounds of 64 KiB\n", alg, rounds);
	return 0;
}

/* Fill the directory, then look up names it does not have. */
static int lookups(const char *dir, double seconds)
{
	char path[4096];
	struct stat st;
	double end;
	long n = 0;
	int i, fd;

	for (i = 0; i < FILES; i++) {
		snprintf(path, sizeof(path), "%s/a file with a long name %04d", dir, i);
		fd = open(path, O_CREAT | O_WRONLY, 0644);
		if (fd < 0) {
			fprintf(stderr, "perf-load: %s: %s\n", path, strerror(errno));
			return -1;
		}
		close(fd);
	}
	end = now() + seconds;
	while (now() < end) {
		snprintf(path, sizeof(path), "%s/Not There %ld", dir, n++);
		if (!stat(path, &st) || errno != ENOENT) {
			fprintf(stderr, "perf-load: %s: found, or %s\n", path, strerror(errno));
			return -1;
		}
	}
	printf("perf-load: %ld lookups in %s\n", n, dir);
	return 0;
}

int main(int argc, char **argv)
{
	double seconds;
	size_t i, nr = sizeof(algs) / sizeof(algs[0]);

	if (argc != 3 || (seconds = atof(argv[1])) <= 0) {
		fprintf(stderr, "usage: perf-load <seconds> <directory on vfat>\n");
		return 2;
	}
	for (i = 0; i < nr; i++) {
		if (hash(algs[i], seconds / 2 / nr))
			return 1;
	}
	return lookups(argv[2], seconds / 2) ? 1 : 0;
}
