/*
 * decode.c - raw input to UTF-8 lines.  The encoding is found from the
 * first 64 KiB: a BOM (UTF-8, UTF-16LE, UTF-16BE), else UTF-16 when NUL
 * bytes fill one side of a quarter of the byte pairs and never the other,
 * else UTF-8 when those bytes are UTF-8, else GB18030 when they are
 * GB18030 (GBK and GB2312 are subsets), else UTF-8 (and goi_norm reports
 * the first invalid byte).
 * UTF-8 input is split in place (the LF and CR of 64 bytes at a time
 * found as one bit mask); other encodings go through iconv(3) block by
 * block into the same kind of buffer.  Lines end at LF, CRLF or a lone
 * CR, and are numbered so.  The buffer keeps PAD zero bytes after its
 * text, so a line is always followed by 16 readable bytes
 * (GOI_NORM_PADDED).
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "goi.h"

#define BLOCK (128 * 1024)
#define SNIFF (64 * 1024)
#define PAD 64		/* zero bytes kept after the text: a line is
			 * followed by 16 readable bytes, a window of
			 * eol() bits may reach past the end */

struct goi_decoder {
	goi_reader *r;
	int invalid;		/* 0, GOI_NORM_REPLACE or GOI_NORM_SKIP */
	int started;
	int conv;		/* through iconv */
	iconv_t cd;
	int unit;		/* bytes skipped at an invalid sequence */
	char enc[64];
	char *in;		/* raw bytes waiting for iconv */
	size_t ilen, icap;
	uint64_t ioff;		/* input offset of in[0] */
	int ieof;
	char *buf;		/* UTF-8 text, PAD zero bytes after end */
	size_t start, end, cap;
	size_t win;		/* the 64 bytes at buf + win ... */
	uint64_t eolbits;	/* ... hold LF or CR where these bits are
				 * (those before start cleared) */
	uint64_t consumed;	/* input offset of buf[0] (UTF-8 input) */
	int eof;
	long lineno;
	uint64_t lineoff;
	uint64_t badoff;
};

static int
same_enc(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		while (*a == '-' || *a == '_')
			a++;
		while (*b == '-' || *b == '_')
			b++;
		if ((*a | 0x20) != (*b | 0x20))
			return 0;
	}
	return *a == *b;
}

goi_decoder *
goi_decoder_new(goi_reader *r, const char *encoding, int invalid)
{
	goi_decoder *d;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	d->r = r;
	d->invalid = invalid;
	d->cd = (iconv_t)-1;
	d->win = SIZE_MAX;
	d->cap = BLOCK;
	if ((d->buf = malloc(d->cap)) == NULL) {
		free(d);
		return NULL;
	}
	if (encoding != NULL) {
		if (strlen(encoding) >= sizeof(d->enc)) {
			goi_decoder_free(d);
			errno = EINVAL;
			return NULL;
		}
		strcpy(d->enc, encoding);
		if (!same_enc(encoding, "UTF-8")) {
			if ((d->cd = iconv_open("UTF-8", encoding)) == (iconv_t)-1) {
				goi_decoder_free(d);
				errno = EINVAL;
				return NULL;
			}
			d->conv = 1;
		}
	}
	return d;
}

void
goi_decoder_free(goi_decoder *d)
{
	if (d == NULL)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d->in);
	free(d->buf);
	free(d);
}

/* Room for n more bytes after d->end and PAD after them, keeping
 * d->buf[d->start..].  The bits of eol windows are forgotten. */
static int
room(goi_decoder *d, size_t n)
{
	char *nb;
	size_t cap;

	n += PAD;
	d->eolbits = 0;
	d->win = SIZE_MAX;
	if (d->start > 0 && d->end + n > d->cap) {
		memmove(d->buf, d->buf + d->start, d->end - d->start);
		d->end -= d->start;
		d->consumed += d->start;
		d->start = 0;
	}
	if (d->end + n <= d->cap)
		return 0;
	for (cap = d->cap; cap < d->end + n; cap *= 2)
		if (cap > SIZE_MAX / 4)
			return GOI_ENOMEM;
	if ((nb = realloc(d->buf, cap)) == NULL)
		return GOI_ENOMEM;
	d->buf = nb;
	d->cap = cap;
	return 0;
}

