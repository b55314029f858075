/* diag.c - err(3)-shaped diagnostics: "goi-X: FILE:LINE: message". */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <csv.h>
#include <utf8proc.h>

#include "goi.h"

static const char *progname = "goi";

void
goi_setprogname(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	progname = slash ? slash + 1 : argv0;
}

const char *
goi_getprogname(void)
{
	return progname;
}

static void
vwarn(const char *file, long line, int errnum, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	if (file != NULL) {
		fprintf(stderr, "%s:", strcmp(file, "-") == 0 ? "(stdin)" : file);
		if (line > 0)
			fprintf(stderr, "%ld:", line);
		fputc(' ', stderr);
	}
	vfprintf(stderr, fmt, ap);
	if (errnum != 0)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void
goi_warnx(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(file, line, 0, fmt, ap);
	va_end(ap);
}

void
goi_warn(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	int errnum = errno;

	va_start(ap, fmt);
	vwarn(file, line, errnum, fmt, ap);
	va_end(ap);
}

void
goi_print_version(FILE *fp)
{
	fprintf(fp, "%s (goi) %s, utf8proc %s, libcsv %d.%d.%d\n", progname,
	    GOI_VERSION, utf8proc_version(), CSV_MAJOR, CSV_MINOR, CSV_RELEASE);
}

const char *
goi_strerror(int code)
{
	switch (code) {
	case 0:
		return "success";
	case GOI_ENOMEM:
		return "out of memory";
	case GOI_EIO:
		return strerror(errno);
	case GOI_EINVAL:
		return "malformed input";
	case GOI_ERANGE:
		return "number out of range";
	case GOI_ESTREAM:
		return "not the expected stream";
	case GOI_EFIELDS:
		return "wrong number of fields";
	case GOI_EUTF8:
		return "invalid UTF-8";
	case GOI_EENCODING:
		return "invalid byte sequence";
	default:
		return "unknown error";
	}
}
