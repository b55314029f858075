/*
 * section.c - find the parts of a report (SPEC section 1): the standard
 * headings 一 to 六 recognised by their words, whatever their numbering,
 * the signature that closes the text, and the appended tables.
 *
 * A heading is an ordinal (一、 1、 1. 第一部分 （一） ... or none) and words
 * that name a part.  Rows of the statistics tables start with the same
 * ordinals (一、本年新收…, 四、结转下年度继续办理), so the words decide,
 * never the number.  Of the candidates, the numbering style that yields
 * the longest run of parts in increasing order is the document's top
 * level (sub-headings such as （一）主动公开 inside 总体情况 lose); parts
 * it lacks are filled from strong candidates of other styles and from
 * unnamed headings of the top style (实施方案落实情况 → the next part).
 *
 * Matching runs on a folded copy of a small window: full-width ASCII to
 * ASCII, every kind of space dropped, so raw text and goi-clean's NFKC
 * output match alike.  Nothing is allocated: windows and candidates live
 * on the stack.
 */
#include <stdint.h>
#include <string.h>

#include "goi.h"

static const char *const seckeys[GOI_SEC_COUNT] = {
	"front", "overview", "active", "requests", "appeals", "problems",
	"other", "end"
};

const char *
goi_section_key(int sec)
{
	return sec >= 0 && sec < GOI_SEC_COUNT ? seckeys[sec] : "";
}

int
goi_section_parse(const char *key)
{
	int i;

	for (i = 0; i < GOI_SEC_COUNT; i++)
		if (strcmp(key, seckeys[i]) == 0)
			return i;
	return -1;
}

/* ---- folding ------------------------------------------------------------ */

