#!/usr/bin/env bats
# goi-clean: raw text to the lines stream.  Each rule with real fragments
# of the seeds and the corpus, the documents of `cat seeds/*.txt`, keys and
# line numbers, and the hostile rows.

load helper

S000="$SEEDS/000_e849864efb6c45e2.txt"
S001="$SEEDS/001_8951f3f5eaa0ca31.txt"
S002="$SEEDS/002_d3ddc9c30ed8506a.txt"
S003="$SEEDS/003_42697d6a3cd64d68.txt"
S004="$SEEDS/004_c7d460d051a2fe28.txt"

# clean INPUT [ARGS...]: the text column of goi-clean -N on printf INPUT.
clean() {
	local in=$1
	shift
	printf "$in" > "$BATS_TEST_TMPDIR/in"
	goi-clean -N "$@" "$BATS_TEST_TMPDIR/in" | cut -f3
}

# line-text pairs of a file's output
lt() { goi-clean -N "$@" | cut -f2,3; }

# ---- Unicode ------------------------------------------------------------------

@test "NFKC: full-width letters, digits, brackets, colon become ASCII" {
	run clean '\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\x91\xef\xbc\x92\xef\xbc\x88\xe4\xb8\x80\xef\xbc\x89\xef\xbc\x9a\n'
	assert_output 'AB12(一):'
}

@test "NFKC: compatibility forms fold (① ﬁ ㎡ ㈠), CJK ideographs stay" {
	run clean '\xe2\x91\xa0\xef\xac\x81\xe3\x8e\xa1\xe3\x88\xa0\xe8\xa7\x84\xe7\xab\xa0\n'
	assert_output '1fim2(一)规章'
}

@test "spaces: NBSP, U+3000, U+2003 become a space; runs collapse; ends trimmed" {
	run clean '\xc2\xa0 a\xe3\x80\x80\xe2\x80\x83b  c \n'
	assert_output 'a b c'
}

@test "removed: zero-width space and joiner, soft hyphen, BOM inside, controls; TAB kept" {
	run clean 'a\xe2\x80\x8bb\xe2\x80\x8dc\xc2\xadd\xef\xbb\xbfe\x01\x7f\x1bf\tg\n'
	assert_output 'abcdef\tg'
}

@test "NUL bytes are removed" {
	run clean 'a\0b\0\0c\n\0\nd\n'
	assert_output $'abc\n\nd'
}

# ---- spacing ------------------------------------------------------------------

@test "spacing: between CJK characters (seeds 004, 000, 001)" {
	run clean '\t规    章\n商业 企业\n本年增 \xc2\xa0 \xc2\xa0 \xc2\xa0/减数\n统 计 指 标\n'
	assert_output $'\\t规章\n商业企业\n本年增/减数\n统计指标'
}

@test "spacing: CJK and ( ) , . : next to it lose the space; digits and words keep one" {
	run clean '(\xe4\xb8\x80) 予以公开\n(二) 部分公开 (区分处理的, 只计这一情形)\n1. 决策公开\n填报日期:2018年 1月 22日\nhello   world\n230 000023\n'
	assert_output $'(一)予以公开\n(二)部分公开(区分处理的,只计这一情形)\n1.决策公开\n填报日期:2018年 1月 22日\nhello world\n230 000023'
}

@test "spacing: spaces next to a TAB go, TABs stay (corpus 2025 row 28)" {
	run bash -c "sed -n 28p '$CORPUS/2025-pingtan-zone.txt' | goi-clean -N | cut -f3"
	assert_output '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他'
}

# ---- debris -------------------------------------------------------------------

@test "debris: breadcrumb, publication line keeps its date (seed 001 lines 1-4)" {
	run bash -c "head -n 4 '$S001' | goi-clean -N | cut -f2,3"
	assert_output $'2\t大雁镇2019年政府信息公开工作年度报告\n3\t发布时间:2021-01-05'
}

