/*
 * tsv.c - the TSV streams of SPEC section 2: headers, escapes, splitting,
 * and a stream reader that checks the header and skips repeated ones.
 */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "goi.h"

static const char *const cols_lines[] = {"doc", "line", "text", NULL};
static const char *const cols_sections[] = {"doc", "section", "line", "text",
	NULL};
static const char *const cols_index[] = {"doc", "title", "organ", "year",
	"format", "first", "last", NULL};
static const char *const cols_cells[] = {"doc", "year", "format", "table",
	"row", "col", "value", "kind", "raw", "line", NULL};
static const char *const cols_findings[] = {"doc", "rule", "status", "table",
	"row", "col", "expected", "actual", "line", "message", NULL};

static const struct {
	const char *name;
	const char *const *cols;
	const char *header;	/* the header line, TAB-joined */
} streams[GOI_STREAM_COUNT] = {
	[GOI_STREAM_NONE] = {"none", NULL, NULL},
	[GOI_STREAM_LINES] = {"lines", cols_lines, "doc\tline\ttext"},
	[GOI_STREAM_SECTIONS] = {"sections", cols_sections,
		"doc\tsection\tline\ttext"},
	[GOI_STREAM_INDEX] = {"index", cols_index,
		"doc\ttitle\torgan\tyear\tformat\tfirst\tlast"},
	[GOI_STREAM_CELLS] = {"cells", cols_cells,
		"doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline"},
	[GOI_STREAM_FINDINGS] = {"findings", cols_findings,
		"doc\trule\tstatus\ttable\trow\tcol\texpected\tactual\tline\tmessage"},
};

const char *const *
goi_stream_columns(int stream)
{
	if (stream <= GOI_STREAM_NONE || stream >= GOI_STREAM_COUNT)
		return NULL;
	return streams[stream].cols;
}

int
goi_stream_ncols(int stream)
{
	const char *const *c = goi_stream_columns(stream);
	int n = 0;

	while (c != NULL && c[n] != NULL)
		n++;
	return n;
}

const char *
goi_stream_name(int stream)
{
	if (stream < GOI_STREAM_NONE || stream >= GOI_STREAM_COUNT)
		return "none";
	return streams[stream].name;
}

int
goi_stream_header(goi_span line)
{
	int s;

	if (line.n > 0 && line.p[line.n - 1] == '\r')
		line.n--;
	if (line.n < 3 || line.p[0] != 'd')
		return GOI_STREAM_NONE;
	for (s = GOI_STREAM_NONE + 1; s < GOI_STREAM_COUNT; s++)
		if (strlen(streams[s].header) == line.n &&
		    memcmp(streams[s].header, line.p, line.n) == 0)
			return s;
	return GOI_STREAM_NONE;
}

int
goi_tsv_split(goi_span line, goi_span *f, int max)
{
	const char *p = line.p, *end = line.p + line.n, *tab;
	int n = 0;

	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (n < max) {
			f[n].p = p;
			f[n].n = (size_t)((tab ? tab : end) - p);
		}
		n++;
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	return n;
}

/*
 * Sixteen bytes a step with SSE2: a block is stored whole, then the output
 * goes on from its first backslash.  The stores stay within the s.n bytes
 * out has room for (the output never runs ahead of the input), and each
 * block is loaded before it is stored, so out may be s.p itself.
 */
size_t
goi_tsv_unescape(goi_span s, char *out)
{
	const char *p = s.p, *end = s.p + s.n;
	char *o = out;

	for (;;) {
#ifdef __SSE2__
		const __m128i bs = _mm_set1_epi8('\\');
		unsigned m = 0;

		while (end - p >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)p);
			m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, bs));
			_mm_storeu_si128((__m128i *)o, v);
			if (m != 0)
				break;
			p += 16;
			o += 16;
		}
		if (m != 0) {
			p += __builtin_ctz(m);
			o += __builtin_ctz(m);
		} else
#endif
		{
			while (p < end && *p != '\\')
				*o++ = *p++;
			if (p == end)
				break;
		}
		/* at a backslash */
		if (++p == end) {
			*o++ = '\\';
			break;
		}
		switch (*p) {
		case 't': *o++ = '\t'; break;
		case 'r': *o++ = '\r'; break;
		case 'n': *o++ = '\n'; break;
		case '\\': *o++ = '\\'; break;
		default: *o++ = '\\'; *o++ = *p; break;
		}
		p++;
	}
	return (size_t)(o - out);
}

