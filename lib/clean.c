/*
 * clean.c - from normalized lines to documents: spacing, debris rules (as
 * data, below), lines split where a document boundary falls inside them,
 * document boundaries, broken lines joined, document keys.
 *
 * A document is held until it ends (memory follows the largest document),
 * because its key, and the joining of broken lines, need all of it.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "goi.h"

static int
starts_n(const char *s, size_t n, const char *lit, size_t k)
{
	return n >= k && (k == 0 || (s[0] == lit[0] && memcmp(s, lit, k) == 0));
}

static int
ends_n(const char *s, size_t n, const char *lit, size_t k)
{
	return n >= k && (k == 0 || (s[n - 1] == lit[k - 1] &&
	    memcmp(s + n - k, lit, k) == 0));
}

/* For string literals: their length is known at compile time. */
#define starts(s, n, lit) starts_n((s), (n), (lit), sizeof(lit) - 1)
#define ends(s, n, lit) ends_n((s), (n), (lit), sizeof(lit) - 1)
#define has(s, n, lit) (goi_memfind((s), (n), (lit), sizeof(lit) - 1) != NULL)
#define startsz(s, n, str) starts_n((s), (n), (str), strlen(str))

/* ---- spacing ------------------------------------------------------------ */

/* ASCII punctuation that hugs a CJK neighbour: no space between them. */
static int
hugs(int32_t c)
{
	static const unsigned char hug[128] = {['('] = 1, [')'] = 1,
		['['] = 1, [']'] = 1, [','] = 1, ['.'] = 1, [':'] = 1,
		[';'] = 1, ['!'] = 1, ['?'] = 1, ['/'] = 1};

	return c >= 0 && c < 0x80 && hug[c];
}

/* goi_is_cjk, with the characters below U+2014 (none is CJK) inline */
static int
cjk(int32_t c)
{
	return c >= 0x2014 && goi_is_cjk(c);
}

/* A 3-byte character U+1000-U+FFFF but the surrogates at u: its code
 * point, else -1 (the common case of goi_utf8_decode, inline). */
static int32_t
char3(const unsigned char *u)
{
	if (u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
		return (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	return -1;
}

/* The character ending just before s + n (n > 0). */
static int32_t
char_before(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = n - 1, k;
	int32_t c;

	if (u[n - 1] < 0x80)
		return u[n - 1];
	if (n >= 3 && (c = char3(u + n - 3)) >= 0)
		return c;
	while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	if ((k = goi_utf8_decode(s + i, n - i, &c)) == 0 || i + k != n)
		return -1;
	return c;
}

/* The character at s (n > 0), -1 if it is not valid UTF-8. */
static int32_t
char_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	int32_t c;

	if (u[0] < 0x80)
		return u[0];
	if (n >= 3 && (c = char3(u)) >= 0)
		return c;
	return goi_utf8_decode(s, n, &c) ? c : -1;
}

size_t
goi_clean_spaces(char *s, size_t n)
{
	size_t r = 0, w = 0, e;
	const char *sp;
	int32_t a, b;

	while (r < n) {
		if ((sp = memchr(s + r, ' ', n - r)) == NULL)
			sp = s + n;
		if (w != r)
			memmove(s + w, s + r, (size_t)(sp - (s + r)));
		w += (size_t)(sp - (s + r));
		r = (size_t)(sp - s);
		if (r >= n)
			break;
		for (e = r; e < n && s[e] == ' '; e++)
			;
		r = e;
		if (w == 0 || e == n || s[w - 1] == '\t' || s[e] == '\t')
			continue;
		a = char_before(s, w);
		b = char_at(s + e, n - e);
		if ((cjk(a) && (cjk(b) || hugs(b))) || (hugs(a) && cjk(b)))
			continue;
		s[w++] = ' ';
	}
	return w;
}

/* ---- the debris rules ------------------------------------------------------ */

enum {
	R_CUT,		/* remove every match, wherever it is */
	R_HEAD,		/* remove the match at the start of a short line */
	R_TAIL,		/* keep the match at the start of a short line, cut the rest */
	R_DROP,		/* drop a short line that matches */
	R_TOKENS	/* drop a short line made only of chrome words */
};

struct rule {
	int kind;
	const char *name;
	const char *lit;	/* a quick filter.  R_CUT: a word in every
				 * match; others: the line starts with one of
				 * these |-separated words (the regex's
				 * alternatives, so that no line is handed to
				 * regexec that cannot match) */
	size_t maxlen;		/* longest line (bytes) the rule applies to */
	const char *re;		/* POSIX ERE on the normalized line */
	const char *desc;
	const char *tail;	/* NULL, or the line must end with one of
				 * these |-separated words */
};

/*
 * The rules apply in this order to each normalized, spaced line.  Lines
 * longer than a rule's maxlen (one-line reports) are never dropped.
 */
static const struct rule rules[] = {
	{R_CUT, "attachment-loader", "附件加载中", 0, "附件加载中(\\.|。)*",
	    "the text 附件加载中... (wherever it is)", NULL},
	{R_CUT, "bookmark", "[bookmark", 0, "\\[bookmark:[^]]*\\]",
	    "Word bookmarks such as [bookmark: _GoBack] (wherever they are)", NULL},
	{R_CUT, "word-comment", "<!", 0, "<!(--)?\\[[^]]*\\](--)?>",
	    "leaked Word conditional comments: <!--[if !supportLists]-->, "
	    "<!--[endif]-->, <![endif]>", NULL},
	{R_CUT, "font-size", "字体", 0,
	    "【?字体:?(\\[ ?\\]|\\[?大中小\\]?|大中小)】?",
	    "font-size controls: 字体:[ ], 字体:[大 中 小], 【字体:大 中 小】", NULL},
	{R_CUT, "font-size", "字号", 0,
	    "【?字号:?(\\[ ?\\]|\\[?大中小\\]?|大中小)】?",
	    "font-size controls: 字号:大 中 小", NULL},
	{R_HEAD, "title-label", "标题:", 300, "^标题: ?",
	    "a scraper's label 标题: before the title (the title stays)", NULL},
	{R_TAIL, "publication-line", "发布时间|发布日期|更新时间|时间|日期", 300,
	    "^(发布时间|发布日期|更新时间|时间|日期): ?[0-9]{4}"
	    "(-[0-9]{1,2}-[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2}|"
	    "年[0-9]{1,2}月[0-9]{1,2}日)",
	    "what follows the date on a publication line "
	    "(发布时间:2021-01-05 来源:... 字体:[ ] keeps 发布时间:2021-01-05)", NULL},
	{R_DROP, "breadcrumb", "当前位置|您现在的位置|您当前的位置|您的位置|所在位置",
	    300,
	    "^(当前位置|您现在的位置|您当前的位置|您的位置|所在位置)",
	    "breadcrumbs: 当前位置: 网站首页 > ... (lines of at most 300 bytes)", NULL},
	{R_DROP, "page-number", "-|—|–", 40, "^(-|—|–) ?[0-9]+ ?(-|—|–)$",
	    "page numbers: - 3 -, — 3 —", "-|—|–"},
	{R_DROP, "page-number", "第|共", 60,
	    "^(第 ?[0-9]+ ?页(,? ?共 ?[0-9]+ ?页)?|共 ?[0-9]+ ?页,? ?第 ?[0-9]+ ?页)$",
	    "page numbers: 第3页 共5页, 共5页 第3页, 第3页", "页"},
	{R_DROP, "crawler-metadata",
	    "栏目:|原文链接:|本地目录:|页面链接与图片详见|文号:|发布机构:|索引号:|=",
	    300,
	    "^(栏目:|原文链接:|本地目录:|页面链接与图片详见|文号: ?$|发布机构: ?$|"
	    "索引号: ?$|=+ ?正文 ?=+$)",
	    "a scraper's page header: 栏目:, 原文链接:, 本地目录:, 页面链接与图片详见 "
	    "..., ==== 正文 ====, and empty 文号:, 发布机构:, 索引号:", NULL},
	{R_DROP, "hit-counter", "浏览次数|点击数|阅读次数|访问量|浏览量|点击量", 100,
	    "^(浏览次数|点击数|阅读次数|访问量|浏览量|点击量): ?[0-9]*$",
	    "hit counters: 浏览次数: 123", NULL},
	{R_TOKENS, "page-links", NULL, 300, NULL,
	    "lines made only of share, print and close links and such "
	    "(分享到, 【打印】【关闭】, 打印本页 关闭窗口, 微信 微博 QQ空间, 上一篇 ...)", NULL},
};
#define NRULES (sizeof(rules) / sizeof(rules[0]))

/* Chrome words for R_TOKENS, longest spelling first. */
static const char *const tokens[] = {
	"分享到", "分享", "打印本页", "打印此页", "打印", "关闭本页",
	"关闭窗口", "关闭", "收藏本页", "加入收藏", "收藏", "返回顶部",
	"返回首页", "返回列表", "返回", "新浪微博", "腾讯微博", "微信", "微博",
	"QQ空间", "扫一扫", "全真版", "文字版", "文件下载", "相关链接",
	"上一篇", "下一篇", "大中小", "字体", "字号", "默认", "-->", NULL
};
/* What may stand between chrome words. */
static const char *const tokensep[] = {
	" ", "【", "】", "[", "]", "(", ")", "|", "/", ":", "·", "-", "<", ">",
	"«", "»", NULL
};

/*
 * Words that trigger the R_CUT rules and the in-line splits: one pass over
 * a line finds which occur, so the rest of the work is done only for them.
 */
static const char *const marks[] = {
	"附件加载中", "[bookmark", "<!", "字体", "字号", "当前位置", "年度报告",
	NULL
};
#define NMARKS (sizeof(marks) / sizeof(marks[0]) - 1)
#define MARK_HERE (1u << 5)
#define MARK_REPORT (1u << 6)
#define NTRIG 256		/* 1 << the most marks (marklen[] holds 8) */
#define MARK_ATTACH (1u << 0)
static unsigned char markstep[256];		/* see triggers() */
static unsigned char markpair[65536 / 8];	/* their first two bytes */
static size_t marklen[8];
static uint64_t markhead[8], markmask[8];	/* their first 8 bytes (fewer
						 * if shorter), and which */
#define NFIRST 4
#define NSECOND 6
static unsigned char markb1[NFIRST], markb2[NSECOND];	/* the bytes that
							 * start marks, and
							 * that come second */
#ifdef __SSE2__
static __m128i markv1[NFIRST], markv2[NSECOND];	/* the same, in 16 lanes:
						 * built once, not per line */
#endif
static int markbytes;	/* at most NFIRST and NSECOND of them */

/* Do the two bytes at u start a mark? */
#define MARKPAIR(u) (markpair[(u)[0] << 5 | (u)[1] >> 3] >> ((u)[1] & 7) & 1)

/*
 * The marks starting at u + i (i + 1 < n; u[n] is a NUL and u[n..n+8)
 * readable).  The first eight bytes of a mark are compared at once (年 of
 * 年度报告 starts many lines' marks_at, and most are no 年度): a mark's
 * bytes are not NUL, so no compare matches past n.
 */
static unsigned
marks_at(const unsigned char *u, size_t i, size_t n)
{
	unsigned bits = 0;
	uint64_t head;
	size_t k;

	memcpy(&head, u + i, 8);
	for (k = 0; k < NMARKS; k++)
		if ((head & markmask[k]) == markhead[k] &&
		    (marklen[k] <= 8 || starts_n((const char *)u + i, n - i,
		    marks[k], marklen[k])))
			bits |= 1u << k;
	return bits;
}

/*
 * The marks in s[0..n).  s is valid UTF-8, so a mark found at any byte
 * starts at a character.  With SSE2, sixteen bytes at a time: only where
 * a mark's first byte is followed by a mark's second byte are the marks
 * compared (fewer compares a block than for each pair); s[n..n+17)
 * must be readable (goi_cleaner_line pads the line).
 */
static unsigned
triggers(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned bits = 0;
	size_t i = 0;

#ifdef __SSE2__
	if (markbytes) {
		unsigned m;
		/* a first byte of a mark, then a second byte of one (not
		 * always of the same): marks_at() tells; NFIRST is 4, NSECOND
		 * is 6 */
#define B1(k) _mm_cmpeq_epi8(a, markv1[k])
#define B2(k) _mm_cmpeq_epi8(b, markv2[k])

		for (; i + 1 < n; i += 16) {
			__m128i a = _mm_loadu_si128((const __m128i *)(u + i));
			__m128i b = _mm_loadu_si128((const __m128i *)(u + i + 1));

			m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_or_si128(_mm_or_si128(B1(0), B1(1)),
			    _mm_or_si128(B1(2), B1(3))),
			    _mm_or_si128(_mm_or_si128(_mm_or_si128(B2(0), B2(1)),
			    _mm_or_si128(B2(2), B2(3))),
			    _mm_or_si128(B2(4), B2(5)))));
#undef B1
#undef B2
			if (n - 1 - i < 16)	/* a mark needs two bytes */
				m &= (1u << (n - 1 - i)) - 1;
			for (; m != 0; m &= m - 1)
				bits |= marks_at(u, i + (size_t)__builtin_ctz(m), n);
		}
		return bits;
	}
