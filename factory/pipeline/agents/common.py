"""Helpers the agents share: progress events, timing, the spec in the state."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from langgraph.config import get_stream_writer

from factory.ir.model import Spec


def emit(event: str, **data: Any) -> None:
    try:
        writer = get_stream_writer()
    except RuntimeError:  # not inside a streaming run
        return
    writer({"event": event, **data})


@contextmanager
def stage(name: str, timings: dict[str, float]) -> Iterator[None]:
    emit("stage", stage=name, state="started")
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = round(time.perf_counter() - start, 3)
        emit("stage", stage=name, state="finished", seconds=timings[name])


def spec_of(state: Any) -> Spec:
    return Spec.model_validate_json(state["spec"])
