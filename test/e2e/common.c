// SPDX-License-Identifier: GPL-2.0
/* Shared helpers of the end-to-end checkers; see common.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

struct owner {
	char *name;
	char *obj;		/* the object defining it, as nm -A names it */
	char *set;		/* sorted module names, space-separated */
};

static struct owner *owners;
static size_t nr_owners;
static char **builtin;
static size_t nr_builtin;
char **loaded;
size_t nr_loaded;

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		perror("realloc");
		exit(2);
	}
	return p;
}

FILE *xfopen(const char *path)
{
	FILE *fp = fopen(path, "r");

	if (!fp) {
		perror(path);
		exit(2);
	}
	return fp;
}

int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_owner(const void *a, const void *b)
{
	return strcmp(((const struct owner *)a)->name,
		      ((const struct owner *)b)->name);
}

int in_list(char **list, size_t n, const char *s)
{
	return bsearch(&s, list, n, sizeof(char *), cmp_str) != NULL;
}

void sort_words(char *s)
{
	char *w[64], *save, *t, buf[1024];
	size_t n = 0, i;

	snprintf(buf, sizeof(buf), "%s", s);
	for (t = strtok_r(buf, " ", &save); t && n < 64; t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	qsort(w, n, sizeof(*w), cmp_str);
	s[0] = '\0';
	for (i = 0; i < n; i++) {
		strcat(s, i ? " " : "");
		strcat(s, w[i]);
	}
}

/* modules.builtin: "kernel/fs/fat/vfat.ko" -> "fs/fat/vfat" */
static void read_builtin(const char *objdir)
{
	char path[4096], line[1024];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/modules.builtin", objdir);
	fp = xfopen(path);
	while (fgets(line, sizeof(line), fp)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "kernel/", 7) || strlen(line) < 11)
			continue;
		line[strlen(line) - 3] = '\0';
		builtin = xrealloc(builtin, (nr_builtin + 1) * sizeof(char *));
		builtin[nr_builtin++] = strdup(line + 7);
	}
	fclose(fp);
	qsort(builtin, nr_builtin, sizeof(char *), cmp_str);
}

/* The built-in module set of an object, from its .cmd file. */
static char *module_set_of(const char *objdir, const char *obj)
{
	static char last_obj[4096], last_set[1024];
	char path[8192], *line = NULL, *p, *e, *save, *t;
	const char *base = strrchr(obj, '/');
	size_t size = 0;
	FILE *fp;

	if (!strcmp(obj, last_obj))
		return strdup(last_set);
	snprintf(last_obj, sizeof(last_obj), "%s", obj);
	last_set[0] = '\0';
	snprintf(path, sizeof(path), "%s/%.*s.%s.cmd", objdir,
		 base ? (int)(base - obj + 1) : 0, obj, base ? base + 1 : obj);
	fp = fopen(path, "r");
	if (fp && getline(&line, &size, fp) > 0 &&
	    (p = strstr(line, "KBUILD_MODFILE="))) {
		p += strlen("KBUILD_MODFILE=");
		p += strspn(p, "'\"");
		e = p + strcspn(p, "'\"");
		*e = '\0';
		for (t = strtok_r(p, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			const char *m = strrchr(t, '/');
			char name[256], *c;

			if (!in_list(builtin, nr_builtin, t))
				continue;
			snprintf(name, sizeof(name), "%s", m ? m + 1 : t);
			for (c = name; *c; c++)
				if (*c == '-')
					*c = '_';
			if (last_set[0])
				strcat(last_set, " ");
			strcat(last_set, name);
		}
		sort_words(last_set);
	}
	if (fp)
		fclose(fp);
	free(line);
	return strdup(last_set);
}

void read_owners(const char *objdir, const char *path)
{
	read_builtin(objdir);
	FILE *fp = xfopen(path);
	char line[4096], obj[2048], type, name[1024];
	unsigned long long addr;

	while (fgets(line, sizeof(line), fp)) {
		char *colon = strchr(line, ':');

		if (!colon)
			continue;
		*colon = '\0';
		snprintf(obj, sizeof(obj), "%s", line);
		if (sscanf(colon + 1, "%llx %c %1023s", &addr, &type, name) != 3)
			continue;
		owners = xrealloc(owners, (nr_owners + 1) * sizeof(*owners));
		owners[nr_owners].name = strdup(name);
		owners[nr_owners].obj = strdup(obj);
		owners[nr_owners].set = module_set_of(objdir, obj);
		nr_owners++;
	}
	fclose(fp);
	qsort(owners, nr_owners, sizeof(*owners), cmp_owner);
}

void read_loaded(const char *path)
{
	FILE *fp = xfopen(path);
	char line[1024], name[256];

	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "%255s", name) == 1) {
			loaded = xrealloc(loaded, (nr_loaded + 1) * sizeof(char *));
			loaded[nr_loaded++] = strdup(name);
		}
	fclose(fp);
	qsort(loaded, nr_loaded, sizeof(char *), cmp_str);
}

