#!/usr/bin/env bats
# goi-split: sections and index of the seeds, the corpus, small reports of
# our own, and the hostile rows of STYLE.md.

load helper

# rawlines FILE KEY: a lines stream of the raw text, without goi-clean.
rawlines() {
	awk -v d="$2" 'BEGIN { OFS = "\t"; print "doc", "line", "text" }
	{ gsub(/\\/, "\\\\"); gsub(/\t/, "\\t"); sub(/\r$/, ""); print d, NR, $0 }' "$1"
}

# starts: where each section of the sections stream on stdin starts.
starts() {
	awk -F'\t' 'NR > 1 && $1 SUBSEP $2 != p { printf "%s%s %s", sep, $2, $3; sep = " "; p = $1 SUBSEP $2 } END { print "" }'
}

# seedstarts FILE: section starts of a raw report through goi-clean.
seedstarts() {
	goi-clean "$1" | goi-split | starts
}

# here: section starts of the report on stdin (one line a row).
here() {
	mk t | goi-split | starts
}

# A lines stream of the text on stdin, one line a row, doc key $1.
mk() {
	awk -v d="${1:-t}" 'BEGIN { OFS = "\t"; print "doc", "line", "text" }
	{ gsub(/\\/, "\\\\"); gsub(/\t/, "\\t"); print d, NR, $0 }'
}

S="$BATS_TEST_DIRNAME/data/seeds"

# ---- the seeds: where each standard section starts ------------------------

@test "seed 000: every section at its true line, signature to end" {
	run seedstarts "$S/000_e849864efb6c45e2.txt"
	assert_success
	assert_output "front 1 overview 4 active 12 requests 125 appeals 559 problems 632 other 637 end 639"
}

@test "seed 001: web page chrome before the title, 2019 report (goi-clean drops blank line 1)" {
	run seedstarts "$S/001_8951f3f5eaa0ca31.txt"
	assert_success
	assert_output "front 2 overview 7 active 33 requests 62 appeals 66 problems 70 other 78"
}

@test "seed 002: the table row 一、本年新收 (44) and 四、结转下年度 (66) are no headings; 四 is 68" {
	run seedstarts "$S/002_d3ddc9c30ed8506a.txt"
	assert_success
	assert_output "front 3 overview 5 active 18 requests 39 appeals 68 problems 75 other 85"
}

@test "seed 003: old headings 概述 … 实施方案落实情况 → requests, 存在问题, signature and 统计表 to end" {
	run seedstarts "$S/003_42697d6a3cd64d68.txt"
	assert_success
	assert_output "overview 1 active 5 requests 8 problems 10 end 18"
}

@test "seed 004: mis-numbered 1、 总体情况, heading after [bookmark], table row 120" {
	run seedstarts "$S/004_c7d460d051a2fe28.txt"
	assert_success
	assert_output "front 1 overview 4 active 28 requests 102 appeals 364 problems 410 other 413"
}