@test "debris: -v reports every removal with file and line" {
	head -n 4 "$S001" > "$BATS_TEST_TMPDIR/f"
	run bash -c "goi-clean -v '$BATS_TEST_TMPDIR/f' 2>&1 >/dev/null"
	assert_output - <<EOF
goi-clean: $BATS_TEST_TMPDIR/f:1: dropped: breadcrumb "当前位置:网站首页 > 政务公开 > 大雁镇 > 政府信息公开年报"
goi-clean: $BATS_TEST_TMPDIR/f:3: dropped: font-size "字体:[ ]"
goi-clean: $BATS_TEST_TMPDIR/f:3: dropped: publication-line " 来源:大雁镇"
goi-clean: $BATS_TEST_TMPDIR/f:4: dropped: blank-line
EOF
}

@test "debris: --keep removes nothing" {
	run bash -c "head -n 4 '$S001' | goi-clean -N --keep | cut -f2,3"
	assert_output $'1\t当前位置:网站首页 > 政务公开 > 大雁镇 > 政府信息公开年报\n2\t大雁镇2019年政府信息公开工作年度报告\n3\t发布时间:2021-01-05 来源:大雁镇字体:[ ]\n4\t'
}

@test "debris: [bookmark: _GoBack] cut from the heading (seed 004 line 102)" {
	run bash -c "sed -n 102p '$S004' | goi-clean -N | cut -f3"
	assert_output '三、收到和处理政府信息公开申请情况'
}

@test "debris: 附件加载中... alone is dropped (seed 003 line 90)" {
	run bash -c "tail -n 2 '$S003' | goi-clean -N | cut -f3"
	assert_output '| 单位负责人:韩廷义审核人:史磊填报人:李龙光联系电话:86877225 | ||'
}

@test "debris: leaked Word comments, page numbers, share/print/close links, font sizes" {
	run clean '<!--[if !supportLists]-->1.政策解读<!--[endif]-->\n- 3 -\n第3页 共5页\n【打印】【关闭】\n分享到: 微信 微博 QQ空间\n打印本页 关闭窗口\n【字体:大 中 小】\n字号:大 中 小\n正文\n'
	assert_output $'1.政策解读\n正文'
}

@test "debris: a scraper's page header (corpus 2012 lines 1-9)" {
	run bash -c "head -n 9 '$CORPUS/2012-pingtan-county.txt' | goi-clean -N | cut -f2,3"
	assert_output $'1\t平潭县人民政府2012年政府信息公开工作年度报告\n2\t发布时间: 2013-01-17\n4\t发布机构:平潭县人民政府'
}

@test "debris: the words that drop a line by themselves, and near misses (empty 文号: goes, 文号:11 stays)" {
	printf '关于2020年度政府信息公开工作报告\n文号:\n文号: \n文号:11\n发布机构:\n发布机构: 某局\n索引号: \n栏目:信息公开\n原文链接: http://x\n页面链接与图片详见 x\n本地目录:\n当前位置:首页\n您的位置\n所在位置 >\n=== 正文 ===\n一、总体情况\n' > "$BATS_TEST_TMPDIR/in"
	run bash -c "goi-clean -N -v '$BATS_TEST_TMPDIR/in' 2>&1 >/dev/null | sed 's/.*:\\([0-9]*\\): dropped: /\\1 /'"
	assert_output $'2 crawler-metadata "文号:"\n3 crawler-metadata "文号:"\n5 crawler-metadata "发布机构:"\n7 crawler-metadata "索引号:"\n8 crawler-metadata "栏目:信息公开"\n9 crawler-metadata "原文链接: http://x"\n10 crawler-metadata "页面链接与图片详见 x"\n11 crawler-metadata "本地目录:"\n12 breadcrumb "当前位置:首页"\n13 breadcrumb "您的位置"\n14 breadcrumb "所在位置 >"\n15 crawler-metadata "=== 正文 ==="'
	run bash -c "goi-clean -N '$BATS_TEST_TMPDIR/in' | cut -f2,3"
	assert_output $'1\t关于2020年度政府信息公开工作报告\n4\t文号:11\n6\t发布机构:某局\n16\t一、总体情况'
}

