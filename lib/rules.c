/*
 * rules.c - the consistency rules of goi-check, as data.
 *
 * Each rule has a stable id (the man page, -r and scripts use it), a
 * severity, a one-line description and what it checks: identities over
 * table keys (SPEC section 1.1), value ranges, relations between the
 * indicators of the old statistics table, identities across two years of
 * one organ, or a check on the document itself.  check.c evaluates them.
 * Adding a rule is an entry here and a paragraph in goi-check(1).
 */
#include <string.h>

#include "goi.h"

#define K(...) ((const char *const[]){__VA_ARGS__, NULL})
#define F19 GOI_FMT_2019
#define F21 GOI_FMT_2021
#define FNEW (GOI_FMT_2019 | GOI_FMT_2021)

/* 表三: the result rows, whose sum is 三（七）总计. */
#define RESULTS "granted", "partial", \
	"denied.1", "denied.2", "denied.3", "denied.4", \
	"denied.5", "denied.6", "denied.7", "denied.8", \
	"unable.1", "unable.2", "unable.3", \
	"unprocessed.1", "unprocessed.2", "unprocessed.3", \
	"unprocessed.4", "unprocessed.5"
#define APPLICANTS "natural", "business", "research", "nonprofit", \
	"legal", "other"

static const goi_ident requests_balance[] = {
	{"requests", GOI_EACH_COL, FNEW, NULL, K("total", "carried_out"),
	    K("new", "carried_in"), GOI_OP_EQ, 0,
	    "total + carried_out", "new + carried_in"},
	{0}
};
static const goi_ident requests_results[] = {
	{"requests", GOI_EACH_COL, F19, NULL, K("total"),
	    K(RESULTS, "other"), GOI_OP_EQ, 0,
	    "total", "sum of the result rows"},
	{"requests", GOI_EACH_COL, F21, NULL, K("total"),
	    K(RESULTS, "other.1", "other.2", "other.3"), GOI_OP_EQ, 0,
	    "total", "sum of the result rows"},
	{0}
};
static const goi_ident requests_applicants[] = {
	{"requests", GOI_EACH_ROW, FNEW, NULL, K("total"), K(APPLICANTS),
	    GOI_OP_EQ, 0, "total", "sum of the six applicant columns"},
	{0}
};
static const goi_ident requests_orgs[] = {
	{"requests", GOI_EACH_ROW, FNEW, NULL, K("org_subtotal"),
	    K("business", "research", "nonprofit", "legal", "other"),
	    GOI_OP_EQ, GOI_OPT_LHS,
	    "org_subtotal", "sum of the five organisation columns"},
	{0}
};
static const goi_ident appeals_total[] = {
	{"appeals", GOI_EACH_ROW, FNEW, NULL, K("total"),
	    K("upheld", "corrected", "other", "pending"), GOI_OP_EQ, 0,
	    "total", "upheld + corrected + other + pending"},
	{0}
};
static const goi_ident art20_published[] = {
	{"art20_1", GOI_EACH_ROW, F19, NULL, K("published"),
	    K("total_public"), GOI_OP_LE, 0, "published", "total_public"},
	{0}
};
static const goi_ident stats_cumulative[] = {
	{"stats", GOI_EACH_ROW, GOI_FMT_OLD, NULL, K("value"),
	    K("cumulative"), GOI_OP_LE, GOI_OPT_ANY, "value", "cumulative"},
	{0}
};

/* Figures the prose quotes (table text) against the tables. */
#define TEXT(fact, cells, name) \
	{"text", GOI_EACH_NONE, FNEW, NULL, K("text/" fact "/value"), cells, \
	    GOI_OP_EQ, GOI_OPT_LHS, "the text's " fact, name}
/* The old statistics table names its rows in many ways: "~" patterns. */
#define TEXT_OLD(fact, pattern, name) \
	{"text", GOI_EACH_NONE, GOI_FMT_OLD, NULL, K("text/" fact "/value"), \
	    K("stats/~" pattern "/value"), GOI_OP_EQ, GOI_OPT_LHS, \
	    "the text's " fact, name}
