/*
 * table.c - format detection and the extractor of the 2019 and 2021 tables.
 *
 * One path for every layout (SPEC section 3).  A document becomes a stream
 * of units, one per character after normalization (full width folded,
 * traditional characters mapped), with three structural units kept apart:
 * end of line, TAB and '|'.  The labels of schema.c are matched on the
 * "label view" of that stream (CJK and ASCII letters and digits only), so
 * spaces, brackets, punctuation and line breaks inside a label do not
 * matter.  The schema is walked in printed order: caption of each table,
 * then each row's label; the values of a row are read between its label
 * and the next label, where the layout puts them:
 *
 *   '|' in the table: cells are separated by '|', line ends are spaces
 *   (a markdown row still ends with its line: see row_end());
 *   TAB inside a line: cells are TAB fields, a line end ends the row;
 *   nearly every line indented by a TAB: one cell a line, a line of
 *   only its TAB a blank cell, an empty line ends the row;
 *   otherwise: one cell a line, a blank line ends the row, and a line
 *   with several numbers is a space-separated (or glued) run.
 *
 * Blank cells keep their place: a row is placed where the complete rows
 * of its table put their values (place()); when a layout lost them,
 * nothing is shifted: the row is reported and left empty.  Runs of glued digits go to
 * the solver of glued.c with the table's identities and the figures the
 * prose states; a reading is taken only when exactly one survives.  Two
 * more steps are taken only when the document is known to glue its cells
 * (a run elsewhere was settled by those hard constraints): by default, a
 * run whose one reading splits a number as written is read so (the layout
 * glues here as elsewhere; not in strict mode), and with
 * GOI_EXTRACT_ASSUME the soft assumptions about values listed below pick
 * one of several readings, one assumption at a time.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "goi.h"

/* Structural units, outside Unicode. */
enum { U_NL = 0x110001, U_TAB, U_PIPE };

typedef struct {
	uint32_t cp;		/* normalized code point or U_* */
	uint32_t li;		/* index in doc->lines */
	uint32_t off;		/* byte offset in that line */
	uint32_t len;		/* bytes in the source */
} unit;

#define MAXROWS 32
#define MAXCOLS 16
#define MAXTABLES 8
#define MAXREAD 256		/* readings the solver hands back */

enum { K_NONE, K_NUM, K_GLUED, K_EMPTY, K_NA };
static const char *const kindname[] = {"", "num", "glued", "empty", "na"};

typedef struct {
	int kind;
	char value[40];
	size_t raw, rawlen;	/* offset into x->arena */
	long line;
} cell;

/* A row whose run of digits is still to be settled. */
typedef struct {
	int t, r;		/* table and row index */
	char run[512];
	long line;
	size_t raw, rawlen;
	int nrows;		/* rows the run holds (表四 as one line: 3) */
	int amountcol;		/* column holding a money amount, or -1 */
	int yuan;		/* the run's amount was written in 元 */
	int scale;
	long nread;		/* readings under hard constraints */
	int nfree;		/* readings with no constraint (capped at 2) */
	int unforced;		/* the one reading splits a good number */
	long long only[MAXCOLS * 3];	/* that reading */
} pending;

/*
 * L_TABCELL: one cell a line, each indented by a TAB, rows ended by blank
 * lines (Word, seed 004); a line holding only its TAB is a blank cell.
 */
enum { L_LINES, L_TABROW, L_PIPE, L_TABCELL };
enum { T_NUM, T_NA, T_TEXT };

typedef struct {
	int type;
	size_t a, b;		/* units */
	int cell;
	int yuan;		/* followed by 元 */
	int money;		/* followed by 元 or 万元 */
	int hasunit;
	size_t ua, ub;		/* with the unit */
} tok;

#define MAXTOK 256

typedef struct region {
	tok t[MAXTOK];
	int n;
	int ncells;		/* cells seen */
	int seps;		/* a separator was crossed between values */
	/*
	 * The cell where the row ends, in the layouts whose rows end
	 * there: the line end of a TAB row or a markdown row, the blank
	 * line of one TAB-indented cell a line; -1 when not known, -2
	 * while tokenizing when the values start on a later line.
	 */
	int endcell;		/* see row_end() */
} region;

struct goi_extract {
	int flags;
	unit *u;
	size_t nu, ucap;
	uint32_t *lvcp;		/* label view: code points */
	size_t *lvui;		/* label view: unit index of each */
	size_t nlv, lvcap, lvuicap;
	char *arena;
	size_t narena, arenacap;
	const goi_schema_table *tabs;
	int ntabs;
	int found[MAXTABLES];
	int unplaced[MAXTABLES];	/* values read but not placed */
	/*
	 * Where complete rows put their values (see place()): per table
	 * (-2: no complete row, -1: mixed), and where the tables of 第二十条
	 * agree they start (-1: unknown or not agreed).
	 */
	int tpad[MAXTABLES];
	int dpad;
	/*
	 * What the survey of table ti found (walk_rows), for the walk that
	 * reads it over the same span: its rows, layout and pads.
	 */
	struct {
		int valid, nfound, layout, pad, rpad;
		size_t lva, lvb, re[MAXROWS];
		long rs[MAXROWS];
	} surv[MAXTABLES];
	int rowfound[MAXTABLES][MAXROWS];
	/*
	 * The columns as this document prints them: printed position to grid
	 * column.  Grid columns past the schema's are its optional columns.
	 */
	int npcol[MAXTABLES];
	int pcol[MAXTABLES][MAXCOLS];
	cell grid[MAXTABLES][MAXROWS][MAXCOLS];
	/* figures the prose states, per cell (text facts and own patterns) */
	unsigned char hasknown[MAXTABLES][MAXROWS][MAXCOLS];
	long long known[MAXTABLES][MAXROWS][MAXCOLS];
	pending *pend;
	int npend, pendcap;
	int gluedoc;		/* hard constraints settled a glued run */
	const goi_doc *doc;
	const goi_sink *sink;
	long facts[8];		/* text facts, -1 when absent */
	/* counters of what settled the glued runs */
	long nsettled_hard, nsettled_soft, nunsettled;
	/* work space of one document */
	struct region *rg;	/* the tokens of a row */
	long long readbuf[MAXREAD * MAXCOLS * 3];	/* solver readings */
	/* the unit stream built by goi_extract_format, for the same doc */
	const goi_doc *built;
	const goi_docline *built_lines;
	size_t built_n;
	int built_format;
};

/* text facts the extractor uses */
enum { F_NEW, F_CARRIED_IN, F_CARRIED_OUT, F_REVIEW, F_NFACTS };
static const char *const factkey[F_NFACTS] = {
	"requests.new", "requests.carried_in", "requests.carried_out",
	"appeals.review"
};

/* ---- normalization -------------------------------------------------------- */

/* Traditional characters of the labels, folded to simplified. */
static const uint32_t trad[][2] = {
	{0x898F, 0x89C4},	/* 規 */
	{0x689D, 0x6761},	/* 條 */
	{0x9805, 0x9879},	/* 項 */
	{0x958B, 0x5F00},	/* 開 */
	{0x8CC7, 0x8D44},	/* 資 */
	{0x8A0A, 0x8BAF},	/* 訊 */
	{0x8ACB, 0x8BF7},	/* 請 */
	{0x6578, 0x6570},	/* 數 */
	{0x64DA, 0x636E},	/* 據 */
	{0x52D9, 0x52A1},	/* 務 */
	{0x6A5F, 0x673A},	/* 機 */
	{0x95DC, 0x5173},	/* 關 */
	{0x8655, 0x5904},	/* 處 */
	{0x8A31, 0x8BB8},	/* 許 */
	{0x8A34, 0x8BC9},	/* 訴 */
	{0x8B70, 0x8BAE},	/* 議 */
	{0x7D50, 0x7ED3},	/* 結 */
	{0x7DAD, 0x7EF4},	/* 維 */
	{0x8B77, 0x62A4},	/* 護 */
	{0x7CFE, 0x7EA0},	/* 糾 */
	{0x5BE9, 0x5BA1},	/* 審 */
	{0x7E3D, 0x603B},	/* 總 */
	{0x8A08, 0x8BA1},	/* 計 */
	{0x5831, 0x62A5},	/* 報 */
	{0x696D, 0x4E1A},	/* 業 */
	{0x69CB, 0x6784},	/* 構 */
	{0x7E54, 0x7EC7},	/* 織 */
	{0x6CD5, 0x6CD5},
	{0x7BC4, 0x8303},	/* 範 */
	{0x5F8C, 0x540E},	/* 後 */
	{0x932F, 0x9519},	/* 錯 */
	{0x7D93, 0x7ECF},	/* 經 */
	{0x8907, 0x590D},	/* 複 */
	{0x9818, 0x9886},	/* 領 */
	{0x570B, 0x56FD},	/* 國 */
	{0x5BB6, 0x5BB6},
	{0x5C6C, 0x5C5E},	/* 屬 */
	{0x8B49, 0x8BC1},	/* 證 */
	{0x7372, 0x83B7},	/* 獲 */
	{0x8ECA, 0x8F66},
	{0x6C92, 0x6CA1},	/* 沒 */
	{0x73FE, 0x73B0},	/* 現 */
	{0x88FD, 0x5236},	/* 製 */
	{0x767C, 0x53D1},	/* 發 */
	{0x5E74, 0x5E74},
	{0x6A19, 0x6807},	/* 標 */
	{0x6E96, 0x51C6},	/* 準 */
	{0x8CBB, 0x8D39},	/* 費 */
	{0x984D, 0x989D},	/* 額 */
	{0x55AE, 0x5355},	/* 單 */
	{0x50B3, 0x4F20},	/* 傳 */
	{0x5C0E, 0x5BFC},	/* 導 */
	{0x8A34, 0x8BC9},
	{0x96C6, 0x96C6},
	{0x63A1, 0x91C7},	/* 採 */
	{0x8CFC, 0x8D2D},	/* 購 */
	{0x7E8C, 0x7EED},	/* 續 */
	{0x8F49, 0x8F6C},	/* 轉 */
	{0x8FA6, 0x529E},	/* 辦 */
	{0x7406, 0x7406},
	{0x5BE6, 0x5B9E},	/* 實 */
	{0x9EDE, 0x70B9},	/* 點 */
	{0x91CD, 0x91CD},
	{0x6C11, 0x6C11},
	{0x5354, 0x534F},	/* 協 */
	{0x6703, 0x4F1A},	/* 會 */
	{0x570D, 0x56F4},	/* 圍 */
	{0x8655, 0x5904},
	{0x9810, 0x9884},	/* 預 */
	{0x5831, 0x62A5},
	{0x8AAA, 0x8BF4},	/* 說 */
	{0x61C9, 0x5E94},	/* 應 */
	{0x7121, 0x65E0},	/* 無 */
	{0x8B8A, 0x53D8},	/* 變 */
	{0x5074, 0x4FA7},	/* 側 */
	{0x6E1B, 0x51CF},	/* 減 */
	{0x589E, 0x589E},
	{0x7D1A, 0x7EA7},	/* 級 */
	{0x985E, 0x7C7B},	/* 類 */
	{0x8A72, 0x8BE5},	/* 該 */
	{0x5340, 0x533A},	/* 區 */
	{0x9AD4, 0x4F53},	/* 體 */
	{0x9A57, 0x9A8C},	/* 驗 */
	{0x5B89, 0x5B89},
	{0x7A69, 0x7A33},	/* 穩 */
	{0x5F37, 0x5F3A},	/* 強 */
	{0x7F70, 0x7F5A},	/* 罰 */
	{0x6B0A, 0x6743},	/* 權 */
	{0x76CA, 0x76CA},
	{0x89AA, 0x4EB2},
	{0x9304, 0x5F55},	/* 錄 */
	{0x8A73, 0x8BE6},
	{0x5BE9, 0x5BA1},
	{0x6848, 0x6848},
	{0x5377, 0x5377},
	{0x8A62, 0x8BE2},	/* 詢 */
	{0x7D71, 0x7EDF},	/* 統 */
	{0x8A2D, 0x8BBE},
	{0x9EBC, 0x4E48},
	{0x5FA9, 0x590D},	/* 復 */
	{0x6C7A, 0x51B3},	/* 決 */
	{0x5B9A, 0x5B9A},
	{0x6236, 0x6237},
	{0x8005, 0x8005},
	{0x64C1, 0x62E5},
	{0x8209, 0x4E3E},	/* 舉 */
	{0x8A2A, 0x8BBF},	/* 訪 */
	{0x4FE1, 0x4FE1},
	{0x984C, 0x9898},
	{0x88DC, 0x8865},	/* 補 */
	{0x78BA, 0x786E},	/* 確 */
	{0x5F9E, 0x4ECE},
	{0x4F86, 0x6765},
	{0x9084, 0x8FD8},
	{0x62CB, 0x629B},
	{0x5C0D, 0x5BF9},	/* 對 */
	{0x5916, 0x5916},
	{0x7E3E, 0x7EE9},
	{0x7E7C, 0x7EE7},	/* 繼 */
	{0x52DE, 0x52B3},
	{0x6AA2, 0x68C0},
	{0x8CA1, 0x8D22},
	{0x898F, 0x89C4},
};

