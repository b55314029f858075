/*
 * io.c - block-buffered line input.  Lines are found with memchr in a buffer
 * that grows to hold the longest line, so memory follows the longest line,
 * never the input.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "goi.h"

#define BLOCK (128 * 1024)
/* GOI_READER_SLACK bytes after the data, always allocated and zero. */
#define SLACK GOI_READER_SLACK

struct goi_reader {
	int fd;
	int owned;		/* close fd on goi_reader_close */
	int eof;
	char *buf;
	size_t cap;
	size_t start;		/* first unconsumed byte */
	size_t end;		/* end of valid data */
	long lineno;
	uint64_t consumed;	/* input offset of buf[0] */
	uint64_t lineoff;
	char *name;
};

goi_reader *
goi_reader_fdopen(int fd, const char *name)
{
	goi_reader *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->fd = fd;
	r->cap = BLOCK;
	if ((r->buf = calloc(1, r->cap + SLACK)) == NULL ||
	    (r->name = strdup(name ? name : "-")) == NULL) {
		free(r->buf);
		free(r);
		errno = ENOMEM;
		return NULL;
	}
	return r;
}

goi_reader *
goi_reader_open(const char *path)
{
	goi_reader *r;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0)
		return goi_reader_fdopen(STDIN_FILENO, "-");
	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	if ((r = goi_reader_fdopen(fd, path)) == NULL) {
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	r->owned = 1;
	return r;
}

void
goi_reader_close(goi_reader *r)
{
	if (r == NULL)
		return;
	if (r->owned)
		close(r->fd);
	free(r->buf);
	free(r->name);
	free(r);
}

/* Read more input after r->end, moving or growing the buffer as needed. */
static int
fill(goi_reader *r)
{
	ssize_t n;

	if (r->start > 0 && (r->start == r->end || r->end == r->cap)) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->consumed += r->start;
		r->start = 0;
	}
	if (r->end == r->cap) {
		char *nb;
		if (r->cap > SIZE_MAX / 2)
			return GOI_ENOMEM;
		if ((nb = realloc(r->buf, r->cap * 2 + SLACK)) == NULL)
			return GOI_ENOMEM;
		r->buf = nb;
		r->cap *= 2;
	}
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (n == -1 && errno == EINTR);
	if (n < 0) {
		memset(r->buf + r->end, 0, SLACK);	/* after a memmove */
		return GOI_EIO;
	}
	if (n == 0)
		r->eof = 1;
	r->end += (size_t)n;
	memset(r->buf + r->end, 0, SLACK);
	return (int)(n > 0);
}

int
goi_reader_getline(goi_reader *r, goi_span *line)
{
	size_t scanned = 0;
	char *nl;
	int rc;

	for (;;) {
		nl = memchr(r->buf + r->start + scanned, '\n',
		    r->end - r->start - scanned);
		if (nl != NULL)
			break;
		scanned = r->end - r->start;
		if (r->eof)
			break;
		if ((rc = fill(r)) < 0)
			return rc;
	}
	if (nl == NULL && r->start == r->end)
		return 0;
	line->p = r->buf + r->start;
	line->n = nl ? (size_t)(nl - line->p) : r->end - r->start;
	r->lineoff = r->consumed + r->start;
	r->start += line->n + (nl != NULL);
	r->lineno++;
	return 1;
}

long
goi_reader_read(goi_reader *r, char *buf, size_t n)
{
	size_t have = r->end - r->start;
	ssize_t got;

	if (have > 0) {
		if (n > have)
			n = have;
		memcpy(buf, r->buf + r->start, n);
		r->start += n;
		return (long)n;
	}
	if (r->eof)
		return 0;
	r->consumed += r->end;
	r->start = r->end = 0;
	do
		got = read(r->fd, buf, n);
	while (got == -1 && errno == EINTR);
	if (got < 0)
		return GOI_EIO;
	if (got == 0)
		r->eof = 1;
	r->consumed += (uint64_t)got;
	return (long)got;
}

long
goi_reader_lineno(const goi_reader *r)
{
	return r->lineno;
}

uint64_t
goi_reader_offset(const goi_reader *r)
{
	return r->lineoff;
}

const char *
goi_reader_name(const goi_reader *r)
{
	return r->name;
}