@test "seeds without goi-clean: the raw text splits the same way" {
	for f in "$S"/*.txt; do
		# goi-clean drops blank lines: the front may start later.
		a=$(rawlines "$f" k | goi-split | starts | sed 's/^front [0-9]* //')
		b=$(goi-clean "$f" | goi-split | starts | sed 's/^front [0-9]* //')
		[ "$a" = "$b" ] || { echo "$f: raw [$a] clean [$b]"; return 1; }
	done
}

@test "seeds: the sections stream keeps every line, in order" {
	for f in "$S"/*.txt; do
		a=$(goi-clean "$f" | cut -f2,3 | sed 1d)
		b=$(goi-clean "$f" | goi-split | cut -f3,4 | sed 1d)
		[ "$a" = "$b" ] || { echo "$f differs"; return 1; }
	done
}

# ---- the corpus: whole reports on one line --------------------------------

@test "corpus: section starts, one-line reports cut at their headings" {
	while read -r f want; do
		got=$(goi-clean "$CORPUS/$f.txt" | goi-split | starts)
		[ "$got" = "$want" ] || { echo "$f: [$got] != [$want]"; return 1; }
	done <<-'EOF'
	2012-pingtan-county front 1 overview 10 active 10 requests 10 problems 10 end 10
	2014-pingtan-zone front 1 overview 10 active 10 requests 10 problems 10 end 10
	2019-pingtan-zone front 1 overview 10 active 10 requests 10 appeals 10 problems 10 other 10
	2022-pingtan-zone front 1 overview 10 active 10 requests 10 appeals 10 problems 10 other 10
	2025-pingtan-zone front 1 overview 3 active 10 requests 25 appeals 54 problems 59 other 62
	EOF
}

@test "corpus 2022: each piece of line 10 starts with its heading, nothing lost" {
	run bash -c "goi-clean '$CORPUS/2022-pingtan-zone.txt' | goi-split -N | awk -F'\t' '\$3 == 10 { print \$2 }'"
	assert_success
	assert_output $'front\noverview\nactive\nrequests\nappeals\nproblems\nother'
	for h in 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 \
	    四、政府信息公开行政法复议 五、存在的主要问题及改进情况 六、其他需要报告的事项; do
		n=$(goi-clean "$CORPUS/2022-pingtan-zone.txt" | goi-split -N | cut -f4 | grep -c "^$h")
		[ "$n" = 1 ] || { echo "$h: $n"; return 1; }
	done
	a=$(goi-clean "$CORPUS/2022-pingtan-zone.txt" | awk -F'\t' '$2 == 10 { print $3 }')
	b=$(goi-clean "$CORPUS/2022-pingtan-zone.txt" | goi-split -N | awk -F'\t' '$3 == 10 { printf "%s", $4 }')
	[ "$a" = "$b" ]
}

@test "corpus 2012: the signature run into the line starts the end" {
	run bash -c "goi-clean '$CORPUS/2012-pingtan-county.txt' | goi-split -N -s end | cut -f2,3,4 | sed 's/ *附件.*//'"
	assert_success
	assert_output "end	10	平潭县人民政府 2013年1月16日"
}

# ---- the index ---------------------------------------------------------------

@test "index of the seeds: titles, organs, years, table formats" {
	run bash -c "for f in '$S'/*.txt; do goi-clean \"\$f\"; done | goi-split -i | cut -f2- | sed 's/^\t/-\t/'"
	assert_success
	assert_output - <<-'EOF'
	title	organ	year	format	first	last
	嘉峪关市人民政府郊区工作办公室2020年政府信息公开工作年度报告	嘉峪关市人民政府郊区工作办公室	2020	2019	1	640
	大雁镇2019年政府信息公开工作年度报告	大雁镇	2019	2019	2	126
	邓州市人民政府2020年政府信息公开工作年度报告	邓州市人民政府	2020	2019	3	87
	-	薛家岛街道办事处	2017	old	1	89
	三江乡2020年政府信息公开工作年度报告	三江乡	2020	2019	1	414
	EOF
}

@test "index of the corpus: titles behind 标题:, organs, years" {
	run bash -c "for f in '$CORPUS'/*.txt; do goi-clean \"\$f\"; done | goi-split -i -N | cut -f2-5"
	assert_success
	assert_output - <<-'EOF'
	平潭县人民政府2012年政府信息公开工作年度报告	平潭县人民政府	2012	old
	平潭综合实验区管委会2014年度政府信息公开工作年度报告	平潭综合实验区管委会	2014	old
	平潭综合实验区2019年度政府信息公开工作年度报告	平潭综合实验区	2019	2019
	平潭综合实验区2022年度政府信息公开工作年度报告	平潭综合实验区	2022	2021
	平潭综合实验区2025年度政府信息公开工作年度报告	平潭综合实验区	2025	2021
	EOF
}

@test "index: organ and year from the signature when there is no title" {
	run bash -c "$(declare -f mk); printf '%s\n' '一、概述' '今年公开信息3条。' '二、主动公开政府信息情况' '无。' '某某街道办事处' '二〇二一年二月三日' | mk x | goi-split -i -N"
	assert_success
	assert_output "x		某某街道办事处	2020		1	6"
}

@test "index: year from the 统计期限 when title and signature say none" {
	run bash -c "$(declare -f mk); printf '%s\n' '本报告统计期限为2018年1月1日至2018年12月31日。' '一、总体情况' '无' | mk x | goi-split -i -N"
	assert_success
	assert_output "x			2018		1	3"
}