/*
 * Filled once, on first use, with constant data only (as norm.c's tables):
 * the sorted table and a bitmap of the CJK block that says which
 * characters are in it, so that most characters cost one bit test.
 */
static int trad_sorted;
static uint32_t tradk[sizeof(trad) / sizeof(trad[0])];
static uint32_t tradv[sizeof(trad) / sizeof(trad[0])];
static size_t ntrad;
#define CJK_LO 0x4E00
#define CJK_HI 0x9FFF
static unsigned char tradbit[(CJK_HI - CJK_LO + 1 + 7) / 8];

static int
cmpu32(const void *a, const void *b)
{
	uint32_t x = ((const uint32_t *)a)[0], y = ((const uint32_t *)b)[0];

	return x < y ? -1 : x > y;
}

static void
trad_init(void)
{
	uint32_t tmp[sizeof(trad) / sizeof(trad[0])][2];
	size_t i, n = sizeof(trad) / sizeof(trad[0]);

	if (trad_sorted)
		return;
	memcpy(tmp, trad, sizeof(tmp));
	qsort(tmp, n, sizeof(tmp[0]), cmpu32);
	for (i = 0; i < n; i++) {
		if (ntrad > 0 && tradk[ntrad - 1] == tmp[i][0])
			continue;
		tradk[ntrad] = tmp[i][0];
		tradv[ntrad++] = tmp[i][1];
		if (tmp[i][0] >= CJK_LO && tmp[i][0] <= CJK_HI &&
		    tmp[i][0] != tmp[i][1])
			tradbit[(tmp[i][0] - CJK_LO) >> 3] |= (unsigned char)
			    (1u << ((tmp[i][0] - CJK_LO) & 7));
	}
	trad_sorted = 1;
}

static uint32_t
fold(uint32_t c)
{
	size_t lo, hi, mid;

	if (c < 0x80)
		return c;
	if (c >= CJK_LO && c <= CJK_HI && !(tradbit[(c - CJK_LO) >> 3] &
	    (1u << ((c - CJK_LO) & 7))))
		return c;
	if (c >= 0xFF01 && c <= 0xFF5E)
		return c - 0xFEE0;
	if (c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003 ||
	    c == 0x2009 || c == 0x200B || c == 0xFEFF)
		return ' ';
	if (c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0x2212)
		return 0x2014;	/* dashes: one na dash */
	if (c == 0x3001)
		return c;
	if (c >= CJK_LO && c <= CJK_HI) {
		lo = 0;
		hi = ntrad;
		while (lo < hi) {
			mid = (lo + hi) / 2;
			if (tradk[mid] < c)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < ntrad && tradk[lo] == c)
			return tradv[lo];
	}
	return c;
}

/* Decode one UTF-8 sequence; invalid bytes are U+FFFD of length 1. */
static uint32_t
utf8dec(const unsigned char *s, size_t n, size_t *len)
{
	uint32_t c;
	size_t k, i;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		k = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		k = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		k = 4;
		c = s[0] & 0x07;
	} else {
		*len = 1;
		return 0xFFFD;
	}
	if (k > n) {
		*len = 1;
		return 0xFFFD;
	}
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*len = 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((k == 3 && c < 0x800) || (k == 4 && (c < 0x10000 ||
	    c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF)) {
		*len = 1;
		return 0xFFFD;
	}
	*len = k;
	return c;
}

/* Characters the labels are matched on. */
static inline int
is_labelch(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= '0' && c <= '9') ||
	    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_space(uint32_t c)
{
	return c == ' ' || c == '\r' || c == '\f' || c == '\v';
}

static int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int
cn_numeral(uint32_t c)
{
	static const uint32_t n[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
	    0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
	size_t i;

	for (i = 0; i < sizeof(n) / sizeof(n[0]); i++)
		if (c == n[i])
			return 1;
	return 0;
}

/*
 * Patterns: the literals of schema.c and of this file, compiled once and
 * kept by the address of the literal (they are all static strings).  Mode
 * PAT_LABEL keeps the label view (label characters only), PAT_ALL every
 * character folded (units, na words).  Like the tables above, the cache is
 * filled on first use and holds constants only.
 */
enum { PAT_LABEL, PAT_ALL };
#define PATMAX 64
#define PATSLOTS 2048
typedef struct {
	const char *s;		/* NULL: free slot */
	int mode;
	int n;
	uint32_t cp[PATMAX];
} pat;
static pat patcache[PATSLOTS];
static int npatcache;

static int
pat_compile(const char *s, int mode, uint32_t *out, int max)
{
	size_t n = strlen(s), i = 0, len;
	uint32_t c;
	int k = 0;

	while (i < n && k < max) {
		c = fold(utf8dec((const unsigned char *)s + i, n - i, &len));
		i += len;
		if (mode == PAT_ALL || is_labelch(c))
			out[k++] = c;
	}
	return k;
}

/* The compiled pattern of a static literal; tmp when the cache is full. */
static const pat *
pat_get(const char *s, int mode, pat *tmp)
{
	size_t h = ((uintptr_t)s >> 3) * 2654435761u + (size_t)mode, i;
	pat *p;

	trad_init();
	for (i = 0; i < PATSLOTS; i++) {
		p = &patcache[(h + i) % PATSLOTS];
		if (p->s == s && p->mode == mode)
			return p;
		if (p->s == NULL)
			break;
	}
	if (i == PATSLOTS || npatcache >= PATSLOTS / 2)
		p = tmp;
	else
		npatcache++;
	p->n = pat_compile(s, mode, p->cp, PATMAX);
	p->mode = mode;
	p->s = s;
	return p;
}

/* ---- format detection ----------------------------------------------------- */

static const char *const mark19[] = {
	"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
	"其他对外管理服务事项", "政府集中采购", "采购项目数量", "采购总金额",
	NULL
};
static const char *const mark21[] = {
	"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
	"本年收费金额", "申请人无正当理由逾期不补正",
	"申请人逾期未按收费通知要求缴纳费用", NULL
};
static const char *const markold[] = {
	"政府信息公开情况统计表", "历年累计", "统计指标", "主动公开政府信息数",
	"主动公开信息数", "受理依申请公开信息总数", "受理政府信息公开申请总数",
	"依申请公开信息目录数", "对申请的答复数", "对申请的答复总数", NULL
};

/*
 * Detection runs over the label view, one character at a time: a marker
 * is compared only where its last character is (markhead, by the last
 * character mod 4096, rejects nearly all of them and leads to the markers
 * that may end there).  No allocation, one pass.  goi_table_format feeds
 * the characters as it decodes them and keeps the last PATMAX in a ring;
 * build_units looks back in the label view it has built.
 */
#define NMARK 32
#define RING 64			/* >= PATMAX, a power of two */
typedef struct {
	uint32_t ring[RING];
	size_t n;		/* label characters seen */
	uint32_t found[3];	/* per set, a bit per marker found */
} detector;

static const char *const *const marksets[3] = {mark19, mark21, markold};
static struct {
	const pat *p;
	int set, bit;
	int next;		/* the next marker of the same markhead, or -1 */
} marks[NMARK];
static int nmarks;
static signed char markhead[4096];	/* the first such marker, or -1 */

static void
marks_init(void)
{
	static pat spare;
	const char *const *m;
	const pat *p;
	int set, bit, h;

	if (nmarks > 0)
		return;
	memset(markhead, -1, sizeof(markhead));
	for (set = 0; set < 3; set++) {
		for (m = marksets[set], bit = 0; *m != NULL && nmarks < NMARK;
		    m++, bit++) {
			p = pat_get(*m, PAT_LABEL, &spare);
			if (p == &spare || p->n == 0 || p->n > RING)
				continue;	/* cache full: cannot happen */
			h = (int)(p->cp[p->n - 1] & 4095);
			marks[nmarks].p = p;
			marks[nmarks].set = set;
			marks[nmarks].bit = bit;
			marks[nmarks].next = markhead[h];
			markhead[h] = (signed char)nmarks++;
		}
	}
}

/* The markers that end with c, the last character fed. */
static void
det_match(detector *d, uint32_t c)
{
	const pat *p;
	int k, j;

	for (k = markhead[c & 4095]; k >= 0; k = marks[k].next) {
		p = marks[k].p;
		if (p->cp[p->n - 1] != c || (size_t)p->n > d->n)
			continue;
		for (j = 2; j <= p->n && d->ring[(d->n - (size_t)j) &
		    (RING - 1)] == p->cp[p->n - j]; j++)
			;
		if (j > p->n)
			d->found[marks[k].set] |= 1u << marks[k].bit;
	}
}

static inline void
det_feed(detector *d, uint32_t c)
{
	d->ring[d->n++ & (RING - 1)] = c;
	if (markhead[c & 4095] >= 0)
		det_match(d, c);
}

/* The markers in the label view lv[0..n), as det_feed of each would. */
static void
det_scan(detector *d, const uint32_t *lv, size_t n)
{
	const pat *p;
	size_t i;
	uint32_t c;
	int k, j;

	for (i = 0; i < n; i++) {
		c = lv[i];
		for (k = markhead[c & 4095]; k >= 0; k = marks[k].next) {
			p = marks[k].p;
			if (p->cp[p->n - 1] != c || (size_t)p->n > i + 1)
				continue;
			for (j = 2; j <= p->n && lv[i + 1 - (size_t)j] ==
			    p->cp[p->n - j]; j++)
				;
			if (j > p->n)
				d->found[marks[k].set] |= 1u << marks[k].bit;
		}
	}
}

static int
popcount(uint32_t v)
{
	int n = 0;

	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

static int
det_format(const detector *d)
{
	int n19 = popcount(d->found[0]), n21 = popcount(d->found[1]);

	if (n19 > 0 || n21 > 0)
		return n21 > n19 ? GOI_FMT_2021 : GOI_FMT_2019;
	return popcount(d->found[2]) >= 2 ? GOI_FMT_OLD : GOI_FMT_NONE;
}

/* Characters that cannot be part of a label: most of ASCII. */
static int
skip_ascii(unsigned char b)
{
	return b < 0x80 && !((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' &&
	    (b | 0x20) <= 'z'));
}

int
goi_table_format(const goi_doc *doc)
{
	detector d;
	const unsigned char *s;
	size_t li, i, n, len;
	uint32_t c;

	marks_init();
	memset(&d, 0, sizeof(d));
	for (li = 0; li < doc->nlines; li++) {
		s = (const unsigned char *)doc->lines[li].text;
		n = doc->lines[li].len;
		for (i = 0; i < n; i += len) {
			if (skip_ascii(s[i])) {
				len = 1;
				continue;
			}
			c = fold(utf8dec(s + i, n - i, &len));
			if (is_labelch(c))
				det_feed(&d, c);
		}
	}
	return det_format(&d);
}

/* ---- the unit stream ------------------------------------------------------ */

/* The unit of decoded code point c: structural, folded or itself. */
static inline uint32_t
unit_cp(uint32_t c)
{
	if (c < 0x80) {
		if (c == '\t')
			return U_TAB;
		if (c == '|')
			return U_PIPE;
		if (c == '\r' || c == 0)
			return ' ';
		return c;
	}
	if (c == 0xFF5C || c == 0x2502)
		return U_PIPE;
	/* a CJK character is most often itself */
	if (c < CJK_LO || c > CJK_HI || (tradbit[(c - CJK_LO) >> 3] &
	    (1u << ((c - CJK_LO) & 7))))
		return fold(c);
	return c;
}

/*
 * The units of code points below 0x80 (unit_cp) and which are label
 * characters (is_labelch): a lookup instead of a chain of tests, for the
 * ASCII of the lines build_units reads from a goi_utext.
 */
static uint32_t ascunit[128];
static unsigned char asclabel[128];

static void
asc_init(void)
{
	uint32_t c;

	if (ascunit['a'] != 0)
		return;
	for (c = 0; c < 128; c++) {
		ascunit[c] = unit_cp(c);
		asclabel[c] = (unsigned char)is_labelch(unit_cp(c));
	}
}

/*
 * The units of one line that ut holds as it is (GOI_UL_SAME), from its
 * code points cp[0..ce): a code point is its bytes' shortest UTF-8 form (of
 * 1 to 3 bytes: fastline takes no other), so its length follows from its
 * value.  The same units and label view as the byte loop of build_units,
 * with the two kinds of characters that make up nearly all text first:
 * ASCII by lookup, and a CJK character that fold leaves as it is.
 */
static unit *
units_same(unit *u, const unit *u0, uint32_t li, const int32_t *cp,
    const int32_t *ce, uint32_t *lvcp, size_t *lvui, size_t *nlvp)
{
	size_t nlv = *nlvp;
	uint32_t c, i = 0, len;
	int lab;

	for (; cp < ce; cp++, u++) {
		c = (uint32_t)*cp;
		if (c < 0x80) {
			len = 1;
			lab = asclabel[c];
			c = ascunit[c];
		} else if (c - CJK_LO <= CJK_HI - CJK_LO &&
		    !(tradbit[(c - CJK_LO) >> 3] & (1u << ((c - CJK_LO) & 7)))) {
			len = 3;	/* unit_cp(c) == c, a label character */
			lab = 1;
		} else {
			len = c < 0x800 ? 2 : 3;
			c = unit_cp(c);
			lab = is_labelch(c);
		}
		u->cp = c;
		u->li = li;
		u->off = i;
		u->len = len;
		i += len;
		if (lab) {
			lvcp[nlv] = c;
			lvui[nlv++] = (size_t)(u - u0);
		}
	}
	*nlvp = nlv;
	return u;
}

/*
 * The unit stream and the label view of doc; d, if not NULL, detects
 * (det_scan, on the label view once it is built).
 * The lines that ut (doc's goi_utext, or NULL) holds as they are
 * (GOI_UL_SAME) are read from it (units_same).
 */
static int
build_units(goi_extract *x, const goi_doc *doc, detector *d,
    const goi_utext *ut)
{
	size_t li, i, n, len, need = 0, nlv = 0, *lvui;
	const unsigned char *s;
	const int32_t *cp, *ce;
	uint32_t c, *lvcp;
	unit *u, *u0;

	trad_init();
	asc_init();
	x->built = NULL;
	if (ut != NULL && ut->nl != doc->nlines)
		ut = NULL;
	for (li = 0; li < doc->nlines; li++)
		need += doc->lines[li].len + 1;
	if (goi_grow((void **)&x->u, &x->ucap, need, sizeof(unit)) < 0 ||
	    goi_grow((void **)&x->lvcp, &x->lvcap, need, sizeof(uint32_t)) < 0)
		return GOI_ENOMEM;
	/* lvui shares lvcap: keep both the same size */
	if (x->lvuicap != x->lvcap) {
		size_t *np = realloc(x->lvui, x->lvcap * sizeof(size_t));
		if (np == NULL)
			return GOI_ENOMEM;
		x->lvui = np;
		x->lvuicap = x->lvcap;
	}
	x->nu = x->nlv = 0;
	u = u0 = x->u;
	lvcp = x->lvcp;
	lvui = x->lvui;
	for (li = 0; li < doc->nlines; li++) {
		n = doc->lines[li].len;
		if (ut != NULL && (ut->lflags[li] & GOI_UL_SAME)) {
			cp = ut->cp + ut->lstart[li];
			ce = li + 1 < ut->nl ? ut->cp + ut->lstart[li + 1] - 1 :
			    ut->cp + ut->n - 1;	/* its '\n' */
			u = units_same(u, u0, (uint32_t)li, cp, ce, lvcp, lvui,
			    &nlv);
		} else {
			s = (const unsigned char *)doc->lines[li].text;
			for (i = 0; i < n; i += len) {
				if (s[i] < 0x80) {
					len = 1;
					c = s[i];
				} else if (s[i] >= 0xE1 && s[i] != 0xED &&
				    s[i] <= 0xEF && i + 2 < n &&
				    (s[i + 1] & 0xC0) == 0x80 &&
				    (s[i + 2] & 0xC0) == 0x80) {
					/* leads E1-EC, EE, EF: never overlong,
					 * no surrogate */
					c = (uint32_t)(s[i] & 0x0F) << 12 |
					    (uint32_t)(s[i + 1] & 0x3F) << 6 |
					    (s[i + 2] & 0x3F);
					len = 3;
				} else
					c = utf8dec(s + i, n - i, &len);
				c = unit_cp(c);
				u->cp = c;
				u->li = (uint32_t)li;
				u->off = (uint32_t)i;
				u->len = (uint32_t)len;
				if (is_labelch(c)) {
					lvcp[nlv] = c;
					lvui[nlv++] = (size_t)(u - u0);
				}
				u++;
			}
		}
		u->cp = U_NL;
		u->li = (uint32_t)li;
		u->off = (uint32_t)n;
		u->len = 0;
		u++;
	}
	x->nu = (size_t)(u - x->u);
	x->nlv = nlv;
	if (d != NULL)
		det_scan(d, lvcp, nlv);
	return 0;
}

#define MAXVAR 16		/* spellings of one label */

/*
 * The first i in [from, to) where lv[i] is one of the nf (1 to 4) code
 * points f, or to.  Four places a step with SSE2: this scan is most of
 * the time spent looking for labels.
 */
static size_t
scan_first(const uint32_t *lv, size_t from, size_t to, const uint32_t *f,
    int nf)
{
	size_t i = from;
	int k;

#ifdef __SSE2__
	__m128i k0 = _mm_set1_epi32((int)f[0]);
	__m128i k1 = _mm_set1_epi32((int)f[nf > 1 ? 1 : 0]);
	__m128i k2 = _mm_set1_epi32((int)f[nf > 2 ? 2 : 0]);
	__m128i k3 = _mm_set1_epi32((int)f[nf > 3 ? 3 : 0]);
	unsigned m;

	for (; i + 4 <= to; i += 4) {
		__m128i v = _mm_loadu_si128((const __m128i *)(lv + i));
		__m128i e = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi32(v, k0),
		    _mm_cmpeq_epi32(v, k1)), _mm_or_si128(_mm_cmpeq_epi32(v,
		    k2), _mm_cmpeq_epi32(v, k3)));
		if ((m = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(e))) != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i < to; i++)
		for (k = 0; k < nf; k++)
			if (lv[i] == f[k])
				return i;
	return to;
}

