"""Running the graph with a SQLite checkpoint in `DIR/.factory/`, resumable after an interruption."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from langgraph.checkpoint.sqlite import SqliteSaver

from factory.pipeline.context import RunContext
from factory.pipeline.graph import builder

CHECKPOINTS = ".factory/checkpoints.sqlite"


@contextmanager
def checkpointer(root: Path) -> Iterator[SqliteSaver]:
    path = root / CHECKPOINTS
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False)
    try:
        yield SqliteSaver(conn)
    finally:
        conn.close()


def thread_id(root: Path) -> str:
    return hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]


def run_pipeline(
    spec_path: str,
    root: Path,
    ctx: RunContext,
    *,
    resume: bool = False,
    on_event: Callable[[dict[str, Any]], None] | None = None,
    interrupt_after: list[str] | None = None,
) -> dict[str, Any]:
    """Run (or resume) the whole graph; returns the final state."""
    ctx.started = time.monotonic()
    with checkpointer(root) as saver:
        graph = builder().compile(checkpointer=saver, interrupt_after=interrupt_after or [])
        config: dict[str, Any] = {"configurable": {"thread_id": thread_id(root)}}
        if not resume:
            saver.delete_thread(thread_id(root))
        payload: Any = None if resume else {"spec_path": spec_path, "output": str(root)}
        modes: Any = ["custom", "updates"]
        compiled: Any = graph  # langgraph's overloads do not cover a list of stream modes
        stream: Any = compiled.stream(payload, config, context=ctx, stream_mode=modes)
        for kind, data in stream:
            if kind == "custom" and on_event is not None:
                on_event(data)
        return dict(graph.get_state(config).values)  # type: ignore[arg-type]


def has_checkpoint(root: Path) -> bool:
    if not (root / CHECKPOINTS).exists():
        return False
    with checkpointer(root) as saver:
        graph = builder().compile(checkpointer=saver)
        state = graph.get_state({"configurable": {"thread_id": thread_id(root)}})  # type: ignore[arg-type]
        return bool(state.next)
