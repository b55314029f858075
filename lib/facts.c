/*
 * facts.c - the `doc` and `text` facts of a report, and the NFKC text
 * (goi_utext) that stats.c and this file read.
 *
 * Keys (cells stream, col always `value`):
 *
 * table doc (from goi_docinfo_read and goi_sections_find):
 *   title         text   the title line
 *   organ         text   the reporting body
 *   year          num    the report year
 *   period        text   the 统计期限 as written
 *   period_from   text   its first day, YYYY-MM-DD
 *   period_to     text   its last day, YYYY-MM-DD
 *   published     text   publication date, YYYY-MM-DD
 *   signed        text   date under the signature, YYYY-MM-DD
 *   sections      text   section keys present, space-separated, in order
 *   format        text   2019, 2021, old, or "" when no table was found
 *   problems_chars num   letters and digits in the body of part 五 (its
 *                        heading left out), so that goi-check can tell a
 *                        part 五 that says nothing (无) from a real one
 * A fact the document does not give is not emitted.
 *
 * table text (figures the prose quotes; kind num; raw holds the phrase):
 *   requests.new          applications received this year:
 *                         (共)收到|受理|新收 …公开…申请 N件/条
 *                         (a channel such as 信函申请 is not the total)
 *   requests.carried_in   上年(度)结转 … N件
 *   requests.carried_out  结转(至)下年度|YYYY年 … N件
 *   requests.answered     (共)办结 N件, 答复总数 N件, 共答复 N件
 *   appeals.review        行政复议(案件) N件/起
 *   appeals.suit          行政诉讼(案件) N件/起
 *   active.total          (我X|全X|本X|其中|nothing)(共)(主动)公开|公布
 *                         (政府)信息 N条 — never a channel (通过…, 在…平台,
 *                         网站), a part (各…), a running total (累计) or
 *                         an approximate figure (N余条)
 *   active.part.1 …       the figures listed right after the total,
 *                         introduced by 其中, in order (raw: the phrase)
 * A statement of none sets the figure to 0: 未收到…公开…申请 gives
 * requests.new 0; 未发生|未收到|未产生|未出现|没有 … 行政复议 / 行政诉讼
 * in one clause gives appeals.review / appeals.suit 0.  Only prose is read:
 * lines holding TAB or | (table rows) and the old statistics table are
 * skipped.  The first statement of a key wins; a later, different one is
 * reported through sink->warn.
 */
#define _GNU_SOURCE		/* memmem */

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "goi.h"

#define NOPOS ((size_t)-1)

/* snprintf(dst, size, "%s", src) without its cost. */
static void
copystr(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (size == 0)
		return;
	if (n > size - 1)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* ---- goi_utext ----------------------------------------------------------- */

/* Room for need more code points and for the lines of doc. */
static int
utext_grow(goi_utext *u, size_t need, size_t nlines)
{
	int32_t *cp;
	size_t *ls;
	long *ln;
	unsigned char *lf;
	size_t n;

	if (nlines > u->lcap) {
		if ((ls = realloc(u->lstart, nlines * sizeof(*ls))) == NULL)
			return GOI_ENOMEM;
		u->lstart = ls;
		if ((ln = realloc(u->lline, nlines * sizeof(*ln))) == NULL)
			return GOI_ENOMEM;
		u->lline = ln;
		if ((lf = realloc(u->lflags, nlines)) == NULL)
			return GOI_ENOMEM;
		u->lflags = lf;
		u->lcap = nlines;
	}
	if (u->n + need <= u->cpcap)
		return 0;
	n = u->cpcap ? u->cpcap : 1024;
	while (n < u->n + need)
		n *= 2;
	if ((cp = realloc(u->cp, n * sizeof(*cp))) == NULL)
		return GOI_ENOMEM;
	u->cp = cp;
	u->cpcap = n;
	return 0;
}

long
goi_utext_line(const goi_utext *u, size_t pos)
{
	size_t lo = 0, hi = u->nl, mid;

	/* the last line that starts at or before pos */
	if (hi == 0)
		return 0;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (u->lstart[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return u->lline[lo];
}

/*
 * stable[c / 8] bit c % 8: the BMP character c is its own NFKC form in any
 * context (a starter with no decomposition that no composition takes as
 * either element; Hangul left out), as in norm.c.  A line made of such
 * characters and ASCII (not NUL) is its own NFKC: goi-clean's output is,
 * so utf8proc_map is called only for the other lines.
 */
static unsigned char stable[0x10000 / 8];
static int stable_ready;
static int cjk_stable;		/* all of U+4000-9FFF are (the CJK block) */

static void
build_stable(void)
{
	utf8proc_int32_t c, d[4];
	const utf8proc_property_t *p;
	int last;

	for (c = 0x80; c < 0x10000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0xAC00 && c <= 0xD7A3) ||
		    (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
		    (c >= 0xD7B0 && c <= 0xD7FF))
			continue;
		p = utf8proc_get_property(c);
		if (p->combining_class != 0 || p->comb_index != UINT16_MAX ||
		    p->comp_exclusion)
			continue;
		last = 0;
		if (utf8proc_decompose_char(c, d, 4, UTF8PROC_STABLE |
		    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last) != 1 || d[0] != c)
			continue;
		stable[c >> 3] |= (unsigned char)(1u << (c & 7));
	}
	cjk_stable = 1;
	for (c = 0x4000; c <= 0x9FFF; c++)
		if (!(stable[c >> 3] >> (c & 7) & 1))
			cjk_stable = 0;
	stable_ready = 1;
}

/* The GOI_UL_* flag of code point c (0 for most). */
static int
lineflag(int32_t c)
{
	if (c >= '0' && c <= '9')
		return GOI_UL_FIGURE;
	if (c == '\t' || c == '|')
		return GOI_UL_CELL;
	if (c == '\n')
		return GOI_UL_LF;
	if (c == 0x672A /* 未 */ || c == 0x6CA1 /* 没 */)
		return GOI_UL_FIGURE;
	if (c == 0x6307 /* 指 */ || c == 0x7EDF /* 统 */)
		return GOI_UL_STATS;
	return 0;
}

/*
 * The code points of s[0..n) into u when the line is its own NFKC (see
 * stable), and its GOI_UL_* flags; -1 when it is not (or holds LF), u->n
 * then unchanged.  This decodes every line of every document, so the two
 * kinds of runs that make up most text go fast: sixteen ASCII bytes at a
 * time (SSE2), and the CJK block, which is all stable when cjk_stable (a
 * lead byte E4-E9 with two continuation bytes is U+4000-9FFF, never
 * overlong or a surrogate).  Other characters take the general way.
 */
static int
fastline(goi_utext *u, const unsigned char *s, size_t n)
{
	/* the low six bits of 未 没 指 统: one test rejects most characters */
	const uint64_t flagbits = 1ULL << (0x672A & 63) | 1ULL << (0x6CA1 & 63) |
	    1ULL << (0x6307 & 63) | 1ULL << (0x7EDF & 63);
	const unsigned char *e = s + n;
	int32_t *cp = u->cp + u->n;
	uint32_t c, c1, c2;
	int f = 0;

	while (s < e) {
		c = *s;
		if (c - 0xE4 <= 0xE9 - 0xE4 && cjk_stable && e - s >= 3 &&
		    ((s[1] ^ 0x80) | (s[2] ^ 0x80)) <= 0x3F) {
			c = (c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
			    (s[2] & 0x3F);
			if (flagbits >> (c & 63) & 1) {
				if (c == 0x672A /* 未 */ || c == 0x6CA1 /* 没 */)
					f |= GOI_UL_FIGURE;
				else if (c == 0x6307 /* 指 */ ||
				    c == 0x7EDF /* 统 */)
					f |= GOI_UL_STATS;
			}
			*cp++ = (int32_t)c;
			s += 3;
			continue;
		}
#ifdef __SSE2__
		if (c < 0x80 && e - s >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)s), z, d;

			/* all ASCII, no NUL or LF: the code points are the
			 * bytes, widened */
			z = _mm_setzero_si128();
			if (_mm_movemask_epi8(_mm_or_si128(v, _mm_or_si128(
			    _mm_cmpeq_epi8(v, z), _mm_cmpeq_epi8(v,
			    _mm_set1_epi8('\n'))))) == 0) {
				d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
				if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d,
				    _mm_set1_epi8(9)), d)))
					f |= GOI_UL_FIGURE;
				if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v,
				    _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v,
				    _mm_set1_epi8('|')))))
					f |= GOI_UL_CELL;
				d = _mm_unpacklo_epi8(v, z);
				_mm_storeu_si128((__m128i *)cp,
				    _mm_unpacklo_epi16(d, z));
				_mm_storeu_si128((__m128i *)(cp + 4),
				    _mm_unpackhi_epi16(d, z));
				d = _mm_unpackhi_epi8(v, z);
				_mm_storeu_si128((__m128i *)(cp + 8),
				    _mm_unpacklo_epi16(d, z));
				_mm_storeu_si128((__m128i *)(cp + 12),
				    _mm_unpackhi_epi16(d, z));
				cp += 16;
				s += 16;
				continue;
			}
		}
