/*
 * norm.c - the normalization layer on utf8proc: NFKC, with every Unicode
 * space made an ASCII space and control (except TAB) and format characters
 * (zero-width characters, BOM, soft hyphen ...) removed.
 *
 * Speed comes from a fast path: printable ASCII and every 3-byte
 * character that a table built once from utf8proc's data says is its own
 * NFKC in any context (the CJK ideographs, 、。《》“” ...) are copied as
 * they are; full-width ASCII and U+3000 are mapped directly; only the runs
 * of other characters go through utf8proc.  A run handed to utf8proc
 * always starts with the character before it, so a combining mark still
 * composes with the letter it follows.  With SSE2, printable ASCII and
 * the ideographs U+4000-U+9FFF are recognized and copied sixteen bytes at
 * a time (the output buffer keeps 16 spare bytes for those stores).
 */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <utf8proc.h>

#include "goi.h"

#define NFKC_DECOMP (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE)
#define NFKC_COMP (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE)

struct goi_norm {
	int flags;
	char *out;		/* result */
	size_t ocap;
	char *tmp;		/* a slow run, filtered */
	size_t tcap;
	utf8proc_int32_t *cp;	/* a slow run, decomposed */
	size_t ccap;
	size_t bad;		/* offset of the invalid byte */
};

/*
 * stable[cp / 8] bit cp % 8: the BMP character cp is its own NFKC form
 * whatever surrounds it — a starter that no composition takes as its
 * second element, and neither a space nor a character we remove.  Built a
 * block of 256 characters at a time, when text first needs it (all of it
 * costs 10 million instructions, more than cleaning a small report):
 * page[cp >> 8] says whether the block of cp is built.
 */
static unsigned char stable[0x10000 / 8];
static unsigned char page[0x10000 >> 8];

static int
removed(utf8proc_int32_t c)
{
	utf8proc_category_t k;

	if (c == '\t')
		return 0;
	k = utf8proc_category(c);
	return k == UTF8PROC_CATEGORY_CC || k == UTF8PROC_CATEGORY_CF;
}

static int
spacelike(utf8proc_int32_t c)
{
	utf8proc_category_t k = utf8proc_category(c);

	return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL ||
	    k == UTF8PROC_CATEGORY_ZP;
}

static void
build_page(int32_t block)
{
	utf8proc_int32_t c, d[4];
	const utf8proc_property_t *p;
	int last;

	page[block] = 1;
	for (c = block << 8; c < (block + 1) << 8; c++) {
		if (c < 0x80)
			continue;
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		/* Hangul jamo and syllables compose algorithmically. */
		if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0xAC00 && c <= 0xD7A3) ||
		    (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
		    (c >= 0xD7B0 && c <= 0xD7FF))
			continue;
		p = utf8proc_get_property(c);
		if (p->combining_class != 0 || p->comb_index != UINT16_MAX ||
		    p->comp_exclusion || removed(c) || spacelike(c))
			continue;
		last = 0;
		if (utf8proc_decompose_char(c, d, 4, NFKC_DECOMP, &last) != 1 ||
		    d[0] != c)
			continue;
		stable[c >> 3] |= (unsigned char)(1u << (c & 7));
	}
}

/* Is the BMP character c stable (see stable[])? */
static int
stable_bmp(int32_t c)
{
	if (!page[c >> 8])
		build_page(c >> 8);
	return stable[c >> 3] >> (c & 7) & 1;
}

goi_norm *
goi_norm_new(int flags)
{
	goi_norm *z;

	if ((z = calloc(1, sizeof(*z))) == NULL)
		return NULL;
	z->flags = flags;
	return z;
}

void
goi_norm_free(goi_norm *z)
{
	if (z == NULL)
		return;
	free(z->out);
	free(z->tmp);
	free(z->cp);
	free(z);
}

static int
grow(char **p, size_t *cap, size_t need)
{
	char *n;
	size_t c;

	if (need <= *cap)
		return 0;
	for (c = *cap ? *cap : 256; c < need; c *= 2)
		if (c > SIZE_MAX / 4)
			return GOI_ENOMEM;
	if ((n = realloc(*p, c)) == NULL)
		return GOI_ENOMEM;
	*p = n;
	*cap = c;
	return 0;
}

