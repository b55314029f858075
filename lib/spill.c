/*
 * spill.c - sorted runs on disk, merged back: an external sort for the
 * state of goi-sum and goi-check, so that their memory stays within a
 * budget whatever the input size (sort(1), datamash -s and Hadoop's
 * combiners work the same way).
 *
 * A record is a byte string; cmp orders them.  Records added with
 * goi_spill_add are kept in memory; when they reach the budget they are
 * sorted and written as one run.  A caller that keeps its own state (a
 * hash) writes runs itself with goi_spill_put and goi_spill_endrun, records
 * in cmp order.  goi_spill_sort ends the input: without runs the records
 * are sorted in memory and nothing touches the disk; else at most `fanin'
 * runs are merged at a time (a heap of run readers) until one merge is
 * left, which goi_spill_next walks.  Equal records keep their order (the
 * order added; for runs, the order written), so a caller can combine them
 * knowing which came first.
 *
 * All runs go to two temporary files, created in the directory only when
 * the first run is written and unlinked at once: nothing is left behind,
 * even after a crash, and the number of runs is not bounded by the number
 * of open files.  A merge pass reads the runs of one file and writes the
 * merged runs to the other, then truncates the first.  On disk a record is
 * its length (4 bytes, this machine's order: the files never outlive the
 * process) and its bytes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "goi.h"

#define IOBUF (32 * 1024)	/* a run reader's or the writer's buffer */
#define MAXFANIN 512

struct run {
	int file;
	uint64_t off, len;
};

struct mrec {
	size_t off, n;
};

struct reader {
	int fd;
	uint64_t off, end;	/* the unread part of the run */
	char *buf;
	size_t cap, pos, lim;
	const char *rec;	/* the current record */
	size_t n;
	size_t seq;		/* its run's place: ties go to the lower */
};

enum { S_ADD, S_MEM, S_MERGE };

struct goi_spill {
	size_t budget;
	char *dir;
	goi_spill_cmp cmp;
	void *ctx;
	int state;
	int err;		/* the first error, and its errno */
	int errnum;

	/* records in memory */
	char *mem;
	size_t mlen, mcap;
	struct mrec *idx, *tmp;
	size_t nidx, icap, it;

	/* the two files and their runs */
	int fd[2];
	uint64_t flen[2];
	int cur;		/* the file the runs are in */
	struct run *runs;
	size_t nruns, rcap, nwritten;

	/* the run being written */
	char *wbuf;
	size_t wlen;
	int wfile, inrun;
	uint64_t wstart;

	/* the last merge */
	struct reader *rd;
	size_t nrd, rdcap;
	size_t *heap;
	size_t nheap;
	int pending;		/* heap[0]'s record was handed out */
};

/* An error sticks: every later call returns it, with its errno. */
static int
fail(goi_spill *s, int rc)
{
	if (s->err == 0) {
		s->err = rc;
		s->errnum = errno;
	}
	errno = s->errnum;
	return s->err;
}

static int
sticky(const goi_spill *s)
{
	if (s->err < 0)
		errno = s->errnum;
	return s->err;
}

/* ---- sizes and directories ------------------------------------------------ */

const char *
goi_spill_dir(const char *dir)
{
	const char *t;

	if (dir != NULL && *dir != '\0')
		return dir;
	if ((t = getenv("TMPDIR")) != NULL && *t != '\0')
		return t;
	return "/tmp";
}

int
goi_spill_parse_size(const char *s, size_t *out)
{
	unsigned long long v = 0, mul = 1024;
	const char *p = s;

	if (*p < '0' || *p > '9')
		return GOI_EINVAL;
	for (; *p >= '0' && *p <= '9'; p++)
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, (unsigned)(*p - '0'), &v))
			return GOI_ERANGE;
	switch (*p) {
	case '\0':
		break;
	case 'b':
		mul = 1;
		break;
	case 'k': case 'K':
		break;
	case 'm': case 'M':
		mul = 1024ULL * 1024;
		break;
	case 'g': case 'G':
		mul = 1024ULL * 1024 * 1024;
		break;
	case 't': case 'T':
		mul = 1024ULL * 1024 * 1024 * 1024;
		break;
	default:
		return GOI_EINVAL;
	}
	if (*p != '\0' && p[1] != '\0')
		return GOI_EINVAL;
	if (__builtin_mul_overflow(v, mul, &v) || v > SIZE_MAX)
		return GOI_ERANGE;
	*out = (size_t)v;
	return 0;
}

