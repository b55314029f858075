/*
 * libFuzzer target: the cleaner (debris, joins, document boundaries) and,
 * on each document it finds, the section finder and the document info.
 */
#include <string.h>

#include "goi.h"
#include "fuzz.h"

static int
doc(void *ctx, const char *key, const goi_docline *lines, size_t n)
{
	goi_doc d = {key, "fuzz", lines, n, 1};
	goi_secmark marks[64];
	goi_docinfo info;

	(void)ctx;
	goi_sections_find(&d, marks, 64);
	goi_docinfo_read(&d, &info);
	return 0;
}

static void
dropped(void *ctx, long line, const char *reason, const char *text, size_t n)
{
	(void)ctx, (void)line, (void)reason, (void)text, (void)n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	goi_clean_sink sink = {doc, dropped, NULL};
	const char *p = (const char *)data, *end = p + size, *nl;
	goi_cleaner *c;
	goi_norm *z;
	const char *out;
	long n, lineno = 0;
	int keep;

	for (keep = 0; keep < 2; keep++) {
		if ((c = goi_cleaner_new(keep ? GOI_CLEAN_KEEP : 0, &sink)) == NULL)
			return 0;
		z = goi_norm_new(GOI_NORM_REPLACE);
		goi_cleaner_begin(c, keep ? "file" : NULL);
		for (p = (const char *)data, lineno = 0; p < end; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end;
			if ((n = goi_norm_text(z, p, (size_t)(nl - p), &out)) >= 0)
				goi_cleaner_line(c, ++lineno, out, (size_t)n);
		}
		goi_cleaner_end(c);
		goi_norm_free(z);
		goi_cleaner_free(c);
	}
	return 0;
}
