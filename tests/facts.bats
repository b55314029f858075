#!/usr/bin/env bats
# lib/facts.c: tables doc and text, through tests/facts-driver.c.

load helper

setup_file() {
	cc_driver "$BATS_FILE_TMPDIR/facts-driver" "$TOP/tests/facts-driver.c"
}

lines() {
	awk -v d="$1" 'BEGIN{OFS="\t"; print "doc","line","text"}
	    {gsub(/\\/,"\\\\"); gsub(/\t/,"\\t"); sub(/\r$/,""); print d, NR, $0}'
}

# table text of a file: row value raw line
textof() {
	lines x < "$1" | "$BATS_FILE_TMPDIR/facts-driver" -f | awk -F'\t' -v OFS='\t' '$4 == "text" { print $5, $7, $9, $10 }'
}

# table text of a string
textstr() {
	printf '%s\n' "$1" | lines x | "$BATS_FILE_TMPDIR/facts-driver" -f | awk -F'\t' -v OFS='\t' '$4 == "text" { print $5, $7 }'
}

@test "seed 000: active total and its parts" {
	run textof "$SEEDS"/000_*.txt
	assert_success
	assert_output "active.total	4536	我单位共公开政府信息4536条	5
active.part.1	2119	通过本部门网站公开信息2119条	5
active.part.2	1234	微信公众平台等政务新媒体公开信息1234条	5
active.part.3	1183	报刊、其他媒体网站、公示栏、LED屏等方式公开信息1183条	5"
}

@test "seed 001: statements of none, and the total" {
	run textof "$SEEDS"/001_*.txt
	assert_success
	assert_output "requests.new	0	未收到要求公开政府信息的申请	64
appeals.review	0	未发生由政府信息公开引发的行政复议和行政诉讼	68
appeals.suit	0	未发生由政府信息公开引发的行政复议和行政诉讼	68
active.total	146	2019年我镇公开政府信息146条	35"
}

@test "seeds 002, 003: channel totals are not the total; 004: no appeals" {
	run textof "$SEEDS"/002_*.txt
	assert_output ""
	run textof "$SEEDS"/003_*.txt
	assert_output ""
	run textof "$SEEDS"/004_*.txt
	assert_output "appeals.review	0	没有因政务信息公开申请行政复议、提起行政诉讼的案件	9
appeals.suit	0	没有因政务信息公开申请行政复议、提起行政诉讼的案件	9"
}

@test "corpus: requests, appeals and totals as the prose states them" {
	run textof "$CORPUS/2012-pingtan-county.txt"
	assert_output "requests.new	21	三、政府信息依申请公开工作情况 2012年全县共收到有关政府信息公开的申请21条	10
requests.answered	21	对依申请公开的答复总数21条	10
appeals.review	0	未收到有关政府信息公开行政复议申请	10
active.total	2026	其中主动公开政府信息2026条	10"
	run textof "$CORPUS/2014-pingtan-zone.txt"
	assert_output "appeals.review	0	未收到有关政府信息公开行政复议的申请	10
active.total	2543	2014年主动公开政府信息 2543条	10"
	run textof "$CORPUS/2022-pingtan-zone.txt"
	assert_output "requests.new	75	全区收到政府信息公开申请75件	10
appeals.review	2	行政复议案件2件	10
appeals.suit	1	全区政府信息公开工作方面共有行政诉讼案件1件	10
active.total	14571	2022年全区共主动公开政府信息14571条	10"
	run textof "$CORPUS/2025-pingtan-zone.txt"
	assert_output "requests.new	154	全区共收到政府信息公开申请154件	6
requests.answered	148	共办结148件	6
requests.carried_out	6	结转至2026年6件	6
appeals.review	36	全年办理因政府信息公开申请引发的行政复议36起	6
appeals.suit	9	行政诉讼9起	6"
	run textof "$CORPUS/2019-pingtan-zone.txt"
	assert_line -n 0 "active.total	2599	我区政府信息公开单位共公布政府信息2599条	10"
	assert_line -n 11 "active.part.11	856	其他应主动公开政府信息856条	10"
	[ "${#lines[@]}" -eq 12 ]
}