#endif
		if (c < 0x80) {	/* the ASCII run, a byte at a time */
			do {
				if (c == 0 || c == '\n')
					return -1;
				if (c - '0' <= 9)
					f |= GOI_UL_FIGURE;
				else if (c == '\t' || c == '|')
					f |= GOI_UL_CELL;
				*cp++ = (int32_t)c;
			} while (++s < e && (c = *s) < 0x80);
			continue;
		} else if (c >= 0xE0 && c <= 0xEF) {
			if (e - s < 3)
				return -1;
			c1 = s[1] ^ 0x80;
			c2 = s[2] ^ 0x80;
			if ((c1 | c2) > 0x3F)
				return -1;
			c = (c & 0x0F) << 12 | c1 << 6 | c2;
			/* overlong forms and surrogates are not in the table */
			if (!(c >= 0x4000 && c <= 0x9FFF && cjk_stable) &&
			    (c < 0x800 || !(stable[c >> 3] >> (c & 7) & 1)))
				return -1;
			if (c == 0x672A /* 未 */ || c == 0x6CA1 /* 没 */)
				f |= GOI_UL_FIGURE;
			else if (c == 0x6307 /* 指 */ || c == 0x7EDF /* 统 */)
				f |= GOI_UL_STATS;
			s += 3;
		} else if (c >= 0xC2 && c <= 0xDF) {
			if (e - s < 2 || (s[1] & 0xC0) != 0x80)
				return -1;
			c = (c & 0x1F) << 6 | (s[1] & 0x3F);
			if (!(stable[c >> 3] >> (c & 7) & 1))
				return -1;
			s += 2;
		} else
			return -1;
		*cp++ = (int32_t)c;
	}
	u->n = (size_t)(cp - u->cp);
	return f;
}

/*
 * goi_utext_build into u's arrays, which grow as needed (their sizes are
 * kept in u).  On error u keeps its arrays, for the caller to free.
 */
static int
utext_fill(goi_utext *u, const goi_doc *doc)
{
	size_t i, bcap = 0, k, total = 0;
	int f;
	char *clean = NULL, *t;
	utf8proc_uint8_t *nf;
	utf8proc_int32_t c;
	utf8proc_ssize_t r, len;

	u->n = 0;
	u->nl = 0;
	if (!stable_ready)
		build_stable();
	/* Room for the usual case at once: a code point a byte at most. */
	for (i = 0; i < doc->nlines; i++)
		total += doc->lines[i].len + 1;
	if (utext_grow(u, total, doc->nlines) < 0)
		return GOI_ENOMEM;
	for (i = 0; i < doc->nlines; i++) {
		const goi_docline *dl = &doc->lines[i];
		const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)dl->text;
		size_t j = 0;

		/* (the lines have their room since the first utext_grow) */
		if (u->n + dl->len + 1 > u->cpcap &&
		    utext_grow(u, dl->len + 1, doc->nlines) < 0)
			goto nomem;
		u->lstart[u->nl] = u->n;
		u->lline[u->nl] = dl->line;
		if ((f = fastline(u, s, dl->len)) >= 0) {
			u->lflags[u->nl++] = (unsigned char)(f | GOI_UL_SAME);
			u->cp[u->n++] = '\n';
			continue;
		}
		f = 0;
		/* Valid UTF-8 without NUL for utf8proc_map: 3 bytes per bad byte. */
		if (3 * dl->len + 1 > bcap) {
			bcap = 3 * dl->len + 1;
			if ((t = realloc(clean, bcap)) == NULL)
				goto nomem;
			clean = t;
		}
		k = 0;
		while (j < dl->len) {
			r = utf8proc_iterate(s + j, (utf8proc_ssize_t)(dl->len - j), &c);
			if (r <= 0 || c == 0) {
				memcpy(clean + k, "\xEF\xBF\xBD", 3);
				k += 3;
				j++;
				continue;
			}
			memcpy(clean + k, s + j, (size_t)r);
			k += (size_t)r;
			j += (size_t)r;
		}
		clean[k] = '\0';
		len = utf8proc_map((const utf8proc_uint8_t *)clean, (utf8proc_ssize_t)k,
		    &nf, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
		if (len < 0) {
			if (len == UTF8PROC_ERROR_NOMEM)
				goto nomem;
			nf = NULL;
			len = 0;
		}
		if (utext_grow(u, (size_t)len + 1, doc->nlines) < 0) {
			free(nf);
			goto nomem;
		}
		for (j = 0; j < (size_t)len; j += (size_t)r) {
			r = utf8proc_iterate(nf + j, len - (utf8proc_ssize_t)j, &c);
			if (r <= 0) {
				r = 1;
				c = 0xFFFD;
			}
			u->cp[u->n++] = c;
			f |= lineflag(c);
		}
		free(nf);
		u->lflags[u->nl++] = (unsigned char)f;
		u->cp[u->n++] = '\n';
	}
	free(clean);
	return 0;
nomem:
	free(clean);
	return GOI_ENOMEM;
}

