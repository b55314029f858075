/*
 * glued-driver - exercises lib/glued.c for tests/glued.bats.
 *
 *   glued-driver solve          one problem a line on stdin, answers on stdout
 *   glued-driver bench REPS     solves the stdin problems REPS times, timed
 *   glued-driver random SEED N  N random rows: glue, solve, compare with a
 *                               brute-force reference
 *   glued-driver api            the helpers and the argument checks
 *
 * A problem line is TAB-separated: CELLS, CONSTRAINTS, RUN [RUN...].
 * CELLS is the number of cells, or per-run counts "2+2+2" (pinned runs).
 * CONSTRAINTS are space-separated tokens:
 *   6=0+1+2+3+4+5   identity: cells (or k*cell, #constant) on both sides;
 *   1>=0            a GE identity (left - right >= 0);
 *   k0=2949         cell 0 is known; s2 cell 2 may be signed, s* all;
 *   m12 maxdigits, d2 scale, b1000 budget, x5 readings to print (20).
 * The answer line: the count (or EINVAL, ERANGE), then one field a reading.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "goi.h"

#define MAXRUNS 64

static const char *
errname(long rc)
{
	switch (rc) {
	case GOI_EINVAL: return "EINVAL";
	case GOI_ERANGE: return "ERANGE";
	case GOI_ENOMEM: return "ENOMEM";
	}
	return "E?";
}

/* "A+B-2*C+#5" into coef (sign s) and constant; 0 or -1. */
static int
side(goi_glued_problem *p, int k, const char *s, const char *end, int sgn)
{
	while (s < end) {
		int neg = 0, mul = 1;
		char *e;
		long v;

		if (*s == '+' || *s == '-')
			neg = *s++ == '-';
		if (*s == '#') {
			long long c = strtoll(s + 1, &e, 10);

			p->ident[k].constant += (neg ? -c : c) * sgn;
			s = e;
			continue;
		}
		v = strtol(s, &e, 10);
		if (e == s)
			return -1;
		if (*e == '*') {
			mul = (int)v;
			s = e + 1;
			v = strtol(s, &e, 10);
			if (e == s)
				return -1;
		}
		if (v < 0 || v >= GOI_GLUED_MAXCELLS)
			return -1;
		p->ident[k].coef[v] = (signed char)(p->ident[k].coef[v] +
		    (neg ? -mul : mul) * sgn);
		s = e;
	}
	return 0;
}

static int
token(goi_glued_problem *p, const char *t, long *show)
{
	const char *eq;
	int k;

	switch (t[0]) {
	case 'k':
		k = atoi(t + 1);
		if ((eq = strchr(t, '=')) == NULL || k < 0 ||
		    k >= GOI_GLUED_MAXCELLS)
			return -1;
		p->has_known[k] = 1;
		p->known[k] = strtoll(eq + 1, NULL, 10);
		return 0;
	case 's':
		if (t[1] == '*') {
			memset(p->signed_ok, 1, sizeof(p->signed_ok));
			return 0;
		}
		k = atoi(t + 1);
		if (k < 0 || k >= GOI_GLUED_MAXCELLS)
			return -1;
		p->signed_ok[k] = 1;
		return 0;
	case 'm':
		p->maxdigits = atoi(t + 1);
		return 0;
	case 'd':
		p->scale = atoi(t + 1);
		return 0;
	case 'b':
		p->budget = atol(t + 1);
		return 0;
	case 'x':
		*show = atol(t + 1);
		return 0;
	}
	if (p->nident >= GOI_GLUED_MAXIDENT || (eq = strchr(t, '=')) == NULL)
		return -1;
	k = p->nident++;
	if (eq > t && eq[-1] == '>') {
		p->ident[k].op = GOI_GLUED_GE;
		if (side(p, k, t, eq - 1, 1) < 0)
			return -1;
	} else if (side(p, k, t, eq, 1) < 0) {
		return -1;
	}
	return side(p, k, eq + 1, eq + strlen(eq), -1);
}

