/*
 * stats.c - the old statistics table (政府信息公开情况统计表, reports up to
 * 2018) as table `stats`.
 *
 * The table starts at its column header: 指标名称 or 统计指标, then any of
 * 计量单位/单位, the year column (本年度, NNNN年度, 统计数, 本年) and 历年累计.
 * Two layouts are read:
 *  - cell rows, when the header line holds | or TAB: one indicator a line,
 *    cells by position; a value written in the unit column ("24条") with
 *    the year column blank is the year's value; blank cells stay blank.
 *  - running text (spaces, line ends or nothing between cells): indicator,
 *    unit, then the figures.  An ordinal glued to the figures before it
 *    (条179533042.政府公报公开) is given back to the next indicator.  When
 *    the table has two figure columns and a row holds one run of digits
 *    (条20263542), the run is glued: goi_glued_solve reads it as value and
 *    cumulative, with cumulative >= value, each 其中 item <= its parent in
 *    both columns, and the figures the prose states for the indicator
 *    (主动公开…2026条; the prose phrase and the indicator share 3 or more
 *    characters).  A row is settled when all surviving readings agree on it;
 *    otherwise its cells are empty and a warning lists the readings.
 * Row key: the indicator after NFKC without spaces, a leading 其中: and
 * ordinals (一、 (一) 1. 1、); a key met twice in one table is qualified by
 * the heading above it (行政诉讼数量/被依法纠错数).  Money in 元 is written
 * in 万元 by exact decimal shifting; the unit goes to raw.
 */
#include <stdlib.h>
#include <string.h>

#include "goi.h"

#define NOPOS ((size_t)-1)
#define MAXTOK 8
#define KEYMAX 384
#define MAXREAD 256

typedef struct {
	size_t s, e;		/* the figure's text, unit excluded */
	int na;			/* / - — 无 不适用 */
	int plain;		/* digits only */
	char unit[16];		/* unit written with the figure */
} stok;

typedef struct {
	char key[KEYMAX];
	size_t pos;		/* start of the indicator */
	int level;		/* 0 一、 or none, 1 (一), 2 1., 3 其中 */
	int qizhong;		/* in a 其中 list */
	int parent;		/* row this 其中 item belongs to, or -1 */
	char unit[16];
	int ntok;
	stok tok[MAXTOK];
	/* results, per column (0 value, 1 cumulative) */
	int done;
	int gstate;		/* glued: 0 unsolved, 1 settled, 2 not placed */
	char why[256];
	char val[2][64];
	const char *kind[2];
	char raw[2][128];
	long line[2];
} srow;

typedef struct {
	const goi_utext *u;
	const goi_sink *sink;
	srow *rows;
	int nrows, cap;
	int ncols;		/* figure columns: 1 or 2 */
	int colof[2];		/* header order -> 0 value / 1 cumulative */
	int hasunit;
	/* prose statements: value and phrase */
	struct stmt { char val[32]; char unit[16]; char phrase[256]; } *st;
	int nst, stcap;
} sctx;

static int
isdig(int32_t c)
{
	return c >= '0' && c <= '9';
}

static int
issep(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '|' ||
	    c == 0x3000 || c == 0xA0;
}

static int
isnumeral(int32_t c)
{
	static const int32_t z[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
		0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0 };	/* 一 … 十 */

	for (int i = 0; z[i]; i++)
		if (c == z[i])
			return 1;
	return 0;
}

/* Units, longest first. */
static const char *const units[] = {
	"万元", "人次", "元", "条", "件", "次", "个", "人", "篇", "项", "期",
	"场", "家", "份", "户", "起", NULL
};

/* A unit at pos: its length in code points (0 when none); name to out. */
static size_t
unit_at(const goi_utext *u, size_t pos, size_t end, char *out, size_t size)
{
	size_t e;

	for (int i = 0; units[i] != NULL; i++)
		if ((e = goi_utext_match(u, pos, end, units[i])) != NOPOS &&
		    e == pos + strlen(units[i]) / 3) {
			if (out != NULL)
				snprintf(out, size, "%s", units[i]);
			return e - pos;
		}
	return 0;
}

/* Header words: 1 unit column, 2 year column, 3 cumulative. */
static size_t
header_word(const goi_utext *u, size_t p, size_t end, int *what)
{
	static const struct { const char *w; int what; } hw[] = {
		{ "计量单位", 1 }, { "单位", 1 }, { "本年度", 2 }, { "统计数", 2 },
		{ "本年", 2 }, { "历年累计", 3 }, { "累计", 3 }, { "年度", 2 },
		{ NULL, 0 }
	};
	size_t e, q = p;

	/* NNNN年度 */
	while (q < end && isdig(u->cp[q]))
		q++;
	if (q - p == 4 && (e = goi_utext_match(u, q, end, "年度")) != NOPOS) {
		*what = 2;
		return e;
	}
	if (q != p)
		return NOPOS;
	for (int i = 0; hw[i].w != NULL; i++)
		if ((e = goi_utext_match(u, p, end, hw[i].w)) != NOPOS) {
			*what = hw[i].what;
			return e;
		}
	return NOPOS;
}

/*
 * Find the header: returns the position after it (NOPOS when none), its
 * start in *hs; fills ncols/colof/hasunit.
 */
