/*
 * goi-check - check the cells of annual reports against the consistency
 * rules (lib/rules.c) and write the findings stream.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "goi.h"

#define USAGE "usage: goi-check [-ahNV] [--csv] [--list] [-r rule[,rule...]] " \
	"[-S size] [-T dir] [file ...]"

static void
usage(void)
{
	fprintf(stderr, "%s\n", USAGE);
	exit(2);
}

static void
help(void)
{
	printf("%s\n", USAGE);
	printf("  -a, --all          also print the rules that pass\n"
	    "  -r, --rules LIST   only these rules (ids or groups, "
	    "comma-separated)\n"
	    "      --list         print the rules: id, severity, description\n"
	    "  -S, --buffer-size SIZE\n"
	    "                     memory for the records of the cross rules before\n"
	    "                     they spill to temporary files: a number and\n"
	    "                     b K M G (K if none); 8M\n"
	    "  -T, --temporary-directory DIR\n"
	    "                     where they spill (default $TMPDIR, else /tmp)\n"
	    "  -N, --no-header    no header line\n"
	    "      --csv          write CSV instead of TSV\n"
	    "  -h, --help         this help\n"
	    "  -V, --version      print the version\n");
	exit(0);
}

static const char *tmpdir;

/* A library error that ends the run (exit 2): memory, a temporary file. */
static void
trouble(int rc)
{
	if (rc == GOI_ETMP)
		goi_warn(NULL, 0, "temporary file in %s", goi_spill_dir(tmpdir));
	else
		goi_warnx(NULL, 0, "%s", goi_strerror(rc));
}

static int
emit(void *ctx, const goi_finding *f)
{
	goi_out *o = ctx;
	char line[32] = "";

	if (f->line > 0)
		snprintf(line, sizeof(line), "%ld", f->line);
	goi_out_fieldz(o, f->doc);
	goi_out_fieldz(o, f->rule);
	goi_out_fieldz(o, f->status);
	goi_out_fieldz(o, f->table);
	goi_out_fieldz(o, f->row);
	goi_out_fieldz(o, f->col);
	goi_out_fieldz(o, f->expected);
	goi_out_fieldz(o, f->actual);
	goi_out_fieldz(o, line);
	goi_out_fieldz(o, f->message);
	return goi_out_endrow(o);
}

/* Select the rules of a comma-separated list of ids or groups ("requests"). */
static int
select_rules(const char *list, unsigned char *on, int n)
{
	const goi_rule *r = goi_rules(&n);
	const char *p = list;
	int i, hit;

	while (*p != '\0') {
		size_t k = strcspn(p, ",");
		hit = 0;
		for (i = 0; i < n; i++) {
			size_t idl = strlen(r[i].id);
			if ((idl == k && memcmp(r[i].id, p, k) == 0) ||
			    (idl > k && memcmp(r[i].id, p, k) == 0 &&
			    r[i].id[k] == '.')) {
				on[i] = 1;
				hit = 1;
			}
		}
		if (!hit && k > 0) {
			goi_warnx(NULL, 0, "unknown rule '%.*s' (goi-check "
			    "--list lists them)", (int)k, p);
			return -1;
		}
		p += k;
		if (*p == ',')
			p++;
	}
	return 0;
}

static int
list_rules(goi_out *o)
{
	const goi_rule *r;
	int i, n;

	r = goi_rules(&n);
	for (i = 0; i < n; i++) {
		goi_out_fieldz(o, r[i].id);
		goi_out_fieldz(o, r[i].severity == GOI_SEV_WARN ? "warn" :
		    "fail");
		goi_out_fieldz(o, r[i].desc);
		goi_out_endrow(o);
	}
	return 0;
}

static const char *const kinds[] = {"num", "glued", "empty", "na", "text",
	NULL};

/* A row of the cells stream, NUL-terminated copies in buf. */
static int
row_cell(const goi_span *f, char *buf, char **z, goi_cellv *c)
{
	char *end;
	int i;

	for (i = 0; i < 10; i++) {
		memcpy(buf, f[i].p, f[i].n);
		buf[f[i].n] = '\0';
		z[i] = buf;
		buf += f[i].n + 1;
	}
	for (i = 0; kinds[i] != NULL; i++)
		if (strcmp(z[7], kinds[i]) == 0)
			break;
	if (kinds[i] == NULL)
		return -1;
	c->table = z[3];
	c->row = z[4];
	c->col = z[5];
	c->value = z[6];
	c->kind = z[7];
	c->raw = z[8];
	c->line = 0;
	if (z[9][0] != '\0') {
		errno = 0;
		c->line = strtol(z[9], &end, 10);
		if (*end != '\0' || errno != 0 || c->line <= 0)
			return -2;
	}
	return 0;
}

