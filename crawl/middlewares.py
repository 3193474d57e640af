"""Retry with exponential backoff: Scrapy's RetryMiddleware re-queues at once."""

from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater


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
