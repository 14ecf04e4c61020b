"""`score`: the clinical-efficacy metrics of generated reports, as `cxrlabel score` computes them."""

import ctypes
import json

import numpy as np

from . import _native
from ._labeler import BLANK, Labeler, _as_list


_CONVENTIONS = {"default": None, "r2gen": 2, "wcl": 3, "chexbert": 4}


def _mode(convention, uncertain):
    """The C interface's scoring mode for a convention (and, for the default, how -1 counts)."""
    if convention not in _CONVENTIONS:
        raise ValueError(f"convention must be one of {', '.join(_CONVENTIONS)}, not {convention!r}.")
    if uncertain not in ("negative", "positive", None):
        raise ValueError(f"uncertain must be 'negative' or 'positive', not {uncertain!r}.")
    if convention != "default":
        if uncertain is not None:
            raise ValueError(f"convention {convention!r} fixes how -1 counts, as its lineage's code does; "
                             "leave out uncertain.")
        return _CONVENTIONS[convention]
    return 1 if uncertain == "positive" else 0


def score(generated, reference, labeler="chexpert", uncertain=None, convention="default"):
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


def per_study(generated, reference, labeler="chexpert", uncertain=None, convention="default"):
    """Each pair's labels and its own precision, recall and F1 over the 14 observations, as a DataFrame: the
    columns `cxrlabel score --per-study` writes (`generated_<observation>`, `reference_<observation>`,
    `true_positives`, `false_positives`, `false_negatives`, `precision`, `recall`, `f1`), one row per pair, indexed as
    `generated` is. A label counts as positive as `convention` (and, for the default, `uncertain`) says.
    Sort by `f1` to find the reports that cost the most.
    """
    import pandas as pd

    mode = _mode(convention, uncertain)
    labeler, truth, predictions, index = _labelled_pairs(generated, reference, labeler)
    observations = [name for name in _MIMIC_ORDER]
    columns = [labeler.columns.index(name) for name in observations]
    positive = {0: (1,), 1: (1, -1), 2: (1,), 3: (1, -1), 4: (1, -1)}[mode]
    t = np.isin(truth[:, columns], positive)
    p = np.isin(predictions[:, columns], positive)
    tp = (t & p).sum(axis=1)
    fp = (~t & p).sum(axis=1)
    fn = (t & ~p).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp == 0, 0.0, tp / (tp + fp))
        recall = np.where(tp + fn == 0, 0.0, tp / (tp + fn))
        f1 = np.where(2 * tp + fp + fn == 0, 0.0, 2 * tp / (2 * tp + fp + fn))
    cells = lambda array: np.where(array == BLANK, np.nan, array).astype(float)
    frame = pd.DataFrame(
        np.hstack([cells(predictions[:, columns]), cells(truth[:, columns])]),
        columns=[f"generated_{name}" for name in observations] + [f"reference_{name}" for name in observations],
        index=index)
    frame["true_positives"], frame["false_positives"], frame["false_negatives"] = tp, fp, fn
    frame["precision"], frame["recall"], frame["f1"] = precision, recall, f1
    return frame


_MIMIC_ORDER = [
    "Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Enlarged Cardiomediastinum", "Fracture", "Lung Lesion",
    "Lung Opacity", "No Finding", "Pleural Effusion", "Pleural Other", "Pneumonia", "Pneumothorax", "Support Devices",
]


def _labelled_pairs(generated, reference, labeler):
    """Labels both sides of the pairs: (labeler, truth, predictions, index), the arrays int8 with blank = BLANK."""
    labeler = labeler if isinstance(labeler, Labeler) else Labeler(labeler)
    if hasattr(generated, "to_list") and hasattr(reference, "to_list") and hasattr(generated, "index") \
            and hasattr(reference, "index") and not generated.index.equals(reference.index):
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
    generated, generated_index = _as_list(generated, "generated")
    reference, reference_index = _as_list(reference, "reference")
    if len(generated) != len(reference):
        raise ValueError(
            f"{len(generated)} generated reports and {len(reference)} reference reports: pair them one to one.")
    if not generated:
        raise ValueError("There is no pair of reports to score.")
    predictions = labeler._label(generated, generated_index, BLANK, what="generated item")
    truth = labeler._label(reference, reference_index, BLANK, what="reference item")
    index = generated_index if generated_index is not None else range(len(generated))
    return labeler, truth, predictions, index


def score_arrays(truth, predictions, columns, uncertain=None, convention="default"):
    """Scores two int8 label arrays (as `Labeler.label_array` returns them) with `columns` naming their columns."""
    return _score_arrays(truth, predictions, columns, _mode(convention, uncertain))


def _score_arrays(truth, predictions, columns, mode):
    truth = np.ascontiguousarray(truth, dtype=np.int8)
    predictions = np.ascontiguousarray(predictions, dtype=np.int8)
    if truth.shape != predictions.shape or truth.ndim != 2 or truth.shape[1] != len(columns):
        raise ValueError(f"label arrays of shapes {truth.shape} and {predictions.shape} for {len(columns)} columns.")
    error = _native.error_slot()
    text = _native.take_string(_native.lib.cxrlabel_score(
        truth.ctypes.data, predictions.ctypes.data, truth.shape[0], truth.shape[1], "\n".join(columns).encode(),
        mode, ctypes.byref(error)))
    if text is None:
        raise ValueError(_native.take_string(error.value))
    return json.loads(text)
