"""The end of a dump's article: the credit lines after its last paragraph (the author, the outlet under the
author, an affiliation in brackets), cut from the body."""

from __future__ import annotations

import re

from extract.dump_lines import Cut, Line, Rules, credited_names, given_name_credit, outlet_line


def closing_credit(paragraphs: list[str], kept: list[Line], cut: list[Cut], rules: Rules) -> str | None:
    """The byline printed after the article (None when none), its lines taken off ``paragraphs`` and ``kept`` into
    ``cut``; the outlet or affiliation printed under it goes too, and a photo gallery's heading over it."""
    if len(paragraphs) > 1 and rules.source_credit.fullmatch(paragraphs[-1]):
        cut.append(Cut(kept.pop().number, "source paper credited", paragraphs.pop()))  # "(Nguồn: Báo Quảng Trị)"
    if len(paragraphs) > 2 and outlet_line(paragraphs[-1], rules) and credited_names(paragraphs[-2], rules):
        cut.append(Cut(kept.pop().number, "outlet under the byline", paragraphs.pop()))  # "Tố Tuấn" / "Báo Tây Ninh"
    if len(paragraphs) > 2 and re.fullmatch(r"\([^()]{1,60}\)", paragraphs[-1]) and credited_names(paragraphs[-2], rules):
        cut.append(Cut(kept.pop().number, "affiliation of the byline", paragraphs.pop()))  # "Bá Mạnh" / "(LĐLĐ tỉnh)"
    byline = credited_names(paragraphs[-1], rules) or office_credit(paragraphs[-1], rules) \
        or given_name_credit(*paragraphs[-2:]) if len(paragraphs) > 1 else None
    if byline:
        cut.append(Cut(kept[-1].number, "byline", paragraphs.pop()))
    elif paragraphs and (glued := rules.glued_credit.search(paragraphs[-1])) \
            and credited_names(glued["name"], rules):
        cut.append(Cut(kept[-1].number, "byline glued to the last sentence", glued["name"]))
        paragraphs[-1], byline = paragraphs[-1][:glued.start()], glued["name"]
    if len(paragraphs) > 1 and rules.gallery_heading.fullmatch(paragraphs[-1]):
        cut.append(Cut(kept[-1].number, "photo gallery heading", paragraphs.pop()))  # "Một số hình ảnh tại buổi lễ"
    return byline



def office_credit(text: str, rules: Rules) -> str | None:
    """A closing credit naming an office, not a person: "VP LĐLĐ tỉnh.", "Ban Tuyên giáo Công đoàn ngành", or any
    short capitalised name after a closing credit's label ("Thực hiện: Ban Văn hóa xã", "Tin bài: Tổ truyền thông")."""
    label = re.match(rf"(?:{'|'.join(map(re.escape, rules.bylines['closing_credit_openers']))})[^:]{{0,12}}:\s*", text)
    name = text[label.end():] if label else text
    if len(name.split()) <= rules.bylines["office_max_words"] and name[:1].isupper() \
            and (label or name.startswith(tuple(rules.bylines["office_openers"]))) and not re.search(r"[,;:!?]|\.\s", name):
        return name
    return None