/* After the text, PAD zero bytes (room() made them room). */
static void
pad(goi_decoder *d)
{
	memset(d->buf + d->end, 0, PAD);
}

/* Read raw bytes into buf (UTF-8) or in (iconv).  >0, 0 at end, <0. */
static long
rawread(goi_decoder *d, char *p, size_t n)
{
	return goi_reader_read(d->r, p, n);
}

/* Does the block s[0..n) convert from enc without an invalid sequence? */
static int
converts(const char *enc, const char *s, size_t n)
{
	iconv_t cd;
	char out[4096], *ip = (char *)s, *op;
	size_t il = n, ol;
	int ok = 1;

	if ((cd = iconv_open("UTF-8", enc)) == (iconv_t)-1)
		return 0;
	while (il > 0) {
		op = out;
		ol = sizeof(out);
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
			if (errno == E2BIG)
				continue;
			ok = errno == EINVAL;	/* cut at the end of the block */
			break;
		}
	}
	iconv_close(cd);
	return ok;
}

static int
setconv(goi_decoder *d, const char *enc)
{
	strcpy(d->enc, enc);
	if ((d->cd = iconv_open("UTF-8", enc)) == (iconv_t)-1)
		return GOI_EINVAL;
	d->conv = 1;
	return 0;
}

/*
 * UTF-16 without a BOM: NUL bytes in a quarter or more of the byte pairs,
 * all on the same side.  1 little endian, -1 big endian, else 0.
 */
static int
utf16_guess(const unsigned char *u, size_t n)
{
	size_t i, odd = 0, even = 0, pairs = n / 2;

	for (i = 0; i + 1 < n; i += 2) {
		even += u[i] == 0;
		odd += u[i + 1] == 0;
	}
	if (pairs < 2)
		return 0;
	if (even == 0 && odd * 4 >= pairs)
		return 1;
	if (odd == 0 && even * 4 >= pairs)
		return -1;
	return 0;
}

/* Read the first block, choose the encoding. */
static int
sniff(goi_decoder *d)
{
	long got;
	size_t n, v;
	unsigned char *u;
	int rc;

	d->started = 1;
	while (d->end < SNIFF) {
		if ((rc = room(d, SNIFF)) < 0)
			return rc;
		if ((got = rawread(d, d->buf + d->end, SNIFF - d->end)) < 0)
			return (int)got;
		if (got == 0) {
			d->eof = 1;
			break;
		}
		d->end += (size_t)got;
	}
	pad(d);
	n = d->end;
	u = (unsigned char *)d->buf;
	if (d->enc[0] == '\0') {
		if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
			strcpy(d->enc, "UTF-8");
		else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
			if ((rc = setconv(d, "UTF-16LE")) < 0)
				return rc;
			d->start = 2;
		} else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
			if ((rc = setconv(d, "UTF-16BE")) < 0)
				return rc;
			d->start = 2;
		} else if ((rc = utf16_guess(u, n)) != 0) {
			if ((rc = setconv(d, rc > 0 ? "UTF-16LE" : "UTF-16BE")) < 0)
				return rc;
		} else {
			v = goi_utf8_valid(d->buf, n);
			if (v == n || (!d->eof && n - v < 4) ||
			    !converts("GB18030", d->buf, n))
				strcpy(d->enc, "UTF-8");
			else if ((rc = setconv(d, "GB18030")) < 0)
				return rc;
		}
	}
	if (!d->conv) {
		if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
			d->start = 3;
		return 0;
	}
	/* The block becomes iconv's input; buf receives the UTF-8. */
	d->unit = (strncasecmp(d->enc, "UTF-16", 6) == 0 ||
	    strncasecmp(d->enc, "UCS-2", 5) == 0) ? 2 :
	    strncasecmp(d->enc, "UTF-32", 6) == 0 ? 4 : 1;
	d->icap = n > BLOCK ? n : BLOCK;
	if ((d->in = malloc(d->icap)) == NULL)
		return GOI_ENOMEM;
	memcpy(d->in, d->buf + d->start, n - d->start);
	d->ilen = n - d->start;
	d->ioff = d->start;
	d->ieof = d->eof;
	d->eof = 0;
	d->start = d->end = 0;
	pad(d);
	return 0;
}