int
goi_utext_build(goi_utext *u, const goi_doc *doc)
{
	int rc;

	memset(u, 0, sizeof(*u));
	if ((rc = utext_fill(u, doc)) < 0)
		goi_utext_free(u);
	return rc;
}

void
goi_utext_free(goi_utext *u)
{
	free(u->cp);
	free(u->lstart);
	free(u->lline);
	free(u->lflags);
	memset(u, 0, sizeof(*u));
}

static int
isblankcp(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0;
}

/*
 * The code point at *s (a NUL-terminated literal), advancing *s; 0 at the
 * end, -1 when the bytes are not UTF-8 that utf8proc_iterate would take.
 */
static int32_t
litnext(const unsigned char **s)
{
	const unsigned char *p = *s;
	int32_t c;

	if (p[0] < 0x80) {
		if (p[0] != 0)
			(*s)++;
		return p[0];
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF && (p[1] & 0xC0) == 0x80) {
		*s += 2;
		return (p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	}
	if (p[0] >= 0xE0 && p[0] <= 0xEF && (p[1] & 0xC0) == 0x80 &&
	    (p[2] & 0xC0) == 0x80) {
		c = (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
			return -1;
		*s += 3;
		return c;
	}
	if (p[0] >= 0xF0 && p[0] <= 0xF4 && (p[1] & 0xC0) == 0x80 &&
	    (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80) {
		c = (p[0] & 0x07) << 18 | (p[1] & 0x3F) << 12 |
		    (p[2] & 0x3F) << 6 | (p[3] & 0x3F);
		if (c < 0x10000 || c > 0x10FFFF)
			return -1;
		*s += 4;
		return c;
	}
	return -1;
}

/* goi_utext_match of the literal after its first code point c0 at pos. */
static size_t
matchrest(const goi_utext *u, size_t pos, size_t end, const unsigned char *s)
{
	int32_t c;

	pos++;
	while (*s != '\0') {
		if ((c = litnext(&s)) < 0)
			return NOPOS;
		while (pos < end && isblankcp(u->cp[pos]))
			pos++;
		if (pos >= end || u->cp[pos] != c)
			return NOPOS;
		pos++;
	}
	return pos;
}

size_t
goi_utext_match(const goi_utext *u, size_t pos, size_t end, const char *lit)
{
	const unsigned char *s = (const unsigned char *)lit;
	int32_t c0;

	if (end > u->n)
		end = u->n;
	if (*s == '\0')
		return pos;
	if ((c0 = litnext(&s)) < 0 || pos >= end || u->cp[pos] != c0)
		return NOPOS;
	return matchrest(u, pos, end, s);
}

size_t
goi_utext_find(const goi_utext *u, size_t from, size_t end, const char *lit,
    size_t *mend)
{
	const unsigned char *s = (const unsigned char *)lit;
	const int32_t *cp = u->cp;
	size_t e;
	int32_t c0;

	if (end > u->n)
		end = u->n;
	if (*s == '\0') {
		if (from >= end)
			return NOPOS;
		if (mend != NULL)
			*mend = from;
		return from;
	}
	if ((c0 = litnext(&s)) < 0)
		return NOPOS;
	for (; from < end; from++)
		if (cp[from] == c0 &&
		    (e = matchrest(u, from, end, s)) != NOPOS) {
			if (mend != NULL)
				*mend = e;
			return from;
		}
	return NOPOS;
}

size_t
goi_utext_utf8(const goi_utext *u, size_t from, size_t to, int nospace,
    char *buf, size_t size)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t r;
	size_t k = 0;

	if (size == 0)
		return 0;
	if (to > u->n)
		to = u->n;
	for (; from < to; from++) {
		int32_t c = u->cp[from];

		if (c == '\n')
			c = ' ';
		if (nospace && (isblankcp(c) || c == ' '))
			continue;
		if (c >= 0 && c < 0x80 && k + 1 < size) {
			buf[k++] = (char)c;
			continue;
		}
		if (c >= 0x800 && c < 0xD800 && k + 3 < size) {
			buf[k++] = (char)(0xE0 | c >> 12);
			buf[k++] = (char)(0x80 | (c >> 6 & 0x3F));
			buf[k++] = (char)(0x80 | (c & 0x3F));
			continue;
		}
		r = utf8proc_encode_char(c, tmp);
		if (r <= 0 || k + (size_t)r >= size)
			break;
		memcpy(buf + k, tmp, (size_t)r);
		k += (size_t)r;
	}
	buf[k] = '\0';
	return k;
}

/* ---- text facts ---------------------------------------------------------- */

/* The facts, in emission order. */
enum {
	F_NEW, F_CARRIED_IN, F_ANSWERED, F_CARRIED_OUT, F_REVIEW, F_SUIT,
	F_TOTAL, F_COUNT
};
static const char *const fact_key[F_COUNT] = {
	"requests.new", "requests.carried_in", "requests.answered",
	"requests.carried_out", "appeals.review", "appeals.suit",
	"active.total"
};

#define MAXPARTS 32
#define RAWMAX 512

typedef struct {
	int set;
	char value[64];
	char raw[RAWMAX];
	long line;
} fact;

typedef struct {
	const goi_utext *u;
	const goi_sink *sink;
	fact f[F_COUNT];
	fact part[MAXPARTS];
	int nparts;
	size_t st;		/* nothing from here on is prose (old table) */
	const char *organ;	/* the reporting body, "" when unknown */
} factctx;

static int
isdig(int32_t c)
{
	return c >= '0' && c <= '9';
}

static int
isclause(int32_t c)
{
	return c == 0xFF0C || c == ',' || c == 0x3002 || c == ';' ||
	    c == 0xFF1B || c == ':' || c == '\n' || c == '|' || c == '(' ||
	    c == ')' || c == '!' || c == '?' || c == '\t';
}

static int
iscountunit(int32_t c)
{
	return c == 0x6761 /* 条 */ || c == 0x4EF6 /* 件 */ ||
	    c == 0x8D77 /* 起 */;
}

/* Does the NUL-terminated UTF-8 s end with lit? */
static int
endswith(const char *s, const char *lit)
{
	size_t n = strlen(s), m = strlen(lit);

	return n >= m && memcmp(s + n - m, lit, m) == 0;
}

static int
startswith(const char *s, const char *lit)
{
	return strncmp(s, lit, strlen(lit)) == 0;
}

/* Strip one of the NULL-terminated suffixes from s (in place); 1 if done. */
static int
stripsuffix(char *s, const char *const *sfx)
{
	for (; *sfx != NULL; sfx++)
		if (**sfx != '\0' && endswith(s, *sfx)) {
			s[strlen(s) - strlen(*sfx)] = '\0';
			return 1;
		}
	return 0;
}

static int
hasany(const char *s, const char *const *w)
{
	for (; *w != NULL; w++)
		if (strstr(s, *w) != NULL)
			return 1;
	return 0;
}

static void
setfact(factctx *x, fact *f, const char *key, const char *value,
    const char *raw, long line)
{
	char msg[RAWMAX + 256];

	if (f->set) {
		if (strcmp(f->value, value) != 0 && x->sink->warn != NULL) {
			snprintf(msg, sizeof(msg), "text/%s: prose says %s "
			    "(line %ld) and %s; keeping the first", key,
			    f->value, f->line, value);
			x->sink->warn(x->sink->ctx, line, msg);
		}
		return;
	}
	f->set = 1;
	copystr(f->value, sizeof(f->value), value);
	copystr(f->raw, sizeof(f->raw), raw);
	f->line = line;
}

/*
 * The phrase before a figure: back from pos to a clause mark or to a digit
 * that is not part of a year (NNNN年, NNNN年度).  Returns its start.
 */
static size_t
phrase_start(const goi_utext *u, size_t pos, size_t lo)
{
	size_t p = pos;

	while (p > lo) {
		int32_t c = u->cp[p - 1];

		if (isclause(c))
			break;
		if (isdig(c))
			break;
		if (c == 0x5E74 /* 年 */ && p - 1 >= lo + 4 &&
		    isdig(u->cp[p - 2]) && isdig(u->cp[p - 3]) &&
		    isdig(u->cp[p - 4]) && isdig(u->cp[p - 5]) &&
		    (p - 5 == lo || !isdig(u->cp[p - 6]))) {
			p -= 5;
			continue;
		}
		p--;
	}
	return p;
}

/*
 * The phrase [from, to) with spaces dropped and years (NNNN年, NNNN年度)
 * written Y, into buf.
 */
static void
phrase_key(const goi_utext *u, size_t from, size_t to, char *buf, size_t size)
{
	char tmp[RAWMAX * 2];
	size_t k = 0, i;

	goi_utext_utf8(u, from, to, 1, tmp, sizeof(tmp));
	for (i = 0; tmp[i] != '\0' && k + 1 < size;) {
		if (isdig((unsigned char)tmp[i]) && isdig((unsigned char)tmp[i + 1]) &&
		    isdig((unsigned char)tmp[i + 2]) && isdig((unsigned char)tmp[i + 3]) &&
		    startswith(tmp + i + 4, "年")) {
			buf[k++] = 'Y';
			i += 4 + strlen("年");
			if (startswith(tmp + i, "度"))
				i += strlen("度");
			continue;
		}
		buf[k++] = tmp[i++];
	}
	buf[k] = '\0';
}

/*
 * A figure at pos: digits with optional thousands commas and a fraction,
 * not glued to another digit before it.  Returns its end or NOPOS; its
 * digits (and point) go to val, figure_norm normalizes them (figure_at
 * does both).
 */
static size_t
figure_scan(const goi_utext *u, size_t pos, size_t end, char *val,
    size_t size)
{
	size_t p = pos, k = 0;

	if (pos > 0 && (isdig(u->cp[pos - 1]) || u->cp[pos - 1] == '.'))
		return NOPOS;
	if (p >= end || !isdig(u->cp[p]))
		return NOPOS;
	while (p < end && k + 2 < size) {
		if (isdig(u->cp[p]))
			val[k++] = (char)u->cp[p++];
		else if (u->cp[p] == ',' && p + 3 < end && isdig(u->cp[p + 1]) &&
		    isdig(u->cp[p + 2]) && isdig(u->cp[p + 3]) &&
		    (p + 4 >= end || !isdig(u->cp[p + 4])))
			p++;
		else
			break;
	}
	if (p < end && u->cp[p] == '.' && p + 1 < end && isdig(u->cp[p + 1])) {
		val[k++] = '.';
		p++;
		while (p < end && isdig(u->cp[p]) && k + 1 < size)
			val[k++] = (char)u->cp[p++];
	}
	val[k] = '\0';
	return p;
}

/* The number figure_scan put in val, normalized in place; <0 if none. */
static int
figure_norm(char *val, size_t size)
{
	goi_dec d;

	if (goi_dec_parse(val, strlen(val), &d) < 0)
		return -1;
	goi_dec_format(d, val, size);
	return 0;
}

static size_t
figure_at(const goi_utext *u, size_t pos, size_t end, char *val, size_t size)
{
	size_t p;

	if ((p = figure_scan(u, pos, end, val, size)) == NOPOS ||
	    figure_norm(val, size) < 0)
		return NOPOS;
	return p;
}

static const char *const subject_bad[] = {
	"各", "通过", "在", "网站", "平台", "微博", "微信", "新媒体", "累计",
	"其他", "其它", NULL
};

/*
 * A section heading glued in front of the sentence (squashed text): 二、主动
 * 公开政府信息情况, 一、总体情况, 一、概述.  Returns what follows it, or s.
 */
static char *
skip_heading(char *s)
{
	static const char *const num[] = { "一", "二", "三", "四", "五", "六",
		"七", "八", "九", "十", NULL };
	static const char *const head[] = { "主动公开政府信息情况",
		"主动公开信息情况", "主动公开情况", "总体情况", "概述", NULL };
	char *p = s;
	int i, n = 0;

	for (;;) {
		for (i = 0; num[i] != NULL && !startswith(p, num[i]); i++)
			;
		if (num[i] == NULL)
			break;
		p += strlen(num[i]);
		n++;
	}
	if (n == 0 || !startswith(p, "、"))
		return s;
	p += strlen("、");
	for (i = 0; head[i] != NULL; i++)
		if (startswith(p, head[i]))
			return p + strlen(head[i]);
	return s;
}

/*
 * Is the subject of a statement (what precedes the verb) the whole body?
 * Nothing, 其中, 我X/全X/本X without 各 or a channel, or the reporting
 * body by name (organ).  A time alone (本年度, 全年) is the whole body only
 * when the sentence starts with it (lead, or a heading glued before it):
 * after a comma the subject is in the clause before (…专栏，本年度公开信息
 * 77条).
 */
static int
whole_subject(char *s, const char *organ, int lead)
{
	static const char *const when[] = { "本年度", "本年", "全年", "今年",
		"年内", NULL };
	const char *o;
	char *h;
	int i;

	if (startswith(s, "Y"))
		s++;
	if (*s == '\0' || strcmp(s, "其中") == 0)
		return 1;
	if ((h = skip_heading(s)) != s) {
		lead = 1;
		s = h;
		if (startswith(s, "Y"))
			s++;
	}
	for (i = 0; when[i] != NULL; i++)
		if (startswith(s, when[i])) {
			s += strlen(when[i]);
			if (*s == '\0')
				return lead;
			break;
		}
	if (*s == '\0')
		return lead;
	if (hasany(s, subject_bad))
		return 0;
	/* (the phrase lost its leading 和 and 及: 和平区 reads 平区) */
	for (o = organ; o != NULL && *o != '\0'; o += strlen("和")) {
		if (strcmp(s, o) == 0)
			return 1;
		if (!startswith(o, "和") && !startswith(o, "及"))
			break;
	}
	if (!startswith(s, "我") && !startswith(s, "全") && !startswith(s, "本"))
		return 0;
	/* 本年度…, 全年…: a time, not the body; the statement is about a part */
	if (startswith(s, "本年") || startswith(s, "全年"))
		return 0;
	return strlen(s) <= 12 * 3;
}

/* active.total: (subject)(共)(主动)公开|公布(的)(政府)信息(数)(共|为) */
static int
is_active_total(const char *phrase, const char *organ, int lead)
{
	static const char *const tail[] = { "共", "为", "数", NULL };
	static const char *const obj[] = { "政府信息", "信息", NULL };
	static const char *const verb[] = { "主动公开的", "主动公开", "主动公布",
		"公开的", "公开", "公布", NULL };
	char s[RAWMAX * 2];

	if (strstr(phrase, "累计") != NULL)
		return 0;
	copystr(s, sizeof(s), phrase);
	while (stripsuffix(s, tail))
		;
	if (!stripsuffix(s, obj))
		return 0;
	if (!stripsuffix(s, verb))
		return 0;
	if (endswith(s, "共"))
		s[strlen(s) - strlen("共")] = '\0';
	return whole_subject(s, organ, lead);
}

static const char *const part_words[] = {
	"各", "其中", "同意", "部分", "不予", "按时", "延期", "当面", "信函",
	"传真", "网上", "网络", "电子邮件", "邮件", "来信", "电话", NULL
};

static int
is_requests_new(const char *phrase)
{
	static const char *const tail[] = { "共", "为", "数", "数量", "总数",
		"件数", NULL };
	static const char *const bad[] = { "复议", "诉讼", "累计", "结转",
		"通过", NULL };
	const char *v;
	char s[RAWMAX * 2];

	copystr(s, sizeof(s), phrase);
	while (stripsuffix(s, tail))
		;
	if (!endswith(s, "申请"))
		return 0;
	if (hasany(s, bad) || hasany(s, part_words))
		return 0;
	if ((v = strstr(s, "收到")) == NULL && (v = strstr(s, "受理")) == NULL &&
	    (v = strstr(s, "新收")) == NULL)
		return 0;
	return strstr(v, "公开") != NULL;
}

/* Text after the last occurrence of w in s, NULL when absent. */
static const char *
after_last(const char *s, const char *w)
{
	const char *p, *q = NULL;

	for (p = s; (p = strstr(p, w)) != NULL; p++)
		q = p;
	return q == NULL ? NULL : q + strlen(w);
}

static int
in_list(const char *s, const char *const *l)
{
	for (; *l != NULL; l++)
		if (strcmp(s, *l) == 0)
			return 1;
	return 0;
}

static int
is_carried_in(const char *phrase)
{
	static const char *const rest[] = { "", "申请", "的申请", "政府信息公开申请",
		"的政府信息公开申请", "依申请公开", "共", "为", NULL };
	const char *a;

	if ((a = after_last(phrase, "上年结转")) == NULL &&
	    (a = after_last(phrase, "上一年结转")) == NULL &&
	    (a = after_last(phrase, "上年度结转")) == NULL &&
	    (a = after_last(phrase, "上一年度结转")) == NULL)
		return 0;
	return in_list(a, rest);
}

static int
is_carried_out(const char *phrase)
{
	static const char *const rest[] = { "下年度", "下一年度", "下年", "下一年",
		"至下年度", "至下一年度", "到下年度", "到下一年度", "至Y", "到Y",
		"Y", "至下年", "至下一年", "下年度继续办理", "下一年度继续办理",
		"至下年度继续办理", "至Y继续办理", "至下一年度继续办理", NULL };
	const char *a;

	if ((a = after_last(phrase, "结转")) == NULL)
		return 0;
	if (strstr(phrase, "上年") != NULL || strstr(phrase, "上一年") != NULL)
		return 0;
	return in_list(a, rest);
}

static int
is_answered(const char *phrase)
{
	static const char *const rest[] = { "", "申请", "了", "共", "政府信息公开申请",
		NULL };
	static const char *const tail[] = { "共办结", "已办结", "办结", "答复总数",
		"答复总数为", "答复总数共", "共答复", NULL };
	const char *a;

	if (hasany(phrase, part_words) || strstr(phrase, "累计") != NULL)
		return 0;
	if ((a = after_last(phrase, "办结")) != NULL && in_list(a, rest))
		return 1;
	for (int i = 0; tail[i] != NULL; i++)
		if (endswith(phrase, tail[i]) && strstr(tail[i], "答复") != NULL)
			return 1;
	return 0;
}

/* 行政复议 / 行政诉讼 (案件|案|申请)(共|为)? at the end of the phrase. */
static int
is_appeal(const char *phrase, const char *what)
{
	static const char *const rest[] = { "", "案件", "案", "申请", "共", "为",
		"案件共", "案件为", "数", NULL };
	static const char *const bad[] = { "纠错", "败诉", "被", "追究", "累计",
		NULL };
	const char *a;

	if ((a = after_last(phrase, what)) == NULL)
		return 0;
	if (hasany(phrase, bad) || hasany(phrase, part_words))
		return 0;
	return in_list(a, rest);
}

/*
 * The parts listed after the total: 其中 phrase N条, phrase N条 … up to
 * the end of the sentence (a next sentence continues the list when its
 * phrase ends like the last part's).
 */
static void
read_parts(factctx *x, size_t p, size_t end)
{
	const goi_utext *u = x->u;
	char val[64], ph[RAWMAX], lasttail[64] = "", tail[64];
	size_t q, s, e;

	while (p < end && (u->cp[p] == 0xFF0C || u->cp[p] == ',' ||
	    u->cp[p] == '(' || isblankcp(u->cp[p])))
		p++;
	if ((q = goi_utext_match(u, p, end, "其中")) == NOPOS)
		return;
	p = q;
	while (p < end && x->nparts < MAXPARTS) {
		int newsentence = 0;

		while (p < end && (u->cp[p] == 0xFF0C || u->cp[p] == ',' ||
		    u->cp[p] == ':' || u->cp[p] == ';' || u->cp[p] == 0xFF1B ||
		    u->cp[p] == 0x3001 || isblankcp(u->cp[p]) ||
		    u->cp[p] == 0x3002)) {
			if (u->cp[p] == 0x3002)
				newsentence = 1;
			p++;
		}
		/* ,占N% after a part */
		if ((q = goi_utext_match(u, p, end, "占")) != NOPOS &&
		    q < end && isdig(u->cp[q])) {
			while (q < end && (isdig(u->cp[q]) || u->cp[q] == '.'))
				q++;
			if (q < end && u->cp[q] == '%') {
				p = q + 1;
				continue;
			}
		}
		s = p;
		while (p < end && !isdig(u->cp[p]) && !isclause(u->cp[p]) &&
		    u->cp[p] != 0x3002)
			p++;
		if (p == s || p >= end || !isdig(u->cp[p]))
			return;
		if ((e = figure_at(u, p, end, val, sizeof(val))) == NOPOS)
			return;
		while (e < end && isblankcp(u->cp[e]))
			e++;
		if (e >= end || !iscountunit(u->cp[e]))
			return;
		goi_utext_utf8(u, s, p, 1, tail, sizeof(tail));
		if (strlen(tail) > 24) {
			size_t n = strlen(tail), k = n - 24;

			while (k < n && ((unsigned char)tail[k] & 0xC0) == 0x80)
				k++;
			memmove(tail, tail + k, n - k + 1);
		}
		if (newsentence) {
			size_t m = strlen(lasttail);

			if (m == 0 || !endswith(tail, lasttail + (m >= 12 ?
			    m - 12 : 0)))
				return;
		}
		goi_utext_utf8(u, s, e + 1, 0, ph, sizeof(ph));
		x->part[x->nparts].set = 1;
		copystr(x->part[x->nparts].value, sizeof(x->part[0].value), val);
		copystr(x->part[x->nparts].raw, sizeof(x->part[0].raw), ph);
		x->part[x->nparts].line = goi_utext_line(u, p);
		x->nparts++;
		copystr(lasttail, sizeof(lasttail), tail);
		p = e + 1;
		if (p < end && u->cp[p] == ')')
			return;
	}
}

/* Statements of none: 未发生…行政复议, 未收到…申请 in one clause. */
static void
read_negation(factctx *x, size_t p, size_t end)
{
	static const char *const neg[] = { "未发生", "未收到", "未产生", "未出现",
		"未有", "没有", "没发生", "未接到", NULL };
	static const char *const bad[] = { "纠错", "败诉", "被", "追究", "违反",
		NULL };
	const goi_utext *u = x->u;
	char cl[RAWMAX], raw[RAWMAX];
	size_t q = NOPOS, e;
	int i;

	for (i = 0; neg[i] != NULL; i++)
		if ((q = goi_utext_match(u, p, end, neg[i])) != NOPOS)
			break;
	if (q == NOPOS)
		return;
	for (e = q; e < end && e - p < 60 && e < x->st &&
	    !(isclause(u->cp[e]) && u->cp[e] != ':') && u->cp[e] != 0x3002 &&
	    u->cp[e] != '(' ; e++)
		if (isdig(u->cp[e]))
			return;
	goi_utext_utf8(u, p, e, 1, cl, sizeof(cl));
	goi_utext_utf8(u, p, e, 0, raw, sizeof(raw));
	if (hasany(cl, bad))
		return;
	if (strstr(cl, "行政复议") != NULL)
		setfact(x, &x->f[F_REVIEW], fact_key[F_REVIEW], "0", raw, goi_utext_line(u, p));
	if (strstr(cl, "行政诉讼") != NULL)
		setfact(x, &x->f[F_SUIT], fact_key[F_SUIT], "0", raw, goi_utext_line(u, p));
	if (strstr(cl, "复议") == NULL && strstr(cl, "诉讼") == NULL &&
	    (strstr(cl, "收到") != NULL || strstr(cl, "受理") != NULL) &&
	    strstr(cl, "申请") != NULL && strstr(cl, "公开") != NULL &&
	    !hasany(cl, part_words))
		setfact(x, &x->f[F_NEW], fact_key[F_NEW], "0", raw, goi_utext_line(u, p));
}

/*
 * Where the old statistics table starts: the first 指标名称, else the first
 * 统计指标 (both looked for in one pass); nothing after it is prose.  u->n
 * when there is none.
 */
static size_t
prose_end(const goi_utext *u)
{
	const int32_t *cp = u->cp;
	size_t j, k, b, st = NOPOS, st2 = NOPOS, n = u->n;

	/* (a match lies within its line: only lines holding 指 or 统) */
	for (k = 0; k < u->nl && st == NOPOS; k++) {
		if (!(u->lflags[k] & GOI_UL_STATS))
			continue;
		b = k + 1 < u->nl ? u->lstart[k + 1] : n;
		for (j = u->lstart[k]; j < b && st == NOPOS; j++)
			if (cp[j] == 0x6307 /* 指 */ &&
			    goi_utext_match(u, j, n, "指标名称") != NOPOS)
				st = j;
			else if (cp[j] == 0x7EDF /* 统 */ && st2 == NOPOS &&
			    goi_utext_match(u, j, n, "统计指标") != NOPOS)
				st2 = j;
	}
	if (st == NOPOS)
		st = st2;
	return st == NOPOS ? n : st;
}

static int
emit(const goi_sink *sink, const char *table, const char *row,
    const char *value, const char *kind, const char *raw, long line)
{
	goi_cellv c;

	c.table = table;
	c.row = row;
	c.col = "value";
	c.value = value;
	c.kind = kind;
	c.raw = raw;
	c.line = line;
	return sink->cell(sink->ctx, &c);
}

/*
 * Does the phrase at s start its sentence?  Yes at the line's start, after
 * 。 ! ? : or ;, and after a comma whose clause is only a year (2019年，),
 * maybe after a heading (一、总体情况2019年，).
 */
static int
sentence_lead(const goi_utext *u, size_t ls, size_t s)
{
	const int32_t *cp = u->cp;
	size_t p = s, q;
	int nd;

	while (p > ls && isblankcp(cp[p - 1]))
		p--;
	if (p <= ls)
		return 1;
	if (cp[p - 1] != 0xFF0C && cp[p - 1] != ',')
		return cp[p - 1] == 0x3002 || cp[p - 1] == '!' ||
		    cp[p - 1] == '?' || cp[p - 1] == ':' || cp[p - 1] == ';' ||
		    cp[p - 1] == 0xFF1B || cp[p - 1] == '\n';
	/* the clause before the comma: (heading) NNNN年(度) */
	q = p - 1;
	while (q > ls && isblankcp(cp[q - 1]))
		q--;
	if (q > ls && cp[q - 1] == 0x5EA6 /* 度 */)
		q--;
	if (q == ls || cp[q - 1] != 0x5E74 /* 年 */)
		return 0;
	q--;
	for (nd = 0; q > ls && isdig(cp[q - 1]); q--)
		nd++;
	if (nd != 4)
		return 0;
	while (q > ls && isblankcp(cp[q - 1]))
		q--;
	if (q == ls || isclause(cp[q - 1]) || cp[q - 1] == 0x3002)
		return 1;
	/* 一、总体情况, 二、主动公开政府信息情况, 一、概述 */
	return (q >= ls + 2 && cp[q - 2] == 0x60C5 /* 情 */ &&
	    cp[q - 1] == 0x51B5 /* 况 */) || (q >= ls + 2 &&
	    cp[q - 2] == 0x6982 /* 概 */ && cp[q - 1] == 0x8FF0 /* 述 */);
}

/*
 * The first place in [p, hi) where cp holds a digit, 未 or 没, or hi; four
 * code points a step with SSE2 (most of a line is neither).
 */
static size_t
next_hit(const int32_t *cp, size_t p, size_t hi)
{
#ifdef __SSE2__
	const __m128i lo = _mm_set1_epi32('0' - 1), up = _mm_set1_epi32('9' + 1);
	const __m128i wei = _mm_set1_epi32(0x672A), mei = _mm_set1_epi32(0x6CA1);
	unsigned m;

	for (; p + 4 <= hi; p += 4) {
		__m128i v = _mm_loadu_si128((const __m128i *)(cp + p));
		__m128i h = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi32(v, lo),
		    _mm_cmplt_epi32(v, up)), _mm_or_si128(_mm_cmpeq_epi32(v,
		    wei), _mm_cmpeq_epi32(v, mei)));
		if ((m = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(h))) != 0)
			return p + (size_t)__builtin_ctz(m);
	}
