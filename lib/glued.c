/*
 * glued.c - the readings of a run of digits whose separators were lost.
 *
 * A run is compiled into its digits and, before each digit, the kind of gap
 * that separates it from the previous one (nothing, a comma, a point, a
 * minus, a certain boundary).  Which numbers a cell may read from a given
 * digit depends only on (digit, cell), so a dynamic program from the right
 * gives, for every (digit, cell), the number of readings of the rest of the
 * run and, per identity, the least and greatest value the rest can add to
 * it.  A depth-first search from the left then places cells one at a time
 * and cuts every branch where some identity can no longer reach its bound.
 * Once max readings are stored and no identity concerns the remaining
 * cells, the table's count is added instead of walking them: a row with no
 * identity is counted, never enumerated.
 *
 * A row total is only known when its cell is placed, so a long row can
 * leave the search many splits of its parts; after FIRSTBUDGET steps it
 * starts again and meets in the middle (see search_mitm).  Every step
 * counts against p->budget, and GOI_ERANGE ends the search when it runs
 * out.  The search itself never allocates: the tables of row-sized
 * problems live on the stack, larger tables and the keys of the second
 * phase are allocated before it starts.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

#define DEFAULT_MAXDIGITS 9
#define MAXDIGITS 15		/* integer digits + scale: values < 10^15 */
#define MAXSCALE 6
#define DEFAULT_BUDGET 1000000L
#ifndef FIRSTBUDGET
#define FIRSTBUDGET 20000L	/* before meeting in the middle */
#endif
#define MAXCONST 100000000000000000LL	/* 1e17: sums stay in range */
/* Digits a run may hold and still be read: every cell at its longest. */
#define MAXD (GOI_GLUED_MAXCELLS * MAXDIGITS)
/*
 * Options of one cell at one digit: 2 signs x (15 plain lengths + 12
 * grouped ones: first group 1..3 digits, then up to 4 groups of 3) x up to
 * 6 fraction lengths.
 */
#define OPTMAX (2 * (MAXDIGITS + 12) * MAXSCALE)

/* The gap before a digit. */
enum {
	G_HARD,		/* certain boundary (or start of the run) */
	G_GLUE,		/* nothing: a boundary or not */
	G_COMMA,	/* one ',': boundary or thousands separator */
	G_DOT,		/* one '.': a decimal point, never a boundary */
	G_MINUS,	/* one '-' between digits: boundary, maybe a sign */
	G_HMINUS	/* '-' after a boundary: a sign if the cell has one */
};

struct ctx {
	const goi_glued_problem *p;
	int nc, nid, md, scale, lastid;
	int D;
	unsigned char dig[MAXD], gap[MAXD];
	/* With per-run cell counts: run of each digit, run of each cell. */
	int pinned;
	unsigned char runof[MAXD];
	int cellrun[GOI_GLUED_MAXCELLS];
	int runend[GOI_GLUED_MAXCELLS + 1];	/* see compile() */
	/* Tables over (digit 0..D, cell 0..nc); counts saturate. */
	long long *cnt;
	long long *lo, *hi;	/* [ident][digit][cell] */
	long long *pcnt;	/* prefix counts, for the split */
	/* Meet in the middle: the cell where the halves meet, the keys. */
	int mitm;
	unsigned long long *keys;
	long nkeys;
	/* Search state. */
	long long sum[GOI_GLUED_MAXCELLS + 1][GOI_GLUED_MAXIDENT];
	long long cur[GOI_GLUED_MAXCELLS];
	long long *out;
	long max, stored, steps, budget;
	long long count;
};

static const long long pow10tab[16] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL
};

#define AT(c, i, j) ((size_t)(i) * (size_t)((c)->nc + 1) + (size_t)(j))
#define BAT(c, k, i, j) \
	((size_t)(k) * (size_t)((c)->D + 1) * (size_t)((c)->nc + 1) + AT(c, i, j))