static size_t
find_header(sctx *x, size_t *hs)
{
	const goi_utext *u = x->u;
	size_t from = 0, s, e, p, q, last;
	int what;

	for (;;) {
		size_t s1, e1, s2, e2;

		s1 = goi_utext_find(u, from, u->n, "指标名称", &e1);
		s2 = goi_utext_find(u, from, u->n, "统计指标", &e2);
		if (s1 == NOPOS && s2 == NOPOS)
			return NOPOS;
		if (s2 < s1) {
			s = s2;
			e = e2;
		} else {
			s = s1;
			e = e1;
		}
		x->ncols = 0;
		x->hasunit = 0;
		last = NOPOS;
		p = e;
		for (;;) {
			while (p < u->n && issep(u->cp[p]))
				p++;
			if ((q = header_word(u, p, u->n, &what)) == NOPOS)
				break;
			if (what == 1)
				x->hasunit = 1;
			else if (x->ncols < 2)
				x->colof[x->ncols++] = what == 2 ? 0 : 1;
			last = p = q;
		}
		if (x->ncols > 0 && !(x->ncols == 2 && x->colof[0] == x->colof[1])) {
			*hs = s;
			return last;
		}
		from = e;
	}
}

/* Skip leading ordinals and 其中 at p; level and 其中 reported. */
static size_t
skip_ordinals(const goi_utext *u, size_t p, size_t end, int *level,
    int *qizhong, int *ord)
{
	size_t q, e;

	for (;;) {
		while (p < end && issep(u->cp[p]))
			p++;
		if ((e = goi_utext_match(u, p, end, "其中:")) != NOPOS ||
		    (e = goi_utext_match(u, p, end, "其中")) != NOPOS) {
			*qizhong = 1;
			*level = 3;
			p = e;
			continue;
		}
		q = p;
		while (q < end && isnumeral(u->cp[q]))
			q++;
		if (q > p && q < end && u->cp[q] == 0x3001) {
			*level = 0;
			p = q + 1;
			continue;
		}
		if (p < end && u->cp[p] == '(') {
			q = p + 1;
			while (q < end && (isnumeral(u->cp[q]) || isdig(u->cp[q])))
				q++;
			if (q > p + 1 && q < end && u->cp[q] == ')') {
				if (*level < 1)
					*level = 1;
				p = q + 1;
				continue;
			}
		}
		q = p;
		while (q < end && isdig(u->cp[q]))
			q++;
		if (q > p && q - p <= 2 && q < end && (u->cp[q] == '.' ||
		    u->cp[q] == 0x3001 || u->cp[q] == ')') &&
		    (q + 1 >= end || !isdig(u->cp[q + 1]))) {
			*ord = 0;
			for (size_t i = p; i < q; i++)
				*ord = *ord * 10 + (u->cp[i] - '0');
			if (*level < 2)
				*level = 2;
			p = q + 1;
			continue;
		}
		return p;
	}
}

static srow *
newrow(sctx *x)
{
	srow *r;

	if (x->nrows == x->cap) {
		int n = x->cap ? 2 * x->cap : 32;

		if ((r = realloc(x->rows, (size_t)n * sizeof(*r))) == NULL)
			return NULL;
		x->rows = r;
		x->cap = n;
	}
	r = &x->rows[x->nrows++];
	memset(r, 0, sizeof(*r));
	r->parent = -1;
	return r;
}

/*
 * Set a row's key from the indicator [s, e): the last heading segment,
 * ordinals and 其中 removed.
 */
static void
set_key(sctx *x, srow *r, size_t s, size_t e, int *ord)
{
	const goi_utext *u = x->u;
	size_t p, b = s;
	int lvl = 0, qz = 0;

	/* a heading without figures runs into the indicator: keep the last */
	for (p = s + 1; p < e; p++) {
		size_t q = p;

		if (isnumeral(u->cp[p]) && !isnumeral(u->cp[p - 1])) {
			while (q < e && isnumeral(u->cp[q]))
				q++;
			if (q < e && u->cp[q] == 0x3001)
				b = p;
		} else if (u->cp[p] == '(' && p + 2 < e &&
		    isnumeral(u->cp[p + 1])) {
			q = p + 1;
			while (q < e && isnumeral(u->cp[q]))
				q++;
			if (q < e && u->cp[q] == ')')
				b = p;
		} else if (isdig(u->cp[p]) && !isdig(u->cp[p - 1]) &&
		    u->cp[p - 1] != ':' && !(p >= s + 2 &&
		    u->cp[p - 2] == 0x5176 /* 其 */ && u->cp[p - 1] == 0x4E2D)) {
			/* …的情况1.政府公报公开政府信息数 */
			while (q < e && isdig(u->cp[q]))
				q++;
			if (q - p <= 2 && q + 1 < e && (u->cp[q] == '.' ||
			    u->cp[q] == 0x3001) && !isdig(u->cp[q + 1]))
				b = p;
		} else if (u->cp[p] == 0x5176 /* 其 */ &&
		    goi_utext_match(u, p, e, "其中") == p + 2)
			b = p;
	}
	p = skip_ordinals(u, b, e, &lvl, &qz, ord);
	r->level = lvl;
	r->qizhong = qz;
	r->pos = p < e ? p : s;
	goi_utext_utf8(u, p, e, 1, r->key, sizeof(r->key));
}

