#!/usr/bin/env bats
# lib/spill.c: the external sort under goi-sum and goi-check.  Records come
# back in order, equal keys in the order given, whatever the budget; runs
# go to unlinked files in TMPDIR, and nothing touches the disk below the
# budget.

load helper

setup_file() {
	cc_driver "$BATS_FILE_TMPDIR/spill-driver" "$TOP/tests/spill-driver.c"
	export T="$BATS_FILE_TMPDIR"
	# 5000 records: 300 keys (so many equal ones), a sequence number that
	# shows their order, a NUL-free payload of 0 to 300 bytes.
	awk 'BEGIN { srand(42); for (i = 0; i < 5000; i++) {
		k = int(rand() * 300); p = ""; n = int(rand() * 300)
		for (j = 0; j < n; j++) p = p "x"
		printf "key%05d\t%d\t%s\n", k * 7919 % 300, i, p } }' > "$T/recs"
	# What they must come back as: by key bytewise, stable.
	LC_ALL=C sort -s -t "$(printf '\t')" -k1,1 "$T/recs" > "$T/want"
}

drv() { "$BATS_FILE_TMPDIR/spill-driver" "$@"; }

@test "spill: sorted and stable in memory, with one run a record, and in between" {
	for size in 8M 64K 4K 1b; do
		TMPDIR="$T" drv sort "$size" < "$T/recs" > "$T/got" 2> "$T/err"
		cmp "$T/want" "$T/got" || { echo "-S $size: wrong order"; return 1; }
		runs=$(sed -n 's/^runs //p' "$T/err")
		case $size in
		8M) [ "$runs" -eq 0 ] ;;
		64K) [ "$runs" -gt 8 ] && [ "$runs" -lt 100 ] ;;
		# 5000 runs, merged two at a time, then by twos again...
		1b) [ "$runs" -gt 9000 ] ;;
		esac || { echo "-S $size: $runs runs"; return 1; }
	done
}

@test "spill: empty input, one record, an empty record, a 1 MB record" {
	run drv sort 1b < /dev/null
	assert_success
	assert_output 'runs 0'
	{ printf 'b\n\na\n'; head -c 1000000 /dev/zero | tr '\0' y; echo; } > "$T/odd"
	for size in 8M 1b; do
		drv sort "$size" < "$T/odd" > "$T/got" 2>/dev/null
		LC_ALL=C sort -s -t "$(printf '\t')" -k1,1 "$T/odd" | cmp - "$T/got"
	done
}

@test "spill: runs written by the caller merge in key order, earlier runs first" {
	LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2n "$T/recs" > "$T/sorted"
	for n in 1 2 7 600; do
		drv runs "$n" < "$T/sorted" > "$T/got" 2>/dev/null
		# equal keys: run 0's records first, then run 1's ...
		awk -F'\t' -v n="$n" '{ print $1 "\t" (NR - 1) % n "\t" NR "\t" $0 }' "$T/sorted" |
		    LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2n -k3,3n | cut -f4- > "$T/want-runs"
		cmp "$T/want-runs" "$T/got" || { echo "$n runs"; return 1; }
	done
}

@test "spill: the files go to the directory given, else TMPDIR, and are gone at once" {
	mkdir -p "$T/tmp1" "$T/tmp2"
	TMPDIR="$T/tmp1" drv sort 1b < "$T/recs" > /dev/null 2>&1
	TMPDIR=/nonexistent drv sort 1b "$T/tmp2" < "$T/recs" > /dev/null 2>&1
	run ls -A "$T/tmp1" "$T/tmp2"
	assert_output "$(printf '%s:\n\n%s:' "$T/tmp1" "$T/tmp2")"
	# below the budget no file is made: a missing directory does not matter
	run env TMPDIR=/nonexistent "$BATS_FILE_TMPDIR/spill-driver" sort 8M < "$T/recs"
	assert_success
	run env TMPDIR=/nonexistent "$BATS_FILE_TMPDIR/spill-driver" sort 4K < "$T/recs"
	assert_failure 1
	assert_output "spill-driver: temporary file: No such file or directory"
}

@test "spill: a write error on a temporary file is an error, with its errno" {
	run bash -c "trap '' XFSZ; ulimit -f 16; TMPDIR='$T' '$BATS_FILE_TMPDIR/spill-driver' sort 1b < '$T/recs' > /dev/null"
	assert_failure 1
	assert_output "spill-driver: temporary file: File too large"
}

@test "spill: -S sizes like sort(1)'s" {
	while IFS='|' read -r arg want; do
		run drv size "$arg"
		[ "$output" = "$want" ] || { echo "$arg: got '$output', want '$want'"; return 1; }
	done <<'TABLE'
1b|1
100|102400
64K|65536
8M|8388608
2G|2147483648
1t|1099511627776
0|0
|malformed input
M|malformed input
10x|malformed input
10MB|malformed input
-1|malformed input
99999999999999999999|number out of range
TABLE
}

@test "valgrind: goi-sum and goi-check spilling after every document are clean" {
	command -v valgrind >/dev/null || skip "valgrind not installed"
	[[ "${GOI_CFLAGS:-}" != *fsanitize* ]] || skip "a sanitizer build (ASan and valgrind do not mix)"
	V() { valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$@"; }
	goi-clean "$SEEDS"/*.txt "$CORPUS"/*.txt 2>/dev/null | goi-table 2>/dev/null > "$T/cells"
	for args in "-S 1b -g doc -o mean,min,max,count --pretty" "-S 1b -g organ,year --harmonize" "-S 1b -T $T/none -g doc"; do
		run V goi-sum $args "$T/cells"
		[ "$status" -ne 99 ] || { echo "goi-sum $args: $output" | grep '==' | head; return 1; }
	done
	for args in "-S 1b -a" "-S 1b -T $T/none -a"; do
		run V goi-check $args "$T/cells"
		[ "$status" -ne 99 ] || { echo "goi-check $args: $output" | grep '==' | head; return 1; }
	done
	run V "$BATS_FILE_TMPDIR/spill-driver" sort 1b < "$T/recs"
	[ "$status" -eq 0 ]
}