/* Convert more input.  1 if text was added or input remains, 0 at end. */
static int
convert(goi_decoder *d)
{
	char *ip, *op;
	size_t il, ol, done;
	long got;
	int rc;

	for (;;) {
		if (!d->ieof && d->ilen < d->icap) {	/* top up */
			if ((got = rawread(d, d->in + d->ilen,
			    d->icap - d->ilen)) < 0)
				return (int)got;
			if (got == 0)
				d->ieof = 1;
			d->ilen += (size_t)got;
		}
		if (d->ilen == 0) {
			d->eof = 1;
			return 0;
		}
		if ((rc = room(d, 4 * d->ilen + 16)) < 0)
			return rc;
		ip = d->in;
		il = d->ilen;
		op = d->buf + d->end;
		ol = d->cap - PAD - 3 - d->end;	/* 3: a U+FFFD */
		if (iconv(d->cd, &ip, &il, &op, &ol) == (size_t)-1 &&
		    errno != E2BIG && (errno == EILSEQ || d->ieof)) {
			/* an invalid sequence, or one cut by the end */
			d->end = (size_t)(op - d->buf);
			if (d->invalid == 0) {
				const char *p;
				long line = d->lineno + 1;

				for (p = d->buf + d->start;
				    (p = memchr(p, '\n', (size_t)(d->buf + d->end - p)));
				    p++)
					line++;
				d->lineno = line;
				d->badoff = d->ioff + (uint64_t)(ip - d->in);
				return GOI_EENCODING;
			}
			if (d->invalid == GOI_NORM_REPLACE) {
				memcpy(d->buf + d->end, "\xEF\xBF\xBD", 3);
				d->end += 3;
			}
			done = (size_t)(ip - d->in) + (size_t)d->unit;
			if (done > d->ilen)
				done = d->ilen;
		} else {
			d->end = (size_t)(op - d->buf);
			done = (size_t)(ip - d->in);
		}
		pad(d);
		memmove(d->in, d->in + done, d->ilen - done);
		d->ilen -= done;
		d->ioff += done;
		if (done > 0 || d->ieof)
			return 1;
		/* nothing converted: a sequence cut by the block end */
		if (d->ilen == d->icap) {
			char *ni = realloc(d->in, d->icap * 2);
			if (ni == NULL)
				return GOI_ENOMEM;
			d->in = ni;
			d->icap *= 2;
		}
		if ((got = rawread(d, d->in + d->ilen, d->icap - d->ilen)) < 0)
			return (int)got;
		if (got == 0)
			d->ieof = 1;
		d->ilen += (size_t)got;
	}
}

/* More text in buf: >0, 0 at the end, <0 on error. */
static int
fill(goi_decoder *d)
{
	long got;
	int rc;

	if (d->eof)
		return 0;
	if (d->conv)
		return convert(d);
	if ((rc = room(d, BLOCK)) < 0)
		return rc;
	if ((got = rawread(d, d->buf + d->end, d->cap - PAD - d->end)) < 0)
		return (int)got;
	if (got == 0)
		d->eof = 1;
	d->end += (size_t)got;
	pad(d);
	return got > 0;
}

/* The first LF or CR in [p, end), else NULL.  Sixteen bytes at a time
 * with SSE2: one pass finds both. */
static const char *
eol(const char *p, const char *end)
{
#ifdef __SSE2__
	unsigned m;

	for (; end - p >= 16; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)p);
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
		if (m != 0)
			return p + __builtin_ctz(m);
	}
#endif
	for (; p < end; p++)
		if (*p == '\n' || *p == '\r')
			return p;
	return NULL;
}

/* LF and CR among the 64 bytes at p: bit k for p[k]. */
static uint64_t
eol64(const char *p)
{
	uint64_t m = 0;
	int k;

#ifdef __SSE2__
	for (k = 0; k < 64; k += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(p + k));
		m |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')))) << k;
	}
