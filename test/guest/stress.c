// SPDX-License-Identifier: GPL-2.0
/*
 * Stress test of the harness for /proc/kallmodsyms (not a kselftest: it
 * loads and unloads the test kernel's modules).  For a given time (60 s by
 * default), 8 processes read /proc/kallmodsyms:
 *
 *   2 sequentially, the whole file, 64 KiB and 1 MiB per read();
 *   2 sequentially, one byte per read();
 *   2 by lseek() to a random offset, then 1 to 4 read()s of random sizes;
 *   2 by pread() of a random size at a random offset;
 *
 * while another process unloads and loads again, in a loop, the modules
 * named on the command line.  Before the stress, with the modules loaded,
 * it reads the file once as the reference.  The symbols of the core kernel
 * come first in the file, before those of loaded modules, so their bytes
 * keep their offsets however modules come and go; what follows them moves.
 * The checks:
 *
 *  - every complete line a reader gets is well-formed, as
 *    Documentation/ABI/testing/procfs-kallmodsyms has it;
 *  - every byte a reader gets at an offset before the end of the core
 *    kernel's symbols in the reference is the reference's byte there; a
 *    sequential reader gets all of those bytes before the end of the file;
 *  - every other complete line is either a line of a loaded module (its
 *    only tag is one of the modules named) or a line of the reference;
 *  - the loader loads and unloads every module without an error.
 *
 * A reader of a random offset does not know where its first line starts:
 * it drops the bytes up to the first newline, unless they lie in the core
 * kernel's part, where they are compared with the reference anyway; a
 * line cut by the end of the last read is dropped too.
 *
 * The lines of loaded modules that readers got are written, once each, to
 * the file given with -o: the host compares their names and sizes with
 * nm -S of the modules' .ko files (test/e2e.sh).
 *
 * Prints TAP: the reference, each reader, the loader and the totals (reads,
 * bytes, load/unload cycles); test/guest/init turns it into PASS: and
 * FAIL: lines.  Exits 0 when every check passed, 1 otherwise.
 *
 * Usage: stress [-t seconds] [-o module-lines] module.ko...
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define KALLMODSYMS	"/proc/kallmodsyms"
#define NR_READERS	8
#define MAX_MODULES	16
#define MAX_MODULE_TAGS	16
#define MAX_LINE	4096
#define MAX_REPORTED	5
#define MAX_READ	(1 << 20)

enum reader_kind { SEQ_64K, SEQ_1M, ONE_BYTE, SEEK_READ, PREAD };

static const struct {
	enum reader_kind kind;
	const char *name;
} readers[NR_READERS] = {
	{ SEQ_64K, "sequential 64 KiB reads" },
	{ SEQ_1M, "sequential 1 MiB reads" },
	{ ONE_BYTE, "sequential 1-byte reads" },
	{ ONE_BYTE, "sequential 1-byte reads" },
	{ SEEK_READ, "lseek and reads of random sizes" },
	{ SEEK_READ, "lseek and reads of random sizes" },
	{ PREAD, "pread of random sizes" },
	{ PREAD, "pread of random sizes" },
};

/* What each reader and the loader did, in memory shared with the parent. */
struct counters {
	unsigned long reads, bytes, lines, module_lines, passes, bad;
	unsigned long cycles, errors;
};

/* A set of strings (open addressing). */
struct set {
	char **slot;
	size_t nr, alloc;
};

/* The file as read before the stress. */
static char *ref;
static size_t ref_size;
/* The bytes of the core kernel's symbols: [0, ref_core) of the file. */
static size_t ref_core;
/* The other lines of the reference that belong to no loaded module. */
static struct set ref_rest;

static char module[MAX_MODULES][64];
static const char *module_ko[MAX_MODULES];
static int nr_modules;

static double deadline;
static struct counters *counters;

