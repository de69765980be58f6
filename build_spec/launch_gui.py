"""Entry script of the frozen desktop program (PyInstaller): starts ``sagstal_desktop.gui.app.main``."""

from sagstal_desktop.gui.app import main

raise SystemExit(main())
