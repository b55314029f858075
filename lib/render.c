/*
 * render.c - the --pretty renderer: the cells of one document laid out like
 * the printed form.  Tables the schema knows are grids (caption, a header
 * row of column labels, one line per schema row, values right-aligned);
 * other tables (stats, text, doc, ...) are key/value lists.  Widths are
 * display widths (utf8proc_charwidth), so CJK labels line up in a terminal.
 * Text is cleaned before it is measured and printed: control characters
 * become spaces and invalid UTF-8 becomes U+FFFD, so one cell can never
 * break the layout.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "goi.h"

enum { K_NUM, K_GLUED, K_EMPTY, K_NA, K_TEXT, K_OTHER };

/* A stored cell: offsets into the arena (which may move). */
struct rcell {
	size_t s[5];		/* table row col value raw */
	size_t n[5];
	int kind;
};
enum { F_TABLE, F_ROW, F_COL, F_VALUE, F_RAW };

struct goi_render {
	goi_out *o;
	int labels;
	char *arena;
	size_t alen, acap;
	struct rcell *cells;
	size_t ncells, ccap;
	char *tmp;		/* cleaned text */
	size_t tcap;
	int err;
};

goi_render *
goi_render_new(goi_out *o, int labels)
{
	goi_render *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->o = o;
	r->labels = labels;
	return r;
}

void
goi_render_free(goi_render *r)
{
	if (r == NULL)
		return;
	free(r->arena);
	free(r->cells);
	free(r->tmp);
	free(r);
}

static int
save(goi_render *r, const char *s, size_t *off, size_t *len)
{
	size_t n = s ? strlen(s) : 0;

	if (goi_grow((void **)&r->arena, &r->acap, r->alen + n + 1, 1) < 0)
		return GOI_ENOMEM;
	if (n > 0)
		memcpy(r->arena + r->alen, s, n);
	r->arena[r->alen + n] = '\0';
	*off = r->alen;
	*len = n;
	r->alen += n + 1;
	return 0;
}

static int
kindof(const char *k)
{
	static const char *const names[] = {"num", "glued", "empty", "na",
		"text"};
	int i;

	for (i = 0; k != NULL && i < 5; i++)
		if (strcmp(k, names[i]) == 0)
			return i;
	return K_OTHER;
}

int
goi_render_cell(goi_render *r, const goi_cellv *c)
{
	struct rcell *rc;
	const char *f[5];
	int i;

	if (goi_grow((void **)&r->cells, &r->ccap, r->ncells + 1,
	    sizeof(*r->cells)) < 0)
		return GOI_ENOMEM;
	rc = &r->cells[r->ncells];
	f[0] = c->table, f[1] = c->row, f[2] = c->col, f[3] = c->value;
	f[4] = c->raw;
	for (i = 0; i < 5; i++)
		if (save(r, f[i], &rc->s[i], &rc->n[i]) < 0)
			return GOI_ENOMEM;
	rc->kind = kindof(c->kind);
	r->ncells++;
	return 0;
}

#define STR(rc, i) (r->arena + (rc)->s[i])

/* Clean s into r->tmp; returns its length, sets *w to its display width. */
static size_t
clean(goi_render *r, const char *s, size_t n, size_t *w)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t i = 0, len = 0;
	int cw;

	*w = 0;
	if (goi_grow((void **)&r->tmp, &r->tcap, 3 * n + 1, 1) < 0) {
		r->err = GOI_ENOMEM;
		return 0;
	}
	while (i < n) {
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k < 1) {
			cp = 0xFFFD;
			k = 1;
		} else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			cp = ' ';
		i += (size_t)k;
		len += (size_t)utf8proc_encode_char(cp,
		    (utf8proc_uint8_t *)r->tmp + len);
		cw = utf8proc_charwidth(cp);
		*w += cw > 0 ? (size_t)cw : 0;
	}
	r->tmp[len] = '\0';
	return len;
}

static size_t
width(goi_render *r, const char *s)
{
	size_t w;

	clean(r, s, strlen(s), &w);
	return w;
}

static void
put(goi_render *r, const char *s, size_t n)
{
	int rc;

	if (r->err == 0 && (rc = goi_out_raw(r->o, s, n)) < 0)
		r->err = rc;
}

static void
pad(goi_render *r, size_t n)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof(sp) - 1 ? n : sizeof(sp) - 1;
		put(r, sp, k);
		n -= k;
	}
}

/* Print s in a field of width w: right-aligned when right, else left. */
static void
field(goi_render *r, const char *s, size_t w, int right)
{
	size_t sw, len = clean(r, s, strlen(s), &sw);

	if (right && sw < w)
		pad(r, w - sw);
	put(r, r->tmp, len);
	if (!right && sw < w)
		pad(r, w - sw);
}

