#!/usr/bin/env bats
# lib/stats.c: the old statistics table (table stats), through the test
# driver tests/facts-driver.c and through goi-clean | goi-table.

load helper

setup_file() {
	cc_driver "$BATS_FILE_TMPDIR/facts-driver" "$TOP/tests/facts-driver.c"
}

# lines stream of the text on stdin, doc key $1
lines() {
	awk -v d="$1" 'BEGIN{OFS="\t"; print "doc","line","text"}
	    {gsub(/\\/,"\\\\"); gsub(/\t/,"\\t"); sub(/\r$/,""); print d, NR, $0}'
}

drv() {
	"$BATS_FILE_TMPDIR/facts-driver" -s "$@"
}

H=$'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline'

@test "space-separated table: units to raw, 元 to 万元, na, 其中 and ordinals dropped" {
	run bash -c "$(declare -f lines); printf '统计表\n指标名称 计量单位 2015年度 历年累计\n主动公开文件数 条 12 340\n其中：1、政府网站公开数 条 10 300\n收费金额 元 251000 300000\n行政复议数 件 / 3\n' | lines t | '$BATS_FILE_TMPDIR/facts-driver' -s"
	assert_success
	assert_output "$H
t			stats	主动公开文件数	value	12	num	12条	3
t			stats	主动公开文件数	cumulative	340	num	340条	3
t			stats	政府网站公开数	value	10	num	10条	4
t			stats	政府网站公开数	cumulative	300	num	300条	4
t			stats	收费金额	value	25.1	num	251000元	5
t			stats	收费金额	cumulative	30	num	300000元	5
t			stats	行政复议数	value		na	/	6
t			stats	行政复议数	cumulative	3	num	3件	6"
}

@test "glued runs: ordinals given back, 其中 item bounds its parent" {
	run bash -c "$(declare -f lines); printf '统计表 指标名称计量单位2015年度历年累计主动公开信息数条12340其中：1.网站公开条103002.公报公开条05\n' | lines g | '$BATS_FILE_TMPDIR/facts-driver' -s"
	assert_success
	assert_output "$H
g			stats	主动公开信息数	value	12	glued	12340条	1
g			stats	主动公开信息数	cumulative	340	glued	12340条	1
g			stats	网站公开	value	10	glued	10300条	1
g			stats	网站公开	cumulative	300	glued	10300条	1
g			stats	公报公开	value	0	glued	05条	1
g			stats	公报公开	cumulative	5	glued	05条	1"
}

@test "ambiguous glued run: empty cells and a warning with the readings" {
	run bash -c "$(declare -f lines); printf '指标名称计量单位2015年度历年累计主动公开信息数条12340\n' | lines a | '$BATS_FILE_TMPDIR/facts-driver' -s 2>&1"
	assert_success
	assert_output "facts-driver: (stdin):1: stats/主动公开信息数: glued run 12340: value+cumulative could be 1+2340 or 12+340; not placed
$H
a			stats	主动公开信息数	value		empty	12340	1
a			stats	主动公开信息数	cumulative		empty	12340	1"
}

@test "glued run settled by the figure the prose states" {
	run bash -c "$(declare -f lines); printf '本年主动公开政府信息12条。\n指标名称计量单位2015年度历年累计主动公开信息数条12340\n' | lines p | '$BATS_FILE_TMPDIR/facts-driver' -s 2>&1"
	assert_success
	assert_output "$H
p			stats	主动公开信息数	value	12	glued	12340条	2
p			stats	主动公开信息数	cumulative	340	glued	12340条	2"
}

