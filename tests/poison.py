"""A poison article for the reliability tests, as real bad input has been.

The ``test_poison`` spaCy component runs after the extractors. On an article whose text
contains ``phrase`` it either makes underthesea's Rust CRF featurizer panic for real
(``mode = "panic"``: it hands the featurizer a token with a leading space, the input
that "o ð" once produced; the panic is a ``BaseException``) or kills the worker process
analysing it (``mode = "die"``, as the kernel's out-of-memory killer would; only in a
child process, never the main one), or hangs on it (``mode = "stall"``, as a stuck featurizer
would, until the run is killed from outside).

In-process tests pass ``poisoned_nlp(phrase, mode)``. CLI tests run :data:`POISONED_CLI`
with ``$CONGDOAN_TEST_POISON`` (the phrase) and ``$CONGDOAN_TEST_POISON_MODE`` set: the
congdoan command line in a fresh process whose NLP objects all carry the component.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

from extract.nlp import COMPONENTS, WORD_MODEL, VietnameseNLP

PHRASE_ENV, MODE_ENV = "CONGDOAN_TEST_POISON", "CONGDOAN_TEST_POISON_MODE"
STALL_MARK_ENV = "CONGDOAN_TEST_POISON_MARK"  # a file "stall" mode creates when it starts hanging
POISONED_CLI = [sys.executable, "-c", "import tests.poison as p; p.poison_every_nlp(); from pipeline.cli import main; main()"]


@lru_cache(maxsize=1)
def _featurizer_victim() -> FastCRFSequenceTagger:
    tagger = FastCRFSequenceTagger()
    tagger.load(WORD_MODEL)
    return tagger


class Poison:
    def __init__(self, phrase: str, mode: str):
        self.phrase, self.mode = phrase, mode

    def __call__(self, doc: Doc) -> Doc:
        if not self.phrase or self.phrase not in doc.text:
            return doc
        if self.mode == "die":
            if multiprocessing.parent_process() is not None:
                os.kill(os.getpid(), signal.SIGKILL)
            return doc
        if self.mode == "stall":
            if mark := os.environ.get(STALL_MARK_ENV):
                open(mark, "w").close()
            time.sleep(3600)
        _featurizer_victim().predict([["x"], [" poison"]])  # panics in Rust
        raise AssertionError("the featurizer did not panic")


@Language.factory("test_poison", default_config={"phrase": "", "mode": "panic"})
def make_poison(nlp: Language, name: str, phrase: str, mode: str) -> Poison:
    return Poison(phrase, mode)


def poisoned_nlp(phrase: str, mode: str = "panic") -> VietnameseNLP:
    return VietnameseNLP(components=(*COMPONENTS, "test_poison"),
                         component_config={"test_poison": {"phrase": phrase, "mode": mode}})


def poison_every_nlp() -> None:
    """Make every VietnameseNLP built from now on in this process carry the poison from the environment."""
    original = VietnameseNLP.__init__
    config = {"phrase": os.environ.get(PHRASE_ENV, ""), "mode": os.environ.get(MODE_ENV, "panic")}

    def init(self: VietnameseNLP, components=COMPONENTS, component_config=None) -> None:
        original(self, (*components, "test_poison"), {**(component_config or {}), "test_poison": config})

    VietnameseNLP.__init__ = init
