"""Anonymised staff labels that cannot be undone by their order.

"Medarbejder A, B, …" are handed out in the order of a keyed hash of each member's id and the
document's own salt (``TeamSettings.anonymise_salt``, saved in the team file), not in the team's
order and not by name. Ids are random UUIDs kept in the team file too, so the labels are stable
for a document (a memo made tomorrow gives the same labels) and tell nothing about who is who.
Anonymised tables are then sorted by load, so the rows do not follow the team's order either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from sagstal_desktop.i18n import LANGUAGES, N_, tr

#: The key of the label hash (not a secret: the ids it hashes are random and never printed).
_KEY = b"sagstal anonymised staff labels v1"

_LABEL = N_("Staff member {letters}")


def staff_letters(index: int) -> str:
    """A, B, …, Z, AA, AB, … for index 0, 1, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def staff_label(index: int, lang: str = "da") -> str:
    """``Medarbejder A`` / ``Staff member A`` for label number ``index``."""
    return tr(_LABEL, lang if lang in LANGUAGES else "da").format(letters=staff_letters(index))


def label_numbers(member_ids: Iterable[str], salt: str = "") -> dict[str, int]:
    """Each member id's label number (0 = A), in the order of the keyed hash of salt and id."""

    def rank(member_id: str) -> tuple[bytes, str]:
        data = f"{salt}\x00{member_id}".encode()
        return hashlib.blake2b(data, key=_KEY, digest_size=16).digest(), member_id

    return {member_id: i for i, member_id in enumerate(sorted(set(member_ids), key=rank))}


def anonymous_labels(member_ids: Sequence[str], lang: str = "da", salt: str = "") -> dict[str, str]:
    """``{member id: "Medarbejder C"}`` for every id."""
    numbers = label_numbers(member_ids, salt)
    return {member_id: staff_label(numbers[member_id], lang) for member_id in member_ids}


def by_load(loads: Sequence[float | None]) -> list[int]:
    """Indexes ordered by load, highest first; persons without a load last (stable otherwise)."""
    return sorted(range(len(loads)), key=lambda i: (loads[i] is None, -(loads[i] or 0.0)))
