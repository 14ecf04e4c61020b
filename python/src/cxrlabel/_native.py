"""The C interface of libcxrlabel.so (declared in include/cxrlabel.h; tests check these bindings against it), loaded
with ctypes.

ctypes.CDLL releases the GIL for the length of every call, so a batch is labelled on every core while other Python
threads run.
"""

import ctypes
import os
from pathlib import Path

_PATH = os.environ.get("CXRLABEL_LIBRARY") or str(Path(__file__).resolve().parent / "libcxrlabel.so")

def _load_error(error):
    """What to do when the library does not load, by the likely cause."""
    here = Path(__file__).resolve().parent
    if not Path(_PATH).exists() and (here.parent.parent / "Package.swift").exists():
        return (f"cxrlabel: this is the source folder {here}, which has no built library. Python found it before the "
                "installed package because the current folder comes first on sys.path: run from another folder "
                "(or the repository's root), after `pip install ./python`.")
    if "GLIBC" in str(error):
        return (f"cxrlabel: its library needs a newer C library than this machine has ({error}). The wheel needs "
                "glibc 2.35 and libstdc++ from GCC 12 (Debian 12, Ubuntu 22.04 or later); build one on the oldest "
                "system you run it on.")
    return (f"cxrlabel: cannot load its library {_PATH} ({error}). Reinstall with `pip install ./python` from a "
            "checkout of cxrlabel on a machine with Swift, or install a wheel built there.")


try:
    lib = ctypes.CDLL(_PATH)
except OSError as error:  # pragma: no cover - a broken install
    raise ImportError(_load_error(error)) from error

_char_pp = ctypes.POINTER(ctypes.c_void_p)

lib.cxrlabel_create.argtypes = [ctypes.c_char_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_char_p, _char_pp]
lib.cxrlabel_create.restype = ctypes.c_void_p
lib.cxrlabel_destroy.argtypes = [ctypes.c_void_p]
lib.cxrlabel_destroy.restype = None
lib.cxrlabel_columns.argtypes = [ctypes.c_void_p]
lib.cxrlabel_columns.restype = ctypes.c_void_p
lib.cxrlabel_label.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int64,
    ctypes.c_int32, ctypes.c_int8, ctypes.c_void_p]
lib.cxrlabel_label.restype = ctypes.c_int32
lib.cxrlabel_explain.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, ctypes.c_char_p, ctypes.c_int64]
lib.cxrlabel_explain.restype = ctypes.c_void_p
lib.cxrlabel_score.argtypes = [
    ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64, ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32, _char_pp]
lib.cxrlabel_score.restype = ctypes.c_void_p
lib.cxrlabel_free_string.argtypes = [ctypes.c_void_p]
lib.cxrlabel_free_string.restype = None

EMPTY_AS_NORMAL = 1
REPORT_FILES = 2
AMEND = 4


def take_string(pointer):
    """The text of a string the library returned (which is then freed); None for NULL."""
    if not pointer:
        return None
    try:
        return ctypes.string_at(pointer).decode("utf-8")
    finally:
        lib.cxrlabel_free_string(pointer)


def error_slot():
    """A place for the library to put an error message."""
    return ctypes.c_void_p()