/*
 * Earliest match of any of the strings (NULL-terminated list) in [from,
 * to); the longest one at that place.  *end receives the label-view
 * position after it.  One pass over the text whatever the number of
 * strings.
 */
static long
find_any(const goi_extract *x, const char *const *v, size_t from, size_t to,
    size_t *end)
{
	const pat *p[MAXVAR];
	pat tmp[MAXVAR];
	const uint32_t *lv = x->lvcp;
	uint32_t first[MAXVAR], uf[MAXVAR];
	uint64_t bloom = 0;
	size_t i, n;
	int np = 0, nf = 0, k, j, best;

	for (; v != NULL && *v != NULL && np < MAXVAR; v++) {
		p[np] = pat_get(*v, PAT_LABEL, &tmp[np]);
		if (p[np]->n > 0) {
			first[np] = p[np]->cp[0];
			np++;
		}
	}
	if (np == 0)
		return -1;
	if (to > x->nlv)
		to = x->nlv;
	/* the distinct first characters: the variants mostly share theirs */
	for (k = 0; k < np; k++) {
		for (j = 0; j < nf && uf[j] != first[k]; j++)
			;
		if (j == nf)
			uf[nf++] = first[k];
		bloom |= (uint64_t)1 << (first[k] & 63);
	}
	for (i = from; i < to; i++) {
		if (nf <= 4) {
			if ((i = scan_first(lv, i, to, uf, nf)) >= to)
				break;
		} else if (!(bloom >> (lv[i] & 63) & 1))
			continue;	/* a bit per first character (mod 64) */
		best = -1;
		for (k = 0; k < np; k++) {
			if (lv[i] != first[k])
				continue;
			n = (size_t)p[k]->n;
			if (i + n > to || (best >= 0 && p[best]->n >= p[k]->n) ||
			    memcmp(lv + i, p[k]->cp, n * sizeof(*lv)) != 0)
				continue;
			best = k;
		}
		if (best >= 0) {
			*end = i + (size_t)p[best]->n;
			return (long)i;
		}
	}
	return -1;
}

int
goi_extract_format(goi_extract *x, const goi_doc *doc)
{
	return goi_extract_format_text(x, doc, NULL);
}

int
goi_extract_format_text(goi_extract *x, const goi_doc *doc,
    const goi_utext *u)
{
	detector d;
	int i;

	/* a new document: the facts of the last one must not settle its runs */
	for (i = 0; i < F_NFACTS; i++)
		x->facts[i] = -1;
	memset(&d, 0, sizeof(d));
	if (build_units(x, doc, &d, u) < 0)
		return goi_table_format(doc);
	x->built = doc;
	x->built_lines = doc->lines;
	x->built_n = doc->nlines;
	return det_format(&d);
}

/* ---- what the extractor knows about tables, as data ---------------------- */

/* Captions of the tables (any of), by key. */
static const struct {
	const char *key;
	const char *const *v;
} captions[] = {
	{"art20_1", (const char *const[]){"第二十条第一项", NULL}},
	{"art20_5", (const char *const[]){"第二十条第五项", NULL}},
	{"art20_6", (const char *const[]){"第二十条第六项", NULL}},
	{"art20_8", (const char *const[]){"第二十条第八项", NULL}},
	{"art20_9", (const char *const[]){"第二十条第九项", NULL}},
	{"requests", (const char *const[]){"收到和处理政府信息公开申请情况",
	    "收到和处理政府信息公开申请", "依申请公开政府信息情况", NULL}},
	{"appeals", (const char *const[]){"政府信息公开行政复议行政诉讼情况",
	    "行政复议行政诉讼情况", "因政府信息公开申请行政复议行政诉讼情况",
	    "政府信息公开行政法复议行政诉讼情况", NULL}},
};

/* Where the last table ends: the next parts of the report. */
static const char *const table_end[] = {
	"存在的主要问题", "存在问题及改进", "主要问题和改进", "主要问题及改进",
	"其他需要报告的事项", NULL
};

/*
 * Text between a row's values and the next label that is not a row of its
 * own: group labels, headers, notes.  Chinese ordinals are noise as well.
 */
static const char *const noise[] = {
	"本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理",
	"申请人情况", "法人或其他组织", "信息内容", "行政诉讼",
	"本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和",
	"第一项加第二项之和等于第三项加第四项之和", "本列数据的勾稽关系为",
	"单位万元", "单位件", NULL
};

/* Units after a number; the longest first. */
static const struct {
	const char *s;
	int yuan;		/* 1: 元, to be shifted into 万元 */
	int money;
} units[] = {
	{"万元", 0, 1}, {"元", 1, 1}, {"条", 0, 0}, {"件", 0, 0}, {"个", 0, 0},
	{"项", 0, 0}, {"次", 0, 0}, {"人", 0, 0}, {"家", 0, 0}, {"份", 0, 0},
	{"%", 0, 0},
};

/* Can c start a unit?  (Most numbers have none: no pattern looked up.) */
static int
unit_start(uint32_t c)
{
	static uint32_t first[sizeof(units) / sizeof(units[0])];
	static uint64_t bloom;	/* a bit per first character mod 64 */
	static int ready, any;
	const pat *p;
	pat tmp;
	size_t k;

	if (!ready) {
		for (k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
			p = pat_get(units[k].s, PAT_ALL, &tmp);
			if (p->n == 0)
				any = 1;	/* an empty unit matches anywhere */
			else {
				first[k] = p->cp[0];
				bloom |= (uint64_t)1 << (first[k] & 63);
			}
		}
		ready = 1;
	}
	if (any)
		return 1;
	if (!(bloom >> (c & 63) & 1))
		return 0;
	for (k = 0; k < sizeof(units) / sizeof(units[0]); k++)
		if (first[k] == c)
			return 1;
	return 0;
}

/* Money columns, in 万元. */
static int
is_amount(const char *table, const char *col)
{
	return col[0] == 'a' && strcmp(col, "amount") == 0 &&
	    (strcmp(table, "art20_8") == 0 || strcmp(table, "art20_9") == 0);
}

/*
 * Figures the prose states about table cells, beyond the text facts of
 * facts.c: a phrase, then the number, then 件.  Only used to settle glued
 * readings.
 */
static const struct {
	int fmt;
	const char *table, *row, *col;
	const char *const *v;
} prose[] = {
	{GOI_FMT_2021, "art20_1", "normative", "in_force",
	    (const char *const[]){"现行有效行政规范性文件", "现行有效规范性文件",
	    NULL}},
	{GOI_FMT_2021, "art20_1", "normative", "issued",
	    (const char *const[]){"制发的行政规范性文件", "制发的规范性文件",
	    "制发行政规范性文件", NULL}},
	{GOI_FMT_2021, "art20_1", "normative", "repealed",
	    (const char *const[]){"废止行政规范性文件", "废止规范性文件",
	    "废止的规范性文件", NULL}},
};

/* ---- soft assumptions, tried one at a time (GOI_EXTRACT_ASSUME only) ----- */

static int
col_of(const goi_schema_table *t, const char *key)
{
	int i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].key, key) == 0)
			return i;
	return -1;
}

typedef int softfn(const goi_schema_table *, const long long *, int, int);

static int
soft_change0(const goi_schema_table *t, const long long *v, int scale,
    int yuan)
{
	int c = col_of(t, "change");

	(void)scale;
	(void)yuan;
	return c >= 0 && v[c] == 0;
}

