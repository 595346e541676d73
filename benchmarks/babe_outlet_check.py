"""Sanity check of the loadedness index against expert labels, outlet by outlet.

BABE (Spinde et al. 2021) labels news sentences Biased / Non-biased and records
each sentence's outlet. This scores every sentence with framing, averages
``index.loadedness`` by outlet, and reports the Spearman rank correlation with
each outlet's share of sentences the experts marked biased. "No agreement"
sentences are dropped.

Run: ``python benchmarks/babe_outlet_check.py [--data ../shared/data]``
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from scipy.stats import spearmanr

import framing

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def evaluate(data_dir: Path) -> dict[str, object]:
    """Per-outlet mean loadedness and biased share, and their rank correlation."""
    path = data_dir / "babe" / "babe_train.csv"
    loaded: dict[str, list[float]] = defaultdict(list)
    biased: dict[str, list[int]] = defaultdict(list)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["label_bias"] not in ("Biased", "Non-biased"):
                continue
            analysis = framing.analyze(row["text"])
            loaded[row["outlet"]].append(analysis.features["index.loadedness"])
            biased[row["outlet"]].append(row["label_bias"] == "Biased")
    outlets = sorted(loaded)
    mean_loaded = [sum(loaded[o]) / len(loaded[o]) for o in outlets]
    share_biased = [sum(biased[o]) / len(biased[o]) for o in outlets]
    rho, p_value = spearmanr(mean_loaded, share_biased)
    return {
        "outlets": outlets,
        "sentences": [len(loaded[o]) for o in outlets],
        "mean_loadedness": mean_loaded,
        "biased_share": share_biased,
        "spearman_rho": float(rho),
        "p_value": float(p_value),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    result = evaluate(parser.parse_args().data)
    print(f"{'outlet':<20} {'sentences':>9} {'loadedness':>10} {'biased':>7}")
    rows = zip(result["outlets"], result["sentences"], result["mean_loadedness"], result["biased_share"])
    for outlet, n, value, share in sorted(rows, key=lambda r: -r[3]):
        print(f"{outlet:<20} {n:>9} {value:>10.2f} {share:>7.2f}")
    print(f"Spearman rho = {result['spearman_rho']:.3f} (p = {result['p_value']:.3f}, "
          f"{len(result['outlets'])} outlets)")


if __name__ == "__main__":
    main()