/* One code point at s (n > 0); invalid or overlong sequences are U+FFFD. */
static size_t
u8dec(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		goto bad;
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 ||
	    c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

static size_t
u8enc(uint32_t c, char *o)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3f));
	o[2] = (char)(0x80 | (c >> 6 & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

static int
isspacecp(uint32_t c)
{
	return c == ' ' || c == 0x3000 || c == 0xa0 || (c >= 0x2000 &&
	    c <= 0x200b) || c == 0x202f || c == 0x205f || c == 0xfeff;
}

size_t
goi_fold(const char *s, size_t n, char *out, size_t size, size_t *pos)
{
	size_t i = 0, o = 0, l, k, el;
	uint32_t c;
	char b[4];

	if (size == 0)
		return 0;
	while (i < n) {
		const unsigned char *u = (const unsigned char *)s + i;

		/*
		 * The plain characters of the fast cases below without their
		 * checks of room (which a run that copies byte for byte
		 * cannot run out of once the rest of s fits) and of pos.
		 */
		if (pos == NULL && n - i <= size - 1 - o) {
			const unsigned char *b = (const unsigned char *)s;

			while (i < n) {
				if (b[i] > ' ' && b[i] < 0x80) {
					out[o++] = (char)b[i++];
				} else if (b[i] >= 0xe4 && b[i] <= 0xe9 &&
				    i + 3 <= n && (b[i + 1] & 0xc0) == 0x80 &&
				    (b[i + 2] & 0xc0) == 0x80) {
					out[o] = (char)b[i];
					out[o + 1] = (char)b[i + 1];
					out[o + 2] = (char)b[i + 2];
					o += 3;
					i += 3;
				} else
					break;
			}
			if (i >= n)
				break;
			u = b + i;
		}
		/*
		 * Fast cases: printable ASCII but space, and the CJK block
		 * (leads E4-E9: no space, no full-width form, never overlong
		 * or a surrogate), copied as they are.
		 */
		if (u[0] > ' ' && u[0] < 0x80) {
			if (o + 1 > size - 1)
				break;
			if (pos != NULL)
				pos[o] = i;
			out[o++] = (char)u[0];
			i++;
			continue;
		}
		if (u[0] >= 0xe4 && u[0] <= 0xe9 && i + 3 <= n &&
		    (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80) {
			if (o + 3 > size - 1)
				break;
			if (pos != NULL)
				pos[o] = pos[o + 1] = pos[o + 2] = i;
			out[o] = (char)u[0];
			out[o + 1] = (char)u[1];
			out[o + 2] = (char)u[2];
			o += 3;
			i += 3;
			continue;
		}
		l = u8dec(u, n - i, &c);
		if (isspacecp(c)) {
			i += l;
			continue;
		}
		if (c >= 0xff01 && c <= 0xff5e)
			c -= 0xfee0;
		else if (c == 0)
			c = 0xfffd;
		el = u8enc(c, b);
		if (o + el > size - 1)
			break;
		for (k = 0; k < el; k++) {
			if (pos != NULL)
				pos[o] = i;
			out[o++] = b[k];
		}
		i += l;
	}
	out[o] = '\0';
	if (pos != NULL)
		pos[o] = i;
	return o;
}

/* Code points in the first n bytes of s. */
static size_t
ncp(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

static int
startswith(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* ---- heading words (knowledge as data) ---------------------------------- */

/*
 * Words that name a part.  The first entry of the table found near the
 * start of a heading wins, so the specific words come before the loose
 * ones (因政府信息公开申请提起行政复议 is appeals, not requests).
 */
static const struct {
	const char *word;
	int sec;
} headwords[] = {
	{"其他需要报告", GOI_SEC_OTHER},
	{"其它需要报告", GOI_SEC_OTHER},
	{"其他需报告", GOI_SEC_OTHER},
	{"其他事项", GOI_SEC_OTHER},
	{"其它事项", GOI_SEC_OTHER},
	{"统计表", GOI_SEC_END},
	{"附件", GOI_SEC_END},
	{"附表", GOI_SEC_END},
	{"存在的主要问题", GOI_SEC_PROBLEMS},
	{"存在主要问题", GOI_SEC_PROBLEMS},
	{"存在的问题", GOI_SEC_PROBLEMS},
	{"存在问题", GOI_SEC_PROBLEMS},
	{"主要问题", GOI_SEC_PROBLEMS},
	{"问题和改进", GOI_SEC_PROBLEMS},
	{"问题及改进", GOI_SEC_PROBLEMS},
	{"改进措施", GOI_SEC_PROBLEMS},
	{"改进情况", GOI_SEC_PROBLEMS},
	{"下一步", GOI_SEC_PROBLEMS},
	{"工作打算", GOI_SEC_PROBLEMS},
	{"工作计划", GOI_SEC_PROBLEMS},
	{"工作思路", GOI_SEC_PROBLEMS},
	{"努力方向", GOI_SEC_PROBLEMS},
	{"行政复议", GOI_SEC_APPEALS},
	{"行政法复议", GOI_SEC_APPEALS},
	{"行政诉讼", GOI_SEC_APPEALS},
	{"复议", GOI_SEC_APPEALS},
	{"诉讼", GOI_SEC_APPEALS},
	{"依申请", GOI_SEC_REQUESTS},
	{"收到和处理", GOI_SEC_REQUESTS},
	{"收到及处理", GOI_SEC_REQUESTS},
	{"收到与处理", GOI_SEC_REQUESTS},
	{"处理政府信息公开申请", GOI_SEC_REQUESTS},
	{"申请情况", GOI_SEC_REQUESTS},
	{"收费及减免", GOI_SEC_REQUESTS},
	{"收费和减免", GOI_SEC_REQUESTS},
	{"收费减免", GOI_SEC_REQUESTS},
	{"主动公开", GOI_SEC_ACTIVE},
	{"总体情况", GOI_SEC_OVERVIEW},
	{"概述", GOI_SEC_OVERVIEW},
	{"基本情况", GOI_SEC_OVERVIEW},
	{"概况", GOI_SEC_OVERVIEW},
};

#define NHEAD (sizeof(headwords) / sizeof(headwords[0]))

/*
 * The headwords (UTF-8, three bytes or more) by their second and third
 * bytes (the low eight bits of a CJK first character): hwfirst[k] is the
 * first word of bucket k in table order, hwnext[i] the next after word i (-1 ends both),
 * hwlen[i] the length of word i.  Built once from the table (classify).
 */
static signed char hwfirst[256], hwnext[NHEAD];
static unsigned char hwlen[NHEAD];
static int hwready;

/* The bucket of a word or a place whose second and third bytes are b1 b2. */
#define HWBUCKET(b1, b2) (((unsigned)(b1) & 3) << 6 | ((unsigned)(b2) & 0x3f))

static void
hw_init(void)
{
	signed char *tail[256];
	const char *w;
	size_t i, k;

	for (k = 0; k < 256; k++) {
		hwfirst[k] = -1;
		tail[k] = &hwfirst[k];
	}
	for (i = 0; i < NHEAD; i++) {
		w = headwords[i].word;
		k = HWBUCKET(w[1], w[2]);
		hwlen[i] = (unsigned char)strlen(w);
		hwnext[i] = -1;
		*tail[k] = (signed char)i;
		tail[k] = &hwnext[i];
	}
	hwready = 1;
}

/* Labels of table rows: after an ordinal they are never a heading. */
static const char *const rowwords[] = {
	"本年新收", "上年结转", "本年度办理", "本年办理", "结转下年", "予以公开",
	"部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "总计",
	"本年新制作", "本年制发", "收到申请数", "申请办结", "申请答复",
};

/* Words a heading standing alone on its line ends with. */
static const char *const headends[] = {
	"情况", "事项", "概述", "概况", "措施", "问题", "举措", "打算", "计划",
	"方向", "思路",
};

static int cnnum(const char *s, size_t *len);

#define KWSPAN 20	/* a heading's words start within its first 20 chars */
#define SHORT 24	/* a heading alone on its line: at most 24 chars */

/*
 * The part named by the heading text t (folded, after the ordinal):
 * GOI_SEC_*, -1 for words that name none, -2 for a table row.  *end gets
 * the byte offset in t just past the words (for run-in headings).
 */
static int
classify(const char *t, size_t *end)
{
	size_t i, n, cps, k;
	int h;

	*end = 0;
	if (!hwready)
		hw_init();
	/* (the second and third bytes first: every row word starts E4-E9) */
	for (i = 0; i < sizeof(rowwords) / sizeof(rowwords[0]); i++)
		if (t[0] != '\0' && t[1] == rowwords[i][1] &&
		    t[2] == rowwords[i][2] && startswith(t, rowwords[i]))
			return -2;
	/* The window: up to KWSPAN chars, cut at sentence punctuation. */
	for (n = 0, cps = 0; t[n] != '\0' && cps < KWSPAN; cps++) {
		unsigned char c = (unsigned char)t[n];
		if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
		    c == '\t' || c == '|' || (c >= '0' && c <= '9') ||
		    (c == 0xe3 && startswith(t + n, "。")) ||
		    (c == 0xef && (startswith(t + n, "，") ||
		    startswith(t + n, "；") || startswith(t + n, "："))) ||
		    (n > 0 && cnnum(t + n, &k) != 0 && startswith(t + n + k,
		    "、")))
			break;
		do
			n++;
		while (((unsigned char)t[n] & 0xc0) == 0x80);
	}
	/*
	 * The earliest words in t[0..n) win; at the same place, the first in
	 * the table (what the earliest strstr of each word would pick): each
	 * place tries the words of its bucket, in table order.
	 */
	for (i = 0; i + 3 <= n; i++) {
		if (((unsigned char)t[i] & 0xc0) == 0x80)
			continue;	/* no word starts inside a character */
		for (h = hwfirst[HWBUCKET(t[i + 1], t[i + 2])]; h >= 0;
		    h = hwnext[h])
			if (t[i] == headwords[h].word[0] &&
			    t[i + 1] == headwords[h].word[1] &&
			    t[i + 2] == headwords[h].word[2] &&
			    i + hwlen[h] <= n && memcmp(t + i + 3,
			    headwords[h].word + 3, hwlen[h] - 3u) == 0) {
				*end = i + hwlen[h];
				return headwords[h].sec;
			}
	}
	return -1;
}

/* ---- ordinals ----------------------------------------------------------- */

enum {
	ST_NONE, ST_CN, ST_DI, ST_AR_DUN, ST_AR_DOT, ST_PCN, ST_PAR, ST_COUNT
};

/* Value of a CJK numeral at s, 0 if none; *len its bytes. */
static int
cnnum1(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;

	/* All ten start with byte E4 or E5: most text is out at once. */
	if ((u[0] != 0xe4 && u[0] != 0xe5) || (u[1] & 0xc0) != 0x80 ||
	    (u[2] & 0xc0) != 0x80)
		return 0;
	c = (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 |
	    (u[2] & 0x3f);
	switch (c) {
	case 0x4e00: return 1;	/* 一 */
	case 0x4e8c: return 2;	/* 二 */
	case 0x4e09: return 3;	/* 三 */
	case 0x56db: return 4;	/* 四 */
	case 0x4e94: return 5;	/* 五 */
	case 0x516d: return 6;	/* 六 */
	case 0x4e03: return 7;	/* 七 */
	case 0x516b: return 8;	/* 八 */
	case 0x4e5d: return 9;	/* 九 */
	case 0x5341: return 10;	/* 十 */
	}
	return 0;
}

static int
cnnum(const char *s, size_t *len)
{
	int a, b, c;

	*len = 0;
	if ((a = cnnum1(s)) == 0)
		return 0;
	*len = 3;
	if ((b = cnnum1(s + 3)) == 0)
		return a;
	if (a == 10 && b < 10) {		/* 十一 */
		*len = 6;
		return 10 + b;
	}
	if (a < 10 && b == 10) {		/* 二十, 二十一 */
		*len = 6;
		if ((c = cnnum1(s + 6)) != 0 && c < 10) {
			*len = 9;
			return a * 10 + c;
		}
		return a * 10;
	}
	*len = 0;				/* 一二: no ordinal */
	return 0;
}

/*
 * The ordinal at the start of folded text s: its style, value and length
 * in bytes (0 and ST_NONE when there is none).
 */
static size_t
ordinal(const char *s, int *style, int *ord)
{
	size_t l, k;
	int v;

	*style = ST_NONE;
	*ord = 0;
	if ((v = cnnum(s, &l)) != 0) {
		if (startswith(s + l, "、"))
			k = l + 3;
		else if (s[l] == '.' || s[l] == ',')
			k = l + 1;
		else
			return 0;
		*style = ST_CN;
		*ord = v;
		return k;
	}
	if (startswith(s, "第") && (v = cnnum(s + 3, &l)) != 0 &&
	    (startswith(s + 3 + l, "部分") || startswith(s + 3 + l, "章"))) {
		k = 3 + l + (startswith(s + 3 + l, "章") ? 3 : 6);
		if (startswith(s + k, "、"))
			k += 3;
		else if (s[k] == ':' || s[k] == '.' || s[k] == ',')
			k++;
		*style = ST_DI;
		*ord = v;
		return k;
	}
	if (s[0] == '(') {
		if ((v = cnnum(s + 1, &l)) != 0 && s[1 + l] == ')') {
			*style = ST_PCN;
			k = l + 2;
		} else if (s[1] >= '1' && s[1] <= '9') {
			v = s[1] - '0';
			l = 2;
			if (s[2] >= '0' && s[2] <= '9')
				v = v * 10 + s[l++] - '0';
			if (s[l] != ')')
				return 0;
			*style = ST_PAR;
			k = l + 1;
		} else
			return 0;
		if (startswith(s + k, "、"))
			k += 3;
		*ord = v;
		return k;
	}
	if (s[0] >= '1' && s[0] <= '9') {
		v = s[0] - '0';
		l = 1;
		if (s[1] >= '0' && s[1] <= '9')
			v = v * 10 + s[l++] - '0';
		if (startswith(s + l, "、")) {
			*style = ST_AR_DUN;
			k = l + 3;
		} else if (s[l] == '.' && !(s[l + 1] >= '0' && s[l + 1] <= '9')) {
			*style = ST_AR_DOT;
			k = l + 1;
		} else
			return 0;
		*ord = v;
		return k;
	}
	return 0;
}

/* ---- candidates --------------------------------------------------------- */

enum { C_OWN = 1, C_SHORT = 2, C_MID = 4 };

typedef struct {
	size_t li, off;
	int style, ord, sec, flags;
} cand;

#define MAXCAND 1024
#define WIN 240		/* source bytes folded to look at a heading */

/* A CJK character that makes 一、 a word (统一、之一、第一、…), not an ordinal. */
static int
wordchar(uint32_t c)
{
	static const char blk[] = "第之统唯单同逐划万千百零〇两几其专初高周星合归整";
	char b[4];
	size_t n = u8enc(c, b);
	const char *p;

	for (p = blk; *p != '\0'; p += 3)
		if (memcmp(p, b, n) == 0)
			return 1;
	return 0;
}

static int
add(cand *c, int *nc, size_t li, size_t off, int style, int ord, int sec,
    int flags)
{
	if (*nc >= MAXCAND)
		return 0;
	c[*nc].li = li;
	c[*nc].off = off;
	c[*nc].style = style;
	c[*nc].ord = ord;
	c[*nc].sec = sec;
	c[*nc].flags = flags;
	(*nc)++;
	return 1;
}

/* Skip page chrome before a heading: # * > - marks, [bookmark: _GoBack]. */
static size_t
skipchrome(const char *s, size_t n)
{
	size_t i = 0, j;

	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '#' || s[i] == '*' ||
		    s[i] == '>' || s[i] == '-'))
			i++;
		if (i + 3 <= n && memcmp(s + i, "\xe3\x80\x80", 3) == 0) {
			i += 3;
			continue;
		}
		if (i < n && s[i] == '[') {
			for (j = i + 1; j < n && j < i + 64 && s[j] != ']' &&
			    (unsigned char)s[j] >= 0x20 &&
			    (unsigned char)s[j] < 0x7f; j++)
				;
			if (j < n && s[j] == ']') {
				i = j + 1;
				continue;
			}
		}
		return i;
	}
}

static int
endswithany(const char *s, size_t n)
{
	static size_t len[sizeof(headends) / sizeof(headends[0])];
	size_t i, l;

	if (len[0] == 0)
		for (i = 0; i < sizeof(headends) / sizeof(headends[0]); i++)
			len[i] = strlen(headends[i]);
	while (n > 0 && (s[n - 1] == ':' || s[n - 1] == '.'))
		n--;
	for (i = 0; i < sizeof(headends) / sizeof(headends[0]); i++) {
		l = len[i];
		if (n >= l && s[n - 1] == headends[i][l - 1] &&
		    memcmp(s + n - l, headends[i], l) == 0)
			return 1;
	}
	return 0;
}

/*
 * Can s (n bytes, a line after its chrome) start with an ordinal or 附?
 * Its first character that folding keeps must be one of ( （ 1-9 １-９ 第 附
 * 一 … 十.
 */
static int
mayordinal(const char *s, size_t n)
{
	static const uint32_t first[] = {
		'(', 0xff08, 0x7b2c /* 第 */, 0x9644 /* 附 */, 0x4e00, 0x4e8c,
		0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d, 0x5341
	};
	size_t i = 0, k;
	uint32_t c = 0;

	while (i < n) {
		k = u8dec((const unsigned char *)s + i, n - i, &c);
		if (!isspacecp(c))
			break;
		i += k;
	}
	if (i >= n)
		return 1;
	if ((c >= '1' && c <= '9') || (c >= 0xff11 && c <= 0xff19))
		return 1;
	for (k = 0; k < sizeof(first) / sizeof(first[0]); k++)
		if (c == first[k])
			return 1;
	return 0;
}

/* The candidate heading at the start of line li, if any. */
static void
linestart(const goi_doc *doc, size_t li, cand *c, int *nc)
{
	const goi_docline *L = &doc->lines[li];
	char w[WIN + 8];
	size_t st, wn, k, end, tcps;
	int style, ord, sec, flags = C_OWN;

	st = skipchrome(L->text, L->len);
	if (st >= L->len || L->text[st] == '\t' || L->text[st] == '|')
		return;
	if (L->len > 0 && L->text[0] == '\t')
		return;
	/*
	 * A short line (it folds whole) ending with an ASCII letter or digit
	 * ends like no heading: without an ordinal or 附 first it is none.
	 * (The cells of the tables, mostly.)
	 */
	if (L->len - st <= 80 && ((L->text[L->len - 1] >= '0' &&
	    L->text[L->len - 1] <= '9') || (L->text[L->len - 1] >= 'a' &&
	    L->text[L->len - 1] <= 'z') || (L->text[L->len - 1] >= 'A' &&
	    L->text[L->len - 1] <= 'Z')) && !mayordinal(L->text + st,
	    L->len - st))
		return;
	/* A long line is a heading only after an ordinal. */
	if (L->len - st > 4 * SHORT && !mayordinal(L->text + st, L->len - st))
		return;
	/*
	 * Most lines are prose or cells: a look at the first bytes for an
	 * ordinal, and at the length for a bare heading, rules them out.
	 */
	wn = goi_fold(L->text + st, L->len - st < 40 ? L->len - st : 40, w,
	    sizeof(w), NULL);
	if ((k = ordinal(w, &style, &ord)) == 0 && L->len - st > 4 * SHORT)
		return;
	if (L->len - st > 40) {	/* else folded and read already */
		size_t m = L->len - st < WIN ? L->len - st : WIN, b;

		/*
		 * Folding goes character by character, and the first 40
		 * bytes never fill w: the rest folds after them as the whole
		 * would.  A character cut at byte 40 (a lead at b, then
		 * continuation bytes) gave one U+FFFD a byte: it folds again
		 * from b.
		 */
		b = st + 40;
		while (b > st + 37 && ((unsigned char)L->text[b] & 0xc0) == 0x80)
			b--;
		if (b == st + 40 || (unsigned char)L->text[b] >= 0xc0) {
			wn -= 3 * (st + 40 - b);
			wn += goi_fold(L->text + b, m - (b - st), w + wn,
			    sizeof(w) - wn, NULL);
		} else
			wn = goi_fold(L->text + st, m, w, sizeof(w), NULL);
		k = ordinal(w, &style, &ord);
	}
	if (style == ST_NONE && !endswithany(w, wn) && !startswith(w, "附") &&
	    !(wn >= 3 && strcmp(w + wn - 3, "表") == 0))
		return;
	sec = classify(w + k, &end);
	if (sec == -2)
		return;
	tcps = ncp(w + k, wn - k);
	if (L->len - st <= WIN && tcps <= SHORT && memchr(w, '\t', wn) == NULL &&
	    memchr(w, '|', wn) == NULL)
		flags |= C_SHORT;
	if (style == ST_NONE && sec == GOI_SEC_END) {
		/* 附件1：…统计表, 附表 standing alone */
		if (!(flags & C_SHORT) || !(startswith(w, "附") ||
		    (wn >= 3 && strcmp(w + wn - 3, "表") == 0)))
			return;
	} else if (style == ST_NONE) {
		/* A bare heading: short, alone, ending like a heading. */
		if (sec < 0 || !(flags & C_SHORT) || !endswithany(w, wn))
			return;
	} else if (sec == -1) {
		/* Unnamed: kept for the top style's gaps when it looks like one. */
		if (!(flags & C_SHORT) || tcps < 2)
			return;
	}
	add(c, nc, li, 0, style, ord, sec, flags);
}

/* Headings run into a line after its start: …下载。一、总体情况2021年… */
static void
midline(const goi_doc *doc, size_t li, cand *c, int *nc)
{
	const goi_docline *L = &doc->lines[li];
	const char *s = L->text, *p;
	char w[WIN + 8];
	size_t i, j, k, num, end;
	int style, ord, sec, v, first = *nc;
	uint32_t pc;
	size_t st = skipchrome(s, L->len);

	for (i = 4; i + 3 <= L->len; i++) {
		if ((p = memchr(s + i, '\xe3', L->len - i)) == NULL)
			break;
		i = (size_t)(p - s);
		if (i + 3 > L->len || memcmp(p, "、", 3) != 0)
			continue;
		/* Walk back over the numeral: 一、 十一、 二十一、 */
		for (j = i, num = 0; j >= 3 && num < 3 &&
		    cnnum1(s + j - 3) != 0; j -= 3, num++)
			;
		if (num == 0 || j <= st)
			continue;
		if ((v = cnnum(s + j, &k)) == 0 || j + k != i)
			continue;
		/* The character before the numeral. */
		for (k = j - 1; k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80;
		    k--)
			;
		u8dec((const unsigned char *)s + k, j - k, &pc);
		if (wordchar(pc))
			continue;
		goi_fold(s + j, L->len - j < WIN ? L->len - j : WIN, w,
		    sizeof(w), NULL);
		k = ordinal(w, &style, &ord);
		if (style != ST_CN || (sec = classify(w + k, &end)) < 0)
			continue;
		if (!add(c, nc, li, j, style, ord, sec, C_MID))
			return;
	}
	/*
	 * A list of the parts in the preface (一、总体情况；二、主动公开…) is no
	 * heading: its items follow each other, parted by ；，、 alone.
	 */
	for (i = (size_t)first; i + 1 < (size_t)*nc; i++) {
		size_t a = c[i].off, b = c[i + 1].off, d;
		int digit = 0;
		if (b - a > 72)
			continue;
		for (d = a; d < b; d++)
			if (s[d] >= '0' && s[d] <= '9')
				digit = 1;
		while (b > a && s[b - 1] == ' ')
			b--;
		if (digit || !(s[b - 1] == ';' || s[b - 1] == ',' ||
		    (b >= a + 3 && (memcmp(s + b - 3, "；", 3) == 0 ||
		    memcmp(s + b - 3, "，", 3) == 0 ||
		    memcmp(s + b - 3, "、", 3) == 0))))
			continue;
		c[i].sec = c[i + 1].sec = -3;
	}
}

/* ---- the signature ------------------------------------------------------ */

static int
sentenceend(uint32_t c)
{
	return c == 0x3002 || c == 0xff01 || c == 0xff1f || c == 0xff1b ||
	    c == '!' || c == '?' || c == ';' || c == '.';
}

/* Is folded s (n bytes) a plausible organ name under a report? */
static int
organlike(const char *s, size_t n)
{
	size_t i;
	static const char *const bad[] = {
		"，", "、", "：", "（", "）", "《", "》", "“", "”", "。", "；"
	};

	if (n == 0 || ncp(s, n) > 30)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && c != '(' && c != ')')
			return 0;
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *p = s, *e = s + n;
		size_t l = strlen(bad[i]);
		for (; p + l <= e; p++)
			if (*p == bad[i][0] && memcmp(p, bad[i], l) == 0)
				return 0;
	}
	return 1;
}

