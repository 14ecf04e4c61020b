#ifndef CXRLABEL_CZLIB_SHIM_H
#define CXRLABEL_CZLIB_SHIM_H
// zlib's gz* file functions, as they are; this header only lets Swift import them.
#include <zlib.h>
#endif
