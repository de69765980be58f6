"""What the lean bundle leaves out of PyInstaller's analysis, and why (``sagstal.spec`` calls
``lean_toc``; build_spec/README.md, "A lean bundle", has the measurements).

PyInstaller's hooks collect whole packages: every CLDR locale Babel has (1,149 files), every Qt
translation and every Qt plugin with the libraries those plugins link to (GTK for the GTK theme,
EGL and evdev for embedded screens, ...). The program uses a few of them:

- Babel: only the locale files its long dates load (``core.formatting.format_long_date`` for the
  program's languages, ``resources/number_formats.json``), found by running it and recording
  what Babel loads (``da``, ``da_DK``, ``en``, ``en_001``, ``en_GB``, ``root`` today);
- Qt's translations: ``qtbase_<lang>.qm`` for the program's languages (Qt's own dialog texts);
- Qt's plugins: the screens the program runs on (Windows, X11, Wayland, off screen), SVG and ICO
  images, printing; not the GTK theme, embedded-screen back ends, network or TLS back ends, or
  image formats the program never reads;
- the shared libraries only the left-out plugins need (worked out from the binaries' imports,
  so a library a kept file needs is always kept);
- debug information (``strip --strip-debug``, on Linux, for files that carry it: a Python built
  from source has 17 MB of it in libpython).

Nothing here changes what the program can do; ``sagstal-desktop --self-test`` exercises every
library the bundle keeps for a function (tests/test_bundle.py runs it on the built bundle).
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent

#: Qt plugin folders left out whole (embedded screens, input devices, network, TLS, OpenGL glue,
#: and Qt modules the program does not use).
QT_PLUGIN_FOLDERS_DROPPED = frozenset({
    "egldeviceintegrations", "generic", "networkinformation", "tls", "xcbglintegrations",
    "wayland-graphics-integration-client", "sqldrivers", "multimedia", "position", "qmltooling",
    "scenegraph", "sensors", "designer", "renderers", "geometryloaders", "sceneparsers", "canbus",
})
#: Plugins kept in folders the program uses; the folder's others are left out.
QT_PLUGINS_KEPT = {
    "platforms": {"qwindows", "qxcb", "qwayland", "qoffscreen", "qminimal", "qcocoa"},
    "imageformats": {"qsvg", "qico"},  # the icons (PNG is built into QtGui)
    "platformthemes": {"qxdgdesktopportal"},  # not qgtk3: the GTK theme pulls in GTK, Cairo and Pango
    "wayland-shell-integration": {"xdg-shell"},
}


def languages() -> dict[str, str]:
    """The program's languages and their Babel locales (``{"da": "da_DK", "en": "en_GB"}``)."""
    table = json.loads((ROOT / "resources" / "number_formats.json").read_text(encoding="utf-8"))["languages"]
    return {lang: one["locale"] for lang, one in table.items()}


def babel_locale_files() -> set[str]:
    """The names of the locale-data files Babel loads when the program writes its long dates in
    each of its languages (``core.formatting.format_long_date``), run here and recorded."""
    from datetime import date

    import babel.localedata as localedata

    loaded: set[str] = set()
    original = localedata.load

    def recording(name, merge_inherited=True):
        loaded.add(name)
        return original(name, merge_inherited)

    localedata._cache.clear()
    localedata.load = recording
    try:
        sys.path.insert(0, str(ROOT))
        from sagstal_desktop.core.formatting import format_long_date

        for lang in languages():
            format_long_date(date(2026, 11, 23), lang)
    finally:
        localedata.load = original
        localedata._cache.clear()
    return loaded


def _plugin_kept(parts: tuple[str, ...]) -> bool:
    """``parts`` is a bundle path below ``.../plugins/``: (folder, file)."""
    if len(parts) < 2:
        return True
    folder, name = parts[0], parts[-1]
    if folder in QT_PLUGIN_FOLDERS_DROPPED:
        return False
    kept = QT_PLUGINS_KEPT.get(folder)
    if kept is None:
        return True
    stem = name.split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return stem in kept


