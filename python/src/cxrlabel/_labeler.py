"""`Labeler`: the CheXpert labeler or NegBio, in-process."""

from __future__ import annotations

import ctypes
import json
import numbers
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

import numpy as np
import numpy.typing as npt

from . import _native

if TYPE_CHECKING:
    import pandas as pd

#: The 14 observations, in MIMIC-CXR-JPG's (alphabetical) column order, as the library names them.
OBSERVATIONS: tuple[str, ...] = _native.observations()

#: How many texts one library call labels (a batch is labelled in chunks of this size, one after the other).
CHUNK: int = 16384

#: The value `label_array` gives a blank cell (an observation the report does not mention) unless told otherwise.
BLANK: int = -2

#: Reports to label: a list (or tuple, iterable), a pandas Series or a 1-dimensional NumPy array of str, None or NaN
#: standing for no text; or a mapping of study id → text.
Texts = Union[Iterable[Optional[str]], Mapping[Any, Optional[str]]]

#: Study ids, one per text: str, or int as pandas reads MIMIC-CXR's study_id (a list, Series or array).
Ids = Iterable[Union[str, int, "np.integer[Any]"]]

#: A file's name: a str, bytes or path (pathlib.Path).
FileName = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]


def _as_list(texts: object, what: str = "texts") -> tuple[list[Any], Optional[pd.Index[Any]]]:
    """The items as a list, with the labels of a pandas Series kept for error messages."""
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            f"{what} is one {type(texts).__name__}; give a list (or Series, array) of str, e.g. [text].")
    if isinstance(texts, Mapping):
        raise TypeError(
            f"{what} is a mapping; give a list (or Series) of str. (Labeler.label and label_array take a mapping of "
            "id → text, its keys as the ids.)")
    if hasattr(texts, "columns") and hasattr(texts, "iloc"):
        raise TypeError(
            f"{what} is a DataFrame; give one column of it, e.g. df[\"report\"] (a list of the DataFrame would be its "
            "column names).")
    if isinstance(texts, np.ndarray) and texts.ndim != 1:
        raise TypeError(f"{what} is a {texts.ndim}-dimensional array; give a 1-dimensional one (one item per report).")
    index: Optional[pd.Index[Any]] = None
    items: list[Any]
    if hasattr(texts, "to_list"):
        index = getattr(texts, "index", None)
        items = texts.to_list()
    elif isinstance(texts, np.ndarray):
        items = texts.tolist()
    elif isinstance(texts, list):
        items = texts
    elif isinstance(texts, Iterable):
        items = list(texts)
    else:
        raise TypeError(f"{what} must be a list of str, not {type(texts).__name__}.")
    return items, index


def _as_ids(ids: object, count: int) -> list[str]:
    """Study ids as strings (ints, as pandas reads MIMIC-CXR's study_id, are written in decimal)."""
    items, index = _as_list(ids, "ids")
    if len(items) != count:
        raise ValueError(f"{len(items)} ids for {count} texts: give one id per text.")
    items = [str(int(i)) if isinstance(i, numbers.Integral) and not isinstance(i, bool) else i for i in items]
    return _check_texts(items, index, "ids item", "every id must be a str or an int")


def _check_texts(texts: list[Any], index: Optional[pd.Index[Any]] = None, what: str = "item",
                 need: str = "every report must be text (decode bytes first)") -> list[str]:
    """The texts, every one a str; else a TypeError naming the first that is not: its position, and its index label
    if any."""
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            where = f"{what} {position}" + (f" (index {index[position]!r})" if index is not None else "")
            raise TypeError(f"{where} is {type(text).__name__} ({text!r:.40}), not str: {need}.")
    return texts


def _split_mapping(texts: Texts, ids: Optional[Ids]) -> tuple[object, Optional[Ids]]:
    """A mapping of id → text as its texts and its keys as their ids (a list of a dict would be its keys)."""
    if not isinstance(texts, Mapping):
        return texts, ids
    if ids is not None:
        raise ValueError("texts is a mapping of id → text, whose keys are the ids; leave out ids=.")
    return list(texts.values()), list(texts.keys())