static const goi_ident text_new[] = {
	TEXT("requests.new", K("requests/new/total"), "requests new total"),
	TEXT_OLD("requests.new", "^收到申请|^受理依申请公开|^依申请公开信息总数|"
	    "^受理申请|^申请总数", "the applications received"),
	{0}
};
static const goi_ident text_carried_in[] = {
	TEXT("requests.carried_in", K("requests/carried_in/total"),
	    "requests carried_in total"),
	{0}
};
static const goi_ident text_answered[] = {
	TEXT("requests.answered", K("requests/total/total"),
	    "requests total total"),
	TEXT_OLD("requests.answered", "^申请答复|^对申请的答复|^答复总数",
	    "the replies"),
	{0}
};
static const goi_ident text_carried_out[] = {
	TEXT("requests.carried_out", K("requests/carried_out/total"),
	    "requests carried_out total"),
	{0}
};
static const goi_ident text_review[] = {
	TEXT("appeals.review", K("appeals/review/total"),
	    "appeals review total"),
	TEXT_OLD("appeals.review", "^行政复议数", "the administrative reviews"),
	{0}
};
static const goi_ident text_suit[] = {
	TEXT("appeals.suit",
	    K("appeals/suit_direct/total", "appeals/suit_after_review/total"),
	    "suits direct + after review"),
	TEXT_OLD("appeals.suit", "^行政诉讼数", "the lawsuits"),
	{0}
};
static const goi_ident text_active[] = {
	{"text", GOI_EACH_NONE, FNEW | GOI_FMT_OLD, NULL,
	    K("text/active.total/value"), K("text/active.part.*/value"),
	    GOI_OP_PARTS, GOI_OPT_ANY, "the stated total", "sum of its parts"},
	{0}
};

/* Across the reports of one organ: '<' is last year's cell. */
static const goi_ident cross_carried[] = {
	{"requests", GOI_EACH_COL, FNEW, NULL, K("carried_in"),
	    K("<carried_out"), GOI_OP_EQ, 0,
	    "carried_in", "last year's carried_out"},
	{0}
};
static const goi_ident cross_in_force[] = {
	{"art20_1", GOI_EACH_ROW, F21, NULL, K("in_force"),
	    K("<in_force", "issued", "-repealed"), GOI_OP_EQ, 0,
	    "in_force", "last year's in_force + issued - repealed"},
	{0}
};
#define PREV(table) \
	{table, GOI_EACH_ROW, F19, NULL, K("prev_items"), \
	    K("<prev_items", "<change"), GOI_OP_EQ, 0, \
	    "prev_items", "last year's prev_items + change"}
static const goi_ident cross_prev_items[] = {
	PREV("art20_5"), PREV("art20_6"), PREV("art20_8"),
	{0}
};

static const goi_range requests_integers[] = {
	{"requests", NULL, GOI_RANGE_COUNT},
	{0}
};
static const goi_range appeals_integers[] = {
	{"appeals", NULL, GOI_RANGE_COUNT},
	{0}
};
static const goi_range art20_counts[] = {
	{"art20_*", K("made", "published", "total_public", "issued",
	    "repealed", "in_force", "prev_items", "decisions", "projects"),
	    GOI_RANGE_COUNT},
	{0}
};
static const goi_range art20_change[] = {
	{"art20_*", K("change"), GOI_RANGE_SIGNED},
	{0}
};
static const goi_range art20_amounts[] = {
	{"art20_*", K("amount"), GOI_RANGE_AMOUNT},
	{0}
};
static const goi_range stats_numbers[] = {
	{"stats", NULL, GOI_RANGE_AMOUNT},
	{0}
};

/*
 * The old statistics table.  Indicator names vary by province and year
 * (seed 003, corpus 2012 and 2014 show three variants); the patterns name
 * the distinctive words.
 */
