"""The attribution family's cue tagger: a fine-tuned MiniLM that marks the cue and source tokens of attributions.

The attribution rules are precise but reach only the cues they list; most of
the cues they miss are wordings that occur once (*took the unusual step of
criticizing*). The tagger is all-MiniLM-L6-v2 fine-tuned on PolNeAR's
tuning part to label each WordPiece token ``none``, ``cue`` or ``source``
(``benchmarks/fit_attribution_tagger.py``). It is opt-in
(``framing score --tagger``, ``analyze(text, tagger=True)``) because it
costs about 3 ms a sentence where the rules cost about 1.5 ms an article.

It ships as three files in ``models/``: ``attribution-tagger.json`` (the
card: labels, threshold, training provenance and measured figures, and the
SHA-256 of the other two), ``attribution-tagger.onnx`` (the int8 graph) and
``attribution-tagger.tokenizer.json``. The files are checked against the
card before ONNX Runtime reads the graph; nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .encoder import TokenTagger
from .errors import ModelError

FORMAT = "framing-token-tagger"
FORMAT_VERSION = 1
SHIPPED = "attribution-tagger"
LABELS = ("none", "cue", "source")
_MAX_BYTES = 200_000_000


@dataclass(frozen=True, eq=False)
class CueTagger:
    """A token tagger, the P(label) at which a token takes a label, and a name for the record."""

    model: TokenTagger
    threshold: float
    name: str = "custom cue tagger"

    def spans(self, text: str) -> TaggedSpans:
        """Character spans of ``text`` tagged ``cue`` and ``source``, each with its highest P(label).

        A span is a run of tokens at or above the threshold apart only by spaces.
        """
        found: dict[str, list[tuple[int, int, float]]] = {"cue": [], "source": []}
        tokens = self.model.tag(text)
        for label, runs in found.items():
            column = LABELS.index(label)
            for token in tokens:
                p = token.probabilities[column]
                if p < self.threshold:
                    continue
                if runs and not text[runs[-1][1] : token.start].strip():
                    runs[-1] = (runs[-1][0], token.end, max(runs[-1][2], p))
                else:
                    runs.append((token.start, token.end, p))
        return TaggedSpans(found["cue"], found["source"], tokens[-1].end if tokens else 0)


@dataclass(frozen=True)
class TaggedSpans:
    """What the tagger marks in a text: cue and source spans, and how far it read.

    ``covered`` is the end of the last token tagged: a text longer than the
    tagger's ``max_length`` tokens is cut, and nothing past it was judged.
    """

    cue: list[tuple[int, int, float]]
    source: list[tuple[int, int, float]]
    covered: int


def tagger_files(card: Path) -> dict[str, Path]:
    """Where a tagger saved as ``card`` keeps its graph and tokenizer."""
    return {"graph": card.with_suffix(".onnx"), "tokenizer": card.with_name(f"{card.stem}.tokenizer.json")}


def save_tagger(path: str | Path, tagger: TokenTagger, *, threshold: float, record: Mapping[str, Any]) -> Path:
    """Write ``tagger`` as a card and its two files; ``record`` (training, metrics) goes into the card."""
    from .io import write_atomic

    card_path = Path(path).with_suffix(".json")
    files = tagger_files(card_path)
    contents = {"graph": tagger.graph, "tokenizer": tagger.tokenizer.encode("utf-8")}
    card = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "labels": list(tagger.labels),
        "threshold": threshold,
        "max_length": tagger.max_length,
        "files": {key: file.name for key, file in files.items()},
        "sha256": {key: hashlib.sha256(data).hexdigest() for key, data in contents.items()},
        **record,
    }
    for key, file in files.items():
        write_atomic(file, contents[key])
    write_atomic(card_path, json.dumps(card, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return card_path


def load_tagger(path: str | Path) -> tuple[TokenTagger, dict[str, Any]]:
    """The tagger saved at ``path`` (its card) and the card, its files checked by SHA-256.

    Raises :class:`ModelError` for a missing, foreign or edited file.
    """
    card_path = Path(path)
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{card_path}: cannot read the tagger's card ({error})") from None
    if not isinstance(card, dict) or card.get("format") != FORMAT or card.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{card_path}: not a framing token tagger (format {FORMAT!r} version {FORMAT_VERSION})")
    if tuple(card.get("labels", ())) != LABELS:
        raise ModelError(f"{card_path}: the tagger's labels are {card.get('labels')!r}, not {list(LABELS)}")
    _check_settings(card_path, card)
    contents = {}
    for key in ("graph", "tokenizer"):
        contents[key] = _checked_file(card_path, card, key)
    try:
        tokenizer = contents["tokenizer"].decode("utf-8")
    except UnicodeDecodeError:
        raise ModelError(f"{card_path}: its tokenizer file is not UTF-8 text") from None
    tagger = TokenTagger(contents["graph"], tokenizer, LABELS, int(card["max_length"]))
    tagger.tag("A sentence, she said.")  # a foreign graph fails here, not in the middle of a batch
    return tagger, card


def _check_settings(card_path: Path, card: Mapping[str, Any]) -> None:
    """The card's own values (the checksums pin the files, not the card): of the right type and range."""
    threshold, length = card.get("threshold"), card.get("max_length")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise ModelError(f"{card_path}: the tagger's threshold must be a probability between 0 and 1, not {threshold!r}")
    if isinstance(length, bool) or not isinstance(length, int) or not 2 <= length <= 512:
        raise ModelError(f"{card_path}: the tagger's max_length must be a whole number from 2 to 512, not {length!r}")
    for key in ("files", "sha256"):
        if not isinstance(card.get(key), dict):
            raise ModelError(f"{card_path}: the tagger's card has no {key!r} section")


def _checked_file(card_path: Path, card: Mapping[str, Any], key: str) -> bytes:
    name = card["files"].get(key)
    if not isinstance(name, str) or Path(name).name != name or name in ("", ".", ".."):
        raise ModelError(f"{card_path}: the tagger's {key} file must be a file name beside the card, not {name!r}")
    target = card_path.with_name(name)
    if not target.is_file() or target.stat().st_size > _MAX_BYTES:
        raise ModelError(f"{card_path}: the tagger's {key} file {str(target)!r} is missing or too large")
    data = target.read_bytes()
    if hashlib.sha256(data).hexdigest() != card["sha256"].get(key):
        raise ModelError(
            f"{card_path}: the tagger's {key} file does not match the card's checksum; "
            "it is corrupted or was edited. Restore the original files"
        )
    return data


def shipped_card_path() -> Path:
    """The card of the tagger shipped in the package."""
    return Path(str(resources.files("framing.models").joinpath(f"{SHIPPED}.json")))


@cache
def shipped_tagger() -> CueTagger:
    """The shipped tagger at its card's threshold, loaded once per process.

    Raises :class:`ModelError` when its files are missing or edited.
    """
    tagger, card = load_tagger(shipped_card_path())
    return CueTagger(tagger, float(card["threshold"]), f"{SHIPPED} (graph sha256 {card['sha256']['graph'][:12]})")
