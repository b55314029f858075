/*
 * check.c - evaluates the rules of rules.c over a cells stream.
 *
 * The cells of one document are kept (memory follows the largest
 * document) and checked when the next document starts.  For the rules
 * across documents a compact record of each report (the cells the cross
 * rules name, ~150 bytes) goes to an external sort (spill.c: in memory up
 * to a budget, then sorted runs in temporary files).  At the end the
 * records come back by organ, year and input order, which pairs each
 * report with last year's report of the same organ, whatever their order
 * in the stream; the findings go through a second sort to come out in
 * the order of the reports in the input.
 *
 * Semantics: an instance of a rule whose input cells include a blank, na,
 * text or missing cell is na, never fail; one whose inputs include a glued
 * value is na too (goi-table may have used this very identity to read it).
 * An instance over a table the document does not have at all is not
 * evaluated: doc.tables reports the missing table once.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

enum { K_NUM, K_GLUED, K_EMPTY, K_NA, K_TEXT };

typedef struct {
	const char *table, *row, *col, *value, *kind, *raw;
	long line;
	int k;
	int bad;		/* num or glued, but no usable number */
	int tid;		/* the table's id in the keyspace, -1 if none */
	int addr;		/* the cell's address there, -1 if none */
	goi_dec d;
} cell;

typedef struct block {
	struct block *next;
	size_t len, cap;
	char data[];
} block;

/*
 * The keys the schema, the doc facts and the rules name, interned when the
 * checker is made: tables get an id, (table, row, col) an address.  A cell
 * with an address is found by an array index, not by hashing strings, and
 * points at the interned strings.  Cells of other keys (the rows of the old
 * statistics table, keys no rule names) keep their strings and are hashed
 * by them when the document ends; a key that is not interned can only be
 * one of theirs.
 */
#define KMAXTAB 32

typedef struct {
	const char *t, *r, *c;
	int tid;
} kaddr;

/* Static key strings (rules, schema, literals) by their pointers. */
typedef struct {
	const void *t, *r, *c;
	int tid, addr;
} kmemo;

/* A table/row/col term of a rule, parsed once. */
typedef struct {
	const char *term, *t, *r, *c;
} kfull;

/* The keys an identity runs over in one format (schema or its own each). */
typedef struct {
	const goi_ident *id;
	int fmt;
	const char **keys;
	size_t n;
} keach;

typedef struct {
	const char *tab[KMAXTAB];
	int ntab;
	kaddr *a;
	size_t na, capa;
	int *hash;		/* address + 1; 0 is free */
	size_t hcap;
	kmemo *memo;
	size_t mn, mcap;
	kfull *full;
	size_t nfull;
	keach *each;
	size_t neach;
	char *strs;		/* the strings of full */
	int stats;		/* tid of "stats" */
	signed char *xslot;	/* per address: the record slot, -1 none */
	unsigned char *xkeep;	/* per address: a cross rule keeps it */
} keyspace;

/* The cells of one document (or the record of one report). */
typedef struct {
	cell *v;
	size_t n, cap;
	size_t *hash;		/* cells without an address: index + 1 */
	size_t hcap;
	int indexed;
	block *mem;
	size_t blocksize;
	keyspace *ks;
	int *where;		/* per address: index + 1 of its first cell */
	unsigned *stamp;	/* where[a] holds for this document if == gen */
	unsigned gen;
	uint32_t tabs;		/* the tids present */
	size_t first[KMAXTAB];	/* per tid: index + 1 of its first cell */
	int other;		/* a cell of a table without an id */
	int ltid;		/* tid of the last cell added, and its table */
	const char *lname;
	const char *doc;
	const char *organ;
	int year, format;
	const char *yearcol, *formatcol;	/* first non-empty of the doc */
} store;

/* ---- across reports: a compact record per report ---------------------- */

/*
 * The cross rules pair reports of one organ in any order, so every report
 * with an organ and a year leaves a record until the end of input.  A
 * record holds only the cells the cross rules name (the slots, fixed when
 * the checker is made): kind, exact value, line and, for a glued value, what
 * was written.  It starts with what orders the records: year (4 bytes),
 * input sequence (8 bytes), the organ (NUL-terminated); then type, format,
 * tables and, for a report with the tables, its doc key (NUL-terminated)
 * and the slots.
 */
#define XMAXSLOTS 64
#define XMAXTABLES 8
#define XHEAD 12

typedef struct {
	const char *row, *col;
	int tab;		/* index into xtab */
	int tid, addr;		/* in the keyspace */
} xslot;

/* A cell of table xtab[tab] whose row (byrow) or col is key is kept. */
typedef struct {
	int tab, byrow;
	const char *key;
} xkeep;

struct goi_check {
	const goi_rule *rules;
	int nrules;
	unsigned char *on;
	int flags;
	int (*emit)(void *ctx, const goi_finding *f);
	void *ctx;
	int err;
	int cross;		/* some cross rule is on */
	store cur;
	int have;		/* cur holds a document */
	keyspace ks;
	xslot slot[XMAXSLOTS];
	int nslots;
	uint32_t xtids;		/* tids of the cross rules' tables */
	const char *xtab[XMAXTABLES];
	int nxtab;
	xkeep *keep;
	int nkeep;
	size_t budget;		/* memory for records before they spill */
	char *tmpdir;
	goi_spill *xrecs;	/* the records, by organ, year, input order */
	goi_spill *xfound;	/* the cross findings, by input order */
	uint64_t nrecs, nfound;
	uint64_t xseq;		/* the input place of the report checked */
	unsigned char *xbuf;	/* the record being built */
	size_t xcap;
	unsigned char *xprev, *xcur;	/* copies of records at the end */
	size_t xprevcap, xcurcap;
	const unsigned char **xselfof, **xlastof;	/* in memory: the pairs
						   by input order */
	store xself, xlast;	/* records decoded at the end */
	goi_check_counts n;
};

/* ---- memory ---------------------------------------------------------- */

static void *
arena_alloc(store *s, size_t n)
{
	block *b = s->mem;
	void *p;

	if (b == NULL || b->cap - b->len < n) {
		size_t cap = s->blocksize > n ? s->blocksize : n;
		if ((b = malloc(sizeof(*b) + cap)) == NULL)
			return NULL;
		b->cap = cap;
		b->len = 0;
		b->next = s->mem;
		s->mem = b;
	}
	p = b->data + b->len;
	b->len += n;
	return p;
}

static const char *
arena_str(store *s, const char *str)
{
	size_t n = strlen(str);
	char *p = arena_alloc(s, n + 1);

	if (p != NULL)
		memcpy(p, str, n + 1);
	return p;
}

static void
store_reset(store *s)
{
	block *b, *next;

	/* Keep one block for the next document. */
	for (b = s->mem; b != NULL; b = next) {
		next = b->next;
		if (next == NULL) {
			b->len = 0;
			s->mem = b;
			b->next = NULL;
		} else
			free(b);
	}
	s->n = 0;
	s->indexed = 0;
	s->doc = s->organ = s->yearcol = s->formatcol = NULL;
	s->year = 0;
	s->format = GOI_FMT_NONE;
	if (++s->gen == 0) {
		if (s->stamp != NULL)
			memset(s->stamp, 0, s->ks->na * sizeof(*s->stamp));
		s->gen = 1;
	}
	s->tabs = 0;
	memset(s->first, 0, sizeof(s->first));
	s->other = 0;
	s->lname = NULL;
}

