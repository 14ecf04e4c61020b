"""Shared fixtures: the repository, ../shared when it is there, and the command-line tool to compare with.

Tests take these as fixtures (arguments named like them) and import nothing from this file.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository's root (the folder with Package.swift)."""
    return Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def fixtures(root: Path) -> Path:
    """The repository's Fixtures folder."""
    return root / "Fixtures"


@pytest.fixture(scope="session")
def shared(root: Path) -> Path:
    """../shared beside the repository: the measuring data (it may be absent)."""
    return root.parent / "shared"


@pytest.fixture(scope="session")
def shared_file(shared: Path) -> Callable[[str], Path]:
    """A function giving a file of ../shared by its relative path, or skipping the test when ../shared (or the file)
    is absent."""

    def find(relative: str) -> Path:
        path = shared / relative
        if not path.exists():
            pytest.skip(f"{path} is not there (../shared holds the measuring data)")
        return path

    return find


@pytest.fixture(scope="session")
def cli(root: Path) -> str:
    """The `cxrlabel` binary of this checkout (built if needed; CXRLABEL_CLI names another)."""
    if os.environ.get("CXRLABEL_CLI"):
        return os.environ["CXRLABEL_CLI"]
    swift = shutil.which("swift")
    if swift is None:
        pytest.skip("the command-line tool is needed for comparison, and Swift is not on PATH to build it")
    subprocess.run([swift, "build", "--package-path", root, "--product", "cxrlabel"], check=True,
                   stdout=subprocess.DEVNULL)
    binaries = subprocess.run([swift, "build", "--package-path", root, "--show-bin-path"], check=True,
                              stdout=subprocess.PIPE, text=True).stdout.strip()
    return str(Path(binaries) / "cxrlabel")


@pytest.fixture(scope="session")
def run_cli(cli: str) -> Callable[..., subprocess.CompletedProcess[str]]:
    """A function that runs the tool with its arguments (`check=False` to allow a failure); it returns the completed
    process, stdout and stderr as text."""

    def run(*arguments: object, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([cli, *map(str, arguments)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, check=check)

    return run


@pytest.fixture(scope="session")
def cli_labels(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> Callable[..., pd.DataFrame]:
    """A function giving the tool's label CSV (MIMIC-CXR-JPG layout) for its arguments, as a DataFrame indexed by
    study_id."""

    def labels(*arguments: object) -> pd.DataFrame:
        output = run_cli(*arguments, "--quiet").stdout
        return pd.read_csv(io.StringIO(output), dtype={"study_id": str, "subject_id": str}).set_index("study_id")

    return labels
