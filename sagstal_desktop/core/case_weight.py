"""Case weight (sagstyngde): a person's cases of a type split by level, and the team's stated
choice of how the levels count (issue 27).

DS describes the cases' weight ("tyngde") as "enkle, komplekse og særligt komplicerede sager"
(seed 002, Indledning). A person's count of a type (``StaffMember.counts``) stays the total; the
split is ``StaffMember.levels`` (case type -> level -> n, only levels with n > 0 stored), and
whatever the split leaves of the total is *not assessed* ("ikke vurderet") and counts at the
team's default level (``Weighting.default_level``).

The team's ``Weighting`` (``TeamSettings.weighting``) says how a level counts:

* ``off`` (the default): every case counts as today; ``core.load`` takes its old path, so every
  figure is unchanged to the last digit.
* ``range``: the team's reading of DS' range (not a DS rule): a simple case is measured against
  the type's maximum, a complex one against the midpoint, a very complex one against the
  minimum. As a factor on the unweighted load (which measures every case against the maximum):
  ``max / max``, ``max / midpoint``, ``max / min``.
* ``points``: the team's own points per level (each > 0), with the team's note as their
  source: the load is ``sum points * n / max / capacity``.

``factor(level, norm)`` is that multiplier; ``load.py`` multiplies each case by it. Points all 1
give the unweighted load.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sagstal_desktop.core.defaults import defaults
from sagstal_desktop.core.norms import TypeNorm
from sagstal_desktop.i18n import N_, NP_

#: The three levels in DS's words, ids as stored in files and typed on the command line.
ENKEL, KOMPLEKS, SAERLIGT = "enkel", "kompleks", "saerligt"
LEVELS = (ENKEL, KOMPLEKS, SAERLIGT)
#: Not a level: the part of a count the split leaves ("ikke vurderet").
NOT_ASSESSED = "ikke_vurderet"
MODES = ("off", "range", "points")

#: Level names shown to people (English msgids; Danish in DS's words).
LEVEL_NAMES = {
    ENKEL: N_("simple"),
    KOMPLEKS: N_("complex"),
    SAERLIGT: N_("very complex"),
    NOT_ASSESSED: N_("not assessed"),
}
#: The levels as said of several cases ("41 komplekse", "alle enkle"), in the context "cases".
LEVEL_PLURALS = {
    ENKEL: NP_("cases", "simple"),
    KOMPLEKS: NP_("cases", "complex"),
    SAERLIGT: NP_("cases", "very complex"),
}
MODE_NAMES = {
    "off": N_("no weighting"),
    "range": N_("the case's place in the norm set's range"),
    "points": N_("the team's own points"),
}


def default_points() -> tuple[float, float, float]:
    """Points per level of ``LEVELS`` from ``resources/defaults.json`` (``case_weight_points``)."""
    raw = defaults()["case_weight_points"]
    return tuple(float(raw[level]) for level in LEVELS)  # type: ignore[return-value]


def default_level() -> str:
    return str(defaults()["case_weight_default_level"])


def max_points() -> float:
    return float(defaults()["case_weight_max_points"])


@dataclass(frozen=True)
class Weighting:
    """How the team counts the levels: ``mode`` (``MODES``), ``points`` (one per ``LEVELS``,
    each > 0; used in ``points`` mode), the level a not-assessed case counts at, and the
    team's note (the points' source, printed with them)."""

    mode: str = "off"
    points: tuple[float, float, float] = field(default_factory=default_points)
    default_level: str = field(default_factory=default_level)
    note: str = ""

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown weighting mode: {self.mode!r}")
        if self.default_level not in LEVELS:
            raise ValueError(f"unknown level: {self.default_level!r}")
        if len(self.points) != len(LEVELS) or not all(0 < p <= max_points() for p in self.points):
            raise ValueError(f"points must be {len(LEVELS)} numbers > 0 and at most {max_points()}")

    @property
    def on(self) -> bool:
        return self.mode != "off"

    def points_by_level(self) -> dict[str, float]:
        return dict(zip(LEVELS, self.points, strict=True))

    def factor(self, level: str, norm: TypeNorm) -> float:
        """The multiplier of one case of ``level`` of ``norm``'s type on the unweighted load
        (1.0 when off)."""
        if self.mode == "points":
            return self.points[LEVELS.index(level)]
        if self.mode == "range":
            against = {ENKEL: norm.max, KOMPLEKS: norm.midpoint, SAERLIGT: norm.min}[level]
            return norm.max / against
        return 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"mode": self.mode, "points": self.points_by_level(), "default_level": self.default_level,
                "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Weighting:
        """From ``to_dict`` output (missing keys: the defaults). Raises ``ValueError``."""
        if not data:
            return cls()
        points = data.get("points")
        if points is None:
            values = default_points()
        elif isinstance(points, Mapping):
            base = dict(zip(LEVELS, default_points(), strict=True))
            unknown = set(points) - set(LEVELS)
            if unknown:
                raise ValueError(f"unknown level: {sorted(unknown)[0]!r}")
            base.update({k: float(v) for k, v in points.items()})
            values = tuple(base[level] for level in LEVELS)
        else:
            values = tuple(float(p) for p in points)
        return cls(mode=str(data.get("mode", "off")), points=values,  # type: ignore[arg-type]
                   default_level=str(data.get("default_level") or default_level()), note=str(data.get("note") or ""))

    def with_points(self, points: Mapping[str, float] | tuple[float, ...]) -> Weighting:
        values = tuple(points[level] for level in LEVELS) if isinstance(points, Mapping) else tuple(points)
        return Weighting(self.mode, values, self.default_level, self.note)  # type: ignore[arg-type]


OFF = Weighting()


# -- a person's split -----------------------------------------------------------------------


def assessed(levels: Mapping[str, Mapping[str, int]], case_type: str) -> int:
    """How many of a person's cases of ``case_type`` are assessed (at some level)."""
    return sum((levels.get(case_type) or {}).values())


