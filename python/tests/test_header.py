"""The ctypes declarations in cxrlabel/_native.py match include/cxrlabel.h, the C interface's header."""

import ctypes
import re

import pytest

from cxrlabel import _native
from conftest import ROOT

HEADER = ROOT / "include" / "cxrlabel.h"

# The ctypes types each C type may be bound as: buffers are passed as bytes (c_char_p) or addresses (c_void_p), and
# returned strings as addresses, so that they can be freed.
ALLOWED = {
    "const char *": {ctypes.c_char_p},
    "char **": {_native._char_pp},
    "void *": {ctypes.c_void_p},
    "const uint8_t *": {ctypes.c_char_p, ctypes.c_void_p},
    "const int64_t *": {ctypes.c_void_p},
    "const int8_t *": {ctypes.c_void_p},
    "int8_t *": {ctypes.c_void_p},
    "char *": {ctypes.c_void_p},
    "int8_t": {ctypes.c_int8},
    "int32_t": {ctypes.c_int32},
    "int64_t": {ctypes.c_int64},
}
RETURNS = {"void *": ctypes.c_void_p, "char *": ctypes.c_void_p, "int32_t": ctypes.c_int32, "void": None}


def c_type(declaration, named=True):
    """A declaration's C type, spaced one way: "const char *labeler" -> "const char *", "char **error" -> "char **"."""
    words = declaration.replace("*", " * ").split()
    stars = words.count("*")
    base = [word for word in words if word != "*"]
    if named:
        base = base[:-1]  # the parameter's name
    return " ".join(base) + (" " + "*" * stars if stars else "")


def declarations():
    """Each function of the header: name -> (return type, parameter types)."""
    text = re.sub(r"/\*.*?\*/", "", HEADER.read_text(), flags=re.S)
    found = {}
    for match in re.finditer(r"^([A-Za-z0-9_ *]+?)\b(cxrlabel_\w+)\(([^)]*)\);", text, flags=re.M | re.S):
        returns = c_type(match.group(1), named=False)
        found[match.group(2)] = (returns, [c_type(parameter) for parameter in match.group(3).split(",")])
    return found


def test_the_header_declares_every_function_the_bindings_use():
    names = set(declarations())
    bound = {name for name in dir(_native.lib) if name.startswith("cxrlabel_")}
    assert names == {"cxrlabel_create", "cxrlabel_destroy", "cxrlabel_columns", "cxrlabel_label", "cxrlabel_explain",
                     "cxrlabel_score", "cxrlabel_free_string"}
    assert bound <= names


@pytest.mark.parametrize("name", sorted(declarations()))
def test_each_binding_matches_the_header(name):
    returns, parameters = declarations()[name]
    function = getattr(_native.lib, name)
    assert function.restype == RETURNS[returns], name
    assert len(function.argtypes) == len(parameters), name
    for position, (kind, bound) in enumerate(zip(parameters, function.argtypes)):
        assert bound in ALLOWED[kind], f"{name} argument {position}: {kind} bound as {bound}"


def test_the_flags_match_the_header():
    text = HEADER.read_text()
    flags = dict(re.findall(r"#define CXRLABEL_(\w+) (\d+)", text))
    assert int(flags["EMPTY_AS_NORMAL"]) == _native.EMPTY_AS_NORMAL
    assert int(flags["REPORT_FILES"]) == _native.REPORT_FILES
    assert int(flags["AMEND"]) == _native.AMEND
