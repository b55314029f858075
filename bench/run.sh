#!/bin/sh
# run.sh - the measurements of `make bench`, in one run on one generated
# corpus, printed as one table.
#
#   throughput  every goi tool, MB/s of its own input (raw text, lines
#               stream or cells stream), and the goi-clean | goi-table |
#               goi-check and | goi-sum pipelines (MB/s of raw text), side
#               by side with what a user would run instead: cat (the I/O
#               ceiling), uconv -x Any-NFKC and a Python unicodedata loop
#               for goi-clean; GNU datamash and Miller for goi-sum, on the
#               same numeric cells file.  hyperfine (median of BENCH_RUNS
#               runs after one warm-up) when present, else best of
#               BENCH_RUNS.  MB = 10^6 bytes.
#   memory      peak RSS (/usr/bin/time %M) of every goi tool on the
#               BENCH_SMALL and BENCH_BIG corpora: flat means streaming.
#
# A tool that is not built, or a comparison tool that is missing, is a row
# that says so.  run.sh --deps installs the comparison tools (as root, with
# apt-get) and exits.
set -u
LC_ALL=C
export LC_ALL

TOP=$(cd "$(dirname "$0")/.." && pwd)
BIN=$TOP/cmd
GEN=$TOP/bench/gen
SEED=${BENCH_SEED:-1}
SIZE=${BENCH_SIZE:-100M}
SMALL=${BENCH_SMALL:-10M}
BIG=${BENCH_BIG:-1G}
RUNS=${BENCH_RUNS:-3}
W=${BENCH_DIR:-${TMPDIR:-/tmp}/goi-bench}

note() { echo "bench: $*" >&2; }

# ---- comparison tools ----------------------------------------------------
deps() {
	missing=""
	command -v uconv >/dev/null 2>&1 || missing="$missing icu-devtools"
	command -v datamash >/dev/null 2>&1 || missing="$missing datamash"
	command -v mlr >/dev/null 2>&1 || missing="$missing miller"
	command -v hyperfine >/dev/null 2>&1 || missing="$missing hyperfine"
	command -v python3 >/dev/null 2>&1 || missing="$missing python3"
	[ -x /usr/bin/time ] || missing="$missing time"
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		note "installing:$missing"
		DEBIAN_FRONTEND=noninteractive
		export DEBIAN_FRONTEND
		# one package at a time: a missing one must not block the rest
		for p in $missing; do
			apt-get install -y -q "$p" >/dev/null 2>&1 ||
			    { apt-get update -q >/dev/null 2>&1 &&
			      apt-get install -y -q "$p" >/dev/null 2>&1; } ||
			    note "could not install $p: its rows are skipped"
		done
	else
		note "missing:$missing (as root: apt-get install$missing); their rows are skipped"
	fi
}
if [ "${1:-}" = "--deps" ]; then
	deps
	exit 0
fi
deps

[ -x "$GEN" ] || { note "bench/gen is not built (make -C bench gen)"; exit 1; }
mkdir -p "$W" || exit 1

have() { command -v "$1" >/dev/null 2>&1; }
bytes() { wc -c < "$1" | tr -d ' '; }
tool() { [ -x "$BIN/goi-$1" ]; }