def resolved_split(levels: Mapping[str, Mapping[str, int]], case_type: str, total: int,
                   default: str) -> dict[str, int]:
    """The person's ``total`` cases of ``case_type`` per level, the not-assessed part counted at
    ``default`` (level -> n, every level present)."""
    own = levels.get(case_type) or {}
    split = {level: int(own.get(level, 0)) for level in LEVELS}
    split[default] += max(total - sum(split.values()), 0)
    return split


def counts_by_level(counts: Mapping[str, int], levels: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, int]]:
    """Case type -> {level -> n, ``NOT_ASSESSED`` -> n} for every type the person holds (the
    split as entered, the rest not assessed; levels with 0 left out)."""
    out: dict[str, dict[str, int]] = {}
    for case_type, total in counts.items():
        own = levels.get(case_type) or {}
        entry = {level: int(own[level]) for level in LEVELS if own.get(level)}
        rest = total - sum(entry.values())
        if rest:
            entry[NOT_ASSESSED] = rest
        out[case_type] = entry
    return out


class LevelError(ValueError):
    """A split that does not fit: ``code`` "unknown_level", "negative" or "over_total"; the case
    type, the level and the figures involved."""

    def __init__(self, code: str, case_type: str, level: str | None = None, value: Any = None,
                 total: int | None = None) -> None:
        self.code, self.case_type, self.level, self.value, self.total = code, case_type, level, value, total
        super().__init__(f"{code}: {case_type} {level} {value} (total {total})")


