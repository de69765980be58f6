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
  from source has 17 MB of it in libpython), and the static symbol tables nothing links against
  (``--strip-unneeded``), except in the libraries wheels vendor, which patchelf rewrote;
- on Linux, the system libraries Qt's prerequisites install (X11, xcb, glib, fontconfig, D-Bus,
  libstdc++, ...: ``LINUX_SYSTEM_LIBRARIES``) and libcups with what only it needs (GnuTLS,
  Kerberos, Avahi): the program uses the system's, as the wheels it is built from do;
- on Windows, Qt's software OpenGL renderer (``opengl32sw.dll``, 21 MB): the program draws with
  QPainter (raster), never OpenGL, and pyqtgraph's OpenGL drawing is off;
- on Linux, most of ICU's data (``libicudata.so``, 32 MB; Qt Core links ICU there, Windows builds
  use Windows' own): ``trimmed_icu_data`` keeps the locales the program speaks (and root, which
  every other locale falls back to), the converter tables of the single-byte code pages, the
  break rules and all of ICU's locale-independent data; it leaves out the other locales' data,
  the East Asian multi-byte converters, the word dictionaries for Chinese, Japanese, Thai, Lao,
  Khmer and Burmese, and transliteration. Qt sorts with the Danish collation as before (the
  self-test checks it).

Nothing here changes what the program can do; ``sagstal-desktop --self-test`` exercises every
library the bundle keeps for a function (tests/test_bundle.py runs it on the built bundle).
"""

from __future__ import annotations

import json
import os
import re
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


#: Files left out by name: Qt's software OpenGL renderer on Windows (the program never uses
#: OpenGL) and Chromium's ICU data, which the Windows wheel carries for Qt WebEngine (not used).
FILES_DROPPED = frozenset({"opengl32sw.dll", "icudtl.dat"})
#: Linux system libraries left out (PyInstaller copies them from the build machine). They belong to
#: the packages Qt needs on every Linux desktop (the README's apt list: libgl1, libegl1,
#: libxkbcommon0, libglib2.0-0, libfontconfig1, libdbus-1-3 and the xcb libraries) or to those
#: packages' own dependencies (``apt-cache depends --recurse``), so they are there wherever the
#: program can start; PySide6's, numpy's and highspy's wheels rely on the system's copies too (they
#: vendor no libstdc++, X11 or glib). AppImage's excludelist leaves out the same kind. ``libcups``:
#: only Qt's CUPS print plugin (``printsupport/libcupsprintersupport.so``) needs it, and with it
#: GnuTLS, Kerberos, Avahi and their helpers; the plugin stays and uses the system's libcups,
#: which every desktop that prints has (where it is missing, Qt does not load the plugin and its
#: print dialog still prints to PDF). The libraries only these need go with them (``lean_toc``).
LINUX_SYSTEM_LIBRARIES = frozenset({
    "libX11.so.6", "libX11-xcb.so.1", "libXau.so.6", "libXdmcp.so.6", "libxcb-cursor.so.0",
    "libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-keysyms.so.1", "libxcb-randr.so.0",
    "libxcb-render-util.so.0", "libxcb-render.so.0", "libxcb-shape.so.0", "libxcb-shm.so.0",
    "libxcb-sync.so.1", "libxcb-util.so.1", "libxcb-xfixes.so.0", "libxcb-xkb.so.1", "libxcb.so.1",
    "libxkbcommon.so.0", "libxkbcommon-x11.so.0", "libfontconfig.so.1", "libfreetype.so.6",
    "libpng16.so.16", "libglib-2.0.so.0", "libgthread-2.0.so.0", "libpcre2-8.so.0", "libdbus-1.so.3",
    "libsystemd.so.0", "libgcrypt.so.20", "libgpg-error.so.0", "libcap.so.2", "liblz4.so.1",
    "libzstd.so.1", "libexpat.so.1", "libbsd.so.0", "libmd.so.0", "libbrotlicommon.so.1",
    "libbrotlidec.so.1", "libz.so.1", "libbz2.so.1.0", "liblzma.so.5", "libffi.so.8",
    "libreadline.so.8", "libtinfo.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libGL.so.1",
    "libEGL.so.1", "libOpenGL.so.0", "libGLX.so.0", "libGLdispatch.so.0",
    "libcups.so.2",
})
#: ICU locales kept besides the program's own: root (every locale's fallback) and the "C"/POSIX locale.
ICU_LOCALES_KEPT = frozenset({"root", "en_US", "en_US_POSIX"})


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

    def forget() -> None:  # Babel's caches, so that every file is loaded (and seen) afresh
        clear = getattr(localedata, "clear_caches", None)
        if clear is not None:
            clear()
        else:
            localedata._cache.clear()

    forget()
    localedata.load = recording
    try:
        sys.path.insert(0, str(ROOT))
        from sagstal_desktop.core.formatting import format_long_date

        for lang in languages():
            format_long_date(date(2026, 11, 23), lang)
    finally:
        localedata.load = original
        forget()
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
    if parts and parts[-1].lower() in FILES_DROPPED:
        return False
    if len(parts) == 1 and sys.platform.startswith("linux") and parts[0] in LINUX_SYSTEM_LIBRARIES:
        return False
    if len(parts) >= 3 and parts[0] == "babel" and parts[1] == "locale-data" and parts[-1].endswith(".dat"):
        return parts[-1][:-4] in babel_files
    if parts and parts[0] == "PySide6":
        if "translations" in parts and parts[-1].endswith(".qm"):
            return parts[-1] in {f"qtbase_{lang}.qm" for lang in qt_languages}
        if "plugins" in parts:
            return _plugin_kept(parts[parts.index("plugins") + 1:])
    return True


def _imports(path: str) -> set[str]:
    """The libraries ``path`` links to directly: an ELF file's ``DT_NEEDED`` entries (PyInstaller's
    ``get_imports`` asks ``ldd`` on Linux, which lists what those need too), else PyInstaller's."""
    try:
        data = Path(path).read_bytes()
        if data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1:
            sections = _elf_sections(data)
            dynamic = next(s for s in sections if s[0] == ".dynamic")
            strtab = next(s for s in sections if s[0] == ".dynstr")
            needed = set()
            for at in range(dynamic[3], dynamic[3] + dynamic[4], 16):
                tag, value = struct.unpack_from("<qQ", data, at)
                if tag == 1:  # DT_NEEDED
                    needed.add(data[strtab[3] + value:data.index(b"\0", strtab[3] + value)].decode())
            return needed
    except (OSError, ValueError, StopIteration, struct.error, UnicodeDecodeError):
        pass
    from PyInstaller.depend import bindepend

    try:
        return {os.path.basename(name) for name, _full in bindepend.get_imports(path)}
    except Exception:  # a file the analyser cannot read needs nothing we know of
        return set()