static int
soft_made_pub(const goi_schema_table *t, const long long *v, int scale,
    int yuan)
{
	int a = col_of(t, "made"), b = col_of(t, "published");

	(void)scale;
	(void)yuan;
	return a >= 0 && b >= 0 && v[a] == v[b];
}

static int
soft_repealed_le(const goi_schema_table *t, const long long *v, int scale,
    int yuan)
{
	int a = col_of(t, "repealed"), b = col_of(t, "in_force");

	(void)scale;
	(void)yuan;
	return a >= 0 && b >= 0 && v[a] <= v[b];
}

/* 1 to 1000 万元 a project on average. */
static int
soft_avg_procurement(const goi_schema_table *t, const long long *v,
    int scale, int yuan)
{
	int p = col_of(t, "projects"), a = col_of(t, "amount");
	long double wan, n;
	int i;

	if (p < 0 || a < 0 || v[p] <= 0)
		return 0;
	wan = (long double)v[a];
	n = (long double)v[p];
	for (i = 0; i < scale; i++) {
		wan /= 10;
		n /= 10;
	}
	if (yuan)
		wan /= 10000;
	return wan >= n && wan <= 1000 * n;
}

static const struct {
	const char *table;
	int fmt;
	softfn *ok;
	const char *what;
} soft[] = {
	{"art20_5", GOI_FMT_2019, soft_change0, "the change (本年增/减) is 0"},
	{"art20_6", GOI_FMT_2019, soft_change0, "the change (本年增/减) is 0"},
	{"art20_8", GOI_FMT_2019, soft_change0, "the change (本年增/减) is 0"},
	{"art20_1", GOI_FMT_2019, soft_made_pub,
	    "本年新制作 equals 本年新公开"},
	{"art20_9", GOI_FMT_2019, soft_avg_procurement,
	    "1 to 1000 万元 a procurement project"},
	{"art20_1", GOI_FMT_2021, soft_repealed_le,
	    "本年废止 is at most 现行有效"},
};

/* ---- object --------------------------------------------------------------- */

goi_extract *
goi_extract_new(void)
{
	goi_extract *x = calloc(1, sizeof(goi_extract));
	int i;

	if (x == NULL)
		return NULL;
	if ((x->rg = malloc(sizeof(*x->rg))) == NULL) {
		free(x);
		return NULL;
	}
	for (i = 0; i < F_NFACTS; i++)
		x->facts[i] = -1;
	marks_init();
	return x;
}

void
goi_extract_free(goi_extract *x)
{
	if (x == NULL)
		return;
	free(x->u);
	free(x->lvcp);
	free(x->lvui);
	free(x->arena);
	free(x->pend);
	free(x->rg);
	free(x);
}

int
goi_extract_setflags(goi_extract *x, int flags)
{
	int old = x->flags;

	x->flags = flags;
	return old;
}

void
goi_extract_stats(const goi_extract *x, long *hard, long *soft_,
    long *unsettled)
{
	*hard = x->nsettled_hard;
	*soft_ = x->nsettled_soft;
	*unsettled = x->nunsettled;
}

int
goi_extract_fact(goi_extract *x, const goi_cellv *c)
{
	goi_dec d;
	int i;

	if (strcmp(c->table, "text") != 0 || strcmp(c->kind, "num") != 0)
		return 0;
	for (i = 0; i < F_NFACTS; i++) {
		if (strcmp(c->row, factkey[i]) != 0)
			continue;
		if (goi_dec_parse(c->value, strlen(c->value), &d) == 0 &&
		    d.scale == 0 && d.m >= 0)
			x->facts[i] = (long)d.m;
		return 1;
	}
	return 0;
}

