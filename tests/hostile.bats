#!/usr/bin/env bats
# Hostile input for every tool (issue 8): each gets a clear message naming
# file and line and exit 1 or 2 — never a signal, never a hang.

load helper
bats_require_minimum_version 1.5.0

# Each tool with a valid input of the stream it reads.
setup_file() {
	export T="$BATS_FILE_TMPDIR"
	goi-clean "$SEEDS/000_e849864efb6c45e2.txt" > "$T/lines.tsv"
	goi-table "$T/lines.tsv" > "$T/cells.tsv" 2>/dev/null
	cp "$SEEDS/000_e849864efb6c45e2.txt" "$T/raw.txt"
}

# input_for TOOL: the good input of that tool
input_for() {
	case $1 in
	goi-clean) echo "$T/raw.txt" ;;
	goi-split|goi-table) echo "$T/lines.tsv" ;;
	goi-check|goi-sum) echo "$T/cells.tsv" ;;
	esac
}

TOOLS="goi-clean goi-split goi-table goi-check goi-sum"

# The exit status of trouble (unreadable input, write error): 1, but 2 for
# goi-check, whose 1 says that a rule failed (as diff(1) does).
trouble() { [ "$1" = goi-check ] && echo 2 || echo 1; }

# A status that is no signal and no crash: 0, 1 or 2.
sane() { [ "$1" -le 2 ] || { echo "status $1"; return 1; }; }

@test "random bytes: no signal, no hang" {
	head -c 2000000 /dev/urandom > "$T/random"
	for t in $TOOLS; do
		run timeout 60 "$t" "$T/random"
		sane "$status" || { echo "$t"; return 1; }
	done
}

@test "NUL bytes inside lines: no signal" {
	printf 'a\0b\t1\tx\0y\n\0\0\0\n' > "$T/nul"
	for t in $TOOLS; do
		run timeout 60 "$t" "$T/nul"
		sane "$status" || { echo "$t"; return 1; }
	done
}

@test "a 100 MB line: each tool ends, without a signal" {
	{ printf 'd\t1\t'; head -c 100000000 /dev/zero | tr '\0' 7; printf '\n'; } > "$T/long"
	for t in $TOOLS; do
		run timeout 300 "$t" "$T/long"
		sane "$status" || { echo "$t"; return 1; }
	done
}

@test "header only: header out, exit 0" {
	printf 'doc\tline\ttext\n' > "$T/h-lines"
	printf 'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline\n' > "$T/h-cells"
	run goi-split "$T/h-lines"; assert_success; assert_output $'doc\tsection\tline\ttext'
	run goi-table "$T/h-lines"; assert_success; assert_output $'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline'
	run goi-sum "$T/h-cells"; assert_success
	run goi-check "$T/h-cells"; [ "$status" -eq 0 ]
}

@test "truncated rows: error names file and line" {
	printf 'doc\tline\ttext\nd\t1\tx\nd\t2\n' > "$T/trunc-lines"
	printf 'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline\nd\t2020\t2021\trequests\tnew\ttotal\t3\n' > "$T/trunc-cells"
	for t in goi-split goi-table; do
		run "$t" "$T/trunc-lines"
		assert_failure
		assert_output --partial "$T/trunc-lines:3:"
	done
	for t in goi-check goi-sum; do
		run "$t" "$T/trunc-cells"
		[ "$status" -ge 1 ] && [ "$status" -le 2 ]
		assert_output --partial "$T/trunc-cells:2:"
	done
}

@test "the wrong stream: cells into goi-split, raw text into goi-check" {
	run goi-split "$T/cells.tsv"
	[ "$status" -ge 1 ] && [ "$status" -le 2 ]
	assert_output --partial "$T/cells.tsv:1:"
	run goi-check "$T/raw.txt"
	[ "$status" -ge 1 ] && [ "$status" -le 2 ]
	assert_output --partial "$T/raw.txt:1:"
	run goi-sum "$T/lines.tsv"
	[ "$status" -ge 1 ] && [ "$status" -le 2 ]
	assert_output --partial "$T/lines.tsv:1:"
}