#endif
	while (p < hi && (cp[p] > '9' || cp[p] < '0') && cp[p] != 0x672A &&
	    cp[p] != 0x6CA1)
		p++;
	return p;
}

/*
 * The statements of one prose line [ls, le) (le its '\n' or the end) that
 * holds a figure or 未/没.
 */
static void
facts_line(factctx *x, size_t ls, size_t le)
{
	const goi_utext *u = x->u;
	const int32_t *cp = u->cp;
	char val[64], ph[RAWMAX * 2], raw[RAWMAX];
	size_t p, e, s, hi;

	hi = le < x->st ? le : x->st;
	for (p = ls; p < hi; p++) {
		p = next_hit(cp, p, hi);
		if (p >= hi)
			break;
		if (u->cp[p] == 0x672A /* 未 */ || u->cp[p] == 0x6CA1 /* 没 */) {
			read_negation(x, p, u->n);
			continue;
		}
		if (!isdig(u->cp[p]) || (e = figure_scan(u, p, u->n, val,
		    sizeof(val))) == NOPOS)
			continue;
		if (e >= u->n || !iscountunit(u->cp[e]) || e >= x->st) {
			/* skip the rest of this number */
			while (p + 1 < u->n && isdig(u->cp[p + 1]))
				p++;
			continue;
		}
		/* (a figure with a unit only is worth its decimal) */
		if (figure_norm(val, sizeof(val)) < 0)
			continue;
		s = phrase_start(u, p, 0);
		/* the phrase may begin after the unit of the last figure */
		while (s < p && (iscountunit(u->cp[s]) || isblankcp(u->cp[s]) ||
		    u->cp[s] == 0x3001 /* 、 */ || u->cp[s] == 0x548C /* 和 */ ||
		    u->cp[s] == 0x53CA /* 及 */))
			s++;
		phrase_key(u, s, p, ph, sizeof(ph));
		goi_utext_utf8(u, s, e + 1, 0, raw, sizeof(raw));
		if (u->cp[e] == 0x6761 /* 条 */ &&
		    is_active_total(ph, x->organ, sentence_lead(u, ls, s))) {
			if (!x->f[F_TOTAL].set) {
				setfact(x, &x->f[F_TOTAL], fact_key[F_TOTAL], val, raw,
				    goi_utext_line(u, p));
				read_parts(x, e + 1, u->n);
			} else
				setfact(x, &x->f[F_TOTAL], fact_key[F_TOTAL], val, raw,
				    goi_utext_line(u, p));
		} else if (is_carried_in(ph))
			setfact(x, &x->f[F_CARRIED_IN], fact_key[F_CARRIED_IN], val,
			    raw, goi_utext_line(u, p));
		else if (is_carried_out(ph))
			setfact(x, &x->f[F_CARRIED_OUT], fact_key[F_CARRIED_OUT],
			    val, raw, goi_utext_line(u, p));
		else if (is_requests_new(ph))
			setfact(x, &x->f[F_NEW], fact_key[F_NEW], val, raw,
			    goi_utext_line(u, p));
		else if (is_answered(ph))
			setfact(x, &x->f[F_ANSWERED], fact_key[F_ANSWERED], val,
			    raw, goi_utext_line(u, p));
		else if (is_appeal(ph, "行政复议"))
			setfact(x, &x->f[F_REVIEW], fact_key[F_REVIEW], val, raw,
			    goi_utext_line(u, p));
		else if (is_appeal(ph, "行政诉讼"))
			setfact(x, &x->f[F_SUIT], fact_key[F_SUIT], val, raw,
			    goi_utext_line(u, p));
		p = e;
	}
}

