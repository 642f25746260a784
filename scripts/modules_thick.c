// SPDX-License-Identifier: GPL-2.0
/*
 * modules_thick.c: list the object files of every built-in module
 *
 * Usage: modules_thick modules.builtin objects > modules_thick.builtin
 *
 * "objects" lists, one per line, the object files linked into vmlinux (the
 * members of vmlinux.a and of the KBUILD_VMLINUX_LIBS archives).  For each
 * one, the KBUILD_MODFILE (C and assembler) or RUST_MODFILE (Rust) that
 * kbuild recorded in its .cmd file names the module(s) the object would be
 * linked into if built as a module; objects of multi-module composites list
 * every module.  Modules that modules.builtin does not list (core-kernel
 * composites such as kernel/sched/core) are dropped.  An object without a
 * .cmd file was not built by kbuild (a member of a toolchain archive such
 * as libgcc.a) and belongs to no module.
 *
 * Output, one line per built-in module, in modules.builtin order:
 *
 *	kernel/path/to/mod.ko: path/to/a.o path/to/b.o
 *
 * Nothing here re-reads Makefiles or the kernel configuration: everything
 * comes from files the build has already written.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hash.h>
#include <hashtable.h>
#include <xalloc.h>

#include "kallmodsyms.h"

struct builtin_module {
	struct hlist_node node;	/* in module_index */
	char *path;		/* as in modules.builtin */
	char *modfile;		/* the KBUILD_MODFILE form: no kernel/, no .ko */
	char **objs;
	unsigned int nr_objs;
	unsigned int line;
};

static struct builtin_module **modules;	/* in modules.builtin order */
static unsigned int nr_modules;
static HASHTABLE_DEFINE(module_index, 1U << 12);	/* by modfile */

static void usage(void)
{
	fprintf(stderr, "Usage: modules_thick modules.builtin objects > modules_thick.builtin\n");
	exit(1);
}

static struct builtin_module *find_module(const char *modfile)
{
	struct builtin_module *m;

	hash_for_each_possible(module_index, m, node, hash_str(modfile))
		if (!strcmp(m->modfile, modfile))
			return m;
	return NULL;
}

static void read_modules_builtin(const char *file)
{
	struct kms_reader r;
	char *line;

	kms_reader_open(&r, file);
	while ((line = kms_reader_line(&r))) {
		struct builtin_module *m;
		char *modfile;

		kms_check_module_path(&r, line);
		modfile = xstrndup(line + 7, strlen(line) - 10);
		if (find_module(modfile))
			kms_fatal(&r, "%s listed twice", line);

		m = xcalloc(1, sizeof(*m));
		m->path = xstrdup(line);
		m->modfile = modfile;
		m->line = r.lineno;
		hash_add(module_index, &m->node, hash_str(modfile));
		modules = xrealloc(modules, (nr_modules + 1) * sizeof(*modules));
		modules[nr_modules++] = m;
	}
	kms_reader_close(&r);
}

/* The .cmd file kbuild writes beside an object: dir/.name.o.cmd */
static char *cmd_file_of(const char *obj)
{
	const char *base = strrchr(obj, '/');
	size_t dirlen = base ? base - obj + 1 : 0;
	char *cmd = xmalloc(strlen(obj) + 6);

	base = obj + dirlen;
	sprintf(cmd, "%.*s.%s.cmd", (int)dirlen, obj, base);
	return cmd;
}

/*
 * The command line saved in @cmdfile (its first line), or NULL if there is
 * no such file: kbuild did not build the object.
 */
static char *saved_command(const char *cmdfile, const char *obj,
			   const struct kms_reader *list)
{
	FILE *fp = fopen(cmdfile, "r");
	char *buf = NULL;
	size_t size = 0;
	ssize_t len;

	if (!fp && errno == ENOENT)
		return NULL;
	if (!fp)
		kms_fatal(list, "%s: cannot open %s: %s", obj, cmdfile,
			  strerror(errno));
	errno = 0;
	len = getline(&buf, &size, fp);
	if (len < 0) {
		if (errno)
			kms_fatal(list, "%s: cannot read %s: %s", obj, cmdfile,
				  strerror(errno));
		kms_fatal(list, "%s: %s is empty", obj, cmdfile);
	}
	if (strlen(buf) != (size_t)len)
		kms_fatal(list, "%s: NUL byte in the first line of %s", obj,
			  cmdfile);
	fclose(fp);
	return buf;
}

