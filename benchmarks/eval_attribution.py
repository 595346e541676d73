"""Evaluate the attribution family on PolNeAR (Newell et al. 2018), training split.

Usage: ``python benchmarks/eval_attribution.py [--part tune|heldout|all] [--tagger [CARD]] [DATA_DIR]``
(``DATA_DIR`` defaults to ``../shared/data/polnear/train``). ``--tagger``
measures the opt-in tagger mode (the shipped tagger, or the one at CARD).

What is measured
    * Cue precision / recall / F1: a predicted cue counts when it overlaps a
      gold cue by at least one character (any-overlap, as in the PolNeAR
      baseline the issue quotes).
    * Source match: of the predicted cues that matched a gold cue whose
      attribution has a source, the share whose predicted source mention
      overlaps the gold source. For a resolved pronoun the mention ("he") is
      compared, since that is what PolNeAR annotates.

Decisions
    * Several annotators: most texts have one ``.ann`` file, agreement texts
      have several. One file per text is used, chosen deterministically: the
      first non-empty file in sorted file-name order (annotator id order).
      A text whose only file is empty is skipped.
    * Scope: the product counts speech and writing (say, tell, according to,
      deny, accuse ...). PolNeAR also marks mental states, desire, perception
      and evidence (thinks, wants, hopes, sees, a poll shows, found, seemed,
      is expected). A gold cue whose words include one of those
      (``NON_SPEECH`` below) and no speech cue form is out of scope: it is
      not a miss, and a prediction that overlaps only such cues is neither
      right nor wrong. Gold cues with no recognisable verb (":", "in", "for")
      stay in scope and count as misses. ``*_all`` figures score every gold
      cue, for comparison.
    * Split: a text is held out when the first byte of the SHA-256 of its
      base name is divisible by 5 (about 20%). Rules were tuned on the other
      part only; report the held-out figures. The learned cue stage is
      fitted on the tuning part (``fit_attribution_cues.py``), so its tuning
      figures are in-sample; that script prints the cross-validated ones.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from framing.features import attribution  # noqa: E402
from framing.tagger import CueTagger, load_tagger, shipped_tagger  # noqa: E402
from framing.text import build_doc  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "train"

NON_SPEECH = frozenset(
    """think thinks thought thinking believe believes believed believing know knows knew known
    knowing feel feels felt feeling want wants wanted wanting hope hopes hoped hoping wish wishes
    wished like likes liked love loves loved hate hates hated fear fears feared worry worries
    worried expect expects expected expecting plan plans planned planning intend intends intended
    seek seeks sought seeking prefer prefers preferred favor favors favored see sees saw seen
    seeing seem seems seemed appear appears appeared show shows showed shown showing find finds
    found finding learn learned learns realize realized realise realised understand understands
    understood consider considers considered view views viewed decide decides decided doubt
    doubted suspect suspects suspected assume assumed imagine imagined remember remembered
    forget forgot support supports supported supporting oppose opposes opposed opposing endorse
    endorses endorsed endorsing back backs backed backing trust trusted care cares cared
    concerned aware sure convinced confident afraid interested view""".split()
)


def held_out(name: str) -> bool:
    """The deterministic held-out part: about one text in five."""
    return hashlib.sha256(name.encode("utf-8")).digest()[0] % 5 == 0


def annotation_files(data_dir: Path) -> dict[str, Path]:
    """Text base name -> the one annotation file used for it."""
    chosen: dict[str, Path] = {}
    for path in sorted((data_dir / "attributions").glob("*.ann")):
        base = path.stem.rsplit("_", 1)[0]
        if base not in chosen and path.stat().st_size > 0:
            chosen[base] = path
    return chosen


def read_gold(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Attribution events of a brat file: role -> list of character spans."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if line.startswith("T"):
            label, _, offsets = fields[1].partition(" ")
            try:
                spans[fields[0]] = [tuple(map(int, p.split())) for p in offsets.split(";")]  # type: ignore[misc]
            except ValueError:
                continue
        elif line.startswith("E"):
            roles = dict(r.split(":", 1) for r in fields[1].split() if ":" in r)
            events.append({role: spans[t] for role, t in roles.items() if t in spans})
    return [e for e in events if "Cue" in e]


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _in_scope(text: str, cue: list[tuple[int, int]], speech: frozenset[str]) -> bool:
    words = {w.strip(".,:;\"'").lower() for s, e in cue for w in text[s:e].split()}
    return not (words & NON_SPEECH) or bool(words & speech)


def _cue_text(text: str, cue: list[tuple[int, int]]) -> str:
    return " ... ".join(" ".join(text[s:e].lower().split()) for s, e in cue)


def _texts(data_dir: Path, part: str) -> Iterator[tuple[str, Path]]:
    for base, ann in annotation_files(data_dir).items():
        if part == "all" or (part == "heldout") == held_out(base):
            yield base, ann


def evaluate(data_dir: Path = DEFAULT_DATA, part: str = "heldout", limit: int | None = None,
             errors: dict[str, Counter[str]] | None = None, tagger: CueTagger | None = None) -> dict[str, float]:
    """Cue P/R/F1 (scoped and all cues) and source match on one part of PolNeAR train.

    With ``tagger``, the attribution family runs in tagger mode.

    With ``errors``, missed in-scope gold cues are counted under ``"missed"``
    and wrong predicted cues under ``"wrong"``, by lower-cased cue text.
    """
    speech = attribution.cue_forms()  # the cue forms
    counts = dict.fromkeys(
        ("pred", "pred_ok", "gold", "gold_ok", "pred_all_ok", "gold_all", "gold_all_ok",
         "src_pairs", "src_ok", "texts", "pred_all"), 0
    )
    seconds = 0.0
    for n, (base, ann) in enumerate(_texts(data_dir, part)):
        if limit is not None and n >= limit:
            break
        text = (data_dir / "text" / f"{base}.txt").read_text(encoding="utf-8")
        gold = read_gold(ann)
        began = time.perf_counter()
        found = attribution.extract(build_doc(text), tagger=tagger).attributions
        seconds += time.perf_counter() - began
        scoped = [g for g in gold if _in_scope(text, g["Cue"], speech)]
        counts["texts"] += 1
        counts["gold"] += len(scoped)
        counts["gold_all"] += len(gold)
        counts["pred_all"] += len(found)
        cues = [(a.cue.start, a.cue.end) for a in found]
        counts["gold_ok"] += sum(any(_overlaps(c, g["Cue"]) for c in cues) for g in scoped)
        if errors is not None:
            errors["missed"].update(_cue_text(text, g["Cue"]) for g in scoped
                                    if not any(_overlaps(c, g["Cue"]) for c in cues))
        counts["gold_all_ok"] += sum(any(_overlaps(c, g["Cue"]) for c in cues) for g in gold)
        for a, cue in zip(found, cues):
            hits = [g for g in gold if _overlaps(cue, g["Cue"])]
            counts["pred_all_ok"] += bool(hits)
            in_scope = [g for g in hits if g in scoped]
            if hits and not in_scope:
                continue  # overlaps only a non-speech cue: not scored
            counts["pred"] += 1
            if not in_scope:
                if errors is not None:
                    errors["wrong"][a.cue.text.lower()] += 1
                continue
            counts["pred_ok"] += 1
            with_source = [g for g in in_scope if "Source" in g]
            if with_source:
                counts["src_pairs"] += 1
                mention = (int(a.attrs.get("mention_start", -1)), int(a.attrs.get("mention_end", -1)))
                counts["src_ok"] += any(_overlaps(mention, g["Source"]) for g in with_source)

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    p, r = ratio(counts["pred_ok"], counts["pred"]), ratio(counts["gold_ok"], counts["gold"])
    pa = ratio(counts["pred_all_ok"], counts["pred_all"])
    ra = ratio(counts["gold_all_ok"], counts["gold_all"])
    return {
        "texts": float(counts["texts"]),
        "gold_cues": float(counts["gold"]),
        "cue_precision": p,
        "cue_recall": r,
        "cue_f1": ratio(2 * p * r, 1) / (p + r) if p + r else 0.0,
        "source_match": ratio(counts["src_ok"], counts["src_pairs"]),
        "cue_precision_all": pa,
        "cue_recall_all": ra,
        "cue_f1_all": 2 * pa * ra / (pa + ra) if pa + ra else 0.0,
        "ms_per_text": 1000 * seconds / max(1, counts["texts"]),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--part", choices=("tune", "heldout", "all"), default="heldout")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="also list the N most frequent missed and wrong cues (use with --part tune)")
    parser.add_argument("--tagger", nargs="?", const="shipped", metavar="CARD",
                        help="tagger mode: the shipped cue tagger, or the one whose card is CARD")
    args = parser.parse_args(argv)
    errors: dict[str, Counter[str]] = {"missed": Counter(), "wrong": Counter()}
    tagger = None
    if args.tagger == "shipped":
        tagger = shipped_tagger()
    elif args.tagger:
        model, card = load_tagger(args.tagger)
        tagger = CueTagger(model, float(card["threshold"]))
    result = evaluate(args.data_dir, args.part, errors=errors, tagger=tagger)
    print(f"PolNeAR {args.data_dir} part={args.part}{' tagger mode' if tagger else ''}")
    for key, value in result.items():
        print(f"{key:>18}: {value:.3f}")
    for kind, counter in errors.items() if args.errors else ():
        print(f"\n{kind} cues ({sum(counter.values())}), most frequent:")
        for cue, n in counter.most_common(args.errors):
            print(f"{n:>6}  {cue}")


if __name__ == "__main__":
    main()
