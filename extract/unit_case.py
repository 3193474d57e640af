"""ALL-CAPS stretches (headlines, captions: "CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BẮC NINH") given
ordinary capitals before the units parser reads them, since it finds names by their capitals.

A stretch is a run of upper-case words on one line with at least ``min_words`` words that are
no acronym. Its words are written in lower case, except acronyms (kept), words the article
itself writes with a capital inside a sentence ("May Tiến Thành" in the body), and the
lexicon's phrases in their own spelling: heads and bodies ("Liên đoàn Lao động", "Ban Chấp
hành"), the provincial and national unions' heads and sectors ("Viên chức", "Giáo dục"), an
organisation's head after a union head ("Công ty", "Trường") and the place after a type word
(a province or district of the gazetteer, a commune of today's list). The re-cased copy has
the same length, so every offset still points into the original text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache

from core.config import GAZETTEER_DIR
from extract.gazetteer import name_key
from extract.unit_patterns import alternation

WORD = re.compile(r"\w+")
JOINED = re.compile(r"[-&./+][^\W\d_]")  # punctuation that glues two parts of an acronym


@lru_cache(maxsize=1)
def known_communes() -> set[str]:
    """Keys of today's communes with their type word: "phường ba đình"."""
    data = json.loads((GAZETTEER_DIR / "communes.json").read_text(encoding="utf-8"))["communes"]
    return {name_key(f"{kind} {place}") for by_type in data.values() for kind, places in by_type.items()
            for place in places}