@test "debris: the label 标题: goes with the space after it, the title stays; 标题: alone stays" {
	printf '标题:某某局2020年政府信息公开工作年度报告\n正文一\n标题:\n标题:x\n标题:  y\n' > "$BATS_TEST_TMPDIR/in"
	run bash -c "goi-clean -N -v '$BATS_TEST_TMPDIR/in' 2>&1 >/dev/null | sed 's/.*:\\([0-9]*\\): dropped: /\\1 /'"
	assert_output $'1 title-label "标题:"\n4 title-label "标题:"\n5 title-label "标题: "'
	run bash -c "goi-clean -N '$BATS_TEST_TMPDIR/in' | cut -f2,3"
	assert_output $'1\t某某局2020年政府信息公开工作年度报告\n2\t正文一\n3\t标题:\n4\tx\n5\ty'
}

@test "debris: blank lines squeezed to one, none at the ends of a document" {
	run clean '\n\na\n\n\n\nb\n\n'
	assert_output $'a\n\nb'
}

@test "debris: a one-line report is never dropped, only cut (corpus 2014 line 10)" {
	run bash -c "sed -n 10p '$CORPUS/2014-pingtan-zone.txt' | goi-clean -N | cut -f2 | wc -l"
	assert_output 1
	run bash -c "sed -n 10p '$CORPUS/2014-pingtan-zone.txt' | goi-clean -N | cut -f3 | grep -c '^当前位置:首页.*行政诉讼数件 0 0 附件下载$'"
	assert_output 1
}

# ---- broken lines ---------------------------------------------------------------

@test "joining: 自/然/人 and (三)不/予/公/开 and 三、/本/年/度/... (seed 000)" {
	run bash -c "goi-clean -N '$S000' | awk -F'\t' '\$2 == 131 || \$2 == 185 || \$2 == 228 || \$2 == 232' | cut -f2,3"
	assert_output $'131\t自然人\n185\t三、本年度办理结果\n228\t(三)不予公开\n232\t|'
}

@test "joining: a line ending inside 《 ( < is joined with the lines that close it (seed 000 lines 6-9)" {
	run bash -c "goi-clean -N '$S000' | awk -F'\t' '\$2 >= 6 && \$2 <= 10' | cut -f2"
	assert_output $'6\n10'
	run bash -c "goi-clean -N '$S000' | awk -F'\t' '\$2 == 6' | grep -c '关于印发<嘉峪关市2020年政务公开工作实施方案>的通知》(嘉政办发〔2020〕87号)文件要求'"
	assert_output 1
}

@test "joining: table cells stay apart (seed 000: 198 cells '0'; seed 004 TAB cells)" {
	run bash -c "goi-clean -N '$S000' | awk -F'\t' '\$3 == \"0\"' | wc -l"
	assert_output 198
	run bash -c "goi-clean -N '$S004' | awk -F'\t' '\$2 >= 36 && \$2 <= 40' | cut -f2,3"
	assert_output $'36\t\\t规章\n37\t\\t0\n38\t\\t0\n39\t\\t0\n40\t'
}

@test "joining: no join across a blank line, of repeated characters, or of one lone character" {
	run clean '自\n\n然\n\n无\n无\n无\n\n总\n|\n(\n\n)\n'
	assert_output $'自\n\n然\n\n无\n无\n无\n\n总\n|\n(\n\n)'
}

# ---- documents -------------------------------------------------------------------

@test "cat seeds/*.txt | goi-clean: exactly five documents, keyed by title or organ+year" {
	run bash -c "cat '$SEEDS'/*.txt | goi-clean -N | cut -f1 | uniq"
	assert_output - <<'EOF'
嘉峪关市人民政府郊区工作办公室2020年政府信息公开工作年度报告
大雁镇2019年政府信息公开工作年度报告
邓州市人民政府2020年政府信息公开工作年度报告
薛家岛街道办事处2017年
三江乡2020年政府信息公开工作年度报告
EOF
}

