"""The evaluation gate: extraction quality may not fall below the floors in tests/quality_floors.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from core.config import QUALITY_FLOORS, ROOT, SCRATCH_DIR, Workspace
from pipeline.evaluate import KINDS, evaluate, locate_document, read_gold
from pipeline.jobs import import_gold_documents
from pipeline.writer import open_reader

FLOORS = tomllib.loads(QUALITY_FLOORS.read_text(encoding="utf-8"))
# A real set is scored on the texts restored into SCRATCH_DIR (stored page copies can go missing,
# and saved HTML pages cannot be restored from a copy's text) when at least this share is there.
MIN_REAL_TEXTS = 0.75


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_does_not_fall_below_the_floors(name: str, tmp_path: Path) -> None:
    floors = FLOORS[name]
    gold_file = (ROOT / floors["gold"]).resolve()
    if not gold_file.is_file():
        pytest.skip(f"{gold_file} is absent (../shared is not beside this checkout, or the set is not added yet)")
    if "texts" in floors and not (SCRATCH_DIR / floors["texts"]).is_dir():
        pytest.skip(f"{name}: the third-party texts are absent from {SCRATCH_DIR / floors['texts']}")
    records = read_gold([gold_file])
    if "texts" in floors:
        present = [r for r in records if locate_document(r) is not None]
        absent = sorted(r["doc"] for r in records if locate_document(r) is None)
        if len(present) < MIN_REAL_TEXTS * len(records):
            pytest.skip(f"{name}: only {len(present)} of {len(records)} texts in {SCRATCH_DIR / floors['texts']}")
        if absent:
            print(f"{name}: scored on {len(present)} of {len(records)} texts; absent: {', '.join(absent)}")
        records = present
    ws = Workspace.for_db(tmp_path / "gate.duckdb")
    imported = import_gold_documents(ws, records)
    assert len(imported) == len(records), "every gold document must be found and imported"
    with open_reader(ws) as store:
        report = evaluate(store, records)
    scores = {kind: round(report.scores[kind].f1, 3) for kind in KINDS}
    print(f"{name}: " + ", ".join(f"{k} F1 {v:.3f}" for k, v in scores.items()) + f", leaks {len(report.leaks)}")
    below = {k: (scores[k], floors[f"{k}_f1"]) for k in KINDS if scores[k] < floors[f"{k}_f1"]}
    assert not below, f"{name}: below the floor (score, floor): {below}"
    assert len(report.leaks) <= floors["max_leaks"], f"{name}: extractions from boilerplate: {report.leaks}"