/* printf() in one write(), so that the processes' lines do not mix. */
static void say(const char *fmt, ...)
{
	char buf[MAX_LINE + 256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	if (write(1, buf, n) < 0)
		exit(2);
}

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p) {
		say("Bail out! out of memory\n");
		exit(2);
	}
	return p;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static unsigned long long rnd_state;

/* xorshift64* */
static unsigned long long rnd(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 0x2545f4914f6cdd1dULL;
}

/* A read size from 1 byte to 128 KiB, each power of two as likely. */
static size_t rnd_size(void)
{
	size_t scale = 1UL << (rnd() % 18);

	return scale + rnd() % scale;
}

/*
 * A file offset, up to 4 KiB past the end of the reference: half of them
 * anywhere, half in the last 64 KiB of the core kernel's part or after
 * it, where the lines of loaded modules come and go.
 */
static size_t rnd_offset(void)
{
	size_t from = ref_core > 65536 ? ref_core - 65536 : 0;

	if (rnd() % 2)
		return rnd() % (ref_size + 4096);
	return from + rnd() % (ref_size + 4096 - from);
}

static unsigned long hash(const char *s, size_t len)
{
	unsigned long h = 2166136261UL;

	while (len--)
		h = (h ^ (unsigned char)*s++) * 16777619UL;
	return h;
}

static bool slot_is(const char *slot, const char *s, size_t len)
{
	return !strncmp(slot, s, len) && !slot[len];
}

static char **set_find(const struct set *set, const char *s, size_t len)
{
	size_t i = hash(s, len) & (set->alloc - 1);

	while (set->slot[i] && !slot_is(set->slot[i], s, len))
		i = (i + 1) & (set->alloc - 1);
	return &set->slot[i];
}

static bool set_has(const struct set *set, const char *s, size_t len)
{
	return set->alloc && *set_find(set, s, len);
}

