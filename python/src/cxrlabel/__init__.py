"""cxrlabel: the 14 CheXpert observations of chest X-ray reports, labelled in-process.

    >>> import cxrlabel
    >>> cxrlabel.Labeler("chexpert").label(["No pneumothorax. Mild cardiomegaly."])

`Labeler` reproduces the CheXpert labeler or NegBio's MIMIC-CXR pipeline; `score` gives the clinical-efficacy
metrics of generated reports against reference reports.
"""

from . import _native
from ._labeler import BLANK, OBSERVATIONS, Labeler
from ._score import per_study, score

__all__ = ["BLANK", "OBSERVATIONS", "Labeler", "per_study", "score"]

#: The version of the library loaded (the project's one version: Sources/CXRLabel/Version.swift).
__version__: str = _native.version()
