// SPDX-License-Identifier: GPL-2.0
/*
 * kallmodsyms_names.c: module and object names for the kallmodsyms tables
 * (decoded by kernel/kallmodsyms_names.c).
 *
 * Module names and object paths are mostly words that the names of the
 * symbols they define start with too (tsc.o: tsc_init, fat: fat_fill_super),
 * and the kernel has those names already, in kallsyms.  A name is written
 * as letters of one code, ending with KALLMODSYMS_NAME_END:
 *
 *   a character		itself (0x20 and up)
 *   KALLMODSYMS_NAME_COPY		the first L characters of the name of kallsyms
 *				symbol S; then L - KALLMODSYMS_NAME_MIN_COPY in the
 *				_copy_len code and S minus the previous copy's
 *				S (0 at the start of an index entry's names),
 *				zigzag-coded, in the _copy_sym code
 *   KALLMODSYMS_NAME_MODULE		the name of a module, in object names only:
 *				then its id, in as many bits as the largest id
 *				has
 *
 * Objects are named in link order and mostly copy from their own symbols,
 * which are in link order too, so the S differences are small.  Each name
 * is parsed into the pieces that cost the fewest bits, by dynamic
 * programming over its characters; the costs are those of the codes the
 * previous parse would build, starting from estimates.
 *
 *   kallmodsyms_names_counts, _letters	the letter code
 *   kallmodsyms_names_copy_len_*	the copy length code
 *   kallmodsyms_names_copy_sym_*	the copy symbol code
 *   kallmodsyms_names_bits		the names: module names, then object
 *					names
 *   kallmodsyms_module_index		bit offset of every
 *   kallmodsyms_object_index		KALLMODSYMS_NAMES_PER_INDEX-th name
 */

#include <stdlib.h>
#include <string.h>

#include <xalloc.h>

#include "kallmodsyms.h"

#define KMS_NAME_FIRST_CHAR	0x20

#define KMS_NAME_ROUNDS		2	/* parses, the first from estimates */
#define KMS_EST_CHAR		5	/* estimated bits: a character, */
#define KMS_EST_COPY		11	/* a copy but its symbol's extra bits, */
#define KMS_EST_MODULE		6	/* a module but its id */
#define KMS_NAME_WINDOW		256	/* symbols searched around the last copy */
#define KMS_NAME_RANGE_SCAN	64	/* ...and in a range of equal prefixes */

/* A piece of a name: a character, a copy of a symbol's start, a module. */
struct piece {
	unsigned char letter;
	unsigned int val;	/* symbol or module id */
	unsigned int len;	/* characters a copy takes */
};

/* What the names are parsed against, and the codes they are written in. */
struct names_ctx {
	const struct kms_symbol *syms;
	unsigned int nr_syms;
	unsigned int *by_name;		/* symbol indexes sorted by name */
	const struct kms_names *modules;
	unsigned int module_bits;
	struct kms_code letter, copy_len, copy_sym;
	bool estimate;			/* no codes yet: estimated costs */
};

void kms_names_add(struct kms_names *names, const char *name)
{
	const char *c;

	for (c = name; *c; c++)
		if ((unsigned char)*c < KMS_NAME_FIRST_CHAR)
			kms_die("kallsyms: name '%s' has a control character",
				name);
	names->name = xrealloc(names->name,
			       (names->nr + 1) * sizeof(*names->name));
	names->name[names->nr++] = xstrdup(name);
}

static const struct kms_symbol *sort_syms;

static int cmp_by_name(const void *a, const void *b)
{
	return strcmp(sort_syms[*(const unsigned int *)a].name,
		      sort_syms[*(const unsigned int *)b].name);
}

