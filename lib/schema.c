/*
 * schema.c - the 2019 and 2021 table formats as data.
 *
 * Tables, rows and columns are listed in printed order.  Each item has its
 * stable key, the official label (as SPEC section 1.1 gives it; --labels and
 * --pretty print it) and the spellings the extractor matches: the
 * distinctive part of the label and the variants and typos seen in real
 * reports.  Matching is done on normalized text (see table.c): width,
 * spaces, brackets, punctuation and ordinals are ignored and traditional
 * characters are folded, so a variant only needs listing when its words
 * differ.  Adding a variant is one line here.
 */
#include <string.h>

#include "goi.h"

#define V(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---- art20_1 ---- */
static const goi_schema_item a1_rows19[] = {
	{"rules", "规章", V("规章")},
	{"normative", "规范性文件", V("规范性文件")},
};
static const goi_schema_item a1_rows21[] = {
	{"rules", "规章", V("规章")},
	{"normative", "行政规范性文件", V("行政规范性文件", "规范性文件")},
};
static const goi_schema_item a1_cols19[] = {
	{"made", "本年新制作数量", V("本年新制作数量", "本年新制作")},
	{"published", "本年新公开数量", V("本年新公开数量", "本年新公开")},
	{"total_public", "对外公开总数量", V("对外公开总数量")},
};
static const goi_schema_item a1_cols21[] = {
	{"issued", "本年制发件数", V("本年制发件数", "本年新制发件数")},
	{"repealed", "本年废止件数", V("本年废止件数")},
	{"in_force", "现行有效件数", V("现行有效件数")},
};

/* ---- art20_5, art20_6 ---- */
static const goi_schema_item a5_rows19[] = {
	{"licensing", "行政许可", V("行政许可")},
	{"other_services", "其他对外管理服务事项",
	    V("其他对外管理服务事项", "其他对外管理服务")},
};
static const goi_schema_item a5_rows21[] = {
	{"licensing", "行政许可", V("行政许可")},
};
static const goi_schema_item a6_rows[] = {
	{"penalty", "行政处罚", V("行政处罚")},
	{"coercion", "行政强制", V("行政强制")},
};
static const goi_schema_item a5_cols19[] = {
	{"prev_items", "上一年项目数量", V("上一年项目数量", "上年项目数量")},
	{"change", "本年增/减", V("本年增减", "本年增加减少")},
	{"decisions", "处理决定数量", V("处理决定数量")},
};
static const goi_schema_item a5_cols21[] = {
	{"decisions", "本年处理决定数量",
	    V("本年处理决定数量", "处理决定数量")},
};

/* ---- art20_8, art20_9 ---- */
static const goi_schema_item a8_rows[] = {
	{"fees", "行政事业性收费", V("行政事业性收费")},
};
static const goi_schema_item a8_cols19[] = {
	{"prev_items", "上一年项目数量", V("上一年项目数量", "上年项目数量")},
	{"change", "本年增/减", V("本年增减", "本年增加减少")},
};
static const goi_schema_item a8_cols21[] = {
	{"amount", "本年收费金额（单位：万元）",
	    V("本年收费金额单位万元", "本年收费金额")},
};
static const goi_schema_item a9_rows[] = {
	{"procurement", "政府集中采购", V("政府集中采购")},
};
static const goi_schema_item a9_cols[] = {
	{"projects", "采购项目数量", V("采购项目数量")},
	{"amount", "采购总金额", V("采购总金额")},
};

/* ---- requests (表三) ---- */
static const goi_schema_item rq_cols[] = {
	{"natural", "自然人", V("自然人")},
	{"business", "商业企业", V("商业企业")},
	{"research", "科研机构", V("科研机构")},
	{"nonprofit", "社会公益组织", V("社会公益组织")},
	{"legal", "法律服务机构", V("法律服务机构")},
	{"other", "其他", V("其他")},
	{"total", "总计", V("总计")},
};
/* Printed between 其他 and 总计: org_subtotal = business + ... + other,
 * total = natural + org_subtotal. */
static const goi_schema_item rq_optcols[] = {
	{"org_subtotal", "法人或其他组织小计", V("法人或其他组织小计", "小计")},
};