# Regression (bench/gen -s 1 -m 5M, 000746): the prose's 共受理政府信息公开
# 申请3件 "settled" 政府信息公开收费减免金额 元 35773577 as 3+5773577 (0.0003
# and 577.3577 万元): a figure in 件 said to be in 元, matched on the generic
# words 政府信息公开.  Only a figure in the row's unit, sharing words beyond
# 政府信息/信息公开, settles a reading.
@test "glued run: a prose figure in another unit or on generic words settles nothing" {
	run bash -c "$(declare -f lines); printf '2012年，共受理政府信息公开申请3件。\n指标名称计量单位本年度历年累计政府信息公开收费减免金额元35773577\n' | lines m | '$BATS_FILE_TMPDIR/facts-driver' -s 2>&1"
	assert_success
	assert_output "facts-driver: (stdin):2: stats/政府信息公开收费减免金额: glued run 35773577: value+cumulative could be 3+5773577 or 35+773577 or 357+73577 or 3577+3577; not placed
$H
m			stats	政府信息公开收费减免金额	value		empty	35773577	2
m			stats	政府信息公开收费减免金额	cumulative		empty	35773577	2"
	run bash -c "$(declare -f lines); printf '本年收费减免金额3577元。\n指标名称计量单位本年度历年累计政府信息公开收费减免金额元35773577\n' | lines m | '$BATS_FILE_TMPDIR/facts-driver' -s 2>&1"
	assert_success
	assert_output "$H
m			stats	政府信息公开收费减免金额	value	0.3577	glued	35773577元	2
m			stats	政府信息公开收费减免金额	cumulative	0.3577	glued	35773577元	2"
}

# bench/gen oldsquashed, one figure column: 条02.政府网站 is the figure 0 and
# the ordinal 2., not an ordinal 02. inside one long indicator (which lost
# every row after the first 1. of a list).
@test "squashed one-column table: a figure glued to the next ordinal after the unit" {
	run bash -c "$(declare -f lines); printf '指标名称计量单位统计数(二)通过不同渠道和方式公开政府信息的情况1.政府公报公开政府信息数条02.政府网站公开政府信息数条13.政务微博公开政府信息数条0(三)申请答复数件141.属于已主动公开范围数件0\n' | lines q | '$BATS_FILE_TMPDIR/facts-driver' -s 2>&1"
	assert_success
	assert_output "$H
q			stats	政府公报公开政府信息数	value	0	num	0条	1
q			stats	政府网站公开政府信息数	value	1	num	1条	1
q			stats	政务微博公开政府信息数	value	0	num	0条	1
q			stats	申请答复数	value	14	num	14件	1
q			stats	属于已主动公开范围数	value	0	num	0件	1"
}

@test "cell rows: a blank cell stays blank, value in the unit column" {
	run bash -c "$(declare -f lines); printf '| 统计指标 | 单位 | 本年度 | 历年累计 |\n| 一、依申请公开情况 | | | |\n| （一）当面申请数 | 件 | | 5 |\n| 2.网上申请数 | 3件 | | |\n附件\n| 其他 | 件 | 9 | 9 |\n' | lines c | '$BATS_FILE_TMPDIR/facts-driver' -s"
	assert_success
	assert_output "$H
c			stats	当面申请数	value		empty		3
c			stats	当面申请数	cumulative	5	num	5件	3
c			stats	网上申请数	value	3	num	3件	4
c			stats	网上申请数	cumulative		empty		4"
}

@test "seed 003: the statistics table is read" {
	lines s < "$SEEDS"/003_*.txt > "$BATS_TEST_TMPDIR/l.tsv"
	run drv "$BATS_TEST_TMPDIR/l.tsv"
	assert_success
	assert_line -p $'stats\t主动公开政府信息数(不同渠道和方式公开相同信息计1条)\tvalue\t24\tnum\t24条\t25'
	for kv in 政府公报公开政府信息数:24 政府网站公开政府信息数:155 \
	    政务微博公开政府信息数:0 政务微信公开政府信息数:262 \
	    其他方式公开政府信息数:172 从事政府信息公开工作人员数:8 兼职人员数:6 \
	    接受培训人员数:32; do
		assert_line -p $'stats\t'"${kv%%:*}"$'\tvalue\t'"${kv##*:}"$'\tnum'
	done
	assert_line -p $'stats\t专职人员数(不包括政府公报及政府网站人员数)\tvalue\t2\tnum'
	assert_line -p $'stats\t政府信息公开专项经费(不包括政府公报编辑管理和政府网站建设维护等方面的经费)\tvalue\t9\tnum\t9万元'
	assert_line -p $'stats\t行政诉讼数量/被依法纠错数\tvalue\t0\tnum'
	[ "$(grep -c $'\tstats\t' <<< "$output")" -eq 59 ]
}

