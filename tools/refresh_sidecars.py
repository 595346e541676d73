"""Update the entry count and SHA-256 in every lexicon sidecar after editing a data file.

Run from the repository root: ``python tools/refresh_sidecars.py``. Provenance
fields (source, licence, curation) are written by hand; this only keeps the
numbers honest. A sidecar missing for a data file is reported, not invented.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "framing" / "lexicons" / "data"


def entries(path: Path, recorded: int) -> int:
    """Rows of a TSV (less its header) or lines of a JSONL; a JSON file keeps its own count."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".tsv":
        rows = [l for l in text.splitlines() if l.strip() and not l.startswith("#")]
        return max(len(rows) - 1, 0)
    if path.suffix == ".jsonl":
        return sum(1 for l in text.splitlines() if l.strip())
    return recorded


def main() -> int:
    missing = []
    for path in sorted(DATA.iterdir()):
        if path.name.endswith(".meta.json") or path.name.startswith(("_", ".")) or path.is_dir():
            continue
        sidecar = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
        if not sidecar.exists():
            missing.append(path.name)
            continue
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        meta["entries"] = entries(path, meta.get("entries", 0))
        meta["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        sidecar.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in missing:
        print(f"no sidecar for {name}: write one by hand", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