#endif
	/* marks start at a character: step from one to the next; markstep[b]
	 * is the length of a character that starts with b, plus 8 when a
	 * mark starts with b */
	for (; i + 1 < n; i += markstep[u[i]] & 7)
		if ((markstep[u[i]] & 8) && MARKPAIR(u + i))
			bits |= marks_at(u, i, n);
	return bits;
}

/* Words that make what comes before a year a sentence, no organ (see
 * inline_title()); two bytes at least. */
static const char *const sentence[] = {"关于", "的", "现将", "根据",
	"按照", "依据", "发布", "印发", "转发", "公布", "报送", NULL};

/* Report titles and first headings. */
static const char *const overview[] = {
	"总体情况", "概述", "概况", "基本情况", "总体概况", "工作概况", "总述",
	"基本概况", NULL
};	/* split_point() knows their lengths: 2 or 4 characters */

const goi_clean_rule *
goi_clean_rules(int *n)
{
	static goi_clean_rule list[NRULES];
	size_t i;

	for (i = 0; i < NRULES; i++) {
		list[i].name = rules[i].name;
		list[i].desc = rules[i].desc;
	}
	*n = (int)NRULES;
	return list;
}

/* ---- the cleaner ---------------------------------------------------------- */

enum {
	L_BLANK = 1,
	L_TITLE = 2,
	L_META = 4,	/* publication date, issuing body: not the body yet */
	L_PLAIN = 8	/* came by goi_cleaner_line's plain lane: short, ASCII,
			 * no bracket, nothing for join() to do */
};

struct line {
	long no;
	size_t off, len;
	int flags;
};

struct word {
	const char *p;
	size_t len;		/* 0 ends a list */
	int sure;		/* SURE_*: which lines starting with it match
				 * the rule's re (see sure_words()) */
};

#define MAXWORDS 12

struct goi_cleaner {
	int flags;
	goi_clean_sink sink;
	regex_t re[NRULES];
	char *work;		/* the incoming line */
	size_t wcap;
	char *arena;		/* the current document, NUL-separated */
	size_t alen, acap;
	struct line *lines;
	size_t nlines, lcap;
	goi_docline *dl;
	size_t dlcap;
	int has_body;		/* seen text that is no title or metadata */
	int maxsec;		/* highest 一、二、 ... heading seen */
	size_t tline;		/* 1 + the index of its first title line, or 0 */
	char *name;		/* file operand, NULL for stdin */
	int filedocs;		/* documents of this input so far */
	long rundocs;		/* documents of the run so far */
	uint64_t *kh;		/* the hashes of the keys used (key_add) */
	uint32_t *knext;	/* for each, the next #N to try after a clash */
	size_t nkeys, kcap;
	char *key;
	size_t keycap;
	unsigned trig;		/* triggers() of the current line */
	unsigned rulebit[NRULES];	/* the trigger of each R_CUT rule */
	unsigned cutbits;	/* all of rulebit */
	unsigned fired[NTRIG];	/* trigger bits -> bit i: rules[i] is an R_CUT
				 * rule they trigger */
	/* first characters (BMP) of the words the anchored rules and the
	 * chrome-word rule look for at the start of a line: a line starting
	 * with none of them and holding no trigger has no debris */
	unsigned char lead[0x10000 / 8];
	struct {
		int32_t key;	/* the character + 1, 0 for a free slot */
		unsigned rules;	/* bit i: rules[i] has a word starting with it */
	} leadh[128];		/* open addressing */
	int nlead;		/* -1: too many, every rule is tried */
	unsigned char tokchar[0x10000 / 8];	/* first characters of tokens */
	unsigned char sepchar[0x10000 / 8];	/* ... of tokensep */
	size_t toklen[sizeof(tokens) / sizeof(tokens[0])];
	size_t seplen[sizeof(tokensep) / sizeof(tokensep[0])];
	size_t sentlen[sizeof(sentence) / sizeof(sentence[0])];
	unsigned char sentpair[65536 / 8];	/* the first two bytes of
						 * sentence[]'s words */
	int32_t tokch[sizeof(tokens) / sizeof(tokens[0])];	/* their first */
	int32_t sepch[sizeof(tokensep) / sizeof(tokensep[0])];	/* characters */
	/* tokfrom[b]: the first of tokens[] that starts with the ASCII byte
	 * b (none before it does), else the index of its NULL; sepfrom[b]
	 * the same for tokensep[] */
	unsigned char tokfrom[128], sepfrom[128];
	struct word words[NRULES][MAXWORDS];	/* each rule's lit, split */
	struct word tails[NRULES][MAXWORDS];	/* each rule's tail, split */
	/* the bytes of a plain line (see goi_cleaner_line): printable ASCII
	 * and TAB, but no space, no bracket, no first byte of a mark or of a
	 * chrome word */
	unsigned char plain[256];
	/* plainfirst[b]: a line that starts with the ASCII byte b may go by
	 * the plain lane: (lead_rules() & ~tokrules) == 0 for it, which
	 * depends on the first character alone */
	unsigned char plainfirst[128];
	unsigned tokrules;	/* bit i: rules[i] is R_TOKENS */
};


