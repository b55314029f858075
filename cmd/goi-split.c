/*
 * goi-split - the documents of a lines stream and their parts.
 *
 * Reads the lines stream (doc line text) of goi-clean and writes the
 * sections stream (doc section line text): each line under the part of the
 * report it belongs to, a line that holds several parts cut at their
 * headings.  -i writes the index stream instead, -o each document as a
 * text file.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "goi.h"

#define MAXNAME 200	/* bytes of a file name under -o, before ~N.txt */

struct opts {
	int index;		/* -i */
	int force;		/* -f */
	const char *dir;	/* -o */
	int want[GOI_SEC_COUNT];	/* -s */
	int flags;		/* GOI_OUT_* */
};

/* File names already given out under -o, case-folded: a hash set. */
struct names {
	char **v;
	size_t n, cap;
};

static void
usage(void)
{
	fprintf(stderr, "usage: goi-split [-fhiNV] [--csv] [-o dir] "
	    "[-s section[,section...]] [file ...]\n");
	exit(2);
}

static void
help(void)
{
	printf("usage: goi-split [-fhiNV] [--csv] [-o dir] "
	    "[-s section[,section...]] [file ...]\n"
	    "  -s, --sections=LIST  only these sections: front overview active"
	    " requests\n"
	    "                       appeals problems other end\n"
	    "  -i, --index          write the index stream, one row a document\n"
	    "  -o, --output-dir=DIR write each document as a text file in DIR\n"
	    "  -f, --force          let -o overwrite existing files\n"
	    "  -N, --no-header      no header line\n"
	    "      --csv            write CSV instead of TSV\n"
	    "  -h, --help           this help\n"
	    "  -V, --version        the version of goi, utf8proc and libcsv\n");
	exit(0);
}

static int
parse_sections(const char *arg, int *want)
{
	char buf[64];
	const char *p = arg, *e;
	size_t n;
	int s;

	memset(want, 0, GOI_SEC_COUNT * sizeof(*want));
	for (;;) {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (n == 0 || n >= sizeof(buf))
			return -1;
		memcpy(buf, p, n);
		buf[n] = '\0';
		if ((s = goi_section_parse(buf)) < 0)
			return -1;
		want[s] = 1;
		if (e == NULL)
			return 0;
		p = e + 1;
	}
}

/* ---- -o: file names ------------------------------------------------------ */