@test "cat seeds: boundaries inside lines split, both pieces keep the line number" {
	run bash -c "cat '$SEEDS'/*.txt | goi-clean -N | awk -F'\t' '\$2 == 640 || \$2 == 851 || \$2 == 940' | cut -f1 --complement"
	assert_output $'640\t2021年1月20日\n851\t无\n851\t一、概述\n940\t三江乡2020年政府信息公开工作年度报告'
}

@test "documents: numbering restarting at a first heading starts one; table rows 一、 do not" {
	run bash -c "printf '二、主动公开\n一、本年新收政府信息公开申请数量\n| 一、主动公开情况 | ||\n一、政府信息公开工作概述\nx\n' | goi-clean -N | cut -f1,2"
	assert_output $'#1\t1\n#1\t2\n#1\t3\n#2\t4\n#2\t5'
}

# Boundaries inside lines (bench/gen corpora, issue 2 item 6): fixtures of
# their own, a short report 甲乡 then the next one glued to its last line.
A='甲乡2020年政府信息公开工作年度报告\n一、总体情况\n本乡主动公开信息12条。\n二、主动公开政府信息情况\n无。\n甲乡人民政府\n'

@test "documents: a crawler's 标题: glued to the last line (a date) splits there, the label goes" {
	run bash -c "printf '${A}2021年1月7日标题: 乙镇2021年政府信息公开工作年度报告\n发布时间: 2022-01-09\n' | goi-clean -N | tail -n 3"
	assert_output - <<'EOF'
甲乡2020年政府信息公开工作年度报告	7	2021年1月7日
乙镇2021年政府信息公开工作年度报告	7	乙镇2021年政府信息公开工作年度报告
乙镇2021年政府信息公开工作年度报告	8	发布时间: 2022-01-09
EOF
}

@test "documents: 标题: glued to the numbers that end a one-line report" {
	run bash -c "printf '${A}行政诉讼数条00行政申诉数条00标题: 乙镇2021年政府信息公开工作年度报告\n' | goi-clean -N | tail -n 2 | cut -f1 --complement"
	assert_output $'7\t行政诉讼数条00行政申诉数条00\n7\t乙镇2021年政府信息公开工作年度报告'
}

@test "documents: a title glued to the signature date is split off it (the date was in the title and key)" {
	run bash -c "printf '${A}2021年1月7日乙镇2021年度政府信息公开工作年度报告\n一、总体情况\n' | goi-clean -N | tail -n 3"
	assert_output - <<'EOF'
甲乡2020年政府信息公开工作年度报告	7	2021年1月7日
乙镇2021年度政府信息公开工作年度报告	7	乙镇2021年度政府信息公开工作年度报告
乙镇2021年度政府信息公开工作年度报告	8	一、总体情况
EOF
}

@test "documents: a one-line report ending in 附件下载 and the next title: split before the title, not at the last 。" {
	run bash -c "printf '甲乡2020年政府信息公开工作年度报告 本报告依据《条例》编制。 一、总体情况 主动公开信息12条。 (三)接受培训人员数人 0 附件下载乙镇2021年政府信息公开工作年度报告\n一、总体情况\n' | goi-clean -N"
	assert_output - <<'EOF'
#1	1	甲乡2020年政府信息公开工作年度报告本报告依据《条例》编制。一、总体情况主动公开信息12条。(三)接受培训人员数人 0 附件下载
乙镇2021年政府信息公开工作年度报告	1	乙镇2021年政府信息公开工作年度报告
乙镇2021年政府信息公开工作年度报告	2	一、总体情况
EOF
}

@test "documents: a title that starts a long line (a report on one line) splits after the title" {
	run bash -c "printf '${A}乙镇2021年政府信息公开工作年度报告 丙市政务服务管理局:本报告依据《条例》编制。 一、总体情况 主动公开信息3条。\n' | goi-clean -N | tail -n 3"
	assert_output - <<'EOF'
甲乡2020年政府信息公开工作年度报告	6	甲乡人民政府
乙镇2021年政府信息公开工作年度报告	7	乙镇2021年政府信息公开工作年度报告
乙镇2021年政府信息公开工作年度报告	7	丙市政务服务管理局:本报告依据《条例》编制。一、总体情况主动公开信息3条。
EOF
}