@test "numbers too large for 64 bits are never summed into a wrong number" {
	printf 'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline\n' > "$T/big"
	printf 'a\t2021\t2021\trequests\tnew\tnatural\t99999999999999999999\tnum\t99999999999999999999\t5\n' >> "$T/big"
	printf 'b\t2021\t2021\trequests\tnew\tnatural\t1\tnum\t1\t5\n' >> "$T/big"
	run --separate-stderr goi-sum "$T/big"
	[ "$status" -ge 1 ] && [ "$status" -le 2 ]
	[[ "$stderr" == *"$T/big:2:"* ]]
	refute_output --partial "100000000000000000000"
	refute_output --partial $'\t-'
	# The sum of that cell is no number at all, not 1 and not a wrapped value.
	run bash -c "goi-sum '$T/big' 2>/dev/null | awk -F'\t' '\$5 == \"new\" && \$6 == \"natural\" { print \$7 \"|\" \$8 }'"
	assert_output '|text'
	printf 'doc\tline\ttext\nd\t1\t一、本年新收政府信息公开申请数量\t99999999999999999999999\t0\t0\t0\t0\t0\t1\n' > "$T/big-lines"
	run goi-table "$T/big-lines"
	[ "$status" -le 2 ]
	refute_output --partial $'\t99999999999999999999999\tnum'
}

@test "deeply repeated headings: no quadratic blow-up, no signal" {
	{ printf 'doc\tline\ttext\n'; for i in $(seq 1 20000); do printf 'd\t%d\t一、总体情况\n' "$i"; done; } > "$T/heads"
	for t in goi-split goi-table; do
		run timeout 60 "$t" "$T/heads"
		sane "$status" || { echo "$t"; return 1; }
	done
}

@test "a million tiny documents" {
	awk 'BEGIN { print "doc\tline\ttext"; for (i = 1; i <= 1000000; i++) printf "d%d\t%d\tx\n", i, i }' > "$T/million"
	run bash -c "timeout 300 goi-split -i '$T/million' | wc -l"
	assert_output 1000001
	run bash -c "timeout 300 goi-table '$T/million' 2>/dev/null | tail -n 1 | cut -f1"
	assert_output d1000000
}

@test "an unreadable file among readable ones: reported, the others done, exit 1 (goi-check 2)" {
	for t in $TOOLS; do
		in=$(input_for "$t")
		run "$t" "$in" "$T/no-such-file" "$in"
		assert_failure "$(trouble "$t")"
		assert_output --partial "$T/no-such-file"
	done
}

@test "> /dev/full: exit 1 (goi-check 2) with a message" {
	for t in $TOOLS; do
		run bash -c "'$t' '$(input_for "$t")' > /dev/full"
		assert_failure "$(trouble "$t")"
		assert_output --partial "$t:"
	done
}

@test "| head -n 1: quiet" {
	for t in $TOOLS; do
		run bash -c "'$t' '$(input_for "$t")' 2>&1 >/dev/null | head -n 1 >/dev/null; '$t' '$(input_for "$t")' 2>'$T/err' | head -n 1 >/dev/null; cat '$T/err'"
		refute_output --partial "write error"
		refute_output --partial "Broken pipe"
	done
}

@test "closed stdin and closed stdout: a message, no signal" {
	for t in $TOOLS; do
		run bash -c "'$t' <&-"
		sane "$status" || { echo "$t <&-"; return 1; }
		run bash -c "'$t' '$(input_for "$t")' >&-"
		assert_failure "$(trouble "$t")"
	done
}

@test "time is linear: doubling the input at most doubles the time (generous bound)" {
	for i in 1 2 3 4 5 6 7 8; do cat "$SEEDS"/*.txt; done > "$T/x1"
	cat "$T/x1" "$T/x1" "$T/x1" "$T/x1" > "$T/x4"
	secs() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
	t1=$(secs sh -c "goi-clean < '$T/x1' | goi-table")
	t4=$(secs sh -c "goi-clean < '$T/x4' | goi-table")
	echo "x1 ${t1}ms x4 ${t4}ms"
	# Four times the input within eight times the time, plus start-up slack.
	[ "$t4" -le $(( 8 * t1 + 200 )) ]
}