/* Add the @len bytes at @s; false if they were there already. */
static bool set_add(struct set *set, const char *s, size_t len)
{
	char **slot;

	if (2 * (set->nr + 1) > set->alloc) {
		struct set bigger = { NULL, 0, set->alloc ? 2 * set->alloc : 1024 };
		size_t i;

		bigger.slot = xrealloc(NULL, bigger.alloc * sizeof(char *));
		memset(bigger.slot, 0, bigger.alloc * sizeof(char *));
		for (i = 0; i < set->alloc; i++) {
			if (set->slot[i])
				*set_find(&bigger, set->slot[i],
					  strlen(set->slot[i])) = set->slot[i];
		}
		free(set->slot);
		bigger.nr = set->nr;
		*set = bigger;
	}
	slot = set_find(set, s, len);
	if (*slot)
		return false;
	*slot = xrealloc(NULL, len + 1);
	memcpy(*slot, s, len);
	(*slot)[len] = '\0';
	set->nr++;
	return true;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Whether @c may be part of a name or a tag: printable, not a space. */
static bool is_word(char c)
{
	return c > ' ' && c < 0x7f;
}

/* strcmp() of two strings given with their lengths. */
static int cmp_len(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	return c ? c : (alen > blen) - (alen < blen);
}

/*
 * Why line @l (@len bytes, without its newline) is not
 * "<address> <size> <type> <name>[\t<tags>]" as the ABI document has it,
 * or NULL if it is.
 */
static const char *bad_grammar(const char *l, size_t len)
{
	const char *end = l + len, *p = l, *q, *last = NULL;
	size_t last_len = 0;
	int tags = 0;

	while (p < end && is_hex(*p))
		p++;
	if (p - l != 2 * sizeof(void *))
		return "the address is not 16 lower-case hex digits";
	if (p == end || *p++ != ' ')
		return "no space after the address";
	for (q = p; p < end && is_hex(*p); p++)
		;
	if (p == q)
		return "no lower-case hex size";
	if (*q == '0' && p - q > 1)
		return "the size has leading zeros";
	if (p == end || *p++ != ' ')
		return "no space after the size";
	if (p == end || !is_word(*p++))
		return "no type";
	if (p == end || *p++ != ' ')
		return "no space after the type";
	for (q = p; p < end && is_word(*p); p++)
		;
	if (p == q)
		return "no name";
	if (p == end)
		return NULL;
	if (*p++ != '\t')
		return "the name is followed by something other than a tab";
	for (;;) {
		if (p == end)
			return "a tab or a space without a tag after it";
		if (*p == '[') {
			for (q = ++p; p < end && *p != ']' && is_word(*p); p++)
				;
			if (p == end || *p != ']' || p == q)
				return "a malformed [module] tag";
			if (last && cmp_len(last, last_len, q, p - q) >= 0)
				return "module tags not in strcmp() order";
			if (++tags > MAX_MODULE_TAGS)
				return "more than 16 module tags";
			last = q;
			last_len = p++ - q;
		} else if (*p == '{') {
			for (q = ++p; p < end && *p != '}' && is_word(*p); p++)
				;
			if (p == end || *p != '}' || p - q < 3 ||
			    memcmp(p - 2, ".o", 2))
				return "a malformed {object.o} tag";
			return ++p == end ? NULL : "something after the object tag";
		} else {
			return "a tag that is neither [module] nor {object}";
		}
		if (p == end)
			return NULL;
		if (*p++ != ' ')
			return "tags not separated by one space";
	}
}

/* Whether line @l's only tag is that of one of the modules loaded here. */
static bool module_line(const char *l, size_t len)
{
	const char *tab = memchr(l, '\t', len);
	size_t n;
	int i;

	if (!tab)
		return false;
	tab++;
	n = l + len - tab;
	for (i = 0; i < nr_modules; i++) {
		size_t m = strlen(module[i]);

		if (n == m + 2 && tab[0] == '[' && !memcmp(tab + 1, module[i], m) &&
		    tab[m + 1] == ']')
			return true;
	}
	return false;
}

/* What one reader reads: a stream of bytes from one file offset on. */
struct stream {
	int reader;
	struct counters *c;
	struct set seen;	/* the module lines this reader got */
	size_t pos;		/* file offset of the next byte */
	bool skip;		/* dropping a partial first line */
	char line[MAX_LINE];
	size_t len;		/* bytes in line[] */
	size_t line_pos;	/* file offset of line[0] */
	bool too_long;
};

static void bad(struct stream *s, size_t pos, const char *why,
		const char *l, size_t len)
{
	if (s->c->bad++ < MAX_REPORTED)
		say("# reader %d (%s): offset %zu: %s: '%.*s'\n", s->reader,
		    readers[s->reader].name, pos, why, (int)len, l);
}

static void start(struct stream *s, size_t pos)
{
	s->pos = pos;
	/* In the core kernel's part, where lines start is known. */
	s->skip = pos && !(pos <= ref_core && ref[pos - 1] == '\n');
	s->len = 0;
	s->too_long = false;
}

static void check_line(struct stream *s, const char *l, size_t len,
		       size_t pos)
{
	const char *why = bad_grammar(l, len);

	s->c->lines++;
	if (why) {
		bad(s, pos, why, l, len);
	} else if (module_line(l, len)) {
		s->c->module_lines++;
		set_add(&s->seen, l, len);
	} else if (pos >= ref_core && !set_has(&ref_rest, l, len)) {
		bad(s, pos, "a line of no loaded module that the reference lacks",
		    l, len);
	}
	/* Lines before ref_core were compared byte for byte in feed(). */
}

/* Check the @n bytes @buf that a read at file offset s->pos returned. */
static void feed(struct stream *s, const char *buf, size_t n)
{
	const char *nl;
	size_t i;

	if (s->pos < ref_core) {
		size_t m = n < ref_core - s->pos ? n : ref_core - s->pos;

		if (memcmp(buf, ref + s->pos, m)) {
			for (i = 0; buf[i] == ref[s->pos + i]; i++)
				;
			nl = memchr(buf + i, '\n', m - i);
			bad(s, s->pos + i,
			    "differs from the reference's core kernel symbols there",
			    buf + i, nl ? (size_t)(nl - buf) - i : m - i);
		}
	}
	for (i = 0; i < n; i++, s->pos++) {
		if (s->skip) {
			s->skip = buf[i] != '\n';
			continue;
		}
		if (!s->len)
			s->line_pos = s->pos;
		if (buf[i] == '\n') {
			if (s->too_long)
				bad(s, s->line_pos, "a line of 4096 bytes or more",
				    s->line, s->len);
			else
				check_line(s, s->line, s->len, s->line_pos);
			s->len = 0;
			s->too_long = false;
		} else if (s->len < sizeof(s->line)) {
			s->line[s->len++] = buf[i];
		} else {
			s->too_long = true;
		}
	}
}

static void read_error(struct stream *s, const char *what, size_t pos)
{
	if (s->c->bad++ < MAX_REPORTED)
		say("# reader %d (%s): %s at offset %zu: %s\n", s->reader,
		    readers[s->reader].name, what, pos, strerror(errno));
}

/* Read the file from the start to its end, or to the deadline. */
static void read_sequential(struct stream *s, int fd, char *buf, size_t size)
{
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET)) {
		read_error(s, "lseek to 0", 0);
		return;
	}
	start(s, 0);
	do {
		n = read(fd, buf, size);
		s->c->reads++;
		if (n < 0) {
			read_error(s, "read", s->pos);
			return;
		}
		s->c->bytes += n;
		feed(s, buf, n);
		/* A one-byte reader looks at the clock less often. */
		if ((size > 1 || !(s->c->reads & 1023)) && now() > deadline)
			return;
	} while (n);
	if (s->len)
		bad(s, s->line_pos, "the last line has no newline", s->line,
		    s->len);
	if (s->pos < ref_core)
		bad(s, s->pos, "the file ends before the core kernel's symbols",
		    "", 0);
	s->c->passes++;
}

