#!/usr/bin/env bats
# The normalization layer (lib/norm.c) against Unicode's own
# NormalizationTest.txt: every case whose source and NFKC hold no space,
# control or format character (goi-clean changes those on purpose) goes
# through `goi-clean --keep`, one case a line with a blank line between
# (so no two cases are ever joined), and must come out as column 4, c4 =
# NFKC(c1) (column 5 is NFKD).

load helper

UCD=/usr/share/unicode

setup_file() {
	export T="$BATS_FILE_TMPDIR"
	if [ -f "$UCD/NormalizationTest.txt" ]; then
		cat "$UCD/NormalizationTest.txt"
	elif [ -f "$UCD/NormalizationTest.txt.bz2" ]; then
		bzcat "$UCD/NormalizationTest.txt.bz2"
	fi > "$T/nt.txt"
	# in: c1 and a blank line per case; want: c5 per case.
	perl -e '
		my %cat;
		open(my $u, "<", "'"$UCD"'/UnicodeData.txt") or die;
		while (<$u>) { my @f = split /;/; $cat{hex $f[0]} = $f[2]; }
		open(my $in, ">:utf8", "$ENV{T}/in") or die;
		open(my $want, ">:utf8", "$ENV{T}/want") or die;
		my $n = 0;
		while (<STDIN>) {
			next if /^[#@]/;
			my @c = split /;/;
			next if @c < 5;
			my @src = map { hex } split / /, $c[0];
			my @nfkc = map { hex } split / /, $c[3];
			next if grep { ($cat{$_} // "") =~ /^(Cc|Cf|Zs|Zl|Zp)$/ } @src, @nfkc;
			print $in pack("U*", @src), "\n\n";
			print $want pack("U*", @nfkc), "\n";
			$n++;
		}
		print "$n\n";
	' < "$T/nt.txt" > "$T/count"
}

@test "NormalizationTest.txt is there" {
	[ -s "$T/nt.txt" ] || skip "unicode-data not installed"
	[ "$(cat "$T/count")" -gt 15000 ]
}

@test "every NormalizationTest.txt case (no spaces, controls): NFKC(c1) == c4" {
	[ -s "$T/nt.txt" ] || skip "unicode-data not installed"
	goi-clean --keep -N < "$T/in" | cut -f3 | grep -v '^$' |
		sed 's/\\\\/\\/g' > "$T/got"
	[ "$(wc -l < "$T/got")" -eq "$(cat "$T/count")" ] || {
		echo "got $(wc -l < "$T/got") lines for $(cat "$T/count") cases"; return 1; }
	run diff "$T/want" "$T/got"
	[ "$status" -eq 0 ] || { echo "$output" | head -20; return 1; }
}

@test "the comparison can fail: a wrong expectation is caught" {
	[ -s "$T/nt.txt" ] || skip "unicode-data not installed"
	printf '\xef\xbc\xa1\n\ncafe\xcc\x81\n' | goi-clean --keep -N | cut -f3 > "$T/two"
	run diff <(printf 'A\n\ncaf\xc3\xa9\n') "$T/two"
	assert_success
	run diff <(printf '\xef\xbc\xa1\n\ncafe\xcc\x81\n') "$T/two"
	assert_failure
}

@test "fast path and slow path agree around combining marks" {
	# ASCII then a mark: composes (e + U+0301 = é); CJK then a mark: kept
	run bash -c "printf 'e\xcc\x81\xe4\xb8\xad\xcc\x81\xef\xbc\xa5\xcc\x81\n' | goi-clean --keep -N | cut -f3"
	assert_output $'\xc3\xa9\xe4\xb8\xad\xcc\x81\xc3\x89'
}

@test "CJK symbols U+3001-U+303F, “ and ”: NFKC in the SIMD path, before and after marks" {
	# lines long enough for the 16-byte fast path, each character between
	# ideographs, before a combining mark (U+0334, class 1: canonical
	# ordering moves it before a mark of a higher class), after one, and
	# after ASCII letters
	perl -Mutf8 -CS -e 'for my $c (0x3001..0x303F, 0x201C, 0x201D) {
		for my $x ("一二三四五六%s七八九十", "一二三四五六%s\x{334}七八九十",
		    "一二三四五六\x{301}%s七八九十",
		    "abcdefghijklmn%s\x{301}opq") {
			printf "$x\n\n", chr($c);
		} }' > "$T/cjk.in"
	perl -MUnicode::Normalize -CSD -ne 'chomp; print NFKC($_), "\n" if $_ ne ""' \
	    "$T/cjk.in" > "$T/cjk.want"
	goi-clean --keep -N "$T/cjk.in" | cut -f3 | grep -v '^$' > "$T/cjk.got"
	run diff "$T/cjk.want" "$T/cjk.got"
	assert_success
	[ "$(wc -l < "$T/cjk.got")" -eq 260 ]
}