/* Strip a unit from the end of the indicator [s, *e). */
static void
strip_unit(sctx *x, srow *r, size_t s, size_t *e)
{
	const goi_utext *u = x->u;
	size_t q = *e, k;

	while (q > s && issep(u->cp[q - 1]))
		q--;
	for (k = 1; k <= 2 && k <= q - s; k++) {
		char un[16];

		if (unit_at(u, q - k, q, un, sizeof(un)) != k)
			continue;
		/* spaced off, or glued when the header has a unit column */
		if (q - k == s || issep(u->cp[q - k - 1]) || x->hasunit) {
			snprintf(r->unit, sizeof(r->unit), "%s", un);
			q -= k;
			break;
		}
	}
	while (q > s && issep(u->cp[q - 1]))
		q--;
	*e = q;
}

static int
na_at(const goi_utext *u, size_t p, size_t end, size_t *e)
{
	static const char *const na[] = { "不适用", "/", "-", "—", "无", NULL };
	size_t q;

	for (int i = 0; na[i] != NULL; i++)
		if ((q = goi_utext_match(u, p, end, na[i])) != NOPOS &&
		    (q >= end || issep(u->cp[q]))) {
			*e = q;
			return 1;
		}
	return 0;
}

/*
 * Running text from p: indicator, unit, figures, until the text stops
 * looking like the table.
 */
static int
parse_flow(sctx *x, size_t p)
{
	const goi_utext *u = x->u;
	size_t end = u->n, ls, le, q, ts, te;
	int lastord = 0, depth;

	while (p < end) {
		srow *r;
		int ord = -1, seen_sep;

		while (p < end && issep(u->cp[p]))
			p++;
		if (p >= end)
			break;
		/* the indicator */
		ls = p;
		depth = 0;
		while (p < end) {
			int32_t c = u->cp[p];

			if (c == '(')
				depth++;
			else if (c == ')' && depth > 0)
				depth--;
			else if (depth == 0 && (isdig(c) || (c == '-' &&
			    p + 1 < end && isdig(u->cp[p + 1])))) {
				int l = 0, qz = 0, o = 0;
				size_t k;

				/* 条02.政府网站: the unit ends the indicator, the
				 * ordinal is glued to the figure after it */
				if (x->hasunit && p > ls && ((p - ls >= 1 &&
				    unit_at(u, p - 1, p, NULL, 0) == 1) ||
				    (p - ls >= 2 && unit_at(u, p - 2, p, NULL, 0) == 2)))
					break;
				k = skip_ordinals(u, p, end, &l, &qz, &o);
				if (k != p && l == 2) {
					p = k;
					continue;
				}
				break;
			} else if (depth == 0 && issep(c)) {
				size_t e2;

				/* a lone / - 无 after the indicator is a figure */
				if (p + 1 < end && na_at(u, p + 1, end, &e2)) {
					p++;
					break;
				}
			} else if (c == 0x3002)	/* 。: prose */
				return 0;
			p++;
			if (p - ls > 200)
				return 0;
		}
		le = p;
		if ((r = newrow(x)) == NULL)
			return GOI_ENOMEM;
		strip_unit(x, r, ls, &le);
		set_key(x, r, ls, le, &ord);
		if (r->key[0] == '\0') {
			x->nrows--;
			if (p < end && (isdig(u->cp[p]) || u->cp[p] == '-'))
				return 0;	/* figures without indicator */
			continue;
		}
		if (strlen(r->key) > 60 * 3) {
			x->nrows--;
			return 0;
		}
		if (ord > 0)
			lastord = ord;
		else if (!r->qizhong)
			lastord = 0;
		/* the figures */
		seen_sep = 0;
		for (;;) {
			q = p;
			while (q < end && issep(u->cp[q]))
				q++;
			if (q > p)
				seen_sep = 1;
			if (q >= end)
				break;
			if (na_at(u, q, end, &te) && r->ntok < MAXTOK) {
				r->tok[r->ntok].s = q;
				r->tok[r->ntok].e = te;
				r->tok[r->ntok++].na = 1;
				p = te;
				continue;
			}
			if (!(isdig(u->cp[q]) || (u->cp[q] == '-' && q + 1 < end &&
			    isdig(u->cp[q + 1]))))
				break;
			ts = q;
			te = q + 1;
			while (te < end && (isdig(u->cp[te]) || ((u->cp[te] == ',' ||
			    u->cp[te] == '.') && te + 1 < end && isdig(u->cp[te + 1]))))
				te++;
			if (te < end && (u->cp[te] == '.' || u->cp[te] == 0x3001) &&
			    (te + 1 >= end || !isdig(u->cp[te + 1])) &&
			    te + 1 < end && !issep(u->cp[te + 1])) {
				/* an ordinal: alone, or glued to the figures before */
				char exp[16];
				size_t n, k;

				if (seen_sep || r->ntok > 0)
					break;
				snprintf(exp, sizeof(exp), "%d", lastord + 1);
				n = strlen(exp);
				for (k = 0; k < n && te - ts > n; k++)
					if (u->cp[te - n + k] != exp[k])
						break;
				if (te - ts <= n || k < n)
					n = 1;
				if (te - ts <= n)
					break;
				te -= n;
				r->tok[r->ntok].s = ts;
				r->tok[r->ntok].e = te;
				r->tok[r->ntok].na = 0;
				r->tok[r->ntok++].plain = 1;
				p = te;
				break;
			}
			if (r->ntok < MAXTOK) {
				stok *t = &r->tok[r->ntok++];
				size_t k;

				t->s = ts;
				t->e = te;
				t->na = 0;
				t->plain = 1;
				for (k = ts; k < te; k++)
					if (!isdig(u->cp[k]))
						t->plain = 0;
				k = unit_at(u, te, end, t->unit, sizeof(t->unit));
				te += k;
			}
			p = te;
			seen_sep = 0;
		}
		if (r->ntok == 0)
			continue;
		if (x->hasunit && r->unit[0] == '\0' && r->tok[0].unit[0] == '\0' &&
		    !r->tok[0].na) {
			/* figures without a unit: no longer the table */
			x->nrows--;
			return 0;
		}
	}
	return 0;
}