/*
 * A signature run into a long line: 。 平潭县人民政府 2013年1月16日 附件1：…
 * The date must end the line or precede 附; the organ is the text between
 * the last sentence end and the date.
 */
static int
runinsig(const goi_docline *L, goi_signature *sig)
{
	const char *s = L->text, *p;
	char w[160];
	size_t pos[160], i, a, wn, k, st, e;
	int found = 0, y, m, d;

	for (i = 0; i + 3 <= L->len; i = (size_t)(p - s) + 3) {
		if ((p = goi_memfind(s + i, L->len - i, "日", 3)) == NULL)
			break;
		/* After the date: the end of the line or 附… */
		e = (size_t)(p - s) + 3;
		while (e < L->len && (s[e] == ' ' || (e + 3 <= L->len &&
		    memcmp(s + e, "\xe3\x80\x80", 3) == 0)))
			e += s[e] == ' ' ? 1 : 3;
		if (e < L->len && !(e + 3 <= L->len &&
		    memcmp(s + e, "附", 3) == 0))
			continue;
		/* Back to the last sentence end, at most ~40 characters. */
		a = (size_t)(p - s) > 150 ? (size_t)(p - s) - 150 : 0;
		while (a > 0 && ((unsigned char)s[a] & 0xc0) == 0x80)
			a++;
		wn = goi_fold(s + a, (size_t)(p - s) + 3 - a, w, sizeof(w), pos);
		/* The date that ends where w ends. */
		for (k = wn > 32 ? wn - 32 : 0; k < wn; k++)
			if (w[k] >= '0' && w[k] <= '9' && (k == 0 ||
			    w[k - 1] < '0' || w[k - 1] > '9') &&
			    goi_date_scan(w + k, wn - k, &y, &m, &d) == wn - k &&
			    y != 0)
				break;
		if (k == wn)
			continue;
		/* The organ: from the last sentence end before the date. */
		for (st = k; st > 0; st--) {
			uint32_t c;
			size_t b = st - 1;
			while (b > 0 && ((unsigned char)w[b] & 0xc0) == 0x80)
				b--;
			u8dec((const unsigned char *)w + b, st - b, &c);
			if (sentenceend(c))
				break;
			st = b + 1;
		}
		if (st == 0 && a > 0)
			continue;	/* no sentence end within reach */
		if (!organlike(w + st, k - st))
			continue;
		sig->li = 0;
		sig->off = a + pos[st];
		sig->date_off = a + pos[k];
		sig->y = y;
		sig->m = m;
		sig->d = d;
		found = 1;
	}
	return found;
}