# ---- small reports of our own --------------------------------------------------

@test "mis-numbered heading, sub-headings, 其它, 行政法复议, table rows and a signature" {
	run here <<'EOF'
某某局2021年政府信息公开工作年度报告
1、总体情况
（一）主动公开
今年共公开信息10条。
（二）依申请公开
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量	3	0
四、结转下年度继续办理	0	0
四、政府信息公开行政法复议及行政诉讼情况
五、存在的主要问题和改进情况
六、其它需要报告的事项
无。
某某局
2022年1月10日
EOF
	assert_success
	assert_output "front 1 overview 2 active 6 requests 7 appeals 10 problems 11 other 12 end 14"
}

@test "第一部分 style, bare headings are no match for it, 附件 ends" {
	run here <<'EOF'
前言
第一部分 总体情况
第二部分 主动公开政府信息情况
第三部分 收到和处理政府信息公开申请情况
第四部分 政府信息公开行政复议、行政诉讼情况
第五部分 政府信息公开工作存在的主要问题及改进情况
第六部分 其他需要报告的事项
附件：统计表
EOF
	assert_success
	assert_output "front 1 overview 2 active 3 requests 4 appeals 5 problems 6 other 7 end 8"
}

@test "bare headings without ordinals, full-width （一） sub-headings ignored" {
	run here <<'EOF'
总体情况
（一）主动公开
（二）依申请公开
主动公开政府信息情况
收到和处理政府信息公开申请情况
政府信息公开行政复议、行政诉讼情况
存在的主要问题及改进情况
其他需要报告的事项
EOF
	assert_success
	assert_output "overview 1 active 4 requests 5 appeals 6 problems 7 other 8"
}

@test "old report: 概述, 依申请公开, 收费及减免 stays in requests, 下一步工作 stays in problems" {
	run here <<'EOF'
某县2010年政府信息公开工作年度报告
一、概述
二、主动公开政府信息情况
三、依申请公开政府信息情况
四、政府信息公开的收费及减免情况
五、因政府信息公开申请提起行政复议、行政诉讼的情况
六、存在的问题
七、下一步工作
EOF
	assert_success
	assert_output "front 1 overview 2 active 3 requests 4 appeals 6 problems 7"
}

@test "one line: a preface that lists the parts is no heading; the pieces keep line 1" {
	run bash -c "$(declare -f mk); printf '%s\n' '本报告包括一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。一、总体情况 全年公开信息5条。二、主动公开政府信息情况 信息5条。三、收到和处理政府信息公开申请情况 无申请。' | mk t | goi-split -N"
	assert_success
	assert_output - <<-'EOF'
	t	front	1	本报告包括一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。
	t	overview	1	一、总体情况 全年公开信息5条。
	t	active	1	二、主动公开政府信息情况 信息5条。
	t	requests	1	三、收到和处理政府信息公开申请情况 无申请。
	EOF
}

@test "one line: short run-in parts; a heading's words end where the next ordinal starts" {
	run bash -c "$(declare -f mk starts); printf '%s\n' '一、总体情况。二、主动公开政府信息情况 12 三、依申请公开情况 4 四、行政复议 五、存在问题 六、其他需要报告的事项' | mk t | goi-split | starts"
	assert_success
	assert_output "overview 1 active 1 requests 1 appeals 1 problems 1 other 1"
}

@test "prose with 统一、 and 之一、 is not cut" {
	run bash -c "$(declare -f mk); printf '%s\n' '一、总体情况' '坚持统一、主动公开原则，是重点之一、主动公开情况良好。' | mk t | goi-split -N"
	assert_success
	assert_output - <<-'EOF'
	t	overview	1	一、总体情况
	t	overview	2	坚持统一、主动公开原则，是重点之一、主动公开情况良好。
	EOF
}

@test "several documents in one stream, each split on its own" {
	run bash -c "$(declare -f mk starts); { printf '%s\n' '一、总体情况' '二、主动公开政府信息情况' | mk a; printf '%s\n' '甲' '五、存在的主要问题及改进情况' | mk b | sed 1d; } | goi-split | starts"
	assert_success
	assert_output "overview 1 active 2 front 1 problems 2"
}

