/*
 * gen - a deterministic corpus of 政府信息公开工作年度报告 for the goi
 * benchmarks and tests.
 *
 *	gen -s SEED -m SIZE[K|M|G] [-o DIR] [-t TRUTH.tsv]
 *
 * Writes reports one after the other, as cat(1) of a directory of reports would, to
 * standard output or, with -o, one file a report (DIR/NNNNNN_FMT_LAYOUT.txt,
 * the same bytes).  Same seed and size: same bytes; a larger size with the
 * same seed extends the smaller corpus (the reports are drawn in order from
 * one PRNG, xoshiro256** seeded through splitmix64, never rand(3)).  The
 * output stops before the report that would pass SIZE (at least one report
 * is written).
 *
 * Every report has the three formats' tables laid out as in SPEC section 3
 * (see the layout table below), consistent numbers (表三's row totals,
 * result totals and 勾稽关系, 表四's totals, the old table's sums, the
 * figures the prose quotes, one organ's carried-over applications and
 * cumulative counts from one year to the next) and, in a few reports, one
 * planted inconsistency.  Around them: titles with organ and year, the six
 * sections, prose that quotes the tables' figures (and figures that are no
 * table's), page chrome and converter debris, full- and half-width
 * punctuation, full-width digits, label variants and typos, thousands
 * separators, units, money in 元, blank and na cells where the layout keeps
 * positions, 表三 with a 小计 column, CRLF files, BOMs, and reports that end
 * without a newline so that the next one starts inside a line.
 *
 * -t writes what a reader should find, TAB-separated,
 * first field the record type:
 *
 *	doc	DOC	title	organ	year	format	layout	published	signed
 *	cell	DOC	table	row	col	value	kind
 *	plant	DOC	rule	table	row	col	expected	actual
 *
 * DOC is the file name -o gives the report, without ".txt".  cell records
 * use the keys of SPEC section 1.1 (tables art20_*, requests, appeals, stats,
 * text, doc); value is canonical (no trailing fractional zeros, money in
 * 万元), "" for kinds empty and na; kind is num, glued (several numbers
 * printed without a separator), empty, na or text.  A plant record is one
 * finding goi-check must report as fail, in its terms: the rule id, the
 * first cell of the identity's left side, the right side's sum (expected)
 * and the left side's (actual); "-" where the checker words them itself.
 *
 * Only libc: bench/Makefile builds it with the same flags as the tools.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- PRNG: xoshiro256**, seeded by splitmix64 -------------------------- */

static uint64_t rs[4];

static uint64_t
splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t
rnd(void)
{
	uint64_t r = rotl(rs[1] * 5, 7) * 9, t = rs[1] << 17;

	rs[2] ^= rs[0];
	rs[3] ^= rs[1];
	rs[1] ^= rs[2];
	rs[0] ^= rs[3];
	rs[2] ^= t;
	rs[3] = rotl(rs[3], 45);
	return r;
}

/* Uniform in [0, n), n < 2^32 (Lemire's multiply, bias below 2^-32). */
static inline uint32_t
rn(uint32_t n)
{
	return n ? (uint32_t)(((rnd() >> 32) * (uint64_t)n) >> 32) : 0;
}

/* True with probability p percent. */
static inline int
pct(int p)
{
	return (int)rn(100) < p;
}

#define PICK(a) ((a)[rn(sizeof(a) / sizeof((a)[0]))])
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A count: zero with probability zp percent, else skewed below max. */
static int64_t
cnt(int zp, uint32_t max)
{
	if (pct(zp) || max == 0)
		return 0;
	return 1 + rn(rn(max) + 1);
}

/* ---- output buffers ------------------------------------------------------ */

typedef struct {
	char *p;
	size_t n, cap;
} buf;

static buf D;		/* the report being written */
static buf T;		/* its truth records */
static int want_truth;	/* -t given: gather T at all */

static void
die(const char *msg)
{
	if (errno == EPIPE)	/* | head: the reader has all it wants */
		exit(1);
	fprintf(stderr, "gen: %s%s%s\n", msg, errno ? ": " : "",
	    errno ? strerror(errno) : "");
	exit(1);
}

static void
grow_slow(buf *b, size_t n)
{
	while (b->n + n > b->cap)
		b->cap = b->cap ? b->cap * 2 : 1 << 16;
	if ((b->p = realloc(b->p, b->cap)) == NULL)
		die("out of memory");
}

static inline void
grow(buf *b, size_t n)
{
	if (b->n + n > b->cap)
		grow_slow(b, n);
}

static inline void
bput(buf *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static inline void
bputc(buf *b, char c)
{
	grow(b, 1);
	b->p[b->n++] = c;
}

static void
bputs(buf *b, const char *s)
{
	bput(b, s, strlen(s));
}

static void
bputi(buf *b, int64_t v)
{
	char t[24], *e = t + sizeof t, *q = e;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do
		*--q = '0' + u % 10;
	while (u /= 10);
	if (v < 0)
		*--q = '-';
	bput(b, q, e - q);
}

/* m / 10^sc; canonical drops trailing fractional zeros. */
static size_t
fmtdec(char *out, int64_t m, int sc, int canonical)
{
	char t[40];
	uint64_t u = m < 0 ? -(uint64_t)m : (uint64_t)m;
	int n = 0, i;
	size_t k = 0;

	do
		t[n++] = '0' + u % 10;
	while ((u /= 10) || n <= sc);
	if (canonical)
		while (sc > 0 && t[0] == '0') {
			memmove(t, t + 1, --n);
			sc--;
		}
	if (m < 0)
		out[k++] = '-';
	for (i = n - 1; i >= 0; i--) {
		out[k++] = t[i];
		if (i == sc && sc > 0)
			out[k++] = '.';
	}
	out[k] = 0;
	return k;
}

/* ---- the report being drawn ------------------------------------------------ */

enum { F2019, F2021, FOLD };
static const char *const fmtname[] = { "2019", "2021", "old" };

enum {
	L_PIPE1, L_TAB, L_TABCELL, L_MD, L_HTML, L_PDF, L_GLUED,
	L_NNEW,
	L_OPIPE = L_NNEW, L_OSPACED, L_OSQUASHED, L_OTAB,
	L_COUNT
};
static const char *const layname[] = {
	"pipe1", "tab", "tabcell", "markdown", "html", "pdf", "glued",
	"oldpipe", "oldspaced", "oldsquashed", "oldtab"
};

enum { V_NUM, V_EMPTY, V_NA };
typedef struct {
	int64_t m;
	signed char sc;
	unsigned char st;
} V;

#define NUM(x) ((V){ (x), 0, V_NUM })

enum { FR_BARE, FR_CRUMB, FR_CRAWLER, FR_NOTITLE };

static struct style {
	int fmt, layout;
	int hw;		/* half-width punctuation (seed 000) */
	int oneline;	/* the body is one line (corpus 2012/2014/2019/2022) */
	int gsp;	/* glued: a space after labels and rows (corpus 2022) */
	int fwdig;	/* full-width digits in tables */
	int thou;	/* thousands separators */
	int units;	/* units after values (24条) */
	int spaced;	/* spaces inside CJK labels (商业 企业, 规    章) */
	int variants;	/* label variants and typos */
	int front;
	int blankpar;	/* a blank line after each paragraph */
	int nofinal;	/* no final newline */
	int emptytables; /* seed 001: the tables are printed empty */
	int blanks;	/* a few blank cells */
	int nas;	/* a few na cells */
	int subtotal;	/* 表三 with the 法人或其他组织小计 column */
	int crlf;	/* CRLF line ends (a Windows editor) */
	int bom;	/* a BOM first */
} S;

static char docid[64];

/* ---- organs ------------------------------------------------------------ */

/* No digits-like characters (一二三…), no 年月日条件. */
static const char *const placech[64] = {
	"安", "宁", "平", "和", "兴", "华", "新", "阳", "江", "山", "东", "西",
	"南", "北", "河", "湖", "川", "清", "泉", "林", "松", "柏", "云", "龙",
	"凤", "金", "石", "桥", "台", "岭", "峰", "源", "溪", "塘", "坪", "田",
	"庄", "营", "乐", "永", "长", "丰", "福", "寿", "康", "顺", "昌", "盛",
	"德", "仁", "义", "明", "光", "瑞", "祥", "泰", "嘉", "兰", "桂", "梅",
	"竹", "蒲", "沙", "滨"
};
static const char *const depts[] = {
	"教育局", "财政局", "自然资源局", "生态环境局", "住房和城乡建设局",
	"交通运输局", "农业农村局", "卫生健康委员会", "市场监督管理局",
	"人力资源和社会保障局", "民政局", "公安局", "应急管理局", "审计局",
	"统计局", "商务局", "文化和旅游局", "司法局", "水利局", "医疗保障局"
};

enum { OK_GOV, OK_DEPT, OK_TOWN };

static struct organ {
	char name[160];
	char place[16];
	int kind;
	int scale;		/* magnitude of its counts */
	/* carried from one year to the next */
	int64_t carried_out[7];
	int64_t in_force[2];
	int64_t prev_items[5], change[5];	/* licensing other_services penalty coercion fees */
	int64_t cum[64];
	int has_prev, prev_fmt, prev_tmpl;
} O;

static void
organ_new(uint32_t i)
{
	char *p = O.place;
	static const char *const lvl[] = { "县", "市", "区" };
	static const char *const town[] = { "镇", "乡", "街道办事处", "镇人民政府" };

	memset(&O, 0, sizeof O);
	strcpy(p, placech[i % 64]);
	strcat(p, placech[(i / 64) % 64]);
	if (i >= 4096)
		strcat(p, placech[(i / 4096) % 64]);
	switch (rn(10)) {
	case 0: case 1:
		O.kind = OK_GOV;
		snprintf(O.name, sizeof O.name, "%s%s人民政府", p, PICK(lvl));
		O.scale = 400;
		break;
	case 2: case 3: case 4: case 5:
		O.kind = OK_DEPT;
		snprintf(O.name, sizeof O.name, "%s%s%s", p, PICK(lvl), PICK(depts));
		O.scale = 60;
		break;
	default:
		O.kind = OK_TOWN;
		snprintf(O.name, sizeof O.name, "%s%s", p, PICK(town));
		O.scale = 8;
		break;
	}
}

/* ---- writing the report ------------------------------------------------ */

/* Punctuation as the report writes it: full-width, or half-width (seed 000). */
static void
putz(const char *s)
{
	const char *q;

	if (!S.hw) {
		bputs(&D, s);
		return;
	}
	while ((q = strchr(s, '\xef')) != NULL) {
		bput(&D, s, q - s);
		if (q[1] == '\xbc' && (q[2] == '\x8c' || q[2] == '\x9a' ||
		    q[2] == '\x88' || q[2] == '\x89')) {
			bputc(&D, q[2] == '\x8c' ? ',' : q[2] == '\x9a' ? ':' :
			    q[2] == '\x88' ? '(' : ')');
			s = q + 3;
		} else {
			bput(&D, q, 1);
			s = q + 1;
		}
	}
	bputs(&D, s);
}

/* End of a line of the source; a one-line body glues or spaces it. */
static void
nl(void)
{
	if (S.oneline) {
		if (pct(60))
			bputc(&D, ' ');
	} else
		bputc(&D, '\n');
}

static void
par(void)
{
	nl();
	if (S.blankpar && !S.oneline)
		bputc(&D, '\n');
}

static void
truth_cell(const char *table, const char *row, const char *col, V v, int glued)
{
	char t[48];

	if (!want_truth)
		return;
	bputs(&T, "cell\t");
	bputs(&T, docid);
	bputc(&T, '\t');
	bputs(&T, table);
	bputc(&T, '\t');
	bputs(&T, row);
	bputc(&T, '\t');
	bputs(&T, col);
	bputc(&T, '\t');
	if (v.st == V_NUM) {
		bput(&T, t, fmtdec(t, v.m, v.sc, 1));
		bputs(&T, glued ? "\tglued\n" : "\tnum\n");
	} else
		bputs(&T, v.st == V_NA ? "\tna\n" : "\tempty\n");
}

static void
truth_plant(const char *rule, const char *table, const char *row,
    const char *col, int64_t expected, int64_t actual)
{
	bputs(&T, "plant\t");
	bputs(&T, docid);
	bputc(&T, '\t');
	bputs(&T, rule);
	bputc(&T, '\t');
	bputs(&T, table);
	bputc(&T, '\t');
	bputs(&T, row);
	bputc(&T, '\t');
	bputs(&T, col);
	bputc(&T, '\t');
	/* -1: the checker words them (dates, not sums) */
	if (expected < 0)
		bputs(&T, "-\t-\n");
	else {
		bputi(&T, expected);
		bputc(&T, '\t');
		bputi(&T, actual);
		bputc(&T, '\n');
	}
}

/* ---- table layouts --------------------------------------------------------
 *
 * The table emitters describe a printed grid row by row: label cells, value
 * cells, and pads (positions covered by a row or column span).  Each layout
 * renders that description as one converter would:
 *
 *   pipe1     one cell a line, a "|" line after each (seed 000); spans
 *             become a run of "|" at the end of the row
 *   tab       a row a line, TAB between cells, spans as empty fields (002)
 *   tabcell   one cell a line, TAB-indented, blank line between rows (004)
 *   markdown  | a | b | rows with a |---| line under the first
 *   html      a row a line, TAB between the cells a <tr> has: no span
 *             expansion, rows of 8, 9 or 10 fields (corpus 2025)
 *   pdf       labels run together, values space-separated, blank cells
 *             and spans vanish, long space runs where a label wrapped (001)
 *   glued     the whole body on one line, cells with no separator at all
 *             (corpus 2019, 2022)
 *   old*      the old statistics table: | rows (003), space-separated on
 *             one line (2014), squashed (2012), TAB rows
 */
enum { C_LABEL = 1, C_VAL = 2, C_PAD = 4, C_VERT = 8, C_CAPTION = 16 };

static struct {
	int ncell, npad, nval, rowno, width;
	int lastval;
} G;

static void
tbl_begin(void)
{
	G.rowno = 0;
	G.width = 0;
}

static void
tbl_end(void)
{
	switch (S.layout) {
	case L_TABCELL:
		bputc(&D, '\n');
		break;
	case L_GLUED:
	case L_OSPACED:
	case L_OSQUASHED:
		break;
	default:
		if (pct(20))
			bputc(&D, '\n');
	}
}

static void
row_begin(void)
{
	G.ncell = G.npad = G.nval = 0;
	G.lastval = 0;
	if (S.layout == L_MD || S.layout == L_OPIPE)
		bputc(&D, '|');
}

/* A label as a converter leaves it: spaces inside (html, 规    章). */
static void
put_label(const char *s, int fl)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i, k;

	if ((fl & C_VERT) && S.layout == L_PIPE1) {
		/* one character a line: 自 / 然 / 人 */
		for (i = 0; i < n; i += k) {
			k = u[i] < 0x80 ? 1 : u[i] < 0xe0 ? 2 : u[i] < 0xf0 ? 3 : 4;
			bput(&D, s + i, k);
			if (i + k < n)
				bputc(&D, '\n');
		}
		return;
	}
	if (S.spaced && n >= 6 && n <= 18 && u[0] >= 0xe0 && u[3] >= 0xe0 &&
	    pct(25)) {
		/* a space run between the first two CJK characters */
		bput(&D, s, 3);
		bputs(&D, S.layout == L_HTML ? " " : "    ");
		putz(s + 3);
		return;
	}
	if (S.layout == L_PDF && n > 15 && pct(20)) {
		/* wrapped in the cell: a long run of spaces (seed 001) */
		size_t cut = 3 * (2 + rn(n / 3 - 3));
		while ((u[cut] & 0xc0) == 0x80)
			cut++;
		bput(&D, s, cut);
		bputs(&D, "                                                    ");
		putz(s + cut);
		return;
	}
	putz(s);
}