static void
bit_set(unsigned char *bm, const char *word)
{
	int32_t ch = char_at(word, strlen(word));

	if (ch >= 0 && ch < 0x10000)
		bm[ch >> 3] |= (unsigned char)(1u << (ch & 7));
}

#define LEADSLOT(ch) ((uint32_t)(ch) * 2654435761u >> 25)	/* 0..127 */

/* Rule i looks for word at the start of a line. */
static void
lead_add(goi_cleaner *c, size_t i, const char *word)
{
	int32_t ch = char_at(word, strlen(word));
	size_t h;

	if (c->nlead < 0)
		return;
	if (ch < 0 || ch >= 0x10000 || c->nlead == 96) {
		memset(c->lead, 0xFF, sizeof(c->lead));	/* no filter */
		c->nlead = -1;
		return;
	}
	bit_set(c->lead, word);
	for (h = LEADSLOT(ch); c->leadh[h].key != 0 && c->leadh[h].key != ch + 1;
	    h = (h + 1) & 127)
		;
	if (c->leadh[h].key == 0) {
		c->leadh[h].key = ch + 1;
		c->nlead++;
	}
	c->leadh[h].rules |= 1u << i;
}

static int
bit_has(const unsigned char *bm, int32_t ch)
{
	return ch >= 0 && ch < 0x10000 && (bm[ch >> 3] >> (ch & 7) & 1);
}

/* The |-separated words of l (NULL: none) into w, ended by a length 0. */
static void
split_words(const char *l, struct word *w)
{
	int k = 0;

	while (l != NULL && *l != '\0' && k < MAXWORDS - 1) {
		size_t len = strcspn(l, "|");
		w[k].p = l;
		w[k++].len = len;
		l += len + (l[len] == '|');
	}
}

static unsigned lead_rules(const goi_cleaner *c, const char *s, size_t n);

enum { SURE_NONE, SURE_ANY, SURE_ALL, SURE_SPACE, SURE_HEAD, SURE_HEADSPACE };

/*
 * Where the match of re ends in every line starting with a word of w, when
 * re says so plainly: re is ^ and the word (a plain string), then nothing
 * (SURE_HEAD: the match is the word) or " ?" (SURE_HEADSPACE: the word and
 * a space if one follows).  For R_HEAD and R_TAIL, which cut at the end.
 */
static void
head_words(const char *re, struct word *w)
{
	for (; re != NULL && re[0] == '^' && w->len > 0; w++)
		if (strcspn(w->p, ".[]()*+?{}|^$\\") >= w->len &&
		    strncmp(re + 1, w->p, w->len) == 0) {
			if (strcmp(re + 1 + w->len, "") == 0)
				w->sure = SURE_HEAD;
			else if (strcmp(re + 1 + w->len, " ?") == 0)
				w->sure = SURE_HEADSPACE;
		}
}

/*
 * Which lines starting with a word of w match re, when re says so plainly:
 * re is ^(A|B|...), nothing after the group, and an alternative is the
 * word (a plain string: no ERE special character) followed by nothing
 * (SURE_ANY: every such line), by $ (SURE_ALL: the word is the line) or by
 * " ?$" (SURE_SPACE: the word, perhaps a space).  regexec need not say so
 * for these lines; the others still go to it.
 */
static void
sure_words(const char *re, struct word *w)
{
	static const char *const after[] = {")", "|", "$)", "$|", " ?$)",
		" ?$|"};
	static const int sure[] = {SURE_ANY, SURE_ANY, SURE_ALL, SURE_ALL,
		SURE_SPACE, SURE_SPACE};
	const char *body, *a;
	size_t blen, alen, k;

	if (re == NULL || strncmp(re, "^(", 2) != 0)
		return;
	body = re + 2;
	blen = strlen(body);
	if (blen == 0 || body[blen - 1] != ')' ||
	    strcspn(body, "()[\\") != blen - 1)
		return;		/* one group, the last thing, and no brackets */
	for (; w->len > 0; w++) {
		if (strcspn(w->p, ".[]()*+?{}|^$\\") < w->len)
			continue;
		for (a = body; a < body + blen; a += alen + 1) {
			alen = strcspn(a, "|)");
			if (alen < w->len || memcmp(a, w->p, w->len) != 0)
				continue;
			for (k = 0; k < sizeof(after) / sizeof(after[0]); k++)
				if (strncmp(a + w->len, after[k],
				    strlen(after[k])) == 0)
					w->sure = sure[k];
		}
	}
}

goi_cleaner *
goi_cleaner_new(int flags, const goi_clean_sink *sink)
{
	goi_cleaner *c;
	size_t i;
	unsigned t;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->flags = flags;
	c->sink = *sink;
	for (i = 0; i < 256; i++)
		markstep[i] = (unsigned char)((markstep[i] & 8) |
		    (i < 0xE0 ? 1 : i < 0xF0 ? 3 : 4));
	for (i = 0; marks[i] != NULL; i++) {
		unsigned pair = (unsigned)(unsigned char)marks[i][0] << 8 |
		    (unsigned char)marks[i][1];
		markpair[pair >> 3] |= (unsigned char)(1u << (pair & 7));
		markstep[(unsigned char)marks[i][0]] |= 8;
		marklen[i] = strlen(marks[i]);
		{
			unsigned char h[8] = {0}, m[8] = {0};

			memcpy(h, marks[i], marklen[i] < 8 ? marklen[i] : 8);
			memset(m, 0xFF, marklen[i] < 8 ? marklen[i] : 8);
			memcpy(&markhead[i], h, 8);
			memcpy(&markmask[i], m, 8);
		}
	}
	for (i = 0x21; i < 0x7F; i++)
		c->plain[i] = !(markstep[i] & 8) && strchr("()<>", (int)i) == NULL;
	for (i = 0; tokens[i] != NULL; i++)
		c->plain[(unsigned char)tokens[i][0]] = 0;
	c->plain['\t'] = 1;
	{
		unsigned char seen1[256] = {0}, seen2[256] = {0};
		size_t n1 = 0, n2 = 0;

		markbytes = 1;
		for (i = 0; marks[i] != NULL; i++) {
			unsigned char b1 = (unsigned char)marks[i][0],
			    b2 = (unsigned char)marks[i][1];

			if (!seen1[b1]++ && n1 < NFIRST)
				markb1[n1++] = b1;
			else if (seen1[b1] == 1)
				markbytes = 0;	/* too many: step through */
			if (!seen2[b2]++ && n2 < NSECOND)
				markb2[n2++] = b2;
			else if (seen2[b2] == 1)
				markbytes = 0;
		}
		for (i = n1; i < NFIRST; i++)
			markb1[i] = markb1[0];
		for (i = n2; i < NSECOND; i++)
			markb2[i] = markb2[0];
	}
#ifdef __SSE2__
	for (i = 0; i < NFIRST; i++)
		markv1[i] = _mm_set1_epi8((char)markb1[i]);
	for (i = 0; i < NSECOND; i++)
		markv2[i] = _mm_set1_epi8((char)markb2[i]);
#endif
	for (i = 0; i < NRULES; i++) {
		int k;

		split_words(rules[i].lit, c->words[i]);
		split_words(rules[i].tail, c->tails[i]);
		if (rules[i].kind == R_DROP)
			sure_words(rules[i].re, c->words[i]);
		else if (rules[i].kind == R_HEAD || rules[i].kind == R_TAIL)
			head_words(rules[i].re, c->words[i]);
		for (k = 0; marks[k] != NULL; k++)
			if (rules[i].lit != NULL && strcmp(rules[i].lit, marks[k]) == 0)
				c->rulebit[i] = 1u << k;
		c->cutbits |= c->rulebit[i];
		if (rules[i].kind != R_CUT)
			for (k = 0; c->words[i][k].len > 0; k++)
				lead_add(c, i, c->words[i][k].p);
		if (rules[i].kind == R_TOKENS) {
			c->tokrules |= 1u << i;
			for (k = 0; tokens[k] != NULL; k++)
				lead_add(c, i, tokens[k]);
			for (k = 0; tokensep[k] != NULL; k++)
				lead_add(c, i, tokensep[k]);
		}
	}
	for (t = 0; t < NTRIG; t++)
		for (i = 0; i < NRULES; i++)
			if (rules[i].kind == R_CUT && (t & c->rulebit[i]))
				c->fired[t] |= 1u << i;
	for (i = 0; tokens[i] != NULL; i++) {
		bit_set(c->tokchar, tokens[i]);
		c->toklen[i] = strlen(tokens[i]);
		c->tokch[i] = char_at(tokens[i], c->toklen[i]);
	}
	for (i = 0; sentence[i] != NULL; i++) {
		unsigned pair = (unsigned)(unsigned char)sentence[i][0] << 8 |
		    (unsigned char)sentence[i][1];

		c->sentpair[pair >> 3] |= (unsigned char)(1u << (pair & 7));
		c->sentlen[i] = strlen(sentence[i]);
	}
	for (i = 0; tokensep[i] != NULL; i++) {
		bit_set(c->sepchar, tokensep[i]);
		c->seplen[i] = strlen(tokensep[i]);
		c->sepch[i] = char_at(tokensep[i], c->seplen[i]);
	}
	for (i = 0; i < 128; i++) {
		size_t j;

		for (j = 0; tokens[j] != NULL && c->tokch[j] != (int32_t)i; j++)
			;
		c->tokfrom[i] = (unsigned char)j;
		for (j = 0; tokensep[j] != NULL && c->sepch[j] != (int32_t)i; j++)
			;
		c->sepfrom[i] = (unsigned char)j;
	}
	for (i = 0; i < 128; i++) {
		char b = (char)i;
		c->plainfirst[i] = c->plain[i] &&
		    (lead_rules(c, &b, 1) & ~c->tokrules) == 0;
	}
	for (i = 0; i < NRULES; i++)
		if (rules[i].re != NULL &&
		    regcomp(&c->re[i], rules[i].re, REG_EXTENDED) != 0) {
			while (i-- > 0)
				if (rules[i].re != NULL)
					regfree(&c->re[i]);
			free(c);
			return NULL;
		}
	return c;
}