#else
	for (k = 0; k < 64; k++)
		if (p[k] == '\n' || p[k] == '\r')
			m |= (uint64_t)1 << k;
#endif
	return m;
}

/*
 * A line ends at LF, at CRLF, or at a lone CR; at the end of the input a
 * CR ends it too.  A CR that is the last byte read so far waits for the
 * next block to tell CRLF from CR.  The line is followed by at least 16
 * readable bytes (its end of line, the next lines, the zero bytes of PAD).
 */
int
goi_decoder_getline(goi_decoder *d, goi_span *line)
{
	size_t scanned = 0, n, skip, pos, w;
	const char *e;
	int rc;

	if (!d->started && (rc = sniff(d)) < 0)
		return rc;
	/*
	 * Most lines end in the bits of the current 64-byte window, or of
	 * the next one (windows are read past the text into PAD, the bits
	 * past the end and before start cleared): a few instructions a
	 * line.  Where no end of line is left in what was read, or a CR is
	 * its last byte, the way below reads more.
	 */
	for (;;) {
		if (d->eolbits == 0) {
			w = d->win == SIZE_MAX ? d->start : d->win + 64;
			if (w >= d->end)
				break;
			d->win = w;
			d->eolbits = eol64(d->buf + w);
			if (d->end - w < 64)
				d->eolbits &= ((uint64_t)1 << (d->end - w)) - 1;
			if (d->start > w)	/* the LF of a CRLF: at most 1 */
				d->eolbits &= ~(uint64_t)0 << (d->start - w);
			continue;
		}
		pos = d->win + (size_t)__builtin_ctzll(d->eolbits);
		d->eolbits &= d->eolbits - 1;
		skip = 1;
		if (d->buf[pos] == '\r') {
			if (pos + 1 >= d->end && !d->eof) {
				d->eolbits = 0;	/* the way below, from start */
				d->win = SIZE_MAX;
				break;
			}
			if (pos + 1 < d->end && d->buf[pos + 1] == '\n') {
				skip = 2;
				if (pos + 1 - d->win < 64)
					d->eolbits &= ~((uint64_t)1 << (pos + 1 - d->win));
			}
		}
		n = pos - d->start;
		d->lineno++;
		d->lineoff = d->consumed + d->start;
		line->p = d->buf + d->start;
		line->n = n;
		d->start = pos + skip;
		return 1;
	}
	for (;;) {
		e = eol(d->buf + d->start + scanned, d->buf + d->end);
		if (e != NULL && (*e == '\n' || e + 1 < d->buf + d->end || d->eof))
			break;
		if (e != NULL)	/* a CR at the end of what was read */
			scanned = (size_t)(e - (d->buf + d->start));
		else
			scanned = d->end - d->start;
		if ((rc = fill(d)) < 0)
			return rc;
		if (rc == 0 && d->eof) {
			e = eol(d->buf + d->start + scanned, d->buf + d->end);
			break;
		}
	}
	if (e == NULL && d->start == d->end)
		return 0;
	if (e == NULL)
		n = d->end - d->start, skip = 0;
	else {
		n = (size_t)(e - (d->buf + d->start));
		skip = 1 + (*e == '\r' && e + 1 < d->buf + d->end && e[1] == '\n');
	}
	d->lineno++;
	d->lineoff = d->consumed + d->start;
	line->p = d->buf + d->start;
	line->n = n;
	d->start += n + skip;
	d->eolbits = 0;		/* windows again from start */
	d->win = SIZE_MAX;
	return 1;
}

long
goi_decoder_lineno(const goi_decoder *d)
{
	return d->lineno;
}

uint64_t
goi_decoder_offset(const goi_decoder *d)
{
	return d->lineoff;
}

uint64_t
goi_decoder_badoffset(const goi_decoder *d)
{
	return d->badoff;
}

const char *
goi_decoder_encoding(const goi_decoder *d)
{
	return d->enc[0] ? d->enc : "UTF-8";
}
