"""Measure ``framing.target_tone`` on the held-out part of NewsMTSC's training file, with VADER as the floor.

Usage::

    python benchmarks/eval_target_tone.py [DATA_DIR] [--model CARD] [--record] [--cost]
    python benchmarks/eval_target_tone.py [DATA_DIR] --lexical [--model CARD] [--record] [--cost]

Data: ``DATA_DIR/newsmtsc/train.jsonl`` (default ``../shared/data``; see its
SOURCE.txt). Every target is one example: the sentence, the mention's offsets
and its polarity (2 negative, 4 neutral, 6 positive).

The held-out part is chosen by article, never by sentence: the article is the
gid's ``allsides_<n>`` or ``polusa_v1_<n>``, and an article is held out when
the SHA-256 of ``newsmtsc-heldout:<article>`` falls in its lowest 15 %
(``HELDOUT_SHARE``). The rest is the tuning part, cut the same way into five
folds (``newsmtsc-fold:<article>``); ``DEV_FOLD`` is the development fold
(``fit_target_tone.py --development`` trains without it and measures on it).

Prints macro F1, accuracy and per-class precision, recall and F1 of the model
(the shipped one by default), and the same for VADER's compound score on the
whole sentence (>= 0.05 positive, <= -0.05 negative), the floor.
``--record`` writes the model's figures into its card (``metrics``, beside
the development fold's);
``--cost`` also times the model per mention and per seed article.
``--lexical`` measures the lexical model (:mod:`framing.lexical_tone`, the
shipped card or ``--model``) instead, each mention read in its sentence as
the public function reads it; ``--record`` then writes into that card.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from framing.features.tone import NEGATIVE, POSITIVE, sentence_compound  # noqa: E402
from framing.lexical_tone import LexicalToneModel, card_text, lexical_tones, load_lexical_tone  # noqa: E402
from framing.lexical_tone import shipped_card_path as shipped_lexical_card  # noqa: E402
from framing.target_tone import (  # noqa: E402
    CLASSES,
    TargetToneModel,
    load_target_tone,
    shipped_card_path,
    target_tones,
)
from framing.text import build_doc  # noqa: E402
from framing.types import END, START  # noqa: E402

HELDOUT_SHARE = 15  # per cent of articles
FOLDS = 5
DEV_FOLD = 0
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_ARTICLE = re.compile(r"^(allsides_\d+|polusa_v1_-?\d+)_")


class Example(NamedTuple):
    """One NewsMTSC target: its article, sentence, mention offsets and gold label.

    A named tuple: tests load this script without registering it as a module, which dataclasses need.
    """

    article: str
    sentence: str
    start: int
    end: int
    label: str


def article_of(gid: str) -> str:
    """The source article of a NewsMTSC gid (``allsides_1000_401_25_...`` -> ``allsides_1000``)."""
    match = _ARTICLE.match(gid)
    if not match:
        raise ValueError(f"not a NewsMTSC gid: {gid!r}")
    return match.group(1)


def _bucket(salt: str, article: str, buckets: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{salt}:{article}".encode()).digest()[:8], "big") % buckets


def split_of(article: str) -> str:
    """``heldout`` for about 15 % of articles, chosen by a fixed hash, else ``tune``."""
    return "heldout" if _bucket("newsmtsc-heldout", article, 100) < HELDOUT_SHARE else "tune"


def fold_of(article: str) -> int:
    """The tuning fold (0-4) of an article of the tuning part."""
    return _bucket("newsmtsc-fold", article, FOLDS)


def examples(data_dir: Path) -> list[Example]:
    """Every target of ``newsmtsc/train.jsonl`` as an example, in file order."""
    rows = []
    with open(data_dir / "newsmtsc" / "train.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            sentence = row["sentence_normalized"]
            article = article_of(row["primary_gid"])
            for target in row["targets"]:
                start, end = int(target["from"]), int(target["to"])
                assert sentence[start:end] == target["mention"], target
                rows.append(Example(article, sentence, start, end, POLARITY[float(target["polarity"])]))
    return rows


def part(data_dir: Path, name: str) -> list[Example]:
    """The examples of one part: ``heldout``, ``tune``, ``dev`` (DEV_FOLD) or ``tune-dev`` (the other folds)."""
    chosen = []
    for example in examples(data_dir):
        split = split_of(example.article)
        if name == "heldout":
            keep = split == "heldout"
        elif name == "tune":
            keep = split == "tune"
        else:
            in_dev = split == "tune" and fold_of(example.article) == DEV_FOLD
            keep = in_dev if name == "dev" else split == "tune" and not in_dev
        if keep:
            chosen.append(example)
    return chosen


def data_checksum(data_dir: Path) -> str:
    return hashlib.sha256((data_dir / "newsmtsc" / "train.jsonl").read_bytes()).hexdigest()


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Macro F1, accuracy and per-class precision, recall and F1."""
    result = {"n": float(len(gold)), "accuracy": sum(g == p for g, p in zip(gold, predicted)) / max(1, len(gold))}
    f1s = []
    for label in CLASSES:
        hit = sum(g == p == label for g, p in zip(gold, predicted))
        said, truly = sum(p == label for p in predicted), sum(g == label for g in gold)
        precision, recall = hit / said if said else 0.0, hit / truly if truly else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result |= {f"{label}.precision": precision, f"{label}.recall": recall, f"{label}.f1": f1}
        f1s.append(f1)
    result["macro_f1"] = sum(f1s) / len(f1s)
    return {key: round(value, 4) for key, value in result.items()}


