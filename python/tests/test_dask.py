"""Beyond one machine: a Dask DataFrame labelled with map_partitions on a local cluster equals the command line."""

import dask.dataframe as dd
import distributed
import numpy as np
import pandas as pd

import cxrlabel


def test_map_partitions_on_two_workers_equals_cli(cli_labels, shared_file):
    path = shared_file("data/iu-xray/impressions.csv")
    reports = pd.read_csv(path, dtype=str, keep_default_na=False).set_index("study_id")
    expected = cli_labels(path)[list(cxrlabel.OBSERVATIONS)]
    labeler = cxrlabel.Labeler("chexpert", jobs=1)  # one thread per worker: the workers are the parallelism
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        frame = dd.from_pandas(reports, npartitions=8, sort=False)
        assert frame.npartitions == 8
        labels = frame["report"].map_partitions(labeler.label, meta=labeler.label([])).compute()
        assert len(client.scheduler_info()["workers"]) == 2
    assert list(labels.index) == list(reports.index)
    np.testing.assert_array_equal(labels.to_numpy(), expected.loc[labels.index].to_numpy())