def check_levels(levels: Mapping[str, Mapping[str, Any]], counts: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """A person's split, checked against the person's counts: known levels, whole counts >= 0,
    their sum at most the type's total. Returns it cleaned (levels with 0 and empty types left
    out). Raises ``LevelError``."""
    cleaned: dict[str, dict[str, int]] = {}
    for case_type, split in levels.items():
        if not isinstance(split, Mapping):
            raise LevelError("unknown_level", case_type, None, split)
        own: dict[str, int] = {}
        for level, n in split.items():
            if level not in LEVELS:
                raise LevelError("unknown_level", case_type, str(level), n)
            if isinstance(n, bool) or not isinstance(n, int | float) or n != n or n < 0 or int(n) != n:
                raise LevelError("negative", case_type, level, n)
            if n:
                own[level] = int(n)
        total = int(counts.get(case_type, 0))
        if sum(own.values()) > total:
            raise LevelError("over_total", case_type, None, sum(own.values()), total)
        if own:
            cleaned[case_type] = own
    return cleaned


def fit_levels(levels: dict[str, dict[str, int]], case_type: str, total: int | None) -> None:
    """Keep a person's split of ``case_type`` within a new ``total`` (None: the type is gone):
    a split that no longer fits is dropped (its cases become not assessed)."""
    own = levels.get(case_type)
    if own is None:
        return
    if total is None or sum(own.values()) > total:
        del levels[case_type]


def add_at_level(levels: dict[str, dict[str, int]], case_type: str, level: str | None, n: int) -> None:
    """Record ``n`` more cases of ``case_type`` at ``level`` (None: not assessed, nothing to
    record)."""
    if level is None or n <= 0:
        return
    if level not in LEVELS:
        raise ValueError(f"unknown level: {level!r}")
    own = levels.setdefault(case_type, {})
    own[level] = own.get(level, 0) + n


# -- typed input ------------------------------------------------------------------------------


#: Level words accepted on the command line and in headers (lower case, without accents folded).
LEVEL_WORDS = {
    "enkel": ENKEL, "enkle": ENKEL, "simple": ENKEL,
    "kompleks": KOMPLEKS, "komplekse": KOMPLEKS, "complex": KOMPLEKS,
    "saerligt": SAERLIGT, "særligt": SAERLIGT, "saerligt kompliceret": SAERLIGT, "særligt kompliceret": SAERLIGT,
    "særligt komplicerede": SAERLIGT, "very complex": SAERLIGT,
}


def parse_level(text: str) -> str | None:
    """A level id from a typed word ("kompleks", "særligt kompliceret", "very complex"), or None."""
    return LEVEL_WORDS.get(" ".join(str(text).split()).lower())


def parse_mode(value: Any) -> str:
    """A weighting mode typed ("off", "range", "points"; Danish "fra", "interval", "point").
    Raises ``InputError``."""
    from sagstal_desktop.core.validation import InputError

    text = str(value or "").strip().lower()
    mode = {"fra": "off", "interval": "range", "spaend": "range", "spænd": "range", "point": "points"}.get(text, text)
    if mode not in MODES:
        raise InputError("weighting_mode", str(value))
    return mode


def parse_level_input(value: Any) -> str:
    """A level typed ("enkel", "kompleks", "saerligt", "særligt kompliceret", English too).
    Raises ``InputError``."""
    from sagstal_desktop.core.validation import InputError

    level = parse_level(str(value or ""))
    if level is None:
        raise InputError("unknown_level", str(value))
    return level


def parse_points(value: Any, base: tuple[float, ...] | None = None) -> tuple[float, float, float]:
    """Points typed as ``enkel=1,kompleks=1.5,saerligt=2`` (";" also separates; with ";" a
    decimal comma is read: ``kompleks=1,5``). Levels not named keep ``base`` (default: the
    defaults). Each must be > 0 and at most ``case_weight_max_points``. Raises ``InputError``."""
    from sagstal_desktop.core.validation import InputError, parse_number

    text = str(value or "").strip()
    if not text:
        raise InputError("points_syntax", text)
    parts: list[str] = []
    for piece in text.split(";") if ";" in text else text.split(","):
        if "=" not in piece and parts:
            parts[-1] += "," + piece  # a decimal comma: kompleks=1,5
        else:
            parts.append(piece)
    points = dict(zip(LEVELS, base or default_points(), strict=True))
    named: set[str] = set()
    for part in parts:
        name, sep, number = part.partition("=")
        if not sep:
            raise InputError("points_syntax", text)
        level = parse_level_input(name)
        if level in named:  # "kompleks=1,kompleks=2": which one was meant?
            raise InputError("points_twice", name.strip())
        named.add(level)
        try:
            amount = parse_number(number.strip())
        except InputError:
            raise InputError("points_syntax", part.strip()) from None
        if not 0 < amount <= max_points():
            raise InputError("points_range", number.strip(), max_points())
        points[level] = float(amount)
    return tuple(points[level] for level in LEVELS)  # type: ignore[return-value]


def parse_split(value: Mapping[str, Any], total: int) -> dict[str, int]:
    """One cell's split typed per level (level -> count as typed; blank is 0), checked against
    the cell's ``total``: the levels' sum may not exceed it. Raises ``InputError``."""
    from sagstal_desktop.core.validation import InputError, parse_count

    split: dict[str, int] = {}
    for level, n in value.items():
        key = level if level in LEVELS else parse_level_input(level)
        count = parse_count(n)
        if count:
            split[key] = split.get(key, 0) + count
    if sum(split.values()) > total:
        raise InputError("levels_over_total", sum(split.values()), total)
    return split


# -- words ------------------------------------------------------------------------------------


def level_name(level: str, lang: str = "da") -> str:
    from sagstal_desktop.i18n import tr

    return tr(LEVEL_NAMES[level], lang)


def level_plural(level: str, lang: str = "da") -> str:
    """The level as said of several cases: "komplekse", "særligt komplicerede"."""
    from sagstal_desktop.i18n import ptr

    return ptr("cases", LEVEL_PLURALS[level], lang)


def points_text(weighting: Weighting, lang: str = "da") -> str:
    """"enkel 1, kompleks 1,5, særligt kompliceret 2" in ``lang``'s notation."""
    from sagstal_desktop.core.formatting import format_value

    return ", ".join(f"{level_name(level, lang)} {format_value(p, lang)}"
                     for level, p in zip(LEVELS, weighting.points, strict=True))


def weighting_line(weighting: Weighting, lang: str = "da") -> str:
    """One line naming the team's case weighting (CLI, window): the mode, the points and the
    note as their source, the level of the cases not assessed; and that the status follows it."""
    from sagstal_desktop.i18n import tr

    if not weighting.on:
        return tr("Case weight: off (every case counts alike)", lang)
    if weighting.mode == "range":
        text = tr("Case weight: the team's reading of the norm set's range (simple cases against the maximum, "
                  "complex against the midpoint, very complex against the minimum; not a DS rule)", lang)
    else:
        text = tr("Case weight: the team's own points ({points})", lang).format(points=points_text(weighting, lang))
        if weighting.note:
            text += " – " + tr("source: {note}", lang).format(note=weighting.note)
    return text + ". " + tr("Cases not assessed count as {level}. Status follows the weighted load.", lang).format(
        level=level_name(weighting.default_level, lang))


def level_totals(staff: Any) -> dict[str, int]:
    """The team's cases per level (``LEVELS``) as entered, and ``NOT_ASSESSED``: the rest."""
    out = dict.fromkeys((*LEVELS, NOT_ASSESSED), 0)
    for member in staff:
        for case_type, total in member.counts.items():
            own = member.levels.get(case_type) or {} if member.levels else {}
            assessed_here = 0
            for level, n in own.items():
                out[level] += n
                assessed_here += n
            out[NOT_ASSESSED] += max(total - assessed_here, 0)
    return out


def moving_order(levels: Mapping[str, Mapping[str, int]], case_type: str, total: int) -> list[tuple[str, int]]:
    """The order in which a person's ``total`` cases of ``case_type`` leave when some are moved
    (``move_cases``): (``NOT_ASSESSED`` or a level, n), the cases not assessed first, then the
    assessed ones in the order of ``LEVELS`` (the lightest first); parts with n = 0 left out."""
    own = levels.get(case_type) or {} if levels else {}
    order = [(NOT_ASSESSED, max(total - sum(own.values()), 0))]
    order += [(level, int(own.get(level, 0))) for level in LEVELS]
    return [(level, n) for level, n in order if n > 0]


def first_moving(levels: Mapping[str, Mapping[str, int]], case_type: str, total: int, n: int) -> dict[str, int]:
    """The levels (``NOT_ASSESSED`` or a level -> n) of the ``n`` cases of ``case_type`` that
    ``move_cases`` moves first from a person holding ``total`` of them."""
    out: dict[str, int] = {}
    for level, held in moving_order(levels, case_type, total):
        if n <= 0:
            break
        k = min(held, n)
        out[level] = k
        n -= k
    return out


def move_cases(giver: Any, taker: Any, case_type: str, n: int) -> None:
    """Move ``n`` cases of ``case_type`` from ``giver`` to ``taker`` (staff members), keeping both
    splits true: the cases not assessed go first; past those, assessed cases in the order of
    ``LEVELS`` (the lightest first), which the taker receives at the same level
    (``moving_order``)."""
    total = giver.counts.get(case_type, 0)
    moving = first_moving(giver.levels, case_type, total, n)
    giver.counts[case_type] = total - n
    taker.counts[case_type] = taker.counts.get(case_type, 0) + n
    own = giver.levels.get(case_type) if giver.levels else None
    if not own:
        return
    for level in LEVELS:
        k = moving.get(level, 0)
        if k:
            own[level] -= k
            if not own[level]:
                del own[level]
            add_at_level(taker.levels, case_type, level, k)
    if not own:
        del giver.levels[case_type]


def copy_levels(levels: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {t: dict(split) for t, split in levels.items()} if levels else {}
