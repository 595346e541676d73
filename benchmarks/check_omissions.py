"""How many of the comparison's "left out by" claims the omitting outlet's own text contradicts.

An omission says that outlet B never writes an item (a name, a number with its
unit, a quoted source) that outlet A reports. This script checks each claim
against B's texts, by plain text search rather than by how ``framing`` reads
them: a claim is contradicted when B's text writes the item as A's example
shows it or as its key, in any case, as whole words, or, for a name written as
two or more capitalised words ("Bashar al-Assad"), its last word (a surname).
Numbers are checked by their digits. Issue 21 asks that at least 98% of claims
stand.

The corpora are the seed articles (two stories) and the 40 PolNeAR articles of
``tests/fixtures/polnear40.csv`` (7 outlets, 3 stories), read from
``../shared/data``. Run from the repository root::

    python benchmarks/check_omissions.py            # both corpora
    python benchmarks/check_omissions.py --show 10  # and the first contradicted claims
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's framing, not another installed one

import framing  # noqa: E402
from framing.compare.values import Omission  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
POLNEAR_OUTLETS = {
    "breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "The New York Times", "politico": "Politico",
    "usa-today": "USA Today", "wash-post": "The Washington Post", "west-journal": "Western Journal",
}


def seed_articles() -> list[framing.Article]:
    """The seed articles with their manifest's outlet, date and story."""
    return list(framing.load_corpus(ROOT / "seeds"))


def polnear_articles(folder: Path = POLNEAR) -> list[framing.Article]:
    """The 40 PolNeAR articles of ``tests/fixtures/polnear40.csv``, read from ``folder``, with outlet and story."""
    lines = (ROOT / "tests" / "fixtures" / "polnear40.csv").read_text(encoding="utf-8").splitlines()
    articles = []
    for row in csv.DictReader(line for line in lines if not line.startswith("#")):
        prefix, date, _ = row["file"].split("_", 2)
        articles.append(framing.Article(
            text=(folder / row["file"]).read_text(encoding="utf-8"), source=row["file"],
            outlet=POLNEAR_OUTLETS[prefix], outlet_source="manifest", date=date, story=row["story"],
        ))
    return articles


def contradicted(omission: Omission, text: str) -> bool:
    """Whether ``text`` (one outlet's articles) writes the item the claim says it leaves out."""
    forms = {omission.shown, omission.key}
    words = omission.shown.split()
    if omission.kind == "name" and len(words) > 1 and all(w[:1].isupper() or "-" in w for w in words):
        forms.add(words[-1].split("-")[-1])
    if omission.kind == "number":
        forms = {" ".join(re.findall(r"[\d.,]+", omission.key))}
    return any(form.strip() and re.search(rf"(?<!\w){re.escape(form.strip())}(?!\w)", text, re.IGNORECASE)
               for form in forms)


def claims(comparison: framing.Comparison, articles: list[framing.Article]) -> tuple[int, list[tuple[str, ...]]]:
    """How many "left out by" claims the comparison makes, and those the outlets' own texts contradict."""
    texts: dict[tuple[str, str], str] = defaultdict(str)
    for a in articles:
        texts[(a.story, a.outlet)] += "\n" + a.text
    made, wrong = 0, []
    for story in comparison.stories:
        for omission in story.omissions:
            for outlet in omission.omitted_by:
                made += 1
                if contradicted(omission, texts[(story.story, outlet)]):
                    wrong.append((story.story, outlet, omission.kind, omission.key, omission.shown))
    return made, wrong


def check(name: str, articles: list[framing.Article], show: int) -> tuple[int, int]:
    """(claims, contradicted claims) of one corpus's comparison, printing a line and examples."""
    made, wrong = claims(framing.compare(framing.analyze_corpus(articles)), articles)
    share = 1 - len(wrong) / made if made else 1.0
    print(f"{name}: {made} 'left out by' claims, {len(wrong)} contradicted by the outlet's text; "
          f"{share:.1%} stand")
    for row in wrong[:show]:
        print("   ", " | ".join(row))
    return made, len(wrong)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print the first N contradicted claims")
    args = parser.parse_args()
    check("seeds", seed_articles(), args.show)
    if POLNEAR.is_dir():
        check("PolNeAR 40", polnear_articles(), args.show)


if __name__ == "__main__":
    main()