def model_labels(model: TargetToneModel, rows: Iterable[Example]) -> list[str]:
    """The model's label for each example, reading the example's sentence as the context."""
    return [tone.label for row in rows for tone in target_tones(row.sentence, [(row.start, row.end)], model=model)]


def lexical_labels(model: LexicalToneModel, rows: Iterable[Example]) -> list[str]:
    """The lexical model's label for each example, reading the example's sentence as :func:`model_labels` does."""
    return [tone.label for row in rows for tone in lexical_tones(row.sentence, [(row.start, row.end)], model=model)]


def vader_label(sentence: str) -> str:
    """VADER's label for a whole sentence, at its conventional thresholds."""
    compound = sentence_compound(sentence)
    return "positive" if compound >= POSITIVE else "negative" if compound <= NEGATIVE else "neutral"


def evaluate(rows: Sequence[Example], label: Callable[[Sequence[Example]], list[str]]) -> dict[str, float]:
    return scores([row.label for row in rows], label(rows))


def cost(model: TargetToneModel | LexicalToneModel, rows: Sequence[Example]) -> dict[str, float]:
    """Milliseconds per mention (the examples given) and per seed article (every body sentence's first word)."""
    model.read("A sentence.", [(0, 1, 0, 11)])  # the session is built outside the clock
    began = time.perf_counter()
    for row in rows:
        model.read(row.sentence, [(row.start, row.end, 0, len(row.sentence))])
    per_mention = (time.perf_counter() - began) * 1000 / len(rows)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    mentions = 0
    began = time.perf_counter()
    for path in seeds:
        doc = build_doc(path.read_text(encoding="utf-8"))
        firsts = [(t[START], t[END]) for s in doc.body for t in doc.sentence_tokens(s)[:1]]
        mentions += len(lexical_tones(doc, firsts, model=model) if isinstance(model, LexicalToneModel)
                        else target_tones(doc, firsts, model=model))
    per_article = (time.perf_counter() - began) * 1000 / len(seeds)
    return {"ms_per_mention": round(per_mention, 3), "ms_per_seed_article": round(per_article, 1),
            "seed_mentions_per_article": round(mentions / len(seeds), 1)}


def development_metrics(data_dir: Path, model: TargetToneModel, name: str) -> dict[str, dict[str, float]]:
    """The model's figures on development fold ``DEV_FOLD``, printed, and keyed as a card's ``metrics`` keep them."""
    result = evaluate(part(data_dir, "dev"), lambda r: model_labels(model, r))
    _print(f"development fold {DEV_FOLD}, {name}", result)
    return {f"fold{DEV_FOLD}": result}


def _print(name: str, result: dict[str, float]) -> None:
    print(f"{name}: macro F1 {result['macro_f1']:.4f}  accuracy {result['accuracy']:.4f}  (n={int(result['n'])})")
    for label in CLASSES:
        print(f"  {label:<9} P {result[f'{label}.precision']:.4f}  R {result[f'{label}.recall']:.4f}  "
              f"F1 {result[f'{label}.f1']:.4f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", type=Path, default=None, help="a model card (default: the shipped model)")
    parser.add_argument("--record", action="store_true", help="write the figures into the model's card")
    parser.add_argument("--cost", action="store_true", help="also time the model per mention and per seed article")
    parser.add_argument("--lexical", action="store_true",
                        help="measure the lexical model (framing.lexical_tone); --model then names a lexical card")
    args = parser.parse_args(argv)
    rows = part(args.data_dir, "heldout")
    model: TargetToneModel | LexicalToneModel
    if args.lexical:
        card_path = args.model or shipped_lexical_card()
        lexical, card = load_lexical_tone(card_path)
        model, measured = lexical, evaluate(rows, lambda r: lexical_labels(lexical, r))
    else:
        card_path = args.model or shipped_card_path()
        neural, card = load_target_tone(card_path)
        model, measured = neural, evaluate(rows, lambda r: model_labels(neural, r))
    floor = evaluate(rows, lambda r: [vader_label(row.sentence) for row in r])
    print(f"NewsMTSC held-out part: {len(rows)} targets in {len({r.article for r in rows})} articles")
    _print(f"{'lexical_tone' if args.lexical else 'target_tone'} ({model.name})", measured)
    _print("VADER on the sentence (floor)", floor)
    timing = cost(model, rows[:1000] if args.lexical else rows[:300]) if args.cost else {}
    if timing:
        print(f"cost: {timing['ms_per_mention']} ms per mention; {timing['ms_per_seed_article']} ms per seed article "
              f"({timing['seed_mentions_per_article']} mentions, one per body sentence)")
    if args.record:
        card["metrics"] = {**card.get("metrics", {}), "heldout": measured, "heldout_vader_floor": floor,
                           **({"cost": timing} if timing else {})}
        text = card_text(card) if args.lexical else json.dumps(card, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        card_path.write_text(text, encoding="utf-8")
        print(f"wrote the figures into {card_path}")


if __name__ == "__main__":
    main()
