"""Vietnamese NLP over underthesea, wrapped in spaCy Docs with exact character offsets.

:class:`VietnameseNLP` is the one object that loads the models: underthesea's
CRF word segmenter and POS tagger (loaded directly, because
``pos_tag(model="v2.0")`` fails on its second call) and the spaCy pipeline of
extractor components. Build it once per process and pass it around.

Three details keep offsets exact, segmentation sound and the models alive:

* tokens are the matches of underthesea's tokenizer pattern over the text itself,
  *without* its character normalisation (NFC, ð -> đ), so each token is a
  substring of the input at a known offset; the models see normalised copies;
* the copies the CRF models see are safe (:func:`model_token`): underthesea's Rust
  featurizer panics (a ``BaseException``) on an empty token or one with a leading,
  trailing or doubled space;
* word segmentation depends on letter case, so a sentence written in capitals
  (headlines, banners) is segmented on a lower-cased copy of itself.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from os.path import dirname, join
from typing import Any

import spacy
import underthesea
from spacy.language import Language
from spacy.tokens import Doc
from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
from underthesea.pipeline.sent_tokenize import sent_tokenize
from underthesea.pipeline.text_normalize import token_normalize
from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
from underthesea.pipeline.word_tokenize import regex_tokenize
from underthesea_core import CRFFeaturizer, CRFTagger

from extract.doc_index import TEXT_KEY, doc_index

_UNDERTHESEA_DIR = dirname(underthesea.__file__)
WORD_MODEL = join(_UNDERTHESEA_DIR, "pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727")
POS_MODEL = join(_UNDERTHESEA_DIR, "pipeline", "pos_tag", "models", "pos_crf_vlsp2013_20230303")

# The extractor components, in the order they run; each writes doc.spans[key].
COMPONENTS = ("congdoan_units", "congdoan_amounts", "congdoan_awards", "congdoan_initiatives")
SPACE_TAG = "_SP"
_LETTER = re.compile(r"[^\W\d_]")
# What the models see for a token that normalises to nothing.
BLANK_TOKEN = "_"


@dataclass(frozen=True)
class ArticleContext:
    """What the extractors may know about an article besides its text."""

    source: str | None = None
    source_province: str | None = None
    published_at: datetime | None = None
    title: str | None = None


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    tag: str


if not Doc.has_extension("context"):
    Doc.set_extension("context", default=None)


def _mostly_upper(text: str) -> bool:
    letters = _LETTER.findall(text)
    return len(letters) >= 8 and sum(map(str.isupper, letters)) / len(letters) > 0.6


# Letters written for Vietnamese ones by old fonts and converters, read as the Vietnamese letter.
_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ"})


def analysis_text(text: str) -> str:
    """The text the extractors read: ``text`` with look-alike letters read as the Vietnamese ones ("LÐLÐ" is
    "LĐLĐ"), one character for one, so every offset into ``text`` holds."""
    return text.translate(_LOOKALIKES)


# A token's copy depends on the token alone; words repeat, and underthesea's character
# normalisation (one replace per mapped character) was a twentieth of the NLP's time.
@lru_cache(maxsize=1 << 16)
def model_token(token: str) -> str:
    """The copy of a token the CRF models see: underthesea's normalisation, made safe.

    Characters are normalised as underthesea's own tokenizer would (NFC, ð -> đ) and
    short tokens mapped as its token normaliser does. Runs of spaces become one space
    and the ends are trimmed; an empty result becomes :data:`BLANK_TOKEN`. The Rust
    featurizer panics on the empty token and on one with a leading, trailing or
    doubled space ("o ð" once reached it as " ").
    """
    normal = token_normalize(normalize_characters_in_text(token), use_character_normalize=False)
    return " ".join(part for part in normal.split(" ") if part) or BLANK_TOKEN


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character spans of underthesea's tokens in ``text``: its pattern, without its normalisation."""
    return [m.span() for m in regex_tokenize.patterns.finditer(text)]


def _unpickled(path: str) -> Any:
    """An object ``joblib.dump`` wrote without arrays: a plain pickle, read by the C unpickler
    (joblib reads it with its pure-Python one, four times slower)."""
    with open(path, "rb") as file:
        return pickle.load(file)


def load_tagger(base: str) -> FastCRFSequenceTagger:
    """underthesea's CRF tagger stored at ``base``, as its ``FastCRFSequenceTagger.load`` builds it,
    its feature list and dictionary (72,547 words) read 0.13 s faster per start."""
    tagger = FastCRFSequenceTagger()
    tagger.estimator = CRFTagger()
    tagger.estimator.load(join(base, tagger.path_model))
    tagger.featurizer = CRFFeaturizer(_unpickled(join(base, tagger.path_features)),
                                      _unpickled(join(base, tagger.path_dictionary)))
    return tagger


