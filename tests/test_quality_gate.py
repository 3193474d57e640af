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


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_does_not_fall_below_the_floors(name: str, tmp_path: Path) -> None:
    floors = FLOORS[name]
    gold_file = (ROOT / floors["gold"]).resolve()
    if not gold_file.is_file():
        pytest.skip(f"{gold_file} is absent (../shared is not beside this checkout, or the set is not added yet)")
    if "texts" in floors and not (SCRATCH_DIR / floors["texts"]).is_dir():
        pytest.skip(f"{name}: the third-party texts are absent from {SCRATCH_DIR / floors['texts']}")
    records = read_gold([gold_file])
    ws = Workspace.for_db(tmp_path / "gate.duckdb")
    imported = import_gold_documents(ws, records)
    present = [r for r in records if locate_document(r) is not None]
    if "texts" not in floors:  # the project's own sets: every text is in the repository
        assert len(present) == len(records), "every gold document's text must be found"
    assert len(imported) == len(present), "every gold document with a text must be imported"
    with open_reader(ws) as store:
        report = evaluate(store, records)
    scores = {kind: round(report.scores[kind].f1, 3) for kind in KINDS}
    print(f"{name}: " + ", ".join(f"{k} F1 {v:.3f}" for k, v in scores.items()) + f", leaks {len(report.leaks)}"
          + (f", {len(report.absent)} document(s) without text left out" if report.absent else ""))
    below = {k: (scores[k], floors[f"{k}_f1"]) for k in KINDS if scores[k] < floors[f"{k}_f1"]}
    assert not below, f"{name}: below the floor (score, floor): {below}"
    assert len(report.leaks) <= floors["max_leaks"], f"{name}: extractions from boilerplate: {report.leaks}"
