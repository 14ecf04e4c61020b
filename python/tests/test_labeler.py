"""Labeler: the same labels as the command line, the documented shapes and types, threads, and bad input."""

import pickle
import threading
import time

import numpy as np
import pandas as pd
import pytest

import cxrlabel


def frame_equal(python, cli):
    """Asserts two label frames hold the same cells (NaN equal to NaN), row by row."""
    assert list(python.columns) == list(cli.columns)
    assert python.shape == cli.shape
    np.testing.assert_array_equal(python.to_numpy(), cli.to_numpy())


@pytest.mark.parametrize("labeler", ["chexpert", "negbio"])
def test_fixture_csv_equals_cli(cli_labels, fixtures, labeler):
    reports = pd.read_csv(fixtures / "reports.csv", dtype=str, keep_default_na=False)
    expected = cli_labels(fixtures / "reports.csv", "--labeler", labeler)
    got = cxrlabel.Labeler(labeler).label(reports["report"])
    frame_equal(got, expected[list(cxrlabel.OBSERVATIONS)])


@pytest.mark.parametrize("labeler", ["chexpert", "negbio"])
def test_fixture_report_tree_equals_cli(cli_labels, fixtures, labeler):
    files = sorted((fixtures / "reports").rglob("*.txt"))
    assert files, "the fixture tree has report files"
    expected = cli_labels(fixtures / "reports", "--labeler", labeler)
    texts = [path.read_text() for path in files]
    # The ids matter: MIMIC-CXR's section fixes name studies (s58235663 has no section to label).
    got = cxrlabel.Labeler(labeler, report_files=True).label(texts, ids=[path.stem for path in files])
    got.index = [name[1:] for name in got.index]
    frame_equal(got.sort_index(), expected.sort_index()[list(cxrlabel.OBSERVATIONS)])


@pytest.mark.parametrize("labeler", ["chexpert", "negbio"])
def test_iu_impressions_equal_cli(cli_labels, shared_file, labeler):
    path = shared_file("data/iu-xray/impressions.csv")
    reports = pd.read_csv(path, dtype=str, keep_default_na=False)
    expected = cli_labels(path, "--labeler", labeler)
    got = cxrlabel.Labeler(labeler).label(reports["report"].tolist())
    assert len(got) == len(reports) == 3826
    frame_equal(got, expected[list(cxrlabel.OBSERVATIONS)])


def test_frame_shape_dtypes_and_values():
    texts = ["No pneumothorax. Mild cardiomegaly.", "Possible edema.", ""]
    frame = cxrlabel.Labeler().label(texts)
    assert list(frame.columns) == list(cxrlabel.OBSERVATIONS)
    assert all(dtype == np.float64 for dtype in frame.dtypes)
    assert isinstance(frame.index, pd.RangeIndex) and len(frame) == 3
    assert frame.loc[0, "Pneumothorax"] == 0.0 and frame.loc[0, "Cardiomegaly"] == 1.0
    assert frame.loc[1, "Edema"] == -1.0
    assert frame.loc[2].isna().all(), "a report with no text gets a blank row, as the command line writes it"
    assert set(np.unique(frame.to_numpy()[~np.isnan(frame.to_numpy())])) <= {1.0, 0.0, -1.0}


def test_empty_as_normal_labels_no_finding():
    frame = cxrlabel.Labeler(empty_as_normal=True).label(["", "  "])
    assert (frame["No Finding"] == 1.0).all()


def test_array_is_int8_with_blank_code():
    labeler = cxrlabel.Labeler()
    cells = labeler.label_array(["No pneumothorax.", "Cardiomegaly."])
    assert cells.dtype == np.int8 and cells.shape == (2, 14)
    pneumothorax = cxrlabel.OBSERVATIONS.index("Pneumothorax")
    assert cells[0, pneumothorax] == 0
    assert cells[1, pneumothorax] == cxrlabel.BLANK
    assert labeler.label_array(["Cardiomegaly."], blank=0)[0, pneumothorax] == 0
    with pytest.raises(ValueError):
        labeler.label_array(["x"], blank=200)


def test_series_keeps_its_index():
    series = pd.Series(["No edema.", "Edema."], index=["s9", "s7"])
    frame = cxrlabel.Labeler().label(series)
    assert list(frame.index) == ["s9", "s7"]
    assert frame.loc["s7", "Edema"] == 1.0 and frame.loc["s9", "Edema"] == 0.0


def test_empty_list_gives_empty_frame():
    labeler = cxrlabel.Labeler()
    frame = labeler.label([])
    assert frame.shape == (0, 14) and list(frame.columns) == list(cxrlabel.OBSERVATIONS)
    assert labeler.label_array([]).shape == (0, 14)


@pytest.mark.parametrize("bad, kind", [(b"No edema.", "bytes"), (3, "int"), ([], "list")])
def test_non_string_item_names_its_index(bad, kind):
    with pytest.raises(TypeError, match=rf"item 1 .*{kind}"):
        cxrlabel.Labeler().label(["No edema.", bad, "Edema."])


