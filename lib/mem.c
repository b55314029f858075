/* mem.c - small memory helpers shared by the modules. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
 * Looks for the needle's last byte with memchr: in Chinese UTF-8 text that
 * is a continuation byte, far rarer than the lead bytes E4-E9.
 */
const char *
goi_memfind(const char *s, size_t n, const char *p, size_t pn)
{
	const char *q, *e = s + n;
	size_t k = pn - 1;

	if (pn == 0 || pn > n)
		return pn == 0 ? s : NULL;
	for (q = s + k; (q = memchr(q, p[k], (size_t)(e - q))) != NULL; q++)
		if (memcmp(q - k, p, k) == 0)
			return q - k;
	return NULL;
}
