#!/usr/bin/env bats
# lib/glued.c: the readings of a glued run of digits, through
# tests/glued-driver.c.  Problem lines: CELLS ¦ CONSTRAINTS ¦ RUN [¦ RUN...]
# (see the driver's comment); answers: the count, then one field a reading.

load helper

setup_file() {
	cc_driver "$BATS_FILE_TMPDIR/glued-driver" "$TOP/tests/glued-driver.c"
	# The same solver with the plain search cut off at once, so that every
	# row with an identity is solved by meeting in the middle.
	cc_driver "$BATS_FILE_TMPDIR/glued-mitm" -DFIRSTBUDGET=0 \
		"$TOP/tests/glued-driver.c" "$TOP/lib/glued.c"
}

drv() { "$BATS_FILE_TMPDIR/glued-driver" "$@"; }

# A table on stdin: a problem line, then "=> answer"; " ¦ " stands for TAB.
# Runs the problems through DRIVER, prints every answer that differs.
table() {
	local driver="${1:-$BATS_FILE_TMPDIR/glued-driver}" t="$BATS_TEST_TMPDIR"
	sed 's/ ¦ /\t/g' >"$t/table"
	grep -v '^=> ' "$t/table" >"$t/in"
	grep '^=> ' "$t/table" | sed 's/^=> //' >"$t/want"
	"$driver" solve <"$t/in" >"$t/got"
	paste -d '\n' "$t/in" "$t/want" "$t/got" | awk '
		NR % 3 == 1 { p = $0 } NR % 3 == 2 { w = $0 }
		NR % 3 == 0 && $0 != w { printf "%s\n  want %s\n  got  %s\n", p, w, $0; bad = 1 }
		END { exit bad }'
	[ "$(wc -l <"$t/in")" -eq "$(wc -l <"$t/got")" ]
}

@test "the readme cases: 表三 rows with their total, the old report's pairs" {
	table <<'T'
7 ¦ 6=0+1+2+3+4+5 ¦ 640020470
=> 1 ¦ 64 0 0 2 0 4 70
7 ¦ 6=0+1+2+3+4+5 ¦ 230 000023
=> 1 ¦ 23 0 0 0 0 0 23
7 ¦ 6=0+1+2+3+4+5 ¦ 713000074
=> 1 ¦ 71 3 0 0 0 0 74
7 ¦ 6=0+1+2+3+4+5 ¦ 23 0 00 0 023
=> 1 ¦ 23 0 0 0 0 0 23
7 ¦ 6=0+1+2+3+4+5 ¦  0 0 00 00 0 
=> 1 ¦ 0 0 0 0 0 0 0
7 ¦ 6=0+1+2+3+4+5 ¦ 10203120001200000
=> 0
2 ¦ k0=2949 ¦ 294981916
=> 1 ¦ 2949 81916
2 ¦ 1=0+#78967 ¦ 294981916
=> 1 ¦ 2949 81916
2 ¦  ¦ 294981916
=> 8 ¦ 2 94981916 ¦ 29 4981916 ¦ 294 981916 ¦ 2949 81916 ¦ 29498 1916 ¦ 294981 916 ¦ 2949819 16 ¦ 29498191 6
3 ¦ s1 ¦ 2648-18538
=> 11 ¦ 2 648 18538 ¦ 26 48 18538 ¦ 264 8 18538 ¦ 2648 1 8538 ¦ 2648 -1 8538 ¦ 2648 18 538 ¦ 2648 -18 538 ¦ 2648 185 38 ¦ 2648 -185 38 ¦ 2648 1853 8 ¦ 2648 -1853 8
T
}