/* ---- values ---------------------------------------------------------- */

/* A figure [s, e) with unit into row r, column col. */
static void
set_num(sctx *x, srow *r, int col, size_t s, size_t e, const char *unit,
    const char *kind)
{
	const goi_utext *u = x->u;
	char txt[64], clean[64];
	size_t k = 0, i;
	goi_dec d;

	goi_utext_utf8(u, s, e, 1, txt, sizeof(txt));
	for (i = 0; txt[i] != '\0' && k + 1 < sizeof(clean); i++)
		if (txt[i] != ',')
			clean[k++] = txt[i];
	clean[k] = '\0';
	snprintf(r->raw[col], sizeof(r->raw[col]), "%s%s", txt, unit);
	r->line[col] = goi_utext_line(u, s);
	if (goi_dec_parse(clean, k, &d) < 0 ||
	    (strcmp(unit, "元") == 0 && goi_dec_shift(&d, -4) < 0)) {
		snprintf(r->val[col], sizeof(r->val[col]), "%s", txt);
		r->kind[col] = "text";
		return;
	}
	goi_dec_format(d, r->val[col], sizeof(r->val[col]));
	r->kind[col] = kind;
}

static void
set_empty(sctx *x, srow *r, int col, const char *kind, size_t s, size_t e)
{
	r->val[col][0] = '\0';
	r->kind[col] = kind;
	r->raw[col][0] = '\0';
	if (e > s)
		goi_utext_utf8(x->u, s, e, 0, r->raw[col], sizeof(r->raw[col]));
	r->line[col] = goi_utext_line(x->u, s < x->u->n ? s : x->u->n - 1);
}

static const char *
unit_of(const srow *r, const stok *t)
{
	return t->unit[0] != '\0' ? t->unit : r->unit;
}

static void
warnf(sctx *x, long line, const char *fmt, const char *a, const char *b)
{
	char msg[1024];

	if (x->sink->warn == NULL)
		return;
	snprintf(msg, sizeof(msg), fmt, a, b);
	x->sink->warn(x->sink->ctx, line, msg);
}

/* ---- prose statements ------------------------------------------------ */

static int
add_stmt(sctx *x, const char *val, const char *unit, const char *phrase)
{
	if (x->nst == x->stcap) {
		int n = x->stcap ? 2 * x->stcap : 64;
		struct stmt *s = realloc(x->st, (size_t)n * sizeof(*s));

		if (s == NULL)
			return GOI_ENOMEM;
		x->st = s;
		x->stcap = n;
	}
	snprintf(x->st[x->nst].val, sizeof(x->st[0].val), "%s", val);
	snprintf(x->st[x->nst].unit, sizeof(x->st[0].unit), "%s", unit);
	snprintf(x->st[x->nst].phrase, sizeof(x->st[0].phrase), "%s", phrase);
	x->nst++;
	return 0;
}

/* Figures with a unit in the prose (before hs, not in TAB/| lines). */
static int
read_prose(sctx *x, size_t hs)
{
	const goi_utext *u = x->u;
	size_t p, e, b, ls = 0;
	int table = 0;
	char val[32], un[16], ph[256];

	for (p = 0; p < hs; p++) {
		if (p == ls) {
			table = 0;
			for (e = p; e < u->n && u->cp[e] != '\n'; e++)
				if (u->cp[e] == '\t' || u->cp[e] == '|')
					table = 1;
			ls = e + 1;
		}
		if (table || !isdig(u->cp[p]) || (p > 0 && (isdig(u->cp[p - 1]) ||
		    u->cp[p - 1] == '.' || u->cp[p - 1] == ',')))
			continue;
		for (e = p; e < hs && isdig(u->cp[e]); e++)
			;
		if (e - p >= sizeof(val) || unit_at(u, e, hs, un, sizeof(un)) == 0 ||
		    (e < hs && u->cp[e] == 0x5E74))	/* 年 is no unit anyway */
			continue;
		for (b = p; b > 0; b--) {
			int32_t c = u->cp[b - 1];

			if (isdig(c) || c == 0xFF0C || c == ',' || c == 0x3002 ||
			    c == ';' || c == 0xFF1B || c == '\n' || c == 0x3001)
				break;
		}
		goi_utext_utf8(u, p, e, 1, val, sizeof(val));
		goi_utext_utf8(u, b, p, 1, ph, sizeof(ph));
		if (strstr(ph, "累计") != NULL)
			continue;
		if (add_stmt(x, val, un, ph) < 0)
			return GOI_ENOMEM;
	}
	return 0;
}

