"""Shared fixtures. Qt runs offscreen; user folders point into a temporary directory."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: A fixed day for everything dated relative to "today" (the demo team's start dates).
TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("SAGSTAL_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("SAGSTAL_CONFIG_DIR", str(base / "config"))


@pytest.fixture
def demo():
    from sagstal_desktop.core.demo import demo_team

    return demo_team(TODAY)