static int
check_file(goi_check *ck, const char *name)
{
	goi_reader *r;
	goi_tsvin *t;
	goi_span f[10];
	goi_cellv c;
	char *buf = NULL, *z[10];
	size_t cap = 0, need;
	int rc, i, status = 0;

	if ((r = goi_reader_open(name)) == NULL) {
		goi_warn(name, 0, "cannot open");
		return 1;
	}
	if ((t = goi_tsvin_new(r, GOI_STREAM_CELLS)) == NULL) {
		goi_reader_close(r);
		goi_warnx(name, 0, "%s", goi_strerror(GOI_ENOMEM));
		return -1;
	}
	while ((rc = goi_tsvin_next(t, f)) == 1) {
		long ln = goi_tsvin_lineno(t);
		for (need = 10, i = 0; i < 10; i++)
			need += f[i].n;
		if (need > cap) {
			char *nb = realloc(buf, need);
			if (nb == NULL) {
				rc = GOI_ENOMEM;
				break;
			}
			buf = nb;
			cap = need;
		}
		if ((i = row_cell(f, buf, z, &c)) < 0) {
			if (i == -1)
				goi_warnx(name, ln, "unknown kind '%s' (num "
				    "glued empty na text): not a cells stream",
				    z[7]);
			else
				goi_warnx(name, ln, "line '%s' is not a "
				    "positive number: not a cells stream",
				    z[9]);
			status = 1;
			break;
		}
		rc = goi_check_cell(ck, z[0], z[1], z[2], &c);
		if (rc == GOI_ERANGE || rc == GOI_EINVAL)
			goi_warnx(name, ln, "%s: '%s' (%s %s %s), not assessed",
			    rc == GOI_ERANGE ? "number out of range" :
			    "not a number", z[6], z[3], z[4], z[5]);
		else if (rc < 0) {
			/* output failed, out of memory, a temporary file */
			if (rc == GOI_ETMP)
				trouble(rc);
			status = -1;
			break;
		}
		rc = 1;
	}
	if (status == 0 && rc < 0) {
		status = rc == GOI_ENOMEM ? -1 : 1;
		goi_warn_stream(name, goi_tsvin_lineno(t), GOI_STREAM_CELLS, rc);
	}
	free(buf);
	goi_tsvin_free(t);
	goi_reader_close(r);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"all", no_argument, NULL, 'a'},
		{"rules", required_argument, NULL, 'r'},
		{"list", no_argument, NULL, 'l'},
		{"buffer-size", required_argument, NULL, 'S'},
		{"temporary-directory", required_argument, NULL, 'T'},
		GOI_COMMON_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	unsigned char *on = NULL;
	const char *rules = NULL;
	size_t budget = GOI_SPILL_BUDGET;
	goi_check_counts n;
	goi_check *ck;
	goi_out *o;
	int ch, oflags = 0, cflags = 0, list = 0, status = 0, nrules, rc, i;

	setlocale(LC_CTYPE, "");
	goi_setprogname(argv[0]);
	while ((ch = getopt_long(argc, argv, "ahNr:S:T:V", longopts, NULL)) != -1)
		switch (ch) {
		case 'a':
			cflags |= GOI_CHECK_PASSES;
			break;
		case 'r':
			rules = optarg;
			break;
		case 'l':
			list = 1;
			break;
		case 'S':
			if (goi_spill_parse_size(optarg, &budget) < 0) {
				goi_warnx(NULL, 0, "-S: bad size '%s'", optarg);
				usage();
			}
			break;
		case 'T':
			tmpdir = optarg;
			break;
		case 'N':
			oflags |= GOI_OUT_NOHEADER;
			break;
		case GOI_OPT_CSV:
			oflags |= GOI_OUT_CSV;
			break;
		case 'h':
			help();
			break;
		case 'V':
			goi_print_version(stdout);
			exit(0);
		default:
			usage();
		}
	argc -= optind;
	argv += optind;

	goi_rules(&nrules);
	if (rules != NULL) {
		if ((on = calloc((size_t)nrules, 1)) == NULL) {
			goi_warnx(NULL, 0, "%s", goi_strerror(GOI_ENOMEM));
			return 2;
		}
		if (select_rules(rules, on, nrules) < 0)
			usage();
	}
	if ((o = goi_out_new(stdout, oflags)) == NULL) {
		goi_warnx(NULL, 0, "%s", goi_strerror(GOI_ENOMEM));
		return 2;
	}
	if (list) {
		list_rules(o);
		if (goi_out_close(o) < 0) {
			goi_warn(NULL, 0, "write error");
			return 2;
		}
		return 0;
	}
	if ((ck = goi_check_new(on, cflags, emit, o)) == NULL ||
	    goi_check_spill(ck, budget, tmpdir) < 0) {
		goi_warnx(NULL, 0, "%s", goi_strerror(GOI_ENOMEM));
		return 2;
	}
	goi_out_header(o, GOI_STREAM_FINDINGS);
	rc = 0;
	if (argc == 0)
		rc = check_file(ck, "-");
	for (i = 0; i < argc && rc >= 0; i++) {
		rc = check_file(ck, argv[i]);
		if (rc > 0)
			status = 2;
	}
	if (rc > 0)
		status = 2;
	if (rc >= 0) {
		rc = goi_check_finish(ck);
		if (rc == GOI_ENOMEM || rc == GOI_ETMP) {
			trouble(rc);
			status = 2;
		}
	}
	goi_check_getcounts(ck, &n);
	goi_check_free(ck);
	free(on);
	if (goi_out_close(o) < 0) {
		goi_warn(NULL, 0, "write error");
		return 2;
	}
	if (rc < 0)
		status = 2;
	fprintf(stderr, "goi-check: %ld document%s, %ld rules evaluated, "
	    "%ld failed, %ld warning%s, %ld not assessable\n", n.docs,
	    n.docs == 1 ? "" : "s", n.evaluated, n.failed, n.warnings,
	    n.warnings == 1 ? "" : "s", n.na);
	/* Like diff(1): 1 says the data failed a rule, 2 says trouble. */
	if (n.failed > 0 && status == 0)
		status = 1;
	return status;
}