/* What a cell shows: the number, blank, "/" for na, or its text. */
static const char *
shown(goi_render *r, const struct rcell *c)
{
	switch (c->kind) {
	case K_EMPTY:
		return "";
	case K_NA:
		return "/";
	case K_TEXT:
	case K_OTHER:
		return c->n[F_VALUE] > 0 ? STR(c, F_VALUE) : STR(c, F_RAW);
	}
	return STR(c, F_VALUE);
}

/* A row or column of a grid: the schema item or one the schema lacks. */
struct axis {
	const char *key;
	const char *label;
};

static int
axis_find(const struct axis *a, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(a[i].key, key) == 0)
			return (int)i;
	return -1;
}

/*
 * Columns the schema lacks may be statistics of a known one ("total:max"
 * from goi-sum -o): label them with the known column's label.
 */
static const char *
extra_col_label(goi_render *r, const goi_schema_table *t, const char *key,
    char **owned)
{
	const char *colon = strrchr(key, ':'), *l;
	char base[128], *s;
	size_t bn;

	*owned = NULL;
	if (!r->labels || colon == NULL || (bn = (size_t)(colon - key)) >=
	    sizeof(base))
		return key;
	memcpy(base, key, bn);
	base[bn] = '\0';
	if ((l = goi_schema_col_label(t, base)) == NULL)
		return key;
	if ((s = malloc(strlen(l) + strlen(colon) + 2)) == NULL)
		return key;
	strcpy(s, l);
	strcat(s, " ");
	strcat(s, colon + 1);
	*owned = s;
	return s;
}

/* Has one of the cells idx[0..n) key in field i? */
static int
has(goi_render *r, const size_t *idx, size_t n, int i, const char *key)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (strcmp(STR(&r->cells[idx[j]], i), key) == 0)
			return 1;
	return 0;
}

/*
 * A grid: every row and column of the schema table, as printed, or only
 * those with cells when sparse (a harmonized table, which is no printed
 * form).  No trailing blanks.
 */
