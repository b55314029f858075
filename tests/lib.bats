#!/usr/bin/env bats
# The library core: exact decimals, TSV escapes and stream reading, documents.

load helper

setup_file() {
	cc_driver "$BATS_FILE_TMPDIR/lib-driver" "$TOP/tests/lib-driver.c"
}

drv() { "$BATS_FILE_TMPDIR/lib-driver" "$@"; }

@test "dec: table of additions, shifts and formats" {
	while IFS='|' read -r op a b want; do
		run drv dec "$op" "$a" $b
		[ "$output" = "$want" ] || { echo "dec $op $a $b: got '$output', want '$want'"; return 1; }
	done <<'TABLE'
add|0.1|0.2|0.3
add|7539.443252|0.000001|7539.443253
add|-50|20|-30
add|1.50|1|2.5
add|9223372036854775807|1|number out of range
shift|251000|-4|25.1
shift|25.1|4|251000
shift|0.000001|-4|0.0000000001
shift|3|-13|number out of range
fmt|007||7
fmt|-0.50||-0.5
fmt|0.05||0.05
fmt|1.000||1
cmp|2.50|2.5|0
cmp|-1|0.5|-1
cmp|10|9.99|1
TABLE
}

@test "dec: rejects what is not a plain decimal" {
	for bad in "" "-" "1,000" "1.2.3" "12a" "+" "."; do
		run drv dec fmt "$bad"
		assert_output "parse error"
	done
	run drv dec fmt 99999999999999999999
	assert_output "parse error"
}

@test "tsv: escapes round-trip, including backslashes and CR" {
	run bash -c "printf 'a\tb\\\\c\r\nd' | '$BATS_FILE_TMPDIR/lib-driver' esc"
	assert_output $'a\\tb\\\\c\\r\\nd\nroundtrip ok'
}

@test "tsv: header skipped, repeated headers skipped, fields unescaped" {
	run bash -c "printf 'doc\tline\ttext\nd\t1\ta\\\\tb\ndoc\tline\ttext\nd\t2\tc\\\\\\\\d\n' | '$BATS_FILE_TMPDIR/lib-driver' tsv lines"
	assert_output $'[d][1][a\tb]\n[d][2][c\\d]'
}

@test "tsv: a missing header is accepted, CRLF rows are read" {
	run bash -c "printf 'd\t1\tx\r\nd\t2\t\r\n' | '$BATS_FILE_TMPDIR/lib-driver' tsv lines"
	assert_output $'[d][1][x]\n[d][2][]'
}

@test "tsv: another stream's header is an error at its row" {
	run bash -c "printf 'd\t1\tx\ndoc\tsection\tline\ttext\n' | '$BATS_FILE_TMPDIR/lib-driver' tsv lines"
	assert_output $'[d][1][x]\nerror at row 2: not the expected stream'
	assert_failure
}

@test "tsv: a truncated row is an error at its row" {
	run bash -c "printf 'd\t1\tx\nd\t2\n' | '$BATS_FILE_TMPDIR/lib-driver' tsv lines"
	assert_output $'[d][1][x]\nerror at row 2: wrong number of fields'
	assert_failure
}

@test "tsv: no final newline, NUL bytes and empty input" {
	run bash -c "printf 'd\t1\tx' | '$BATS_FILE_TMPDIR/lib-driver' tsv lines"
	assert_output '[d][1][x]'
	run bash -c "printf '' | '$BATS_FILE_TMPDIR/lib-driver' tsv lines"
	assert_output ''
	run bash -c "printf 'd\t1\ta\0b\n' | '$BATS_FILE_TMPDIR/lib-driver' tsv lines | od -c | head -1"
	assert_output --partial '[   a  \0   b   ]'
}

@test "docs: rows grouped by doc key, line numbers kept" {
	run bash -c "printf 'doc\tline\ttext\na\t1\tone\na\t5\tfive\nb\t2\ttwo\nc\t9\t\n' | '$BATS_FILE_TMPDIR/lib-driver' docs"
	assert_output "doc a: 2 lines from row 2
  1 [one]
  5 [five]
doc b: 1 lines from row 4
  2 [two]
doc c: 1 lines from row 5
  9 []"
}

@test "docs: a line column that is not a positive number is an error" {
	run bash -c "printf 'a\t1\tx\na\tzz\ty\n' | '$BATS_FILE_TMPDIR/lib-driver' docs"
	assert_output $'doc a: 1 lines from row 1\n  1 [x]\nerror at row 2: malformed input'
}

@test "docs: a 10 MB line" {
	run bash -c "{ printf 'a\t1\t'; printf '%*s' 10000000 '' | tr ' ' x; printf '\n'; } | '$BATS_FILE_TMPDIR/lib-driver' docs | wc -c"
	assert_output "10000033"
}

@test "memfind: agrees with memmem on every short needle and haystack" {
	run "$BATS_FILE_TMPDIR/lib-driver" memfind
	assert_success
	assert_output "0 disagreements"
}

@test "out: a row prefix and goi_out_fieldsz write exactly what field by field would (TSV)" {
	run "$BATS_FILE_TMPDIR/lib-driver" prefix
	assert_success
	assert_output 'a\tb\\c	2021	x,"y"	tail\t		2021	x,y
a\tb\\c	2021	x,"y"	tail\t		2021	x,y
	 lead	line\nbreak\r	tail\t		2021	x,y
	 lead	line\nbreak\r	tail\t		2021	x,y
plain		z	tail\t		2021	x,y
plain		z	tail\t		2021	x,y
same'
}

@test "out: a row prefix and goi_out_fieldsz write exactly what field by field would (CSV)" {
	run "$BATS_FILE_TMPDIR/lib-driver" prefix csv
	assert_success
	assert_line --index 0 $'a\tb\\c,2021,"x,""y""",tail\t,,2021,"x,y"\r'
	assert_line --index 8 "same"
}

@test "out: goi_out_fieldsz on fields longer than its buffer and an escape far in" {
	run "$BATS_FILE_TMPDIR/lib-driver" fieldsz-long
	assert_success
	assert_output "7000150 bytes same"
}

@test "out: goi_out_fieldl at the edges of 1, 2, 10 and 19 digits and of the sign" {
	run "$BATS_FILE_TMPDIR/lib-driver" fieldl
	assert_success
	assert_output "0	9	10	99	100	12345	4294967295	4294967296	1234567890123	9223372036854775807	-9223372036854775808	-1	-100"
}
