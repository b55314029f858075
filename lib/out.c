/*
 * out.c - stream output: TSV with the escapes of SPEC section 2, or RFC 4180
 * CSV through libcsv.  Rows are assembled in our own buffer and handed to
 * stdio in large blocks.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "goi.h"

#define OUTBUF (64 * 1024)

struct goi_out {
	FILE *fp;
	int flags;
	int nfield;		/* fields in the current row */
	int failed;
	int errnum;
	char *buf;
	size_t len, cap;
	char *pre;		/* goi_out_setprefix: escaped, separated */
	size_t plen, pcap;
	int pfields;
	long long lastv;	/* goi_out_prefixrow's last number, -1 */
	char lastd[32];		/* its digits */
	size_t lastk;
};

goi_out *
goi_out_new(FILE *fp, int flags)
{
	goi_out *o;

	if ((o = calloc(1, sizeof(*o))) == NULL)
		return NULL;
	o->fp = fp;
	o->flags = flags;
	o->lastv = -1;
	o->cap = OUTBUF;
	if ((o->buf = malloc(o->cap)) == NULL) {
		free(o);
		return NULL;
	}
	return o;
}

static int
drain(goi_out *o)
{
	if (o->len > 0 && !o->failed &&
	    fwrite(o->buf, 1, o->len, o->fp) != o->len) {
		o->failed = 1;
		o->errnum = errno;
	}
	o->len = 0;
	return o->failed ? GOI_EIO : 0;
}

/* Make room for n more bytes. */
static int
room(goi_out *o, size_t n)
{
	char *nb;
	size_t cap;

	if (o->len + n <= o->cap)
		return 0;
	if (drain(o) < 0)
		return GOI_EIO;
	if (n <= o->cap)
		return 0;
	for (cap = o->cap; cap < n; cap *= 2)
		;
	if ((nb = realloc(o->buf, cap)) == NULL)
		return GOI_ENOMEM;
	o->buf = nb;
	o->cap = cap;
	return 0;
}

int
goi_out_raw(goi_out *o, const char *s, size_t n)
{
	int rc;

	if ((rc = room(o, n)) < 0)
		return rc;
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	return 0;
}

static int
csv_needs_quotes(const char *s, size_t n)
{
	size_t i;

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return 1;
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return 1;
	return 0;
}

#if defined(__GNUC__) || defined(__clang__)
#define CTZ(m) __builtin_ctz(m)
#else
static int
CTZ(unsigned m)
{
	int k = 0;

	for (; !(m & 1); m >>= 1)
		k++;
	return k;
}
#endif

/* Which of the 16 bytes at p may need a TSV escape (TAB, LF, CR, '\\')?
 * Bit k for p[k]; any byte below 0x20 is flagged. */
static unsigned
special16(const char *p)
{
#ifdef __SSE2__
	__m128i v = _mm_loadu_si128((const __m128i *)p);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
	    _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v)));
#else
	unsigned m = 0;
	int k;

	for (k = 0; k < 16; k++)
		if ((unsigned char)p[k] < 0x20 || p[k] == '\\')
			m |= 1u << k;
	return m;
#endif
}

/*
 * s[0..n) into out with the escapes of SPEC section 2 (as goi_tsv_escape);
 * its length.  Sixteen bytes at a time: a block is copied whole, then the
 * output goes back to its first byte that needs an escape; while nothing
 * has been escaped the last bytes are checked and copied as the
 * (overlapping) last block.  So a field is about one pass over its bytes
 * (this runs for every field of every row).  out has room for 2 * n + 16.
 */