class VietnameseNLP:
    """Loads underthesea's models and the extractor pipeline once; analyses texts."""

    def __init__(self, components: Iterable[str] = COMPONENTS, component_config: dict[str, dict] | None = None):
        self.segmenter = load_tagger(WORD_MODEL)
        self.tagger = load_tagger(POS_MODEL)
        self.spacy: Language = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
        if components:
            import extract.components  # noqa: F401  (registers the factories)
        for name in components:
            self.spacy.add_pipe(name, config=(component_config or {}).get(name, {}))

    # -- underthesea ----------------------------------------------------------------------

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the sentences: paragraphs split on newlines, then by underthesea."""
        spans: list[tuple[int, int]] = []
        for para in re.finditer(r"[^\n]+", text):
            cursor = para.start()
            for sentence in sent_tokenize(para.group()):
                sentence = sentence.strip()
                if not sentence:
                    continue
                start = text.find(sentence, cursor, para.end())
                if start < 0:  # the splitter altered the text; keep the rest of the paragraph whole
                    start = cursor
                    sentence = text[cursor : para.end()].strip()
                    start = text.find(sentence, cursor, para.end())
                spans.append((start, start + len(sentence)))
                cursor = start + len(sentence)
        return spans

    def words(self, text: str, start: int = 0, end: int | None = None) -> list[Word]:
        """Segment and tag ``text[start:end]``, one sentence; offsets index ``text``."""
        end = len(text) if end is None else end
        sentence = text[start:end]
        view = sentence.lower() if _mostly_upper(sentence) and len(sentence.lower()) == len(sentence) else sentence
        offsets = tokenize(view)
        if not offsets:
            return []
        tags = self.segmenter.predict([[model_token(view[a:b])] for a, b in offsets])
        groups: list[list[int]] = []
        for i, tag in enumerate(tags):
            if tag == "I-W" and groups and offsets[i][0] - offsets[groups[-1][-1]][1] <= 1:
                groups[-1].append(i)
            else:
                groups.append([i])
        spans = [(offsets[g[0]][0], offsets[g[-1]][1]) for g in groups]
        word_texts = [sentence[a:b] for a, b in spans]
        pos = self.tagger.predict([[model_token(view[a:b])] for a, b in spans])
        return [Word(w, start + a, start + b, p[2:] if p.startswith(("B-", "I-")) else p)
                for w, (a, b), p in zip(word_texts, spans, pos)]

    # -- spaCy ----------------------------------------------------------------------------

    def make_doc(self, text: str, context: ArticleContext | None = None) -> Doc:
        """A spaCy Doc over underthesea's words, sentences and tags; ``doc.text == text``."""
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        sent_starts: list[bool] = []
        cursor = 0

        def gap(until: int) -> None:
            nonlocal cursor
            between = text[cursor:until]
            if between:
                if between == " " and words:
                    spaces[-1] = True
                else:
                    words.append(between)
                    spaces.append(False)
                    tags.append(SPACE_TAG)
                    sent_starts.append(False)
            cursor = until

        for s_start, s_end in self.sentence_spans(text):
            gap(s_start)
            for i, word in enumerate(self.words(text, s_start, s_end)):
                gap(word.start)
                words.append(word.text)
                spaces.append(False)
                tags.append(word.tag)
                sent_starts.append(i == 0)
                cursor = word.end
        gap(len(text))
        if sent_starts:
            sent_starts[0] = True
        doc = Doc(self.spacy.vocab, words=words, spaces=spaces, tags=tags, sent_starts=sent_starts)
        doc._.context = context or ArticleContext()
        doc.user_data[TEXT_KEY] = text
        return doc

    def __call__(self, text: str, context: ArticleContext | None = None, trace: list[str] | None = None) -> Doc:
        """Analyse a text and run every extractor component over it.

        ``trace``, when given, gets the name of each stage as it starts ("nlp", then
        each component's name), so a failure can be placed. The Icelandic eth that old pages
        write for Đ ("LÐLÐ") is read as Đ: one character for one, so every offset holds.
        """
        steps = trace if trace is not None else []
        steps.append("nlp")
        doc = self.make_doc(analysis_text(text), context)
        for name, component in self.spacy.pipeline:
            steps.append(name)
            doc = component(doc)
        return doc


def sentence_rows(doc: Doc) -> list[dict[str, Any]]:
    """Rows of the ``sentences`` table for one analysed Doc."""
    index = doc_index(doc)
    rows = []
    for sent in index.sents:
        tokens = [t for t in index.tokens[sent.start : sent.end] if t.tag != SPACE_TAG and not t.is_space]
        if not tokens:
            continue
        rows.append({
            "idx": len(rows),
            "text": sent.text.strip(),
            "words": [t.text for t in tokens],
            "pos": [t.tag for t in tokens],
            "start_char": tokens[0].idx,
            "end_char": tokens[-1].idx + len(tokens[-1].text),
        })
    return rows
