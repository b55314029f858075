# Shared setup for the bats suite: the freshly built tools first on PATH,
# bats-support and bats-assert, and the fixture directories.
TOP="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
PATH="$TOP/cmd:$PATH"
DATA="$TOP/tests/data"
SEEDS="$DATA/seeds"
CORPUS="$DATA/corpus"
for d in /usr/lib/bats /usr/lib; do
	if [ -d "$d/bats-support" ]; then
		load "$d/bats-support/load"
		load "$d/bats-assert/load"
		break
	fi
done

# cc_driver OUT ARGS...: build a test driver against lib/libgoi.a with the
# compiler and flags of the build under test (make check passes them, so
# that under SAN=1 the drivers are sanitized too).
cc_driver() {
	local out=$1
	shift
	${GOI_CC:-cc} -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
		-I"$TOP/lib" $GOI_CFLAGS "$@" "$TOP/lib/libgoi.a" \
		$(pkg-config --libs libutf8proc) -lcsv $GOI_LDFLAGS -o "$out"
}
