#!/usr/bin/env bats
# goi-table: every expected cell of the corpus and of the hand-checked seed
# golden files, each layout on small reports of our own
# (tests/data/golden/layouts), glued digits, and the hostile rows of
# STYLE.md.

load helper

GOLD="$DATA/golden"
LAY="$DATA/golden/layouts"

# cells FILE [ARGS]: goi-clean FILE | goi-table, stderr kept apart.
# Run in the file's directory so that the document key is its base name.
cells() {
	local f="$1"
	shift
	(cd "$(dirname "$f")" && goi-clean "$(basename "$f")" | goi-table "$@")
}

# tab FILE [ARGS]: table row col value kind of the 2019/2021 tables.
tab() {
	cells "$@" 2>/dev/null | awk -F'\t' 'NR > 1 && $4 != "text" && $4 != "doc" { print $4, $5, $6, $7, $8 }'
}

# warns FILE [ARGS]: the warnings, without the rows the fixture leaves out.
warns() {
	cells "$@" 2>&1 >/dev/null | grep -v 'row not found\|: no table$'
}

# score EXPECTED RAW [ARGS]: every expected cell produced exactly.
score() {
	local e="$1" r="$2"
	shift 2
	goi-clean "$r" | goi-table "$@" >"$BATS_TEST_TMPDIR/cells.tsv" 2>/dev/null
	sh "$BATS_TEST_DIRNAME/score.sh" "$e" "$BATS_TEST_TMPDIR/cells.tsv"
}

# ---- every expected value ---------------------------------------------------

# Corpus 2019 is scored with --assume: 19 of its cells (art20 rows glued
# with 本年增/减 0, 新制作 = 新公开, the procurement amount) have several
# readings that the table's identities cannot tell apart; the expected
# file holds the ones the value assumptions pick.  Without --assume they
# stay empty (next tests).
@test "corpus 2019 --assume (one line, every separator lost): all 198 cells" {
	run score "$CORPUS/2019-pingtan-zone.expected.tsv" "$CORPUS/2019-pingtan-zone.txt" --assume
	assert_success
	assert_output "198 right, 0 wrong, 0 empty, 0 absent"
	run score "$CORPUS/2019-pingtan-zone.expected.tsv" "$CORPUS/2019-pingtan-zone.txt" -a
	assert_output "198 right, 0 wrong, 0 empty, 0 absent"
}

@test "corpus 2019 by default: the 19 ambiguous art20 cells empty, never wrong" {
	run score "$CORPUS/2019-pingtan-zone.expected.tsv" "$CORPUS/2019-pingtan-zone.txt"
	assert_failure
	assert_line --index 19 "179 right, 0 wrong, 19 empty, 0 absent"
	run sh -c "goi-clean '$CORPUS/2019-pingtan-zone.txt' | goi-table 2>/dev/null | awk -F'\t' '\$8 == \"empty\" { print \$4 }' | sort | uniq -c"
	assert_output "      3 art20_1
      6 art20_5
      6 art20_6
      2 art20_8
      2 art20_9"
}

@test "corpus 2022 (squashed data cells, spaced header): all 200 cells" {
	run score "$CORPUS/2022-pingtan-zone.expected.tsv" "$CORPUS/2022-pingtan-zone.txt"
	assert_success
	assert_output "200 right, 0 wrong, 0 empty, 0 absent"
}

@test "corpus 2025 (flattened HTML, TAB rows, inline row spans): all 200 cells" {
	run score "$CORPUS/2025-pingtan-zone.expected.tsv" "$CORPUS/2025-pingtan-zone.txt"
	assert_success
	assert_output "200 right, 0 wrong, 0 empty, 0 absent"
}

@test "corpus 2012 and 2014 (old statistics table, stats.c): all cells" {
	goi-clean "$CORPUS/2014-pingtan-zone.txt" | goi-table 2>/dev/null |
	    grep -q '	stats	' || skip "stats.c does not read the old table yet"
	run score "$CORPUS/2012-pingtan-county.expected.tsv" "$CORPUS/2012-pingtan-county.txt"
	assert_success
	run score "$CORPUS/2014-pingtan-zone.expected.tsv" "$CORPUS/2014-pingtan-zone.txt"
	assert_success
}

@test "seed 000 (| between cells, one cell a line): golden 198 cells" {
	run score "$GOLD/000_e849864efb6c45e2.tsv" "$SEEDS/000_e849864efb6c45e2.txt"
	assert_success
	assert_output "198 right, 0 wrong, 0 empty, 0 absent"
}

@test "seed 002 (TAB rows with empty fields): golden 198 cells" {
	run score "$GOLD/002_d3ddc9c30ed8506a.tsv" "$SEEDS/002_d3ddc9c30ed8506a.txt"
	assert_success
	assert_output "198 right, 0 wrong, 0 empty, 0 absent"
}

