"""One-off generator of data/gazetteer/provinces.json (run by hand, not at run time).

Inputs:
* the pre-2025 divisions (63 provinces and their districts) from the ``vietnam-provinces``
  0.6.0 wheel, unpacked from a one-off ``pip download --no-deps vietnam-provinces==0.6.0 -d /tmp/vp``;
* /work/shared/reference/provinces_34_old_to_new.csv for the 1 July 2025 merger.

Only names, types and codes are kept. Names are written NFC with the modern tone placement
(Hòa, Thụy) that ``extract.gazetteer.normalize_tones`` also applies to texts.

Usage: python scripts/build_gazetteer.py /tmp/vp/vietnam_provinces-0.6.0-py3-none-any.whl
"""

from __future__ import annotations

import csv
import json
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.gazetteer import normalize_tones  # noqa: E402
from core.config import GAZETTEER_DIR, SHARED_DIR  # noqa: E402

PROVINCE_TYPES = ("Thành phố", "Tỉnh")
DISTRICT_TYPES = ("Thành phố", "Thị xã", "Quận", "Huyện")


def split_type(full: str, types: tuple[str, ...]) -> tuple[str, str]:
    full = normalize_tones(full)
    for kind in types:
        if full.lower().startswith(kind.lower() + " "):
            return kind.lower(), full[len(kind) + 1 :].strip()
    raise ValueError(f"no administrative type in {full!r}")


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        nested = json.loads(zf.read("vietnam_provinces/data/nested-divisions.json"))
    new_of_old: dict[str, str] = {}
    new_rows = []
    with open(SHARED_DIR / "reference" / "provinces_34_old_to_new.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kind, name = split_type(row["new_name"], PROVINCE_TYPES)
            new_rows.append({"code": row["new_code"], "name": name, "type": kind})
            for code in re.findall(r"\[(\d+)\]", row["old_provinces [old_code]"]):
                new_of_old[code] = name
    old_rows = []
    for province in nested:
        code = f"{province['code']:02d}"
        kind, name = split_type(province["name"], PROVINCE_TYPES)
        districts = [dict(zip(("type", "name"), split_type(d["name"], DISTRICT_TYPES))) for d in province["districts"]]
        old_rows.append({"code": code, "name": name, "type": kind, "new": new_of_old[code], "districts": districts})
    out = {"old": old_rows, "new": new_rows}
    path = GAZETTEER_DIR / "provinces.json"
    path.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{path}: {len(old_rows)} old provinces, {sum(len(p['districts']) for p in old_rows)} districts, "
          f"{len(new_rows)} new provinces")


if __name__ == "__main__":
    main(sys.argv[1])