def _closure(roots: list[str], files: dict[str, list[str]], needs, stop: frozenset[str] = frozenset()) -> set[str]:
    """The basenames reachable from ``roots`` (basenames) through the binaries' imports, not
    through those in ``stop`` (left out: what a left-out system library needs is the system's)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name in stop:
            continue
        for src in files.get(name, ()):
            todo.extend(needs(src) - seen)
    return seen


def _has_debug_info(path: str) -> bool:
    """An ELF file with ``.debug_*`` sections (read from the section headers)."""
    return _has_section(path, lambda name: name.startswith(b".debug_"))


def _has_symbol_table(path: str) -> bool:
    """An ELF file with a static symbol table (``.symtab``) or debug information."""
    return _has_section(path, lambda name: name == b".symtab" or name.startswith(b".debug_"))


def _has_section(path: str, wanted) -> bool:
    """An ELF file with a section whose name ``wanted`` accepts (read from the section headers)."""
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
            if wanted(names[name_at:names.index(b"\0", name_at)]):
                return True
    except (OSError, struct.error, ValueError):
        return False
    return False


def _strip_debug(dest: str, src: str, workpath: str) -> str:
    """A copy of ``src`` without debug information (Linux, ``strip`` from binutils), else ``src``.
    Also without the symbols nothing links against (``--strip-unneeded``: the static symbol
    table; the dynamic one stays), except in the libraries wheels vendor (``numpy.libs/``,
    ``pillow.libs/``: auditwheel rewrote them with patchelf, and strip breaks such files)."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return src
    vendored = any(part.endswith(".libs") for part in PurePosixPath(dest).parts[:-1])
    if vendored and not _has_debug_info(src):
        return src
    if not vendored and not _has_symbol_table(src):
        return src
    target = Path(workpath) / "lean-stripped" / dest
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([strip, "--strip-debug" if vendored else "--strip-unneeded", "-o", str(target), src],
                          capture_output=True)
    return str(target) if done.returncode == 0 and target.is_file() else src


def _elf_sections(data: bytes) -> list[tuple[str, int, int, int, int, int]]:
    """(name, type, address, offset, size, entry size) of a 64-bit little-endian ELF's sections."""
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    raw = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names_at = raw[shstrndx][4]
    return [(data[names_at + h[0]:data.index(b"\0", names_at + h[0])].decode(), h[1], h[3], h[4], h[5], h[9])
            for h in raw]


def _icu_blob(data: bytes) -> tuple[str, bytes]:
    """The name (``icudt73_dat``) and bytes of the ICU data a ``libicudata.so`` exports."""
    sections = _elf_sections(data)
    symtab = next(s for s in sections if s[0] == ".dynsym")
    strtab = next(s for s in sections if s[0] == ".dynstr")
    for at in range(symtab[3], symtab[3] + symtab[4], symtab[5]):
        name_at, _info, _other, _shndx, value, size = struct.unpack_from("<IBBHQQ", data, at)
        name = data[strtab[3] + name_at:data.index(b"\0", strtab[3] + name_at)].decode()
        if name.startswith("icudt") and name.endswith("_dat") and size:
            section = next(s for s in sections if s[2] <= value < s[2] + s[4] and s[1] != 8)  # not NOBITS
            start = section[3] + value - section[2]
            return name, data[start:start + size]
    raise ValueError("no ICU data symbol")


