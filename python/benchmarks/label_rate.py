"""Labels the IU X-ray impressions ×20 in-process and with the command line; prints reports/s for both.

    python3 python/benchmarks/label_rate.py [--input ../shared/data/iu-xray/impressions.csv] [--repeat 20] [--runs 5]

Runs alternate (Python, CLI, Python, CLI, ...) so that a noisy machine slows both alike; the medians and their
ratio are printed. The CLI is this checkout's release build (built if needed; --cli names another). A benchmark,
not a test: CI does not run it.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import cxrlabel

ROOT = Path(__file__).resolve().parents[2]


def release_cli():
    """This checkout's release `cxrlabel`, built if needed."""
    swift = shutil.which("swift") or sys.exit("swift is not on PATH: give --cli")
    subprocess.run([swift, "build", "-c", "release", "--package-path", ROOT, "--product", "cxrlabel"], check=True,
                   stdout=subprocess.DEVNULL)
    folder = subprocess.run([swift, "build", "-c", "release", "--package-path", ROOT, "--show-bin-path"],
                            check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    return str(Path(folder) / "cxrlabel")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(ROOT.parent / "shared" / "data" / "iu-xray" / "impressions.csv"),
                        help="a CSV with study_id and report columns")
    parser.add_argument("--repeat", type=int, default=20, help="how many copies of the input to label at once")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each")
    parser.add_argument("--labeler", default="chexpert", choices=["chexpert", "negbio"])
    parser.add_argument("--cli", help="the cxrlabel binary to compare with (default: this checkout's release build)")
    options = parser.parse_args()

    reports = pd.read_csv(options.input, dtype=str, keep_default_na=False)
    big = pd.concat([reports] * options.repeat, ignore_index=True)
    big["study_id"] = [str(i + 1) for i in range(len(big))]
    texts = big["report"].tolist()
    cli = options.cli or release_cli()
    labeler = cxrlabel.Labeler(options.labeler)
    with tempfile.TemporaryDirectory() as folder:
        csv = os.path.join(folder, "reports.csv")
        big.to_csv(csv, index=False)
        python_seconds, cli_seconds = [], []
        labeler.label(texts[:100])  # warm up: page the library in
        for _ in range(options.runs):
            start = time.perf_counter()
            frame = labeler.label(texts)
            python_seconds.append(time.perf_counter() - start)
            assert len(frame) == len(texts)
            start = time.perf_counter()
            subprocess.run([cli, csv, "--labeler", options.labeler, "-o", os.path.join(folder, "labels.csv"),
                            "--quiet"], check=True, stderr=subprocess.DEVNULL)
            cli_seconds.append(time.perf_counter() - start)
    python_rate = len(texts) / statistics.median(python_seconds)
    cli_rate = len(texts) / statistics.median(cli_seconds)
    print(f"{len(texts)} reports ({options.repeat} × {Path(options.input).name}), {options.labeler}, "
          f"{os.cpu_count()} cores, median of {options.runs} interleaved runs")
    print(f"  Python, in-process (Labeler.label → DataFrame): {python_rate:10,.0f} reports/s")
    print(f"  command line (CSV in, CSV out):                  {cli_rate:10,.0f} reports/s")
    print(f"  in-process / command line: {python_rate / cli_rate:.2f}")


if __name__ == "__main__":
    main()