/* The lines of [a, b), which holds LF (an escaped \n), read one by one. */
static void
facts_lines(factctx *x, size_t a, size_t b)
{
	const int32_t *cp = x->u->cp;
	size_t ls, le;
	int tab, hit;

	for (ls = a; ls < b && ls < x->st; ls = le + 1) {
		for (le = ls, tab = hit = 0; le < x->u->n && cp[le] != '\n'; le++)
			if (cp[le] == '\t' || cp[le] == '|')
				tab = 1;
			else if ((cp[le] >= '0' && cp[le] <= '9') ||
			    cp[le] == 0x672A || cp[le] == 0x6CA1)
				hit = 1;
		if (!tab && hit)
			facts_line(x, ls, le);
	}
}

static int
text_facts(const goi_utext *u, const char *organ, const goi_sink *sink)
{
	factctx *x;
	size_t k, a, b;
	char key[32];
	int i, n = 0, rc;

	/* 23 KB of fact buffers: only the flags need zeroing */
	if ((x = malloc(sizeof(*x))) == NULL)
		return GOI_ENOMEM;
	for (i = 0; i < F_COUNT; i++)
		x->f[i].set = 0;
	x->nparts = 0;
	x->u = u;
	x->sink = sink;
	x->st = prose_end(u);
	x->organ = organ;
	/*
	 * Prose only: not table rows (a line holding TAB or |) and nothing
	 * from the old statistics table on.  Every statement lies within its
	 * line, so a line is read when it is prose and holds a digit, 未 or 没
	 * (only figures and statements of none start something): the flags
	 * of the line tell, unless it holds an LF of its own.
	 */
	for (k = 0; k < u->nl && (a = u->lstart[k]) < x->st; k++) {
		b = k + 1 < u->nl ? u->lstart[k + 1] : u->n;
		if (u->lflags[k] & GOI_UL_LF)
			facts_lines(x, a, b);
		else if ((u->lflags[k] & (GOI_UL_CELL | GOI_UL_FIGURE)) ==
		    GOI_UL_FIGURE)
			facts_line(x, a, b - 1);
	}
	for (i = 0; i < F_COUNT; i++) {
		if (!x->f[i].set)
			continue;
		if ((rc = emit(sink, "text", fact_key[i], x->f[i].value, "num",
		    x->f[i].raw, x->f[i].line)) < 0)
			goto out;
		n++;
	}
	for (i = 0; i < x->nparts; i++) {
		snprintf(key, sizeof(key), "active.part.%d", i + 1);
		if ((rc = emit(sink, "text", key, x->part[i].value, "num",
		    x->part[i].raw, x->part[i].line)) < 0)
			goto out;
		n++;
	}
	rc = n;
out:
	free(x);
	return rc;
}

