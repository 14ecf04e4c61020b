"""score and `cxrlabel score`: every figure equal to scikit-learn's, on random matrices and on real label files."""

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import f1_score, precision_recall_fscore_support

import cxrlabel
from cxrlabel import BLANK
from cxrlabel._score import score_arrays

FIVE = ["Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Pleural Effusion"]
KEYS = {
    "precision_micro", "recall_micro", "f1_micro", "precision_macro", "recall_macro", "f1_macro",
    "precision_example", "recall_example", "f1_example", "f1_micro_5", "f1_macro_5", "per_observation",
}


def sklearn_scores(truth, predictions, columns, uncertain="negative"):
    """The figures computed by scikit-learn from label cells (1, 0, -1, anything else blank)."""
    positive = (1, -1) if uncertain == "positive" else (1,)
    order = [columns.index(name) for name in cxrlabel.OBSERVATIONS]
    y_true = np.isin(np.asarray(truth)[:, order], positive).astype(int)
    y_pred = np.isin(np.asarray(predictions)[:, order], positive).astype(int)
    figures = {}
    for average, suffix in [("micro", "micro"), ("macro", "macro"), ("samples", "example")]:
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average=average, zero_division=0)
        figures.update({f"precision_{suffix}": p, f"recall_{suffix}": r, f"f1_{suffix}": f})
    five = [cxrlabel.OBSERVATIONS.index(name) for name in FIVE]
    for average in ("micro", "macro"):
        figures[f"f1_{average}_5"] = f1_score(y_true[:, five], y_pred[:, five], average=average, zero_division=0)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, average=None, zero_division=0)
    figures["per_observation"] = {
        name: {"precision": p[i], "recall": r[i], "f1": f[i], "support": int(s[i])}
        for i, name in enumerate(cxrlabel.OBSERVATIONS)}
    return figures


def assert_same(ours, theirs):
    """Every key present and equal to 1e-9."""
    assert set(ours) == KEYS
    for key in KEYS - {"per_observation"}:
        assert ours[key] == pytest.approx(theirs[key], abs=1e-9), key
    assert list(ours["per_observation"]) == list(cxrlabel.OBSERVATIONS)
    for name, figures in theirs["per_observation"].items():
        for key, value in figures.items():
            assert ours["per_observation"][name][key] == pytest.approx(value, abs=1e-9), (name, key)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("uncertain", ["negative", "positive"])
def test_random_matrices_equal_sklearn(seed, uncertain):
    rng = np.random.default_rng(seed)
    rows = int(rng.integers(1, 60))
    # Sparse positives, so some observations and some studies have none on one side or both (zero_division).
    weights = rng.dirichlet(np.ones(4))
    cells = lambda: rng.choice(np.array([1, 0, -1, BLANK], dtype=np.int8), size=(rows, 14), p=weights)
    truth, predictions = cells(), cells()
    if seed % 3 == 0:
        truth[:, 3] = BLANK  # an observation nobody has
        predictions[0] = BLANK  # a study with no positive prediction
    columns = list(cxrlabel.OBSERVATIONS)
    ours = score_arrays(truth, predictions, columns, uncertain)
    assert_same(ours, sklearn_scores(truth, predictions, columns, uncertain))


def test_columns_are_matched_by_name():
    rng = np.random.default_rng(7)
    truth = rng.choice(np.array([1, 0, -1, BLANK], dtype=np.int8), size=(30, 14))
    predictions = rng.choice(np.array([1, 0, -1, BLANK], dtype=np.int8), size=(30, 14))
    columns = list(cxrlabel.OBSERVATIONS)
    shuffled = list(reversed(columns))
    ours = score_arrays(truth[:, ::-1].copy(), predictions[:, ::-1].copy(), shuffled)
    assert_same(ours, sklearn_scores(truth, predictions, columns))


