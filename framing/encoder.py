"""Fine-tuned encoders run with ONNX Runtime: sentences in, class probabilities out, per sentence or per token.

A framing model may carry, beside its linear part, a transformer encoder
fine-tuned on the same labels (see :mod:`framing.finetune`). It is stored as
two files beside the model card: the network as an ONNX graph (a protobuf of
standard operators and their weights: loading it runs no Python and no code
from the file) and the WordPiece tokenizer as the ``tokenizers`` library's
JSON. The card pins both by SHA-256, so the graph is only handed to ONNX
Runtime once its bytes are known to be the trained ones.

Every sentence is run on its own, unpadded: the shipped graph is quantised
to 8-bit integers with scales computed from each input, so a sentence padded
into a batch would get a slightly different probability depending on its
neighbours. One at a time, a sentence's probability depends on its words
alone, whatever article or batch it comes in.

:class:`TokenTagger` is the same kind of graph with one probability row per
WordPiece token instead of one per sentence: the attribution family's
optional cue tagger (:mod:`framing.tagger`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from .errors import ModelError

INPUTS = ("input_ids", "attention_mask")
OUTPUT = "probabilities"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, eq=False)
class SentenceClassifier:
    """An ONNX classifier over WordPiece tokens; ``probabilities(texts)`` has one column per class.

    ``graph`` is the ONNX file's bytes, ``tokenizer`` the tokenizer's JSON;
    texts longer than ``max_length`` tokens are cut (as in training).
    """

    graph: bytes = field(repr=False)
    tokenizer: str = field(repr=False)
    max_length: int = 128

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """P(class) for each text: rows in input order, columns in the graph's class order.

        Raises :class:`ModelError` when the graph does not give one probability
        per class for each text (a foreign or broken graph).
        """
        session, tokenizer = self.runtime
        rows = []
        for encoding in tokenizer.encode_batch([_without_surrogates(t) for t in texts]):
            output = _run(session, encoding.ids)
            if output.ndim != 2 or output.shape[0] != 1 or not _is_distribution(output[0]):
                raise ModelError(f"the model's encoder gave {output.shape} values that are not class probabilities")
            rows.append(output[0])
        return np.asarray(rows, dtype=np.float64)

    def width(self) -> int:
        """How many classes the graph gives probabilities for (it is run once on a test sentence)."""
        return int(self.probabilities(["A sentence."]).shape[1])

    @cached_property
    def runtime(self) -> tuple[Any, Any]:
        """The ONNX Runtime session and the tokenizer, built on first use and kept.

        Raises :class:`ModelError` when either file is not what it should be.
        """
        return _start(self.graph, self.tokenizer, self.max_length)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (for worker processes) without the session, which is rebuilt on first use."""
        return {"graph": self.graph, "tokenizer": self.tokenizer, "max_length": self.max_length}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


@dataclass(frozen=True)
class TaggedToken:
    """One WordPiece token of a tagged text: its character offsets and a probability per label."""

    start: int
    end: int
    probabilities: tuple[float, ...]


@dataclass(frozen=True, eq=False)
class TokenTagger:
    """An ONNX token classifier over WordPiece tokens: ``tag(text)`` gives each token's label probabilities.

    ``labels`` name the graph's output columns. Texts longer than
    ``max_length`` tokens are cut, as in training: their last tokens get no row.
    """

    graph: bytes = field(repr=False)
    tokenizer: str = field(repr=False)
    labels: tuple[str, ...]
    max_length: int = 128

    def tag(self, text: str) -> list[TaggedToken]:
        """The text's tokens (special tokens left out) with P(label) for each, columns as ``labels``.

        Raises :class:`ModelError` when the graph does not give one distribution
        over ``labels`` per token (a foreign or broken graph).
        """
        session, tokenizer = self.runtime
        encoding = tokenizer.encode(_without_surrogates(text))
        output = _run(session, encoding.ids)
        expected = (1, len(encoding.ids), len(self.labels))
        if output.shape != expected or not all(_is_distribution(row) for row in output[0]):
            raise ModelError(f"the tagger gave {output.shape} values, not {expected} label probabilities")
        return [
            TaggedToken(start, end, tuple(float(p) for p in row))
            for (start, end), special, row in zip(encoding.offsets, encoding.special_tokens_mask, output[0])
            if not special
        ]

    @cached_property
    def runtime(self) -> tuple[Any, Any]:
        """The ONNX Runtime session and the tokenizer, built on first use and kept."""
        return _start(self.graph, self.tokenizer, self.max_length)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the session, which is rebuilt on first use."""
        return {"graph": self.graph, "tokenizer": self.tokenizer, "labels": self.labels, "max_length": self.max_length}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def _run(session: Any, ids: Sequence[int]) -> np.ndarray:
    """The graph's output for one unpadded token sequence."""
    array = np.asarray([ids], dtype=np.int64)
    feed = {"input_ids": array, "attention_mask": np.ones_like(array)}
    try:
        return np.asarray(session.run([OUTPUT], feed)[0], dtype=np.float64)
    except Exception as error:  # onnxruntime raises its own exception types
        raise ModelError(f"the model's encoder failed on a sentence ({error})") from None


def _without_surrogates(text: str) -> str:
    """The text with lone UTF-16 surrogates (from a bad decode) as U+FFFD, which the tokenizer can take."""
    return _SURROGATE.sub("\ufffd", text)


def _is_distribution(values: np.ndarray) -> bool:
    return bool(np.all(np.isfinite(values)) and np.all(values >= 0.0) and abs(values.sum() - 1.0) < 1e-3)


def _start(graph: bytes, tokenizer_json: str, max_length: int) -> tuple[Any, Any]:
    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError as error:  # pragma: no cover - both are dependencies of framing
        raise ModelError(f"this model needs onnxruntime and tokenizers ({error}); reinstall framing") from None
    try:
        tokenizer = Tokenizer.from_str(tokenizer_json)
    except Exception as error:  # the tokenizers library raises plain Exception subclasses
        raise ModelError(f"the model's tokenizer file is not a valid tokenizer ({error})") from None
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.use_deterministic_compute = True
    options.log_severity_level = 3
    # on x86 CPUs without VNNI, compute 8-bit products without the saturating shortcut,
    # so the probabilities are the ones measured here (machines with VNNI are exact already)
    options.add_session_config_entry("session.x64quantprecision", "1")
    try:
        session = onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own exception types for a bad graph
        raise ModelError(f"the model's encoder file is not a valid ONNX graph ({error})") from None
    names = tuple(i.name for i in session.get_inputs())
    if names != INPUTS or [o.name for o in session.get_outputs()] != [OUTPUT]:
        raise ModelError(f"the model's encoder takes {names}, not {INPUTS}, or does not output {OUTPUT!r}")
    return session, tokenizer