/* Letters, digits and ideographs of s[0..n), the measure of a text body. */
static long
count_letters(const char *s, size_t n)
{
	static int cjk = -1;	/* U+4E00-9FFF all letters (Lo)? */
	const uint8_t *p = (const uint8_t *)s;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	long count = 0;

	if (cjk < 0)
		for (cjk = 1, c = 0x4E00; c <= 0x9FFF; c++)
			if (utf8proc_category(c) != UTF8PROC_CATEGORY_LO)
				cjk = 0;
	while (n > 0) {
		/* ASCII and the CJK block without utf8proc */
		if (p[0] < 0x80) {
			if ((p[0] >= 'a' && p[0] <= 'z') ||
			    (p[0] >= 'A' && p[0] <= 'Z') ||
			    (p[0] >= '0' && p[0] <= '9'))
				count++;
			p++;
			n--;
			continue;
		}
		if (cjk && n >= 3 && p[0] >= 0xE4 && p[0] <= 0xE9 &&
		    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
		    (c = (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 |
		    (p[2] & 0x3F)) >= 0x4E00) {
			count++;
			p += 3;
			n -= 3;
			continue;
		}
		if ((k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &c)) <= 0) {
			p++;
			n--;
			continue;
		}
		switch (utf8proc_category(c)) {
		case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
		case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
		case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
		case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
			count++;
			break;
		default:
			break;
		}
		p += k;
		n -= (size_t)k;
	}
	return count;
}

