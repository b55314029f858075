/*
 * agg.c - one-pass hash aggregation of a cells stream into mergeable
 * partial sums (goi-sum).
 *
 * Every output cell is a partial sum that this code reads back exactly:
 *
 *   value  the exact decimal sum of the numbers (empty when there is none)
 *   raw    "n=N glued=N empty=N na=N text=N absent=N": how many documents
 *          gave a number (glued: recovered from a glued run), a blank, a
 *          not-applicable, some text, or no cell at all; zeros are left out
 *          except n.  "error " in front: a number was bad or a sum
 *          overflowed, and the value is never printed.
 *   doc documents    the number of documents of the group and format
 *   COL:min COL:max  extremes of the per-document values (-o min,max)
 *   COL:mean COL:count  derived from sum and n (-o mean,count)
 *
 * A run over a partial-sum stream adds the counts and the sums, takes the
 * extremes of the extremes and derives the rest again, so the sum of sums
 * equals the sum of the whole input.  The output order is canonical (groups
 * bytewise, then tables, rows and columns in schema order), so the order in
 * which partial results arrive does not matter.
 *
 * Keys live in one growing arena; entries and groups in growing arrays
 * indexed by open-addressing tables of 32-bit slots: no allocation per
 * cell.
 *
 * Memory: when the sums reach the budget (goi_agg_spill), at the end of a
 * document, they are written as one sorted run (spill.c) and the tables
 * start empty.  At the end the runs are merged: the partial sums of one key
 * meet and add up exactly as partial results read back do, and each group
 * is put in output order on its own.  Below the budget nothing touches the
 * disk.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

enum { C_DOC, C_YEAR, C_FORMAT, C_TABLE, C_ROW, C_COL, C_VALUE, C_KIND,
	C_RAW, C_LINE, NCOLS };

/* What a document's cell says; ranked: a number beats text beats blank. */
enum { CL_NONE, CL_NA, CL_EMPTY, CL_TEXT, CL_NUM };

/* Grouping keys: cells columns, or facts from the document's doc table. */
static const char *const colkeys[] = {"doc", "year", "format", "table", "row",
	"col"};
static const char *const factkeys[] = {"title", "organ", "period",
	"period_from", "period_to", "published", "signed", "sections"};
#define NCOLKEYS 6
#define NFACTKEYS 8
#define MAXKEYS 16

/* What 2019 and 2021 tables measure alike (--harmonize): NULL = any. */
static const struct {
	const char *table, *row, *col;
} common[] = {
	{"requests", NULL, NULL},
	{"appeals", NULL, NULL},
	{"art20_5", "licensing", "decisions"},
	{"art20_6", "penalty", "decisions"},
	{"art20_6", "coercion", "decisions"},
};
/* Rows that harmonizing folds into one (2021 -> 2019 shape). */
static const struct {
	const char *table, *from, *to;
} folds[] = {
	{"requests", "other.1", "other"},
	{"requests", "other.2", "other"},
	{"requests", "other.3", "other"},
};
#define HARMONIZED "2019+2021"
#define HARMONY_NOTE "2019 and 2021 formats summed where they measure the " \
	"same: requests (other.1+other.2+other.3 as other), appeals, " \
	"art20_5 licensing decisions, art20_6 penalty and coercion decisions"

static const struct {
	const char *name;
	int flag;
} ops[] = {
	{"sum", GOI_AGG_SUM}, {"mean", GOI_AGG_MEAN}, {"min", GOI_AGG_MIN},
	{"max", GOI_AGG_MAX}, {"count", GOI_AGG_COUNT},
};
#define NOPS 5

enum { E_POISON = 1, E_HASMIN = 2, E_RUNNUM = 4, E_RUNGLUED = 8 };

struct ent {
	uint64_t hash;
	size_t koff;		/* key: grp(4) then table, row, col (len(4) + bytes) */
	uint32_t klen;
	uint32_t grp;
	uint64_t lastrun;	/* the document that touched it last */
	goi_dec sum, min, max, runsum;
	int64_t n, glued, empty, na, text;
	int64_t pos;		/* first place of its row in a document's table */
	uint8_t lastcls, flags;
};

struct grp {
	uint64_t hash;
	size_t koff;		/* key: G then F (len(4) + bytes) */
	uint32_t klen;
	size_t yoff;		/* year column of the output */
	uint32_t ylen;
	uint64_t lastrun;
	int64_t docs;
};

struct htab {
	uint32_t *slot;		/* index + 1; 0 = free */
	size_t mask, used;
};

/* A buffered row (documents are buffered when grouping by doc facts). */
struct brow {
	size_t off;
	uint32_t len[NCOLS];
	long line;
};

struct goi_agg {
	int flags;
	int nkeys;
	int key[MAXKEYS];	/* 0..5 colkeys, 100+i factkeys */
	int usefacts;
	void (*warn)(void *, long, const char *);
	void *ctx;

	char *arena;
	size_t alen, acap;
	struct ent *ent;
	size_t nent, ecap;
	struct grp *grp;
	size_t ngrp, gcap;
	struct htab eh, gh;

	uint64_t run;		/* current document */
	char *rundoc;
	size_t rundoclen, rundoccap;
	int inrun;

	char *kbuf;		/* scratch key */
	size_t kcap;
	char *lastg;		/* last group key composed, and its group */
	size_t lastglen, lastgcap;
	uint32_t lastgi;
	int haslastg;

	/* buffered document */
	char *bbuf;
	size_t blen, bcap;
	struct brow *brows;
	size_t nbrows, brcap;
	goi_span fact[NFACTKEYS];

	int warned_harm;

	/* spilling: the runs once the sums outgrow budget, and a group's sort */
	size_t budget;
	char *tmpdir;
	goi_spill *sp, *sp2;

	/* place of the current row in its table within the document */
	uint64_t ptable, prow;
	int64_t rowpos;
};

/* ---- small helpers -------------------------------------------------------- */

static int
span_is(goi_span s, const char *z)
{
	size_t n = strlen(z);

	return s.n == n && memcmp(s.p, z, n) == 0;
}

static void
warnf(goi_agg *a, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (a->warn == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	a->warn(a->ctx, line, msg);
}

/* At most 60 bytes of a value for a message. */
#define Q(s) (int)((s).n > 60 ? 60 : (s).n), (s).p

static uint64_t
hash(const char *p, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;

	while (n >= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
		p += 8;
		n -= 8;
	}
	w = 0;
	memcpy(&w, p, n);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 29;
	h *= 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 32);
}

static int
htab_init(struct htab *h)
{
	h->mask = 1023;
	h->used = 0;
	h->slot = calloc(h->mask + 1, sizeof(*h->slot));
	return h->slot ? 0 : GOI_ENOMEM;
}

/* Double h; hashes come from get(i). */
static int
htab_grow(struct htab *h, const void *arr, size_t size)
{
	size_t nm = 2 * h->mask + 1, i, j;
	uint32_t *ns;

	if ((ns = calloc(nm + 1, sizeof(*ns))) == NULL)
		return GOI_ENOMEM;
	for (i = 0; i <= h->mask; i++) {
		uint64_t hv;
		if (h->slot[i] == 0)
			continue;
		/* hash is the first member of both ent and grp */
		memcpy(&hv, (const char *)arr + (h->slot[i] - 1) * size, 8);
		for (j = hv & nm; ns[j] != 0; j = (j + 1) & nm)
			;
		ns[j] = h->slot[i];
	}
	free(h->slot);
	h->slot = ns;
	h->mask = nm;
	return 0;
}

static int
put_bytes(goi_agg *a, const void *p, size_t n, size_t *off)
{
	if (goi_grow((void **)&a->arena, &a->acap, a->alen + n + 1, 1) < 0)
		return GOI_ENOMEM;
	if (n > 0)
		memcpy(a->arena + a->alen, p, n);
	a->arena[a->alen + n] = '\0';
	*off = a->alen;
	a->alen += n + 1;
	return 0;
}