# ---- the corpora and the streams derived from them -----------------------
# name SIZE -> $W/NAME.txt (raw), NAME.lines, NAME.cells, NAME.num (the
# numeric cells: kind num or glued, for goi-sum, datamash and mlr)
corpus() {
	n=$1 s=$2
	if [ ! -s "$W/$n.txt" ] || [ "$(cat "$W/$n.id" 2>/dev/null)" != "$SEED $s $(cksum < "$GEN")" ]; then
		t0=$(date +%s.%N)
		"$GEN" -s "$SEED" -m "$s" > "$W/$n.txt" || exit 1
		t1=$(date +%s.%N)
		echo "$SEED $s $(cksum < "$GEN")" > "$W/$n.id"
		rm -f "$W/$n.lines" "$W/$n.cells" "$W/$n.num"
		note "$n: generated $(bytes "$W/$n.txt") bytes in $(echo "$t0 $t1" | awk '{ printf "%.2f", $2 - $1 }') s"
	fi
	# the streams are goi-clean's and goi-table's: redo them for new builds
	v="$(cksum < "$BIN/goi-clean" 2>/dev/null) $(cksum < "$BIN/goi-table" 2>/dev/null)"
	if [ "$(cat "$W/$n.tools" 2>/dev/null)" != "$v" ]; then
		rm -f "$W/$n.lines" "$W/$n.cells" "$W/$n.num"
		echo "$v" > "$W/$n.tools"
	fi
	if tool clean && [ ! -s "$W/$n.lines" ]; then
		"$BIN/goi-clean" "$W/$n.txt" > "$W/$n.lines" 2> "$W/$n.clean.err" ||
		    note "$n: goi-clean exit $? ($(wc -l < "$W/$n.clean.err") messages)"
	fi
	if tool table && [ -s "$W/$n.lines" ] && [ ! -s "$W/$n.cells" ]; then
		"$BIN/goi-table" "$W/$n.lines" > "$W/$n.cells" 2> "$W/$n.table.err" ||
		    note "$n: goi-table exit $? ($(wc -l < "$W/$n.table.err") messages)"
	fi
	if [ -s "$W/$n.cells" ] && [ ! -s "$W/$n.num" ]; then
		awk -F'\t' 'NR == 1 || $8 == "num" || $8 == "glued"' \
		    "$W/$n.cells" > "$W/$n.num"
	fi
}

corpus mid "$SIZE"
corpus small "$SMALL"
corpus big "$BIG"

# ---- timing --------------------------------------------------------------
# secs CMD: "WALL CPU" seconds of one run of the shell command CMD: with
# hyperfine the median wall time and the mean user + system time of RUNS
# runs, else the best of RUNS of each.  CPU time is what one core spends,
# whatever else the machine is doing; for a pipeline it is the sum of its
# stages, while the wall time shows how they overlap on several cores.
secs() {
	if have hyperfine; then
		hyperfine -i -N --runs "$RUNS" --warmup 1 --style none \
		    --export-csv "$W/hf.csv" "sh -c '$1'" >/dev/null 2>&1 &&
		    awk -F, 'NR == 2 { print $4, $5 + $6 }' "$W/hf.csv"
		return
	fi
	i=0
	: > "$W/times"
	while [ $i -lt "$RUNS" ]; do
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f '%e %U %S' -o "$W/t" sh -c "$1" >/dev/null 2>&1
			tail -n 1 "$W/t" >> "$W/times"
		else
			t0=$(date +%s.%N)
			sh -c "$1" >/dev/null 2>&1
			t1=$(date +%s.%N)
			echo "$t0 $t1" | awk '{ print $2 - $1, $2 - $1, 0 }' >> "$W/times"
		fi
		i=$((i + 1))
	done
	awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 + $3 < c { c = $2 + $3 }
	    END { if (NR) print w, c }' "$W/times"
}

ROWS=$W/rows
: > "$ROWS"
# row MEASURE INPUT VALUE UNIT RATIO TARGET VERDICT WALL
row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-}" "${6:-}" "${7:-}" "${8:-}" >> "$ROWS"
}
mbs() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.1f", $1 / $2 / 1e6; else print "-" }'; }
ratio() { echo "$1 $2" | awk '{ if ($1 > 0 && $2 > 0) printf "%.3gx", $1 / $2; else print "-" }'; }
ge() { echo "$1 $2" | awk '{ print ($1 != "-" && $1 + 0 >= $2 + 0) ? "ok" : "MISSED" }'; }

