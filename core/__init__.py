"""What the crawler, the extractors and the pipeline all need: paths (``core.config``) and records (``core.records``).

Layers: ``core`` at the bottom; ``crawl`` and ``extract`` above it and independent of each
other's internals and of ``pipeline``; ``pipeline`` (store, jobs, CLI, web) on top.
"""
