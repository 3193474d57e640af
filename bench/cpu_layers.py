"""Where extraction CPU time goes: the NLP floor, each extractor component, the records, the database write.

    .venv/bin/python bench/cpu_layers.py [--cycles N] [--texts DIR] [--dump ROWS.jsonl] [--profile TOP]

CPU seconds of this process (``time.process_time``), so the figures hold on a shared
machine where wall time does not. The corpus is ``make bench``'s (``bench/run.py``:
the sample sites' article bodies and the shared seeds), each text analysed as
``congdoan extract`` analyses it (title, blank line, body), after one warm-up sentence
that loads every lazy table (the components' and the records'). Layers:

* ``make_doc``: ``VietnameseNLP.make_doc`` (sentences, segmentation, POS, the spaCy Doc): the floor;
* each extractor component (``congdoan_units`` ...), run on that Doc as ``VietnameseNLP.__call__`` does;
* ``records``: ``extract.records.extraction_from_doc``;
* ``write``: ``Store.replace_extractions`` in batches of ``pipeline.extraction.BATCH_SIZE``
  on a temporary database holding the articles.

``--dump`` writes every extraction row (JSON, one object per article) to compare two
versions of the code: the rows must stay identical. ``--profile TOP`` prints the TOP
functions by cumulative CPU time of the components and records (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.insert(0, str(BENCH_DIR))

# a grassroots union of a company too: its organisation's spelling rules are a lazy table
WARM_UP = ("Liên đoàn Lao động tỉnh Nghệ An trao 50 suất quà trị giá 25 triệu đồng cho đoàn viên; "
           "Công đoàn cơ sở Công ty May Hưng Yên được tặng Bằng khen và phát động phong trào thi đua \"Lao động giỏi\". "
           # a commune's union (today's communes), and a second award the records compare with the first
           "Công đoàn cơ sở phường Ba Đình cũng nhận Bằng khen của Liên đoàn Lao động tỉnh Nghệ An.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=1, help="passes over the corpus (default 1)")
    parser.add_argument("--dump", type=Path, help="write every extraction row here (JSON lines)")
    parser.add_argument("--profile", type=int, default=0, metavar="TOP", help="cProfile the components and records")
    parser.add_argument("--texts", type=Path, action="append", default=[],
                        help="also every DIR/*.txt (title on the first line), e.g. the scratch folder's real articles")
    args = parser.parse_args()

    from core.records import Source
    from extract import extractor_version
    from extract.nlp import SPACE_TAG, ArticleContext, VietnameseNLP
    from extract.records import extraction_from_doc
    from pipeline.extraction import BATCH_SIZE, TITLE_SEPARATOR
    from pipeline.store import Store
    from run import _articles_table, collect_corpus

    corpus = collect_corpus()
    for folder in args.texts:
        for path in sorted(folder.glob("*.txt")):
            title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
            corpus.append({"title": title.strip(), "body": body.strip(), "source": "seed"})
    corpus *= args.cycles
    version = extractor_version()
    nlp = VietnameseNLP()
    extraction_from_doc(nlp(WARM_UP, ArticleContext(source="seed")), 0, version)  # the records' lazy tables too
    profiler = cProfile.Profile() if args.profile else None
    cpu: dict[str, float] = {"make_doc": 0.0}
    for name, _ in nlp.spacy.pipeline:
        cpu[name] = 0.0
    cpu["records"] = 0.0
    extractions = []
    tokens = 0
    for i, article in enumerate(corpus):
        context = ArticleContext(source=article["source"], title=article["title"])
        text = article["title"] + TITLE_SEPARATOR + article["body"]
        mark = time.process_time()
        doc = nlp.make_doc(text, context)
        cpu["make_doc"] += time.process_time() - mark
        body_start = len(article["title"]) + len(TITLE_SEPARATOR)
        tokens += sum(1 for t in doc if t.tag_ != SPACE_TAG and not t.is_space and t.idx >= body_start)
        if profiler:
            profiler.enable()
        for name, component in nlp.spacy.pipeline:
            mark = time.process_time()
            doc = component(doc)
            cpu[name] += time.process_time() - mark
        mark = time.process_time()
        extractions.append(extraction_from_doc(doc, i + 1, version, body_start))
        cpu["records"] += time.process_time() - mark
        if profiler:
            profiler.disable()

    with tempfile.TemporaryDirectory() as work:
        store = Store.open(Path(work) / "layers.duckdb")
        store.upsert_sources([Source(source=s, name=s, kind="sample") for s in sorted({a["source"] for a in corpus})])
        store.con.from_arrow(_articles_table(store, corpus)).insert_into("articles")
        ids = [r[0] for r in store.con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]
        for extraction, article_id in zip(extractions, ids):
            extraction.article_id = article_id
        mark = time.process_time()
        for start in range(0, len(extractions), BATCH_SIZE):
            store.replace_extractions(extractions[start : start + BATCH_SIZE])
        cpu["write"] = time.process_time() - mark
        store.close()

    components = sum(v for k, v in cpu.items() if k.startswith("congdoan_"))
    total = cpu["make_doc"] + components + cpu["records"] + cpu["write"]
    result = {"articles": len(corpus), "tokens": tokens, "cpu_s": {k: round(v, 3) for k, v in cpu.items()},
              "components_s": round(components, 3), "total_s": round(total, 3),
              "floor_ratio": round(cpu["make_doc"] / total, 3),
              "shares": {"make_doc": round(cpu["make_doc"] / total, 3), "components": round(components / total, 3),
                         "records": round(cpu["records"] / total, 3), "write": round(cpu["write"] / total, 3)}}
    print(json.dumps(result))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for i, extraction in enumerate(extractions):
                out.write(json.dumps({"article": i, "tables": extraction.tables}, ensure_ascii=False,
                                     sort_keys=True, default=str) + "\n")
    if profiler:
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(args.profile)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
