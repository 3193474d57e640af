"""One-off generator of data/gazetteer/communes.json (run by hand, not at run time).

Input: /work/shared/reference/dvhcvn_20250701_merges.json (dvhcvn/20250701, mapping/merges.json at
commit dd94887, MIT licence): the 34 provinces since 1 July 2025 and their 3,321 commune-level
units (xã, phường, đặc khu). Only the names and types of today's communes are kept, by province
(short name, as in provinces.json), NFC with the modern tone placement.

Usage: python scripts/build_communes.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.config import GAZETTEER_DIR, SHARED_DIR  # noqa: E402
from scripts.build_gazetteer import split_type  # noqa: E402

PROVINCE_TYPES = ("Thành phố", "Tỉnh")
COMMUNE_TYPES = ("Đặc khu", "Phường", "Xã")


def main() -> None:
    merges = json.loads((SHARED_DIR / "reference" / "dvhcvn_20250701_merges.json").read_text(encoding="utf-8"))
    communes: dict[str, dict[str, list[str]]] = {}
    for province in merges["data"]:
        _, name = split_type(province["name"], PROVINCE_TYPES)
        by_type: dict[str, list[str]] = {}
        for commune in province["level2s"]:
            kind, short = split_type(commune["name"], COMMUNE_TYPES)
            by_type.setdefault(kind, []).append(short)
        communes[name] = {kind: sorted(names) for kind, names in sorted(by_type.items())}
    out = GAZETTEER_DIR / "communes.json"
    out.write_text(json.dumps({"communes": communes}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}: {sum(len(n) for t in communes.values() for n in t.values())} communes")


if __name__ == "__main__":
    main()