void
goi_cleaner_free(goi_cleaner *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < NRULES; i++)
		if (rules[i].re != NULL)
			regfree(&c->re[i]);
	free(c->kh);
	free(c->knext);
	free(c->work);
	free(c->arena);
	free(c->lines);
	free(c->dl);
	free(c->name);
	free(c->key);
	free(c);
}


/*
 * A report title: short, ends with 年度报告 or 年报, names 信息公开 or
 * 政务公开, and has no sentence punctuation (a sentence that mentions a
 * 年度报告 is no title).
 */
static int
is_title(const char *s, size_t n)
{
	/* no , 。 ; : ! ? 《 》 TAB | (。《》 are E3 80 82, 8A, 8B) */
	static const unsigned char no[256] = {[','] = 1, [';'] = 1,
		[':'] = 1, ['!'] = 1, ['?'] = 1, ['\t'] = 1, ['|'] = 1,
		[0xE3] = 2};
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	if (n < 18 || n > 200 || !(ends(s, n, "年度报告") || ends(s, n, "年报")))
		return 0;
	if (!has(s, n, "信息公开") && !has(s, n, "政务公开"))
		return 0;
	for (i = 0; i < n; i++)
		if (no[u[i]] == 1 || (no[u[i]] == 2 && i + 2 < n &&
		    u[i + 1] == 0x80 && (u[i + 2] == 0x82 || u[i + 2] == 0x8A ||
		    u[i + 2] == 0x8B)))
			return 0;
	return !starts(s, n, "附件") && !starts(s, n, "关于");
}

/*
 * 一、总体情况 and the like: the first heading of a report, 一、 and at
 * most 12 characters that hold one of the overview words (一、政府信息公开
 * 工作概述), no table row label (一、本年新收政府信息公开申请数量 is none).
 */
static int
is_overview(const char *s, size_t n)
{
	int i;

	if (!starts(s, n, "一、") || n > 6 + 36)
		return 0;
	if (has(s, n, "申请") || has(s, n, "数量") || has(s, n, ",") ||
	    has(s, n, "。"))
		return 0;
	for (i = 0; overview[i] != NULL; i++)
		if (goi_memfind(s + 6, n - 6, overview[i], strlen(overview[i])) != NULL)
			return 1;
	return 0;
}

static const char *const numerals[] = {"一", "二", "三", "四", "五", "六",
	"七", "八", "九", "十", NULL};

/* The number of a 一、 ... 十、 heading at the start of s, else 0. */
static int
sec_number(const char *s, size_t n)
{
	int i;

	if (n < 6 || !starts(s + 3, n - 3, "、"))
		return 0;
	for (i = 0; numerals[i] != NULL; i++)
		if (memcmp(s, numerals[i], 3) == 0)
			return i + 1;
	return 0;
}

/* best, or the number of the 二、 ... 十、 heading whose 、 is at s + at if
 * higher (see inline_sections()). */
static int
section_at(const char *s, size_t n, size_t at, int best)
{
	int k;

	if (at < 3 || (k = sec_number(s + at - 3, n - at + 3)) <= best || k < 2)
		return best;
	if (at == 3 || s[at - 4] == ' ' || s[at - 4] == ';' ||
	    s[at - 4] == ')' || (s[at - 4] >= '0' && s[at - 4] <= '9') ||
	    ends_n(s, at - 3, "。", 3))
		return k;
	return best;
}

/*
 * The highest 二、 ... 十、 heading inside a long line (a report written on
 * one line, whose headings never start a line): a numeral and 、 at the
 * start or after a space, 。, ;, ) or a digit.  0 if none.  With SSE2 the
 * 、 (E3 80 81) are found sixteen bytes at a time, not a goi_memfind each:
 * s[n..n+16) must be readable (a piece of goi_cleaner_line's padded line).
 */
static int
inline_sections(const char *s, size_t n)
{
	int best = 0;
#ifdef __SSE2__
	const unsigned char *u = (const unsigned char *)s;
	size_t i;
	unsigned m;

	for (i = 0; i + 2 < n; i += 16) {
		m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(u + i)),
		    _mm_set1_epi8((char)0xE3)),
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(u + i + 1)),
		    _mm_set1_epi8((char)0x80))),
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(u + i + 2)),
		    _mm_set1_epi8((char)0x81))));
		if (n - 2 - i < 16)	/* 、 ends by n */
			m &= (1u << (n - 2 - i)) - 1;
		for (; m != 0; m &= m - 1)
			best = section_at(s, n, i + (size_t)__builtin_ctz(m), best);
	}
#else
	const char *p = s, *end = s + n;

	while ((p = goi_memfind(p, (size_t)(end - p), "、", 3)) != NULL) {
		best = section_at(s, n, (size_t)(p - s), best);
		p += 3;
	}
#endif
	return best;
}

static int
is_meta(const char *s, size_t n)
{
	static const char *const meta[] = {"发布时间", "发布日期", "发布机构",
		"来源", "信息来源", "时间:", "日期:", "文号", "索引号", "作者",
		"更新时间", NULL};
	int i;

	if (n < 6 || (unsigned char)s[0] < 0x80)
		return 0;
	for (i = 0; meta[i] != NULL; i++)
		if (s[0] == meta[i][0] && s[1] == meta[i][1] &&
		    s[2] == meta[i][2] && startsz(s, n, meta[i]))
			return 1;
	return 0;
}

static void
report(goi_cleaner *c, long no, const char *why, const char *s, size_t n)
{
	if (c->sink.dropped != NULL)
		c->sink.dropped(c->sink.ctx, no, why, s, n);
}

/* ---- keys -------------------------------------------------------------- */

/*
 * Keys are unique in a run (SPEC): the keys used so far are kept as a set
 * of their 64-bit hashes (open addressing, 12 bytes a slot, at most three
 * quarters full), not as strings, so memory grows by ~16 bytes a report
 * (24 MB for the ~1.5 million reports of a decade) rather than by the
 * length of each key.  Two different keys share a hash with odds below
 * one in ten million in such a run; the second would get a #2 it did not
 * need, and nothing else would change.
 */
static uint64_t
key_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	h ^= h >> 33;		/* FNV-1a, then a finalizer for the low bits */
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	return h ? h : 1;	/* 0 is a free slot */
}

/* The slot of hash h: its own if the key is used, else a free one. */
static size_t
key_slot(const goi_cleaner *c, uint64_t h)
{
	size_t i;

	for (i = (size_t)h & (c->kcap - 1); c->kh[i] != 0 && c->kh[i] != h;
	    i = (i + 1) & (c->kcap - 1))
		;
	return i;
}

static int
key_used(const goi_cleaner *c, uint64_t h)
{
	return c->kcap > 0 && c->kh[key_slot(c, h)] == h;
}

static int
key_add(goi_cleaner *c, uint64_t h)
{
	size_t i, j, oc = c->kcap, nc;
	uint64_t *oh = c->kh;
	uint32_t *on = c->knext;

	if (4 * (c->nkeys + 1) > 3 * c->kcap) {
		nc = oc ? 2 * oc : 64;
		c->kh = calloc(nc, sizeof(*c->kh));
		c->knext = calloc(nc, sizeof(*c->knext));
		if (c->kh == NULL || c->knext == NULL) {
			free(c->kh);
			free(c->knext);
			c->kh = oh;
			c->knext = on;
			return GOI_ENOMEM;
		}
		c->kcap = nc;
		for (i = 0; i < oc; i++)
			if (oh[i] != 0) {
				j = key_slot(c, oh[i]);
				c->kh[j] = oh[i];
				c->knext[j] = on[i];
			}
		free(oh);
		free(on);
	}
	i = key_slot(c, h);
	c->kh[i] = h;
	c->knext[i] = 2;
	c->nkeys++;
	return 0;
}

