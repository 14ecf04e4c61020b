"""Builds the Swift library into the package: `pip install ./python` or `pip wheel ./python` on a machine with Swift.

The library (the repository's CXRLabelC product: a small C interface over CXRLabel) is built as a static archive,
then linked into one shared object, `cxrlabel/libcxrlabel.so`, with the Swift runtime and Foundation inside
(`-static-stdlib`, as `swift build --static-swift-stdlib` links the command-line tool). The wheel therefore needs
only glibc, libstdc++, zlib and libpcre2-8 on the machine that installs it, not Swift. The `cxrlabel` command-line
tool is built the same way (`--static-swift-stdlib`) into `cxrlabel/bin/`, and the package's `cxrlabel` console
command (and `python -m cxrlabel`) runs it.

The package's version is the project's one version, read from Sources/CXRLabel/Version.swift (pyproject.toml
declares it dynamic).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools before 70.1
    from wheel.bdist_wheel import bdist_wheel

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCRATCH = ROOT / ".build-python"
SCRATCH_COMMAND = ROOT / ".build-python-command"
LIBRARY = "libcxrlabel.so"
#: The Swift file that states the project's version (the CLI's --version, cxrlabel_version, this package's).
VERSION_FILE = ROOT / "Sources" / "CXRLabel" / "Version.swift"
# Foundation's static archives, linked as one group (they refer to each other).
FOUNDATION = [
    "Foundation", "FoundationEssentials", "FoundationInternationalization", "CoreFoundation",
    "_FoundationCShims", "_FoundationCollections", "_FoundationICU",
]


class BuildError(Exception):
    """A step of the build failed; the message says what to do."""


def version(path: Path = VERSION_FILE) -> str:
    """The project's version: the string of `public let cxrlabelVersion = "..."` in Version.swift."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise BuildError(
            f"Cannot read the version from {path} ({error.strerror}): build from a checkout of cxrlabel.") from error
    found = re.search(r'^public let cxrlabelVersion = "([^"\\]+)"$', text, flags=re.M)
    if found is None:
        raise BuildError(
            f'{path} has no line `public let cxrlabelVersion = "<version>"`: the package takes its version from it.')
    return found.group(1)


def run(command: Sequence[object], what: str) -> str:
    """Runs a build step, echoing it; raises BuildError naming the step if it fails."""
    print("cxrlabel build:", " ".join(str(part) for part in command), file=sys.stderr)
    try:
        return subprocess.run([str(part) for part in command], check=True, stdout=subprocess.PIPE, text=True).stdout
    except FileNotFoundError as error:
        raise BuildError(f"{what}: {error.filename} is not installed.") from error
    except subprocess.CalledProcessError as error:
        print(error.stdout or "", file=sys.stderr)  # the compiler's messages went to the captured output
        raise BuildError(f"{what} failed (exit status {error.returncode}); see the messages above.") from error


def build_library(destination: Path) -> Path:
    """Builds libcxrlabel.so into `destination`; returns its path."""
    if not (ROOT / "Package.swift").is_file():
        raise BuildError(
            f"{ROOT} has no Package.swift: build from a checkout of cxrlabel (pip install ./python in its root), "
            "or install a wheel built on a machine with Swift.")
    swift = shutil.which("swift")
    swiftc = shutil.which("swiftc")
    if swift is None or swiftc is None:
        raise BuildError(
            "Building cxrlabel needs Swift 6 (swift and swiftc on PATH). Install it, or install a wheel built with "
            "`pip wheel ./python` on a machine that has it.")
    package = ["--package-path", ROOT, "--scratch-path", SCRATCH, "-c", "release"]
    run([swift, "build", *package, "--product", "CXRLabelC"], "Building the Swift library")
    binaries = Path(run([swift, "build", *package, "--show-bin-path"], "Finding the build folder").strip())
    archive = binaries / "libCXRLabelC.a"
    target = json.loads(run([swiftc, "-print-target-info"], "Asking swiftc for its runtime"))
    static_runtime = Path(target["paths"]["runtimeResourcePath"] + "_static") / "linux"
    destination.mkdir(parents=True, exist_ok=True)
    output = destination / LIBRARY
    with tempfile.TemporaryDirectory() as temporary:
        objects = Path(temporary) / "objects"
        objects.mkdir()
        members = run(["ar", "t", archive], "Listing the archive").split()
        if len(members) != len(set(members)):
            raise BuildError(f"{archive} has two members of the same name; they cannot be extracted side by side.")
        # Objects, not the archive: the runtime's `--exclude-libs ALL` would hide an archive's symbols too.
        subprocess.run(["ar", "x", str(archive)], cwd=objects, check=True)
        exports = Path(temporary) / "exports.map"
        exports.write_text("{ global: cxrlabel_*; local: *; };\n")
        groups = [f"-l{name}" for name in FOUNDATION if (static_runtime / f"lib{name}.a").exists()]
        run(
            [swiftc, "-emit-library", "-static-stdlib", "-o", output, *sorted(objects.glob("*.o")),
             "-lpcre2-8", "-lz", "-L", static_runtime, "-Xlinker", "--start-group", *groups,
             "-Xlinker", "--end-group", "-Xlinker", "--gc-sections", "-Xlinker", f"--version-script={exports}"],
            "Linking libcxrlabel.so")
    strip = shutil.which("strip")
    if strip:
        run([strip, "--strip-unneeded", output], "Stripping libcxrlabel.so")
    return output


def build_command(destination: Path) -> Path:
    """Builds the `cxrlabel` command-line tool (the same Swift library, with the Swift runtime linked in) into
    `destination/bin`; the package's `cxrlabel` console command runs it. Its own scratch folder: the static
    runtime is a different build configuration from the library's."""
    swift = shutil.which("swift")
    package = ["--package-path", ROOT, "--scratch-path", SCRATCH_COMMAND, "-c", "release", "--static-swift-stdlib"]
    run([swift, "build", *package, "--product", "cxrlabel"], "Building the cxrlabel command")
    binaries = Path(run([swift, "build", *package, "--show-bin-path"], "Finding the build folder").strip())
    folder = destination / "bin"
    folder.mkdir(parents=True, exist_ok=True)
    output = folder / "cxrlabel"
    shutil.copy2(binaries / "cxrlabel", output)
    strip = shutil.which("strip")
    if strip:
        run([strip, output], "Stripping the cxrlabel command")
    return output


class BuildPyWithSwift(build_py):
    """build_py that also builds and copies in the Swift library."""

    def run(self) -> None:
        super().run()
        try:
            build_library(Path(self.build_lib) / "cxrlabel")
            build_command(Path(self.build_lib) / "cxrlabel")
        except BuildError as error:
            sys.exit(f"error: cxrlabel: {error}")


class PlatformDistribution(Distribution):
    """A distribution with a platform library in it (so files go to platlib, at the wheel's root)."""

    def has_ext_modules(self) -> bool:
        return True


class PlatformWheel(bdist_wheel):
    """The wheel holds a Linux shared object but no Python extension: any Python 3, this platform only."""

    def get_tag(self) -> tuple[str, str, str]:
        _, _, platform = super().get_tag()
        return "py3", "none", platform


try:
    VERSION = version()
except BuildError as error:
    sys.exit(f"error: cxrlabel: {error}")

setup(version=VERSION, distclass=PlatformDistribution,
      cmdclass={"build_py": BuildPyWithSwift, "bdist_wheel": PlatformWheel})
