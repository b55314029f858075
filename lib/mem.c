/* mem.c - small memory helpers shared by the modules. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "goi.h"

int
goi_grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp, *n;
	size_t c;

	if (need <= *cap)
		return 0;
	for (c = *cap ? *cap : 64; c < need; c *= 2)
		if (c > SIZE_MAX / 4 / size)
			return GOI_ENOMEM;
	if ((n = realloc(*p, c * size)) == NULL)
		return GOI_ENOMEM;
	*p = n;
	*cap = c;
	return 0;
}

/*
 * memmem for the short needles of the cleaner and the extractors (a Han
 * word, 、, 年度报告) in short haystacks (a line), where glibc's memmem
 * spends more on its set-up than on the search.  Sixteen positions at a
 * time, a position is a candidate when it holds the needle's first byte
 * and the byte k - 1 further holds its last one (Muła's "generic SIMD"
 * filter): in UTF-8 Chinese text the pair rarely matches where the needle
 * does not, so memcmp runs about once per match.
 */
const char *
goi_memfind(const char *s, size_t n, const char *p, size_t pn)
{
	const char *q, *e = s + n;
	size_t i = 0, k = pn - 1;

	if (pn == 0 || pn > n)
		return pn == 0 ? s : NULL;
	if (pn == 1)
		return memchr(s, p[0], n);
#ifdef __SSE2__
	{
		const __m128i first = _mm_set1_epi8(p[0]), last = _mm_set1_epi8(p[k]);
		unsigned m;

		for (; i + k + 16 <= n; i += 16) {
			m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_cmpeq_epi8(first,
			    _mm_loadu_si128((const __m128i *)(s + i))),
			    _mm_cmpeq_epi8(last,
			    _mm_loadu_si128((const __m128i *)(s + i + k)))));
			for (; m != 0; m &= m - 1) {
				q = s + i + __builtin_ctz(m);
				if (memcmp(q + 1, p + 1, k - 1) == 0)
					return q;
			}
		}
	}
#endif
	/* the rest (all of it without SSE2): the last byte with memchr */
	for (q = s + i + k; q < e && (q = memchr(q, p[k], (size_t)(e - q))) != NULL;
	    q++)
		if (memcmp(q - k, p, k) == 0)
			return q - k;
	return NULL;
}
