#!/bin/sh
# Check the build and test dependencies; on Debian as root install what is
# missing with apt-get, otherwise print the exact command and fail.
# -q: say nothing when all is there.
quiet=0
[ "$1" = "-q" ] && quiet=1
missing=""
pkg-config --exists libutf8proc 2>/dev/null || missing="$missing libutf8proc-dev"
[ -f /usr/include/csv.h ] || missing="$missing libcsv-dev"
command -v bats >/dev/null 2>&1 || missing="$missing bats"
[ -d /usr/lib/bats/bats-support ] || [ -d /usr/lib/bats-support ] || missing="$missing bats-support"
[ -d /usr/lib/bats/bats-assert ] || [ -d /usr/lib/bats-assert ] || missing="$missing bats-assert"
# For the test suite: man page lint, the parallel recipe, Unicode's own
# normalization tests.
command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
command -v parallel >/dev/null 2>&1 || missing="$missing parallel"
# Debian ships NormalizationTest.txt compressed; tests/norm.bats reads it
# with bzcat.
[ -f /usr/share/unicode/NormalizationTest.txt ] ||
	[ -f /usr/share/unicode/NormalizationTest.txt.bz2 ] || missing="$missing unicode-data"
command -v bzcat >/dev/null 2>&1 || missing="$missing bzip2"
command -v pkg-config >/dev/null 2>&1 || missing="pkg-config$missing"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
if [ -z "$missing" ]; then
	[ $quiet = 1 ] || echo "deps: all present"
	exit 0
fi
cmd="apt-get install -y$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	if apt-get install -y -q $missing >/dev/null 2>&1 ||
	   { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q $missing >/dev/null; }; then
		exit 0
	fi
	echo "deps: apt-get failed; run: $cmd" >&2
	exit 1
fi
echo "deps: missing:$missing" >&2
echo "deps: run as root: apt-get update && $cmd" >&2
exit 1
