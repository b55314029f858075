/*
 * spill-driver - exercises lib/spill.c for tests/spill.bats.
 *   spill-driver sort SIZE [DIR]   sorts the lines of stdin by their first
 *                                  TAB-separated field (bytewise; equal keys
 *                                  keep their order) with a budget of SIZE
 *                                  (goi_spill_parse_size), prints them and,
 *                                  on stderr, "runs N"
 *   spill-driver runs N            writes stdin's lines to N runs in turn
 *                                  (each run sorted: the lines must be), and
 *                                  merges them; prints the lines and "runs N"
 *   spill-driver size SIZE         prints the bytes of SIZE, or the error
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

static int
keycmp(const void *a, size_t an, const void *b, size_t bn, void *ctx)
{
	const char *x = a, *y = b, *tx, *ty;
	size_t kx, ky;
	int c;

	(void)ctx;
	tx = memchr(x, '\t', an);
	ty = memchr(y, '\t', bn);
	kx = tx ? (size_t)(tx - x) : an;
	ky = ty ? (size_t)(ty - y) : bn;
	c = memcmp(x, y, kx < ky ? kx : ky);
	return c ? c : (kx > ky) - (kx < ky);
}

static int
fail(int rc)
{
	if (rc == GOI_ETMP)
		fprintf(stderr, "spill-driver: temporary file: %s\n",
		    strerror(errno));
	else
		fprintf(stderr, "spill-driver: %s\n", goi_strerror(rc));
	return 1;
}

static int
drain(goi_spill *s)
{
	const void *rec;
	size_t n;
	int rc;

	if ((rc = goi_spill_sort(s)) < 0)
		return fail(rc);
	while ((rc = goi_spill_next(s, &rec, &n)) > 0) {
		fwrite(rec, 1, n, stdout);
		putchar('\n');
	}
	if (rc < 0)
		return fail(rc);
	fprintf(stderr, "runs %zu\n", goi_spill_runs(s));
	return 0;
}

int
main(int argc, char *argv[])
{
	char *line = NULL, **v = NULL;
	size_t cap = 0, budget, nv = 0, vcap = 0, j;
	ssize_t len;
	goi_spill *s = NULL;
	int rc = 0, i, nruns;

	if (argc >= 3 && strcmp(argv[1], "size") == 0) {
		if ((rc = goi_spill_parse_size(argv[2], &budget)) < 0) {
			puts(goi_strerror(rc));
			return 1;
		}
		printf("%zu\n", budget);
		return 0;
	}
	if (argc >= 3 && strcmp(argv[1], "sort") == 0) {
		if (goi_spill_parse_size(argv[2], &budget) < 0)
			return 2;
		if ((s = goi_spill_new(budget, argc > 3 ? argv[3] : NULL,
		    keycmp, NULL)) == NULL)
			return fail(GOI_ENOMEM);
		while (rc >= 0 && (len = getline(&line, &cap, stdin)) > 0) {
			if (line[len - 1] == '\n')
				len--;
			rc = goi_spill_add(s, line, (size_t)len);
		}
	} else if (argc >= 3 && strcmp(argv[1], "runs") == 0) {
		/* Line i goes to run i % N; runs are written one after another. */
		nruns = atoi(argv[2]);
		while ((len = getline(&line, &cap, stdin)) > 0) {
			if (line[len - 1] == '\n')
				line[--len] = '\0';
			if (goi_grow(&v, &vcap, nv + 1, sizeof(*v)) < 0 ||
			    (v[nv++] = strdup(line)) == NULL)
				return fail(GOI_ENOMEM);
		}
		if ((s = goi_spill_new(GOI_SPILL_BUDGET, NULL, keycmp,
		    NULL)) == NULL)
			return fail(GOI_ENOMEM);
		for (i = 0; i < nruns && rc >= 0; i++) {
			for (j = (size_t)i; j < nv && rc >= 0; j += (size_t)nruns)
				rc = goi_spill_put(s, v[j], strlen(v[j]));
			if (rc >= 0)
				rc = goi_spill_endrun(s);
		}
	} else {
		fprintf(stderr, "usage: spill-driver sort SIZE [DIR] | runs N | "
		    "size SIZE\n");
		return 2;
	}
	rc = rc < 0 ? fail(rc) : drain(s);
	for (j = 0; j < nv; j++)
		free(v[j]);
	free(v);
	free(line);
	goi_spill_free(s);
	return rc;
}
