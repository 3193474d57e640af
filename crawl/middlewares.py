"""Downloader middlewares: bot challenges answered or reported, retries with exponential backoff."""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

from crawl.challenge import Blocked, detect_challenge


class ChallengeMiddleware:
    """Answers cookie challenges (the cookie is kept for the rest of the site's run); raises :class:`Blocked` otherwise.

    It sits closer to the downloader than the retry middleware, so a 503 challenge page is
    recognised before it would be retried as a server error. Cookies live in the site's
    :class:`~crawl.site_run.SiteRun` (``run.cookies``): Scrapy's own cookie handling stays off.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ChallengeMiddleware":
        return cls(crawler)

    def _cookies(self) -> dict[str, str]:
        return self.crawler.spider.run.cookies

    def process_request(self, request: Request) -> None:
        cookies = self._cookies()
        if cookies:
            request.headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())

    def process_response(self, request: Request, response: Response) -> Request | Response:
        challenge = detect_challenge(response.status, response.body)
        if challenge is None:
            return response
        run = self.crawler.spider.run
        if challenge.cookie and not request.meta.get("challenge_answered"):
            name, value = challenge.cookie
            run.cookies[name] = value
            run.challenges_answered += 1
            retry = request.replace(dont_filter=True)
            retry.meta["challenge_answered"] = True
            return retry
        if request.meta.get("challenge_answered"):
            raise Blocked(f"blocked: the challenge came back after it was answered ({challenge.reason})")
        raise Blocked(f"blocked: {challenge.reason}")


class BackoffRetryMiddleware(RetryMiddleware):
    """Before the n-th retry of a request, wait ``CONGDOAN_RETRY_BACKOFF * 2**(n-1)`` seconds.

    The wait delays only that request: its download slot is already free.
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff = settings.getfloat("CONGDOAN_RETRY_BACKOFF", 0.0)

    async def _wait(self, retry: Request | None) -> Request | None:
        if retry is not None and self.backoff > 0:
            attempt = retry.meta.get("retry_times", 1)
            await maybe_deferred_to_future(deferLater(reactor, self.backoff * 2 ** (attempt - 1), lambda: None))
        return retry

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            return await self._wait(result)
        return result

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        return await self._wait(super().process_exception(request, exception))