static size_t
tsv_copy(char *out, const char *s, size_t n)
{
	static const char esc[256] = {['\t'] = 't', ['\n'] = 'n',
		['\r'] = 'r', ['\\'] = '\\'};
	const uint64_t ones = 0x0101010101010101ULL, high = ones << 7;
	uint64_t x, y, z, e;
	size_t i = 0, w = 0;
	unsigned m;

	if (n >= 8 && n < 16) {	/* two overlapping words */
		memcpy(&x, s, 8);
		memcpy(&y, s + n - 8, 8);
		z = x ^ (ones * '\\');
		e = (((x - ones * 0x20) & ~x) | ((z - ones) & ~z));
		z = y ^ (ones * '\\');
		e |= (((y - ones * 0x20) & ~y) | ((z - ones) & ~z));
		if (!(e & high)) {
			memcpy(out, &x, 8);
			memcpy(out + n - 8, &y, 8);
			return n;
		}
	}
	while (i + 16 <= n) {
		memcpy(out + w, s + i, 16);
		if ((m = special16(s + i)) == 0) {
			i += 16;
			w += 16;
			continue;
		}
		m = (unsigned)CTZ(m);
		i += m;
		w += m;
		if (esc[(unsigned char)s[i]]) {
			out[w++] = '\\';
			out[w++] = esc[(unsigned char)s[i]];
		} else
			out[w++] = s[i];	/* another control: as it is */
		i++;
	}
	if (i < n && n >= 16 && w == i && special16(s + n - 16) == 0) {
		memcpy(out + n - 16, s + n - 16, 16);
		return n;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (esc[c]) {
			out[w++] = '\\';
			out[w++] = esc[c];
		} else
			out[w++] = (char)c;
	}
	return w;
}

int
goi_out_field(goi_out *o, const char *s, size_t n)
{
	int rc;

	if (o->len + 2 * n + 18 > o->cap && (rc = room(o, 2 * n + 18)) < 0)
		return rc;
	if (o->nfield++ > 0)
		o->buf[o->len++] = (o->flags & GOI_OUT_CSV) ? ',' : '\t';
	if (!(o->flags & GOI_OUT_CSV)) {
		o->len += tsv_copy(o->buf + o->len, s, n);
	} else if (csv_needs_quotes(s, n))
		o->len += csv_write(o->buf + o->len, o->cap - o->len, s, n);
	else {
		memcpy(o->buf + o->len, s, n);
		o->len += n;
	}
	return 0;
}

int
goi_out_fieldz(goi_out *o, const char *s)
{
	return goi_out_field(o, s ? s : "", s ? strlen(s) : 0);
}

/*
 * Fields f[0..k) (NUL-terminated, NULL for empty), as goi_out_fieldz would
 * write each.  Most fields of a cells row are short keys and figures with
 * nothing to escape: in TSV they are copied in one pass, without a strlen
 * and a call a field, the bytes that stop a plain copy (NUL, the other
 * controls, '\\') looked up in a table four bytes a step; no byte past a
 * field's NUL is read.  A field that holds a byte to escape (or is long)
 * starts again through goi_out_field.
 */
int
goi_out_fieldsz(goi_out *o, const char *const *f, int k)
{
	static const unsigned char stop[256] = {
		1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		['\\'] = 1};
	const unsigned char *s;
	const char *field;
	char *w, *end;
	int i, rc;

	for (i = 0; i < k; i++) {
		field = f[i] ? f[i] : "";
		if (o->flags & GOI_OUT_CSV) {
			if ((rc = goi_out_field(o, field, strlen(field))) < 0)
				return rc;
			continue;
		}
		s = (const unsigned char *)field;
		if (o->cap - o->len < 256 && (rc = room(o, 256)) < 0)
			return rc;
		w = o->buf + o->len;
		end = o->buf + o->cap - 4;
		if (o->nfield > 0)
			*w++ = '\t';
		while (w < end) {
			if (stop[s[0]])
				break;
			w[0] = (char)s[0];
			if (stop[s[1]]) {
				s += 1, w += 1;
				break;
			}
			w[1] = (char)s[1];
			if (stop[s[2]]) {
				s += 2, w += 2;
				break;
			}
			w[2] = (char)s[2];
			if (stop[s[3]]) {
				s += 3, w += 3;
				break;
			}
			w[3] = (char)s[3];
			s += 4, w += 4;
		}
		if (*s == '\0') {
			o->len = (size_t)(w - o->buf);
			o->nfield++;
			continue;
		}
		/* a byte to escape, or a long field: the usual way */
		if ((rc = goi_out_field(o, field, strlen(field))) < 0)
			return rc;
	}
	return 0;
}

/*
 * The decimal digits of u, written backwards so that they end at p: two a
 * step (snprintf costs more than the rest of a row).  Returns where they
 * start.
 */