def test_series_error_names_the_label_too():
    with pytest.raises(TypeError, match=r"item 1 \(index 'b'\) is bytes"):
        cxrlabel.Labeler().label(pd.Series(["x", b"y"], index=["a", "b"]))


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA])
def test_missing_text_is_an_empty_report_as_the_command_line_writes_it(missing):
    # pd.read_csv gives NaN for an empty report cell; the command line writes such a row blank.
    with pytest.warns(UserWarning, match="1 of 3 reports have no text"):
        frame = cxrlabel.Labeler().label(["No edema.", missing, "Edema."])
    assert frame.iloc[1].isna().all()
    assert frame.iloc[0]["Edema"] == 0.0 and frame.iloc[2]["Edema"] == 1.0
    with pytest.warns(UserWarning):
        assert (cxrlabel.Labeler().label_array([missing]) == cxrlabel.BLANK).all()


def test_a_csv_with_an_empty_report_cell_labels_as_the_command_line_does(tmp_path):
    path = tmp_path / "reports.csv"
    path.write_text("study_id,report\n1,No pneumothorax.\n2,\n3,Small effusion.\n")
    reports = pd.read_csv(path)
    assert reports["report"].isna().sum() == 1
    with pytest.warns(UserWarning, match="1 of 3"):
        frame = cxrlabel.Labeler().label(reports["report"], ids=reports["study_id"])
    # The index is the Series' own (0, 1, 2), as for any Series.
    assert frame.iloc[1].isna().all()
    assert frame.iloc[0]["Pneumothorax"] == 0.0 and frame.iloc[2]["Pleural Effusion"] == 1.0


def test_a_mapping_is_labelled_by_its_values_with_its_keys_as_ids():
    frame = cxrlabel.Labeler().label({"s1": "Mild edema.", "s2": "No pneumothorax."})
    assert list(frame.index) == ["s1", "s2"]
    assert frame.loc["s1", "Edema"] == 1.0 and frame.loc["s2", "Pneumothorax"] == 0.0
    assert cxrlabel.Labeler().label_array({"a": "Mild edema."})[0][cxrlabel.OBSERVATIONS.index("Edema")] == 1
    with pytest.raises(ValueError, match="leave out ids"):
        cxrlabel.Labeler().label({"s1": "x"}, ids=["s1"])
    with pytest.raises(TypeError, match="mapping"):
        cxrlabel.score({"s1": "Edema."}, ["Edema."])


def test_one_string_is_refused():
    with pytest.raises(TypeError, match="give a list"):
        cxrlabel.Labeler().label("No pneumothorax.")


def test_unknown_labeler_and_missing_file():
    with pytest.raises(ValueError, match="chexpert"):
        cxrlabel.Labeler("chexbert")
    with pytest.raises(ValueError, match="no-such-rules"):
        cxrlabel.Labeler(rules="/no-such-rules.rules")


def test_threads_share_a_labeler():
    labeler = cxrlabel.Labeler()
    texts = [f"Report {i}. No pneumothorax. {'Mild cardiomegaly.' if i % 3 else 'Possible edema.'}" for i in range(600)]
    expected = labeler.label_array(texts, blank=cxrlabel.BLANK)
    results = [None] * 6

    def work(slot):
        results[slot] = labeler.label_array(texts)

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        np.testing.assert_array_equal(result, expected)


def test_one_job_and_every_core_agree():
    texts = ["No pneumothorax.", "Cardiomegaly, possible effusion.", "", "Lines and tubes unchanged."] * 50
    np.testing.assert_array_equal(
        cxrlabel.Labeler(jobs=1).label_array(texts), cxrlabel.Labeler().label_array(texts))


def test_gil_is_released_while_labelling():
    # While one thread is inside the library, another Python thread must run: its clock readings fall between the
    # moment the call started and the moment it returned.
    labeler = cxrlabel.Labeler(jobs=1)
    texts = ["Heart size normal. No focal consolidation, pleural effusion or pneumothorax. Mild degenerative change."] * 4000
    window = {}

    def work():
        window["start"] = time.perf_counter()
        labeler.label_array(texts)
        window["end"] = time.perf_counter()

    worker = threading.Thread(target=work)
    readings = []
    worker.start()
    while worker.is_alive():
        readings.append(time.perf_counter())
        time.sleep(0.0005)
    worker.join()
    inside = [t for t in readings if window["start"] < t < window["end"]]
    assert len(inside) >= 3, f"{len(inside)} readings while the library ran ({window['end'] - window['start']:.3f} s)"


def test_explain_lists_mentions_with_rules():
    mentions = cxrlabel.Labeler().explain("No pneumothorax. Possible edema.")
    assert [m["observation"] for m in mentions] == ["Pneumothorax", "Edema"]
    first = mentions[0]
    assert first["result"] == "negation" and first["phrase"] == "pneumothorax"
    assert first["span"] == (first["start"], first["end"]) and first["end"] > first["start"]
    assert first["rule"] and ":" in first["rule_source"]
    assert mentions[1]["result"] == "uncertainty"
    with pytest.raises(TypeError):
        cxrlabel.Labeler().explain(["No pneumothorax."])


