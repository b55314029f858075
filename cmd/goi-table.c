/*
 * goi-table - the statistical tables of the reports as a cells stream.
 *
 * Reads the lines stream (doc line text) and writes, for every document,
 * the cells stream (doc year format table row col value kind raw line):
 * the doc and text facts, then the tables of its format - the 2019 or 2021
 * tables (table.c), or the old statistics table (stats.c).  Warnings name
 * the file and the line of what could not be read or placed.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

#define OPT_PRETTY 0x101

struct opts {
	int labels;		/* -l */
	int pretty;		/* --pretty */
	int strict;		/* -s */
	int assume;		/* -a */
};

struct run {
	const struct opts *o;
	goi_out *out;
	goi_render *render;
	goi_extract *x;
	goi_docscan scan;	/* what the extractors share of a document */
	const goi_doc *doc;
	const char *year;
	const char *fmtname;
	int format;
	long ncells;		/* table cells of the document */
	int werr;		/* output failed */
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: goi-table [-ahlNsV] [--csv] [--pretty] "
	    "[file ...]\n");
}

static void
help(void)
{
	usage(stdout);
	printf("  -a, --assume     value assumptions may settle glued digits\n"
	    "  -l, --labels     official Chinese labels in row and col\n"
	    "      --pretty     each table laid out like the printed form\n"
	    "  -s, --strict     no assumption at all for glued digits\n"
	    "  -N, --no-header  no header line\n"
	    "      --csv        write CSV instead of TSV\n"
	    "  -h, --help       this help\n"
	    "  -V, --version    the version of goi, utf8proc and libcsv\n");
}

static void
onwarn(void *ctx, long line, const char *msg)
{
	struct run *r = ctx;

	/* the lines refer to the report the document key names */
	goi_warnx(r->doc->key, line, "%s", msg);
}

static int
oncell(void *ctx, const goi_cellv *c)
{
	struct run *r = ctx;
	const goi_schema_table *t;
	const char *row = c->row, *col = c->col, *s;
	goi_out *o = r->out;

	if (r->werr)
		return GOI_EIO;
	if (!((c->table[0] == 'd' && strcmp(c->table, "doc") == 0) ||
	    (c->table[0] == 't' && strcmp(c->table, "text") == 0)))
		r->ncells++;
	if (r->render != NULL) {
		if (goi_render_cell(r->render, c) < 0)
			return GOI_ENOMEM;
		return 0;
	}
	if (r->o->labels &&
	    (t = goi_schema_table_find(r->format, c->table)) != NULL) {
		if ((s = goi_schema_row_label(t, c->row)) != NULL)
			row = s;
		if ((s = goi_schema_col_label(t, c->col)) != NULL)
			col = s;
	}
	/*
	 * Field by field: goi_out drains its buffer at the same places as
	 * before, so stdout and stderr interleave as they did (2>&1).
	 */
	goi_out_prefix(o);	/* key, year, format */
	goi_out_fieldsz(o, (const char *const[]){c->table, row, col, c->value,
	    c->kind, c->raw}, 6);
	if (goi_out_fieldl(o, c->line) < 0 || goi_out_endrow(o) < 0) {
		r->werr = 1;
		return GOI_EIO;
	}
	return 0;
}

/* Facts go out and, for the prose figures, to the extractor too. */
static int
onfact(void *ctx, const goi_cellv *c)
{
	struct run *r = ctx;

	goi_extract_fact(r->x, c);
	return oncell(ctx, c);
}

