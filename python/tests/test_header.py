"""include/cxrlabel.h, the C interface's header: the ctypes declarations in cxrlabel/_native.py match it, and a C
program compiled against it calls every function of the installed library."""

import ctypes
import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import cxrlabel
from cxrlabel import _native
from cxrlabel._score import score_arrays

FUNCTIONS = {
    "cxrlabel_version", "cxrlabel_observations", "cxrlabel_create", "cxrlabel_destroy", "cxrlabel_columns",
    "cxrlabel_label", "cxrlabel_explain", "cxrlabel_score", "cxrlabel_free_string",
}

# The ctypes types each C type may be bound as: buffers are passed as bytes (c_char_p) or addresses (c_void_p),
# returned strings as addresses, so that they can be freed, and a labeler as an opaque address.
ALLOWED = {
    "const char *": {ctypes.c_char_p},
    "char **": {_native._char_pp},
    "cxrlabel_labeler **": {_native._labeler_pp},
    "cxrlabel_labeler *": {ctypes.c_void_p},
    "const cxrlabel_labeler *": {ctypes.c_void_p},
    "const uint8_t *": {ctypes.c_char_p, ctypes.c_void_p},
    "const int64_t *": {ctypes.c_void_p},
    "const int8_t *": {ctypes.c_void_p},
    "int8_t *": {ctypes.c_void_p},
    "char *": {ctypes.c_void_p},
    "int8_t": {ctypes.c_int8},
    "int32_t": {ctypes.c_int32},
    "int64_t": {ctypes.c_int64},
}
RETURNS = {"int32_t": ctypes.c_int32, "void": None}


@pytest.fixture(scope="module")
def header(root):
    """The header's text."""
    return (root / "include" / "cxrlabel.h").read_text()


def c_type(declaration, named=True):
    """A declaration's C type, spaced one way: "const char *labeler" -> "const char *", "char **error" -> "char **"."""
    words = declaration.replace("*", " * ").split()
    stars = words.count("*")
    base = [word for word in words if word != "*"]
    if named:
        base = base[:-1]  # the parameter's name
    return " ".join(base) + (" " + "*" * stars if stars else "")


def declarations(header):
    """Each function of the header: name -> (return type, parameter types)."""
    text = re.sub(r"/\*.*?\*/", "", header, flags=re.S)
    found = {}
    for match in re.finditer(r"^([A-Za-z0-9_ *]+?)\b(cxrlabel_\w+)\(([^)]*)\);", text, flags=re.M | re.S):
        returns = c_type(match.group(1), named=False)
        found[match.group(2)] = (returns, [c_type(parameter) for parameter in match.group(3).split(",")])
    return found


def defines(header):
    """The header's #define CXRLABEL_NAME value lines: name (without CXRLABEL_) -> int."""
    return {name: int(value) for name, value in re.findall(r"^#define CXRLABEL_(\w+) (\d+)$", header, flags=re.M)}


def test_the_header_declares_every_function_the_bindings_use(header):
    names = set(declarations(header))
    bound = {name for name in dir(_native.lib) if name.startswith("cxrlabel_")}
    assert names == FUNCTIONS
    assert bound == names, "every function of the header has its ctypes declaration"


def test_each_binding_matches_the_header(header):
    mismatches = []
    for name, (returns, parameters) in sorted(declarations(header).items()):
        function = getattr(_native.lib, name)
        if function.restype != RETURNS[returns]:
            mismatches.append(f"{name} returns {returns}, bound as {function.restype}")
        if len(function.argtypes) != len(parameters):
            mismatches.append(f"{name} takes {len(parameters)} arguments, bound with {len(function.argtypes)}")
            continue
        for position, (kind, bound) in enumerate(zip(parameters, function.argtypes)):
            if bound not in ALLOWED[kind]:
                mismatches.append(f"{name} argument {position}: {kind} bound as {bound}")
    assert not mismatches


def test_every_fallible_call_returns_a_status_and_ends_with_its_error(header):
    found = declarations(header)
    for name, (returns, parameters) in found.items():
        if name in ("cxrlabel_destroy", "cxrlabel_free_string"):
            assert returns == "void" and len(parameters) == 1, name
            continue
        assert returns == "int32_t", name
        assert parameters[-1] == "char **", f"{name}: its last parameter is `char **error`"
        # Its result through a pointer: a string, a labeler, or (cxrlabel_label) the caller's cells.
        assert parameters[-2] in ("char **", "cxrlabel_labeler **", "int8_t *"), f"{name}: no out-pointer"
    assert "typedef struct cxrlabel_labeler cxrlabel_labeler;" in header, "the labeler is an opaque type"
    for name in ("cxrlabel_columns", "cxrlabel_label", "cxrlabel_explain"):
        assert found[name][1][0] == "const cxrlabel_labeler *", name
    assert found["cxrlabel_destroy"][1] == ["cxrlabel_labeler *"]