static void
store_free(store *s)
{
	block *b, *next;

	if (s == NULL)
		return;
	for (b = s->mem; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(s->v);
	free(s->hash);
	free(s->where);
	free(s->stamp);
}

/* s starts empty over the keyspace ks. */
static int
store_init(store *s, keyspace *ks, size_t blocksize)
{
	s->ks = ks;
	s->blocksize = blocksize;
	s->gen = 1;
	if ((s->where = malloc((ks->na + 1) * sizeof(*s->where))) == NULL ||
	    (s->stamp = calloc(ks->na + 1, sizeof(*s->stamp))) == NULL)
		return GOI_ENOMEM;
	return 0;
}

static const char *const kind_names[] = {"num", "glued", "empty", "na",
	"text"};

static int
kind_parse(const char *k)
{
	int i;

	for (i = 0; i < 5; i++)
		if (k[0] == kind_names[i][0] && strcmp(k, kind_names[i]) == 0)
			return i;
	return K_TEXT;
}

/* ---- the keyspace ------------------------------------------------------ */

static size_t
hstr(size_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static size_t
khash(int tid, const char *r, const char *c)
{
	return hstr((hstr(2166136261u ^ ((size_t)tid << 8), r) ^ 1) *
	    16777619u, c);
}

static int
ks_tid(const keyspace *ks, const char *t)
{
	int i;

	for (i = 0; i < ks->ntab; i++)
		if (strcmp(ks->tab[i], t) == 0)
			return i;
	return -1;
}

static int
ks_addr(const keyspace *ks, int tid, const char *r, const char *c)
{
	size_t h;

	if (tid < 0 || ks->hcap == 0)
		return -1;
	for (h = khash(tid, r, c) & (ks->hcap - 1); ks->hash[h] != 0;
	    h = (h + 1) & (ks->hcap - 1)) {
		const kaddr *a = &ks->a[ks->hash[h] - 1];
		if (a->tid == tid && strcmp(a->r, r) == 0 &&
		    strcmp(a->c, c) == 0)
			return ks->hash[h] - 1;
	}
	return -1;
}

/* The table's id; past KMAXTAB tables a table has none (its cells are
 * found by their strings). */
static int
ks_addtab(keyspace *ks, const char *t)
{
	int i = ks_tid(ks, t);

	if (i >= 0 || ks->ntab == KMAXTAB)
		return i;
	ks->tab[ks->ntab] = t;
	return ks->ntab++;
}

/* Intern (t, r, c): static strings, or strings that outlive the checker. */
static int
ks_add(keyspace *ks, const char *t, const char *r, const char *c)
{
	int tid = ks_addtab(ks, t);
	size_t h, i;

	if (tid < 0 || ks_addr(ks, tid, r, c) >= 0)
		return 0;
	if (2 * (ks->na + 1) > ks->hcap) {
		size_t cap = ks->hcap ? 2 * ks->hcap : 1024;
		int *nh = calloc(cap, sizeof(*nh));
		if (nh == NULL)
			return GOI_ENOMEM;
		for (i = 0; i < ks->na; i++) {
			for (h = khash(ks->a[i].tid, ks->a[i].r, ks->a[i].c) &
			    (cap - 1); nh[h] != 0; h = (h + 1) & (cap - 1))
				;
			nh[h] = (int)i + 1;
		}
		free(ks->hash);
		ks->hash = nh;
		ks->hcap = cap;
	}
	if (ks->na == ks->capa) {
		size_t cap = ks->capa ? 2 * ks->capa : 512;
		kaddr *na = realloc(ks->a, cap * sizeof(*na));
		if (na == NULL)
			return GOI_ENOMEM;
		ks->a = na;
		ks->capa = cap;
	}
	ks->a[ks->na].t = ks->tab[tid];
	ks->a[ks->na].r = r;
	ks->a[ks->na].c = c;
	ks->a[ks->na].tid = tid;
	for (h = khash(tid, r, c) & (ks->hcap - 1); ks->hash[h] != 0;
	    h = (h + 1) & (ks->hcap - 1))
		;
	ks->hash[h] = (int)ks->na + 1;
	ks->na++;
	return 0;
}

static size_t
pmix(const void *a, const void *b, const void *c)
{
	uint64_t h = (uint64_t)(uintptr_t)a * 0x9e3779b97f4a7c15u ^
	    (uint64_t)(uintptr_t)b * 0xc2b2ae3d27d4eb4fu ^
	    (uint64_t)(uintptr_t)c * 0x165667b19e3779f9u;

	return (size_t)(h ^ h >> 29);
}

/*
 * The tid and address of (t, r, c) given as static strings (the rules',
 * the schema's, literals), resolved once by their pointers.  r NULL asks
 * for the tid only.  Never call it with strings of the input.
 */
static int
ks_find(keyspace *ks, const char *t, const char *r, const char *c, int *tid)
{
	kmemo *m;
	size_t h, i;

	if (2 * (ks->mn + 1) > ks->mcap) {
		size_t cap = ks->mcap ? 2 * ks->mcap : 1024;
		kmemo *nm = calloc(cap, sizeof(*nm));
		if (nm == NULL) {	/* resolve without remembering */
			*tid = ks_tid(ks, t);
			return r == NULL ? -1 : ks_addr(ks, *tid, r, c);
		}
		for (i = 0; i < ks->mcap; i++) {
			if (ks->memo[i].t == NULL)
				continue;
			for (h = pmix(ks->memo[i].t, ks->memo[i].r,
			    ks->memo[i].c) & (cap - 1); nm[h].t != NULL;
			    h = (h + 1) & (cap - 1))
				;
			nm[h] = ks->memo[i];
		}
		free(ks->memo);
		ks->memo = nm;
		ks->mcap = cap;
	}
	for (h = pmix(t, r, c) & (ks->mcap - 1); (m = &ks->memo[h])->t != NULL;
	    h = (h + 1) & (ks->mcap - 1))
		if (m->t == t && m->r == r && m->c == c) {
			*tid = m->tid;
			return m->addr;
		}
	m->t = t;
	m->r = r;
	m->c = c;
	m->tid = ks_tid(ks, t);
	m->addr = r == NULL ? -1 : ks_addr(ks, m->tid, r, c);
	ks->mn++;
	*tid = m->tid;
	return m->addr;
}

/* ---- the cells of a document ------------------------------------------- */

/* Room for one more cell. */
static int
store_grow(store *s)
{
	if (s->n == s->cap) {
		/* The stores of records (no blocks) start small. */
		size_t cap = s->cap ? 2 * s->cap : s->blocksize < 4096 ? 32 : 256;
		cell *nv = realloc(s->v, cap * sizeof(*nv));
		if (nv == NULL)
			return GOI_ENOMEM;
		s->v = nv;
		s->cap = cap;
	}
	return 0;
}

/* The new last cell x (tid and addr set) is indexed. */
static void
store_note(store *s, cell *x)
{
	size_t i = (size_t)(x - s->v);

	if (x->tid >= 0) {
		s->tabs |= (uint32_t)1 << x->tid;
		if (s->first[x->tid] == 0)
			s->first[x->tid] = i + 1;
	} else
		s->other = 1;
	if (x->addr >= 0 && s->stamp[x->addr] != s->gen) {
		s->stamp[x->addr] = s->gen;
		s->where[x->addr] = (int)i + 1;
	}
	s->indexed = 0;
}

/* Copy c into s; returns 0, GOI_ERANGE/GOI_EINVAL (kept as bad), <0. */
static int
store_add(store *s, const goi_cellv *c)
{
	const keyspace *ks = s->ks;
	cell *x;
	int rc = 0;

	if (store_grow(s) < 0)
		return GOI_ENOMEM;
	x = &s->v[s->n];
	memset(x, 0, sizeof(*x));
	/* Most cells are of the table of the cell before. */
	if (s->lname == NULL || strcmp(s->lname, c->table) != 0) {
		s->ltid = ks_tid(ks, c->table);
		s->lname = s->ltid >= 0 ? ks->tab[s->ltid] :
		    arena_str(s, c->table);
		if (s->lname == NULL)
			return GOI_ENOMEM;
	}
	x->table = s->lname;
	x->tid = s->ltid;
	x->addr = ks_addr(ks, x->tid, c->row, c->col);
	if (x->addr >= 0) {
		x->row = ks->a[x->addr].r;
		x->col = ks->a[x->addr].c;
	} else if ((x->row = arena_str(s, c->row)) == NULL ||
	    (x->col = arena_str(s, c->col)) == NULL)
		return GOI_ENOMEM;
	if ((x->value = c->value[0] ? arena_str(s, c->value) : "") == NULL ||
	    (x->raw = c->raw[0] ? arena_str(s, c->raw) : "") == NULL)
		return GOI_ENOMEM;
	x->line = c->line;
	x->k = kind_parse(c->kind);
	x->kind = kind_names[x->k];
	if (x->k == K_NUM || x->k == K_GLUED) {
		rc = goi_dec_parse(c->value, strlen(c->value), &x->d);
		if (rc < 0)
			x->bad = 1;
	}
	s->n++;
	store_note(s, x);
	return rc;
}

static size_t
hash3(const char *t, const char *r, const char *c)
{
	return hstr((hstr((hstr(2166136261u, t) ^ 1) * 16777619u, r) ^ 2) *
	    16777619u, c);
}

/* Index the cells without an address by their strings; the first of
 * duplicates wins. */
static int
store_index(store *s)
{
	size_t i, h, cap, n = 0;

	if (s->indexed)
		return 0;
	for (i = 0; i < s->n; i++)
		n += s->v[i].addr < 0;
	for (cap = 16; cap < 2 * n + 2; cap *= 2)
		;
	if (cap > s->hcap) {
		size_t *nh = realloc(s->hash, cap * sizeof(*nh));
		if (nh == NULL)
			return GOI_ENOMEM;
		s->hash = nh;
		s->hcap = cap;
	}
	memset(s->hash, 0, s->hcap * sizeof(*s->hash));
	for (i = 0; i < s->n && n > 0; i++) {
		cell *x = &s->v[i];
		if (x->addr >= 0)
			continue;
		for (h = hash3(x->table, x->row, x->col) & (s->hcap - 1);
		    s->hash[h] != 0; h = (h + 1) & (s->hcap - 1)) {
			cell *y = &s->v[s->hash[h] - 1];
			if (strcmp(x->table, y->table) == 0 &&
			    strcmp(x->row, y->row) == 0 &&
			    strcmp(x->col, y->col) == 0)
				break;
		}
		if (s->hash[h] == 0)
			s->hash[h] = i + 1;
	}
	s->indexed = 1;
	return 0;
}

static const cell *
lookup_at(const store *s, int a, const char *t, const char *r, const char *c)
{
	size_t h;

	if (a >= 0)
		return s->stamp[a] == s->gen ? &s->v[s->where[a] - 1] : NULL;
	/* Not an interned key: only cells without an address can have it. */
	if (s->hcap == 0)
		return NULL;
	for (h = hash3(t, r, c) & (s->hcap - 1); s->hash[h] != 0;
	    h = (h + 1) & (s->hcap - 1)) {
		const cell *y = &s->v[s->hash[h] - 1];
		if (strcmp(t, y->table) == 0 && strcmp(r, y->row) == 0 &&
		    strcmp(c, y->col) == 0)
			return y;
	}
	return NULL;
}

/* The first cell of (t, r, c), static strings. */
static const cell *
lookup(const store *s, const char *t, const char *r, const char *c)
{
	int tid;

	if (s == NULL || s->n == 0)
		return NULL;
	return lookup_at(s, ks_find(s->ks, t, r, c, &tid), t, r, c);
}

/* The same for strings that may be the input's. */
static const cell *
lookup_dyn(const store *s, const char *t, const char *r, const char *c)
{
	if (s == NULL || s->n == 0)
		return NULL;
	return lookup_at(s, ks_addr(s->ks, ks_tid(s->ks, t), r, c), t, r, c);
}

/* Whether s has a cell of table t (exact name, static). */
static int
has_table(const store *s, const char *t)
{
	size_t i;
	int tid;

	if (s == NULL)
		return 0;
	ks_find(s->ks, t, NULL, NULL, &tid);
	if (tid >= 0)
		return s->tabs >> tid & 1;
	for (i = 0; i < s->n && s->other; i++)
		if (s->v[i].tid < 0 && strcmp(s->v[i].table, t) == 0)
			return 1;
	return 0;
}

/* "art20_*" matches every table of that prefix. */
static int
table_match(const char *pat, const char *t)
{
	size_t n = strlen(pat);

	if (n > 0 && pat[n - 1] == '*')
		return strncmp(pat, t, n - 1) == 0;
	return strcmp(pat, t) == 0;
}

/* The tids whose table matches pat. */
static uint32_t
tid_mask(const keyspace *ks, const char *pat)
{
	uint32_t m = 0;
	int i;

	for (i = 0; i < ks->ntab; i++)
		if (table_match(pat, ks->tab[i]))
			m |= (uint32_t)1 << i;
	return m;
}

static const cell *
first_of_table(const store *s, const char *t)
{
	size_t i;
	int tid;

	if (s == NULL)
		return NULL;
	if (t[0] != '\0' && t[strlen(t) - 1] != '*') {
		ks_find(s->ks, t, NULL, NULL, &tid);
		if (tid >= 0)
			return s->first[tid] ? &s->v[s->first[tid] - 1] : NULL;
	}
	for (i = 0; i < s->n; i++)
		if (table_match(t, s->v[i].table))
			return &s->v[i];
	return NULL;
}

/* ---- patterns: "a|^b|c$" ------------------------------------------------- */

static int
alt_match(const char *key, const char *p, size_t n)
{
	size_t kl = strlen(key);
	int pre = 0, suf = 0;

	if (n > 0 && p[0] == '^') {
		pre = 1;
		p++;
		n--;
	}
	if (n > 0 && p[n - 1] == '$') {
		suf = 1;
		n--;
	}
	if (n == 0 || n > kl)
		return 0;
	if (pre && suf)
		return n == kl && memcmp(key, p, n) == 0;
	if (pre)
		return memcmp(key, p, n) == 0;
	if (suf)
		return memcmp(key + kl - n, p, n) == 0;
	for (size_t i = 0; i + n <= kl; i++)
		if (memcmp(key + i, p, n) == 0)
			return 1;
	return 0;
}

static int
pattern_match(const char *pat, const char *key)
{
	const char *p = pat, *bar;

	if (pat == NULL || key == NULL)
		return 0;
	for (;;) {
		bar = strchr(p, '|');
		if (alt_match(key, p, bar ? (size_t)(bar - p) : strlen(p)))
			return 1;
		if (bar == NULL)
			return 0;
		p = bar + 1;
	}
}

/* ---- findings ------------------------------------------------------------ */

static const char *const status_names[] = {"pass", "fail", "warn", "na"};
enum { S_PASS, S_FAIL, S_WARN, S_NA };

static int
report(goi_check *c, const store *s, const goi_rule *r, int st,
    const char *table, const char *row, const char *col, const char *expected,
    const char *actual, long line, const char *msg)
{
	goi_finding f;
	int rc;

	c->n.evaluated++;
	switch (st) {
	case S_PASS: c->n.passed++; break;
	case S_FAIL: c->n.failed++; break;
	case S_WARN: c->n.warnings++; break;
	default: c->n.na++; break;
	}
	if (c->err < 0)
		return c->err;
	if (st == S_PASS && !(c->flags & GOI_CHECK_PASSES))
		return 0;
	f.doc = s->doc;
	f.rule = r->id;
	f.status = status_names[st];
	f.table = table;
	f.row = row;
	f.col = col;
	f.expected = expected;
	f.actual = actual;
	f.line = line;
	f.message = msg;
	if ((rc = c->emit(c->ctx, &f)) < 0)
		c->err = rc;
	return rc < 0 ? rc : 0;
}

static int
sev_status(const goi_rule *r)
{
	return r->severity == GOI_SEV_WARN ? S_WARN : S_FAIL;
}

static const char *
decstr(goi_dec d, char *buf, size_t n)
{
	goi_dec_format(d, buf, n);
	return buf;
}

static const char *
kind_word(const cell *x)
{
	if (x->bad)
		return x->k == K_NUM || x->k == K_GLUED ? "out of range" : "bad";
	switch (x->k) {
	case K_EMPTY: return "blank";
	case K_NA: return "na";
	case K_TEXT: return "not a number";
	case K_GLUED: return "glued";
	}
	return "a number";
}

/* ---- identities ------------------------------------------------------------ */

/* How a message names a cell: pre a [/ b]; formatted only when needed. */
typedef struct {
	const char *pre, *a, *b;
} label;

/* One side of an identity while it is summed. */
typedef struct {
	goi_dec sum;
	int absent;		/* a term has no cell */
	int skip;		/* a table is absent: not evaluated */
	int unusable;		/* blank, na, text or bad */
	int glued;
	int overflow;
	const cell *first;	/* first cell found */
	const cell *anchor;	/* cell of the first term */
	int why;		/* the first reason for na, said by why() */
	label wl;
	const char *wwhat, *wraw;
	char wbuf[400];		/* not cleared (SIDE_CLEAR) */
} side;

#define SIDE_CLEAR(sd) memset((sd), 0, offsetof(side, wbuf))

typedef struct {
	const goi_ident *id;
	const char *each;
	int dyn;		/* each is a key of the input, not static */
	const store *self, *last;
} ictx;

static void
note(side *sd, const label *lb, const char *what, const char *raw)
{
	if (!sd->why) {
		sd->why = 1;
		sd->wl = *lb;
		sd->wwhat = what;
		sd->wraw = raw;
	}
}

/* The first reason for na noted, "" if none. */
static const char *
why(side *sd)
{
	const label *lb = &sd->wl;
	const char *raw = sd->wraw;

	if (!sd->why)
		return "";
	snprintf(sd->wbuf, sizeof(sd->wbuf), "%s%s%s%s is %s%s%s%s",
	    lb->pre, lb->a, lb->b ? "/" : "", lb->b ? lb->b : "", sd->wwhat,
	    raw ? " (" : "", raw ? raw : "", raw ? ")" : "");
	return sd->wbuf;
}

static void
take(side *sd, const cell *x, int neg, const label *lb, int *first)
{
	goi_dec d;

	if (sd->first == NULL)
		sd->first = x;
	if (*first) {
		sd->anchor = x;
		*first = 0;
	}
	if (x->bad || x->k == K_EMPTY || x->k == K_NA || x->k == K_TEXT) {
		sd->unusable = 1;
		note(sd, lb, kind_word(x), NULL);
		return;
	}
	if (x->k == K_GLUED) {
		sd->glued = 1;
		note(sd, lb, "a glued reading", x->raw);
	}
	d = x->d;
	if (neg) {
		if (d.m == INT64_MIN) {
			sd->overflow = 1;
			return;
		}
		d.m = -d.m;
	}
	if (goi_dec_add(&sd->sum, d) < 0)
		sd->overflow = 1;
}

/* Resolve and add one term. */
static void
term(const ictx *ix, side *sd, const char *t, int *first)
{
	const store *s = ix->self;
	const keyspace *ks = s->ks;
	const char *table = ix->id->table, *row, *col;
	label lb;
	int neg = 0, found = 0, dyn = 0, tid;
	size_t i, rl;

	if (*t == '-') {
		neg = 1;
		t++;
	}
	if (*t == '<') {
		s = ix->last;
		t++;
	}
	if (ix->id->axis == GOI_EACH_NONE || strchr(t, '/') != NULL) {
		/* table/row[/col], parsed when the checker was made */
		for (i = 0; i < ks->nfull && ks->full[i].term != t; i++)
			;
		if (i == ks->nfull) {
			sd->skip = 1;	/* cannot happen */
			return;
		}
		table = ks->full[i].t;
		row = ks->full[i].r;
		col = ks->full[i].c;
	} else if (ix->id->axis == GOI_EACH_COL) {
		row = t;
		col = ix->each;
		dyn = ix->dyn;
	} else {
		row = ix->each;
		col = t;
		dyn = ix->dyn;
	}
	/* The term as a message names it: the each key is said before. */
	lb.pre = s == ix->last ? "last year's " : "";
	lb.a = ix->id->axis == GOI_EACH_NONE ? table : t;
	lb.b = ix->id->axis == GOI_EACH_NONE ? row : NULL;
	if (!has_table(s, table)) {
		sd->skip = 1;
		return;
	}
	ks_find(s->ks, table, NULL, NULL, &tid);
	rl = strlen(row);
	if (rl > 0 && row[rl - 1] == '*') {
		for (i = 0; i < s->n; i++) {
			const cell *x = &s->v[i];
			if ((tid >= 0 ? x->tid == tid :
			    strcmp(x->table, table) == 0) &&
			    strcmp(x->col, col) == 0 &&
			    strncmp(x->row, row, rl - 1) == 0) {
				label rl1 = {lb.pre, table, x->row};
				take(sd, x, neg, &rl1, first);
				found = 1;
			}
		}
	} else if (row[0] == '~') {
		for (i = 0; i < s->n && !found; i++) {
			const cell *x = &s->v[i];
			if ((tid >= 0 ? x->tid == tid :
			    strcmp(x->table, table) == 0) &&
			    strcmp(x->col, col) == 0 &&
			    pattern_match(row + 1, x->row)) {
				label rl1 = {lb.pre, x->row, NULL};
				take(sd, x, neg, &rl1, first);
				found = 1;
			}
		}
	} else {
		const cell *x = dyn ? lookup_dyn(s, table, row, col) :
		    lookup(s, table, row, col);
		if (x != NULL) {
			take(sd, x, neg, &lb, first);
			found = 1;
		}
	}
	if (!found) {
		sd->absent = 1;
		note(sd, &lb, "missing", NULL);
		*first = 0;
	}
}

static void
side_sum(const ictx *ix, side *sd, const char *const *terms)
{
	int first = 1;

	SIDE_CLEAR(sd);
	for (; *terms != NULL; terms++)
		term(ix, sd, *terms, &first);
}

static int
ident_instance(goi_check *c, const goi_rule *r, const ictx *ix)
{
	const goi_ident *id = ix->id;
	side L, R;
	char eb[64], ab[64], msg[512], ex[72];
	const char *pre = ix->each ? ix->each : "", *sep = ix->each ? ": " : "";
	const cell *anchor;
	const char *row, *col, *table;
	long line;
	int st, cmp;

	side_sum(ix, &L, id->lhs);
	side_sum(ix, &R, id->rhs);
	/* Nothing of it in the document: doc.tables counts what is missing. */
	if (L.skip || R.skip || (L.first == NULL && R.first == NULL))
		return 0;
	if ((id->optional & GOI_OPT_LHS) && (L.anchor == NULL))
		return 0;
	if ((id->optional & GOI_OPT_ANY) && (L.absent || R.absent))
		return 0;
	anchor = L.anchor ? L.anchor : L.first ? L.first : R.first;
	line = anchor ? anchor->line : 0;
	if (anchor != NULL) {
		table = anchor->table;
		row = anchor->row;
		col = anchor->col;
	} else {
		table = id->table;
		row = id->axis == GOI_EACH_ROW ? ix->each : id->lhs[0];
		col = id->axis == GOI_EACH_ROW ? id->lhs[0] : ix->each;
	}
	/* A pass nobody prints needs no text. */
	if (!(c->flags & GOI_CHECK_PASSES) && !(L.absent || L.unusable ||
	    R.absent || R.unusable || L.overflow || R.overflow || L.glued ||
	    R.glued) && ((cmp = goi_dec_cmp(L.sum, R.sum)) == 0 ||
	    (id->op == GOI_OP_LE && cmp < 0)))
		return report(c, ix->self, r, S_PASS, table, row, col, "", "",
		    line, "");
	eb[0] = ab[0] = '\0';
	if (!(R.absent || R.unusable || R.overflow))
		decstr(R.sum, eb, sizeof(eb));
	if (!(L.absent || L.unusable || L.overflow))
		decstr(L.sum, ab, sizeof(ab));
	snprintf(ex, sizeof(ex), "%s%s", id->op == GOI_OP_LE && eb[0] ? "<=" :
	    "", eb);
	if (L.absent || L.unusable || R.absent || R.unusable) {
		snprintf(msg, sizeof(msg), "%s%s%s", pre, sep,
		    L.why ? why(&L) : why(&R));
		return report(c, ix->self, r, S_NA, table, row, col, ex, ab,
		    line, msg);
	}
	if (L.overflow || R.overflow) {
		snprintf(msg, sizeof(msg), "%s%ssum out of range", pre, sep);
		return report(c, ix->self, r, S_NA, table, row, col, ex, ab,
		    line, msg);
	}
	if (L.glued || R.glued) {
		snprintf(msg, sizeof(msg), "%s%s%s: proves nothing", pre, sep,
		    L.why ? why(&L) : why(&R));
		return report(c, ix->self, r, S_NA, table, row, col, ex, ab,
		    line, msg);
	}
	cmp = goi_dec_cmp(L.sum, R.sum);
	/* A pass nobody prints needs no message. */
	if (!(c->flags & GOI_CHECK_PASSES) && (cmp == 0 ||
	    (id->op == GOI_OP_LE && cmp < 0)))
		return report(c, ix->self, r, S_PASS, table, row, col, ex, ab,
		    line, "");
	switch (id->op) {
	case GOI_OP_LE:
		st = cmp <= 0 ? S_PASS : sev_status(r);
		snprintf(msg, sizeof(msg), "%s%s%s %s %s %s", pre, sep,
		    id->lhs_name, ab, cmp <= 0 ? "<=" : ">", eb);
		snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), " (%s)",
		    id->rhs_name);
		break;
	case GOI_OP_PARTS:
		st = cmp == 0 ? S_PASS : cmp > 0 ? S_WARN : sev_status(r);
		snprintf(msg, sizeof(msg), "%s%s%s %s, %s %s%s", pre, sep,
		    id->lhs_name, ab, id->rhs_name, eb, cmp > 0 ?
		    " (parts may be partial)" : "");
		break;
	default:
		st = cmp == 0 ? S_PASS : sev_status(r);
		snprintf(msg, sizeof(msg), "%s%s%s %s, %s %s", pre, sep,
		    id->lhs_name, ab, id->rhs_name, eb);
		break;
	}
	return report(c, ix->self, r, st, table, row, col, ex, ab, line, msg);
}

