"""Importing this module registers every extractor factory with spaCy."""

from extract import amounts, awards, initiatives, units  # noqa: F401
