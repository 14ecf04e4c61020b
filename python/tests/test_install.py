"""The installed library carries the Swift runtime: it needs nothing a Linux machine without Swift lacks."""

import shutil
import subprocess

import pytest

from cxrlabel import _native

# glibc, libstdc++, zlib and libpcre2-8: what every Debian or Ubuntu system has.
ALLOWED = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1", "libpcre2-8.so.0",
           "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libpthread.so.0", "libdl.so.2"}


def _needed(path):
    """The shared libraries an ELF file needs (readelf -d's NEEDED entries); skips without binutils."""
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf (binutils) is not installed")
    dynamic = subprocess.run([readelf, "-d", path], check=True, stdout=subprocess.PIPE, text=True).stdout
    return {line.split("[")[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line}


def test_library_needs_no_swift_runtime():
    needed = _needed(_native._PATH)
    assert needed and needed <= ALLOWED, f"needs {sorted(needed - ALLOWED)}"


def test_library_exports_only_the_c_interface():
    nm = shutil.which("nm")
    if nm is None:
        pytest.skip("nm (binutils) is not installed")
    symbols = subprocess.run([nm, "-D", "--defined-only", _native._PATH], check=True, stdout=subprocess.PIPE,
                             text=True).stdout
    exported = {line.split()[-1] for line in symbols.splitlines() if " T " in line}
    assert exported == {"cxrlabel_version", "cxrlabel_observations", "cxrlabel_create", "cxrlabel_destroy",
                        "cxrlabel_columns", "cxrlabel_label", "cxrlabel_explain", "cxrlabel_score",
                        "cxrlabel_free_string"}


def test_wheel_carries_the_library(tmp_path, root):
    # `pip wheel ./python` (the build reuses the Swift objects `pip install` left in .build-python).
    import sys
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path, root / "python"],
                   check=True)
    wheels = list(tmp_path.glob("cxrlabel-*.whl"))
    assert len(wheels) == 1 and wheels[0].name.endswith("-py3-none-linux_x86_64.whl"), wheels
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
        assert "cxrlabel/libcxrlabel.so" in names and "cxrlabel/__init__.py" in names
        assert "cxrlabel/bin/cxrlabel" in names and "cxrlabel/__main__.py" in names
        library = wheel.getinfo("cxrlabel/libcxrlabel.so")
        assert library.file_size > 10_000_000  # the Swift runtime and Foundation are inside
        wheel.extract(library, tmp_path / "unpacked")
    assert _needed(tmp_path / "unpacked" / "cxrlabel" / "libcxrlabel.so") <= ALLOWED


def _console_command():
    """The `cxrlabel` console command pip installed beside this Python (its scripts folder)."""
    import sys
    import sysconfig
    from pathlib import Path

    for folder in (Path(sysconfig.get_path("scripts")), Path(sys.executable).parent):
        if (folder / "cxrlabel").exists():
            return folder / "cxrlabel"
    return shutil.which("cxrlabel")


def test_install_gives_a_working_cxrlabel_command(tmp_path):
    command = _console_command()
    assert command is not None, "pip install ./python installs a `cxrlabel` command"
    version = subprocess.run([command, "--version"], check=True, stdout=subprocess.PIPE, text=True).stdout
    assert version.startswith("cxrlabel ")
    report = tmp_path / "r.txt"
    report.write_text("Heart size is normal. No pleural effusion.")
    out = subprocess.run([command, report], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert out.returncode == 0, out.stderr
    header, row = out.stdout.splitlines()
    cells = dict(zip(header.split(","), row.split(",")))
    assert cells["Pleural Effusion"] == "0.0"


def test_python_dash_m_runs_the_same_command():
    import sys

    out = subprocess.run([sys.executable, "-m", "cxrlabel", "score", "--help"], stdout=subprocess.PIPE, text=True)
    assert out.returncode == 0 and "--convention" in out.stdout
    failed = subprocess.run([sys.executable, "-m", "cxrlabel", "no-such-file.csv"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert failed.returncode != 0 and failed.stderr.startswith("cxrlabel: error:")


def test_the_command_needs_no_swift_runtime():
    from cxrlabel import _command

    needed = _needed(_command.COMMAND)
    assert needed <= ALLOWED, f"needs {sorted(needed - ALLOWED)}"