/* Do a and b (UTF-8) share min or more consecutive characters? */
static int
share(const char *a, const char *b, int min)
{
	size_t la = strlen(a), i, n;
	char sub[64];

	for (i = 0; i < la; i++) {
		if (((unsigned char)a[i] & 0xC0) == 0x80)
			continue;
		/* min characters from a + i */
		size_t j = i;
		int c = 0;

		while (j < la && c < min) {
			j++;
			while (j < la && ((unsigned char)a[j] & 0xC0) == 0x80)
				j++;
			c++;
		}
		if (c < min)
			break;
		n = j - i;
		if (n >= sizeof(sub))
			continue;
		memcpy(sub, a + i, n);
		sub[n] = '\0';
		if (strstr(b, sub) != NULL)
			return 1;
	}
	return 0;
}

/*
 * The words nearly every indicator and prose figure hold (政府信息公开
 * 收费减免金额 and 共受理政府信息公开申请 share nothing else) become a
 * '|' in out, so that they make no match.
 */
static void
strip_generic(const char *in, char *out, size_t size)
{
	static const char *const gw[] = { "政府信息公开", "政府信息", "信息公开",
	    NULL };
	size_t k = 0, n;
	int i;

	while (*in != '\0' && k + 1 < size) {
		for (i = 0; gw[i] != NULL; i++)
			if (strncmp(in, gw[i], n = strlen(gw[i])) == 0)
				break;
		if (gw[i] != NULL) {
			out[k++] = '|';
			in += n;
		} else
			out[k++] = *in++;
	}
	out[k] = '\0';
}

/*
 * Does the prose state value v for the indicator?  The prose figure's unit
 * must be the row's (3件 says nothing about 元), and the phrase must share
 * 3 characters with the indicator outside the generic words.
 */
static int
stated(const sctx *x, const srow *r, long long v)
{
	char s[32], key[KEYMAX], ph[256];
	const char *unit = unit_of(r, &r->tok[0]);

	snprintf(s, sizeof(s), "%lld", v);
	strip_generic(r->key, key, sizeof(key));
	for (int i = 0; i < x->nst; i++) {
		if (strcmp(x->st[i].val, s) != 0 ||
		    strcmp(x->st[i].unit, unit) != 0)
			continue;
		strip_generic(x->st[i].phrase, ph, sizeof(ph));
		if (share(key, ph, 3))
			return 1;
	}
	return 0;
}

/* ---- glued runs ------------------------------------------------------ */

static int
is_glued(const sctx *x, const srow *r)
{
	return x->ncols == 2 && r->ntok == 1 && !r->tok[0].na &&
	    r->tok[0].plain && r->tok[0].e - r->tok[0].s >= 2;
}

/* A row fit for a joint problem: two plain figures, or a glued run. */
static int
solvable(const sctx *x, const srow *r)
{
	if (is_glued(x, r))
		return 1;
	return x->ncols == 2 && r->ntok == 2 && r->tok[0].plain &&
	    r->tok[1].plain && !r->tok[0].na && !r->tok[1].na &&
	    r->tok[0].e - r->tok[0].s <= 15 && r->tok[1].e - r->tok[1].s <= 15;
}

static void
set_glued(sctx *x, srow *r, long long v, long long c)
{
	const goi_utext *u = x->u;
	char run[64];
	const char *unit = unit_of(r, &r->tok[0]);
	long long vv[2] = { v, c };
	int col;

	goi_utext_utf8(u, r->tok[0].s, r->tok[0].e, 1, run, sizeof(run));
	for (col = 0; col < 2; col++) {
		goi_dec d = { vv[col], 0 };

		if (strcmp(unit, "元") == 0)
			goi_dec_shift(&d, -4);
		goi_dec_format(d, r->val[col], sizeof(r->val[col]));
		r->kind[col] = "glued";
		snprintf(r->raw[col], sizeof(r->raw[col]), "%s%s", run, unit);
		r->line[col] = goi_utext_line(u, r->tok[0].s);
	}
	r->done = 1;
}

static void
glued_fail(sctx *x, srow *r, const char *why)
{
	char run[64];

	set_empty(x, r, 0, "empty", r->tok[0].s, r->tok[0].e);
	set_empty(x, r, 1, "empty", r->tok[0].s, r->tok[0].e);
	r->done = 1;
	goi_utext_utf8(x->u, r->tok[0].s, r->tok[0].e, 1, run, sizeof(run));
	{
		char k[KEYMAX + 128];

		snprintf(k, sizeof(k), "stats/%s: glued run %s", r->key, run);
		warnf(x, goi_utext_line(x->u, r->tok[0].s), "%s: %s", k, why);
	}
}

/*
 * Solve the glued rows of a parent and up to 5 of its 其中 items (or a
 * lone row) jointly; rows already settled are pinned.
 */
