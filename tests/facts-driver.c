/*
 * facts-driver - test driver for lib/stats.c and lib/facts.c: reads a lines
 * stream (files or stdin) and writes the cells that goi_stats_extract and
 * goi_facts_extract send to their sink, as a cells stream; warnings go to
 * stderr as "facts-driver: FILE:LINE: message".
 * usage: facts-driver [-s | -f] [FILE...]   (-s stats only, -f facts only)
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "goi.h"

struct ctx {
	goi_out *o;
	const goi_doc *doc;
};

static int
cell(void *vctx, const goi_cellv *c)
{
	struct ctx *x = vctx;

	goi_out_fieldz(x->o, x->doc->key);
	goi_out_fieldz(x->o, "");
	goi_out_fieldz(x->o, "");
	goi_out_fieldz(x->o, c->table);
	goi_out_fieldz(x->o, c->row);
	goi_out_fieldz(x->o, c->col);
	goi_out_fieldz(x->o, c->value);
	goi_out_fieldz(x->o, c->kind);
	goi_out_fieldz(x->o, c->raw);
	goi_out_fieldl(x->o, c->line);
	return goi_out_endrow(x->o);
}

static void
warn(void *vctx, long line, const char *msg)
{
	struct ctx *x = vctx;

	goi_warnx(x->doc->file, line, "%s", msg);
}

int
main(int argc, char *argv[])
{
	struct ctx x;
	goi_sink sink = { cell, warn, &x };
	const goi_doc *doc;
	goi_reader *r;
	goi_docin *d;
	int ch, i, rc, status = 0, which = 3;

	goi_setprogname(argv[0]);
	while ((ch = getopt(argc, argv, "sf")) != -1)
		switch (ch) {
		case 's': which = 1; break;
		case 'f': which = 2; break;
		default:
			fprintf(stderr, "usage: facts-driver [-s | -f] [FILE...]\n");
			return 2;
		}
	argc -= optind;
	argv += optind;
	x.o = goi_out_new(stdout, 0);
	goi_out_header(x.o, GOI_STREAM_CELLS);
	for (i = 0; i < (argc ? argc : 1); i++) {
		const char *f = argc ? argv[i] : "-";

		if ((r = goi_reader_open(f)) == NULL) {
			goi_warn(f, 0, "cannot open");
			status = 1;
			continue;
		}
		d = goi_docin_new(r);
		while ((rc = goi_docin_next(d, &doc)) > 0) {
			x.doc = doc;
			if ((which & 1) && goi_stats_extract(doc, &sink) < 0)
				status = 1;
			if ((which & 2) &&
			    goi_facts_extract(doc, NULL, GOI_FMT_NONE, &sink) < 0)
				status = 1;
		}
		if (rc < 0) {
			goi_warnx(f, goi_docin_lineno(d), "%s", goi_strerror(rc));
			status = 1;
		}
		goi_docin_free(d);
		goi_reader_close(r);
	}
	if (goi_out_close(x.o) < 0) {
		goi_warn(NULL, 0, "write error");
		status = 1;
	}
	return status;
}
