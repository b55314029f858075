/*
 * goi-clean - raw report text to the lines stream (doc line text): decode,
 * NFKC, spacing, debris removed, broken lines joined, documents found.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

#define USAGE "usage: goi-clean [-hkNVv] [--csv] [-e name] " \
	"[--invalid=how] [file ...]\n"

enum { OPT_INVALID = 0x200 };

static const struct option longopts[] = {
	GOI_COMMON_LONGOPTS,
	{"encoding", required_argument, NULL, 'e'},
	{"invalid", required_argument, NULL, OPT_INVALID},
	{"keep", no_argument, NULL, 'k'},
	{"verbose", no_argument, NULL, 'v'},
	{NULL, 0, NULL, 0}
};

struct opts {
	int outflags;
	const char *encoding;
	int invalid;
	int keep;
	int verbose;
};

struct run {
	goi_out *out;
	const char *file;	/* for -v messages */
	int verbose;
};

static void
usage(int help)
{
	fputs(USAGE, help ? stdout : stderr);
	if (!help)
		exit(2);
	fputs("  -h, --help            this help\n"
	    "  -V, --version         goi, utf8proc and libcsv versions\n"
	    "  -N, --no-header       no header line\n"
	    "      --csv             RFC 4180 CSV instead of TSV\n"
	    "  -e, --encoding=NAME   input encoding (any iconv name); default: detect\n"
	    "      --invalid=HOW     invalid input bytes: error (default), replace, skip\n"
	    "  -k, --keep            remove no debris, squeeze no blank lines\n"
	    "  -v, --verbose         report every removal on stderr\n", stdout);
	exit(0);
}

static int
emit(void *ctx, const char *key, const goi_docline *l, size_t n)
{
	struct run *r = ctx;
	size_t i, klen = strlen(key);
	int rc;

	if ((rc = goi_out_setprefix(r->out, &key, &klen, 1)) < 0)
		return rc;
	/* the cleaner's texts have 16 readable bytes after them */
	for (i = 0; i < n && rc == 0; i++)
		rc = goi_out_prefixrow(r->out, l[i].line, l[i].text, l[i].len);
	return rc;
}

static void
dropped(void *ctx, long line, const char *why, const char *s, size_t n)
{
	struct run *r = ctx;
	size_t k = n;
	const char *more = "";

	if (!r->verbose)
		return;
	if (n == 0) {
		goi_warnx(r->file, line, "dropped: %s", why);
		return;
	}
	if (k > 90) {		/* cut at a character boundary */
		k = 90;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		more = "...";
	}
	/* A joined line is not lost: say so without "dropped". */
	goi_warnx(r->file, line, "%s%s \"%.*s%s\"",
	    strncmp(why, "joined", 6) == 0 ? "" : "dropped: ", why, (int)k, s,
	    more);
}

/* One input.  Returns 0, 1 (reported data or read error), or a negative
 * code from the output side. */
static int
clean(const char *path, const struct opts *o, goi_cleaner *cl, goi_norm *z,
    struct run *run)
{
	goi_reader *r;
	goi_decoder *d;
	goi_span line;
	const char *text;
	long len;
	int rc, status = 0;

	if ((r = goi_reader_open(path)) == NULL) {
		goi_warn(path, 0, "cannot open");
		return 1;
	}
	if ((d = goi_decoder_new(r, o->encoding, o->invalid)) == NULL) {
		goi_warn(path, 0, "cannot decode");
		goi_reader_close(r);
		return 1;
	}
	run->file = path;
	if ((rc = goi_cleaner_begin(cl, strcmp(path, "-") == 0 ? NULL : path)) != 0)
		goto out;
	while ((rc = goi_decoder_getline(d, &line)) > 0) {
		len = goi_norm_text(z, line.p, line.n, &text);
		if (len == GOI_EUTF8) {
			size_t at = goi_norm_badoffset(z);
			goi_warnx(path, goi_decoder_lineno(d),
			    "invalid UTF-8: byte 0x%02x at offset %llu",
			    (unsigned char)line.p[at],
			    (unsigned long long)(goi_decoder_offset(d) + at));
			status = 1;
			rc = 0;
			break;
		}
		if (len < 0) {
			rc = (int)len;
			break;
		}
		if ((rc = goi_cleaner_line(cl, goi_decoder_lineno(d), text,
		    (size_t)len)) != 0)
			goto out;
	}
	if (rc == GOI_EENCODING) {
		goi_warnx(path, goi_decoder_lineno(d),
		    "invalid %s sequence at offset %llu", goi_decoder_encoding(d),
		    (unsigned long long)goi_decoder_badoffset(d));
		status = 1;
	} else if (rc == GOI_EIO) {
		goi_warn(path, 0, "read error");
		status = 1;
	} else if (rc < 0) {
		goi_warnx(path, 0, "%s", goi_strerror(rc));
		status = 1;
	}
	rc = goi_cleaner_end(cl);
out:
	goi_decoder_free(d);
	goi_reader_close(r);
	return rc != 0 ? rc : status;
}

