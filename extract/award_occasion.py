"""The occasion or reason of an award: an event after "nhân (dịp)", a reason after "(vì) (đã) có /
đạt thành tích", an achievement phrase, or "tại Lễ / Hội nghị X"; kept as written."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from extract.award_clauses import Clause, phrase_regex


class AwardOccasion:
    """The occasion of the awards of a clause (a part of ``AwardExtractor``)."""

    def _init_occasion(self, occ: dict[str, Any]) -> None:
        events = phrase_regex(occ["event_subjects"])
        self._event_subject = re.compile(rf"{events}(?:\s+(?:đã|vừa|cũng))*\s*$", re.IGNORECASE)
        held = phrase_regex(occ["event_subjects"] + occ["organised_events"])
        self._organises = re.compile(rf"{phrase_regex(occ['organise'])}\s+(?={held})", re.IGNORECASE)
        self._at_event = re.compile(rf"^\s*{phrase_regex(occ['at_event'])}\s*,", re.IGNORECASE)
        self._at_event_end = re.compile(rf"\s{phrase_regex(occ['at_event_after'])}\s*[.!]?\s*$", re.IGNORECASE)
        self._event = re.compile(rf"{phrase_regex(occ['event_cues'])}\s+", re.IGNORECASE)
        self._bare_event_cue = re.compile(rf"^{phrase_regex(occ['bare_event_cues'])}$", re.IGNORECASE)
        self._event_starts = re.compile(rf"^{phrase_regex(occ['event_starts'])}", re.IGNORECASE)
        self._reason = re.compile(
            rf"(?<!\w)(?:{phrase_regex(occ['reason_cues'])})\s+(?=(?:{phrase_regex(occ['reason_nouns'])}))",
            re.IGNORECASE,
        )
        self._venue = re.compile(
            rf"(?<!\w)(?:{phrase_regex(occ['venue_cues'])})\s+(?=(?:{phrase_regex(occ['venue_nouns'])}))",
            re.IGNORECASE,
        )
        ends = phrase_regex(occ["ends"])
        second = phrase_regex(occ["second_activities"])
        # a reason runs on over commas, but not into a second counted group ("..., 7 cá nhân")
        dated = rf",\s*{phrase_regex(occ['time_openers'])}\s+\d"
        self._occasion_end = re.compile(
            rf"\s*(?:[;.:]|,?\s+{ends}|\s+và\s+{second}|(?:,|\s+và)\s*(?={self._count.pattern})|{dated})", re.IGNORECASE)
        self._occasion_end_comma = re.compile(rf"\s*(?:[,;.:]|\s+{ends}|\s+và\s+{second})", re.IGNORECASE)
        self._deictic = set(occ["deictic"])
        self._free_reason = re.compile(rf"{phrase_regex(occ['free_reason_cues'])}\s+")  # lower case only
        self._field_reason = re.compile(rf"(?<!\w)(?:{phrase_regex(occ['field_reason_cues'])})\s+"
                                        rf"(?=(?:{phrase_regex(occ['field_reason_nouns'])}))", re.IGNORECASE)
        self._group_reason = re.compile(rf"\s*{phrase_regex(occ['group_reason_starts'])}\s", re.IGNORECASE)
        # a recipient's own reason right after its name: "cho A vì có thành tích ..."
        self._reason_start = re.compile(
            rf"\s*(?:{self._reason.pattern}|{phrase_regex(occ['free_reason_cues'])}\s)", re.IGNORECASE)
        self._achievement = re.compile(rf"(?={phrase_regex(occ['achievement_starts'])})", re.IGNORECASE)
        self._anniversary = re.compile(rf"(?<!\w)(?=(?:{occ['anniversary']}))", re.IGNORECASE)
        self._deictic_opener = re.compile(rf"^\s*{phrase_regex(occ['deictic_openers'])}", re.IGNORECASE)
        self._bare_venue = re.compile(rf"{phrase_regex(occ['venue_nouns'])}$", re.IGNORECASE)
        self._titles = re.compile(rf"\s*(?:\d[\d.]*\s+)?(?P<title>{phrase_regex(occ['titles'])})", re.IGNORECASE)
        self._edition_forms = tuple(occ["edition_forms"])
        self._edition = re.compile(rf"(?:,?\s+(?:{'|'.join(occ['edition'])})(?!\w))+", re.IGNORECASE)


    # -- occasion -------------------------------------------------------------------------

    def _occasion(self, clause: Clause, limit: int | None = None) -> str | None:
        """The occasion or reason stated in the clause (ending before ``limit``, where a further recipient
        is listed: "cho A vì X và B vì Y"); else, in a clause that points back to the event ("Dịp này, ...",
        "Tại buổi gặp mặt, ..."), the article's last event."""
        # an event cue inside the reason is part of it ("vì có thành tích ... chào mừng Đại hội ...")
        reason = self._reason.search(clause.view)
        reason_end = reason and self._occasion_end.search(clause.view, reason.end())
        inside = (reason.start(), reason_end.start() if reason_end else len(clause.view)) if reason else None
        cues = [(self._event, self._occasion_end_comma), (self._reason, self._occasion_end),
                (self._free_reason, self._occasion_end), (self._achievement, self._occasion_end),
                (self._venue, self._occasion_end_comma)]
        if all(f.generic for f in clause.forms) or not clause.forms:
            # an anniversary without "nhân" is the occasion of a commendation at the gathering
            # ("gặp mặt kỷ niệm ... và biểu dương"); orders and titles received at a jubilee are
            # given for work done, not for the jubilee
            cues.append((self._anniversary, self._occasion_end_comma))
        found = self._first_phrase(clause, cues, inside, limit) or self._edition_of(clause) or self._title_of(clause)
        if found is None and self._deictic_opener.match(clause.view):
            return clause.article.event
        return found

    def _edition_of(self, clause: Clause) -> str | None:
        """A named prize with its edition: "Giải thưởng Nguyễn Văn Linh lần thứ III năm 2022"."""
        for form in clause.forms:
            if form.form.startswith(self._edition_forms) and form.form not in self._edition_forms \
                    and (edition := self._edition.match(clause.view, form.end)):
                return clause.text[form.start:edition.end()].strip("“”\"«» ")
        return None

    def _title_of(self, clause: Clause) -> str | None:
        """The title a generic verb honours, with the level ("cấp quận"), place ("Thủ đô") and year after it."""
        for verb in self._generic.finditer(clause.view):
            title = self._titles.match(clause.view, verb.end())
            if title is None:
                continue
            tokens, end = clause.tokens, title.end()
            k, capitalised = clause.token_index_at(end), False
            while k < len(tokens) and tokens[k].is_word:
                word = tokens[k].text
                if word.lower() in ("cấp", "năm") and k + 1 < len(tokens) and tokens[k + 1].is_word:
                    k, capitalised = k + 2, False
                elif word[0].isupper() or word.isdigit() or capitalised and word.islower():
                    k, capitalised = k + 1, word[0].isupper()  # "Thủ đô": a syllable after a capitalised one
                else:
                    break
                end = tokens[k - 1].end
            return clause.text[title.start("title"):end].strip()
        return None

    def _reason_after(self, clause: Clause, pos: int, end: int | None = None, group: bool = False) -> str | None:
        """The reason stated after ``pos`` (before ``end``): "… 35 cá nhân có thành tích xuất sắc trong hội diễn", or,
        for a ``group`` of a list, the field it is honoured in ("…, 4 cá nhân trong phong trào thi đua X")."""
        fields = self._field_reason.search(clause.view, pos) if group else None
        found = [m for m in (self._reason.search(clause.view, pos), fields)
                 if m is not None and (end is None or m.start() < end)]
        reason = min(found, key=lambda m: m.start(), default=None)
        if reason is None:
            return None
        end = self._occasion_end.search(clause.view, reason.end())
        return clause.text[reason.end():end.start() if end else len(clause.text)].strip(" ,") or None

    def _event_named(self, clause: Clause) -> str | None:
        """The event a clause names ("nhân kỷ niệm ...", "gặp mặt kỷ niệm 94 năm ..."), for later clauses."""
        return self._first_phrase(clause, ((self._event, self._occasion_end_comma),
                                           (self._anniversary, self._occasion_end_comma)))

    def _first_phrase(self, clause: Clause, cues: Iterable[tuple[re.Pattern[str], re.Pattern[str]]],
                      reason: tuple[int, int] | None = None, limit: int | None = None) -> str | None:
        for cue, stop in cues:
            for m in cue.finditer(clause.view):
                if self._bare_event_cue.match(m.group().strip()) and not self._event_starts.match(clause.view[m.end():]):
                    continue
                if cue is self._event and reason is not None and reason[0] <= m.start() < reason[1]:
                    continue
                if any(f.start <= m.start() < f.end for f in clause.forms):
                    continue
                end = stop.search(clause.view, m.end())
                stop_at = end.start() if end else len(clause.text)
                if limit is not None and m.end() < limit < stop_at:
                    stop_at = limit
                phrase = re.sub(r"(?:\s*(?:,|\bvà))+$", "", clause.text[m.end():stop_at].rstrip()).strip(" ,")
                if phrase.split(",")[0].split()[-1:] in ([d] for d in self._deictic) or phrase.split()[:1] in (
                        [d] for d in self._deictic):
                    continue  # "Với thành tích đó, X được ...", "Nhân dịp này có …": points back, no reason of its own
                phrase = re.sub(r"\s*\([^()]*\)$", "", phrase)  # "Ngày Thầy thuốc Việt Nam (27/2/1955 - ...)"
                if len(phrase.split()) > 1 and phrase.split()[-1] not in self._deictic \
                        and not self._bare_venue.match(phrase):
                    return phrase
        return None