def _max_bytes_per_char(item: bytes) -> int:
    """A converter table's most bytes per character (``UConverterStaticData.maxBytesPerChar``,
    after the item's header and the struct's size, name[60], codepage, platform, type, min)."""
    header_size, = struct.unpack_from("<H", item, 0)
    return item[header_size + 71]


def _icu_item_kept(name: str, item: bytes, locales: set[str]) -> bool:
    """Whether ICU's data item ``name`` (``icudt73l/coll/da.res``) is kept (module docstring)."""
    parts = name.split("/")[1:]
    base = parts[-1]
    if parts[0] == "translit" or base.endswith(".dict"):
        return False
    if base.endswith(".cnv"):  # the single-byte code pages (Windows, ISO 8859, DOS, Mac), not the multi-byte
        return _max_bytes_per_char(item) == 1
    stem = base.rsplit(".", 1)[0]
    if base.endswith(".res") and re.fullmatch(r"[a-z]{2,3}(_[A-Za-z0-9]*)*", stem):
        return stem in locales
    return True


def trimmed_icu_data(blob: bytes, locales: set[str]) -> tuple[bytes, list[str]]:
    """ICU's common data (``.dat`` package layout: header, table of contents, items aligned to 16
    bytes) with only the items ``_icu_item_kept`` keeps; and the names left out."""
    header_size, = struct.unpack_from("<H", blob, 0)
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not ICU common data")
    count, = struct.unpack_from("<I", blob, header_size)
    table = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    names = [blob[header_size + n:blob.index(b"\0", header_size + n)].decode("ascii") for n, _d in table]
    ends = [d for _n, d in table[1:]] + [len(blob) - header_size]
    items = [(name, blob[header_size + d:header_size + end])
             for name, (_n, d), end in zip(names, table, ends, strict=True)]
    kept = [(name, item) for name, item in items if _icu_item_kept(name, item, locales)]
    gone = [name for name, item in items if not _icu_item_kept(name, item, locales)]
    names_block = b"".join(name.encode("ascii") + b"\0" for name, _item in kept)
    names_at = 4 + 8 * len(kept)
    offset = (names_at + len(names_block) + 15) // 16 * 16
    entries, body, name_offset = [], bytearray(), names_at
    for name, item in kept:
        entries.append(struct.pack("<II", name_offset, offset + len(body)))
        name_offset += len(name) + 1
        body += item + b"\0" * (-len(item) % 16)
    toc = struct.pack("<I", len(kept)) + b"".join(entries) + names_block
    toc += b"\0" * (offset - len(toc))
    return blob[:header_size] + toc + bytes(body), gone


def _trim_icu(dest: str, src: str, workpath: str) -> str:
    """A ``libicudata.so`` with the trimmed data (``trimmed_icu_data``), built with gcc (Linux);
    ``src`` itself where that cannot be done."""
    gcc = shutil.which("gcc") or shutil.which("cc")
    if not sys.platform.startswith("linux") or gcc is None:
        return src
    data = Path(src).read_bytes()
    try:
        symbol, blob = _icu_blob(data)
        trimmed, gone = trimmed_icu_data(blob, set(languages().values()) | set(languages()) | _locale_parents()
                                         | ICU_LOCALES_KEPT)
    except (ValueError, StopIteration, struct.error):
        return src
    folder = Path(workpath) / "lean-icu"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "icudata.dat").write_bytes(trimmed)
    (folder / "left-out.txt").write_text("\n".join(gone) + "\n", encoding="utf-8")
    (folder / "icudata.s").write_text(
        f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n{symbol}:\n'
        f'\t.incbin "{folder / "icudata.dat"}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n', encoding="utf-8")
    target = folder / os.path.basename(dest)
    done = subprocess.run([gcc, "-shared", "-nostdlib", f"-Wl,-soname,{os.path.basename(dest)}", "-o", str(target),
                           str(folder / "icudata.s")], capture_output=True)
    return str(target) if done.returncode == 0 and target.is_file() else src


def _locale_parents() -> set[str]:
    """The program's locales' parents (``da_DK`` -> ``da``; ``en_GB`` -> ``en_001``, ``en``)."""
    return babel_locale_files() - {"root"}


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
    only_dropped = candidates - _closure(roots, files, needs, frozenset(dropped_names))
    gone_dests = {e[0] for e in dropped} | {e[0] for e in kept if os.path.basename(e[0]) in only_dropped}

    result = []
    for dest, src, kind in binaries:
        if kind == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(dest), src))
            if dest in gone_dests or target in gone_dests:
                continue
            result.append((dest, src, kind))
        elif dest not in gone_dests:
            if os.path.basename(dest).startswith("libicudata.so"):
                src = _trim_icu(dest, src, workpath)
            result.append((dest, _strip_debug(dest, src, workpath), kind))
    report = Path(workpath) / "lean-left-out.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(sorted(gone_dests)) + "\n", encoding="utf-8")
    return result, datas