static void
warnf(goi_extract *x, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
warnf(goi_extract *x, long line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (x->sink->warn == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	x->sink->warn(x->sink->ctx, line, msg);
}

static long
unit_line(const goi_extract *x, size_t ui)
{
	if (ui >= x->nu)
		ui = x->nu - 1;
	return x->doc->lines[x->u[ui].li].line;
}

/* Copy the source text of units [a, b) into the arena; TAB and | as space. */
static int
arena_put(goi_extract *x, size_t a, size_t b, size_t *off, size_t *len)
{
	size_t i, need = 0, start;
	const unit *u;

	while (a < b && (x->u[a].cp == U_NL || x->u[a].cp == U_TAB ||
	    x->u[a].cp == U_PIPE || is_space(x->u[a].cp)))
		a++;
	while (b > a && (x->u[b - 1].cp == U_NL || x->u[b - 1].cp == U_TAB ||
	    x->u[b - 1].cp == U_PIPE || is_space(x->u[b - 1].cp)))
		b--;
	for (i = a; i < b; i++)
		need += x->u[i].len + 1;
	if (goi_grow((void **)&x->arena, &x->arenacap, x->narena + need + 1,
	    1) < 0)
		return GOI_ENOMEM;
	start = x->narena;
	for (i = a; i < b; i++) {
		u = &x->u[i];
		if (u->cp == U_NL || u->cp == U_TAB || u->cp == U_PIPE) {
			if (x->narena > start && x->arena[x->narena - 1] != ' ')
				x->arena[x->narena++] = ' ';
			continue;
		}
		memcpy(x->arena + x->narena,
		    x->doc->lines[u->li].text + u->off, u->len);
		x->narena += u->len;
	}
	*off = start;
	*len = x->narena - start;
	return 0;
}

/* ---- reading a row's values ------------------------------------------------ */


static int
unit_match(const goi_extract *x, size_t i, size_t end, const char *s,
    size_t *len)
{
	pat tmp;
	const pat *p = pat_get(s, PAT_ALL, &tmp);
	int k;

	if (i + (size_t)p->n > end)
		return 0;
	for (k = 0; k < p->n; k++)
		if (x->u[i + (size_t)k].cp != p->cp[k])
			return 0;
	*len = (size_t)p->n;
	return 1;
}

/* Is the text of units [a, b) made only of noise phrases and ordinals? */
static int
is_noise(const goi_extract *x, size_t a, size_t b)
{
	uint32_t lv[512];
	const pat *p;
	pat tmp;
	int n = 0, i, k, pn, ok;
	const char *const *v;
	size_t j;

	for (j = a; j < b && n < 512; j++)
		if (is_labelch(x->u[j].cp))
			lv[n++] = x->u[j].cp;
	if (n == 512)
		return 0;
	i = 0;
	while (i < n) {
		if (cn_numeral(lv[i])) {
			i++;
			continue;
		}
		ok = 0;
		for (v = noise; *v != NULL; v++) {
			p = pat_get(*v, PAT_LABEL, &tmp);
			pn = p->n;
			if (pn > n - i || pn == 0)
				continue;
			for (k = 0; k < pn && lv[i + k] == p->cp[k]; k++)
				;
			if (k == pn) {
				i += pn;
				ok = 1;
				break;
			}
		}
		if (!ok)
			return 0;
	}
	return 1;
}

static int
is_na_text(const goi_extract *x, size_t a, size_t b)
{
	size_t l;

	if (b - a == 1 && (x->u[a].cp == '/' || x->u[a].cp == 0x2014 ||
	    x->u[a].cp == '-' || x->u[a].cp == 0x65E0))
		return 1;
	if (b - a == 2 && x->u[a].cp == 0x2014 && x->u[a + 1].cp == 0x2014)
		return 1;
	return unit_match(x, a, b, "不适用", &l) && l == b - a;
}

/*
 * Tokenize units [a, b) by the layout.  Stops at the end of the row (the
 * line end of a TAB row, a blank line in one-cell-a-line layouts, once a
 * value was read) and at text that is neither a value nor noise.
 */
static void
tokenize(const goi_extract *x, size_t a, size_t b, int layout, region *rg)
{
	size_t i, j, l;
	int cell = 0, seen = 0, blank = 1, k, u, sep = 0;
	uint32_t c;
	tok *t;

	rg->n = 0;
	rg->seps = 0;
	rg->endcell = -1;
	for (i = a; i < b && rg->n < MAXTOK && cell < MAXTOK - 1;) {
		c = x->u[i].cp;
		if (c == U_NL) {
			if (layout == L_PIPE) {
				/* a markdown row ends with its line */
				if (seen && rg->endcell == -1)
					rg->endcell = cell;
				i++;
				continue;
			}
			if (seen && (layout == L_TABROW || blank)) {
				if ((layout == L_TABROW || layout == L_TABCELL) &&
				    rg->endcell == -1)
					rg->endcell = cell;
				break;
			}
			if (layout == L_TABROW)
				rg->endcell = -2;	/* values on later lines */
			blank = 1;
			cell++;
			sep = seen;
			i++;
			continue;
		}
		if (c == U_PIPE || (c == U_TAB && layout != L_LINES &&
		    layout != L_TABCELL)) {
			cell++;
			sep = seen;
			i++;
			continue;
		}
		if (c == U_TAB || is_space(c)) {
			/* the TAB of a TAB-indented line: a cell, maybe blank */
			if (c == U_TAB && layout == L_TABCELL)
				blank = 0;
			i++;
			continue;
		}
		blank = 0;
		t = &rg->t[rg->n];
		t->cell = cell;
		t->a = i;
		t->yuan = t->money = t->hasunit = 0;
		if (is_digit(c) || ((c == '-' || c == '+') && i + 1 < b &&
		    is_digit(x->u[i + 1].cp))) {
			for (j = i + 1; j < b; j++) {
				c = x->u[j].cp;
				if (!is_digit(c) && c != '.' && c != ',' &&
				    c != '-' && c != 0x3001)
					break;
			}
			t->type = T_NUM;
			t->b = j;
			t->ub = j;
			for (k = j < b && unit_start(x->u[j].cp) ? 0 :
			    (int)(sizeof(units) / sizeof(units[0]));
			    k < (int)(sizeof(units) / sizeof(units[0])); k++) {
				if (unit_match(x, j, b, units[k].s, &l)) {
					t->ub = j + l;
					t->hasunit = 1;
					t->yuan = units[k].yuan;
					t->money = units[k].money;
					break;
				}
			}
			t->ua = t->a;
			i = t->ub;
			if (sep)
				rg->seps = 1;
			rg->n++;
			seen = 1;
			continue;
		}
		/* a text token: up to a space, separator or digit */
		for (j = i; j < b; j++) {
			c = x->u[j].cp;
			if (c == U_NL || c == U_TAB || c == U_PIPE ||
			    is_space(c) || is_digit(c))
				break;
		}
		t->b = t->ub = j;
		t->ua = i;
		if (is_na_text(x, i, j)) {
			t->type = T_NA;
			if (sep)
				rg->seps = 1;
			rg->n++;
			seen = 1;
		} else {
			/* a markdown rule |---| is no cell content */
			for (u = 1, l = i; l < j; l++)
				if (x->u[l].cp != '-' && x->u[l].cp != ':' &&
				    x->u[l].cp != 0x2014)
					u = 0;
			if (!u && !is_noise(x, i, j)) {
				if (seen || cell > 0)
					break;
				/* the label's own cell goes on: skip */
			}
		}
		i = j;
	}
	if (rg->endcell < 0)
		rg->endcell = -1;
	rg->ncells = cell + 1;
}

/*
 * The cell where the row ends once the tokens are final (strip_ordinal),
 * or -1: a value past it means the row went on (| rows spread over lines,
 * where a line ends inside a cell).  A markdown row's line ends after its
 * closing '|', a TAB row's in its last cell.
 */
static int
row_end(const region *rg, int layout)
{
	int lc;

	if (rg->endcell < 0 || rg->n == 0)
		return rg->endcell < 0 ? -1 : rg->endcell;
	lc = rg->t[rg->n - 1].cell;
	if (layout == L_PIPE ? lc < rg->endcell : lc <= rg->endcell)
		return rg->endcell;
	return -1;
}

/* Ordinal printed before a row's label ("2." of "2.重复申请"), or 0. */
static int
row_ordinal(const goi_schema_item *it)
{
	const char *s = strrchr(it->label, ' ');

	if (s == NULL || s[1] < '1' || s[1] > '9' || s[2] != '.')
		return 0;
	return s[1] - '0';
}

/*
 * The last token may end with the next row's ordinal glued to it
 * ("00000002." before 其他法律…): drop it.  A lone "2." goes entirely.
 */
static void
strip_ordinal(const goi_extract *x, region *rg, int next_ord)
{
	tok *t;
	size_t e;

	if (rg->n == 0)
		return;
	t = &rg->t[rg->n - 1];
	if (t->type != T_NUM || t->hasunit)
		return;
	e = t->b;
	if (x->u[e - 1].cp != '.' && x->u[e - 1].cp != 0x3001)
		return;
	e--;
	if (next_ord > 0 && e > t->a && x->u[e - 1].cp ==
	    (uint32_t)('0' + next_ord) && (e - 1 == t->a ||
	    is_digit(x->u[e - 2].cp)))
		e--;
	if (e == t->a) {
		rg->n--;
		return;
	}
	t->b = t->ub = e;
}

/* Parse one number token into a value string; 0, or -1 if not one number. */
static int
parse_num(const goi_extract *x, const tok *t, int amount, char *out,
    size_t outsz)
{
	char buf[64];
	size_t i, n = 0, ndig = 0, grp = 0;
	int commas = 0, dot = 0, lastcomma = -1, plain = 1;
	uint32_t c;
	goi_dec d;

	for (i = t->a; i < t->b; i++) {
		c = x->u[i].cp;
		if (n + 1 >= sizeof(buf))
			return -1;
		if (c == ',') {
			if (dot || ndig == 0 || (commas > 0 && grp != 3) ||
			    (commas == 0 && ndig > 3))
				return -1;
			commas++;
			grp = 0;
			lastcomma = (int)i;
			continue;
		}
		if ((c == '-' || c == '+') && i != t->a)
			return -1;
		if (c == 0x3001)
			return -1;
		if (c == '.') {
			if (dot)
				return -1;
			if (commas && grp != 3)
				return -1;
			dot = 1;
		}
		if (is_digit(c)) {
			ndig++;
			if (!dot)
				grp++;
		} else
			plain = 0;
		buf[n++] = (char)c;
	}
	(void)lastcomma;
	/*
	 * Most tokens are a plain integer: up to 18 digits, no leading zero,
	 * no unit to shift.  goi_dec_parse and goi_dec_format would give
	 * back the same digits.
	 */
	if (plain && n > 0 && n <= 18 && n < outsz &&
	    (n == 1 || buf[0] != '0') && !(amount && t->yuan)) {
		memcpy(out, buf, n);
		out[n] = '\0';
		return 0;
	}
	if (commas && !dot && grp != 3)
		return -1;
	if (goi_dec_parse(buf, n, &d) < 0)
		return -1;
	if (buf[0] == '+' || (n > 1 && buf[0] == '0' && buf[1] != '.'))
		return -1;
	if (amount && t->yuan && goi_dec_shift(&d, -4) < 0)
		return -1;
	goi_dec_format(d, out, outsz);
	return 0;
}

/* ---- placing values into cells -------------------------------------------- */

/* The slots a row reads into: n cells from grid[t][r0...] row by row. */
typedef struct {
	int t, r0, nrows, ncols;
	const char *name;	/* "requests/new", for messages */
	long line;
} target;

/* The schema column of a grid column: a column or an optional one. */
static const goi_schema_item *
grid_col(const goi_extract *x, int ti, int c)
{
	const goi_schema_table *t = &x->tabs[ti];

	return c < t->ncols ? &t->cols[c] : &t->optcols[c - t->ncols];
}

/* The grid column of printed position j of a target. */
static int
tcol(const goi_extract *x, const target *g, int j)
{
	return x->pcol[g->t][j % g->ncols];
}

static cell *
slot(goi_extract *x, const target *g, int j)
{
	return &x->grid[g->t][g->r0 + j / g->ncols][tcol(x, g, j)];
}

static int
is_amount_slot(const goi_extract *x, const target *g, int j)
{
	return is_amount(x->tabs[g->t].key, grid_col(x, g->t, tcol(x, g,
	    j))->key);
}

static void
set_empty(goi_extract *x, const target *g, long line)
{
	int j;
	cell *c;

	for (j = 0; j < g->nrows * g->ncols; j++) {
		c = slot(x, g, j);
		c->kind = K_EMPTY;
		c->value[0] = '\0';
		c->rawlen = 0;
		c->line = line;
	}
}

/* Put token tk (or a blank when NULL) into slot j. */
static int
put_tok(goi_extract *x, const target *g, int j, const tok *tk, long line)
{
	cell *c = slot(x, g, j);

	c->rawlen = 0;
	c->value[0] = '\0';
	c->line = line;
	if (tk == NULL) {
		c->kind = K_EMPTY;
		return 0;
	}
	c->line = unit_line(x, tk->a);
	if (arena_put(x, tk->ua, tk->ub, &c->raw, &c->rawlen) < 0)
		return GOI_ENOMEM;
	if (tk->type == T_NA) {
		c->kind = K_NA;
		return 0;
	}
	if (parse_num(x, tk, is_amount_slot(x, g, j), c->value,
	    sizeof(c->value)) < 0)
		return -1;
	c->kind = K_NUM;
	return 0;
}

/* Row identities of a target, for the solver and for extra values. */
static void
add_identities(const goi_extract *x, const target *g, goi_glued_problem *p)
{
	const goi_schema_table *t = &x->tabs[g->t];
	int r, n = g->ncols, k;

	if (strcmp(t->key, "requests") == 0 && n == t->ncols + 1 && n >= 4) {
		/* org_subtotal = the organisations; total = natural + it */
		goi_glued_sum(p, n - 2, 1, n - 3);
		if (p->nident < GOI_GLUED_MAXIDENT) {
			k = p->nident++;
			memset(p->ident[k].coef, 0, sizeof(p->ident[k].coef));
			p->ident[k].coef[n - 1] = 1;
			p->ident[k].coef[0] = -1;
			p->ident[k].coef[n - 2] = -1;
			p->ident[k].op = GOI_GLUED_EQ;
			p->ident[k].constant = 0;
		}
	} else if (strcmp(t->key, "requests") == 0 && n >= 3)
		goi_glued_sum(p, n - 1, 0, n - 1);
	else if (strcmp(t->key, "appeals") == 0)
		for (r = 0; r < g->nrows; r++)
			goi_glued_sum(p, r * 5 + 4, r * 5, 4);
}

static int
identities_hold(const goi_extract *x, const target *g, const long long *v)
{
	goi_glued_problem p;
	long long s;
	int i, k;

	goi_glued_init(&p, g->nrows * g->ncols);
	add_identities(x, g, &p);
	for (i = 0; i < p.nident; i++) {
		s = p.ident[i].constant;
		for (k = 0; k < p.ncells; k++)
			s += p.ident[i].coef[k] * v[k];
		if (s != 0)
			return 0;
	}
	return p.nident > 0;
}

static int
tok_int(const goi_extract *x, const tok *tk, long long *v)
{
	char buf[40];
	goi_dec d;

	if (tk->type != T_NUM || parse_num(x, tk, 0, buf, sizeof(buf)) < 0 ||
	    goi_dec_parse(buf, strlen(buf), &d) < 0 || d.scale != 0)
		return -1;
	*v = d.m;
	return 0;
}

static int
add_pending(goi_extract *x, const target *g, const region *rg)
{
	pending *pd;
	size_t n = 0, i;
	int k, dec = 0, ndec;
	uint32_t c;
	const tok *tk;

	if (x->npend == x->pendcap) {
		int nc = x->pendcap ? x->pendcap * 2 : 8;
		pending *np = realloc(x->pend, (size_t)nc * sizeof(*np));
		if (np == NULL)
			return GOI_ENOMEM;
		x->pend = np;
		x->pendcap = nc;
	}
	pd = &x->pend[x->npend];
	memset(pd, 0, sizeof(*pd));
	pd->t = g->t;
	pd->r = g->r0;
	pd->nrows = g->nrows;
	pd->amountcol = -1;
	for (k = 0; k < rg->n; k++) {
		tk = &rg->t[k];
		if (n > 0)
			pd->run[n++] = ' ';
		ndec = -1;
		for (i = tk->a; i < tk->b; i++) {
			c = x->u[i].cp;
			if (n + 2 >= sizeof(pd->run))
				return -1;
			if (c == 0x3001)
				c = ',';
			pd->run[n++] = (char)c;
			if (c == '.')
				ndec = 0;
			else if (ndec >= 0 && is_digit(c))
				ndec++;
		}
		if (ndec > dec)
			dec = ndec;
		if (tk->yuan)
			pd->yuan = 1;
	}
	pd->run[n] = '\0';
	if (dec > 6)
		return -1;
	pd->scale = dec;
	for (k = 0; k < g->ncols; k++)
		if (is_amount_slot(x, g, k))
			pd->amountcol = k;
	pd->line = unit_line(x, rg->t[0].a);
	if (arena_put(x, rg->t[0].ua, rg->t[rg->n - 1].ub, &pd->raw,
	    &pd->rawlen) < 0)
		return GOI_ENOMEM;
	x->npend++;
	return 1;
}

/*
 * Place the values of a region into a target.  pad: the cells between the
 * label and the first value in the table's complete rows (0 when they all
 * start right after the label, -1 when unknown or mixed); rpad: the cells
 * between the last value and the end of the row (rg->endcell), -1 when
 * unknown or mixed.
 */
static int
place(goi_extract *x, const target *g, region *rg, int pad, int rpad,
    int layout)
{
	int N = g->nrows * g->ncols, k = rg->n, j, i, multi = 0, allnum = 1;
	int fc, lc, ok, allparse = 1, w;
	long long v[MAXCOLS * 3];
	char tmp[40];
	cell *c;

	set_empty(x, g, g->line);
	if (k == 0)
		return 0;
	for (i = 0; i < k; i++) {
		if (i > 0 && rg->t[i].cell == rg->t[i - 1].cell)
			multi = 1;
		if (rg->t[i].type != T_NUM)
			allnum = 0;
		else if (parse_num(x, &rg->t[i], 0, tmp, sizeof(tmp)) < 0)
			allparse = 0;
	}
	if (k == N && allparse) {
		for (j = 0; j < N; j++)
			if (put_tok(x, g, j, &rg->t[j], g->line) < 0)
				return GOI_ENOMEM;
		return 0;
	}
	if (k < N && allparse && !multi) {
		int base = -1, bl = -1, br = -1;
		fc = rg->t[0].cell;
		lc = rg->t[k - 1].cell;
		/*
		 * Blank cells kept by the layout: place by position, where
		 * the values span N cells, or where the complete rows of the
		 * table put them: as many cells after the label (bl), or
		 * before the end of the row (br).  When the complete rows
		 * end where their row ends, this row must end so too: one
		 * that lost a blank cell is shorter.  Two places: not placed.
		 */
		if (lc - fc + 1 == N)
			base = fc;
		else if (layout != L_LINES) {
			if (pad >= 0 && fc >= pad + 1 && lc <= pad + N)
				bl = pad + 1;
			int end = row_end(rg, layout);
			if (rpad >= 0 && end >= 0 && end - rpad - N + 1 >= 1 &&
			    fc >= end - rpad - N + 1 && lc <= end - rpad)
				br = end - rpad - N + 1;
			if (rpad < 0)
				base = bl;
			else if (br >= 0 && (bl < 0 || bl == br))
				base = br;
		}
		if (base >= 0) {
			for (j = 0; j < N; j++) {
				const tok *tk = NULL;
				for (i = 0; i < k; i++)
					if (rg->t[i].cell == base + j)
						tk = &rg->t[i];
				if (put_tok(x, g, j, tk, g->line) < 0)
					return GOI_ENOMEM;
			}
			return 0;
		}
	}
	/*
	 * One figure of one digit, in money, where the row has one money
	 * column: it is that column's value, whatever the layout lost (a
	 * PDF table: 政府集中采购 0万元).  More digits could be two cells.
	 */
	if (k == 1 && k < N && allparse && rg->t[0].type == T_NUM &&
	    rg->t[0].money && rg->t[0].b - rg->t[0].a == 1) {
		int am = -1, nam = 0;
		for (j = 0; j < N; j++)
			if (is_amount_slot(x, g, j)) {
				am = j;
				nam++;
			}
		if (nam == 1) {
			for (j = 0; j < N; j++)
				if (put_tok(x, g, j, j == am ? &rg->t[0] : NULL,
				    g->line) < 0)
					return GOI_ENOMEM;
			return 0;
		}
	}
	/* no separator between the values: a glued run, if digits allow */
	if ((k < N || !allparse) && allnum && !rg->seps) {
		size_t nd = 0, q;
		for (i = 0; i < k; i++)
			for (q = rg->t[i].a; q < rg->t[i].b; q++)
				nd += is_digit(x->u[q].cp);
		if (nd >= (size_t)N)
			return add_pending(x, g, rg);
	}
	if (k > N && allparse && allnum) {
		/* extra values: a window where the row identities hold */
		for (w = 0; w <= 1; w++) {
			int off = w == 0 ? 0 : k - N;
			for (j = 0; j < N; j++)
				if (tok_int(x, &rg->t[off + j], &v[j]) < 0)
					break;
			if (j < N || !identities_hold(x, g, v))
				continue;
			for (j = 0; j < N; j++)
				if (put_tok(x, g, j, &rg->t[off + j], g->line) < 0)
					return GOI_ENOMEM;
			warnf(x, g->line, "%s: %d values for %d cells, kept the "
			    "%s %d (the row total holds), dropped %d", g->name,
			    k, N, w == 0 ? "first" : "last", N, k - N);
			return 0;
		}
		x->unplaced[g->t] = 1;
		warnf(x, g->line, "%s: %d values for %d cells, not placed",
		    g->name, k, N);
		return 0;
	}
	ok = k;
	x->unplaced[g->t] = 1;
	warnf(x, g->line, "%s: %d of %d values, not placed", g->name, ok, N);
	(void)c;
	return 0;
}

/* ---- glued runs ---------------------------------------------------------- */

static void
pending_target(const goi_extract *x, const pending *pd, target *g)
{
	g->t = pd->t;
	g->r0 = pd->r;
	g->ncols = x->npcol[pd->t];
	g->nrows = pd->nrows;
	g->line = pd->line;
	g->name = NULL;
}

static void
pending_name(const goi_extract *x, const pending *pd, char *buf, size_t n)
{
	const goi_schema_table *t = &x->tabs[pd->t];

	if (pd->nrows > 1)
		snprintf(buf, n, "%s", t->key);
	else
		snprintf(buf, n, "%s/%s", t->key, t->rows[pd->r].key);
}

static void
problem(const goi_extract *x, const pending *pd, goi_glued_problem *p,
    int hard)
{
	target g;
	int j, N, r, c;
	long long m = 1;

	pending_target(x, pd, &g);
	N = g.nrows * g.ncols;
	goi_glued_init(p, N);
	p->scale = pd->scale;
	for (j = 0; j < pd->scale; j++)
		m *= 10;
	for (j = 0; j < N; j++)
		if (strcmp(grid_col(x, g.t, tcol(x, &g, j))->key,
		    "change") == 0)
			p->signed_ok[j] = 1;
	if (!hard)
		return;
	add_identities(x, &g, p);
	for (j = 0; j < N; j++) {
		r = g.r0 + j / g.ncols;
		c = tcol(x, &g, j);
		if (x->hasknown[g.t][r][c]) {
			p->has_known[j] = 1;
			p->known[j] = x->known[g.t][r][c] * m;
		}
	}
}

static long
solve(goi_extract *x, pending *pd, int hard, long long *out, long max)
{
	goi_glued_problem p;

	(void)x;
	problem(x, pd, &p, hard);
	return goi_glued_solve(pd->run, strlen(pd->run), &p, out, max);
}

static void
value_text(const pending *pd, int col, long long v, char *buf, size_t n)
{
	goi_dec d;

	d.m = v;
	d.scale = pd->scale;
	if (col == pd->amountcol && pd->yuan)
		goi_dec_shift(&d, -4);
	goi_dec_format(d, buf, n);
}

static void
settle(goi_extract *x, pending *pd, const long long *v)
{
	target g;
	int j;
	cell *c;

	pending_target(x, pd, &g);
	for (j = 0; j < g.nrows * g.ncols; j++) {
		c = slot(x, &g, j);
		c->kind = K_GLUED;
		value_text(pd, j % g.ncols, v[j], c->value, sizeof(c->value));
		c->raw = pd->raw;
		c->rawlen = pd->rawlen;
		c->line = pd->line;
	}
	pd->nread = -1;		/* done */
}

static void
readings_text(const goi_extract *x, const pending *pd, long n,
    const long long *rd, int ncells, char *buf, size_t sz)
{
	goi_glued_problem p;
	size_t len = 0;
	long i;

	problem(x, pd, &p, 0);
	buf[0] = '\0';
	for (i = 0; i < n && i < 4 && len + 8 < sz; i++) {
		if (i > 0)
			len += (size_t)snprintf(buf + len, sz - len, "; ");
		if (len >= sz)
			break;
		len += goi_glued_format(&p, rd + i * ncells, buf + len,
		    sz - len);
	}
	if (n > 4 && len + 8 < sz)
		snprintf(buf + len, sz - len, "; ...");
}

/* Values of a complete requests row, or -1. */
static int
row_values(const goi_extract *x, int t, int r, long long *v)
{
	int c;
	goi_dec d;
	const cell *ce;

	if (!x->rowfound[t][r])
		return -1;
	for (c = 0; c < x->tabs[t].ncols; c++) {
		ce = &x->grid[t][r][c];
		if ((ce->kind != K_NUM && ce->kind != K_GLUED) ||
		    goi_dec_parse(ce->value, strlen(ce->value), &d) < 0 ||
		    d.scale != 0)
			return -1;
		v[c] = d.m;
	}
	return 0;
}

static int
row_index(const goi_schema_table *t, const char *key)
{
	int i;

	for (i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].key, key) == 0)
			return i;
	return -1;
}

