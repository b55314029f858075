/*
 * dec.c - exact decimal numbers: a 64-bit mantissa and a power-of-ten scale.
 * Money in 万元 with six decimals sums exactly up to 9.2e12 万元; anything
 * larger is GOI_ERANGE, never a rounded float.
 */
#include <string.h>

#include "goi.h"

static const int64_t pow10tab[19] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};

/* Drop trailing fractional zeros. */
static goi_dec
trim(goi_dec d)
{
	while (d.scale > 0 && d.m % 10 == 0) {
		d.m /= 10;
		d.scale--;
	}
	return d;
}

/* Raise d's scale to s, exactly; GOI_ERANGE on overflow. */
static int
rescale(goi_dec *d, int s)
{
	int64_t m;

	if (s < d->scale)
		return GOI_EINVAL;
	if (s > GOI_DEC_MAXSCALE)
		return GOI_ERANGE;
	if (__builtin_mul_overflow(d->m, pow10tab[s - d->scale], &m))
		return GOI_ERANGE;
	d->m = m;
	d->scale = s;
	return 0;
}

int
goi_dec_parse(const char *s, size_t n, goi_dec *d)
{
	const char *end = s + n;
	int neg = 0, seen = 0, frac = -1;
	int64_t m = 0;

	if (s < end && (*s == '+' || *s == '-'))
		neg = *s++ == '-';
	for (; s < end; s++) {
		if (*s == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return GOI_EINVAL;
		if (frac >= 0 && ++frac > GOI_DEC_MAXSCALE)
			return GOI_ERANGE;
		if (__builtin_mul_overflow(m, 10, &m) ||
		    __builtin_add_overflow(m, *s - '0', &m))
			return GOI_ERANGE;
		seen = 1;
	}
	if (!seen)
		return GOI_EINVAL;
	d->m = neg ? -m : m;
	d->scale = frac < 0 ? 0 : frac;
	*d = trim(*d);
	return 0;
}

int
goi_dec_add(goi_dec *a, goi_dec b)
{
	goi_dec x = *a, y = b;
	int s = x.scale > y.scale ? x.scale : y.scale;
	int64_t m;

	if (rescale(&x, s) < 0 || rescale(&y, s) < 0 ||
	    __builtin_add_overflow(x.m, y.m, &m))
		return GOI_ERANGE;
	x.m = m;
	*a = trim(x);
	return 0;
}

int
goi_dec_shift(goi_dec *d, int k)
{
	goi_dec x = *d;
	int64_t m;

	if (k < 0) {
		if (x.scale - k > GOI_DEC_MAXSCALE)
			return GOI_ERANGE;
		x.scale -= k;
	} else if (k > 0) {
		int take = k < x.scale ? k : x.scale;
		x.scale -= take;
		k -= take;
		if (k > 18 || __builtin_mul_overflow(x.m, pow10tab[k], &m))
			return GOI_ERANGE;
		x.m = m;
	}
	*d = trim(x);
	return 0;
}

int
goi_dec_cmp(goi_dec a, goi_dec b)
{
	int s = a.scale > b.scale ? a.scale : b.scale;

	if (rescale(&a, s) < 0 || rescale(&b, s) < 0) {
		/* Too large to align: compare by sign, then magnitude order. */
		long double x = (long double)a.m / pow10tab[a.scale];
		long double y = (long double)b.m / pow10tab[b.scale];
		return (x > y) - (x < y);
	}
	return (a.m > b.m) - (a.m < b.m);
}

size_t
goi_dec_format(goi_dec d, char *buf, size_t size)
{
	char tmp[48], *p = tmp + sizeof(tmp);
	uint64_t u;
	int i = 0, neg = d.m < 0;
	size_t n;

	d = trim(d);
	u = neg ? (uint64_t)0 - (uint64_t)d.m : (uint64_t)d.m;
	*--p = '\0';
	do {
		if (d.scale > 0 && i == d.scale)
			*--p = '.';
		*--p = (char)('0' + u % 10);
		u /= 10;
		i++;
	} while (u != 0 || i <= d.scale);
	if (neg)
		*--p = '-';
	n = strlen(p);
	if (size > 0) {
		size_t c = n < size - 1 ? n : size - 1;
		memcpy(buf, p, c);
		buf[c] = '\0';
	}
	return n;
}