/*
 * The size of part 五's body, from mark i to mark i + 1 (or the end).  The
 * heading is the rest of the mark's line when the part goes on below it;
 * a heading run into its text on one line ends at its last 情况/措施/问题
 * within the first 40 bytes of words.
 */
static long
problems_size(const goi_doc *doc, const goi_secmark *m, int k, int i)
{
	size_t li = m[i].li, off = m[i].off, eli, eoff, l;
	static const char *const ends[] = {"情况", "措施", "问题", NULL};
	long count = 0;

	eli = i + 1 < k ? m[i + 1].li : doc->nlines;
	eoff = i + 1 < k ? m[i + 1].off : 0;
	if (li >= doc->nlines)
		return 0;
	if (eli > li) {
		li++;
		off = 0;
	} else {
		const char *t = doc->lines[li].text + off, *best = NULL, *h;
		size_t span = eoff - off < 40 * 3 ? eoff - off : 40 * 3;
		int e;

		for (e = 0; ends[e] != NULL; e++)
			for (h = t; (h = memmem(h, span - (size_t)(h - t),
			    ends[e], strlen(ends[e]))) != NULL; h++)
				if (best == NULL || h + strlen(ends[e]) > best)
					best = h + strlen(ends[e]);
		if (best != NULL)
			off = (size_t)(best - doc->lines[li].text);
	}
	for (l = li; l < eli || (l == eli && eoff > 0 && l < doc->nlines); l++) {
		size_t from = l == li ? off : 0;
		size_t to = l == eli ? eoff : doc->lines[l].len;
		if (to > from)
			count += count_letters(doc->lines[l].text + from, to - from);
	}
	return count;
}

