/* fuzz.h - shared helpers of the libFuzzer targets. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

/* The input as a readable descriptor at offset 0 (a deleted temp file). */
static inline int
fuzz_fd(const uint8_t *data, size_t size)
{
	FILE *fp = tmpfile();
	int fd;

	if (fp == NULL)
		return -1;
	if (size > 0 && fwrite(data, 1, size, fp) != size) {
		fclose(fp);
		return -1;
	}
	fflush(fp);
	fd = dup(fileno(fp));
	fclose(fp);
	if (fd >= 0)
		lseek(fd, 0, SEEK_SET);
	return fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
