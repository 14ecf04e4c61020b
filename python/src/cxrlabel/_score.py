"""`score`: the clinical-efficacy metrics of generated reports, as `cxrlabel score` computes them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional, Union

import numpy as np
import numpy.typing as npt

from . import _native
from ._labeler import BLANK, OBSERVATIONS, Labeler, Texts, _as_list

if TYPE_CHECKING:
    import pandas as pd

# cxrlabel_score's modes (include/cxrlabel.h, bound in _native).
_DEFAULT_UNCERTAIN_NEGATIVE = _native.SCORE_DEFAULT_UNCERTAIN_NEGATIVE
_DEFAULT_UNCERTAIN_POSITIVE = _native.SCORE_DEFAULT_UNCERTAIN_POSITIVE
_R2GEN = _native.SCORE_R2GEN
_WCL = _native.SCORE_WCL
_CHEXBERT = _native.SCORE_CHEXBERT

#: Each lineage's convention and its mode (the default convention's mode is chosen by `uncertain`).
_LINEAGES: dict[str, int] = {"r2gen": _R2GEN, "wcl": _WCL, "chexbert": _CHEXBERT}

#: The cells each mode counts positive.
_POSITIVE: dict[int, tuple[int, ...]] = {
    _DEFAULT_UNCERTAIN_NEGATIVE: (1,), _DEFAULT_UNCERTAIN_POSITIVE: (1, -1), _R2GEN: (1,), _WCL: (1, -1),
    _CHEXBERT: (1, -1)}


def _mode(convention: str, uncertain: Optional[str]) -> int:
    """The C interface's scoring mode for a convention (and, for the default, how -1 counts)."""
    if convention != "default" and convention not in _LINEAGES:
        raise ValueError(f"convention must be one of {', '.join(['default', *_LINEAGES])}, not {convention!r}.")
    if uncertain not in ("negative", "positive", None):
        raise ValueError(f"uncertain must be 'negative' or 'positive', not {uncertain!r}.")
    if convention != "default":
        if uncertain is not None:
            raise ValueError(f"convention {convention!r} fixes how -1 counts, as its lineage's code does; "
                             "leave out uncertain.")
        return _LINEAGES[convention]
    return _DEFAULT_UNCERTAIN_POSITIVE if uncertain == "positive" else _DEFAULT_UNCERTAIN_NEGATIVE


def score(generated: Texts, reference: Texts, labeler: Union[str, Labeler] = "chexpert",
          uncertain: Optional[str] = None, convention: str = "default") -> dict[str, Any]:
    """Labels generated and reference reports and scores them: the dict `cxrlabel score --json` writes.

    Pair `i` is `generated[i]` and `reference[i]`, or, when both are pandas Series, the two reports with the same
    index label (the indexes must hold the same labels). The reference reports' labels are the truth. Each figure is
    computed as scikit-learn computes it on the 0/1 matrices with `zero_division=0` (a label counts as positive
    when it is 1; `uncertain="positive"` also counts -1):

    - `precision_micro`, `recall_micro`, `f1_micro` (`average="micro"`), `precision_macro`, `recall_macro`,
      `f1_macro` (`average="macro"`), `precision_example`, `recall_example`, `f1_example` (`average="samples"`),
      over the 14 observations;
    - `f1_micro_5`, `f1_macro_5`: over Atelectasis, Cardiomegaly, Consolidation, Edema and Pleural Effusion;
    - `per_observation`: observation -> `precision`, `recall`, `f1`, `support`.

    Args:
        generated: the generated reports (a list, Series or array of str).
        reference: the reference reports, as many.
        labeler: "chexpert", "negbio", or a `Labeler`.
        uncertain: with the default convention, "negative" (the default) or "positive": how -1 counts.
        convention: "default", or a lineage's own figures and key names, as `cxrlabel score --convention` gives
            them: "r2gen" (R2Gen compute_ce.py), "wcl" (WCL calculate_metric.py), "chexbert" (f1chexbert / RadEval).
    """
    mode = _mode(convention, uncertain)
    labeler, truth, predictions, _ = _labelled_pairs(generated, reference, labeler)
    return _score_arrays(truth, predictions, labeler.columns, mode)