/*
 * Can folded s (n bytes) be a whole date?  goi_date_scan needs a year
 * there, so the first character that is not a space must be a digit: 0-9,
 * full-width, or 〇一二三四五六七八九零.
 */
static int
maydate(const char *s, size_t n)
{
	static const char cjk[] = "〇一二三四五六七八九零";
	size_t i = 0, l;
	uint32_t c = 0;
	char b[4];
	const char *p;

	while (i < n) {
		l = u8dec((const unsigned char *)s + i, n - i, &c);
		if (!isspacecp(c))
			break;
		i += l;
	}
	if (i >= n)
		return 1;
	if ((c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19))
		return 1;
	if (c < 0x3000)
		return 0;
	l = u8enc(c, b);
	for (p = cjk; *p != '\0'; p += 3)
		if (memcmp(p, b, l) == 0)
			return 1;
	return 0;
}

int
goi_signature_find(const goi_doc *doc, goi_signature *sig)
{
	char w[96];
	size_t li, wn, pl;
	int y, m, d;

	memset(sig, 0, sizeof(*sig));
	for (li = doc->nlines; li-- > 0;) {
		const goi_docline *L = &doc->lines[li];
		if (L->len > 64) {
			if (runinsig(L, sig)) {
				sig->li = sig->date_li = li;
				return 1;
			}
			continue;
		}
		if (!maydate(L->text, L->len))
			continue;
		wn = goi_fold(L->text, L->len, w, sizeof(w), NULL);
		while (wn > 0 && (w[wn - 1] == '.' || w[wn - 1] == '\r'))
			w[--wn] = '\0';
		if (wn >= 3 && strcmp(w + wn - 3, "。") == 0)
			w[wn -= 3] = '\0';
		if (wn == 0 || goi_date_scan(w, wn, &y, &m, &d) != wn || y == 0)
			continue;
		sig->li = sig->date_li = li;
		sig->off = sig->date_off = 0;
		sig->y = y;
		sig->m = m;
		sig->d = d;
		/* The organ on the line above, if it looks like one. */
		for (pl = li; pl > 0 && doc->lines[pl - 1].len == 0; pl--)
			;
		if (pl > 0 && pl + 2 >= li && doc->lines[pl - 1].len <= 120) {
			wn = goi_fold(doc->lines[pl - 1].text,
			    doc->lines[pl - 1].len, w, sizeof(w), NULL);
			if (organlike(w, wn))
				sig->li = pl - 1;
		}
		return 1;
	}
	return 0;
}