@test "documents: headings inside a one-line report count, so a report without title after it starts at 一、" {
	run bash -c "printf '甲乡2020年政府信息公开工作年度报告\n本报告依据《条例》编制。 一、总体情况 主动公开信息12条。 二、主动公开情况 无。 三、收到和处理政府信息公开申请情况 无。 甲乡人民政府 2021年1月7日\n本报告由乙镇编制。\n一、总体情况\n二、主动公开\n' | goi-clean -N | cut -f1,2"
	assert_output $'甲乡2020年政府信息公开工作年度报告\t1\n甲乡2020年政府信息公开工作年度报告\t2\n甲乡2020年政府信息公开工作年度报告\t3\n#2\t4\n#2\t5'
}

@test "documents: no split at a title in a sentence, a path, a table cell, or the document's own title in its chrome" {
	run bash -c "printf '${A}根据《乙市关于2020年政府信息公开工作年度报告有关事项的通知》要求,现将甲乡2020年政府信息公开工作年度报告如下。乙镇2021年政府信息公开工作年度报告有关事项。 丙镇2021年政府信息公开工作年度报告如下\n本地目录: zwgk/80791_丁镇2021年政府信息公开工作年度报告\n名称\t戊镇2021年政府信息公开工作年度报告\t1\n来源: 甲乡 甲乡2020年度政府信息公开工作年度报告 本报告依据\n' | goi-clean -N | cut -f1 | uniq -c | sed 's/^ *//'"
	assert_output '9 甲乡2020年政府信息公开工作年度报告'
}

@test "documents: a title inside a line of a file operand: the file's #2 starts on that line" {
	printf "${A}2021年1月7日乙镇2021年政府信息公开工作年度报告" > "$BATS_TEST_TMPDIR/a.txt"
	cd "$BATS_TEST_TMPDIR"
	run bash -c "goi-clean -N a.txt | cut -f1,2 | tail -n 2"
	assert_output $'a.txt\t7\na.txt#2\t7'
}

@test "doc keys: file operands are keyed by file name; a file with two reports gets #2" {
	cat "$S000" > "$BATS_TEST_TMPDIR/two.txt"
	printf '\n' >> "$BATS_TEST_TMPDIR/two.txt"
	cat "$S002" >> "$BATS_TEST_TMPDIR/two.txt"
	cd "$BATS_TEST_TMPDIR"
	run bash -c "goi-clean -N two.txt '$S003' | cut -f1 | uniq"
	assert_output $'two.txt\ntwo.txt#2\n'"$S003"
}

@test "doc keys: unique in a run (the same title twice gets #2; no title, no organ: #N)" {
	run bash -c "cat '$S004' '$S004' | goi-clean -N | cut -f1 | uniq"
	assert_output $'三江乡2020年政府信息公开工作年度报告\n三江乡2020年政府信息公开工作年度报告#2'
	run bash -c "printf 'x\n' | goi-clean -N"
	assert_output $'#1\t1\tx'
}

@test "line numbers are those of the input (CRLF, CR, dropped lines)" {
	run clean 'a\r\nb\rc\r\n\r\n- 3 -\r\nd'
	run bash -c "printf 'a\r\nb\rc\r\n\r\n- 3 -\r\nd' | goi-clean -N | cut -f2,3"
	assert_output $'1\ta\n2\tb\n3\tc\n4\t\n6\td'
}

@test "line ends at the edges of the decoder's 64-byte windows (CR LF split, CR at the end)" {
	a=$(printf 'a%.0s' $(seq 63)); d=$(printf 'd%.0s' $(seq 64))
	run bash -c "printf '%s\r\nb\rc\n%s\r' $a $d | goi-clean -N -k | cut -f2,3"
	assert_output "1	$a
2	b
3	c
4	$d"
}

