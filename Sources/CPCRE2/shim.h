#ifndef CXRLABEL_CPCRE2_SHIM_H
#define CXRLABEL_CPCRE2_SHIM_H
// 8-bit PCRE2. The width must be fixed before pcre2.h is included; the
// function names below are macros in pcre2.h, which Swift cannot import.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

static inline pcre2_code_8 *_Nullable cxr_pcre2_compile(
    const unsigned char *_Nonnull pattern, size_t length, uint32_t options,
    int *_Nonnull errorcode, size_t *_Nonnull erroroffset) {
  return pcre2_compile_8(pattern, length, options, errorcode, erroroffset, NULL);
}
static inline int cxr_pcre2_jit_compile(pcre2_code_8 *_Nonnull code) {
  return pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE);
}
static inline void cxr_pcre2_code_free(pcre2_code_8 *_Nonnull code) { pcre2_code_free_8(code); }
static inline pcre2_match_data_8 *_Nullable cxr_pcre2_match_data_create(uint32_t pairs) {
  return pcre2_match_data_create_8(pairs, NULL);
}
static inline void cxr_pcre2_match_data_free(pcre2_match_data_8 *_Nonnull data) {
  pcre2_match_data_free_8(data);
}
static inline int cxr_pcre2_match(
    const pcre2_code_8 *_Nonnull code, const unsigned char *_Nonnull subject, size_t length,
    size_t start, uint32_t options, pcre2_match_data_8 *_Nonnull data) {
  return pcre2_match_8(code, subject, length, start, options, data, NULL);
}
static inline size_t *_Nonnull cxr_pcre2_ovector(pcre2_match_data_8 *_Nonnull data) {
  return pcre2_get_ovector_pointer_8(data);
}
static inline int cxr_pcre2_error_message(int code, unsigned char *_Nonnull buffer, size_t size) {
  return pcre2_get_error_message_8(code, buffer, size);
}
static inline uint32_t cxr_pcre2_caseless(void) { return PCRE2_CASELESS; }
static inline uint32_t cxr_pcre2_multiline(void) { return PCRE2_MULTILINE; }
static inline uint32_t cxr_pcre2_utf(void) { return PCRE2_UTF; }
static inline uint32_t cxr_pcre2_match_invalid_utf(void) { return PCRE2_MATCH_INVALID_UTF; }
#endif