static char *
put_digits(char *p, unsigned long long u)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930"
	    "31323334353637383940414243444546474849505152535455565758596061"
	    "6263646566676869707172737475767778798081828384858687888990919293"
	    "949596979899";
	uint32_t v32;

	for (; u > 0xFFFFFFFFu; u /= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (u % 100), 2);
	}
	for (v32 = (uint32_t)u; v32 >= 100; v32 /= 100) {	/* cheaper */
		p -= 2;
		memcpy(p, pairs + 2 * (v32 % 100), 2);
	}
	if (v32 >= 10) {
		p -= 2;
		memcpy(p, pairs + 2 * v32, 2);
	} else
		*--p = (char)('0' + v32);
	return p;
}

/* The number of decimal digits of u. */
static size_t
digits(unsigned long long u)
{
	size_t n = 1;

	for (; u >= 10000; u /= 10000)
		n += 4;
	return n + (u >= 10) + (u >= 100) + (u >= 1000);
}

int
goi_out_fieldl(goi_out *o, long long v)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;
	int rc;

	/* 22 bytes at most: a separator, '-' and 20 digits */
	if (o->len + 24 > o->cap && (rc = room(o, 24)) < 0)
		return rc;
	if (o->nfield++ > 0)
		o->buf[o->len++] = (o->flags & GOI_OUT_CSV) ? ',' : '\t';
	if (v < 0)	/* digits and '-' need no escape and no quotes */
		o->buf[o->len++] = '-';
	o->len += digits(u);	/* straight into the row */
	put_digits(o->buf + o->len, u);
	return 0;
}

int
goi_out_endrow(goi_out *o)
{
	int rc;

	if ((rc = room(o, 2)) < 0)
		return rc;
	if (o->flags & GOI_OUT_CSV)
		o->buf[o->len++] = '\r';
	o->buf[o->len++] = '\n';
	o->nfield = 0;
	return o->failed ? GOI_EIO : 0;
}

int
goi_out_header(goi_out *o, int stream)
{
	const char *const *c = goi_stream_columns(stream);
	int rc = 0;

	if (o->flags & GOI_OUT_NOHEADER || c == NULL)
		return 0;
	for (; *c != NULL && rc == 0; c++)
		rc = goi_out_fieldz(o, *c);
	return rc ? rc : goi_out_endrow(o);
}

int
goi_out_flush(goi_out *o)
{
	drain(o);
	if (!o->failed && fflush(o->fp) == EOF) {
		o->failed = 1;
		o->errnum = errno;
	}
	if (!o->failed && ferror(o->fp)) {
		o->failed = 1;
		o->errnum = EIO;
	}
	if (o->failed) {
		errno = o->errnum;
		return GOI_EIO;
	}
	return 0;
}

/*
 * The first k fields of the rows that follow, escaped once: a document's
 * key, year and format are the same on every one of its rows, and escaping
 * them row by row was a fifth of goi-clean's and goi-table's time.  The
 * bytes are built by goi_out_field itself, so they are what it would write.
 */
int
goi_out_setprefix(goi_out *o, const char *const *f, const size_t *n, int k)
{
	char *buf = o->buf;
	size_t len = o->len, cap = o->cap, need = 0;
	int nfield = o->nfield, i, rc;

	for (i = 0; i < k; i++)	/* what goi_out_field makes room for */
		need += 2 * n[i] + 18;
	if ((rc = goi_grow(&o->pre, &o->pcap, need + 1, 1)) < 0)
		return rc;
	/* write into the prefix buffer as if it were the row buffer */
	o->buf = o->pre;
	o->cap = o->pcap;
	o->len = 0;
	o->nfield = 0;
	for (i = 0; i < k; i++)
		goi_out_field(o, f[i], n[i]);
	o->plen = o->len;
	o->pfields = k;
	/* defined bytes up to the end: goi_out_prefixrow copies 16 at a time */
	memset(o->pre + o->plen, 0, o->pcap - o->plen);
	o->buf = buf;
	o->cap = cap;
	o->len = len;
	o->nfield = nfield;
	return 0;
}

int
goi_out_prefix(goi_out *o)
{
	int rc;

	if (o->len + o->plen + 1 > o->cap && (rc = room(o, o->plen + 1)) < 0)
		return rc;
	if (o->nfield > 0 && o->pfields > 0)
		o->buf[o->len++] = (o->flags & GOI_OUT_CSV) ? ',' : '\t';
	memcpy(o->buf + o->len, o->pre, o->plen);
	o->len += o->plen;
	o->nfield += o->pfields;
	return 0;
}

