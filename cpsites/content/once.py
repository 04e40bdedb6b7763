"""Answers kept for the length of one block (one department's load), in a context variable."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator


@contextmanager
def keeping(memo: ContextVar) -> Iterator[None]:
    """Within this block `memo` holds a dict for answers to keep (a block inside another such block
    shares the outer one's); outside any, it holds None and every call works its answer out."""
    if memo.get() is not None:
        yield
        return
    token = memo.set({})
    try:
        yield
    finally:
        memo.reset(token)