def test_pickle_rebuilds_the_labeler():
    labeler = cxrlabel.Labeler("negbio", jobs=1)
    copy = pickle.loads(pickle.dumps(labeler))
    assert copy.name == "negbio" and copy.columns == labeler.columns
    texts = ["No pneumothorax.", "Possible pneumonia."]
    np.testing.assert_array_equal(copy.label_array(texts), labeler.label_array(texts))


def test_custom_vocabulary_adds_a_column(tmp_path, root):
    custom = tmp_path / "custom.phrases"
    custom.write_text((root / "Phrases" / "data" / "chexpert.phrases").read_text() + "\n[Emphysema]\nmention emphysema\n")
    labeler = cxrlabel.Labeler(phrases=str(custom))
    assert labeler.columns == list(cxrlabel.OBSERVATIONS) + ["Emphysema"]
    frame = labeler.label(["Mild emphysema. No pneumothorax.", "No emphysema."])
    assert list(frame["Emphysema"]) == [1.0, 0.0]


def test_long_batches_are_labelled_in_chunks(monkeypatch):
    import cxrlabel._labeler as module

    texts = [f"Report {i}. {'No pneumothorax.' if i % 2 else 'Mild cardiomegaly.'}" for i in range(50)]
    ids = [f"s{i}" for i in range(50)]
    whole = cxrlabel.Labeler().label(texts, ids=ids)
    monkeypatch.setattr(module, "CHUNK", 7)
    chunked = cxrlabel.Labeler().label(texts, ids=ids)
    assert list(chunked.index) == ids
    np.testing.assert_array_equal(chunked.to_numpy(), whole.to_numpy())
    with pytest.raises(TypeError, match="item 45 "):
        cxrlabel.Labeler().label(texts[:45] + [3] + texts[46:])


def test_a_dataframe_or_a_table_is_refused_with_the_fix():
    frame = pd.DataFrame({"study_id": ["s1"], "report": ["No edema."]})
    with pytest.raises(TypeError, match=r'df\["report"\]'):
        cxrlabel.Labeler().label(frame[["report"]])
    with pytest.raises(TypeError, match="1-dimensional"):
        cxrlabel.Labeler().label_array(np.array([["No edema."], ["Edema."]]))


def test_ids_may_be_ints_or_lack_their_s(fixtures):
    # s58235663 is one of MIMIC-CXR's per-study section fixes (no section to label): its row is blank whichever way
    # the id is written, and the ids become the index as given.
    path = fixtures / "reports" / "files" / "p11" / "p11000003" / "s58235663.txt"
    labeler = cxrlabel.Labeler(report_files=True)
    for ids in (["s58235663"], ["58235663"], [58235663], np.array([58235663])):
        frame = labeler.label([path.read_text()], ids=ids)
        assert frame.iloc[0].isna().all(), ids
    assert list(labeler.label([path.read_text()], ids=[58235663]).index) == [58235663]
    assert not labeler.label([path.read_text()]).iloc[0].isna().all(), "without the id, the fix does not apply"
    with pytest.raises(TypeError, match="ids item 0 is float"):
        labeler.label(["x"], ids=[1.5])
    with pytest.raises(ValueError, match="2 ids for 1 texts"):
        labeler.label(["x"], ids=["a", "b"])


def test_explain_spans_index_the_clean_text(fixtures):
    labeler = cxrlabel.Labeler()
    for mention in labeler.explain("Écho: mild cardiomegaly. No pleural effusion."):
        start, end = mention["span"]
        assert mention["clean"][start:end] == mention["text"]
        assert mention["text"] in mention["sentence_text"]
    path = fixtures / "reports" / "files" / "p11" / "p11000003" / "s58235663.txt"
    with_id = cxrlabel.Labeler(report_files=True).explain(path.read_text(), id="s58235663")
    assert with_id == [], "the explanation follows the same section choice as label(ids=...)"


def test_options_are_checked():
    with pytest.raises(ValueError, match="blank"):
        cxrlabel.Labeler().label_array(["x"], blank=True)
    assert cxrlabel.Labeler(jobs=np.int64(2)).jobs == 2
    with pytest.raises(ValueError, match="jobs"):
        cxrlabel.Labeler(jobs=True)
    with pytest.raises(ValueError, match="phrases must name a file"):
        cxrlabel.Labeler(phrases="")


def test_amend_repairs_what_the_original_rules_miss():
    text = ["Pneumothorax is not identified."]
    assert cxrlabel.Labeler().label(text).iloc[0]["Pneumothorax"] == 1.0  # the original's label
    amended = cxrlabel.Labeler(amend=True)
    assert amended.label(text).iloc[0]["Pneumothorax"] == 0.0
    [mention] = amended.explain(text[0])
    assert mention["rule"] == "amend-neg-passive" and "amend.rules" in mention["rule_source"]
    assert pickle.loads(pickle.dumps(amended)).label(text).iloc[0]["Pneumothorax"] == 0.0
    # Scored against "No pneumothorax.": the original reads a pneumothorax where there is none.
    assert cxrlabel.score(text, ["No pneumothorax."], labeler=amended)["f1_micro"] == 1.0
    assert cxrlabel.score(text, ["No pneumothorax."])["f1_micro"] == 0.0
