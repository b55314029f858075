/*
 * goi.h - the one public header of libgoi, the library shared by the goi
 * tools (goi-clean, goi-split, goi-table, goi-check, goi-sum).
 *
 * Conventions: public names carry the goi_ prefix; stateful objects are
 * opaque, created and freed explicitly; functions return a length, a count
 * or a negative GOI_E* code that goi_strerror() explains.  The library never
 * exits and prints only through the diagnostics helpers (goi_warnx & co),
 * which the tools call.
 */
#ifndef GOI_H
#define GOI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define GOI_VERSION "0.1.0"

/* Error codes: always negative. */
enum {
	GOI_ENOMEM = -1,	/* out of memory */
	GOI_EIO = -2,		/* read or write error, see errno */
	GOI_EINVAL = -3,	/* malformed input */
	GOI_ERANGE = -4,	/* number out of range */
	GOI_ESTREAM = -5,	/* not the stream this tool reads */
	GOI_EFIELDS = -6,	/* wrong number of fields in a row */
	GOI_EUTF8 = -7,		/* invalid UTF-8 */
	GOI_EENCODING = -8,	/* invalid byte sequence in the input encoding */
	GOI_ETMP = -9		/* a temporary file failed (spill.c), see errno */
};
const char *goi_strerror(int code);

/* A byte span into a buffer owned by someone else; never NUL-terminated. */
typedef struct {
	const char *p;
	size_t n;
} goi_span;

#define GOI_SPAN_EQ(s, lit) \
	((s).n == sizeof(lit) - 1 && memcmp((s).p, (lit), (s).n) == 0)

/* ---- diag.c: err(3)-shaped diagnostics ------------------------------- */

/*
 * goi-X: FILE:LINE: message.  file NULL leaves out "FILE:", line <= 0 leaves
 * out "LINE:".  A file name "-" is printed as "(stdin)".
 */
