"""A regular expression compiled when it is first used (``LazyPattern``), so that a module's
patterns cost nothing on the start of a command that never uses them: compiling the patterns of
``core.validation`` and ``cli.common`` took about a tenth of the imports of ``sagstal summary``."""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use; every attribute (``search``, ``sub``,
    ``fullmatch``, ``pattern`` ...) is the compiled pattern's. A match's ``re`` is the compiled
    pattern, not this object: compare it with ``compiled()``."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)
