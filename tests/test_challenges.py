"""Bot challenge pages are told apart from ordinary pages and errors, and from each other."""

import pytest

from crawl.challenge import detect_challenge

# laodong.vn's kind, as a public report quotes it (the value is ours).
D1N = b"""<html><body><script>
  document.cookie="D1N=0123456789abcdef0123456789abcdef"+"; expires=Fri, 31 Dec 2099 23:59:59 GMT; path=/";
  window.location.reload(true);
</script></body></html>"""
COMPUTED = b"""<html><body><script>var t = atob('YWJj') + navigator.userAgent.length;
document.cookie = "D1N=" + t; location.reload();</script></body></html>"""
ENABLE_JS = b"<html><body><noscript>Please enable JavaScript to view this site.</noscript></body></html>"
CAPTCHA_403 = b"<html><body><div class='g-recaptcha' data-sitekey='x'></div></body></html>"
ARTICLE = ("<html><body><h1>Công đoàn trao quà</h1>" + "<p>Đoàn viên nhận quà Tết từ công đoàn cơ sở.</p>" * 40
           + "<form><div class='g-recaptcha'></div></form></body></html>").encode("utf-8")


def test_literal_cookie_challenge_is_answerable():
    challenge = detect_challenge(200, D1N)
    assert challenge is not None and challenge.answerable
    assert challenge.cookie == ("D1N", "0123456789abcdef0123456789abcdef")


@pytest.mark.parametrize(("status", "body"), [(200, COMPUTED), (200, ENABLE_JS), (503, ENABLE_JS), (403, CAPTCHA_403)])
def test_challenges_that_need_a_browser_are_not_answerable(status, body):
    challenge = detect_challenge(status, body)
    assert challenge is not None and not challenge.answerable, challenge


@pytest.mark.parametrize(("status", "body"), [(200, ARTICLE), (503, b"busy"), (404, b"not found"), (200, b"")])
def test_ordinary_pages_and_errors_are_not_challenges(status, body):
    assert detect_challenge(status, body) is None
