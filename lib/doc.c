/*
 * doc.c - read a lines stream (doc line text) one document at a time.
 * The text of a document lives in one growing arena; the line table holds
 * offsets into it until the document is complete, then pointers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

struct row {
	long line;
	size_t off, len;
};

struct goi_docin {
	goi_tsvin *in;
	goi_reader *r;
	char *arena;
	size_t alen, acap;
	struct row *rows;
	size_t nrows, rcap;
	goi_docline *lines;
	size_t lcap;
	char *key, *nextkey;
	size_t keylen;		/* strlen(key) */
	int pending;		/* a row of the next document was read */
	long pend_line, pend_row;
	size_t pend_off, pend_len;
	long first_row;
	int eof;
	int err;		/* error met after a document's first rows */
	goi_doc doc;
};

goi_docin *
goi_docin_new(goi_reader *r)
{
	goi_docin *d;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	d->r = r;
	if ((d->in = goi_tsvin_new(r, GOI_STREAM_LINES)) == NULL) {
		free(d);
		return NULL;
	}
	return d;
}

void
goi_docin_free(goi_docin *d)
{
	if (d == NULL)
		return;
	goi_tsvin_free(d->in);
	free(d->arena);
	free(d->rows);
	free(d->lines);
	free(d->key);
	free(d->nextkey);
	free(d);
}

long
goi_docin_lineno(const goi_docin *d)
{
	return goi_tsvin_lineno(d->in);
}

/* Append s plus a NUL to the arena; its offset in *off. */
static int
put(goi_docin *d, goi_span s, size_t *off)
{
	if (d->alen + s.n + 1 > d->acap) {
		size_t cap = d->acap ? d->acap : 4096;
		char *na;
		while (cap < d->alen + s.n + 1)
			cap *= 2;
		if ((na = realloc(d->arena, cap)) == NULL)
			return GOI_ENOMEM;
		d->arena = na;
		d->acap = cap;
	}
	*off = d->alen;
	memcpy(d->arena + d->alen, s.p, s.n);
	d->arena[d->alen + s.n] = '\0';
	d->alen += s.n + 1;
	return 0;
}

static int
addrow(goi_docin *d, long line, size_t off, size_t len)
{
	if (d->nrows == d->rcap) {
		size_t cap = d->rcap ? d->rcap * 2 : 256;
		struct row *nr = realloc(d->rows, cap * sizeof(*nr));
		if (nr == NULL)
			return GOI_ENOMEM;
		d->rows = nr;
		d->rcap = cap;
	}
	d->rows[d->nrows].line = line;
	d->rows[d->nrows].off = off;
	d->rows[d->nrows].len = len;
	d->nrows++;
	return 0;
}

static int
parse_line(goi_span s, long *line)
{
	long v = 0;
	size_t i;

	if (s.n == 0 || s.n > 18)
		return GOI_EINVAL;
	for (i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return GOI_EINVAL;
		v = v * 10 + (s.p[i] - '0');
	}
	if (v <= 0)
		return GOI_EINVAL;
	*line = v;
	return 0;
}

static char *
spandup(goi_span s)
{
	char *p = malloc(s.n + 1);

	if (p != NULL) {
		memcpy(p, s.p, s.n);
		p[s.n] = '\0';
	}
	return p;
}

int
goi_docin_next(goi_docin *d, const goi_doc **doc)
{
	goi_span f[3];
	size_t off, i;
	long line;
	int rc;

	if (d->err < 0) {
		rc = d->err;
		d->err = 0;
		d->eof = 1;
		return rc;
	}
	/* Start the new document with the row read ahead last time. */
	d->alen = 0;
	d->nrows = 0;
	free(d->key);
	d->key = NULL;
	if (d->pending) {
		d->key = d->nextkey;
		d->keylen = strlen(d->key);
		d->nextkey = NULL;
		d->pending = 0;
		/* The previous document is released: move the text to the front. */
		memmove(d->arena, d->arena + d->pend_off, d->pend_len + 1);
		d->alen = d->pend_len + 1;
		if ((rc = addrow(d, d->pend_line, 0, d->pend_len)) < 0)
			return rc;
		d->first_row = d->pend_row;
	}
	while (!d->eof) {
		rc = goi_tsvin_next(d->in, f);
		if (rc == 0) {
			d->eof = 1;
			break;
		}
		if (rc > 0 && parse_line(f[1], &line) < 0)
			rc = GOI_EINVAL;
		if (rc < 0) {
			/* Hand out the rows before the bad one first. */
			if (d->key == NULL || rc == GOI_ENOMEM)
				return rc;
			d->err = rc;
			break;
		}
		if (d->key != NULL && (d->keylen != f[0].n ||
		    memcmp(d->key, f[0].p, f[0].n) != 0)) {
			/* First row of the next document: keep it for later. */
			if ((d->nextkey = spandup(f[0])) == NULL ||
			    put(d, f[2], &off) < 0)
				return GOI_ENOMEM;
			d->pending = 1;
			d->pend_line = line;
			d->pend_len = f[2].n;
			d->pend_off = off;
			d->pend_row = goi_tsvin_lineno(d->in);
			break;
		}
		if (d->key == NULL) {
			if ((d->key = spandup(f[0])) == NULL)
				return GOI_ENOMEM;
			d->keylen = strlen(d->key);
			d->first_row = goi_tsvin_lineno(d->in);
		}
		if ((rc = put(d, f[2], &off)) < 0 ||
		    (rc = addrow(d, line, off, f[2].n)) < 0)
			return rc;
	}
	if (d->key == NULL)
		return 0;
	if (d->lcap < d->nrows) {
		goi_docline *nl = realloc(d->lines, d->nrows * sizeof(*nl));
		if (nl == NULL)
			return GOI_ENOMEM;
		d->lines = nl;
		d->lcap = d->nrows;
	}
	for (i = 0; i < d->nrows; i++) {
		d->lines[i].line = d->rows[i].line;
		d->lines[i].text = d->arena + d->rows[i].off;
		d->lines[i].len = d->rows[i].len;
	}
	d->doc.key = d->key;
	d->doc.file = goi_reader_name(d->r);
	d->doc.lines = d->lines;
	d->doc.nlines = d->nrows;
	d->doc.first_row = d->first_row;
	*doc = &d->doc;
	return 1;
}
