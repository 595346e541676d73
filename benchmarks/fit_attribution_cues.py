"""Fit the attribution family's learned second stage on PolNeAR's tuning part.

Usage: ``python benchmarks/fit_attribution_cues.py [DATA_DIR] [--write]``, then
``python tools/refresh_sidecars.py``.

The rules (``framing.features.attribution``) find most cues; this fits a
logistic regression over the words they leave, each a candidate only when a
source stands before it (``attribution.cue_candidates``: the word, its
suffix-stripped form, what follows it, what kind of source precedes it ...).
A candidate is positive when it overlaps an in-scope gold cue (scope as in
``eval_attribution.py``); one that overlaps only a thought, wish or evidence
cue is left out of the fit. Only the tuning part is read (the held-out part
stays unseen). The threshold is chosen by 5-fold cross-validation grouped by
text: the one with the best cue F1 (rules plus learned cues) among those
whose added cues are right at least ``MIN_PRECISION`` of the time, the bar
the cue lexicon's verbs had to pass. Weights are written as JSON (feature ->
weight), rounded; features seen fewer than ``MIN_COUNT`` times are dropped.
Deterministic: lbfgs on fixed folds, no random state involved.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import eval_attribution as ev  # noqa: E402
from framing.features import attribution  # noqa: E402
from framing.text import build_doc  # noqa: E402
from framing.types import END, START  # noqa: E402

OUT = ROOT / "framing" / "lexicons" / "data" / "attribution-cue-scorer.v1.json"
C = 1.0
MIN_COUNT = 3
MIN_PRECISION = 0.65
FOLDS = 5
# Never scored: the evaluation's thoughts, wishes and evidence (out of the product's scope), and
# intentions and regard that PolNeAR sometimes marks ("is looking to extricate", "regards it complete").
EXCLUDED = ev.NON_SPEECH | frozenset("look looks looked looking regard regards regarded regarding".split())
# Not verbs, though right 3 times or more as part of a longer gold cue ("was quick to blame", "has long
# argued", "his allegations"): a user would see the adjective or noun as the verb, so they are not scored.
NOT_VERBS = frozenset(
    "allegations am cannot clear eager earlier endorsement hard last long messages never quick speech "
    "supporters unclear willing".split()
)
THRESHOLDS = tuple(round(0.3 + 0.05 * k, 2) for k in range(13))


def collect(data_dir: Path) -> tuple[list[tuple[str, tuple[str, ...], bool, list[str]]], Counter[str]]:
    """Candidate rows (text, features, label, new gold ids it finds) and the rules' own counts."""
    speech = attribution.cue_forms()
    rows = []
    base: Counter[str] = Counter()
    for name, ann in ev._texts(data_dir, "tune"):  # noqa: SLF001
        text = (data_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        gold = ev.read_gold(ann)
        doc = build_doc(text)
        found = attribution.rule_attributions(doc)
        rules = [(doc.tokens[e.cue[0]][START], doc.tokens[e.cue[1] - 1][END]) for e in found]
        scoped = {k for k, g in enumerate(gold) if ev._in_scope(text, g["Cue"], speech)}  # noqa: SLF001
        hit = {k for k in scoped if any(ev._overlaps(c, gold[k]["Cue"]) for c in rules)}  # noqa: SLF001
        base["gold"] += len(scoped)
        base["gold_ok"] += len(hit)
        for cue in rules:
            hits = {k for k, g in enumerate(gold) if ev._overlaps(cue, g["Cue"])}  # noqa: SLF001
            if hits and not hits & scoped:
                continue
            base["pred"] += 1
            base["pred_ok"] += bool(hits & scoped)
        for candidate in attribution.cue_candidates(doc, found, every_word=True):
            token = doc.tokens[candidate.sentence.token_start + candidate.index]
            hits = {k for k, g in enumerate(gold) if ev._overlaps((token[START], token[END]), g["Cue"])}  # noqa: SLF001
            if hits and not hits & scoped:
                continue  # a thought, wish or evidence cue: neither right nor wrong
            rows.append((name, candidate.features, bool(hits & scoped),
                         [f"{name}#{k}" for k in hits & scoped - hit]))
    return rows, base


def _word(row) -> str:
    return next(f[2:] for f in row[1] if f.startswith("w="))


def irregular_verb_forms(rows) -> list[str]:
    """Words not ending in -ed that were right at least ``MIN_COUNT`` times ("vows", "spoke", "took"),
    less ``NOT_VERBS``.

    Only such words and words in -ed are scored at run time: other words in
    -s and -ing are plural nouns and gerunds far more often (right 7% and 12%
    of the time, against 23% for -ed), and scoring them all costs time.
    """
    right = Counter(_word(r) for r in rows if r[2])
    return sorted(w for w, n in right.items() if n >= MIN_COUNT and w not in NOT_VERBS
                  and not w.endswith(attribution.VERB_ENDING))


def _vectorise(rows, keep):
    return [{f: 1 for f in features if f in keep} for _, features, _, _ in rows]


def _fit(X, y):
    vectoriser = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=5000).fit(vectoriser.fit_transform(X), y)
    return vectoriser, model