def per_study(generated: Texts, reference: Texts, labeler: Union[str, Labeler] = "chexpert",
              uncertain: Optional[str] = None, convention: str = "default") -> pd.DataFrame:
    """Each pair's labels and its own precision, recall and F1 over the 14 observations, as a DataFrame: the
    columns `cxrlabel score --per-study` writes (`generated_<observation>`, `reference_<observation>`,
    `true_positives`, `false_positives`, `false_negatives`, `precision`, `recall`, `f1`), one row per pair, indexed as
    `generated` is. A label counts as positive as `convention` (and, for the default, `uncertain`) says.
    Sort by `f1` to find the reports that cost the most.
    """
    import pandas as pd

    mode = _mode(convention, uncertain)
    labeler, truth, predictions, index = _labelled_pairs(generated, reference, labeler)
    observations = list(OBSERVATIONS)
    columns = [labeler.columns.index(name) for name in observations]
    positive = _POSITIVE[mode]
    t = np.isin(truth[:, columns], positive)
    p = np.isin(predictions[:, columns], positive)
    tp = (t & p).sum(axis=1)
    fp = (~t & p).sum(axis=1)
    fn = (t & ~p).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp == 0, 0.0, tp / (tp + fp))
        recall = np.where(tp + fn == 0, 0.0, tp / (tp + fn))
        f1 = np.where(2 * tp + fp + fn == 0, 0.0, 2 * tp / (2 * tp + fp + fn))

    def cells(array: npt.NDArray[np.int8]) -> npt.NDArray[np.float64]:
        """Label cells as the DataFrame holds them: NaN for blank."""
        return np.where(array == BLANK, np.nan, array).astype(np.float64)

    frame: pd.DataFrame = pd.DataFrame(
        np.hstack([cells(predictions[:, columns]), cells(truth[:, columns])]),
        columns=[f"generated_{name}" for name in observations] + [f"reference_{name}" for name in observations],
        index=index)
    frame["true_positives"], frame["false_positives"], frame["false_negatives"] = tp, fp, fn
    frame["precision"], frame["recall"], frame["f1"] = precision, recall, f1
    return frame


def _labelled_pairs(
    generated: Texts, reference: Texts, labeler: Union[str, Labeler]
) -> tuple[Labeler, npt.NDArray[np.int8], npt.NDArray[np.int8], Union[pd.Index[Any], range]]:
    """Labels both sides of the pairs: (labeler, truth, predictions, index), the arrays int8 with blank = BLANK."""
    import pandas as pd

    labeler = labeler if isinstance(labeler, Labeler) else Labeler(labeler)
    if isinstance(generated, pd.Series) and isinstance(reference, pd.Series) \
            and not generated.index.equals(reference.index):
        if generated.index.has_duplicates or reference.index.has_duplicates:
            raise ValueError("generated and reference are Series whose indexes differ and repeat labels: pair them "
                             "by position (.to_list()) or give each study one label.")
        only_generated = generated.index.difference(reference.index)
        only_reference = reference.index.difference(generated.index)
        if len(only_generated) or len(only_reference):
            raise ValueError(
                f"generated and reference are Series with different index labels ({len(only_generated)} only in "
                f"generated, e.g. {list(only_generated[:3])}; {len(only_reference)} only in reference, e.g. "
                f"{list(only_reference[:3])}): select the shared studies, or pair by position with .to_list().")
        reference = reference.reindex(generated.index)
    generated_texts, generated_index = _as_list(generated, "generated")
    reference_texts, reference_index = _as_list(reference, "reference")
    if len(generated_texts) != len(reference_texts):
        raise ValueError(f"{len(generated_texts)} generated reports and {len(reference_texts)} reference reports: "
                         "pair them one to one.")
    if not generated_texts:
        raise ValueError("There is no pair of reports to score.")
    predictions = labeler._label(generated_texts, generated_index, BLANK, what="generated item")
    truth = labeler._label(reference_texts, reference_index, BLANK, what="reference item")
    index = generated_index if generated_index is not None else range(len(generated_texts))
    return labeler, truth, predictions, index


def score_arrays(truth: npt.ArrayLike, predictions: npt.ArrayLike, columns: Sequence[str],
                 uncertain: Optional[str] = None, convention: str = "default") -> dict[str, Any]:
    """Scores two int8 label arrays (as `Labeler.label_array` returns them) with `columns` naming their columns."""
    return _score_arrays(truth, predictions, columns, _mode(convention, uncertain))


def _score_arrays(truth: npt.ArrayLike, predictions: npt.ArrayLike, columns: Sequence[str],
                  mode: int) -> dict[str, Any]:
    """cxrlabel_score on two label arrays (rows × columns, `columns` naming them) in a mode (`_mode`)."""
    truth_cells = np.ascontiguousarray(truth, dtype=np.int8)
    predicted_cells = np.ascontiguousarray(predictions, dtype=np.int8)
    if truth_cells.shape != predicted_cells.shape or truth_cells.ndim != 2 or truth_cells.shape[1] != len(columns):
        raise ValueError(
            f"label arrays of shapes {truth_cells.shape} and {predicted_cells.shape} for {len(columns)} columns.")
    scores: dict[str, Any] = json.loads(_native.call_for_string(
        _native.lib.cxrlabel_score, truth_cells.ctypes.data, predicted_cells.ctypes.data, truth_cells.shape[0],
        truth_cells.shape[1], "\n".join(columns).encode(), mode))
    return scores
