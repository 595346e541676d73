"""Trained models as data: a JSON card beside an NPZ of weights, never pickle.

A framing model is two files (four with an encoder). ``NAME.json`` is the
model card: what the model predicts (its classes), how its inputs are built
(framing features, word and character TF-IDF), the library and lexicon
versions it was trained with, the training data's checksum and licence, and
its cross-validated metrics.
``NAME.npz`` holds the numbers (vocabularies, idf, scaler statistics,
coefficients), read with ``allow_pickle=False``, so loading a model can never
run code. A SHA-256 over the prediction-relevant part of the card and every
array is stored in the card; a file that was corrupted or edited is refused.

A model may also carry a fine-tuned sentence encoder (format 2, see
:mod:`framing.encoder`): ``NAME.onnx`` and ``NAME.tokenizer.json``, pinned by
SHA-256 in the card's model section. Its class probabilities are averaged
with the linear part's (late fusion, weight in the card).

Prediction is re-implemented here from the stored arrays (a fixed-vocabulary
``CountVectorizer`` for tokenising, numpy for the rest), so a loaded model
predicts exactly what the fitted scikit-learn pipeline predicted.

A model is refused when the running code would build different inputs from
the ones it was trained on: other framing feature names, or other lexicon
versions. The card's ``training.command`` says how to retrain it.

References
----------
Mitchell et al. (2019), Model Cards for Model Reporting. FAT* '19.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import zipfile
from importlib import resources
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler, normalize

from .encoder import SentenceClassifier
from .errors import ModelError
from .estimators import (
    FramingFeatures,
    available_families,
    check_texts,
    family_feature_names,
    feature_matrix,
)
from .lexicons import versions as lexicon_versions
from .text import build_doc
from .types import IS_WORD, QUOTED, Analysis, Article, Doc, Evidence, Sentence

FORMAT = "framing-model"
FORMAT_VERSION = 1
ENCODER_FORMAT_VERSION = 2
MAX_CARD_BYTES = 5_000_000
MAX_FILE_BYTES = 500_000_000
EVIDENCE_PER_CLASS = 3
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_ANALYZERS = ("word", "char", "char_wb")
_NORMS = ("l2", "l1", None)


@dataclass(frozen=True, eq=False)
class Model:
    """A trained text classifier: ``predict``, ``predict_proba`` and ``classes_``.

    Build one with :func:`framing.training.train` or :func:`load_model`; save
    it with :meth:`save`. ``card`` is the model card (a JSON-ready mapping).
    """

    card: Mapping[str, Any]
    arrays: Mapping[str, np.ndarray] = field(repr=False)
    encoder: SentenceClassifier | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return str(self.card["name"])

    @property
    def classes_(self) -> np.ndarray:
        return np.asarray(self.card["model"]["classes"], dtype=object)

    @property
    def level(self) -> str:
        """``sentence`` (trained on sentences) or ``document``."""
        return str(self.card["model"]["level"])

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probability of each class (columns in ``classes_`` order) for each text.

        With an encoder, the weighted mean of its probabilities and the linear part's.
        """
        checked = check_texts(texts, what="the model")
        linear = self.linear_proba(checked)
        if self.encoder is None:
            return linear
        weight = float(self.card["model"]["encoder"]["fusion_weight"])
        return (1.0 - weight) * linear + weight * self.encoder.probabilities(checked)

    def linear_proba(self, texts: Sequence[str]) -> np.ndarray:
        """The linear part's probabilities alone (features and n-grams into the logistic regression)."""
        scores = self.decision_function(texts)
        if scores.ndim == 1:
            positive = _expit(scores)
            return np.column_stack([1.0 - positive, positive])
        shifted = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """The most probable class of each text."""
        return self.classes_[np.argmax(self.predict_proba(texts), axis=1)]

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """The linear model's scores: one column for two classes, else one per class."""
        matrix = self._inputs(check_texts(texts, what="the model"))
        coef = self.arrays["classifier.coef"]
        scores = np.asarray(matrix @ coef.T) + self.arrays["classifier.intercept"]
        return scores.ravel() if coef.shape[0] == 1 else scores

    def save(self, path: str | Path) -> Path:
        """Write the card to ``path`` (``.json``) and the weights beside it (``.npz``).

        A model with an encoder also writes ``NAME.onnx`` and
        ``NAME.tokenizer.json``. Returns the path of the weights file. Every
        file is written atomically and byte-for-byte deterministic.
        """
        from .io import write_atomic

        target = Path(path)
        if target.suffix != ".json":
            raise ModelError(f"a model is saved as NAME.json (with NAME.npz beside it), not {target.name!r}")
        weights = target.with_suffix(".npz")
        card = dict(self.card)
        card["weights"] = {"file": weights.name, "sha256": self.card["weights"]["sha256"]}
        if self.encoder is not None:
            files = encoder_files(target)
            card["encoder_files"] = {key: file.name for key, file in files.items()}
            write_atomic(files["graph"], self.encoder.graph)
            write_atomic(files["tokenizer"], self.encoder.tokenizer)
        write_atomic(weights, _npz_bytes(self.arrays))
        write_atomic(target, json.dumps(card, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return weights

    def _inputs(self, texts: list[str]) -> sp.csr_matrix:
        blocks = [
            _block_matrix(block, self.arrays, texts) * float(block["weight"])
            for block in self.card["model"]["blocks"]
        ]
        return sp.hstack(blocks, format="csr")


def encoder_files(card: Path) -> dict[str, Path]:
    """Where a model saved as ``card`` keeps its encoder: ``NAME.onnx`` and ``NAME.tokenizer.json``."""
    return {"graph": card.with_suffix(".onnx"), "tokenizer": card.with_name(f"{card.stem}.tokenizer.json")}


# The encoder section's keys that with_encoder fills in itself; the rest is the caller's record.
ENCODER_DERIVED_KEYS = ("fusion_weight", "classes", "max_length", "graph_sha256", "tokenizer_sha256")


def with_encoder(
    model: Model,
    encoder: SentenceClassifier,
    *,
    fusion_weight: float,
    record: Mapping[str, Any],
    out_of_fold: Mapping[str, np.ndarray] | None = None,
) -> Model:
    """``model`` with a fine-tuned encoder fused in, its probabilities' share ``fusion_weight``.

    The encoder's columns must follow ``model.classes_``. ``record`` is kept
    in the card (settings, provenance). The encoder's bytes are pinned by
    SHA-256 in the model section, so the weights checksum covers them.
    ``out_of_fold`` arrays (the encoder's cross-validation probabilities) are
    stored with the weights, so a retraining can reuse them.
    """
    arrays = {**model.arrays, **(out_of_fold or {})}
    section = dict(model.card["model"])
    section["encoder"] = {
        **record,
        "fusion_weight": fusion_weight,
        "classes": list(section["classes"]),
        "max_length": encoder.max_length,
        "graph_sha256": hashlib.sha256(encoder.graph).hexdigest(),
        "tokenizer_sha256": hashlib.sha256(encoder.tokenizer.encode("utf-8")).hexdigest(),
    }
    card = {
        **model.card,
        "format_version": ENCODER_FORMAT_VERSION,
        "libraries": {**model.card["libraries"], **{lib: _version(lib) for lib in ("onnxruntime", "tokenizers")}},
        "model": section,
        "weights": {**model.card["weights"], "sha256": weights_checksum(section, arrays)},
    }
    return Model(card, arrays, encoder)


def _block_matrix(block: Mapping[str, Any], arrays: Mapping[str, np.ndarray], texts: list[str]) -> sp.csr_matrix:
    name = block["name"]
    if block["kind"] == "framing":
        raw = feature_matrix(texts, block["feature_names"])
        return sp.csr_matrix((raw - arrays[f"{name}.mean"]) / arrays[f"{name}.scale"])
    terms = arrays[f"{name}.terms"]
    counter = CountVectorizer(
        analyzer=block["analyzer"],
        ngram_range=tuple(block["ngram_range"]),
        lowercase=block["lowercase"],
        token_pattern=block["token_pattern"],
        vocabulary={str(term): index for index, term in enumerate(terms)},
        dtype=np.float64,
    )
    matrix = sp.csr_matrix(counter.transform(texts), dtype=np.float64)
    if block["sublinear_tf"]:
        np.log(matrix.data, matrix.data)
        matrix.data += 1.0
    matrix.data *= arrays[f"{name}.idf"][matrix.indices]
    return normalize(matrix, norm=block["norm"], copy=False) if block["norm"] else matrix


def _expit(x: np.ndarray) -> np.ndarray:
    out = np.empty_like(x, dtype=np.float64)
    positive = x >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-x[positive]))
    exp = np.exp(x[~positive])
    out[~positive] = exp / (1.0 + exp)
    return out


