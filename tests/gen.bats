#!/usr/bin/env bats
# bench/gen, the corpus generator, as a fixture source: its output is
# deterministic, honours the size, holds every layout of SPEC section 3, its
# truth file is well-formed and its numbers add up except where it says it
# planted an inconsistency.  Then, once the tools are built, the pipeline
# over a small generated corpus: goi-table must recover the generated
# numbers and goi-check must find exactly the planted inconsistencies.
load helper

GEN="$TOP/bench/gen"

setup_file() {
	make -s -C "$TOP/bench" gen >/dev/null
}

setup() {
	[ -x "$GEN" ] || skip "bench/gen did not build"
	T="$BATS_TEST_TMPDIR"
}

@test "gen: usage errors exit 2 with the synopsis" {
	for args in "" "-s 1" "-m 1M" "-s 1 -m 0" "-s 1 -m 10X" "-s 1 -m 1M extra" "-x"; do
		run "$GEN" $args
		[ "$status" -eq 2 ] || { echo "args: $args status $status"; false; }
		[[ "${lines[-1]}" == "usage: gen -s SEED -m SIZE[K|M|G] [-o DIR] [-t TRUTH.tsv]" ]]
	done
}

@test "gen: the same seed and size give the same bytes" {
	"$GEN" -s 42 -m 300K > "$T/a"
	"$GEN" -s 42 -m 300K > "$T/b"
	cmp "$T/a" "$T/b"
	run sh -c "'$GEN' -s 42 -m 300K | cksum"
	assert_output "$(cksum < "$T/a")"
}

@test "gen: another seed gives other bytes" {
	"$GEN" -s 42 -m 300K > "$T/a"
	"$GEN" -s 43 -m 300K > "$T/b"
	! cmp -s "$T/a" "$T/b"
}

@test "gen: a larger size extends the smaller corpus" {
	"$GEN" -s 5 -m 200K > "$T/a"
	"$GEN" -s 5 -m 1M > "$T/b"
	n=$(wc -c < "$T/a")
	head -c "$n" "$T/b" | cmp - "$T/a"
}

