"""Shared fixtures: the repository, ../shared when it is there, and the command-line tool to compare with."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "Fixtures"


@pytest.fixture(scope="session")
def cli():
    """The `cxrlabel` binary of this checkout (built if needed; CXRLABEL_CLI names another)."""
    if os.environ.get("CXRLABEL_CLI"):
        return os.environ["CXRLABEL_CLI"]
    swift = shutil.which("swift")
    if swift is None:
        pytest.skip("the command-line tool is needed for comparison, and Swift is not on PATH to build it")
    subprocess.run([swift, "build", "--package-path", ROOT, "--product", "cxrlabel"], check=True,
                   stdout=subprocess.DEVNULL)
    binaries = subprocess.run([swift, "build", "--package-path", ROOT, "--show-bin-path"], check=True,
                              stdout=subprocess.PIPE, text=True).stdout.strip()
    return str(Path(binaries) / "cxrlabel")


def run_cli(cli, *arguments, check=True):
    """Runs the tool; returns the completed process (stdout and stderr as text)."""
    return subprocess.run([cli, *map(str, arguments)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          check=check)


def cli_labels(cli, *arguments):
    """The tool's label CSV (MIMIC-CXR-JPG layout) for the arguments, as a DataFrame indexed by study_id."""
    output = run_cli(cli, *arguments, "--quiet").stdout
    return pd.read_csv(io.StringIO(output), dtype={"study_id": str, "subject_id": str}).set_index("study_id")


def shared_file(relative):
    """A file of ../shared, or a skip when ../shared (or the file) is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not there (../shared holds the measuring data)")
    return path