static void
cell(const char *s, int fl)
{
	int empty = *s == 0;

	if (fl & C_PAD) {
		G.npad++;
		switch (S.layout) {
		case L_TAB:
		case L_OTAB:
			if (G.ncell++)
				bputc(&D, '\t');
			break;
		case L_TABCELL:
			if (!(fl & C_CAPTION))
				bputs(&D, "\t\n");
			break;
		case L_MD:
		case L_OPIPE:
			bputs(&D, " |");
			break;
		default:
			break;
		}
		return;
	}
	switch (S.layout) {
	case L_PIPE1:
		if (!empty) {
			if (fl & C_VAL)
				bputs(&D, s);
			else
				put_label(s, fl);
			bputc(&D, '\n');
		}
		bputs(&D, "|\n");
		break;
	case L_TAB:
	case L_HTML:
	case L_OTAB:
		if (G.ncell)
			bputc(&D, '\t');
		if (fl & C_VAL)
			bputs(&D, s);
		else
			put_label(s, fl);
		break;
	case L_TABCELL:
		bputc(&D, '\t');
		if (fl & C_VAL)
			bputs(&D, s);
		else
			put_label(s, fl);
		bputc(&D, '\n');
		break;
	case L_MD:
	case L_OPIPE:
		bputc(&D, ' ');
		if (fl & C_VAL)
			bputs(&D, s);
		else
			put_label(s, fl);
		bputs(&D, " |");
		break;
	case L_PDF:
		if (empty)
			break;
		if (((fl & C_VAL) || G.lastval) && G.ncell)
			bputc(&D, ' ');
		if (fl & C_VAL)
			bputs(&D, s);
		else
			put_label(s, fl);
		break;
	case L_OSPACED:
		if (G.ncell)
			bputc(&D, ' ');
		bputs(&D, s);
		break;
	case L_GLUED:
	case L_OSQUASHED:
		if (empty)
			break;
		if ((fl & C_VAL) && !G.lastval && S.gsp)
			bputc(&D, ' ');
		else if ((fl & C_VAL) && G.lastval && pct(2))
			bputc(&D, ' ');	/* a stray &nbsp; (230 000023) */
		if (fl & C_VAL)
			bputs(&D, s);
		else
			putz(s);
		break;
	}
	G.ncell++;
	G.lastval = (fl & C_VAL) != 0;
	if (fl & C_VAL)
		G.nval++;
}

static void
row_end(void)
{
	int i;

	switch (S.layout) {
	case L_PIPE1:
		if (G.npad) {
			for (i = 0; i < G.npad; i++)
				bputc(&D, '|');
			bputc(&D, '\n');
		}
		break;
	case L_TABCELL:
		bputc(&D, '\n');
		break;
	case L_MD:
		bputc(&D, '\n');
		if (G.rowno == 0) {
			bputc(&D, '|');
			for (i = 0; i < G.ncell + G.npad; i++)
				bputs(&D, "---|");
			bputc(&D, '\n');
		}
		break;
	case L_GLUED:
		if (S.gsp)
			bputc(&D, ' ');
		break;
	case L_OSPACED:
		bputc(&D, ' ');
		break;
	case L_OSQUASHED:
		break;
	default:
		bputc(&D, '\n');
	}
	G.rowno++;
}

static void
pads(int n, int fl)
{
	while (n-- > 0)
		cell("", C_PAD | fl);
}

/* A row of labels and pads given as strings, "" for a pad. */
static void
hrow(int n, const char *const *c)
{
	int i;

	row_begin();
	for (i = 0; i < n; i++)
		cell(c[i], c[i][0] ? C_LABEL : C_PAD);
	row_end();
}

/* Digits as printed: full-width digits (NFKC folds them) if the style says. */
static void
putdigits(buf *b, const char *s)
{
	static const char *const fw[] = { "０", "１", "２", "３", "４", "５",
		"６", "７", "８", "９" };

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			bputs(b, fw[*s - '0']);
		else if (*s == '.')
			bputs(b, "．");
		else
			bputc(b, *s);
	}
}

/*
 * A value cell as printed.  unit: what may follow the number (件, 条, 元
 * ...); money printed in 元 when yuan is set (the truth stays in 万元).
 */
static void
vcell(V v, const char *unit, int yuan)
{
	static const char *const na[] = { "/", "-", "—", "无", "不适用" };
	static buf tmp;		/* the printed value, NUL-terminated */
	char t[48];
	size_t n, i;
	int sc = v.sc;

	if (v.st == V_EMPTY) {
		cell("", C_VAL);
		return;
	}
	if (v.st == V_NA) {
		cell(PICK(na), C_VAL);
		return;
	}
	tmp.n = 0;
	if (yuan)
		sc -= 4;
	n = fmtdec(t, v.m, sc, 0);
	if (S.thou && sc == 0 && v.m >= 1000 && !S.oneline) {
		/* 28,519 */
		char w[48];
		size_t k = 0, lead = n % 3 ? n % 3 : 3;
		for (i = 0; i < n; i++) {
			if (i >= lead && (i - lead) % 3 == 0)
				w[k++] = ',';
			w[k++] = t[i];
		}
		memcpy(t, w, k);
		t[n = k] = 0;
	}
	if (S.fwdig)
		putdigits(&tmp, t);
	else
		bput(&tmp, t, n);
	if (yuan && !unit)
		bputs(&tmp, "元");
	else if (unit && S.units)
		bputs(&tmp, unit);
	bputc(&tmp, 0);
	cell(tmp.p, C_VAL);
}