static int
setkey(goi_cleaner *c, const char *s, size_t n)
{
	int rc;

	if ((rc = goi_grow(&c->key, &c->keycap, n + 32, 1)) < 0)
		return rc;
	memcpy(c->key, s, n);
	c->key[n] = '\0';
	return 0;
}

/* A date line 2018年1月23日; its year, else 0. */
static int
date_year(const char *s, size_t n)
{
	size_t i = 0, k;
	int year = 0;

	for (k = 0; k < 4; k++, i++) {
		if (i >= n || s[i] < '0' || s[i] > '9')
			return 0;
		year = year * 10 + (s[i] - '0');
	}
	if (!starts(s + i, n - i, "年"))
		return 0;
	i += 3;
	for (k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '9'; k++)
		i++;
	if (k == 0 || !starts(s + i, n - i, "月"))
		return 0;
	i += 3;
	for (k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '9'; k++)
		i++;
	if (k == 0 || i + 3 != n || !starts(s + i, n - i, "日"))
		return 0;
	return year;
}

/* An organ's name: short, only CJK and brackets, ends like an organ. */
static int
is_organ(const char *s, size_t n)
{
	static const char *const end[] = {"政府", "办事处", "办公室", "委员会",
		"管委会", "局", "街道", "镇", "乡", "厅", "委", "院", "中心", "站",
		"所", "办", NULL};
	size_t i = 0, k;
	int32_t ch;
	int j;

	if (n < 6 || n > 90)
		return 0;
	while (i < n) {
		if ((k = goi_utf8_decode(s + i, n - i, &ch)) == 0)
			return 0;
		if (!goi_is_han(ch) && ch != '(' && ch != ')')
			return 0;
		i += k;
	}
	for (j = 0; end[j] != NULL; j++)
		if (ends_n(s, n, end[j], strlen(end[j])))
			return 1;
	return 0;
}

/*
 * The key of a document read from standard input: its title, else organ
 * (the name above the signature date) and year (the first N年度), else #N.
 */
static int
stdin_key(goi_cleaner *c)
{
	size_t i, k;
	const char *organ = NULL, *p;
	size_t organlen = 0;
	int year = 0, dyear = 0, y, rc;
	char num[32];

	for (i = 0; i < c->nlines; i++)
		if (is_title(c->dl[i].text, c->dl[i].len))
			return setkey(c, c->dl[i].text, c->dl[i].len);
	for (i = 0; i < c->nlines; i++) {
		const char *s = c->dl[i].text;
		size_t n = c->dl[i].len;

		for (p = s; !year && (p = goi_memfind(p, n - (size_t)(p - s), "年度", 6));
		    p += 6) {
			if (p - s < 4)
				continue;
			y = 0;
			for (k = 4; k > 0; k--) {
				char d = p[-(long)k];
				if (d < '0' || d > '9')
					break;
				y = y * 10 + (d - '0');
			}
			if (k == 0 && y >= 1990 && y <= 2099 &&
			    (p - s == 4 || p[-5] < '0' || p[-5] > '9'))
				year = y;
		}
		if (organ == NULL && (y = date_year(s, n)) != 0 && i > 0) {
			size_t j = i - 1;
			while (j > 0 && c->dl[j].len == 0)
				j--;
			if (is_organ(c->dl[j].text, c->dl[j].len)) {
				organ = c->dl[j].text;
				organlen = c->dl[j].len;
				dyear = y - 1;
			}
		}
	}
	if (organ != NULL) {
		if (!year)
			year = dyear;
		if ((rc = setkey(c, organ, organlen)) != 0)
			return rc;
		if (year)
			snprintf(c->key + organlen, 32, "%d年", year);
		return 0;
	}
	snprintf(num, sizeof(num), "#%ld", c->rundocs);
	return setkey(c, num, strlen(num));
}

static int
assign_key(goi_cleaner *c)
{
	uint64_t h;
	uint32_t i;
	size_t n, e;
	int rc;

	if (c->name != NULL) {
		n = strlen(c->name);
		if ((rc = setkey(c, c->name, n)) < 0)
			return rc;
		if (c->filedocs > 1)
			snprintf(c->key + n, 32, "#%d", c->filedocs);
	} else if ((rc = stdin_key(c)) < 0)
		return rc;
	if (key_used(c, h = key_hash(c->key))) {
		e = key_slot(c, h);
		n = strlen(c->key);
		for (i = c->knext[e]; ; i++) {
			snprintf(c->key + n, 32, "#%lu", (unsigned long)i);
			if (!key_used(c, key_hash(c->key)))
				break;
		}
		c->knext[e] = i + 1;
	}
	return key_add(c, key_hash(c->key));
}

/* ---- joining ----------------------------------------------------------- */

/* Leading TABs of a line. */
static size_t
tabs(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '\t')
		i++;
	return i;
}

/* One Han character, perhaps TAB-indented: its offset, else 0 (never an
 * offset 0 for a hit: we return offset + 1). */
static size_t
single_han(const char *s, size_t n)
{
	size_t t = tabs(s, n), k;
	int32_t ch;

	if (n - t > 4 || t == n || (unsigned char)s[t] < 0x80 ||
	    (k = goi_utf8_decode(s + t, n - t, &ch)) == 0 ||
	    t + k != n || !goi_is_han(ch))
		return 0;
	return t + 1;
}

/* An ordinal 三、 or (三), perhaps followed by one Han character. */
static int
ordinal_head(const char *s, size_t n)
{
	size_t t = tabs(s, n), i = t, k;
	int32_t ch;
	int digits = 0;

	if (i < n && s[i] == '(')
		i++;
	if (i >= n || ((unsigned char)s[i] != 0xE4 && (unsigned char)s[i] != 0xE5))
		return 0;	/* no numeral: 一 ... 十 start with E4 or E5 */
	while (i + 3 <= n && digits < 3) {
		int j;
		for (j = 0; numerals[j] != NULL; j++)
			if (memcmp(s + i, numerals[j], 3) == 0)
				break;
		if (numerals[j] == NULL)
			break;
		i += 3;
		digits++;
	}
	if (digits == 0)
		return 0;
	if (s[t] == '(') {
		if (i >= n || s[i] != ')')
			return 0;
		i++;
	} else {
		if (!starts(s + i, n - i, "、"))
			return 0;
		i += 3;
	}
	if (i == n)
		return 1;
	return (k = goi_utf8_decode(s + i, n - i, &ch)) != 0 && i + k == n &&
	    goi_is_han(ch);
}

/* The byte u[i] changes the bracket depths d (see brackets()). */
static void
bracket(const unsigned char *u, size_t i, size_t n, int d[4])
{
	switch (u[i]) {
	case '(': d[1]++; break;
	case ')': if (d[1] > 0) d[1]--; break;
	case '<': d[3]++; break;
	case '>': if (d[3] > 0) d[3]--; break;
	case 0xE3:
		if (i + 2 < n && u[i + 1] == 0x80) {
			switch (u[i + 2]) {
			case 0x8A: d[0]++; break;
			case 0x8B: if (d[0] > 0) d[0]--; break;
			case 0x94: d[2]++; break;
			case 0x95: if (d[2] > 0) d[2]--; break;
			}
		}
		break;
	}
}

/*
 * Bracket depths of 《》 () 〔〕 <> after s; closers without an opener are
 * ignored.  Only the last BRACKET_WINDOW bytes count: a bracket opened
 * earlier in a long line does not make it join the next (window 0: all).
 * With SSE2, sixteen bytes at a time (s[n] is NUL and s[n+1..n+17) must be
 * readable: see append()), and only ( ) < > and the first bytes of
 * 《 》 〔 〕 (E3 80 8A, 8B, 94, 95) are looked at, in order.
 */
#define BRACKET_WINDOW 256
static void
brackets(const char *s, size_t n, int d[4], int window)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = window && n > BRACKET_WINDOW ? n - BRACKET_WINDOW : 0;
#ifdef __SSE2__
	unsigned m;

	for (; i < n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(u + i));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(u + i + 1));
		__m128i v2 = _mm_loadu_si128((const __m128i *)(u + i + 2));
		__m128i cjk = _mm_and_si128(_mm_and_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3)),
		    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x80))),
		    _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x8A)),
		    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x8B))),
		    _mm_or_si128(_mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x94)),
		    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x95)))));

		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('(')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(')'))),
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('>')))), cjk));
		if (n - i < 16)
			m &= (1u << (n - i)) - 1;
		for (; m != 0; m &= m - 1)
			bracket(u, i + (size_t)__builtin_ctz(m), n, d);
	}
#else
	static const unsigned char hot[256] = {['('] = 1, [')'] = 1,
		['<'] = 1, ['>'] = 1, [0xE3] = 1};

	for (; i < n; i++)
		if (hot[u[i]])
			bracket(u, i, n, d);
#endif
}

static int
open_at_end(const int d[4])
{
	return d[0] || d[1] || d[2] || d[3];
}

/* A line of only | and spaces: a table's row separator. */
static int
separator(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != '|' && s[i] != ' ')
			return 0;
	return n > 0;
}

/* Append line l's text (after skip bytes) at arena offset *w, which is
 * before it: the texts of a document follow one another, NUL-separated. */
