"""Numbers, percentages and money in Danish (1.234,5) or English (1,234.5) notation."""

from __future__ import annotations

from datetime import date

from sagstal_desktop.core.survey import round_half_up


def format_number(value: float | None, decimals: int = 1, lang: str = "da", empty: str = "–") -> str:
    """``1234.56`` -> ``1.234,6`` (da) or ``1,234.6`` (en); None -> ``empty``.
    Rounds half up, as people do on paper."""
    if value is None:
        return empty
    rounded = round_half_up(value, decimals)
    if rounded == 0:
        rounded = 0.0  # no "-0,0"
    text = f"{rounded:,.{decimals}f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_percent(fraction: float | None, decimals: int = 0, lang: str = "da", empty: str = "–") -> str:
    """``0.987`` -> ``99 %`` (da) / ``99%`` (en)."""
    if fraction is None:
        return empty
    number = format_number(fraction * 100, decimals, lang)
    return f"{number} %" if lang == "da" else f"{number}%"


def format_dkk(value: float | None, lang: str = "da", empty: str = "–") -> str:
    """Whole kroner: ``1.234.567 kr.`` (da) / ``DKK 1,234,567`` (en)."""
    if value is None:
        return empty
    number = format_number(value, 0, lang)
    return f"{number} kr." if lang == "da" else f"DKK {number}"


def format_range(low: float | None, high: float | None, lang: str = "da") -> str:
    """``20-30``; whole numbers without decimals."""
    if low is None or high is None:
        return "–"

    def one(v: float) -> str:
        v = round(float(v), 1)  # no float noise: 45.00000000001 is 45, never "45,0"
        return format_number(v, 0 if v.is_integer() else 1, lang)

    return f"{one(low)}-{one(high)}"


def format_date(day: date | None, lang: str = "da") -> str:
    """A short date: ``1.3.2026`` (da) or ``2026-03-01`` (en); None -> ""."""
    if day is None:
        return ""
    return f"{day.day}.{day.month}.{day.year}" if lang == "da" else day.isoformat()