/* "[a] [b] {obj}" -> "a b" */
void module_set(const char *tags, char *out, size_t size)
{
	const char *p = tags;

	out[0] = '\0';
	while ((p = strchr(p, '['))) {
		const char *e = strchr(p, ']');
		size_t len;

		if (!e)
			break;
		len = e - p - 1;
		if (strlen(out) + len + 2 > size)
			break;
		if (out[0])
			strcat(out, " ");
		strncat(out, p + 1, len);
		p = e + 1;
	}
	sort_words(out);
}

/* The distinct module sets of the objects defining @name. */
size_t candidate_sets(const char *name, const char **sets)
{
	struct owner key = { .name = (char *)name };
	struct owner *o = bsearch(&key, owners, nr_owners, sizeof(*owners),
				  cmp_owner);
	size_t n = 0, i;

	if (!o)
		return 0;
	while (o > owners && !strcmp(o[-1].name, name))
		o--;
	for (; o < owners + nr_owners && !strcmp(o->name, name); o++) {
		for (i = 0; i < n; i++)
			if (!strcmp(sets[i], o->set))
				break;
		if (i == n && n < MAX_SETS)
			sets[n++] = o->set;
	}
	return n;
}

int is_loaded_module_line(const char *set)
{
	return set[0] && !strchr(set, ' ') && in_list(loaded, nr_loaded, set);
}

/* How many times objects of module set @set define @name. */
size_t definitions(const char *name, const char *set)
{
	struct owner key = { .name = (char *)name };
	struct owner *o = bsearch(&key, owners, nr_owners, sizeof(*owners),
				  cmp_owner);
	size_t n = 0;

	if (!o)
		return 0;
	while (o > owners && !strcmp(o[-1].name, name))
		o--;
	for (; o < owners + nr_owners && !strcmp(o->name, name); o++)
		n += !strcmp(o->set, set);
	return n;
}

/* Does the object @obj define @name?  Its module set if so, else NULL. */
const char *object_defines(const char *obj, const char *name)
{
	struct owner key = { .name = (char *)name };
	struct owner *o = bsearch(&key, owners, nr_owners, sizeof(*owners),
				  cmp_owner);

	if (!o)
		return NULL;
	while (o > owners && !strcmp(o[-1].name, name))
		o--;
	for (; o < owners + nr_owners && !strcmp(o->name, name); o++)
		if (!strcmp(o->obj, obj))
			return o->set;
	return NULL;
}

int parse_line(char *text, struct kms_line *l)
{
	const char *tab;

	text[strcspn(text, "\n")] = '\0';
	if (sscanf(text, "%llx %llx %c %511s", &l->addr, &l->size, &l->type,
		   l->name) != 4)
		return -1;
	tab = strchr(text, '\t');
	module_set(tab ? tab : "", l->set, sizeof(l->set));
	return 0;
}

/* Is @path an ld.lld map?  Its first line is its column header. */
int is_lld_map(const char *path)
{
	char line[256], first[16] = "";
	FILE *fp = xfopen(path);

	if (fgets(line, sizeof(line), fp))
		sscanf(line, "%15s", first);
	fclose(fp);
	return !strcmp(first, "VMA");
}

int lld_line(char *line, struct lld_line *l)
{
	int n = 0;

	line[strcspn(line, "\n")] = '\0';
	if (sscanf(line, "%llx %*s %llx %*s%n", &l->vma, &l->size, &n) < 2 ||
	    !n || line[n] != ' ')
		return -1;
	l->level = strspn(line + n + 1, " ");
	l->text = line + n + 1 + l->level;
	return 0;
}