void
goi_glued_init(goi_glued_problem *p, int ncells)
{
	memset(p, 0, sizeof(*p));
	p->ncells = ncells;
}

int
goi_glued_sum(goi_glued_problem *p, int total, int first, int n)
{
	int k, i;

	if (p->nident < 0 || p->ncells < 1 || p->ncells > GOI_GLUED_MAXCELLS ||
	    total < 0 || total >= p->ncells || first < 0 || n < 1 ||
	    n > p->ncells - first || (total >= first && total < first + n))
		return GOI_EINVAL;
	if (p->nident >= GOI_GLUED_MAXIDENT)
		return GOI_ERANGE;
	k = p->nident++;
	memset(&p->ident[k], 0, sizeof(p->ident[k]));
	p->ident[k].op = GOI_GLUED_EQ;
	p->ident[k].coef[total] = 1;
	for (i = first; i < first + n; i++)
		p->ident[k].coef[i] = -1;
	return k;
}

static int
check_problem(const goi_glued_problem *p)
{
	int k, i, md;

	if (p->ncells < 1 || p->ncells > GOI_GLUED_MAXCELLS ||
	    p->nident < 0 || p->nident > GOI_GLUED_MAXIDENT ||
	    p->maxdigits < 0 || p->scale < 0 || p->scale > MAXSCALE ||
	    p->budget < 0)
		return GOI_EINVAL;
	md = p->maxdigits ? p->maxdigits : DEFAULT_MAXDIGITS;
	if (md + p->scale > MAXDIGITS)
		return GOI_EINVAL;
	for (k = 0; k < p->nident; k++) {
		if (p->ident[k].op != GOI_GLUED_EQ &&
		    p->ident[k].op != GOI_GLUED_GE)
			return GOI_EINVAL;
		if (p->ident[k].constant > MAXCONST ||
		    p->ident[k].constant < -MAXCONST)
			return GOI_EINVAL;
		for (i = p->ncells; i < GOI_GLUED_MAXCELLS; i++)
			if (p->ident[k].coef[i] != 0)
				return GOI_EINVAL;
		for (i = 0; i < p->ncells; i++)
			if (p->ident[k].coef[i] == -128)
				return GOI_EINVAL;
	}
	return 0;
}

/*
 * A separator byte sequence at s: its class ('w' boundary, '-', ',', '.')
 * and length, or 0 for anything else (a digit included).
 */
static int
sepclass(const unsigned char *s, const unsigned char *end, int *len)
{
	*len = 1;
	switch (*s) {
	case ' ': case '\t': case '\r': case '\n': case '\v': case '\f':
	case '|':
		return 'w';
	case '-': case ',': case '.':
		return *s;
	case 0xc2:		/* U+00A0 */
		if (end - s >= 2 && s[1] == 0xa0) {
			*len = 2;
			return 'w';
		}
		return 0;
	case 0xe3:		/* U+3000 */
		if (end - s >= 3 && s[1] == 0x80 && s[2] == 0x80) {
			*len = 3;
			return 'w';
		}
		return 0;
	}
	return 0;
}

/*
 * Compile the runs into c->dig/gap/runof.  Returns 1 when the run can be
 * read, 0 when it holds too many digits for ncells numbers (or a run's
 * digits do not fit its cell count), GOI_EINVAL for a character that is no
 * separator, a misplaced point, or no digit at all.
 */
