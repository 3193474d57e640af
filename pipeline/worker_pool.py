"""An ordered map over worker processes that survives a worker dying.

``multiprocessing.Pool`` waits for ever when a worker dies in the middle of a task
(killed by the kernel for memory, a crash in native code). Here the work goes to a
``ProcessPoolExecutor``, which notices: its pool breaks. The items in flight at that
moment are then run again one at a time, each in a fresh process of its own; the one
that dies again is reported through ``died`` and the others' results are kept. A new
pool takes over the rest. At most ``window`` items are in flight: enough that the
workers go on while the caller is busy with earlier results (writing a batch of them
to the database takes as long as analysing a few dozen articles), few enough that a
break costs little.

Workers are forked, so the initializer's arguments (the NLP models) reach them
without pickling and their memory is shared copy-on-write.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WINDOW_PER_WORKER = 32
_END = object()


def how_it_ended(exitcode: int | None) -> str:
    """A process's end in words: the signal that killed it or its exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"worker process killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"worker process killed by signal {-exitcode}"
    return f"worker process exited with code {exitcode}"


def _child(sender: Connection, func: Callable[[Any], Any], item: Any,
           initializer: Callable[..., None], initargs: tuple) -> None:
    initializer(*initargs)
    sender.send(func(item))
    sender.close()


def run_alone(func: Callable[[T], R], item: T, initializer: Callable[..., None], initargs: tuple,
              died: Callable[[T, str], R]) -> R:
    """``func(item)`` in a fresh forked process; ``died(item, how)`` when that process dies."""
    ctx = mp.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(sender, func, item, initializer, initargs))
    process.start()
    sender.close()
    try:
        result = receiver.recv()
    except EOFError:
        process.join()
        return died(item, how_it_ended(process.exitcode))
    finally:
        receiver.close()
    process.join()
    return result


def ordered_map(func: Callable[[T], R], items: Iterable[T], *, workers: int,
                initializer: Callable[..., None], initargs: tuple,
                died: Callable[[T, str], R], window: int | None = None) -> Iterator[R]:
    """``func`` over ``items`` in ``workers`` processes, results in input order.

    ``func`` must not raise (wrap it, see :func:`pipeline.quarantine.guarded`); an item
    whose process dies yields ``died(item, how)`` instead of a result.
    """
    ctx = mp.get_context("fork")
    window = window or workers * WINDOW_PER_WORKER
    source = iter(items)
    in_flight: deque[tuple[T, Future | None]] = deque()

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=initializer, initargs=initargs)

    pool = new_pool()
    try:
        while True:
            while len(in_flight) < window and (item := next(source, _END)) is not _END:
                try:
                    in_flight.append((item, pool.submit(func, item)))
                except BrokenProcessPool:
                    in_flight.append((item, None))
            if not in_flight:
                return
            item, future = in_flight[0]
            try:
                if future is None:
                    raise BrokenProcessPool("the pool broke before this item was submitted")
                result = future.result()
            except BrokenProcessPool:
                suspects = list(in_flight)
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                for suspect, done in suspects:
                    if done is not None and done.done() and done.exception() is None:
                        yield done.result()
                    else:
                        yield run_alone(func, suspect, initializer, initargs, died)
                pool = new_pool()
                continue
            in_flight.popleft()
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