/* lseek() to a random offset, then 1 to 4 reads of random sizes. */
static void read_seek(struct stream *s, int fd, char *buf)
{
	size_t off = rnd_offset();
	int i, nr = 1 + rnd() % 4;
	off_t at;
	ssize_t n;

	at = lseek(fd, off, SEEK_SET);
	if (at != (off_t)off) {
		read_error(s, "lseek", off);
		return;
	}
	start(s, off);
	for (i = 0; i < nr; i++) {
		n = read(fd, buf, rnd_size());
		s->c->reads++;
		if (n < 0) {
			read_error(s, "read", s->pos);
			return;
		}
		if (!n)
			break;
		s->c->bytes += n;
		feed(s, buf, n);
	}
	s->c->passes++;
}

static void read_pread(struct stream *s, int fd, char *buf)
{
	size_t off = rnd_offset();
	ssize_t n;

	n = pread(fd, buf, rnd_size(), off);
	s->c->reads++;
	if (n < 0) {
		read_error(s, "pread", off);
		return;
	}
	s->c->bytes += n;
	start(s, off);
	feed(s, buf, n);
	s->c->passes++;
}

/* Write the module lines this reader got to @out, one write() each. */
static void write_seen(const struct set *seen, const char *out)
{
	char line[MAX_LINE + 1];
	size_t i, len;
	int fd;

	if (!out)
		return;
	fd = open(out, O_WRONLY | O_APPEND | O_CREAT, 0644);
	if (fd < 0) {
		say("# open %s: %s\n", out, strerror(errno));
		exit(1);
	}
	for (i = 0; i < seen->alloc; i++) {
		if (!seen->slot[i])
			continue;
		len = strlen(seen->slot[i]);
		memcpy(line, seen->slot[i], len);
		line[len++] = '\n';
		if (write(fd, line, len) != (ssize_t)len) {
			say("# write %s: %s\n", out, strerror(errno));
			exit(1);
		}
	}
	close(fd);
}

