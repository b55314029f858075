#!/usr/bin/env bats
# goi-check: the consistency rules (issue 5).  Fixtures in tests/data/check:
# seeds.cells.tsv holds the cells of the five seeds as read by hand from the
# reports (tables, doc and text facts), cross.cells.tsv and text.cells.tsv
# small hand-made reports for the rules across years and for the prose.

load helper

CHK="$DATA/check"
H=$'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline'
FH=$'doc\trule\tstatus\ttable\trow\tcol\texpected\tactual\tline\tmessage'

setup_file() {
	# The corpus' hand-checked table values as a cells stream, after the
	# facts of each report (corpus-facts.tsv: goi-table's, checked by hand).
	local f b y fmt
	{
		printf '%s\n' "$H"
		for f in "$CORPUS"/*.expected.tsv; do
			b=$(basename "$f" .expected.tsv)
			y=${b%%-*}
			case $y in 2012|2014) fmt=old ;; 2019) fmt=2019 ;; *) fmt=2021 ;; esac
			# the doc and text facts goi-table read from the report
			awk -F'\t' -v d="$b" '$1 == d' "$CHK/corpus-facts.tsv"
			awk -v d="$b" -v y="$y" -v fm="$fmt" 'BEGIN { FS = OFS = "\t" }
			    NR > 1 { print d, y, fm, $1, $2, $3, $4, $5, $4, NR }' "$f"
		done
	} > "$BATS_FILE_TMPDIR/corpus.cells.tsv"
}

# findings FILE ARGS...: the fail/warn/na lines as "rule status row col"
fails() { awk -F'\t' '$3 == "fail" { print $2, $5, $6 }' | sort; }

# mutate FILE DOC TABLE ROW COL VALUE: FILE with that one cell changed
mutate() {
	awk -v d="$2" -v t="$3" -v r="$4" -v c="$5" -v v="$6" 'BEGIN { FS = OFS = "\t" }
	    $1 == d && $4 == t && $5 == r && $6 == c { $7 = v; $9 = v } { print }' "$1"
}

@test "--list: every rule, its severity, in the order of the man page" {
	run goi-check -N --list
	assert_success
	run bash -c "goi-check -N --list | cut -f1,2 | tr '\t' ' '"
	assert_output "requests.balance fail
requests.results fail
requests.applicants fail
requests.org_subtotal fail
requests.integers fail
appeals.total fail
appeals.integers fail
art20.counts fail
art20.change fail
art20.amounts fail
art20.published warn
stats.numbers fail
stats.cumulative fail
stats.channels fail
stats.replies fail
stats.refusals fail
stats.staff fail
stats.outcomes fail
stats.subset fail
text.new fail
text.carried_in fail
text.answered fail
text.carried_out fail
text.review fail
text.suit fail
text.active fail
doc.period fail
doc.deadline warn
doc.parts warn
doc.problems warn
doc.tables warn
cross.carried fail
cross.in_force warn
cross.prev_items warn"
}

@test "the man page and the three completions name every rule" {
	for id in $(goi-check -N --list | cut -f1); do
		grep -q "^\.It Cm $id " "$TOP/man/goi-check.1" || { echo "man: $id"; return 1; }
		grep -qw -- "$id" "$TOP/completions/bash/goi-check" || { echo "bash: $id"; return 1; }
		grep -qw -- "$id" "$TOP/completions/zsh/_goi-check" || { echo "zsh: $id"; return 1; }
		grep -qw -- "$id" "$TOP/completions/fish/goi-check.fish" || { echo "fish: $id"; return 1; }
	done
}

@test "seeds: exactly the findings they deserve" {
	run goi-check "$CHK/seeds.cells.tsv"
	assert_failure 1
	assert_output "$FH
000	doc.period	na	doc	period	value	2020-01-01..2020-12-31			no 统计期限 stated
001	art20.published	na	art20_1	rules	published			40	rules: published is blank
001	art20.published	na	art20_1	normative	published			41	normative: published is blank
001	doc.deadline	warn	doc	published	value	<=2020-01-31	2021-01-05	3	published 2021-01-05, deadline 2020-01-31 (town: 大雁镇)
001	doc.tables	warn	art20_1			6	0	40	0 of 6 cells filled, 6 blank, 0 missing
001	doc.tables	warn	art20_5			6	0	44	0 of 6 cells filled, 6 blank, 0 missing
001	doc.tables	warn	art20_6			6	0	48	0 of 6 cells filled, 6 blank, 0 missing
001	doc.tables	warn	art20_8			2	0	52	0 of 2 cells filled, 2 blank, 0 missing
001	doc.tables	warn	art20_9			2	1	56	1 of 2 cells filled, 1 blank, 0 missing
001	doc.tables	warn	requests			161	0		table requests missing
001	doc.tables	warn	appeals			15	0		table appeals missing
002	doc.period	fail	doc	period	value	2020-01-01..2020-12-31	2020-01-01..2021-12-31	7	统计期限 2020-01-01..2021-12-31 is not inside the report year 2020: 为2020年1月1日至2021年12月31日
002	doc.deadline	na	doc	signed	value				no publication or signature date
003	doc.period	na	doc	period	value	2017-01-01..2017-12-31			no 统计期限 stated
004	doc.deadline	na	doc	signed	value				no publication or signature date
goi-check: 5 documents, 840 rules evaluated, 1 failed, 8 warnings, 6 not assessable"
}

@test "seeds: the tables of 000, 002 and 004 add up (exit 0)" {
	run goi-check -r requests,appeals,art20,stats "$CHK/seeds.cells.tsv"
	assert_success
	assert_output "$FH
001	art20.published	na	art20_1	rules	published			40	rules: published is blank
001	art20.published	na	art20_1	normative	published			41	normative: published is blank
goi-check: 5 documents, 792 rules evaluated, 0 failed, 0 warnings, 2 not assessable"
}

@test "seeds -a: passes too, at their lines (002 table 3, column total)" {
	run bash -c "goi-check -a -r requests.balance,requests.results,appeals.total '$CHK/seeds.cells.tsv' 2>/dev/null | awk -F'\t' '\$1 == \"002\" && (\$6 == \"total\" || \$2 == \"appeals.total\")'"
	assert_output "002	requests.balance	pass	requests	total	total	61	61	65	total: total + carried_out 61, new + carried_in 61
002	requests.results	pass	requests	total	total	61	61	65	total: total 61, sum of the result rows 61
002	appeals.total	pass	appeals	review	total	41	41	73	review: total 41, upheld + corrected + other + pending 41
002	appeals.total	pass	appeals	suit_direct	total	19	19	73	suit_direct: total 19, upheld + corrected + other + pending 19
002	appeals.total	pass	appeals	suit_after_review	total	0	0	73	suit_after_review: total 0, upheld + corrected + other + pending 0"
}

@test "corpus (hand-checked values): the tables add up; two reports' prose does not" {
	run goi-check "$BATS_FILE_TMPDIR/corpus.cells.tsv"
	assert_failure 1
	assert_output "$FH
2019-pingtan-zone	text.active	warn	text	active.total	value	2533	2599	10	the stated total 2599, sum of its parts 2533 (parts may be partial)
2019-pingtan-zone	doc.problems	na	doc	problems_chars	value	>=10			length of part 五 unknown
2022-pingtan-zone	text.new	fail	text	requests.new	value	74	75	10	the text's requests.new 75, requests new total 74
2022-pingtan-zone	doc.problems	na	doc	problems_chars	value	>=10			length of part 五 unknown
2025-pingtan-zone	doc.deadline	na	doc	signed	value				no publication or signature date
2025-pingtan-zone	doc.problems	na	doc	problems_chars	value	>=10			length of part 五 unknown
goi-check: 5 documents, 889 rules evaluated, 1 failed, 1 warning, 4 not assessable"
	run goi-check -r requests,appeals,art20,stats "$BATS_FILE_TMPDIR/corpus.cells.tsv"
	assert_success
	assert_output "$FH
goi-check: 5 documents, 839 rules evaluated, 0 failed, 0 warnings, 0 not assessable"
}

# Each cell of table 3 and table 4 of a consistent report, one at a time,
# plus one: the rules that must catch it, anchored where they say.
mutation_run() {
	local file=$1 doc=$2 results=$3 row col v want got n=0
	while IFS=$'\t' read -r row col v; do
		want=$( {
			echo "requests.applicants $row total"
			case " $results total " in *" $row "*) echo "requests.results total $col" ;; esac
			case $row in new|carried_in|total|carried_out) echo "requests.balance total $col" ;; esac
		} | sort)
		got=$(mutate "$file" "$doc" requests "$row" "$col" $((v + 1)) |
			goi-check -N -r requests 2>/dev/null | fails)
		[ "$got" = "$want" ] || { echo "requests $row $col: got [$got] want [$want]"; return 1; }
		n=$((n + 1))
	done < <(awk -F'\t' -v d="$doc" '$1 == d && $4 == "requests" { print $5 "\t" $6 "\t" $7 }' "$file")
	while IFS=$'\t' read -r row col v; do
		want="appeals.total $row total"
		got=$(mutate "$file" "$doc" appeals "$row" "$col" $((v + 1)) |
			goi-check -N -r appeals 2>/dev/null | fails)
		[ "$got" = "$want" ] || { echo "appeals $row $col: got [$got] want [$want]"; return 1; }
		n=$((n + 1))
	done < <(awk -F'\t' -v d="$doc" '$1 == d && $4 == "appeals" { print $5 "\t" $6 "\t" $7 }' "$file")
	echo "$n"
}

R19="granted partial denied.1 denied.2 denied.3 denied.4 denied.5 denied.6 denied.7 denied.8 unable.1 unable.2 unable.3 unprocessed.1 unprocessed.2 unprocessed.3 unprocessed.4 unprocessed.5"

@test "mutation: every cell of seed 002's tables 3 and 4, changed alone, is caught by the right rules" {
	run mutation_run "$CHK/seeds.cells.tsv" 002 "$R19 other"
	assert_success
	assert_output 176
}

@test "mutation: every cell of corpus 2025 (2021 format) tables 3 and 4 is caught by the right rules" {
	run mutation_run "$BATS_FILE_TMPDIR/corpus.cells.tsv" 2025-pingtan-zone "$R19 other.1 other.2 other.3"
	assert_success
	assert_output 190
}

@test "mutation: article 20 values out of range" {
	f="$CHK/seeds.cells.tsv"
	while IFS='|' read -r table row col v want; do
		got=$(mutate "$f" 002 "$table" "$row" "$col" "$v" | goi-check -N -r art20 2>/dev/null |
			awk -F'\t' '$1 == "002" { print $2, $3, $5, $6, $8, $10 }' | paste -sd';')
		[ "$got" = "$want" ] || { echo "$table $row $col $v: got [$got] want [$want]"; return 1; }
	done <<'TABLE'
art20_1|rules|made|-1|art20.counts fail rules made -1 negative
art20_5|licensing|decisions|2.5|art20.counts fail licensing decisions 2.5 not an integer
art20_5|licensing|change|-7|
art20_8|fees|change|0.5|art20.change fail fees change 0.5 not an integer
art20_9|procurement|amount|-1.25|art20.amounts fail procurement amount -1.25 negative
art20_9|procurement|amount|0.0001|
art20_1|normative|published|4|art20.published warn normative published 4 normative: published 4 > 3 (total_public)
art20_1|normative|total_public|2|art20.published warn normative published 3 normative: published 3 > 2 (total_public)
TABLE
}

@test "mutation: the old statistics table of seed 003, one indicator at a time" {
	f="$CHK/seeds.cells.tsv"
	while IFS='|' read -r row v want; do
		got=$(mutate "$f" 003 stats "$row" value "$v" | goi-check -N -r stats 2>/dev/null |
			awk -F'\t' '{ print $2, $3, $5, $7, $8, $9 }' | paste -sd';')
		[ "$got" = "$want" ] || { echo "$row $v: got [$got] want [$want]"; return 1; }
	done <<'TABLE'
当面申请数|1|stats.channels fail 收到申请数 1 0 45
收到申请数|2|stats.channels fail 收到申请数 0 2 45
网络申请数|-1|stats.numbers fail 网络申请数 non-negative number -1 48;stats.channels fail 收到申请数 -1 0 45
按时办结数|1|stats.outcomes fail 申请办结数 1 0 50
同意公开答复数|1|stats.replies fail 申请答复数 1 0 53
涉及个人隐私|1|stats.refusals fail 不同意公开答复数 1 0 57
不同意公开答复数|1|stats.replies fail 申请答复数 1 0 53;stats.refusals fail 不同意公开答复数 0 1 57
维持具体行政行为数|1|stats.outcomes fail 行政复议数量 1 0 68
其他情形数|1|stats.outcomes fail 行政复议数量 1 0 68;stats.outcomes fail 行政诉讼数量 1 0 72
兼职人员数|5|stats.staff fail 从事政府信息公开工作人员数 7 8 81
主动公开规范性文件数|25|stats.subset fail 主动公开规范性文件数 <=24 25 26
主要负责同志参加新闻发布会次数|1|stats.subset fail 主要负责同志参加新闻发布会次数 <=0 1 38
政府网站公开政府信息数|999|
TABLE
}

@test "stats: this year's value at most the cumulative one (corpus 2012)" {
	run bash -c "awk -F'\t' -v OFS='\t' '\$5 == \"网站公开\" && \$6 == \"value\" { \$7 = 3305 } { print }' '$BATS_FILE_TMPDIR/corpus.cells.tsv' | goi-check -N -r stats"
	assert_failure 1
	assert_output "2012-pingtan-county	stats.cumulative	fail	stats	网站公开	value	<=3304	3305	4	网站公开: value 3305 > 3304 (cumulative)
2012-pingtan-county	stats.subset	fail	stats	网站公开	value	<=2026	3305	4	published: 网站公开 3305 > 主动公开信息数 2026
goi-check: 5 documents, 115 rules evaluated, 2 failed, 0 warnings, 0 not assessable"
}

@test "text against tables: figures of the prose, parts of 主动公开" {
	run goi-check -r text "$CHK/text.cells.tsv"
	assert_failure 1
	assert_output "$FH
t1	text.new	fail	text	requests.new	value	61	60	8	the text's requests.new 60, requests new total 61
t1	text.suit	fail	text	appeals.suit	value	19	18	10	the text's appeals.suit 18, suits direct + after review 19
t1	text.active	warn	text	active.total	value	90	100	5	the stated total 100, sum of its parts 90 (parts may be partial)
t2	text.active	fail	text	active.total	value	110	100	5	the stated total 100, sum of its parts 110
goi-check: 2 documents, 8 rules evaluated, 3 failed, 1 warning, 0 not assessable"
}

@test "seed 000: the prose's 4536 = 2119 + 1234 + 1183" {
	run bash -c "goi-check -a -N -r text '$CHK/seeds.cells.tsv' 2>/dev/null"
	assert_output "000	text.active	pass	text	active.total	value	4536	4536	5	the stated total 4536, sum of its parts 4536"
}

@test "across years of one organ, in any order in the stream" {
	want="$FH
pt2022	cross.carried	fail	requests	carried_in	business	0	1	40	business: carried_in 1, last year's carried_out 0
pt2022	cross.carried	fail	requests	carried_in	total	2	3	40	total: carried_in 3, last year's carried_out 2
pt2022	cross.in_force	warn	art20_1	rules	in_force	1	0	20	rules: in_force 0, last year's in_force + issued - repealed 1
dy2020	cross.carried	na	requests	carried_in	natural	1	1	45	natural: carried_in is a glued reading (100001): proves nothing
dy2020	cross.prev_items	warn	art20_5	other_services	prev_items	4	5	44	other_services: prev_items 5, last year's prev_items + change 4
goi-check: 4 documents, 18 rules evaluated, 2 failed, 2 warnings, 1 not assessable"
	run goi-check -r cross "$CHK/cross.cells.tsv"
	assert_failure 1
	assert_output "$want"
	# Last year's reports first: the same findings.
	run bash -c "{ head -n 1 '$CHK/cross.cells.tsv'; grep -P '^(pt2021|dy2019)\t' '$CHK/cross.cells.tsv'; grep -P '^(pt2022|dy2020)\t' '$CHK/cross.cells.tsv'; } | goi-check -r cross"
	assert_output "$(printf '%s\n' "$want" | sed -n '1p;2,4p;5,6p;7p')"
}

# organ_cells: rows "doc|year|organ|row|col|value|kind|raw|line" -> a cells
# stream of one organ fact and one requests cell per report (2021 format)
organ_cells() {
	printf '%s\n' "$H"
	while IFS='|' read -r d y o r c v k raw l; do
		printf '%s\t%s\t2021\tdoc\torgan\tvalue\t%s\ttext\t%s\t1\n' "$d" "$y" "$o" "$o"
		printf '%s\t%s\t2021\trequests\t%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$y" "$r" "$c" "$v" "$k" "$raw" "$l"
	done
}

@test "across years: what is kept of last year's report until the end" {
	# A: two reports of 2020, the later one in the stream counts; B: an
	# exact decimal; C: out of range; D: a missing cell on either side
	# (the finding then points at last year's line); E: last year's glued
	# reading with its raw text; F: a table present only through a column
	# no rule reads.
	organ_cells > "$BATS_TEST_TMPDIR/in.tsv" <<'T'
a1|2020|A|carried_out|total|5|num|5|10
a2|2020|A|carried_out|total|7|num|7|20
a3|2021|A|carried_in|total|7|num|7|30
b1|2020|B|carried_out|total|2.50|num|2.50|40
b2|2021|B|carried_in|total|3|num|3|50
c1|2020|C|carried_out|total|99999999999999999999|num|99999999999999999999|60
c2|2021|C|carried_in|total|1|num|1|70
d1|2020|D|carried_out|total|12|num|12|80
d2|2021|D|carried_in|natural|0|num|0|90
e1|2020|E|carried_out|total|3|glued|结转 3|100
e2|2021|E|carried_in|total|3|num|3|110
f1|2020|F|carried_out|org_subtotal|1|num|1|120
f2|2021|F|carried_in|total|3|num|3|130
T
	run bash -c "goi-check -N -a -r cross '$BATS_TEST_TMPDIR/in.tsv' 2>/dev/null"
	assert_failure 1
	assert_output "a3	cross.carried	pass	requests	carried_in	total	7	7	30	total: carried_in 7, last year's carried_out 7
b2	cross.carried	fail	requests	carried_in	total	2.5	3	50	total: carried_in 3, last year's carried_out 2.5
c2	cross.carried	na	requests	carried_in	total		1	70	total: last year's carried_out is out of range
d2	cross.carried	na	requests	carried_in	natural		0	90	natural: last year's carried_out is missing
d2	cross.carried	na	requests	carried_out	total	12		80	total: carried_in is missing
e2	cross.carried	na	requests	carried_in	total	3	3	110	total: last year's carried_out is a glued reading (结转 3): proves nothing
f2	cross.carried	na	requests	carried_in	total		3	130	total: last year's carried_out is missing"
	# a1 after a2: now a1's 5 is last year's figure
	run bash -c "{ sed -n '1p;4,5p' '$BATS_TEST_TMPDIR/in.tsv'; sed -n '2,3p;6,7p' '$BATS_TEST_TMPDIR/in.tsv'; } | goi-check -N -r cross 2>/dev/null"
	assert_failure 1
	assert_output "a3	cross.carried	fail	requests	carried_in	total	5	7	30	total: carried_in 7, last year's carried_out 5"
}

# many_reports N: N reports of 150 organs over 8 years in random order, some
# (organ, year) twice, some with no table at all (they still count as the
# latest report of their year), carried_in and carried_out per column.
many_reports() {
	printf '%s\n' "$H"
	awk -v n="$1" 'BEGIN { OFS = "\t"; srand(7)
	    for (i = 1; i <= n; i++) {
		o = "机关" int(rand() * 150); y = 2015 + int(rand() * 8); d = "r" i
		print d, y, 2021, "doc", "organ", "value", o, "text", o, 1
		if (rand() < 0.05) continue
		for (c = 0; c < 3; c++) {
			col = c == 0 ? "natural" : c == 1 ? "legal" : "total"
			v = int(rand() * 4); w = int(rand() * 4)
			print d, y, 2021, "requests", "carried_in", col, v, "num", v, 10 + c
			print d, y, 2021, "requests", "carried_out", col, w, "num", w, 20 + c
		}
	    } }'
}

@test "-S: records of the cross rules spilled to disk give the in-memory findings" {
	local t="$BATS_TEST_TMPDIR" f args
	many_reports 3000 > "$t/many.tsv"
	for f in "$t/many.tsv" "$CHK/cross.cells.tsv" "$CHK/seeds.cells.tsv" "$BATS_FILE_TMPDIR/corpus.cells.tsv"; do
		for args in "-r cross" "-a -r cross" "-a" "--csv -N"; do
			goi-check $args "$f" > "$t/mem" 2> "$t/mem.err" && s1=0 || s1=$?
			goi-check -S 1b $args "$f" > "$t/disk" 2> "$t/disk.err" && s2=0 || s2=$?
			[ "$s1" = "$s2" ] && cmp "$t/mem" "$t/disk" &&
			    cmp "$t/mem.err" "$t/disk.err" ||
			    { echo "$args $f: spilled findings differ"; return 1; }
			goi-check -S 4K $args "$f" 2>/dev/null | cmp - "$t/mem"
		done
	done
	# the stream has what the test is about: pairs, in any order
	[ "$(goi-check -r cross "$t/many.tsv" 2>/dev/null | grep -c 'cross.carried	fail')" -gt 1000 ]
	# below the budget nothing touches the disk; with -S 1b the records do
	goi-check -a "$t/many.tsv" > "$t/mem" 2>/dev/null || true
	goi-check -T "$t/none" -a "$t/many.tsv" 2>/dev/null | cmp - "$t/mem"
	run goi-check -S 1b -T "$t/none" -r cross "$t/many.tsv"
	assert_failure 2
	assert_line --index 0 "goi-check: temporary file in $t/none: No such file or directory"
}

@test "-S: TMPDIR, nothing left behind; a full disk is trouble (exit 2); bad sizes" {
	local t="$BATS_TEST_TMPDIR"
	mkdir "$t/tmp"
	many_reports 3000 > "$t/many.tsv"
	TMPDIR="$t/tmp" goi-check -S 1b -r cross "$t/many.tsv" > /dev/null 2>&1 || [ $? -eq 1 ]
	run ls -A "$t/tmp"
	assert_output ''
	run bash -c "trap '' XFSZ; ulimit -f 8; TMPDIR='$t/tmp' goi-check -S 1b -r cross '$t/many.tsv' > /dev/null"
	assert_failure 2
	assert_line --index 0 "goi-check: temporary file in $t/tmp: File too large"
	run goi-check -S 12q "$t/many.tsv"
	assert_failure 2
	assert_line --index 0 "goi-check: -S: bad size '12q'"
}

@test "na, never fail: blank, na, text and missing inputs; glued inputs prove nothing" {
	f="$CHK/seeds.cells.tsv"
	while IFS='|' read -r row col value kind want; do
		got=$(awk -F'\t' -v OFS='\t' -v r="$row" -v c="$col" -v v="$value" -v k="$kind" \
		    '$1 == "002" && $4 == "requests" && $5 == r && $6 == c { if (k == "gone") next; $7 = v; $8 = k } { print }' "$f" |
			goi-check -N -r requests.balance,requests.applicants 2>/dev/null | awk -F'\t' '{ print $2, $3, $10 }' | paste -sd';')
		[ "$got" = "$want" ] || { echo "$row $col $kind: got [$got] want [$want]"; return 1; }
	done <<'TABLE'
carried_out|legal||empty|requests.balance na legal: carried_out is blank;requests.applicants na carried_out: legal is blank
carried_out|legal||na|requests.balance na legal: carried_out is na;requests.applicants na carried_out: legal is na
new|other|一|text|requests.balance na other: new is not a number;requests.applicants na new: other is not a number
new|other||gone|requests.balance na other: new is missing;requests.applicants na new: other is missing
new|other|1|glued|requests.balance na other: new is a glued reading (1): proves nothing;requests.applicants na new: other is a glued reading (1): proves nothing
TABLE
}

@test "-r: ids and groups; an unknown rule is a usage error" {
	run bash -c "goi-check -N -r doc.period,cross '$CHK/seeds.cells.tsv' 2>&1"
	assert_failure 1
	assert_output "000	doc.period	na	doc	period	value	2020-01-01..2020-12-31			no 统计期限 stated
002	doc.period	fail	doc	period	value	2020-01-01..2020-12-31	2020-01-01..2021-12-31	7	统计期限 2020-01-01..2021-12-31 is not inside the report year 2020: 为2020年1月1日至2021年12月31日
003	doc.period	na	doc	period	value	2017-01-01..2017-12-31			no 统计期限 stated
goi-check: 5 documents, 5 rules evaluated, 1 failed, 0 warnings, 2 not assessable"
	run goi-check -r requests.nonsense "$CHK/seeds.cells.tsv"
	[ "$status" -eq 2 ]
	assert_output "goi-check: unknown rule 'requests.nonsense' (goi-check --list lists them)
usage: goi-check [-ahNV] [--csv] [--list] [-r rule[,rule...]] [-S size] [-T dir] [file ...]"
}

@test "doc rules: deadlines by organ level and year, problems, parts" {
	while IFS='|' read -r organ year date want; do
		got=$(printf '%s\n' "$H" \
		    "d	$year	2019	doc	organ	value	$organ	text	$organ	1" \
		    "d	$year	2019	doc	year	value	$year	num	$year	1" \
		    "d	$year	2019	doc	published	value	$date	text	$date	2" |
			goi-check -N -a -r doc.deadline 2>/dev/null | cut -f3,7)
		[ "$got" = "$want" ] || { echo "$organ $year $date: got [$got] want [$want]"; return 1; }
	done <<'TABLE'
大雁镇|2019|2020-01-31|pass	<=2020-01-31
大雁镇|2019|2020-02-01|warn	<=2020-01-31
邓州市人民政府|2020|2021-03-31|pass	<=2021-03-31
邓州市人民政府办公室|2020|2021-02-01|warn	<=2021-01-31
平潭综合实验区管委会办公室（汇总全区）|2025|2026-03-13|pass	<=2026-03-31
薛家岛街道办事处|2017|2018-03-31|pass	<=2018-03-31
某县教育局|2012|2013-04-01|warn	<=2013-03-31
TABLE
	run bash -c "printf '%s\n' '$H' 'd	2021	2021	doc	year	value	2021	num	2021	1' 'd	2021	2021	doc	sections	value	front overview requests appeals problems end	text	x	1' 'd	2021	2021	doc	problems_chars	value	1	num	无	70' | goi-check -N -r doc.parts,doc.problems"
	assert_success
	assert_output "d	doc.parts	warn	doc	sections	value	overview active requests appeals problems other	front overview requests appeals problems end	1	missing: active other
d	doc.problems	warn	doc	problems_chars	value	>=10	1	70	part 五 has 1 characters
goi-check: 1 document, 2 rules evaluated, 0 failed, 2 warnings, 0 not assessable"
}

@test "org_subtotal when the table has it" {
	run bash -c "printf '%s\n' '$H' 'd	2021	2021	requests	new	business	1	num	1	5' 'd	2021	2021	requests	new	legal	2	num	2	5' 'd	2021	2021	requests	new	research	0	num	0	5' 'd	2021	2021	requests	new	nonprofit	0	num	0	5' 'd	2021	2021	requests	new	other	0	num	0	5' 'd	2021	2021	requests	new	org_subtotal	4	num	4	5' | goi-check -N -r requests.org_subtotal"
	assert_failure 1
	assert_output "d	requests.org_subtotal	fail	requests	new	org_subtotal	3	4	5	new: org_subtotal 4, sum of the five organisation columns 3
goi-check: 1 document, 1 rules evaluated, 1 failed, 0 warnings, 0 not assessable"
}

# ---- hostile input -----------------------------------------------------------

@test "raw text instead of a cells stream: file and line, exit 2" {
	run goi-check -N "$SEEDS/002_d3ddc9c30ed8506a.txt"
	assert_failure 2
	assert_output "goi-check: $SEEDS/002_d3ddc9c30ed8506a.txt:1: not 10 TAB-separated fields (doc year format table row col value kind raw line): not a cells stream
goi-check: 0 documents, 0 rules evaluated, 0 failed, 0 warnings, 0 not assessable"
}

@test "a lines stream: its header named at line 1" {
	printf 'doc\tline\ttext\nd\t1\tx\n' > "$BATS_TEST_TMPDIR/lines.tsv"
	run goi-check -N "$BATS_TEST_TMPDIR/lines.tsv"
	assert_failure 2
	assert_output "goi-check: $BATS_TEST_TMPDIR/lines.tsv:1: the header of another stream: not a cells stream
goi-check: 0 documents, 0 rules evaluated, 0 failed, 0 warnings, 0 not assessable"
}

@test "a truncated row, an unknown kind, a bad line number: named, exit 2" {
	while IFS='|' read -r row want; do
		run bash -c "printf '%s\n%b\n' '$H' '$row' | goi-check -N -r requests"
		assert_failure 2
		want=$(printf '%b' "$want")
		[ "$output" = "$want" ] || { echo "got [$output] want [$want]"; return 1; }
	done <<'TABLE'
d\t2021\t2021\trequests\tnew\ttotal\t3|goi-check: (stdin):2: not 10 TAB-separated fields (doc year format table row col value kind raw line): not a cells stream\ngoi-check: 0 documents, 0 rules evaluated, 0 failed, 0 warnings, 0 not assessable
d\t2021\t2021\trequests\tnew\ttotal\t3\tnumber\t3\t1|goi-check: (stdin):2: unknown kind 'number' (num glued empty na text): not a cells stream\ngoi-check: 0 documents, 0 rules evaluated, 0 failed, 0 warnings, 0 not assessable
d\t2021\t2021\trequests\tnew\ttotal\t3\tnum\t3\tx|goi-check: (stdin):2: line 'x' is not a positive number: not a cells stream\ngoi-check: 0 documents, 0 rules evaluated, 0 failed, 0 warnings, 0 not assessable
TABLE
}

@test "a number too large for 64 bits: named, not assessed, never summed" {
	printf '%s\n' "$H" \
	    $'a\t2021\t2021\trequests\tnew\tnatural\t99999999999999999999\tnum\t99999999999999999999\t5' \
	    $'a\t2021\t2021\trequests\tnew\ttotal\t1\tnum\t1\t5' > "$BATS_TEST_TMPDIR/big"
	run goi-check -N -r requests.applicants,requests.integers "$BATS_TEST_TMPDIR/big"
	assert_success
	assert_output "goi-check: $BATS_TEST_TMPDIR/big:2: number out of range: '99999999999999999999' (requests new natural), not assessed
a	requests.applicants	na	requests	new	total		1	5	new: natural is out of range
a	requests.integers	na	requests	new	natural	non-negative integer	99999999999999999999	5	value out of range
goi-check: 1 document, 3 rules evaluated, 0 failed, 0 warnings, 2 not assessable"
}

@test "empty input, header only, CRLF, no final newline, NUL bytes, invalid UTF-8" {
	run bash -c "printf '' | goi-check"
	assert_success
	assert_output "$FH
goi-check: 0 documents, 0 rules evaluated, 0 failed, 0 warnings, 0 not assessable"
	run bash -c "printf '%s\n' '$H' | goi-check -N"
	assert_success
	assert_output "goi-check: 0 documents, 0 rules evaluated, 0 failed, 0 warnings, 0 not assessable"
	row=$'d\t2020\t2019\tappeals\treview\ttotal\t1\tnum\t1\t3'
	for input in "$H\r\n$row\r\n" "$H\n$row" "$H\n${row/d/d\\0x}\n" "$H\n${row/d/d\\377}\n"; do
		run bash -c "printf '$input' | goi-check -N -a -r appeals.integers 2>&1 | cut -f2,3,5,6,8,9"
		assert_output "appeals.integers	pass	review	total	1	3
goi-check: 1 document, 1 rules evaluated, 0 failed, 0 warnings, 0 not assessable"
	done
}

@test "a 10 MB field: no crash, the cell is checked" {
	{ printf '%s\n' "$H"; printf 'd\t2020\t2019\tappeals\treview\ttotal\t'; head -c 10000000 /dev/zero | tr '\0' 7; printf '\tnum\tx\t3\n'; } > "$BATS_TEST_TMPDIR/long"
	run bash -c "goi-check -N -r appeals '$BATS_TEST_TMPDIR/long' 2>&1 | cut -c1-120"
	assert_success
	assert_output --partial "number out of range: '7777777"
	assert_output --partial "goi-check: 1 document, 2 rules evaluated, 0 failed, 0 warnings, 2 not assessable"
}

@test "an unreadable file among good ones: named, the others checked, exit 2" {
	run goi-check -N -r doc.period "$CHK/text.cells.tsv" "$BATS_TEST_TMPDIR/none" "$CHK/text.cells.tsv"
	assert_failure 2
	assert_output --partial "goi-check: $BATS_TEST_TMPDIR/none: cannot open: No such file or directory"
	assert_output --partial "goi-check: 4 documents, 4 rules evaluated"
}

@test "> /dev/full: exit 2 with a message; | head -n 1: quiet" {
	run bash -c "goi-check -a '$CHK/seeds.cells.tsv' > /dev/full"
	assert_failure 2
	assert_output --partial "goi-check: write error: No space left on device"
	run bash -c "goi-check -a '$CHK/seeds.cells.tsv' 2>&1 >/dev/null | head -n 1; goi-check -a '$CHK/seeds.cells.tsv' 2>'$BATS_TEST_TMPDIR/err' | head -n 1"
	assert_output "goi-check: 5 documents, 840 rules evaluated, 1 failed, 8 warnings, 6 not assessable
$FH"
	run cat "$BATS_TEST_TMPDIR/err"
	assert_output ''
}

@test "--csv, -N" {
	run bash -c "goi-check --csv -r doc.period '$CHK/seeds.cells.tsv' 2>/dev/null | tr -d '\r'"
	assert_output "doc,rule,status,table,row,col,expected,actual,line,message
000,doc.period,na,doc,period,value,2020-01-01..2020-12-31,,,no 统计期限 stated
002,doc.period,fail,doc,period,value,2020-01-01..2020-12-31,2020-01-01..2021-12-31,7,统计期限 2020-01-01..2021-12-31 is not inside the report year 2020: 为2020年1月1日至2021年12月31日
003,doc.period,na,doc,period,value,2017-01-01..2017-12-31,,,no 统计期限 stated"
}

# ---- the real pipeline -------------------------------------------------------

@test "pipeline: goi-clean | goi-table | goi-check on the seeds" {
	[ -x "$TOP/cmd/goi-table" ] && [ -x "$TOP/cmd/goi-clean" ] || skip "goi-table not built yet"
	for s in 000 001 002 003 004; do goi-clean "$SEEDS/${s}_"*.txt | goi-table 2>/dev/null; done > "$BATS_TEST_TMPDIR/cells"
	run bash -c "goi-check -N '$BATS_TEST_TMPDIR/cells' 2>/dev/null | awk -F'\t' '\$2 == \"doc.period\" && \$3 == \"fail\" { print \$9, \$7, \$8 }'"
	assert_output "7 2020-01-01..2020-12-31 2020-01-01..2021-12-31"
	run bash -c "goi-check -N '$BATS_TEST_TMPDIR/cells' 2>/dev/null | awk -F'\t' '\$2 == \"doc.deadline\" && \$3 == \"warn\" { print \$9, \$8 }'"
	assert_output "3 2021-01-05"
	run bash -c "goi-check -N -r requests,appeals,art20,stats '$BATS_TEST_TMPDIR/cells' 2>/dev/null | awk -F'\t' '\$3 == \"fail\"'"
	assert_output ''
}