# ---- options -------------------------------------------------------------------

@test "-s problems,other: only those sections" {
	run bash -c "goi-clean '$S/002_d3ddc9c30ed8506a.txt' | goi-split -s problems,other | cut -f2,3 | uniq -c -f0 | awk '{print \$2, \$3}' | head -n 3"
	assert_success
	assert_output - <<-'EOF'
	section line
	problems 75
	problems 76
	EOF
	run bash -c "goi-clean '$S/002_d3ddc9c30ed8506a.txt' | goi-split -N --sections=other | cut -f2-"
	assert_output - <<-'EOF'
	other	85	六、其他需要报告的事项
	other	86	
	other	87	无
	EOF
}

@test "-s with an unknown section: usage error" {
	run goi-split -s problems,nosuch /dev/null
	assert_failure 2
	assert_output --partial 'goi-split: -s: unknown section in "problems,nosuch"'
	assert_output --partial "usage: goi-split"
	run goi-split -s problems, /dev/null
	assert_failure 2
}

@test "--csv writes the sections stream as CSV" {
	run bash -c "$(declare -f mk); printf '%s\n' '一、总体情况' 'a,b' | mk t | goi-split --csv"
	assert_success
	assert_output $'doc,section,line,text\r\nt,overview,1,一、总体情况\r\nt,overview,2,"a,b"\r'
}

@test "-o: one file a document, safe names, unique, never overwritten without -f" {
	d="$BATS_TEST_TMPDIR/out"
	mkdir "$d"
	{ printf 'doc\tline\ttext\n'
	  printf 'a/b\t1\t一、总体情况\na/b\t2\tx\n'
	  printf 'a:b\t1\ty\n'
	  printf 'CON\t1\tz\n'
	  printf '..\t1\tw\n'
	  printf 'A/B\t1\tv\n'
	  printf 'r.txt\t1\tu\n'; } > "$BATS_TEST_TMPDIR/in"
	run goi-split -o "$d" "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output ''
	run bash -c "cd '$d' && ls | sort && cat a_b.txt a_b~2.txt _CON.txt doc.txt A_B~3.txt r.txt"
	assert_output - <<-'EOF'
	A_B~3.txt
	_CON.txt
	a_b.txt
	a_b~2.txt
	doc.txt
	r.txt
	一、总体情况
	x
	y
	z
	w
	v
	u
	EOF
	run goi-split -o "$d" "$BATS_TEST_TMPDIR/in"
	assert_failure 1
	assert_output --partial "goi-split: $d/a_b.txt: exists, not overwritten (-f overwrites)"
	printf 'doc\tline\ttext\na/b\t1\tnew\n' > "$BATS_TEST_TMPDIR/in2"
	run goi-split -f -o "$d" "$BATS_TEST_TMPDIR/in2"
	assert_success
	run cat "$d/a_b.txt"
	assert_output new
}

@test "-o with -s: only those sections in the files; a long key is cut" {
	d="$BATS_TEST_TMPDIR/out"
	mkdir "$d"
	k=$(printf '长%.0s' $(seq 1 100))
	printf '%s\n' '一、总体情况' 'a' '五、存在的主要问题及改进情况' 'b' | mk "$k" > "$BATS_TEST_TMPDIR/in"
	run goi-split -s problems -o "$d" "$BATS_TEST_TMPDIR/in"
	assert_success
	n=$(ls "$d")
	[ "$(printf %s "$n" | wc -c)" -le 204 ]
	run cat "$d/$n"
	assert_output $'五、存在的主要问题及改进情况\nb'
}

@test "-o into a directory that does not exist: reported, exit 1" {
	run bash -c "printf 'doc\tline\ttext\nd\t1\tx\n' | goi-split -o '$BATS_TEST_TMPDIR/nope'"
	assert_failure 1
	assert_output --partial "goi-split: $BATS_TEST_TMPDIR/nope/d.txt: open:"
}

@test "-f without -o: usage error" {
	run goi-split -f /dev/null
	assert_failure 2
	assert_output --partial "usage: goi-split"
}