static const goi_statrel stats_channels[] = {
	{"application channels",
	    "^收到申请|^受理依申请公开|^依申请公开信息总数|^受理申请|^申请总数",
	    "当面申请|传真申请|电子邮件申请|网上申请|网络申请|信函申请|"
	    "其它形式申请|其他形式申请|其他方式申请",
	    "办结|答复|复议|诉讼|申诉|举报|费用|收费", GOI_OP_EQ},
	{0}
};
static const goi_statrel stats_replies[] = {
	{"reply kinds", "^申请答复|^对申请的答复|^答复总数",
	    "属于已主动公开范围|同意公开答复|同意部分公开答复|否决公开答复|"
	    "不予公开答复|不同意公开答复|其他类型答复|不属于本行政机关|"
	    "申请信息不存在|告知作出更改补充|告知通过其他途径",
	    "复议|诉讼|申诉|举报|费用|收费", GOI_OP_EQ},
	{0}
};
static const goi_statrel stats_refusals[] = {
	{"refusal reasons", "^不同意公开答复|^不予公开答复|^否决公开答复",
	    "涉及国家秘密|涉及商业秘密|涉及个人隐私|危及|所指政府信息|"
	    "法律法规规定的其他情形",
	    "不属于本行政机关|申请信息不存在|告知|其他类型答复|复议|诉讼",
	    GOI_OP_EQ},
	{0}
};
static const goi_statrel stats_staff[] = {
	{"staff", "工作人员数", "专职人员|兼职人员", "经费|会议|培训",
	    GOI_OP_EQ},
	{0}
};
static const goi_statrel stats_outcomes[] = {
	{"completed applications", "^申请办结|^办结", "按时办结|延期办结",
	    "答复|复议|诉讼", GOI_OP_EQ},
	{"review outcomes", "^行政复议数", "维持|纠错|其他情形",
	    "诉讼|举报|申诉|费用|收费|机构", GOI_OP_EQ},
	{"lawsuit outcomes", "^行政诉讼数", "维持|纠错|其他情形",
	    "复议|举报|申诉|费用|收费|机构", GOI_OP_EQ},
	{0}
};
static const goi_statrel stats_subset[] = {
	{"published", "^主动公开政府信息数|^主动公开信息数|^主动公开文件数|"
	    "^主动公开信息总数",
	    "规范性文件|网站公开|公报公开",
	    "制发|通过不同渠道|申请|回应|解读", GOI_OP_LE},
	{"press conferences", "^参加或举办新闻发布会",
	    "主要负责同志参加新闻发布会", "访谈|解读|回应|申请", GOI_OP_LE},
	{"online interviews", "^政府网站在线访谈", "主要负责同志",
	    "解读|微博|微信|回应|申请", GOI_OP_LE},
	{0}
};

/*
 * Who must publish by when (条例 第四十九、五十条): the organ's name,
 * first match wins; no match is a department.
 */
static const goi_organ_level organ_levels[] = {
	{"乡$|镇$|街道$|办事处$|乡人民政府$|镇人民政府$|苏木$", GOI_ORGAN_TOWN},
	{"汇总|本级政府|人民政府$|管委会$|管理委员会$|省$|市$|县$|区$|旗$|"
	    "州$|盟$", GOI_ORGAN_GOV},
	{NULL, 0}
};
static const goi_deadline deadlines[] = {
	{1, 2018, GOI_ORGAN_GOV | GOI_ORGAN_DEPT | GOI_ORGAN_TOWN, "03-31"},
	{2019, 9999, GOI_ORGAN_GOV, "03-31"},
	{2019, 9999, GOI_ORGAN_DEPT | GOI_ORGAN_TOWN, "01-31"},
	{0, 0, 0, NULL}
};

#define IDENT(id, sev, desc, spec) \
	{id, sev, GOI_RULE_IDENT, desc, spec, NULL, NULL, 0, 0, NULL, NULL, NULL}
#define CROSS(id, sev, desc, spec) \
	{id, sev, GOI_RULE_CROSS, desc, spec, NULL, NULL, 0, 0, NULL, NULL, NULL}
#define RANGE(id, sev, desc, spec) \
	{id, sev, GOI_RULE_RANGE, desc, NULL, spec, NULL, 0, 0, NULL, NULL, NULL}
#define STATS(id, sev, desc, spec) \
	{id, sev, GOI_RULE_STATS, desc, NULL, NULL, spec, 0, 0, NULL, NULL, NULL}
#define DOC(id, sev, desc, check, year, arg) \
	{id, sev, GOI_RULE_DOC, desc, NULL, NULL, NULL, check, year, arg, \
	    organ_levels, deadlines}