static void reader(int r, const char *out)
{
	struct stream s = { .reader = r, .c = &counters[r] };
	char *buf = xrealloc(NULL, MAX_READ);
	int fd = open(KALLMODSYMS, O_RDONLY);

	rnd_state = (getpid() * 0x9e3779b97f4a7c15ULL) ^ (unsigned long)now() ^ r ^ 1;
	if (fd < 0) {
		read_error(&s, "open", 0);
		exit(1);
	}
	while (now() < deadline) {
		switch (readers[r].kind) {
		case SEQ_64K:
			read_sequential(&s, fd, buf, 65536);
			break;
		case SEQ_1M:
			read_sequential(&s, fd, buf, MAX_READ);
			break;
		case ONE_BYTE:
			read_sequential(&s, fd, buf, 1);
			break;
		case SEEK_READ:
			read_seek(&s, fd, buf);
			break;
		case PREAD:
			read_pread(&s, fd, buf);
			break;
		}
	}
	close(fd);
	write_seen(&s.seen, out);
	exit(0);
}

static void loader(void)
{
	struct counters *c = &counters[NR_READERS];
	int i, fd;

	while (now() < deadline) {
		for (i = 0; i < nr_modules; i++) {
			if (syscall(SYS_delete_module, module[i], O_NONBLOCK) &&
			    c->errors++ < MAX_REPORTED)
				say("# loader: unload %s: %s\n", module[i],
				    strerror(errno));
		}
		for (i = 0; i < nr_modules; i++) {
			fd = open(module_ko[i], O_RDONLY);
			if ((fd < 0 || syscall(SYS_finit_module, fd, "", 0)) &&
			    c->errors++ < MAX_REPORTED)
				say("# loader: load %s: %s\n", module_ko[i],
				    strerror(errno));
			if (fd >= 0)
				close(fd);
		}
		c->cycles++;
	}
	exit(0);
}

/*
 * Read the reference: the whole file, the core kernel's part, which ends
 * where the first line of a loaded module starts, and the set of the
 * lines after it that belong to no loaded module.  Returns why it cannot
 * serve as one, or NULL.
 */
static const char *read_reference(size_t *nr_lines, size_t *nr_module_lines)
{
	static char why[MAX_LINE + 128];
	size_t alloc = 1 << 22, len;
	const char *l, *nl;
	ssize_t n;
	int fd;

	fd = open(KALLMODSYMS, O_RDONLY);
	if (fd < 0)
		return "cannot open " KALLMODSYMS;
	ref = xrealloc(NULL, alloc);
	do {
		if (ref_size + 65536 > alloc) {
			alloc *= 2;
			ref = xrealloc(ref, alloc);
		}
		n = read(fd, ref + ref_size, 65536);
		if (n < 0)
			return "cannot read " KALLMODSYMS;
		ref_size += n;
	} while (n);
	close(fd);
	if (!ref_size || ref[ref_size - 1] != '\n')
		return "the reference is empty or its last line has no newline";
	ref_core = ref_size;
	*nr_lines = *nr_module_lines = 0;
	for (l = ref; l < ref + ref_size; l = nl + 1) {
		nl = memchr(l, '\n', ref + ref_size - l);
		len = nl - l;
		(*nr_lines)++;
		if (bad_grammar(l, len)) {
			snprintf(why, sizeof(why), "line %zu: %s: '%.*s'",
				 *nr_lines, bad_grammar(l, len), (int)len, l);
			return why;
		}
		if (module_line(l, len)) {
			if (ref_core == ref_size)
				ref_core = l - ref;
			(*nr_module_lines)++;
		} else if (ref_core != ref_size) {
			set_add(&ref_rest, l, len);
		}
	}
	if (!*nr_module_lines)
		return "no line of a loaded module: the modules are not loaded";
	return NULL;
}

