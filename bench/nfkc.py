# The Python a user would write instead of goi-clean: NFKC, line by line.
import sys
import unicodedata

norm = unicodedata.normalize
src = open(sys.stdin.fileno(), "r", encoding="utf-8", errors="surrogateescape",
           buffering=1 << 20, newline="")
out = open(sys.stdout.fileno(), "w", encoding="utf-8", errors="surrogateescape",
           buffering=1 << 20, newline="")
for line in src:
    out.write(norm("NFKC", line))
out.flush()