static size_t
hashname(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* 1 if s was new (and is now taken), 0 if taken, -1 out of memory. */
static int
names_take(struct names *t, const char *s)
{
	size_t i, cap;
	char **nv;

	if (t->n * 2 >= t->cap) {
		cap = t->cap ? t->cap * 2 : 1024;
		if ((nv = calloc(cap, sizeof(*nv))) == NULL)
			return -1;
		for (i = 0; i < t->cap; i++)
			if (t->v[i] != NULL) {
				size_t h = hashname(t->v[i]) & (cap - 1);
				while (nv[h] != NULL)
					h = (h + 1) & (cap - 1);
				nv[h] = t->v[i];
			}
		free(t->v);
		t->v = nv;
		t->cap = cap;
	}
	for (i = hashname(s) & (t->cap - 1); t->v[i] != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (strcmp(t->v[i], s) == 0)
			return 0;
	if ((t->v[i] = strdup(s)) == NULL)
		return -1;
	t->n++;
	return 1;
}

static void
names_free(struct names *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++)
		free(t->v[i]);
	free(t->v);
}

/*
 * A file name from a document key that any filesystem takes: no / \ : * ?
 * " < > | or control characters, no leading dot, no trailing dot or space,
 * no DOS device name, at most MAXNAME bytes, ending in .txt.  out has room
 * for MAXNAME + 1 bytes.
 */
static void
safename(const char *key, char *out)
{
	static const char *const dev[] = {
		"con", "prn", "aux", "nul", "com", "lpt"
	};
	const unsigned char *s = (const unsigned char *)key;
	size_t n = 0, i, k;

	while (*s == '.' || *s == ' ')
		s++;
	while (*s != '\0' && n < MAXNAME) {
		size_t l = 1;
		if (*s >= 0xc2 && *s <= 0xf4) {
			l = *s < 0xe0 ? 2 : *s < 0xf0 ? 3 : 4;
			for (k = 1; k < l; k++)
				if ((s[k] & 0xc0) != 0x80)
					break;
			if (k < l)
				l = 0;		/* invalid: replaced below */
		} else if (*s >= 0x80)
			l = 0;
		if (l == 0 || *s < 0x20 || *s == 0x7f || strchr("/\\:*?\"<>|",
		    *s) != NULL) {
			out[n++] = '_';
			s++;
			continue;
		}
		if (n + l > MAXNAME)
			break;
		memcpy(out + n, s, l);
		n += l;
		s += l;
	}
	if (n >= 4 && strncmp(out + n - 4, ".txt", 4) == 0)
		n -= 4;
	while (n > 0 && (out[n - 1] == '.' || out[n - 1] == ' '))
		n--;
	out[n] = '\0';
	if (n == 0) {
		strcpy(out, "doc");
		return;
	}
	for (i = 0; i < sizeof(dev) / sizeof(dev[0]); i++) {
		size_t l = strlen(dev[i]);
		char c0 = out[0] | 0x20, c1 = out[1] | 0x20, c2 = out[2] | 0x20;
		if (n >= 3 && c0 == dev[i][0] && c1 == dev[i][1] &&
		    c2 == dev[i][2]) {
			k = l;
			if (i >= 4 && out[k] >= '0' && out[k] <= '9')
				k++;
			if (out[k] == '\0' || out[k] == '.') {
				memmove(out + 1, out, n + 1);
				out[0] = '_';
				if (n + 1 > MAXNAME)
					out[MAXNAME] = '\0';
				return;
			}
		}
	}
}

typedef int piece_fn(void *ctx, const goi_doc *doc, int section,
    const goi_docline *L, size_t a, size_t b, int all);

/*
 * Hand fn each piece of the document's sections (all, or the wanted ones):
 * line L from byte a to b.  A line that holds several sections gives one
 * piece a section; a section that starts where the next one does is empty
 * and gives none.  Stops at fn's first non-zero return.
 */
static int
walk(const struct opts *o, const goi_doc *doc, const goi_secmark *m, int nm,
    int all, piece_fn *fn, void *ctx)
{
	size_t li;
	int k, rc;

	for (k = 0; k < nm; k++) {
		size_t eli = k + 1 < nm ? m[k + 1].li : doc->nlines;
		size_t eoff = k + 1 < nm ? m[k + 1].off : 0;
		if (!all && !o->want[m[k].section])
			continue;
		for (li = m[k].li; li < doc->nlines &&
		    (li < eli || (li == eli && eoff > 0)); li++) {
			const goi_docline *L = &doc->lines[li];
			size_t a = li == m[k].li ? m[k].off : 0;
			size_t b = li == eli ? eoff : L->len;
			if (b <= a && !(a == 0 && b == L->len))
				continue;
			if ((rc = fn(ctx, doc, m[k].section, L, a, b, all)) != 0)
				return rc;
		}
	}
	return 0;
}

/* A piece of a section into a text file. */
static int
filepiece(void *ctx, const goi_doc *doc, int section, const goi_docline *L,
    size_t a, size_t b, int all)
{
	FILE *fp = ctx;

	(void)doc, (void)section;
	fwrite(L->text + a, 1, b - a, fp);
	/* Pieces of a line stay on one line when all is written. */
	if (b == L->len || !all)
		fputc('\n', fp);
	return 0;
}

/* Write the document (or its wanted sections) to a file under o->dir. */
static int
writedoc(const struct opts *o, struct names *t, const goi_doc *doc,
    const goi_secmark *m, int nm, int all)
{
	char base[MAXNAME + 2], name[MAXNAME + 32], low[MAXNAME + 32];
	char *path;
	size_t i;
	int fd, r, rc = 0;
	unsigned long seq;
	FILE *fp;

	safename(doc->key, base);
	for (seq = 1;; seq++) {
		if (seq == 1)
			snprintf(name, sizeof(name), "%s.txt", base);
		else
			snprintf(name, sizeof(name), "%s~%lu.txt", base, seq);
		for (i = 0; name[i] != '\0'; i++)
			low[i] = (name[i] >= 'A' && name[i] <= 'Z') ?
			    (char)(name[i] | 0x20) : name[i];
		low[i] = '\0';
		if ((r = names_take(t, low)) < 0) {
			goi_warnx(NULL, 0, "out of memory");
			return 1;
		}
		if (r == 1)
			break;
	}
	if ((path = malloc(strlen(o->dir) + strlen(name) + 2)) == NULL) {
		goi_warnx(NULL, 0, "out of memory");
		return 1;
	}
	sprintf(path, "%s/%s", o->dir, name);
	fd = open(path, O_WRONLY | O_CREAT | (o->force ? O_TRUNC : O_EXCL),
	    0666);
	if (fd < 0) {
		if (errno == EEXIST)
			goi_warnx(path, 0, "exists, not overwritten (-f "
			    "overwrites)");
		else
			goi_warn(path, 0, "open");
		free(path);
		return 1;
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		goi_warn(path, 0, "open");
		close(fd);
		free(path);
		return 1;
	}
	walk(o, doc, m, nm, all, filepiece, fp);
	if (fclose(fp) != 0) {
		goi_warn(path, 0, "write error");
		rc = 1;
	}
	free(path);
	return rc;
}

/* ---- the streams ---------------------------------------------------------- */

/* A piece of a section as a row of the sections stream. */
static int
rowpiece(void *ctx, const goi_doc *doc, int section, const goi_docline *L,
    size_t a, size_t b, int all)
{
	goi_out *out = ctx;

	(void)all;
	goi_out_fieldz(out, doc->key);
	goi_out_fieldz(out, goi_section_key(section));
	goi_out_fieldl(out, L->line);
	goi_out_field(out, L->text + a, b - a);
	return goi_out_endrow(out) < 0 ? -1 : 0;
}

static int
sections(const struct opts *o, goi_out *out, const goi_doc *doc,
    const goi_secmark *m, int nm, int all)
{
	return walk(o, doc, m, nm, all, rowpiece, out);
}

static int
indexrow(goi_out *out, const goi_doc *doc)
{
	goi_docinfo info;
	char year[16] = "";

	goi_docinfo_read(doc, &info);
	if (info.year > 0)
		snprintf(year, sizeof(year), "%d", info.year);
	goi_out_fieldz(out, doc->key);
	goi_out_fieldz(out, info.title);
	goi_out_fieldz(out, info.organ);
	goi_out_fieldz(out, year);
	goi_out_fieldz(out, goi_format_name(goi_table_format(doc)));
	goi_out_fieldl(out, doc->nlines > 0 ? doc->lines[0].line : 0);
	goi_out_fieldl(out, doc->nlines > 0 ?
	    doc->lines[doc->nlines - 1].line : 0);
	return goi_out_endrow(out);
}

static int
split(const struct opts *o, goi_out *out, struct names *t, const char *file)
{
	goi_reader *r;
	goi_docin *d;
	const goi_doc *doc;
	goi_secmark m[GOI_SEC_COUNT];
	int rc, nm, status = 0;
	int all = 1, k;

	for (k = 0; k < GOI_SEC_COUNT; k++)
		if (o->want[k])
			all = 0;
	if ((r = goi_reader_open(file)) == NULL) {
		goi_warn(file, 0, "open");
		return 1;
	}
	if ((d = goi_docin_new(r)) == NULL) {
		goi_warnx(file, 0, "out of memory");
		goi_reader_close(r);
		return 1;
	}
	while ((rc = goi_docin_next(d, &doc)) > 0) {
		nm = goi_sections_find(doc, m, GOI_SEC_COUNT);
		if (o->dir != NULL && writedoc(o, t, doc, m, nm, all) != 0)
			status = 1;
		if (o->index) {
			if (indexrow(out, doc) < 0)
				break;
		} else if (o->dir == NULL && sections(o, out, doc, m, nm,
		    all) < 0)
			break;
	}
	if (rc < 0) {
		goi_warn_stream(file, goi_docin_lineno(d), GOI_STREAM_LINES, rc);
		status = 1;
	}
	goi_docin_free(d);
	goi_reader_close(r);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"sections", required_argument, NULL, 's'},
		{"index", no_argument, NULL, 'i'},
		{"output-dir", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, 'f'},
		GOI_COMMON_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct opts o;
	struct names t = {NULL, 0, 0};
	goi_out *out;
	int ch, i, status = 0;

	setlocale(LC_CTYPE, "");
	goi_setprogname(argv[0]);
	memset(&o, 0, sizeof(o));
	while ((ch = getopt_long(argc, argv, "fhio:s:NV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'f':
			o.force = 1;
			break;
		case 'i':
			o.index = 1;
			break;
		case 'o':
			o.dir = optarg;
			break;
		case 's':
			if (parse_sections(optarg, o.want) < 0) {
				goi_warnx(NULL, 0, "-s: unknown section in "
				    "\"%s\" (front overview active requests "
				    "appeals problems other end)", optarg);
				usage();
			}
			break;
		case 'N':
			o.flags |= GOI_OUT_NOHEADER;
			break;
		case GOI_OPT_CSV:
			o.flags |= GOI_OUT_CSV;
			break;
		case 'h':
			help();
			break;
		case 'V':
			goi_print_version(stdout);
			return 0;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (o.force && o.dir == NULL) {
		goi_warnx(NULL, 0, "-f needs -o");
		usage();
	}
	if ((out = goi_out_new(stdout, o.flags)) == NULL) {
		goi_warnx(NULL, 0, "out of memory");
		return 1;
	}
	if (o.index)
		goi_out_header(out, GOI_STREAM_INDEX);
	else if (o.dir == NULL)
		goi_out_header(out, GOI_STREAM_SECTIONS);
	if (argc == 0)
		status |= split(&o, out, &t, "-");
	for (i = 0; i < argc; i++)
		status |= split(&o, out, &t, argv[i]);
	names_free(&t);
	if (goi_out_close(out) < 0) {
		goi_warn(NULL, 0, "write error");
		return 1;
	}
	return status;
}