/*
 * Column identities of 表三 pin the cells of one unsettled row when all the
 * other rows of the identity are known: new + carried_in = total +
 * carried_out, and total = the sum of the result rows.
 */
/*
 * The pending row's figures, sign * s[c] for each column, become known
 * when every one is a count (not negative); else nothing is changed and
 * 0 is returned: a half-known row would constrain later readings with
 * figures the identity did not give.
 */
static int
set_known_row(goi_extract *x, const pending *pd, int ncols, int sign,
    const long long *s)
{
	int c;

	for (c = 0; c < ncols; c++)
		if (sign * s[c] < 0)
			return 0;
	for (c = 0; c < ncols; c++) {
		x->hasknown[pd->t][pd->r][c] = 1;
		x->known[pd->t][pd->r][c] = sign * s[c];
	}
	return 1;
}

static int
column_known(goi_extract *x, const pending *pd)
{
	const goi_schema_table *t = &x->tabs[pd->t];
	int rn, rc, rt, ro, r, c, sign, inA, i;
	long long v[MAXCOLS], s[MAXCOLS];
	int A[4], nA = 4;

	if (strcmp(t->key, "requests") != 0 || t->ncols > MAXCOLS)
		return 0;
	rn = row_index(t, "new");
	rc = row_index(t, "carried_in");
	rt = row_index(t, "total");
	ro = row_index(t, "carried_out");
	A[0] = rn;
	A[1] = rc;
	A[2] = rt;
	A[3] = ro;
	inA = 0;
	for (i = 0; i < nA; i++)
		if (A[i] == pd->r)
			inA = 1;
	memset(s, 0, sizeof(s));
	if (inA) {
		for (i = 0; i < nA; i++) {
			if (A[i] == pd->r)
				continue;
			if (row_values(x, pd->t, A[i], v) < 0)
				goto tryB;
			sign = (i < 2) ? 1 : -1;
			for (c = 0; c < t->ncols; c++)
				s[c] += sign * v[c];
		}
		/* the row's own sign: +new/+carried_in; -total/-carried_out */
		sign = (pd->r == rn || pd->r == rc) ? -1 : 1;
		return set_known_row(x, pd, t->ncols, sign, s);
	}
tryB:
	if (pd->r == rn || pd->r == rc || pd->r == ro)
		return 0;
	memset(s, 0, sizeof(s));
	for (r = 0; r < t->nrows; r++) {
		if (r == rn || r == rc || r == ro || r == pd->r)
			continue;
		if (row_values(x, pd->t, r, v) < 0)
			return 0;
		sign = r == rt ? 1 : -1;
		for (c = 0; c < t->ncols; c++)
			s[c] += sign * v[c];
	}
	sign = pd->r == rt ? -1 : 1;
	return set_known_row(x, pd, t->ncols, sign, s);
}


/*
 * Does the reading split a token of the run that is a good number as
 * written ("2 10" read as 2 1 0)?  Such a split is a guess unless an
 * identity or a known figure confirms it: the layout may as well have lost
 * a blank cell.  Splitting "00" or "023" is forced.  Runs with signs,
 * decimals or commas are taken as guesses.
 */
static int
splits_number(const pending *pd, const long long *v, int N)
{
	const char *p = pd->run, *e;
	char buf[32];
	size_t len, got;
	int j = 0, nv;

	if (pd->scale > 0 || strpbrk(pd->run, "-.,") != NULL)
		return 1;
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (e = p; *e != '\0' && *e != ' '; e++)
			;
		len = (size_t)(e - p);
		for (got = 0, nv = 0; got < len && j < N; nv++, j++) {
			if (v[j] < 0)
				return 1;
			got += (size_t)snprintf(buf, sizeof(buf), "%lld", v[j]);
		}
		if (got != len)
			return 1;
		if (nv > 1 && (len == 1 || p[0] != '0'))
			return 1;
		p = e;
	}
	return 0;
}

static int
has_constraints(const goi_extract *x, const pending *pd)
{
	goi_glued_problem p;
	int j;

	problem(x, pd, &p, 1);
	if (p.nident > 0)
		return 1;
	for (j = 0; j < p.ncells; j++)
		if (p.has_known[j])
			return 1;
	return 0;
}

static int
glued_phase(goi_extract *x, int fmt)
{
	long n, i, nk;
	int k, progress, s, N, ok;
	pending *pd;
	target g;
	char name[64], alt[512];
	long long one[MAXCOLS * 3], *sv;
	const goi_schema_table *t;
	long keep[MAXREAD];

	/* 1. row identities and the figures the prose states */
	for (k = 0; k < x->npend; k++) {
		pd = &x->pend[k];
		pending_target(x, pd, &g);
		N = g.nrows * g.ncols;
		n = solve(x, pd, 1, x->readbuf, MAXREAD);
		pd->nread = n;
		if (n == 1) {
			/*
			 * Unforced: no constraint made it the only reading.
			 * Without identities and known figures the hard
			 * problem is the free one, whose only reading it
			 * then is: no second solve needed to tell.
			 */
			memcpy(one, x->readbuf, (size_t)N * sizeof(one[0]));
			if (!has_constraints(x, pd) &&
			    splits_number(pd, one, N)) {
				/* decided below, once the document is known */
				pd->unforced = 1;
				memcpy(pd->only, one, (size_t)N * sizeof(one[0]));
				continue;
			}
			/* settled by an identity, a figure or a forced split */
			x->gluedoc = 1;
			settle(x, pd, one);
			x->nsettled_hard += N;
		}
	}
	/* 2. column identities, as long as they settle something */
	do {
		progress = 0;
		for (k = 0; k < x->npend; k++) {
			unsigned char hk[MAXCOLS];
			long long kv[MAXCOLS];
			pd = &x->pend[k];
			if (pd->nread < 0)
				continue;
			memcpy(hk, x->hasknown[pd->t][pd->r], sizeof(hk));
			memcpy(kv, x->known[pd->t][pd->r], sizeof(kv));
			if (!column_known(x, pd))
				continue;
			pending_target(x, pd, &g);
			N = g.nrows * g.ncols;
			n = solve(x, pd, 1, x->readbuf, MAXREAD);
			if (n == 1) {
				memcpy(one, x->readbuf, (size_t)N * sizeof(one[0]));
				settle(x, pd, one);
				x->nsettled_hard += N;
				progress = 1;
			} else {
				memcpy(x->hasknown[pd->t][pd->r], hk,
				    sizeof(hk));
				memcpy(x->known[pd->t][pd->r], kv, sizeof(kv));
			}
		}
	} while (progress);
	/* 3. soft assumptions, one at a time */
	for (k = 0; k < x->npend; k++) {
		pd = &x->pend[k];
		if (pd->nread < 0)
			continue;
		pending_target(x, pd, &g);
		N = g.nrows * g.ncols;
		t = &x->tabs[pd->t];
		pending_name(x, pd, name, sizeof(name));
		if (pd->unforced) {
			goi_glued_format(&(goi_glued_problem){.ncells = N,
			    .scale = pd->scale}, pd->only, alt, sizeof(alt));
			if (x->gluedoc && !(x->flags & GOI_EXTRACT_STRICT)) {
				warnf(x, pd->line, "%s: glued \"%s\" read as %s "
				    "assuming the document glues its cells here as "
				    "elsewhere (a blank cell may have been lost)",
				    name, pd->run, alt);
				settle(x, pd, pd->only);
				x->nsettled_soft += N;
			} else {
				warnf(x, pd->line, "%s: \"%s\" read as %d values "
				    "would split a number (%s) with nothing to "
				    "confirm it, not placed", name, pd->run, N,
				    alt);
				x->nunsettled += N;
			}
			continue;
		}
		n = solve(x, pd, 1, x->readbuf, MAXREAD);
		if (n < 0) {
			warnf(x, pd->line, "%s: glued run \"%s\" has too many "
			    "readings, not placed", name, pd->run);
			x->nunsettled += N;
			continue;
		}
		if (n == 0) {
			warnf(x, pd->line, "%s: no reading of \"%s\" as %d "
			    "values satisfies the table, not placed", name,
			    pd->run, N);
			x->nunsettled += N;
			continue;
		}
		ok = 0;
		if (x->gluedoc && (x->flags & (GOI_EXTRACT_STRICT |
		    GOI_EXTRACT_ASSUME)) == GOI_EXTRACT_ASSUME &&
		    n <= MAXREAD) {
			nk = n;
			for (i = 0; i < n; i++)
				keep[i] = i;
			for (s = 0; s < (int)(sizeof(soft) / sizeof(soft[0]));
			    s++) {
				long m = 0;
				if (soft[s].fmt != fmt ||
				    strcmp(soft[s].table, t->key) != 0)
					continue;
				for (i = 0; i < nk; i++)
					if (soft[s].ok(t, x->readbuf + keep[i] * N,
					    pd->scale, pd->yuan))
						keep[m++] = keep[i];
				if (m == 0)
					continue;
				nk = m;
				if (nk == 1) {
					sv = x->readbuf + keep[0] * N;
					readings_text(x, pd, n, x->readbuf, N, alt,
					    sizeof(alt));
					memcpy(one, sv, (size_t)N * sizeof(one[0]));
					{
						char got[256];
						goi_glued_problem p;
						problem(x, pd, &p, 0);
						goi_glued_format(&p, one, got,
						    sizeof(got));
						warnf(x, pd->line, "%s: glued \"%s\" "
						    "read as %s assuming %s; %ld "
						    "readings: %s", name, pd->run,
						    got, soft[s].what, n, alt);
					}
					settle(x, pd, one);
					x->nsettled_soft += N;
					ok = 1;
					break;
				}
			}
		}
		if (ok)
			continue;
		readings_text(x, pd, n, x->readbuf, N, alt, sizeof(alt));
		warnf(x, pd->line, "%s: glued \"%s\" has %ld readings (%s), "
		    "not placed", name, pd->run, n > MAXREAD ? (long)MAXREAD : n,
		    alt);
		x->nunsettled += N;
	}
	return 0;
}