/* Parse one problem line; runs point into line.  Returns nruns or -1. */
static int
parse(char *line, goi_glued_problem *p, goi_span *runs, int *cells,
    int *pinned, long *show)
{
	char *f[2 + MAXRUNS], *s, *tok, *save;
	int nf = 0, i, n = 0;

	line[strcspn(line, "\n")] = '\0';
	for (s = line; nf < 2 + MAXRUNS; ) {
		f[nf++] = s;
		if ((s = strchr(s, '\t')) == NULL)
			break;
		*s++ = '\0';
	}
	if (nf < 3)
		return -1;
	*pinned = strchr(f[0], '+') != NULL;
	if (*pinned) {
		for (s = f[0]; ; s++) {
			cells[n] = (int)strtol(s, &s, 10);
			n += cells[n];
			if (*s != '+')
				break;
		}
		i = 0;
		for (s = f[0]; ; s++) {
			strtol(s, &s, 10);
			i++;
			if (*s != '+')
				break;
		}
		if (i != nf - 2)
			return -1;
		for (i = 0, s = f[0]; i < nf - 2; i++, s++)
			cells[i] = (int)strtol(s, &s, 10);
	} else {
		n = atoi(f[0]);
	}
	goi_glued_init(p, n);
	*show = 20;
	for (tok = strtok_r(f[1], " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save))
		if (token(p, tok, show) < 0)
			return -1;
	for (i = 2; i < nf; i++) {
		runs[i - 2].p = f[i];
		runs[i - 2].n = goi_tsv_unescape((goi_span){f[i], strlen(f[i])},
		    f[i]);
	}
	return nf - 2;
}

static long
solve1(const goi_glued_problem *p, goi_span *runs, int nruns, int *cells,
    int pinned, long long *out, long max)
{
	if (nruns == 1 && !pinned)
		return goi_glued_solve(runs[0].p, runs[0].n, p, out, max);
	return goi_glued_solve_runs(runs, pinned ? cells : NULL, nruns, p, out,
	    max);
}

static int
solve(void)
{
	static long long out[200 * GOI_GLUED_MAXCELLS];
	goi_glued_problem p;
	goi_span runs[MAXRUNS];
	int cells[MAXRUNS], pinned, nruns;
	char *line = NULL, buf[1024];
	size_t cap = 0;
	long rc, i, show;

	while (getline(&line, &cap, stdin) > 0) {
		if ((nruns = parse(line, &p, runs, cells, &pinned, &show)) < 0) {
			puts("bad problem line");
			continue;
		}
		if (show > 200)
			show = 200;
		rc = solve1(&p, runs, nruns, cells, pinned, out, show);
		if (rc < 0) {
			puts(errname(rc));
			continue;
		}
		printf("%ld", rc);
		for (i = 0; i < rc && i < show; i++) {
			goi_glued_format(&p, out + i * p.ncells, buf, sizeof(buf));
			printf("\t%s", buf);
		}
		putchar('\n');
	}
	free(line);
	return 0;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
bench(long reps)
{
	enum { MAXP = 256 };
	static goi_glued_problem p[MAXP];
	static char *lines[MAXP];
	static goi_span runs[MAXP][MAXRUNS];
	static int cells[MAXP][MAXRUNS], pinned[MAXP], nruns[MAXP];
	static double best[MAXP];
	long long out[2 * GOI_GLUED_MAXCELLS];
	char *line = NULL;
	size_t cap = 0;
	long show, r, n = 0, i, solves = 0;
	double t0, t1, worst = 0;

	while (n < MAXP && getline(&line, &cap, stdin) > 0) {
		lines[n] = strdup(line);
		nruns[n] = parse(lines[n], &p[n], runs[n], cells[n], &pinned[n],
		    &show);
		if (nruns[n] > 0)
			n++;
	}
	free(line);
	/*
	 * worst: the slowest problem, each at its best of REPS runs (a solve
	 * preempted by the scheduler does not count against the solver).
	 */
	for (i = 0; i < n; i++)
		best[i] = 1e9;
	t0 = now();
	for (r = 0; r < reps; r++)
		for (i = 0; i < n; i++) {
			double a = now(), b;

			solve1(&p[i], runs[i], nruns[i], cells[i], pinned[i],
			    out, 2);
			b = now() - a;
			if (b < best[i])
				best[i] = b;
			solves++;
		}
	t1 = now();
	for (i = 0; i < n; i++)
		if (best[i] > worst)
			worst = best[i];
	printf("%ld solves in %.3f s: %.0f solves/s, %.1f us mean, "
	    "%.1f us worst\n", solves, t1 - t0, solves / (t1 - t0),
	    (t1 - t0) / solves * 1e6, worst * 1e6);
	for (i = 0; i < n; i++)
		free(lines[i]);
	return 0;
}

/* ---- random round trips against a brute-force reference ---------------- */

static unsigned long long rngstate;

static unsigned
rnd(unsigned n)
{
	rngstate = rngstate * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rngstate >> 33) % n);
}

#define RMARK '\001'		/* run boundary in the reference's string */
#define REFMAX 20000

struct ref {
	const goi_glued_problem *p;
	const char *s;
	size_t n;
	const int *cellrun;	/* NULL: runs are not pinned */
	long long cur[GOI_GLUED_MAXCELLS];
	long long *got;
	long count;
};

static int
issep(char ch)
{
	return ch == ' ' || ch == '-' || ch == ',' || ch == RMARK;
}

/*
 * Is s[a..b) a number by the contract's syntax?  -?(0|[1-9][0-9]*|
 * [1-9][0-9]{0,2}(,[0-9]{3})+)(\.[0-9]{1,scale})?, at most maxdigits
 * integer digits.  Value in *v (in units of 10^-scale).
 */
static int
number(const struct ref *r, size_t a, size_t b, long long *v)
{
	const char *s = r->s;
	int md = r->p->maxdigits ? r->p->maxdigits : 9, neg = 0;
	int nd = 0, commas = 0, since = 0, fl = 0;
	size_t i, dot = b;
	long long m = 0;

	if (a < b && s[a] == '-') {
		neg = 1;
		a++;
	}
	if (a >= b)
		return 0;
	for (i = a; i < b; i++)
		if (s[i] == '.')
			dot = i;
	for (i = a; i < dot; i++) {
		if (s[i] == ',') {
			if (since == 0 || (commas == 0 && since > 3) ||
			    (commas > 0 && since != 3))
				return 0;
			commas++;
			since = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9' || ++nd > md)
			return 0;
		m = m * 10 + (s[i] - '0');
		since++;
	}
	if (nd == 0 || nd > md || (commas > 0 && since != 3))
		return 0;
	if (s[a] == '0' && nd > 1)
		return 0;
	if (dot < b) {
		for (i = dot + 1; i < b; i++) {
			if (s[i] < '0' || s[i] > '9' || fl >= r->p->scale)
				return 0;
			m = m * 10 + (s[i] - '0');
			fl++;
		}
		if (fl == 0 || fl > r->p->scale)
			return 0;
	}
	for (; fl < r->p->scale; fl++)
		m *= 10;
	if (neg && m == 0)
		return 0;
	*v = neg ? -m : m;
	return 1;
}

static void
refrec(struct ref *r, size_t pos, int j)
{
	const goi_glued_problem *p = r->p;
	size_t start, end, q;
	int k, i, run;

	if (j == p->ncells) {
		for (q = pos; q < r->n; q++)
			if (!issep(r->s[q]))
				return;
		for (k = 0; k < p->nident; k++) {
			long long s = p->ident[k].constant;

			for (i = 0; i < p->ncells; i++)
				s += p->ident[k].coef[i] * r->cur[i];
			if (s < 0 || (p->ident[k].op == GOI_GLUED_EQ && s != 0))
				return;
		}
		if (r->count < REFMAX)
			memcpy(r->got + r->count * p->ncells, r->cur,
			    sizeof(long long) * (size_t)p->ncells);
		r->count++;
		return;
	}
	for (start = pos; start < r->n; start++) {
		/* The gap pos..start holds separators only. */
		if (start > pos && !issep(r->s[start - 1]))
			break;
		if (j > 0 && start == pos && !(r->s[start] >= '0' &&
		    r->s[start] <= '9') && r->s[start] != '-')
			continue;
		/* A cell right after a digit, with no gap, is glued. */
		run = 0;
		for (q = 0; q < start; q++)
			run += r->s[q] == RMARK;
		if (r->cellrun != NULL && run != r->cellrun[j])
			continue;
		for (end = start + 1; end <= r->n; end++) {
			long long v;
			int sign = r->s[start] == '-';

			if (!number(r, start, end, &v))
				continue;
			/* A cell never ends before a point. */
			if (end < r->n && r->s[end] == '.')
				continue;
			if (sign && !p->signed_ok[j])
				continue;
			/* '-' glued to the previous digit needs that digit. */
			if (sign && j > 0 && start == pos &&
			    !(r->s[start - 1] >= '0' && r->s[start - 1] <= '9'))
				continue;
			/*
			 * A '-' just before the digits after a boundary (or at
			 * the start) is the sign of a signed cell.
			 */
			if (!sign && p->signed_ok[j] && start > 0 &&
			    r->s[start - 1] == '-' &&
			    (j == 0 || start - pos != 1))
				continue;
			if (p->has_known[j] && p->known[j] != v)
				continue;
			r->cur[j] = v;
			refrec(r, end, j + 1);
		}
	}
}

static int
cmpreading(const void *a, const void *b, void *n)
{
	const long long *x = a, *y = b;
	int i;

	for (i = 0; i < *(int *)n; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

/* qsort with a width known at run time. */
static int sortwidth;
static int
cmpq(const void *a, const void *b)
{
	return cmpreading(a, b, &sortwidth);
}

/* Print v (in units of 10^-scale) into s, as a report would. */
static int
putnum(char *s, long long v, int scale, int commas)
{
	char digits[40];
	long long m = v < 0 ? -v : v, one = scale == 2 ? 100 : 1;
	long long ip = m / one, frac = m % one;
	int n = 0, len, i;

	len = sprintf(digits, "%lld", ip);
	if (v < 0)
		s[n++] = '-';
	for (i = 0; i < len; i++) {
		if (commas && i > 0 && (len - i) % 3 == 0)
			s[n++] = ',';
		s[n++] = digits[i];
	}
	if (frac != 0) {
		if (frac % 10 == 0)
			n += sprintf(s + n, ".%lld", frac / 10);
		else
			n += sprintf(s + n, ".%02lld", frac);
	}
	return n;
}

static long long
pow10ll(int n)
{
	long long v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

static int
randomtests(unsigned long long seed, long count)
{
	static long long got[REFMAX * 10], want[REFMAX * 10];
	long t, fails = 0, unique = 0, ambiguous = 0, none = 0;

	rngstate = seed;
	for (t = 0; t < count; t++) {
		goi_glued_problem p;
		long long val[GOI_GLUED_MAXCELLS];
		char s[512];
		goi_span runs[GOI_GLUED_MAXCELLS];
		int cells[GOI_GLUED_MAXCELLS], cellrun[GOI_GLUED_MAXCELLS];
		int nc = 1 + (int)rnd(8), i, nruns = 1, pinned = rnd(5) == 0;
		int unpinned_runs = !pinned && rnd(8) == 0, total;
		size_t n = 0, runstart[GOI_GLUED_MAXCELLS + 1];
		struct ref ref;
		long rc, k;
		int found;

		goi_glued_init(&p, nc);
		if (rnd(6) == 0)
			p.scale = 2;
		if (rnd(8) == 0)
			p.maxdigits = 2 + (int)rnd(3);
		for (i = 0; i < nc; i++) {
			unsigned c = rnd(10);
			long long v = c < 4 ? 0 : c < 7 ? 1 + rnd(9) :
			    c < 9 ? 10 + rnd(990) : 1000 + rnd(99000);

			if (p.maxdigits)
				v %= (long long)(p.maxdigits == 2 ? 100 :
				    p.maxdigits == 3 ? 1000 : 10000);
			if (rnd(6) == 0) {
				p.signed_ok[i] = 1;
				if (rnd(2))
					v = -v;
			}
			v *= p.scale ? 100 : 1;
			if (p.scale && rnd(3) == 0)
				v += v < 0 ? -(long long)rnd(100) :
				    (long long)rnd(100);
			val[i] = v;
		}
		total = nc >= 3 && rnd(10) < 7;
		if (total) {
			long long sum = 0;

			for (i = 0; i < nc - 1; i++)
				sum += val[i];
			val[nc - 1] = sum;
			if (sum < 0)
				p.signed_ok[nc - 1] = 1;
			if (p.maxdigits && (sum >= pow10ll(p.maxdigits) ||
			    sum <= -pow10ll(p.maxdigits)))
				p.maxdigits = 0;
			goi_glued_sum(&p, nc - 1, 0, nc - 1);
		}
		if (nc >= 2 && rnd(6) == 0) {
			int a = (int)rnd((unsigned)nc), b = (int)rnd((unsigned)nc);

			if (a != b && val[a] >= val[b]) {
				k = p.nident++;
				p.ident[k].op = GOI_GLUED_GE;
				p.ident[k].coef[a] += 1;
				p.ident[k].coef[b] -= 1;
				p.ident[k].constant = rnd(2);
			}
		}
		for (i = 0; i < nc; i++)
			if (rnd(8) == 0) {
				p.has_known[i] = 1;
				p.known[i] = val[i];
			}
		/* Glue; RMARK starts a new run. */
		memset(cells, 0, sizeof(cells));
		for (i = 0; i < nc; i++) {
			if (i > 0) {
				unsigned g = rnd(12);

				if ((pinned || unpinned_runs) && rnd(3) == 0) {
					s[n++] = RMARK;
					nruns++;
				} else if (g == 0) {
					s[n++] = ' ';
				} else if (g == 1 && val[i] >= 0) {
					s[n++] = '-';
				} else if (g == 2) {
					s[n++] = ',';
				} else if (g == 3 && val[i] < 0) {
					s[n++] = ' ';
				}
			}
			cellrun[i] = nruns - 1;
			cells[nruns - 1]++;
			n += (size_t)putnum(s + n, val[i], p.scale,
			    val[i] >= 1000 * (p.scale ? 100 : 1) && rnd(3) == 0);
		}
		if (rnd(10) == 0)
			s[n++] = ' ';
		s[n] = '\0';
		runstart[0] = 0;
		for (i = 0, k = 1; (size_t)i < n; i++)
			if (s[i] == RMARK)
				runstart[k++] = (size_t)i + 1;
		runstart[nruns] = n + 1;
		for (i = 0; i < nruns; i++) {
			runs[i].p = s + runstart[i];
			runs[i].n = runstart[i + 1] - 1 - runstart[i];
		}
		ref.p = &p;
		ref.s = s;
		ref.n = n;
		ref.cellrun = pinned ? cellrun : NULL;
		ref.got = want;
		ref.count = 0;
		refrec(&ref, 0, 0);
		if (nruns == 1 && !pinned)
			rc = goi_glued_solve(s, n, &p, got, REFMAX);
		else
			rc = goi_glued_solve_runs(runs, pinned ? cells : NULL,
			    nruns, &p, got, REFMAX);
		found = 0;
		for (k = 0; k < rc && k < REFMAX; k++)
			if (memcmp(got + k * nc, val, sizeof(long long) *
			    (size_t)nc) == 0)
				found = 1;
		if (ref.count <= REFMAX && rc == ref.count) {
			sortwidth = nc;
			qsort(got, (size_t)rc, sizeof(long long) * (size_t)nc,
			    cmpq);
			qsort(want, (size_t)rc, sizeof(long long) * (size_t)nc,
			    cmpq);
		}
		if (rc > REFMAX)
			found = 1;	/* only the first REFMAX are stored */
		if (rc != ref.count || !found || (rc <= REFMAX &&
		    memcmp(got, want, sizeof(long long) * (size_t)(nc * rc)))) {
			char shown[512];
			size_t q;

			for (q = 0; q < n; q++)
				shown[q] = s[q] == RMARK ? '|' : s[q];
			shown[n] = '\0';
			printf("FAIL #%ld: '%s' ncells %d pinned %d: got %ld, "
			    "reference %ld, truth %s\n", t, shown, nc, pinned,
			    rc, ref.count, found ? "found" : "missing");
			printf("  values");
			for (i = 0; i < nc; i++)
				printf(" %lld%s%s", val[i], p.signed_ok[i] ? "s" : "",
				    p.has_known[i] ? "k" : "");
			printf("; md %d scale %d", p.maxdigits, p.scale);
			for (k = 0; k < p.nident; k++) {
				printf("; %s", p.ident[k].op ? "GE" : "EQ");
				for (i = 0; i < nc; i++)
					printf(" %d", p.ident[k].coef[i]);
				printf(" #%lld", p.ident[k].constant);
			}
			putchar('\n');
			fails++;
		}
		if (ref.count == 1)
			unique++;
		else if (ref.count == 0)
			none++;
		else
			ambiguous++;
	}
	printf("%ld rows, %ld failures (%ld unique, %ld ambiguous, %ld none)\n",
	    count, fails, unique, ambiguous, none);
	return fails != 0;
}

/* ---- helpers and argument checks ---------------------------------------- */

static int
api(void)
{
	goi_glued_problem p;
	long long out[64], v[3] = {7539443252LL, -5, 0};
	char buf[64];
	goi_span sp[2] = {{"12", 2}, {"3", 1}};
	int cells[2] = {1, 1}, bad[2] = {1, 2};

	goi_glued_init(&p, 3);
	printf("sum %d\n", goi_glued_sum(&p, 2, 0, 2));
	printf("sum-overlap %d\n", goi_glued_sum(&p, 1, 0, 2));
	printf("sum-range %d\n", goi_glued_sum(&p, 3, 0, 2));
	printf("sum-n0 %d\n", goi_glued_sum(&p, 2, 0, 0));
	p.scale = 2;
	goi_glued_format(&p, v, buf, sizeof(buf));
	printf("format '%s'\n", buf);
	goi_glued_format(&p, v, buf, 8);
	printf("format8 '%s'\n", buf);
	p.scale = 0;
	printf("null-out %ld\n", goi_glued_solve("123", 3, &p, NULL, 1));
	printf("null-out-count %ld\n", goi_glued_solve("123", 3, &p, NULL, 0));
	printf("neg-max %ld\n", goi_glued_solve("123", 3, &p, out, -1));
	printf("null-run %ld\n", goi_glued_solve(NULL, 3, &p, out, 1));
	goi_glued_init(&p, 2);
	printf("runs-pinned %ld\n", goi_glued_solve_runs(sp, cells, 2, &p, out, 4));
	printf("runs-badpins %ld\n", goi_glued_solve_runs(sp, bad, 2, &p, out, 4));
	printf("runs-zero %ld\n", goi_glued_solve_runs(sp, cells, 0, &p, out, 4));
	p.ident[0].op = 7;
	p.nident = 1;
	printf("bad-op %ld\n", goi_glued_solve("12", 2, &p, out, 4));
	p.ident[0].op = GOI_GLUED_EQ;
	p.ident[0].constant = 1000000000000000000LL;
	printf("big-constant %ld\n", goi_glued_solve("12", 2, &p, out, 4));
	goi_glued_init(&p, 2);
	p.maxdigits = 12;
	p.scale = 4;
	printf("digits+scale %ld\n", goi_glued_solve("12", 2, &p, out, 4));
	p.scale = 7;
	p.maxdigits = 0;
	printf("scale7 %ld\n", goi_glued_solve("12", 2, &p, out, 4));
	p.scale = 0;
	printf("nul %ld\n", goi_glued_solve("1\0002", 3, &p, out, 4));
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "solve") == 0)
		return solve();
	if (argc >= 3 && strcmp(argv[1], "bench") == 0)
		return bench(atol(argv[2]));
	if (argc >= 4 && strcmp(argv[1], "random") == 0)
		return randomtests(strtoull(argv[2], NULL, 10), atol(argv[3]));
	if (argc >= 2 && strcmp(argv[1], "api") == 0)
		return api();
	fputs("usage: glued-driver solve | bench REPS | random SEED N | api\n",
	    stderr);
	return 2;
}