def test_the_statuses_and_flags_match_the_header(header):
    values = defines(header)
    assert values == {"OK": 0, "INVALID_ARGUMENT": 1, "INVALID_FILE": 2, "EMPTY_AS_NORMAL": 1, "REPORT_FILES": 2,
                      "AMEND": 4, "EVERY_CORE": 0, "SCORE_DEFAULT_UNCERTAIN_NEGATIVE": 0,
                      "SCORE_DEFAULT_UNCERTAIN_POSITIVE": 1, "SCORE_R2GEN": 2, "SCORE_WCL": 3, "SCORE_CHEXBERT": 4}
    for name, value in values.items():
        assert getattr(_native, name) == value, name


def test_a_failing_call_raises_the_librarys_message():
    with pytest.raises(ValueError, match="Unknown labeler \"chexbert\""):
        _native.call(_native.lib.cxrlabel_create, b"chexbert", 0, None, None, ctypes.byref(ctypes.c_void_p()))
    with pytest.raises(ValueError, match="no-such-file.rules"):
        cxrlabel.Labeler(rules="/no-such-file.rules")
    with pytest.raises(ValueError, match="scores need all 14 observations"):
        score_arrays(np.zeros((1, 13)), np.zeros((1, 13)), cxrlabel.OBSERVATIONS[:13])

    def unknown_status(*arguments):
        return 7

    with pytest.raises(RuntimeError, match="failed with status 7"):
        _native.call(unknown_status)


# Calls every function of the header, checking each status, and prints what it got: one line per result.
PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxrlabel.h"

/* Fails the program unless `status` is `expected` (printing the library's message if any). */
static void expect(int32_t status, int32_t expected, char *error, const char *what) {
    if (status != expected) {
        fprintf(stderr, "%s: status %d, expected %d: %s\n", what, (int)status, (int)expected,
                error ? error : "(no message)");
        exit(1);
    }
}

/* Prints a result on one line, after its name: its newlines as '|' (lists) and a last newline dropped (JSON). */
static void show(const char *name, char *text) {
    size_t length = strlen(text);
    if (length > 0 && text[length - 1] == '\n') text[length - 1] = '\0';
    for (char *c = text; *c; c++) if (*c == '\n') *c = '|';
    printf("%s %s\n", name, text);
}