def _is_missing(value: object) -> bool:
    """Whether a value is how pandas or Python says "no text": None, NaN (`pd.read_csv` on an empty cell), pd.NA."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


def _fill_missing(texts: list[Any]) -> tuple[list[Any], int]:
    """The texts with None / NaN / pd.NA as empty text (a blank row, as the command line writes an empty cell),
    and how many there were; a warning counts them."""
    missing = sum(1 for text in texts if _is_missing(text))
    if not missing:
        return texts, 0
    warnings.warn(
        f"{missing} of {len(texts)} reports have no text (None or NaN, as pandas reads an empty cell); their rows are "
        "blank, as `cxrlabel` writes an empty report.", stacklevel=4)
    return ["" if _is_missing(text) else text for text in texts], missing


def _encode(texts: Sequence[str]) -> tuple[bytes, npt.NDArray[np.int64]]:
    """One UTF-8 buffer and the offsets of each text in it (the texts are checked: see `_check_texts`)."""
    parts = [text.encode("utf-8", "surrogatepass") for text in texts]
    offsets = np.zeros(len(parts) + 1, dtype=np.int64)
    if parts:
        np.cumsum([len(part) for part in parts], out=offsets[1:])
    return b"".join(parts), offsets


class Labeler:
    """A labeler: the CheXpert labeler (`"chexpert"`) or NegBio's MIMIC-CXR pipeline (`"negbio"`).

    Labels are those `cxrlabel label` writes for the same texts given as CSV rows: 1, 0, -1 or blank, and a report
    with no text gets a blank row (`empty_as_normal=True`: No Finding 1, as the originals label it).

    Args:
        labeler: "chexpert" or "negbio".
        report_files: each text is the whole content of a MIMIC-CXR report file; its section is chosen first
            (impression, else findings, else the last paragraph), as `cxrlabel files/` does.
        empty_as_normal: label a report with no text No Finding 1, as the original labelers do.
        phrases: a vocabulary file in cxrlabel's format (custom observations become extra columns).
        rules: a rule file in cxrlabel's notation.
        jobs: threads per batch (default: every core).
        amend: add cxrlabel's amendments (`--amend`): repairs of meanings the originals' rules miss, each named
            in `explain`. Off: the original's labels.

    A Labeler may be shared between threads and pickled (Dask, multiprocessing): it is rebuilt from its arguments.
    """

    #: "chexpert" or "negbio".
    name: str
    #: Threads per batch (None: every core).
    jobs: Optional[int]
    #: The columns of every result: the 14 observations in MIMIC-CXR-JPG order, then any a custom vocabulary
    #: defines, alphabetically.
    columns: list[str]
    _arguments: dict[str, Any]
    _handle: Optional[int]

    def __init__(self, labeler: str = "chexpert", *, report_files: bool = False, empty_as_normal: bool = False,
                 phrases: Optional[FileName] = None, rules: Optional[FileName] = None, jobs: Optional[int] = None,
                 amend: bool = False) -> None:
        self._handle = None
        if labeler not in ("chexpert", "negbio"):
            raise ValueError(f"labeler must be 'chexpert' or 'negbio', not {labeler!r}.")
        if jobs is not None and (not isinstance(jobs, numbers.Integral) or isinstance(jobs, bool) or jobs < 1):
            raise ValueError(f"jobs must be a positive int (or None: every core), not {jobs!r}.")
        for option, path in (("phrases", phrases), ("rules", rules)):
            if path is not None and (not isinstance(path, (str, bytes, os.PathLike)) or not os.fspath(path)):
                raise ValueError(f"{option} must name a file (a str or path), not {path!r}.")
        self._arguments = dict(
            labeler=labeler, report_files=report_files, empty_as_normal=empty_as_normal, phrases=phrases,
            rules=rules, jobs=jobs, amend=amend)
        self.name = labeler
        self.jobs = None if jobs is None else int(jobs)
        flags = ((_native.EMPTY_AS_NORMAL if empty_as_normal else 0) | (_native.REPORT_FILES if report_files else 0)
                 | (_native.AMEND if amend else 0))
        handle = ctypes.c_void_p()
        _native.call(
            _native.lib.cxrlabel_create, labeler.encode(), flags, None if phrases is None else os.fsencode(phrases),
            None if rules is None else os.fsencode(rules), ctypes.byref(handle))
        self._handle = handle.value
        self.columns = _native.call_for_string(_native.lib.cxrlabel_columns, self._handle).split("\n")

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle and _native is not None and _native.lib is not None:  # modules may be gone at interpreter exit
            _native.lib.cxrlabel_destroy(handle)
            self._handle = None

    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Labeler], tuple[dict[str, Any]]]:
        arguments = dict(self._arguments)
        return (_rebuild, (arguments,))

    def __repr__(self) -> str:
        return f"Labeler({self.name!r})"

    def label_array(self, texts: Texts, blank: int = BLANK, ids: Optional[Ids] = None) -> npt.NDArray[np.int8]:
        """Labels texts; returns a NumPy int8 array, one row per text, one column per `columns` entry.

        Cells are 1, 0, -1, or `blank` (default `BLANK`, -2) where the report does not mention the observation
        (`blank=0` counts an observation no report mentions as negative, as many training setups do).
        `ids` (optional) are the texts' study ids, e.g. `s50414267` or `50414267` (str or int): with
        `report_files=True`, MIMIC-CXR's per-study section fixes are looked up by them. The batch is labelled on
        every core (or `jobs` threads) with the GIL released.
        """
        items, ids = _split_mapping(texts, ids)
        listed, index = _as_list(items)
        return self._label(listed, index, blank, ids)

    def _label(self, texts: list[Any], index: Optional[pd.Index[Any]], blank: int, ids: Optional[object] = None,
               what: str = "item") -> npt.NDArray[np.int8]:
        """Labels checked-to-be texts (`index` names them in errors) into an int8 array, `blank` for blank cells."""
        if not isinstance(blank, numbers.Integral) or isinstance(blank, bool) or not -128 <= blank <= 127:
            raise ValueError(f"blank must be an int from -128 to 127, not {blank!r}.")
        study_ids = None if ids is None else _as_ids(ids, len(texts))
        filled, _ = _fill_missing(texts)
        texts = _check_texts(filled, index, what)  # before any work is done
        out = np.empty((len(texts), len(self.columns)), dtype=np.int8)
        # Chunks of a bounded size: Ctrl-C (KeyboardInterrupt) is honoured between two library calls, and the
        # UTF-8 copy of the texts stays small however long the list is.
        for start in range(0, len(texts), CHUNK):
            chunk = texts[start:start + CHUNK]
            buffer, offsets = _encode(chunk)
            id_buffer, id_offsets = (None, None) if study_ids is None else _encode(study_ids[start:start + CHUNK])
            _native.call(
                _native.lib.cxrlabel_label, self._handle, buffer, offsets.ctypes.data, id_buffer,
                None if id_offsets is None else id_offsets.ctypes.data, len(chunk), self.jobs or _native.EVERY_CORE,
                int(blank), out[start:start + CHUNK].ctypes.data)
        return out

    def label(self, texts: Texts, ids: Optional[Ids] = None) -> pd.DataFrame:
        """Labels texts; returns a pandas DataFrame, one row per text, `columns` as its columns.

        Values are 1.0, 0.0, -1.0, or NaN where the report does not mention the observation, as `cxrlabel` writes
        them. The index is a pandas Series' own, else `ids` when given (see `label_array`), else a RangeIndex.
        """
        import pandas as pd

        items, ids = _split_mapping(texts, ids)
        listed, index = _as_list(items)
        cells = self._label(listed, index, BLANK, ids)
        values = cells.astype(np.float64)
        values[cells == BLANK] = np.nan
        if index is None and ids is not None:
            index = pd.Index(_as_list(ids, "ids")[0])
        frame: pd.DataFrame = pd.DataFrame(values, columns=list(self.columns), index=index)
        return frame

    def explain(self, text: str, id: Optional[Union[str, int]] = None) -> list[dict[str, Any]]:
        """How one text was labelled: a list of its mentions, each a dict.

        Keys: `observation`, `phrase` (the vocabulary phrase that matched), `text` (the words matched), `start` and
        `end` (character offsets in `clean`), `span` (`(start, end)`), `clean` (the text the rules read, after
        section choice and cleaning: `m["clean"][m["start"]:m["end"]] == m["text"]`), `sentence` (its number) and
        `sentence_text`, `result` (`positive`, `negation` or `uncertainty`), `phase` and `rule` (the rule that
        decided it, with `rule_source`, its file:line, and `rule_note`), and `graph` (whether the sentence had a
        parse). `id` is the study id, as in `label_array`.
        """
        if not isinstance(text, str):
            raise TypeError(f"explain takes one str, not {type(text).__name__}.")
        data = text.encode("utf-8", "surrogatepass")
        study = None if id is None else _as_ids([id], 1)[0].encode("utf-8", "surrogatepass")
        explanation = json.loads(_native.call_for_string(
            _native.lib.cxrlabel_explain, self._handle, data, len(data), study, 0 if study is None else len(study)))
        clean = explanation.get("clean", "")
        sentences = explanation.get("sentences", [])
        mentions: list[dict[str, Any]] = explanation["mentions"]
        for mention in mentions:
            mention["span"] = (mention["start"], mention["end"])
            mention["clean"] = clean
            number = mention.get("sentence")
            if isinstance(number, int) and 0 <= number < len(sentences):
                mention["sentence_text"] = sentences[number].get("text", "")
        return mentions


def _rebuild(arguments: dict[str, Any]) -> Labeler:
    """A Labeler from the arguments it was made with (unpickling)."""
    return Labeler(**arguments)
