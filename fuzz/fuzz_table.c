/*
 * libFuzzer target: format detection, the table extractor, the old
 * statistics table and the facts, on the input as one document (a line per
 * LF, as the lines stream would give it).
 */
#include <stdlib.h>
#include <string.h>

#include "goi.h"
#include "fuzz.h"

static int
cell(void *ctx, const goi_cellv *c)
{
	(void)ctx;
	return c->table != NULL && c->value != NULL ? 0 : -1;
}

static void
warn(void *ctx, long line, const char *msg)
{
	(void)ctx, (void)line, (void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	goi_sink sink = {cell, warn, NULL};
	char *text = malloc(size + 1);
	goi_docline *lines = malloc((size + 1) * sizeof(*lines));
	goi_extract *x = goi_extract_new();
	size_t n = 0, i, start = 0;
	goi_doc d;
	int fmt;

	if (text == NULL || lines == NULL || x == NULL)
		goto out;
	memcpy(text, data, size);
	text[size] = '\0';
	for (i = 0; i <= size; i++)
		if (i == size || text[i] == '\n') {
			text[i] = '\0';
			lines[n].line = (long)n + 1;
			lines[n].text = text + start;
			lines[n].len = i - start;
			n++;
			start = i + 1;
		}
	d.key = "fuzz";
	d.file = "fuzz";
	d.lines = lines;
	d.nlines = n;
	d.first_row = 1;
	fmt = goi_extract_format(x, &d);
	goi_facts_extract(&d, NULL, fmt, &sink);
	goi_extract_tables(x, &d, fmt, &sink);
	goi_stats_extract(&d, &sink);
out:
	goi_extract_free(x);
	free(lines);
	free(text);
	return 0;
}
