#!/usr/bin/env bats
# Man pages, completions and install: they must not drift from the tools.
# The option list of each tool is read from its own --help output.

load helper

TOOLS="goi-clean goi-split goi-table goi-check goi-sum"

# Long options a tool's --help lists, one per line.
longopts() { "$1" --help 2>&1 | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u; }

@test "every tool answers --help with its usage line and exit 0" {
	for t in $TOOLS; do
		run "$t" --help
		assert_success
		[[ "${lines[0]}" == "usage: $t"* ]] || { echo "$t: ${lines[0]}"; return 1; }
	done
}

@test "every tool answers -V with goi, utf8proc and libcsv versions" {
	for t in $TOOLS; do
		run "$t" -V
		assert_success
		assert_output --regexp "^$t \\(goi\\) [0-9.]+, utf8proc [0-9.]+, libcsv [0-9.]+$"
	done
}

@test "an unknown option is a usage error: exit 2 and the usage line" {
	for t in $TOOLS; do
		run "$t" --no-such-option
		[ "$status" -eq 2 ] || { echo "$t: status $status"; return 1; }
		assert_output --partial "usage: $t"
	done
}

@test "man pages are mandoc -Tlint clean" {
	command -v mandoc >/dev/null || skip "mandoc not installed"
	run mandoc -Tlint -W warning "$TOP"/man/*.1 "$TOP"/man/goi.7
	assert_output ''
}

@test "each man page SYNOPSIS is the tool's usage line" {
	command -v mandoc >/dev/null || skip "mandoc not installed"
	for t in $TOOLS; do
		usage=$("$t" --help 2>&1 | head -n 1 | sed 's/^usage: //' | tr -s ' ')
		syn=$(mandoc -Tascii -Owidth=1000 "$TOP/man/$t.1" | col -b |
			sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' |
			tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//')
		[ "$usage" = "$syn" ] || { echo "$t: usage [$usage] != SYNOPSIS [$syn]"; return 1; }
	done
}

@test "every long option is in the man page and the three completions" {
	for t in $TOOLS; do
		for o in $(longopts "$t"); do
			grep -q -- "${o#--}" "$TOP/man/$t.1" || { echo "$t: $o not in man/$t.1"; return 1; }
			grep -q -- "$o" "$TOP/completions/bash/$t" || { echo "$t: $o not in bash completion"; return 1; }
			grep -q -- "${o#--}" "$TOP/completions/zsh/_$t" || { echo "$t: $o not in zsh completion"; return 1; }
			grep -q -- "${o#--}" "$TOP/completions/fish/$t.fish" || { echo "$t: $o not in fish completion"; return 1; }
		done
	done
}

@test "bash completions load and complete an option" {
	for t in $TOOLS; do
		run bash -c "source '$TOP/completions/bash/$t'; COMP_WORDS=($t --he); COMP_CWORD=1; \
			f=\$(complete -p $t | sed -E 's/.*-F ([^ ]+).*/\\1/'); \$f; printf '%s\\n' \"\${COMPREPLY[@]}\""
		assert_output --partial -- "--help"
	done
}

@test "make install and uninstall honour DESTDIR and PREFIX" {
	d="$BATS_TEST_TMPDIR/root"
	run make -C "$TOP" install DESTDIR="$d" PREFIX=/usr
	assert_success
	for t in $TOOLS; do
		[ -x "$d/usr/bin/$t" ] || { echo "no $t"; return 1; }
		[ -f "$d/usr/share/man/man1/$t.1" ] || { echo "no $t.1"; return 1; }
		[ -f "$d/usr/share/bash-completion/completions/$t" ] || { echo "no bash $t"; return 1; }
		[ -f "$d/usr/share/zsh/site-functions/_$t" ] || { echo "no zsh $t"; return 1; }
		[ -f "$d/usr/share/fish/vendor_completions.d/$t.fish" ] || { echo "no fish $t"; return 1; }
	done
	[ -f "$d/usr/share/man/man7/goi.7" ]
	run make -C "$TOP" uninstall DESTDIR="$d" PREFIX=/usr
	assert_success
	run find "$d" -type f
	assert_output ''
}