/*
 * Decode one UTF-8 character at s (n > 0 bytes left): its length, or 0 if
 * the bytes are not a valid, shortest-form sequence of a scalar value.
 */
size_t
goi_utf8_decode(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t len, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		len = 2, c = u[0] & 0x1F;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		len = 3, c = u[0] & 0x0F;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		len = 4, c = u[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = (int32_t)c;
	return len;
}

/* Length of the longest valid UTF-8 prefix of s (a sequence cut by the end
 * of s is not counted). */
size_t
goi_utf8_valid(const char *s, size_t n)
{
	size_t i = 0, k;
	int32_t c;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = goi_utf8_decode(s + i, n - i, &c)) == 0)
			break;
		i += k;
	}
	return i;
}

/*
 * NFKC of s[0..n), filtered, appended to z->out at *o.  Returns 0 or a
 * negative code; on GOI_EUTF8, z->bad is the offset in s.
 */
static int
slow(goi_norm *z, const char *s, size_t n, size_t base, size_t *o)
{
	size_t i = 0, t = 0, k;
	utf8proc_ssize_t m, j;
	int32_t c;
	int rc;

	if ((rc = grow(&z->tmp, &z->tcap, 3 * n + 4)) < 0)
		return rc;
	while (i < n) {
		if ((k = goi_utf8_decode(s + i, n - i, &c)) == 0) {
			if (!(z->flags & (GOI_NORM_REPLACE | GOI_NORM_SKIP))) {
				z->bad = base + i;
				return GOI_EUTF8;
			}
			if (z->flags & GOI_NORM_REPLACE) {
				memcpy(z->tmp + t, "\xEF\xBF\xBD", 3);
				t += 3;
			}
			i++;
			continue;
		}
		if (removed(c))
			;
		else if (spacelike(c))
			z->tmp[t++] = ' ';
		else {
			memcpy(z->tmp + t, s + i, k);
			t += k;
		}
		i += k;
	}
	for (;;) {
		m = utf8proc_decompose((const utf8proc_uint8_t *)z->tmp,
		    (utf8proc_ssize_t)t, z->cp, (utf8proc_ssize_t)z->ccap, NFKC_DECOMP);
		if (m < 0)
			return GOI_EUTF8;	/* cannot happen: checked above */
		if ((size_t)m <= z->ccap)
			break;
		free(z->cp);
		z->ccap = (size_t)m + 64;
		if ((z->cp = malloc(z->ccap * sizeof(*z->cp))) == NULL) {
			z->ccap = 0;
			return GOI_ENOMEM;
		}
	}
	m = utf8proc_normalize_utf32(z->cp, m, NFKC_COMP);
	if (m < 0)
		return GOI_EINVAL;
	if ((rc = grow(&z->out, &z->ocap, *o + 4 * (size_t)m + 1)) < 0)
		return rc;
	for (j = 0; j < m; j++) {
		c = z->cp[j];
		if (c < 0x80 ? (c < 0x20 && c != '\t') || c == 0x7F : removed(c))
			continue;
		if (c >= 0x80 && spacelike(c))
			c = ' ';
		*o += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)z->out + *o);
	}
	return 0;
}

/* Full-width ASCII U+FF01-U+FF5E at u (EF BC 81 - EF BD 9E): its ASCII
 * character, else 0. */
static int
fullwidth(const unsigned char *u, size_t left)
{
	int32_t c;

	if (left < 3 || u[0] != 0xEF || (u[1] != 0xBC && u[1] != 0xBD) ||
	    (u[2] & 0xC0) != 0x80)
		return 0;
	c = ((u[1] & 0x3F) << 6 | (u[2] & 0x3F)) + 0xF000;
	return c >= 0xFF01 && c <= 0xFF5E ? (int)(c - 0xFEE0) : 0;
}

static int
is_stable(const char *s, size_t n, size_t *len)
{
	int32_t c;
	size_t k;

	if ((k = goi_utf8_decode(s, n, &c)) == 0 || c >= 0x10000 ||
	    !stable_bmp(c))
		return 0;
	*len = k;
	return 1;
}