@test "full-width ASCII at every place of a 16-byte block, and in the short tail" {
	for k in $(seq 0 18); do
		printf "%${k}s，中１：\n" "" | tr ' ' x
	done > "$BATS_TEST_TMPDIR/fw"
	run bash -c "goi-clean -N -k '$BATS_TEST_TMPDIR/fw' | cut -f3"
	want=$(for k in $(seq 0 18); do printf "%${k}s,中1:\n" "" | tr ' ' x; done)
	assert_output "$want"
}

# ---- encodings --------------------------------------------------------------------

@test "UTF-8 BOM dropped" {
	run clean '\xef\xbb\xbf规章\n'
	assert_output '规章'
}

@test "GB18030 (made with iconv) is detected and converted" {
	head -n 40 "$S000" | iconv -f UTF-8 -t GB18030 > "$BATS_TEST_TMPDIR/gb"
	run bash -c "goi-clean -N '$BATS_TEST_TMPDIR/gb' | cut -f2,3 | head -n 2"
	assert_output $'1\t嘉峪关市人民政府郊区工作办公室2020年政府信息公开工作年度报告\n2\t市政务服务管理局:'
}

@test "UTF-16 with a BOM, LE and BE" {
	printf '规章 ok\r\n第二行\n' | iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } > "$BATS_TEST_TMPDIR/le"
	printf '规章 ok\r\n第二行\n' | iconv -f UTF-8 -t UTF-16BE | { printf '\xfe\xff'; cat; } > "$BATS_TEST_TMPDIR/be"
	run bash -c "goi-clean -N '$BATS_TEST_TMPDIR/le' '$BATS_TEST_TMPDIR/be' | cut -f2,3"
	assert_output $'1\t规章 ok\n2\t第二行\n1\t规章 ok\n2\t第二行'
}

@test "UTF-16 without a BOM is recognized by its NUL bytes" {
	printf '规章 ok\n第二行\n' | iconv -f UTF-8 -t UTF-16LE > "$BATS_TEST_TMPDIR/le"
	printf '规章 ok\n第二行\n' | iconv -f UTF-8 -t UTF-16BE > "$BATS_TEST_TMPDIR/be"
	run bash -c "goi-clean -N '$BATS_TEST_TMPDIR/le' '$BATS_TEST_TMPDIR/be' | cut -f2,3"
	assert_output $'1\t规章 ok\n2\t第二行\n1\t规章 ok\n2\t第二行'
}

@test "--encoding forces one; an unknown one is a usage error" {
	printf '规章\n' | iconv -f UTF-8 -t GBK > "$BATS_TEST_TMPDIR/gbk"
	run bash -c "goi-clean -N --encoding=GBK '$BATS_TEST_TMPDIR/gbk' | cut -f3"
	assert_output '规章'
	run goi-clean --encoding=NO-SUCH-THING /dev/null
	assert_failure 2
	assert_line --index 0 'goi-clean: unknown encoding: NO-SUCH-THING'
}

@test "invalid UTF-8: error names file, line and byte offset; exit 1" {
	printf 'ok\nab\xffcd\nnext\n' > "$BATS_TEST_TMPDIR/bad"
	run goi-clean -N "$BATS_TEST_TMPDIR/bad"
	assert_failure 1
	assert_output "goi-clean: $BATS_TEST_TMPDIR/bad:2: invalid UTF-8: byte 0xff at offset 5"$'\n'"$BATS_TEST_TMPDIR/bad"$'\t1\tok'
}

@test "invalid UTF-8: --invalid=replace and --invalid=skip" {
	printf 'ab\xffcd\xe4\xb8\n' > "$BATS_TEST_TMPDIR/bad"
	run bash -c "goi-clean -N --invalid=replace '$BATS_TEST_TMPDIR/bad' | cut -f3"
	assert_output $'ab\xef\xbf\xbdcd\xef\xbf\xbd\xef\xbf\xbd'
	run bash -c "goi-clean -N --invalid=skip '$BATS_TEST_TMPDIR/bad' | cut -f3"
	assert_output 'abcd'
	run goi-clean --invalid=maybe /dev/null
	assert_failure 2
}