@test "seed 004 (one cell a line, blank lines between rows): golden 198 cells" {
	run score "$GOLD/004_c7d460d051a2fe28.tsv" "$SEEDS/004_c7d460d051a2fe28.txt"
	assert_success
	assert_output "198 right, 0 wrong, 0 empty, 0 absent"
}

@test "scorer: a wrong value, a blank and a missing cell are misses" {
	printf 'table\trow\tcol\tvalue\tkind\nt\ta\tx\t1\tnum\nt\ta\ty\t2\tnum\nt\ta\tz\t3\tnum\nt\ta\tw\t4\tnum\n' >"$BATS_TEST_TMPDIR/e.tsv"
	printf 'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline\nd\t\t\tt\ta\tx\t1\tglued\t1\t1\nd\t\t\tt\ta\ty\t3\tnum\t3\t1\nd\t\t\tt\ta\tz\t\tempty\t\t1\n' >"$BATS_TEST_TMPDIR/c.tsv"
	run sh "$BATS_TEST_DIRNAME/score.sh" "$BATS_TEST_TMPDIR/e.tsv" "$BATS_TEST_TMPDIR/c.tsv"
	assert_failure
	assert_output "wrong   t/a/y: want 2 num, got 3 num
empty   t/a/z: want 3
absent  t/a/w: want 4
1 right, 1 wrong, 1 empty, 1 absent"
}

# ---- documents are read independently ---------------------------------------

