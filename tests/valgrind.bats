#!/usr/bin/env bats
# valgrind is clean on the seeds pipeline: no invalid access, no use of
# uninitialised memory, no definite leak, in any tool.

load helper

V() { valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$@"; }

@test "valgrind: clean | split | table | check | sum on the seeds and corpus" {
	command -v valgrind >/dev/null || skip "valgrind not installed"
	[[ "${GOI_CFLAGS:-}" != *fsanitize* ]] || skip "a sanitizer build (ASan and valgrind do not mix)"
	T="$BATS_TEST_TMPDIR"
	run V goi-clean "$SEEDS"/*.txt "$CORPUS"/*.txt
	[ "$status" -eq 0 ] || { echo "$output" | grep -v '^[^=]' | head; return 1; }
	printf '%s\n' "$output" > "$T/lines"
	for args in "goi-split" "goi-split -i" "goi-table -l" "goi-table --pretty"; do
		run V $args "$T/lines"
		[ "$status" -ne 99 ] || { echo "$args: $output" | grep '==' | head; return 1; }
	done
	goi-table "$T/lines" > "$T/cells" 2>/dev/null
	run V goi-check -a "$T/cells"
	[ "$status" -ne 99 ] && [ "$status" -le 1 ]
	run V goi-sum -g year -o mean,min,max,count --pretty "$T/cells"
	[ "$status" -eq 0 ]
}
