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
goi_warn_stream(const char *file, long line, int stream, int rc)
{
	const char *const *c = goi_stream_columns(stream);
	const char *name = goi_stream_name(stream);
	char cols[128];
	size_t n = 0;

	for (cols[0] = '\0'; c != NULL && *c != NULL; c++)
		n += (size_t)snprintf(cols + n, n < sizeof(cols) ?
		    sizeof(cols) - n : 0, "%s%s", n ? " " : "", *c);
	switch (rc) {
	case GOI_ESTREAM:
		goi_warnx(file, line, "the header of another stream: not a %s "
		    "stream", name);
		break;
	case GOI_EFIELDS:
		goi_warnx(file, line, "not %d TAB-separated fields (%s): not a "
		    "%s stream", goi_stream_ncols(stream), cols, name);
		break;
	case GOI_EINVAL:
		goi_warnx(file, line, "line is not a positive number: not a %s "
		    "stream", name);
		break;
	case GOI_EIO:
		goi_warn(file, line, "read error");
		break;
	default:
		goi_warnx(file, line, "%s", goi_strerror(rc));
	}
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
	case GOI_ETMP:		/* errno says why the temporary file failed */
		return strerror(errno);
	default:
		return "unknown error";
	}
}
