"""Dialogs of the desktop interface (settings, norm sets, help, about, and the memo and import dialogs)."""