/*
 * The keys an identity runs over in store s.  Returns 0 with static keys
 * (its own each, the schema's, kept for the next document), 1 with the
 * keys of the document (to be freed), or <0.
 */
static int
each_keys(const goi_ident *id, const store *s, const char ***out,
    size_t *n)
{
	keyspace *ks = s->ks;
	const goi_schema_table *t;
	const char **v;
	size_t i, j, k = 0;
	int fmt, tid;

	*out = NULL;
	*n = 0;
	if (id->each != NULL) {
		for (; id->each[*n] != NULL; (*n)++)
			;
		*out = (const char **)id->each;
		return 0;
	}
	fmt = s->format == GOI_FMT_OLD ? GOI_FMT_NONE : s->format;
	for (i = 0; i < ks->neach; i++)
		if (ks->each[i].id == id && ks->each[i].fmt == fmt)
			break;
	if (i == ks->neach) {
		keach *ne = realloc(ks->each, (i + 1) * sizeof(*ne));
		if (ne == NULL)
			return GOI_ENOMEM;
		ks->each = ne;
		ne[i].id = id;
		ne[i].fmt = fmt;
		ne[i].keys = NULL;
		ne[i].n = 0;
		if ((t = goi_schema_table_find(fmt, id->table)) != NULL) {
			int m = id->axis == GOI_EACH_COL ? t->ncols : t->nrows;
			if ((v = malloc((size_t)m * sizeof(*v) + 1)) == NULL)
				return GOI_ENOMEM;
			for (j = 0; j < (size_t)m; j++)
				v[j] = id->axis == GOI_EACH_COL ?
				    t->cols[j].key : t->rows[j].key;
			ne[i].keys = v;
			ne[i].n = (size_t)m;
		}
		ks->neach++;
	}
	if (ks->each[i].keys != NULL) {
		*out = ks->each[i].keys;
		*n = ks->each[i].n;
		return 0;
	}
	/* Not in the schema: the keys present, in order, each once. */
	if ((v = malloc(s->n * sizeof(*v) + 1)) == NULL)
		return GOI_ENOMEM;
	ks_find(ks, id->table, NULL, NULL, &tid);
	for (i = 0; i < s->n; i++) {
		const char *key;
		if (tid >= 0 ? s->v[i].tid != tid :
		    strcmp(s->v[i].table, id->table) != 0)
			continue;
		key = id->axis == GOI_EACH_COL ? s->v[i].col : s->v[i].row;
		for (j = 0; j < k; j++)
			if (strcmp(v[j], key) == 0)
				break;
		if (j == k)
			v[k++] = key;
	}
	*out = v;
	*n = k;
	return 1;
}