# Every expected stats cell of a corpus file, from output on stdin; prints
# the misses.  kind glued is accepted where the expected kind is num.
score() {
	awk -F'\t' 'NR == FNR { if ($1 == "stats") want[$1 FS $2 FS $3] = $4 FS $5; next }
	    $4 == "stats" { k = $4 FS $5 FS $6; got[k] = $7 FS ($8 == "glued" ? "num" : $8) }
	    END { for (k in want) { n++; if (got[k] == want[k]) ok++; else print "miss: " k " want " want[k] " got " got[k] }
	          print ok + 0 "/" n }' "$1" -
}

@test "corpus 2012 (squashed, glued): every expected stats cell" {
	run bash -c "$(declare -f lines score); lines k < '$CORPUS/2012-pingtan-county.txt' | '$BATS_FILE_TMPDIR/facts-driver' -s | score '$CORPUS/2012-pingtan-county.expected.tsv'"
	assert_success
	assert_output "34/34"
}

@test "corpus 2014 (space-separated): every expected stats cell" {
	run bash -c "$(declare -f lines score); lines k < '$CORPUS/2014-pingtan-zone.txt' | '$BATS_FILE_TMPDIR/facts-driver' -s | score '$CORPUS/2014-pingtan-zone.expected.tsv'"
	assert_success
	assert_output "32/32"
}

@test "corpus 2012 and 2014 through goi-clean | goi-table" {
	[ -x "$TOP/cmd/goi-table" ] && [ -x "$TOP/cmd/goi-clean" ] || skip "goi-table not built"
	for f in 2012-pingtan-county:34 2014-pingtan-zone:32; do
		run bash -c "$(declare -f score); goi-clean '$CORPUS/${f%:*}.txt' | goi-table 2>/dev/null | score '$CORPUS/${f%:*}.expected.tsv'"
		assert_output "${f#*:}/${f#*:}"
	done
}

@test "reports without an old table give no stats cells" {
	for f in "$SEEDS"/00[0124]_*.txt "$CORPUS"/2019-*.txt "$CORPUS"/2022-*.txt "$CORPUS"/2025-*.txt; do
		lines x < "$f" > "$BATS_TEST_TMPDIR/l.tsv"
		run drv "$BATS_TEST_TMPDIR/l.tsv"
		assert_success
		assert_output "$H"
	done
}

@test "hostile: empty input, header only, CRLF, no final newline" {
	run drv /dev/null
	assert_success
	assert_output "$H"
	run bash -c "printf 'doc\tline\ttext\n' | '$BATS_FILE_TMPDIR/facts-driver' -s"
	assert_success
	assert_output "$H"
	run bash -c "printf 'doc\tline\ttext\r\nd\t1\t指标名称 单位 本年度\r\nd\t2\t当面申请数 件 4\r' | '$BATS_FILE_TMPDIR/facts-driver' -s"
	assert_success
	assert_output "$H
d			stats	当面申请数	value	4	num	4件	2"
}

@test "hostile: invalid UTF-8 in the table (a figure without its unit ends the table)" {
	run bash -c "printf 'doc\tline\ttext\nd\t1\t指标名称 单位 本年度\nd\t2\t当面\xff申请数 件 4\nd\t3\t\xc3网上申请数 件 \xe4\xb8 2\n' | '$BATS_FILE_TMPDIR/facts-driver' -s"
	assert_success
	assert_output "$H
d			stats	当面�申请数	value	4	num	4件	2"
}

@test "hostile: a 10 MB line, /dev/full, | head -n 1" {
	run bash -c "{ printf 'doc\tline\ttext\nd\t1\t指标名称 单位 本年度 历年累计 '; head -c 10000000 /dev/zero | tr '\\\\0' 'x'; printf '1 2\n'; } | '$BATS_FILE_TMPDIR/facts-driver' -s | wc -l"
	assert_success
	assert_output "1"
	lines t < "$CORPUS/2014-pingtan-zone.txt" > "$BATS_TEST_TMPDIR/l.tsv"
	run bash -c "'$BATS_FILE_TMPDIR/facts-driver' -s '$BATS_TEST_TMPDIR/l.tsv' > /dev/full"
	assert_failure 1
	assert_output -p "write error"
	run bash -c "'$BATS_FILE_TMPDIR/facts-driver' -s '$BATS_TEST_TMPDIR/l.tsv' | head -n 1"
	assert_success
	assert_output "$H"
}