@test "invalid GB18030: error names file, line and offset" {
	{ printf '规章\n第二\n' | iconv -f UTF-8 -t GB18030; printf '\x81\x20\n'; } > "$BATS_TEST_TMPDIR/badgb"
	run goi-clean -N -e GB18030 "$BATS_TEST_TMPDIR/badgb"
	assert_failure 1
	assert_line --index 0 "goi-clean: $BATS_TEST_TMPDIR/badgb:3: invalid GB18030 sequence at offset 10"
}

# ---- hostile rows -----------------------------------------------------------------

@test "empty input: the header only, exit 0" {
	run bash -c "printf '' | goi-clean"
	assert_success
	assert_output $'doc\tline\ttext'
}

@test "no final newline: the last line is a line" {
	run bash -c "printf 'a\nb' | goi-clean -N | cut -f2,3"
	assert_output $'1\ta\n2\tb'
}

@test "a 10 MB line: one row, all of it" {
	head -c 10000000 /dev/zero | tr '\0' '7' > "$BATS_TEST_TMPDIR/long"
	run bash -c "goi-clean -N '$BATS_TEST_TMPDIR/long' | cut -f3 | wc -c"
	assert_output 10000001
}

@test "random bytes: exit 1 with a message, no crash" {
	head -c 200000 /dev/urandom > "$BATS_TEST_TMPDIR/rnd"
	run goi-clean "$BATS_TEST_TMPDIR/rnd"
	[ "$status" -eq 1 ] || [ "$status" -eq 0 ]
}

@test "> /dev/full: exit 1 with a message" {
	run bash -c "goi-clean '$S000' > /dev/full"
	assert_failure 1
	assert_output --partial 'goi-clean: write error'
}

