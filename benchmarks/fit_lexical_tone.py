"""Fit the lexical tone model (``framing.lexical_tone``) on NewsMTSC's tuning part and write its card.

Usage::

    python benchmarks/fit_lexical_tone.py [DATA_DIR] [--output models/target-tone-lexical.json]

Training data: every target of ``eval_target_tone.py``'s tuning part, read in
its sentence (the held-out articles are never read). Features are
:func:`framing.lexical_tone.mention_features`, the function that scores;
a feature is kept when at least ``MIN_EXAMPLES`` training examples have it.
The model is scikit-learn's multinomial logistic regression (lbfgs,
balanced class weights, ``MAX_ITER`` iterations; deterministic).

The inverse regularisation ``C`` is chosen among ``CS`` by mean macro F1 over
the tuning part's five folds (``eval_target_tone.fold_of``, by article): for
each fold a model is fitted on the other four (features counted on those
four only), its weights rounded as the card rounds them, and the fold scored
through :class:`framing.lexical_tone.LexicalToneModel`, the code that ships.
The model is then fitted with that ``C`` on the whole tuning part and written
as a card: weights rounded to ``DECIMALS`` places, a row that rounds to
zeros left out, the training record and the cross-validated figures.
``eval_target_tone.py --lexical --record`` adds the held-out figures, once.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import eval_target_tone as evaluation  # noqa: E402

from framing.io import write_atomic  # noqa: E402
from framing.lexical_tone import (  # noqa: E402
    CLASSES,
    FORMAT,
    FORMAT_VERSION,
    SHIPPED,
    LexicalToneModel,
    card_text,
    feature_settings,
    feature_values,
    mention_features,
)

CS = (0.03, 0.05, 0.1, 0.3)
MIN_EXAMPLES = 3
MAX_ITER = 3000
DECIMALS = 4
CITATION = ("Hamborg and Donnay (2021), NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment "
            "Classification in Political News Articles. EACL 2021.")
LICENCE = ("NewsMTSC repository files: MIT (Copyright 2020 Felix Hamborg); the sentences are short excerpts of "
           "copyrighted news articles (POLUSA; AllSides). The card holds weights and the words and word pairs "
           f"that at least {MIN_EXAMPLES} training examples share, not the sentences "
           "(see ../shared/data/newsmtsc/SOURCE.txt)")

Values = dict[str, float]


def featurise(rows: Sequence[evaluation.Example]) -> list[Values]:
    """Each example's feature values, its sentence as the context."""
    return [feature_values(mention_features(r.sentence, r.start, r.end, 0, len(r.sentence))) for r in rows]