static void
solve_chunk(sctx *x, const int *idx, int n)
{
	goi_glued_problem pb;
	goi_span runs[6];
	int cells[6], i, j, k, todo = 0;
	long long *out, cnt;
	char *bufs[6];
	size_t bl;

	for (i = 0; i < n; i++)
		if (is_glued(x, &x->rows[idx[i]]) && x->rows[idx[i]].gstate != 1)
			todo = 1;
	if (!todo || n > 6)
		return;
	if ((out = malloc(sizeof(long long) * 2 * 6 * MAXREAD)) == NULL)
		return;
	goi_glued_init(&pb, 2 * n);
	pb.maxdigits = 15;
	for (i = 0; i < n; i++) {
		srow *r = &x->rows[idx[i]];

		/* cumulative - value >= 0 */
		j = pb.nident++;
		pb.ident[j].coef[2 * i] = -1;
		pb.ident[j].coef[2 * i + 1] = 1;
		pb.ident[j].op = GOI_GLUED_GE;
		if (i > 0)	/* parent - item >= 0, both columns */
			for (k = 0; k < 2; k++) {
				j = pb.nident++;
				pb.ident[j].coef[k] = 1;
				pb.ident[j].coef[2 * i + k] = -1;
				pb.ident[j].op = GOI_GLUED_GE;
			}
		if (r->gstate == 1 && strcmp(unit_of(r, &r->tok[0]), "元") != 0)
			for (k = 0; k < 2; k++) {
				pb.has_known[2 * i + k] = 1;
				pb.known[2 * i + k] = strtoll(r->val[k], NULL, 10);
			}
		bl = r->tok[r->ntok - 1].e - r->tok[0].s + 1;
		if ((bufs[i] = malloc(bl * 4 + 4)) == NULL) {
			for (j = 0; j < i; j++)
				free(bufs[j]);
			free(out);
			return;
		}
		runs[i].n = goi_utext_utf8(x->u, r->tok[0].s, r->tok[r->ntok - 1].e,
		    0, bufs[i], bl * 4 + 4);
		runs[i].p = bufs[i];
		cells[i] = 2;
	}
	cnt = goi_glued_solve_runs(runs, cells, n, &pb, out, MAXREAD);
	if (cnt > 1 && cnt <= MAXREAD) {
		/* keep the readings whose glued figures the prose states */
		for (i = 0; i < n; i++) {
			srow *r = &x->rows[idx[i]];
			long long any = 0, keep = 0, m;

			if (!is_glued(x, r))
				continue;
			for (m = 0; m < cnt; m++)
				if (stated(x, r, out[m * 2 * n + 2 * i]))
					any++;
			if (any == 0)
				continue;
			for (m = 0; m < cnt; m++)
				if (stated(x, r, out[m * 2 * n + 2 * i]))
					memmove(&out[keep++ * 2 * n], &out[m * 2 * n],
					    sizeof(long long) * 2 * n);
			cnt = keep;
		}
	}
	for (i = 0; i < n; i++) {
		srow *r = &x->rows[idx[i]];
		size_t cl = 0;
		int agree = 1;
		long long m, m2;

		if (!is_glued(x, r) || r->gstate == 1)
			continue;
		r->gstate = 2;
		if (cnt < 1 || cnt > MAXREAD) {
			snprintf(r->why, sizeof(r->why), "%s", cnt == 0 ?
			    "no reading as value and cumulative fits" :
			    "too many readings, not placed");
			continue;
		}
		for (m = 1; m < cnt; m++)
			if (out[m * 2 * n + 2 * i] != out[2 * i] ||
			    out[m * 2 * n + 2 * i + 1] != out[2 * i + 1])
				agree = 0;
		if (agree) {
			set_glued(x, r, out[2 * i], out[2 * i + 1]);
			r->gstate = 1;
			continue;
		}
		cl = (size_t)snprintf(r->why, sizeof(r->why),
		    "value+cumulative could be ");
		for (m = 0; m < cnt && cl + 48 < sizeof(r->why); m++) {
			long long a = out[m * 2 * n + 2 * i];
			long long b = out[m * 2 * n + 2 * i + 1];
			int dup = 0;

			for (m2 = 0; m2 < m; m2++)
				if (out[m2 * 2 * n + 2 * i] == a &&
				    out[m2 * 2 * n + 2 * i + 1] == b)
					dup = 1;
			if (dup)
				continue;
			snprintf(r->why + cl, sizeof(r->why) - cl, "%s%lld+%lld",
			    r->why[cl - 1] == ' ' ? "" : " or ", a, b);
			cl = strlen(r->why);
		}
		strncat(r->why, "; not placed", sizeof(r->why) - strlen(r->why) - 1);
	}
	for (i = 0; i < n; i++)
		free(bufs[i]);
	free(out);
}

/* A parent and its items: chunks of 5 items, twice (settled rows pin). */
static void
solve_group(sctx *x, const int *idx, int n)
{
	int sub[6], pass, c, k;

	for (pass = 0; pass < 2; pass++) {
		if (n == 1) {
			solve_chunk(x, idx, 1);
			continue;
		}
		for (c = 1; c < n; c += 5) {
			sub[0] = idx[0];
			for (k = 0; k < 5 && c + k < n; k++)
				sub[k + 1] = idx[c + k];
			solve_chunk(x, sub, k + 1);
		}
	}
}