@test "--help lists every option and the sections" {
	run goi-split --help
	assert_success
	assert_output --partial "usage: goi-split [-fhiNV] [--csv] [-o dir] [-s section[,section...]] [file ...]"
	assert_output --partial "front overview active requests"
	assert_output --partial "appeals problems other end"
}

# ---- hostile rows ------------------------------------------------------------------

@test "empty input: header only; -N: nothing" {
	run goi-split < /dev/null
	assert_success
	assert_output $'doc\tsection\tline\ttext'
	run goi-split -N -i < /dev/null
	assert_success
	assert_output ''
}

@test "header only" {
	run bash -c "printf 'doc\tline\ttext\n' | goi-split -i"
	assert_success
	assert_output $'doc\ttitle\torgan\tyear\tformat\tfirst\tlast'
}

@test "CRLF line ends and no final newline" {
	run bash -c "printf 'doc\tline\ttext\r\nd\t1\t一、总体情况\r\nd\t2\t二、主动公开政府信息情况' | goi-split -N"
	assert_success
	assert_output - <<-'EOF'
	d	overview	1	一、总体情况
	d	active	2	二、主动公开政府信息情况
	EOF
}

@test "invalid UTF-8 and NUL bytes pass through, no crash" {
	run bash -c "printf 'doc\tline\ttext\nd\t1\t\xff\xfe一、\x00总体情况\nd\t2\t一、总体\xe6情况\nd\t3\t一、总体情况\n' | goi-split -N | od -An -c | tr -s ' ' | head -c 60"
	assert_success
	assert_output --partial "d \t f r o n t \t 1 \t 377 376"
	run bash -c "printf 'doc\tline\ttext\nd\t1\t\xff\xfe\nd\t2\t一、总体情况\n' | goi-split -N"
	assert_output $'d\tfront\t1\t\xff\xfe\nd\toverview\t2\t一、总体情况'
}

@test "a 10 MB line of one report: split at its headings, in linear time" {
	f="$BATS_TEST_TMPDIR/big"
	{ printf 'doc\tline\ttext\nd\t1\t一、总体情况'
	  head -c 10000000 /dev/zero | tr '\0' x
	  printf '。二、主动公开政府信息情况 无\n'; } > "$f"
	run bash -c "timeout 20 goi-split -N '$f' | cut -f2,3 | cut -c1-20"
	assert_success
	assert_output $'overview\t1\nactive\t1'
}

@test "not a lines stream: the file and line named, exit 1" {
	printf 'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline\n' > "$BATS_TEST_TMPDIR/cells"
	run goi-split "$BATS_TEST_TMPDIR/cells"
	assert_failure 1
	assert_output --partial "goi-split: $BATS_TEST_TMPDIR/cells:1: the header of another stream: not a lines stream"
	printf 'doc\tline\ttext\nd\t1\tx\nd\tzwei\tx\n' > "$BATS_TEST_TMPDIR/bad"
	run goi-split "$BATS_TEST_TMPDIR/bad"
	assert_failure 1
	assert_output --partial "goi-split: $BATS_TEST_TMPDIR/bad:3: line is not a positive number"
}

@test "a missing file among good ones: reported, the others done, exit 1" {
	printf 'doc\tline\ttext\nd\t1\t一、总体情况\n' > "$BATS_TEST_TMPDIR/good"
	run goi-split -N "$BATS_TEST_TMPDIR/good" "$BATS_TEST_TMPDIR/missing" "$BATS_TEST_TMPDIR/good"
	assert_failure 1
	assert_output - <<-EOF
	goi-split: $BATS_TEST_TMPDIR/missing: open: No such file or directory
	d	overview	1	一、总体情况
	d	overview	1	一、总体情况
	EOF
}

@test "> /dev/full: exit 1 with a message" {
	run bash -c "goi-clean '$S/000_e849864efb6c45e2.txt' | goi-split > /dev/full"
	assert_failure 1
	assert_output --partial "goi-split: write error"
}

@test "| head -n 1: quiet" {
	run bash -c "goi-clean '$S/000_e849864efb6c45e2.txt' | goi-split 2>&1 | head -n 1"
	assert_success
	assert_output $'doc\tsection\tline\ttext'
}
