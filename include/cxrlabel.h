/*
 * cxrlabel.h: the C interface of libcxrlabel (the CXRLabelC product), the one interface the Python package uses.
 *
 * Every function is safe to call from any thread; a labeler handle may be used by several threads at once.
 * Strings returned are UTF-8, allocated with malloc: free them with cxrlabel_free_string. A function that can
 * fail returns NULL (or a nonzero status) and, where it takes `error`, stores a message there for the caller to
 * read and free. The Swift implementation (Sources/CXRLabelC/CInterface.swift) is checked against this header by
 * a test that calls every function through it, and the Python bindings (python/cxrlabel/_native.py) by a test that
 * reads it.
 */
#ifndef CXRLABEL_H
#define CXRLABEL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* cxrlabel_create flags. */
/* A study with no text to label gets No Finding 1, as the original labelers label it (otherwise its row is blank). */
#define CXRLABEL_EMPTY_AS_NORMAL 1
/* Each text is a whole MIMIC-CXR report file, whose section is chosen first (impression, else findings, ...). */
#define CXRLABEL_REPORT_FILES 2
/* Add cxrlabel's amendments (--amend) to the labeler's rules and phrases. */
#define CXRLABEL_AMEND 4

/*
 * A labeler: "chexpert" or "negbio", with `flags` (above), an optional vocabulary file in cxrlabel's format
 * (`phrases`, or NULL) and rule file in its notation (`rules`, or NULL). Returns NULL on failure, with a message in
 * *error.
 */
void *cxrlabel_create(const char *labeler, int32_t flags, const char *phrases, const char *rules, char **error);

/* Frees a labeler (NULL is ignored). */
void cxrlabel_destroy(void *labeler);

/* The labeler's columns, one name per line: the 14 observations in MIMIC-CXR-JPG order, then any a vocabulary adds. */
char *cxrlabel_columns(void *labeler);

/*
 * Labels `count` texts, packed back to back in `texts` (UTF-8; text i is bytes offsets[i] to offsets[i + 1]), with
 * optional study ids packed the same way (`ids` and `id_offsets`, or NULL), on `jobs` threads (0: every core).
 * Writes count x columns cells to `out`, row by row: 1, 0, -1, or `blank` where the report does not mention the
 * observation. Returns 0, or -1 for bad offsets.
 */
int32_t cxrlabel_label(void *labeler, const uint8_t *texts, const int64_t *offsets, const uint8_t *ids,
                       const int64_t *id_offsets, int64_t count, int32_t jobs, int8_t blank, int8_t *out);

/* One text's explanation as JSON (labels, clean text, sentences with their parses, mentions with their rules). */
char *cxrlabel_explain(void *labeler, const uint8_t *text, int64_t length, const uint8_t *id, int64_t id_length);

/*
 * The clinical-efficacy scores of two label matrices (rows x columns cells, row by row: 1, 0, -1, anything else
 * blank) whose column names `names` gives one per line, as JSON; `mode` 0 counts -1 negative, 1 positive, 2-4 are
 * the r2gen, wcl and chexbert conventions. Returns NULL on failure, with a message in *error.
 */
char *cxrlabel_score(const int8_t *truth, const int8_t *predictions, int64_t rows, int32_t columns, const char *names,
                     int32_t mode, char **error);

/* Frees a string this library returned (NULL is ignored). */
void cxrlabel_free_string(char *string);

#ifdef __cplusplus
}
#endif

#endif /* CXRLABEL_H */