# --- export from a fitted scikit-learn pipeline ---------------------------------------------


def from_pipeline(pipeline: Pipeline, *, name: str, level: str, card: Mapping[str, Any]) -> Model:
    """Export a fitted ``Pipeline([("features", FeatureUnion), ("classifier", LogisticRegression)])``.

    The union may hold ``Pipeline([FramingFeatures, StandardScaler])`` and
    ``TfidfVectorizer`` steps; anything else is refused, because it could not
    be re-implemented at load time. ``card`` is the descriptive part of the
    model card (training data, metrics, licence); this function adds the
    versions, feature names, the model section and the checksum.
    """
    union, classifier = pipeline.named_steps["features"], pipeline.named_steps["classifier"]
    if not isinstance(union, FeatureUnion) or not isinstance(classifier, LogisticRegression):
        raise ModelError("only a FeatureUnion into a LogisticRegression can be exported")
    weights = union.transformer_weights or {}
    blocks: list[dict[str, Any]] = []
    arrays: dict[str, np.ndarray] = {}
    framing_names: list[str] = []
    families: list[str] = []
    for step, transformer in union.transformer_list:
        block, block_arrays = _export_step(step, transformer)
        block["weight"] = float(weights.get(step, 1.0))
        blocks.append(block)
        arrays.update(block_arrays)
        if block["kind"] == "framing":
            framing_names.extend(block["feature_names"])
            families.extend(block["families"])
    arrays["classifier.coef"] = np.ascontiguousarray(classifier.coef_, dtype=np.float64)
    arrays["classifier.intercept"] = np.ascontiguousarray(classifier.intercept_, dtype=np.float64)
    section = {
        "classes": [str(c) for c in classifier.classes_],
        "level": level,
        "blocks": blocks,
        "classifier": {"kind": "logistic", "params": _plain(classifier.get_params())},
    }
    full = {
        **card,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": name,
        "framing_version": _version("framing"),
        "libraries": {lib: _version(lib) for lib in ("scikit-learn", "numpy", "scipy", "textstat", "vaderSentiment")},
        "features": {"families": families, "names": framing_names},
        "lexicons": lexicon_versions(),
        "model": section,
        "weights": {"file": f"{name}.npz", "sha256": weights_checksum(section, arrays)},
    }
    return Model(full, arrays)


