"""``python -m sagstal_desktop`` runs the command-line interface."""

from sagstal_desktop.cli import main

raise SystemExit(main())