static int
ident_rule(goi_check *c, const goi_rule *r, const store *self,
    const store *last)
{
	const goi_ident *id;
	const char **keys;
	size_t i, n;
	int rc, own;

	for (id = r->ident; id->lhs != NULL; id++) {
		ictx ix = {id, NULL, 0, self, last};
		if (!(id->formats & self->format))
			continue;
		if (last != NULL && !(id->formats & last->format))
			continue;
		if (id->axis == GOI_EACH_NONE) {
			if ((rc = ident_instance(c, r, &ix)) < 0)
				return rc;
			continue;
		}
		if ((own = each_keys(id, self, &keys, &n)) < 0)
			return own;
		rc = 0;
		ix.dyn = own;
		for (i = 0; i < n && rc >= 0; i++) {
			ix.each = keys[i];
			rc = ident_instance(c, r, &ix);
		}
		if (own)
			free(keys);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* ---- ranges ------------------------------------------------------------------ */

static int
in_list(const char *const *list, const char *key)
{
	if (list == NULL)
		return 1;
	for (; *list != NULL; list++)
		if (strcmp(*list, key) == 0)
			return 1;
	return 0;
}

static int
range_rule(goi_check *c, const goi_rule *r, const store *s)
{
	static const char *const want[] = {"non-negative integer", "integer",
		"non-negative number"};
	const goi_range *g;
	size_t i;
	int rc;

	for (g = r->range; g->table != NULL; g++) {
		uint32_t tids = tid_mask(s->ks, g->table);
		for (i = 0; i < s->n; i++) {
			const cell *x = &s->v[i];
			int st = S_PASS;
			const char *msg = "ok";
			if ((x->tid >= 0 ? !(tids >> x->tid & 1) :
			    !table_match(g->table, x->table)) ||
			    !in_list(g->cols, x->col) ||
			    x->k == K_EMPTY || x->k == K_NA)
				continue;
			if (x->k == K_TEXT) {
				st = sev_status(r);
				msg = "not a number";
			} else if (x->bad) {
				st = S_NA;
				msg = "value out of range";
			} else if (g->kind != GOI_RANGE_SIGNED && x->d.m < 0) {
				st = sev_status(r);
				msg = "negative";
			} else if (g->kind != GOI_RANGE_AMOUNT &&
			    x->d.scale != 0) {
				st = sev_status(r);
				msg = "not an integer";
			}
			rc = report(c, s, r, st, x->table, x->row, x->col,
			    want[g->kind], x->k == K_TEXT ? x->raw : x->value,
			    x->line, msg);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

/* ---- the old statistics table ------------------------------------------------ */

typedef struct {
	const char *row;
	const cell *col[2];	/* value, cumulative */
} srow;

static const char *const stat_cols[2] = {"value", "cumulative"};

static int
stat_check(goi_check *c, const goi_rule *r, const store *s,
    const goi_statrel *rel, const srow *parent, const srow *kids, size_t nk)
{
	char eb[64], ab[64], ex[72], msg[512];
	label pl = {"", parent->row, NULL};
	size_t i, j;
	int rc, k;

	for (k = 0; k < 2; k++) {
		int any = parent->col[k] != NULL;
		for (i = 0; i < nk; i++)
			any |= kids[i].col[k] != NULL;
		if (!any)
			continue;
		if (rel->op == GOI_OP_EQ) {
			side L, R;
			int f1 = 1, f2 = 1, st;
			const cell *a;
			SIDE_CLEAR(&L);
			SIDE_CLEAR(&R);
			if (parent->col[k] != NULL)
				take(&L, parent->col[k], 0, &pl, &f1);
			else {
				L.absent = 1;
				note(&L, &pl, "missing", NULL);
			}
			for (i = 0; i < nk; i++) {
				label kl = {"", kids[i].row, NULL};
				if (kids[i].col[k] != NULL)
					take(&R, kids[i].col[k], 0, &kl, &f2);
				else {
					R.absent = 1;
					note(&R, &kl, "missing", NULL);
				}
			}
			a = parent->col[k] ? parent->col[k] : R.first;
			eb[0] = ab[0] = '\0';
			if (!(R.absent || R.unusable || R.overflow))
				decstr(R.sum, eb, sizeof(eb));
			if (!(L.absent || L.unusable || L.overflow))
				decstr(L.sum, ab, sizeof(ab));
			if (L.absent || L.unusable || R.absent || R.unusable ||
			    L.overflow || R.overflow || L.glued || R.glued) {
				st = S_NA;
				snprintf(msg, sizeof(msg), "%s: %s", rel->name,
				    L.why ? why(&L) : R.why ? why(&R) :
				    "sum out of range");
			} else {
				st = goi_dec_cmp(L.sum, R.sum) == 0 ? S_PASS :
				    sev_status(r);
				snprintf(msg, sizeof(msg), "%s: %s %s, ", rel->name,
				    parent->row, ab);
				for (i = 0; i < nk; i++)
					snprintf(msg + strlen(msg), sizeof(msg) -
					    strlen(msg), "%s%s", i ? " + " : "",
					    kids[i].row);
				snprintf(msg + strlen(msg), sizeof(msg) -
				    strlen(msg), " %s", eb);
			}
			rc = report(c, s, r, st, "stats", parent->row,
			    stat_cols[k], eb, ab, a ? a->line : 0, msg);
			if (rc < 0)
				return rc;
			continue;
		}
		for (j = 0; j < nk; j++) {
			side L, R;
			int f1 = 1, f2 = 1, st;
			if (kids[j].col[k] == NULL)
				continue;
			SIDE_CLEAR(&L);
			SIDE_CLEAR(&R);
			label kl = {"", kids[j].row, NULL};
			take(&L, kids[j].col[k], 0, &kl, &f1);
			if (parent->col[k] != NULL)
				take(&R, parent->col[k], 0, &pl, &f2);
			else {
				R.absent = 1;
				note(&R, &pl, "missing", NULL);
			}
			eb[0] = ab[0] = '\0';
			if (!(R.absent || R.unusable))
				decstr(R.sum, eb, sizeof(eb));
			if (!L.unusable)
				decstr(L.sum, ab, sizeof(ab));
			snprintf(ex, sizeof(ex), "%s%s", eb[0] ? "<=" : "", eb);
			if (L.unusable || R.absent || R.unusable || L.glued ||
			    R.glued) {
				st = S_NA;
				snprintf(msg, sizeof(msg), "%s: %s", rel->name,
				    L.why ? why(&L) : why(&R));
			} else {
				int cmp = goi_dec_cmp(L.sum, R.sum);
				st = cmp <= 0 ? S_PASS : sev_status(r);
				snprintf(msg, sizeof(msg), "%s: %s %s %s %s %s",
				    rel->name, kids[j].row, ab, cmp <= 0 ?
				    "<=" : ">", parent->row, eb);
			}
			rc = report(c, s, r, st, "stats", kids[j].row,
			    stat_cols[k], ex, ab, kids[j].col[k]->line, msg);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

static int
stats_rule(goi_check *c, const goi_rule *r, const store *s)
{
	const goi_statrel *rel;
	srow *rows = NULL, *kids = NULL;
	size_t i, j, n = 0, nk;
	int rc = 0;

	/* The rows of the table in order; consecutive cells of a row merge. */
	for (i = 0; i < s->n; i++)
		if (s->v[i].tid == s->ks->stats)
			n++;
	if (n == 0)
		return 0;
	if ((rows = calloc(n, sizeof(*rows))) == NULL ||
	    (kids = calloc(n, sizeof(*kids))) == NULL) {
		free(rows);
		return GOI_ENOMEM;
	}
	n = 0;
	for (i = 0; i < s->n; i++) {
		const cell *x = &s->v[i];
		int k;
		if (x->tid != s->ks->stats)
			continue;
		k = strcmp(x->col, "value") == 0 ? 0 :
		    strcmp(x->col, "cumulative") == 0 ? 1 : -1;
		if (k < 0)
			continue;
		if (n == 0 || strcmp(rows[n - 1].row, x->row) != 0 ||
		    rows[n - 1].col[k] != NULL) {
			rows[n].row = x->row;
			rows[n].col[0] = rows[n].col[1] = NULL;
			n++;
		}
		rows[n - 1].col[k] = x;
	}
	for (rel = r->stats; rel->name != NULL && rc >= 0; rel++)
		for (i = 0; i < n && rc >= 0; i++) {
			if (!pattern_match(rel->parent, rows[i].row))
				continue;
			nk = 0;
			for (j = i + 1; j < n; j++) {
				if (pattern_match(rel->stop, rows[j].row) ||
				    pattern_match(rel->parent, rows[j].row))
					break;
				if (pattern_match(rel->children, rows[j].row))
					kids[nk++] = rows[j];
			}
			if (nk > 0)
				rc = stat_check(c, r, s, rel, &rows[i], kids,
				    nk);
		}
	free(rows);
	free(kids);
	return rc;
}

/* ---- the document ------------------------------------------------------------ */

static const cell *
fact(const store *s, const char *row)
{
	return lookup(s, "doc", row, "value");
}

static const char *
fact_text(const store *s, const char *row)
{
	const cell *x = fact(s, row);

	return x != NULL && x->k != K_EMPTY && x->k != K_NA ? x->value : NULL;
}

static int
is_date(const char *d)
{
	int i;

	if (d == NULL || strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return 0;
	return 1;
}

static long
fact_line(const store *s, const char *a, const char *b)
{
	const cell *x = fact(s, a);

	if (x == NULL && b != NULL)
		x = fact(s, b);
	return x ? x->line : 0;
}

static int
doc_period(goi_check *c, const goi_rule *r, const store *s)
{
	const char *from = fact_text(s, "period_from");
	const char *to = fact_text(s, "period_to");
	const char *as = fact_text(s, "period");
	char ex[40], ac[40], lo[16], hi[16], msg[300];
	long line = fact_line(s, "period", "period_from");
	int ok;

	if (s->year <= 0)
		return report(c, s, r, S_NA, "doc", "period", "value", "", "",
		    line, "report year unknown");
	snprintf(lo, sizeof(lo), "%04d-01-01", s->year % 10000);
	snprintf(hi, sizeof(hi), "%04d-12-31", s->year % 10000);
	snprintf(ex, sizeof(ex), "%s..%s", lo, hi);
	if (!is_date(from) || !is_date(to)) {
		snprintf(msg, sizeof(msg), as ? "统计期限 not understood: %s" :
		    "no 统计期限 stated", as ? as : "");
		return report(c, s, r, S_NA, "doc", "period", "value", ex, "",
		    line, msg);
	}
	snprintf(ac, sizeof(ac), "%s..%s", from, to);
	ok = strcmp(from, lo) >= 0 && strcmp(to, hi) <= 0 &&
	    strcmp(from, to) <= 0;
	snprintf(msg, sizeof(msg), "统计期限 %s..%s %s the report year %d%s%s",
	    from, to, ok ? "lies in" : "is not inside", s->year,
	    as ? ": " : "", as ? as : "");
	return report(c, s, r, ok ? S_PASS : sev_status(r), "doc", "period",
	    "value", ex, ac, line, msg);
}

static int
organ_level(const goi_rule *r, const char *organ)
{
	const goi_organ_level *l;

	for (l = r->levels; l != NULL && l->pattern != NULL; l++)
		if (pattern_match(l->pattern, organ))
			return l->level;
	return GOI_ORGAN_DEPT;
}

static int
doc_deadline(goi_check *c, const goi_rule *r, const store *s)
{
	static const char *const lvname[] = {"", "本级政府", "department", "",
		"town"};
	const char *date = fact_text(s, "published"), *what = "published";
	const char *row = "published";
	const goi_deadline *d;
	char organ[256], dl[16], msg[400], ex[24];
	long line;
	int lv;

	if (!is_date(date)) {
		date = fact_text(s, "signed");
		what = "signed";
		row = "signed";
	}
	line = fact_line(s, row, NULL);
	if (s->year <= 0 || !is_date(date))
		return report(c, s, r, S_NA, "doc", row, "value", "", "",
		    line, s->year <= 0 ? "report year unknown" :
		    "no publication or signature date");
	/* The organ as the facts name it, else the title before the year. */
	snprintf(organ, sizeof(organ), "%s", s->organ ? s->organ : "");
	if (organ[0] == '\0') {
		const char *t = fact_text(s, "title");
		size_t k = 0;
		while (t != NULL && t[k] != '\0' && (t[k] < '0' || t[k] > '9') &&
		    k < sizeof(organ) - 1)
			k++;
		if (t != NULL)
			memcpy(organ, t, k);
		organ[k] = '\0';
	}
	lv = organ_level(r, organ);
	for (d = r->deadlines; d != NULL && d->from != 0; d++)
		if (s->year >= d->from && s->year <= d->to && (d->levels & lv))
			break;
	if (d == NULL || d->from == 0)
		return 0;
	snprintf(dl, sizeof(dl), "%04d-%.5s", (s->year + 1) % 10000, d->date);
	snprintf(ex, sizeof(ex), "<=%s", dl);
	snprintf(msg, sizeof(msg), "%s %s, deadline %s (%s%s%s)", what, date,
	    dl, lvname[lv], organ[0] ? ": " : "", organ);
	return report(c, s, r, strcmp(date, dl) <= 0 ? S_PASS : sev_status(r),
	    "doc", row, "value", ex, date, line, msg);
}

static int
has_word(const char *list, const char *w, size_t n)
{
	const char *p = list;

	while (p != NULL && *p != '\0') {
		size_t k;
		while (*p == ' ')
			p++;
		k = strcspn(p, " ");
		if (k == n && memcmp(p, w, n) == 0)
			return 1;
		p += k;
	}
	return 0;
}

static int
doc_parts(goi_check *c, const goi_rule *r, const store *s)
{
	const char *secs = fact_text(s, "sections"), *p = r->arg;
	char missing[256] = "", msg[300];
	long line = fact_line(s, "sections", NULL);

	if (secs == NULL)
		return report(c, s, r, S_NA, "doc", "sections", "value", r->arg,
		    "", line, "sections unknown");
	while (*p != '\0') {
		size_t k = strcspn(p, " ");
		if (!has_word(secs, p, k))
			snprintf(missing + strlen(missing), sizeof(missing) -
			    strlen(missing), "%s%.*s", missing[0] ? " " : "",
			    (int)k, p);
		p += k;
		while (*p == ' ')
			p++;
	}
	snprintf(msg, sizeof(msg), missing[0] ? "missing: %s" : "all present%s",
	    missing);
	return report(c, s, r, missing[0] ? sev_status(r) : S_PASS, "doc",
	    "sections", "value", r->arg, secs, line, msg);
}

static int
doc_problems(goi_check *c, const goi_rule *r, const store *s)
{
	const cell *x = fact(s, "problems_chars");
	const char *secs = fact_text(s, "sections");
	char ex[32], ac[32], msg[200];
	long min = strtol(r->arg, NULL, 10);

	snprintf(ex, sizeof(ex), ">=%ld", min);
	if (x == NULL && secs != NULL && !has_word(secs, "problems", 8))
		return 0;	/* no part 五 at all: doc.parts says so */
	if (x == NULL || x->k != K_NUM || x->bad)
		return report(c, s, r, S_NA, "doc", "problems_chars", "value",
		    ex, x ? x->value : "", x ? x->line : 0,
		    "length of part 五 unknown");
	decstr(x->d, ac, sizeof(ac));
	snprintf(msg, sizeof(msg), "part 五 has %s characters", ac);
	return report(c, s, r, goi_dec_cmp(x->d, (goi_dec){min, 0}) >= 0 ?
	    S_PASS : sev_status(r), "doc", "problems_chars", "value", ex, ac,
	    x->line, msg);
}

static int
doc_tables(goi_check *c, const goi_rule *r, const store *s)
{
	const goi_schema_table *t;
	char ex[32], ac[32], msg[300];
	int nt, i, rc;

	if (s->format == GOI_FMT_OLD || s->format == GOI_FMT_NONE) {
		const cell *x = first_of_table(s, "stats");
		const char *what = s->format == GOI_FMT_OLD ||
		    (s->year > 0 && s->year < 2019) ? "statistics table" :
		    "2019/2021 tables";
		if (s->year <= 0 && s->format == GOI_FMT_NONE)
			return report(c, s, r, S_NA, "", "", "", "", "",
			    0, "no table and no report year");
		snprintf(msg, sizeof(msg), x ? "%s present" : "no %s found",
		    what);
		return report(c, s, r, x ? S_PASS : sev_status(r),
		    x ? "stats" : "", "", "", "", "", x ? x->line : 0, msg);
	}
	t = goi_schema_tables(s->format, &nt);
	for (i = 0; i < nt; i++) {
		long expected = (long)t[i].nrows * t[i].ncols, filled = 0;
		long blank = 0, missing = 0;
		const cell *first = first_of_table(s, t[i].key);
		int a, b;
		for (a = 0; a < t[i].nrows; a++)
			for (b = 0; b < t[i].ncols; b++) {
				const cell *x = lookup(s, t[i].key,
				    t[i].rows[a].key, t[i].cols[b].key);
				if (x == NULL)
					missing++;
				else if (x->k == K_EMPTY)
					blank++;
				else
					filled++;
			}
		snprintf(ex, sizeof(ex), "%ld", expected);
		snprintf(ac, sizeof(ac), "%ld", filled);
		if (first == NULL)
			snprintf(msg, sizeof(msg), "table %s missing",
			    t[i].key);
		else
			snprintf(msg, sizeof(msg),
			    "%ld of %ld cells filled, %ld blank, %ld missing",
			    filled, expected, blank, missing);
		rc = report(c, s, r, filled == expected ? S_PASS :
		    sev_status(r), t[i].key, "", "", ex, ac,
		    first ? first->line : 0, msg);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int (*const doc_checks[])(goi_check *, const goi_rule *,
    const store *) = {
	[GOI_DOC_PERIOD] = doc_period,
	[GOI_DOC_DEADLINE] = doc_deadline,
	[GOI_DOC_PARTS] = doc_parts,
	[GOI_DOC_PROBLEMS] = doc_problems,
	[GOI_DOC_TABLES] = doc_tables,
};

/* ---- documents ---------------------------------------------------------------- */

/* The format the cells say, else the one their keys imply. */
static int
doc_format(const store *s)
{
	size_t i;
	int f;

	if (s->formatcol != NULL && (f = goi_format_parse(s->formatcol)) > 0)
		return f;
	for (i = 0; i < s->n; i++) {
		const cell *x = &s->v[i];
		if (strcmp(x->table, "stats") == 0)
			return GOI_FMT_OLD;
		if (strcmp(x->table, "requests") == 0 &&
		    strncmp(x->row, "other.", 6) == 0)
			return GOI_FMT_2021;
		if (strcmp(x->table, "art20_1") == 0)
			return strcmp(x->col, "made") == 0 ||
			    strcmp(x->col, "published") == 0 ||
			    strcmp(x->col, "total_public") == 0 ?
			    GOI_FMT_2019 : GOI_FMT_2021;
		if (strcmp(x->table, "art20_9") == 0 ||
		    (strcmp(x->table, "requests") == 0 &&
		    strcmp(x->row, "other") == 0))
			return GOI_FMT_2019;
	}
	return GOI_FMT_NONE;
}

static int
year_of(const char *s)
{
	char *end;
	long y;

	if (s == NULL || *s == '\0')
		return 0;
	y = strtol(s, &end, 10);
	return *end == '\0' && y > 0 && y < 10000 ? (int)y : 0;
}

/* ---- records for the rules across reports --------------------------------- */

enum { XR_EMPTY = 'E', XR_CELLS = 'R' };

static uint64_t
zz(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t
unzz(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/* Kept findings by their report's place in the input, then their own. */
static int
found_cmp(const void *x, size_t xn, const void *y, size_t yn, void *ctx)
{
	uint64_t a[2], b[2];

	(void)xn;
	(void)yn;
	(void)ctx;
	memcpy(a, x, 16);
	memcpy(b, y, 16);
	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return (a[1] > b[1]) - (a[1] < b[1]);
}

static const char *
rec_organ(const unsigned char *r)
{
	return (const char *)r + XHEAD;
}

static int
rec_year(const unsigned char *r)
{
	uint32_t y;

	memcpy(&y, r, 4);
	return (int)y;
}

static uint64_t
rec_seq(const unsigned char *r)
{
	uint64_t q;

	memcpy(&q, r + 4, 8);
	return q;
}

/* Records by organ, then year, then input order. */
static int
rec_cmp(const void *x, size_t xn, const void *y, size_t yn, void *ctx)
{
	const unsigned char *a = x, *b = y;
	int c, ya, yb;
	uint64_t qa, qb;

	(void)xn;
	(void)yn;
	(void)ctx;
	if ((c = strcmp(rec_organ(a), rec_organ(b))) != 0)
		return c;
	ya = rec_year(a);
	yb = rec_year(b);
	if (ya != yb)
		return ya < yb ? -1 : 1;
	qa = rec_seq(a);
	qb = rec_seq(b);
	return (qa > qb) - (qa < qb);
}

/* The slots and the tables the enabled cross rules name. */
static int
xslots_init(goi_check *c)
{
	static const int fmts[] = {GOI_FMT_2019, GOI_FMT_2021};
	int ri, f, i, j, k, nk, tab;

	for (ri = 0; ri < c->nrules; ri++) {
		const goi_ident *id;
		if (!c->on[ri] || c->rules[ri].type != GOI_RULE_CROSS)
			continue;
		for (id = c->rules[ri].ident; id->lhs != NULL; id++) {
			const char *const *sides[2] = {id->lhs, id->rhs};
			for (tab = 0; tab < c->nxtab; tab++)
				if (strcmp(c->xtab[tab], id->table) == 0)
					break;
			if (tab == XMAXTABLES)
				return GOI_EINVAL;
			if (tab == c->nxtab)
				c->xtab[c->nxtab++] = id->table;
			/*
			 * The terms are keys of the rule's table (no
			 * table/row/col addresses, no patterns), each
			 * names schema keys: check.c's cross rules.
			 */
			for (k = 0; k < 2; k++)
				for (i = 0; sides[k][i] != NULL; i++) {
					xkeep *nv = realloc(c->keep,
					    (size_t)(c->nkeep + 1) *
					    sizeof(*nv));
					if (nv == NULL)
						return GOI_ENOMEM;
					c->keep = nv;
					nv[c->nkeep].tab = tab;
					nv[c->nkeep].byrow =
					    id->axis == GOI_EACH_COL;
					nv[c->nkeep].key = sides[k][i] +
					    strspn(sides[k][i], "-<");
					c->nkeep++;
				}
			for (f = 0; f < 2; f++) {
				const goi_schema_table *t;
				const char *const *each = id->each;
				if (!(id->formats & fmts[f]))
					continue;
				t = goi_schema_table_find(fmts[f], id->table);
				nk = each ? 0 : t == NULL ? 0 :
				    id->axis == GOI_EACH_COL ? t->ncols :
				    t->nrows;
				if (each)
					while (each[nk] != NULL)
						nk++;
				for (j = 0; j < nk; j++) {
					const char *e = each ? each[j] :
					    id->axis == GOI_EACH_COL ?
					    t->cols[j].key : t->rows[j].key;
					for (k = 0; k < c->nkeep; k++) {
						const xkeep *kp = &c->keep[k];
						const char *row, *col;
						int s;
						if (kp->tab != tab)
							continue;
						row = kp->byrow ? kp->key : e;
						col = kp->byrow ? e : kp->key;
						for (s = 0; s < c->nslots; s++)
							if (c->slot[s].tab == tab &&
							    strcmp(c->slot[s].row,
							    row) == 0 &&
							    strcmp(c->slot[s].col,
							    col) == 0)
								break;
						if (s < c->nslots)
							continue;
						if (s == XMAXSLOTS)
							return GOI_EINVAL;
						c->slot[s].row = row;
						c->slot[s].col = col;
						c->slot[s].tab = tab;
						c->nslots++;
					}
				}
			}
		}
	}
	return 0;
}

static int
xbuf_room(goi_check *c, size_t need)
{
	unsigned char *nb;
	size_t cap;

	if (need <= c->xcap)
		return 0;
	for (cap = c->xcap ? c->xcap : 1024; cap < need; cap *= 2)
		;
	if ((nb = realloc(c->xbuf, cap)) == NULL)
		return GOI_ENOMEM;
	c->xbuf = nb;
	c->xcap = cap;
	return 0;
}

/* Value codes of a slot: the low 3 bits of its first varint. */
enum { XV_NUM, XV_GLUED, XV_EMPTY, XV_NA, XV_TEXT, XV_BAD, XV_NUMS,
	XV_GLUEDS };

/* The keep rule that takes the cell (table, row, col), else -1. */
static int
keep_find(const goi_check *c, const char *table, const char *row,
    const char *col)
{
	int k;

	for (k = 0; k < c->nkeep; k++) {
		const xkeep *kp = &c->keep[k];
		if (strcmp(kp->byrow ? row : col, kp->key) == 0 &&
		    strcmp(table, c->xtab[kp->tab]) == 0)
			return k;
	}
	return -1;
}

/* Keep what the cross rules need of the report in s. */
static int
record(goi_check *c, const store *s)
{
	const cell *got[XMAXSLOTS];
	unsigned char *p;
	uint64_t bits = 0;
	unsigned tables = 0;
	uint32_t year;
	size_t i, n, on, need;
	long line = 0;
	int k, t, first = 1;

	if (s->organ == NULL || s->organ[0] == '\0' || s->year <= 0)
		return 0;
	memset(got, 0, sizeof(got));
	for (i = 0; i < s->n; i++) {
		const cell *x = &s->v[i];
		if (x->addr >= 0) {
			/* Known when the checker was made. */
			if ((t = c->ks.xkeep[x->addr]) == 0)
				continue;
			tables |= 1u << (t - 1);
			k = c->ks.xslot[x->addr];
			if (k >= 0 && got[k] == NULL) {
				got[k] = x;
				bits |= (uint64_t)1 << k;
			}
			continue;
		}
		if (x->tid >= 0 && !(c->xtids >> x->tid & 1))
			continue;
		if ((k = keep_find(c, x->table, x->row, x->col)) < 0)
			continue;
		t = c->keep[k].tab;
		tables |= 1u << t;
		for (k = 0; k < c->nslots; k++)
			if (c->slot[k].tab == t &&
			    strcmp(x->row, c->slot[k].row) == 0 &&
			    strcmp(x->col, c->slot[k].col) == 0)
				break;
		if (k < c->nslots && got[k] == NULL) {
			got[k] = x;
			bits |= (uint64_t)1 << k;
		}
	}
	/* Room for the header, the key and each slot without its raw. */
	n = strlen(s->doc);
	on = strlen(s->organ);
	need = XHEAD + on + 1 + 3 + n + 1 + 10 + (size_t)c->nslots * 48;
	for (k = 0; k < c->nslots; k++)
		if (got[k] != NULL && got[k]->k == K_GLUED)
			need += strlen(got[k]->raw) + 11;
	if (xbuf_room(c, need) < 0)
		return GOI_ENOMEM;
	p = c->xbuf;
	year = (uint32_t)s->year;
	memcpy(p, &year, 4);
	memcpy(p + 4, &c->nrecs, 8);
	c->nrecs++;
	p += XHEAD;
	memcpy(p, s->organ, on + 1);
	p += on + 1;
	*p++ = tables ? XR_CELLS : XR_EMPTY;
	*p++ = (unsigned char)s->format;
	*p++ = (unsigned char)tables;
	if (tables) {
		memcpy(p, s->doc, n + 1);
		p += n + 1;
		p += goi_spill_putuv(p, bits);
		for (k = 0; k < c->nslots; k++) {
			const cell *x = got[k];
			uint64_t m = 0;
			int code, scale = 0;
			if (x == NULL)
				continue;
			if (x->bad)
				code = XV_BAD;
			else if (x->k == K_EMPTY)
				code = XV_EMPTY;
			else if (x->k == K_NA)
				code = XV_NA;
			else if (x->k == K_TEXT)
				code = XV_TEXT;
			else {
				m = zz(x->d.m);
				scale = x->d.scale;
				code = x->k == K_GLUED ?
				    (scale ? XV_GLUEDS : XV_GLUED) :
				    (scale ? XV_NUMS : XV_NUM);
			}
			/* The value in the same varint when it fits. */
			if (m < ((uint64_t)1 << 59))
				p += goi_spill_putuv(p, m << 4 | (uint64_t)code);
			else {
				p += goi_spill_putuv(p, 8 | (uint64_t)code);
				p += goi_spill_putuv(p, m);
			}
			if (code == XV_NUMS || code == XV_GLUEDS)
				*p++ = (unsigned char)scale;
			if (code == XV_GLUED || code == XV_GLUEDS) {
				size_t rl = strlen(x->raw);
				p += goi_spill_putuv(p, rl);
				memcpy(p, x->raw, rl + 1);
				p += rl + 1;
			}
			p += goi_spill_putuv(p, zz(first ? x->line : x->line - line));
			line = x->line;
			first = 0;
		}
	}
	if (c->xrecs == NULL && (c->xrecs = goi_spill_new(c->budget,
	    c->tmpdir, rec_cmp, NULL)) == NULL)
		return GOI_ENOMEM;
	return goi_spill_add(c->xrecs, c->xbuf, (size_t)(p - c->xbuf));
}

/*
 * A finding of the cross rules, kept to be written in input order: the
 * report's place, the finding's place, line, then the strings (a flag
 * byte for NULL, else NUL-terminated).
 */
#define FHEAD (16 + sizeof(long))
#define FNSTR 9

static int
capture(void *ctx, const goi_finding *f)
{
	goi_check *c = ctx;
	const char *z[FNSTR] = {f->doc, f->rule, f->status, f->table, f->row,
		f->col, f->expected, f->actual, f->message};
	size_t need = FHEAD, n;
	unsigned char *p;
	int i;

	for (i = 0; i < FNSTR; i++)
		need += 1 + (z[i] ? strlen(z[i]) + 1 : 0);
	if (xbuf_room(c, need) < 0)
		return GOI_ENOMEM;
	if (c->xfound == NULL && (c->xfound = goi_spill_new(c->budget / 2,
	    c->tmpdir, found_cmp, NULL)) == NULL)
		return GOI_ENOMEM;
	p = c->xbuf;
	memcpy(p, &c->xseq, 8);
	memcpy(p + 8, &c->nfound, 8);
	memcpy(p + 16, &f->line, sizeof(long));
	c->nfound++;
	p += FHEAD;
	for (i = 0; i < FNSTR; i++) {
		*p++ = z[i] != NULL;
		if (z[i] != NULL) {
			n = strlen(z[i]) + 1;
			memcpy(p, z[i], n);
			p += n;
		}
	}
	return goi_spill_add(c->xfound, c->xbuf, (size_t)(p - c->xbuf));
}

/* Write the findings kept by capture, in order, through the caller's emit. */
static int
found_emit(goi_check *c)
{
	const char *z[FNSTR];
	const unsigned char *p;
	const void *rec;
	goi_finding f;
	size_t n;
	int rc, i;

	if (c->xfound == NULL)
		return 0;
	if ((rc = goi_spill_sort(c->xfound)) < 0)
		return rc;
	while ((rc = goi_spill_next(c->xfound, &rec, &n)) > 0) {
		p = rec;
		memcpy(&f.line, p + 16, sizeof(long));
		p += FHEAD;
		for (i = 0; i < FNSTR; i++) {
			z[i] = NULL;
			if (*p++) {
				z[i] = (const char *)p;
				p += strlen(z[i]) + 1;
			}
		}
		f.doc = z[0];
		f.rule = z[1];
		f.status = z[2];
		f.table = z[3];
		f.row = z[4];
		f.col = z[5];
		f.expected = z[6];
		f.actual = z[7];
		f.message = z[8];
		if ((rc = c->emit(c->ctx, &f)) < 0)
			return c->err = rc;
	}
	return rc;
}

/* Append a cell whose strings live elsewhere. */
static int
store_put(store *s, const char *t, const char *r, const char *col, int tid,
    int addr, int k, int bad, goi_dec d, const char *raw, long line)
{
	cell *x;

	if (store_grow(s) < 0)
		return GOI_ENOMEM;
	x = &s->v[s->n++];
	x->table = t;
	x->row = r;
	x->col = col;
	x->value = "";
	x->kind = kind_names[k];
	x->raw = raw;
	x->line = line;
	x->k = k;
	x->bad = bad;
	x->d = d;
	x->tid = tid;
	x->addr = addr;
	store_note(s, x);
	return 0;
}

/* A record's type, after its organ. */
static int
rec_type(const unsigned char *r)
{
	const char *o = rec_organ(r);

	return (unsigned char)o[strlen(o) + 1];
}

/*
 * The record at r as the cells of a store (strings point into the rules,
 * the schema and the record).  key: the doc key too (the report checked).
 */
static int
record_load(goi_check *c, const unsigned char *r, store *s, int key)
{
	const unsigned char *p;
	uint64_t bits;
	unsigned tables;
	long line = 0;
	int k, t, type, first = 1, seen = 0;

	store_reset(s);
	s->organ = rec_organ(r);
	p = (const unsigned char *)s->organ + strlen(s->organ) + 1;
	s->year = rec_year(r);
	type = *p++;
	s->format = *p++;
	tables = *p++;
	if (type == XR_EMPTY)
		return 0;
	if (key)
		s->doc = (const char *)p;
	p += strlen((const char *)p) + 1;
	bits = goi_spill_getuv(&p);
	for (k = 0; k < c->nslots; k++) {
		goi_dec d = {0, 0};
		const char *raw = "";
		uint64_t v, m;
		int code, kk = K_NUM, bad = 0;
		if (!(bits & ((uint64_t)1 << k)))
			continue;
		v = goi_spill_getuv(&p);
		code = (int)(v & 7);
		m = v & 8 ? goi_spill_getuv(&p) : v >> 4;
		switch (code) {
		case XV_EMPTY: kk = K_EMPTY; break;
		case XV_NA: kk = K_NA; break;
		case XV_TEXT: kk = K_TEXT; break;
		case XV_BAD: bad = 1; break;
		default:
			kk = code == XV_GLUED || code == XV_GLUEDS ? K_GLUED :
			    K_NUM;
			d.m = unzz(m);
			if (code == XV_NUMS || code == XV_GLUEDS)
				d.scale = *p++;
			if (kk == K_GLUED) {
				size_t rl = goi_spill_getuv(&p);
				raw = (const char *)p;
				p += rl + 1;
			}
		}
		line = first ? unzz(goi_spill_getuv(&p)) : line + unzz(goi_spill_getuv(&p));
		first = 0;
		t = c->slot[k].tab;
		seen |= 1 << t;
		if (store_put(s, c->xtab[t], c->slot[k].row, c->slot[k].col,
		    c->slot[k].tid, c->slot[k].addr, kk, bad, d, raw, line) < 0)
			return GOI_ENOMEM;
	}
	/* A table whose kept cells fill no slot is still there. */
	for (t = 0; t < c->nxtab; t++)
		if ((tables & (1u << t)) && !(seen & (1 << t)) &&
		    store_put(s, c->xtab[t], "", "", ks_tid(&c->ks, c->xtab[t]),
		    -1, K_EMPTY, 0, (goi_dec){0, 0}, "", 0) < 0)
			return GOI_ENOMEM;
	return store_index(s);
}

static int
end_doc(goi_check *c)
{
	store *s = &c->cur;
	const cell *x;
	int i, rc = 0;

	if (!c->have)
		return 0;
	c->have = 0;
	c->n.docs++;
	if ((rc = store_index(s)) < 0)
		return rc;
	x = fact(s, "year");
	s->year = x && x->k == K_NUM && !x->bad && x->d.scale == 0 &&
	    x->d.m > 0 && x->d.m < 10000 ? (int)x->d.m : year_of(s->yearcol);
	s->format = doc_format(s);
	s->organ = fact_text(s, "organ");
	for (i = 0; i < c->nrules && rc >= 0; i++) {
		const goi_rule *r = &c->rules[i];
		if (!c->on[i])
			continue;
		switch (r->type) {
		case GOI_RULE_IDENT:
			rc = ident_rule(c, r, s, NULL);
			break;
		case GOI_RULE_RANGE:
			rc = range_rule(c, r, s);
			break;
		case GOI_RULE_STATS:
			rc = stats_rule(c, r, s);
			break;
		case GOI_RULE_DOC:
			if (r->min_year > 0 && (s->year <= 0 ||
			    s->year < r->min_year))
				break;
			rc = doc_checks[r->doc](c, r, s);
			break;
		}
	}
	if (rc >= 0 && c->cross)
		rc = record(c, s);
	store_reset(s);
	return rc < 0 ? rc : c->err;
}

/* The keyspace: the schema's keys, the doc facts, the rules' terms. */
static int
ks_build(goi_check *c)
{
	static const int fmts[] = {GOI_FMT_2019, GOI_FMT_2021};
	static const char *const facts[] = {"title", "organ", "year",
		"period", "period_from", "period_to", "published", "signed",
		"sections", "format", "problems_chars"};
	keyspace *ks = &c->ks;
	const goi_schema_table *t;
	size_t a, i;
	int f, n, j, k, ri, rc;

	/* The cross rules' tables first: they must have an id. */
	for (k = 0; k < c->nxtab; k++)
		if ((j = ks_addtab(ks, c->xtab[k])) >= 0)
			c->xtids |= (uint32_t)1 << j;
	for (k = 0; k < c->nslots; k++)
		if ((rc = ks_add(ks, c->xtab[c->slot[k].tab], c->slot[k].row,
		    c->slot[k].col)) < 0)
			return rc;
	for (f = 0; f < 2; f++) {
		t = goi_schema_tables(fmts[f], &n);
		for (k = 0; k < n; k++)
			for (j = 0; j < t[k].nrows; j++) {
				int b;
				for (b = 0; b < t[k].ncols; b++)
					if ((rc = ks_add(ks, t[k].key,
					    t[k].rows[j].key,
					    t[k].cols[b].key)) < 0)
						return rc;
				for (b = 0; b < t[k].noptcols; b++)
					if ((rc = ks_add(ks, t[k].key,
					    t[k].rows[j].key,
					    t[k].optcols[b].key)) < 0)
						return rc;
			}
	}
	for (i = 0; i < sizeof(facts) / sizeof(facts[0]); i++)
		if ((rc = ks_add(ks, "doc", facts[i], "value")) < 0)
			return rc;
	ks->stats = ks_addtab(ks, "stats");
	/* The rules' table/row[/col] terms, parsed once. */
	for (ri = 0; ri < c->nrules; ri++) {
		const goi_ident *id;
		for (id = c->rules[ri].ident; id != NULL && id->lhs != NULL;
		    id++) {
			const char *const *sides[2] = {id->lhs, id->rhs};
			ks_addtab(ks, id->table);
			for (k = 0; k < 2; k++)
				for (j = 0; sides[k][j] != NULL; j++) {
					const char *term = sides[k][j];
					char *p, *q;
					kfull *nf;
					term += *term == '-';
					term += *term == '<';
					if (strchr(term, '/') == NULL)
						continue;
					if ((nf = realloc(ks->full, (ks->nfull +
					    1) * sizeof(*nf))) == NULL)
						return GOI_ENOMEM;
					ks->full = nf;
					if ((p = strdup(term)) == NULL)
						return GOI_ENOMEM;
					nf = &ks->full[ks->nfull++];
					nf->term = term;
					nf->t = p;
					p = strchr(p, '/');
					*p++ = '\0';
					if ((q = strchr(p, '/')) != NULL)
						*q++ = '\0';
					nf->r = p;
					nf->c = q ? q : "value";
					if (strchr(nf->r, '*') == NULL &&
					    nf->r[0] != '~' && (rc = ks_add(ks,
					    nf->t, nf->r, nf->c)) < 0)
						return rc;
				}
		}
	}
	/* What a cross rule keeps of a cell with an address. */
	if ((ks->xkeep = calloc(ks->na + 1, 1)) == NULL ||
	    (ks->xslot = malloc(ks->na + 1)) == NULL)
		return GOI_ENOMEM;
	for (a = 0; a < ks->na; a++) {
		const kaddr *x = &ks->a[a];
		ks->xslot[a] = -1;
		if ((k = keep_find(c, x->t, x->r, x->c)) < 0)
			continue;
		ks->xkeep[a] = (unsigned char)(c->keep[k].tab + 1);
		for (k = 0; k < c->nslots; k++)
			if (strcmp(x->t, c->xtab[c->slot[k].tab]) == 0 &&
			    strcmp(x->r, c->slot[k].row) == 0 &&
			    strcmp(x->c, c->slot[k].col) == 0)
				break;
		if (k < c->nslots)
			ks->xslot[a] = (signed char)k;
	}
	for (k = 0; k < c->nslots; k++) {
		c->slot[k].addr = ks_find(ks, c->xtab[c->slot[k].tab],
		    c->slot[k].row, c->slot[k].col, &c->slot[k].tid);
	}
	return 0;
}

static void
ks_free(keyspace *ks)
{
	size_t i;

	for (i = 0; i < ks->nfull; i++)
		free((char *)ks->full[i].t);
	for (i = 0; i < ks->neach; i++)
		free(ks->each[i].keys);
	free(ks->full);
	free(ks->each);
	free(ks->a);
	free(ks->hash);
	free(ks->memo);
	free(ks->xkeep);
	free(ks->xslot);
}

goi_check *
goi_check_new(const unsigned char *enabled, int flags,
    int (*emit)(void *ctx, const goi_finding *f), void *ctx)
{
	goi_check *c;
	int i;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->rules = goi_rules(&c->nrules);
	if ((c->on = malloc((size_t)c->nrules)) == NULL) {
		free(c);
		return NULL;
	}
	for (i = 0; i < c->nrules; i++) {
		c->on[i] = enabled == NULL || enabled[i];
		if (c->on[i] && c->rules[i].type == GOI_RULE_CROSS)
			c->cross = 1;
	}
	c->flags = flags;
	c->emit = emit;
	c->ctx = ctx;
	c->budget = GOI_SPILL_BUDGET;
	if ((c->cross && xslots_init(c) < 0) || ks_build(c) < 0 ||
	    store_init(&c->cur, &c->ks, 64 * 1024) < 0 ||
	    store_init(&c->xself, &c->ks, 0) < 0 ||
	    store_init(&c->xlast, &c->ks, 0) < 0) {
		goi_check_free(c);
		return NULL;
	}
	return c;
}

void
goi_check_free(goi_check *c)
{
	if (c == NULL)
		return;
	store_free(&c->cur);
	store_free(&c->xself);
	store_free(&c->xlast);
	goi_spill_free(c->xrecs);
	goi_spill_free(c->xfound);
	free(c->keep);
	free(c->xbuf);
	free(c->xprev);
	free(c->xcur);
	free(c->xselfof);
	free(c->xlastof);
	free(c->tmpdir);
	ks_free(&c->ks);
	free(c->on);
	free(c);
}

int
goi_check_cell(goi_check *c, const char *doc, const char *year,
    const char *format, const goi_cellv *cell)
{
	store *s = &c->cur;
	int rc;

	if (c->err < 0)
		return c->err;
	if (c->have && strcmp(s->doc, doc) != 0 && (rc = end_doc(c)) < 0)
		return rc;
	if (!c->have) {
		if ((s->doc = arena_str(s, doc)) == NULL)
			return GOI_ENOMEM;
		c->have = 1;
	}
	if (s->yearcol == NULL && year[0] != '\0' &&
	    (s->yearcol = arena_str(s, year)) == NULL)
		return GOI_ENOMEM;
	if (s->formatcol == NULL && format[0] != '\0' &&
	    (s->formatcol = arena_str(s, format)) == NULL)
		return GOI_ENOMEM;
	return store_add(s, cell);
}

int
goi_check_spill(goi_check *c, size_t budget, const char *dir)
{
	char *d = NULL;

	if (dir != NULL && (d = strdup(dir)) == NULL)
		return GOI_ENOMEM;
	free(c->tmpdir);
	c->tmpdir = d;
	c->budget = budget;
	return 0;
}

/* Copy record r of n bytes to *dst. */
static int
rec_copy(unsigned char **dst, size_t *cap, const void *r, size_t n)
{
	if (goi_grow(dst, cap, n, 1) < 0)
		return GOI_ENOMEM;
	memcpy(*dst, r, n);
	return 0;
}

/* r and its predecessor p: same organ, p of the year before, both tables. */
static int
rec_pair(const unsigned char *p, const unsigned char *r)
{
	return rec_type(r) == XR_CELLS && rec_type(p) == XR_CELLS &&
	    rec_year(p) == rec_year(r) - 1 &&
	    strcmp(rec_organ(p), rec_organ(r)) == 0;
}

/* The cross rules over a report and last year's. */
static int
cross_pair(goi_check *c, const unsigned char *self, const unsigned char *last)
{
	int rc, ri;

	if ((rc = record_load(c, self, &c->xself, 1)) < 0 ||
	    (rc = record_load(c, last, &c->xlast, 0)) < 0)
		return rc;
	for (ri = 0; ri < c->nrules && rc >= 0; ri++)
		if (c->on[ri] && c->rules[ri].type == GOI_RULE_CROSS)
			rc = ident_rule(c, &c->rules[ri], &c->xself, &c->xlast);
	return rc;
}

/* Spilled: check the pair now, its findings kept for input order. */
static int
pair_kept(goi_check *c, const unsigned char *self, const unsigned char *last)
{
	c->xseq = rec_seq(self);
	return cross_pair(c, self, last);
}

/* In memory: note the pair, to check it in input order. */
static int
pair_noted(goi_check *c, const unsigned char *self, const unsigned char *last)
{
	c->xlastof[rec_seq(self)] = last;
	c->xselfof[rec_seq(self)] = self;
	return 0;
}

/*
 * The records by organ, year and input order: the last record of a year is
 * the latest report of it, last year's for every report of the next year,
 * which follows.  pair() gets each such report and last year's.  In memory
 * the records stay where they are; from runs, they are copied.
 */
static int
cross_walk(goi_check *c, int inmem, int (*pair)(goi_check *,
    const unsigned char *, const unsigned char *))
{
	const unsigned char *cur = NULL, *prev = NULL;
	const void *rec;
	unsigned char *t;
	size_t n, tc;
	int rc;

	while ((rc = goi_spill_next(c->xrecs, &rec, &n)) > 0) {
		if (cur != NULL && (rec_year(rec) != rec_year(cur) ||
		    strcmp(rec_organ(rec), rec_organ(cur)) != 0)) {
			prev = cur;
			if (!inmem) {
				t = c->xprev;
				c->xprev = c->xcur;
				c->xcur = t;
				tc = c->xprevcap;
				c->xprevcap = c->xcurcap;
				c->xcurcap = tc;
				prev = c->xprev;
			}
		}
		if (inmem)
			cur = rec;
		else if ((rc = rec_copy(&c->xcur, &c->xcurcap, rec, n)) < 0)
			return rc;
		else
			cur = c->xcur;
		if (prev != NULL && rec_pair(prev, cur) &&
		    (rc = pair(c, cur, prev)) < 0)
			return rc;
	}
	return rc;
}

int
goi_check_finish(goi_check *c)
{
	int (*emit)(void *, const goi_finding *) = c->emit;
	void *ectx = c->ctx;
	uint64_t i;
	int rc;

	if ((rc = end_doc(c)) < 0)
		return rc;
	if (c->xrecs == NULL)
		return c->err;
	if ((rc = goi_spill_sort(c->xrecs)) < 0)
		return rc;
	if (goi_spill_runs(c->xrecs) == 0) {
		/* The records fit: pair them, then check in input order. */
		if ((c->xlastof = calloc(c->nrecs, sizeof(*c->xlastof))) ==
		    NULL || (c->xselfof = calloc(c->nrecs,
		    sizeof(*c->xselfof))) == NULL)
			return GOI_ENOMEM;
		if ((rc = cross_walk(c, 1, pair_noted)) < 0)
			return rc;
		for (i = 0; i < c->nrecs && rc >= 0; i++)
			if (c->xlastof[i] != NULL)
				rc = cross_pair(c, c->xselfof[i], c->xlastof[i]);
		return rc < 0 ? rc : c->err;
	}
	/* Else the findings go through a sort back to input order. */
	c->emit = capture;
	c->ctx = c;
	rc = cross_walk(c, 0, pair_kept);
	c->emit = emit;
	c->ctx = ectx;
	if (rc >= 0)
		rc = goi_spill_reset(c->xrecs);
	if (rc >= 0)
		rc = found_emit(c);
	return rc < 0 ? rc : c->err;
}

void
goi_check_getcounts(const goi_check *c, goi_check_counts *n)
{
	*n = c->n;
}