def _export_step(step: str, transformer: Any) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    if isinstance(transformer, Pipeline):
        parts = [t for _, t in transformer.steps]
        if len(parts) == 2 and isinstance(parts[0], FramingFeatures) and isinstance(parts[1], StandardScaler):
            features, scaler = parts
            block = {
                "name": step,
                "kind": "framing",
                "families": list(features.families_),
                "all_families": features.families is None,
                "feature_names": list(features.feature_names_out_),
            }
            scale = scaler.scale_ if scaler.with_std else np.ones_like(scaler.mean_)
            mean = scaler.mean_ if scaler.with_mean else np.zeros_like(scale)
            return block, {f"{step}.mean": _floats(mean), f"{step}.scale": _floats(scale)}
    if isinstance(transformer, TfidfVectorizer):
        return _export_tfidf(step, transformer)
    raise ModelError(
        f"step {step!r} ({type(transformer).__name__}) cannot be exported; use FramingFeatures + "
        "StandardScaler or TfidfVectorizer"
    )


def _export_tfidf(step: str, vectorizer: TfidfVectorizer) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    custom = [p for p in ("preprocessor", "tokenizer", "stop_words", "strip_accents") if getattr(vectorizer, p) is not None]
    if custom or vectorizer.binary or not vectorizer.use_idf or vectorizer.analyzer not in _ANALYZERS:
        raise ModelError(
            f"TF-IDF step {step!r} uses settings that cannot be exported "
            f"({', '.join(custom) or 'binary, use_idf=False or a callable analyzer'})"
        )
    vocabulary = vectorizer.vocabulary_
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    stored = np.asarray(terms, dtype=str)
    if stored.tolist() != terms:  # numpy drops trailing NUL characters
        raise ModelError(f"the vocabulary of {step!r} holds terms that cannot be stored")
    block = {
        "name": step,
        "kind": "tfidf",
        "analyzer": vectorizer.analyzer,
        "ngram_range": list(vectorizer.ngram_range),
        "lowercase": bool(vectorizer.lowercase),
        "token_pattern": vectorizer.token_pattern,
        "sublinear_tf": bool(vectorizer.sublinear_tf),
        "norm": vectorizer.norm,
    }
    return block, {f"{step}.terms": stored, f"{step}.idf": _floats(vectorizer.idf_)}


