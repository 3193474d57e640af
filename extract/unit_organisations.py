"""Where the name of a grassroots union's organisation ends.

A name runs over capitalised words (a capitalised word is one whose *first* syllable is
capitalised, so the walk follows underthesea's words: "Xổ số" is one word), dashes joining
capitalised parts, a few lower-case descriptors and common nouns between capitalised parts,
the lower-case half of trade compounds, and "và" when a capitalised part follows that starts
no other unit, organisation or person (``grassroots`` in data/lexicon/units.toml).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from extract.gazetteer import name_key
from extract.unit_case import known_communes
from extract.unit_patterns import LOWER_START, WORD_AFTER, UnitPatterns, tidy

# A bare province or district type word closing an organisation's name: no name after it, only punctuation, the end
# or a lower-case word ("Trung tâm quản lý Bến xe khách tỉnh, một đơn vị …", "Phòng VH-TT huyện và …"); after "chi
# nhánh" the branch of the site's province ("Công đoàn cơ sở NHNN chi nhánh tỉnh").
_BARE_TYPE = re.compile(
    r"(?:[^\S\n]+chi nhánh)?[^\S\n]+(?P<type>tỉnh|thành phố|huyện|quận|thị xã)(?=(?P<next>\s*(?:[,.;:)!?]|$)|\s+\w))")

_COUNTRY_END = re.compile(r"Việt Nam\s+$")  # the country closing an organisation's name
_COUNTRY_NEXT = re.compile(r"Việt Nam(?!\w)")  # the country coming next, to close a name


class OrganisationNames(UnitPatterns):
    """The organisation-name walker of the units parser."""

    # -- organisations ------------------------------------------------------------------------

    def _org_end(self, norm: str, text: str, pos: int, words: list[tuple[int, int, bool, str]] | None) -> int:
        """End of an organisation's name starting at ``pos`` (``words``: the Doc's words, else whole text)."""
        if words is None:
            end = len(text.rstrip(" .,;:"))
            paren = re.search(r"\s*\([^()]*\)\s*$", text[:end])
            return paren.start() if paren and paren.start() > pos else end
        head = self.org_head_re.match(norm, pos)
        conjunction_ok = bool(head) and name_key(head.group("head")) in self.conjunction_heads
        office = bool(head) and name_key(head.group("head")) in self.office_heads
        sector_closed = False  # "Sở Tư pháp": an office named by a listed sector takes no line of business after it
        shared = bool(head) and name_key(head.group("head")) in self.shared_office_heads  # "Văn phòng … và HĐND"
        i = bisect_left(words, (pos, -1, False))
        first, end, count = i, pos, 0
        while i < len(words) and count < self.max_org_words:
            start, stop, sent_start = words[i][:3]
            if i > first and sent_start and words[i - 1][1] != start:
                break  # a sentence starts here; not inside "I.H.T", split after "I.H." with no space
            count += 1
            if head and i > first and stop <= head.end():
                end = stop  # a lower-case word of the head the segmenter split off: "Cục" + "thuế", "Trụ sở" + "chính"
                i += 1
                continue
            if office and end == head.end() and start > end and text[start].isupper() \
                    and (sector := self.listed_sector_re.match(norm, start)):
                end, sector_closed = sector.end(), True  # "Sở Giao thông vận tải", however segmented and tagged
                i = bisect_left(words, (sector.end(), -1, False))
                continue
            if self._capitalised(text, start):
                after_union = name_key(f"{text[words[i - 1][0]:words[i - 1][1]]} {text[start:stop]}") if i > first else ""
                if i > first and (self.stop_re.match(norm, start) or self.date_after_re.match(text, start)) \
                        and after_union not in self.named_after_union:
                    break  # another unit, or a date glued after the name ("... Kim Đồng Ngày 3/10")
                if i > first and text[start:stop].split(" ")[0] in self.surnames and _COUNTRY_END.search(text, pos, start) \
                        and not self._province_at(norm, text, start) and not self.district_re.match(norm, start):
                    break  # a person after the country closing a name ("… Việt Nam Trần Minh Quang trao"), not a place
                    # ("Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên")
                syllables = text[start:stop].split(" ")
                lead = next((k for k, syl in enumerate(syllables) if not self._capitalised(syl, 0)), len(syllables))
                glued = 2 <= lead < len(syllables) and not self.org_head_re.fullmatch(norm, start, stop) \
                    and not self._name_word(syllables, lead) \
                    or 1 <= lead < len(syllables) and name_key(" ".join(syllables[lead:])) in self.inner_stops  # "GDĐT nhiệm kỳ"
                if glued:  # a name glued to the next word: "Lê Lợi tặng" (not a head: "Tổng Công ty")
                    end = start + len(" ".join(syllables[:lead]))
                    break
                end = stop
                i += 1
                continue
            if text[start:stop] in self.joiners and self._name_goes_on(norm, text, words, i + 1):
                i += 1  # "Tổng Công ty May 10 - CTCP", "Công ty CP Dược - Trang thiết bị y tế"
                continue
            if not LOWER_START.match(text, start) or sector_closed and not self.type_at_re.match(norm, start):
                break  # after an office's listed sector only its place goes on ("Sở Tư pháp tỉnh", "… huyện X")
            if i > first and end == words[i - 1][1] and (tail := self._compound_tail(text, words, i)):
                end = start + tail  # "Hóa" + "chất Văn Điển": the compound "Hóa chất" split by segmentation
                if end < stop:
                    break
                i += 1
                continue
            matched = self.terminal_re.match(norm, start) or self.descriptor_re.match(norm, start)
            if matched:
                if matched.re is self.terminal_re:
                    end = matched.end()
                elif matched.end() < stop:  # glued to the name after it: "chuyên Hà Tĩnh" is one word
                    rest = text[matched.end():stop].lstrip()
                    if not rest or not rest[0].isupper():
                        break
                    end = stop
                    i += 1
                    continue
                i = bisect_left(words, (matched.end(), -1, False))
                continue
            run = self._inner_nouns(norm, text, words, i)
            if run:  # "Công ty CP Mía đường Lam Sơn": common nouns between capitalised parts
                i += run
                continue
            if i > first and not sector_closed and (trade := self._trade_run(norm, text, words, i)):
                end = words[i + trade - 1][1]  # "Công ty CP Đầu tư phát triển hạ tầng và đô thị Hoàng Tín"
                i += trade
                continue
            if self._field_tail(text, words, i, end):  # "Viện Y học biển": a field word and its noun
                end = stop
                i += 1
                continue
            if head and text[start:stop] == "và" and (self._and_goes_on(norm, text, words, i + 1, conjunction_ok) or shared
                                                     and i + 1 < len(words) and self.shared_body_re.match(norm, words[i + 1][0])):
                i += 1
                continue
            if head and text[start:stop].startswith("và ") and text[start + 3:start + 4].isupper() \
                    and (conjunction_ok or not self.and_stop_re.match(norm, start + 3)) \
                    and not self.org_head_re.match(norm, start + 3) and not self.head_re.match(norm, start + 3):
                end = stop  # "Nông nghiệp" + "và Phát triển nông thôn": "và" glued to the next part
                i += 1
                continue
            break
        bare = _BARE_TYPE.match(text, end) if end > pos else None
        if bare and not bare.group("next")[:1].isupper():
            end = bare.end("type")  # "Bệnh viện Đa khoa tỉnh": the province's own, completed from the site later
        return end

    def _name_word(self, syllables: list[str], lead: int) -> bool:
        """A word whose syllable at ``lead`` is the first lower-case one still belongs to the name:
        a trade compound ("MTV Cao su"), a sector or office word ("Phòng Giáo dục"), or more
        capitalised syllables after it ("Phòng Giáo dục và Đào tạo"): not a name glued to a verb."""
        if any(self._capitalised(syl, 0) for syl in syllables[lead + 1:]):
            return True
        return name_key(" ".join(syllables[lead - 1:])) in self.name_compounds \
            or name_key(f"{syllables[lead - 1]} {syllables[lead]}") in self.name_pairs

    def _field_tail(self, text: str, words: list[tuple[int, int, bool, str]], i: int, end: int) -> bool:
        """The lower-case noun at ``i`` ends a field's name ("Viện Y học biển", "Trung tâm Dịch vụ việc
        làm"): it follows an office or field word that ends the name so far, is no stop noun, and no
        noun follows it (a verb, a function word or punctuation does)."""
        if i == 0 or words[i - 1][1] != end or words[i][3] not in self.inner_tags:
            return False
        before = name_key(text[words[i - 1][0]:words[i - 1][1]])
        word = text[words[i][0]:words[i][1]]
        if before not in self.field_words or not word.islower() or name_key(word) in self.inner_stops:
            return False
        nxt = words[i + 1] if i + 1 < len(words) else None
        return nxt is None or nxt[2] or nxt[3] not in self.inner_tags and not self._capitalised(text, nxt[0])

    def _name_goes_on(self, norm: str, text: str, words: list[tuple[int, int, bool, str]], i: int) -> bool:
        """The word at ``i`` may continue an organisation's name: a capital letter, no person, no new unit."""
        if i >= len(words) or words[i][2]:
            return False
        start, stop = words[i][0], words[i][1]
        syllables = text[start:stop].split(" ")  # "Đào tạo" opens with a surname but is no person's name
        person = syllables[0] in self.surnames and all(self._capitalised(syl, 0) for syl in syllables) \
            and not self._is_place(text[start:stop])
        return text[start].isupper() and not person and not self.stop_re.match(norm, start)

    def _is_place(self, word: str) -> bool:
        """A province or district name ("Hà Nội", "Lê Chân"), not a person whose surname opens it."""
        return bool(" " in word and (self.gaz.old_province(word) or self.gaz.district_entries(word)))

    def _compound_tail(self, text: str, words: list[tuple[int, int, bool, str]], i: int) -> int:
        """Length of the part of the lower-case word at ``i`` that belongs to the name before it:
        its first syllables when they complete a name compound with the previous word's last
        syllables ("Hóa" + "chất", "Cảnh sát" + "nhân dân"), with the capitalised syllables after it; 0 otherwise."""
        start, stop = words[i][:2]
        syllables = text[start:stop].split(" ")
        previous = text[words[i - 1][0]:words[i - 1][1]].split(" ")
        kept = next((n for n in range(len(syllables), 0, -1) for k in range(len(previous))
                     if name_key(" ".join(previous[k:] + syllables[:n])) in self.name_compounds), 0)
        if not kept:
            return stop - start if self._mirrors_joined_part(text, words, i) else 0
        while kept < len(syllables) and self._capitalised(syllables[kept], 0):
            kept += 1
        return len(" ".join(syllables[:kept]))

    def _mirrors_joined_part(self, text: str, words: list[tuple[int, int, bool, str]], i: int) -> bool:
        """The lower-case word at ``i`` completes a part after a dash the way the part before the
        dash is built: "Trung tâm Giáo dục - Dạy nghề" ("Dạy" + "nghề" as "Giáo" + "dục"); an acronym after the
        dash is a part of its own ("Khảo sát và Xây dựng - USCO và Chi nhánh …": "và" opens what follows)."""
        if i < 3 or text[words[i - 2][0]:words[i - 2][1]] not in self.joiners:
            return False
        before = text[words[i - 3][0]:words[i - 3][1]].split(" ")
        after = text[words[i - 1][0]:words[i - 1][1]].split(" ")
        tail = len(before) - 1
        return len(after) == 1 and tail >= 1 and before[0][0].isupper() and " ".join(before[1:]).islower() \
            and not after[0].isupper() \
            and len(text[words[i][0]:words[i][1]].split(" ")) <= tail

    def _and_goes_on(self, norm: str, text: str, words: list[tuple[int, int, bool, str]], i: int,
                     conjunction_head: bool) -> bool:
        """A "và" at ``i - 1`` joins two parts of one name: "Sở Tài nguyên và Môi trường" after the
        heads that take it, "Công ty CP Supe Phốt phát và Hóa chất Lâm Thao" after any head when what
        follows is capitalised and opens no unit, organisation, person, title or Party body."""
        if i >= len(words) or words[i][2] or not text[words[i][0]].isupper():
            return False  # a count after "và" is no part of a name ("Phòng VH-TT huyện và 50 CNVCNLĐ")
        start = words[i][0]
        if self.org_head_re.match(norm, start) or self.head_re.match(norm, start) or self.trade_head_re.match(text, start):
            return False  # another organisation or union ("… huyện X và Nghiệp đoàn nghề cá Y")
        if conjunction_head:
            return True
        return self._name_goes_on(norm, text, words, i) and not self.and_stop_re.match(norm, start)

    def _inner_nouns(self, norm: str, text: str, words: list[tuple[int, int, bool, str]], i: int) -> int:
        """How many lower-case common nouns at ``i`` sit inside a name (a capitalised part follows), else 0;
        after a noun, or a legal form ("TNHH may mặc Tiến Thành"), a verb may follow (trade words:
        "Thương mại dịch vụ vận chuyển I.H.T").
        A word with a capitalised syllable after its first ("ra quân Tháng") is glued text, no noun."""
        k = i
        after_legal = i > 0 and bool(self.legal_forms_re.fullmatch(" " + text[words[i - 1][0]:words[i - 1][1]]))
        while k < len(words) and k - i < self.inner_max_words:
            start, stop, sent_start, tag = words[k]
            country_next = k + 1 < len(words) and _COUNTRY_NEXT.match(text, words[k + 1][0]) is not None
            # a verb or an adjective right before the country closing the name is inside it: "Tổng công ty Quản lý bay
            # Việt Nam", "Học viện Y - Dược học cổ truyền Việt Nam"
            # (a trade compound written in lower case, however tagged: "Tổng Công ty cấp nước Sài Gòn")
            if sent_start or not (tag in self.inner_tags or (k > i or after_legal) and tag in self.inner_follow_tags
                                  or country_next and tag in self.inner_country_tags
                                  or name_key(text[start:stop]) in self.name_compounds) \
                    or not text[start:stop].islower() \
                    or name_key(text[start:stop]) in self.inner_stops:
                break
            k += 1
        if k > i and k < len(words) and (d := self.descriptor_re.match(norm, words[k][0])) \
                and d.end() == words[k][1] and self._name_goes_on(norm, text, words, k + 1):
            return k - i  # "Trung tâm Kiểm soát bệnh tật tỉnh Nghệ An": a place word, then the place
        return k - i if k > i and self._name_goes_on(norm, text, words, k) else 0

    def _trade_run(self, norm: str, text: str, words: list[tuple[int, int, bool, str]], i: int) -> int:
        """How many lower-case words at ``i`` go on the line of business a capitalised trade or field word began
        ("Đầu tư" + "phát triển hạ tầng và đô thị Hoàng Tín", "An toàn" + "vệ sinh thực phẩm tỉnh"): trade and
        field words, "và" between two of them, up to a capitalised part that continues the name, a bare province
        type closing it, punctuation, or a verb after a closing noun; after a word of making or trading ("Sản xuất",
        "Chế biến") any nouns, what is made ("Công ty TNHH Sản xuất đá granit,"); else 0."""
        before = name_key(text[words[i - 1][0]:words[i - 1][1]])
        if before not in self.trade_words:
            return 0
        product = before in self.product_words  # "Sản xuất" + "đá granit": any nouns name what is made
        k = i
        while k < len(words) and not words[k][2] and (word := text[words[k][0]:words[k][1]]).islower() \
                and (name_key(word) in self.trade_words or product and words[k][3] in self.inner_tags
                     or word == "và" and k > i and k + 1 < len(words)
                     and name_key(text[words[k + 1][0]:words[k + 1][1]]) in self.trade_words):
            k += 1
        if k == i or k >= len(words) or words[k][2]:
            return 0
        closing = _BARE_TYPE.match(text, words[k - 1][1])
        if closing and not closing.group("next")[:1].isupper() and closing.start("type") == words[k][0]:
            return k - i  # "… vệ sinh thực phẩm tỉnh": the site province's office
        if words[k - 1][3] in self.inner_tags and words[k][3] not in self.inner_tags and text[words[k][0]].islower() \
                or text[words[k][0]] in ",.;:)":
            return k - i  # "Chi cục An toàn vệ sinh thực phẩm giành giải", "BQL Dự án đầu tư xây dựng,": the name closes
        # a capitalised part goes on the name, even one that reads like a person's ("… đô thị Hoàng Tín")
        return k - i if self._capitalised(text, words[k][0]) and not self.stop_re.match(norm, words[k][0]) else 0

    def _org_province(self, norm: str, text: str, start: int, end: int) -> str | None:
        """A province named inside an organisation's name ("Xổ số Kiến thiết Tiền Giang")."""
        found = None
        for m in self.type_at_re.finditer(norm, start, end):
            place = self._place(norm, text, m.end(), self.types[name_key(m.group())])
            if place and place.province and place.end <= end:
                found = place.province
        if found:
            return found
        pos = start
        while (m := self.province_re.search(norm, pos, end)) is not None:
            if self._capitalised(text, m.start("name")) and (m.start("name") == 0 or not norm[m.start("name") - 1].isalnum()):
                found = self.gaz.old_province(m.group("name"))
            pos = m.end()
        return found

    def _commune(self, norm: str, text: str, pos: int) -> tuple[int, str] | None:
        """End and name of a commune written after "CĐCS" ("CĐCS phường Vị Thanh"): since the 2025
        merger the offices of a commune form one grassroots union named after it. The name is the
        capitalised words on the same line (characters, so "Vị Thanh trao" glued into one word still
        ends at "Thanh"), up to a person's name (a surname followed by another capitalised word)."""
        typed = self.commune_type_re.match(norm, pos)
        run = self.cap_run_re.match(norm, typed.end()) if typed else None
        if not run or self.stop_re.match(norm, run.start("name")):
            return None
        words = text[run.start("name"):run.end("name")].split("\n")[0].split()
        kept = words[:1]
        for k, word in enumerate(words[1:self.commune_max_words], start=1):
            if word in self.surnames and k + 1 < len(words):
                break
            kept.append(word)
        name = " ".join(kept)
        end = run.start("name") + len(name) if text.startswith(name, run.start("name")) else run.end("name")
        if name.isdigit() and self.duration_after_re.match(norm, end):
            return None  # "phường 6 tháng cuối năm": a duration
        kind, name = tidy(typed.group()), tidy(text[run.start("name"):end])
        if (tail := WORD_AFTER.match(text, end)) and tail.group(1).isalpha() and tail.group(1).islower():
            fuller = f"{name} {tail.group(1).capitalize()}"  # "xã Bình phú": its last syllable in lower case
            if name_key(f"{kind} {fuller}") in known_communes() and name_key(f"{kind} {name}") not in known_communes():
                return tail.end(), f"{kind} {fuller}"
        return end, f"{kind} {name}"

    def _without_titled_person(self, text: str, org_start: int, org_end: int) -> int:
        """Where a name ends without the person a title before the unit announces ("Chủ tịch CĐCS Công ty CP Nhựa
        Chin Huei Lưu Diễn Hiệp, …": the union's chairman is named after it): a closing run of three or four
        capitalised syllables opening with a surname, not a place, is that person."""
        words = text[org_start:org_end].split(" ")
        for k in range(max(1, len(words) - 4), len(words) - 2):  # after a one-word head too ("TCT Tạ Thiên Long")
            person = " ".join(words[k:])
            if words[k] in self.surnames and all(self._capitalised(w, 0) for w in words[k:]) \
                    and not self._is_place(person) and not self.org_head_re.match(person):
                return org_start + len(" ".join(words[:k]))
        return org_end