static void
move_text(goi_cleaner *c, size_t *w, const struct line *l, size_t skip)
{
	memmove(c->arena + *w, c->arena + l->off + skip, l->len - skip);
	*w += l->len - skip;
}

static int
alnum(unsigned char b)
{
	return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

/*
 * Say that line l goes into the line numbered to (before its text moves):
 * with -v every input line is accounted for, kept, joined or dropped.
 */
static void
joined(goi_cleaner *c, const struct line *l, long to)
{
	char why[48];

	if (c->sink.dropped == NULL)
		return;
	snprintf(why, sizeof(why), "joined to line %ld", to);
	report(c, l->no, why, c->arena + l->off, l->len);
}

/*
 * Join, in place: labels printed one Han character a line (自 / 然 / 人;
 * (三)不 / 予 / 公 / 开), then lines that end inside an open bracket with
 * the following lines that close it (at most three, no blank line between).
 * A joined line is written over the texts it takes, from where its first
 * line starts (it is no longer than they are with their NULs, a space
 * added at most once a line), so the lines after it stay where they are.
 */
/*
 * Line nl (a copy of line r) takes the texts of lines r+1 .. j-1, written
 * after its own.  The labels' pass drops the TABs that indent the lines it
 * takes; the brackets' pass puts a space between two letters or digits.
 */
static void
take(goi_cleaner *c, size_t nl, size_t r, size_t j, int bracketed)
{
	struct line *L = c->lines;
	size_t w, k;

	w = L[r].off + L[r].len;
	for (k = r + 1; k < j; k++) {
		joined(c, &L[k], L[r].no);
		if (!bracketed) {
			move_text(c, &w, &L[k], tabs(c->arena + L[k].off,
			    L[k].len));
			continue;
		}
		if (w > L[r].off && alnum((unsigned char)c->arena[w - 1]) &&
		    L[k].len > 0 && alnum((unsigned char)c->arena[L[k].off]))
			c->arena[w++] = ' ';
		move_text(c, &w, &L[k], 0);
	}
	L[nl].len = w - L[r].off;
	c->arena[w] = '\0';
}

static void
join(goi_cleaner *c)
{
	size_t r, nl = 0, j;
	struct line *L = c->lines;

	for (r = 0; r < c->nlines; r = j) {
		const char *s = c->arena + L[r].off;
		int plain = L[r].flags & L_PLAIN;
		int head = plain ? 0 : ordinal_head(s, L[r].len);
		size_t first = plain ? 0 : single_han(s, L[r].len);

		j = r + 1;
		if (head || first) {
			/* a run of single characters, none the same as the one
			 * before it (无 / 无 / 无 are table cells) */
			while (j < c->nlines && j - r < 40 &&
			    single_han(c->arena + L[j].off, L[j].len)) {
				const char *x = c->arena + L[j].off;
				const char *y = c->arena + L[j - 1].off;
				size_t a = single_han(x, L[j].len) - 1;
				size_t yl = L[j - 1].len;
				if (yl >= L[j].len - a && memcmp(x + a,
				    y + yl - (L[j].len - a), L[j].len - a) == 0)
					break;
				j++;
			}
			if (j - r - 1 < (head ? 2u : 1u))
				j = r + 1;
		}
		if (nl != r)
			L[nl] = L[r];
		if (j > r + 1)
			take(c, nl, r, j, 0);
		nl++;
	}
	c->nlines = nl;
	nl = 0;
	for (r = 0; r < c->nlines; r = j) {
		int d[4] = {0, 0, 0, 0};

		if (!(L[r].flags & L_PLAIN))
			brackets(c->arena + L[r].off, L[r].len, d, 1);
		j = r + 1;
		if (open_at_end(d)) {
			size_t k;
			for (k = r + 1; k < c->nlines && k <= r + 3; k++) {
				if (L[k].len == 0 ||
				    separator(c->arena + L[k].off, L[k].len))
					break;
				brackets(c->arena + L[k].off, L[k].len, d, 0);
				if (!open_at_end(d)) {
					j = k + 1;
					break;
				}
			}
		}
		if (nl != r)
			L[nl] = L[r];
		if (j > r + 1)
			take(c, nl, r, j, 1);
		nl++;
	}
	c->nlines = nl;
}

/* The current document goes out. */
static int
flush(goi_cleaner *c)
{
	size_t i;
	int rc;

	if (!(c->flags & GOI_CLEAN_KEEP))
		while (c->nlines > 0 && (c->lines[c->nlines - 1].flags & L_BLANK)) {
			c->nlines--;
			report(c, c->lines[c->nlines].no, "blank-line", "", 0);
		}
	if (c->nlines == 0) {
		c->alen = 0;
		c->has_body = c->maxsec = 0;
		c->tline = 0;
		return 0;
	}
	join(c);
	if ((rc = goi_grow(&c->dl, &c->dlcap, c->nlines, sizeof(*c->dl))) < 0)
		return rc;
	for (i = 0; i < c->nlines; i++) {
		c->dl[i].line = c->lines[i].no;
		c->dl[i].text = c->arena + c->lines[i].off;
		c->dl[i].len = c->lines[i].len;
	}
	c->filedocs++;
	c->rundocs++;
	if ((rc = assign_key(c)) < 0)
		return rc;
	rc = c->sink.doc(c->sink.ctx, c->key, c->dl, c->nlines);
	c->nlines = 0;
	c->alen = 0;
	c->has_body = c->maxsec = 0;
	c->tline = 0;
	return rc;
}

int
goi_cleaner_begin(goi_cleaner *c, const char *name)
{
	int rc = flush(c);

	free(c->name);
	c->name = NULL;
	if (name != NULL && (c->name = strdup(name)) == NULL)
		return GOI_ENOMEM;
	c->filedocs = 0;
	return rc;
}

int
goi_cleaner_end(goi_cleaner *c)
{
	return flush(c);
}

/* Line s[0..n) into the document's arena, with its flags. */
static int
store(goi_cleaner *c, long no, const char *s, size_t n, int flags)
{
	struct line *l;
	int rc;

	/* 17 bytes to spare after the text: brackets() reads them */
	if ((c->nlines + 1 > c->lcap &&
	    (rc = goi_grow(&c->lines, &c->lcap, c->nlines + 1, sizeof(*l))) < 0) ||
	    (c->alen + n + 1 + 17 > c->acap &&
	    (rc = goi_grow(&c->arena, &c->acap, c->alen + n + 1 + 17, 1)) < 0))
		return rc;
	l = &c->lines[c->nlines++];
	l->no = no;
	l->off = c->alen;
	l->len = n;
	l->flags = flags;
	memcpy(c->arena + c->alen, s, n);
	c->alen += n;
	memset(c->arena + c->alen, 0, 17 + 1);
	c->alen++;
	return 0;
}

/* Append a piece to the document, starting a new one at a boundary. */
static int
append(goi_cleaner *c, long no, const char *s, size_t n)
{
	int flags = 0, rc, sec;

	if (n == 0) {
		flags = L_BLANK;
		if (!(c->flags & GOI_CLEAN_KEEP) && (c->nlines == 0 ||
		    (c->lines[c->nlines - 1].flags & L_BLANK))) {
			report(c, no, "blank-line", "", 0);
			return 0;
		}
	} else if (is_title(s, n)) {
		flags = L_TITLE;
		if (c->has_body && (rc = flush(c)) != 0)
			return rc;
		if (c->tline == 0)
			c->tline = c->nlines + 1;
	} else if (is_overview(s, n) && c->maxsec >= 2) {
		if ((rc = flush(c)) != 0)
			return rc;
	} else if (is_meta(s, n))
		flags = L_META;
	if (n > 0 && !(flags & (L_TITLE | L_META)))
		c->has_body = 1;
	if ((sec = sec_number(s, n)) > c->maxsec)
		c->maxsec = sec;
	if (n > 120 && (sec = inline_sections(s, n)) > c->maxsec)
		c->maxsec = sec;
	return store(c, no, s, n, flags);
}

/* Chrome words only (and at least one)? */
static int
only_tokens(const goi_cleaner *c, const char *s, size_t n)
{
	size_t i = 0;
	int words = 0, j;
	int32_t ch;

	while (i < n) {
		ch = char_at(s + i, n - i);
		if (bit_has(c->tokchar, ch)) {
			for (j = ch < 128 ? c->tokfrom[ch] : 0; tokens[j] != NULL;
			    j++)
				if (c->tokch[j] == ch &&
				    starts_n(s + i, n - i, tokens[j], c->toklen[j]))
					break;
			if (tokens[j] != NULL) {
				i += c->toklen[j];
				words++;
				continue;
			}
		}
		if (!bit_has(c->sepchar, ch))
			return 0;
		for (j = ch < 128 ? c->sepfrom[ch] : 0; tokensep[j] != NULL; j++)
			if (c->sepch[j] == ch &&
			    starts_n(s + i, n - i, tokensep[j], c->seplen[j]))
				break;
		if (tokensep[j] == NULL)
			return 0;
		i += c->seplen[j];
	}
	return words > 0;
}

/* The rules with a word at the start of s[0..n): bit i for rules[i]. */
static unsigned
lead_rules(const goi_cleaner *c, const char *s, size_t n)
{
	int32_t ch;
	size_t h;

	if (n == 0 || !bit_has(c->lead, ch = char_at(s, n)))
		return 0;
	if (c->nlead < 0)
		return ~0u;
	for (h = LEADSLOT(ch); c->leadh[h].key != 0; h = (h + 1) & 127)
		if (c->leadh[h].key == ch + 1)
			return c->leadh[h].rules;
	return 0;
}

/* Does s end with one of the words of rule i's tail? */
static int
tail_any(const goi_cleaner *c, size_t i, const char *s, size_t n)
{
	const struct word *w;

	for (w = c->tails[i]; w->len > 0; w++)
		if (ends_n(s, n, w->p, w->len))
			return 1;
	return 0;
}

/*
 * Does s start with one of the words of rule i's lit?  2 if so and the
 * word makes rule i's re match s (see sure_words(), head_words(); *eo:
 * where the match ends, for R_HEAD and R_TAIL), else 1, else 0.
 */
static int
lit_any(const goi_cleaner *c, size_t i, const char *s, size_t n, size_t *eo)
{
	const struct word *w;
	int any = 0;

	for (w = c->words[i]; w->len > 0; w++)
		if (s[0] == w->p[0] && starts_n(s, n, w->p, w->len)) {
			switch (w->sure) {
			case SURE_HEADSPACE:
				*eo = w->len + (n > w->len && s[w->len] == ' ');
				return 2;
			case SURE_HEAD:
				*eo = w->len;
				/* FALLTHROUGH */
			case SURE_ANY:
				return 2;
			case SURE_SPACE:
				if (n == w->len + 1 && s[w->len] == ' ')
					return 2;
				/* FALLTHROUGH */
			case SURE_ALL:
				if (n == w->len)
					return 2;
				break;
			}
			any = 1;
		}
	return any;
}

/* Remove s[a..b) from the piece of length *n. */
static void
cut(char *s, size_t *n, size_t a, size_t b)
{
	memmove(s + a, s + b, *n - b);
	*n -= b - a;
	s[*n] = '\0';
}

/*
 * Apply the debris rules to s[0..n) (NUL-terminated, writable).  Returns
 * the new length, or (size_t)-1 when the whole line goes.
 */
static size_t
debris(goi_cleaner *c, long no, char *s, size_t n)
{
	size_t i, from, at, eo = 0;
	regmatch_t m[1];
	const struct rule *r;
	int changed = 0, lit;
	unsigned may, fired;
	const char *p;

	/* no trigger, and no rule word starts the line: nothing to do */
	may = lead_rules(c, s, n);
	if (!(c->trig & c->cutbits) && may == 0)
		return n;
	fired = c->fired[c->trig & (NTRIG - 1)];	/* the cut rules triggered */
	for (i = 0; i < NRULES; i++) {
		/* only rules that can match: triggered, or a word starts s */
		unsigned want = (may | fired) >> i;
		if (want == 0)
			break;
		for (; !(want & 1); want >>= 1)
			i++;
		r = &rules[i];
		lit = 0;
		if (r->kind != R_CUT) {
			if (n > r->maxlen || n == 0)
				continue;
			if (r->lit != NULL && (lit = lit_any(c, i, s, n, &eo)) == 0)
				continue;
			if (r->tail != NULL && !tail_any(c, i, s, n))
				continue;
		}
		switch (r->kind) {
		case R_CUT:
			if (!(c->trig & c->rulebit[i]))
				break;
			from = 0;
			while (from < n && (p = goi_memfind(s + from, n - from, r->lit,
			    strlen(r->lit))) != NULL) {
				at = (size_t)(p - s);
				/* start a character before: 【 may lead */
				m[0].rm_so = (regoff_t)(at >= 3 ? at - 3 : 0);
				while (m[0].rm_so > 0 &&
				    ((unsigned char)s[m[0].rm_so] & 0xC0) == 0x80)
					m[0].rm_so--;
				m[0].rm_eo = (regoff_t)(n - at > 1024 ? at + 1024 : n);
				while ((size_t)m[0].rm_eo < n &&
				    ((unsigned char)s[m[0].rm_eo] & 0xC0) == 0x80)
					m[0].rm_eo++;
				if (regexec(&c->re[i], s, 1, m,
				    REG_STARTEND | (m[0].rm_so > 0 ? REG_NOTBOL : 0)) != 0 ||
				    m[0].rm_eo == m[0].rm_so) {
					from = at + 1;
					continue;
				}
				report(c, no, r->name, s + m[0].rm_so,
				    (size_t)(m[0].rm_eo - m[0].rm_so));
				cut(s, &n, (size_t)m[0].rm_so, (size_t)m[0].rm_eo);
				from = (size_t)m[0].rm_so;
				changed = 1;
				may = lead_rules(c, s, n);
			}
			break;
		case R_HEAD:
		case R_TAIL:
			if (lit == 2)
				m[0].rm_eo = (regoff_t)eo;
			else if (regexec(&c->re[i], s, 1, m, 0) != 0)
				break;
			if (r->kind == R_HEAD) {
				if ((size_t)m[0].rm_eo == n)
					break;
				report(c, no, r->name, s, (size_t)m[0].rm_eo);
				cut(s, &n, 0, (size_t)m[0].rm_eo);
			} else {
				if ((size_t)m[0].rm_eo == n)
					break;
				report(c, no, r->name, s + m[0].rm_eo,
				    n - (size_t)m[0].rm_eo);
				cut(s, &n, (size_t)m[0].rm_eo, n);
			}
			changed = 1;
			may = lead_rules(c, s, n);
			break;
		case R_DROP:
			if (lit != 2 && regexec(&c->re[i], s, 0, NULL, 0) != 0)
				break;
			report(c, no, r->name, s, n);
			return (size_t)-1;
		case R_TOKENS:
			if (!only_tokens(c, s, n))
				break;
			report(c, no, r->name, s, n);
			return (size_t)-1;
		}
	}
	if (changed) {
		n = goi_clean_spaces(s, n);
		s[n] = '\0';
		if (n == 0)
			return (size_t)-1;	/* all of it was debris */
	}
	return n;
}

/* A piece of a line: debris, then into the document. */
static int
piece(goi_cleaner *c, long no, char *s, size_t n)
{
	char save = s[n];
	size_t m;
	int rc;

	if (!(c->flags & GOI_CLEAN_KEEP) && n > 0) {
		s[n] = '\0';
		m = debris(c, no, s, n);
		if (m == (size_t)-1) {
			s[n] = save;
			return 0;
		}
		rc = append(c, no, s, m);
		s[n] = save;
		return rc;
	}
	return append(c, no, s, n);
}

/*
 * Where a document boundary falls inside a line (files without a final
 * newline, concatenated): the offset of the second part, else 0.  The
 * boundaries: a breadcrumb (当前位置...) at the end, 附件加载中... followed
 * by more text, 一、总体情况 (or another first heading) at the end, a title
 * at the end after a sentence or a date.
 */
static size_t
split_point(const char *s, size_t n, unsigned trig, int titled)
{
	const char *p;
	size_t i, k, from;

	if (n < 12)
		return 0;
	from = n > 300 ? n - 300 : 1;
	if ((trig & MARK_HERE) &&
	    (p = goi_memfind(s + from, n - from, "当前位置", 12)) != NULL)
		return (size_t)(p - s);
	if ((trig & MARK_ATTACH) && (p = goi_memfind(s, n, "附件加载中", 15)) != NULL) {
		if (p > s)
			return (size_t)(p - s);
		i = 15;
		while (i < n && (s[i] == '.' || starts(s + i, n - i, "。")))
			i += s[i] == '.' ? 1 : 3;
		if (i < n)
			return i;
	}
	/* a first heading at the end: 一、 and an overview word of 2 or 4
	 * characters (see is_overview), so 一、 starts 12 or 18 bytes before
	 * the end */
	if ((n > 12 && starts(s + n - 12, 12, "一、")) ||
	    (n > 18 && starts(s + n - 18, 18, "一、"))) {
		for (i = 0; overview[i] != NULL; i++) {
			k = 6 + strlen(overview[i]);
			if (n > k && is_overview(s + n - k, k))
				return n - k;
		}
	}
	if (!titled && n > 18 && (ends(s, n, "年度报告") || ends(s, n, "年报")) &&
	    !is_title(s, n)) {
		i = n > 200 ? n - 200 : 0;
		for (; i < n; i++) {
			size_t at = 0;
			if (starts(s + i, n - i, "。") || starts(s + i, n - i, "日"))
				at = i + 3;
			else if (s[i] == ';' || s[i] == '!' || s[i] == '?' ||
			    s[i] == '.' || s[i] == ')')
				at = i + 1;
			if (at && at < n && is_title(s + at, n - at))
				return at;
		}
	}
	return 0;
}

/* The length of the Han character or bracket of a name at s, else 0. */
static size_t
name_char(const char *s, size_t n)
{
	int32_t ch;

	if (n == 0)
		return 0;
	if (s[0] == '(' || s[0] == ')')
		return 1;
	if ((ch = char_at(s, n)) < 0 || !goi_is_han(ch))
		return 0;
	return ch < 0x10000 ? 3 : 4;	/* Han: from U+3400 */
}

/* The start of the character before s + i (i > 0). */
static size_t
prev_char(const char *s, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	return i;
}

static int
digit(char b)
{
	return b >= '0' && b <= '9';
}

/* The length of s up to its first year (4 digits before 年), else 0. */
static size_t
year_end(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 7 <= n; i++)
		if (digit(s[i]) && digit(s[i + 1]) && digit(s[i + 2]) &&
		    digit(s[i + 3]) && starts(s + i + 4, n - i - 4, "年"))
			return i + 4;
	return 0;
}