#ifdef __SSE2__
/*
 * Which of the 16 bytes at u (16 readable) are not fast characters: fast
 * are printable ASCII, TAB (kept as it is) and whole 3-byte characters
 * U+4000-U+9FFF or U+3001-U+3029 (、。《》「」【】〔〕..., every one
 * stable: tests/norm.bats checks them against the table), in any mix.
 * With masks of the printable bytes A, of the leads L (E4-E9, and E3
 * when 80 and 81-A9 follow) and of the continuation bytes C, a byte is
 * bad when it is none of these, a lead not followed by two continuation
 * bytes, or a continuation byte that does not follow a lead (directly,
 * or after one continuation byte).  Only the bytes of the mask valid
 * count: the others are bad, and are no continuation bytes, so that a
 * character cut by the end of the text is never taken whole.  Bit k is
 * for u[k]; a block of fast bytes is 0.
 */
static inline unsigned
bad16(const unsigned char *u, unsigned valid)
{
	__m128i v = _mm_loadu_si128((const __m128i *)u);
	unsigned a, l, c;

	a = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_and_si128(
	    _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F))),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')))) & valid;
	if (a == valid)
		return ~valid & 0xFFFF;
	/* E4-E9: (b - 0xE4) saturated minus 5 is 0 */
	l = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_subs_epu8(
	    _mm_sub_epi8(v, _mm_set1_epi8((char)0xE4)), _mm_set1_epi8(5)),
	    _mm_setzero_si128()));
	c = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
	    _mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
	    _mm_set1_epi8((char)0x80))) & valid;
	/* E3 80 81-A9: (b - 0x81) saturated minus 0x28 is 0 for 81-A9 */
	l |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8((char)0xE3))) &
	    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8((char)0x80))) >> 1 &
	    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_subs_epu8(
	    _mm_sub_epi8(v, _mm_set1_epi8((char)0x81)), _mm_set1_epi8(0x28)),
	    _mm_setzero_si128())) >> 2;
	return (~(a | l | c) | (l & ~(c >> 1)) | (l & ~(c >> 2)) |
	    (c & ~((l << 1) | (l << 2 & c << 1))) | ~valid) & 0xFFFF;
}
#endif

