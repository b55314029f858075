/* libFuzzer target: the TSV stream reader and the lines-stream documents. */
#include <stdio.h>
#include <unistd.h>

#include "goi.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	goi_reader *r;
	goi_tsvin *t;
	goi_docin *d;
	const goi_doc *doc;
	goi_span f[10];
	int fd, s;

	for (s = GOI_STREAM_LINES; s < GOI_STREAM_COUNT; s++) {
		if ((fd = fuzz_fd(data, size)) < 0)
			return 0;
		r = goi_reader_fdopen(fd, "fuzz");
		t = goi_tsvin_new(r, s);
		while (goi_tsvin_next(t, f) > 0)
			;
		goi_tsvin_free(t);
		goi_reader_close(r);
		close(fd);
	}
	if ((fd = fuzz_fd(data, size)) < 0)
		return 0;
	r = goi_reader_fdopen(fd, "fuzz");
	d = goi_docin_new(r);
	while (goi_docin_next(d, &doc) > 0)
		;
	goi_docin_free(d);
	goi_reader_close(r);
	close(fd);
	return 0;
}