/* ---- choosing the headings ---------------------------------------------- */

static int
before(const cand *a, size_t li, size_t off)
{
	return a->li < li || (a->li == li && a->off < off);
}

/*
 * The longest run of candidates (those with keep[i]) whose parts increase;
 * ties go to runs whose ordinals increase too, then to the earlier run.
 * Returns the chain length; chain[] gets candidate indexes in order.
 */
static int
chain_of(const cand *c, int nc, const unsigned char *keep, int *chain)
{
	int score[MAXCAND], prev[MAXCAND];
	int i, j, best = -1, n = 0;

	for (i = 0; i < nc; i++) {
		score[i] = -1;
		prev[i] = -1;
		if (!keep[i])
			continue;
		score[i] = 8;
		for (j = 0; j < i; j++) {
			int s;
			if (score[j] < 0 || c[j].sec >= c[i].sec)
				continue;
			s = score[j] + 8 + (c[j].ord < c[i].ord &&
			    c[j].ord != 0 ? 2 : 0);
			if (s > score[i]) {
				score[i] = s;
				prev[i] = j;
			}
		}
		if (c[i].flags & C_SHORT)
			score[i]++;
		if (best < 0 || score[i] > score[best])
			best = i;
	}
	if (best < 0)
		return 0;
	for (i = best; i >= 0; i = prev[i])
		n++;
	for (i = best, j = n; i >= 0; i = prev[i])
		chain[--j] = i;
	return n;
}