static int
render_grid(goi_render *r, const goi_schema_table *t, const size_t *idx,
    size_t n, int sparse)
{
	struct axis *rows = NULL, *cols = NULL;
	char **owned = NULL;
	const struct rcell **grid = NULL;
	size_t *cw = NULL, nr = 0, nc = 0, i, j, lw = 0;
	int rc = GOI_ENOMEM;
	size_t maxr = (size_t)t->nrows + n, maxc = (size_t)t->ncols + n;

	rows = calloc(maxr, sizeof(*rows));
	cols = calloc(maxc, sizeof(*cols));
	owned = calloc(maxc, sizeof(*owned));
	if (rows == NULL || cols == NULL || owned == NULL)
		goto out;
	for (i = 0; i < (size_t)t->nrows; i++) {
		if (sparse && !has(r, idx, n, F_ROW, t->rows[i].key))
			continue;
		rows[nr].key = t->rows[i].key;
		rows[nr++].label = r->labels ? t->rows[i].label : t->rows[i].key;
	}
	for (i = 0; i < (size_t)t->ncols; i++) {
		if (sparse && !has(r, idx, n, F_COL, t->cols[i].key))
			continue;
		cols[nc].key = t->cols[i].key;
		cols[nc++].label = r->labels ? t->cols[i].label : t->cols[i].key;
	}
	for (i = 0; i < n; i++) {
		const struct rcell *c = &r->cells[idx[i]];
		if (axis_find(rows, nr, STR(c, F_ROW)) < 0) {
			rows[nr].key = rows[nr].label = STR(c, F_ROW);
			nr++;
		}
		if (axis_find(cols, nc, STR(c, F_COL)) < 0) {
			cols[nc].key = STR(c, F_COL);
			cols[nc].label = extra_col_label(r, t, cols[nc].key,
			    &owned[nc]);
			nc++;
		}
	}
	if ((grid = calloc(nr * nc, sizeof(*grid))) == NULL ||
	    (cw = calloc(nc, sizeof(*cw))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		const struct rcell *c = &r->cells[idx[i]];
		int ri = axis_find(rows, nr, STR(c, F_ROW));
		int ci = axis_find(cols, nc, STR(c, F_COL));
		grid[(size_t)ri * nc + (size_t)ci] = c;	/* the last one wins */
	}
	for (i = 0; i < nr; i++) {
		size_t w = width(r, rows[i].label);
		lw = w > lw ? w : lw;
	}
	for (j = 0; j < nc; j++) {
		cw[j] = width(r, cols[j].label);
		for (i = 0; i < nr; i++) {
			const struct rcell *c = grid[i * nc + j];
			size_t w = c ? width(r, shown(r, c)) : 0;
			cw[j] = w > cw[j] ? w : cw[j];
		}
	}
	field(r, r->labels ? t->label : t->key, 0, 0);
	put(r, "\n", 1);
	pad(r, lw);
	for (j = 0; j < nc; j++) {
		pad(r, 2);
		field(r, cols[j].label, cw[j], 1);
	}
	put(r, "\n", 1);
	for (i = 0; i < nr; i++) {
		size_t last = 0;
		for (j = 0; j < nc; j++) {
			const struct rcell *c = grid[i * nc + j];
			if (c != NULL && *shown(r, c) != '\0')
				last = j + 1;
		}
		field(r, rows[i].label, last > 0 ? lw : 0, 0);
		for (j = 0; j < last; j++) {
			const struct rcell *c = grid[i * nc + j];
			pad(r, 2);
			field(r, c ? shown(r, c) : "", cw[j], 1);
		}
		put(r, "\n", 1);
	}
	rc = 0;
out:
	for (j = 0; owned != NULL && j < maxc; j++)
		free(owned[j]);
	free(owned);
	free(rows);
	free(cols);
	free(grid);
	free(cw);
	return rc;
}

/* Key/value list: "row" (or "row col" when col is not "value") and value. */
static void
render_list(goi_render *r, const char *table, const size_t *idx, size_t n)
{
	size_t i, kw = 0, w;

	for (i = 0; i < n; i++) {
		const struct rcell *c = &r->cells[idx[i]];
		w = width(r, STR(c, F_ROW));
		if (strcmp(STR(c, F_COL), "value") != 0)
			w += 1 + width(r, STR(c, F_COL));
		kw = w > kw ? w : kw;
	}
	field(r, table, 0, 0);
	put(r, "\n", 1);
	for (i = 0; i < n; i++) {
		const struct rcell *c = &r->cells[idx[i]];
		pad(r, 2);
		w = width(r, STR(c, F_ROW));
		field(r, STR(c, F_ROW), 0, 0);
		if (strcmp(STR(c, F_COL), "value") != 0) {
			put(r, " ", 1);
			field(r, STR(c, F_COL), 0, 0);
			w += 1 + width(r, STR(c, F_COL));
		}
		pad(r, kw - w + 2);
		field(r, shown(r, c), 0, 0);
		put(r, "\n", 1);
	}
}

/* The schema of a format; both format bits (goi-sum --harmonize): 2019. */
static const goi_schema_table *
schema_find(int format, const char *table)
{
	if ((format & GOI_FMT_2019) && (format & GOI_FMT_2021))
		format = GOI_FMT_2019;
	return goi_schema_table_find(format, table);
}

static const char *
format_label(int format)
{
	if ((format & GOI_FMT_2019) && (format & GOI_FMT_2021))
		return "2019+2021";
	return goi_format_name(format);
}

int
goi_render_doc(goi_render *r, const char *doc, int format)
{
	const goi_schema_table *st;
	const char **tabs = NULL;
	size_t *idx = NULL, ntab = 0, i, j, k;
	int nst, rc = GOI_ENOMEM;

	r->err = 0;
	tabs = calloc(r->ncells + 1, sizeof(*tabs));
	idx = calloc(r->ncells + 1, sizeof(*idx));
	if (tabs == NULL || idx == NULL)
		goto out;
	/* Tables: the schema's in printed order, then the others as seen. */
	st = goi_schema_tables((format & GOI_FMT_2019) ? GOI_FMT_2019 : format,
	    &nst);
	for (i = 0; i < (size_t)nst; i++)
		for (j = 0; j < r->ncells; j++)
			if (strcmp(STR(&r->cells[j], F_TABLE), st[i].key) == 0) {
				tabs[ntab++] = st[i].key;
				break;
			}
	for (j = 0; j < r->ncells; j++) {
		const char *t = STR(&r->cells[j], F_TABLE);
		for (i = 0; i < ntab && strcmp(tabs[i], t) != 0; i++)
			;
		if (i == ntab)
			tabs[ntab++] = t;
	}
	field(r, doc ? doc : "", 0, 0);
	if (*format_label(format) != '\0') {
		put(r, " (", 2);
		field(r, format_label(format), 0, 0);
		put(r, ")", 1);
	}
	put(r, "\n", 1);
	for (i = 0; i < ntab; i++) {
		for (k = 0, j = 0; j < r->ncells; j++)
			if (strcmp(STR(&r->cells[j], F_TABLE), tabs[i]) == 0)
				idx[k++] = j;
		put(r, "\n", 1);
		if ((st = schema_find(format, tabs[i])) != NULL) {
			if (render_grid(r, st, idx, k, (format & GOI_FMT_2019) &&
			    (format & GOI_FMT_2021)) < 0)
				goto out;
		} else
			render_list(r, tabs[i], idx, k);
	}
	put(r, "\n", 1);
	rc = r->err;
out:
	free(tabs);
	free(idx);
	r->ncells = 0;
	r->alen = 0;
	return rc;
}