@test "gen: the size is honoured within one report" {
	for spec in 100K:102400 1M:1048576 5M:5242880; do
		"$GEN" -s 9 -m "${spec%%:*}" > "$T/c"
		n=$(wc -c < "$T/c") want=${spec#*:}
		# never more than asked; at most one report (< 40 KB) less
		[ "$n" -le "$want" ] && [ "$n" -gt $((want - 40960)) ] ||
		    { echo "$spec: $n bytes"; false; }
	done
	# a size below one report still writes one report
	run sh -c "'$GEN' -s 9 -m 1K | grep -c 政府信息公开工作年度报告"
	[ "$status" -eq 0 ]
}

@test "gen: -o writes the same bytes, one file a report, named as the truth says" {
	"$GEN" -s 11 -m 500K -t "$T/t.tsv" > "$T/all"
	"$GEN" -s 11 -m 500K -o "$T/d"
	cat "$T/d"/*.txt | cmp - "$T/all"
	run bash -c "cmp <(awk -F'\t' '\$1 == \"doc\" { print \$2 \".txt\" }' '$T/t.tsv' | sort) <(ls '$T/d' | sort)"
	assert_success
}

# The layouts of SPEC section 3, each with a signature a reader can grep.
@test "gen: a small corpus holds every layout, format and kind of debris" {
	"$GEN" -s 1 -m 3M -t "$T/t.tsv" > "$T/c"
	run sh -c "awk -F'\t' '\$1 == \"doc\" { print \$6 \"/\" \$7 }' '$T/t.tsv' | sort -u | tr '\n' ' '"
	assert_output "2019/glued 2019/html 2019/markdown 2019/pdf 2019/pipe1 2019/tab 2019/tabcell 2021/glued 2021/html 2021/markdown 2021/pdf 2021/pipe1 2021/tab 2021/tabcell old/oldpipe old/oldspaced old/oldsquashed old/oldtab "
	c="$T/c"
	tab=$(printf '\t') cr=$(printf '\r') bom=$(printf '\357\273\277')
	while IFS='|' read -r what re; do
		grep -Eq -- "$re" "$c" || { echo "no $what: $re"; false; }
	done <<EOF
pipe1 cell lines|^\|\|\|$
pipe1 vertical label|^然$
TAB rows with empty fields|^第二十条第[（(]一[）)]项${tab}${tab}${tab}$
TAB one cell a line|^${tab}信息内容$
markdown|^\|---\|---\|---\|---\|$
html rows without span padding|^[（(]三[）)]不予公开${tab}1\.属于国家秘密${tab}
pdf rows|^规章 [0-9]+ [0-9]+ [0-9]+$
pdf 表四 as 15 numbers|^[0-9]+( [0-9]+){14}$
pdf wrapped labels|[^ ]                                                    [^ ]
glued tables|第二十条第[（(]一[）)]项信息内容本年
glued digits|规范性文件[0-9]{3,}第二十条
old statistics table as pipes|^\| 政府信息公开情况统计表 \|
old table space-separated|指标名称 计量单位
old table squashed|指标名称计量单位
old table TAB rows|^指标名称${tab}计量单位
2019 format|本年新制作数量
2021 format|本年制发件数
breadcrumb|^当前位置: 网站首页 >
font control|字体:\[ \]
crawler header|^==================== 正文 ====================$
bookmark|\[bookmark: _GoBack\]
Word comment|<!--\[if !supportLists\]-->
attachment debris|附件加载中\.\.\.
page numbers|^- [0-9] -$|^第[0-9]页 共5页$
full-width digits|０|１|２|３|４|５|６|７|８|９
half-width brackets|\(一\)
spaced labels|规    章
typo|结果维护
label variant|其他法律法规禁止公开
thousands separator|[0-9],[0-9]{3}
values with units|[0-9]件
money in yuan|[0-9]元
na cells|${tab}(/|-|—|无|不适用)${tab}
表三 with the 小计 column|${tab}小计${tab}|^${tab}小计$|\| 小计 \||^小计$
CRLF line ends|${cr}$
a BOM inside the stream|${bom}
a report glued to the next|[0-9]日(当前位置|标题|[^0-9${tab} |]+政府信息公开工作年度报告)
EOF
}

# The truth file: each record has its fields, each number is canonical.
@test "gen: the truth file is well-formed" {
	"$GEN" -s 2 -m 2M -t "$T/t.tsv" > /dev/null
	run awk -F'\t' '
	NR == 1 { if ($0 != "#type\tdoc\t...") print "header: " $0; next }
	$1 == "doc" { if (NF != 9 || $5 !~ /^20[0-2][0-9]$/ || $6 !~ /^(2019|2021|old)$/) print NR ": " $0; docs[$2] = 1; next }
	$1 == "cell" {
		if (NF != 7 || !($2 in docs)) { print NR ": " $0; next }
		if ($7 == "num" || $7 == "glued") {
			if ($6 !~ /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/) print NR ": not canonical: " $0
		} else if ($7 == "empty" || $7 == "na") {
			if ($6 != "") print NR ": " $0
		} else if ($7 != "text") print NR ": kind: " $0
		k = $2 SUBSEP $3 SUBSEP $4 SUBSEP $5
		if (k in seen) print NR ": duplicate: " $0
		seen[k] = 1; ncell++
		next
	}
	$1 == "plant" { if (NF != 8 || !($2 in docs)) print NR ": " $0; nplant++; next }
	{ print NR ": unknown record: " $0 }
	END { if (ncell < 10000 || nplant < 5) print "too few: " ncell " cells " nplant " plants" }' "$T/t.tsv"
	assert_success
	assert_output ""
}

# The numbers add up, except exactly where a plant record says they do not.
@test "gen: the identities hold in the truth except where an inconsistency was planted" {
	"$GEN" -s 3 -m 3M -t "$T/t.tsv" > /dev/null
	run awk -F'\t' '
	function v(d, t, r, c) { return tv[d SUBSEP t SUBSEP r SUBSEP c] }
	function num(d, t, r, c) { return (d SUBSEP t SUBSEP r SUBSEP c) in isnum }
	function fail(d, rule, t, r, c) { got[d SUBSEP rule SUBSEP t SUBSEP r SUBSEP c] = 1 }
	$1 == "doc" { docs[++nd] = $2; year[$2] = $5; next }
	$1 == "cell" {
		k = $2 SUBSEP $3 SUBSEP $4 SUBSEP $5
		tv[k] = $6
		if ($7 == "num" || $7 == "glued") isnum[k] = 1
		if ($3 == "requests" && $5 == "natural" && $4 !~ /^(new|carried_in|total|carried_out)$/) res[$2, ++nres[$2]] = $4
		next
	}
	$1 == "plant" { want[$2 SUBSEP $3 SUBSEP $4 SUBSEP $5 SUBSEP $6] = 1; next }
	END {
		split("natural business research nonprofit legal other total", C, " ")
		split("upheld corrected other pending", U, " ")
		split("review suit_direct suit_after_review", AR, " ")
		for (i = 1; i <= nd; i++) {
			d = docs[i]
			if (v(d, "doc", "period_to", "value") !~ "^" year[d] "-") fail(d, "doc.period", "doc", "period", "value")
			if (!num(d, "requests", "new", "total")) continue
			for (j = 1; j <= 7; j++) {
				c = C[j]; s = 0; ok = 1
				for (k = 1; k <= nres[d]; k++) { ok = ok && num(d, "requests", res[d, k], c); s += v(d, "requests", res[d, k], c) }
				if (ok && s != v(d, "requests", "total", c)) fail(d, "requests.results", "requests", "total", c)
				if (v(d, "requests", "new", c) + v(d, "requests", "carried_in", c) != v(d, "requests", "total", c) + v(d, "requests", "carried_out", c)) fail(d, "requests.balance", "requests", "total", c)
			}
			for (k = -1; k <= nres[d] + 2; k++) {
				r = k == -1 ? "new" : k == 0 ? "carried_in" : k <= nres[d] ? res[d, k] : k == nres[d] + 1 ? "total" : "carried_out"
				s = 0; ok = 1
				for (j = 1; j <= 6; j++) { ok = ok && num(d, "requests", r, C[j]); s += v(d, "requests", r, C[j]) }
				if (ok && s != v(d, "requests", r, "total")) fail(d, "requests.applicants", "requests", r, "total")
			}
			for (k = 1; k <= 3; k++) {
				s = 0
				for (j = 1; j <= 4; j++) s += v(d, "appeals", AR[k], U[j])
				if (s != v(d, "appeals", AR[k], "total")) fail(d, "appeals.total", "appeals", AR[k], "total")
			}
			if (num(d, "text", "requests.new", "value") && v(d, "text", "requests.new", "value") != v(d, "requests", "new", "total")) fail(d, "text.new", "text", "requests.new", "value")
			if (num(d, "text", "active.part.1", "value") && v(d, "text", "active.total", "value") < v(d, "text", "active.part.1", "value") + v(d, "text", "active.part.2", "value") + v(d, "text", "active.part.3", "value")) fail(d, "text.active", "text", "active.total", "value")
		}
		for (k in got) if (!(k in want)) { split(k, f, SUBSEP); print "unplanted: " f[1] " " f[2] " " f[4] "/" f[5] }
		for (k in want) { split(k, f, SUBSEP); if (!(k in got) && f[2] != "stats.channels") print "planted but holds: " f[1] " " f[2] " " f[4] "/" f[5]; n++ }
		if (n < 10) print "only " n " plants"
	}' "$T/t.tsv"
	assert_success
	assert_output ""
}

@test "gen: -t to a file that cannot be written exits 1 with a message" {
	run "$GEN" -s 1 -m 10K -t /nonexistent/dir/t.tsv
	[ "$status" -eq 1 ]
	assert_output --partial "gen: /nonexistent/dir/t.tsv: No such file or directory"
}

@test "gen: > /dev/full exits 1 with a message" {
	run sh -c "'$GEN' -s 1 -m 2M > /dev/full"
	[ "$status" -eq 1 ]
	assert_output "gen: write error: No space left on device"
}

@test "gen: | head -n 1 ends quietly" {
	run sh -c "'$GEN' -s 1 -m 50M | head -n 1 > /dev/null"
	assert_output ""
}

# ---- end to end: the generated corpus through the tools -------------------
#
# The corpus is written one file a report (gen -o), so the doc keys are the
# file names the truth names.  bench/score.sh scores every truth cell and
# every plant; the table it prints is the accuracy, shown on fd 3.

pipeline() {
	for t in clean table check; do
		[ -x "$TOP/cmd/goi-$t" ] || skip "goi-$t not built"
	done
	"$GEN" -s 7 -m 600K -o "$T/d" -t "$T/t.tsv"
	goi-clean "$T"/d/*.txt > "$T/lines"
	goi-table "$T/lines" > "$T/cells" 2> "$T/table.err" || true
	goi-check "$T/cells" > "$T/findings" 2> "$T/check.err" || true
}

# goi-table in its default mode: a glued run is read only when one reading
# survives the hard constraints.  (With --assume the value assumptions may
# pick a wrong reading: 1020 read as 1 0 20 under 本年增/减 = 0.)
@test "pipeline: goi-table never gives a wrong value for a generated cell" {
	pipeline
	run sh "$TOP/bench/score.sh" "$T/t.tsv" "$T/cells"
	sed 's/^/# /' <<<"$output" >&3
	run sh -c "sh '$TOP/bench/score.sh' -v '$T/t.tsv' '$T/cells' 2>&1 >/dev/null | grep '^wrong:'"
	assert_output ""
}

# Tables of the 2019 and 2021 formats, in layouts that keep the positions of
# their cells (not glued): every generated value, every blank, every na.
@test "pipeline: goi-table recovers every value of the standard tables where the layout keeps positions" {
	pipeline
	run sh -c "sh '$TOP/bench/score.sh' -v '$T/t.tsv' '$T/cells' 2>&1 >/dev/null |
	    grep -E '^(missed|wrong): [0-9]+_20(19|21)_(pipe1|tab|tabcell|markdown|html|pdf) (art20_[0-9]|requests|appeals)/'"
	assert_output ""
}

@test "pipeline: goi-check finds exactly the planted inconsistencies" {
	pipeline
	run sh "$TOP/bench/score.sh" "$T/t.tsv" "$T/cells" "$T/findings"
	tail -n 1 <<<"$output" | sed 's/^/# /' >&3
	run sh -c "sh '$TOP/bench/score.sh' -v '$T/t.tsv' '$T/cells' '$T/findings' 2>&1 >/dev/null | grep -E '^(not-found|unplanted):'"
	assert_output ""
}

@test "pipeline: a concatenated corpus splits into as many documents as it holds" {
	[ -x "$TOP/cmd/goi-clean" ] || skip "goi-clean not built"
	"$GEN" -s 7 -m 600K -t "$T/t.tsv" > "$T/all"
	run sh -c "goi-clean < '$T/all' | cut -f1 | uniq | sed 1d | wc -l"
	assert_output "$(grep -c '^doc' "$T/t.tsv")"
}
