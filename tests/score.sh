#!/bin/sh
# score.sh EXPECTED CELLS - score a cells stream against expected values.
#
# EXPECTED: table row col value kind (header line first), as in
# tests/data/corpus/*.expected.tsv and tests/data/golden/*.tsv.
# CELLS: goi-table output (doc year format table row col value kind raw
# line).  Every expected cell must be produced with the same value; kind
# glued is accepted for num (a value recovered from glued digits).  Prints
# one line per miss and a summary "N right, N wrong, N empty, N absent";
# exits 1 on any miss.
LC_ALL=C awk -F'\t' '
FNR == 1 { next }
NR == FNR {
	k = $1 SUBSEP $2 SUBSEP $3
	want[k] = $4; wkind[k] = $5; order[++n] = k
	next
}
{
	k = $4 SUBSEP $5 SUBSEP $6
	if (k in got)
		dup[k] = 1
	got[k] = $7; gkind[k] = $8
}
END {
	for (i = 1; i <= n; i++) {
		k = order[i]
		split(k, p, SUBSEP)
		name = p[1] "/" p[2] "/" p[3]
		if (!(k in got)) {
			absent++
			printf "absent  %s: want %s\n", name, want[k]
		} else if (k in dup) {
			wrong++
			printf "twice   %s\n", name
		} else if (got[k] == want[k] && (gkind[k] == wkind[k] ||
		    (wkind[k] == "num" && gkind[k] == "glued"))) {
			right++
		} else if (gkind[k] == "empty" && wkind[k] != "empty") {
			empty++
			printf "empty   %s: want %s\n", name, want[k]
		} else {
			wrong++
			printf "wrong   %s: want %s %s, got %s %s\n", name,
			    want[k], wkind[k], got[k], gkind[k]
		}
	}
	printf "%d right, %d wrong, %d empty, %d absent\n", right + 0,
	    wrong + 0, empty + 0, absent + 0
	exit (wrong + empty + absent > 0)
}' "$1" "$2"