# Only the same organ's previous report may settle a glued reading; nothing
# else in the stream changes a document's cells or warnings.
@test "each seed and corpus file alone gives exactly its part of the concatenated run" {
	cd "$DATA"
	files=$(ls seeds/*.txt corpus/*.txt)
	goi-clean $files 2>/dev/null | goi-table -N >"$BATS_TEST_TMPDIR/all.tsv" 2>"$BATS_TEST_TMPDIR/all.err"
	for f in $files; do
		goi-clean "$f" 2>/dev/null | goi-table -N
	done >"$BATS_TEST_TMPDIR/one.tsv" 2>"$BATS_TEST_TMPDIR/one.err"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/all.tsv")" -gt 1000 ]
	run diff "$BATS_TEST_TMPDIR/one.tsv" "$BATS_TEST_TMPDIR/all.tsv"
	assert_output ""
	run diff "$BATS_TEST_TMPDIR/one.err" "$BATS_TEST_TMPDIR/all.err"
	assert_output ""
	# reversed order, and a document seen twice: the same cells again
	goi-clean $(ls -r $files) corpus/2019-pingtan-zone.txt 2>/dev/null | goi-table -N 2>/dev/null |
	    awk -F'\t' '($1 == "corpus/2019-pingtan-zone.txt" || $1 == "corpus/2019-pingtan-zone.txt#2") && $4 != "doc" && $4 != "text"' |
	    cut -f2- | sort | uniq -c | awk '{ n[$1 == 2 ? "pairs" : "odd"]++ } END { print n["pairs"] + 0, n["odd"] + 0 }' >"$BATS_TEST_TMPDIR/twice"
	run cat "$BATS_TEST_TMPDIR/twice"
	assert_output "198 0"
}

@test "the prose of a report without tables does not settle the glued runs of the next" {
	cd "$LAY"
	goi-clean glued-ambiguous.txt | goi-table -N >"$BATS_TEST_TMPDIR/one.tsv" 2>"$BATS_TEST_TMPDIR/one.err"
	goi-clean prose-only.txt glued-ambiguous.txt | goi-table -N 2>"$BATS_TEST_TMPDIR/two.err" |
	    awk -F'\t' '$1 == "glued-ambiguous.txt"' >"$BATS_TEST_TMPDIR/two.tsv"
	run diff "$BATS_TEST_TMPDIR/one.tsv" "$BATS_TEST_TMPDIR/two.tsv"
	assert_output ""
	run grep -h "requests/new" "$BATS_TEST_TMPDIR/one.err" "$BATS_TEST_TMPDIR/two.err"
	assert_output 'goi-table: glued-ambiguous.txt:2: requests/new: glued "10951012955" has 2 readings (1 0 951 0 1 2 955; 10 9 5 10 12 9 55), not placed
goi-table: glued-ambiguous.txt:2: requests/new: glued "10951012955" has 2 readings (1 0 951 0 1 2 955; 10 9 5 10 12 9 55), not placed'
	# its own prose settles it: 本年新收…55件 in the same report
	sed '1a\
一、总体情况 本年新收政府信息公开申请55件。' glued-ambiguous.txt >"$BATS_TEST_TMPDIR/g.txt"
	run sh -c "goi-clean '$BATS_TEST_TMPDIR/g.txt' | goi-table -N 2>/dev/null | awk -F'\t' '\$5 == \"new\" && \$6 == \"natural\" { print \$7, \$8 }'"
	assert_output "10 glued"
}

# ---- seed 001: empty tables yield no invented numbers ----------------------

@test "seed 001 (collapsed PDF text): empty cells, no invented number" {
	run tab "$SEEDS/001_8951f3f5eaa0ca31.txt"
	assert_success
	assert_output "art20_1 rules made  empty
art20_1 rules published  empty
art20_1 rules total_public  empty
art20_1 normative made  empty
art20_1 normative published  empty
art20_1 normative total_public  empty
art20_5 licensing prev_items  empty
art20_5 licensing change  empty
art20_5 licensing decisions  empty
art20_5 other_services prev_items  empty
art20_5 other_services change  empty
art20_5 other_services decisions  empty
art20_6 penalty prev_items  empty
art20_6 penalty change  empty
art20_6 penalty decisions  empty
art20_6 coercion prev_items  empty
art20_6 coercion change  empty
art20_6 coercion decisions  empty
art20_8 fees prev_items  empty
art20_8 fees change  empty
art20_9 procurement projects  empty
art20_9 procurement amount  empty"
	run warns "$SEEDS/001_8951f3f5eaa0ca31.txt"
	assert_output "goi-table: 001_8951f3f5eaa0ca31.txt:62: requests: caption without a table
goi-table: 001_8951f3f5eaa0ca31.txt:66: appeals: caption without a table
goi-table: 001_8951f3f5eaa0ca31.txt:60: art20_9/procurement: glued \"130\" has 2 readings (1 30; 13 0), not placed
goi-table: 001_8951f3f5eaa0ca31.txt:37: art20_1: table found, no value read (every cell blank)
goi-table: 001_8951f3f5eaa0ca31.txt:43: art20_5: table found, no value read (every cell blank)
goi-table: 001_8951f3f5eaa0ca31.txt:49: art20_6: table found, no value read (every cell blank)
goi-table: 001_8951f3f5eaa0ca31.txt:55: art20_8: table found, no value read (every cell blank)"
}

@test "seed 002: the 8 values of （六）其他处理 are reported with the choice" {
	run warns "$SEEDS/002_d3ddc9c30ed8506a.txt"
	assert_output "goi-table: 002_d3ddc9c30ed8506a.txt:64: requests/other: 8 values for 7 cells, kept the first 7 (the row total holds), dropped 1"
}

@test "corpus 2019 by default: a warning for each ambiguous run lists its readings" {
	run warns "$CORPUS/2019-pingtan-zone.txt"
	assert_output 'goi-table: 2019-pingtan-zone.txt:10: art20_1/normative: glued "898989" has 10 readings (8 9 8989; 8 98 989; 8 989 89; 8 9898 9; ...), not placed
goi-table: 2019-pingtan-zone.txt:10: art20_5/licensing: glued "3960181" has 11 readings (3 9 60181; 3 960 181; 3 9601 81; 3 96018 1; ...), not placed
goi-table: 2019-pingtan-zone.txt:10: art20_5/other_services: glued "100153" has 4 readings (10 0 153; 100 1 53; 100 15 3; 1001 5 3), not placed
goi-table: 2019-pingtan-zone.txt:10: art20_6/penalty: glued "26480430" has 16 readings (2 6 480430; 2 64 80430; 2 6480 430; 2 64804 30; ...), not placed
goi-table: 2019-pingtan-zone.txt:10: art20_6/coercion: glued "126025" has 7 readings (1 2 6025; 1 260 25; 1 2602 5; 12 60 25; ...), not placed
goi-table: 2019-pingtan-zone.txt:10: art20_8/fees: glued "350" has 2 readings (3 50; 35 0), not placed
goi-table: 2019-pingtan-zone.txt:10: art20_9/procurement: glued "13575394432.52" has 8 readings (13 575394432.52; 135 75394432.52; 1357 5394432.52; 13575 394432.52; ...), not placed'
	# --strict says the same; --strict overrides --assume
	run warns "$CORPUS/2019-pingtan-zone.txt" -s
	assert_equal "${#lines[@]}" 7
	assert_line --index 5 'goi-table: 2019-pingtan-zone.txt:10: art20_8/fees: glued "350" has 2 readings (3 50; 35 0), not placed'
	run warns "$CORPUS/2019-pingtan-zone.txt" -s -a
	assert_line --index 5 'goi-table: 2019-pingtan-zone.txt:10: art20_8/fees: glued "350" has 2 readings (3 50; 35 0), not placed'
}

@test "corpus 2019 --assume: the assumptions are named, with the other readings" {
	run warns "$CORPUS/2019-pingtan-zone.txt" --assume
	assert_line --index 0 --partial 'art20_1/normative: glued "898989" read as 89 89 89 assuming 本年新制作 equals 本年新公开; 10 readings'
	assert_line --index 1 --partial 'art20_5/licensing: glued "3960181" read as 396 0 181 assuming the change (本年增/减) is 0; 11 readings'
	assert_line --index 6 --partial 'art20_9/procurement: glued "13575394432.52" read as 135 75394432.52 assuming 1 to 1000 万元 a procurement project; 8 readings'
	assert_equal "${#lines[@]}" 7
}

@test "corpus 2019 --strict: no assumption, those cells stay empty" {
	run sh -c "goi-clean '$CORPUS/2019-pingtan-zone.txt' | goi-table -s 2>/dev/null | awk -F'\t' '\$8 == \"empty\" { print \$4 }' | sort | uniq -c"
	assert_output "      3 art20_1
      6 art20_5
      6 art20_6
      2 art20_8
      2 art20_9"
}

# ---- layouts, on reports of our own --------------------------------------

@test "markdown pipes: blank cells stay blank, units, na, thousands" {
	run tab "$LAY/markdown.txt"
	assert_success
	assert_line --index 0 "art20_1 rules issued 1 num"
	assert_line --index 1 "art20_1 rules repealed  empty"
	assert_line --index 2 "art20_1 rules in_force 7 num"
	assert_line --index 6 "art20_5 licensing decisions 1204 num"
	assert_line --index 8 "art20_6 coercion decisions  na"
	assert_line --index 9 "art20_8 fees amount 25.1 num"
	assert_line --index 31 "requests partial natural 2 num"
	assert_line --index 32 "requests partial business  empty"
	assert_line --index 36 "requests partial other  empty"
	assert_line --index 37 "requests partial total 2 num"
	assert_line --index 58 "requests carried_out total 4 num"
	assert_line --index 59 "appeals review upheld 1 num"
	assert_line --index 62 "appeals review pending 1 num"
	assert_line --index 73 "appeals suit_after_review total 1 num"
	assert_equal "${#lines[@]}" 74
}

@test "TAB rows (CSV-derived): blank first cell, signs, na words, extra value" {
	run tab "$LAY/tabrows.txt"
	assert_success
	assert_line --index 0 "art20_1 rules made  empty"
	assert_line --index 1 "art20_1 rules published 2 num"
	assert_line --index 7 "art20_5 licensing change -5 num"
	assert_line --index 8 "art20_5 licensing decisions 1032 num"
	assert_line --index 9 "art20_5 other_services prev_items  na"
	assert_line --index 10 "art20_5 other_services change  na"
	assert_line --index 11 "art20_5 other_services decisions  na"
	assert_line --index 33 "requests other natural 1 num"
	assert_line --index 39 "requests other total 1 num"
	run warns "$LAY/tabrows.txt"
	assert_output "goi-table: tabrows.txt:16: requests/other: 8 values for 7 cells, kept the first 7 (the row total holds), dropped 1"
}

@test "one cell a line, traditional and full-width labels, 表四 in one line" {
	run tab "$LAY/lines.txt"
	assert_success
	assert_output "art20_1 rules made 1 num
art20_1 rules published 2 num
art20_1 rules total_public 3 num
art20_1 normative made  empty
art20_1 normative published  empty
art20_1 normative total_public  empty
art20_5 licensing prev_items 7 num
art20_5 licensing change  na
art20_5 licensing decisions 9 num
appeals review upheld 2 num
appeals review corrected 1 num
appeals review other 0 num
appeals review pending 0 num
appeals review total 3 num
appeals suit_direct upheld 0 num
appeals suit_direct corrected 0 num
appeals suit_direct other 0 num
appeals suit_direct pending 1 num
appeals suit_direct total 1 num
appeals suit_after_review upheld 0 num
appeals suit_after_review corrected 0 num
appeals suit_after_review other 0 num
appeals suit_after_review pending 0 num
appeals suit_after_review total 0 num"
	run warns "$LAY/lines.txt"
	assert_output "goi-table: lines.txt:15: art20_1/normative: 1 of 3 values, not placed"
}

# Layouts that keep the place of a blank cell: the blank stays empty in its
# cell and the other values land in theirs; a row that lost a blank (shorter
# than the table's complete rows) is not placed.
@test "one TAB-indented cell a line: a line of only its TAB is a blank cell" {
	run tab "$LAY/tabcell.txt"
	assert_success
	assert_line --index 0 "art20_1 rules issued 1 num"
	assert_line --index 1 "art20_1 rules repealed 0 num"
	assert_line --index 2 "art20_1 rules in_force  empty"
	assert_line --index 3 "art20_1 normative issued  empty"
	assert_line --index 4 "art20_1 normative repealed 2 num"
	assert_line --index 5 "art20_1 normative in_force 15 num"
	assert_line --index 6 "art20_8 fees amount 3.5 num"
	assert_line --index 14 "requests carried_in natural  empty"
	assert_line --index 15 "requests carried_in business 1 num"
	assert_line --index 17 "requests carried_in nonprofit  empty"
	assert_line --index 20 "requests carried_in total 1 num"
	assert_line --index 27 "requests granted total  empty"
	assert_line --index 34 "requests partial total 1 num"
	assert_equal "${#lines[@]}" 35
	run warns "$LAY/tabcell.txt"
	assert_output "goi-table: tabcell.txt:66: requests/granted: 6 of 7 values, not placed
goi-table: tabcell.txt:83: appeals: caption without a table"
}

@test "| between cells, one cell a line: lone | lines keep blank cells, one-row tables too" {
	run tab "$LAY/pipecells.txt"
	assert_success
	assert_output "art20_1 rules made 2 num
art20_1 rules published 2 num
art20_1 rules total_public 9 num
art20_1 normative made  empty
art20_1 normative published 1 num
art20_1 normative total_public 4 num
art20_8 fees prev_items  empty
art20_8 fees change -2 num
art20_9 procurement projects 3 num
art20_9 procurement amount  empty"
	run warns "$LAY/pipecells.txt"
	assert_output "goi-table: pipecells.txt:55: requests: caption without a table"
}

@test "markdown with row spans as empty cells: a |  | cell stays blank, rows end at the line end" {
	run tab "$LAY/markdown-spans.txt"
	assert_success
	assert_line --index 0 "art20_8 fees prev_items  empty"
	assert_line --index 1 "art20_8 fees change 4 num"
	assert_line --index 2 "art20_9 procurement projects 12 num"
	assert_line --index 3 "art20_9 procurement amount 305.5 num"
	assert_line --index 4 "requests new natural 7 num"
	assert_line --index 10 "requests new total 9 num"
	assert_line --index 25 "requests partial natural  empty"
	assert_line --index 26 "requests partial business 1 num"
	assert_line --index 30 "requests partial other 1 num"
	assert_line --index 31 "requests partial total 2 num"
	assert_line --index 39 "requests denied.2 natural 0 num"
	assert_line --index 40 "requests denied.2 business  empty"
	assert_line --index 45 "requests denied.2 total 0 num"
	assert_line --index 46 "requests denied.3 natural  empty"
	assert_line --index 52 "requests denied.3 total  empty"
	assert_equal "${#lines[@]}" 53
	run warns "$LAY/markdown-spans.txt"
	assert_output "goi-table: markdown-spans.txt:24: requests/denied.3: 6 of 7 values, not placed
goi-table: markdown-spans.txt:26: appeals: caption without a table"
}

@test "TAB rows padded to the widest table, row spans as leading empty fields" {
	run tab "$LAY/tabpad.txt"
	assert_success
	assert_line --index 4 "art20_1 normative repealed  empty"
	assert_line --index 5 "art20_1 normative in_force 21 num"
	assert_line --index 6 "art20_8 fees amount  empty"
	assert_line --index 21 "requests granted natural 2 num"
	assert_line --index 27 "requests granted total 3 num"
	assert_output --partial "requests partial natural  empty
requests partial business 1 num
requests partial research  empty
requests partial nonprofit 0 num
requests partial legal 0 num
requests partial other  empty
requests partial total 1 num
requests denied.1 natural 0 num"
	assert_line --index 48 "requests denied.2 total  empty"
	assert_equal "${#lines[@]}" 49
	run warns "$LAY/tabpad.txt"
	assert_output "goi-table: tabpad.txt:18: requests/denied.2: 6 of 7 values, not placed
goi-table: tabpad.txt:19: appeals: caption without a table
goi-table: tabpad.txt:7: art20_8: table found, no value read (every cell blank)"
}

@test "collapsed text: one one-digit figure in 万元 is the money column's; more digits are not placed" {
	run tab "$LAY/pdfmoney.txt"
	assert_success
	assert_line --index 6 "art20_9 procurement projects  empty"
	assert_line --index 7 "art20_9 procurement amount 0 num"
	assert_equal "${#lines[@]}" 8
	sed 's/ 0万元/ 30万元/' "$LAY/pdfmoney.txt" >"$BATS_TEST_TMPDIR/pdfmoney.txt"
	run warns "$BATS_TEST_TMPDIR/pdfmoney.txt"
	assert_line --index 1 'goi-table: pdfmoney.txt:9: art20_9/procurement: "30" read as 2 values would split a number (3 0) with nothing to confirm it, not placed'
}

@test "collapsed text, blanks vanished: never shift, never split a number" {
	run tab "$LAY/collapsed.txt"
	assert_line --index 3 "art20_1 normative issued  empty"
	assert_line --index 5 "art20_1 normative in_force  empty"
	assert_line --index 6 "requests new natural  empty"
	assert_line --index 12 "requests new total  empty"
	assert_line --index 13 "requests carried_in natural 0 num"
	run warns "$LAY/collapsed.txt"
	assert_output "goi-table: collapsed.txt:8: requests/new: 3 of 7 values, not placed
goi-table: collapsed.txt:6: art20_1/normative: \"2 10\" read as 3 values would split a number (2 1 0) with nothing to confirm it, not placed"
}

@test "glued one line: identities settle; a value assumption only with --assume" {
	run tab "$LAY/glued.txt"
	assert_line --index 0 "art20_5 licensing prev_items  empty"
	assert_line --index 1 "art20_5 licensing change  empty"
	assert_line --index 2 "art20_5 licensing decisions  empty"
	assert_line --index 3 "art20_5 other_services prev_items 0 glued"
	assert_line --index 6 "requests new natural 10 glued"
	assert_line --index 7 "requests new business 2 glued"
	assert_line --index 12 "requests new total 12 glued"
	assert_line --index 20 "requests granted natural 12 glued"
	assert_line --index 26 "requests granted total 12 glued"
	assert_line --index 33 "requests total total 12 glued"
	assert_line --index 41 "appeals review upheld 1 glued"
	assert_line --index 45 "appeals review total 1 glued"
	run warns "$LAY/glued.txt"
	assert_output "goi-table: glued.txt:2: art20_5/licensing: glued \"5207\" has 2 readings (5 20 7; 52 0 7), not placed"
	run tab "$LAY/glued.txt" --assume
	assert_line --index 0 "art20_5 licensing prev_items 52 glued"
	assert_line --index 1 "art20_5 licensing change 0 glued"
	assert_line --index 2 "art20_5 licensing decisions 7 glued"
	assert_line --index 6 "requests new natural 10 glued"
	run warns "$LAY/glued.txt" --assume
	assert_output "goi-table: glued.txt:2: art20_5/licensing: glued \"5207\" read as 52 0 7 assuming the change (本年增/减) is 0; 2 readings: 5 20 7; 52 0 7"
	run warns "$LAY/glued.txt" --strict
	assert_output "goi-table: glued.txt:2: art20_5/licensing: glued \"5207\" has 2 readings (5 20 7; 52 0 7), not placed"
}

@test "表三 with the 小计 column (8 data columns), 表四 as three labelled TAB rows" {
	run sh -c "cd '$LAY' && goi-clean subtotal.txt | goi-table -N 2>/dev/null | awk -F'\t' '\$4 == \"requests\" && (\$5 == \"new\" || \$5 == \"partial\") || \$4 == \"appeals\"' | cut -f4-8"
	assert_output "requests	new	natural	15	num
requests	new	business	3	num
requests	new	research	1	num
requests	new	nonprofit	0	num
requests	new	legal	2	num
requests	new	other	0	num
requests	new	org_subtotal	6	num
requests	new	total	21	num
requests	partial	natural	2	num
requests	partial	business	0	num
requests	partial	research	0	num
requests	partial	nonprofit	0	num
requests	partial	legal	0	num
requests	partial	other		empty
requests	partial	org_subtotal	0	num
requests	partial	total	2	num
appeals	review	upheld	1	num
appeals	review	corrected	0	num
appeals	review	other	0	num
appeals	review	pending	1	num
appeals	review	total	2	num
appeals	suit_direct	upheld	0	num
appeals	suit_direct	corrected	1	num
appeals	suit_direct	other	0	num
appeals	suit_direct	pending		na
appeals	suit_direct	total	1	num
appeals	suit_after_review	upheld	0	num
appeals	suit_after_review	corrected	0	num
appeals	suit_after_review	other	0	num
appeals	suit_after_review	pending	0	num
appeals	suit_after_review	total	0	num"
	run sh -c "cd '$LAY' && goi-clean subtotal.txt | goi-table -N 2>/dev/null | awk -F'\t' '\$4 == \"requests\"' | cut -f5 | uniq -c | awk '{ print \$1 }' | sort -u"
	assert_output "8"
	run sh -c "cd '$LAY' && goi-clean subtotal.txt | goi-table -N -l 2>/dev/null | awk -F'\t' '\$4 == \"requests\" && \$7 == 4' | cut -f5,6"
	assert_output "三（一）予以公开	法人或其他组织小计"
	run warns "$LAY/subtotal.txt"
	assert_output ""
}

@test "表三 with 小计 glued: org_subtotal and total identities settle; 表四 as three markdown rows" {
	run sh -c "cd '$LAY' && goi-clean rows4.txt | goi-table -N 2>/dev/null | awk -F'\t' '\$4 == \"requests\" && (\$5 == \"new\" || \$5 == \"granted\") || \$4 == \"appeals\" && \$5 == \"suit_direct\"' | cut -f4-9"
	assert_output "requests	new	natural	12	glued	1230000315
requests	new	business	3	glued	1230000315
requests	new	research	0	glued	1230000315
requests	new	nonprofit	0	glued	1230000315
requests	new	legal	0	glued	1230000315
requests	new	other	0	glued	1230000315
requests	new	org_subtotal	3	glued	1230000315
requests	new	total	15	glued	1230000315
requests	granted	natural	11	glued	1130000314
requests	granted	business	3	glued	1130000314
requests	granted	research	0	glued	1130000314
requests	granted	nonprofit	0	glued	1130000314
requests	granted	legal	0	glued	1130000314
requests	granted	other	0	glued	1130000314
requests	granted	org_subtotal	3	glued	1130000314
requests	granted	total	14	glued	1130000314
appeals	suit_direct	upheld	0	num	0
appeals	suit_direct	corrected	0	num	0
appeals	suit_direct	other	0	num	0
appeals	suit_direct	pending		empty	
appeals	suit_direct	total	0	num	0"
	run warns "$LAY/rows4.txt" --strict
	assert_output ""
}

@test "regions not read are named: caption alone, header out of order, blank table; a header without caption is read" {
	run warns "$LAY/nocaption.txt"
	assert_output "goi-table: nocaption.txt:19: art20_1: table header without its caption, out of the tables' order, not read
goi-table: nocaption.txt:16: appeals: caption without a table
goi-table: nocaption.txt:9: art20_8: table found, no value read (every cell blank)"
	run sh -c "cd '$LAY' && goi-clean nocaption.txt | goi-table -N 2>/dev/null | awk -F'\t' '\$4 == \"art20_6\" || \$4 == \"requests\" { print \$4, \$5, \$6, \$7, \$8, \$10 }'"
	assert_output "art20_6 penalty prev_items 1 num 7
art20_6 penalty change 1 num 7
art20_6 penalty decisions 3 num 7
art20_6 coercion prev_items 0 num 8
art20_6 coercion change 0 num 8
art20_6 coercion decisions 0 num 8
requests new natural 5 num 15
requests new business 0 num 15
requests new research 0 num 15
requests new nonprofit 0 num 15
requests new legal 0 num 15
requests new other 0 num 15
requests new total 5 num 15"
}

@test "glued runs: raw keeps the whole run, line the source line" {
	run sh -c "cd '$LAY' && goi-clean glued.txt | goi-table -N 2>/dev/null | awk -F'\t' '\$5 == \"granted\" && \$6 == \"total\"'"
	assert_output "glued.txt	2019	2019	requests	granted	total	12	glued	12 0 00 0 012	2"
}

# ---- format, labels, output forms -------------------------------------------

@test "format from the tables, not the title year" {
	printf '某局2021年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t1\t1\n' >"$BATS_TEST_TMPDIR/r.txt"
	run sh -c "goi-clean '$BATS_TEST_TMPDIR/r.txt' | goi-table -N 2>/dev/null | awk -F'\t' '\$4 == \"art20_1\"' | cut -f2-7 | head -n 1"
	assert_output "2021	2019	art20_1	rules	made	1"
}

@test "-l: official labels in row and col" {
	run sh -c "goi-clean '$LAY/tabrows.txt' | goi-table -l -N 2>/dev/null | awk -F'\t' '\$4 == \"requests\"' | cut -f5,6,7 | head -n 2"
	assert_output "一、本年新收政府信息公开申请数量	自然人	3
一、本年新收政府信息公开申请数量	商业企业	1"
}

@test "--csv writes RFC 4180 with the cells header" {
	run sh -c "cd '$LAY' && goi-clean tabrows.txt | goi-table --csv 2>/dev/null | tr -d '\\r' | grep -e '^doc,' -e ',art20_1,rules,made,' -e ',granted,total,'"
	assert_output "doc,year,format,table,row,col,value,kind,raw,line
tabrows.txt,2020,2019,art20_1,rules,made,,empty,,5
tabrows.txt,2020,2019,requests,granted,total,3,num,3,15"
}

@test "--pretty lays the tables out" {
	run sh -c "goi-clean '$LAY/tabrows.txt' | goi-table --pretty 2>/dev/null"
	assert_success
	assert_output --partial "licensing              120      -5       1032"
	run sh -c "goi-clean '$LAY/tabrows.txt' | goi-table -l --pretty 2>/dev/null"
	assert_output --partial "规范性文件"
}

@test "a document with no table: a warning, status 0" {
	printf '某局2021年政府信息公开工作年度报告\n一、总体情况\n无。\n' >"$BATS_TEST_TMPDIR/n.txt"
	run sh -c "goi-clean '$BATS_TEST_TMPDIR/n.txt' | goi-table -N"
	assert_success
	assert_output --partial "n.txt:1: no recognizable table"
}

# ---- hostile rows -----------------------------------------------------------

@test "empty input and header only: the header, status 0" {
	run sh -c ": | goi-table"
	assert_success
	assert_output "doc	year	format	table	row	col	value	kind	raw	line"
	run sh -c "printf 'doc\tline\ttext\n' | goi-table -N"
	assert_success
	assert_output ""
}

@test "not a lines stream: file and line named, status 1" {
	run sh -c "printf 'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline\n' | goi-table -N"
	assert_failure 1
	assert_output "goi-table: (stdin):1: the header of another stream: not a lines stream"
}

@test "a file that will not open is reported and the others still read" {
	goi-clean "$LAY/tabrows.txt" >"$BATS_TEST_TMPDIR/l.tsv"
	run sh -c "goi-table -N '$BATS_TEST_TMPDIR/none' '$BATS_TEST_TMPDIR/l.tsv' 2>&1 | grep -c 'requests	new	total	4' ; goi-table -N '$BATS_TEST_TMPDIR/none' </dev/null >/dev/null 2>&1; echo \$?"
	assert_output "1
1"
}

@test "invalid UTF-8, NUL bytes, CRLF, no final newline: no crash" {
	printf 'doc\tline\ttext\r\nd\t1\t第二十条第（一）项\r\nd\t2\t信息内容\\t本年新制作数量\\t本年新公开数量\\t对外公开总数量\r\nd\t3\t规章\\t\xff\xfe\\t1\\t2\r\nd\t4\t规范性文件\\t3\\t\x00\\t4' >"$BATS_TEST_TMPDIR/h.tsv"
	run sh -c "goi-table -N '$BATS_TEST_TMPDIR/h.tsv' 2>&1 | grep -a -e art20_1 -e goi-table | cut -f4-8"
	assert_success
	assert_output "goi-table: d:3: art20_1/rules: 2 of 3 values, not placed
goi-table: d: art20_5: no table
goi-table: d: art20_6: no table
goi-table: d: art20_8: no table
goi-table: d: art20_9: no table
goi-table: d: requests: no table
goi-table: d: appeals: no table
art20_1	rules	made		empty
art20_1	rules	published		empty
art20_1	rules	total_public		empty
art20_1	normative	made	3	num
art20_1	normative	published		empty
art20_1	normative	total_public	4	num"
}

# A fuzzer find (UBSan: zero offset applied to the NULL arena when the
# first cells of a run are blank, lib/table.c): the input as one document,
# a line per LF, as the fuzz target reads it, and through goi-clean.
@test "fuzz regression: blank tables first in a run, no raw text yet: no crash" {
	awk '{ printf "d\t%d\t%s\n", NR, $0 }' "$DATA/fuzz/table-null-arena.txt" >"$BATS_TEST_TMPDIR/l.tsv"
	run sh -c "goi-table -N '$BATS_TEST_TMPDIR/l.tsv' 2>&1 >/dev/null"
	assert_success
	assert_output "goi-table: d:27: art20_6: caption without a table
goi-table: d: art20_8: no table
goi-table: d: art20_9: no table
goi-table: d: requests: no table
goi-table: d: appeals: no table
goi-table: d:15: art20_1: table found, no value read (every cell blank)
goi-table: d:21: art20_5: table found, no value read (every cell blank)"
	run sh -c "goi-table -N '$BATS_TEST_TMPDIR/l.tsv' 2>/dev/null | awk -F'\t' '\$4 ~ /^art20/ { print \$8 }' | sort | uniq -c"
	assert_output "     12 empty"
	run sh -c "goi-clean '$DATA/fuzz/table-null-arena.txt' 2>/dev/null | goi-table -N >/dev/null 2>'$BATS_TEST_TMPDIR/e'; echo \$?; grep -c 'runtime error' '$BATS_TEST_TMPDIR/e'"
	assert_output "0
0"
}

@test "a 10 MB line: read, no crash, bounded time" {
	awk 'BEGIN { printf "doc\tline\ttext\nd\t1\t第二十条第（一）项规章"; for (i = 0; i < 1000000; i++) printf "0123456789"; print "" }' >"$BATS_TEST_TMPDIR/big.tsv"
	run timeout 20 goi-table -N "$BATS_TEST_TMPDIR/big.tsv"
	assert_success
}

@test "> /dev/full: write error, status 1" {
	goi-clean "$SEEDS/002_d3ddc9c30ed8506a.txt" >"$BATS_TEST_TMPDIR/l.tsv"
	run sh -c "goi-table '$BATS_TEST_TMPDIR/l.tsv' 2>&1 >/dev/full"
	assert_failure 1
	assert_output --partial "goi-table: write error"
}

@test "| head -n 1: quiet" {
	goi-clean "$SEEDS/000_e849864efb6c45e2.txt" >"$BATS_TEST_TMPDIR/l.tsv"
	run sh -c "goi-table '$BATS_TEST_TMPDIR/l.tsv' 2>&1 | head -n 1"
	assert_output "doc	year	format	table	row	col	value	kind	raw	line"
}

@test "usage: unknown option is status 2; -h and -V status 0" {
	run goi-table --nope
	assert_failure 2
	run goi-table -h
	assert_success
	assert_line --index 0 "usage: goi-table [-ahlNsV] [--csv] [--pretty] [file ...]"
	assert_line --index 1 "  -a, --assume     value assumptions may settle glued digits"
	run goi-table -V
	assert_success
}
