"""Offline by construction: start-up (offscreen window, chart, memo: the self-test), saving and
opening a team file, the memo, spreadsheet export and import all run in a fresh process whose
sockets are blocked, and not one network call is attempted (nor is Qt's network module loaded).
The About dialog says the data never leaves the machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from sagstal_desktop.i18n import tr

_CHILD = textwrap.dedent('''
    import json, socket, sys, traceback

    attempts = []

    def blocked(name):
        def refuse(*args, **kwargs):
            attempts.append({"call": name, "args": repr(args)[:200],
                             "where": "".join(traceback.format_stack(limit=6))})
            raise OSError(f"network blocked in this test: {name}")
        return refuse

    class BlockedSocket(socket.socket):  # a class still, so that modules may subclass it
        def __init__(self, *args, **kwargs):
            blocked("socket")(*args)

    socket.socket = BlockedSocket
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_server",
                 "socketpair", "fromfd"):
        setattr(socket, name, blocked(name))

    from pathlib import Path

    from sagstal_desktop.gui.app import main

    code = main(["--self-test", "--lang", "da"])  # start-up: window, chart, summary, memo

    from sagstal_desktop.core.demo import demo_team
    from sagstal_desktop.io.document import load_team, save_team
    from sagstal_desktop.io.exporter import export_team
    from sagstal_desktop.io.importer import import_file
    from sagstal_desktop.report.options import MemoOptions
    from sagstal_desktop.report.pdf import write_memo

    folder = Path(sys.argv[1])
    team = demo_team()
    save_team(team, folder / "team.sagstal")
    assert [m.name for m in load_team(folder / "team.sagstal").staff] == [m.name for m in team.staff]
    pages = write_memo(team, folder / "notat.pdf", MemoOptions(anonymise=True))
    export_team(team, folder / "team.xlsx")
    export_team(team, folder / "team.csv")
    imported = [len(import_file(folder / name, team.norm_set()).rows) for name in ("team.xlsx", "team.csv")]
    print(json.dumps({"code": code, "pages": pages, "imported": imported, "staff": len(team.staff),
                      "attempts": attempts, "qt_network": "PySide6.QtNetwork" in sys.modules}))
''')


def test_start_up_memo_import_and_export_make_no_network_call(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SAGSTAL_DATA_DIR=str(tmp_path / "data"),
               SAGSTAL_CONFIG_DIR=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path)], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["attempts"] == []
    assert not result["qt_network"]
    assert result["code"] == 0  # the self-test passed with sockets blocked
    assert result["pages"] >= 1 and (tmp_path / "notat.pdf").read_bytes().startswith(b"%PDF")
    assert result["imported"] == [result["staff"], result["staff"]]


def test_the_blocker_notices_a_network_call(tmp_path):
    """The child's blocker is not blind: a connection attempt is recorded (and refused)."""
    probe = _CHILD.split("from pathlib import Path")[0] + textwrap.dedent('''
        try:
            socket.create_connection(("example.org", 80), timeout=1)
        except OSError:
            pass
        print(json.dumps({"attempts": attempts}))
    ''')
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert [a["call"] for a in json.loads(done.stdout.strip().splitlines()[-1])["attempts"]] == ["create_connection"]


def test_about_says_the_data_stays_on_the_machine(qtbot, window):
    from sagstal_desktop.gui.dialogs.about import AboutDialog

    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert "All data stays on this computer; Sagstal sends nothing over the network." in dialog.plain_text()
    assert tr("All data stays on this computer; Sagstal sends nothing over the network.", "da") == (
        "Alle data bliver på denne computer; Sagstal sender intet over netværket.")
