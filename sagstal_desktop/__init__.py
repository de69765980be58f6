"""Sagstal: caseload planning against DS' recommended caseloads (vejledende sagstal)."""

__version__ = "0.1.0"
APP_NAME = "Sagstal"
ORG_NAME = "Sagstal"