# speed NAME INPUTFILE CMD -> "CPU WALL": MB/s of INPUTFILE through CMD per
# CPU second and per wall second
speed() {
	name=$1 in=$2 cmd=$3
	s=$(secs "$cmd")
	if [ -z "$s" ]; then
		note "$name: could not be timed"
		echo "failed -"
		return
	fi
	echo "$(mbs "$(bytes "$in")" "${s#* }") $(mbs "$(bytes "$in")" "${s% *}")"
}
# measure NAME INPUT-LABEL INPUTFILE CMD [RATIO TARGET VERDICT]: a row; the
# CPU MB/s goes to $v for ratios
measure() {
	x=$(speed "$1" "$3" "$4")
	v=${x% *}
	row "$1" "$2" "$v" MB/s "${5:-}" "${6:-}" "${7:-}" "${x#* }"
}

RAW=$W/mid.txt LINES=$W/mid.lines CELLS=$W/mid.cells NUM=$W/mid.num
note "throughput on $(bytes "$RAW") bytes of raw text (seed $SEED, $SIZE)"
# time NAME FILE CMD: sets V (CPU MB/s) and WL (wall MB/s)
time_() { x=$(speed "$1" "$2" "$3"); V=${x% *} WL=${x#* }; }

time_ gen "$RAW" "$GEN -s $SEED -m $SIZE > /dev/null"
row "bench/gen (generator)" "(writes)" "$V" MB/s "" ">= 100 MB/s" "$(ge "$V" 100)" "$WL"
time_ cat "$RAW" "cat $RAW > /dev/null"
cat_s=$V
row "cat (I/O ceiling)" raw "$V" MB/s "" "" "" "$WL"
clean_s=-
if tool clean; then
	time_ goi-clean "$RAW" "$BIN/goi-clean $RAW > /dev/null"
	clean_s=$V
	row "goi-clean" raw "$V" MB/s "$(ratio "$V" "$cat_s") of cat" ">= 300 MB/s" "$(ge "$V" 300)" "$WL"
else
	row "goi-clean" raw "not built" "" "" ">= 300 MB/s"
fi
if have uconv; then
	time_ uconv "$RAW" "uconv -f utf-8 -t utf-8 -x Any-NFKC $RAW > /dev/null"
	r=$(ratio "$clean_s" "$V")
	row "uconv -x Any-NFKC" raw "$V" MB/s "goi-clean $r" ">= 5x" "$(ge "${r%x}" 5)" "$WL"
else
	row "uconv -x Any-NFKC" raw "missing" "" "" ">= 5x"
fi
if have python3; then
	time_ python "$RAW" "python3 $TOP/bench/nfkc.py < $RAW > /dev/null"
	row "python3 unicodedata NFKC" raw "$V" MB/s "goi-clean $(ratio "$clean_s" "$V")" "" "" "$WL"
else
	row "python3 unicodedata NFKC" raw "missing" ""
fi
if tool split && [ -s "$LINES" ]; then
	time_ goi-split "$LINES" "$BIN/goi-split $LINES > /dev/null"
	row "goi-split" lines "$V" MB/s "" "" "" "$WL"
else
	row "goi-split" lines "not built" ""
fi
if tool table && [ -s "$LINES" ]; then
	time_ goi-table "$LINES" "$BIN/goi-table $LINES > /dev/null"
	row "goi-table" lines "$V" MB/s "" ">= 150 MB/s" "$(ge "$V" 150)" "$WL"
else
	row "goi-table" lines "not built" "" "" ">= 150 MB/s"
fi
if tool check && [ -s "$CELLS" ]; then
	time_ goi-check "$CELLS" "$BIN/goi-check $CELLS > /dev/null"
	row "goi-check" cells "$V" MB/s "" "" "" "$WL"
else
	row "goi-check" cells "not built" ""
fi
if tool clean && tool table && tool check; then
	time_ pipe-check "$RAW" "$BIN/goi-clean $RAW | $BIN/goi-table | $BIN/goi-check > /dev/null"
	row "clean|table|check" raw "$V" MB/s "" "" "" "$WL"
else
	row "clean|table|check" raw "not built" ""
fi
if tool clean && tool table && tool sum; then
	time_ pipe-sum "$RAW" "$BIN/goi-clean $RAW | $BIN/goi-table | $BIN/goi-sum > /dev/null"
	row "clean|table|sum" raw "$V" MB/s "" "" "" "$WL"
else
	row "clean|table|sum" raw "not built" ""
fi
sum_s=-
if tool sum && [ -s "$NUM" ]; then
	time_ goi-sum "$NUM" "$BIN/goi-sum $NUM > /dev/null"
	sum_s=$V
	row "goi-sum" cells.num "$V" MB/s "" "" "" "$WL"
else
	row "goi-sum" cells.num "not built" ""
fi
if have datamash && [ -s "$NUM" ]; then
	time_ datamash "$NUM" "datamash --header-in -s -g 4,5,6 sum 7 < $NUM > /dev/null"
	r=$(ratio "$sum_s" "$V")
	row "datamash -s -g 4,5,6 sum 7" cells.num "$V" MB/s "goi-sum $r" ">= 3x" "$(ge "${r%x}" 3)" "$WL"
else
	row "datamash -s -g 4,5,6 sum 7" cells.num "missing" "" "" ">= 3x"
fi
if have mlr && [ -s "$NUM" ]; then
	time_ mlr "$NUM" "mlr --tsv stats1 -a sum -f value -g table,row,col $NUM > /dev/null"
	row "mlr stats1 -a sum" cells.num "$V" MB/s "goi-sum $(ratio "$sum_s" "$V")" "" "" "$WL"
else
	row "mlr stats1 -a sum" cells.num "missing" ""
fi

# ---- peak RSS ------------------------------------------------------------
# rss TOOL INPUT [OPTION ...] -> peak RSS in MB of one run, "-" if it could
# not run
rss() {
	[ -x /usr/bin/time ] || { echo "-"; return; }
	[ -s "$2" ] || { echo "-"; return; }
	t=$1 f=$2
	shift 2
	/usr/bin/time -f %M -o "$W/rss" "$BIN/goi-$t" "$@" "$f" > /dev/null 2>&1
	# the last line: GNU time first says "Command exited with non-zero status"
	tail -n 1 "$W/rss" | awk '{ printf "%.1f", $1 / 1024 }'
}
note "peak RSS at $SMALL and $BIG"
for t in clean split table check sum; do
	case $t in
	clean) in=txt ;;
	split|table) in=lines ;;
	check) in=cells ;;
	sum) in=num ;;
	esac
	if ! tool $t; then
		row "goi-$t peak RSS" "$in" "not built" "" "" "<= 32 MB"
		continue
	fi
	a=$(rss $t "$W/small.$in")
	b=$(rss $t "$W/big.$in")
	v=$(echo "$a $b" | awk '{ print ($1 != "-" && $2 != "-" && $1 <= 32 && $2 <= 32) ? "ok" : "MISSED" }')
	row "goi-$t peak RSS" "$in" "$a / $b" "MB" "$SMALL / $BIG" "<= 32 MB" "$v"
