#!/usr/bin/env bats
# goi-sum: sums of cells per group, counts of blank/na/absent, mergeable
# partial sums, statistics, --harmonize, --pretty, hostile rows.

load helper

H=$'doc\tyear\tformat\ttable\trow\tcol\tvalue\tkind\traw\tline'

# row F1 F2 ...: one TSV row
row() { local IFS=$'\t'; printf '%s\n' "$*"; }

setup_file() {
	export T="$BATS_FILE_TMPDIR"
	# Hand fixture: a and d are 甲局, b 乙局, c has no organ.  d has no
	# requests cells at all (absent); b's carried_in is na, a's blank.
	{
		row doc year format table row col value kind raw line
		row a 2021 2021 doc organ value 甲局 text 甲局 1
		row a 2021 2021 requests new natural 3 num 3件 5
		row a 2021 2021 requests new total 1.5 num 1.5 6
		row a 2021 2021 requests carried_in natural "" empty "" 7
		row b 2021 2021 doc organ value 乙局 text 乙局 1
		row b 2021 2021 requests new natural 4 glued 4000 5
		row b 2021 2021 requests new total 0.25 num 0.25 6
		row b 2021 2021 requests carried_in natural "" na / 7
		row c 2019 2019 requests new natural 10 num 10 5
		row d 2021 2021 doc organ value 甲局 text 甲局 1
		row d 2021 2021 text requests.new value 9 num 9件 3
	} > "$T/hand.tsv"
	# The corpus' hand-checked values as cells (doc year format added).
	for f in "$CORPUS"/*.expected.tsv; do
		b=$(basename "$f" .expected.tsv)
		y=${b%%-*}
		case $y in 2012|2014) fm=old ;; 2019) fm=2019 ;; *) fm=2021 ;; esac
		awk -F'\t' -v OFS='\t' -v d="$b" -v y="$y" -v fm="$fm" \
		    'NR > 1 { print d, y, fm, $1, $2, $3, $4, $5, $4, NR }' "$f"
	done > "$T/corpus.tsv"
	# Real data: seeds and corpus through goi-clean and goi-table.
	goi-clean "$SEEDS"/*.txt "$CORPUS"/*.txt 2>/dev/null |
	    goi-table 2>/dev/null > "$T/real.tsv"
}

@test "hand fixture: sums, counts of blank, na, absent, glued; canonical order" {
	run goi-sum "$T/hand.tsv"
	assert_success
	assert_output "$(
		echo "$H"
		row all "" 2019 doc documents value 1 num "" 2
		row all "" 2019 requests new natural 10 num n=1 3
		row all "" 2021 doc documents value 3 num "" 4
		row all "" 2021 requests new natural 7 glued "n=2 glued=1 absent=1" 5
		row all "" 2021 requests new total 1.75 num "n=2 absent=1" 6
		row all "" 2021 requests carried_in natural "" empty "n=0 empty=1 na=1 absent=1" 7
	)"
}

@test "-g organ: doc facts group documents, in any row order (sorted input)" {
	expected="$(
		echo "$H"
		row "" "" 2019 doc documents value 1 num "" 2
		row "" "" 2019 requests new natural 10 num n=1 3
		row 乙局 "" 2021 doc documents value 1 num "" 4
		row 乙局 "" 2021 requests new natural 4 glued "n=1 glued=1" 5
		row 乙局 "" 2021 requests new total 0.25 num n=1 6
		row 乙局 "" 2021 requests carried_in natural "" na "n=0 na=1" 7
		row 甲局 "" 2021 doc documents value 2 num "" 8
		row 甲局 "" 2021 requests new natural 3 num "n=1 absent=1" 9
		row 甲局 "" 2021 requests new total 1.5 num "n=1 absent=1" 10
		row 甲局 "" 2021 requests carried_in natural "" empty "n=0 empty=1 absent=1" 11
	)"
	run goi-sum -g organ "$T/hand.tsv"
	assert_success
	assert_output "$expected"
	run bash -c "LC_ALL=C sort '$T/hand.tsv' | goi-sum -g organ"
	assert_success
	assert_output "$expected"
}

@test "-g year,doc: the key values joined by |, year in its column" {
	run goi-sum -N -g year,doc "$T/hand.tsv"
	assert_success
	assert_output "$(
		row "2019|c" 2019 2019 doc documents value 1 num "" 1
		row "2019|c" 2019 2019 requests new natural 10 num n=1 2
		row "2021|a" 2021 2021 doc documents value 1 num "" 3
		row "2021|a" 2021 2021 requests new natural 3 num n=1 4
		row "2021|a" 2021 2021 requests new total 1.5 num n=1 5
		row "2021|a" 2021 2021 requests carried_in natural "" empty "n=0 empty=1" 6
		row "2021|b" 2021 2021 doc documents value 1 num "" 7
		row "2021|b" 2021 2021 requests new natural 4 glued "n=1 glued=1" 8
		row "2021|b" 2021 2021 requests new total 0.25 num n=1 9
		row "2021|b" 2021 2021 requests carried_in natural "" na "n=0 na=1" 10
		row "2021|d" 2021 2021 doc documents value 1 num "" 11
	)"
}

@test "-o mean,min,max,count: extra cells; mean rounded half away from zero" {
	{
		echo "$H"
		row a 2021 2021 art20_8 fees amount 1 num 1 1
		row b 2021 2021 art20_8 fees amount 1 num 1 1
		row c 2021 2021 art20_8 fees amount 0.000002 num 0.000002 1
		row d 2021 2021 art20_6 penalty decisions -1 num -1 1
		row e 2021 2021 art20_6 penalty decisions -2 num -2 1
		row e 2021 2021 art20_6 coercion decisions "" empty "" 1
	} > "$T/ops.tsv"
	run goi-sum -N -o count,max,sum,min,mean "$T/ops.tsv"
	assert_success
	assert_output "$(
		row all "" 2021 doc documents value 5 num "" 1
		row all "" 2021 art20_6 penalty decisions -3 num "n=2 absent=3" 2
		row all "" 2021 art20_6 penalty decisions:mean -1.5 num "" 3
		row all "" 2021 art20_6 penalty decisions:min -2 num "" 4
		row all "" 2021 art20_6 penalty decisions:max -1 num "" 5
		row all "" 2021 art20_6 penalty decisions:count 2 num "" 6
		row all "" 2021 art20_6 coercion decisions "" empty "n=0 empty=1 absent=4" 7
		row all "" 2021 art20_6 coercion decisions:mean "" empty "" 8
		row all "" 2021 art20_6 coercion decisions:min "" empty "" 9
		row all "" 2021 art20_6 coercion decisions:max "" empty "" 10
		row all "" 2021 art20_6 coercion decisions:count 0 num "" 11
		row all "" 2021 art20_8 fees amount 2.000002 num "n=3 absent=2" 12
		row all "" 2021 art20_8 fees amount:mean 0.666667 num "" 13
		row all "" 2021 art20_8 fees amount:min 0.000002 num "" 14
		row all "" 2021 art20_8 fees amount:max 1 num "" 15
		row all "" 2021 art20_8 fees amount:count 3 num "" 16
	)"
}

@test "--harmonize: other.1-3 summed into other per document, and says so" {
	{
		echo "$H"
		row a 2021 2021 requests other.1 total 2 num 2 1
		row a 2021 2021 requests other.2 total "" empty "" 2
		row a 2021 2021 requests other.3 total 1 num 1 3
		row a 2021 2021 art20_1 rules issued 5 num 5 4
		row b 2019 2019 requests other total 4 num 4 1
		row b 2019 2019 art20_1 rules made 7 num 7 2
		row c 2021 2021 requests other.1 total "" na / 1
	} > "$T/harm.tsv"
	run goi-sum -N --harmonize -o max "$T/harm.tsv"
	assert_success
	assert_output "$(
		row all "" 2019 doc documents value 1 num "" 1
		row all "" 2019 art20_1 rules made 7 num n=1 2
		row all "" 2019 art20_1 rules made:max 7 num "" 3
		row all "" 2019+2021 doc documents value 3 num "" 4
		row all "" 2019+2021 doc harmonized value "2019 and 2021 formats summed where they measure the same: requests (other.1+other.2+other.3 as other), appeals, art20_5 licensing decisions, art20_6 penalty and coercion decisions" text "" 5
		row all "" 2019+2021 requests other total 7 num "n=2 na=1" 6
		row all "" 2019+2021 requests other total:max 4 num "" 7
		row all "" 2021 doc documents value 1 num "" 8
		row all "" 2021 art20_1 rules issued 5 num n=1 9
		row all "" 2021 art20_1 rules issued:max 5 num "" 10
	)"
	# without --harmonize the formats stay apart
	run bash -c "goi-sum -N '$T/harm.tsv' | cut -f3-7"
	assert_output "$(
		row 2019 doc documents value 1
		row 2019 art20_1 rules made 7
		row 2019 requests other total 4
		row 2021 doc documents value 2
		row 2021 art20_1 rules issued 5
		row 2021 requests other.1 total 2
		row 2021 requests other.2 total ""
		row 2021 requests other.3 total 1
	)"
	run goi-sum -g format --harmonize "$T/harm.tsv"
	assert_failure 2
	assert_output --partial "usage: goi-sum"
}

@test "corpus: totals per format equal the sums awk computes by hand" {
	run bash -c "goi-sum -N '$T/corpus.tsv' | awk -F'\t' '\$8 ~ /^(num|glued)\$/ && \$4 != \"doc\" { printf \"%s %s %s %s %.6f\n\", \$3, \$4, \$5, \$6, \$7 }' | sort"
	assert_success
	got=$output
	want=$(awk -F'\t' '$8 == "num" || $8 == "glued" { s[$3 " " $4 " " $5 " " $6] += $7 }
	    END { for (k in s) printf "%s %.6f\n", k, s[k] }' "$T/corpus.tsv" | sort)
	[ "$(echo "$got" | wc -l)" -ge 400 ]
	[ "$got" = "$want" ] || { diff <(echo "$got") <(echo "$want") | head; return 1; }
	# and by hand: 2021 requests new total = 74 (2022) + 154 (2025)
	run bash -c "goi-sum '$T/corpus.tsv' | awk -F'\t' '\$3 == 2021 && \$5 == \"new\" && \$6 == \"total\"' | cut -f7,9"
	assert_output $'228\tn=2'
	# art20_9 amount in 万元 keeps its six decimals
	run bash -c "goi-sum '$T/corpus.tsv' | awk -F'\t' '\$4 == \"art20_9\" && \$6 == \"amount\"' | cut -f7"
	assert_output 7539.443252
}

@test "seeds and corpus through goi-clean | goi-table: totals equal awk's" {
	[ "$(wc -l < "$T/real.tsv")" -gt 500 ]
	run bash -c "goi-sum -N '$T/real.tsv' | awk -F'\t' '\$8 ~ /^(num|glued)\$/ && \$4 != \"doc\" { printf \"%s %s %s %s %.6f\n\", \$3, \$4, \$5, \$6, \$7 }' | sort"
	got=$output
	want=$(awk -F'\t' '($8 == "num" || $8 == "glued") && $4 != "doc" && $4 != "text" {
	    s[$3 " " $4 " " $5 " " $6] += $7 } END { for (k in s) printf "%s %.6f\n", k, s[k] }' "$T/real.tsv" | sort)
	[ "$got" = "$want" ] || { diff <(echo "$got") <(echo "$want") | head; return 1; }
	# documents per format: one per doc key and format in the cells
	run bash -c "goi-sum -N '$T/real.tsv' | awk -F'\t' '\$5 == \"documents\" { print \$3, \$7 }'"
	assert_output "$(awk -F'\t' 'NR > 1 && !seen[$1 FS $3]++ { n[$3]++ } END { for (f in n) print f, n[f] }' "$T/real.tsv" | sort)"
}

# merge_test OPTS: two runs over halves, concatenated in both orders and
# summed, equal one run over all of real.tsv.
merge_test() {
	awk -F'\t' 'NR == 1 || $1 ~ /(000|002|2012|2022)/' "$T/real.tsv" > "$T/p1"
	awk -F'\t' 'NR == 1 || $1 !~ /(000|002|2012|2022)/' "$T/real.tsv" > "$T/p2"
	goi-sum "$@" "$T/real.tsv" > "$T/all"
	goi-sum "$@" "$T/p1" > "$T/s1"
	goi-sum -N "$@" "$T/p2" > "$T/s2"
	goi-sum "$@" "$T/s1" "$T/s2" > "$T/m12"
	cat "$T/s2" "$T/s1" | goi-sum "$@" > "$T/m21"
	[ "$(wc -l < "$T/all")" -gt 100 ]
	cmp "$T/all" "$T/m12" && cmp "$T/all" "$T/m21"
	# and summing a sum again changes nothing
	goi-sum "$@" "$T/all" | cmp - "$T/all"
}

@test "merge on real data: sum of partial sums equals one run (no -g)" {
	merge_test
}

@test "merge on real data: -g year -o mean,min,max,count" {
	merge_test -g year -o mean,min,max,count
}

@test "merge on real data: --harmonize -g doc -o min" {
	merge_test --harmonize -g doc -o min
}

# spill_test ARGS...: with -S 1b the sums go to a temporary file after every
# document and come back through a merge of many runs (two at a time); the
# output must be the in-memory output, byte for byte.  -T to a directory
# that does not exist shows which run touched the disk.
spill_test() {
	local f
	for f in "$T/real.tsv" "$T/hand.tsv" "$T/corpus.tsv"; do
		goi-sum "$@" "$f" > "$T/mem" 2> "$T/mem.err"
		goi-sum -S 1b "$@" "$f" > "$T/disk" 2> "$T/disk.err"
		cmp "$T/mem" "$T/disk" && cmp "$T/mem.err" "$T/disk.err" ||
		    { echo "$* $f: spilled output differs"; return 1; }
		goi-sum -T "$T/none" "$@" "$f" | cmp - "$T/mem"
	done
	[ "$(wc -l < "$T/mem")" -gt 10 ]
	run goi-sum -S 1b -T "$T/none" "$@" "$T/real.tsv"
	assert_failure 1
	assert_output "goi-sum: temporary file in $T/none: No such file or directory"
}

@test "-S: sums spilled to disk after every document equal the in-memory sums" {
	spill_test
	spill_test -g doc
	spill_test -g organ,year -o sum,mean,min,max,count
	spill_test -g year,table,row,col
	spill_test --harmonize -g organ -o min,max
	spill_test -g year --pretty
	spill_test -g doc --csv -N
}

@test "-S: partial sums read back, spilled, equal the in-memory merge" {
	goi-sum -g organ -o mean,min,max,count "$T/real.tsv" > "$T/part"
	goi-sum -g organ -o mean,min,max,count "$T/part" "$T/part" > "$T/mem"
	goi-sum -S 1b -g organ -o mean,min,max,count "$T/part" "$T/part" | cmp - "$T/mem"
	goi-sum -S 2K -g doc "$T/real.tsv" "$T/real.tsv" | cmp - <(goi-sum -g doc "$T/real.tsv" "$T/real.tsv")
}

@test "-S: TMPDIR or -T, nothing left behind; a full disk is an error" {
	mkdir -p "$T/tmp"
	TMPDIR="$T/tmp" goi-sum -S 1b -g doc "$T/real.tsv" | cmp - <(goi-sum -g doc "$T/real.tsv")
	run ls -A "$T/tmp"
	assert_output ''
	run env TMPDIR="$T/none" goi-sum -S 1b "$T/hand.tsv"
	assert_failure 1
	assert_output "goi-sum: temporary file in $T/none: No such file or directory"
	# a file size limit stands for a full disk
	run bash -c "trap '' XFSZ; ulimit -f 8; goi-sum -S 1b -T '$T/tmp' -g doc '$T/real.tsv' > /dev/null"
	assert_failure 1
	assert_output "goi-sum: temporary file in $T/tmp: File too large"
	run goi-sum -S 10x "$T/hand.tsv"
	assert_failure 2
	assert_line --index 0 "goi-sum: -S: bad size '10x'"
}

@test "-S: a sum that overflows only when runs meet is still an error (no line to name)" {
	{
		echo "$H"
		row a 2021 2021 requests new legal 9000000000000000000 num x 6
		row b 2021 2021 requests new legal 9000000000000000000 num x 6
	} > "$T/big2.tsv"
	run goi-sum -N -S 1b "$T/big2.tsv"
	assert_failure 1
	assert_output "$(
		echo "goi-sum: sum overflows (requests new legal): this sum is left out"
		row all "" 2021 doc documents value 2 num "" 1
		row all "" 2021 requests new legal "" text "error n=2" 2
	)"
	run goi-sum -N "$T/big2.tsv"
	assert_failure 1
	assert_line --index 2 "$(row all "" 2021 requests new legal "" text "error n=2" 2)"
}

@test "goi-check finds no failure in the sum of consistent reports" {
	command -v goi-check >/dev/null || skip "no goi-check"
	goi-check "$T/real.tsv" 2>/dev/null | awk -F'\t' '$3 == "fail" { print $1 }' | sort -u > "$T/bad"
	awk -F'\t' 'NR == FNR { bad[$1] = 1; next } !($1 in bad)' "$T/bad" "$T/real.tsv" > "$T/good.tsv"
	[ "$(cut -f1 "$T/good.tsv" | sort -u | wc -l)" -ge 4 ]
	goi-sum "$T/good.tsv" > "$T/good.sum"
	run bash -c "goi-check '$T/good.sum' 2>/dev/null | awk -F'\t' '\$3 == \"fail\"'"
	assert_output ''
}

@test "--pretty: the printed form, aligned by display width, na as /" {
	{
		echo "$H"
		row a 2021 2021 art20_6 penalty decisions 12 num 12 1
		row a 2021 2021 art20_6 coercion decisions "" na / 2
		row a 2021 2021 stats 网站公开 value 5 num 5 3
		row b 2021 2021 art20_6 penalty decisions 3 num 3 1
	} > "$T/pretty.tsv"
	run goi-sum --pretty "$T/pretty.tsv"
	assert_success
	assert_output "$(cat <<'EOF'
all (2021)

第二十条第（六）项
          本年处理决定数量
行政处罚                15
行政强制                 /

doc
  documents  2

stats
  网站公开  5
EOF
)"
}

@test "--csv and -N" {
	run goi-sum --csv -N "$T/hand.tsv"
	assert_success
	assert_line --index 0 $'all,,2019,doc,documents,value,1,num,,1\r'
	assert_line --index 5 $'all,,2021,requests,carried_in,natural,,empty,n=0 empty=1 na=1 absent=1,6\r'
}

@test "hostile: empty input and header only give the header" {
	run goi-sum < /dev/null
	assert_success
	assert_output "$H"
	run bash -c "echo '$H' | goi-sum"
	assert_success
	assert_output "$H"
}

@test "hostile: CRLF and no final newline read like LF" {
	sed 's/$/\r/' "$T/hand.tsv" > "$T/crlf.tsv"
	head -c -1 "$T/hand.tsv" > "$T/nofinal.tsv"
	want=$(goi-sum "$T/hand.tsv")
	run goi-sum "$T/crlf.tsv"
	assert_success
	assert_output "$want"
	run goi-sum "$T/nofinal.tsv"
	assert_success
	assert_output "$want"
}

@test "hostile: truncated row names file and line, the rest of the input is summed" {
	printf '%s\na\t2021\t2021\trequests\tnew\ttotal\t3\n' "$H" > "$T/trunc.tsv"
	run goi-sum "$T/trunc.tsv" "$T/hand.tsv"
	assert_failure 1
	assert_line --index 0 "goi-sum: $T/trunc.tsv:2: not 10 TAB-separated fields (doc year format table row col value kind raw line): not a cells stream"
	assert_output --partial $'all\t\t2019\trequests\tnew\tnatural\t10\tnum\tn=1\t3'
}

@test "hostile: numbers too large for 64 bits, overflowing sums, bad numbers: an error, never a wrong number" {
	{
		echo "$H"
		row a 2021 2021 requests new natural 99999999999999999999 num x 5
		row a 2021 2021 requests new legal 9000000000000000000 num x 6
		row a 2021 2021 requests new total 12abc num x 7
		row a 2021 2021 requests new other 1 nonsense x 8
		row b 2021 2021 requests new natural 1 num 1 5
		row b 2021 2021 requests new legal 9000000000000000000 num x 6
	} > "$T/big.tsv"
	run goi-sum -N "$T/big.tsv"
	assert_failure 1
	assert_output "$(
		echo "goi-sum: $T/big.tsv:2: number too large '99999999999999999999' (requests new natural): this sum is left out"
		echo "goi-sum: $T/big.tsv:4: not a number '12abc' (requests new total): this sum is left out"
		echo "goi-sum: $T/big.tsv:5: unknown kind 'nonsense'"
		echo "goi-sum: $T/big.tsv:7: sum overflows at '9000000000000000000' (requests new legal): this sum is left out"
		row all "" 2021 doc documents value 2 num "" 1
		row all "" 2021 requests new natural "" text "error n=1 text=1" 2
		row all "" 2021 requests new legal "" text "error n=2" 3
		row all "" 2021 requests new total "" text "error n=0 text=1 absent=1" 4
	)"
	# a partial sum marked error stays an error when merged
	run bash -c "goi-sum '$T/big.tsv' 2>/dev/null | goi-sum -N | grep natural"
	assert_output "$(row all "" 2021 requests new natural "" text "error n=1 text=1" 2)"
}

@test "hostile: a duplicate cell in one document is reported and counted once" {
	{
		echo "$H"
		row a 2021 2021 requests new natural 3 num 3 5
		row a 2021 2021 requests new natural 3 num 3 9
	} > "$T/dup.tsv"
	run goi-sum -N "$T/dup.tsv"
	assert_failure 1
	assert_output "$(
		echo "goi-sum: $T/dup.tsv:3: duplicate cell requests new natural in document 'a': left out"
		row all "" 2021 doc documents value 1 num "" 1
		row all "" 2021 requests new natural 3 num n=1 2
	)"
}

@test "hostile: NUL bytes, invalid UTF-8 and a 10 MB field are carried through" {
	printf '%s\na\t2021\t2021\tre\0q\tn\377w\tc\t1\tnum\t1\t1\n' "$H" > "$T/nul.tsv"
	run bash -c "goi-sum -N '$T/nul.tsv' | tr '\\000\\377' '@#'"
	assert_success
	assert_output "$(row all "" 2021 doc documents value 1 num "" 1; row all "" 2021 re@q n#w c 1 num "n=1 pos=1" 2)"
	{ echo "$H"; printf 'a\t2021\t2021\ttext\tx\tvalue\t1\tnum\t'; head -c 10000000 /dev/zero | tr '\0' x; printf '\t1\n'
	  printf 'a\t2021\t2021\trequests\tnew\ttotal\t5\tnum\t'; head -c 10000000 /dev/zero | tr '\0' y; printf '\t2\n'; } > "$T/long.tsv"
	run bash -c "goi-sum -N '$T/long.tsv'"
	assert_success
	assert_output "$(row all "" 2021 doc documents value 1 num "" 1; row all "" 2021 requests new total 5 num n=1 2)"
}

@test "hostile: another stream, an unreadable file, usage errors" {
	printf 'doc\tline\ttext\nd\t1\tx\n' > "$T/lines.tsv"
	run goi-sum "$T/lines.tsv"
	assert_failure 1
	assert_output --partial "$T/lines.tsv:1:"
	run goi-sum "$T/no-such-file" "$T/hand.tsv"
	assert_failure 1
	assert_line --index 0 --partial "$T/no-such-file"
	assert_output --partial $'all\t\t2019\trequests\tnew\tnatural\t10'
	run goi-sum -g value "$T/hand.tsv"
	assert_failure 2
	assert_line --index 0 "goi-sum: -g: unknown key 'value'"
	run goi-sum -o median "$T/hand.tsv"
	assert_failure 2
	assert_line --index 0 "goi-sum: -o: unknown operation 'median'"
}

@test "hostile: > /dev/full exits 1 with a message; | head -n 1 is quiet" {
	run bash -c "goi-sum '$T/real.tsv' > /dev/full"
	assert_failure 1
	assert_output --partial "goi-sum: write error"
	run bash -c "goi-sum --pretty '$T/real.tsv' > /dev/full"
	assert_failure 1
	run bash -c "goi-sum '$T/real.tsv' 2>&1 | head -n 1"
	assert_output "$H"
}

@test "speed: 200000 rows in well under a second per million" {
	awk 'BEGIN { OFS = "\t"; for (d = 1; d <= 1000; d++) for (i = 1; i <= 200; i++)
	    print "d" d, 2021, 2021, "requests", "r" i % 25, "c" i % 8, i, "num", i, i }' > "$T/bulk.tsv"
	run bash -c "goi-sum -N '$T/bulk.tsv' | awk -F'\t' '\$5 != \"documents\" { s += \$7 } END { print NR, s }'"
	assert_output "201 20100000"
}