/*
 * Is the title s[0..n) the current document's: the same year after the
 * same organ, or one organ ending the other (spaces between CJK are gone,
 * so 年报 甲乡2020年... reads 年报甲乡2020年...)?
 */
static int
same_title(const goi_cleaner *c, const char *s, size_t n)
{
	const char *t;
	size_t a, b, m;

	if (c->tline == 0)
		return 0;
	t = c->arena + c->lines[c->tline - 1].off;
	m = c->lines[c->tline - 1].len;
	a = year_end(t, m);
	b = year_end(s, n);
	if (a == 0 || b == 0)
		return m == n && memcmp(t, s, n) == 0;
	return a <= b ? memcmp(t, s + b - a, a) == 0 :
	    memcmp(t + a - b, s, b) == 0;
}

/*
 * What may follow a title that starts a report inside a line: the end, a
 * space, the first words of a report or of its page chrome, or the
 * addressee (柏安市政务服务管理局:) - not 有关事项的通知, 如下, 。 ...
 */
static int
opens_report(const char *s, size_t n)
{
	static const char *const first[] = {"本报告", "根据", "依据", "按照",
		"现将", "一、", "(一)", "发布时间", "发布日期", "来源", "时间:",
		"标题", "当前位置", NULL};
	size_t i, k;
	int j;

	if (n == 0 || s[0] == ' ')
		return 1;
	for (j = 0; first[j] != NULL; j++)
		if (startsz(s, n, first[j]))
			return 1;
	for (i = 0; i < n && i < 60 && (k = name_char(s + i, n - i)) > 0; i += k)
		;
	return i >= 6 && i < n && s[i] == ':';
}

