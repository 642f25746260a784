// SPDX-License-Identifier: GPL-2.0
/*
 * mutate.c: run a host tool on a seed input and on deterministic mutations
 * of it, and judge every outcome.
 *
 * Usage: mutate [-b] [-n count] [-r seed] [-t ms] [-S ops] [-e name]...
 *               [-o dir] [-k dir] [-x prefix] -i input -s seedfile -- command [arg...]
 *
 *   -i input     the file the command reads, which is overwritten with the
 *                seed and each mutation of it (the seed again at the end)
 *   -s seedfile  the unmutated input
 *   -n count     mutations to try (default 0: the seed alone, a replay)
 *   -r seed      seed of the pseudo-random choices (default 1)
 *   -t ms        time limit of one run (default 5000)
 *   -b           the input is binary: byte mutations, not line mutations
 *   -S ops       comma-separated mutations that cannot turn a valid input
 *                into another valid one: after these the command must fail,
 *                or succeed with exactly the unmutated output
 *   -e name      an input file as the tool's messages name it (any number;
 *                the -i argument is one)
 *   -o dir       write each mutated input that failed a check there
 *   -k dir       write there each mutated input that the command accepted
 *                with other output than the seed's (to review them)
 *   -x prefix    an error whose message begins with @prefix is accepted even
 *                if it names no input or comes after output (a known
 *                exception, counted apart as tolerated)
 *
 * Every run must end by itself within the time limit, not on a signal,
 * with no sanitizer report on stderr (the tool is built with
 * -fsanitize=address,undefined); a run that fails must exit with 1, write
 * nothing on stdout, and begin stderr with "<name>:" for one of the input
 * names.  After a mutation listed in -S, a run that succeeds must write
 * byte for byte what the seed gave.
 *
 * Line mutations (one line is a line of the seed, with its newline):
 *   del    delete a line            dup    duplicate a line
 *   swap   swap two lines           trunc  cut a line short
 *   flip   replace a character by another printable one
 *   ins    insert a printable character
 *   hex    replace a hex digit by another
 *   ctrl   insert a control character (0x01-0x1f but newline, or 0x7f)
 *   glue   delete the blanks between two fields of a line
 * Byte mutations (-b):
 *   byte   set a byte              bit    flip a bit
 *   zero   clear 4 bytes           ones   set 4 bytes to 0xff
 *   cut    drop the last 1-64 bytes
 *
 * Prints one line per failed check, then
 * "<seedfile>: <n> runs: <n> errors (<n> tolerated), <n> same, <n> changed,
 * <n> failed"
 * and exits 1 if a check failed.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_NAMES 16

struct buf {
	char *p;
	size_t len;
};

struct outcome {
	int status;		/* as waitpid() gives it */
	struct buf out, err;
};

enum { M_DEL, M_DUP, M_SWAP, M_TRUNC, M_FLIP, M_INS, M_HEX, M_CTRL, M_GLUE,
	M_BYTE, M_BIT, M_ZERO, M_ONES, M_CUT, NR_MUTATIONS };

static const char *const mutation_names[NR_MUTATIONS] = {
	"del", "dup", "swap", "trunc", "flip", "ins", "hex", "ctrl", "glue",
	"byte", "bit", "zero", "ones", "cut",
};

static const char *input, *seed_file, *save_dir, *tolerated, *changed_dir;
static const char *names[MAX_NAMES];
static unsigned int nr_names;
static char **command;
static unsigned int timeout_ms = 5000;
static bool strict[NR_MUTATIONS];
static unsigned long long rng;

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "mutate: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	exit(2);
}

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		die("%s", "out of memory");
	return p;
}

/* xorshift64*: the same choices on every machine for the same -r. */
static unsigned long long next_random(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dULL;
}

static size_t pick(size_t n)
{
	return n ? next_random() % n : 0;
}

static void read_file(const char *file, struct buf *b)
{
	FILE *fp = fopen(file, "rb");
	size_t n;

	if (!fp)
		die("cannot open %s", file);
	b->len = 0;
	b->p = NULL;
	do {
		b->p = xrealloc(b->p, b->len + 65536);
		n = fread(b->p + b->len, 1, 65536, fp);
		b->len += n;
	} while (n == 65536);
	if (ferror(fp))
		die("cannot read %s", file);
	fclose(fp);
}

static void write_file(const char *file, const struct buf *b)
{
	FILE *fp = fopen(file, "wb");

	if (!fp || fwrite(b->p, 1, b->len, fp) != b->len || fclose(fp))
		die("cannot write %s", file);
}

