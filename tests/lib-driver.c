/*
 * lib-driver - exercises the library core for tests/lib.bats.
 *   lib-driver dec OP A [B]     add | shift | cmp | fmt on exact decimals
 *   lib-driver tsv STREAM       reads a stream, prints fields as [f1][f2]..
 *   lib-driver docs             reads a lines stream, prints doc, nlines, lines
 *   lib-driver esc              escapes stdin (one field) and unescapes it back
 *   lib-driver memfind          goi_memfind against memmem
 *   lib-driver prefix [csv]     rows by prefix and fieldsz against field by field
 *   lib-driver fieldsz-long     the same for fields longer than the buffer
 *   lib-driver fieldl           numbers at the edges through goi_out_fieldl
 */
#define _GNU_SOURCE		/* memmem, to check goi_memfind against */
#include <limits.h>
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

/*
 * goi_memfind against memmem: every needle of up to 5 bytes over a small
 * alphabet that includes UTF-8 lead and continuation bytes, in haystacks
 * of every length to 70 (the SIMD blocks and the tail), at every offset.
 * Prints the number of disagreements.
 */
static int
memfind(void)
{
	static const char abc[] = "a\xe3\x80\x81" "b";
	char s[80], p[8];
	unsigned long bad = 0, x = 1;
	size_t n, k, i;
	int t;

	for (t = 0; t < 200000; t++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		n = (x >> 33) % 71;
		k = (x >> 20) % 6;
		for (i = 0; i < n; i++) {
			x = x * 6364136223846793005UL + 1;
			s[i] = abc[(x >> 40) % 5];
		}
		for (i = 0; i < k; i++) {
			x = x * 6364136223846793005UL + 1;
			p[i] = abc[(x >> 40) % 5];
		}
		if (k > 0 && goi_memfind(s, n, p, k) != memmem(s, n, p, k))
			bad++;
	}
	printf("%lu disagreements\n", bad);
	return bad != 0;
}

/* Two writers into memory: a goes the way under test, b field by field. */
struct pair {
	char *b[2];
	size_t l[2];
	FILE *fp[2];
	goi_out *o[2];
};

static void
pair_open(struct pair *p, int flags)
{
	int i;

	for (i = 0; i < 2; i++) {
		p->b[i] = NULL;
		p->l[i] = 0;
		p->fp[i] = open_memstream(&p->b[i], &p->l[i]);
		p->o[i] = goi_out_new(p->fp[i], flags);
	}
}

/* Closes both; do they hold the same bytes?  (Prints a's if show.) */
static int
pair_same(struct pair *p, int show)
{
	int i, same;

	for (i = 0; i < 2; i++) {
		goi_out_close(p->o[i]);
		fclose(p->fp[i]);
	}
	same = p->l[0] == p->l[1] && memcmp(p->b[0], p->b[1], p->l[0]) == 0;
	if (show)
		fwrite(p->b[0], 1, p->l[0], stdout);
	else
		printf("%zu bytes ", p->l[0]);
	puts(same ? "same" : "DIFFERENT");
	free(p->b[0]);
	free(p->b[1]);
	return same;
}

/*
 * Rows begun with goi_out_prefix and ended by goi_out_fieldsz against the
 * same rows written field by field: fields that need escapes or quotes,
 * empty and NULL ones, and a prefix set again between rows.  Prints the
 * rows and whether both outputs agree.
 */
static int
prefix(int csv)
{
	static const char *const f[][3] = {{"a\tb\\c", "2021", "x,\"y\""},
		{"", " lead", "line\nbreak\r"}, {"plain", "", "z"}};
	static const char *const tail[4] = {"tail\t", NULL, "2021", "x,y"};
	const size_t nf = sizeof(f) / sizeof(f[0]);
	struct pair p;
	size_t i, r, n[3];
	int k;

	pair_open(&p, csv ? GOI_OUT_CSV : 0);
	for (i = 0; i < nf; i++) {
		for (r = 0; r < 3; r++)
			n[r] = strlen(f[i][r]);
		goi_out_setprefix(p.o[0], f[i], n, 3);
		for (r = 0; r < 2; r++) {
			goi_out_prefix(p.o[0]);
			goi_out_fieldsz(p.o[0], tail, 4);
			goi_out_endrow(p.o[0]);
			for (k = 0; k < 3; k++)
				goi_out_fieldz(p.o[1], f[i][k]);
			for (k = 0; k < 4; k++)
				goi_out_fieldz(p.o[1], tail[k]);
			goi_out_endrow(p.o[1]);
		}
	}
	return !pair_same(&p, 1);
}

/*
 * goi_out_fieldsz on fields longer than its room check (and one with a
 * backslash far in), against goi_out_fieldz, across many buffer drains.
 */
static int
fieldsz_long(void)
{
	static char lng[70000], esc[70000];
	const char *f[3] = {lng, esc, "z"};
	struct pair p;
	int r, k;

	memset(lng, 'x', sizeof(lng) - 1);
	memset(esc, 'y', sizeof(esc) - 1);
	esc[60000] = '\\';
	pair_open(&p, 0);
	for (r = 0; r < 50; r++) {
		goi_out_fieldsz(p.o[0], f, 3);
		goi_out_endrow(p.o[0]);
		for (k = 0; k < 3; k++)
			goi_out_fieldz(p.o[1], f[k]);
		goi_out_endrow(p.o[1]);
	}
	return !pair_same(&p, 0);
}

/* goi_out_fieldl at the edges: 1 and 2 digits, 32 bits, 64 bits, signs. */
static int
fieldl(void)
{
	static const long long v[] = {0, 9, 10, 99, 100, 12345, 4294967295LL,
		4294967296LL, 1234567890123LL, LLONG_MAX, LLONG_MIN, -1, -100};
	goi_out *o = goi_out_new(stdout, 0);
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		goi_out_fieldl(o, v[i]);
	goi_out_endrow(o);
	return goi_out_close(o) != 0;
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
	if (argc >= 2 && strcmp(argv[1], "memfind") == 0)
		return memfind();
	if (argc >= 2 && strcmp(argv[1], "fieldl") == 0)
		return fieldl();
	if (argc >= 2 && strcmp(argv[1], "fieldsz-long") == 0)
		return fieldsz_long();
	if (argc >= 2 && strcmp(argv[1], "prefix") == 0)
		return prefix(argc >= 3 && strcmp(argv[2], "csv") == 0);
	fprintf(stderr, "usage: lib-driver dec|tsv|docs|esc|memfind|prefix|fieldsz-long|fieldl ...\n");
	return 2;
}