static int
compile(struct ctx *c, const goi_span *runs, const int *cells, int nruns)
{
	int r, D = 0, cap = c->nc * (c->md + c->scale), toomany = 0;
	int glen = 0, gw = 0, gdot = 0, gcomma = 0, gminus_last = 0;
	int rundigits;

	for (r = 0; r < nruns; r++) {
		const unsigned char *s = (const unsigned char *)runs[r].p;
		const unsigned char *end = s + runs[r].n;
		int cls, len;

		if (runs[r].n > 0 && runs[r].p == NULL)
			return GOI_EINVAL;
		rundigits = 0;
		/* A new run is a certain boundary. */
		gw = 1;
		gminus_last = 0;
		while (s < end) {
			if (*s >= '0' && *s <= '9') {
				int g;

				if (D == 0 || rundigits == 0) {
					/* Lead of the whole or of a run. */
					if (gdot)
						return GOI_EINVAL;
					g = gminus_last ? G_HMINUS : G_HARD;
				} else if (glen == 0) {
					g = G_GLUE;
				} else if (gdot) {
					if (glen != 1)
						return GOI_EINVAL;
					g = G_DOT;
				} else if (glen == 1 && gcomma && !gw) {
					g = G_COMMA;
				} else if (gminus_last) {
					g = glen == 1 && !gw ? G_MINUS : G_HMINUS;
				} else {
					g = G_HARD;
				}
				if (D < cap && D < MAXD) {
					c->dig[D] = (unsigned char)(*s - '0');
					c->gap[D] = (unsigned char)g;
					c->runof[D] = (unsigned char)(cells ? r : 0);
				} else {
					toomany = 1;
				}
				D++;
				rundigits++;
				glen = gw = gdot = gcomma = gminus_last = 0;
				s++;
				continue;
			}
			cls = sepclass(s, end, &len);
			if (cls == 0)
				return GOI_EINVAL;
			glen++;
			gw |= cls == 'w';
			gdot |= cls == '.';
			gcomma |= cls == ',';
			gminus_last = cls == '-';
			s += len;
		}
		/* A point after the last digit of a run reads as nothing. */
		if (gdot)
			return GOI_EINVAL;
		if (cells != NULL) {
			if ((cells[r] == 0) != (rundigits == 0))
				toomany = 1;
			c->runend[r] = D;
		}
		glen = gdot = gcomma = 0;
	}
	if (D == 0)
		return GOI_EINVAL;
	if (toomany)
		return 0;
	c->D = D;
	if (cells != NULL) {
		int j = 0, k;

		c->pinned = 1;
		for (r = 0; r < nruns; r++)
			for (k = 0; k < cells[r]; k++)
				c->cellrun[j++] = r;
	}
	return 1;
}

/* Whether cell j may end right before digit y (y == D: the end). */
static int
end_ok(const struct ctx *c, int y, int j)
{
	int r;

	if (y < c->D && c->gap[y] == G_DOT)
		return 0;
	if (!c->pinned)
		return 1;
	r = c->cellrun[j];
	if (j == c->nc - 1 || c->cellrun[j + 1] != r)
		return y == c->runend[r];
	return y < c->runend[r];
}

/* Add the option (y, v) of cell j, with its signs. */
static int
emit(const struct ctx *c, int j, int y, long long v, int signs,
    unsigned short *ys, long long *vs, int n)
{
	const goi_glued_problem *p = c->p;

	if (!end_ok(c, y, j))
		return n;
	if ((signs & 1) && (!p->has_known[j] || p->known[j] == v)) {
		ys[n] = (unsigned short)y;
		vs[n++] = v;
	}
	if ((signs & 2) && v != 0 && (!p->has_known[j] || p->known[j] == -v)) {
		ys[n] = (unsigned short)y;
		vs[n++] = -v;
	}
	return n;
}

/* An integer part that ends right before digit x: the cell's endings. */
static int
ends(const struct ctx *c, int j, int x, long long iv, int signs,
    unsigned short *ys, long long *vs, int n)
{
	long long f = 0;
	int fl, e;

	if (x == c->D || c->gap[x] != G_DOT)
		return emit(c, j, x, iv * pow10tab[c->scale], signs, ys, vs, n);
	for (fl = 1; fl <= c->scale && x + fl - 1 < c->D; fl++) {
		e = x + fl - 1;
		if (fl > 1 && c->gap[e] != G_GLUE)
			break;
		f = f * 10 + c->dig[e];
		n = emit(c, j, e + 1, iv * pow10tab[c->scale] +
		    f * pow10tab[c->scale - fl], signs, ys, vs, n);
	}
	return n;
}