/* The whole of the file @fd refers to, from its start. */
static void slurp(int fd, struct buf *b)
{
	ssize_t n;

	b->len = 0;
	lseek(fd, 0, SEEK_SET);
	for (;;) {
		b->p = xrealloc(b->p, b->len + 65536 + 1);
		n = read(fd, b->p + b->len, 65536);
		if (n <= 0)
			break;
		b->len += n;
	}
	b->p[b->len] = '\0';
}

/*
 * Run the command on what is in @input now, with a time limit that the
 * command inherits across exec (ITIMER_REAL): a hang ends on SIGALRM.
 */
static void run(struct outcome *o)
{
	FILE *out = tmpfile(), *err = tmpfile();
	pid_t pid;

	if (!out || !err)
		die("%s", "cannot make temporary files");
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		die("%s", "cannot fork");
	if (!pid) {
		struct itimerval t = { .it_value = {
			.tv_sec = timeout_ms / 1000,
			.tv_usec = timeout_ms % 1000 * 1000 } };
		struct rlimit fsize = { 64 << 20, 64 << 20 };

		dup2(fileno(out), 1);
		dup2(fileno(err), 2);
		setrlimit(RLIMIT_FSIZE, &fsize);
		setitimer(ITIMER_REAL, &t, NULL);
		execvp(command[0], command);
		fprintf(stderr, "mutate: cannot run %s: %s\n", command[0], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &o->status, 0) < 0)
		if (errno != EINTR)
			die("%s", "waitpid failed");
	slurp(fileno(out), &o->out);
	slurp(fileno(err), &o->err);
	fclose(out);
	fclose(err);
}

/* Does stderr begin with "<name>:" for one of the inputs? */
static bool names_an_input(const struct buf *err)
{
	unsigned int i;

	for (i = 0; i < nr_names; i++) {
		size_t n = strlen(names[i]);

		if (err->len > n && !memcmp(err->p, names[i], n) && err->p[n] == ':')
			return true;
	}
	return false;
}

static int nr_errors, nr_tolerated, nr_same, nr_changed, nr_failed;
static bool changed;		/* the last run succeeded with other output */

/*
 * Judge outcome @o of the input in @b, made by mutation @m (-1: the seed
 * itself), against @ref, the seed's outcome.  Returns the reason it fails,
 * or NULL.
 */
static const char *judge(const struct outcome *o, const struct outcome *ref, int m)
{
	if (WIFSIGNALED(o->status))
		return WTERMSIG(o->status) == SIGALRM ? "hang (time limit)" :
		       strsignal(WTERMSIG(o->status));
	if (strstr(o->err.p, "Sanitizer") || strstr(o->err.p, "runtime error:"))
		return "sanitizer report";
	if (WEXITSTATUS(o->status) == 127)
		return "command not run";
	if (WEXITSTATUS(o->status) != 0) {
		nr_errors++;
		if (tolerated && *tolerated && !strncmp(o->err.p, tolerated, strlen(tolerated)) &&
		    WEXITSTATUS(o->status) == 1) {
			nr_tolerated++;
			return NULL;
		}
		if (WEXITSTATUS(o->status) != 1)
			return "exit status other than 0 and 1";
		if (o->out.len)
			return "output written before an error";
		if (!names_an_input(&o->err))
			return "error that names no input file";
		return NULL;
	}
	if (o->out.len == ref->out.len && !memcmp(o->out.p, ref->out.p, o->out.len)) {
		nr_same++;
		return NULL;
	}
	nr_changed++;
	changed = true;
	if (m >= 0 && strict[m]) {
		if (WEXITSTATUS(ref->status))
			return "success on a mutation of an input that fails";
		return "success with other output after a mutation that leaves no valid input";
	}
	return NULL;
}

/* Lines of the seed, as offsets: line i is [start[i], start[i + 1]). */
static size_t *line_start;
static size_t nr_lines;

static void split_lines(const struct buf *b)
{
	size_t i;

	line_start = xrealloc(NULL, (b->len + 2) * sizeof(*line_start));
	nr_lines = 0;
	line_start[0] = 0;
	for (i = 0; i < b->len; i++)
		if (b->p[i] == '\n')
			line_start[++nr_lines] = i + 1;
	if (line_start[nr_lines] < b->len)	/* a last line without newline */
		line_start[++nr_lines] = b->len;
}

static size_t line_len(size_t l)
{
	return line_start[l + 1] - line_start[l];
}

