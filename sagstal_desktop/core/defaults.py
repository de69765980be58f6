"""Defaults for new teams and limits for input, read from ``resources/defaults.json`` (each
figure there says where it comes from)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from sagstal_desktop.assets import resource_path


@cache
def defaults() -> dict[str, Any]:
    """Every ``value`` of ``resources/defaults.json`` by key."""
    with open(resource_path("defaults.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    return {k: v["value"] for k, v in raw.items() if isinstance(v, dict) and "value" in v}


def default_of(key: str) -> Callable[[], Any]:
    """A ``default_factory`` for a dataclass field."""
    return lambda: defaults()[key]