/* The figures of the running-text rows into their columns. */
static void
place_flow(sctx *x)
{
	int i, j, spaced = 0, grp[64], ng;

	for (i = 0; i < x->nrows; i++)
		if (x->rows[i].ntok >= 2)
			spaced = 1;
	/* parents of 其中 items: the row before the list */
	for (i = 0, j = -1; i < x->nrows; i++) {
		srow *r = &x->rows[i];

		if (r->qizhong) {
			for (j = i - 1; j >= 0; j--)
				if (!x->rows[j].qizhong && x->rows[j].parent < 0)
					break;
			r->parent = j;
		} else if (j >= 0 && r->level == 2)
			r->parent = j;
		else
			j = -1;
	}
	/* glued rows, solved per group */
	if (x->ncols == 2 && !spaced)
		for (i = 0; i < x->nrows; i++) {
			srow *r = &x->rows[i];

			if (r->parent >= 0 || !solvable(x, r))
				continue;
			ng = 0;
			grp[ng++] = i;
			for (j = i + 1; j < x->nrows && ng < 64; j++)
				if (x->rows[j].parent == i && solvable(x, &x->rows[j]))
					grp[ng++] = j;
			solve_group(x, grp, ng);
		}
	/* 其中 items whose parent was not solvable: alone */
	for (i = 0; i < x->nrows; i++) {
		srow *r = &x->rows[i];

		if (r->gstate == 0 && is_glued(x, r) && !spaced) {
			grp[0] = i;
			solve_group(x, grp, 1);
		}
		if (r->gstate == 2)
			glued_fail(x, r, r->why);
	}
	for (i = 0; i < x->nrows; i++) {
		srow *r = &x->rows[i];
		char msg[64];

		if (r->done || r->ntok == 0)
			continue;
		r->done = 1;
		if (r->ntok == x->ncols) {
			for (j = 0; j < x->ncols; j++) {
				int col = x->colof[j];
				stok *t = &r->tok[j];

				if (t->na)
					set_empty(x, r, col, "na", t->s, t->e);
				else
					set_num(x, r, col, t->s, t->e, unit_of(r, t),
					    "num");
			}
			continue;
		}
		for (j = 0; j < x->ncols; j++)
			set_empty(x, r, x->colof[j], "empty", r->tok[0].s,
			    r->tok[0].s);
		snprintf(msg, sizeof(msg), "%d of %d", r->ntok, x->ncols);
		warnf(x, goi_utext_line(x->u, r->tok[0].s), "stats/%s: %s values, not placed",
		    r->key, msg);
	}
}

/* ---- cell rows ------------------------------------------------------- */

typedef struct { size_t s, e; } cellpos;

/* Cells of the line [s, e) at | and TAB; outer empty cells dropped. */
static int
split_cells(const goi_utext *u, size_t s, size_t e, cellpos *c, int max)
{
	int n = 0;
	size_t p = s, b = s;

	for (p = s; p <= e; p++)
		if (p == e || u->cp[p] == '|' || u->cp[p] == '\t') {
			if (n < max) {
				c[n].s = b;
				c[n].e = p;
				n++;
			}
			b = p + 1;
		}
	for (int i = 0; i < n; i++) {
		while (c[i].s < c[i].e && issep(u->cp[c[i].s]))
			c[i].s++;
		while (c[i].e > c[i].s && issep(u->cp[c[i].e - 1]))
			c[i].e--;
	}
	if (n > 0 && c[0].s == c[0].e && s < e && u->cp[s] == '|') {
		memmove(c, c + 1, sizeof(*c) * (size_t)(n - 1));
		n--;
	}
	if (n > 0 && c[n - 1].s == c[n - 1].e && e > s && u->cp[e - 1] == '|')
		n--;
	return n;
}

/* A cell's figure: 1 number (with unit), 2 na, 0 blank, -1 other text. */
static int
cell_value(const goi_utext *u, cellpos c, size_t *ns, size_t *ne, char *unit,
    size_t usize)
{
	size_t p = c.s, q, k, e2;

	unit[0] = '\0';
	if (c.s == c.e)
		return 0;
	if (na_at(u, c.s, c.e, &e2) && e2 == c.e)
		return 2;
	if ((k = unit_at(u, p, c.e, unit, usize)) > 0 && p + k < c.e &&
	    isdig(u->cp[p + k]))
		p += k;
	while (p < c.e && issep(u->cp[p]))
		p++;
	q = p;
	if (q < c.e && u->cp[q] == '-')
		q++;
	if (q >= c.e || !isdig(u->cp[q]))
		return -1;
	while (q < c.e && (isdig(u->cp[q]) || ((u->cp[q] == ',' ||
	    u->cp[q] == '.') && q + 1 < c.e && isdig(u->cp[q + 1]))))
		q++;
	*ns = p;
	*ne = q;
	while (q < c.e && issep(u->cp[q]))
		q++;
	if (q < c.e) {
		if ((k = unit_at(u, q, c.e, unit, usize)) == 0 || q + k != c.e)
			return -1;
	}
	return 1;
}