void goi_setprogname(const char *argv0);
const char *goi_getprogname(void);
void goi_warnx(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* As goi_warnx, with ": strerror(errno)" appended. */
void goi_warn(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * The message for an error rc met reading the given stream (goi_tsvin,
 * goi_docin) at file:line, the same in every tool: another stream's header,
 * the wrong number of fields (naming the columns), a bad line number, a
 * read error.
 */
void goi_warn_stream(const char *file, long line, int stream, int rc);
/* Print the version line of -V: goi, utf8proc and libcsv versions. */
void goi_print_version(FILE *fp);

/* ---- mem.c: memory helpers ---------------------------------------------- */

/*
 * Make *(T **)pp hold at least need elements of size bytes, doubling from
 * 64; *cap is the count it holds.  0 or GOI_ENOMEM (*pp unchanged).
 */
int goi_grow(void *pp, size_t *cap, size_t need, size_t size);
/* memmem(3) in C11: the first p[0..pn) in s[0..n), or NULL. */
const char *goi_memfind(const char *s, size_t n, const char *p, size_t pn);

/* ---- io.c: block-buffered input ---------------------------------------- */

typedef struct goi_reader goi_reader;

/* "-" or NULL is standard input.  NULL with errno set on failure. */
goi_reader *goi_reader_open(const char *path);
/* Wrap an open descriptor; name is used in messages. */
goi_reader *goi_reader_fdopen(int fd, const char *name);
void goi_reader_close(goi_reader *r);
/*
 * Next line, without its LF (a CR before it is kept: the caller decides).
 * The span is valid until the next call.  Returns 1 for a line, 0 at end of
 * input, GOI_EIO or GOI_ENOMEM.  A last line without LF is still a line.
 * GOI_READER_SLACK bytes after the line may be read (they are the next
 * input or zero), so a scan may go by whole 16-byte blocks.
 */
#define GOI_READER_SLACK 16
int goi_reader_getline(goi_reader *r, goi_span *line);
/* Raw bytes, for decoders: up to n bytes, 0 at end, GOI_EIO on error. */
long goi_reader_read(goi_reader *r, char *buf, size_t n);
/* 1-based number of the line last returned by goi_reader_getline. */
long goi_reader_lineno(const goi_reader *r);
/* Byte offset in the input of the start of that line. */
uint64_t goi_reader_offset(const goi_reader *r);
/* The name given to open, "-" for stdin. */
const char *goi_reader_name(const goi_reader *r);

/* ---- tsv.c: the TSV streams of SPEC section 2 ---------------------------- */

enum goi_stream {
	GOI_STREAM_NONE = 0,
	GOI_STREAM_LINES,	/* doc line text */
	GOI_STREAM_SECTIONS,	/* doc section line text */
	GOI_STREAM_INDEX,	/* doc title organ year format first last */
	GOI_STREAM_CELLS,	/* doc year format table row col value kind raw line */
	GOI_STREAM_FINDINGS,	/* doc rule status table row col expected actual line message */
	GOI_STREAM_COUNT
};

/* Column names of a stream, NULL-terminated; its number of columns. */
const char *const *goi_stream_columns(int stream);
int goi_stream_ncols(int stream);
const char *goi_stream_name(int stream);
/* The stream whose header line equals line, else GOI_STREAM_NONE. */
int goi_stream_header(goi_span line);

/*
 * Split a TSV line at TABs into at most max spans.  Returns the number of
 * fields the line has (which may exceed max: the extra are not stored).
 */
int goi_tsv_split(goi_span line, goi_span *f, int max);
/*
 * Undo the escapes \t \r \n \\ of a field into out (room for s.n bytes).
 * Returns the length written.  Any other backslash sequence is kept as is.
 */
size_t goi_tsv_unescape(goi_span s, char *out);
/* Escape into out (room for 2 * s.n bytes); returns the length written. */
size_t goi_tsv_escape(goi_span s, char *out);

/*
 * A stream reader: reads one of the TSV streams from a goi_reader, checks
 * the header (a first line that is another stream's header is an error;
 * a missing header is accepted), skips repeated header lines, and splits
 * each row into unescaped fields.
 */
typedef struct goi_tsvin goi_tsvin;
goi_tsvin *goi_tsvin_new(goi_reader *r, int stream);
void goi_tsvin_free(goi_tsvin *t);
/*
 * Next row: f receives ncols spans of unescaped text, valid until the next
 * call.  Returns 1, 0 at end, or a negative code; on GOI_ESTREAM and
 * GOI_EFIELDS goi_tsvin_lineno() names the offending line.
 */
int goi_tsvin_next(goi_tsvin *t, goi_span *f);
long goi_tsvin_lineno(const goi_tsvin *t);
/* The stream the header said (or the one asked for when no header). */
int goi_tsvin_stream(const goi_tsvin *t);

/* ---- out.c: TSV or CSV output ------------------------------------------- */

enum {
	GOI_OUT_CSV = 1,	/* RFC 4180 CSV through libcsv */
	GOI_OUT_NOHEADER = 2	/* -N: no header line */
};

typedef struct goi_out goi_out;
goi_out *goi_out_new(FILE *fp, int flags);
/* Write the header line of a stream (nothing under GOI_OUT_NOHEADER). */
int goi_out_header(goi_out *o, int stream);
/* Append one field to the current row; escaped (TSV) or quoted (CSV). */
int goi_out_field(goi_out *o, const char *s, size_t n);
int goi_out_fieldz(goi_out *o, const char *s);
/* k fields at once (NUL-terminated, NULL for empty), as goi_out_fieldz. */
int goi_out_fieldsz(goi_out *o, const char *const *f, int k);
int goi_out_fieldl(goi_out *o, long long v);
int goi_out_endrow(goi_out *o);
/*
 * Fields that begin many rows (a document's key, year, format): escaped once
 * by goi_out_setprefix, copied as the next fields of a row by
 * goi_out_prefix.  The output is what goi_out_field would write.
 */
int goi_out_setprefix(goi_out *o, const char *const *f, const size_t *n,
    int k);
int goi_out_prefix(goi_out *o);
/* Bytes written verbatim, for renderers such as --pretty. */
/* A row: the prefix, v and s[0..n), as goi_out_prefix, goi_out_fieldl,
 * goi_out_field and goi_out_endrow write them; s[n..n+16) readable. */
int goi_out_prefixrow(goi_out *o, long long v, const char *s, size_t n);
int goi_out_raw(goi_out *o, const char *s, size_t n);
/* Flush.  GOI_EIO (errno set) if any write failed. */
int goi_out_flush(goi_out *o);
/* Flush and free; returns as goi_out_flush. */
int goi_out_close(goi_out *o);

/* ---- dec.c: exact decimals ----------------------------------------------- */

/* value = m / 10^scale; scale 0..GOI_DEC_MAXSCALE. */
typedef struct {
	int64_t m;
	int scale;
} goi_dec;
#define GOI_DEC_MAXSCALE 12

/*
 * Parse [+-]digits[.digits] (no separators, no units).  Returns 0, or
 * GOI_EINVAL / GOI_ERANGE.
 */
int goi_dec_parse(const char *s, size_t n, goi_dec *d);
/* a += b exactly; GOI_ERANGE on overflow (a unchanged). */
int goi_dec_add(goi_dec *a, goi_dec b);
/* d *= 10^k, k may be negative (exact: the scale grows). */
int goi_dec_shift(goi_dec *d, int k);
int goi_dec_cmp(goi_dec a, goi_dec b);
/* Shortest text: no trailing fractional zeros; returns the length. */
size_t goi_dec_format(goi_dec d, char *buf, size_t size);

/* ---- doc.c: documents of a lines stream --------------------------------- */

/* One line of a document: its line in the original input and its text. */
typedef struct {
	long line;
	const char *text;	/* unescaped, NUL-terminated */
	size_t len;
} goi_docline;

typedef struct {
	const char *key;	/* the doc column */
	const char *file;	/* input name, for messages */
	const goi_docline *lines;
	size_t nlines;
	long first_row;		/* row of the stream where the doc starts */
} goi_doc;

/*
 * Groups the rows of a lines stream (doc line text) into documents: a
 * document is a run of rows with the same doc key.  Memory follows the
 * largest document.
 */
typedef struct goi_docin goi_docin;
goi_docin *goi_docin_new(goi_reader *r);
void goi_docin_free(goi_docin *d);
/*
 * Next document, valid until the next call.  Returns 1, 0 at the end, or a
 * negative code; goi_docin_lineno() then names the row at fault
 * (GOI_ESTREAM: another stream's header; GOI_EFIELDS: not 3 fields;
 * GOI_EINVAL: line is not a positive number).
 */
int goi_docin_next(goi_docin *d, const goi_doc **doc);
long goi_docin_lineno(const goi_docin *d);

/* ---- cells: what the extractors emit ------------------------------------- */

/* Table formats (SPEC section 1), also usable as bit flags. */
enum {
	GOI_FMT_NONE = 0,
	GOI_FMT_2019 = 1,
	GOI_FMT_2021 = 2,
	GOI_FMT_OLD = 4
};
/* "2019", "2021", "old" or "" for GOI_FMT_NONE. */
const char *goi_format_name(int fmt);
int goi_format_parse(const char *s);	/* GOI_FMT_*, -1 if unknown */

/* One cell of the cells stream, as an extractor produces it. */
typedef struct {
	const char *table, *row, *col;
	const char *value;	/* the normalized value; "" when empty or na */
	const char *kind;	/* num glued empty na text */
	const char *raw;	/* what was written */
	long line;		/* line of the original input */
} goi_cellv;

/* Where extractors send cells and warnings: the library never prints. */
typedef struct {
	int (*cell)(void *ctx, const goi_cellv *c);
	void (*warn)(void *ctx, long line, const char *msg);
	void *ctx;
} goi_sink;

/* ---- schema.c: the table formats as data (owner: goi-table) ------------- */

typedef struct {
	const char *key;	/* "new", "denied.1", "rules" ... */
	const char *label;	/* the official label, for --labels and --pretty */
	const char *const *variants;	/* other spellings, NULL-terminated */
} goi_schema_item;

typedef struct {
	const char *key;	/* "art20_1", "requests", "appeals" ... */
	int formats;		/* GOI_FMT_2019 | GOI_FMT_2021 */
	const char *label;	/* caption, e.g. 第二十条第（一）项 */
	const goi_schema_item *rows;
	int nrows;
	const goi_schema_item *cols;
	int ncols;
	/*
	 * Columns some reports add (表三's org_subtotal 法人或其他组织小计):
	 * emitted only by documents that print them, never required.
	 */
	const goi_schema_item *optcols;
	int noptcols;
} goi_schema_table;

/* The tables of one format in printed order; *n receives their number. */
const goi_schema_table *goi_schema_tables(int format, int *n);
const goi_schema_table *goi_schema_table_find(int format, const char *key);
/* Official label of a row or column key (optional columns included) of a
 * table, NULL if unknown. */
const char *goi_schema_row_label(const goi_schema_table *t, const char *row);
const char *goi_schema_col_label(const goi_schema_table *t, const char *col);

/* ---- table.c: format detection and extraction (owner: goi-table) ------- */

/*
 * The table format of a document from the tables themselves (captions,
 * column headers, row labels), not the year in its title: GOI_FMT_2019,
 * GOI_FMT_2021, GOI_FMT_OLD or GOI_FMT_NONE.
 */
int goi_table_format(const goi_doc *doc);

/*
 * The 2019/2021 table extractor.  One object per run; a document's cells
 * never depend on the other documents of the run (buffers and compiled
 * patterns are all it keeps).  goi_extract_tables() sends every cell of the
 * format's tables to sink (blank cells as kind empty) and its warnings to
 * sink->warn; returns the number of cells, or a negative GOI_E* code.
 */
typedef struct goi_extract goi_extract;
goi_extract *goi_extract_new(void);
void goi_extract_free(goi_extract *x);
int goi_extract_tables(goi_extract *x, const goi_doc *doc, int format,
    const goi_sink *sink);
/*
 * goi_table_format() through the extractor: the unit stream it builds for
 * doc is kept for a goi_extract_tables() of the same doc that follows.
 */
int goi_extract_format(goi_extract *x, const goi_doc *doc);
/*
 * The same, given u, the goi_utext of doc (a goi_docscan's): the lines u
 * marks GOI_UL_SAME are taken from it, not decoded a second time.  u NULL:
 * goi_extract_format.
 */
struct goi_utext;
int goi_extract_format_text(goi_extract *x, const goi_doc *doc,
    const struct goi_utext *u);
/* Options, GOI_EXTRACT_* flags; returns the previous ones. */
/*
 * STRICT: no assumption at all, not even that a document which glues its
 * cells elsewhere glues them here too.  ASSUME: the value assumptions of
 * table.c (2019 本年增/减 is 0, 新制作 = 新公开, 1 to 1000 万元 a procurement
 * project; 2021 废止 <= 现行有效) may pick one of several glued readings;
 * off by default, since a reading they pick may be wrong.
 */
#define GOI_EXTRACT_STRICT 1
#define GOI_EXTRACT_ASSUME 2
int goi_extract_setflags(goi_extract *x, int flags);
/*
 * Hand the extractor a cell of table `text` (goi_facts_extract output)
 * before goi_extract_tables: the figures the prose states settle glued
 * readings.  Returns 1 when the fact is used, 0 otherwise.  Facts are
 * forgotten at each goi_extract_format (a new document: hand them over
 * after it) and after each goi_extract_tables.
 */
int goi_extract_fact(goi_extract *x, const goi_cellv *c);
/* Cells settled so far from glued runs: by hard constraints, by a soft
 * assumption, and left empty. */
void goi_extract_stats(const goi_extract *x, long *hard, long *soft,
    long *unsettled);

/* ---- norm.c, decode.c, clean.c: raw text to lines (owner: goi-clean) ---- */

/* What to do with bytes invalid in the input encoding (default: error).
 * GOI_NORM_PADDED: every s handed to goi_norm_text is followed by 16
 * readable bytes (as goi_decoder_getline's lines are), so its SIMD loop
 * needs no byte-by-byte tail. */
enum { GOI_NORM_REPLACE = 1, GOI_NORM_SKIP = 2, GOI_NORM_PADDED = 4 };

/*
 * NFKC through utf8proc; Unicode spaces become ' ', controls other than TAB
 * and format characters (zero-width, BOM, soft hyphen) are removed.  The
 * result (NUL-terminated, valid until the next call) goes to *out; returns
 * its length, GOI_ENOMEM, or GOI_EUTF8 (goi_norm_badoffset() then tells
 * the offset of the invalid byte in s) unless flags say replace or skip.
 */
typedef struct goi_norm goi_norm;
goi_norm *goi_norm_new(int flags);
void goi_norm_free(goi_norm *z);
long goi_norm_text(goi_norm *z, const char *s, size_t n, const char **out);
size_t goi_norm_badoffset(const goi_norm *z);
/* One UTF-8 character: its length, 0 if invalid or cut short. */
size_t goi_utf8_decode(const char *s, size_t n, int32_t *cp);
/* Length of the longest valid UTF-8 prefix (a cut sequence not counted). */
size_t goi_utf8_valid(const char *s, size_t n);
/* Han, kana, CJK and full-width punctuation, curly quotes, — and …. */
int goi_is_cjk(int32_t cp);
/* Han ideographs only. */
int goi_is_han(int32_t cp);

/*
 * Input decoding: UTF-8 (a BOM dropped), UTF-16LE/BE with a BOM, or
 * GB18030 when the first 64 KiB are not UTF-8 but are GB18030; encoding
 * forces one (any iconv name).  Lines end at LF, CRLF or CR.  Lines of a
 * UTF-8 input are handed over unchecked (goi_norm checks them); other
 * encodings are converted with iconv(3), and an invalid sequence there is
 * GOI_EENCODING (see goi_decoder_lineno/badoffset) unless invalid says
 * GOI_NORM_REPLACE (U+FFFD) or GOI_NORM_SKIP.
 */
typedef struct goi_decoder goi_decoder;
goi_decoder *goi_decoder_new(goi_reader *r, const char *encoding, int invalid);
void goi_decoder_free(goi_decoder *d);
/* 1 and a line, 0 at the end, or a negative code (GOI_EINVAL: encoding
 * unknown to iconv).  The line is followed by 16 readable bytes. */
int goi_decoder_getline(goi_decoder *d, goi_span *line);
long goi_decoder_lineno(const goi_decoder *d);
/* Input byte offset where the current line starts (UTF-8 input). */
uint64_t goi_decoder_offset(const goi_decoder *d);
/* Input byte offset of the invalid sequence after GOI_EENCODING. */
uint64_t goi_decoder_badoffset(const goi_decoder *d);
/* "UTF-8", "UTF-16LE", "GB18030" ... as used. */
const char *goi_decoder_encoding(const goi_decoder *d);

/*
 * Spacing: runs of spaces collapse to one; a run between two CJK characters,
 * or between a CJK character and ( ) [ ] , . : ; ! ? / on its other side,
 * goes; spaces next to a TAB and at both ends go.  In place; new length.
 */
size_t goi_clean_spaces(char *s, size_t n);

/*
 * The cleaner: takes normalized lines (goi_norm) of one input after the
 * other, removes debris, splits lines where a document boundary falls
 * inside them, finds document boundaries, joins broken lines, and hands
 * each finished document to doc().  dropped() hears of everything removed.
 * The text of each line handed to doc() is followed by a NUL and by 16
 * more readable bytes (for SIMD loads, see goi_out_prefixrow).
 */
enum { GOI_CLEAN_KEEP = 1 };	/* --keep: remove nothing */
typedef struct {
	int (*doc)(void *ctx, const char *key, const goi_docline *lines,
	    size_t n);
	void (*dropped)(void *ctx, long line, const char *reason,
	    const char *text, size_t n);
	void *ctx;
} goi_clean_sink;
typedef struct goi_cleaner goi_cleaner;
/* NULL if out of memory. */
goi_cleaner *goi_cleaner_new(int flags, const goi_clean_sink *sink);
void goi_cleaner_free(goi_cleaner *c);
/*
 * A new input.  name NULL: standard input, documents keyed by their title
 * (else organ and year, else #N); otherwise keyed name, name#2 ...
 * Returns 0 or the first non-zero value of doc().
 */
int goi_cleaner_begin(goi_cleaner *c, const char *name);
/* One line (UTF-8, normalized, no LF); s is not kept. */
int goi_cleaner_line(goi_cleaner *c, long lineno, const char *s, size_t n);
/* End of the input: the last document goes out. */
int goi_cleaner_end(goi_cleaner *c);

/* The debris rules, for goi-clean(1): name and what each removes. */
typedef struct {
	const char *name;
	const char *desc;
} goi_clean_rule;
const goi_clean_rule *goi_clean_rules(int *n);

/* ---- common command-line handling --------------------------------------- */

/* Long options every tool has; the short ones are h, V, N. */
#define GOI_OPT_CSV 0x100
#define GOI_COMMON_LONGOPTS \
	{"help", no_argument, NULL, 'h'}, \
	{"version", no_argument, NULL, 'V'}, \
	{"no-header", no_argument, NULL, 'N'}, \
	{"csv", no_argument, NULL, GOI_OPT_CSV}

/* ---- section.c, docinfo.c: sections & document info (owner: goi-split) -- */

enum { GOI_SEC_FRONT, GOI_SEC_OVERVIEW, GOI_SEC_ACTIVE, GOI_SEC_REQUESTS, GOI_SEC_APPEALS,
       GOI_SEC_PROBLEMS, GOI_SEC_OTHER, GOI_SEC_END, GOI_SEC_COUNT };
const char *goi_section_key(int sec);          /* "front" ... "end" */
int goi_section_parse(const char *key);        /* -1 if unknown */
typedef struct { int section; size_t li; size_t off; } goi_secmark; /* section starts at doc->lines[li].text + off */
int goi_sections_find(const goi_doc *doc, goi_secmark *marks, int max); /* marks in document order, first is front at li 0 off 0; returns count */
typedef struct {
	char title[512]; long title_line;       /* "" / 0 when absent */
	char organ[256]; int year;               /* year 0 when unknown */
	char period[128]; long period_line;      /* 统计期限 as written */
	char period_from[11], period_to[11];     /* YYYY-MM-DD or "" */
	char published[11]; long published_line; /* 发布时间 etc. */
	char signed_date[11]; long signed_line;  /* date under the signature */
} goi_docinfo;
int goi_docinfo_read(const goi_doc *doc, goi_docinfo *info); /* 0 or <0 */
/*
 * Helpers of the two above, usable by others.  goi_fold copies s into out
 * (size bytes with the NUL) for matching: full-width ASCII to ASCII, every
 * kind of space dropped, NUL and invalid UTF-8 to U+FFFD; pos (room for
 * size entries, or NULL) maps each out byte to its offset in s.  Returns
 * the bytes written.
 */
size_t goi_fold(const char *s, size_t n, char *out, size_t size, size_t *pos);
/*
 * A date at the start of folded text: 2021年1月20日, 二〇二一年一月二十日,
 * 2021-01-05, 2021.1.5, 2021/1/5, 2021年1月 (*d = 0), 12月31日 (*y = 0).
 * Returns the bytes it spans, 0 if none.
 */
size_t goi_date_scan(const char *s, size_t n, int *y, int *m, int *d);
/* The signature under a report: organ (if any) and date, the last in it. */
typedef struct {
	size_t li, off;		/* where it starts: the organ, else the date */
	size_t date_li, date_off;
	int y, m, d;		/* d is 0 for 2021年1月 */
} goi_signature;
int goi_signature_find(const goi_doc *doc, goi_signature *sig); /* 1 or 0 */
/*
 * goi_sections_find and goi_docinfo_read with the signature found once by
 * the caller: sig from goi_signature_find, NULL when it found none.
 */
int goi_sections_find_sig(const goi_doc *doc, const goi_signature *sig,
    goi_secmark *marks, int max);
int goi_docinfo_read_sig(const goi_doc *doc, goi_docinfo *info,
    const goi_signature *sig);

/* ---- render.c: the printed-form renderer of --pretty (owner: goi-sum) --- */

/*
 * Lays out the cells of one document like the printed form: one block per
 * table (caption, header row of column labels, one line per row with its
 * label), rows and columns in schema order, values right-aligned by display
 * width (utf8proc_charwidth), empty cells blank, na as "/".  Tables the
 * schema does not know (stats, text, doc, ...) become key/value lists.
 * labels nonzero: official Chinese labels; zero: the stable keys.
 * Feed one document's cells with goi_render_cell, then goi_render_doc
 * prints them through goi_out_raw and resets.  Both return 0 or GOI_E*.
 */
typedef struct goi_render goi_render;
goi_render *goi_render_new(goi_out *o, int labels);
int goi_render_cell(goi_render *r, const goi_cellv *c);
int goi_render_doc(goi_render *r, const char *doc, int format);
void goi_render_free(goi_render *r);

/* ---- spill.c: sorted runs on disk (owners: goi-sum, goi-check) ---------- */

/*
 * An external sort that keeps memory within a budget: records (byte
 * strings ordered by cmp) stay in memory up to the budget, then go to a
 * temporary file as a sorted run; at the end the runs are merged, at most
 * about budget / 64 KB at a time.  Equal records come back in the order
 * they were added (or written).  The files are made in dir (NULL: $TMPDIR,
 * else /tmp) only when a run is written, and unlinked at once.  Errors:
 * GOI_ETMP with errno set (no space, an unwritable directory: the caller
 * names goi_spill_dir in its message), GOI_ENOMEM.  An error sticks.
 */
#define GOI_SPILL_BUDGET ((size_t)8 << 20)	/* the tools' default */
typedef int (*goi_spill_cmp)(const void *a, size_t an, const void *b,
    size_t bn, void *ctx);
typedef struct goi_spill goi_spill;
goi_spill *goi_spill_new(size_t budget, const char *dir, goi_spill_cmp cmp,
    void *ctx);
void goi_spill_free(goi_spill *s);
/* Keep a record; sorts and writes a run when the budget is reached. */
int goi_spill_add(goi_spill *s, const void *rec, size_t n);
/* Or write runs directly: records already in cmp order, then endrun. */
int goi_spill_put(goi_spill *s, const void *rec, size_t n);
int goi_spill_endrun(goi_spill *s);
/* End of the records: sort them (in memory when no run was written). */
int goi_spill_sort(goi_spill *s);
/*
 * The next record in order: 1, 0 at the end.  The record is valid until the
 * next call, or while the object lives when no run was written.
 */
int goi_spill_next(goi_spill *s, const void **rec, size_t *n);
/* Empty again, for the next set of records (the files are truncated). */
int goi_spill_reset(goi_spill *s);
/* How many runs were written so far (0: nothing touched the disk). */
size_t goi_spill_runs(const goi_spill *s);
/* The directory the files go to for dir (the -T argument or NULL). */
const char *goi_spill_dir(const char *dir);
/* A -S size like sort(1)'s: a number and b, K (the default), M, G or T. */
int goi_spill_parse_size(const char *s, size_t *out);
/* Varints for compact records (at most 10 bytes); signed ones zigzag. */
size_t goi_spill_putuv(unsigned char *p, uint64_t v);
uint64_t goi_spill_getuv(const unsigned char **pp);
size_t goi_spill_putsv(unsigned char *p, int64_t v);
int64_t goi_spill_getsv(const unsigned char **pp);

/* ---- agg.c: mergeable hash aggregation of cells (owner: goi-sum) -------- */

/*
 * Sums cells per (group, format, table, row, col) in one pass; memory grows
 * with the number of keys, not the input.  Its output is a cells stream
 * that it reads back exactly (partial sums: raw "n=N glued=N empty=N na=N
 * text=N absent=N", table doc row documents, col suffixes :mean :min :max
 * :count), so runs over parts of the input merge into the run over all of
 * it.  See goi-sum(1) for the format.
 */
enum {
	GOI_AGG_MEAN = 1,
	GOI_AGG_MIN = 2,
	GOI_AGG_MAX = 4,
	GOI_AGG_COUNT = 8,
	GOI_AGG_SUM = 16,	/* always on; accepted by -o */
	GOI_AGG_HARMONIZE = 0x100	/* sum what 2019 and 2021 share */
};
/* "sum,mean,..." to GOI_AGG_* flags; GOI_EINVAL naming the bad op in *bad. */
int goi_agg_ops_parse(const char *spec, goi_span *bad);
/*
 * Check a -g list ("year,organ"): cells columns doc year format table row
 * col, or doc facts (rows of table doc: organ title period ...).  Returns 0
 * or GOI_EINVAL with the bad key in *bad.
 */
int goi_agg_keys_check(const char *keys, goi_span *bad);

typedef struct goi_agg goi_agg;
/*
 * keys: a checked -g list or NULL (one group).  warn receives the data
 * errors (bad numbers, overflow, unknown kinds, duplicate cells) with the
 * input line; the affected sum is then never printed as a number.
 */
goi_agg *goi_agg_new(const char *keys, int flags,
    void (*warn)(void *ctx, long line, const char *msg), void *ctx);
void goi_agg_free(goi_agg *a);
/*
 * Keep the sums within about budget bytes (default GOI_SPILL_BUDGET):
 * beyond, between documents, they go to temporary files in dir as sorted
 * runs (spill.c), merged by goi_agg_write.  The output is the same.
 */
int goi_agg_spill(goi_agg *a, size_t budget, const char *dir);
/* One row of a cells stream (10 unescaped fields) and its input line. */
int goi_agg_row(goi_agg *a, const goi_span *f, long line);
/* End of one input file: its last document ends there. */
int goi_agg_endinput(goi_agg *a);
/*
 * Write the sums as cells to o, or through r (--pretty) when r != NULL.
 * A sum has no input line: its line column is its own line in the output,
 * the first row being line firstline (2 after a header, else 1).  It ends
 * the aggregation.  GOI_ETMP: a temporary file failed (errno set).
 */
int goi_agg_write(goi_agg *a, goi_out *o, goi_render *r, long firstline);

/* ---- stats.c, facts.c: old statistics table, doc and text facts (owner: facts) */

/*
 * The old 政府信息公开情况统计表 (reports up to 2018) as table `stats`: row
 * key the indicator as printed (NFKC, no spaces, no leading 其中： or
 * ordinal), col `value` (本年度) and `cumulative` (历年累计).  Returns the
 * number of cells emitted, 0 when the document has no such table, or a
 * negative GOI_E* code (including a negative return of sink->cell).
 */
int goi_stats_extract(const goi_doc *doc, const goi_sink *sink);
/*
 * Table `doc` (from info, which may be NULL, and from the sections found)
 * and table `text` (figures the prose quotes); keys in lib/facts.c and
 * goi-table(1).  format is the GOI_FMT_* of the document.  Returns the
 * number of cells emitted or a negative GOI_E* code.
 */
int goi_facts_extract(const goi_doc *doc, const goi_docinfo *info, int format,
    const goi_sink *sink);

/*
 * A document's text after NFKC, as code points; the lines are joined by
 * '\n' (each line's own, at its end), invalid UTF-8 and NUL become U+FFFD.
 * goi_utext_line tells the input line of a code point.  Shared by stats.c
 * and facts.c.
 */
typedef struct goi_utext {
	int32_t *cp;
	size_t n;
	size_t *lstart;		/* line k starts at cp[lstart[k]] */
	long *lline;		/* and is input line lline[k] */
	unsigned char *lflags;	/* what it holds: GOI_UL_* */
	size_t nl;
	size_t cpcap, lcap;	/* allocated */
} goi_utext;
/*
 * A line holds a TAB or |, a digit or 未 or 没, an LF of its own, 指 or 统;
 * SAME: the line is its own NFKC, its code points are those of its bytes
 * one for one (each the shortest UTF-8 form, no NUL).
 */
enum { GOI_UL_CELL = 1, GOI_UL_FIGURE = 2, GOI_UL_LF = 4, GOI_UL_STATS = 8,
	GOI_UL_SAME = 16 };
int goi_utext_build(goi_utext *u, const goi_doc *doc);	/* 0 or GOI_E* */
void goi_utext_free(goi_utext *u);
long goi_utext_line(const goi_utext *u, size_t pos);
/*
 * Match lit (UTF-8, NFKC) at pos, ignoring white space in the text between
 * its characters; the end of the match, or (size_t)-1.
 */
size_t goi_utext_match(const goi_utext *u, size_t pos, size_t end,
    const char *lit);
/* First match of lit in [from, end): its start (end in *mend), or -1. */
size_t goi_utext_find(const goi_utext *u, size_t from, size_t end,
    const char *lit, size_t *mend);
/* [from, to) as UTF-8 into buf (NUL-terminated, truncated); spaces dropped
 * when nospace.  Returns the length. */
size_t goi_utext_utf8(const goi_utext *u, size_t from, size_t to, int nospace,
    char *buf, size_t size);

/*
 * What the extractors read of one document, found once and shared: its
 * document info, sections and NFKC text (the signature looked for once).
 * Zero it before the first goi_docscan_read; the buffers are kept from
 * document to document until goi_docscan_free.  The _scan extractors are
 * goi_facts_extract and goi_stats_extract on what it holds.
 */
typedef struct {
	const goi_doc *doc;
	goi_docinfo info;
	goi_secmark marks[GOI_SEC_COUNT + 1];
	int nmarks;
	goi_utext u;
} goi_docscan;
int goi_docscan_read(goi_docscan *s, const goi_doc *doc);	/* 0 or GOI_E* */
void goi_docscan_free(goi_docscan *s);
int goi_facts_extract_scan(const goi_docscan *s, int format,
    const goi_sink *sink);
int goi_stats_extract_scan(const goi_docscan *s, const goi_sink *sink);

/* ---- glued.c: readings of a glued run of digits (owner: glued) ---------- */

/*
 * A row whose separators were lost ("640020470", "230 000023", "2648-18538")
 * holds ncells numbers in printed order.  A problem says what is known about
 * them; goi_glued_solve enumerates every reading of the run as exactly
 * ncells numbers that satisfies all of it.
 *
 * Identities: sum(coef[i] * v[i]) + constant == 0 (op GOI_GLUED_EQ, the
 * zero value) or >= 0 (GOI_GLUED_GE: e.g. cumulative - value >= 0).  A row
 * total is total - sum(parts) == 0, see goi_glued_sum.  has_known[i] pins
 * cell i to known[i] (a figure the prose states).  signed_ok[i]: a '-' right
 * before the cell's digits may be its sign.  maxdigits bounds the integer
 * digits of one number (0 = 9, at most 15).  scale > 0 admits decimals with
 * up to scale places (a '.' must then sit inside a number); every value,
 * known and constant is then in units of 10^-scale (735.5 at scale 2 is
 * 73550).  budget bounds the search steps (0 = 1000000).
 *
 * The run: digits and the separators that survived.  Whitespace (space,
 * TAB, U+00A0, U+3000) and '|' are certain boundaries; '-' is a boundary
 * or, before a signed_ok cell, its sign; ',' is a boundary or a thousands
 * separator (then the number is grouped d{1,3}(,ddd)+ throughout).
 * Separators before the first or after the last digit are ignored (a '-'
 * there may be the first cell's sign).  A number has no leading zero
 * except a lone 0, and "-0" is not a number.
 */
#define GOI_GLUED_MAXCELLS 32
#define GOI_GLUED_MAXIDENT 16
enum { GOI_GLUED_EQ = 0, GOI_GLUED_GE = 1 };

typedef struct {
	int ncells;
	int nident;
	struct {
		signed char coef[GOI_GLUED_MAXCELLS];
		int op;		/* GOI_GLUED_EQ or GOI_GLUED_GE */
		long long constant;
	} ident[GOI_GLUED_MAXIDENT];
	unsigned char has_known[GOI_GLUED_MAXCELLS];
	long long known[GOI_GLUED_MAXCELLS];
	unsigned char signed_ok[GOI_GLUED_MAXCELLS];
	int maxdigits;
	int scale;		/* 0..6 */
	long budget;
} goi_glued_problem;

/* Zero p and set ncells. */
void goi_glued_init(goi_glued_problem *p, int ncells);
/*
 * Add the identity v[total] == v[first] + ... + v[first + n - 1]; returns
 * its index, or GOI_ERANGE (table full) / GOI_EINVAL (cells out of range).
 */
int goi_glued_sum(goi_glued_problem *p, int total, int first, int n);
/*
 * Store up to max readings (ncells values each, in printed order) in out;
 * return the number of readings (which may exceed max: 1 means settled,
 * 0 that nothing fits; it saturates at LONG_MAX), GOI_EINVAL (bad problem,
 * no digit, a character that is no separator, a point that is not between
 * two digits) or GOI_ERANGE (the budget ran out: too ambiguous to tell).
 * No reading that satisfies the problem is ever left out of the count.
 * Readings come in a fixed order: shorter first, left to right.
 */
long goi_glued_solve(const char *run, size_t n, const goi_glued_problem *p,
    long long *out, long max);
/*
 * The same over several runs that together hold the ncells numbers in
 * order (a row split by labels or TABs, or several rows solved jointly so
 * that column identities apply).  cells NULL: runs only add certain
 * boundaries; else cells[r] is the number of cells of run r (they sum to
 * ncells).
 */
long goi_glued_solve_runs(const goi_span *runs, const int *cells, int nruns,
    const goi_glued_problem *p, long long *out, long max);
/* "23 0 0 0 0 0 23" (values at p->scale), for warnings; returns strlen. */
size_t goi_glued_format(const goi_glued_problem *p, const long long *v,
    char *buf, size_t size);

/* ---- rules.c, check.c: the consistency rules (owner: goi-check) --------- */

/*
 * The rules are data (rules.c); check.c evaluates them over the cells of
 * one document at a time and, at the end, across the documents of one
 * organ.  goi-check(1) documents each rule.
 */
enum { GOI_SEV_FAIL = 1, GOI_SEV_WARN = 2 };
enum { GOI_RULE_IDENT, GOI_RULE_RANGE, GOI_RULE_STATS, GOI_RULE_CROSS,
	GOI_RULE_DOC };
/* How an identity compares its sides: lhs is printed, rhs is expected. */
enum {
	GOI_OP_EQ,	/* lhs == rhs */
	GOI_OP_LE,	/* lhs <= rhs */
	GOI_OP_PARTS	/* lhs == rhs; rhs < lhs only warns (parts may be
			   partial), rhs > lhs is the rule's severity */
};
enum { GOI_EACH_NONE, GOI_EACH_COL, GOI_EACH_ROW };
enum { GOI_OPT_LHS = 1, GOI_OPT_ANY = 2 };

/*
 * An identity, repeated for each key of `each` (GOI_EACH_COL: each names
 * columns and the terms name rows; GOI_EACH_ROW: the other way round).
 * each NULL: every row (column) of the table in the document's format as
 * goi_schema_tables() lists it, or for tables the schema does not know the
 * keys present in the document, in order.  GOI_EACH_NONE: one instance, the
 * terms are full addresses.
 *
 * A term is [-][<]KEY: '-' subtracts it, '<' takes the cell from last
 * year's report of the same organ (GOI_RULE_CROSS).  KEY is a row (column)
 * key, or table/row/col.  A row ending in '*' sums every row of that prefix
 * present; a row "~a|b" is the first row whose key contains a or b.
 * optional GOI_OPT_LHS: without the first lhs cell the instance does not
 * apply; GOI_OPT_ANY: without any cell it does not apply (else: na).
 */
typedef struct {
	const char *table;
	int axis;
	int formats;		/* GOI_FMT_* mask */
	const char *const *each;
	const char *const *lhs;	/* NULL ends an array of identities */
	const char *const *rhs;
	int op;
	int optional;
	const char *lhs_name, *rhs_name;	/* for messages */
} goi_ident;

/* Every cell of the tables must be: */
enum { GOI_RANGE_COUNT, GOI_RANGE_SIGNED, GOI_RANGE_AMOUNT };
typedef struct {
	const char *table;	/* "art20_*": every table of that prefix;
				   NULL ends an array */
	const char *const *cols;	/* NULL: every column */
	int kind;	/* COUNT integer >= 0, SIGNED integer, AMOUNT >= 0 */
} goi_range;

/*
 * A relation in the old statistics table, whose row keys vary: patterns
 * are '|'-separated alternatives matched against the row key, as a
 * substring or, after '^', as a prefix.  The children of a parent row are
 * the rows after it matching `children`, up to a row matching `stop` or
 * the parent again.  GOI_OP_EQ: parent = sum of the children; GOI_OP_LE:
 * each child <= parent (a 其中 row).
 */
typedef struct {
	const char *name;	/* NULL ends an array */
	const char *parent, *children, *stop;
	int op;
} goi_statrel;

/* Reporting deadlines (SPEC section 1) by report year and organ level. */
enum { GOI_ORGAN_GOV = 1, GOI_ORGAN_DEPT = 2, GOI_ORGAN_TOWN = 4 };
typedef struct {
	const char *pattern;	/* as goi_statrel; NULL ends an array */
	int level;
} goi_organ_level;
typedef struct {
	int from, to;		/* report years; from 0 ends an array */
	int levels;		/* GOI_ORGAN_* mask */
	const char *date;	/* "MM-DD" of the next year */
} goi_deadline;

/* The checks on the document itself (GOI_RULE_DOC). */
enum { GOI_DOC_PERIOD, GOI_DOC_DEADLINE, GOI_DOC_PARTS, GOI_DOC_PROBLEMS,
	GOI_DOC_TABLES };

typedef struct {
	const char *id;		/* stable: "requests.balance" */
	int severity;
	int type;
	const char *desc;	/* one line, for --list */
	const goi_ident *ident;	/* IDENT, CROSS */
	const goi_range *range;	/* RANGE */
	const goi_statrel *stats;	/* STATS */
	int doc;		/* DOC: GOI_DOC_* */
	int min_year;		/* DOC: applies to reports of this year on */
	const char *arg;	/* DOC: parts required, minimum characters */
	const goi_organ_level *levels;	/* DEADLINE */
	const goi_deadline *deadlines;	/* DEADLINE */
} goi_rule;

const goi_rule *goi_rules(int *n);
/* Index of the rule, -1 if unknown. */
int goi_rule_find(const char *id);

/* One finding of the findings stream; NULL strings print empty. */
typedef struct {
	const char *doc, *rule, *status, *table, *row, *col;
	const char *expected, *actual, *message;
	long line;		/* 0: unknown */
} goi_finding;

typedef struct {
	long docs, evaluated, passed, failed, warnings, na;
} goi_check_counts;

/*
 * The checker.  enabled[i] selects rule i (NULL: all).  Findings go to
 * emit (passes only with GOI_CHECK_PASSES); a negative return of emit
 * stops the checker and is returned by the call that caused it.
 */
#define GOI_CHECK_PASSES 1
typedef struct goi_check goi_check;
goi_check *goi_check_new(const unsigned char *enabled, int flags,
    int (*emit)(void *ctx, const goi_finding *f), void *ctx);
void goi_check_free(goi_check *c);
/*
 * One row of the cells stream.  A row whose doc differs from the previous
 * one ends that document, whose findings are then emitted.  Returns 0,
 * GOI_ERANGE or GOI_EINVAL when a num/glued value is out of range or not a
 * number (the cell is kept, as not assessable), or a negative code.
 */
int goi_check_cell(goi_check *c, const char *doc, const char *year,
    const char *format, const goi_cellv *cell);
/* End of input: the last document, then the rules across documents. */
int goi_check_finish(goi_check *c);
/*
 * Keep the records of the rules across documents within about budget
 * bytes (default GOI_SPILL_BUDGET): beyond, they go to temporary files in
 * dir as sorted runs (spill.c).  The findings are the same.  GOI_ETMP from
 * goi_check_cell or goi_check_finish: a temporary file failed (errno set).
 */
int goi_check_spill(goi_check *c, size_t budget, const char *dir);
void goi_check_getcounts(const goi_check *c, goi_check_counts *n);

#endif /* GOI_H */