def _floats(values: Any) -> np.ndarray:
    return np.ascontiguousarray(values, dtype=np.float64)


def _plain(params: Mapping[str, Any]) -> dict[str, Any]:
    """Estimator parameters as JSON values (others as their repr, for the record only)."""
    return {
        k: v if isinstance(v, (str, int, float, bool, type(None))) else repr(v)
        for k, v in sorted(params.items())
    }


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


def weights_checksum(section: Mapping[str, Any], arrays: Mapping[str, np.ndarray]) -> str:
    """SHA-256 over the card's model section and every array (name, dtype, shape, bytes)."""
    digest = hashlib.sha256()
    digest.update(json.dumps(section, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for key in sorted(arrays):
        array = np.ascontiguousarray(arrays[key])
        digest.update(f"\n{key}\n{array.dtype.str}\n{array.shape}\n".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


def _npz_bytes(arrays: Mapping[str, np.ndarray]) -> bytes:
    """An ``.npz`` archive with fixed timestamps, so the same weights give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key in sorted(arrays):
            info = zipfile.ZipInfo(f"{key}.npy", date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as stream:
                np.lib.format.write_array(stream, np.ascontiguousarray(arrays[key]), allow_pickle=False)
    return buffer.getvalue()


# --- loading -----------------------------------------------------------------------------


def shipped_model_names() -> tuple[str, ...]:
    """The models shipped in the package that ``--model NAME`` loads by name: cards of this module's format.

    The name recogniser (``ner``) and the taggers ship cards of their own formats there too.
    """
    folder = resources.files("framing.models")
    return tuple(sorted(
        entry.name.removesuffix(".json") for entry in folder.iterdir()
        if entry.name.endswith(".json") and _card_format(entry.read_text(encoding="utf-8")) == FORMAT
    ))


def _card_format(text: str) -> object:
    try:
        card = json.loads(text)
    except ValueError:
        return None
    return card.get("format") if isinstance(card, dict) else None


def _resolve(path: str | Path) -> Path:
    """A path as given; a bare name of a model shipped in the package ("sentence-bias") else."""
    given = Path(path)
    if given.exists() or given.parent != Path("."):
        return given
    name = given.name if given.suffix == ".json" else f"{given.name}.json"
    shipped = Path(str(resources.files("framing.models").joinpath(name)))
    return shipped if shipped.exists() else given


def load_model(path: str | Path) -> Model:
    """Load a framing model from its card (``NAME.json``, weights in ``NAME.npz`` beside it).

    ``path`` may also be the name of a model shipped with framing, e.g.
    ``"sentence-bias"``.

    Raises
    ------
    ModelError
        The file is missing, is not a framing model, is corrupted or was edited
        (checksum), or was trained with other feature names or lexicon
        versions than the running code has; the message says how to retrain.
    """
    return _load(path, compatible=True)


def load_encoder_lender(path: str | Path) -> Model:
    """A model loaded only to lend its encoder to a retraining (``framing train --reuse-encoder``).

    Checked like :func:`load_model` except that its framing features and
    lexicon versions may differ from the running code's (that is why it is
    being retrained), so its linear part must not be used for prediction.
    """
    return _load(path, compatible=False)


def _load(path: str | Path, *, compatible: bool) -> Model:
    card_path = _resolve(path)
    card = _read_card(card_path)
    arrays = _read_weights(card_path, card)
    if weights_checksum(card["model"], arrays) != card["weights"]["sha256"]:
        raise ModelError(
            f"{card_path}: the weights or the model section of the card do not match the card's "
            "checksum; the model is corrupted or was edited. Retrain it or restore the original files"
        )
    _check_shapes(card_path, card, arrays)
    if compatible:
        _check_compatible(card_path, card)
    return Model(card, arrays, _read_encoder(card_path, card))


def _read_card(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ModelError(f"model file {str(path)!r} does not exist")
    if path.stat().st_size > MAX_CARD_BYTES:
        raise ModelError(f"{path} is too large to be a framing model card ({path.stat().st_size} bytes)")
    try:
        card = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{path} is not a framing model: it is not JSON ({error})") from None
    except RecursionError:  # '[' * 1000: json's parser recurses once per level
        raise ModelError(
            f"{path} is not a framing model: its JSON nests arrays or objects too deeply to be read"
        ) from None
    if not isinstance(card, dict) or card.get("format") != FORMAT:
        raise ModelError(f"{path} is not a framing model: its card has no \"format\": \"{FORMAT}\"")
    if card.get("format_version") not in (FORMAT_VERSION, ENCODER_FORMAT_VERSION):
        raise ModelError(
            f"{path} is framing model format {card.get('format_version')!r}; this framing reads "
            f"formats {FORMAT_VERSION} and {ENCODER_FORMAT_VERSION}. Upgrade framing or retrain the model"
        )
    try:
        _check_card_schema(card)
    except (KeyError, TypeError, ValueError) as error:
        raise ModelError(f"{path} is not a valid framing model card: {error}") from None
    return card


def _check_card_schema(card: Mapping[str, Any]) -> None:
    section = card["model"]
    classes = section["classes"]
    if not (isinstance(classes, list) and len(classes) >= 2 and all(isinstance(c, str) for c in classes)):
        raise ValueError("model.classes must list at least two class names")
    if section["level"] not in ("sentence", "document"):
        raise ValueError(f"model.level is {section['level']!r}, not 'sentence' or 'document'")
    for block in section["blocks"]:
        if block["kind"] == "framing":
            if not all(isinstance(n, str) for n in block["feature_names"] + block["families"]):
                raise ValueError("framing block names must be strings")
            if not isinstance(block["all_families"], bool):
                raise ValueError("framing block all_families must be true or false")
        elif block["kind"] == "tfidf":
            if block["analyzer"] not in _ANALYZERS or block["norm"] not in _NORMS:
                raise ValueError(f"block {block['name']!r} has an unknown analyzer or norm")
            if not isinstance(block["token_pattern"], str) or len(block["ngram_range"]) != 2:
                raise ValueError(f"block {block['name']!r} has a bad token pattern or n-gram range")
        else:
            raise ValueError(f"unknown block kind {block['kind']!r}")
        if not math.isfinite(float(block["weight"])):
            raise ValueError(f"block {block['name']!r} has a non-finite weight")
    if not isinstance(card["lexicons"], dict):
        raise ValueError("lexicons must map lexicon names to versions")
    if (card["format_version"] == ENCODER_FORMAT_VERSION) != ("encoder" in section):
        raise ValueError(f"a model has an encoder section exactly when its format is {ENCODER_FORMAT_VERSION}")
    if "encoder" in section:
        _check_encoder_schema(section["encoder"], card["encoder_files"])
        if section["encoder"]["classes"] != classes:
            raise ValueError("encoder.classes must be model.classes in the same order")
    if not isinstance(card["weights"]["file"], str) or not isinstance(card["weights"]["sha256"], str):
        raise ValueError("weights.file and weights.sha256 must be strings")


def _check_encoder_schema(encoder: Mapping[str, Any], files: Mapping[str, Any]) -> None:
    weight, length = encoder["fusion_weight"], encoder["max_length"]
    if not (isinstance(weight, (int, float)) and 0.0 <= weight <= 1.0):
        raise ValueError(f"encoder.fusion_weight must be a number from 0 to 1, not {weight!r}")
    if not (isinstance(length, int) and 1 <= length <= 512):
        raise ValueError(f"encoder.max_length must be a whole number from 1 to 512, not {length!r}")
    for key in ("graph", "tokenizer"):
        if not isinstance(encoder[f"{key}_sha256"], str) or not isinstance(files[key], str):
            raise ValueError(f"encoder.{key}_sha256 and encoder_files.{key} must be strings")


def _read_encoder(path: Path, card: Mapping[str, Any]) -> SentenceClassifier | None:
    """The encoder beside the card, its files' bytes checked against the model section first."""
    section = card["model"].get("encoder")
    if section is None:
        return None
    contents = {}
    for key in ("graph", "tokenizer"):
        file = card["encoder_files"][key]
        contents[key] = _beside(path, file, f"encoder {key}", MAX_FILE_BYTES)
        if hashlib.sha256(contents[key]).hexdigest() != section[f"{key}_sha256"]:
            raise ModelError(
                f"{path}: its encoder file {file!r} does not match the card's checksum; the model is "
                "corrupted or was edited. Retrain it or restore the original files"
            )
    try:
        tokenizer = contents["tokenizer"].decode("utf-8")
    except UnicodeDecodeError:
        raise ModelError(f"{path}: its tokenizer file is not UTF-8 text") from None
    encoder = SentenceClassifier(contents["graph"], tokenizer, section["max_length"])
    width = encoder.width()
    if width != len(card["model"]["classes"]):
        raise ModelError(f"{path}: its encoder gives {width} probabilities for {len(card['model']['classes'])} classes")
    return encoder


def _beside(path: Path, file: str, what: str, limit: int) -> bytes:
    """The bytes of a file named in the card, which must sit beside the card."""
    if Path(file).name != file or file in ("", ".", ".."):
        raise ModelError(f"{path}: {what} file {file!r} must be a file name beside the card")
    target = path.with_name(file)
    if not target.is_file():
        raise ModelError(f"{path}: its {what} file {str(target)!r} is missing")
    if target.stat().st_size > limit:
        raise ModelError(f"{path}: its {what} file {str(target)!r} is larger than {limit} bytes")
    return target.read_bytes()


def _read_weights(path: Path, card: Mapping[str, Any]) -> dict[str, np.ndarray]:
    data = _beside(path, card["weights"]["file"], "weights", MAX_FILE_BYTES)
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            return {key: archive[key] for key in archive.files}
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as error:
        raise ModelError(f"{path.with_name(card['weights']['file'])} is corrupted or not a framing weights file "
                         f"({error})") from None


def _check_shapes(path: Path, card: Mapping[str, Any], arrays: Mapping[str, np.ndarray]) -> None:
    section = card["model"]
    width = 0
    for block in section["blocks"]:
        name = block["name"]
        keys = ("mean", "scale") if block["kind"] == "framing" else ("idf", "terms")
        missing = [f"{name}.{k}" for k in keys if f"{name}.{k}" not in arrays]
        if missing:
            raise ModelError(f"{path}: the weights lack {', '.join(missing)}")
        size = len(block["feature_names"]) if block["kind"] == "framing" else len(arrays[f"{name}.terms"])
        if any(arrays[f"{name}.{k}"].shape != (size,) for k in keys):
            raise ModelError(f"{path}: the arrays of block {name!r} do not have {size} entries")
        width += size
    classes = len(section["classes"])
    rows = 1 if classes == 2 else classes
    coef, intercept = arrays.get("classifier.coef"), arrays.get("classifier.intercept")
    if coef is None or intercept is None or coef.shape != (rows, width) or intercept.shape != (rows,):
        raise ModelError(f"{path}: the classifier weights do not fit {width} inputs and {classes} classes")


def _check_compatible(path: Path, card: Mapping[str, Any]) -> None:
    retrain = f"Retrain it: {card.get('training', {}).get('command', 'framing train ...')}"
    for block in card["model"]["blocks"]:
        if block["kind"] != "framing":
            continue
        trained = list(block["feature_names"])
        families = available_families() if block["all_families"] else block["families"]
        current = list(family_feature_names(families))
        if trained != current:
            raise ModelError(
                f"{path} was trained on other framing features than this code computes "
                f"({_difference(trained, current)}). {retrain}"
            )
    trained_lexicons, current_lexicons = card["lexicons"], lexicon_versions()
    if trained_lexicons != current_lexicons:
        changed = sorted(
            f"{name}: model {trained_lexicons.get(name, 'absent')}, code {current_lexicons.get(name, 'absent')}"
            for name in set(trained_lexicons) | set(current_lexicons)
            if trained_lexicons.get(name) != current_lexicons.get(name)
        )
        raise ModelError(f"{path} was trained with other lexicon versions ({'; '.join(changed)}). {retrain}")


def _difference(trained: list[str], current: list[str]) -> str:
    gone = sorted(set(trained) - set(current))
    new = sorted(set(current) - set(trained))
    parts = [f"no longer computed: {', '.join(gone)}" if gone else "", f"new: {', '.join(new)}" if new else ""]
    return "; ".join(p for p in parts if p) or "the same names in another order"


# --- scoring articles --------------------------------------------------------------------


def score_article(model: Model, article: Analysis | Article | str) -> tuple[dict[str, float], list[Evidence]]:
    """The model's probability of each class for one article, with the sentences behind it.

    For a sentence-level model every body sentence is scored and the feature
    ``model.<name>.<class>`` is the mean probability over the sentences
    (0.0 when the article has no body); the evidence is, for each class, the
    sentences the model gives that class most confidently (at most three per
    class, among the sentences it assigns to that class), each with the share
    of its words inside quotation marks (``quoted_share``). A document-level
    model scores the body as one text and gives no sentence evidence.
    """
    text = _text_of(article)
    doc = build_doc(text)
    body = doc.body
    keys = [f"model.{model.name}.{c}" for c in model.classes_]
    features = dict.fromkeys(keys, 0.0)
    if not body:
        return features, []
    if model.level == "document":
        proba = model.predict_proba(["\n".join(s.text for s in body)])[0]
        return {k: float(p) for k, p in zip(keys, proba)}, []
    proba = model.predict_proba([s.text for s in body])
    features = {k: float(v) for k, v in zip(keys, proba.mean(axis=0))}
    winners = np.argmax(proba, axis=1)
    evidence = []
    for column, label in enumerate(model.classes_):
        picked = sorted(
            (i for i in range(len(body)) if winners[i] == column),
            key=lambda i: (-proba[i, column], body[i].index),
        )[:EVIDENCE_PER_CLASS]
        evidence.extend(
            Evidence(
                "model",
                str(label),
                body[i].start,
                body[i].end,
                body[i].text,
                body[i].index,
                {
                    "model": model.name,
                    "probability": round(float(proba[i, column]), 4),
                    "quoted_share": _quoted_share(doc, body[i]),
                },
            )
            for i in picked
        )
    evidence.sort(key=lambda e: (e.start, e.end, e.label))
    return features, evidence


def _quoted_share(doc: Doc, sentence: Sentence) -> float:
    """The share of the sentence's words inside quotation marks: a model scores a quoted voice too."""
    words = [token for token in doc.sentence_tokens(sentence) if token[IS_WORD]]
    return round(sum(token[QUOTED] for token in words) / len(words), 2) if words else 0.0


def with_model(analysis: Analysis, model: Model) -> Analysis:
    """The analysis with the model's features and evidence added (see :func:`score_article`)."""
    features, evidence = score_article(model, analysis)
    merged = sorted((*analysis.evidence, *evidence), key=lambda e: (e.start, e.end, e.family, e.label))
    return replace(analysis, features={**analysis.features, **features}, evidence=tuple(merged))


def _text_of(article: Analysis | Article | str) -> str:
    if isinstance(article, Analysis):
        return article.text
    if isinstance(article, Article):
        return article.text
    if isinstance(article, str):
        return article
    raise TypeError(f"score_article() takes an Analysis, Article or str, not {type(article).__name__}")