@test "8 columns with org_subtotal: two identities a row" {
	# natural business research nonprofit legal other org_subtotal total
	table <<'T'
8 ¦ 6=1+2+3+4+5 7=0+6 ¦ 5231001557
=> 1 ¦ 52 3 1 0 0 1 5 57
8 ¦ 6=1+2+3+4+5 7=0+6 ¦ 12000000 12
=> 1 ¦ 12 0 0 0 0 0 0 12
8 ¦ 6=1+2+3+4+5 7=0+6 ¦ 1200000012
=> 1 ¦ 12 0 0 0 0 0 0 12
8 ¦ 6=1+2+3+4+5 7=0+6 ¦ 120000001
=> 0
8 ¦ 6=1+2+3+4+5 7=0+6 ¦ 112002022435
=> 2 ¦ 11 2 0 0 20 2 24 35 ¦ 11 20 0 2 0 2 24 35
T
}

@test "表四: 15 numbers, three row totals" {
	table <<'T'
15 ¦ 4=0+1+2+3 9=5+6+7+8 14=10+11+12+13 ¦ 000000000000000
=> 1 ¦ 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
15 ¦ 4=0+1+2+3 9=5+6+7+8 14=10+11+12+13 ¦ 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0
=> 1 ¦ 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0
15 ¦ 4=0+1+2+3 9=5+6+7+8 14=10+11+12+13 ¦ 011021000100000
=> 1 ¦ 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0
15 ¦ 4=0+1+2+3 9=5+6+7+8 14=10+11+12+13 ¦ 1231521010010341219
=> 2 ¦ 1 2 3 15 21 0 1 0 0 1 0 3 4 12 19 ¦ 12 3 1 5 21 0 1 0 0 1 0 3 4 12 19
15 ¦ 4=0+1+2+3 9=5+6+7+8 14=10+11+12+13 ¦ 12 3 1 5 21 010010341219
=> 1 ¦ 12 3 1 5 21 0 1 0 0 1 0 3 4 12 19
15 ¦ 4=0+1+2+3 9=5+6+7+8 14=10+11+12+13 ¦ 12315101000021034120130
=> 0
T
}

@test "art20 rows have no identity: every reading is counted" {
	table <<'T'
3 ¦  ¦ 000
=> 1 ¦ 0 0 0
3 ¦  ¦ 898989
=> 10 ¦ 8 9 8989 ¦ 8 98 989 ¦ 8 989 89 ¦ 8 9898 9 ¦ 89 8 989 ¦ 89 89 89 ¦ 89 898 9 ¦ 898 9 89 ¦ 898 98 9 ¦ 8989 8 9
3 ¦ s1 x0 ¦ 3960181
=> 11
3 ¦ s1 x0 ¦ 100153
=> 4
3 ¦ s1 x0 ¦ 26480430
=> 16
3 ¦ s1 x0 ¦ 126025
=> 7
2 ¦ s1 ¦ 350
=> 2 ¦ 3 50 ¦ 35 0
3 ¦ x0 ¦ 8855698
=> 15
2 ¦ d2 x3 ¦ 13575394432.52
=> 8 ¦ 13 575394432.52 ¦ 135 75394432.52 ¦ 1357 5394432.52
2 ¦ d2 k0=13500 ¦ 13575394432.52
=> 1 ¦ 135 75394432.52
3 ¦ s1 ¦ 2648 0 430
=> 1 ¦ 2648 0 430
3 ¦ s1 ¦ 10 -3 25
=> 1 ¦ 10 -3 25
3 ¦ s1 ¦ 10-3 25
=> 2 ¦ 10 3 25 ¦ 10 -3 25
3 ¦ s1 ¦ 10-325
=> 5 ¦ 1 0 325 ¦ 10 3 25 ¦ 10 -3 25 ¦ 10 32 5 ¦ 10 -32 5
T
}