/* The truth kind of the values of a row just printed. */
static int
row_glued(void)
{
	return (S.layout == L_GLUED || S.layout == L_OSQUASHED) && G.nval >= 2;
}

/* ---- the 2019 and 2021 tables ---------------------------------------------- */

static const char *const rq_cols[7] = {
	"natural", "business", "research", "nonprofit", "legal", "other", "total"
};

typedef struct {
	const char *key, *l1, *l2, *l3;	/* label cells; "" pad, NULL none */
	int w;				/* weight of a result row */
} rqrow;

static const rqrow rq2019[] = {
	{ "new", "一、本年新收政府信息公开申请数量", NULL, NULL, 0 },
	{ "carried_in", "二、上年结转政府信息公开申请数量", NULL, NULL, 0 },
	{ "granted", "三、本年度办理结果", "（一）予以公开", NULL, 40 },
	{ "partial", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", NULL, 12 },
	{ "denied.1", "", "（三）不予公开", "1.属于国家秘密", 1 },
	{ "denied.2", "", "", "2.其他法律行政法规禁止公开", 1 },
	{ "denied.3", "", "", "3.危及“三安全一稳定”", 1 },
	{ "denied.4", "", "", "4.保护第三方合法权益", 2 },
	{ "denied.5", "", "", "5.属于三类内部事务信息", 2 },
	{ "denied.6", "", "", "6.属于四类过程性信息", 2 },
	{ "denied.7", "", "", "7.属于行政执法案卷", 1 },
	{ "denied.8", "", "", "8.属于行政查询事项", 2 },
	{ "unable.1", "", "（四）无法提供", "1.本机关不掌握相关政府信息", 20 },
	{ "unable.2", "", "", "2.没有现成信息需要另行制作", 4 },
	{ "unable.3", "", "", "3.补正后申请内容仍不明确", 3 },
	{ "unprocessed.1", "", "（五）不予处理", "1.信访举报投诉类申请", 5 },
	{ "unprocessed.2", "", "", "2.重复申请", 3 },
	{ "unprocessed.3", "", "", "3.要求提供公开出版物", 1 },
	{ "unprocessed.4", "", "", "4.无正当理由大量反复申请", 1 },
	{ "unprocessed.5", "", "", "5.要求行政机关确认或重新出具已获取信息", 1 },
	{ "other", "", "（六）其他处理", NULL, 3 },
	{ "total", "", "（七）总计", NULL, 0 },
	{ "carried_out", "四、结转下年度继续办理", NULL, NULL, 0 },
};
static const rqrow rq2021[] = {
	{ "new", "一、本年新收政府信息公开申请数量", NULL, NULL, 0 },
	{ "carried_in", "二、上年结转政府信息公开申请数量", NULL, NULL, 0 },
	{ "granted", "三、本年度办理结果", "（一）予以公开", NULL, 40 },
	{ "partial", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", NULL, 12 },
	{ "denied.1", "", "（三）不予公开", "1.属于国家秘密", 1 },
	{ "denied.2", "", "", "2.其他法律行政法规禁止公开", 1 },
	{ "denied.3", "", "", "3.危及“三安全一稳定”", 1 },
	{ "denied.4", "", "", "4.保护第三方合法权益", 2 },
	{ "denied.5", "", "", "5.属于三类内部事务信息", 2 },
	{ "denied.6", "", "", "6.属于四类过程性信息", 2 },
	{ "denied.7", "", "", "7.属于行政执法案卷", 1 },
	{ "denied.8", "", "", "8.属于行政查询事项", 2 },
	{ "unable.1", "", "（四）无法提供", "1.本机关不掌握相关政府信息", 20 },
	{ "unable.2", "", "", "2.没有现成信息需要另行制作", 4 },
	{ "unable.3", "", "", "3.补正后申请内容仍不明确", 3 },
	{ "unprocessed.1", "", "（五）不予处理", "1.信访举报投诉类申请", 5 },
	{ "unprocessed.2", "", "", "2.重复申请", 3 },
	{ "unprocessed.3", "", "", "3.要求提供公开出版物", 1 },
	{ "unprocessed.4", "", "", "4.无正当理由大量反复申请", 1 },
	{ "unprocessed.5", "", "", "5.要求行政机关确认或重新出具已获取信息", 1 },
	{ "other.1", "", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2 },
	{ "other.2", "", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 1 },
	{ "other.3", "", "", "3.其他", 2 },
	{ "total", "", "（七）总计", NULL, 0 },
	{ "carried_out", "四、结转下年度继续办理", NULL, NULL, 0 },
};

#define RQMAX 25
static const rqrow *rq;
static int nrq, rq_total, rq_first_result;
static V R[RQMAX][7];
static V A[3][5];
static V a1[2][3], a5[2][3], a6[2][3], a8[3], a9[2];

static const char *const ap_rows[3] = { "review", "suit_direct", "suit_after_review" };
static const char *const ap_cols[5] = { "upheld", "corrected", "other", "pending", "total" };

/* Split total over the result rows by their weights, for one column. */
static void
split_results(int c, int64_t total)
{
	int64_t x[RQMAX], sum = 0, big = -1;
	int i, ib = rq_first_result, wsum = 0;

	for (i = rq_first_result; i < rq_total; i++)
		wsum += rq[i].w;
	for (i = rq_first_result; i < rq_total; i++) {
		int w = rq[i].w * (int)rn(200);	/* jitter 0 .. 2x */
		x[i] = total * w / (wsum * 100);
		if (pct(30))
			x[i] = 0;
		if (sum + x[i] > total)
			x[i] = total - sum;
		sum += x[i];
		if (rq[i].w > big) {
			big = rq[i].w;
			ib = i;
		}
	}
	/* the remainder to granted or unable.1, as it usually is */
	x[pct(70) ? ib : rq_first_result + 10] += total - sum;
	for (i = rq_first_result; i < rq_total; i++)
		R[i][c] = NUM(x[i]);
}

static void
draw_requests(void)
{
	int c, i;
	static const int wcol[6] = { 1000, 150, 20, 30, 50, 50 };
	int64_t tot[RQMAX];

	rq = S.fmt == F2019 ? rq2019 : rq2021;
	nrq = S.fmt == F2019 ? (int)NELEM(rq2019) : (int)NELEM(rq2021);
	rq_total = nrq - 2;
	rq_first_result = 2;
	for (i = 0; i < nrq; i++)
		tot[i] = 0;
	for (c = 0; c < 6; c++) {
		uint32_t sc = (uint32_t)(O.scale * wcol[c] / 1000);
		int64_t nw = cnt(c == 0 ? 35 : 75, sc), ci, in, co;

		ci = O.has_prev ? O.carried_out[c] : cnt(70, sc / 5 + 1);
		in = nw + ci;
		co = in && pct(40) ? rn((uint32_t)(in / 4 + 1)) : 0;
		R[0][c] = NUM(nw);
		R[1][c] = NUM(ci);
		split_results(c, in - co);
		R[rq_total][c] = NUM(in - co);
		R[nrq - 1][c] = NUM(co);
		for (i = 0; i < nrq; i++)
			tot[i] += R[i][c].m;
	}
	for (i = 0; i < nrq; i++)
		R[i][6] = NUM(tot[i]);
}

static void
draw_appeals(void)
{
	int r, c;
	uint32_t sc = O.kind == OK_GOV ? 30 : O.kind == OK_DEPT ? 6 : 1;

	for (r = 0; r < 3; r++) {
		int64_t t = 0, v;
		for (c = 0; c < 4; c++) {
			v = cnt(c == 0 ? 60 : 85, sc);
			A[r][c] = NUM(v);
			t += v;
		}
		A[r][4] = NUM(t);
	}
}

static V
money(void)
{
	/* 万元 with 2 to 6 decimals */
	V v = { (int64_t)rn(100000) * (int64_t)(1 + rn(1000)), (signed char)(2 + rn(5)), V_NUM };

	if (pct(30))
		v.m = 0;
	return v;
}

static void
draw_art20(void)
{
	int r, k;
	uint32_t s = (uint32_t)O.scale;

	if (S.fmt == F2019) {
		for (r = 0; r < 2; r++) {
			int64_t made = cnt(r ? 40 : 90, r ? s / 10 + 3 : 2);
			int64_t pub = made - (made && pct(20) ? rn((uint32_t)made) : 0);
			a1[r][0] = NUM(made);
			a1[r][1] = NUM(pub);
			a1[r][2] = NUM(pub + cnt(50, s));
		}
		for (k = 0; k < 5; k++) {
			int64_t prev = O.has_prev && O.prev_fmt == F2019 ?
			    O.prev_items[k] + O.change[k] : cnt(50, s * 3);
			int64_t ch = pct(60) ? 0 : (int64_t)rn(s / 4 + 2) - (prev ? (int64_t)rn((uint32_t)(prev < s / 4 ? prev : s / 4) + 1) : 0);
			if (prev + ch < 0)
				ch = -prev;
			O.prev_items[k] = prev;
			O.change[k] = ch;
			V *row = k < 2 ? a5[k] : k < 4 ? a6[k - 2] : a8;
			row[0] = NUM(prev);
			row[1] = NUM(ch);
			if (k < 4)
				row[2] = NUM(cnt(40, s * 20));
		}
		a9[0] = NUM(cnt(50, s / 2 + 2));
		a9[1] = a9[0].m ? money() : NUM(0);
	} else {
		for (r = 0; r < 2; r++) {
			int64_t iss = cnt(r ? 40 : 90, r ? s / 10 + 3 : 2);
			int64_t base = O.has_prev && O.prev_fmt == F2021 ?
			    O.in_force[r] : cnt(30, r ? s + 5 : 3);
			int64_t rep = base && pct(40) ? rn((uint32_t)(base < iss + 3 ? base : iss + 3) + 1) : 0;
			a1[r][0] = NUM(iss);
			a1[r][1] = NUM(rep);
			a1[r][2] = NUM(base + iss - rep);
			O.in_force[r] = base + iss - rep;
		}
		a5[0][0] = NUM(cnt(30, s * 20));
		a6[0][0] = NUM(cnt(40, s * 10));
		a6[1][0] = NUM(cnt(60, s));
		a8[0] = money();
	}
}

/* Blank and na cells, in layouts that keep positions. */
static void
draw_blanks(void)
{
	int i;

	if (S.blanks)
		for (i = 0; i < 2; i++) {
			switch (rn(3)) {
			case 0: a8[rn(S.fmt == F2019 ? 2 : 1)].st = V_EMPTY; break;
			case 1: R[2 + rn(nrq - 4)][rn(6)].st = V_EMPTY; break;
			default: a1[0][rn(3)].st = V_EMPTY; break;
			}
		}
	if (S.nas) {
		if (S.fmt == F2019)
			a9[1].st = V_NA;
		else
			a8[0].st = V_NA;
		if (pct(50))
			a1[0][rn(3)].st = V_NA;
	}
}

static void
caption(const char *cap, int width)
{
	row_begin();
	cell(cap, C_LABEL | C_CAPTION);
	pads(width - 1, C_CAPTION);
	row_end();
}

static void
art20_row(const char *table, const char *label, const char *rowkey,
    const char *const *cols, V *v, int n, int width, const char *unit)
{
	int i;

	row_begin();
	cell(label, C_LABEL);
	for (i = 0; i < n; i++)
		vcell(v[i], unit, 0);
	pads(width - 1 - n, 0);
	row_end();
	for (i = 0; i < n; i++)
		truth_cell(table, rowkey, cols[i], v[i], row_glued());
}

static void
emit_art20(void)
{
	static const char *const c2019_1[] = { "made", "published", "total_public" };
	static const char *const c2019_5[] = { "prev_items", "change", "decisions" };
	static const char *const c2021_1[] = { "issued", "repealed", "in_force" };
	static const char *const c2021_5[] = { "decisions" };
	static const char *const c9[] = { "projects", "amount" };
	static const char *const c8[] = { "amount" };
	const char *rules = S.spaced && pct(50) ? "规    章" : "规章";
	int w = 4;

	tbl_begin();
	if (S.fmt == F2019) {
		static const char *const h1[] = { "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量" };
		static const char *const h5[] = { "信息内容", "上一年项目数量", "本年增/减", "处理决定数量" };
		static const char *const h8[] = { "信息内容", "上一年项目数量", "本年增/减", "" };
		static const char *const h9[] = { "信息内容", "采购项目数量", "采购总金额", "" };
		static const char *const h9w[] = { "信息内容", "采购项目数量", "采购总金额（单位：万元）", "" };
		int yuan = pct(30);

		caption("第二十条第（一）项", w);
		hrow(w, h1);
		art20_row("art20_1", rules, "rules", c2019_1, a1[0], 3, w, "件");
		art20_row("art20_1", "规范性文件", "normative", c2019_1, a1[1], 3, w, "件");
		caption("第二十条第（五）项", w);
		hrow(w, h5);
		art20_row("art20_5", "行政许可", "licensing", c2019_5, a5[0], 3, w, NULL);
		art20_row("art20_5", "其他对外管理服务事项", "other_services", c2019_5, a5[1], 3, w, NULL);
		caption("第二十条第（六）项", w);
		hrow(w, h5);
		art20_row("art20_6", "行政处罚", "penalty", c2019_5, a6[0], 3, w, NULL);
		art20_row("art20_6", "行政强制", "coercion", c2019_5, a6[1], 3, w, NULL);
		caption("第二十条第（八）项", w);
		hrow(w, h8);
		art20_row("art20_8", "行政事业性收费", "fees", c2019_5, a8, 2, w, NULL);
		caption("第二十条第（九）项", w);
		hrow(w, yuan ? h9 : h9w);
		row_begin();
		cell("政府集中采购", C_LABEL);
		vcell(a9[0], NULL, 0);
		if (S.emptytables) {
			/* seed 001: the one figure printed, 130万元; its unit
			 * says which column it is in */
			int u = S.units;
			S.units = 1;
			vcell(a9[1], "万元", 0);
			S.units = u;
		} else
			vcell(a9[1], NULL, yuan && a9[1].st == V_NUM && a9[1].sc >= 4);
		pads(1, 0);
		row_end();
		truth_cell("art20_9", "procurement", c9[0], a9[0], row_glued());
		truth_cell("art20_9", "procurement", c9[1], a9[1], row_glued());
	} else {
		static const char *const h1[] = { "信息内容", "本年制发件数", "本年废止件数", "现行有效件数" };
		static const char *const h5[] = { "信息内容", "本年处理决定数量", "", "" };
		static const char *const h8[] = { "信息内容", "本年收费金额（单位：万元）", "", "" };

		caption("第二十条第（一）项", w);
		hrow(w, h1);
		art20_row("art20_1", rules, "rules", c2021_1, a1[0], 3, w, "件");
		art20_row("art20_1", "行政规范性文件", "normative", c2021_1, a1[1], 3, w, "件");
		caption("第二十条第（五）项", w);
		hrow(w, h5);
		art20_row("art20_5", "行政许可", "licensing", c2021_5, a5[0], 1, w, NULL);
		caption("第二十条第（六）项", w);
		hrow(w, h5);
		art20_row("art20_6", "行政处罚", "penalty", c2021_5, a6[0], 1, w, NULL);
		art20_row("art20_6", "行政强制", "coercion", c2021_5, a6[1], 1, w, NULL);
		caption("第二十条第（八）项", w);
		hrow(w, h8);
		art20_row("art20_8", "行政事业性收费", "fees", c8, a8, 1, w, NULL);
	}
	tbl_end();
}

/* 法人或其他组织小计 of a row: the five organisation columns. */
static V
subtotal(int i)
{
	V v = NUM(0);
	int c;

	for (c = 1; c < 6; c++) {
		if (R[i][c].st != V_NUM)
			return R[i][c];
		v.m += R[i][c].m;
	}
	return v;
}

static void
emit_requests(void)
{
	static const char *const h1[] = { "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
		"", "", "申请人情况", "", "", "", "", "", "", "" };
	static const char *const h3[] = { "", "", "", "", "商业企业", "科研机构",
		"社会公益组织", "法律服务机构", "其他", "小计", "" };
	static const char *const h3n[] = { "", "", "", "", "商业企业", "科研机构",
		"社会公益组织", "法律服务机构", "其他", "" };
	int i, c, w = S.subtotal ? 11 : 10;

	tbl_begin();
	hrow(w, h1);
	row_begin();
	pads(3, 0);
	cell("自然人", C_LABEL | C_VERT);
	cell("法人或其他组织", C_LABEL);
	pads(S.subtotal ? 5 : 4, 0);
	cell("总计", C_LABEL);
	row_end();
	hrow(w, S.subtotal ? h3 : h3n);
	for (i = 0; i < nrq; i++) {
		const rqrow *r = &rq[i];
		row_begin();
		cell(r->l1, r->l1[0] ? C_LABEL | (i == 2 ? C_VERT : 0) : C_PAD);
		if (r->l2)
			cell(r->l2, r->l2[0] ? C_LABEL : C_PAD);
		else
			pads(1, 0);
		if (r->l3) {
			const char *l3 = r->l3;
			if (S.variants && i == 5 && pct(50))
				l3 = "2.其他法律法规禁止公开";
			cell(l3, C_LABEL);
		} else
			pads(1, 0);
		for (c = 0; c < 7; c++) {
			if (c == 6 && S.subtotal)
				vcell(subtotal(i), NULL, 0);
			vcell(R[i][c], NULL, 0);
		}
		row_end();
		for (c = 0; c < 7; c++)
			truth_cell("requests", r->key, rq_cols[c], R[i][c], row_glued());
		if (S.subtotal)
			truth_cell("requests", r->key, "org_subtotal", subtotal(i),
			    row_glued());
	}
	tbl_end();
}

static void
emit_appeals(void)
{
	static const char *const h1[] = { "行政复议", "", "", "", "", "行政诉讼",
		"", "", "", "", "", "", "", "", "" };
	const char *up = S.variants && pct(50) ? "结果维护" : "结果维持";
	const char *h2[] = { up, "结果纠正", "其他结果", "尚未审结", "总计",
		"未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", "" };
	const char *h3[] = { "", "", "", "", "", up, "结果纠正", "其他结果",
		"尚未审结", "总计", up, "结果纠正", "其他结果", "尚未审结", "总计" };
	int r, c;

	tbl_begin();
	hrow(15, h1);
	hrow(15, h2);
	hrow(15, h3);
	row_begin();
	for (r = 0; r < 3; r++)
		for (c = 0; c < 5; c++)
			vcell(A[r][c], NULL, 0);
	row_end();
	for (r = 0; r < 3; r++)
		for (c = 0; c < 5; c++)
			truth_cell("appeals", ap_rows[r], ap_cols[c], A[r][c],
			    row_glued());
	tbl_end();
}

/* ---- the old statistics table ------------------------------------------ */

enum {
	R_HEAD,		/* a heading row, no values */
	R_ACT,		/* 主动公开 total */
	R_ACTP,		/* 其中 part of it (at most the total) */
	R_REQ,		/* applications received */
	R_REQC,		/* channel: the channels add up to R_REQ */
	R_REP,		/* replies */
	R_REPK,		/* reply kind: add up to R_REP */
	R_DENY,		/* refusals, itself a reply kind */
	R_DENYR,	/* refusal reason: add up to R_DENY */
	R_DONE, R_DONEK,
	R_STAFF, R_STAFFK,
	R_MISC, R_MONEY, R_WAN
};

typedef struct {
	const char *label, *key, *unit;
	int role;
} strow;

static const strow tmplA[] = {	/* corpus 2012: value and cumulative */
	{ "主动公开信息数", "主动公开信息数", "条", R_ACT },
	{ "其中：1.网站公开", "网站公开", "条", R_ACTP },
	{ "2.政府公报公开", "政府公报公开", "条", R_ACTP },
	{ "受理依申请公开信息总数", "受理依申请公开信息总数", "条", R_REQ },
	{ "其中：1.当面申请数", "当面申请数", "条", R_REQC },
	{ "2.传真申请数", "传真申请数", "条", R_REQC },
	{ "3.电子邮件申请数", "电子邮件申请数", "条", R_REQC },
	{ "4.网上申请数", "网上申请数", "条", R_REQC },
	{ "5.信函申请数", "信函申请数", "条", R_REQC },
	{ "6.其它形式申请数", "其它形式申请数", "条", R_REQC },
	{ "对申请的答复数", "对申请的答复数", "条", R_REP },
	{ "其中：1.同意公开答复数", "同意公开答复数", "条", R_REPK },
	{ "2.同意部分公开答复数", "同意部分公开答复数", "条", R_REPK },
	{ "3.否决公开答复数", "否决公开答复数", "条", R_REPK },
	{ "行政复议数", "行政复议数", "条", R_MISC },
	{ "行政诉讼数", "行政诉讼数", "条", R_MISC },
	{ "行政申诉数", "行政申诉数", "条", R_MISC },
};
static const strow tmplB[] = {	/* corpus 2014 */
	{ "主动公开文件数", "主动公开文件数", "条", R_ACT },
	{ "其中：1、政府网站公开数", "政府网站公开数", "条", R_ACTP },
	{ "2、政府公报公开数", "政府公报公开数", "条", R_ACTP },
	{ "受理依申请公开信息总数", "受理依申请公开信息总数", "条", R_REQ },
	{ "其中：1、当面申请数", "当面申请数", "条", R_REQC },
	{ "2、网上申请数", "网上申请数", "条", R_REQC },
	{ "3、信函、传真申请数", "信函、传真申请数", "条", R_REQC },
	{ "对申请的答复总数", "对申请的答复总数", "条", R_REP },
	{ "其中：1、同意公开答复数", "同意公开答复数", "条", R_REPK },
	{ "2、同意部分公开答复数", "同意部分公开答复数", "条", R_REPK },
	{ "3、不予公开答复数", "不予公开答复数", "条", R_REPK },
	{ "4、其他类型答复数", "其他类型答复数", "条", R_REPK },
	{ "政府信息公开收费减免金额", "政府信息公开收费减免金额", "元", R_MONEY },
	{ "行政复议数", "行政复议数", "件", R_MISC },
	{ "行政诉讼数", "行政诉讼数", "件", R_MISC },
};
static const strow tmplC[] = {	/* seed 003: 统计数 only */
	{ "一、主动公开情况", NULL, NULL, R_HEAD },
	{ "（一）主动公开政府信息数", "主动公开政府信息数", "条", R_ACT },
	{ "其中：主动公开规范性文件数", "主动公开规范性文件数", "件", R_ACTP },
	{ "制发规范性文件总数", "制发规范性文件总数", "件", R_MISC },
	{ "（二）通过不同渠道和方式公开政府信息的情况", NULL, NULL, R_HEAD },
	{ "1.政府公报公开政府信息数", "政府公报公开政府信息数", "条", R_MISC },
	{ "2.政府网站公开政府信息数", "政府网站公开政府信息数", "条", R_MISC },
	{ "3.政务微博公开政府信息数", "政务微博公开政府信息数", "条", R_MISC },
	{ "4.政务微信公开政府信息数", "政务微信公开政府信息数", "条", R_MISC },
	{ "5.其他方式公开政府信息数", "其他方式公开政府信息数", "条", R_MISC },
	{ "二、依申请公开情况", NULL, NULL, R_HEAD },
	{ "（一）收到申请数", "收到申请数", "件", R_REQ },
	{ "1.当面申请数", "当面申请数", "件", R_REQC },
	{ "2.传真申请数", "传真申请数", "件", R_REQC },
	{ "3.网络申请数", "网络申请数", "件", R_REQC },
	{ "4.信函申请数", "信函申请数", "件", R_REQC },
	{ "（二）申请办结数", "申请办结数", "件", R_DONE },
	{ "1.按时办结数", "按时办结数", "件", R_DONEK },
	{ "2.延期办结数", "延期办结数", "件", R_DONEK },
	{ "（三）申请答复数", "申请答复数", "件", R_REP },
	{ "1.属于已主动公开范围数", "属于已主动公开范围数", "件", R_REPK },
	{ "2.同意公开答复数", "同意公开答复数", "件", R_REPK },
	{ "3.同意部分公开答复数", "同意部分公开答复数", "件", R_REPK },
	{ "4.不同意公开答复数", "不同意公开答复数", "件", R_DENY },
	{ "其中：涉及国家秘密", "涉及国家秘密", "件", R_DENYR },
	{ "涉及商业秘密", "涉及商业秘密", "件", R_DENYR },
	{ "涉及个人隐私", "涉及个人隐私", "件", R_DENYR },
	{ "危及国家安全、公共安全、经济安全和社会稳定", "危及国家安全、公共安全、经济安全和社会稳定", "件", R_DENYR },
	{ "不是《条例》所指政府信息", "不是《条例》所指政府信息", "件", R_DENYR },
	{ "法律法规规定的其他情形", "法律法规规定的其他情形", "件", R_DENYR },
	{ "5.不属于本行政机关公开数", "不属于本行政机关公开数", "件", R_REPK },
	{ "6.申请信息不存在数", "申请信息不存在数", "件", R_REPK },
	{ "7.告知作出更改补充数", "告知作出更改补充数", "件", R_REPK },
	{ "8.告知通过其他途径办理数", "告知通过其他途径办理数", "件", R_REPK },
	{ "三、行政复议数量", "行政复议数量", "件", R_MISC },
	{ "四、行政诉讼数量", "行政诉讼数量", "件", R_MISC },
	{ "五、举报投诉数量", "举报投诉数量", "件", R_MISC },
	{ "六、依申请公开信息收取的费用", "依申请公开信息收取的费用", "万元", R_WAN },
	{ "七、机构建设和保障经费情况", NULL, NULL, R_HEAD },
	{ "（一）政府信息公开工作专门机构数", "政府信息公开工作专门机构数", "个", R_MISC },
	{ "（二）设置政府信息公开查阅点数", "设置政府信息公开查阅点数", "个", R_MISC },
	{ "（三）从事政府信息公开工作人员数", "从事政府信息公开工作人员数", "人", R_STAFF },
	{ "1.专职人员数", "专职人员数", "人", R_STAFFK },
	{ "2.兼职人员数", "兼职人员数", "人", R_STAFFK },
	{ "（四）政府信息公开专项经费", "政府信息公开专项经费", "万元", R_WAN },
	{ "八、政府信息公开会议和培训情况", NULL, NULL, R_HEAD },
	{ "（一）召开政府信息公开工作会议或专题会议数", "召开政府信息公开工作会议或专题会议数", "次", R_MISC },
	{ "（二）举办各类培训班数", "举办各类培训班数", "次", R_MISC },
	{ "（三）接受培训人员数", "接受培训人员数", "人", R_MISC },
};

#define STMAX 64
static const strow *st;
static int nst, st_tmpl, st_cum;
static V SV[STMAX], SC[STMAX];

/*
 * One consistent set of old-table values into v: every sum holds, every
 * part is at most its total.
 */
static void
draw_stats_set(V *v, uint32_t s)
{
	int i, j, k, last;
	int64_t t;

	for (i = 0; i < nst; i++)
		v[i] = NUM(0);
	for (i = 0; i < nst; i++) {
		switch (st[i].role) {
		case R_ACT:
			v[i] = NUM(cnt(5, s * 30));
			break;
		case R_ACTP:
			for (j = i - 1; j >= 0 && st[j].role != R_ACT; j--)
				;
			v[i] = NUM(j >= 0 && v[j].m ? (int64_t)rn((uint32_t)v[j].m + 1) : 0);
			break;
		case R_REQ: case R_REP: case R_DONE: case R_STAFF: case R_DENY:
			/* filled from the parts below */
			break;
		case R_REQC: case R_REPK: case R_DENYR: case R_DONEK: case R_STAFFK:
			v[i] = NUM(cnt(60, st[i].role == R_STAFFK ? 4 : s / 2 + 1));
			break;
		case R_MISC:
			v[i] = NUM(cnt(60, s / 4 + 2));
			break;
		case R_MONEY:	/* printed in 元, kept in 万元 */
			v[i] = (V){ pct(70) ? 0 : (int64_t)rn(50000), 4, V_NUM };
			break;
		case R_WAN:
			v[i] = NUM(cnt(50, 20));
			break;
		}
	}
	/* totals: the parts that follow a total, up to the next non-part */
	for (i = 0; i < nst; i++) {
		int part;
		switch (st[i].role) {
		case R_REQ: part = R_REQC; break;
		case R_REP: part = R_REPK; break;
		case R_DONE: part = R_DONEK; break;
		case R_STAFF: part = R_STAFFK; break;
		case R_DENY: part = R_DENYR; break;
		default: continue;
		}
		t = 0;
		for (j = i + 1, last = 0; j < nst && !last; j++) {
			k = st[j].role;
			if (k == part)
				t += v[j].m;
			else if (!(part == R_REPK && (k == R_DENY || k == R_DENYR)))
				last = 1;
		}
		if (st[i].role == R_REP) {
			/* the refusals are a reply kind too */
			for (j = i + 1; j < nst; j++)
				if (st[j].role == R_DENY) {
					int64_t d = 0;
					for (k = j + 1; k < nst && st[k].role == R_DENYR; k++)
						d += v[k].m;
					t += d;
					break;
				}
		}
		v[i] = NUM(t);
	}
}

static void
draw_stats(void)
{
	int i;

	if (!O.has_prev || O.prev_fmt != FOLD)
		st_tmpl = rn(3);
	else
		st_tmpl = O.prev_tmpl;
	st = st_tmpl == 0 ? tmplA : st_tmpl == 1 ? tmplB : tmplC;
	nst = st_tmpl == 0 ? (int)NELEM(tmplA) : st_tmpl == 1 ? (int)NELEM(tmplB) : (int)NELEM(tmplC);
	st_cum = st_tmpl != 2;
	draw_stats_set(SV, (uint32_t)O.scale);
	if (st_cum) {
		V h[STMAX];
		if (O.has_prev && O.prev_fmt == FOLD)
			for (i = 0; i < nst; i++)
				h[i] = NUM(O.cum[i]);
		else
			draw_stats_set(h, (uint32_t)O.scale * 3);
		for (i = 0; i < nst; i++) {
			SC[i] = (V){ h[i].m + SV[i].m, SV[i].sc, V_NUM };
			O.cum[i] = SC[i].m;
		}
	}
	O.prev_tmpl = st_tmpl;
}

static void
emit_stats(int year)
{
	int i;
	char t[512];

	tbl_begin();
	if (S.layout == L_OPIPE) {
		/* the title rows of the printed form (seed 003) */
		const char *r[3] = { "政府信息公开情况统计表", "", "" };
		hrow(3, r);
		snprintf(t, sizeof t, "（%d年度1-12月份）", year);
		r[0] = t;
		hrow(3, r);
		snprintf(t, sizeof t, "填报单位（盖章）：%s 填报日期：%d年 1月 %d日",
		    O.name, year + 1, 5 + (int)rn(20));
		hrow(3, r);
	}
	row_begin();
	cell(S.layout == L_OPIPE && !st_cum ? "统 计 指 标" : "指标名称", C_LABEL);
	cell(S.layout == L_OPIPE && !st_cum ? "单位" : "计量单位", C_LABEL);
	if (st_cum) {
		if (pct(50))
			snprintf(t, sizeof t, "%d年度", year);
		else
			snprintf(t, sizeof t, "本年度");
		cell(t, C_LABEL);
		cell("历年累计", C_LABEL);
	} else
		cell("统计数", C_LABEL);
	row_end();
	for (i = 0; i < nst; i++) {
		const strow *r = &st[i];
		int inunit = S.layout == L_OPIPE && !st_cum;	/* 24条 */
		row_begin();
		cell(r->label, C_LABEL);
		if (r->role == R_HEAD) {
			pads(st_cum ? 3 : 2, 0);
			row_end();
			continue;
		}
		if (inunit) {
			/* | label | 24条 | | : the unit column holds the value */
			S.units = 1;
			vcell(SV[i], r->unit, r->role == R_MONEY);
			S.units = 0;
			pads(1, 0);
		} else {
			cell(r->unit, C_LABEL);
			vcell(SV[i], r->unit, r->role == R_MONEY);
			if (st_cum)
				vcell(SC[i], r->unit, r->role == R_MONEY);
		}
		row_end();
		truth_cell("stats", r->key, "value", SV[i], row_glued());
		if (st_cum && !inunit)
			truth_cell("stats", r->key, "cumulative", SC[i], row_glued());
	}
	tbl_end();
}

/* ---- prose ----------------------------------------------------------------
 *
 * Sentences with %O (organ), %Y (year), %N (next year), %P (place), %d (a
 * small number that is no table figure: training sessions, issues, hits).
 * None of them says 申请…件, 复议, 诉讼 or 公开政府信息…条: those phrases
 * are the figures goi-table reads from the prose, and only the sentences
 * built below from the tables say them.
 */
static const char *const s_overview[] = {
	"%Y年，%O坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于政务公开工作的决策部署，不断提升政务公开质量。",
	"严格落实《中华人民共和国政府信息公开条例》，坚持“公开为常态、不公开为例外”原则，不断增强政府工作透明度。",
	"健全组织机构，不断夯实工作基础，把信息公开工作纳入重要议事日程，与其他工作同研究、同部署、同推进。",
	"成立了以主要负责同志为组长、分管负责同志为副组长、各科室负责人为成员的政务公开工作领导小组，领导小组下设办公室，负责日常工作。",
	"全年组织政务公开业务培训%d次，参训人员%d人次，工作人员业务素质明显提高。",
	"创新公开载体，不断完善公开形式，把门户网站、微信公众号作为政务信息公开的重要途径，由专人负责更新维护。",
	"围绕优化营商环境、乡村振兴、安全生产、疫情防控等重点领域，及时发布相关信息，积极回应社会关切。",
	"编发政务公开工作通报%d期，对发现的问题及时督促整改。",
	"政府信息公开专栏全年访问量达%d人次，群众获取政府信息更加便捷。",
	"严格执行信息发布“三审制度”，确保“上网信息不涉密，涉密信息不上网”。",
	"进一步规范政府信息公开目录，加快推进权力清单、责任清单公开，建立健全清单动态调整公开机制。",
	"通过召开专题会议、组织技能培训、编发专期通报等形式，扎实做好重点领域政务公开、重要政策措施解读、社会关切热点回应等工作。",
	"发布文字、图解、视频等多形式政策解读%d篇，以常态化、规范化公开增强政府工作透明度。",
	"依托政府网站规章库、行政规范性文件库，推动现行有效政策集中公开、动态更新、精准查询，及时清理失效、废止文件。",
	"各村（社区）均设立政务公开栏，设有民生保障、党员管理、政策咨询等%d个便民服务点，为群众提供一站式服务。",
	"加强平台技术防护，定期开展漏洞扫描与应急演练，保障平台稳定高效运行。",
	"落实信息发布常态化巡查机制，依托第三方监测服务持续开展日常监测和月度检查，及时发现问题并督促限期整改。",
	"规范政务新媒体运维管理，关停运营不规范、运维不及时的政务新媒体%d个。",
};
static const char *const s_problems[] = {
	"%Y年，%O政府信息公开工作取得了一定成效，但与上级要求和群众期盼相比还存在一些不足。",
	"一是部分工作人员对政府信息公开认识不够，主动公开意识还有待加强；二是信息发布的及时性、规范性有待进一步提高；三是政策解读形式较为单一。",
	"公开内容的深度和广度仍需拓展，部分重点领域信息公开不够全面。",
	"政务公开工作队伍整体的专业化水平不高，处理信息公开具体工作中复杂问题时办法不多。",
	"下一步，我们将采取以下措施加以改进：（一）加强理论学习，提高工作认识；（二）加大工作力度，提升信息公开的质量水平；（三）健全制度，完善机制。",
	"%N年，将继续把推进政府信息与政务公开工作摆在重要位置，狠抓任务落实，务求公开实效。",
	"进一步拓展公开渠道，利用传统公开形式和网站、政务新媒体公开相结合的方式，重点推进公众关注度高的政府信息公开。",
	"加强对政府信息公开工作的监督检查，把政务公开纳入年度绩效考核范围，充分发挥考核“指挥棒”作用。",
};
static const char *const s_other[] = {
	"无其他需要报告的事项。",
	"%Y年，%O未收取信息处理费。",
	"本年度无收取信息处理费情况。",
	"按照《政府信息公开信息处理费管理办法》规定的按件、按量收费标准，本年度没有产生信息处理费。",
};

static int Y;		/* the report year */

/* A prose sentence with its placeholders filled in. */
static void
sentence(const char *s)
{
	const char *q;
	char tmp[1024];
	size_t n;

	while ((q = strchr(s, '%')) != NULL) {
		n = (size_t)(q - s) < sizeof tmp - 1 ? (size_t)(q - s) : sizeof tmp - 1;
		memcpy(tmp, s, n);
		tmp[n] = 0;
		putz(tmp);
		switch (q[1]) {
		case 'O': bputs(&D, O.name); break;
		case 'P': bputs(&D, O.place); break;
		case 'Y': bputi(&D, Y); break;
		case 'N': bputi(&D, Y + 1); break;
		case 'd': bputi(&D, 2 + rn(60)); break;
		default: bput(&D, q, 2); break;
		}
		s = q + 2;
	}
	putz(s);
}

static void
paragraphs(const char *const *bank, size_t nbank, int npar, int nsent)
{
	int p, k;

	for (p = 0; p < npar; p++) {
		int n = 1 + (int)rn((uint32_t)nsent);
		uint32_t at = rn((uint32_t)nbank), step = 1 + rn(3);
		if (S.layout == L_PDF && pct(10)) {
			/* page chrome between paragraphs */
			if (pct(50))
				bputs(&D, "- "), bputi(&D, 1 + rn(6)), bputs(&D, " -");
			else
				bputs(&D, "第"), bputi(&D, 1 + rn(4)), bputs(&D, "页 共5页");
			nl();
		}
		if (pct(3) && !S.oneline)
			bputs(&D, "<!--[if !supportLists]-->");
		/* distinct sentences: a walk through the bank */
		for (k = 0; k < n; k++, at += step)
			sentence(bank[at % nbank]);
		par();
	}
}

static void
heading(const char *h)
{
	if (pct(2) && !S.oneline)
		bputs(&D, "[bookmark: _GoBack]");
	putz(h);
	par();
}

/* A date as 2021年1月20日 or 2021-01-20. */
static void
put_date(int y, int m, int d, int iso)
{
	char t[32];

	if (iso)
		snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(t, sizeof t, "%d年%d月%d日", y, m, d);
	bputs(&D, t);
}

/* ---- one report ----------------------------------------------------------- */

enum { P_NONE, P_ROW, P_APPEAL, P_BALANCE, P_TEXTNEW, P_ACTIVE, P_PERIOD, P_STATS };

static struct {
	int plant;
	int64_t pd;			/* the planted difference */
	int64_t act_total, act_part[3];	/* 主动公开 figures of the prose */
	int say_active, say_requests, say_appeals;
	char title[256];
	char published[32], signed_[32];
} W;

static void
truth_num(const char *row, int64_t v)
{
	truth_cell("text", row, "value", NUM(v), 0);
}

static void
front(void)
{
	int pm = 1, pd = 5 + (int)rn(23);	/* published by 28 January */
	int sm = 1, sd = pd - (int)rn((uint32_t)pd - 3);

	snprintf(W.published, sizeof W.published, "%04d-%02d-%02d", Y + 1, pm, pd);
	snprintf(W.signed_, sizeof W.signed_, "%04d-%02d-%02d", Y + 1, sm, sd);
	switch (S.front) {
	case FR_CRAWLER:
		bputs(&D, "标题: ");
		bputs(&D, W.title);
		bputs(&D, "\n发布时间: ");
		put_date(Y + 1, pm, pd, 1);
		bputs(&D, " 00:00\n文号: \n发布机构: ");
		if (pct(60))
			bputs(&D, O.name);
		bputs(&D, "\n栏目: 政府信息公开年报\n原文链接: https://www.gov.cn/zwgk/zfxxgk/zfxxgknb/");
		bputi(&D, Y + 1);
		bputs(&D, "01/t");
		bputi(&D, Y + 1);
		bputs(&D, "01");
		bputi(&D, 10 + pd);
		bputs(&D, "_");
		bputi(&D, 10000 + rn(90000));
		bputs(&D, ".htm\n本地目录: zwgk/zfxxgk/zfxxgknb/");
		bputs(&D, W.title);
		bputs(&D, "\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n");
		if (S.oneline && pct(40)) {
			bputs(&D, "当前位置： 首页政务公开政府信息公开政府信息公开年报 ");
			bputs(&D, W.title);
			bputs(&D, " 来源：");
			bputs(&D, O.name);
			bputs(&D, " 时间：");
			put_date(Y + 1, pm, pd, 1);
			bputs(&D, " 00:00 微信 微博 QQ空间 全真版 文字版 文件下载 ");
		}
		bputs(&D, W.title);
		nl();
		break;
	case FR_CRUMB:
		bputs(&D, "当前位置: 网站首页 > 政务公开 > ");
		bputs(&D, O.place);
		bputs(&D, " > 政府信息公开年报\n");
		bputs(&D, W.title);
		bputs(&D, "\n发布时间:");
		put_date(Y + 1, pm, pd, 1);
		bputs(&D, " 来源:");
		bputs(&D, O.name);
		bputs(&D, " 字体:[ ]\n\n");
		break;
	case FR_BARE:
		if (pct(20))
			bputs(&D, "\n\n");
		bputs(&D, W.title);
		bputc(&D, '\n');
		if (pct(30))
			bputc(&D, '\n');
		break;
	default:	/* no title (seed 003) */
		W.published[0] = 0;
		break;
	}
	if (S.front != FR_CRAWLER && S.front != FR_CRUMB)
		W.published[0] = 0;
}

static void
preface(void)
{
	int to = W.plant == P_PERIOD ? Y + 1 : Y;

	if (pct(15)) {
		bputs(&D, O.place);
		putz("市政务服务管理局：");
		nl();
	}
	putz("本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）");
	if (S.fmt == F2021)
		putz("和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）");
	else if (S.fmt == F2019)
		putz("和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）");
	putz("要求，由");
	bputs(&D, O.name);
	putz("办公室编制。");
	if (pct(50)) {
		putz("本报告中所列数据的统计期限自");
		bputi(&D, Y);
		putz("年1月1日起至");
		bputi(&D, to);
		putz("年12月31日止。");
	} else {
		putz("本报告所列数据统计期限为");
		bputi(&D, Y);
		putz("年1月1日至");
		bputi(&D, to);
		putz("年12月31日。");
	}
	putz("如对本报告有任何疑问，请与");
	bputs(&D, O.name);
	putz("办公室联系（电话：0");
	bputi(&D, 300 + rn(600));
	bputc(&D, '-');
	bputi(&D, 2000000 + rn(7000000));
	putz("）。");
	par();
	bputs(&T, "cell\t");
	bputs(&T, docid);
	bputs(&T, "\tdoc\tperiod_from\tvalue\t");
	bputi(&T, Y);
	bputs(&T, "-01-01\ttext\ncell\t");
	bputs(&T, docid);
	bputs(&T, "\tdoc\tperiod_to\tvalue\t");
	bputi(&T, to);
	bputs(&T, "-12-31\ttext\n");
	if (W.plant == P_PERIOD)
		truth_plant("doc.period", "doc", "period", "value", -1, -1);
}

/* The figures of the prose that quote the tables. */
static void
say_active(void)
{
	int64_t sum;

	if (!W.say_active)
		return;
	W.act_part[0] = cnt(10, (uint32_t)O.scale * 10);
	W.act_part[1] = cnt(20, (uint32_t)O.scale * 5);
	W.act_part[2] = cnt(20, (uint32_t)O.scale * 3);
	W.act_total = W.act_part[0] + W.act_part[1] + W.act_part[2];
	/* a part too many: the stated total is less than its parts */
	if (W.plant == P_ACTIVE)
		W.act_part[rn(3)] += W.pd;
	sum = W.act_part[0] + W.act_part[1] + W.act_part[2];
	bputi(&D, Y);
	putz("年，");
	bputs(&D, pct(50) ? "我单位" : O.name);
	putz("共公开政府信息");
	bputi(&D, W.act_total);
	putz("条，其中通过本部门网站公开信息");
	bputi(&D, W.act_part[0]);
	putz("条，微信公众平台等政务新媒体公开信息");
	bputi(&D, W.act_part[1]);
	putz("条，报刊、公示栏、LED屏等方式公开信息");
	bputi(&D, W.act_part[2]);
	putz("条。");
	par();
	truth_num("active.total", W.act_total);
	truth_num("active.part.1", W.act_part[0]);
	truth_num("active.part.2", W.act_part[1]);
	truth_num("active.part.3", W.act_part[2]);
	if (W.plant == P_ACTIVE)
		truth_plant("text.active", "text", "active.total", "value",
		    sum, W.act_total);
}

static void
say_requests(void)
{
	int64_t nw = R[0][6].m + (W.plant == P_TEXTNEW ? W.pd : 0);

	if (!W.say_requests)
		return;
	bputi(&D, Y);
	/* the first wording repeats the table's row label, as reports do */
	putz(pct(50) ? "年，本机关本年新收政府信息公开申请" :
	    "年，本机关共受理政府信息公开申请");
	bputi(&D, nw);
	putz("件，上年结转");
	bputi(&D, R[1][6].m);
	putz("件，办结");
	bputi(&D, R[rq_total][6].m);
	putz("件，结转下年度继续办理");
	bputi(&D, R[nrq - 1][6].m);
	putz("件，均在法定期限内予以答复。");
	par();
	truth_num("requests.new", nw);
	truth_num("requests.carried_in", R[1][6].m);
	truth_num("requests.answered", R[rq_total][6].m);
	truth_num("requests.carried_out", R[nrq - 1][6].m);
	if (W.plant == P_TEXTNEW)
		truth_plant("text.new", "text", "requests.new", "value",
		    R[0][6].m, nw);
}

static void
say_appeals(void)
{
	if (!W.say_appeals)
		return;
	putz("全年发生因政府信息公开引发的行政复议");
	bputi(&D, A[0][4].m);
	putz("件，行政诉讼");
	bputi(&D, A[1][4].m + A[2][4].m);
	putz("件。");
	par();
	truth_num("appeals.review", A[0][4].m);
	truth_num("appeals.suit", A[1][4].m + A[2][4].m);
}

/* Plant one inconsistency in the printed tables, record what must fail. */
static void
plant_tables(void)
{
	char *rk;
	int r, c, i;
	int64_t s;

	switch (W.plant) {
	case P_ROW:	/* one result cell off: its row and its column */
		r = rq_first_result + (int)rn((uint32_t)(rq_total - rq_first_result));
		c = (int)rn(6);
		R[r][c].m += W.pd;
		for (s = 0, i = 0; i < 6; i++)
			s += R[r][i].m;
		truth_plant("requests.applicants", "requests", rq[r].key, "total",
		    s, R[r][6].m);
		for (s = 0, i = rq_first_result; i < rq_total; i++)
			s += R[i][c].m;
		truth_plant("requests.results", "requests", "total",
		    rq_cols[c], s, R[rq_total][c].m);
		break;
	case P_APPEAL:
		r = (int)rn(3);
		c = (int)rn(4);
		A[r][c].m += W.pd;
		truth_plant("appeals.total", "appeals", ap_rows[r], "total",
		    A[r][0].m + A[r][1].m + A[r][2].m + A[r][3].m, A[r][4].m);
		break;
	case P_BALANCE:	/* 结转下年度 off in one column and the total */
		c = (int)rn(6);
		R[nrq - 1][c].m += W.pd;
		R[nrq - 1][6].m += W.pd;
		truth_plant("requests.balance", "requests", "total", rq_cols[c],
		    R[0][c].m + R[1][c].m, R[rq_total][c].m + R[nrq - 1][c].m);
		truth_plant("requests.balance", "requests", "total", "total",
		    R[0][6].m + R[1][6].m, R[rq_total][6].m + R[nrq - 1][6].m);
		break;
	case P_STATS:	/* one application channel off */
		for (r = 0; r < nst && st[r].role != R_REQ; r++)
			;
		c = r + 1 + (int)rn(2);
		SV[c].m += W.pd;
		if (st_cum)	/* O.cum keeps the true figure for next year */
			SC[c].m += W.pd;
		for (s = 0, i = r + 1; i < nst && st[i].role == R_REQC; i++)
			s += SV[i].m;
		rk = (char *)st[r].key;
		truth_plant("stats.channels", "stats", rk, "value", s, SV[r].m);
		if (st_cum) {
			for (s = 0, i = r + 1; i < nst && st[i].role == R_REQC; i++)
				s += SC[i].m;
			truth_plant("stats.channels", "stats", rk, "cumulative", s,
			    SC[r].m);
		}
		break;
	}
}

static void
emptify(void)
{
	int i, j;

	for (i = 0; i < RQMAX; i++)
		for (j = 0; j < 7; j++)
			R[i][j].st = V_EMPTY;
	for (i = 0; i < 3; i++)
		for (j = 0; j < 5; j++)
			A[i][j].st = V_EMPTY;
	for (i = 0; i < 2; i++)
		for (j = 0; j < 3; j++)
			a1[i][j].st = a5[i][j].st = a6[i][j].st = V_EMPTY;
	for (i = 0; i < 3; i++)
		a8[i].st = V_EMPTY;
	a9[0].st = V_EMPTY;
	/* seed 001 prints the procurement amount: 130万元 */
}

static void recode(void);

static void
draw_style(void)
{
	int keeps;

	memset(&S, 0, sizeof S);
	S.fmt = Y <= 2018 ? FOLD : Y <= 2020 ? F2019 : F2021;
	S.layout = S.fmt == FOLD ? L_OPIPE + (int)rn(4) : (int)rn(L_NNEW);
	S.oneline = S.layout == L_GLUED || S.layout == L_OSPACED ||
	    S.layout == L_OSQUASHED;
	keeps = S.layout <= L_HTML || S.layout == L_OPIPE || S.layout == L_OTAB;
	S.hw = pct(20);
	S.gsp = S.layout == L_GLUED && pct(50);
	S.fwdig = pct(3);
	S.thou = keeps && pct(10);
	S.units = keeps && S.layout != L_OPIPE && pct(5);
	S.spaced = pct(30);
	S.variants = pct(20);
	S.blankpar = !S.oneline && pct(40);
	S.nofinal = pct(30);
	S.emptytables = S.layout == L_PDF && pct(25);
	S.blanks = keeps && S.fmt != FOLD && pct(8);
	S.nas = keeps && S.fmt != FOLD && pct(8);
	S.subtotal = S.fmt != FOLD && pct(6);
	S.crlf = !S.oneline && pct(3);
	S.bom = pct(2);
	if (S.oneline)
		S.front = pct(80) ? FR_CRAWLER : FR_BARE;
	else {
		uint32_t f = rn(100);
		S.front = f < 50 ? FR_BARE : f < 80 ? FR_CRUMB : f < 95 ?
		    FR_CRAWLER : FR_NOTITLE;
	}
	/* one inconsistency in some reports, where positions are kept */
	memset(&W, 0, sizeof W);
	W.pd = 100 + rn(800);
	if (keeps && !S.blanks && pct(15)) {
		static const int newp[] = { P_ROW, P_APPEAL, P_BALANCE, P_TEXTNEW,
			P_ACTIVE, P_PERIOD };
		static const int oldp[] = { P_STATS, P_STATS, P_PERIOD };
		W.plant = S.fmt == FOLD ? PICK(oldp) : PICK(newp);
	}
}

static void
draw_doc(void)
{
	static const char *const secs[2][6] = {
		{ "一、总体情况", "二、主动公开政府信息情况",
		  "三、收到和处理政府信息公开申请情况",
		  "四、政府信息公开行政复议、行政诉讼情况",
		  "五、存在的主要问题及改进情况", "六、其他需要报告的事项" },
		{ "一、概述", "二、主动公开政府信息情况",
		  "三、政府信息依申请公开工作情况",
		  "四、政府信息公开的收费及减免情况",
		  "五、政府信息公开工作存在的主要问题及改进情况",
		  "六、其他需要报告的事项" },
	};
	const char *const *sec = secs[S.fmt == FOLD];
	int i;

	D.n = 0;
	T.n = 0;
	snprintf(W.title, sizeof W.title, "%s%d%s政府信息公开工作年度报告",
	    O.name, Y, pct(30) ? "年度" : "年");

	if (S.fmt == FOLD) {
		draw_stats();
		if (W.plant == P_STATS)
			plant_tables();
	} else {
		draw_requests();
		draw_appeals();
		draw_art20();
		if (S.emptytables)
			emptify();
		else
			draw_blanks();
		if (W.plant == P_ROW || W.plant == P_APPEAL || W.plant == P_BALANCE)
			plant_tables();
		/* what the next year's report carries over: the printed figures */
		for (i = 0; i < 6; i++)
			O.carried_out[i] = R[nrq - 1][i].st == V_NUM ? R[nrq - 1][i].m : 0;
	}
	W.say_active = pct(60) || W.plant == P_ACTIVE;
	W.say_requests = S.fmt != FOLD && !S.emptytables && !S.blanks &&
	    (R[0][6].m > 0 || W.plant == P_TEXTNEW) && (pct(60) || W.plant == P_TEXTNEW);
	W.say_appeals = S.fmt != FOLD && !S.emptytables && !S.blanks && pct(40);

	front();
	preface();
	heading(S.fmt != FOLD && pct(3) ? "1、 总体情况" : sec[0]);
	if (S.fmt != FOLD)
		say_active();
	paragraphs(s_overview, NELEM(s_overview), 2 + rn(4), 6);
	heading(sec[1]);
	if (S.fmt == FOLD) {
		int act = 0;
		for (i = 0; i < nst && st[i].role != R_ACT; i++)
			;
		act = i;
		if (W.say_active || W.plant == P_ACTIVE) {
			/* the old report quotes the table's total */
			putz("本年度共公开政府信息");
			bputi(&D, SV[act].m);
			putz("条。");
			par();
			truth_num("active.total", SV[act].m);
		}
		paragraphs(s_overview, NELEM(s_overview), 1 + rn(2), 4);
		heading(sec[2]);
		for (i = 0; i < nst && st[i].role != R_REQ; i++)
			;
		if (SV[i].m > 0) {
			bputi(&D, Y);
			putz("年，共受理政府信息公开申请");
			bputi(&D, SV[i].m);
			putz("件，均已按时答复。");
			par();
			truth_num("requests.new", SV[i].m);
		} else {
			putz("本年度未收到政府信息公开申请。");
			par();
		}
		heading(sec[3]);
		putz("本年度依申请提供政府信息暂不收费。");
		par();
		heading(sec[4]);
		paragraphs(s_problems, NELEM(s_problems), 1 + rn(3), 4);
		heading(sec[5]);
		sentence(PICK(s_other));
		par();
		bputs(&D, O.name);
		nl();
		put_date(Y + 1, 1, atoi(W.signed_ + 8), 0);
		nl();
		putz(pct(50) ? "附件：" : "");
		bputs(&D, O.name);
		bputi(&D, Y);
		putz("年政府信息公开情况统计表");
		nl();
		emit_stats(Y);
	} else {
		if (!S.emptytables && pct(50))
			paragraphs(s_overview, NELEM(s_overview), 1, 3);
		emit_art20();
		heading(sec[2]);
		if (W.say_requests)
			say_requests();
		else if (S.emptytables) {
			putz("截至");
			bputi(&D, Y);
			putz("年12月31日，本机关未收到要求公开政府信息的申请。");
			par();
		}
		emit_requests();
		heading(sec[3]);
		say_appeals();
		emit_appeals();
		heading(sec[4]);
		paragraphs(s_problems, NELEM(s_problems), 1 + rn(3), 4);
		heading(sec[5]);
		sentence(PICK(s_other));
		par();
		bputs(&D, O.name);
		nl();
		put_date(Y + 1, 1, atoi(W.signed_ + 8), 0);
	}
	if (pct(10))
		nl(), bputs(&D, pct(50) ? "附件加载中..." : "附件下载");
	if (!S.nofinal)
		bputc(&D, '\n');
	else
		while (D.n && D.p[D.n - 1] == ' ')
			D.n--;
	if (S.crlf || S.bom)
		recode();

	O.has_prev = 1;
	O.prev_fmt = S.fmt;
}

/* CRLF line ends and a BOM, as a Windows editor saves a file. */
static void
recode(void)
{
	static buf o;
	size_t i;

	o.n = 0;
	if (S.bom)
		bput(&o, "\xef\xbb\xbf", 3);
	for (i = 0; i < D.n; i++) {
		if (D.p[i] == '\n' && S.crlf)
			bputc(&o, '\r');
		bputc(&o, D.p[i]);
	}
	D.n = 0;
	bput(&D, o.p, o.n);
}

/* The doc record goes first; the cell records were gathered in T. */
static void
truth_doc(FILE *tf)
{
	fprintf(tf, "doc\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", docid,
	    S.front == FR_NOTITLE ? "" : W.title, O.name, Y, fmtname[S.fmt],
	    layname[S.layout], W.published, W.signed_);
	if (S.front != FR_NOTITLE)
		fprintf(tf, "cell\t%s\tdoc\ttitle\tvalue\t%s\ttext\n", docid, W.title);
	fprintf(tf, "cell\t%s\tdoc\tyear\tvalue\t%d\tnum\n", docid, Y);
	fprintf(tf, "cell\t%s\tdoc\tformat\tvalue\t%s\ttext\n", docid, fmtname[S.fmt]);
	if (W.published[0])
		fprintf(tf, "cell\t%s\tdoc\tpublished\tvalue\t%s\ttext\n", docid,
		    W.published);
	fprintf(tf, "cell\t%s\tdoc\tsigned\tvalue\t%s\ttext\n", docid, W.signed_);
	if (fwrite(T.p, 1, T.n, tf) != T.n)
		die("truth: write error");
}

/* ---- main ------------------------------------------------------------------ */

static void
usage(void)
{
	fprintf(stderr, "usage: gen -s SEED -m SIZE[K|M|G] [-o DIR] [-t TRUTH.tsv]\n");
	exit(2);
}

static uint64_t
parse_size(const char *s)
{
	char *e;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &e, 10);
	if (errno || e == s)
		usage();
	switch (*e) {
	case 'k': case 'K': v <<= 10; e++; break;
	case 'm': case 'M': v <<= 20; e++; break;
	case 'g': case 'G': v <<= 30; e++; break;
	}
	if (*e == 'B' || *e == 'b')
		e++;
	if (*e)
		usage();
	return v;
}

int
main(int argc, char *argv[])
{
	const char *dir = NULL, *truth = NULL;
	uint64_t seed = 1, size = 0, total = 0, x;
	uint32_t organ = 0, left = 0, ndoc = 0;
	FILE *tf = NULL;
	int ch, seeded = 0;
	static char obuf[1 << 20];

	while ((ch = getopt(argc, argv, "s:m:o:t:h")) != -1) {
		switch (ch) {
		case 's':
			seed = strtoull(optarg, NULL, 10);
			seeded = 1;
			break;
		case 'm':
			size = parse_size(optarg);
			break;
		case 'o':
			dir = optarg;
			break;
		case 't':
			truth = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind != argc || !seeded || size == 0)
		usage();
	x = seed;
	for (ch = 0; ch < 4; ch++)
		rs[ch] = splitmix(&x);
	if (dir && mkdir(dir, 0777) == -1 && errno != EEXIST)
		die(dir);
	errno = 0;
	if (truth) {
		if ((tf = fopen(truth, "w")) == NULL)
			die(truth);
		want_truth = 1;
		fputs("#type\tdoc\t...\n", tf);
	}
	if (!dir)
		setvbuf(stdout, obuf, _IOFBF, sizeof obuf);

	for (;;) {
		if (left == 0) {
			organ_new(organ++);
			left = 1 + rn(3);
			/* most reports on the net are recent */
			Y = pct(40) ? 2008 + (int)rn(18) : 2019 + (int)rn(7);
			if (Y + (int)left - 1 > 2025)
				Y = 2025 - (int)left + 1;
		}
		draw_style();
		snprintf(docid, sizeof docid, "%06u_%s_%s", ndoc + 1,
		    fmtname[S.fmt], layname[S.layout]);
		draw_doc();
		if (ndoc > 0 && total + D.n > size)
			break;
		if (dir) {
			char path[4096];
			FILE *f;
			snprintf(path, sizeof path, "%s/%s.txt", dir, docid);
			if ((f = fopen(path, "w")) == NULL)
				die(path);
			if (fwrite(D.p, 1, D.n, f) != D.n || fclose(f) == EOF)
				die(path);
		} else if (fwrite(D.p, 1, D.n, stdout) != D.n)
			die("write error");
		if (tf)
			truth_doc(tf);
		total += D.n;
		ndoc++;
		Y++;
		left--;
		if (total >= size)
			break;
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		die("write error");
	if (tf && fclose(tf) == EOF)
		die(truth);
	return 0;
}