@test "| head -n 1: quiet" {
	for i in 1 2 3 4 5 6 7 8 9 10; do cat "$SEEDS"/*.txt; done > "$BATS_TEST_TMPDIR/many"
	run bash -c "goi-clean '$BATS_TEST_TMPDIR/many' 2>'$BATS_TEST_TMPDIR/err' | head -n 1; cat '$BATS_TEST_TMPDIR/err'"
	assert_output $'doc\tline\ttext'
}

@test "an unreadable file is reported, the others done, exit 1" {
	run bash -c "goi-clean -N '$BATS_TEST_TMPDIR/nope' '$S003' 2>&1 | head -n 1"
	assert_line --index 0 "goi-clean: $BATS_TEST_TMPDIR/nope: cannot open: No such file or directory"
	run goi-clean -N "$BATS_TEST_TMPDIR/nope" "$S003"
	assert_failure 1
}

@test "--csv and -N" {
	run bash -c "printf 'a,b\n' | goi-clean --csv"
	assert_output $'doc,line,text\r\n#1,1,"a,b"\r'
}

@test "-h prints the usage and one line per option; -V the versions" {
	run goi-clean -h
	assert_success
	assert_line --index 0 'usage: goi-clean [-hkNVv] [--csv] [-e name] [--invalid=how] [file ...]'
	run goi-clean -V
	assert_success
	assert_output --regexp '^goi-clean \(goi\) [0-9.]+, utf8proc [0-9.]+, libcsv [0-9.]+$'
	run goi-clean --bogus
	assert_failure 2
}

@test "every debris rule of lib/clean.c is listed in goi-clean(1)" {
	names=$(grep -oE '^	\{R_[A-Z]+, "[a-z-]+"' "$TOP/lib/clean.c" | sed 's/.*"\(.*\)"/\1/' | sort -u)
	[ "$(echo "$names" | wc -l)" -ge 10 ]
	for n in $names blank-line; do
		grep -q "^\.It Cm $n\$" "$TOP/man/goi-clean.1" || { echo "$n not in goi-clean.1"; return 1; }
	done
}

@test "the locale never changes the output bytes (LC_ALL=C, C.UTF-8, POSIX)" {
	a=$(LC_ALL=C.UTF-8 goi-clean -v "$SEEDS/001_8951f3f5eaa0ca31.txt" 2>&1)
	b=$(LC_ALL=C goi-clean -v "$SEEDS/001_8951f3f5eaa0ca31.txt" 2>&1)
	c=$(env -u LANG -u LC_ALL -u LC_CTYPE LC_ALL=POSIX goi-clean -v "$SEEDS/001_8951f3f5eaa0ca31.txt" 2>&1)
	[ -n "$a" ]
	[ "$a" = "$b" ]
	[ "$a" = "$c" ]
}

@test "-v accounts for every input line: kept, joined to another, or dropped with a reason" {
	for f in "$SEEDS"/*.txt "$CORPUS"/*.txt; do
		n=$(awk 'END { print NR }' "$f")
		goi-clean -v -N "$f" 2>"$BATS_TEST_TMPDIR/err" | cut -f2 > "$BATS_TEST_TMPDIR/kept"
		sed -nE 's/^goi-clean: [^:]+:([0-9]+): (dropped|joined).*/\1/p' "$BATS_TEST_TMPDIR/err" > "$BATS_TEST_TMPDIR/said"
		missing=$(comm -23 <(seq 1 "$n" | sort) <(sort -u "$BATS_TEST_TMPDIR/kept" "$BATS_TEST_TMPDIR/said"))
		[ -z "$missing" ] || { echo "$f: lines not accounted for: $(echo $missing | head -c 200)"; return 1; }
	done
	run bash -c "goi-clean -v '$SEEDS/000_e849864efb6c45e2.txt' 2>&1 >/dev/null | grep -c 'joined to line'"
	assert_output 15
	run bash -c "goi-clean -v '$SEEDS/000_e849864efb6c45e2.txt' 2>&1 >/dev/null | grep ':132:'"
	assert_output --partial '000_e849864efb6c45e2.txt:132: joined to line 131 "然"'
}

@test "one cell a line: short ASCII lines kept as they are, but page numbers, chrome and broken labels still handled" {
	# |, TAB 0 and 12 are cells; -3- is a page number even without
	# spaces; (三)不 / 予 / 公 / 开 and abc( / 1) are joined; |-->| is
	# chrome, || is not
	printf '某某局2021年政府信息公开工作年度报告\n一、总体情况\n|\n\t0\n-3-\n- 4 -\n(1)\n12\n==\n<!>\nQQ\n(三)不\n予\n公\n开\nabc(\n1)\n||\n|-->|\n3\n' > "$BATS_TEST_TMPDIR/cells.txt"
	run bash -c "goi-clean -v -N '$BATS_TEST_TMPDIR/cells.txt' 2>'$BATS_TEST_TMPDIR/err' | cut -f2-; cat '$BATS_TEST_TMPDIR/err'"
	assert_output "1	某某局2021年政府信息公开工作年度报告
2	一、总体情况
3	|
4	\\t0
7	(1)
8	12
9	==
10	<!>
11	QQ
12	(三)不予公开
16	abc(1)
18	||
20	3
goi-clean: $BATS_TEST_TMPDIR/cells.txt:5: dropped: page-number \"-3-\"
goi-clean: $BATS_TEST_TMPDIR/cells.txt:6: dropped: page-number \"- 4 -\"
goi-clean: $BATS_TEST_TMPDIR/cells.txt:19: dropped: page-links \"|-->|\"
goi-clean: $BATS_TEST_TMPDIR/cells.txt:13: joined to line 12 \"予\"
goi-clean: $BATS_TEST_TMPDIR/cells.txt:14: joined to line 12 \"公\"
goi-clean: $BATS_TEST_TMPDIR/cells.txt:15: joined to line 12 \"开\"
goi-clean: $BATS_TEST_TMPDIR/cells.txt:17: joined to line 16 \"1)\""
}