@test "old statistics table: pairs settled by the prose, by last year, and jointly" {
	# 2012-pingtan-county: 主动公开信息数条20263542, 网站公开条17953304,
	# 政府公报公开条07; 受理…2121 = 当面1818 + 传真00 + 电子邮件33 + 网上00
	# + 信函00 + 其它00 (value and cumulative columns, cumulative >= value).
	table <<'T'
2 ¦ k0=2026 1>=0 ¦ 20263542
=> 1 ¦ 2026 3542
2 ¦ k0=1795 1>=0 ¦ 17953304
=> 1 ¦ 1795 3304
2 ¦ 1>=0 ¦ 07
=> 1 ¦ 0 7
2 ¦ 1>=0 ¦ 2121
=> 2 ¦ 2 121 ¦ 21 21
2+2+2+2+2+2+2 ¦ 0=2+4+6+8+10+12 1=3+5+7+9+11+13 1>=0 3>=2 5>=4 7>=6 9>=8 11>=10 13>=12 ¦ 2121 ¦ 1818 ¦ 00 ¦ 33 ¦ 00 ¦ 00 ¦ 00
=> 1 ¦ 21 21 18 18 0 0 3 3 0 0 0 0 0 0
2+2+2+2+2+2+2 ¦ 1>=0 3>=2 5>=4 7>=6 9>=8 11>=10 13>=12 ¦ 2121 ¦ 1818 ¦ 00 ¦ 33 ¦ 00 ¦ 00 ¦ 00
=> 4 ¦ 2 121 1 818 0 0 3 3 0 0 0 0 0 0 ¦ 2 121 18 18 0 0 3 3 0 0 0 0 0 0 ¦ 21 21 1 818 0 0 3 3 0 0 0 0 0 0 ¦ 21 21 18 18 0 0 3 3 0 0 0 0 0 0
2+2+2+2 ¦ 0=2+4+6 1=3+5+7 1>=0 3>=2 5>=4 7>=6 ¦ 2121 ¦ 1717 ¦ 22 ¦ 22
=> 1 ¦ 21 21 17 17 2 2 2 2
T
}

@test "表三 columns: rows solved jointly when each alone is ambiguous" {
	# new, carried_in, total, carried_out of 7 columns (28 cells): each row
	# sums to its total, and per column new + carried_in = total + carried_out.
	table <<'T'
7 ¦ 6=0+1+2+3+4+5 ¦ 132321324
=> 2 ¦ 1 3 2 3 2 13 24 ¦ 13 2 3 2 1 3 24
7 ¦ 6=0+1+2+3+4+5 ¦ 0001012
=> 1 ¦ 0 0 0 1 0 1 2
7 ¦ 6=0+1+2+3+4+5 ¦ 122321424
=> 2 ¦ 1 2 2 3 2 14 24 ¦ 12 2 3 2 1 4 24
7 ¦ 6=0+1+2+3+4+5 ¦ 1001002
=> 1 ¦ 1 0 0 1 0 0 2
7+7+7+7 ¦ 6=0+1+2+3+4+5 13=7+8+9+10+11+12 20=14+15+16+17+18+19 27=21+22+23+24+25+26 0+7=14+21 1+8=15+22 2+9=16+23 3+10=17+24 4+11=18+25 5+12=19+26 6+13=20+27 ¦ 132321324 ¦ 0001012 ¦ 122321424 ¦ 1001002
=> 1 ¦ 13 2 3 2 1 3 24 0 0 0 1 0 1 2 12 2 3 2 1 4 24 1 0 0 1 0 0 2
T
}

