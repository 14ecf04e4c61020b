#ifndef CXRLABEL_CZLIB_SHIM_H
#define CXRLABEL_CZLIB_SHIM_H
// deflateInit2/inflateInit2 are macros in zlib.h; Swift needs functions.
#include <zlib.h>

static inline int cxr_deflate_init_gzip(z_stream *_Nonnull stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int cxr_inflate_init_gzip(z_stream *_Nonnull stream) {
  return inflateInit2(stream, 15 + 32);
}
#endif