/* Append @n bytes at @p to @b. */
static void put(struct buf *b, const char *p, size_t n)
{
	b->p = xrealloc(b->p, b->len + n + 1);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

/*
 * Position of a random character of @s (not its newline) for which @ok
 * holds, or -1.
 */
static long pick_char(const struct buf *s, int (*ok)(const char *, size_t, size_t))
{
	size_t i, n = 0, k;

	for (i = 0; i < s->len; i++)
		if (s->p[i] != '\n' && ok(s->p, s->len, i))
			n++;
	if (!n)
		return -1;
	k = pick(n);
	for (i = 0; i < s->len; i++)
		if (s->p[i] != '\n' && ok(s->p, s->len, i) && !k--)
			return i;
	return -1;
}

static int any_char(const char *p, size_t len, size_t i)
{
	return 1;
}

static int hex_digit(const char *p, size_t len, size_t i)
{
	return strchr("0123456789abcdefABCDEF", p[i]) != NULL;
}

/* The first blank of a run of blanks between two other characters. */
static int field_gap(const char *p, size_t len, size_t i)
{
	size_t j = i;

	if ((p[i] != ' ' && p[i] != '\t') || !i || p[i - 1] == ' ' ||
	    p[i - 1] == '\t' || p[i - 1] == '\n')
		return 0;
	while (j < len && (p[j] == ' ' || p[j] == '\t'))
		j++;
	return j < len && p[j] != '\n';
}

/*
 * Mutation @m of @s into @d; false if it does not apply to this seed
 * (no such character) or leaves the input unchanged.
 */
static bool mutate(int m, const struct buf *s, struct buf *d)
{
	size_t l = pick(nr_lines), l2, len = nr_lines ? line_len(l) : 0;
	size_t a = nr_lines ? line_start[l] : 0, b = a + len;
	long i = -1;
	char c;

	d->len = 0;
	switch (m) {
	case M_DEL:
		if (!nr_lines)
			return false;
		put(d, s->p, a);
		put(d, s->p + b, s->len - b);
		break;
	case M_DUP:
		if (!nr_lines)
			return false;
		put(d, s->p, b);
		put(d, s->p + a, s->len - a);
		break;
	case M_SWAP:
		if (nr_lines < 2)
			return false;
		l2 = pick(nr_lines - 1);
		l2 += l2 >= l;
		if (l2 < l) {
			size_t t = l;

			l = l2;
			l2 = t;
		}
		a = line_start[l];
		b = line_start[l + 1];
		put(d, s->p, a);
		put(d, s->p + line_start[l2], line_len(l2));
		put(d, s->p + b, line_start[l2] - b);
		put(d, s->p + a, b - a);
		put(d, s->p + line_start[l2] + line_len(l2),
		    s->len - line_start[l2] - line_len(l2));
		break;
	case M_TRUNC:
		if (len < 2)
			return false;
		i = a + pick(len - 1);	/* keeps the newline */
		put(d, s->p, i);
		put(d, s->p + b - 1, s->len - b + 1);
		break;
	case M_FLIP:
	case M_INS:
	case M_HEX:
	case M_CTRL:
		i = pick_char(s, m == M_HEX ? hex_digit : any_char);
		if (i < 0)
			return false;
		if (m == M_HEX)
			c = "0123456789abcdef"[pick(16)];
		else if (m == M_CTRL)
			c = pick(2) ? "\x01\x02\x08\x09\x0b\x0c\x0d\x1b\x1f\x7f"[pick(10)] :
				      (char)(1 + pick(31));
		else
			c = ' ' + pick(95);
		if (c == '\n')
			c = '\r';
		put(d, s->p, i);
		put(d, &c, 1);
		put(d, s->p + i + (m == M_FLIP || m == M_HEX),
		    s->len - i - (m == M_FLIP || m == M_HEX));
		break;
	case M_GLUE:
		i = pick_char(s, field_gap);
		if (i < 0)
			return false;
		put(d, s->p, i);
		while (s->p[i] == ' ' || s->p[i] == '\t')
			i++;
		put(d, s->p + i, s->len - i);
		break;
	case M_BYTE:
	case M_BIT:
	case M_ZERO:
	case M_ONES:
		if (!s->len)
			return false;
		put(d, s->p, s->len);
		i = pick(s->len);
		if (m == M_BYTE)
			d->p[i] = pick(256);
		else if (m == M_BIT)
			d->p[i] ^= 1 << pick(8);
		else
			memset(d->p + i, m == M_ZERO ? 0 : 0xff,
			       s->len - i < 4 ? s->len - i : 4);
		break;
	case M_CUT:
		if (!s->len)
			return false;
		put(d, s->p, s->len - 1 - pick(s->len < 64 ? s->len : 64));
		break;
	}
	return d->len != s->len || memcmp(d->p, s->p, s->len);
}

/* Write input @in of mutation @m, run @n, into @dir; return its path. */
static const char *save(const char *dir, int m, int n, const struct buf *in)
{
	static char path[4096];
	const char *base = strrchr(seed_file, '/');

	snprintf(path, sizeof(path), "%s/%s-%s-%d", dir, base ? base + 1 : seed_file,
		 m < 0 ? "seed" : mutation_names[m], n);
	write_file(path, in);
	return path;
}

static void report(const char *why, int m, int n, const struct outcome *o,
		   const struct buf *in)
{
	char *nl = memchr(o->err.p, '\n', o->err.len);
	int errlen = nl ? nl - o->err.p : (int)o->err.len;

	nr_failed++;
	printf("FAIL: %s: %s%s, run %d: %s (exit %d; stderr: %.*s)\n", seed_file,
	       m < 0 ? "the seed" : "mutation ", m < 0 ? "" : mutation_names[m], n, why,
	       WIFEXITED(o->status) ? WEXITSTATUS(o->status) : -1,
	       errlen > 200 ? 200 : errlen, o->err.p);
	if (save_dir)
		printf("  input saved as %s\n", save(save_dir, m, n, in));
}

static void set_strict(char *list)
{
	char *tok;
	int m;

	for (tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
		for (m = 0; m < NR_MUTATIONS; m++)
			if (!strcmp(tok, mutation_names[m]))
				break;
		if (m == NR_MUTATIONS)
			die("no mutation %s", tok);
		strict[m] = true;
	}
}

int main(int argc, char **argv)
{
	static const int line_ops[] = { M_DEL, M_DUP, M_SWAP, M_TRUNC, M_FLIP,
					M_INS, M_HEX, M_CTRL, M_GLUE };
	static const int byte_ops[] = { M_BYTE, M_BIT, M_ZERO, M_ONES, M_CUT };
	const int *ops = line_ops;
	int nr_ops = sizeof(line_ops) / sizeof(line_ops[0]);
	unsigned long long rseed = 1;
	struct outcome ref = { 0 }, o = { 0 };
	struct buf seed, mutant = { 0 };
	int count = 0, runs = 0, n, opt;
	const char *why;

	while ((opt = getopt(argc, argv, "bn:r:t:S:e:o:k:i:s:x:")) != -1) {
		switch (opt) {
		case 'b':
			ops = byte_ops;
			nr_ops = sizeof(byte_ops) / sizeof(byte_ops[0]);
			break;
		case 'n':
			count = atoi(optarg);
			break;
		case 'r':
			rseed = strtoull(optarg, NULL, 0);
			break;
		case 't':
			timeout_ms = atoi(optarg);
			break;
		case 'S':
			set_strict(optarg);
			break;
		case 'e':
			if (nr_names == MAX_NAMES)
				die("%s", "too many -e");
			names[nr_names++] = optarg;
			break;
		case 'o':
			save_dir = optarg;
			break;
		case 'k':
			changed_dir = optarg;
			break;
		case 'i':
			input = optarg;
			break;
		case 's':
			seed_file = optarg;
			break;
		case 'x':
			tolerated = optarg;
			break;
		default:
			die("%s", "bad option");
		}
	}
	if (!input || !seed_file || optind >= argc)
		die("%s", "usage: mutate [-b] [-n count] [-r seed] [-t ms] [-S ops] [-e name]... [-o dir] [-k dir] [-x prefix] -i input -s seedfile -- command [arg...]");
	if (nr_names < MAX_NAMES)
		names[nr_names++] = input;
	command = argv + optind;
	/* The same choices for the same seed file content and -r. */
	read_file(seed_file, &seed);
	rng = rseed * 0x9e3779b97f4a7c15ULL + seed.len + 1;
	split_lines(&seed);

	write_file(input, &seed);
	run(&ref);
	runs++;
	why = judge(&ref, &ref, -1);
	if (why)
		report(why, -1, 0, &ref, &seed);

	for (n = 0; n < count; n++) {
		int m = ops[n % nr_ops];

		if (!mutate(m, &seed, &mutant))
			continue;
		write_file(input, &mutant);
		run(&o);
		runs++;
		changed = false;
		why = judge(&o, &ref, m);
		if (why)
			report(why, m, n, &o, &mutant);
		else if (changed && changed_dir)
			save(changed_dir, m, n, &mutant);
	}
	write_file(input, &seed);
	printf("%s: %d runs: %d errors (%d tolerated), %d same, %d changed, %d failed\n",
	       seed_file, runs, nr_errors, nr_tolerated, nr_same, nr_changed, nr_failed);
	return nr_failed ? 1 : 0;
}