static unsigned int common_prefix(const char *a, const char *b)
{
	unsigned int n = 0;

	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

/* Bits of letter @l in @h: an unused letter costs more than any code. */
static unsigned int letter_cost(const struct kms_code *h, unsigned int l)
{
	return h->len[l] ? h->len[l] : KALLMODSYMS_CODE_MAX_LEN + 4;
}

static unsigned int number_cost(const struct kms_code *h,
				unsigned long long val)
{
	unsigned int extra, l = kms_code_number(val, &extra);

	return letter_cost(h, l) + extra;
}

static unsigned int char_cost(const struct names_ctx *x, unsigned char c)
{
	return x->estimate ? KMS_EST_CHAR : letter_cost(&x->letter, c);
}

static unsigned int copy_cost(const struct names_ctx *x, unsigned int len,
			      unsigned int sym, unsigned int prev)
{
	unsigned int extra;

	if (x->estimate) {
		kms_code_number(kms_zigzag(sym, prev), &extra);
		return KMS_EST_COPY + extra;
	}
	return letter_cost(&x->letter, KALLMODSYMS_NAME_COPY) +
	       number_cost(&x->copy_len, len - KALLMODSYMS_NAME_MIN_COPY) +
	       number_cost(&x->copy_sym, kms_zigzag(sym, prev));
}

static unsigned int module_cost(const struct names_ctx *x)
{
	return (x->estimate ? KMS_EST_MODULE :
			      letter_cost(&x->letter, KALLMODSYMS_NAME_MODULE)) +
	       x->module_bits;
}

/* The first of the symbols sorted by name whose name is not below @s. */
static unsigned int lower_bound(const struct names_ctx *x, const char *s,
				unsigned int len)
{
	unsigned int lo = 0, hi = x->nr_syms;

	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		if (strncmp(x->syms[x->by_name[mid]].name, s, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * For each length l from KALLMODSYMS_NAME_MIN_COPY, the symbol nearest to @prev
 * whose name starts with the first l characters of @s: in @best[l], or
 * ~0U where none does.  Returns the longest l any symbol has.
 */
static unsigned int find_copies(const struct names_ctx *x, const char *s,
				unsigned int prev, unsigned int *best)
{
	unsigned int max = 0, l, i, from, to;

	i = lower_bound(x, s, strlen(s));
	if (i < x->nr_syms)
		max = common_prefix(s, x->syms[x->by_name[i]].name);
	if (i > 0) {
		l = common_prefix(s, x->syms[x->by_name[i - 1]].name);
		max = l > max ? l : max;
	}
	for (l = 0; l <= max; l++)
		best[l] = ~0U;
	if (max < KALLMODSYMS_NAME_MIN_COPY)
		return 0;

	/* Near @prev: the symbols of the same object, mostly. */
	from = prev > KMS_NAME_WINDOW ? prev - KMS_NAME_WINDOW : 0;
	to = prev + KMS_NAME_WINDOW < x->nr_syms ? prev + KMS_NAME_WINDOW :
						   x->nr_syms;
	for (i = from; i < to; i++) {
		l = common_prefix(s, x->syms[i].name);
		if (l > max)
			l = max;	/* a guard: no name shares more */
		if (best[l] == ~0U ||
		    kms_zigzag(i, prev) < kms_zigzag(best[l], prev))
			best[l] = i;
	}
	for (l = max; l-- > 0;)
		if (best[l + 1] != ~0U && (best[l] == ~0U ||
		    kms_zigzag(best[l + 1], prev) < kms_zigzag(best[l], prev)))
			best[l] = best[l + 1];

	/* Otherwise any symbol with that start will do. */
	for (l = KALLMODSYMS_NAME_MIN_COPY; l <= max; l++) {
		unsigned int end;

		if (best[l] != ~0U)
			continue;
		i = lower_bound(x, s, l);
		end = i + KMS_NAME_RANGE_SCAN;
		for (; i < end && i < x->nr_syms &&
		     !strncmp(x->syms[x->by_name[i]].name, s, l); i++)
			if (best[l] == ~0U || kms_zigzag(x->by_name[i], prev) <
					      kms_zigzag(best[l], prev))
				best[l] = x->by_name[i];
	}
	return max;
}

/*
 * The cheapest pieces for @name, into @out (at most strlen(@name) + 1 of
 * them, KALLMODSYMS_NAME_END last); *@prev is the symbol copies count from, and is
 * left at the last one copied.
 */
static unsigned int parse_name(const struct names_ctx *x, const char *name,
			       bool module_refs, unsigned int *prev,
			       struct piece *out)
{
	unsigned int len = strlen(name), p, l, m, n;
	unsigned int *cost = xmalloc((len + 1) * sizeof(*cost));
	unsigned int *state = xmalloc((len + 1) * sizeof(*state));
	unsigned int *best = xmalloc((len + 1) * sizeof(*best));
	struct piece *how = xcalloc(len + 1, sizeof(*how));

	cost[0] = 0;
	state[0] = *prev;
	for (p = 1; p <= len; p++)
		cost[p] = ~0U;
	for (p = 0; p < len; p++) {
		unsigned int c = cost[p] + char_cost(x, name[p]);

		if (c < cost[p + 1]) {
			cost[p + 1] = c;
			state[p + 1] = state[p];
			how[p + 1] = (struct piece){ (unsigned char)name[p], 0, 1 };
		}
		for (m = 0; module_refs && m < x->modules->nr; m++) {
			l = strlen(x->modules->name[m]);
			c = cost[p] + module_cost(x);
			if (l > len - p || strncmp(name + p, x->modules->name[m], l) ||
			    c >= cost[p + l])
				continue;
			cost[p + l] = c;
			state[p + l] = state[p];
			how[p + l] = (struct piece){ KALLMODSYMS_NAME_MODULE, m, l };
		}
		n = find_copies(x, name + p, state[p], best);
		for (l = KALLMODSYMS_NAME_MIN_COPY; l <= n; l++) {
			c = cost[p] + copy_cost(x, l, best[l], state[p]);
			if (c >= cost[p + l])
				continue;
			cost[p + l] = c;
			state[p + l] = best[l];
			how[p + l] = (struct piece){ KALLMODSYMS_NAME_COPY, best[l], l };
		}
	}
	/* Back from the end, then turned around. */
	for (p = len, n = 0; p; p -= how[p].len)
		out[n++] = how[p];
	for (l = 0; l < n / 2; l++) {
		struct piece t = out[l];

		out[l] = out[n - 1 - l];
		out[n - 1 - l] = t;
	}
	out[n++] = (struct piece){ KALLMODSYMS_NAME_END, 0, 0 };
	*prev = state[len];
	free(cost);
	free(state);
	free(best);
	free(how);
	return n;
}

/* A name's pieces. */
struct parsed {
	struct piece *pieces;
	unsigned int n;
};

/* Parse every name of @names with the costs of @x's codes. */
static struct parsed *parse_names(const struct names_ctx *x,
				  const struct kms_names *names,
				  bool module_refs)
{
	struct parsed *out = xcalloc(names->nr + 1, sizeof(*out));
	unsigned int i, prev = 0;

	for (i = 0; i < names->nr; i++) {
		if (i % KALLMODSYMS_NAMES_PER_INDEX == 0)
			prev = 0;
		out[i].pieces = xcalloc(strlen(names->name[i]) + 1,
					sizeof(*out[i].pieces));
		out[i].n = parse_name(x, names->name[i], module_refs, &prev,
				      out[i].pieces);
	}
	return out;
}

static void free_parsed(struct parsed *p, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		free(p[i].pieces);
	free(p);
}

/*
 * Count the letters and numbers of @nr parsed names into @x's codes, or,
 * with @bits, write them, recording the bit offset of every
 * KALLMODSYMS_NAMES_PER_INDEX-th name in @index.
 */
static void code_names(struct names_ctx *x, const struct parsed *names,
		       unsigned int nr, struct kms_bits *bits,
		       unsigned long long *index)
{
	unsigned int i, k, prev = 0;

	for (i = 0; i < nr; i++) {
		if (i % KALLMODSYMS_NAMES_PER_INDEX == 0) {
			prev = 0;
			if (bits)
				index[i / KALLMODSYMS_NAMES_PER_INDEX] = bits->nr;
		}
		for (k = 0; k < names[i].n; k++) {
			const struct piece *q = &names[i].pieces[k];

			kms_code_letter(bits, &x->letter, q->letter);
			if (q->letter == KALLMODSYMS_NAME_MODULE && bits)
				kms_bits_put(bits, q->val, x->module_bits);
			if (q->letter != KALLMODSYMS_NAME_COPY)
				continue;
			kms_code_value(bits, &x->copy_len,
				       q->len - KALLMODSYMS_NAME_MIN_COPY);
			kms_code_value(bits, &x->copy_sym,
				       kms_zigzag(q->val, prev));
			prev = q->val;
		}
	}
}

/* What the names are made of, as a comment in the output. */
static void print_stats(const struct parsed *mp, unsigned int nr_mp,
			const struct parsed *op, unsigned int nr_op)
{
	unsigned int chars[3] = { 0 }, pieces[3] = { 0 }, i, k, kind;

	for (i = 0; i < nr_mp + nr_op; i++) {
		const struct parsed *p = i < nr_mp ? &mp[i] : &op[i - nr_mp];

		for (k = 0; k < p->n; k++) {
			if (p->pieces[k].letter == KALLMODSYMS_NAME_END)
				continue;
			kind = p->pieces[k].letter == KALLMODSYMS_NAME_COPY ? 1 :
			       p->pieces[k].letter == KALLMODSYMS_NAME_MODULE ? 2 : 0;
			chars[kind] += p->pieces[k].len;
			pieces[kind]++;
		}
	}
	printf("/* names: %u module and %u object names, %u characters: %u literal, %u in %u copies of symbol names, %u in %u module names */\n",
	       nr_mp, nr_op, chars[0] + chars[1] + chars[2], chars[0],
	       chars[1], pieces[1], chars[2], pieces[2]);
}

static void reset_codes(struct names_ctx *x)
{
	memset(&x->letter, 0, sizeof(x->letter));
	memset(&x->copy_len, 0, sizeof(x->copy_len));
	memset(&x->copy_sym, 0, sizeof(x->copy_sym));
}

static void build_codes(struct names_ctx *x)
{
	kms_code_build(&x->letter);
	kms_code_build(&x->copy_len);
	kms_code_build(&x->copy_sym);
}

static void write_index(const struct kms_names *names,
			const unsigned long long *index, const char *label)
{
	unsigned int i;

	kms_label(label);
	for (i = 0; i * KALLMODSYMS_NAMES_PER_INDEX < names->nr; i++)
		printf("\t.long %llu\n", index[i]);
}

/* Bits of a module id: enough for the largest. */
static unsigned int id_bits(unsigned int nr)
{
	unsigned int b = 0;

	while (nr > 1U << b)
		b++;
	return b;
}

void kms_write_names(const struct kms_names *modules,
		     const struct kms_names *objects,
		     const struct kms_symbol *syms, unsigned int nr_syms)
{
	struct names_ctx *x = xcalloc(1, sizeof(*x));
	unsigned long long *mindex, *oindex;
	struct kms_bits bits = { 0 };
	struct parsed *mp = NULL, *op = NULL;
	unsigned int i, round;

	x->syms = syms;
	x->nr_syms = nr_syms;
	x->modules = modules;
	x->module_bits = id_bits(modules->nr);
	x->by_name = xmalloc((nr_syms + 1) * sizeof(*x->by_name));
	for (i = 0; i < nr_syms; i++)
		x->by_name[i] = i;
	sort_syms = syms;
	qsort(x->by_name, nr_syms, sizeof(*x->by_name), cmp_by_name);

	/* Parse with estimated costs, then with the codes of the last parse. */
	x->estimate = true;
	for (round = 0; round < KMS_NAME_ROUNDS; round++) {
		if (round) {
			free_parsed(mp, modules->nr);
			free_parsed(op, objects->nr);
		}
		mp = parse_names(x, modules, false);
		op = parse_names(x, objects, true);
		reset_codes(x);
		code_names(x, mp, modules->nr, NULL, NULL);
		code_names(x, op, objects->nr, NULL, NULL);
		build_codes(x);
		x->estimate = false;
	}

	mindex = xcalloc(modules->nr / KALLMODSYMS_NAMES_PER_INDEX + 1,
			 sizeof(*mindex));
	oindex = xcalloc(objects->nr / KALLMODSYMS_NAMES_PER_INDEX + 1,
			 sizeof(*oindex));
	code_names(x, mp, modules->nr, &bits, mindex);
	code_names(x, op, objects->nr, &bits, oindex);
	print_stats(mp, modules->nr, op, objects->nr);
	free_parsed(mp, modules->nr);
	free_parsed(op, objects->nr);

	write_index(modules, mindex, "kallmodsyms_module_index");
	write_index(objects, oindex, "kallmodsyms_object_index");
	kms_code_write(&x->letter, "kallmodsyms_names");
	kms_code_write(&x->copy_len, "kallmodsyms_names_copy_len");
	kms_code_write(&x->copy_sym, "kallmodsyms_names_copy_sym");
	kms_bits_write(&bits, "kallmodsyms_names_bits");
	free(bits.buf);
	free(mindex);
	free(oindex);
	free(x->by_name);
	free(x);
}
