/*
 * stats.c - the old statistics table (政府信息公开情况统计表).
 */
#include "goi.h"

int
goi_stats_extract(const goi_doc *doc, const goi_sink *sink)
{
	(void)doc;
	(void)sink;
	return 0;
}
