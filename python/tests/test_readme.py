"""The README's Python and cluster examples run as written."""

import os
import re
import shutil
import subprocess
from pathlib import Path



def readme_blocks(root, language):
    """The README's code blocks in `language`, from its "Python" section up to "Agreement"."""
    text = (root / "README.md").read_text()
    section = text[text.index("\n## Python\n"):text.index("\n## Agreement\n")]
    return re.findall(rf"```{language}\n(.*?)```", section, flags=re.S)


def test_python_examples_run(root):
    blocks = readme_blocks(root, "python")
    assert len(blocks) >= 3, "the Python section has its examples"
    namespace = {"__name__": "readme"}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["scores"]["f1_micro"] >= 0 and set(namespace["labels"].columns) >= {"Cardiomegaly"}


def test_slurm_scripts_give_the_unsharded_output(cli, root, fixtures, tmp_path):
    shell = readme_blocks(root, "sh")
    shard_script = next(block for block in shell if "#SBATCH" in block)
    merge_script = next(block for block in shell if "merge.sh" in block)
    (tmp_path / "label-shard.sh").write_text(shard_script)
    (tmp_path / "merge.sh").write_text(merge_script)
    shutil.copytree(fixtures / "reports" / "files", tmp_path / "files")
    environment = dict(os.environ, PATH=str(Path(cli).parent) + os.pathsep + os.environ["PATH"])
    for task in (1, 2, 3):
        subprocess.run(
            ["bash", "label-shard.sh"], cwd=tmp_path, check=True,
            env=dict(environment, SLURM_ARRAY_TASK_ID=str(task), SLURM_ARRAY_TASK_COUNT="3", SLURM_CPUS_PER_TASK="1"))
    subprocess.run(["bash", "merge.sh", "3"], cwd=tmp_path, check=True, env=environment)
    whole = subprocess.run([cli, "files/", "--quiet"], cwd=tmp_path, check=True, stdout=subprocess.PIPE).stdout
    assert (tmp_path / "labels.csv").read_bytes() == whole
    assert whole.count(b"\n") == 8  # a header and the 7 fixture studies
    (tmp_path / "labels-2.csv").unlink()
    missing = subprocess.run(["bash", "merge.sh", "3"], cwd=tmp_path, env=environment, stderr=subprocess.PIPE, text=True)
    assert missing.returncode != 0 and "labels-2.csv is missing" in missing.stderr
