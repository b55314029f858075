/*
 * goi-sum - sum cells streams per group into mergeable partial sums, or lay
 * them out like the printed form (--pretty).  The work is in lib/agg.c.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

#define OPT_HARMONIZE 0x101
#define OPT_PRETTY 0x102

static int status;
static const char *curfile;
static const char *tmpdir;

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: goi-sum [-hNV] [-g key[,key ...]] [-o op[,op ...]] "
	    "[-S size] [-T dir] [--harmonize] [--pretty] [--csv] [file ...]\n");
}

static void
help(void)
{
	usage(stdout);
	printf(
	    "  -g, --group=KEYS   group by doc year format table row col or doc facts\n"
	    "                     (organ title period period_from period_to published\n"
	    "                     signed sections); default: one group, \"all\"\n"
	    "  -o, --ops=OPS      also write sum mean min max count (as COL:op cells)\n"
	    "  -S, --buffer-size=SIZE\n"
	    "                     memory for the sums before they spill to temporary\n"
	    "                     files: a number and b K M G (K if none); 8M\n"
	    "  -T, --temporary-directory=DIR\n"
	    "                     where they spill (default $TMPDIR, else /tmp)\n"
	    "      --harmonize    sum what the 2019 and 2021 formats share, as format\n"
	    "                     2019+2021 (requests other.1-3 become other)\n"
	    "      --pretty       lay the sums out like the printed form\n"
	    "      --csv          write CSV instead of TSV\n"
	    "  -N, --no-header    do not write the header line\n"
	    "  -h, --help         print this help and exit\n"
	    "  -V, --version      print the version and exit\n");
}

static void
onwarn(void *ctx, long line, const char *msg)
{
	(void)ctx;
	goi_warnx(curfile, line, "%s", msg);
	status = 1;
}

/* A library error that ends the run: out of memory, a temporary file. */
static void
fatal(int rc)
{
	if (rc == GOI_ETMP)
		goi_warn(NULL, 0, "temporary file in %s", goi_spill_dir(tmpdir));
	else
		goi_warnx(NULL, 0, "%s", goi_strerror(rc));
	exit(1);
}

static void
sum_file(goi_agg *a, const char *path)
{
	goi_reader *r;
	goi_tsvin *t;
	goi_span f[10];
	int rc;

	curfile = path;
	if ((r = goi_reader_open(path)) == NULL) {
		goi_warn(path, 0, "cannot open");
		status = 1;
		return;
	}
	if ((t = goi_tsvin_new(r, GOI_STREAM_CELLS)) == NULL) {
		goi_warnx(NULL, 0, "%s", goi_strerror(GOI_ENOMEM));
		exit(1);
	}
	while ((rc = goi_tsvin_next(t, f)) > 0)
		if ((rc = goi_agg_row(a, f, goi_tsvin_lineno(t))) < 0)
			break;
	if (rc == GOI_ETMP)
		fatal(rc);
	if (rc < 0) {
		goi_warn_stream(path, goi_tsvin_lineno(t), GOI_STREAM_CELLS, rc);
		if (rc == GOI_ENOMEM)
			exit(1);
		status = 1;
	}
	if ((rc = goi_agg_endinput(a)) < 0)
		fatal(rc);
	goi_tsvin_free(t);
	goi_reader_close(r);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		GOI_COMMON_LONGOPTS,
		{"group", required_argument, NULL, 'g'},
		{"ops", required_argument, NULL, 'o'},
		{"harmonize", no_argument, NULL, OPT_HARMONIZE},
		{"pretty", no_argument, NULL, OPT_PRETTY},
		{"buffer-size", required_argument, NULL, 'S'},
		{"temporary-directory", required_argument, NULL, 'T'},
		{NULL, 0, NULL, 0}
	};
	size_t budget = GOI_SPILL_BUDGET;
	const char *keys = NULL;
	int ch, flags = 0, oflags = 0, pretty = 0, rc;
	goi_render *r = NULL;
	goi_span bad;
	goi_agg *a;
	goi_out *o;

	setlocale(LC_CTYPE, "");
	goi_setprogname(argv[0]);
	while ((ch = getopt_long(argc, argv, "g:ho:NS:T:V", longopts, NULL)) != -1) {
		switch (ch) {
		case 'g':
			if (goi_agg_keys_check(optarg, &bad) < 0) {
				goi_warnx(NULL, 0, "-g: unknown key '%.*s'",
				    (int)bad.n, bad.p);
				usage(stderr);
				return 2;
			}
			keys = optarg;
			break;
		case 'o':
			if ((rc = goi_agg_ops_parse(optarg, &bad)) < 0) {
				goi_warnx(NULL, 0, "-o: unknown operation '%.*s'",
				    (int)bad.n, bad.p);
				usage(stderr);
				return 2;
			}
			flags |= rc;
			break;
		case 'S':
			if (goi_spill_parse_size(optarg, &budget) < 0) {
				goi_warnx(NULL, 0, "-S: bad size '%s'", optarg);
				usage(stderr);
				return 2;
			}
			break;
		case 'T':
			tmpdir = optarg;
			break;
		case OPT_HARMONIZE:
			flags |= GOI_AGG_HARMONIZE;
			break;
		case OPT_PRETTY:
			pretty = 1;
			break;
		case GOI_OPT_CSV:
			oflags |= GOI_OUT_CSV;
			break;
		case 'N':
			oflags |= GOI_OUT_NOHEADER;
			break;
		case 'h':
			help();
			return 0;
		case 'V':
			goi_print_version(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if ((flags & GOI_AGG_HARMONIZE) && keys != NULL) {
		const char *p;
		for (p = keys; (p = strstr(p, "format")) != NULL; p++)
			if ((p == keys || p[-1] == ',') &&
			    (p[6] == '\0' || p[6] == ',')) {
				goi_warnx(NULL, 0, "--harmonize sums formats "
				    "together, -g format keeps them apart");
				usage(stderr);
				return 2;
			}
	}

	if ((o = goi_out_new(stdout, oflags)) == NULL ||
	    (a = goi_agg_new(keys, flags, onwarn, NULL)) == NULL ||
	    goi_agg_spill(a, budget, tmpdir) < 0 ||
	    (pretty && (r = goi_render_new(o, 1)) == NULL)) {
		goi_warnx(NULL, 0, "%s", goi_strerror(GOI_ENOMEM));
		return 1;
	}
	if (!pretty)
		goi_out_header(o, GOI_STREAM_CELLS);
	if (argc == 0)
		sum_file(a, "-");
	for (; argc > 0; argc--, argv++)
		sum_file(a, *argv);
	curfile = NULL;
	rc = goi_agg_write(a, o, r, (oflags & GOI_OUT_NOHEADER) ? 1 : 2);
	if (rc == GOI_ETMP)
		fatal(rc);
	if (rc < 0 && rc != GOI_EIO) {
		goi_warnx(NULL, 0, "%s", goi_strerror(rc));
		status = 1;
	}
	goi_render_free(r);
	goi_agg_free(a);
	if (goi_out_close(o) < 0) {
		goi_warn(NULL, 0, "write error");
		return 1;
	}
	return status;
}
