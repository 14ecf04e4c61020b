"""The package as Python users expect it: one version for the whole project, the observations, the typing marker."""

import importlib.metadata
import re
from pathlib import Path

import pytest

import cxrlabel

MIMIC_CXR_JPG_ORDER = (
    "Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Enlarged Cardiomediastinum", "Fracture",
    "Lung Lesion", "Lung Opacity", "No Finding", "Pleural Effusion", "Pleural Other", "Pneumonia", "Pneumothorax",
    "Support Devices",
)


@pytest.fixture(scope="module")
def project_version(root):
    """The project's one version, as Sources/CXRLabel/Version.swift states it."""
    text = (root / "Sources" / "CXRLabel" / "Version.swift").read_text()
    found = re.search(r'^public let cxrlabelVersion = "([^"]+)"$', text, flags=re.M)
    assert found, "Version.swift states the version"
    return found.group(1)


def test_version_is_the_librarys_and_the_projects(project_version):
    assert isinstance(cxrlabel.__version__, str)
    assert cxrlabel.__version__ == project_version


def test_installed_metadata_has_the_same_version(project_version):
    # Only when this cxrlabel is an installed distribution (pip install ./python), not the source folder on the path.
    try:
        distribution = importlib.metadata.distribution("cxrlabel")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("cxrlabel is not installed")
    imported = Path(cxrlabel.__file__).resolve()
    if not any(Path(distribution.locate_file(file)).resolve() == imported for file in distribution.files or []):
        pytest.skip(f"cxrlabel is imported from {imported.parent}, not from its installed distribution")
    assert importlib.metadata.version("cxrlabel") == project_version == cxrlabel.__version__
    assert (imported.parent / "py.typed").is_file(), "the installed package carries its typing marker"


def test_observations_are_the_14_in_mimic_cxr_jpg_order():
    assert isinstance(cxrlabel.OBSERVATIONS, tuple)
    assert cxrlabel.OBSERVATIONS == MIMIC_CXR_JPG_ORDER
    assert list(cxrlabel.OBSERVATIONS) == sorted(cxrlabel.OBSERVATIONS), "MIMIC-CXR-JPG's order is alphabetical"


def test_the_package_is_marked_typed():
    assert (Path(cxrlabel.__file__).parent / "py.typed").is_file()


def test_blank_is_the_named_default():
    assert cxrlabel.BLANK == -2
    labeler = cxrlabel.Labeler()
    assert (labeler.label_array([""]) == cxrlabel.BLANK).all()