/* Table doc: what goi_docinfo_read and goi_sections_find tell. */
static int
doc_facts(const goi_doc *doc, const goi_docinfo *info,
    const goi_secmark *marks, int k, int format, const goi_sink *sink)
{
	char secs[GOI_SEC_COUNT * 16 + 64], year[16], pchars[32] = "";
	long pline = 0;
	long first = doc->nlines > 0 ? doc->lines[0].line : 0;
	int n = 0, rc, i;
	size_t sl = 0;
	const char *fmt;
	struct {
		const char *row, *value, *kind;
		long line;
	} f[12];
	int nf = 0;

#define FACT(r, v, k, l) do { if ((v)[0] != '\0') { f[nf].row = (r); \
	f[nf].value = (v); f[nf].kind = (k); f[nf].line = (l) > 0 ? (l) : first; \
	nf++; } } while (0)
	FACT("title", info->title, "text", info->title_line);
	FACT("organ", info->organ, "text", info->title_line);
	if (info->year > 0) {
		snprintf(year, sizeof(year), "%d", info->year);
		FACT("year", year, "num", info->title_line);
	}
	FACT("period", info->period, "text", info->period_line);
	FACT("period_from", info->period_from, "text", info->period_line);
	FACT("period_to", info->period_to, "text", info->period_line);
	FACT("published", info->published, "text", info->published_line);
	FACT("signed", info->signed_date, "text", info->signed_line);
	secs[0] = '\0';
	for (i = 0; i < k; i++) {
		const char *key = goi_section_key(marks[i].section);

		if (key == NULL || sl + strlen(key) + 2 >= sizeof(secs))
			continue;
		/* each section once, in order of appearance */
		if (i > 0 && marks[i].section == marks[i - 1].section)
			continue;
		if (marks[i].section == GOI_SEC_PROBLEMS && pchars[0] == '\0' &&
		    marks[i].li < doc->nlines) {
			snprintf(pchars, sizeof(pchars), "%ld",
			    problems_size(doc, marks, k, i));
			pline = doc->lines[marks[i].li].line;
		}
		/* (it fits: see above) */
		if (sl > 0)
			secs[sl++] = ' ';
		copystr(secs + sl, sizeof(secs) - sl, key);
		sl += strlen(key);
	}
	FACT("sections", secs, "text", first);
	FACT("problems_chars", pchars, "num", pline);
#undef FACT
	for (i = 0; i < nf; i++) {
		if ((rc = emit(sink, "doc", f[i].row, f[i].value, f[i].kind,
		    f[i].value, f[i].line)) < 0)
			return rc;
		n++;
	}
	fmt = goi_format_name(format);
	if (fmt == NULL)
		fmt = "";
	if ((rc = emit(sink, "doc", "format", fmt, fmt[0] ? "text" : "empty",
	    fmt, first)) < 0)
		return rc;
	return n + 1;
}

static int
facts_run(const goi_doc *doc, const goi_docinfo *info,
    const goi_secmark *marks, int nmarks, const goi_utext *u, int format,
    const goi_sink *sink)
{
	int rc, n;

	if ((n = doc_facts(doc, info, marks, nmarks, format, sink)) < 0)
		return n;
	rc = text_facts(u, info->organ, sink);
	return rc < 0 ? rc : n + rc;
}

int
goi_facts_extract(const goi_doc *doc, const goi_docinfo *info, int format,
    const goi_sink *sink)
{
	goi_docinfo own;
	goi_secmark marks[GOI_SEC_COUNT + 1];
	goi_utext u;
	int rc, nmarks;

	if (info == NULL) {
		memset(&own, 0, sizeof(own));
		if (goi_docinfo_read(doc, &own) < 0)
			memset(&own, 0, sizeof(own));
		info = &own;
	}
	nmarks = goi_sections_find(doc, marks, GOI_SEC_COUNT + 1);
	if ((rc = goi_utext_build(&u, doc)) < 0)
		return rc;
	rc = facts_run(doc, info, marks, nmarks, &u, format, sink);
	goi_utext_free(&u);
	return rc;
}

int
goi_facts_extract_scan(const goi_docscan *s, int format, const goi_sink *sink)
{
	return facts_run(s->doc, &s->info, s->marks, s->nmarks, &s->u, format,
	    sink);
}

/* ---- goi_docscan --------------------------------------------------------- */

int
goi_docscan_read(goi_docscan *s, const goi_doc *doc)
{
	goi_signature sig;
	const goi_signature *sp;

	s->doc = doc;
	sp = goi_signature_find(doc, &sig) ? &sig : NULL;
	if (goi_docinfo_read_sig(doc, &s->info, sp) < 0)
		memset(&s->info, 0, sizeof(s->info));
	s->nmarks = goi_sections_find_sig(doc, sp, s->marks, GOI_SEC_COUNT + 1);
	return utext_fill(&s->u, doc);
}

void
goi_docscan_free(goi_docscan *s)
{
	goi_utext_free(&s->u);
}