/* ---- walking the schema over a document ----------------------------------- */

static int
layout_of(const goi_extract *x, size_t ua, size_t ub)
{
	size_t i;
	int pipes = 0, content = 0, tabpending = 0, start = 1;
	long ntab = 0, nplain = 0, nempty = 0, lead = 0;

	for (i = ua; i < ub; i++)
		if (x->u[i].cp == U_PIPE && ++pipes >= 2)
			return L_PIPE;
	for (i = ua; i < ub; i++) {
		switch (x->u[i].cp) {
		case U_NL:
			/* the line that ends: TAB-indented, plain or empty */
			if (lead)
				ntab++;
			else if (content)
				nplain++;
			else if (!start)
				nempty++;
			content = tabpending = lead = 0;
			start = 0;
			break;
		case U_TAB:
			if (content)
				tabpending = 1;
			else
				lead = 1;
			break;
		default:
			if (is_space(x->u[i].cp))
				break;
			if (tabpending)
				return L_TABROW;
			content = 1;
		}
	}
	/*
	 * Nearly every line indented by a TAB, rows between empty lines: a
	 * line of only its TAB is a cell left blank, not the end of a row.
	 */
	if (ntab >= 4 && ntab >= 4 * nplain && nempty > 0)
		return L_TABCELL;
	return L_LINES;
}

/* Unit index of a label-view position (nlv: the end of the units). */
static size_t
lv_unit(const goi_extract *x, size_t lv)
{
	return lv < x->nlv ? x->lvui[lv] : x->nu;
}

/*
 * A row label is taken only where a value, a separator or the end of the
 * label's cell follows it, not inside prose (依法公开行政处罚案件信息).
 */
static int
label_ok(const goi_extract *x, size_t lvend, size_t lvlimit)
{
	size_t i = lv_unit(x, lvend - 1) + 1, j;
	uint32_t c;

	for (; i < x->nu; i++) {
		c = x->u[i].cp;
		if (!is_space(c))
			break;
	}
	if (i >= x->nu || !is_labelch(c) || is_digit(c))
		return 1;
	if (lvend >= lvlimit)
		return 1;
	/* text right after the label: fine if it is noise, na or a unit */
	for (j = i; j < x->nu && is_labelch(x->u[j].cp) &&
	    !is_digit(x->u[j].cp); j++)
		;
	return is_noise(x, i, j) || is_na_text(x, i, j);
}

static long
find_row(const goi_extract *x, const goi_schema_item *it, size_t from,
    size_t to, size_t *end)
{
	long p;

	while ((p = find_any(x, it->variants, from, to, end)) >= 0) {
		if (label_ok(x, *end, to))
			return p;
		from = (size_t)p + 1;
	}
	return -1;
}


static void
set_known_facts(goi_extract *x)
{
	const goi_schema_table *t;
	int i, ti, r, c;
	static const struct {
		const char *table, *row, *col;
	} where[F_NFACTS] = {
		{"requests", "new", "total"},
		{"requests", "carried_in", "total"},
		{"requests", "carried_out", "total"},
		{"appeals", "review", "total"},
	};

	for (i = 0; i < F_NFACTS; i++) {
		if (x->facts[i] < 0)
			continue;
		for (ti = 0; ti < x->ntabs; ti++) {
			t = &x->tabs[ti];
			if (strcmp(t->key, where[i].table) != 0)
				continue;
			r = row_index(t, where[i].row);
			c = col_of(t, where[i].col);
			if (r >= 0 && c >= 0) {
				x->hasknown[ti][r][c] = 1;
				x->known[ti][r][c] = x->facts[i];
			}
		}
	}
}

/* Figures of the prose patterns: phrase, digits, 件. */
/* The longest of the strings v that matches at label-view position i. */
static int
match_at(const goi_extract *x, const char *const *v, size_t i, size_t *end)
{
	const pat *p;
	pat tmp;
	size_t n, best = 0;

	for (; *v != NULL; v++) {
		p = pat_get(*v, PAT_LABEL, &tmp);
		n = (size_t)p->n;
		if (n > best && i + n <= x->nlv &&
		    memcmp(x->lvcp + i, p->cp, n * sizeof(*x->lvcp)) == 0)
			best = n;
	}
	*end = i + best;
	return best > 0;
}

/*
 * The figures the prose quotes with the words of prose[] (N件 after
 * them).  One pass over the label view for all the words of the format:
 * each place where some word is, in order, is read for each item whose
 * own words are there, as a pass per item would.
 */
static void
set_known_prose(goi_extract *x, int fmt)
{
	enum { NPROSE = sizeof(prose) / sizeof(prose[0]) };
	const char *all[MAXVAR + 1];
	const char *const *w;
	size_t i, e, k;
	long p, v;
	int ti[NPROSE], r[NPROSE], c[NPROSE], on[NPROSE];
	int nd, j, nall = 0, nitems = 0;
	const goi_schema_table *t;

	for (i = 0; i < NPROSE; i++) {
		on[i] = 0;
		if (prose[i].fmt != fmt)
			continue;
		for (ti[i] = 0; ti[i] < x->ntabs; ti[i]++)
			if (strcmp(x->tabs[ti[i]].key, prose[i].table) == 0)
				break;
		if (ti[i] == x->ntabs)
			continue;
		t = &x->tabs[ti[i]];
		r[i] = row_index(t, prose[i].row);
		c[i] = col_of(t, prose[i].col);
		if (r[i] < 0 || c[i] < 0)
			continue;
		for (w = prose[i].v; *w != NULL && nall < MAXVAR; w++)
			all[nall++] = *w;
		on[i] = 1;
		nitems++;
	}
	if (nitems == 0)
		return;
	all[nall] = NULL;
	for (k = 0; nitems > 0 && (p = find_any(x, all, k, x->nlv, &e)) >= 0;
	    k = (size_t)p + 1) {
		for (i = 0; i < NPROSE; i++) {
			if (!on[i] || !match_at(x, prose[i].v, (size_t)p, &e))
				continue;
			v = 0;
			for (nd = 0; e < x->nlv && is_digit(x->lvcp[e]) &&
			    nd < 9; e++, nd++)
				v = v * 10 + (long)(x->lvcp[e] - '0');
			if (nd == 0 || e >= x->nlv || x->lvcp[e] != 0x4EF6)
				continue;
			j = ti[i];
			/* two different figures: trust neither */
			if (x->hasknown[j][r[i]][c[i]] &&
			    x->known[j][r[i]][c[i]] != v) {
				x->hasknown[j][r[i]][c[i]] = 0;
				on[i] = 0;	/* and read no more */
				nitems--;
				continue;
			}
			x->hasknown[j][r[i]][c[i]] = 1;
			x->known[j][r[i]][c[i]] = v;
		}
	}
}

/*
 * Optional columns the header prints (表三's 小计 before 总计): they take
 * their place before the schema's last column, in the header's order.  The
 * header ends where the first row label after pos is.
 */
static void
opt_columns(goi_extract *x, int ti, size_t lva, size_t pos, size_t lvb)
{
	const goi_schema_table *t = &x->tabs[ti];
	size_t e, hend = lvb;
	long p;
	int k, n;

	if (t->noptcols == 0 || t->ncols < 1 || t->nrows < 1)
		return;
	if ((p = find_any(x, t->rows[0].variants, pos, lvb, &e)) >= 0)
		hend = (size_t)p;
	n = t->ncols - 1;
	for (k = 0; k < t->noptcols && n < MAXCOLS - 1; k++)
		if (find_any(x, t->optcols[k].variants, lva, hend, &e) >= 0)
			x->pcol[ti][n++] = t->ncols + k;
	if (n == t->ncols - 1)
		return;
	x->pcol[ti][n++] = t->ncols - 1;
	x->npcol[ti] = n;
}

/*
 * Read the rows of table ti between label-view positions lva and lvb.
 * survey: only find where the complete rows start their values
 * (x->tpad), place nothing, warn nothing.
 */
/* "table/row" into buf as snprintf would, without its cost (every row). */
static void
keyname(char *buf, size_t size, const char *table, const char *row)
{
	size_t k = 0;

	for (; *table != '\0' && k + 1 < size; table++)
		buf[k++] = *table;
	if (k + 1 < size)
		buf[k++] = '/';
	for (; *row != '\0' && k + 1 < size; row++)
		buf[k++] = *row;
	buf[k] = '\0';
}

static int
walk_rows(goi_extract *x, int ti, size_t lva, size_t lvb, int survey)
{
	const goi_schema_table *t = &x->tabs[ti];
	long rs[MAXROWS];
	size_t re[MAXROWS], pos = lva, ua, ub, e;
	int r, nfound = 0, layout, pass, pad = -2, rpad = -2, ord, nr, rc;
	char name[96];
	target g;
	region *rg = x->rg;

	nr = t->nrows < MAXROWS ? t->nrows : MAXROWS;
	if (!survey && x->surv[ti].valid && x->surv[ti].lva == lva &&
	    x->surv[ti].lvb == lvb) {
		/* the survey did the first pass: nothing has changed since */
		memcpy(rs, x->surv[ti].rs, sizeof(rs));
		memcpy(re, x->surv[ti].re, sizeof(re));
		nfound = x->surv[ti].nfound;
		layout = x->surv[ti].layout;
		pad = x->surv[ti].pad;
		rpad = x->surv[ti].rpad;
		pass = 1;
		goto read;
	}
	/*
	 * The prose above 表三 quotes its labels (本年新收政府信息公开申请1件):
	 * rows start after the column header when there is one.
	 */
	if (strcmp(t->key, "requests") == 0 && find_any(x, (const char *const[])
	    {"自然人", NULL}, lva, lvb, &e) >= 0)
		pos = e;
	opt_columns(x, ti, lva, pos, lvb);
	for (r = 0; r < nr; r++) {
		rs[r] = find_row(x, &t->rows[r], pos, lvb, &e);
		if (rs[r] >= 0) {
			re[r] = e;
			pos = e;
			nfound++;
		}
	}
	if (nfound == 0)
		return 0;
	layout = layout_of(x, lv_unit(x, lva), lv_unit(x, lvb));
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1 && survey) {
			x->tpad[ti] = pad;
			x->surv[ti].valid = 1;
			x->surv[ti].lva = lva;
			x->surv[ti].lvb = lvb;
			memcpy(x->surv[ti].rs, rs, sizeof(rs));
			memcpy(x->surv[ti].re, re, sizeof(re));
			x->surv[ti].nfound = nfound;
			x->surv[ti].layout = layout;
			x->surv[ti].pad = pad;
			x->surv[ti].rpad = rpad;
			return nfound;
		}
