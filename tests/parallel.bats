#!/usr/bin/env bats
# Scaling out (README): map goi-clean | goi-table over batches of files with
# GNU parallel, reduce with goi-sum — exactly the serial result.

load helper

@test "parallel -j2 map + goi-sum reduce equals the serial pipeline" {
	command -v parallel >/dev/null || skip "GNU parallel not installed"
	files=$(ls "$SEEDS"/*.txt "$CORPUS"/*.txt)
	serial=$(goi-clean $files 2>/dev/null | goi-table 2>/dev/null | goi-sum -g year)
	mapped=$(printf '%s\n' $files |
		parallel -j2 -n2 --will-cite 'goi-clean {} 2>/dev/null | goi-table -N 2>/dev/null | goi-sum -N -g year' |
		goi-sum -g year)
	[ -n "$serial" ]
	[ "$(printf '%s\n' "$serial" | wc -l)" -gt 10 ]
	[ "$serial" = "$mapped" ] || { diff <(echo "$serial") <(echo "$mapped") | head -20; return 1; }
}
