/*
 * docinfo.c - what a report says about itself: its title, the organ that
 * wrote it, the report year, the 统计期限, the publication date of the web
 * page and the date under the signature.
 *
 * Everything is read from bounded windows at the top of the document and
 * from the signature that goi_signature_find() locates at its end; long
 * scraped lines are only looked at in their first few kilobytes.
 */
#include <stdio.h>
#include <string.h>

#include "goi.h"

#define HEAD_LINES 60		/* where the title, period, date are looked for */
#define HEAD_BYTES 4096		/* of a long line, only its start */

static int
startswith(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* ---- dates -------------------------------------------------------------- */

/* Digits of a CJK year (二〇二一) and small numbers (十二, 二十一). */
static int
cjkdigit(const char *s)
{
	static const char *const d[] = {
		"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "零"
	};
	unsigned char c = (unsigned char)s[0];
	int i;

	/* all start with E3, E4, E5 or E9: most text is out at once */
	if (c != 0xe3 && c != 0xe4 && c != 0xe5 && c != 0xe9)
		return -1;
	for (i = 0; i < 11; i++)
		if (startswith(s, d[i]))
			return i == 10 ? 0 : i;
	return -1;
}

/* A number of at most maxd ASCII digits or a CJK numeral up to 31. */
static size_t
number(const char *s, size_t n, int maxd, int *v)
{
	size_t i = 0;
	int d, t;

	*v = 0;
	while (i < n && (int)i < maxd && s[i] >= '0' && s[i] <= '9')
		*v = *v * 10 + (s[i++] - '0');
	if (i > 0)
		return i;
	if (maxd == 4) {			/* 二〇二一 */
		for (t = 0; t < 4; t++) {
			if (i + 3 > n || (d = cjkdigit(s + i)) < 0)
				return 0;
			*v = *v * 10 + d;
			i += 3;
		}
		return i;
	}
	/* 三, 十, 十二, 二十, 二十一, 三十一 */
	if (i + 3 <= n && (d = cjkdigit(s)) > 0) {
		*v = d;
		i = 3;
	}
	if (i + 3 <= n && startswith(s + i, "十")) {
		*v = (*v == 0 ? 1 : *v) * 10;
		i += 3;
		if (i + 3 <= n && (d = cjkdigit(s + i)) > 0) {
			*v += d;
			i += 3;
		}
	}
	return i;
}

size_t
goi_date_scan(const char *s, size_t n, int *y, int *m, int *d)
{
	size_t i = 0, k;
	char sep;

	*y = *m = *d = 0;
	if ((k = number(s, n, 4, y)) == 4 || k == 12) {
		i = k;
		if (i + 3 <= n && startswith(s + i, "年")) {
			i += 3;
			if ((k = number(s + i, n - i, 2, m)) == 0 ||
			    i + k + 3 > n || !startswith(s + i + k, "月"))
				goto fail;
			i += k + 3;
			if ((k = number(s + i, n - i, 2, d)) != 0 &&
			    i + k + 3 <= n && (startswith(s + i + k, "日") ||
			    startswith(s + i + k, "号")))
				i += k + 3;
			else
				*d = 0;
		} else if (k == 4 && i < n && (s[i] == '-' || s[i] == '.' ||
		    s[i] == '/')) {
			sep = s[i++];
			if ((k = number(s + i, n - i, 2, m)) == 0 || i + k >= n ||
			    s[i + k] != sep)
				goto fail;
			i += k + 1;
			if ((k = number(s + i, n - i, 2, d)) == 0)
				goto fail;
			i += k;
		} else
			goto fail;
		if (*y < 1949 || *y > 2199)
			goto fail;
	} else {
		/* 12月31日, the second half of a period */
		*y = 0;
		if ((k = number(s, n, 2, m)) == 0 || k + 3 > n ||
		    !startswith(s + k, "月"))
			goto fail;
		i = k + 3;
		if ((k = number(s + i, n - i, 2, d)) == 0 || i + k + 3 > n ||
		    !(startswith(s + i + k, "日") || startswith(s + i + k, "号")))
			goto fail;
		i += k + 3;
	}
	if (*m < 1 || *m > 12 || *d < 0 || *d > 31)
		goto fail;
	return i;
fail:
	*y = *m = *d = 0;
	return 0;
}

static void
isodate(char out[11], int y, int m, int d)
{
	if (y > 0 && m > 0 && d > 0)
		snprintf(out, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	else
		out[0] = '\0';
}

/* ---- helpers ------------------------------------------------------------ */

/* Copy s (n bytes) into out (size), cut at a UTF-8 boundary, spaces trimmed. */
static void
copytrim(char *out, size_t size, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0)
		s += 3, n -= 3;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	while (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
		n -= 3;
	if (n > size - 1) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

/* Bytes of line L worth looking at. */
static size_t
headlen(const goi_docline *L)
{
	size_t n = L->len < HEAD_BYTES ? L->len : HEAD_BYTES;

	while (n > 0 && n < L->len && ((unsigned char)L->text[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* Does the code point before s+i (ending at i) delimit a title? */
static size_t
titlestart(const char *s, size_t i)
{
	static const char *const delim[] = {
		"\xe3\x80\x80", "：", "》", "《", "。", "，", "；", "】", "】",
		"”", "“", "、", "）",
	};
	size_t k;

	while (i > 0) {
		unsigned char c = (unsigned char)s[i - 1];
		if (c < 0x80) {
			if (c == ' ' || c == '\t' || c == ':' || c == '>' ||
			    c == '|' || c == ')' || c == ']' || c == ',' ||
			    c == ';' || c == '"')
				return i;
			i--;
			continue;
		}
		for (k = 0; k < sizeof(delim) / sizeof(delim[0]); k++) {
			size_t l = strlen(delim[k]);
			if (i >= l && memcmp(s + i - l, delim[k], l) == 0)
				return i;
		}
		do
			i--;
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80);
	}
	return 0;
}

static const char *
memstr(const char *s, size_t n, const char *p)
{
	return goi_memfind(s, n, p, strlen(p));
}

/* The title in line L: …政府信息公开…报告, short, not inside 《》. */
static int
findtitle(const goi_docline *L, goi_docinfo *info)
{
	const char *s = L->text, *p;
	size_t n = headlen(L), i, st, e;
	for (i = 0; (p = memstr(s + i, n - i, "报告")) != NULL;
	    i = (size_t)(p - s) + 6) {
		e = (size_t)(p - s) + 6;
		st = titlestart(s, (size_t)(p - s));
		if (st >= 3 && memcmp(s + st - 3, "《", 3) == 0)
			continue;
		if (e - st > 3 * 80 || e - st < 12)
			continue;
		if (memstr(s + st, e - st, "信息公开") == NULL &&
		    memstr(s + st, e - st, "政务公开") == NULL)
			continue;
		if (memstr(s + st, e - st, "关于") != NULL ||
		    memstr(s + st, e - st, "年") == NULL ||
		    startswith(s + st, "本报告") || startswith(s + st, "根据") ||
		    startswith(s + st, "按照"))
			continue;
		copytrim(info->title, sizeof(info->title), s + st, e - st);
		info->title_line = L->line;
		return 1;
	}
	return 0;
}

/* A year in folded s: 2020年 2020年度 二〇二〇年; its offset and length. */
static int
findyear(const char *s, size_t n, size_t *at, size_t *len)
{
	size_t i, k;
	int y;

	for (i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			continue;
		if ((k = number(s + i, n - i, 4, &y)) != 4 && k != 12)
			continue;
		if (y < 1990 || y > 2199 || i + k + 3 > n ||
		    !startswith(s + i + k, "年"))
			continue;
		*at = i;
		*len = k + 3;
		if (startswith(s + i + *len, "度"))
			*len += 3;
		return y;
	}
	return 0;
}

/* organ and year from the title: the title minus year and report words. */
static void
fromtitle(goi_docinfo *info)
{
	static const char *const words[] = {
		"政府信息公开", "政务公开", "信息公开", "年度报告", "工作报告",
	};
	char w[512];
	size_t pos[512], wn, cut, at, yl, i, a, b;
	const char *p;
	int y;

	wn = goi_fold(info->title, strlen(info->title), w, sizeof(w), pos);
	for (cut = wn, i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if ((p = strstr(w, words[i])) != NULL && (size_t)(p - w) < cut)
			cut = (size_t)(p - w);
	if ((y = findyear(w, wn, &at, &yl)) != 0)
		info->year = y;
	a = 0;
	b = cut;
	if (y != 0 && at < cut) {
		if (at + yl >= cut)
			b = at;			/* 某局2020年政府信息公开… */
		else if (at == 0)
			a = at + yl;		/* 2020年某局政府信息公开… */
		else
			b = at;
	}
	if (b >= a + 6 && strncmp(w + b - 6, "关于", 6) == 0)
		b -= 6;
	for (;;) {
		if (b > a && (w[b - 1] == '(' || w[b - 1] == '['))
			b--;
		else if (b >= a + 3 && strncmp(w + b - 3, "【", 3) == 0)
			b -= 3;
		else
			break;
	}
	if (b > a)
		copytrim(info->organ, sizeof(info->organ), info->title + pos[a],
		    pos[b] - pos[a]);
}

/* 统计期限为2020年1月1日至2020年12月31日 */
static int
findperiod(const goi_docline *L, goi_docinfo *info)
{
	static const char *const keys[] = {
		"统计期限", "统计时限", "统计区间", "统计周期", "统计时间",
	};
	static const char *const skip[] = {
		" ", "\xe3\x80\x80", "均为", "为", "是", ":", "：", "从",
	};
	static const char *const stop[] = {
		"。", "；", "，", ";", ",", "\t",
	};
	const char *s = L->text, *p = NULL, *e;
	size_t n = headlen(L), i, k, pn, wn, dn;
	char w[256];
	int y, m, d, y0 = 0, got = 0;

	if (memstr(s, n, "统计") == NULL)	/* what every key starts with */
		return 0;
	for (k = 0; k < sizeof(keys) / sizeof(keys[0]) && p == NULL; k++)
		p = memstr(s, n, keys[k]);
	if (p == NULL)
		return 0;
	p += 12;
	for (k = 0; k < sizeof(skip) / sizeof(skip[0]); k++)
		if (startswith(p, skip[k])) {
			p += strlen(skip[k]);
			k = (size_t)-1;
		}
	e = s + L->len;
	for (k = 0; k < sizeof(stop) / sizeof(stop[0]); k++) {
		const char *q = memstr(p, (size_t)(e - p), stop[k]);
		if (q != NULL && q < e)
			e = q;
	}
	pn = (size_t)(e - p);
	copytrim(info->period, sizeof(info->period), p, pn);
	if (info->period[0] == '\0')
		return 0;
	info->period_line = L->line;
	wn = goi_fold(info->period, strlen(info->period), w, sizeof(w), NULL);
	for (i = 0; i < wn && got < 2; i++) {
		if (i > 0 && w[i - 1] >= '0' && w[i - 1] <= '9')
			continue;
		if ((dn = goi_date_scan(w + i, wn - i, &y, &m, &d)) == 0)
			continue;
		if (got == 0 && y == 0)
			continue;
		if (y == 0)
			y = y0;
		isodate(got == 0 ? info->period_from : info->period_to, y, m, d);
		y0 = y;
		got++;
		i += dn - 1;
	}
	return 1;
}

/* 发布时间:2021-01-05, 发布日期：2023-02-20 15:07 */
static int
findpublished(const goi_docline *L, goi_docinfo *info)
{
	static const char *const keys[] = {
		"发布时间", "发布日期", "发文日期", "成文日期", "公开日期",
		"印发日期",
	};
	const char *s = L->text, *p;
	size_t n = headlen(L), k, wn;
	char w[64];
	int y, m, d;

	/* every key ends with 日期 or 时间 */
	if (memstr(s, n, "日期") == NULL && memstr(s, n, "时间") == NULL)
		return 0;
	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		if ((p = memstr(s, n, keys[k])) == NULL)
			continue;
		p += 12;
		wn = goi_fold(p, (size_t)(s + L->len - p) < 48 ?
		    (size_t)(s + L->len - p) : 48, w, sizeof(w), NULL);
		k = (w[0] == ':') ? 1 : 0;
		if (goi_date_scan(w + k, wn - k, &y, &m, &d) == 0 || y == 0 ||
		    d == 0)
			return 0;
		isodate(info->published, y, m, d);
		info->published_line = L->line;
		return 1;
	}
	return 0;
}

int
goi_docinfo_read(const goi_doc *doc, goi_docinfo *info)
{
	goi_signature sig;

	return goi_docinfo_read_sig(doc, info, goi_signature_find(doc, &sig) ?
	    &sig : NULL);
}

int
goi_docinfo_read_sig(const goi_doc *doc, goi_docinfo *info,
    const goi_signature *sig)
{
	size_t li, lim;
	char w[512];
	size_t wn, at, yl;

	memset(info, 0, sizeof(*info));
	lim = doc->nlines < HEAD_LINES ? doc->nlines : HEAD_LINES;
	for (li = 0; li < lim; li++) {
		const goi_docline *L = &doc->lines[li];
		if (info->title_line == 0)
			findtitle(L, info);
		if (info->period_line == 0)
			findperiod(L, info);
		if (info->published_line == 0)
			findpublished(L, info);
	}
	if (info->title_line != 0)
		fromtitle(info);
	if (sig != NULL) {
		const goi_docline *D = &doc->lines[sig->date_li];
		isodate(info->signed_date, sig->y, sig->m, sig->d);
		if (info->signed_date[0] != '\0')
			info->signed_line = D->line;
		if (info->organ[0] == '\0') {
			if (sig->li != sig->date_li)
				copytrim(info->organ, sizeof(info->organ),
				    doc->lines[sig->li].text,
				    doc->lines[sig->li].len);
			else if (sig->off < sig->date_off)
				copytrim(info->organ, sizeof(info->organ),
				    D->text + sig->off, sig->date_off - sig->off);
		}
		/* A report is signed in the first months of the next year. */
		if (info->year == 0)
			info->year = sig->m <= 6 ? sig->y - 1 : sig->y;
	}
	if (info->year == 0 && info->period_from[0] != '\0')
		info->year = (info->period_from[0] - '0') * 1000 +
		    (info->period_from[1] - '0') * 100 +
		    (info->period_from[2] - '0') * 10 +
		    (info->period_from[3] - '0');
	/* Last resort: the first 2017年度 of the text. */
	for (li = 0; li < doc->nlines && info->year == 0; li++) {
		const goi_docline *L = &doc->lines[li];
		const char *p = memstr(L->text, headlen(L), "年度");
		if (p == NULL || p - L->text < 4)
			continue;
		wn = goi_fold(p - (p - L->text < 12 ? p - L->text : 12),
		    (size_t)(p - L->text < 12 ? p - L->text : 12) + 6, w,
		    sizeof(w), NULL);
		info->year = findyear(w, wn, &at, &yl);
	}
	return 0;
}