@test "separators: spaces, '|', NBSP, U+3000, commas, points, signs" {
	table <<'T'
3 ¦  ¦ 1 2 3
=> 1 ¦ 1 2 3
3 ¦  ¦ 1|2|3
=> 1 ¦ 1 2 3
3 ¦  ¦ 1 2　3
=> 1 ¦ 1 2 3
2 ¦  ¦ 1,234
=> 1 ¦ 1 234
1 ¦  ¦ 1,234
=> 1 ¦ 1234
2 ¦ k0=1234 ¦ 1,2345
=> 1 ¦ 1234 5
3 ¦ 2=0+1 ¦ 1,234,5671,234,567
=> 0
3 ¦ 2=0+1 ¦ 1,000,0001,234,5672,234,567
=> 1 ¦ 1000000 1234567 2234567
2 ¦  ¦ 12,34
=> 1 ¦ 12 34
2 ¦  ¦ 0,123
=> 1 ¦ 0 123
1 ¦  ¦ 1,23
=> 0
1 ¦  ¦ 1234,567
=> 0
1 ¦ m12 ¦ 1,234,567,890
=> 1 ¦ 1234567890
1 ¦  ¦ 1,234,567,890
=> 0
2 ¦ s1 ¦ 5-3
=> 2 ¦ 5 3 ¦ 5 -3
2 ¦ s1 ¦ 5 -3
=> 1 ¦ 5 -3
2 ¦  ¦ 5 -3
=> 1 ¦ 5 3
2 ¦ s0 ¦ -53
=> 1 ¦ -5 3
1 ¦ s0 ¦ -53
=> 1 ¦ -53
1 ¦  ¦ -53
=> 1 ¦ 53
1 ¦ s0 ¦ -0
=> 0
2 ¦ s1 ¦ 5-0
=> 1 ¦ 5 0
2 ¦ s* ¦ 5,-3
=> 1 ¦ 5 -3
2 ¦ d2 ¦ 1.52
=> 1 ¦ 1.5 2
2 ¦ d2 ¦ 1.525
=> 2 ¦ 1.5 25 ¦ 1.52 5
2 ¦ d1 ¦ 1.525
=> 1 ¦ 1.5 25
2 ¦ d2 ¦ 0.5012.5
=> 1 ¦ 0.5 12.5
2 ¦ d2 ¦ 01.5
=> 1 ¦ 0 1.5
2 ¦ d2 2=0+1 ¦ 1.52.5
=> EINVAL
3 ¦ d2 2=0+1 ¦ 1.52.53.5
=> 0
3 ¦ d2 2=0+1 ¦ 1.52.54
=> 1 ¦ 1.5 2.5 4
T
}

@test "hostile runs and problems: errors, never a crash or a hang" {
	table <<'T'
7 ¦  ¦ 
=> EINVAL
7 ¦  ¦  - , 
=> EINVAL
2 ¦  ¦ 12a
=> EINVAL
2 ¦  ¦ １２
=> EINVAL
2 ¦  ¦ 1.2
=> 0
2 ¦ d2 ¦ .12
=> EINVAL
2 ¦ d2 ¦ 12.
=> EINVAL
2 ¦ d2 ¦ 1..2
=> EINVAL
2 ¦ d2 ¦ 1. 2
=> EINVAL
0 ¦  ¦ 12
=> EINVAL
33 ¦  ¦ 12
=> EINVAL
-1 ¦  ¦ 12
=> EINVAL
2 ¦ d7 ¦ 12
=> EINVAL
2 ¦ m16 ¦ 12
=> EINVAL
2 ¦ m10 d6 ¦ 12
=> EINVAL
2 ¦ b-1 ¦ 12
=> EINVAL
3 ¦  ¦ 1
=> 0
2 ¦  ¦ 1234567890123456789012345678901234567890
=> 0
7 ¦ 6=0+1+2+3+4+5 ¦ 12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890
=> 0
1 ¦  ¦ 0000000000
=> 0
2+2 ¦  ¦ 12 ¦ 
=> 0
2+2 ¦  ¦ 123 ¦ 4
=> 0
1+0+1 ¦  ¦ 1 ¦  ¦ 2
=> 1 ¦ 1 2
32 ¦ x1 ¦ 11111111111111111111111111111111111111111111111111111111111111111111111111111111
=> 9223372036854775807 ¦ 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 111111111 111111111 111111111 111111111 111111111 111111111
10 ¦ 9=0+1+2+3+4+5+6+7+8 b1000 ¦ 123456789012345678901234567890
=> ERANGE
T
}

@test "the helpers and the argument checks" {
	run drv api
	assert_success
	assert_output - <<'OUT'
sum 0
sum-overlap -3
sum-range -3
sum-n0 -3
format '75394432.52 -0.05 0'
format8 ''
null-out -3
null-out-count 1
neg-max -3
null-run -3
runs-pinned 1
runs-badpins -3
runs-zero -3
bad-op -3
big-constant -3
digits+scale -3
scale7 -3
nul -3
OUT
}