/* Append a length-prefixed component to the scratch key. */
static int
kput(goi_agg *a, size_t *len, const char *p, size_t n)
{
	uint32_t l = (uint32_t)n;

	if (n > UINT32_MAX)
		return GOI_ERANGE;
	if (goi_grow((void **)&a->kbuf, &a->kcap, *len + 4 + n, 1) < 0)
		return GOI_ENOMEM;
	memcpy(a->kbuf + *len, &l, 4);
	if (n > 0)
		memcpy(a->kbuf + *len + 4, p, n);
	*len += 4 + n;
	return 0;
}

/* Component i of a stored key (after skip bytes). */
static goi_span
kget(const char *k, size_t skip, int i)
{
	goi_span s;
	uint32_t l;

	k += skip;
	for (;;) {
		memcpy(&l, k, 4);
		if (i-- == 0)
			break;
		k += 4 + l;
	}
	s.p = k + 4;
	s.n = l;
	return s;
}

/* ---- options -------------------------------------------------------------- */

int
goi_agg_ops_parse(const char *spec, goi_span *bad)
{
	const char *p = spec, *e;
	int flags = 0, i;

	for (;;) {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		for (i = 0; i < NOPS; i++)
			if (strlen(ops[i].name) == (size_t)(e - p) &&
			    memcmp(ops[i].name, p, (size_t)(e - p)) == 0)
				break;
		if (i == NOPS) {
			bad->p = p;
			bad->n = (size_t)(e - p);
			return GOI_EINVAL;
		}
		flags |= ops[i].flag;
		if (*e == '\0')
			return flags;
		p = e + 1;
	}
}

static int
key_code(const char *p, size_t n)
{
	int i;

	for (i = 0; i < NCOLKEYS; i++)
		if (strlen(colkeys[i]) == n && memcmp(colkeys[i], p, n) == 0)
			return i;
	for (i = 0; i < NFACTKEYS; i++)
		if (strlen(factkeys[i]) == n && memcmp(factkeys[i], p, n) == 0)
			return 100 + i;
	return -1;
}

/* Parse keys into codes; returns the count or GOI_EINVAL. */
static int
keys_parse(const char *spec, int *codes, goi_span *bad)
{
	const char *p = spec, *e;
	int n = 0, c;

	for (;;) {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		c = key_code(p, (size_t)(e - p));
		if (c < 0 || n == MAXKEYS) {
			bad->p = p;
			bad->n = (size_t)(e - p);
			return GOI_EINVAL;
		}
		codes[n++] = c;
		if (*e == '\0')
			return n;
		p = e + 1;
	}
}

int
goi_agg_keys_check(const char *keys, goi_span *bad)
{
	int codes[MAXKEYS];

	return keys_parse(keys, codes, bad) < 0 ? GOI_EINVAL : 0;
}

goi_agg *
goi_agg_new(const char *keys, int flags,
    void (*warn)(void *ctx, long line, const char *msg), void *ctx)
{
	goi_agg *a;
	goi_span bad;
	int i;

	if ((a = calloc(1, sizeof(*a))) == NULL)
		return NULL;
	a->flags = flags;
	a->warn = warn;
	a->ctx = ctx;
	a->budget = GOI_SPILL_BUDGET;
	if (keys != NULL && (a->nkeys = keys_parse(keys, a->key, &bad)) < 0) {
		free(a);
		errno = EINVAL;
		return NULL;
	}
	for (i = 0; i < a->nkeys; i++)
		if (a->key[i] >= 100)
			a->usefacts = 1;
	if (htab_init(&a->eh) < 0 || htab_init(&a->gh) < 0) {
		goi_agg_free(a);
		return NULL;
	}
	return a;
}

void
goi_agg_free(goi_agg *a)
{
	if (a == NULL)
		return;
	free(a->arena);
	free(a->ent);
	free(a->grp);
	free(a->eh.slot);
	free(a->gh.slot);
	free(a->rundoc);
	free(a->kbuf);
	free(a->lastg);
	free(a->bbuf);
	free(a->brows);
	free(a->tmpdir);
	goi_spill_free(a->sp);
	goi_spill_free(a->sp2);
	free(a);
}

int
goi_agg_spill(goi_agg *a, size_t budget, const char *dir)
{
	char *d = NULL;

	if (dir != NULL && (d = strdup(dir)) == NULL)
		return GOI_ENOMEM;
	free(a->tmpdir);
	a->tmpdir = d;
	a->budget = budget;
	return 0;
}

/* ---- groups and entries ------------------------------------------------- */

/* The group of scratch key kbuf[0..klen); year for a new group. */
static int
group_get(goi_agg *a, size_t klen, goi_span year, uint32_t *gi)
{
	uint64_t h;
	size_t j;
	struct grp *g;

	if (a->haslastg && klen == a->lastglen &&
	    memcmp(a->kbuf, a->lastg, klen) == 0) {
		*gi = a->lastgi;
		return 0;
	}
	h = hash(a->kbuf, klen);
	for (j = h & a->gh.mask; a->gh.slot[j] != 0; j = (j + 1) & a->gh.mask) {
		g = &a->grp[a->gh.slot[j] - 1];
		if (g->hash == h && g->klen == klen &&
		    memcmp(a->arena + g->koff, a->kbuf, klen) == 0)
			goto found;
	}
	if (a->ngrp >= UINT32_MAX - 1 ||
	    goi_grow((void **)&a->grp, &a->gcap, a->ngrp + 1, sizeof(*a->grp)) < 0)
		return GOI_ENOMEM;
	g = &a->grp[a->ngrp];
	memset(g, 0, sizeof(*g));
	g->hash = h;
	g->klen = (uint32_t)klen;
	g->lastrun = UINT64_MAX;
	if (put_bytes(a, a->kbuf, klen, &g->koff) < 0 ||
	    put_bytes(a, year.p, year.n, &g->yoff) < 0)
		return GOI_ENOMEM;
	g->ylen = (uint32_t)year.n;
	a->gh.slot[j] = (uint32_t)++a->ngrp;
	if (++a->gh.used * 2 > a->gh.mask &&
	    htab_grow(&a->gh, a->grp, sizeof(*a->grp)) < 0)
		return GOI_ENOMEM;
found:
	*gi = (uint32_t)(g - a->grp);
	if (goi_grow((void **)&a->lastg, &a->lastgcap, klen, 1) < 0)
		return GOI_ENOMEM;
	memcpy(a->lastg, a->kbuf, klen);
	a->lastglen = klen;
	a->lastgi = *gi;
	a->haslastg = 1;
	return 0;
}

static int
entry_get(goi_agg *a, uint32_t gi, goi_span table, goi_span row, goi_span col,
    struct ent **ep)
{
	size_t klen = 0, j;
	uint64_t h;
	struct ent *e;
	int rc;

	if (goi_grow((void **)&a->kbuf, &a->kcap, 4, 1) < 0)
		return GOI_ENOMEM;
	memcpy(a->kbuf, &gi, 4);
	klen = 4;
	if ((rc = kput(a, &klen, table.p, table.n)) < 0 ||
	    (rc = kput(a, &klen, row.p, row.n)) < 0 ||
	    (rc = kput(a, &klen, col.p, col.n)) < 0)
		return rc;
	h = hash(a->kbuf, klen);
	for (j = h & a->eh.mask; a->eh.slot[j] != 0; j = (j + 1) & a->eh.mask) {
		e = &a->ent[a->eh.slot[j] - 1];
		if (e->hash == h && e->klen == klen &&
		    memcmp(a->arena + e->koff, a->kbuf, klen) == 0) {
			*ep = e;
			return 0;
		}
	}
	if (a->nent >= UINT32_MAX - 1 ||
	    goi_grow((void **)&a->ent, &a->ecap, a->nent + 1, sizeof(*a->ent)) < 0)
		return GOI_ENOMEM;
	e = &a->ent[a->nent];
	memset(e, 0, sizeof(*e));
	e->hash = h;
	e->klen = (uint32_t)klen;
	e->grp = gi;
	e->lastrun = UINT64_MAX;
	if (put_bytes(a, a->kbuf, klen, &e->koff) < 0)
		return GOI_ENOMEM;
	a->eh.slot[j] = (uint32_t)++a->nent;
	if (++a->eh.used * 2 > a->eh.mask &&
	    htab_grow(&a->eh, a->ent, sizeof(*a->ent)) < 0)
		return GOI_ENOMEM;
	*ep = e;
	return 0;
}