/* Module @ko: its name is the file's, less ".ko", with "-" made "_". */
static void add_module(const char *ko)
{
	const char *base = strrchr(ko, '/') ? strrchr(ko, '/') + 1 : ko;
	size_t len = strcspn(base, ".");
	char *m = module[nr_modules];

	snprintf(m, sizeof(module[0]), "%.*s", (int)len, base);
	for (; *m; m++) {
		if (*m == '-')
			*m = '_';
	}
	module_ko[nr_modules++] = ko;
}

static void usage(void)
{
	fprintf(stderr, "usage: stress [-t seconds] [-o module-lines] module.ko...\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct counters total = { 0 };
	const char *out = NULL, *why;
	size_t nr_lines, nr_module_lines;
	int seconds = 60, opt, i, t = 0, failed = 0;
	pid_t pid[NR_READERS + 1];
	double started;

	while ((opt = getopt(argc, argv, "t:o:")) != -1) {
		if (opt == 't')
			seconds = atoi(optarg);
		else if (opt == 'o')
			out = optarg;
		else
			usage();
	}
	if (optind == argc || argc - optind > MAX_MODULES || seconds <= 0)
		usage();
	for (i = optind; i < argc; i++)
		add_module(argv[i]);
	if (out)
		unlink(out);

	say("1..%d\n", NR_READERS + 3);
	why = read_reference(&nr_lines, &nr_module_lines);
	if (why) {
		say("not ok 1 stress: reference read: %s\n", why);
		say("Bail out! no reference\n");
		return 1;
	}
	say("ok %d stress: reference read: %zu lines, %zu bytes, %zu of the core kernel, %zu of %d loaded modules\n",
	    ++t, nr_lines, ref_size, ref_core, nr_module_lines, nr_modules);

	counters = mmap(NULL, (NR_READERS + 1) * sizeof(*counters),
			PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (counters == MAP_FAILED) {
		say("Bail out! mmap: %s\n", strerror(errno));
		return 1;
	}
	memset(counters, 0, (NR_READERS + 1) * sizeof(*counters));
	started = now();
	deadline = started + seconds;
	for (i = 0; i <= NR_READERS; i++) {
		pid[i] = fork();
		if (pid[i] < 0) {
			say("Bail out! fork: %s\n", strerror(errno));
			return 1;
		}
		if (!pid[i]) {
			if (i == NR_READERS)
				loader();
			reader(i, out);
		}
	}
	for (i = 0; i <= NR_READERS; i++) {
		struct counters *c = &counters[i];
		int status;
		bool ok;

		if (waitpid(pid[i], &status, 0) != pid[i])
			status = -1;
		ok = WIFEXITED(status) && !WEXITSTATUS(status);
		if (i == NR_READERS) {
			ok = ok && c->cycles && !c->errors;
			say("%s %d stress: loader: %lu unload/load cycles of %d modules, %lu errors%s\n",
			    ok ? "ok" : "not ok", ++t, c->cycles, nr_modules,
			    c->errors, WIFEXITED(status) ? "" : ", killed");
		} else {
			ok = ok && c->reads && !c->bad;
			say("%s %d stress: reader %d, %s: %lu reads, %lu bytes, %lu lines (%lu of loaded modules), %lu %s, %lu bad%s\n",
			    ok ? "ok" : "not ok", ++t, i, readers[i].name,
			    c->reads, c->bytes, c->lines, c->module_lines,
			    c->passes, readers[i].kind < SEEK_READ ?
			    "whole passes" : "random reads",
			    c->bad, WIFEXITED(status) ? "" : ", killed");
			total.reads += c->reads;
			total.bytes += c->bytes;
			total.lines += c->lines;
			total.module_lines += c->module_lines;
			total.bad += c->bad;
		}
		failed |= !ok;
	}
	say("%s %d stress: %.0f s, %d readers: %lu reads, %lu bytes, %lu lines (%lu of loaded modules), %lu unload/load cycles, %lu bad lines\n",
	    failed ? "not ok" : "ok", ++t, now() - started, NR_READERS,
	    total.reads, total.bytes, total.lines, total.module_lines,
	    counters[NR_READERS].cycles, total.bad);
	return failed;
}
