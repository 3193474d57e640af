"""Lists that share one head: "LĐLĐ các huyện Quỳnh Lưu, Diễn Châu và Yên Thành" (three district
federations), "CĐCS Công ty TNHH A, Công ty CP B" (two grassroots unions). An item after the
first is taken only when it is of the first's kind: a place the gazetteer knows, of the same
type; an organisation opened by the same head word as the first ("Công ty", "Trường") and
listed in ``list_heads`` (an address such as ", Khu công nghiệp X" is no second union).
"""

from __future__ import annotations

from extract.gazetteer import name_key
from extract.unit_patterns import DISTRICT_TYPES, Mention, Place, UnitPatterns


class SharedHeadLists(UnitPatterns):
    """The list steps of the units parser (``_grassroots`` comes from the parser itself)."""

    def _listed_place(self, norm: str, text: str, pos: int, level: str, admin_type: str | None
                      ) -> tuple[int, Place] | None:
        """The next place of a list that shares a federation's head ("LĐLĐ huyện Quỳnh Lưu, Diễn Châu và
        Yên Thành"): a separator, then a province or district the gazetteer knows, of the same type."""
        sep = self.sector_separator_re.match(norm, pos)
        if not sep or admin_type is None:
            return None
        at = sep.end()
        if (typed := self.type_re.match(norm, at - 1)) and level == "district":  # "LĐLĐ huyện A, thị xã B"
            admin_type = self.types[name_key(typed.group("type"))]
            if admin_type not in DISTRICT_TYPES:
                return None
            at = typed.end()
        place = self._place(norm, text, at, admin_type)
        if place is None or place.level != level:
            return None
        if level == "district" and (self.province_re.match(norm, at) or not any(
                d.type == admin_type for d in self.gaz.district_entries(place.display))):
            return None  # "LĐLĐ huyện Tiểu Cần, Trà Vinh": the province, not a second district
        return sep.end(), place

    def _federation_list(self, norm: str, text: str, first: Mention) -> list[Mention]:
        """The federations after ``first`` that share its head."""
        found, pos = [first], first.end
        while first.admin_type and (nxt := self._listed_place(norm, text, pos, first.level, first.admin_type)):
            start, place = nxt
            mention = Mention(start, place.end, place.level, f"Liên đoàn Lao động {place.type} {place.display}",
                              place.province or (first.province if place.level == "district" else None),
                              place.type)
            mention.district = place.display if place.level == "district" else None
            found.append(mention)
            pos = place.end
        return found

    def _grassroots_list(self, norm: str, text: str, first: Mention, words, prefix: str) -> list[Mention]:
        """The grassroots unions after ``first`` that share its head: ", Công ty CP B và Công ty C"."""
        found = [first]
        head = next((h for h in self.list_heads if first.org_key.startswith(h + " ")), None)
        while head and (sep := self.sector_separator_re.match(norm, found[-1].end)):
            if len(found) == 1 and "," not in sep.group() and ";" not in sep.group():
                break  # "Công đoàn Công ty A và Công ty B ký thỏa ước": B may be the other party
            nxt = self.org_head_re.match(norm, sep.end())
            if not nxt or name_key(nxt.group("head")) != head or not self._capitalised(text, sep.end()):
                break
            mention = self._grassroots(norm, text, sep.end(), sep.end() - 1, words, prefix, require_head=True)
            if mention is None or not mention.name or mention.level != "grassroots":
                break
            found.append(mention)
        return found
