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

size_t
goi_tsv_unescape(goi_span s, char *out)
{
	const char *p = s.p, *end = s.p + s.n, *bs;
	char *o = out;

	while ((bs = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		memmove(o, p, (size_t)(bs - p));
		o += bs - p;
		p = bs + 1;
		if (p == end) {
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
	memmove(o, p, (size_t)(end - p));
	o += end - p;
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

/*
 * The first TAB or backslash in [p, end), or end: one pass where a memchr
 * for each would be two (a line is split on TABs and unescaped only when
 * it holds a backslash).
 */
static const char *
tab_or_bs(const char *p, const char *end)
{
#ifdef __SSE2__
	const __m128i tab = _mm_set1_epi8('\t'), bs = _mm_set1_epi8('\\');
	unsigned m;

	for (; end - p >= 16; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)p);
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, bs)));
		if (m != 0)
			return p + __builtin_ctz(m);
	}
#endif
	for (; p < end; p++)
		if (*p == '\t' || *p == '\\')
			return p;
	return end;
}

/* goi_tsv_split into f (room for max), and whether the line holds '\\'. */
static int
split_bs(goi_span line, goi_span *f, int max, int *bs)
{
	const char *p = line.p, *q = p, *end = line.p + line.n;
	int n = 0;

	*bs = 0;
	for (;;) {
		while ((q = tab_or_bs(q, end)) < end && *q == '\\') {
			*bs = 1;
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
}

int
goi_tsvin_next(goi_tsvin *t, goi_span *f)
{
	goi_span line;
	int rc, i, n, hs, bs;
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
		size_t len = goi_tsv_unescape(f[i], o);
		f[i].p = o;
		f[i].n = len;
		o += len;
	}
	return 1;
}