/*
 * Every number cell j may read starting at digit i: ys[] the digit after
 * it, vs[] its value.  Shorter first, the unsigned reading before the
 * signed one.
 */
static int
options(const struct ctx *c, int i, int j, unsigned short *ys, long long *vs)
{
	const goi_glued_problem *p = c->p;
	long long v;
	int n = 0, e, g1, signs, end, nd;

	if (i >= c->D || c->gap[i] == G_DOT)
		return 0;
	if (c->pinned && c->runof[i] != c->cellrun[j])
		return 0;
	signs = 1;
	if (p->signed_ok[j]) {
		if (c->gap[i] == G_MINUS)
			signs = 3;
		else if (c->gap[i] == G_HMINUS)
			signs = 2;
	}
	/* Plain digits; a leading 0 is a lone 0. */
	v = 0;
	for (e = i; e < c->D && e - i < c->md; e++) {
		if (e > i && c->gap[e] != G_GLUE)
			break;
		v = v * 10 + c->dig[e];
		n = ends(c, j, e + 1, v, signs, ys, vs, n);
		if (c->dig[i] == 0)
			break;
	}
	if (c->dig[i] == 0)
		return n;
	/* Thousands groups: d{1,3}(,ddd)+. */
	v = 0;
	for (g1 = 1; g1 <= 3; g1++) {
		long long gv;

		e = i + g1 - 1;
		if (e >= c->D || (g1 > 1 && c->gap[e] != G_GLUE))
			break;
		v = v * 10 + c->dig[e];
		gv = v;
		end = e + 1;
		nd = g1;
		while (end + 3 <= c->D && nd + 3 <= c->md &&
		    c->gap[end] == G_COMMA && c->gap[end + 1] == G_GLUE &&
		    c->gap[end + 2] == G_GLUE) {
			gv = gv * 1000 + c->dig[end] * 100 +
			    c->dig[end + 1] * 10 + c->dig[end + 2];
			end += 3;
			nd += 3;
			n = ends(c, j, end, gv, signs, ys, vs, n);
		}
	}
	return n;
}

static long long
satadd(long long a, long long b)
{
	return a > LONG_MAX - b ? LONG_MAX : a + b;
}

/* The tables, from the right. */
static void
tabulate(struct ctx *c)
{
	unsigned short ys[OPTMAX];
	long long vs[OPTMAX];
	int i, j, k, o, n;

	for (i = c->D; i >= 0; i--) {
		for (j = c->nc; j >= 0; j--) {
			size_t at = AT(c, i, j);
			long long total = 0;

			for (k = 0; k < c->nid; k++) {
				c->lo[BAT(c, k, i, j)] = 0;
				c->hi[BAT(c, k, i, j)] = 0;
			}
			if (j == c->nc) {
				c->cnt[at] = i == c->D;
				continue;
			}
			/* Each cell takes at least one digit, at most md+scale. */
			if (c->D - i < c->nc - j ||
			    c->D - i > (c->nc - j) * (c->md + c->scale)) {
				c->cnt[at] = 0;
				continue;
			}
			n = options(c, i, j, ys, vs);
			for (o = 0; o < n; o++) {
				size_t nx = AT(c, ys[o], j + 1);

				if (c->cnt[nx] == 0)
					continue;
				for (k = 0; k < c->nid; k++) {
					long long t = c->p->ident[k].coef[j] * vs[o];
					long long l = t + c->lo[BAT(c, k, ys[o], j + 1)];
					long long h = t + c->hi[BAT(c, k, ys[o], j + 1)];
					size_t b = BAT(c, k, i, j);

					if (total == 0 || l < c->lo[b])
						c->lo[b] = l;
					if (total == 0 || h > c->hi[b])
						c->hi[b] = h;
				}
				total = satadd(total, c->cnt[nx]);
			}
			c->cnt[at] = total;
		}
	}
}