def cross_validate(rows, base, keep) -> list[dict[str, float]]:
    """Cue P/R/F1 of rules plus learned cues at each threshold, from out-of-fold probabilities."""
    X, y = _vectorise(rows, keep), np.array([r[2] for r in rows])
    groups = [r[0] for r in rows]
    p = np.zeros(len(rows))
    for train, test in GroupKFold(FOLDS).split(X, y, groups):
        vectoriser, model = _fit([X[i] for i in train], y[train])
        p[test] = model.predict_proba(vectoriser.transform([X[i] for i in test]))[:, 1]
    table = []
    for threshold in THRESHOLDS:
        chosen = p >= threshold
        added, right = int(chosen.sum()), int(y[chosen].sum())
        found = len({g for row, c in zip(rows, chosen) if c for g in row[3]})
        precision = (base["pred_ok"] + right) / (base["pred"] + added)
        recall = (base["gold_ok"] + found) / base["gold"]
        table.append({"threshold": threshold, "added": added, "added_precision": right / max(1, added),
                      "precision": precision, "recall": recall,
                      "f1": 2 * precision * recall / (precision + recall)})
    return table


def fit(data_dir: Path = ev.DEFAULT_DATA, report: Callable[[str], object] = print) -> dict[str, Any]:
    """The scorer's JSON data: cross-validated threshold, then weights fitted on the whole tuning part."""
    rows, base = collect(data_dir)
    verb_forms = irregular_verb_forms(rows)
    rows = [r for r in rows if _word(r).endswith(attribution.VERB_ENDING) or _word(r) in verb_forms]
    counts = Counter(f for _, features, _, _ in rows for f in features)
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    rules_p, rules_r = base["pred_ok"] / base["pred"], base["gold_ok"] / base["gold"]
    report(f"rules alone: P {rules_p:.3f} R {rules_r:.3f} F1 {2 * rules_p * rules_r / (rules_p + rules_r):.4f}; "
           f"{len(rows)} candidates, {sum(r[2] for r in rows)} positive, {len(keep)} features")
    table = cross_validate(rows, base, keep)
    for row in table:
        report("  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items()))
    best = max((row for row in table if row["added_precision"] >= MIN_PRECISION), key=lambda row: row["f1"])
    report(f"chosen threshold {best['threshold']}: cross-validated F1 {best['f1']:.4f}")
    vectoriser, model = _fit(_vectorise(rows, keep), np.array([r[2] for r in rows]))
    weights = {name: round(float(w), 4) for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0])
               if round(float(w), 4)}
    return {
        "about": "Logistic regression weights of the attribution family's learned cue stage "
                 "(framing.features.attribution.cue_candidates); fitted by benchmarks/fit_attribution_cues.py",
        "fitted_on": "PolNeAR train (Newell et al. 2018), tuning part only (held-out part unseen)",
        "C": C, "min_count": MIN_COUNT, "folds": FOLDS, "min_added_precision": MIN_PRECISION,
        "cross_validation": {k: round(v, 4) for k, v in best.items()},
        "threshold": best["threshold"],
        "intercept": round(float(model.intercept_[0]), 4),
        "excluded": sorted(EXCLUDED),
        "verb_forms": verb_forms,
        "weights": dict(sorted(weights.items())),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=ev.DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help=f"write the weights to {OUT.name}")
    args = parser.parse_args(argv)
    data = fit(args.data_dir)
    if not args.write:
        return
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sidecar = OUT.with_name(OUT.name.replace(".json", ".meta.json"))
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    meta["entries"] = len(data["weights"])  # then run tools/refresh_sidecars.py for the checksum
    sidecar.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['weights'])} weights)")


if __name__ == "__main__":
    main()
