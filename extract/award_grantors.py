"""Who gives an award: the awarder of a form, the subject of a clause's giving or holding, a union's chair as the
union, the coordinated grantors of one giving, and where the next giving of a clause starts (a mixin of
``AwardExtractor``; the patterns are compiled in ``awards.py``)."""

from __future__ import annotations

import re
from typing import Any

from extract.award_clauses import Clause, FormMention, GrantingOffice, Recipients
from extract.award_lists import KINDS


_PROVINCE_LEVEL = re.compile(r"\s+cấp\s+(?:tỉnh|thành\s+phố)(?!\w)", re.IGNORECASE)  # what ends a form's level


class AwardGrantors:
    """The grantor rules of ``AwardExtractor``."""

    def _host(self, clause: Clause) -> str | None:
        """The subject of the first "tổ chức" of a clause ("Từ đầu tháng 5, X đã tổ chức nhiều hoạt động …")."""
        organised = self._host_verb.search(clause.view)
        name = self._subject(clause, organised.start()) if organised else None
        return name.canonical if name is not None and not name.person else None

    def _giver(self, clause: Clause) -> str | None:
        """The subject of the first giving verb of a clause ("Dịp này, X đã trao quà cho …")."""
        verb = self._give.search(clause.view)
        name = (self._name_before(clause, verb.start()) or self._subject(clause, verb.start())) if verb else None
        return name.canonical if name is not None and not name.person else None

    def _granted_of(self, clause: Clause, mention: FormMention) -> bool:
        """A grantor named right after the form: "bằng khen của Y"."""
        of = self._of.match(clause.view, mention.end)
        name = clause.name_starting_at(of.end()) if of else None
        return name is not None and not name.person

    def _fields(self, form: str, awarder: str | None, recipients: Recipients, occasion: str | None,
                shared: bool) -> dict[str, Any]:
        return {
            "form": form,
            "awarder": self._statutory(form, awarder),
            "recipients": list(recipients.names),
            "recipient_count": None if shared else recipients.count,
            "recipient_kind": recipients.kind,
            "occasion": occasion,
        }

    def _statutory(self, form: str, awarder: str | None) -> str | None:
        """The awarder of a form granted by one authority by statute (whoever hands it over); a union's
        chair grants as the union ("Chủ tịch LĐLĐ tỉnh X trao Giấy khen" -> "Liên đoàn Lao động tỉnh X")."""
        for prefix, granted_by, keep in self._statutory_awarders:
            if form.startswith(prefix) and awarder not in keep:
                return granted_by
        chair = None if isinstance(awarder, GrantingOffice) else self._union_chair.match(awarder or "")
        return awarder[chair.end():] if chair else awarder

    def _awarders(self, clause: Clause, mention: FormMention, givers: list[str | None]) -> list[str | None]:
        """The awarder, or the coordinated awarders ("UBND tỉnh và LĐLĐ tỉnh tặng ..."); a form given by a
        second verb phrase of the same subject ("X tặng A cho B, trao C cho D", "X trao A cho B và tuyên
        dương C") takes the first's awarder."""
        if (respective := self._respective(clause, mention)) is not None:
            return [respective]
        if self._grantor_unnamed(clause, mention):  # not the giver of a form given before with it
            return [None]
        awarder = self._awarder(clause, mention)
        if awarder is not None and self._union_name.match(awarder) and (level := self._province_level(clause, mention)):
            awarder = level  # "LĐLĐ quận trao 2 bằng khen tập thể, 8 bằng khen cá nhân cấp thành phố": the city's
        if awarder is not None and awarder.casefold() in self._committees:
            # "Tại hội nghị, Ban Tổ chức công bố quyết định khen thưởng …": the organiser, else the article's one union
            awarder = clause.article.event_holder
        if awarder is None and mention.generic:
            awarder = self._leaders_with(clause, mention)
        if awarder is None and givers and re.search(r"(?:,|(?<!\w)và)\s*(?:\S+\s+)?$",
                                                    clause.view[:self._verb_start(clause, mention)]):
            return [givers[-1]]
        if awarder is None and self._gives_on(clause, mention):
            return [clause.article.sentence_awarder]
        if awarder is None and mention.generic and not clause.view[:mention.start].strip():
            return [clause.article.sentence_awarder or clause.article.sentence_giver]  # "X trao …; khen thưởng 20 …"
        # "Phó Thủ tướng Nguyễn Văn A và Chủ tịch X trao …": a deputy or a named holder hands the award over
        partners = [p for p in self._coordinated_awarders(clause, mention) if not self._handed_by_person(p)]
        if awarder is not None and self._handed_by_person(awarder):
            awarder = partners.pop() if partners else None
        if partners and awarder:
            return [*partners, awarder]
        second = self._second_grantor(clause, mention) if awarder else None  # "Bằng khen của X và Y"
        return [awarder, second] if second and second != awarder else [awarder]

    def _province_level(self, clause: Clause, mention: FormMention) -> str | None:
        """The province's federation, where a union's form is of the province's level ("bằng khen cấp thành phố", "2
        bằng khen tập thể, 8 bằng khen cá nhân cấp tỉnh"), else None."""
        if mention.generic or not _PROVINCE_LEVEL.search(clause.view, mention.end):
            return None  # (most forms: no pattern to compile for the form as written)
        written = re.escape(clause.view[mention.start:mention.end])
        level = re.compile(rf"(?:\s+{KINDS})?(?:\s*,\s*\d{{1,4}}\s+{written}\s+{KINDS})*\s+cấp\s+(tỉnh|thành\s+phố)(?!\w)",
                           re.IGNORECASE).match(clause.view, mention.end)
        return self._canonical(f"Liên đoàn Lao động {level.group(1).lower()}", clause.context) if level else None

    def _respective(self, clause: Clause, mention: FormMention) -> str | None:
        """"được A, B tặng bằng khen, tặng cờ thi đua": grantors listed with commas (or side by side) before the first
        of as many forms, each with a giving verb of its own, give them in order; a list closed by "và" gives every
        form (``_coordinated_awarders``)."""
        given = sorted(((v.start(), f) for f in clause.forms if not f.generic
                        and (v := self._giving_verb(clause, f)) is not None), key=lambda pair: pair[0])
        if len(given) < 2 or len({at for at, _ in given}) != len(given) or all(f is not mention for _, f in given):
            return None
        names = [name] if (name := self._name_before(clause, given[0][0])) is not None and not name.person else []
        while names and (joined := re.search(r"\s*,?\s*$", clause.view[:names[0].start])) is not None:
            name = clause.name_ending_at(joined.start())
            if name is None or name.person or self._received(clause, name):
                break
            names.insert(0, name)
        if len(names) != len(given):
            return None
        return next(n.canonical for n, (_, f) in zip(names, given) if f is mention)

    def _leaders_with(self, clause: Clause, mention: FormMention) -> str | None:
        """"Lãnh đạo X chụp ảnh cùng 95 cán bộ được biểu dương": a caption of a union's leaders with those it honours."""
        view = clause.view
        return next((n.canonical for n in clause.names if n.end <= mention.start and not n.person
                     and self._union_name.match(n.canonical) and re.search(r"(?<!\w)lãnh đạo\s*$", view[:n.start], re.I)
                     and re.search(r"(?<!\w)cùng(?!\w)", view[n.end:mention.start])), None)

    def _gives_on(self, clause: Clause, mention: FormMention) -> bool:
        """The clause goes on with the sentence's giving: it opens with the giving verb ("…; trao tặng 06 Cờ thi đua cho
        …"), or with the form, its verb left out ("X trao Cờ thi đua cho A; Bằng khen cho 5 tập thể")."""
        view = clause.view
        return bool(self._give.match(view.lstrip())) or not view[:mention.start].strip() \
            and not (self._give.search(view) or self._receive.search(view))

    def _handed_by_person(self, name: str) -> bool:
        """An office written after "Phó" or before its holder's name ("Phó Thủ tướng Thường trực Nguyễn Văn A")."""
        words = name.split()
        if not words or not (self._office_start.match(name) or words[0].lower() in self._deputy):
            return False
        if words[0].lower() in self._deputy:
            return True
        return any(words[k] in self._family_names and all(w[:1].isupper() for w in words[k + 1:])
                   and 2 <= len(words) - k <= 4 and not self._is_place(" ".join(words[k:]))
                   for k in range(1, len(words) - 1))

    def _next_giver(self, clause: Clause, later: list[FormMention]) -> int | None:
        """Where the giving of the next form starts: the name before its verb ("và Chủ tịch UBND
        tỉnh tặng Bằng khen"), else the verb; None when no later form has its own giving verb."""
        for mention in later:
            verbs = [v for v in self._give.finditer(clause.view, 0, mention.start)
                     if self._gap_ok(clause, v.end(), mention.start)]
            if verbs:
                giver = self._name_before(clause, verbs[-1].start())
                if giver is None:
                    return verbs[-1].start()
                joined = re.search(r"\s+và\s+$", clause.view[:giver.start])  # "UBND tỉnh và LĐLĐ tỉnh tặng"
                partner = clause.name_ending_at(joined.start()) if joined else None
                if partner is not None and self._received(clause, partner):
                    partner = None  # "tặng Bằng khen cho A và X tặng Giấy khen": A received the first
                return partner.start if partner is not None else giver.start
        return None