@test "phrases: what is and is not a figure of the report" {
	while IFS='|' read -r in want; do
		run textstr "$in"
		assert_output "$(printf '%b' "$want")"
	done <<'EOF2'
本年度共收到政府信息公开申请12件，上年结转3件，结转下年度2件。|requests.new\t12\nrequests.carried_in\t3\nrequests.carried_out\t2
全年共受理依申请公开政府信息申请1,200件。|requests.new\t1200
共受理申请121510件。|
收到有关政府信息公开的信函申请1条。|
各部门共收到政府信息公开申请4件。|
全年办结政府信息公开申请9件，办结率100%。|requests.answered\t9
发生行政复议3起、行政诉讼1件。|appeals.review\t3\nappeals.suit\t1
未发生因政府信息公开被行政复议纠错的情况。|
未因此产生投诉、举报、复议等各类纠纷。|
累计主动公开政府信息7700余条。|
通过政府网站共公开信息8621条，其中政务信息2689条。|
我局主动公开政府信息300条，其中网站200条，微信100条，主要涉及民生。|active.total\t300\nactive.part.1\t200\nactive.part.2\t100
设立区域规划专栏，本年度公开信息77条。|
本年度公开信息77条。|active.total\t77
二、主动公开政府信息情况本年度共公开政府信息14条。|active.total\t14
区管委会及区直各部门主动公开政府信息1687条。|
EOF2
}

# The 主动公开 total when the body names itself (2019年，某某局共公开政府信息
# 137条) as well as when it says 我单位: the subject must be the organ of the
# title exactly; channels, running totals, N余条 and another body stay out.
@test "active.total: the organ by name as the subject" {
	said() {
		printf '%s\n' "$1" "$2" | lines o | "$BATS_FILE_TMPDIR/facts-driver" -f |
		    awk -F'\t' -v OFS='\t' '$4 == "text" { print $5, $7 }'
	}
	organ() {
		said '青山区交通运输局2019年政府信息公开工作年度报告' "$1"
	}
	run organ '2019年，青山区交通运输局共公开政府信息137条，其中通过本部门网站公开信息100条，微信公众平台公开信息37条。'
	assert_output "active.total	137
active.part.1	100
active.part.2	37"
	while IFS='|' read -r in want; do
		run organ "$in"
		assert_output "$(printf '%b' "$want")"
	done <<'EOF2'
一、总体情况2019年，青山区交通运输局共公开政府信息137条。|active.total\t137
2019年青山区交通运输局主动公开政府信息137条。|active.total\t137
2019年，青山区交通运输局通过政府网站公开政府信息137条。|
2019年，青山区交通运输局累计公开政府信息137条。|
2019年，青山区交通运输局共公开政府信息130余条。|
2019年，青山区公路局共公开政府信息137条。|
2019年，各科室共公开政府信息137条。|
EOF2
	# (the phrase start drops 和 and 及: the organ 和和镇 still matches)
	run said '和和镇人民政府2019年政府信息公开工作年度报告' '2019年，和和镇人民政府共公开政府信息24条。'
	assert_output "active.total	24"
}

@test "doc facts: seed 001 and corpus 2012" {
	run bash -c "$(declare -f lines); lines x < $SEEDS/001_*.txt | '$BATS_FILE_TMPDIR/facts-driver' -f | awk -F'\t' -v OFS='\t' '\$4 == \"doc\" { print \$5, \$7, \$8, \$10 }'"
	assert_success
	assert_output "title	大雁镇2019年政府信息公开工作年度报告	text	2
organ	大雁镇	text	2
year	2019	num	2
period	自2019年1月1日起至2019年12月31日止	text	5
period_from	2019-01-01	text	5
period_to	2019-12-31	text	5
published	2021-01-05	text	3
sections	front overview active requests appeals problems other	text	1
problems_chars	557	num	70
format		empty	1"
	run bash -c "$(declare -f lines); lines x < $CORPUS/2012-pingtan-county.txt | '$BATS_FILE_TMPDIR/facts-driver' -f | awk -F'\t' -v OFS='\t' '\$4 == \"doc\" { print \$5, \$7 }'"
	assert_output "title	平潭县人民政府2012年政府信息公开工作年度报告
organ	平潭县人民政府
year	2012
period	自2012年1月1日起至2012年12月31日
period_from	2012-01-01
period_to	2012-12-31
published	2013-01-17
signed	2013-01-16
sections	front overview active requests problems end
problems_chars	586
format	"
}