int
main(int argc, char *argv[])
{
	struct opts o = {0, NULL, 0, 0, 0};
	struct run run = {NULL, NULL, 0};
	goi_clean_sink sink = {emit, dropped, &run};
	goi_cleaner *cl;
	goi_decoder *probe;
	goi_norm *z;
	int ch, status = 0, rc = 0, i;
	char *stdin_only[] = {"-", NULL};
	char **files;

	/*
	 * The debris rules are regular expressions over UTF-8 text: they must
	 * match characters, not bytes, whatever the user's locale, or the
	 * locale would change the output.  Use a UTF-8 LC_CTYPE.
	 */
	if (setlocale(LC_CTYPE, "") == NULL || MB_CUR_MAX == 1)
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "en_US.UTF-8");
	goi_setprogname(argv[0]);
	signal(SIGPIPE, SIG_DFL);	/* | head ends us quietly */
	while ((ch = getopt_long(argc, argv, "hVNe:kv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(1);
			break;
		case 'V':
			goi_print_version(stdout);
			return 0;
		case 'N':
			o.outflags |= GOI_OUT_NOHEADER;
			break;
		case GOI_OPT_CSV:
			o.outflags |= GOI_OUT_CSV;
			break;
		case 'e':
			o.encoding = optarg;
			break;
		case OPT_INVALID:
			if (strcmp(optarg, "error") == 0)
				o.invalid = 0;
			else if (strcmp(optarg, "replace") == 0)
				o.invalid = GOI_NORM_REPLACE;
			else if (strcmp(optarg, "skip") == 0)
				o.invalid = GOI_NORM_SKIP;
			else {
				goi_warnx(NULL, 0, "--invalid: error, replace or skip, not \"%s\"",
				    optarg);
				usage(0);
			}
			break;
		case 'k':
			o.keep = 1;
			break;
		case 'v':
			o.verbose = 1;
			break;
		default:
			usage(0);
		}
	}
	files = optind < argc ? argv + optind : stdin_only;
	if (o.encoding != NULL) {
		if ((probe = goi_decoder_new(NULL, o.encoding, 0)) == NULL) {
			goi_warnx(NULL, 0, "unknown encoding: %s", o.encoding);
			usage(0);
		}
		goi_decoder_free(probe);
	}
	run.verbose = o.verbose;
	if ((run.out = goi_out_new(stdout, o.outflags)) == NULL ||
	    (z = goi_norm_new(o.invalid | GOI_NORM_PADDED)) == NULL ||
	    (cl = goi_cleaner_new(o.keep ? GOI_CLEAN_KEEP : 0, &sink)) == NULL) {
		goi_warnx(NULL, 0, "out of memory");
		return 1;
	}
	goi_out_header(run.out, GOI_STREAM_LINES);
	for (i = 0; files[i] != NULL; i++) {
		rc = clean(files[i], &o, cl, z, &run);
		if (rc < 0)
			break;
		if (rc > 0)
			status = 1;
	}
	goi_cleaner_free(cl);
	goi_norm_free(z);
	if (rc < 0 && rc != GOI_EIO) {
		goi_warnx(NULL, 0, "%s", goi_strerror(rc));
		status = 1;
	}
	if (goi_out_close(run.out) != 0 || rc == GOI_EIO) {
		goi_warn(NULL, 0, "write error");
		status = 1;
	}
	return status;
}