/* Whether the partial sums s at (i, j) can still meet every identity. */
static int
reachable(const struct ctx *c, const long long *s, int i, int j)
{
	int k;

	for (k = 0; k < c->nid; k++) {
		long long l = s[k] + c->lo[BAT(c, k, i, j)];
		long long h = s[k] + c->hi[BAT(c, k, i, j)];

		if (h < 0)
			return 0;
		if (c->p->ident[k].op == GOI_GLUED_EQ && l > 0)
			return 0;
	}
	return 1;
}

static unsigned long long key(const struct ctx *, int, const long long *,
    int);
static int haskey(const struct ctx *, unsigned long long);

static int
search(struct ctx *c, int i, int j)
{
	unsigned short ys[OPTMAX];
	long long vs[OPTMAX];
	int n, o, k, rc;

	if (j == c->nc) {
		/* reachable() at the parent made every identity exact. */
		if (c->stored < c->max) {
			memcpy(c->out + (size_t)c->stored * (size_t)c->nc, c->cur,
			    (size_t)c->nc * sizeof(c->cur[0]));
			c->stored++;
		}
		c->count = satadd(c->count, 1);
		return 0;
	}
	if (c->stored >= c->max && j > c->lastid) {
		c->count = satadd(c->count, c->cnt[AT(c, i, j)]);
		return 0;
	}
	if (j == c->mitm && !haskey(c, key(c, i, c->sum[j], -1)))
		return 0;
	n = options(c, i, j, ys, vs);
	for (o = 0; o < n; o++) {
		if (++c->steps > c->budget)
			return GOI_ERANGE;
		if (c->cnt[AT(c, ys[o], j + 1)] == 0)
			continue;
		for (k = 0; k < c->nid; k++)
			c->sum[j + 1][k] = c->sum[j][k] +
			    c->p->ident[k].coef[j] * vs[o];
		if (!reachable(c, c->sum[j + 1], ys[o], j + 1))
			continue;
		c->cur[j] = vs[o];
		if ((rc = search(c, ys[o], j + 1)) < 0)
			return rc;
	}
	return 0;
}

/*
 * Meet in the middle.  A row total is only known when its cell is placed,
 * so for long rows the search above walks every split of the parts.  The
 * right half (cells mitm..nc-1) is then enumerated once from every digit
 * where it may start, and each of its readings leaves a key: its digit and
 * what it adds to the EQ identities.  The left half is searched as before;
 * at cell mitm only a left reading whose missing sums match some key goes
 * on, and the ordinary search finishes it (so the count stays exact even
 * if two keys collide).
 */