@test "through goi-table: text facts and doc format" {
	[ -x "$TOP/cmd/goi-table" ] && [ -x "$TOP/cmd/goi-clean" ] || skip "goi-table not built"
	run bash -c "goi-clean $SEEDS/000_*.txt | goi-table 2>/dev/null | awk -F'\t' -v OFS='\t' '\$4 == \"text\" || \$5 == \"format\" { print \$4, \$5, \$7 }'"
	assert_output "doc	format	2019
text	active.total	4536
text	active.part.1	2119
text	active.part.2	1234
text	active.part.3	1183"
}

@test "hostile: empty, header only, invalid UTF-8, CRLF, 10 MB line, /dev/full, head" {
	H=$'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline'
	run "$BATS_FILE_TMPDIR/facts-driver" -f /dev/null
	assert_success
	assert_output "$H"
	run bash -c "printf 'doc\tline\ttext\n' | '$BATS_FILE_TMPDIR/facts-driver' -f"
	assert_output "$H"
	run bash -c "printf 'doc\tline\ttext\r\nd\t1\t\xff我镇共收到政府信息公开申请\xc33件\r\nd\t2\t我镇共收到政府信息公开申请4件' | '$BATS_FILE_TMPDIR/facts-driver' -f | cut -f4,5,7,10"
	assert_success
	assert_output "table	row	value	line
doc	sections	front	1
doc	format		1
text	requests.new	4	2"
	run bash -c "{ printf 'doc\tline\ttext\nd\t1\t'; head -c 10000000 /dev/zero | tr '\\\\0' '1'; printf '件\n'; } | '$BATS_FILE_TMPDIR/facts-driver' -f | wc -l"
	assert_success
	assert_output "3"
	run bash -c "$(declare -f lines); lines x < $SEEDS/000_*.txt | '$BATS_FILE_TMPDIR/facts-driver' -f > /dev/full"
	assert_failure 1
	assert_output -p "write error"
	run bash -c "$(declare -f lines); lines x < $SEEDS/000_*.txt | '$BATS_FILE_TMPDIR/facts-driver' -f | head -n 1"
	assert_success
	assert_output "$H"
}

@test "a line holding escaped LFs: each LF-line is prose or a cell row on its own; the old table's header cuts mid-line" {
	run bash -c "printf 'doc\tline\ttext\nd\t1\t共收到政府信息公开申请5件\\\\n上年结转3件\\\\t办结2件\nd\t2\t行政复议1件\\\\n|行政诉讼2件\nd\t3\t本年度未收到行政复议\\\\n主动公开政府信息100条，其中网站公开50条\nd\t4\t指标名称\\\\n主动公开政府信息9条\nd\t5\t受理申请7件\n' | '$BATS_FILE_TMPDIR/facts-driver' -f 2>/dev/null | cut -f4,5,7,10"
	assert_success
	assert_output "table	row	value	line
doc	sections	front	1
doc	format		1
text	requests.new	5	1
text	appeals.review	1	2
text	active.total	100	3
text	active.part.1	50	3"
}

@test "doc problems_chars: part 五 that says only 无, on its own lines and run in" {
	run bash -c "printf 'doc\tline\ttext\nd\t1\t某某局2021年政府信息公开工作年度报告\nd\t2\t一、总体情况\nd\t3\t我局认真落实。\nd\t4\t五、存在的主要问题及改进情况\nd\t5\t无。\nd\t6\t六、其他需要报告的事项\nd\t7\t无。\ne\t9\t某某局2021年政府信息公开工作年度报告 一、总体情况我局认真落实。五、存在的主要问题及改进情况无。六、其他需要报告的事项无。\n' | goi-table 2>/dev/null | awk -F'\t' '\$5 == \"problems_chars\" { print \$1, \$7, \$10 }'"
	assert_output $'d 1 4\ne 1 9'
	run bash -c "goi-clean $SEEDS/000_*.txt | goi-table 2>/dev/null | awk -F'\t' '\$5 == \"problems_chars\" { print \$7, \$10 }'"
	assert_output "464 632"
}