def kept_path(dest: str, babel_files: set[str], qt_languages: set[str]) -> bool:
    """Whether the file the bundle would have at ``dest`` is kept by the rules above."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if len(parts) >= 3 and parts[0] == "babel" and parts[1] == "locale-data" and parts[-1].endswith(".dat"):
        return parts[-1][:-4] in babel_files
    if parts and parts[0] == "PySide6":
        if "translations" in parts and parts[-1].endswith(".qm"):
            return parts[-1] in {f"qtbase_{lang}.qm" for lang in qt_languages}
        if "plugins" in parts:
            return _plugin_kept(parts[parts.index("plugins") + 1:])
    return True


def _imports(path: str) -> set[str]:
    from PyInstaller.depend import bindepend

    try:
        return {os.path.basename(name) for name, _full in bindepend.get_imports(path)}
    except Exception:  # a file the analyser cannot read needs nothing we know of
        return set()


def _closure(roots: list[str], files: dict[str, list[str]], needs) -> set[str]:
    """The basenames reachable from ``roots`` (basenames) through the binaries' imports."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for src in files.get(name, ()):
            todo.extend(needs(src) - seen)
    return seen


def _has_debug_info(path: str) -> bool:
    """An ELF file with ``.debug_*`` sections (read from the section headers)."""
    try:
        with open(path, "rb") as f:
            head = f.read(64)
            if head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:  # 64-bit little-endian only
                return False
            shoff, = struct.unpack_from("<Q", head, 0x28)
            shentsize, shnum, shstrndx = struct.unpack_from("<HHH", head, 0x3A)
            f.seek(shoff)
            table = f.read(shentsize * shnum)
            names_offset, names_size = struct.unpack_from("<QQ", table, shstrndx * shentsize + 0x18)
            f.seek(names_offset)
            names = f.read(names_size)
        for i in range(shnum):
            name_at, = struct.unpack_from("<I", table, i * shentsize)
            if names[name_at:names.index(b"\0", name_at)].startswith(b".debug_"):
                return True
    except (OSError, struct.error, ValueError):
        return False
    return False


def _strip_debug(dest: str, src: str, workpath: str) -> str:
    """A copy of ``src`` without debug information (Linux, ``strip`` from binutils), else ``src``."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None or not _has_debug_info(src):
        return src
    target = Path(workpath) / "lean-stripped" / dest
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([strip, "--strip-debug", "-o", str(target), src], capture_output=True)
    return str(target) if done.returncode == 0 and target.is_file() else src


def lean_toc(binaries, datas, workpath: str):
    """``(binaries, datas)`` without what the program never uses (module docstring)."""
    babel_files = babel_locale_files()
    qt_languages = set(languages())
    datas = [entry for entry in datas if kept_path(entry[0], babel_files, qt_languages)]

    files: dict[str, list[str]] = {}  # basename -> sources of real files (not symlinks) with it
    for dest, src, kind in binaries:
        if kind != "SYMLINK":
            files.setdefault(os.path.basename(dest), []).append(src)
    cache: dict[str, set[str]] = {}

    def needs(src: str) -> set[str]:
        if src not in cache:
            cache[src] = _imports(src)
        return cache[src]

    dropped = [e for e in binaries if e[2] != "SYMLINK" and not kept_path(e[0], babel_files, qt_languages)]
    kept = [e for e in binaries if e[2] != "SYMLINK" and kept_path(e[0], babel_files, qt_languages)]
    dropped_names = {os.path.basename(e[0]) for e in dropped}
    # a library is left out when only left-out plugins need it: the libraries the left-out files
    # reach through their imports, less those any other kept file reaches
    candidates = _closure(sorted(dropped_names), files, needs) - dropped_names
    roots = [os.path.basename(e[0]) for e in kept if os.path.basename(e[0]) not in candidates | dropped_names]
    only_dropped = candidates - _closure(roots, files, needs)
    gone_dests = {e[0] for e in dropped} | {e[0] for e in kept if os.path.basename(e[0]) in only_dropped}

    result = []
    for dest, src, kind in binaries:
        if kind == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(dest), src))
            if dest in gone_dests or target in gone_dests:
                continue
            result.append((dest, src, kind))
        elif dest not in gone_dests:
            result.append((dest, _strip_debug(dest, src, workpath), kind))
    report = Path(workpath) / "lean-left-out.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(sorted(gone_dests)) + "\n", encoding="utf-8")
    return result, datas