static void
minmax(struct ent *e, goi_dec v)
{
	if (!(e->flags & E_HASMIN)) {
		e->min = e->max = v;
		e->flags |= E_HASMIN;
		return;
	}
	if (goi_dec_cmp(v, e->min) < 0)
		e->min = v;
	if (goi_dec_cmp(v, e->max) > 0)
		e->max = v;
}

/* Fold the value of the document that touched e last into min and max. */
static void
fold(struct ent *e)
{
	if (e->flags & E_RUNNUM)
		minmax(e, e->runsum);
	e->flags &= (uint8_t)~(E_RUNNUM | E_RUNGLUED);
}

/* ---- partial sums read back ------------------------------------------- */

static const char *const cntnames[] = {"n", "glued", "empty", "na", "text",
	"absent", "pos"};
#define NCNT 7

/*
 * Parse raw "[error ]n=N[ name=N]..." into c[NCNT]; 1 if it is one (*err set
 * for "error "), 0 if raw is something else.
 */
static int
parse_counts(goi_span raw, int64_t c[NCNT], int *err)
{
	const char *p = raw.p, *end = raw.p + raw.n;
	int i, first = 1;

	memset(c, 0, NCNT * sizeof(c[0]));
	*err = 0;
	if (raw.n >= 6 && memcmp(p, "error ", 6) == 0) {
		*err = 1;
		p += 6;
	}
	if (end - p < 3 || p[0] != 'n' || p[1] != '=')
		return 0;
	while (p < end) {
		const char *eq = memchr(p, '=', (size_t)(end - p));
		int64_t v = 0;
		if (eq == NULL)
			return 0;
		for (i = 0; i < NCNT; i++)
			if ((size_t)(eq - p) == strlen(cntnames[i]) &&
			    memcmp(p, cntnames[i], (size_t)(eq - p)) == 0)
				break;
		if (i == NCNT || (first && i != 0))
			return 0;
		first = 0;
		for (p = eq + 1; p < end && *p >= '0' && *p <= '9'; p++)
			if (__builtin_mul_overflow(v, 10, &v) ||
			    __builtin_add_overflow(v, *p - '0', &v))
				return 0;
		if (p == eq + 1)
			return 0;
		c[i] = v;
		if (p < end && *p++ != ' ')
			return 0;
	}
	return 1;
}

static int
op_of(goi_span col, goi_span *base)
{
	const char *colon;
	int i;

	if (col.n == 0 || (colon = memchr(col.p, ':', col.n)) == NULL)
		return 0;
	for (i = 1; i < NOPS; i++)
		if ((size_t)(col.p + col.n - colon - 1) == strlen(ops[i].name) &&
		    memcmp(colon + 1, ops[i].name, strlen(ops[i].name)) == 0) {
			base->p = col.p;
			base->n = (size_t)(colon - col.p);
			return ops[i].flag;
		}
	return 0;
}

/* ---- one row ------------------------------------------------------------ */