/*
 * One row of the lines stream in a call: the prefix (goi_out_setprefix),
 * the number v and the field s[0..n), exactly as goi_out_prefix,
 * goi_out_fieldl, goi_out_field and goi_out_endrow would write them one
 * after the other (goi-clean writes a row a line, and the four calls
 * with their four room checks cost more than the bytes).  s[n..n+16)
 * must be readable: a field's last block is loaded whole and the bytes
 * after n are masked off.  When the whole row may not fit in the buffer,
 * or for CSV, it is written by the four calls, so the buffer drains at
 * the same rows as theirs and a write error shows at the same row.
 */
int
goi_out_prefixrow(goi_out *o, long long v, const char *s, size_t n)
{
	static const char esc[256] = {['\t'] = 't', ['\n'] = 'n',
		['\r'] = 'r', ['\\'] = '\\'};
	static const uint32_t pow10[10] = {1, 10, 100, 1000, 10000, 100000,
		1000000, 10000000, 100000000, 1000000000};
	const char *pre = o->pre;
	size_t plen = o->plen, i, k;
	uint32_t u;
	char *w;
	unsigned m;

	/* what the four calls would make room for, each in its turn */
	if ((o->flags & GOI_OUT_CSV) || o->nfield > 0 || v < 0 ||
	    v > 0xFFFFFFFF || o->len + plen + 1 + 24 + 2 * n + 18 + 2 > o->cap) {
		goi_out_prefix(o);
		goi_out_fieldl(o, v);
		goi_out_field(o, s, n);
		return goi_out_endrow(o);
	}
	w = o->buf + o->len;
	/* the prefix buffer has 16 spare bytes (goi_out_setprefix) */
	for (i = 0; i < plen; i += 16)
		memcpy(w + i, pre + i, 16);
	w += plen;
	if (o->pfields > 0)
		*w++ = '\t';
	/*
	 * The number: rows mostly number consecutive lines, so the digits
	 * of the last one are kept and counted up by one; another number is
	 * written two digits a step from its last (log10 from log2).
	 */
	if (v == o->lastv + 1 && o->lastv >= 0) {
		char *d = o->lastd + o->lastk - 1;
		while (d >= o->lastd && *d == '9')
			*d-- = '0';
		if (d >= o->lastd)
			++*d;
		else {		/* 99 + 1 */
			memmove(o->lastd + 1, o->lastd, o->lastk++);
			o->lastd[0] = '1';
		}
	} else if (v != o->lastv) {
		u = (uint32_t)v;
		k = (size_t)(32 - __builtin_clz(u | 1)) * 1233 >> 12;
		k += u >= pow10[k];
		o->lastk = k;
		put_digits(o->lastd + k, u);
	}
	o->lastv = v;
	memcpy(w, o->lastd, 16);	/* at most 10 digits */
	w += o->lastk;
	*w++ = '\t';
	/*
	 * The field, sixteen bytes at a time: a block is copied whole and
	 * the output goes on from its first byte to escape (the last block's
	 * bytes after n masked off).  w never gets more than 16 bytes past
	 * twice the bytes read: within the 2n + 18 made room for.
	 */
	for (i = 0; i < n;) {
		m = special16(s + i);
		memcpy(w, s + i, 16);
		if (n - i <= 16) {
			m &= 0xFFFFu >> (16 - (n - i));
			if (m == 0) {
				w += n - i;
				break;
			}
		} else if (m == 0) {
			w += 16;
			i += 16;
			continue;
		}
		k = (size_t)CTZ(m);
		w += k;
		i += k;
		if (esc[(unsigned char)s[i]]) {
			*w++ = '\\';
			*w++ = esc[(unsigned char)s[i]];
		} else
			*w++ = s[i];	/* another control: as it is */
		i++;
	}
	*w++ = '\n';
	o->len = (size_t)(w - o->buf);
	return o->failed ? GOI_EIO : 0;
}

int
goi_out_close(goi_out *o)
{
	int rc;

	if (o == NULL)
		return 0;
	rc = goi_out_flush(o);
	free(o->pre);
	free(o->buf);
	free(o);
	return rc;
}