/*
 * The name an lld assignment "x = ...", "PROVIDE ( x = ... )" or
 * "PROVIDE_HIDDEN ( x = ... )" assigns, in @name; 0, or -1 if @text is
 * not one.
 */
int lld_assignment(const char *text, char *name, size_t size)
{
	char op[8];

	if (!strncmp(text, "PROVIDE ( ", 10) ||
	    !strncmp(text, "PROVIDE_HIDDEN ( ", 17))
		text = strchr(text, '(') + 2;
	if (sscanf(text, "%*s %7s", op) != 1 || !strchr(op, '=') ||
	    strcspn(text, " ") >= size)
		return -1;
	snprintf(name, size, "%.*s", (int)strcspn(text, " "), text);
	return 0;
}

/*
 * The input sections of an ld.lld map: "file:(section)" in the second
 * column of text under an output section in the first, the file of an
 * archive member the member; "<internal>" for what the linker made (its
 * merged constant pools among them).
 */
static size_t read_lld_inputs(FILE *fp, struct input **out)
{
	char line[4096], osect[256] = "";
	struct input in, *v = NULL;
	struct lld_line l;
	size_t n = 0;

	while (fgets(line, sizeof(line), fp)) {
		const char *colon, *file;
		size_t flen;

		if (lld_line(line, &l))
			continue;
		if (l.level == 0) {
			snprintf(osect, sizeof(osect), "%s", l.text);
			continue;
		}
		colon = strstr(l.text, ":(");
		if (l.level != 8 || !colon)
			continue;
		file = l.text;
		flen = colon - l.text;
		if (flen && file[flen - 1] == ')' && memchr(file, '(', flen)) {
			const char *open = memchr(file, '(', flen);

			flen -= open + 2 - file;
			file = open + 1;
		}
		snprintf(in.file, sizeof(in.file), "%.*s", (int)flen, file);
		snprintf(in.sect, sizeof(in.sect), "%.*s",
			 (int)strcspn(colon + 2, ")+"), colon + 2);
		snprintf(in.osect, sizeof(in.osect), "%s", osect);
		in.addr = l.vma;
		in.size = l.size;
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = in;
	}
	*out = v;
	return n;
}

/*
 * The input-section lines of a GNU ld map after "Linker script and memory
 * map", " name 0xaddr 0xsize file", where a long name may stand alone with
 * the numbers on the next line, each with the output section (the last
 * line starting in column 0) it is in; or of an ld.lld map.
 */
size_t read_inputs(const char *path, struct input **out)
{
	char line[4096], pending[256] = "", osect[256] = "";
	FILE *fp;
	struct input in, *v = NULL;
	size_t n = 0;

	if (is_lld_map(path)) {
		fp = xfopen(path);
		n = read_lld_inputs(fp, out);
		fclose(fp);
		return n;
	}
	fp = xfopen(path);
	while (fgets(line, sizeof(line), fp))
		if (!strncmp(line, "Linker script and memory map", 28))
			break;
	while (fgets(line, sizeof(line), fp)) {
		int ok = 0;

		if (line[0] != ' ' && line[0] != '\n') {
			sscanf(line, "%255s", osect);
			pending[0] = '\0';
			continue;
		}
		if (pending[0]) {
			snprintf(in.sect, sizeof(in.sect), "%s", pending);
			ok = sscanf(line, " 0x%llx 0x%llx %511s", &in.addr,
				    &in.size, in.file) == 3;
			pending[0] = '\0';
		} else if (line[1] != ' ' && line[1] != '*' && line[1] != '\n') {
			int k = sscanf(line, " %255s 0x%llx 0x%llx %511s",
				       in.sect, &in.addr, &in.size, in.file);

			if (k == 1)
				snprintf(pending, sizeof(pending), "%s", in.sect);
			ok = k == 4;
		}
		if (!ok)
			continue;
		snprintf(in.osect, sizeof(in.osect), "%s", osect);
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = in;
	}
	fclose(fp);
	*out = v;
	return n;
}