static const goi_rule rules[] = {
	IDENT("requests.balance", GOI_SEV_FAIL,
	    "per column, new + carried_in = total + carried_out",
	    requests_balance),
	IDENT("requests.results", GOI_SEV_FAIL,
	    "per column, total = the sum of every result row",
	    requests_results),
	IDENT("requests.applicants", GOI_SEV_FAIL,
	    "per row, total = the six applicant columns",
	    requests_applicants),
	IDENT("requests.org_subtotal", GOI_SEV_FAIL,
	    "per row, org_subtotal = the five organisation columns",
	    requests_orgs),
	RANGE("requests.integers", GOI_SEV_FAIL,
	    "every request count is a non-negative integer",
	    requests_integers),
	IDENT("appeals.total", GOI_SEV_FAIL,
	    "per row, total = upheld + corrected + other + pending",
	    appeals_total),
	RANGE("appeals.integers", GOI_SEV_FAIL,
	    "every appeal count is a non-negative integer", appeals_integers),
	RANGE("art20.counts", GOI_SEV_FAIL,
	    "article 20 counts are non-negative integers", art20_counts),
	RANGE("art20.change", GOI_SEV_FAIL,
	    "article 20 change is an integer (it may be negative)",
	    art20_change),
	RANGE("art20.amounts", GOI_SEV_FAIL,
	    "article 20 amounts are non-negative", art20_amounts),
	IDENT("art20.published", GOI_SEV_WARN,
	    "published this year <= total_public", art20_published),
	RANGE("stats.numbers", GOI_SEV_FAIL,
	    "statistics table values are non-negative", stats_numbers),
	IDENT("stats.cumulative", GOI_SEV_FAIL,
	    "statistics table: this year's value <= the cumulative one",
	    stats_cumulative),
	STATS("stats.channels", GOI_SEV_FAIL,
	    "statistics table: application channels add up to the received "
	    "total", stats_channels),
	STATS("stats.replies", GOI_SEV_FAIL,
	    "statistics table: reply kinds add up to the replied total",
	    stats_replies),
	STATS("stats.refusals", GOI_SEV_FAIL,
	    "statistics table: refusal reasons add up to the refusals",
	    stats_refusals),
	STATS("stats.staff", GOI_SEV_FAIL,
	    "statistics table: full-time + part-time staff = staff total",
	    stats_staff),
	STATS("stats.outcomes", GOI_SEV_FAIL,
	    "statistics table: completions, review and lawsuit outcomes add "
	    "up", stats_outcomes),
	STATS("stats.subset", GOI_SEV_FAIL,
	    "statistics table: every 其中 row is at most its parent",
	    stats_subset),
	IDENT("text.new", GOI_SEV_FAIL,
	    "the prose's new requests = requests new total", text_new),
	IDENT("text.carried_in", GOI_SEV_FAIL,
	    "the prose's carried-over requests = requests carried_in total",
	    text_carried_in),
	IDENT("text.answered", GOI_SEV_FAIL,
	    "the prose's answered requests = requests total total",
	    text_answered),
	IDENT("text.carried_out", GOI_SEV_FAIL,
	    "the prose's requests carried out = requests carried_out total",
	    text_carried_out),
	IDENT("text.review", GOI_SEV_FAIL,
	    "the prose's administrative reviews = appeals review total",
	    text_review),
	IDENT("text.suit", GOI_SEV_FAIL,
	    "the prose's lawsuits = the two lawsuit totals of appeals",
	    text_suit),
	IDENT("text.active", GOI_SEV_FAIL,
	    "the prose's 主动公开 parts add up to its stated total",
	    text_active),
	DOC("doc.period", GOI_SEV_FAIL,
	    "the 统计期限 lies inside the report year", GOI_DOC_PERIOD, 0,
	    NULL),
	DOC("doc.deadline", GOI_SEV_WARN,
	    "published by the deadline (31 January, 31 March for a 本级政府 "
	    "and for 2008-2018)", GOI_DOC_DEADLINE, 0, NULL),
	DOC("doc.parts", GOI_SEV_WARN,
	    "all six parts are present (reports of 2019 on)", GOI_DOC_PARTS,
	    2019, "overview active requests appeals problems other"),
	DOC("doc.problems", GOI_SEV_WARN,
	    "part 五 (problems) says more than 无 (reports of 2019 on)",
	    GOI_DOC_PROBLEMS, 2019, "10"),
	DOC("doc.tables", GOI_SEV_WARN,
	    "the format's tables are all there, every cell filled",
	    GOI_DOC_TABLES, 0, NULL),
	CROSS("cross.carried", GOI_SEV_FAIL,
	    "per column, carried_in = last year's carried_out (same organ)",
	    cross_carried),
	CROSS("cross.in_force", GOI_SEV_WARN,
	    "2021 format: in_force = last year's in_force + issued - repealed",
	    cross_in_force),
	CROSS("cross.prev_items", GOI_SEV_WARN,
	    "2019 format: prev_items = last year's prev_items + change",
	    cross_prev_items),
};

const goi_rule *
goi_rules(int *n)
{
	*n = (int)(sizeof(rules) / sizeof(rules[0]));
	return rules;
}

int
goi_rule_find(const char *id)
{
	int i, n;

	goi_rules(&n);
	for (i = 0; i < n; i++)
		if (strcmp(rules[i].id, id) == 0)
			return i;
	return -1;
}