def test_texts_scored_in_process():
    generated = ["Mild cardiomegaly. No effusion.", "No pneumothorax.", "Possible edema.", ""]
    reference = ["Cardiomegaly with small effusion.", "Small pneumothorax.", "Edema.", "Normal chest."]
    labeler = cxrlabel.Labeler()
    for uncertain in ("negative", "positive"):
        ours = cxrlabel.score(generated, reference, uncertain=uncertain)
        theirs = sklearn_scores(labeler.label_array(reference), labeler.label_array(generated), labeler.columns,
                                uncertain)
        assert_same(ours, theirs)
    assert cxrlabel.score(generated, reference)["per_observation"]["Cardiomegaly"]["f1"] == 1.0


def test_score_refuses_bad_pairs():
    with pytest.raises(ValueError, match="pair them"):
        cxrlabel.score(["a"], ["a", "b"])
    with pytest.raises(ValueError, match="no pair"):
        cxrlabel.score([], [])
    with pytest.raises(ValueError, match="uncertain"):
        cxrlabel.score(["a"], ["b"], uncertain="ignore")
    with pytest.raises(TypeError, match="generated item 0"):
        cxrlabel.score([3], ["b"])
    with pytest.raises(TypeError, match="reference item 1"):
        cxrlabel.score(["a", "b"], ["b", b"c"])


def test_series_are_paired_by_index():
    generated = pd.Series(["Cardiomegaly.", "No edema."], index=[1, 2])
    reference = pd.Series(["No edema.", "Cardiomegaly."], index=[2, 1])
    assert cxrlabel.score(generated, reference)["f1_micro"] == 1.0
    assert cxrlabel.score(generated.to_list(), reference.to_list())["f1_micro"] == 0.0  # by position
    with pytest.raises(ValueError, match="different index labels"):
        cxrlabel.score(generated, pd.Series(["Edema.", "Edema."], index=[1, 3]))


def test_cli_equals_python_and_sklearn_on_reports(run_cli, shared_file, tmp_path):
    path = shared_file("data/iu-xray/impressions.csv")
    reports = pd.read_csv(path, dtype=str, keep_default_na=False)
    # A stand-in model: each study's "generated" report is the next study's impression.
    generated = reports.assign(report=np.roll(reports["report"].to_numpy(), 1))
    generated.to_csv(tmp_path / "generated.csv", index=False)
    for uncertain in ("negative", "positive"):
        out = tmp_path / f"scores-{uncertain}.json"
        run_cli("score", tmp_path / "generated.csv", path, "--json", out, "--uncertain", uncertain, "--quiet")
        from_cli = json.loads(out.read_text())
        from_python = cxrlabel.score(generated["report"], reports["report"], uncertain=uncertain)
        labeler = cxrlabel.Labeler()
        theirs = sklearn_scores(labeler.label_array(reports["report"]), labeler.label_array(generated["report"]),
                                labeler.columns, uncertain)
        assert_same(from_cli, theirs)
        assert_same(from_python, theirs)


def test_cli_on_label_files_equals_sklearn(run_cli, shared_file, tmp_path):
    texts = shared_file("data/generated-style/texts-dev.csv")
    original = shared_file("data/generated-style/original-chexpert-dev.csv")
    out = tmp_path / "scores.json"
    both = tmp_path / "both.csv"
    run_cli("score", texts, original, "--json", out, "--labels-out", both, "--quiet")
    ours = json.loads(out.read_text())
    side = pd.read_csv(both, dtype={"study_id": str})
    names = list(cxrlabel.OBSERVATIONS)
    predictions = side[[f"generated_{n}" for n in names]].fillna(BLANK).to_numpy()
    truth = side[[f"reference_{n}" for n in names]].fillna(BLANK).to_numpy()
    assert_same(ours, sklearn_scores(truth, predictions, names))
    # The side-by-side file holds the reference file's labels as they are, and ours for the texts.
    reference = pd.read_csv(original, dtype={"study_id": str}).set_index("study_id").loc[side["study_id"]]
    np.testing.assert_array_equal(reference[names].fillna(BLANK).to_numpy(), truth)
    generated = cxrlabel.Labeler().label(pd.read_csv(texts, dtype=str).set_index("study_id")["report"])
    np.testing.assert_array_equal(generated.loc[side["study_id"], names].fillna(BLANK).to_numpy(), predictions)