long
goi_norm_text(goi_norm *z, const char *s, size_t n, const char **out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, j, k;
	unsigned b, cp;
	int a, rc;
#ifdef __SSE2__
	int padded = (z->flags & GOI_NORM_PADDED) != 0;	/* see below */
#endif

	if (n + 17 > z->ocap && (rc = grow(&z->out, &z->ocap, n + 17)) < 0)
		return rc;
#ifdef __SSE2__
	/* most lines of a table are a few fast bytes: one block */
	if (padded && n <= 16 && bad16(u, 0xFFFFu >> (16 - n)) ==
	    (0xFFFFu << n & 0xFFFF)) {
		memcpy(z->out, s, 16);
		z->out[n] = '\0';
		*out = z->out;
		return (long)n;
	}
#endif
	while (i < n) {
#ifdef __SSE2__
		/*
		 * A block of sixteen bytes is classified once (bad16), then
		 * walked: the fast bytes up to the next bad one are stored
		 * sixteen at a time, and a full-width ASCII character or
		 * U+3000 there (，（）：; in most lines) is mapped as the way
		 * below maps it, and the walk goes on in the same block: the
		 * bytes after it keep their class, which depends on the bytes
		 * of the block alone.  Any other character goes the way below.
		 * With GOI_NORM_PADDED a block may reach past n (into the
		 * promised readable bytes), whose bytes are bad.
		 */
		if (i + 16 <= n || padded) {
			size_t base = i;
			unsigned bad = bad16(u + i, n - i >= 16 ? 0xFFFFu :
			    (1u << (n - i)) - 1);

			for (;;) {
				k = base + (size_t)__builtin_ctz(bad | 0x10000);
				if (i + 16 <= n || padded)
					memcpy(z->out + o, s + i, 16);
				else
					memcpy(z->out + o, s + i, k - i);
				o += k - i;
				i = k;
				if (i >= n || i == base + 16)
					break;
				b = u[i];
				/* a lead cut by the end of the block (two of
				 * three characters are): the next block starts
				 * with it */
				if (i - base >= 14 && b - 0xE3u <= 6u)
					break;
				if (b == 0xEF && i + 2 < n && (u[i + 1] == 0xBC ?
				    u[i + 2] - 0x81u < 0x3Fu :
				    u[i + 1] == 0xBD && u[i + 2] - 0x80u < 0x1Fu))
					/* U+FF01-U+FF5E: EF BC 81 is '!' */
					z->out[o++] = (char)(u[i + 2] -
					    (u[i + 1] == 0xBC ? 0x60 : 0x20));
				else if (b == 0xE3 && i + 2 < n &&
				    u[i + 1] == 0x80 && u[i + 2] == 0x80)
					z->out[o++] = ' ';	/* U+3000 */
				else
					break;
				i += 3;
				if (i >= base + 16)
					break;
				bad &= ~0u << (i - base);
			}
			if (i >= n || i - base >= 14)
				continue;	/* else the bad character at i */
		}
#endif
		/* The fast path: printable ASCII and stable 3-byte
		 * characters are copied as they are. */
		b = u[i];
		if (b - 0x20u < 0x5Fu) {
			z->out[o++] = (char)b;
			i++;
			continue;
		}
		if (b - 0xE0u < 0x10u && i + 2 < n &&
		    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			cp = (b & 0x0F) << 12 | (u[i + 1] & 0x3Fu) << 6 |
			    (u[i + 2] & 0x3Fu);
			if (b - 0xE4u <= 5u ||	/* U+4000-U+9FFF */
			    (cp >= 0x800 && stable_bmp((int32_t)cp))) {
				memcpy(z->out + o, s + i, 3);
				o += 3;
				i += 3;
				continue;
			}
			if (cp - 0xFF01u < 0x5Eu || cp == 0x3000) {
				/* full-width ASCII (as fullwidth()), U+3000 */
				z->out[o++] = cp == 0x3000 ? ' ' : (char)(cp - 0xFEE0);
				i += 3;
				continue;
			}
		}
		if (u[i] < 0x80) {	/* controls go; TAB stays */
			if (u[i] == '\t')
				z->out[o++] = '\t';
			i++;
			continue;
		}
		if ((a = fullwidth(u + i, n - i)) != 0) {
			z->out[o++] = (char)a;
			i += 3;
			continue;
		}
		if (u[i] == 0xE3 && i + 2 < n && u[i + 1] == 0x80 && u[i + 2] == 0x80) {
			z->out[o++] = ' ';	/* U+3000 */
			i += 3;
			continue;
		}
		if (is_stable(s + i, n - i, &k)) {
			memcpy(z->out + o, s + i, k);
			o += k;
			i += k;
			continue;
		}
		/* A slow run: up to the next fast character. */
		for (j = i + 1; j < n && (u[j] & 0xC0) == 0x80; j++)
			;
		while (j < n && u[j] >= 0x80 && !is_stable(s + j, n - j, &k)) {
			for (j++; j < n && (u[j] & 0xC0) == 0x80; j++)
				;
		}
		/*
		 * Start at the character before when it may compose with what
		 * follows: an ASCII letter (e + U+0301) or a full-width one.
		 */
		if (o > 0 && i > 0 && u[i - 1] >= 0x20 && u[i - 1] < 0x7F &&
		    z->out[o - 1] == s[i - 1]) {
			i--;
			o--;
		} else if (o > 0 && i >= 3 && (a = fullwidth(u + i - 3, 3)) != 0 &&
		    z->out[o - 1] == (char)a) {
			i -= 3;
			o--;
		}
		if ((rc = slow(z, s + i, j - i, i, &o)) < 0)
			return rc;
		if ((rc = grow(&z->out, &z->ocap, o + (n - j) + 17)) < 0)
			return rc;
		i = j;
	}
	z->out[o] = '\0';
	*out = z->out;
	return (long)o;
}

size_t
goi_norm_badoffset(const goi_norm *z)
{
	return z->bad;
}

int
goi_is_cjk(int32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x31F0 && c <= 0x31FF) ||
	    (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2026 ||
	    (c >= 0x20000 && c <= 0x3134F);
}

int
goi_is_han(int32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}