static unsigned long long
mix(unsigned long long x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Key of digit i and the EQ sums s times sgn. */
static unsigned long long
key(const struct ctx *c, int i, const long long *s, int sgn)
{
	unsigned long long h = mix((unsigned long long)i);
	int k;

	for (k = 0; k < c->nid; k++)
		if (c->p->ident[k].op == GOI_GLUED_EQ)
			h = mix(h ^ (unsigned long long)(s[k] * sgn));
	return h;
}

/*
 * The keys live in an open-addressing set of nkeys slots (a power of two,
 * at least twice the keys); 0 marks a free slot, so key 0 is stored as 1
 * (a false match only costs an exact search).
 */
static void
addkey(struct ctx *c, unsigned long long k)
{
	unsigned long long m = (unsigned long long)c->nkeys - 1, at;

	k += k == 0;
	for (at = k & m; c->keys[at] != 0; at = (at + 1) & m)
		if (c->keys[at] == k)
			return;
	c->keys[at] = k;
}

static int
haskey(const struct ctx *c, unsigned long long k)
{
	unsigned long long m = (unsigned long long)c->nkeys - 1, at;

	k += k == 0;
	for (at = k & m; c->keys[at] != 0; at = (at + 1) & m)
		if (c->keys[at] == k)
			return 1;
	return 0;
}

/* Every reading of cells j..nc-1 from digit i; s holds their sums so far. */
static int
rightkeys(struct ctx *c, int i, int j, long long *s, int start)
{
	unsigned short ys[OPTMAX];
	long long vs[OPTMAX], t[GOI_GLUED_MAXIDENT];
	int n, o, k, rc;

	if (j == c->nc) {
		addkey(c, key(c, start, s, 1));
		return 0;
	}
	n = options(c, i, j, ys, vs);
	for (o = 0; o < n; o++) {
		if (++c->steps > c->budget)
			return GOI_ERANGE;
		if (c->cnt[AT(c, ys[o], j + 1)] == 0)
			continue;
		for (k = 0; k < c->nid; k++)
			t[k] = s[k] + c->p->ident[k].coef[j] * vs[o];
		if ((rc = rightkeys(c, ys[o], j + 1, t, start)) < 0)
			return rc;
	}
	return 0;
}

/* Readings of cells 0..j-1 ending before each digit (saturating). */
static void
prefixcounts(struct ctx *c)
{
	unsigned short ys[OPTMAX];
	long long vs[OPTMAX];
	int i, j, o, n;

	memset(c->pcnt, 0, (size_t)(c->D + 1) * (size_t)(c->nc + 1) *
	    sizeof(c->pcnt[0]));
	c->pcnt[AT(c, 0, 0)] = 1;
	for (i = 0; i < c->D; i++)
		for (j = 0; j < c->nc; j++) {
			long long here = c->pcnt[AT(c, i, j)];

			if (here == 0 || c->cnt[AT(c, i, j)] == 0)
				continue;
			n = options(c, i, j, ys, vs);
			for (o = 0; o < n; o++) {
				size_t at = AT(c, ys[o], j + 1);

				c->pcnt[at] = satadd(c->pcnt[at], here);
			}
		}
}

/*
 * Search again, meeting in the middle.  The keys are allocated here, before
 * the search proper; GOI_ERANGE if the halves exceed what is left of the
 * budget.
 */
static int
search_mitm(struct ctx *c)
{
	long long best = -1, left, right, zero[GOI_GLUED_MAXIDENT];
	int h, q, besth = 0, rc;

	prefixcounts(c);
	for (h = 1; h < c->nc; h++) {
		left = right = 0;
		for (q = 0; q <= c->D; q++) {
			long long pc = c->pcnt[AT(c, q, h)];
			long long sc = c->cnt[AT(c, q, h)];

			if (pc == 0 || sc == 0)
				continue;
			left = satadd(left, pc);
			right = satadd(right, sc);
		}
		if (best < 0 || satadd(left, right) < best) {
			best = satadd(left, right);
			besth = h;
		}
	}
	if (best < 0 || best > c->budget - c->steps)
		return GOI_ERANGE;
	right = 0;
	for (q = 0; q <= c->D; q++)
		if (c->pcnt[AT(c, q, besth)] > 0)
			right += c->cnt[AT(c, q, besth)];
	for (c->nkeys = 16; c->nkeys < 2 * right; c->nkeys *= 2)
		;
	if ((c->keys = calloc((size_t)c->nkeys, sizeof(c->keys[0]))) == NULL)
		return GOI_ENOMEM;
	memset(zero, 0, sizeof(zero));
	for (q = 0; q <= c->D; q++)
		if (c->pcnt[AT(c, q, besth)] > 0 && c->cnt[AT(c, q, besth)] > 0 &&
		    (rc = rightkeys(c, q, besth, zero, q)) < 0)
			return rc;
	c->mitm = besth;
	return search(c, 0, 0);
}

long
goi_glued_solve_runs(const goi_span *runs, const int *cells, int nruns,
    const goi_glued_problem *p, long long *out, long max)
{
	struct ctx ctx, *c = &ctx;
	long long stackbuf[4096];
	void *heap = NULL;
	size_t ncnt, nb;
	long ret;
	int rc, k, i, r, total, neq;

	if (p == NULL || runs == NULL || nruns < 1 || max < 0 ||
	    (max > 0 && out == NULL) || check_problem(p) < 0)
		return GOI_EINVAL;
	if (cells != NULL) {
		if (nruns > GOI_GLUED_MAXCELLS)
			return GOI_EINVAL;
		for (r = total = 0; r < nruns; r++) {
			if (cells[r] < 0 || cells[r] > p->ncells)
				return GOI_EINVAL;
			total += cells[r];
		}
		if (total != p->ncells)
			return GOI_EINVAL;
	}
	memset(c, 0, sizeof(*c));
	c->p = p;
	c->nc = p->ncells;
	c->nid = p->nident;
	c->md = p->maxdigits ? p->maxdigits : DEFAULT_MAXDIGITS;
	c->scale = p->scale;
	c->budget = p->budget ? p->budget : DEFAULT_BUDGET;
	c->out = out;
	c->max = max;
	c->lastid = -1;
	for (k = 0; k < c->nid; k++)
		for (i = 0; i < c->nc; i++)
			if (p->ident[k].coef[i] != 0 && i > c->lastid)
				c->lastid = i;
	rc = compile(c, runs, cells, nruns);
	if (rc <= 0)
		return rc;

	ncnt = (size_t)(c->D + 1) * (size_t)(c->nc + 1);
	nb = ncnt * (size_t)c->nid;
	if (2 * ncnt + 2 * nb <= sizeof(stackbuf) / sizeof(stackbuf[0])) {
		c->cnt = stackbuf;
	} else {
		heap = malloc((2 * ncnt + 2 * nb) * sizeof(long long));
		if (heap == NULL)
			return GOI_ENOMEM;
		c->cnt = heap;
	}
	c->lo = c->cnt + ncnt;
	c->hi = c->lo + nb;
	c->pcnt = c->hi + nb;
	tabulate(c);

	for (k = 0; k < c->nid; k++)
		c->sum[0][k] = p->ident[k].constant;
	c->mitm = -1;
	neq = 0;
	for (k = 0; k < c->nid; k++)
		neq += p->ident[k].op == GOI_GLUED_EQ;
	/* A first try with a small budget; most rows need far less. */
	if (neq > 0 && c->nc >= 4)
		c->budget = c->budget < FIRSTBUDGET ? c->budget : FIRSTBUDGET;
	if (c->cnt[AT(c, 0, 0)] == 0 || !reachable(c, c->sum[0], 0, 0)) {
		ret = 0;
	} else if ((rc = search(c, 0, 0)) >= 0) {
		ret = (long)c->count;
	} else if (c->budget == (p->budget ? p->budget : DEFAULT_BUDGET)) {
		ret = rc;
	} else {
		c->budget = p->budget ? p->budget : DEFAULT_BUDGET;
		c->count = 0;
		c->stored = 0;
		rc = search_mitm(c);
		ret = rc < 0 ? rc : (long)c->count;
	}
	free(c->keys);
	free(heap);
	return ret;
}

long
goi_glued_solve(const char *run, size_t n, const goi_glued_problem *p,
    long long *out, long max)
{
	goi_span s;

	s.p = run;
	s.n = n;
	return goi_glued_solve_runs(&s, NULL, 1, p, out, max);
}

size_t
goi_glued_format(const goi_glued_problem *p, const long long *v, char *buf,
    size_t size)
{
	char num[64];
	size_t len = 0, m;
	int i;

	if (size > 0)
		buf[0] = '\0';
	for (i = 0; i < p->ncells && i < GOI_GLUED_MAXCELLS; i++) {
		goi_dec d;

		d.m = v[i];
		d.scale = p->scale >= 0 && p->scale <= MAXSCALE ? p->scale : 0;
		m = goi_dec_format(d, num, sizeof(num));
		if (len + (i > 0) + m + 1 > size)
			break;
		if (i > 0)
			buf[len++] = ' ';
		memcpy(buf + len, num, m + 1);
		len += m;
	}
	return len;
}