CONVENTION_FIXTURES = ["random40", "blanks30", "oneclass25"]


def lineage_figures(fixtures, fixture, convention):
    """What the lineage's own code printed on the fixture (`Fixtures/ce-conventions`), under cxrlabel's keys."""
    folder = fixtures / "ce-conventions" / fixture
    data = json.loads((folder / f"{convention}.json").read_text())
    if convention != "chexbert":
        return {k: (None if v == "NaN" else v) for k, v in data["metrics"].items()}
    run = data["f1chexbert_0.0.2"]
    figures = {"accuracy": run["accuracy"]}
    for name, report in (("5", run["classification_report_5"]), ("all", run["classification_report_all"])):
        for average in ("micro", "macro", "weighted", "samples"):
            for figure, theirs in (("f1", "f1-score"), ("precision", "precision"), ("recall", "recall")):
                figures[f"f1chexbert_{name}_{average}_{figure}"] = report[f"{average} avg"][theirs]
    return figures


def fixture_arrays(fixtures, fixture):
    folder = fixtures / "ce-conventions" / fixture
    generated = pd.read_csv(folder / "generated.csv", index_col="study_id")
    reference = pd.read_csv(folder / "reference.csv", index_col="study_id").loc[generated.index]
    as_int8 = lambda frame: frame.fillna(BLANK).to_numpy(dtype=np.int8)
    return as_int8(reference), as_int8(generated), list(generated.columns)


@pytest.mark.parametrize("fixture", CONVENTION_FIXTURES)
@pytest.mark.parametrize("convention", ["r2gen", "wcl", "chexbert"])
def test_conventions_equal_the_lineages_own_code(fixtures, fixture, convention):
    truth, predictions, columns = fixture_arrays(fixtures, fixture)
    ours = score_arrays(truth, predictions, columns, convention=convention)
    expected = lineage_figures(fixtures, fixture, convention)
    assert len(expected) >= 4
    for key, value in expected.items():
        assert key in ours, key
        if value is None:
            assert ours[key] is None, key
        else:
            assert abs(ours[key] - value) < 1e-9, (key, ours[key], value)


def test_a_convention_fixes_uncertain():
    with pytest.raises(ValueError, match="leave out uncertain"):
        cxrlabel.score(["a"], ["b"], uncertain="positive", convention="wcl")
    with pytest.raises(ValueError, match="convention must be one of"):
        cxrlabel.score(["a"], ["b"], convention="r2genn")


def test_per_study_equals_the_cli(run_cli, fixtures, tmp_path):
    reports = pd.read_csv(fixtures / "reports.csv", dtype=str, keep_default_na=False)
    generated = reports.assign(report=np.roll(reports["report"].to_numpy(), 1))
    generated.to_csv(tmp_path / "generated.csv", index=False)
    reports.to_csv(tmp_path / "reference.csv", index=False)
    for convention in ("default", "wcl"):
        out = tmp_path / f"per-study-{convention}.csv"
        run_cli("score", tmp_path / "generated.csv", tmp_path / "reference.csv", "--per-study", out,
                "--convention", convention, "--quiet")
        from_cli = pd.read_csv(out)
        ours = cxrlabel.per_study(generated["report"], reports["report"], convention=convention)
        assert len(ours) == len(from_cli) == len(reports)
        assert list(ours.columns) == list(from_cli.columns)[1:]
        for column in ours.columns:
            np.testing.assert_allclose(ours[column].to_numpy(dtype=float), from_cli[column].to_numpy(dtype=float),
                                       rtol=0, atol=1e-12, equal_nan=True, err_msg=column)
    worst = ours.sort_values("f1").iloc[0]
    assert worst["f1"] <= ours["f1"].max()
