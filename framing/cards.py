"""The files a model card names beside itself, read only when they match the card's SHA-256.

The taggers and the target-tone model ship as a JSON card with an ONNX graph and
a tokenizer beside it; the card pins each file by checksum, so an edited or
foreign file is refused before onnxruntime or the tokenizer reads it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ModelError

MAX_BYTES = 200_000_000  # no shipped or trained file comes near this; a larger one is not a model of ours


def checked_file(card_path: Path, card: Mapping[str, Any], key: str, *, what: str) -> bytes:
    """The bytes of the file the card names under ``files[key]``, checked against ``sha256[key]``.

    ``what`` names the model in messages ("the tagger's", "the model's").
    """
    name = card["files"].get(key)
    if not isinstance(name, str) or Path(name).name != name or name in ("", ".", ".."):
        raise ModelError(f"{card_path}: {what} {key} file must be a file name beside the card, not {name!r}")
    target = card_path.with_name(name)
    if not target.is_file() or target.stat().st_size > MAX_BYTES:
        raise ModelError(f"{card_path}: {what} {key} file {str(target)!r} is missing or too large")
    data = target.read_bytes()
    if hashlib.sha256(data).hexdigest() != card["sha256"].get(key):
        raise ModelError(
            f"{card_path}: {what} {key} file does not match the card's checksum; "
            "it is corrupted or was edited. Restore the original files"
        )
    return data


def shipped_card_path(name: str) -> Path:
    """The card of a model shipped in the package (``framing/models/NAME.json``)."""
    return Path(str(resources.files("framing.models").joinpath(f"{name}.json")))


def write_card(card_path: Path, card: Mapping[str, Any], files: Mapping[str, Path], contents: Mapping[str, bytes]) -> None:
    """Write each file beside the card, then the card, which names them and pins them by SHA-256."""
    from .io import write_atomic

    pinned = {
        **card,
        "files": {key: file.name for key, file in files.items()},
        "sha256": {key: hashlib.sha256(data).hexdigest() for key, data in contents.items()},
    }
    for key, file in files.items():
        write_atomic(file, contents[key])
    write_atomic(card_path, json.dumps(pinned, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