int main(void) {
    char *error = NULL;
    char *text = NULL;

    expect(cxrlabel_version(&text, &error), CXRLABEL_OK, error, "cxrlabel_version");
    show("version", text);
    cxrlabel_free_string(text);

    expect(cxrlabel_observations(&text, &error), CXRLABEL_OK, error, "cxrlabel_observations");
    show("observations", text);
    cxrlabel_free_string(text);

    cxrlabel_labeler *labeler = NULL;
    int32_t status = cxrlabel_create("chexbert", 0, NULL, NULL, &labeler, &error);
    expect(status, CXRLABEL_INVALID_ARGUMENT, error, "cxrlabel_create with a bad name");
    printf("bad-name %d %s %s\n", (int)status, labeler == NULL ? "NULL" : "set", error);
    cxrlabel_free_string(error);
    error = NULL;

    expect(cxrlabel_create("chexpert", CXRLABEL_EMPTY_AS_NORMAL, NULL, NULL, &labeler, &error), CXRLABEL_OK, error,
           "cxrlabel_create");
    expect(cxrlabel_columns(labeler, &text, &error), CXRLABEL_OK, error, "cxrlabel_columns");
    int columns = 1;
    for (const char *c = text; *c; c++) columns += *c == '\n';
    char *names = malloc(strlen(text) + 1);
    strcpy(names, text);
    show("columns", text);
    cxrlabel_free_string(text);

    const char *texts = "No pneumothorax. Mild cardiomegaly.Possible edema.";
    const int64_t offsets[] = {0, 35, 50};
    const char *ids = "s1s2";
    const int64_t id_offsets[] = {0, 2, 4};
    int8_t *cells = malloc(2 * (size_t)columns);
    expect(cxrlabel_label(labeler, (const uint8_t *)texts, offsets, (const uint8_t *)ids, id_offsets, 2, 1, -2, cells,
                          &error), CXRLABEL_OK, error, "cxrlabel_label");
    for (int row = 0; row < 2; row++) {
        printf("row%d", row);
        for (int column = 0; column < columns; column++) printf(" %d", cells[row * columns + column]);
        printf("\n");
    }
    status = cxrlabel_label(NULL, (const uint8_t *)texts, offsets, NULL, NULL, 2, 1, -2, cells, &error);
    expect(status, CXRLABEL_INVALID_ARGUMENT, error, "cxrlabel_label without a labeler");
    printf("no-labeler %d %s\n", (int)status, error);
    cxrlabel_free_string(error);
    error = NULL;

    expect(cxrlabel_explain(labeler, (const uint8_t *)texts, 16, (const uint8_t *)"s1", 2, &text, &error), CXRLABEL_OK,
           error, "cxrlabel_explain");
    show("explain", text);
    cxrlabel_free_string(text);

    /* The second text's labels scored against the first's (the truth). */
    expect(cxrlabel_score(cells, cells + columns, 1, columns, names, 0, &text, &error), CXRLABEL_OK, error,
           "cxrlabel_score");
    show("score", text);
    cxrlabel_free_string(text);
    status = cxrlabel_score(cells, cells + columns, 1, columns, names, 9, &text, &error);
    expect(status, CXRLABEL_INVALID_ARGUMENT, error, "cxrlabel_score with a bad mode");
    printf("bad-mode %d %s %s\n", (int)status, text == NULL ? "NULL" : "set", error);
    cxrlabel_free_string(error);

    cxrlabel_free_string(NULL);
    cxrlabel_destroy(labeler);
    cxrlabel_destroy(NULL);
    free(cells);
    free(names);
    printf("done\n");
    return 0;
}
"""


def test_a_c_program_compiled_against_the_header_calls_every_function(root, tmp_path):
    compiler = shutil.which("cc")
    if compiler is None:
        pytest.skip("no C compiler (cc) to compile a program against the header")
    source = tmp_path / "every_call.c"
    source.write_text(PROGRAM)
    assert set(re.findall(r"\b(cxrlabel_[a-z_]+)\(", PROGRAM)) == FUNCTIONS, "the program calls every function"
    library = Path(_native._PATH).resolve()
    program = tmp_path / "every_call"
    compiled = subprocess.run(
        [compiler, "-std=c99", "-Wall", "-Wextra", "-Werror", "-I", root / "include", "-o", program, source,
         "-L", library.parent, f"-l:{library.name}", f"-Wl,-rpath,{library.parent}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert compiled.returncode == 0, compiled.stdout
    run = subprocess.run([program], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert run.returncode == 0, run.stderr
    lines = dict(line.split(" ", 1) for line in run.stdout.splitlines() if " " in line)
    assert run.stdout.splitlines()[-1] == "done"

    assert lines["version"] == cxrlabel.__version__
    assert tuple(lines["observations"].split("|")) == cxrlabel.OBSERVATIONS
    assert lines["bad-name"].startswith("1 NULL ") and "chexbert" in lines["bad-name"]
    assert lines["columns"].split("|") == list(cxrlabel.OBSERVATIONS)

    labeler = cxrlabel.Labeler(empty_as_normal=True)
    texts = ["No pneumothorax. Mild cardiomegaly.", "Possible edema."]
    rows = np.array([[int(cell) for cell in lines[f"row{row}"].split()] for row in range(2)], dtype=np.int8)
    np.testing.assert_array_equal(rows, labeler.label_array(texts, ids=["s1", "s2"]))
    assert rows[0, cxrlabel.OBSERVATIONS.index("Pneumothorax")] == 0
    assert rows[0, cxrlabel.OBSERVATIONS.index("Cardiomegaly")] == 1
    assert rows[1, cxrlabel.OBSERVATIONS.index("Edema")] == -1
    assert lines["no-labeler"].startswith("1 ")

    explanation = json.loads(lines["explain"])
    assert [m["observation"] for m in explanation["mentions"]] == ["Pneumothorax"]
    assert explanation["mentions"][0]["result"] == "negation"
    assert [m["observation"] for m in labeler.explain("No pneumothorax.", id="s1")] == ["Pneumothorax"]

    assert json.loads(lines["score"]) == score_arrays(rows[:1], rows[1:], labeler.columns)
    assert lines["bad-mode"].startswith("1 NULL ") and "mode" in lines["bad-mode"]