static int
is_common(goi_span fmt, goi_span table, goi_span row, goi_span col)
{
	size_t i;

	if (!span_is(fmt, "2019") && !span_is(fmt, "2021"))
		return 0;
	for (i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		if (span_is(table, common[i].table) &&
		    (common[i].row == NULL || span_is(row, common[i].row)) &&
		    (common[i].col == NULL || span_is(col, common[i].col)))
			return 1;
	return 0;
}

static const char *
folded(goi_span table, goi_span row)
{
	size_t i;

	for (i = 0; i < sizeof(folds) / sizeof(folds[0]); i++)
		if (span_is(table, folds[i].table) && span_is(row, folds[i].from))
			return folds[i].to;
	return NULL;
}

/* Compose the group key of a row into kbuf; *klen its length. */
static int
group_key(goi_agg *a, const goi_span *f, int partial, goi_span fmt,
    size_t *klen)
{
	size_t len = 0, glen = 0;
	int i, rc;
	char *g;

	*klen = 0;
	if (partial || a->nkeys == 0) {
		goi_span s = partial ? f[C_DOC] : (goi_span){"all", 3};
		if ((rc = kput(a, &len, s.p, s.n)) < 0)
			return rc;
	} else {
		/* G = the key values joined by '|', built after a length slot */
		if (goi_grow((void **)&a->kbuf, &a->kcap, 4, 1) < 0)
			return GOI_ENOMEM;
		len = 4;
		for (i = 0; i < a->nkeys; i++) {
			goi_span s = a->key[i] >= 100 ? a->fact[a->key[i] - 100] :
			    f[a->key[i]];
			if (goi_grow((void **)&a->kbuf, &a->kcap, len + s.n + 1, 1) < 0)
				return GOI_ENOMEM;
			g = a->kbuf + len;
			if (i > 0)
				*g++ = '|';
			if (s.n > 0)
				memcpy(g, s.p, s.n);
			len += s.n + (i > 0);
		}
		glen = len - 4;
		if (glen > UINT32_MAX)
			return GOI_ERANGE;
		memcpy(a->kbuf, &(uint32_t){(uint32_t)glen}, 4);
	}
	if ((rc = kput(a, &len, fmt.p, fmt.n)) < 0)
		return rc;
	*klen = len;
	return 0;
}

static int
has_key(const goi_agg *a, int code)
{
	int i;

	for (i = 0; i < a->nkeys; i++)
		if (a->key[i] == code)
			return 1;
	return 0;
}

static void
poison(goi_agg *a, struct ent *e, long line, const char *why, goi_span v,
    goi_span table, goi_span row, goi_span col)
{
	e->flags |= E_POISON;
	warnf(a, line, "%s '%.*s' (%.*s %.*s %.*s): this sum is left out",
	    why, Q(v), Q(table), Q(row), Q(col));
}

static int
process(goi_agg *a, const goi_span *f, long line)
{
	goi_span fmt = f[C_FORMAT], table = f[C_TABLE], row = f[C_ROW];
	goi_span col = f[C_COL], base = {"", 0}, year = {"", 0};
	int64_t cnt[NCNT];
	int partial = 0, op = 0, err = 0, cls, rc, docs = 0;
	const char *to;
	size_t klen;
	uint32_t gi;
	struct ent *e;
	struct grp *g;
	goi_dec v;

	/* Partial sums describe themselves; see the comment at the top. */
	if (span_is(table, "doc") &&
	    (span_is(row, "documents") || span_is(row, "harmonized")))
		partial = docs = span_is(row, "documents") ? 1 : 2;
	else if ((op = op_of(col, &base)) != 0)
		partial = 1;
	else if (parse_counts(f[C_RAW], cnt, &err))
		partial = 1;
	if (partial && docs == 2)
		return 0;	/* the note is written again for its group */

	if (!partial && (a->flags & GOI_AGG_HARMONIZE) &&
	    is_common(fmt, table, row, col)) {
		fmt = (goi_span){HARMONIZED, sizeof(HARMONIZED) - 1};
		if ((to = folded(table, row)) != NULL)
			row = (goi_span){to, strlen(to)};
	} else if (partial && (a->flags & GOI_AGG_HARMONIZE) &&
	    !a->warned_harm && is_common(fmt, table, row, col)) {
		a->warned_harm = 1;
		warnf(a, line, "partial sums of format %.*s cannot be "
		    "harmonized (the documents are gone): kept apart", Q(fmt));
	}
	if ((rc = group_key(a, f, partial, fmt, &klen)) < 0)
		return rc;
	if (partial || has_key(a, 1))
		year = f[C_YEAR];
	if ((rc = group_get(a, klen, year, &gi)) < 0)
		return rc;
	g = &a->grp[gi];

	if (docs) {
		if (goi_dec_parse(f[C_VALUE].p, f[C_VALUE].n, &v) < 0 ||
		    v.scale != 0 || v.m < 0 ||
		    __builtin_add_overflow(g->docs, v.m, &g->docs))
			warnf(a, line, "bad document count '%.*s'",
			    Q(f[C_VALUE]));
		return 0;
	}
	if (!partial && g->lastrun != a->run) {
		g->lastrun = a->run;
		g->docs++;
	}
	if (!partial && (span_is(table, "doc") || span_is(table, "text")))
		return 0;	/* facts about documents are not summed */

	cls = CL_NONE;
	if (!partial) {
		uint64_t ht = hash(table.p, table.n), hr = hash(row.p, row.n);
		if (span_is(f[C_KIND], "num") || span_is(f[C_KIND], "glued"))
			cls = CL_NUM;
		else if (span_is(f[C_KIND], "empty"))
			cls = CL_EMPTY;
		else if (span_is(f[C_KIND], "na"))
			cls = CL_NA;
		else if (span_is(f[C_KIND], "text"))
			cls = CL_TEXT;
		else {
			warnf(a, line, "unknown kind '%.*s'", Q(f[C_KIND]));
			return 0;
		}
		/* the row's place in its table, for tables the schema lacks */
		if (ht != a->ptable)
			a->rowpos = 0;
		if (ht != a->ptable || hr != a->prow)
			a->rowpos++;
		a->ptable = ht;
		a->prow = hr;
	}
	if ((rc = entry_get(a, gi, table, row, op ? base : col, &e)) < 0)
		return rc;

	if (op) {
		a->flags |= op;
		if ((op == GOI_AGG_MIN || op == GOI_AGG_MAX) &&
		    span_is(f[C_KIND], "num")) {
			if (goi_dec_parse(f[C_VALUE].p, f[C_VALUE].n, &v) < 0)
				poison(a, e, line, "not a number", f[C_VALUE],
				    table, row, col);
			else
				minmax(e, v);
		}
		return 0;
	}
	if (partial) {
		if (err)
			e->flags |= E_POISON;
		if (cnt[6] > 0 && (e->pos == 0 || cnt[6] < e->pos))
			e->pos = cnt[6];
		if (cnt[0] > 0 && !err) {
			if ((rc = goi_dec_parse(f[C_VALUE].p, f[C_VALUE].n,
			    &v)) < 0)
				poison(a, e, line, rc == GOI_ERANGE ?
				    "number too large" : "not a number",
				    f[C_VALUE], table, row, col);
			else if (!(e->flags & E_POISON) &&
			    goi_dec_add(&e->sum, v) < 0)
				poison(a, e, line, "sum overflows at",
				    f[C_VALUE], table, row, col);
		}
		if (__builtin_add_overflow(e->n, cnt[0], &e->n) ||
		    __builtin_add_overflow(e->glued, cnt[1], &e->glued) ||
		    __builtin_add_overflow(e->empty, cnt[2], &e->empty) ||
		    __builtin_add_overflow(e->na, cnt[3], &e->na) ||
		    __builtin_add_overflow(e->text, cnt[4], &e->text))
			poison(a, e, line, "count overflows at", f[C_RAW],
			    table, row, col);
		return 0;
	}

	/* A cell of one document. */
	if (e->pos == 0 || a->rowpos < e->pos)
		e->pos = a->rowpos;
	if (e->lastrun != a->run) {
		fold(e);
		e->lastrun = a->run;
		e->lastcls = CL_NONE;
	} else if (row.p == f[C_ROW].p) {
		warnf(a, line, "duplicate cell %.*s %.*s %.*s in document "
		    "'%.*s': left out", Q(table), Q(row), Q(col), Q(f[C_DOC]));
		return 0;
	}
	if (cls == CL_NUM) {
		if ((rc = goi_dec_parse(f[C_VALUE].p, f[C_VALUE].n, &v)) < 0) {
			poison(a, e, line, rc == GOI_ERANGE ?
			    "number too large" : "not a number", f[C_VALUE],
			    table, row, col);
			cls = CL_TEXT;	/* no number came of it */
		} else if (!(e->flags & E_POISON) && goi_dec_add(&e->sum, v) < 0)
			poison(a, e, line, "sum overflows at", f[C_VALUE],
			    table, row, col);
		else if (a->flags & (GOI_AGG_MIN | GOI_AGG_MAX)) {
			if (!(e->flags & E_RUNNUM)) {
				e->runsum = v;
				e->flags |= E_RUNNUM;
			} else if (goi_dec_add(&e->runsum, v) < 0)
				poison(a, e, line, "sum overflows at",
				    f[C_VALUE], table, row, col);
		}
		if (span_is(f[C_KIND], "glued") && !(e->flags & E_RUNGLUED)) {
			e->glued++;
			e->flags |= E_RUNGLUED;
		}
	}
	if (cls > e->lastcls) {
		int64_t *c[] = {NULL, &e->na, &e->empty, &e->text, &e->n};
		if (e->lastcls != CL_NONE)
			(*c[e->lastcls])--;
		(*c[cls])++;
		e->lastcls = (uint8_t)cls;
	}
	return 0;
}

/* ---- documents ------------------------------------------------------------ */

static size_t agg_mem(const goi_agg *);
static int spill(goi_agg *);

static void
newrun(goi_agg *a)
{
	a->run++;
	a->haslastg = 0;	/* facts may differ */
	a->ptable = a->prow = 0;
	a->rowpos = 0;
}

/* Process the buffered document with its facts. */
static int
flush(goi_agg *a)
{
	goi_span f[NCOLS];
	size_t i;
	int j, k, rc;

	if (a->nbrows == 0)
		return 0;
	memset(a->fact, 0, sizeof(a->fact));
	for (i = 0; i < a->nbrows; i++) {
		const char *p = a->bbuf + a->brows[i].off;
		for (j = 0; j < NCOLS; j++) {
			f[j].p = p;
			f[j].n = a->brows[i].len[j];
			p += f[j].n;
		}
		if (!span_is(f[C_TABLE], "doc"))
			continue;
		for (k = 0; k < NFACTKEYS; k++)
			if (span_is(f[C_ROW], factkeys[k]) && a->fact[k].p == NULL)
				a->fact[k] = f[C_VALUE];
	}
	for (i = 0; i < a->nbrows; i++) {
		const char *p = a->bbuf + a->brows[i].off;
		for (j = 0; j < NCOLS; j++) {
			f[j].p = p;
			f[j].n = a->brows[i].len[j];
			p += f[j].n;
		}
		if ((rc = process(a, f, a->brows[i].line)) < 0)
			return rc;
	}
	a->nbrows = 0;
	a->blen = 0;
	return 0;
}

int
goi_agg_row(goi_agg *a, const goi_span *f, long line)
{
	struct brow *b;
	size_t need;
	int j, rc;

	if (!a->inrun || f[C_DOC].n != a->rundoclen ||
	    memcmp(f[C_DOC].p, a->rundoc, a->rundoclen) != 0) {
		if (a->usefacts && (rc = flush(a)) < 0)
			return rc;
		/* Between documents: a run never splits one. */
		if (agg_mem(a) > a->budget && (rc = spill(a)) < 0)
			return rc;
		if (goi_grow((void **)&a->rundoc, &a->rundoccap, f[C_DOC].n + 1, 1) < 0)
			return GOI_ENOMEM;
		memcpy(a->rundoc, f[C_DOC].p, f[C_DOC].n);
		a->rundoclen = f[C_DOC].n;
		a->inrun = 1;
		newrun(a);
	}
	if (!a->usefacts)
		return process(a, f, line);
	for (need = 0, j = 0; j < NCOLS; j++) {
		if (f[j].n > UINT32_MAX)
			return GOI_ERANGE;
		need += f[j].n;
	}
	if (goi_grow((void **)&a->bbuf, &a->bcap, a->blen + need, 1) < 0 ||
	    goi_grow((void **)&a->brows, &a->brcap, a->nbrows + 1,
	    sizeof(*a->brows)) < 0)
		return GOI_ENOMEM;
	b = &a->brows[a->nbrows++];
	b->off = a->blen;
	b->line = line;
	for (j = 0; j < NCOLS; j++) {
		b->len[j] = (uint32_t)f[j].n;
		if (f[j].n > 0)
			memcpy(a->bbuf + a->blen, f[j].p, f[j].n);
		a->blen += f[j].n;
	}
	return 0;
}

int
goi_agg_endinput(goi_agg *a)
{
	int rc = a->usefacts ? flush(a) : 0;

	a->inrun = 0;
	return rc;
}

/* ---- output --------------------------------------------------------------- */

struct srec {
	uint32_t g;		/* group rank */
	int t, r, c;		/* schema positions; large when unknown */
	goi_span ts, rs, cs;
	uint32_t e;
};

static int
span_cmp(goi_span a, goi_span b)
{
	size_t n = a.n < b.n ? a.n : b.n;
	int c = n ? memcmp(a.p, b.p, n) : 0;

	return c ? c : (a.n > b.n) - (a.n < b.n);
}

static const char *sort_arena;

static int
grp_cmp(const void *x, const void *y)
{
	const struct grp *a = *(const struct grp *const *)x;
	const struct grp *b = *(const struct grp *const *)y;
	int c = span_cmp(kget(sort_arena + a->koff, 0, 0),
	    kget(sort_arena + b->koff, 0, 0));

	return c ? c : span_cmp(kget(sort_arena + a->koff, 0, 1),
	    kget(sort_arena + b->koff, 0, 1));
}

static int
srec_cmp(const void *x, const void *y)
{
	const struct srec *a = x, *b = y;
	int c;

	if (a->g != b->g)
		return a->g < b->g ? -1 : 1;
	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	if ((c = span_cmp(a->ts, b->ts)) != 0)
		return c;
	if (a->r != b->r)
		return a->r < b->r ? -1 : 1;
	if ((c = span_cmp(a->rs, b->rs)) != 0)
		return c;
	if (a->c != b->c)
		return a->c < b->c ? -1 : 1;
	return span_cmp(a->cs, b->cs);
}

static int
fmt_bits(goi_span f)
{
	if (span_is(f, HARMONIZED))
		return GOI_FMT_2019 | GOI_FMT_2021;
	if (span_is(f, "2019"))
		return GOI_FMT_2019;
	if (span_is(f, "2021"))
		return GOI_FMT_2021;
	if (span_is(f, "old"))
		return GOI_FMT_OLD;
	return GOI_FMT_NONE;
}

/* Columns of the tables the schema lacks (stats), in printed order. */
static const char *const listcols[] = {"value", "cumulative"};

static int
item_pos(const goi_schema_item *it, int n, goi_span key)
{
	int i;

	for (i = 0; i < n; i++)
		if (span_is(key, it[i].key))
			return i;
	return 1 << 20;
}

/* Where a cell goes in its group: schema order, unknown keys after. */
static void
place(struct srec *s, goi_span fmt, int64_t pos)
{
	const goi_schema_table *t;
	int bits = fmt_bits(fmt), n, i;

	if ((bits & GOI_FMT_2019) && (bits & GOI_FMT_2021))
		bits = GOI_FMT_2019;
	t = goi_schema_tables(bits, &n);
	s->t = s->r = s->c = 1 << 20;
	for (i = 0; i < n; i++)
		if (span_is(s->ts, t[i].key)) {
			s->t = i;
			s->r = item_pos(t[i].rows, t[i].nrows, s->rs);
			s->c = item_pos(t[i].cols, t[i].ncols, s->cs);
			return;
		}
	if (pos > 0 && pos < 1 << 20)
		s->r = (int)pos;
	for (i = 0; i < (int)(sizeof(listcols) / sizeof(listcols[0])); i++)
		if (span_is(s->cs, listcols[i]))
			s->c = i;
}

/* Mean: sum / n rounded half away from zero to 6 decimals (or sum's). */
static goi_dec
mean(goi_dec sum, int64_t n, int *ok)
{
	int scale = sum.scale > 6 ? sum.scale : 6;
	__extension__ __int128 m = sum.m, q, r;
	goi_dec d = {0, 0};
	int i;

	*ok = 0;
	for (i = sum.scale; i < scale; i++)
		m *= 10;
	q = m / n;
	r = m % n;
	if ((r < 0 ? -r : r) * 2 >= n)
		q += m < 0 ? -1 : 1;
	if (q > INT64_MAX || q < INT64_MIN)
		return d;
	d.m = (int64_t)q;
	d.scale = scale;
	*ok = 1;
	return d;
}

/* Sink of the output cells: a goi_out row, or the renderer. */
struct emit {
	goi_out *o;
	goi_render *r;
	goi_span doc, year, fmt;
	long line;
	int rc;
};

static void
emit(struct emit *w, goi_span table, goi_span row, const char *col,
    size_t coln, const char *value, const char *kind, const char *raw)
{
	goi_out *o = w->o;
	int rc = 0;

	if (w->rc < 0)
		return;
	if (w->r != NULL) {
		/* the renderer wants NUL-terminated strings */
		char *t = malloc(table.n + row.n + coln + 3);
		goi_cellv c;
		if (t == NULL) {
			w->rc = GOI_ENOMEM;
			return;
		}
		memcpy(t, table.p, table.n);
		t[table.n] = '\0';
		memcpy(t + table.n + 1, row.p, row.n);
		t[table.n + 1 + row.n] = '\0';
		memcpy(t + table.n + row.n + 2, col, coln);
		t[table.n + row.n + 2 + coln] = '\0';
		c.table = t;
		c.row = t + table.n + 1;
		c.col = t + table.n + row.n + 2;
		c.value = value;
		c.kind = kind;
		c.raw = raw;
		c.line = 0;
		w->rc = goi_render_cell(w->r, &c);
		free(t);
		return;
	}
	if ((rc = goi_out_field(o, w->doc.p, w->doc.n)) < 0 ||
	    (rc = goi_out_field(o, w->year.p, w->year.n)) < 0 ||
	    (rc = goi_out_field(o, w->fmt.p, w->fmt.n)) < 0 ||
	    (rc = goi_out_field(o, table.p, table.n)) < 0 ||
	    (rc = goi_out_field(o, row.p, row.n)) < 0 ||
	    (rc = goi_out_field(o, col, coln)) < 0 ||
	    (rc = goi_out_fieldz(o, value)) < 0 ||
	    (rc = goi_out_fieldz(o, kind)) < 0 ||
	    (rc = goi_out_fieldz(o, raw)) < 0 ||
	    (rc = goi_out_fieldl(o, w->line++)) < 0 ||
	    (rc = goi_out_endrow(o)) < 0)
		w->rc = rc;
}

/* The cells of sum e of a group of docs documents, placed at s. */
static void
emit_entry(goi_agg *a, struct emit *w, const struct srec *s, struct ent *e,
    int64_t docs)
{
	char val[64], raw[256], *colbuf;
	const char *kind;
	int64_t absent = docs - e->n - e->empty - e->na - e->text;
	size_t len = 0;
	int i, ok;
	goi_dec d;

	fold(e);
	e->lastrun = UINT64_MAX;
	val[0] = '\0';
	if (e->flags & E_POISON)
		kind = "text";
	else if (e->n > 0) {
		goi_dec_format(e->sum, val, sizeof(val));
		kind = e->glued > 0 ? "glued" : "num";
	} else if (e->na > 0 && e->empty == 0 && e->text == 0)
		kind = "na";
	else
		kind = "empty";
	if (e->flags & E_POISON)
		len += (size_t)snprintf(raw + len, sizeof(raw) - len, "error ");
	len += (size_t)snprintf(raw + len, sizeof(raw) - len, "n=%lld",
	    (long long)e->n);
	{
		int64_t c[] = {e->glued, e->empty, e->na, e->text, absent,
		    s->t == 1 << 20 ? e->pos : 0};
		for (i = 0; i < 6; i++)
			if (c[i] != 0)
				len += (size_t)snprintf(raw + len,
				    sizeof(raw) - len, " %s=%lld",
				    cntnames[i + 1], (long long)c[i]);
	}
	emit(w, s->ts, s->rs, s->cs.p, s->cs.n, val, kind, raw);
	if ((colbuf = malloc(s->cs.n + 8)) == NULL) {
		w->rc = GOI_ENOMEM;
		return;
	}
	memcpy(colbuf, s->cs.p, s->cs.n);
	for (i = 1; i < NOPS; i++) {
		if (!(a->flags & ops[i].flag))
			continue;
		colbuf[s->cs.n] = ':';
		strcpy(colbuf + s->cs.n + 1, ops[i].name);
		val[0] = '\0';
		kind = "empty";
		d = e->min;
		ok = !(e->flags & E_POISON) && e->n > 0;
		switch (ops[i].flag) {
		case GOI_AGG_MEAN:
			if (ok)
				d = mean(e->sum, e->n, &ok);
			break;
		case GOI_AGG_MAX:
			d = e->max;
			/* FALLTHROUGH */
		case GOI_AGG_MIN:
			ok = ok && (e->flags & E_HASMIN);
			break;
		case GOI_AGG_COUNT:
			d.m = e->n;
			d.scale = 0;
			ok = !(e->flags & E_POISON);
			break;
		}
		if (ok) {
			goi_dec_format(d, val, sizeof(val));
			kind = "num";
		} else if (e->flags & E_POISON)
			kind = "text";
		emit(w, s->ts, s->rs, colbuf, strlen(colbuf), val, kind, "");
	}
	free(colbuf);
}

/* A group's first cells: its documents, and the note when harmonized. */
static void
emit_group(struct emit *w, int64_t docs)
{
	static const goi_span tdoc = {"doc", 3}, rdocs = {"documents", 9};
	static const goi_span rnote = {"harmonized", 10};
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", (long long)docs);
	emit(w, tdoc, rdocs, "value", 5, buf, "num", "");
	if (span_is(w->fmt, HARMONIZED))
		emit(w, tdoc, rnote, "value", 5, HARMONY_NOTE, "text", "");
}

/* --pretty: lay out the group's cells given to the renderer. */
static void
render_group(struct emit *w)
{
	char *d;

	if (w->r == NULL || w->rc < 0)
		return;
	if ((d = malloc(w->doc.n + 1)) == NULL) {
		w->rc = GOI_ENOMEM;
		return;
	}
	memcpy(d, w->doc.p, w->doc.n);
	d[w->doc.n] = '\0';
	w->rc = goi_render_doc(w->r, d, fmt_bits(w->fmt));
	free(d);
}

/* ---- spilling -------------------------------------------------------------- */

/*
 * A run record: the group key (G then F, as in struct grp), a type, then
 *   R_GROUP  the documents (8 bytes), the year column;
 *   R_ENTRY  the entry key (table, row, col as in struct ent), then the
 *            sums as varints (erec_put).
 * rcmp orders groups as the output does, a group's record before its
 * entries, entries by their key bytes; the merge needs no other order, as
 * each group is sorted for output on its own (place() needs the merged pos).
 */
enum { R_GROUP, R_ENTRY };

struct erec {
	goi_dec sum, min, max;
	int64_t n, glued, empty, na, text, pos;
	int flags;
};

/* What the sums' arrays and hashes take. */
static size_t
agg_cap(const goi_agg *a)
{
	return a->acap + a->ecap * sizeof(struct ent) +
	    a->gcap * sizeof(struct grp) +
	    (a->eh.mask + 1 + a->gh.mask + 1) * sizeof(*a->eh.slot);
}

/*
 * What the sums will take once the next document is in: an array or a
 * hash three quarters full may double.
 */
static size_t
agg_mem(const goi_agg *a)
{
	size_t m = agg_cap(a);

	if (4 * a->alen > 3 * a->acap)
		m += a->acap;
	if (4 * a->nent > 3 * a->ecap)
		m += a->ecap * sizeof(struct ent);
	if (4 * a->ngrp > 3 * a->gcap)
		m += a->gcap * sizeof(struct grp);
	if (8 * a->eh.used > 3 * a->eh.mask)
		m += (a->eh.mask + 1) * sizeof(*a->eh.slot);
	if (8 * a->gh.used > 3 * a->gh.mask)
		m += (a->gh.mask + 1) * sizeof(*a->gh.slot);
	return m;
}

/* The length of the entry key (table, row, col) at p. */
static size_t
kk_len(const char *p)
{
	goi_span c = kget(p, 0, 2);

	return (size_t)(c.p + c.n - p);
}

/* struct erec as varints: flags, sum, counts, pos, min and max if any. */
#define EREC_MAX (1 + 3 * 11 + 6 * 10)

static size_t
erec_put(unsigned char *p, const struct erec *v)
{
	const int64_t c[] = {v->n, v->glued, v->empty, v->na, v->text, v->pos};
	unsigned char *q = p;
	size_t i;

	*q++ = (unsigned char)v->flags;
	q += goi_spill_putsv(q, v->sum.m);
	*q++ = (unsigned char)v->sum.scale;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		q += goi_spill_putsv(q, c[i]);
	if (v->flags & E_HASMIN) {
		q += goi_spill_putsv(q, v->min.m);
		*q++ = (unsigned char)v->min.scale;
		q += goi_spill_putsv(q, v->max.m);
		*q++ = (unsigned char)v->max.scale;
	}
	return (size_t)(q - p);
}

static void
erec_get(const unsigned char *p, struct erec *v)
{
	memset(v, 0, sizeof(*v));
	v->flags = *p++;
	v->sum.m = goi_spill_getsv(&p);
	v->sum.scale = *p++;
	v->n = goi_spill_getsv(&p);
	v->glued = goi_spill_getsv(&p);
	v->empty = goi_spill_getsv(&p);
	v->na = goi_spill_getsv(&p);
	v->text = goi_spill_getsv(&p);
	v->pos = goi_spill_getsv(&p);
	if (v->flags & E_HASMIN) {
		v->min.m = goi_spill_getsv(&p);
		v->min.scale = *p++;
		v->max.m = goi_spill_getsv(&p);
		v->max.scale = *p++;
	}
}

/* The end of the group key at the head of a run record. */
static const char *
rkey_end(const char *rec)
{
	goi_span f = kget(rec, 0, 1);

	return f.p + f.n;
}

static int
rcmp(const void *x, size_t xn, const void *y, size_t yn, void *ctx)
{
	const char *a = x, *b = y, *pa, *pb;
	int c;

	(void)ctx;
	if ((c = span_cmp(kget(a, 0, 0), kget(b, 0, 0))) != 0 ||
	    (c = span_cmp(kget(a, 0, 1), kget(b, 0, 1))) != 0)
		return c;
	pa = rkey_end(a);
	pb = rkey_end(b);
	if (*pa != *pb)
		return *pa < *pb ? -1 : 1;
	if (*pa == R_GROUP)
		return 0;
	(void)xn;
	(void)yn;
	return span_cmp((goi_span){pa + 1, kk_len(pa + 1)},
	    (goi_span){pb + 1, kk_len(pb + 1)});
}

/* An entry's key bytes after its group index, and its group's rank. */
struct skey {
	uint32_t rank, e;
	goi_span k;
};

static int
skey_cmp(const void *x, const void *y)
{
	const struct skey *a = x, *b = y;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return span_cmp(a->k, b->k);
}

/* The sums' arrays go (they are empty), the hashes start small. */
static int
sums_free(goi_agg *a)
{
	free(a->arena);
	free(a->ent);
	free(a->grp);
	a->arena = NULL;
	a->ent = NULL;
	a->grp = NULL;
	a->acap = a->ecap = a->gcap = 0;
	free(a->eh.slot);
	free(a->gh.slot);
	a->eh.slot = a->gh.slot = NULL;
	if (htab_init(&a->eh) < 0 || htab_init(&a->gh) < 0)
		return GOI_ENOMEM;
	return 0;
}

/* Put head (group key), type, then n bytes of p and m bytes of q. */
static int
put_rec(goi_agg *a, const char *head, size_t hn, int type, const void *p,
    size_t n, const void *q, size_t m)
{
	if (goi_grow((void **)&a->kbuf, &a->kcap, hn + 1 + n + m, 1) < 0)
		return GOI_ENOMEM;
	memcpy(a->kbuf, head, hn);
	a->kbuf[hn] = (char)type;
	memcpy(a->kbuf + hn + 1, p, n);
	if (m > 0)
		memcpy(a->kbuf + hn + 1 + n, q, m);
	return goi_spill_put(a->sp, a->kbuf, hn + 1 + n + m);
}

/*
 * The groups in output order: *gsp the sorted groups, (*rankp)[g] the
 * place of group g.  GOI_ENOMEM, with nothing allocated, if they do not fit.
 */
static int
rank_groups(goi_agg *a, struct grp ***gsp, uint32_t **rankp)
{
	struct grp **gs = malloc(a->ngrp * sizeof(*gs));
	uint32_t *rank = malloc(a->ngrp * sizeof(*rank));
	size_t i;

	if (gs == NULL || rank == NULL) {
		free(gs);
		free(rank);
		return GOI_ENOMEM;
	}
	for (i = 0; i < a->ngrp; i++)
		gs[i] = &a->grp[i];
	sort_arena = a->arena;
	qsort(gs, a->ngrp, sizeof(*gs), grp_cmp);
	for (i = 0; i < a->ngrp; i++)
		rank[gs[i] - a->grp] = (uint32_t)i;
	*gsp = gs;
	*rankp = rank;
	return 0;
}

/* Write the sums as one sorted run, and start empty. */
static int
spill(goi_agg *a)
{
	struct grp **gs = NULL;
	struct skey *ks = NULL;
	uint32_t *rank = NULL;
	size_t i, j;
	int rc = 0;

	if (a->sp == NULL && (a->sp = goi_spill_new(a->budget, a->tmpdir,
	    rcmp, NULL)) == NULL)
		return GOI_ENOMEM;
	if (a->ngrp == 0)
		return 0;
	ks = malloc((a->nent + 1) * sizeof(*ks));
	if (ks == NULL || rank_groups(a, &gs, &rank) < 0) {
		rc = GOI_ENOMEM;
		goto out;
	}
	for (i = 0; i < a->nent; i++) {
		struct ent *e = &a->ent[i];
		fold(e);
		e->lastrun = UINT64_MAX;
		ks[i].rank = rank[e->grp];
		ks[i].e = (uint32_t)i;
		ks[i].k = (goi_span){a->arena + e->koff + 4, e->klen - 4};
	}
	qsort(ks, a->nent, sizeof(*ks), skey_cmp);
	for (i = 0, j = 0; i < a->ngrp && rc >= 0; i++) {
		const struct grp *g = gs[i];
		const char *gk = a->arena + g->koff;
		rc = put_rec(a, gk, g->klen, R_GROUP, &g->docs,
		    sizeof(g->docs), a->arena + g->yoff, g->ylen);
		for (; j < a->nent && ks[j].rank == i && rc >= 0; j++) {
			const struct ent *e = &a->ent[ks[j].e];
			unsigned char buf[EREC_MAX];
			struct erec v;
			v.sum = e->sum;
			v.min = e->min;
			v.max = e->max;
			v.n = e->n;
			v.glued = e->glued;
			v.empty = e->empty;
			v.na = e->na;
			v.text = e->text;
			v.pos = e->pos;
			v.flags = e->flags;
			rc = put_rec(a, gk, g->klen, R_ENTRY, ks[j].k.p,
			    ks[j].k.n, buf, erec_put(buf, &v));
		}
	}
	if (rc >= 0)
		rc = goi_spill_endrun(a->sp);
	/* Empty again; the arrays stay for the next run if they fit. */
	a->nent = a->ngrp = a->alen = 0;
	a->haslastg = 0;
	if (agg_cap(a) > a->budget) {
		if ((rc = sums_free(a)) < 0)
			goto out;
	} else {
		memset(a->eh.slot, 0, (a->eh.mask + 1) * sizeof(*a->eh.slot));
		memset(a->gh.slot, 0, (a->gh.mask + 1) * sizeof(*a->gh.slot));
		a->eh.used = a->gh.used = 0;
	}
out:
	free(gs);
	free(rank);
	free(ks);
	return rc < 0 ? rc : 0;
}

/* Add the partial sum y of the same key to x, as reading it back would. */
static void
combine(goi_agg *a, struct erec *x, const struct erec *y, const char *key)
{
	int bad;

	if (y->flags & E_POISON)
		x->flags |= E_POISON;
	if ((y->flags & E_HASMIN) && !(x->flags & E_HASMIN)) {
		x->min = y->min;
		x->max = y->max;
		x->flags |= E_HASMIN;
	} else if (y->flags & E_HASMIN) {
		if (goi_dec_cmp(y->min, x->min) < 0)
			x->min = y->min;
		if (goi_dec_cmp(y->max, x->max) > 0)
			x->max = y->max;
	}
	if (y->pos > 0 && (x->pos == 0 || y->pos < x->pos))
		x->pos = y->pos;
	bad = !(x->flags & E_POISON) && goi_dec_add(&x->sum, y->sum) < 0;
	/* the counts add up whatever the sum does (| : no short cut) */
	if (bad | __builtin_add_overflow(x->n, y->n, &x->n) |
	    __builtin_add_overflow(x->glued, y->glued, &x->glued) |
	    __builtin_add_overflow(x->empty, y->empty, &x->empty) |
	    __builtin_add_overflow(x->na, y->na, &x->na) |
	    __builtin_add_overflow(x->text, y->text, &x->text)) {
		x->flags |= E_POISON;
		warnf(a, 0, "sum overflows (%.*s %.*s %.*s): this sum is left out",
		    Q(kget(key, 0, 0)), Q(kget(key, 0, 1)), Q(kget(key, 0, 2)));
	}
}

/*
 * A group's sorted record: its place (struct srec's t, r, c), the sum,
 * the entry key.
 */
static int
p2cmp(const void *x, size_t xn, const void *y, size_t yn, void *ctx)
{
	const char *a = x, *b = y;
	size_t h = 3 * sizeof(int) + sizeof(struct erec);
	struct srec s, t;

	(void)ctx;
	(void)xn;
	(void)yn;
	memset(&s, 0, sizeof(s));
	memset(&t, 0, sizeof(t));
	memcpy(&s.t, a, sizeof(int));
	memcpy(&s.r, a + sizeof(int), sizeof(int));
	memcpy(&s.c, a + 2 * sizeof(int), sizeof(int));
	memcpy(&t.t, b, sizeof(int));
	memcpy(&t.r, b + sizeof(int), sizeof(int));
	memcpy(&t.c, b + 2 * sizeof(int), sizeof(int));
	s.ts = kget(a + h, 0, 0);
	s.rs = kget(a + h, 0, 1);
	s.cs = kget(a + h, 0, 2);
	t.ts = kget(b + h, 0, 0);
	t.rs = kget(b + h, 0, 1);
	t.cs = kget(b + h, 0, 2);
	return srec_cmp(&s, &t);
}

/* The merged state: the group being read and its last entry. */
struct merge {
	char *gk, *year, *ek;
	size_t gkn, gkcap, yn, ycap, ekn, ekcap;
	int64_t docs;
	int hasgroup, hasyear, hasentry;
	struct erec v;
};

/* The group's entry is complete: into the group's sort. */
static int
entry_done(goi_agg *a, struct merge *m)
{
	struct srec s;
	size_t h = 3 * sizeof(int) + sizeof(struct erec);
	int rc;

	if (!m->hasentry)
		return 0;
	m->hasentry = 0;
	s.ts = kget(m->ek, 0, 0);
	s.rs = kget(m->ek, 0, 1);
	s.cs = kget(m->ek, 0, 2);
	place(&s, kget(m->gk, 0, 1), m->v.pos);
	if (goi_grow((void **)&a->kbuf, &a->kcap, h + m->ekn, 1) < 0)
		return GOI_ENOMEM;
	memcpy(a->kbuf, &s.t, sizeof(int));
	memcpy(a->kbuf + sizeof(int), &s.r, sizeof(int));
	memcpy(a->kbuf + 2 * sizeof(int), &s.c, sizeof(int));
	memcpy(a->kbuf + 3 * sizeof(int), &m->v, sizeof(m->v));
	memcpy(a->kbuf + h, m->ek, m->ekn);
	if ((rc = goi_spill_add(a->sp2, a->kbuf, h + m->ekn)) < 0)
		return rc;
	return 0;
}

/* The group is complete: write it in output order. */
static int
group_done(goi_agg *a, struct merge *m, struct emit *w)
{
	size_t h = 3 * sizeof(int) + sizeof(struct erec), n;
	const void *rec;
	int rc;

	if (!m->hasgroup)
		return 0;
	if ((rc = entry_done(a, m)) < 0 || (rc = goi_spill_sort(a->sp2)) < 0)
		return rc;
	m->hasgroup = 0;
	w->doc = kget(m->gk, 0, 0);
	w->fmt = kget(m->gk, 0, 1);
	w->year = (goi_span){m->year, m->yn};
	emit_group(w, m->docs);
	while (w->rc == 0 && (rc = goi_spill_next(a->sp2, &rec, &n)) > 0) {
		const char *p = rec;
		struct erec v;
		struct srec s;
		struct ent e;
		memcpy(&s.t, p, sizeof(int));
		memcpy(&s.r, p + sizeof(int), sizeof(int));
		memcpy(&s.c, p + 2 * sizeof(int), sizeof(int));
		memcpy(&v, p + 3 * sizeof(int), sizeof(v));
		s.ts = kget(p + h, 0, 0);
		s.rs = kget(p + h, 0, 1);
		s.cs = kget(p + h, 0, 2);
		memset(&e, 0, sizeof(e));
		e.sum = v.sum;
		e.min = v.min;
		e.max = v.max;
		e.n = v.n;
		e.glued = v.glued;
		e.empty = v.empty;
		e.na = v.na;
		e.text = v.text;
		e.pos = v.pos;
		e.flags = (uint8_t)v.flags;
		emit_entry(a, w, &s, &e, m->docs);
	}
	if (rc < 0)
		return rc;
	render_group(w);
	if (w->rc < 0)
		return w->rc;
	return goi_spill_reset(a->sp2);
}

static int
copy_to(char **p, size_t *cap, size_t *len, const void *src, size_t n)
{
	if (goi_grow((void **)p, cap, n + 1, 1) < 0)
		return GOI_ENOMEM;
	if (n > 0)
		memcpy(*p, src, n);
	*len = n;
	return 0;
}

/* Write the sums from the runs: merged, then each group in output order. */
static int
merge_write(goi_agg *a, struct emit *w)
{
	struct merge m;
	const void *rec;
	const char *p;
	size_t n, gkn, kn;
	int64_t docs;
	int rc;

	/* The sums still in memory are the last run; then the memory goes. */
	if ((rc = spill(a)) < 0 || (rc = sums_free(a)) < 0 ||
	    (rc = goi_spill_sort(a->sp)) < 0)
		return rc;
	if (a->sp2 == NULL && (a->sp2 = goi_spill_new(a->budget / 2,
	    a->tmpdir, p2cmp, NULL)) == NULL)
		return GOI_ENOMEM;

	memset(&m, 0, sizeof(m));
	while ((rc = goi_spill_next(a->sp, &rec, &n)) > 0) {
		p = rkey_end(rec);
		gkn = (size_t)(p - (const char *)rec);
		if (!m.hasgroup || gkn != m.gkn || memcmp(rec, m.gk, gkn) != 0) {
			if ((rc = group_done(a, &m, w)) < 0 ||
			    (rc = copy_to(&m.gk, &m.gkcap, &m.gkn, rec,
			    gkn)) < 0)
				break;
			m.hasgroup = 1;
			m.hasyear = 0;
			m.docs = 0;
		}
		if (*p++ == R_GROUP) {
			memcpy(&docs, p, sizeof(docs));
			p += sizeof(docs);
			/* The year of the group's first row in the input. */
			if (!m.hasyear && (rc = copy_to(&m.year, &m.ycap, &m.yn,
			    p, (size_t)((const char *)rec + n - p))) < 0)
				break;
			m.hasyear = 1;
			if (__builtin_add_overflow(m.docs, docs, &m.docs))
				warnf(a, 0, "document count overflows");
			continue;
		}
		kn = kk_len(p);
		if (m.hasentry && m.ekn == kn && memcmp(m.ek, p, kn) == 0) {
			struct erec v;
			erec_get((const unsigned char *)p + kn, &v);
			combine(a, &m.v, &v, m.ek);
			continue;
		}
		if ((rc = entry_done(a, &m)) < 0 ||
		    (rc = copy_to(&m.ek, &m.ekcap, &m.ekn, p, kn)) < 0)
			break;
		erec_get((const unsigned char *)p + kn, &m.v);
		m.hasentry = 1;
	}
	if (rc == 0)
		rc = group_done(a, &m, w);
	free(m.gk);
	free(m.year);
	free(m.ek);
	return rc < 0 ? rc : w->rc;
}

int
goi_agg_write(goi_agg *a, goi_out *o, goi_render *r, long firstline)
{
	struct grp **gs = NULL;
	struct srec *ss = NULL;
	uint32_t *rank = NULL;
	size_t i, j;
	struct emit w = {o, r, {0}, {0}, {0}, firstline, 0};
	int rc;

	if ((rc = goi_agg_endinput(a)) < 0)
		return rc;
	if (a->sp != NULL)
		return merge_write(a, &w);
	if (a->ngrp == 0)
		return 0;
	ss = malloc((a->nent + 1) * sizeof(*ss));
	if (ss == NULL || rank_groups(a, &gs, &rank) < 0) {
		rc = GOI_ENOMEM;
		goto out;
	}
	for (i = 0; i < a->nent; i++) {
		const char *k = a->arena + a->ent[i].koff;
		const struct grp *g = &a->grp[a->ent[i].grp];
		ss[i].g = rank[a->ent[i].grp];
		ss[i].ts = kget(k, 4, 0);
		ss[i].rs = kget(k, 4, 1);
		ss[i].cs = kget(k, 4, 2);
		ss[i].e = (uint32_t)i;
		place(&ss[i], kget(a->arena + g->koff, 0, 1), a->ent[i].pos);
	}
	qsort(ss, a->nent, sizeof(*ss), srec_cmp);
	for (i = 0, j = 0; i < a->ngrp && w.rc == 0; i++) {
		const struct grp *g = gs[i];
		w.doc = kget(a->arena + g->koff, 0, 0);
		w.fmt = kget(a->arena + g->koff, 0, 1);
		w.year = (goi_span){a->arena + g->yoff, g->ylen};
		emit_group(&w, g->docs);
		for (; j < a->nent && ss[j].g == i; j++)
			emit_entry(a, &w, &ss[j], &a->ent[ss[j].e], g->docs);
		render_group(&w);
	}
	rc = w.rc;
out:
	free(gs);
	free(rank);
	free(ss);
	return rc;
}