static int
table_doc(struct run *r, const goi_doc *doc)
{
	goi_sink cells = {oncell, onwarn, r}, facts = {onfact, onwarn, r};
	char year[16];
	int rc;

	r->doc = doc;
	r->ncells = 0;
	year[0] = '\0';
	if ((rc = goi_docscan_read(&r->scan, doc)) < 0)
		return rc;
	if (r->scan.info.year > 0)
		snprintf(year, sizeof(year), "%d", r->scan.info.year);
	r->year = year;
	r->format = goi_extract_format_text(r->x, doc, &r->scan.u);
	/* the first three fields of every cell: escaped once */
	if ((r->fmtname = goi_format_name(r->format)) == NULL)
		r->fmtname = "";
	{
		const char *f[3] = {doc->key, year, r->fmtname};
		size_t n[3] = {strlen(doc->key), strlen(year),
		    strlen(r->fmtname)};
		if ((rc = goi_out_setprefix(r->out, f, n, 3)) < 0)
			return rc;
	}
	if ((rc = goi_facts_extract_scan(&r->scan, r->format, &facts)) < 0)
		return rc;
	if (r->format == GOI_FMT_OLD)
		rc = goi_stats_extract_scan(&r->scan, &cells);
	else if (r->format != GOI_FMT_NONE)
		rc = goi_extract_tables(r->x, doc, r->format, &cells);
	if (rc < 0)
		return rc;
	if (r->ncells == 0)
		goi_warnx(doc->key, doc->lines[0].line,
		    "no recognizable table");
	if (r->render != NULL &&
	    (rc = goi_render_doc(r->render, doc->key, r->format)) < 0)
		return rc;
	return 0;
}

static int
table_file(struct run *r, const char *file)
{
	const goi_doc *doc;
	goi_reader *rd;
	goi_docin *d;
	int rc, status = 0;

	if ((rd = goi_reader_open(file)) == NULL) {
		goi_warn(file, 0, "open");
		return 1;
	}
	if ((d = goi_docin_new(rd)) == NULL) {
		goi_warnx(file, 0, "%s", goi_strerror(GOI_ENOMEM));
		goi_reader_close(rd);
		return 1;
	}
	while ((rc = goi_docin_next(d, &doc)) > 0) {
		if (doc->nlines == 0)
			continue;
		if ((rc = table_doc(r, doc)) < 0)
			break;
	}
	if (rc < 0) {
		if (rc != GOI_EIO || !r->werr)
			goi_warn_stream(file, goi_docin_lineno(d),
			    GOI_STREAM_LINES, rc);
		status = 1;
	}
	goi_docin_free(d);
	goi_reader_close(rd);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		GOI_COMMON_LONGOPTS,
		{"assume", no_argument, NULL, 'a'},
		{"labels", no_argument, NULL, 'l'},
		{"pretty", no_argument, NULL, OPT_PRETTY},
		{"strict", no_argument, NULL, 's'},
		{NULL, 0, NULL, 0}
	};
	struct opts o;
	struct run r;
	int ch, oflags = 0, status = 0, i;

	setlocale(LC_CTYPE, "");
	goi_setprogname(argv[0]);
	memset(&o, 0, sizeof(o));
	while ((ch = getopt_long(argc, argv, "ahlNsV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			o.assume = 1;
			break;
		case 'l':
			o.labels = 1;
			break;
		case OPT_PRETTY:
			o.pretty = 1;
			break;
		case 's':
			o.strict = 1;
			break;
		case GOI_OPT_CSV:
			oflags |= GOI_OUT_CSV;
			break;
		case 'N':
			oflags |= GOI_OUT_NOHEADER;
			break;
		case 'h':
			help();
			return 0;
		case 'V':
			goi_print_version(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;

	memset(&r, 0, sizeof(r));
	r.o = &o;
	if ((r.out = goi_out_new(stdout, oflags)) == NULL ||
	    (r.x = goi_extract_new()) == NULL ||
	    (o.pretty && (r.render = goi_render_new(r.out, o.labels)) ==
	    NULL)) {
		goi_warnx(NULL, 0, "%s", goi_strerror(GOI_ENOMEM));
		return 1;
	}
	goi_extract_setflags(r.x, (o.strict ? GOI_EXTRACT_STRICT : 0) |
	    (o.assume ? GOI_EXTRACT_ASSUME : 0));
	if (!o.pretty)
		goi_out_header(r.out, GOI_STREAM_CELLS);
	if (argc == 0)
		status |= table_file(&r, "-");
	for (i = 0; i < argc && !r.werr; i++)
		status |= table_file(&r, argv[i]);
	goi_render_free(r.render);
	goi_extract_free(r.x);
	goi_docscan_free(&r.scan);
	if (goi_out_close(r.out) < 0 || r.werr) {
		goi_warn(NULL, 0, "write error");
		return 1;
	}
	return status;
}
