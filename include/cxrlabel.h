/*
 * cxrlabel.h: the C interface of libcxrlabel (the CXRLabelC product), the one interface the Python package uses.
 *
 * One convention for every call that can fail: it returns a status (CXRLABEL_OK, or one of the errors below) and
 * gives its result through its last-but-one pointer argument; on failure a returned pointer is left NULL (the cells
 * of cxrlabel_label, the caller's buffer, are then not all written) and, when `error` is not NULL, a UTF-8 message
 * saying what went wrong and what to do is stored there (free it with cxrlabel_free_string). Strings returned are UTF-8, allocated with malloc: free them with cxrlabel_free_string.
 *
 * Every function is safe to call from any thread; a labeler may be used by several threads at once. The Swift
 * implementation (Sources/CXRLabelC/CInterface.swift) is checked against this header by a test that calls every
 * function through it, a C program that calls every function is compiled against it, and the Python bindings
 * (python/src/cxrlabel/_native.py) are checked against it by a test that reads it.
 */
#ifndef CXRLABEL_H
#define CXRLABEL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Statuses. */
/* The call succeeded. */
#define CXRLABEL_OK 0
/* An argument is wrong: a NULL labeler or buffer, bad offsets, an unknown name or mode. */
#define CXRLABEL_INVALID_ARGUMENT 1
/* A file named by an argument is missing or invalid (the message names the file and line). */
#define CXRLABEL_INVALID_FILE 2

/* cxrlabel_create flags. */
/* A study with no text to label gets No Finding 1, as the original labelers label it (otherwise its row is blank). */
#define CXRLABEL_EMPTY_AS_NORMAL 1
/* Each text is a whole MIMIC-CXR report file, whose section is chosen first (impression, else findings, ...). */
#define CXRLABEL_REPORT_FILES 2
/* Add cxrlabel's amendments (--amend) to the labeler's rules and phrases. */
#define CXRLABEL_AMEND 4

/* cxrlabel_label's `jobs` for one thread per core. */
#define CXRLABEL_EVERY_CORE 0

/* cxrlabel_score modes: the scoring convention (cxrlabel score --convention) and how it counts -1. */
/* cxrlabel's default convention, -1 counted negative. */
#define CXRLABEL_SCORE_DEFAULT_UNCERTAIN_NEGATIVE 0
/* cxrlabel's default convention, -1 counted positive. */
#define CXRLABEL_SCORE_DEFAULT_UNCERTAIN_POSITIVE 1
/* R2Gen's compute_ce.py (-1 negative). */
#define CXRLABEL_SCORE_R2GEN 2
/* WCL's calculate_metric.py (-1 positive). */
#define CXRLABEL_SCORE_WCL 3
/* f1chexbert / RadEval (-1 positive). */
#define CXRLABEL_SCORE_CHEXBERT 4

/* A labeler, made by cxrlabel_create and freed by cxrlabel_destroy. */
typedef struct cxrlabel_labeler cxrlabel_labeler;

/* The library's version ("0.2.0"), in *version. */
int32_t cxrlabel_version(char **version, char **error);

/* The 14 observations, one name per line in MIMIC-CXR-JPG's column order, in *names. */
int32_t cxrlabel_observations(char **names, char **error);

/*
 * A labeler in *labeler: "chexpert" or "negbio" (NULL: "chexpert"), with `flags` (above), an optional vocabulary file in cxrlabel's
 * format (`phrases`, or NULL) and rule file in its notation (`rules`, or NULL).
 */
int32_t cxrlabel_create(const char *name, int32_t flags, const char *phrases, const char *rules,
                        cxrlabel_labeler **labeler, char **error);

/* Frees a labeler (NULL is ignored). */
void cxrlabel_destroy(cxrlabel_labeler *labeler);

/* The labeler's columns in *names, one per line: the 14 observations in MIMIC-CXR-JPG order, then any a vocabulary adds. */
int32_t cxrlabel_columns(const cxrlabel_labeler *labeler, char **names, char **error);

/*
 * Labels `count` texts, packed back to back in `texts` (UTF-8; text i is bytes offsets[i] to offsets[i + 1]), with
 * optional study ids packed the same way (`ids` and `id_offsets`, or NULL), on `jobs` threads (CXRLABEL_EVERY_CORE).
 * Writes count x columns cells to `cells`, row by row: 1, 0, -1, or `blank` where the report does not mention the
 * observation.
 */
int32_t cxrlabel_label(const cxrlabel_labeler *labeler, const uint8_t *texts, const int64_t *offsets,
                       const uint8_t *ids, const int64_t *id_offsets, int64_t count, int32_t jobs, int8_t blank,
                       int8_t *cells, char **error);

/* One text's explanation as JSON in *json (labels, clean text, sentences with their parses, mentions with their rules). */
int32_t cxrlabel_explain(const cxrlabel_labeler *labeler, const uint8_t *text, int64_t length, const uint8_t *id,
                         int64_t id_length, char **json, char **error);

/*
 * The clinical-efficacy scores of two label matrices (rows x columns cells, row by row: 1, 0, -1, anything else
 * blank) whose column names `names` gives one per line, as JSON in *json; `mode` is one of the CXRLABEL_SCORE_*
 * modes above.
 */
int32_t cxrlabel_score(const int8_t *truth, const int8_t *predictions, int64_t rows, int32_t columns,
                       const char *names, int32_t mode, char **json, char **error);

/* Frees a string this library returned (NULL is ignored). */
void cxrlabel_free_string(char *string);

#ifdef __cplusplus
}
#endif

#endif /* CXRLABEL_H */
