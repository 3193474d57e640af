"""Bot challenges: pages a site answers a crawler with instead of the page asked for.

Two kinds. A *cookie challenge* is a tiny page whose inline script sets a cookie
from a literal value and reloads (laodong.vn's ``D1N``): it is answered without a
browser by sending the cookie back, and the cookie is kept for the rest of the
run. Any other challenge ("enable JavaScript", CAPTCHA, browser checks, also
behind 403/429/503) cannot be answered here: the page is ``blocked``, a fault
class of its own, never mistaken for a change of layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from scrapy.exceptions import IgnoreRequest

from extract.lexicon import lexicon


class Blocked(IgnoreRequest):
    """The site answered with a bot challenge that cannot be answered without a browser."""


@dataclass(frozen=True)
class Challenge:
    """A challenge page; ``cookie`` is (name, value) when it can be answered by sending that cookie."""

    reason: str
    cookie: tuple[str, str] | None = None

    @property
    def answerable(self) -> bool:
        return self.cookie is not None


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    data = lexicon("challenges")
    data["cookie_regex"] = re.compile(data["cookie"], re.IGNORECASE)
    data["reload_regex"] = re.compile(data["reload"], re.IGNORECASE)
    data["statuses"] = frozenset(data["statuses"])
    return data


def detect_challenge(status: int, body: bytes) -> Challenge | None:
    """The challenge a response holds, None for an ordinary page or error."""
    rules = _rules()
    if len(body) > rules["max_bytes"]:
        return None
    text = body.decode("utf-8", errors="replace")
    folded = text.casefold()
    cookie = rules["cookie_regex"].search(text)
    if cookie and rules["reload_regex"].search(text, cookie.end()):
        after = text[cookie.end():cookie.end() + 40].lstrip()
        name, value = cookie.group("name"), cookie.group("value")
        if value and not _computed(after):
            return Challenge(f"cookie challenge: an inline script sets {name} and reloads", (name, value))
        return Challenge(f"script challenge: the cookie {name} is computed by a script (needs a browser)")
    marker = next((m for m in rules["markers"] if m in folded), None)
    if marker and (status in rules["statuses"] or _scarce(text)):
        return Challenge(f"challenge page ({marker!r}, HTTP {status}): needs a real browser")
    return None


def _computed(after: str) -> bool:
    """True when the literal is followed by more script that builds the cookie (``+ f(x)``), not by options."""
    if not after.startswith("+"):
        return False
    rest = after[1:].lstrip()
    return not rest.startswith(('"; ', "'; ", '";', "';", '"expires', "'expires", '"path', "'path"))


def _scarce(text: str) -> bool:
    """A page with next to no visible text: the shell of a challenge, not an article or listing."""
    visible = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", " ", text, flags=re.S | re.I)
    return len(visible.split()) < 120