done
# a group a report: every cell of every report is a sum (spill.c keeps it
# within the buffer size)
if tool sum; then
	a=$(rss sum "$W/small.num" -g doc)
	b=$(rss sum "$W/big.num" -g doc)
	v=$(echo "$a $b" | awk '{ print ($1 != "-" && $2 != "-" && $1 <= 32 && $2 <= 32) ? "ok" : "MISSED" }')
	row "goi-sum -g doc peak RSS" num "$a / $b" "MB" "$SMALL / $BIG" "<= 32 MB" "$v"
fi

# ---- the table -------------------------------------------------------------
echo
echo "goi bench  seed $SEED  throughput on $SIZE ($(bytes "$RAW") bytes raw, $(bytes "$LINES" 2>/dev/null || echo 0) lines, $(bytes "$CELLS" 2>/dev/null || echo 0) cells, $(bytes "$NUM" 2>/dev/null || echo 0) cells.num)"
echo "timing: $(have hyperfine && echo "hyperfine, $RUNS runs after 1 warm-up" || echo "best of $RUNS runs"); MB = 10^6 bytes of the row's input"
echo "value: MB/s per CPU second (user + system, all stages of a pipeline): one core's throughput, whatever else runs"
echo "wall: MB/s per wall second (median); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo
awk -F'\t' 'BEGIN { f = "%-28s %-9s %14s %-5s %8s  %-18s %-12s %s\n"
	printf f, "measure", "input", "value", "unit", "wall", "ratio", "target", "verdict"
	printf f, "-------", "-----", "-----", "----", "----", "-----", "------", "-------" }
	{ printf f, $1, $2, $3, $4, $8, $5, $6, $7 }' "$ROWS"
