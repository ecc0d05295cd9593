"""Building large object graphs quickly (the loader and the engine index on a 50 000-fact base)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building.

    Creating ~1M small objects triggers the collector hundreds of times for nothing: none of them
    is garbage yet. Pausing it makes a 50 000-fact load about twice as fast.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
