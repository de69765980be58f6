"""Reads the AT-SPI tree of the running applications as a screen reader does (over D-Bus, with
python3-dbus of the system Python), and prints one JSON line per node: the application, the
role name, the accessible name, and whether it can take the focus and is showing.

Run inside the D-Bus session of the application (``tests/test_gui_atspi.py`` does)."""

from __future__ import annotations

import json
import sys
import time

import dbus

FOCUSABLE, SHOWING = 11, 25  # AtspiStateType bits
LIMIT = 4000


def main() -> int:
    bus = dbus.SessionBus()
    address = bus.get_object("org.a11y.Bus", "/org/a11y/bus").GetAddress(dbus_interface="org.a11y.Bus")
    a11y = dbus.bus.BusConnection(str(address))

    def accessible(name, path):
        return dbus.Interface(a11y.get_object(name, path), "org.a11y.atspi.Accessible")

    def name_of(name, path) -> str:
        props = dbus.Interface(a11y.get_object(name, path), "org.freedesktop.DBus.Properties")
        return str(props.Get("org.a11y.atspi.Accessible", "Name"))

    wanted = sys.argv[1] if len(sys.argv) > 1 else ""
    apps = []
    for _ in range(120):
        apps = [(str(n), str(p)) for n, p in accessible("org.a11y.atspi.Registry",
                                                         "/org/a11y/atspi/accessible/root").GetChildren()]
        apps = [a for a in apps if not wanted or wanted in name_of(*a)]
        if apps:
            break
        time.sleep(0.5)
    seen = 0
    todo = list(apps)
    while todo and seen < LIMIT:
        node = todo.pop(0)
        seen += 1
        try:
            item = accessible(*node)
            states = [int(v) for v in item.GetState()]
            bits = states[0] | (states[1] << 32)
            print(json.dumps({"role": str(item.GetRoleName()), "name": name_of(*node),
                              "focusable": bool(bits >> FOCUSABLE & 1), "showing": bool(bits >> SHOWING & 1)},
                             ensure_ascii=False), flush=True)
            todo.extend((str(n), str(p)) for n, p in item.GetChildren())
        except dbus.DBusException as exc:
            print(json.dumps({"error": str(exc)[:200]}), flush=True)
    return 0 if apps else 1


if __name__ == "__main__":
    sys.exit(main())
