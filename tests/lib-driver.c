/*
 * lib-driver - exercises the library core for tests/lib.bats.
 *   lib-driver dec OP A [B]     add | shift | cmp | fmt on exact decimals
 *   lib-driver tsv STREAM       reads a stream, prints fields as [f1][f2]..
 *   lib-driver docs             reads a lines stream, prints doc, nlines, lines
 *   lib-driver esc              escapes stdin (one field) and unescapes it back
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

static int
dec(int argc, char **argv)
{
	goi_dec a, b;
	char buf[64];
	int rc;

	if (argc < 4 || goi_dec_parse(argv[3], strlen(argv[3]), &a) < 0) {
		puts("parse error");
		return 1;
	}
	if (strcmp(argv[2], "fmt") == 0) {
		goi_dec_format(a, buf, sizeof(buf));
		puts(buf);
		return 0;
	}
	if (strcmp(argv[2], "shift") == 0) {
		if ((rc = goi_dec_shift(&a, atoi(argv[4]))) < 0) {
			puts(goi_strerror(rc));
			return 1;
		}
		goi_dec_format(a, buf, sizeof(buf));
		puts(buf);
		return 0;
	}
	if (argc < 5 || (rc = goi_dec_parse(argv[4], strlen(argv[4]), &b)) < 0) {
		puts("parse error");
		return 1;
	}
	if (strcmp(argv[2], "cmp") == 0) {
		printf("%d\n", goi_dec_cmp(a, b));
		return 0;
	}
	if ((rc = goi_dec_add(&a, b)) < 0) {
		puts(goi_strerror(rc));
		return 1;
	}
	goi_dec_format(a, buf, sizeof(buf));
	puts(buf);
	return 0;
}

static int
tsv(const char *stream)
{
	goi_reader *r = goi_reader_open("-");
	int s, n, i, rc;
	goi_span f[16];
	goi_tsvin *t;

	for (s = 1; s < GOI_STREAM_COUNT; s++)
		if (strcmp(goi_stream_name(s), stream) == 0)
			break;
	t = goi_tsvin_new(r, s);
	n = goi_stream_ncols(s);
	while ((rc = goi_tsvin_next(t, f)) > 0) {
		for (i = 0; i < n; i++) {
			putchar('[');
			fwrite(f[i].p, 1, f[i].n, stdout);
			putchar(']');
		}
		putchar('\n');
	}
	if (rc < 0)
		printf("error at row %ld: %s\n", goi_tsvin_lineno(t),
		    goi_strerror(rc));
	goi_tsvin_free(t);
	goi_reader_close(r);
	return rc < 0;
}

static int
docs(void)
{
	goi_reader *r = goi_reader_open("-");
	goi_docin *d = goi_docin_new(r);
	const goi_doc *doc;
	size_t i;
	int rc;

	while ((rc = goi_docin_next(d, &doc)) > 0) {
		printf("doc %s: %zu lines from row %ld\n", doc->key,
		    doc->nlines, doc->first_row);
		for (i = 0; i < doc->nlines; i++)
			printf("  %ld [%s]\n", doc->lines[i].line,
			    doc->lines[i].text);
	}
	if (rc < 0)
		printf("error at row %ld: %s\n", goi_docin_lineno(d),
		    goi_strerror(rc));
	goi_docin_free(d);
	goi_reader_close(r);
	return rc < 0;
}

static int
esc(void)
{
	static char in[4096], e[8192], u[8192];
	size_t n = fread(in, 1, sizeof(in), stdin), en, un;
	goi_span s = {in, n}, es;

	en = goi_tsv_escape(s, e);
	es.p = e;
	es.n = en;
	un = goi_tsv_unescape(es, u);
	fwrite(e, 1, en, stdout);
	putchar('\n');
	puts(un == n && memcmp(u, in, n) == 0 ? "roundtrip ok" : "MISMATCH");
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "dec") == 0)
		return dec(argc, argv);
	if (argc >= 3 && strcmp(argv[1], "tsv") == 0)
		return tsv(argv[2]);
	if (argc >= 2 && strcmp(argv[1], "docs") == 0)
		return docs();
	if (argc >= 2 && strcmp(argv[1], "esc") == 0)
		return esc();
	fprintf(stderr, "usage: lib-driver dec|tsv|docs|esc ...\n");
	return 2;
}