#define RQ_HEAD \
	{"new", "一、本年新收政府信息公开申请数量", \
	    V("本年新收政府信息公开申请数量", "本年新收政府信息公开申请")}, \
	{"carried_in", "二、上年结转政府信息公开申请数量", \
	    V("上年结转政府信息公开申请数量", "上年结转政府信息公开申请")}, \
	{"granted", "三（一）予以公开", V("予以公开")}, \
	{"partial", "三（二）部分公开（区分处理的，只计这一情形，不计其他情形）", \
	    V("部分公开区分处理的只计这一情形不计其他情形", "部分公开")}, \
	{"denied.1", "三（三）不予公开 1.属于国家秘密", V("属于国家秘密")}, \
	{"denied.2", "三（三）不予公开 2.其他法律行政法规禁止公开", \
	    V("其他法律行政法规禁止公开", "其他法律法规禁止公开")}, \
	{"denied.3", "三（三）不予公开 3.危及“三安全一稳定”", \
	    V("危及三安全一稳定")}, \
	{"denied.4", "三（三）不予公开 4.保护第三方合法权益", \
	    V("保护第三方合法权益")}, \
	{"denied.5", "三（三）不予公开 5.属于三类内部事务信息", \
	    V("属于三类内部事务信息")}, \
	{"denied.6", "三（三）不予公开 6.属于四类过程性信息", \
	    V("属于四类过程性信息")}, \
	{"denied.7", "三（三）不予公开 7.属于行政执法案卷", \
	    V("属于行政执法案卷")}, \
	{"denied.8", "三（三）不予公开 8.属于行政查询事项", \
	    V("属于行政查询事项")}, \
	{"unable.1", "三（四）无法提供 1.本机关不掌握相关政府信息", \
	    V("本机关不掌握相关政府信息")}, \
	{"unable.2", "三（四）无法提供 2.没有现成信息需要另行制作", \
	    V("没有现成信息需要另行制作")}, \
	{"unable.3", "三（四）无法提供 3.补正后申请内容仍不明确", \
	    V("补正后申请内容仍不明确")}, \
	{"unprocessed.1", "三（五）不予处理 1.信访举报投诉类申请", \
	    V("信访举报投诉类申请")}, \
	{"unprocessed.2", "三（五）不予处理 2.重复申请", V("重复申请")}, \
	{"unprocessed.3", "三（五）不予处理 3.要求提供公开出版物", \
	    V("要求提供公开出版物")}, \
	{"unprocessed.4", "三（五）不予处理 4.无正当理由大量反复申请", \
	    V("无正当理由大量反复申请")}, \
	{"unprocessed.5", \
	    "三（五）不予处理 5.要求行政机关确认或重新出具已获取信息", \
	    V("要求行政机关确认或重新出具已获取信息")}

static const goi_schema_item rq_rows19[] = {
	RQ_HEAD,
	{"other", "三（六）其他处理", V("其他处理")},
	{"total", "三（七）总计", V("总计")},
	{"carried_out", "四、结转下年度继续办理",
	    V("结转下年度继续办理", "结转下年度")},
};
static const goi_schema_item rq_rows21[] = {
	RQ_HEAD,
	{"other.1", "三（六）其他处理 1.申请人无正当理由逾期不补正、"
	    "行政机关不再处理其政府信息公开申请",
	    V("申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请",
	    "申请人无正当理由逾期不补正")},
	{"other.2", "三（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、"
	    "行政机关不再处理其政府信息公开申请",
	    V("申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请",
	    "申请人逾期未按收费通知要求缴纳费用")},
	{"other.3", "三（六）其他处理 3.其他", V("其他")},
	{"total", "三（七）总计", V("总计")},
	{"carried_out", "四、结转下年度继续办理",
	    V("结转下年度继续办理", "结转下年度")},
};