read:
		/*
		 * A table of 第二十条 with no complete row (one row, a blank
		 * cell): its values start where those of the other tables
		 * of 第二十条 do, laid out alike.  (Not their distance from
		 * the row's end: a layout may pad every table to as many
		 * columns as the widest has.)
		 */
		if (pass == 1 && strncmp(t->key, "art20_", 6) == 0) {
			if (pad == -2)
				pad = x->dpad;
		}
		for (r = 0; r < nr; r++) {
			int nx;
			if (rs[r] < 0)
				continue;
			for (nx = r + 1; nx < nr && rs[nx] < 0; nx++)
				;
			ua = lv_unit(x, re[r] - 1) + 1;
			ub = lv_unit(x, nx < nr ? (size_t)rs[nx] : lvb);
			ord = nx < nr ? row_ordinal(&t->rows[nx]) : 0;
			tokenize(x, ua, ub, layout, rg);
			strip_ordinal(x, rg, ord);
			if (pass == 0) {
				/* where complete rows start, after the label,
				 * and end, before the end of the row */
				if (rg->n == x->npcol[ti]) {
					int p0 = rg->t[0].cell - 1, r0 = -1;
					if (row_end(rg, layout) >= 0)
						r0 = rg->endcell -
						    rg->t[rg->n - 1].cell;
					pad = pad == -2 ? p0 : (pad == p0 ? pad :
					    -1);
					rpad = rpad == -2 ? r0 : (rpad == r0 ?
					    rpad : -1);
				}
				continue;
			}
			x->rowfound[ti][r] = 1;
			keyname(name, sizeof(name), t->key, t->rows[r].key);
			g.t = ti;
			g.r0 = r;
			g.nrows = 1;
			g.ncols = x->npcol[ti];
			g.name = name;
			g.line = unit_line(x, lv_unit(x, (size_t)rs[r]));
			if ((rc = place(x, &g, rg, pad < 0 ? -1 : pad,
			    rpad < 0 ? -1 : rpad, layout)) < 0)
				return rc;
		}
	}
	for (r = 0; r < nr; r++)
		if (rs[r] < 0)
			warnf(x, unit_line(x, lv_unit(x, lva)),
			    "%s/%s: row not found", t->key, t->rows[r].key);
	return nfound;
}

/* 表四: the header, then fifteen values in one printed row. */
static int
walk_appeals(goi_extract *x, int ti, size_t lva, size_t lvb)
{
	const goi_schema_table *t = &x->tabs[ti];
	static const char *const more[] = {"行政诉讼", "总计", NULL};
	size_t last = 0, e, from;
	long p;
	int r, i, rc, layout, ncolfound = 0;
	target g;
	region *rg = x->rg;

	/*
	 * Printed as three rows, each with its label and five values: the
	 * row labels, 行政复议 first, follow the column header (结果维持 ...
	 * 总计), where the printed form has them above it.
	 */
	if (find_any(x, t->cols[0].variants, lva, lvb, &e) >= 0 &&
	    find_any(x, t->cols[t->ncols - 1].variants, e, lvb, &e) >= 0) {
		size_t h = e, pos = e;
		int nrow = 0;
		for (r = 0; r < t->nrows; r++)
			if (find_row(x, &t->rows[r], pos, lvb, &e) >= 0) {
				pos = e;
				nrow++;
			} else if (r == 0)
				break;
		if (nrow >= 2)
			return walk_rows(x, ti, h, lvb, 0);
	}
	for (i = 0; i < t->nrows + t->ncols + 1; i++) {
		const char *const *v = i < t->nrows ? t->rows[i].variants :
		    i < t->nrows + t->ncols ? t->cols[i - t->nrows].variants :
		    more;
		for (from = lva; (p = find_any(x, v, from, lvb, &e)) >= 0;
		    from = (size_t)p + 1) {
			if (e > last)
				last = e;
			if (from == lva && i >= t->nrows &&
			    i < t->nrows + t->ncols)
				ncolfound++;
		}
	}
	/* prose that names 行政复议 and 行政诉讼 is no table: want its header */
	if (last == 0 || ncolfound < 3)
		return 0;
	layout = layout_of(x, lv_unit(x, lva), lv_unit(x, lvb));
	tokenize(x, lv_unit(x, last - 1) + 1, lv_unit(x, lvb), layout, rg);
	strip_ordinal(x, rg, 0);
	for (r = 0; r < t->nrows; r++)
		x->rowfound[ti][r] = 1;
	g.t = ti;
	g.r0 = 0;
	g.nrows = t->nrows;
	g.ncols = t->ncols;
	g.name = "appeals";
	g.line = rg->n > 0 ? unit_line(x, rg->t[0].a) :
	    unit_line(x, lv_unit(x, last - 1));
	if ((rc = place(x, &g, rg, -1, -1, layout)) < 0)
		return rc;
	return 1;
}

/*
 * A table's column header where its caption is missing: its first column
 * label, every other one within a short window after it and, for the
 * tables of 第二十条 (whose headers are alike), its first row label right
 * after.  The header's start, or -1.
 */
static long
find_header(goi_extract *x, int ti, size_t from)
{
	const goi_schema_table *t = &x->tabs[ti];
	size_t e, e2, w, lo, hi, start, hend;
	long p, q;
	int c, ok;

	if (t->ncols < 1)
		return -1;
	w = (size_t)t->ncols * 16 + 32;
	for (; (p = find_any(x, t->cols[0].variants, from, x->nlv, &e)) >= 0;
	    from = (size_t)p + 1) {
		lo = (size_t)p;
		hi = (size_t)p + w < x->nlv ? (size_t)p + w : x->nlv;
		start = (size_t)p;
		hend = e;
		for (c = 1, ok = 1; c < t->ncols && ok; c++) {
			if ((q = find_any(x, t->cols[c].variants, lo, hi,
			    &e2)) < 0) {
				ok = 0;
				break;
			}
			if ((size_t)q < start)
				start = (size_t)q;
			if (e2 > hend)
				hend = e2;
		}
		if (ok && strncmp(t->key, "art20_", 6) == 0 && (find_any(x,
		    t->rows[0].variants, hend, hend + 24 < x->nlv ? hend + 24 :
		    x->nlv, &e2) < 0))
			ok = 0;
		if (ok)
			return (long)start;
	}
	return -1;
}

/* Has a found table no value at all (every cell blank, none unplaced)? */
static int
all_blank(const goi_extract *x, int ti)
{
	const goi_schema_table *t = &x->tabs[ti];
	int r, j, k;

	if (x->unplaced[ti])
		return 0;
	for (r = 0; r < t->nrows && r < MAXROWS; r++) {
		if (!x->rowfound[ti][r])
			continue;
		for (j = 0; j < x->npcol[ti]; j++) {
			k = x->grid[ti][r][x->pcol[ti][j]].kind;
			if (k != K_NONE && k != K_EMPTY)
				return 0;
		}
	}
	for (k = 0; k < x->npend; k++)
		if (x->pend[k].t == ti)
			return 0;
	return 1;
}

static int
emit(goi_extract *x, int ti)
{
	const goi_schema_table *t = &x->tabs[ti];
	goi_cellv cv;
	int r, j, c, n = 0, rc;
	cell *ce;
	char raw[4096];

	for (r = 0; r < t->nrows && r < MAXROWS; r++) {
		if (!x->rowfound[ti][r])
			continue;
		for (j = 0; j < x->npcol[ti]; j++) {
			c = x->pcol[ti][j];
			ce = &x->grid[ti][r][c];
			cv.table = t->key;
			cv.row = t->rows[r].key;
			cv.col = grid_col(x, ti, c)->key;
			cv.value = ce->value;
			cv.kind = kindname[ce->kind == K_NONE ? K_EMPTY :
			    ce->kind];
			if (ce->rawlen >= sizeof(raw))
				ce->rawlen = sizeof(raw) - 1;
			/* no raw text yet: the arena may still be NULL */
			if (ce->rawlen > 0)
				memcpy(raw, x->arena + ce->raw, ce->rawlen);
			raw[ce->rawlen] = '\0';
			cv.raw = raw;
			cv.line = ce->line;
			if ((rc = x->sink->cell(x->sink->ctx, &cv)) < 0)
				return rc;
			n++;
		}
	}
	return n;
}

int
goi_extract_tables(goi_extract *x, const goi_doc *doc, int format,
    const goi_sink *sink)
{
	size_t cs[MAXTABLES], ce[MAXTABLES], tend[MAXTABLES], e, pos = 0;
	long p;
	int i, j, n = 0, rc, found = 0;

	x->doc = doc;
	x->sink = sink;
	x->narena = 0;
	x->npend = 0;
	x->gluedoc = 0;
	/* grid cells are written (set_empty) before a found row is read */
	memset(x->rowfound, 0, sizeof(x->rowfound));
	memset(x->unplaced, 0, sizeof(x->unplaced));
	memset(x->hasknown, 0, sizeof(x->hasknown));
	for (i = 0; i < MAXTABLES; i++)
		x->surv[i].valid = 0;
	if ((x->built != doc || x->built_lines != doc->lines ||
	    x->built_n != doc->nlines) && (rc = build_units(x, doc, NULL, NULL)) < 0)
		goto out;
	x->built = NULL;
	if (format != GOI_FMT_2019 && format != GOI_FMT_2021) {
		rc = 0;
		goto out;
	}
	x->tabs = goi_schema_tables(format, &x->ntabs);
	if (x->ntabs > MAXTABLES)
		x->ntabs = MAXTABLES;
	for (i = 0; i < x->ntabs; i++) {
		x->npcol[i] = x->tabs[i].ncols < MAXCOLS ? x->tabs[i].ncols :
		    MAXCOLS - 1;
		for (j = 0; j < x->npcol[i]; j++)
			x->pcol[i][j] = j;
	}
	set_known_facts(x);
	set_known_prose(x, format);
	for (i = 0; i < x->ntabs; i++) {
		x->found[i] = 0;
		for (j = 0; j < (int)(sizeof(captions) / sizeof(captions[0]));
		    j++)
			if (strcmp(captions[j].key, x->tabs[i].key) == 0)
				break;
		if (j == (int)(sizeof(captions) / sizeof(captions[0])))
			continue;
		p = find_any(x, captions[j].v, pos, x->nlv, &e);
		if (p < 0)
			continue;
		cs[i] = (size_t)p;
		ce[i] = e;
		pos = e;
		x->found[i] = 1;
	}
	/*
	 * No caption: the column header, if it lies between the tables found
	 * before and after it, starts the table (x->found 2).
	 */
	for (i = 0; i < x->ntabs; i++) {
		size_t lo = 0, hi = x->nlv;
		if (x->found[i])
			continue;
		for (j = i - 1; j >= 0 && !x->found[j]; j--)
			;
		if (j >= 0)
			lo = ce[j];
		for (j = i + 1; j < x->ntabs && !x->found[j]; j++)
			;
		if (j < x->ntabs)
			hi = cs[j];
		if ((p = find_header(x, i, 0)) < 0)
			continue;
		if ((size_t)p < lo || (size_t)p >= hi) {
			warnf(x, unit_line(x, lv_unit(x, (size_t)p)), "%s: table "
			    "header without its caption, out of the tables' "
			    "order, not read", x->tabs[i].key);
			x->found[i] = -1;
			continue;
		}
		cs[i] = ce[i] = (size_t)p;
		x->found[i] = 2;
	}
	for (i = 0; i < x->ntabs; i++) {
		if (x->found[i] <= 0)
			continue;
		for (j = i + 1; j < x->ntabs && x->found[j] <= 0; j++)
			;
		if (j < x->ntabs) {
			tend[i] = cs[j];
		} else {
			p = find_any(x, table_end, ce[i], x->nlv, &e);
			tend[i] = p >= 0 ? (size_t)p : x->nlv;
		}
	}
	/* where the tables of 第二十条 put their values, if they agree */
	x->dpad = -2;
	for (i = 0; i < x->ntabs; i++) {
		if (x->found[i] <= 0 || strncmp(x->tabs[i].key, "art20_", 6) != 0)
			continue;
		x->tpad[i] = -2;
		if (walk_rows(x, i, ce[i], tend[i], 1) <= 0)
			continue;
		if (x->tpad[i] != -2)
			x->dpad = x->dpad == -2 || x->dpad == x->tpad[i] ?
			    x->tpad[i] : -1;
	}
	if (x->dpad < 0)
		x->dpad = -1;
	for (i = 0; i < x->ntabs; i++) {
		if (x->found[i] <= 0)
			continue;
		if (strcmp(x->tabs[i].key, "appeals") == 0)
			rc = walk_appeals(x, i, ce[i], tend[i]);
		else
			rc = walk_rows(x, i, ce[i], tend[i], 0);
		if (rc < 0)
			goto out;
		if (rc == 0) {
			warnf(x, unit_line(x, lv_unit(x, cs[i])), x->found[i] ==
			    1 ? "%s: caption without a table" : "%s: table "
			    "header without rows", x->tabs[i].key);
			x->found[i] = -1;
		} else {
			found++;
		}
	}
	for (i = 0; i < x->ntabs; i++)
		if (x->found[i] == 0)
			warnf(x, 0, "%s: no table", x->tabs[i].key);
	if ((rc = glued_phase(x, format)) < 0)
		goto out;
	for (i = 0; i < x->ntabs; i++) {
		if (x->found[i] <= 0)
			continue;
		if (all_blank(x, i))
			warnf(x, unit_line(x, lv_unit(x, cs[i])), "%s: table "
			    "found, no value read (every cell blank)",
			    x->tabs[i].key);
		if ((rc = emit(x, i)) < 0)
			goto out;
		n += rc;
	}
	rc = n;
out:
	for (i = 0; i < F_NFACTS; i++)
		x->facts[i] = -1;
	(void)found;
	return rc;
}
