"""Passes over all the mentions of a text, after the scan (``extract.units.UnitParser.scan``): a bare
"Công đoàn X" that is a commune's union, trade unions of the self-employed ("Nghiệp đoàn …"), and grassroots unions placed by a neighbour or by a province written
after their organisation's name elsewhere in the text."""

from __future__ import annotations

import re
from dataclasses import replace

from extract.regex_scan import whole_word_ends
from extract.unit_patterns import PAREN_AFTER, Mention

_COMMUNE_NAME = re.compile(r"Công đoàn (?:xã|phường|thị trấn|đặc khu) \S")
_TRADE_TOKEN = re.compile(r"[^\s()\[\]]+")
# Between a grassroots union and the federation it belongs to: a comma, maybe a place ("…, thị xã Gò Công, LĐLĐ …").
_AFFILIATION_GAP = re.compile(r"\s*,\s*(?:(?:thị xã|huyện|quận|thành phố|TP\.?|tỉnh|xã|phường)\s+[^,;.()\n]{1,30},\s*)?")


class MentionContext:
    """Mixin of :class:`extract.units.UnitParser` (its patterns and ``_province_evidence``)."""

    def _trade_unions(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"Nghiệp đoàn ghe bơi Hội An": the head, lower-case trade words, a capitalised place (lexicon
        ``trade_*``); added to ``mentions`` in text order, never inside another mention."""
        max_words, stops, place_stops = self.lex["grassroots"]["trade_max_words"], self.trade_stops, self.trade_place_stops
        found = []
        for head in self.trade_head_re.finditer(text):
            if any(m.start <= head.start() < m.end for m in mentions):
                continue
            line = text[head.end():head.end() + 160].split("\n", 1)[0]  # a name never runs into the next paragraph
            tokens = list(_TRADE_TOKEN.finditer(line))
            k = 0
            # (the trade's first word may be capitalised when a lower-case one follows: "Nghiệp đoàn Nghề cá Đại Lãnh")
            while k < len(tokens) and k < max_words and (tokens[k].group()[:1].islower() or k == 0
                                                         and tokens[1:2] and tokens[1].group()[:1].islower()) \
                    and tokens[k].group().rstrip(",") not in stops and not tokens[k].group().endswith((".", ";", ":")):
                k += 1
            place = k
            while place < len(tokens) and place - k < 4 and tokens[place].group()[:1].isupper() \
                    and tokens[place].group() not in place_stops \
                    and not line[tokens[place - 1].end():tokens[place].start()].strip() \
                    and not self.head_re.match(tokens[place].group() + " " + text[(after := head.end() + tokens[place].end()):after + 20]):
                place += 1
                if tokens[place - 1].group()[-1] in ",.;:":
                    break
            if k == 0 or place == k or tokens[k - 1].group().endswith(","):
                continue
            end = head.end() + tokens[place - 1].end() - (tokens[place - 1].group()[-1] in ",.;:")
            name = re.sub(r"\s+", " ", text[head.start():end])
            place_words = " ".join(t.group().strip(",.;:") for t in tokens[k:place])
            key = f"{head.group()} {tokens[0].group().rstrip(',')} {place_words}".casefold()  # trade and place: one union
            found.append(Mention(head.start(), end, "grassroots", name, org_key=key,
                                 inherit_next=bool(PAREN_AFTER.match(text, end))))
        return sorted(mentions + found, key=lambda m: m.start) if found else mentions

    def _commune_shorthand(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"Công đoàn Hà Trung" in an article about "Công đoàn xã Hà Trung" is that commune's union, not the
        district federation of the same name (no type word written)."""
        communes = {m.name.split(" ", 3)[3]: m for m in mentions if m.name and m.level in ("commune", "grassroots")
                    and _COMMUNE_NAME.match(m.name)}
        out = []
        for m in mentions:
            same = communes.get(m.district or "") if m.level == "district" and m.name else None
            if same is not None and text.startswith("Công đoàn", m.start) and not self.type_at_re.search(
                    text, m.start + len("Công đoàn"), m.end):
                m = replace(same, start=m.start, end=m.end)
            out.append(m)
        return out

    @staticmethod
    def _placed_by_neighbour(text: str, mentions: list[Mention]) -> None:
        """A grassroots union still without a province takes that of the unit named before it in the
        same sentence: "LĐLĐ TP Nha Trang trao quyết định thành lập CĐCS tại Khách sạn X" (Khánh Hòa)."""
        for k, m in enumerate(mentions):
            if m.level != "grassroots" or m.province and not m.named_in_org or m.inherit_next:
                continue
            upper = mentions[k + 1] if k + 1 < len(mentions) else None
            if upper is not None and upper.province and upper.level in ("province", "district") \
                    and _AFFILIATION_GAP.fullmatch(text, m.end, upper.start):
                # "Chủ tịch Công đoàn Công ty X, LĐLĐ tỉnh Y": the federation it is under
                m.province, m.named_in_org = upper.province, False
                continue
            if m.province:
                continue
            placed = next((x for x in reversed(mentions[:k]) if x.province), None)
            if placed is not None and not re.search(r"[.!?\n]", text[placed.end:m.start]):
                m.province = placed.province

    def _org_evidence_elsewhere(self, norm: str, text: str, mentions: list[Mention]) -> None:
        """A grassroots union with no province takes the one written after its organisation's name
        elsewhere in the text: "Công ty TNHH May X (tỉnh Hải Dương)" ... "CĐCS Công ty TNHH May X"."""
        found: dict[str, str | None] = {}  # each organisation's evidence, searched for once: linear in the text
        for m in mentions:
            if m.level != "grassroots" or m.province or not m.name or not m.org_key:
                continue
            org = m.name.removeprefix("Công đoàn cơ sở ") if m.name.startswith("Công đoàn cơ sở ") \
                else m.name.removeprefix("Công đoàn ")
            if org not in found:
                ends = whole_word_ends(text, org)
                found[org] = next((e for end in ends if (e := self._province_evidence(norm, text, end))), None)
            if found[org]:
                m.province, m.inherit_next = found[org], False
