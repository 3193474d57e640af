"""Random Unicode through the whole NLP and every extractor: no exception escapes, offsets stay exact.

The texts mix arbitrary code points, every Latin-1 character, Vietnamese written decomposed
(base letter plus combining marks, as cp1258 pages and some editors write it), the inputs that
made underthesea's Rust featurizer panic, and phrases the extractors react to.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

from core.records import nfc
from extract.nlp import POS_MODEL, WORD_MODEL, ArticleContext, VietnameseNLP, analysis_text, load_tagger, model_token
from extract.records import extraction_from_doc

LATIN_1 = [chr(c) for c in range(0x100)]
VIETNAMESE_MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"]
VIETNAMESE_LETTERS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ"
# Every Vietnamese letter with a tone mark, decomposed.
DECOMPOSED = sorted({unicodedata.normalize("NFD", nfc(base + mark)) for base in VIETNAMESE_LETTERS
                     for mark in VIETNAMESE_MARKS[:5]})
KNOWN_PANICS = ["o ð", "ông Guðni Jóhannesson", "Têìt Sum vâÌy", "Ð", " ", "  ", "\u00a0"]
PHRASES = [
    "Liên đoàn Lao động tỉnh Thanh Hóa", "LĐLĐ huyện", "Công đoàn cơ sở", "Bằng khen", "Cờ thi đua",
    "trao 1.200 suất quà", "trị giá 500.000 đồng", "gần 17 tỷ đồng", "15%", "phong trào thi đua “",
    "mô hình “", "”", "tặng Bằng khen cho 58 tập thể", "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", ". ", "\n", "\n\n",
]
chunk = st.one_of(
    st.text(min_size=1, max_size=8),
    st.text(alphabet=st.sampled_from(LATIN_1), min_size=1, max_size=8),
    st.sampled_from(DECOMPOSED),
    st.sampled_from(VIETNAMESE_MARKS),
    st.sampled_from(KNOWN_PANICS),
    st.sampled_from(PHRASES),
    st.sampled_from([" ", " ", "\t", "\n"]),
)
texts = st.lists(chunk, min_size=1, max_size=40).map("".join)


@pytest.fixture(scope="module")
def nlp() -> VietnameseNLP:
    return VietnameseNLP()


def test_every_latin_1_and_decomposed_vietnamese_character_reaches_the_models(nlp: VietnameseNLP) -> None:
    everything = " ".join(LATIN_1 + DECOMPOSED + VIETNAMESE_MARKS + KNOWN_PANICS)
    doc = nlp(everything)
    assert doc.text == analysis_text(everything)  # the same length: look-alike letters read, one for one
    for piece in [*LATIN_1, *DECOMPOSED, *KNOWN_PANICS]:
        nlp.segmenter.predict([["x"], [model_token(piece)], ["y"]])
        nlp.tagger.predict([[model_token(piece)]])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(title=st.one_of(st.none(), texts), body=texts)
def test_random_text_never_breaks_the_nlp_or_the_extractors(nlp: VietnameseNLP, title: str | None, body: str) -> None:
    text = (title + "\n\n" if title else "") + body
    doc = nlp(text, ArticleContext(source="fuzz", title=title))
    analysed = analysis_text(text)
    assert doc.text == analysed and len(analysed) == len(text)
    for token in doc:
        assert analysed[token.idx : token.idx + len(token.text)] == token.text
    extraction = extraction_from_doc(doc, 1, "fuzz", len(text) - len(body))
    for table in ("units", "amounts", "awards", "movements", "models"):
        for row in extraction.rows(table):
            if row.get("start_char") is not None:
                assert 0 <= row["start_char"] <= row["end_char"] <= len(body)


@pytest.mark.parametrize("base", [WORD_MODEL, POS_MODEL])
def test_the_taggers_load_as_underthesea_loads_them(base: str) -> None:
    ours, theirs = load_tagger(base), FastCRFSequenceTagger()
    theirs.load(base)
    tokens = [[token] for token in "Liên đoàn Lao động tỉnh trao 1.200 suất quà cho đoàn viên , người lao động".split()]
    assert ours.predict(tokens) == theirs.predict(tokens)
    assert len(set(ours.predict(tokens))) > 1
