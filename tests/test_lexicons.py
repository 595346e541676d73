"""Every shipped data file has provenance that matches its bytes, loaded from the package."""

from importlib import resources

import pytest

from framing.lexicons import checksum, load_table, manifest

DATA = resources.files("framing.lexicons.data")
FILES = sorted(p.name for p in DATA.iterdir() if not p.name.endswith(".meta.json") and not p.name.startswith("_"))
REQUIRED = {"file", "version", "source", "licence", "date", "curation", "entries", "sha256"}


def test_every_data_file_has_a_sidecar():
    assert FILES, "no data files found in the package"
    assert sorted(manifest()) == FILES


@pytest.mark.parametrize("name", FILES)
def test_sidecar_is_complete_and_matches_the_file(name):
    meta = manifest()[name]
    assert REQUIRED <= set(meta), f"{name}: missing {REQUIRED - set(meta)}"
    assert meta["sha256"] == checksum(name), f"{name}: checksum differs; update its .meta.json"
    if name.endswith(".tsv"):
        assert meta["entries"] == len(load_table(name))


def test_outlet_list_has_unique_names_and_domains():
    rows = load_table("outlets.v1.tsv")
    assert len({r["name"] for r in rows}) == len(rows)
    assert len({r["domain"] for r in rows}) == len(rows)


def test_stop_words_are_scikit_learns_list() -> None:
    """The data file is scikit-learn's list unchanged (kept as data so importing framing skips scikit-learn)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from framing.lexicons import stop_words

    assert stop_words() == frozenset(ENGLISH_STOP_WORDS)
    assert {"the", "whereas", "nevertheless"} <= stop_words() and "putin" not in stop_words()

