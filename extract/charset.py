"""The text of a downloaded page: which charset it is really in, and whether it is text at all.

A page's declared charset is often wrong (a Windows code page declared as UTF-8, UTF-16 without
its byte-order mark, text garbled twice): :func:`decode_html` tries the readings in order and
keeps the one that reads as Vietnamese. The thresholds are in ``data/lexicon/html.toml``
(``[charset]``, ``[binary]``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from charset_normalizer.md import mess_ratio
from ftfy import fix_encoding
from ftfy.badness import is_bad

from extract.lexicon import lexicon

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Letters only Vietnamese uses among Latin scripts: a page decoded with the wrong code page has almost none.
_VIETNAMESE_ONLY = set(
    "ăằắẳẵặâầấẩẫậđêềếểễệôồốổỗộơờớởỡợưừứửữựảạẻẽẹỉịỏọủụỷỹỵỳ"
    "ĂẰẮẲẴẶÂẦẤẨẪẬĐÊỀẾỂỄỆÔỒỐỔỖỘƠỜỚỞỠỢƯỪỨỬỮỰẢẠẺẼẸỈỊỎỌỦỤỶỸỴỲ"
)
_FALLBACK_ENCODINGS = ("cp1258", "cp1252")
_WORD = re.compile(r"[^\s<>\"'=]+")  # words of text or markup; linear to scan, unlike one pattern for non-ASCII words

@lru_cache(maxsize=1)
def _charset_rules() -> dict[str, Any]:
    return lexicon("html")["charset"]


@lru_cache(maxsize=1)
def _binary_rules() -> dict[str, Any]:
    rules = lexicon("html")["binary"]
    rules["magic_bytes"] = tuple(bytes.fromhex(m) for m in rules["magic"])
    return rules


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str | None
    problem: str | None = None
    detail: str | None = None
    note: str | None = None  # "charset_repaired: ..." when the text was read otherwise than declared


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _vietnamese_score(text: str) -> float:
    """Share of the non-ASCII letters that only Vietnamese uses (0 when there are none)."""
    letters = [c for c in _nfc(text) if ord(c) > 127 and c.isalpha()]
    if not letters:
        return 0.0
    return sum(c in _VIETNAMESE_ONLY for c in letters) / len(letters)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _sample(text: str) -> str:
    """The first words with non-ASCII characters, NFC: where a wrong charset shows."""
    limit = _charset_rules()["sample_words"]
    words = (word for word in (m.group() for m in _WORD.finditer(text)) if not word.isascii())
    return _nfc(" ".join(islice(words, limit)))


def _garbled(text: str) -> bool:
    """Whether a reading of bytes is garbage: mojibake (ftfy), a mess (charset-normalizer), or replaced bytes."""
    sample = _sample(text)
    if not sample:
        return False
    rules = _charset_rules()
    return (sample.count("\ufffd") > len(sample) / 100 or is_bad(sample)
            or mess_ratio(sample, maximum_threshold=1.0) > rules["max_mess"])


@lru_cache(maxsize=1)
def _mojibake_pair() -> re.Pattern[str]:
    return re.compile(_charset_rules()["mojibake_pair"])


def _checked_utf8(text: str) -> Decoded:
    """Valid UTF-8 may still be mojibake (UTF-8 read as cp1252 and saved again): repair it or reject it.

    Judged only when a pair of characters that mojibake leaves behind is there (``mojibake_pair``):
    the full judgement costs about 1 ms a page, a tenth of a crawl's own work."""
    if not _mojibake_pair().search(_nfc(text)) or not _garbled(text):
        return Decoded(text, "utf-8")
    repaired = fix_encoding(text)
    if repaired != text and not _garbled(repaired):
        return Decoded(repaired, "utf-8", note="charset_repaired: double-encoded UTF-8 (mojibake) repaired with ftfy")
    return Decoded("", "utf-8", "bad_charset", "the UTF-8 text is mojibake that cannot be repaired")


def _readings(data: bytes, stated: str | None) -> list[tuple[str, str, str | None]]:
    """(codec, text, note) of the bytes in each plausible charset: UTF-8 with a few invalid
    sequences (when the rest is plainly UTF-8), the declared charset, the Vietnamese code page
    and Western Latin."""
    rules = _charset_rules()
    readings: list[tuple[str, str, str | None]] = []
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd")
    valid = sum(1 for c in lenient if ord(c) > 127) - invalid
    if invalid <= rules["max_invalid_utf8"] and valid >= rules["min_valid_per_invalid"] * invalid:
        readings.append(("utf-8", lenient, f"charset_repaired: {invalid} invalid UTF-8 sequence(s) replaced"))
    for name in dict.fromkeys(n for n in (stated, *_FALLBACK_ENCODINGS) if n and n != "utf-8"):
        try:
            readings.append((name, data.decode(name, errors="replace"), None))
        except LookupError:
            continue
    return readings


def decode_html(data: bytes, declared: str | None = None) -> Decoded:
    """Text of an HTML document, whatever its encoding claims, and never garbage.

    Order: byte-order mark; UTF-16 without one; valid UTF-8 (which random bytes in
    another code page almost never are, so it wins over a wrong declaration), repaired
    by ftfy when it is double-encoded mojibake; otherwise, of the readings that are not
    garbage (:func:`_garbled`): the declared charset (HTTP header, else ``<meta charset>``),
    else UTF-8 with a few bad bytes, else the Vietnamese code page or Western Latin,
    whichever reads more as Vietnamese. A page read otherwise than declared, or repaired,
    carries a ``note``; a page with no readable reading is ``bad_charset``.
    """
    rules = _binary_rules()
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(data.decode(utf16, errors="replace"), utf16)
    if data.startswith(rules["magic_bytes"]):
        return Decoded("", None, "binary", f"binary content (starts with {data[:4].hex()})")
    head = data[:20000].decode("latin-1")
    if head and len(_CONTROL.findall(head)) / len(head) > rules["max_control_share"]:
        return Decoded("", None, "binary", "binary content (control bytes)")
    meta = _META_CHARSET.search(data[:4096])
    stated = _codec(declared) or _codec(meta.group(1).decode("ascii", "ignore") if meta else None)
    what = f"declared {stated}" if stated else "no charset declared"
    try:
        decoded = _checked_utf8(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    else:
        if stated and stated != "utf-8" and decoded.note is None and not decoded.problem and not data.isascii():
            return Decoded(decoded.text, "utf-8", note=f"charset_repaired: declared {stated}, but the bytes are utf-8")
        return decoded
    usable = [r for r in _readings(data, stated) if not _garbled(r[1])]
    if not usable:
        return Decoded("", None, "bad_charset", f"every reading of the bytes is garbage ({what})")
    trusted = sorted((r for r in usable if r[0] in ("utf-8", stated)), key=lambda r: r[0] != stated)
    if trusted:  # the declared charset when it reads well, else UTF-8 with a few bad bytes
        name, text, note = trusted[0]
    else:
        name, text, note = max(usable, key=lambda r: _vietnamese_score(_sample(r[1])))
        if _vietnamese_score(_sample(text)) < _charset_rules()["min_vietnamese_share"]:
            return Decoded("", name, "bad_charset", f"cannot decode the page as Vietnamese text ({what})")
    if stated and name != stated and note is None:
        note = f"charset_repaired: declared {stated}, but the bytes are {name}"
    return Decoded(text, name, note=note)
