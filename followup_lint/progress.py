"""Progress on standard error for what takes a while, only when a person is watching
(standard error is a terminal that can redraw a line); pipes, files and CI logs get nothing.

``progress`` counts items (a batch of drafts); ``status`` shows one step of unknown length
with its elapsed time (fetching LanguageTool, starting its server).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def watching() -> bool:
    """True when standard error is an interactive terminal that can redraw a line."""
    stream = sys.stderr
    if stream is None or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except ValueError:  # closed
        return False


@contextmanager
def progress(total: int, description: str, *, unit: str = "it", minimum: int = 2) -> Iterator[Callable[..., Any]]:
    """Yields ``advance(*_)``, to call once per item done. A bar is drawn only for a person
    watching and for at least ``minimum`` items; otherwise ``advance`` does nothing."""
    if total < minimum or not watching():
        yield lambda *_: None
        return
    from tqdm import tqdm  # imported only when a bar is drawn: it costs start-up time

    with tqdm(total=total, desc=description, unit=unit, file=sys.stderr, leave=False, dynamic_ncols=True) as bar:
        yield lambda *_: bar.update(1)


@contextmanager
def status(description: str, *, every: float = 0.5) -> Iterator[None]:
    """``description`` and the seconds spent on it, redrawn while the block runs."""
    if not watching():
        yield
        return
    from tqdm import tqdm

    stop = threading.Event()
    with tqdm(total=None, desc=description, bar_format="{desc} {elapsed}", file=sys.stderr, leave=False) as bar:

        def tick() -> None:
            while not stop.wait(every):
                bar.refresh()

        ticker = threading.Thread(target=tick, name="followup-lint-status", daemon=True)
        ticker.start()
        try:
            yield
        finally:
            stop.set()
            ticker.join()