/*
 * The modules, space-separated, that the command line @cmd of @cmdfile
 * names; NULL when the object was built without a module file name.
 * C and assembler have -DKBUILD_MODFILE='"dir/mod"' ('"dir/a dir/b"' for
 * an object shared by several modules), Rust RUST_MODFILE=dir/mod in
 * rustc's environment.
 */
static char *modfile_of(const char *cmd, const char *cmdfile, const char *obj,
			const struct kms_reader *list)
{
	const char *tag = "KBUILD_MODFILE", *p, *end;

	p = strstr(cmd, "KBUILD_MODFILE=");
	if (p) {
		p += strlen("KBUILD_MODFILE=");
		end = strncmp(p, "'\"", 2) ? NULL : strstr(p + 2, "\"'");
		if (!end)
			kms_fatal(list, "%s: KBUILD_MODFILE in %s is not quoted '\"...\"'",
				  obj, cmdfile);
		p += 2;
	} else {
		tag = "RUST_MODFILE";
		p = strstr(cmd, " RUST_MODFILE=");
		if (!p)
			return NULL;
		p += strlen(" RUST_MODFILE=");
		end = p + strcspn(p, "\n ");
	}
	if (end == p)
		kms_fatal(list, "%s: empty %s in %s", obj, tag, cmdfile);
	if (memchr(p, '\'', end - p) || memchr(p, '"', end - p))
		kms_fatal(list, "%s: %s in %s has a stray quote", obj, tag, cmdfile);
	return xstrndup(p, end - p);
}

static void add_object(struct builtin_module *m, const char *obj)
{
	if (m->nr_objs && !strcmp(m->objs[m->nr_objs - 1], obj))
		return;
	m->objs = xrealloc(m->objs, (m->nr_objs + 1) * sizeof(*m->objs));
	m->objs[m->nr_objs++] = xstrdup(obj);
}

/*
 * Add @obj to each module of @modfile (from @cmdfile) that modules.builtin
 * lists; the others are not built-in modules.
 */
static void add_to_modules(const struct kms_reader *r, const char *obj,
			   char *modfile, const char *cmdfile)
{
	char *mod, *next;

	for (mod = modfile; mod; mod = next) {
		struct builtin_module *m;

		next = strchr(mod, ' ');
		if (next)
			*next++ = '\0';
		if (!*mod)
			kms_fatal(r, "%s: empty module name in the module file names of %s",
				  obj, cmdfile);
		kms_check_printable(r, "module file name", mod, strlen(mod));
		m = find_module(mod);
		if (m)
			add_object(m, obj);
	}
}

static void read_objects(const char *file)
{
	struct kms_reader r;
	char *obj;

	kms_reader_open(&r, file);
	while ((obj = kms_reader_line(&r))) {
		char *cmdfile, *cmd, *modfile = NULL;

		kms_check_object_name(&r, obj);
		cmdfile = cmd_file_of(obj);
		cmd = saved_command(cmdfile, obj, &r);
		if (cmd)
			modfile = modfile_of(cmd, cmdfile, obj, &r);
		free(cmd);
		if (modfile)
			add_to_modules(&r, obj, modfile, cmdfile);
		free(modfile);
		free(cmdfile);
	}
	kms_reader_close(&r);
}

/* Every built-in module has objects in vmlinux, or fatal. */
static void check_modules(const char *builtin)
{
	unsigned int i;

	for (i = 0; i < nr_modules; i++)
		if (!modules[i]->nr_objs)
			kms_die("%s:%u: %s: no object of vmlinux is in it",
				builtin, modules[i]->line, modules[i]->path);
}

static void write_modules_thick(void)
{
	unsigned int i, j;

	for (i = 0; i < nr_modules; i++) {
		struct builtin_module *m = modules[i];

		printf("%s:", m->path);
		for (j = 0; j < m->nr_objs; j++)
			printf(" %s", m->objs[j]);
		printf("\n");
	}
}

int main(int argc, char **argv)
{
	if (argc != 3)
		usage();

	read_modules_builtin(argv[1]);
	read_objects(argv[2]);
	check_modules(argv[1]);
	write_modules_thick();

	if (fflush(stdout) || ferror(stdout)) {
		perror("modules_thick: write");
		return 1;
	}
	return 0;
}
