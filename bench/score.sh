#!/bin/sh
# score.sh TRUTH.tsv CELLS.tsv [FINDINGS.tsv]
#
# Scores goi-table's cells (and goi-check's findings) against the truth file
# of bench/gen.  Documents are matched by name: the cells' doc column is the
# file gen -o wrote (any directory, ".txt" dropped).
#
# A truth value of kind num or glued is "ok" when goi-table gives the same
# value (num or glued), "missed" when it gives none or a blank, "wrong" when
# it gives another number.  A truth blank (empty) is ok when goi-table gives
# nothing or a blank, "wrong" (invented) when it gives a number.  A truth na
# is ok as na.  Text facts (table doc) compare as strings.
#
# Prints one line per group (format/layout, and table family), then the
# totals, then, with FINDINGS, the planted inconsistencies found, missed,
# and the fail findings nobody planted; -v lists on stderr every cell that
# is not ok ("missed: DOC table/row/col ..." or "wrong: ..."), every plant
# not found ("not-found: DOC RULE table/row/col") and every fail finding
# nobody planted ("unplanted: ...").
# Exit status: 0 when nothing is wrong and every plant is found exactly,
# 1 otherwise.
verbose=0
[ "$1" = "-v" ] && { verbose=1; shift; }
[ $# -ge 2 ] || { echo "usage: score.sh [-v] TRUTH.tsv CELLS.tsv [FINDINGS.tsv]" >&2; exit 2; }
truth=$1 cells=$2 findings=${3:-/dev/null}
LC_ALL=C awk -F'\t' -v verbose=$verbose -v havef=$([ $# -ge 3 ] && echo 1 || echo 0) '
function base(d) { sub(/^.*\//, "", d); sub(/\.txt(#[0-9]+)?$/, "", d); return d }
function fam(t) { return t ~ /^art20_|^requests$|^appeals$/ ? "tables" : t }
FILENAME == ARGV[1] {
	if ($1 == "doc") { layout[$2] = $7; fmt[$2] = $6; next }
	if ($1 == "cell") {
		k = $2 SUBSEP $3 SUBSEP $4 SUBSEP $5
		tv[k] = $6; tk[k] = $7; order[++n] = k
		next
	}
	if ($1 == "plant") {
		pk = $2 SUBSEP $3 SUBSEP $4 SUBSEP $5 SUBSEP $6
		plant[pk] = $7 "\t" $8; nplant++
	}
	next
}
FILENAME == ARGV[2] {
	if ($1 == "doc" && $2 == "year") next
	k = base($1) SUBSEP $4 SUBSEP $5 SUBSEP $6
	if (k in ov && ov[k] != $7) dup[k] = 1
	ov[k] = $7; ok_[k] = $8
	next
}
{
	if ($1 == "doc" && $2 == "rule") next
	if ($3 != "fail") next
	pk = base($1) SUBSEP $2 SUBSEP $4 SUBSEP $5 SUBSEP $6
	if (pk in plant) {
		split(plant[pk], ea, "\t")
		if (ea[1] == "-" || (ea[1] == $7 && ea[2] == $8)) found[pk] = 1
		else badval[pk] = $7 "/" $8
		next
	}
	extra++
	if (verbose) printf "unplanted: %s %s %s/%s/%s expected %s actual %s\n", base($1), $2, $4, $5, $6, $7, $8 > "/dev/stderr"
}
END {
	for (i = 1; i <= n; i++) {
		k = order[i]; split(k, f, SUBSEP)
		d = f[1]; g = fmt[d] "/" layout[d]; t = fam(f[2])
		kind = tk[k]; have = (k in ov); v = ov[k]; ko = ok_[k]
		if (kind == "num" || kind == "glued") {
			if (have && (ko == "num" || ko == "glued") && v == tv[k]) r = "ok"
			else if (!have || ko == "empty" || v == "") r = "missed"
			else r = "wrong"
		} else if (kind == "empty") {
			r = (!have || ko == "empty" || v == "") ? "ok" : "wrong"
		} else if (kind == "na") {
			r = have && ko == "na" ? "ok" : (!have || ko == "empty") ? "missed" : "wrong"
		} else
			r = have && v == tv[k] ? "ok" : !have ? "missed" : "wrong"
		cnt[g, r]++; cnt[t, r]++; cnt["all", r]++; grp[g] = 1; grp[t] = 1
		if (kind == "glued") { cnt["glued", r]++; grp["glued"] = 1 }
		if (r != "ok" && verbose)
			printf "%s: %s %s/%s/%s: truth %s (%s), got %s (%s)\n", r, d, f[2], f[3], f[4], tv[k], kind, have ? v : "-", have ? ko : "absent" > "/dev/stderr"
	}
	printf "%-22s %7s %7s %7s %7s %8s\n", "group", "cells", "ok", "missed", "wrong", "accuracy"
	m = 0
	for (g in grp) names[++m] = g
	for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (names[j] < names[i]) { x = names[i]; names[i] = names[j]; names[j] = x }
	names[++m] = "all"
	for (i = 1; i <= m; i++) {
		g = names[i]; tot = cnt[g, "ok"] + cnt[g, "missed"] + cnt[g, "wrong"]
		printf "%-22s %7d %7d %7d %7d %7.2f%%\n", g, tot, cnt[g, "ok"], cnt[g, "missed"], cnt[g, "wrong"], tot ? 100 * cnt[g, "ok"] / tot : 0
	}
	bad = cnt["all", "wrong"] > 0
	if (havef) {
		nf = 0
		for (pk in plant) if (pk in found) nf++; else {
			bad = 1
			if (verbose) { split(pk, f, SUBSEP); printf "not-found: %s %s %s/%s/%s %s%s\n", f[1], f[2], f[3], f[4], f[5], plant[pk], (pk in badval) ? " (found as " badval[pk] ")" : "" > "/dev/stderr" }
		}
		printf "plants %d found %d missed %d unplanted-fails %d\n", nplant, nf, nplant - nf, extra
		if (extra) bad = 1
	}
	exit bad
}' "$truth" "$cells" "$findings"