class CapsRecaser:
    """Built once per units parser from its lexicon and patterns."""

    def __init__(self, lexicon: dict, patterns) -> None:
        case = lexicon["caps"]
        self.min_words = case["min_words"]
        acronyms = set(case["acronyms"])
        for phrase in list(lexicon["abbreviations"]) + lexicon["heads"]["inline_abbreviations"]:
            acronyms.update(w for w in re.split(r"[\s.]+", phrase) if w.isupper() and len(w) > 1)
        self.acronyms = acronyms
        heads = lexicon["heads"]
        industry = lexicon["province_industry"]
        phrases = (heads["national"] + heads["federation"] + heads["union"] + heads["grassroots"] + heads["bodies"]
                   + heads["country"] + industry["heads"] + industry["province_only_heads"] + industry["sectors"]
                   + lexicon["national_industry"]["names"] + case["phrases"])
        spelled = [p for p in phrases if not p.isupper()]
        self.spellings: dict[str, str] = {}
        for p in spelled:  # of two spellings, the one with more capitals ("các Khu công nghiệp")
            key = name_key(p)
            if sum(c.isupper() for c in p) > sum(c.isupper() for c in self.spellings.get(key, "")):
                self.spellings[key] = p
            self.spellings.setdefault(key, p)
        self.phrase_re = re.compile(rf"(?<!\w)(?:{alternation(spelled)})(?!\w)", re.IGNORECASE)
        communes = {name_key(t) for t in lexicon["grassroots"]["commune_types"]}
        org_heads = [h for h in lexicon["grassroots"]["org_heads"] if name_key(h) not in communes]  # "Công đoàn phường X"
        self.org_after_re = re.compile(
            rf"(?<!\w)(?:{alternation(heads['union'] + heads['grassroots'] + ['tại'])})\s+"
            rf"(?P<org>{alternation(org_heads)})(?!\w)", re.IGNORECASE)
        self.org_spellings = {name_key(h): h for h in reversed(lexicon["grassroots"]["org_heads"]) if not h.isupper()}
        types = list(lexicon["admin_types"]) + lexicon["grassroots"]["commune_types"]
        self.type_re = re.compile(rf"(?<!\w)(?P<type>{alternation(types)})\s*", re.IGNORECASE)
        self.patterns = patterns

    # -- finding stretches --------------------------------------------------------------------

    def _stretches(self, text: str) -> list[tuple[int, int]]:
        # fewer upper-case words (acronyms aside) than one stretch needs: none, without walking the runs
        if sum(1 for w in WORD.findall(text) if w.isupper() and len(w) > 1 and w not in self.acronyms) < self.min_words:
            return []
        stretches, run = [], []
        for m in WORD.finditer(text):
            word = m.group()
            caps = word.isupper() or word.isdigit()
            if caps and run and "\n" not in text[run[-1].end():m.start()]:
                run.append(m)
                continue
            self._close(run, stretches)
            run = [m] if caps else []
        self._close(run, stretches)
        return stretches

    def _close(self, run: list[re.Match], stretches: list[tuple[int, int]]) -> None:
        text = run[0].string if run else ""
        words = [m.group() for m in run if len(m.group()) > 1 and not m.group().isdigit()
                 and m.group() not in self.acronyms and not self._joined(text, m)]
        if len(words) >= self.min_words:  # initials ("I.H.T"), acronyms ("LĐ-TB&XH") make no stretch
            stretches.append((run[0].start(), run[-1].end()))

    @staticmethod
    def _joined(text: str, m: re.Match) -> bool:
        """A word glued to another by punctuation, no space: a part of an acronym ("LĐ-TB&XH")."""
        return bool(JOINED.match(text, m.end()) or m.start() and JOINED.match(text[m.start() - 1] + "A"))

    # -- re-casing ----------------------------------------------------------------------------

    @staticmethod
    def _article_capitals(text: str, stretches: list[tuple[int, int]]) -> set[str]:
        """Lower-cased words the article writes capitalised more often than not inside sentences."""
        capital, lower = Counter(), Counter()
        inside = iter(stretches)
        current = next(inside, None)
        for m in WORD.finditer(text):
            while current and m.start() >= current[1]:
                current = next(inside, None)
            if current and current[0] <= m.start() < current[1]:
                continue
            word = m.group()
            if word.isupper() or not word[0].isalpha():
                continue
            before = text[max(0, m.start() - 3):m.start()].rstrip(" \t")
            if not before or before[-1] in ".!?:\n\"“(":
                continue  # a sentence's first word says nothing
            (capital if word[0].isupper() else lower)[word.lower()] += 1
        return {w for w, n in capital.items() if n > lower[w]}

    @lru_cache(maxsize=256)  # the same text is re-cased by every step of the units component
    def recase(self, text: str) -> str:
        stretches = self._stretches(text)
        if not stretches:
            return text
        capitals = self._article_capitals(text, stretches)
        chars = list(text)
        for start, end in stretches:
            piece = self._recase_stretch(text[start:end], capitals)
            if len(piece) == end - start:
                chars[start:end] = piece
        out = "".join(chars)
        return out if len(out) == len(text) else text

    def _recase_stretch(self, piece: str, capitals: set[str]) -> str:
        def word(m: re.Match) -> str:
            w = m.group()
            if w in self.acronyms or w.isdigit() or self._joined(piece, m):
                return w
            low = w.lower()
            return low[0].upper() + low[1:] if low in capitals else low

        out = WORD.sub(word, piece)
        out = self.phrase_re.sub(lambda m: self._spell(m.group(), self.spellings), out)
        out = self.org_after_re.sub(
            lambda m: m.group()[:m.start("org") - m.start()] + self._spell(m.group("org"), self.org_spellings), out)
        for m in list(self.type_re.finditer(out)):
            out = self._place_after(out, m.end(), m.group("type"))
        return out

    @staticmethod
    def _spell(written: str, spellings: dict[str, str]) -> str:
        spelt = spellings.get(name_key(written))
        return spelt if spelt is not None and len(spelt) == len(written) else written

    def _place_after(self, out: str, pos: int, type_word: str) -> str:
        """The province, district or commune named at ``pos`` written with capitals."""
        p = self.patterns
        end = None
        for pattern in (p.province_re, p.district_re):
            m = pattern.match(out, pos)
            if m and m.start("name") == pos and (end is None or m.end() > end):
                end = m.end()
        words = list(WORD.finditer(out, pos))[:4]
        for k in range(len(words), 0, -1):  # today's communes: "phường Ba Đình"
            if words and words[0].start() == pos and \
                    name_key(f"{type_word} {out[pos:words[k - 1].end()]}") in known_communes():
                end = max(end or 0, words[k - 1].end())
                break
        if words and words[0].start() == pos and words[0].group().isdigit():
            return out  # "phường 4", "quận 12"
        if end is None:
            return out
        titled = WORD.sub(lambda w: w.group()[0].upper() + w.group()[1:], out[pos:end])
        return out[:pos] + titled + out[end:]
