"""`score`: the clinical-efficacy metrics of generated reports, as `cxrlabel score` computes them."""

import ctypes
import json

import numpy as np

from . import _native
from ._labeler import Labeler, _as_list


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
    predictions = labeler._label(generated, generated_index, -2, what="generated item")
    truth = labeler._label(reference, reference_index, -2, what="reference item")
    return _score_arrays(truth, predictions, labeler.columns, mode)


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