/* Does s[0..n) hold a word of sentence[]?  Only where the first two bytes
 * of one stand are the words compared. */
static int
has_sentence(const goi_cleaner *c, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;
	int j;

	for (i = 0; i + 1 < n; i++)
		if (c->sentpair[u[i] << 5 | u[i + 1] >> 3] >> (u[i + 1] & 7) & 1)
			for (j = 0; sentence[j] != NULL; j++)
				if (starts_n(s + i, n - i, sentence[j],
				    c->sentlen[j]))
					return 1;
	return 0;
}

/*
 * A title that starts a new report inside a line (files without a final
 * newline, concatenated; a report written on one line): organ, year and
 * ...政府信息公开工作年度报告, after the start of the line, a space, a
 * digit, 。 and the like, a date (2021年1月20日), 附件下载 or 标题:, and
 * followed by what opens_report() accepts: not in a path (/80791_...), a
 * table cell (TAB, |) or a sentence (the organ holds no 关于, 现将 ...).
 * Where to split: before the title (before its 标题: label), or after it
 * when it starts the line; 0 for none.  Only where a new document starts:
 * the current one has a body (or a sentence comes before the title on
 * this line) and another title.
 */
static size_t
inline_title(const goi_cleaner *c, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t q, e, h, y, o, k, sp;
	int ok, cut;

	while ((p = goi_memfind(p, (size_t)(end - p), "年度报告", 12)) != NULL) {
		q = (size_t)(p - s);
		e = q + 12;
		p = s + e;
		if (!opens_report(s + e, n - e))
			continue;
		/* back over the name characters to 年 after the year */
		for (h = q; h > 0 && q - h < 150; h = k) {
			k = prev_char(s, h);
			if (name_char(s + k, h - k) == 0)
				break;
		}
		if (h < 4 || !starts(s + h, n - h, "年") ||
		    !digit(s[h - 1]) || !digit(s[h - 2]) || !digit(s[h - 3]) ||
		    (s[h - 4] != '1' && s[h - 4] != '2'))
			continue;
		y = h - 4;
		if (y > 0 && digit(s[y - 1]))
			continue;
		/* back over the organ, 30 characters at most */
		for (ok = 1, o = y; o > 0; o = k) {
			k = prev_char(s, o);
			if (name_char(s + k, o - k) == 0)
				break;
			if (y - k > 90) {
				ok = 0;
				break;
			}
		}
		if (!ok)
			continue;
		for (cut = 0;; cut = 1)
			if (starts(s + o, y - o, "附件下载") ||
			    starts(s + o, y - o, "文件下载"))
				o += 12;
			else if (o > 0 && digit(s[o - 1]) &&
			    starts(s + o, y - o, "日"))
				o += 3;
			else
				break;
		if (has_sentence(c, s + o, y - o) || starts(s + o, y - o, "本") ||
		    !is_title(s + o, e - o) || same_title(c, s + o, e - o))
			continue;
		sp = o;
		if (o >= 8 && memcmp(s + o - 8, "标题: ", 8) == 0)
			sp = o - 8;
		else if (o >= 7 && memcmp(s + o - 7, "标题:", 7) == 0)
			sp = o - 7;
		if (sp > 0 && sp == o && !cut && s[sp - 1] != ' ' && !digit(s[sp - 1]) &&
		    !strchr(".;!?)", s[sp - 1]) && !ends_n(s, sp, "。", 3))
			continue;
		if (!c->has_body && !has(s, sp, "。"))
			continue;
		if (sp > 0)
			return sp;
		if (e < n)
			return e;
	}
	return 0;
}

/* Does s[0..n) hold a space?  s[n..n+16) must be readable and not
 * spaces. */
static int
has_space(const char *s, size_t n)
{
#ifdef __SSE2__
	size_t i;

	for (i = 0; i < n; i += 16)
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_set1_epi8(' '),
		    _mm_loadu_si128((const __m128i *)(s + i)))))
			return 1;
	return 0;
#else
	return memchr(s, ' ', n) != NULL;
#endif
}

/* The first split of s[0..n): split_point(), or a title inside it. */
static size_t
next_split(const goi_cleaner *c, const char *s, size_t n)
{
	size_t t = 0, at;

	if ((c->trig & MARK_REPORT) && n >= 18)
		t = inline_title(c, s, n);
	at = split_point(s, n, c->trig, t > 0);
	return t > 0 && (at == 0 || t < at) ? t : at;
}

int
goi_cleaner_line(goi_cleaner *c, long no, const char *s, size_t n)
{
	size_t at;
	char *w;
	int rc;

	/*
	 * The plain lane: most lines of a table laid out one cell a line
	 * are a number, a | or a TAB.  A line of fewer than 12 plain bytes
	 * (no space to squeeze, no mark to trigger a cut, no split: see
	 * split_point()) that starts with no rule's first character, but
	 * perhaps a separator of chrome words (|), has no debris (no chrome
	 * word can start in it) and is no title, heading or metadata: it
	 * goes straight in.
	 */
	if (n > 0 && n < 12 && (unsigned char)s[0] < 128 &&
	    c->plainfirst[(unsigned char)s[0]]) {
		size_t i = 0;
		char *a;
		struct line *l;

		if (c->nlines == c->lcap || c->alen + 32 > c->acap) {
			while (i < n && c->plain[(unsigned char)s[i]])
				i++;
		} else {
			/* as store() would, copied while checked: the bytes
			 * after alen are free until alen moves */
			a = c->arena + c->alen;
			memset(a, 0, 32);	/* the NUL and 17 spare bytes */
			for (; i < n && c->plain[(unsigned char)s[i]]; i++)
				a[i] = s[i];
			if (i == n) {
				c->trig = 0;
				c->has_body = 1;
				l = &c->lines[c->nlines++];
				l->no = no;
				l->off = c->alen;
				l->len = n;
				l->flags = L_PLAIN;
				c->alen += n + 1;
				return 0;
			}
		}
		if (i == n) {
			c->trig = 0;
			c->has_body = 1;
			return store(c, no, s, n, L_PLAIN);
		}
	}
	if (n + 17 > c->wcap && (rc = goi_grow(&c->work, &c->wcap, n + 17, 1)) < 0)
		return rc;
	w = c->work;
	memcpy(w, s, n);
	memset(w + n, 0, 17);	/* a NUL, and room for triggers() */
	if (has_space(w, n)) {
		n = goi_clean_spaces(w, n);
		memset(w + n, 0, 17);
	}
	c->trig = triggers(w, n);
	while (n > 0 && (at = next_split(c, w, n)) > 0 && at < n) {
		if ((rc = piece(c, no, w, at)) != 0)
			return rc;
		w += at;
		n -= at;
	}
	return piece(c, no, w, n);
}