# 表三 rows of a corpus file: KEY NTH LABEL, the run follows the label.
requests_rows_2019='new 1 一、本年新收政府信息公开申请数量
carried_in 1 二、上年结转政府信息公开申请数量
granted 1 （一）予以公开
partial 1 不计其他情形）
denied.1 1 属于国家秘密
denied.2 1 其他法律行政法规禁止公开
denied.3 1 危及“三安全一稳定”
denied.4 1 保护第三方合法权益
denied.5 1 属于三类内部事务信息
denied.6 1 属于四类过程性信息
denied.7 1 属于行政执法案卷
denied.8 1 属于行政查询事项
unable.1 1 本机关不掌握相关政府信息
unable.2 1 没有现成信息需要另行制作
unable.3 1 补正后申请内容仍不明确
unprocessed.1 1 信访举报投诉类申请
unprocessed.2 1 重复申请
unprocessed.3 1 要求提供公开出版物
unprocessed.4 1 无正当理由大量反复申请
unprocessed.5 1 要求行政机关确认或重新出具已获取信息
total 1 （七）总计
carried_out 1 四、结转下年度继续办理'

# Prints "KEY<TAB>RUN" for each row of FILE.
runs_of() {
	local file="$1" rows="$2" key nth label
	while read -r key nth label; do
		# The digits after the label, without the next row's ordinal
		# ("…00000002.其他…" ends in the 2 of "2.").
		printf '%s\t%s\n' "$key" "$(grep -ao "$label[0-9 ]*\.\?" "$file" |
			sed -n "${nth}p" | sed "s/^$label//; s/[0-9]\.\$//")"
	done <<<"$rows"
}

# Prints "KEY<TAB>1<TAB>v1 ... v7" from an expected.tsv, columns in order.
expected_rows() {
	awk -F'\t' -v keys="$2" '
		BEGIN { n = split("natural business research nonprofit legal other total", col, " ") }
		$1 == "requests" { v[$2 "," $3] = $4 }
		END {
			m = split(keys, k, " ")
			for (i = 1; i <= m; i++) {
				s = v[k[i] "," col[1]]
				for (j = 2; j <= n; j++) s = s " " v[k[i] "," col[j]]
				printf "%s\t1\t%s\n", k[i], s
			}
		}' "$1"
}

# Solves every row of a corpus file and compares with its expected.tsv.
corpus_check() {
	local name="$1" rows="$2" driver="${3:-$BATS_FILE_TMPDIR/glued-driver}"
	local t="$BATS_TEST_TMPDIR" keys
	runs_of "$CORPUS/$name.txt" "$rows" >"$t/runs"
	keys=$(cut -f1 "$t/runs" | tr '\n' ' ')
	cut -f2 "$t/runs" | sed 's/^/7\t6=0+1+2+3+4+5\t/' | "$driver" solve >"$t/got"
	expected_rows "$CORPUS/$name.expected.tsv" "$keys" >"$t/want"
	paste "$t/runs" "$t/got" | cut -f1,3- >"$t/gotk"
	diff "$t/want" "$t/gotk"
	[ "$(wc -l <"$t/want")" -eq "$(echo "$rows" | wc -l)" ]
}

@test "corpus 2019: every 表三 row read back as the expected values" {
	corpus_check 2019-pingtan-zone "$requests_rows_2019
other 1 （六）其他处理"
}

@test "corpus 2022: every 表三 row read back as the expected values" {
	corpus_check 2022-pingtan-zone "$requests_rows_2019
other.1 1 行政机关不再处理其政府信息公开申请
other.2 2 行政机关不再处理其政府信息公开申请
other.3 2 [0-9]\.其他"
}

@test "corpus, meeting in the middle: the same rows, the same answers" {
	corpus_check 2019-pingtan-zone "$requests_rows_2019
other 1 （六）其他处理" "$BATS_FILE_TMPDIR/glued-mitm"
	corpus_check 2022-pingtan-zone "$requests_rows_2019
other.3 2 [0-9]\.其他" "$BATS_FILE_TMPDIR/glued-mitm"
}