int
goi_sections_find(const goi_doc *doc, goi_secmark *marks, int max)
{
	goi_signature sig;

	return goi_sections_find_sig(doc, goi_signature_find(doc, &sig) ?
	    &sig : NULL, marks, max);
}

int
goi_sections_find_sig(const goi_doc *doc, const goi_signature *sigp,
    goi_secmark *marks, int max)
{
	cand c[MAXCAND];
	unsigned char keep[MAXCAND];
	int chain[MAXCAND], best[MAXCAND];
	int nc = 0, i, j, s, si, nb = 0, style, bstyle = ST_NONE, bscore = -1;
	int nm = 0, have[GOI_SEC_COUNT];
	size_t li, endli, endoff;
	goi_secmark m[GOI_SEC_COUNT + 1];

	if (max <= 0)
		return 0;
	for (li = 0; li < doc->nlines; li++) {
		linestart(doc, li, c, &nc);
		if (doc->lines[li].len > 8)
			midline(doc, li, c, &nc);
	}

	/* The signature closes the text when parts come before it. */
	endli = doc->nlines;
	endoff = 0;
	if (sigp != NULL) {
		int pre = 0, post = 0;
		for (i = 0; i < nc; i++) {
			if (c[i].sec < GOI_SEC_OVERVIEW || c[i].sec > GOI_SEC_OTHER)
				continue;
			if (before(&c[i], sigp->li, sigp->off))
				pre++;
			else
				post++;
		}
		if (pre > 0 && pre >= post) {
			endli = sigp->li;
			endoff = sigp->off;
		}
	}

	/*
	 * The top style: the one with the longest increasing run of parts;
	 * ties go to 一、 and 第一部分, then bare words, then 1、 1. (一) (1).
	 */
	for (si = 0; si < ST_COUNT; si++) {
		static const int order[ST_COUNT] = {
			ST_CN, ST_DI, ST_NONE, ST_AR_DUN, ST_AR_DOT, ST_PCN, ST_PAR
		};
		int n, sc;
		style = order[si];
		for (i = 0; i < nc; i++)
			keep[i] = c[i].style == style && c[i].sec >=
			    GOI_SEC_OVERVIEW && c[i].sec <= GOI_SEC_OTHER &&
			    before(&c[i], endli, endoff);
		if ((n = chain_of(c, nc, keep, chain)) == 0)
			continue;
		for (sc = n * 4, i = 1; i < n; i++)
			if (c[chain[i]].ord > c[chain[i - 1]].ord)
				sc++;
		if (sc > bscore) {
			bscore = sc;
			bstyle = style;
			nb = n;
			memcpy(best, chain, (size_t)n * sizeof(int));
		}
	}

	/* Gaps: strong candidates of any style, unnamed ones of the top style. */
	memset(have, 0, sizeof(have));
	for (i = 0; i < nb; i++)
		have[c[best[i]].sec] = 1;
	for (s = GOI_SEC_OVERVIEW; s <= GOI_SEC_OTHER && nb > 0; s++) {
		int lo = -1, hi = nb, pick = -1;
		if (have[s])
			continue;
		for (i = 0; i < nb; i++)
			if (c[best[i]].sec < s)
				lo = i;
		for (i = nb - 1; i >= 0; i--)
			if (c[best[i]].sec > s)
				hi = i;
		if (hi != lo + 1)
			continue;
		for (i = 0; i < nc && pick < 0; i++) {
			const cand *x = &c[i];
			if ((lo >= 0 && !before(&c[best[lo]], x->li, x->off)) ||
			    (hi < nb && !before(x, c[best[hi]].li,
			    c[best[hi]].off)) || !before(x, endli, endoff) ||
			    (lo >= 0 && x->li == c[best[lo]].li &&
			    x->off == c[best[lo]].off))
				continue;
			if (x->sec == s && (x->flags & C_SHORT) &&
			    x->style != ST_NONE)
				pick = i;
			else if (x->sec == s && x->style == ST_NONE)
				pick = i;
			else if (x->sec == -1 && x->style == bstyle &&
			    bstyle != ST_NONE && (lo < 0 ? 0 :
			    c[best[lo]].sec) + 1 == s &&
			    (lo < 0 || c[best[lo]].ord < x->ord) &&
			    (hi >= nb || x->ord < c[best[hi]].ord)) {
				pick = i;
				c[i].sec = s;
			}
		}
		if (pick < 0)
			continue;
		for (j = nb; j > hi; j--)
			best[j] = best[j - 1];
		best[hi] = pick;
		nb++;
		have[s] = 1;
	}

	/* The end: an appended table after the last part, or the signature. */
	if (nb > 0) {
		const cand *last = &c[best[nb - 1]];
		for (i = 0; i < nc; i++)
			if (c[i].sec == GOI_SEC_END && before(last, c[i].li,
			    c[i].off) && before(&c[i], endli, endoff)) {
				endli = c[i].li;
				endoff = c[i].off;
				break;
			}
	}

	m[nm].section = GOI_SEC_FRONT;
	m[nm].li = 0;
	m[nm++].off = 0;
	for (i = 0; i < nb; i++) {
		m[nm].section = c[best[i]].sec;
		m[nm].li = c[best[i]].li;
		m[nm++].off = c[best[i]].off;
	}
	if (nb > 0 && endli < doc->nlines) {
		m[nm].section = GOI_SEC_END;
		m[nm].li = endli;
		m[nm++].off = endoff;
	}
	if (nm > max)
		nm = max;
	memcpy(marks, m, (size_t)nm * sizeof(*marks));
	return nm;
}
