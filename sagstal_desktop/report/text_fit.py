"""Fitting text into the memo's columns: the sample a wrapping column must fit, words broken
into lines as a table draws them, one full stop after an abbreviation."""

from __future__ import annotations

from collections.abc import Callable


def two_lines(text: str, width: Callable[[str], float] = len) -> str:
    """The wider line of ``text`` split at the space that balances two lines by ``width`` (the
    sample a wrapping column must fit): "Inden for DS-interval" -> "DS-interval". Measured in
    points (``width`` = the font's string width), a tie in characters cannot pick the narrower
    line ("Over DS'" is 8 characters like "maksimum", but narrower)."""
    words = text.split()
    if len(words) < 2:
        return text
    lines = ((" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words)))
    return min((max(pair, key=width) for pair in lines), key=width)


def wrap_words(text: str, width: Callable[[str], float], room: float) -> str | None:
    """``text`` broken between words into lines of at most ``room`` (by ``width``), joined by
    line feeds, as a table draws a plain cell; None if a single word is wider than ``room``
    (a paragraph must break inside it)."""
    lines: list[str] = []
    for word in text.split():
        if width(word) > room:
            return None
        if lines and width(candidate := f"{lines[-1]} {word}") <= room:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


def one_full_stop(text: str) -> str:
    """A sentence that ends in an abbreviation ends with one full stop: "kr." + "." is "kr.",
    never "kr.."."""
    import re

    return re.sub(r"\b(kr|ca|fx|nr|p/l|pr|mio)\.\.(?!\.)", r"\1.", text)
