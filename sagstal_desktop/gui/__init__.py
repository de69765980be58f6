"""The PySide6 desktop interface of Sagstal."""
