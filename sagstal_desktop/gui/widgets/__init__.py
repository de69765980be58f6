"""Widgets of the main window: summary panel, load chart, status legend."""