static int
parse_cells(sctx *x, size_t hline)
{
	const goi_utext *u = x->u;
	cellpos hc[32], c[32];
	size_t ls, le;
	int nh, n, i, hi = 0, ui = -1, vi[2] = { -1, -1 }, nv = 0, what;

	/* header cells */
	for (ls = hline; ls > 0 && u->cp[ls - 1] != '\n'; ls--)
		;
	for (le = hline; le < u->n && u->cp[le] != '\n'; le++)
		;
	nh = split_cells(u, ls, le, hc, 32);
	for (i = 0; i < nh; i++) {
		size_t p = hc[i].s;

		if (goi_utext_find(u, p, hc[i].e, "指标", NULL) != NOPOS) {
			hi = i;
			continue;
		}
		if (header_word(u, p, hc[i].e, &what) == NOPOS)
			continue;
		if (what == 1)
			ui = i;
		else if (nv < 2)
			vi[nv++] = i;
	}
	for (ls = le + 1; ls < u->n; ls = le + 1) {
		srow *r;
		int ord = 0, has = 0, k;
		size_t ns = 0, ne = 0;
		char un[16];

		for (le = ls; le < u->n && u->cp[le] != '\n'; le++)
			;
		n = split_cells(u, ls, le, c, 32);
		if (n == 0 || (n == 1 && c[0].s == c[0].e))
			continue;
		{
			size_t p;
			int sep = 0;

			for (p = ls; p < le; p++)
				if (u->cp[p] == '|' || u->cp[p] == '\t')
					sep = 1;
			if (!sep)
				break;
		}
		if (hi >= n || c[hi].s == c[hi].e)
			continue;
		if ((r = newrow(x)) == NULL)
			return GOI_ENOMEM;
		set_key(x, r, c[hi].s, c[hi].e, &ord);
		if (r->key[0] == '\0') {
			x->nrows--;
			continue;
		}
		r->done = 1;
		for (k = 0; k < nv; k++) {
			int col = x->colof[k], ci = vi[k], got;

			got = ci >= 0 && ci < n ? cell_value(u, c[ci], &ns, &ne, un,
			    sizeof(un)) : 0;
			if (got == 0 && k == 0 && ui >= 0 && ui < n &&
			    cell_value(u, c[ui], &ns, &ne, un, sizeof(un)) == 1) {
				ci = ui;
				got = 1;
			}
			if (got == 0 && ui >= 0 && ui < n)
				cell_value(u, c[ui], &ns, &ne, un, sizeof(un));
			if (got != 0)
				has = 1;
			if (got == 1 && un[0] == '\0' && ui >= 0 && ui < n)
				unit_at(u, c[ui].s, c[ui].e, un, sizeof(un));
			if (got == 1)
				set_num(x, r, col, ns, ne, un, "num");
			else if (got == 2)
				set_empty(x, r, col, "na", c[ci].s, c[ci].e);
			else if (got == -1) {
				goi_utext_utf8(u, c[ci].s, c[ci].e, 0, r->val[col],
				    sizeof(r->val[col]));
				goi_utext_utf8(u, c[ci].s, c[ci].e, 0, r->raw[col],
				    sizeof(r->raw[col]));
				r->kind[col] = "text";
				r->line[col] = goi_utext_line(u, c[ci].s);
			} else
				set_empty(x, r, col, "empty", ls, ls);
		}
		if (!has)
			r->done = 0;	/* a heading: no cells, kept for keys */
	}
	return 0;
}

/* ---- output ---------------------------------------------------------- */

static int
emit_rows(sctx *x)
{
	static const char *const colname[2] = { "value", "cumulative" };
	int i, j, k, n = 0, rc;
	char key[KEYMAX * 2];
	goi_cellv c;

	for (i = 0; i < x->nrows; i++) {
		srow *r = &x->rows[i];

		if (!r->done || r->kind[x->colof[0]] == NULL)
			continue;
		snprintf(key, sizeof(key), "%s", r->key);
		for (j = 0; j < i; j++)
			if (strcmp(x->rows[j].key, r->key) == 0)
				break;
		if (j < i) {
			/* a key met twice: qualify by the heading above */
			for (k = i - 1; k >= 0; k--)
				if (x->rows[k].level < r->level &&
				    x->rows[k].level == 0)
					break;
			if (k >= 0)
				snprintf(key, sizeof(key), "%s/%s", x->rows[k].key,
				    r->key);
		}
		for (j = 0; j < x->ncols; j++) {
			int col = x->colof[j];

			c.table = "stats";
			c.row = key;
			c.col = colname[col];
			c.value = r->val[col];
			c.kind = r->kind[col] ? r->kind[col] : "empty";
			c.raw = r->raw[col];
			c.line = r->line[col];
			if ((rc = x->sink->cell(x->sink->ctx, &c)) < 0)
				return rc;
			n++;
		}
	}
	return n;
}

/* The table in the NFKC text u of a document. */
static int
stats_run(const goi_utext *u, const goi_sink *sink)
{
	sctx x;
	size_t hs, he, p;
	int rc, cellmode = 0;

	memset(&x, 0, sizeof(x));
	x.u = u;
	x.sink = sink;
	if ((he = find_header(&x, &hs)) == NOPOS)
		return 0;
	for (p = hs; p > 0 && u->cp[p - 1] != '\n'; p--)
		;
	for (; p < u->n && u->cp[p] != '\n'; p++)
		if (u->cp[p] == '|' || u->cp[p] == '\t')
			cellmode = 1;
	if ((rc = read_prose(&x, hs)) < 0)
		goto out;
	if (cellmode)
		rc = parse_cells(&x, hs);
	else {
		rc = parse_flow(&x, he);
		if (rc >= 0)
			place_flow(&x);
	}
	if (rc >= 0)
		rc = emit_rows(&x);
out:
	free(x.rows);
	free(x.st);
	return rc;
}

int
goi_stats_extract(const goi_doc *doc, const goi_sink *sink)
{
	goi_utext u;
	int rc;

	if ((rc = goi_utext_build(&u, doc)) < 0)
		return rc;
	rc = stats_run(&u, sink);
	goi_utext_free(&u);
	return rc;
}

int
goi_stats_extract_scan(const goi_docscan *s, const goi_sink *sink)
{
	return stats_run(&s->u, sink);
}