@test "corpus 表四 and art20: the runs as printed" {
	local t="$BATS_TEST_TMPDIR" f
	for f in 2019-pingtan-zone 2022-pingtan-zone; do
		grep -ao '尚未审结总计[0-9 ]*五、' "$CORPUS/$f.txt" | tail -n 1 |
			sed 's/^尚未审结总计//; s/五、$//; s/^/15\t4=0+1+2+3 9=5+6+7+8 14=10+11+12+13\t/'
	done >"$t/in"
	drv solve <"$t/in" >"$t/got"
	awk -F'\t' '$1 == "appeals" { printf "%s%s", (n++ % 15 ? " " : "1\t"), $4;
		if (n % 15 == 0) print "" }' \
		"$CORPUS/2019-pingtan-zone.expected.tsv" \
		"$CORPUS/2022-pingtan-zone.expected.tsv" >"$t/want"
	diff "$t/want" "$t/got"
	# art20 rows of 2019: no identity, so readings are counted, not chosen;
	# the expected values are among them.
	printf '3\tx20\t%s\n' 000 898989 >"$t/in"
	printf '3\ts1 x20\t%s\n' 3960181 100153 26480430 126025 >>"$t/in"
	run drv solve <"$t/in"
	assert_output - <<'OUT'
1	0 0 0
10	8 9 8989	8 98 989	8 989 89	8 9898 9	89 8 989	89 89 89	89 898 9	898 9 89	898 98 9	8989 8 9
11	3 9 60181	3 960 181	3 9601 81	3 96018 1	39 60 181	39 601 81	39 6018 1	396 0 181	3960 1 81	3960 18 1	39601 8 1
4	10 0 153	100 1 53	100 15 3	1001 5 3
16	2 6 480430	2 64 80430	2 6480 430	2 64804 30	2 648043 0	26 4 80430	26 480 430	26 4804 30	26 48043 0	264 80 430	264 804 30	264 8043 0	2648 0 430	26480 4 30	26480 43 0	264804 3 0
7	1 2 6025	1 260 25	1 2602 5	12 60 25	12 602 5	126 0 25	1260 2 5
OUT
}

@test "random rows: glued, solved, and compared with a brute-force reference" {
	run drv random 20240601 4000
	assert_success
	assert_output --partial "4000 rows, 0 failures"
	run drv random 7 4000
	assert_success
	assert_output --partial "4000 rows, 0 failures"
}

@test "random rows, meeting in the middle: the same answers" {
	run "$BATS_FILE_TMPDIR/glued-mitm" random 20240601 4000
	assert_success
	assert_output --partial "4000 rows, 0 failures"
}

@test "speed: 30 digits in 10 cells and other hard rows stay in milliseconds" {
	local t="$BATS_TEST_TMPDIR"
	printf '10\t9=0+1+2+3+4+5+6+7+8\t%s\n' \
		123456789012345678901234567890 312415926535897932384626433832 \
		123456781234567812345678123456 1111111111111111111111111111111 \
		1203450678091011121314151671 >"$t/in"
	printf '15\t4=0+1+2+3 9=5+6+7+8 14=10+11+12+13\t%s\n' \
		1231510100002103412013012345 >>"$t/in"
	printf '10\t\t%s\n' 123456789012345678901234567890 >>"$t/in"
	run timeout 20 "$BATS_FILE_TMPDIR/glued-driver" solve <"$t/in"
	assert_success
	# None runs out of the budget: each is settled (0 readings) or counted.
	refute_output --partial ERANGE
	run timeout 20 "$BATS_FILE_TMPDIR/glued-driver" bench 3 <"$t/in"
	assert_success
	echo "$output"
	# The worst solve, in microseconds, under 200 ms even on a slow machine.
	worst=$(echo "$output" | sed -n 's/.*, \([0-9.]*\) us worst$/\1/p')
	[ -n "$worst" ] && awk -v w="$worst" 'BEGIN { exit !(w < 200000) }'
}
