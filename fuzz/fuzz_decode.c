/* libFuzzer target: encoding detection and conversion, NFKC, spacing. */
#include <string.h>
#include <unistd.h>

#include "goi.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const enc[] = {NULL, "GB18030", "UTF-16LE"};
	goi_reader *r;
	goi_decoder *d;
	goi_norm *z;
	goi_span line;
	const char *out;
	char buf[4096];
	long n;
	int fd, e;

	for (e = 0; e < 3; e++) {
		if ((fd = fuzz_fd(data, size)) < 0)
			return 0;
		r = goi_reader_fdopen(fd, "fuzz");
		d = goi_decoder_new(r, enc[e], e == 2 ? GOI_NORM_SKIP :
		    GOI_NORM_REPLACE);
		/* the decoder's lines are padded: two of the three passes
		 * say so, as goi-clean does, the third takes the unpadded
		 * path */
		z = goi_norm_new((e == 1 ? 0 : GOI_NORM_REPLACE) |
		    (e < 2 ? GOI_NORM_PADDED : 0));
		while (d != NULL && goi_decoder_getline(d, &line) > 0) {
			if ((n = goi_norm_text(z, line.p, line.n, &out)) < 0)
				continue;
			if ((size_t)n < sizeof(buf)) {
				memcpy(buf, out, (size_t)n);
				goi_clean_spaces(buf, (size_t)n);
			}
		}
		goi_norm_free(z);
		goi_decoder_free(d);
		goi_reader_close(r);
		close(fd);
	}
	return 0;
}