def fit(values: Sequence[Values], labels: Sequence[str], c: float) -> LexicalToneModel:
    """A model fitted on these examples, keeping features that ``MIN_EXAMPLES`` of them have, weights rounded."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(name for row in values for name in row)
    kept = [{name: value for name, value in row.items() if seen[name] >= MIN_EXAMPLES} for row in values]
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(kept)
    classifier = LogisticRegression(C=c, solver="lbfgs", class_weight="balanced", max_iter=MAX_ITER)
    classifier.fit(matrix, list(labels))
    assert tuple(classifier.classes_) == CLASSES, classifier.classes_
    assert classifier.n_iter_.max() < MAX_ITER, "did not converge"
    weights = {}
    for name, column in zip(vectoriser.get_feature_names_out(), classifier.coef_.T):
        row = tuple(round(float(w), DECIMALS) + 0.0 for w in column)  # + 0.0 turns -0.0 into 0.0
        if any(row):
            weights[str(name)] = row
    intercepts = tuple(round(float(b), DECIMALS) + 0.0 for b in classifier.intercept_)
    return LexicalToneModel(weights, intercepts, f"fitted, C={c}")  # type: ignore[arg-type]


def predict(model: LexicalToneModel, values: Sequence[Values]) -> list[str]:
    """The most probable class of each example, as :class:`LexicalToneModel` scores it."""
    labels = []
    for row in values:
        probabilities = model.probabilities([(name, value, ()) for name, value in row.items()])
        labels.append(CLASSES[max(range(len(CLASSES)), key=probabilities.__getitem__)])
    return labels


def cross_validate(values: Sequence[Values], labels: Sequence[str], folds: Sequence[int],
                   c: float) -> list[dict[str, float]]:
    """The figures of each tuning fold, scored by a model fitted on the other folds."""
    results = []
    for fold in range(evaluation.FOLDS):
        train = [i for i, f in enumerate(folds) if f != fold]
        test = [i for i, f in enumerate(folds) if f == fold]
        model = fit([values[i] for i in train], [labels[i] for i in train], c)
        results.append(evaluation.scores([labels[i] for i in test], predict(model, [values[i] for i in test])))
    return results


def mean(results: Sequence[dict[str, float]]) -> dict[str, float]:
    return {key: round(sum(r[key] for r in results) / len(results), 4) for key in results[0]}


def card(model: LexicalToneModel, record: dict[str, Any], metrics: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "classes": list(CLASSES),
        "features": feature_settings(),
        "intercepts": list(model.intercepts),
        "weights": {name: list(row) for name, row in model.weights.items()},
        "training": record,
        "metrics": metrics,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=ROOT / "models" / f"{SHIPPED}.json")
    args = parser.parse_args(argv)
    rows = evaluation.part(args.data_dir, "tune")
    values, labels = featurise(rows), [r.label for r in rows]
    folds = [evaluation.fold_of(r.article) for r in rows]
    print(f"NewsMTSC tuning part: {len(rows)} targets in {len({r.article for r in rows})} articles", file=sys.stderr)
    by_c = {}
    for c in CS:
        by_c[c] = cross_validate(values, labels, folds, c)
        print(f"C={c}: mean macro F1 {mean(by_c[c])['macro_f1']:.4f}  folds "
              f"{[r['macro_f1'] for r in by_c[c]]}", file=sys.stderr)
    chosen = max(CS, key=lambda c: (mean(by_c[c])["macro_f1"], -c))  # a tie goes to the stronger regularisation
    model = fit(values, labels, chosen)
    print(f"chosen C={chosen}: {len(model.weights)} features", file=sys.stderr)
    record = {
        "command": "python benchmarks/fit_lexical_tone.py",
        "data": "NewsMTSC train.jsonl, tuning part; held-out articles never read",
        "data_sha256": evaluation.data_checksum(args.data_dir),
        "data_citation": CITATION,
        "data_licence": LICENCE,
        "heldout": "by article (gid prefix allsides_<n> or polusa_v1_<n>): SHA-256 of 'newsmtsc-heldout:<article>' "
                   "modulo 100 below 15; the tuning part's folds by SHA-256 of 'newsmtsc-fold:<article>' modulo 5",
        "targets": len(rows),
        "articles": len({r.article for r in rows}),
        "estimator": f"sklearn LogisticRegression(solver='lbfgs', multinomial, class_weight='balanced', "
                     f"max_iter={MAX_ITER})",
        "C": chosen,
        "selection": f"C among {list(CS)} by mean macro F1 over the five tuning folds (features counted and "
                     f"weights rounded within each fold's training part); the held-out part was measured once, "
                     f"after fitting",
        "min_examples": MIN_EXAMPLES,
        "weights": f"rounded to {DECIMALS} decimals; a feature whose three weights round to 0 is left out",
        "scikit-learn": version("scikit-learn"),
        "vaderSentiment": version("vaderSentiment"),
    }
    metrics = {
        "cv": {
            "folds": evaluation.FOLDS,
            "macro_f1_by_C": {str(c): {"folds": [r["macro_f1"] for r in by_c[c]], "mean": mean(by_c[c])["macro_f1"]}
                              for c in CS},
            "chosen": {"folds": by_c[chosen], "mean": mean(by_c[chosen])},
        },
    }
    write_atomic(args.output, card_text(card(model, record, metrics)))
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