/* ---- appeals (表四) ---- */
static const goi_schema_item ap_rows[] = {
	{"review", "行政复议", V("行政复议")},
	{"suit_direct", "行政诉讼·未经复议直接起诉", V("未经复议直接起诉")},
	{"suit_after_review", "行政诉讼·复议后起诉", V("复议后起诉")},
};
static const goi_schema_item ap_cols[] = {
	{"upheld", "结果维持", V("结果维持", "结果维护")},
	{"corrected", "结果纠正", V("结果纠正")},
	{"other", "其他结果", V("其他结果")},
	{"pending", "尚未审结", V("尚未审结")},
	{"total", "总计", V("总计")},
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define T(key, fmt, label, rows, cols) \
	{key, fmt, label, rows, N(rows), cols, N(cols), NULL, 0}
#define TO(key, fmt, label, rows, cols, opt) \
	{key, fmt, label, rows, N(rows), cols, N(cols), opt, N(opt)}

static const goi_schema_table tables19[] = {
	T("art20_1", GOI_FMT_2019, "第二十条第（一）项", a1_rows19, a1_cols19),
	T("art20_5", GOI_FMT_2019, "第二十条第（五）项", a5_rows19, a5_cols19),
	T("art20_6", GOI_FMT_2019, "第二十条第（六）项", a6_rows, a5_cols19),
	T("art20_8", GOI_FMT_2019, "第二十条第（八）项", a8_rows, a8_cols19),
	T("art20_9", GOI_FMT_2019, "第二十条第（九）项", a9_rows, a9_cols),
	TO("requests", GOI_FMT_2019, "收到和处理政府信息公开申请情况",
	    rq_rows19, rq_cols, rq_optcols),
	T("appeals", GOI_FMT_2019, "政府信息公开行政复议、行政诉讼情况",
	    ap_rows, ap_cols),
};
static const goi_schema_table tables21[] = {
	T("art20_1", GOI_FMT_2021, "第二十条第（一）项", a1_rows21, a1_cols21),
	T("art20_5", GOI_FMT_2021, "第二十条第（五）项", a5_rows21, a5_cols21),
	T("art20_6", GOI_FMT_2021, "第二十条第（六）项", a6_rows, a5_cols21),
	T("art20_8", GOI_FMT_2021, "第二十条第（八）项", a8_rows, a8_cols21),
	TO("requests", GOI_FMT_2021, "收到和处理政府信息公开申请情况",
	    rq_rows21, rq_cols, rq_optcols),
	T("appeals", GOI_FMT_2021, "政府信息公开行政复议、行政诉讼情况",
	    ap_rows, ap_cols),
};

const goi_schema_table *
goi_schema_tables(int format, int *n)
{
	switch (format) {
	case GOI_FMT_2019:
		*n = N(tables19);
		return tables19;
	case GOI_FMT_2021:
		*n = N(tables21);
		return tables21;
	}
	*n = 0;
	return NULL;
}

const goi_schema_table *
goi_schema_table_find(int format, const char *key)
{
	const goi_schema_table *t;
	int i, n;

	t = goi_schema_tables(format, &n);
	for (i = 0; i < n; i++)
		if (strcmp(t[i].key, key) == 0)
			return &t[i];
	return NULL;
}

static const char *
item_label(const goi_schema_item *it, int n, const char *key)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(it[i].key, key) == 0)
			return it[i].label;
	return NULL;
}

const char *
goi_schema_row_label(const goi_schema_table *t, const char *row)
{
	return t == NULL ? NULL : item_label(t->rows, t->nrows, row);
}

const char *
goi_schema_col_label(const goi_schema_table *t, const char *col)
{
	const char *s;

	if (t == NULL)
		return NULL;
	if ((s = item_label(t->cols, t->ncols, col)) != NULL)
		return s;
	return item_label(t->optcols, t->noptcols, col);
}

const char *
goi_format_name(int fmt)
{
	switch (fmt) {
	case GOI_FMT_2019:
		return "2019";
	case GOI_FMT_2021:
		return "2021";
	case GOI_FMT_OLD:
		return "old";
	}
	return "";
}

int
goi_format_parse(const char *s)
{
	if (strcmp(s, "2019") == 0)
		return GOI_FMT_2019;
	if (strcmp(s, "2021") == 0)
		return GOI_FMT_2021;
	if (strcmp(s, "old") == 0)
		return GOI_FMT_OLD;
	if (*s == '\0')
		return GOI_FMT_NONE;
	return -1;
}
