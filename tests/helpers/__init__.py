"""Helpers shared by the tests, one home each: ``teams`` (large deterministic teams) and
``windows`` (the stand-in for the main window that handlers are driven against). Fixtures stay
in ``tests/conftest.py``."""