size_t
goi_tsv_escape(goi_span s, char *out)
{
	char *o = out;
	size_t i;

	for (i = 0; i < s.n; i++) {
		char c = s.p[i];
		switch (c) {
		case '\t': *o++ = '\\'; *o++ = 't'; break;
		case '\r': *o++ = '\\'; *o++ = 'r'; break;
		case '\n': *o++ = '\\'; *o++ = 'n'; break;
		case '\\': *o++ = '\\'; *o++ = '\\'; break;
		default: *o++ = c; break;
		}
	}
	return (size_t)(o - out);
}

struct goi_tsvin {
	goi_reader *r;
	int stream;
	int ncols;
	int started;
	char *buf;		/* unescaped copy of the current line */
	size_t cap;
};

goi_tsvin *
goi_tsvin_new(goi_reader *r, int stream)
{
	goi_tsvin *t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->r = r;
	t->stream = stream;
	t->ncols = goi_stream_ncols(stream);
	return t;
}

void
goi_tsvin_free(goi_tsvin *t)
{
	if (t == NULL)
		return;
	free(t->buf);
	free(t);
}

long
goi_tsvin_lineno(const goi_tsvin *t)
{
	return goi_reader_lineno(t->r);
}

int
goi_tsvin_stream(const goi_tsvin *t)
{
	return t->stream;
}

#ifndef __SSE2__
/* The first TAB or backslash in [p, end), or end (split_bs). */
static const char *
tab_or_bs(const char *p, const char *end)
{
	for (; p < end; p++)
		if (*p == '\t' || *p == '\\')
			return p;
	return end;
}
#endif

/*
 * goi_tsv_split into f (room for max); bit i of *bs set when field i holds
 * a backslash (bit 31 for the fields after the 31st).  A backslash is no
 * separator and escapes none: the fields end at the TABs.  line comes from
 * goi_reader_getline, so 16 bytes past its end may be read: with SSE2 the
 * line goes by whole blocks, a bit per TAB or backslash.
 */
static int
split_bs(goi_span line, goi_span *f, int max, uint32_t *bs)
{
	const char *p = line.p, *end = line.p + line.n;
	int n = 0;

	*bs = 0;
#ifdef __SSE2__
	const __m128i tab = _mm_set1_epi8('\t'), bsl = _mm_set1_epi8('\\');
	const char *b;
	unsigned m;

	for (b = line.p; b < end; b += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)b);
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, bsl)));
		if (end - b < 16)
			m &= (1u << (end - b)) - 1;
		for (; m != 0; m &= m - 1) {
			const char *q = b + __builtin_ctz(m);
			if (*q == '\\') {
				*bs |= 1u << (n < 31 ? n : 31);
				continue;
			}
			if (n < max) {
				f[n].p = p;
				f[n].n = (size_t)(q - p);
			}
			n++;
			p = q + 1;
		}
	}
	if (n < max) {
		f[n].p = p;
		f[n].n = (size_t)(end - p);
	}
	return n + 1;
#else
	const char *q = p;

	for (;;) {
		while ((q = tab_or_bs(q, end)) < end && *q == '\\') {
			*bs |= 1u << (n < 31 ? n : 31);
			q++;
		}
		if (n < max) {
			f[n].p = p;
			f[n].n = (size_t)(q - p);
		}
		n++;
		if (q == end)
			break;
		p = ++q;
	}
	return n;
#endif
}

int
goi_tsvin_next(goi_tsvin *t, goi_span *f)
{
	goi_span line;
	int rc, i, n, hs;
	uint32_t bs;
	char *o;

	for (;;) {
		if ((rc = goi_reader_getline(t->r, &line)) <= 0)
			return rc;
		if (line.n > 0 && line.p[line.n - 1] == '\r')
			line.n--;
		hs = goi_stream_header(line);
		if (hs == t->stream) {
			t->started = 1;
			continue;
		}
		if (hs != GOI_STREAM_NONE)
			return GOI_ESTREAM;
		t->started = 1;
		break;
	}
	n = split_bs(line, f, t->ncols, &bs);
	if (n != t->ncols)
		return GOI_EFIELDS;
	if (!bs)
		return 1;
	if (t->cap < line.n + 1) {
		char *nb = realloc(t->buf, line.n + 1);
		if (nb == NULL)
			return GOI_ENOMEM;
		t->buf = nb;
		t->cap = line.n + 1;
	}
	o = t->buf;
	for (i = 0; i < n; i++) {
		if (!(bs >> (i < 31 ? i : 31) & 1))
			continue;	/* nothing to undo: left in the line */
		size_t len = goi_tsv_unescape(f[i], o);
		f[i].p = o;
		f[i].n = len;
		o += len;
	}
	return 1;
}