/* ---- varints for compact records ---------------------------------------- */

size_t
goi_spill_putuv(unsigned char *p, uint64_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

uint64_t
goi_spill_getuv(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	uint64_t v = 0;
	int sh = 0;

	while (*p & 0x80) {
		v |= (uint64_t)(*p++ & 0x7f) << sh;
		sh += 7;
	}
	v |= (uint64_t)*p++ << sh;
	*pp = p;
	return v;
}

size_t
goi_spill_putsv(unsigned char *p, int64_t v)
{
	return goi_spill_putuv(p, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

int64_t
goi_spill_getsv(const unsigned char **pp)
{
	uint64_t v = goi_spill_getuv(pp);

	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/* ---- making and ending ---------------------------------------------------- */

goi_spill *
goi_spill_new(size_t budget, const char *dir, goi_spill_cmp cmp, void *ctx)
{
	goi_spill *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->budget = budget;
	s->cmp = cmp;
	s->ctx = ctx;
	s->fd[0] = s->fd[1] = -1;
	if (dir != NULL && (s->dir = strdup(dir)) == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

static void
readers_free(goi_spill *s)
{
	size_t i;

	for (i = 0; i < s->rdcap; i++)
		free(s->rd[i].buf);
	free(s->rd);
	free(s->heap);
	s->rd = NULL;
	s->heap = NULL;
	s->nrd = s->rdcap = s->nheap = 0;
	s->pending = 0;
}

void
goi_spill_free(goi_spill *s)
{
	if (s == NULL)
		return;
	readers_free(s);
	if (s->fd[0] != -1)
		close(s->fd[0]);
	if (s->fd[1] != -1)
		close(s->fd[1]);
	free(s->mem);
	free(s->idx);
	free(s->tmp);
	free(s->runs);
	free(s->wbuf);
	free(s->dir);
	free(s);
}

int
goi_spill_reset(goi_spill *s)
{
	int i;

	readers_free(s);
	s->mlen = s->nidx = s->it = 0;
	s->nruns = 0;
	s->inrun = 0;
	s->wlen = 0;
	s->state = S_ADD;
	for (i = 0; i < 2; i++)
		if (s->flen[i] > 0) {
			if (ftruncate(s->fd[i], 0) == -1)
				return fail(s, GOI_ETMP);
			s->flen[i] = 0;
		}
	return sticky(s);
}

size_t
goi_spill_runs(const goi_spill *s)
{
	return s->nwritten;
}

/* ---- writing runs ---------------------------------------------------------- */

static int
file_open(goi_spill *s, int i)
{
	const char *dir = goi_spill_dir(s->dir);
	size_t n = strlen(dir);
	char *path;
	int fd, e;

	if (s->fd[i] != -1)
		return 0;
	if ((path = malloc(n + sizeof("/goi-spill.XXXXXX"))) == NULL)
		return GOI_ENOMEM;
	memcpy(path, dir, n);
	memcpy(path + n, "/goi-spill.XXXXXX", sizeof("/goi-spill.XXXXXX"));
	if ((fd = mkstemp(path)) == -1) {
		e = errno;
		free(path);
		errno = e;
		return GOI_ETMP;
	}
	/* Unlinked at once: the file lives as long as the descriptor. */
	unlink(path);
	free(path);
	s->fd[i] = fd;
	return 0;
}

static int
pwrite_all(int fd, const char *p, size_t n, uint64_t off)
{
	ssize_t w;

	while (n > 0) {
		if ((w = pwrite(fd, p, n, (off_t)off)) == -1) {
			if (errno == EINTR)
				continue;
			return GOI_ETMP;
		}
		if (w == 0) {
			errno = ENOSPC;
			return GOI_ETMP;
		}
		p += w;
		n -= (size_t)w;
		off += (uint64_t)w;
	}
	return 0;
}

static int
wflush(goi_spill *s)
{
	int f = s->wfile;

	if (s->wlen == 0)
		return 0;
	if (pwrite_all(s->fd[f], s->wbuf, s->wlen, s->flen[f]) < 0)
		return fail(s, GOI_ETMP);
	s->flen[f] += s->wlen;
	s->wlen = 0;
	return 0;
}

static int
wbegin(goi_spill *s, int f)
{
	int rc;

	if ((rc = file_open(s, f)) < 0)
		return fail(s, rc);
	if (s->wbuf == NULL && (s->wbuf = malloc(IOBUF)) == NULL)
		return fail(s, GOI_ENOMEM);
	s->wfile = f;
	s->wstart = s->flen[f];
	s->wlen = 0;
	s->inrun = 1;
	return 0;
}

static int
wrec(goi_spill *s, const void *rec, size_t n)
{
	uint32_t len = (uint32_t)n;

	if (n > UINT32_MAX)
		return fail(s, GOI_ERANGE);
	if (s->wlen + 4 > IOBUF && wflush(s) < 0)
		return sticky(s);
	memcpy(s->wbuf + s->wlen, &len, 4);
	s->wlen += 4;
	if (s->wlen + n > IOBUF) {
		if (wflush(s) < 0)
			return sticky(s);
		if (n > IOBUF) {
			if (pwrite_all(s->fd[s->wfile], rec, n,
			    s->flen[s->wfile]) < 0)
				return fail(s, GOI_ETMP);
			s->flen[s->wfile] += n;
			return 0;
		}
	}
	if (n > 0)
		memcpy(s->wbuf + s->wlen, rec, n);
	s->wlen += n;
	return 0;
}

/* The run being written ends; it goes to runs[] (the next pass's list). */
static int
wend(goi_spill *s, struct run **runs, size_t *nruns, size_t *rcap)
{
	struct run *r;

	s->inrun = 0;
	if (wflush(s) < 0)
		return sticky(s);
	if (goi_grow(runs, rcap, *nruns + 1, sizeof(**runs)) < 0)
		return fail(s, GOI_ENOMEM);
	r = &(*runs)[(*nruns)++];
	r->file = s->wfile;
	r->off = s->wstart;
	r->len = s->flen[s->wfile] - s->wstart;
	s->nwritten++;
	return 0;
}

int
goi_spill_put(goi_spill *s, const void *rec, size_t n)
{
	if (s->err < 0)
		return sticky(s);
	if (!s->inrun && wbegin(s, s->cur) < 0)
		return sticky(s);
	return wrec(s, rec, n);
}

int
goi_spill_endrun(goi_spill *s)
{
	if (s->err < 0)
		return sticky(s);
	if (!s->inrun)
		return 0;
	return wend(s, &s->runs, &s->nruns, &s->rcap);
}

/* ---- records in memory ---------------------------------------------------- */

/* Stable merge sort of idx (qsort has no context and is not stable). */
static void
msort(goi_spill *s, struct mrec *v, struct mrec *t, size_t n)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	msort(s, v, t, h);
	msort(s, v + h, t, n - h);
	if (s->cmp(s->mem + v[h - 1].off, v[h - 1].n, s->mem + v[h].off,
	    v[h].n, s->ctx) <= 0)
		return;		/* already in order */
	while (i < h && j < n)
		t[k++] = s->cmp(s->mem + v[j].off, v[j].n, s->mem + v[i].off,
		    v[i].n, s->ctx) < 0 ? v[j++] : v[i++];
	while (i < h)
		t[k++] = v[i++];
	memcpy(v, t, k * sizeof(*v));
}

static int
mem_sort(goi_spill *s)
{
	if (s->nidx < 2)
		return 0;
	if ((s->tmp = realloc(s->tmp, s->nidx * sizeof(*s->tmp))) == NULL)
		return fail(s, GOI_ENOMEM);
	msort(s, s->idx, s->tmp, s->nidx);
	free(s->tmp);
	s->tmp = NULL;
	return 0;
}

/* Sort the records in memory and write them as one run. */
static int
mem_spill(goi_spill *s)
{
	size_t i;

	if (s->nidx == 0)
		return 0;
	if (mem_sort(s) < 0)
		return sticky(s);
	for (i = 0; i < s->nidx; i++)
		if (goi_spill_put(s, s->mem + s->idx[i].off, s->idx[i].n) < 0)
			return sticky(s);
	if (goi_spill_endrun(s) < 0)
		return sticky(s);
	s->mlen = s->nidx = 0;
	return 0;
}

/* Grow *p to hold need bytes, doubling but not past limit (nor below need). */
static int
grow_capped(void *pp, size_t *cap, size_t need, size_t limit)
{
	void **p = pp, *n;
	size_t c;

	if (need <= *cap)
		return 0;
	c = *cap ? *cap : 4096;
	while (c < need && c <= SIZE_MAX / 2)
		c *= 2;
	if (c > limit)
		c = limit > need ? limit : need;
	if ((n = realloc(*p, c)) == NULL)
		return GOI_ENOMEM;
	*p = n;
	*cap = c;
	return 0;
}

int
goi_spill_add(goi_spill *s, const void *rec, size_t n)
{
	size_t ib;

	if (s->err < 0)
		return sticky(s);
	/* Each record costs its bytes and two index entries while sorting. */
	if (s->nidx > 0 && s->mlen + n + (s->nidx + 1) * 2 *
	    sizeof(struct mrec) > s->budget && mem_spill(s) < 0)
		return sticky(s);
	ib = s->icap * sizeof(struct mrec);
	if (grow_capped(&s->mem, &s->mcap, s->mlen + n, s->budget) < 0 ||
	    grow_capped(&s->idx, &ib, (s->nidx + 1) * sizeof(struct mrec),
	    s->budget / 2 / sizeof(struct mrec) * sizeof(struct mrec)) < 0)
		return fail(s, GOI_ENOMEM);
	s->icap = ib / sizeof(struct mrec);
	if (n > 0)
		memcpy(s->mem + s->mlen, rec, n);
	s->idx[s->nidx].off = s->mlen;
	s->idx[s->nidx].n = n;
	s->nidx++;
	s->mlen += n;
	return 0;
}

/* ---- reading runs ---------------------------------------------------------- */

static int
reader_fill(struct reader *r, size_t need)
{
	ssize_t got;
	size_t want;

	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->lim - r->pos);
		r->lim -= r->pos;
		r->pos = 0;
	}
	if (need > r->cap) {
		char *nb = realloc(r->buf, need);
		if (nb == NULL)
			return GOI_ENOMEM;
		r->buf = nb;
		r->cap = need;
	}
	while (r->lim < need) {
		want = r->cap - r->lim;
		if (want > r->end - r->off)
			want = (size_t)(r->end - r->off);
		if (want == 0) {
			errno = EIO;	/* a run cut short */
			return GOI_ETMP;
		}
		if ((got = pread(r->fd, r->buf + r->lim, want,
		    (off_t)r->off)) == -1) {
			if (errno == EINTR)
				continue;
			return GOI_ETMP;
		}
		if (got == 0) {
			errno = EIO;
			return GOI_ETMP;
		}
		r->lim += (size_t)got;
		r->off += (uint64_t)got;
	}
	return 0;
}

/* The reader's next record: 1, 0 at the end of its run, or GOI_E*. */
static int
reader_next(struct reader *r)
{
	uint32_t len;
	int rc;

	if (r->lim - r->pos < 4) {
		if (r->lim == r->pos && r->off == r->end)
			return 0;
		if ((rc = reader_fill(r, 4)) < 0)
			return rc;
	}
	memcpy(&len, r->buf + r->pos, 4);
	if (r->lim - r->pos < 4 + (size_t)len &&
	    (rc = reader_fill(r, 4 + (size_t)len)) < 0)
		return rc;
	r->rec = r->buf + r->pos + 4;
	r->n = len;
	r->pos += 4 + (size_t)len;
	return 1;
}

static int
heap_less(const goi_spill *s, size_t a, size_t b)
{
	const struct reader *x = &s->rd[a], *y = &s->rd[b];
	int c = s->cmp(x->rec, x->n, y->rec, y->n, s->ctx);

	return c < 0 || (c == 0 && x->seq < y->seq);
}

static void
sift_down(goi_spill *s, size_t i)
{
	size_t *h = s->heap, n = s->nheap, m, t;

	for (;;) {
		m = i;
		if (2 * i + 1 < n && heap_less(s, h[2 * i + 1], h[m]))
			m = 2 * i + 1;
		if (2 * i + 2 < n && heap_less(s, h[2 * i + 2], h[m]))
			m = 2 * i + 2;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/* Open readers on runs[0..n) and heap them. */
static int
merge_open(goi_spill *s, const struct run *runs, size_t n)
{
	size_t i;
	int rc;

	if (n > s->rdcap) {
		struct reader *nr = realloc(s->rd, n * sizeof(*nr));
		size_t *nh;
		if (nr == NULL)
			return fail(s, GOI_ENOMEM);
		memset(nr + s->rdcap, 0, (n - s->rdcap) * sizeof(*nr));
		s->rd = nr;
		s->rdcap = n;
		if ((nh = realloc(s->heap, n * sizeof(*nh))) == NULL)
			return fail(s, GOI_ENOMEM);
		s->heap = nh;
	}
	s->nrd = n;
	s->nheap = 0;
	s->pending = 0;
	for (i = 0; i < n; i++) {
		struct reader *r = &s->rd[i];
		if (r->buf == NULL) {
			if ((r->buf = malloc(IOBUF)) == NULL)
				return fail(s, GOI_ENOMEM);
			r->cap = IOBUF;
		}
		r->fd = s->fd[runs[i].file];
		r->off = runs[i].off;
		r->end = runs[i].off + runs[i].len;
		r->pos = r->lim = 0;
		r->seq = i;
		if ((rc = reader_next(r)) < 0)
			return fail(s, rc);
		if (rc > 0)
			s->heap[s->nheap++] = i;
	}
	for (i = s->nheap / 2; i-- > 0;)
		sift_down(s, i);
	return 0;
}

/* The next record of the open merge: 1, 0 at the end, or GOI_E*. */
static int
merge_next(goi_spill *s, const void **rec, size_t *n)
{
	struct reader *r;
	int rc;

	if (s->pending) {
		s->pending = 0;
		if ((rc = reader_next(&s->rd[s->heap[0]])) < 0)
			return fail(s, rc);
		if (rc == 0)
			s->heap[0] = s->heap[--s->nheap];
		sift_down(s, 0);
	}
	if (s->nheap == 0)
		return 0;
	r = &s->rd[s->heap[0]];
	*rec = r->rec;
	*n = r->n;
	s->pending = 1;
	return 1;
}

static size_t
fanin(const goi_spill *s)
{
	size_t f = s->budget / 2 / IOBUF;

	return f < 2 ? 2 : f > MAXFANIN ? MAXFANIN : f;
}

/* Merge passes until at most fanin runs are left. */
static int
merge_down(goi_spill *s)
{
	struct run *next = NULL;
	size_t nnext = 0, ncap = 0, i, k, f = fanin(s);
	const void *rec;
	size_t n;
	int rc, to;

	while (s->nruns > f) {
		to = 1 - s->cur;
		nnext = 0;
		for (i = 0; i < s->nruns; i += k) {
			k = s->nruns - i < f ? s->nruns - i : f;
			if (merge_open(s, s->runs + i, k) < 0 ||
			    wbegin(s, to) < 0)
				goto bad;
			while ((rc = merge_next(s, &rec, &n)) > 0)
				if (wrec(s, rec, n) < 0)
					goto bad;
			if (rc < 0 || wend(s, &next, &nnext, &ncap) < 0)
				goto bad;
		}
		/* The old runs are merged: give their disk back. */
		if (ftruncate(s->fd[s->cur], 0) == -1) {
			fail(s, GOI_ETMP);
			goto bad;
		}
		s->flen[s->cur] = 0;
		s->cur = to;
		free(s->runs);
		s->runs = next;
		s->nruns = nnext;
		s->rcap = ncap;
		next = NULL;
		ncap = 0;
	}
	return 0;
bad:
	free(next);
	return sticky(s);
}

int
goi_spill_sort(goi_spill *s)
{
	if (s->err < 0)
		return sticky(s);
	if (s->inrun && goi_spill_endrun(s) < 0)
		return sticky(s);
	if (s->nruns == 0) {
		s->state = S_MEM;
		s->it = 0;
		return mem_sort(s);
	}
	if (mem_spill(s) < 0)
		return sticky(s);
	/* The records are on disk: the memory goes to the merge. */
	free(s->mem);
	free(s->idx);
	s->mem = NULL;
	s->idx = NULL;
	s->mcap = s->icap = 0;
	if (merge_down(s) < 0 || merge_open(s, s->runs, s->nruns) < 0)
		return sticky(s);
	s->state = S_MERGE;
	return 0;
}

int
goi_spill_next(goi_spill *s, const void **rec, size_t *n)
{
	if (s->err < 0)
		return sticky(s);
	switch (s->state) {
	case S_MEM:
		if (s->it == s->nidx)
			return 0;
		*rec = s->mem + s->idx[s->it].off;
		*n = s->idx[s->it].n;
		s->it++;
		return 1;
	case S_MERGE:
		return merge_next(s, rec, n);
	default:
		return fail(s, GOI_EINVAL);
	}
}
