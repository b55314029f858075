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
