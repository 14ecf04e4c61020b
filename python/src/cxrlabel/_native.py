"""The C interface of libcxrlabel.so (declared in include/cxrlabel.h; tests check these bindings against it), loaded
with ctypes.

Every fallible call returns a status (`OK` or an error below), gives its result through an out-pointer and its
error message through `char **error`: `call` and `call_for_string` make such a call and raise the library's message.

ctypes.CDLL releases the GIL for the length of every call, so a batch is labelled on every core while other Python
threads run.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path
from typing import Callable

#: The library loaded: $CXRLABEL_LIBRARY, else the one installed in the package.
_PATH: str = os.environ.get("CXRLABEL_LIBRARY") or str(Path(__file__).resolve().parent / "libcxrlabel.so")


def _load_error(error: OSError) -> str:
    """What to do when the library does not load, by the likely cause."""
    if "GLIBC" in str(error):
        return (f"cxrlabel: its library needs a newer C library than this machine has ({error}). The wheel needs "
                "glibc 2.35 and libstdc++ from GCC 12 (Debian 12, Ubuntu 22.04 or later); build one on the oldest "
                "system you run it on.")
    return (f"cxrlabel: cannot load its library {_PATH} ({error}). Reinstall with `pip install ./python` from a "
            "checkout of cxrlabel on a machine with Swift, or install a wheel built there.")


try:
    lib: ctypes.CDLL = ctypes.CDLL(_PATH)
except OSError as error:  # pragma: no cover - a broken install
    raise ImportError(_load_error(error)) from error

# Statuses (CXRLABEL_OK, ...).
#: The call succeeded.
OK = 0
#: An argument is wrong: a NULL labeler or buffer, bad offsets, an unknown name or mode.
INVALID_ARGUMENT = 1
#: A file named by an argument is missing or invalid (the message names the file and line).
INVALID_FILE = 2

#: cxrlabel_label's `jobs` for one thread per core.
EVERY_CORE = 0

# cxrlabel_score modes (CXRLABEL_SCORE_...).
#: cxrlabel's default convention, -1 counted negative.
SCORE_DEFAULT_UNCERTAIN_NEGATIVE = 0
#: cxrlabel's default convention, -1 counted positive.
SCORE_DEFAULT_UNCERTAIN_POSITIVE = 1
#: R2Gen's compute_ce.py (-1 negative).
SCORE_R2GEN = 2
#: WCL's calculate_metric.py (-1 positive).
SCORE_WCL = 3
#: f1chexbert / RadEval (-1 positive).
SCORE_CHEXBERT = 4

# cxrlabel_create flags (CXRLABEL_EMPTY_AS_NORMAL, ...).
EMPTY_AS_NORMAL = 1
REPORT_FILES = 2
AMEND = 4

# The C types, as bound: `char *` results are kept as addresses (c_void_p) so that they can be freed, and a
# `cxrlabel_labeler *` is an opaque address.
_char_pp = ctypes.POINTER(ctypes.c_void_p)
_labeler_p = ctypes.c_void_p
_labeler_pp = ctypes.POINTER(ctypes.c_void_p)

lib.cxrlabel_version.argtypes = [_char_pp, _char_pp]
lib.cxrlabel_version.restype = ctypes.c_int32
lib.cxrlabel_observations.argtypes = [_char_pp, _char_pp]
lib.cxrlabel_observations.restype = ctypes.c_int32
lib.cxrlabel_create.argtypes = [
    ctypes.c_char_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_char_p, _labeler_pp, _char_pp]
lib.cxrlabel_create.restype = ctypes.c_int32
lib.cxrlabel_destroy.argtypes = [_labeler_p]
lib.cxrlabel_destroy.restype = None
lib.cxrlabel_columns.argtypes = [_labeler_p, _char_pp, _char_pp]
lib.cxrlabel_columns.restype = ctypes.c_int32
lib.cxrlabel_label.argtypes = [
    _labeler_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int64,
    ctypes.c_int32, ctypes.c_int8, ctypes.c_void_p, _char_pp]
lib.cxrlabel_label.restype = ctypes.c_int32
lib.cxrlabel_explain.argtypes = [
    _labeler_p, ctypes.c_char_p, ctypes.c_int64, ctypes.c_char_p, ctypes.c_int64, _char_pp, _char_pp]
lib.cxrlabel_explain.restype = ctypes.c_int32
lib.cxrlabel_score.argtypes = [
    ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64, ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32, _char_pp,
    _char_pp]
lib.cxrlabel_score.restype = ctypes.c_int32
lib.cxrlabel_free_string.argtypes = [ctypes.c_void_p]
lib.cxrlabel_free_string.restype = None

#: The exception each error status raises (a status the header does not list: RuntimeError).
_EXCEPTIONS: dict[int, type[Exception]] = {INVALID_ARGUMENT: ValueError, INVALID_FILE: ValueError}


def take_string(pointer: int | None) -> str | None:
    """The text of a string the library returned (which is then freed); None for NULL."""
    if not pointer:
        return None
    try:
        return ctypes.string_at(pointer).decode("utf-8")
    finally:
        lib.cxrlabel_free_string(pointer)


def call(function: Callable[..., int], *arguments: object) -> None:
    """Calls a function of the library with `arguments` and a place for its error message; if it fails, raises
    ValueError (an invalid argument or file) or RuntimeError (a status the header does not list) with the library's
    message."""
    error = ctypes.c_void_p()
    status = function(*arguments, ctypes.byref(error))
    message = take_string(error.value)  # freed whatever the status
    if status != OK:
        name = getattr(function, "__name__", "a cxrlabel call")
        raise _EXCEPTIONS.get(status, RuntimeError)(message or f"{name} failed with status {status} and no message.")


def call_for_string(function: Callable[..., int], *arguments: object) -> str:
    """Calls a function whose result is a string (`char **`, before the error): that string, freed."""
    result = ctypes.c_void_p()
    try:
        call(function, *arguments, ctypes.byref(result))
    finally:
        text = take_string(result.value)  # NULL after a failure; freed either way
    if text is None:  # pragma: no cover - a success always gives its string
        raise RuntimeError(f"{getattr(function, '__name__', 'a cxrlabel call')} succeeded but gave no string.")
    return text


def version() -> str:
    """The library's version (cxrlabel_version)."""
    return call_for_string(lib.cxrlabel_version)


def observations() -> tuple[str, ...]:
    """The 14 observations in MIMIC-CXR-JPG's column order (cxrlabel_observations)."""
    return tuple(call_for_string(lib.cxrlabel_observations).split("\n"))
