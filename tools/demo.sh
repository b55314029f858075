#!/bin/sh
# make demo: run the whole pipeline on the bundled examples.
set -e
cd "$(dirname "$0")/.."
PATH="$PWD/cmd:$PATH"
for t in goi-clean goi-split goi-table goi-check goi-sum; do
	[ -x "cmd/$t" ] || { echo "demo: cmd/$t is not built" >&2; exit 1; }
done
echo '$ goi-clean examples/*.txt | goi-split -i'
goi-clean examples/*.txt | goi-split -i
echo
echo '$ goi-clean examples/*.txt | goi-table | goi-check'
goi-clean examples/*.txt | goi-table | goi-check || true
echo
echo '$ goi-clean examples/*.txt | goi-table | goi-sum -g format --pretty'
goi-clean examples/*.txt | goi-table | goi-sum -g format --pretty
