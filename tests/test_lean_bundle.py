"""What the lean bundle leaves out (build_spec/lean.py), checked without building: the rules for
Babel's, Qt's and ICU's files, and ICU's trimmed data read back item by item. The built bundle
itself is checked by tests/test_bundle.py (slow)."""

from __future__ import annotations

import importlib.util
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("lean", ROOT / "build_spec" / "lean.py")
lean = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lean)


def test_babel_keeps_exactly_the_locales_the_long_dates_load():
    assert lean.babel_locale_files() == {"root", "da", "da_DK", "en", "en_001", "en_GB"}


@pytest.mark.parametrize(("dest", "kept"), [
    ("babel/locale-data/da.dat", True),
    ("babel/locale-data/en_001.dat", True),
    ("babel/locale-data/root.dat", True),
    ("babel/locale-data/de.dat", False),
    ("babel/locale-data/LICENSE.unicode", True),
    ("babel/global.dat", True),
    ("PySide6/Qt/translations/qtbase_da.qm", True),
    ("PySide6/translations/qtbase_da.qm", True),  # Windows layout
    ("PySide6/Qt/translations/qt_da.qm", False),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/plugins/platforms/qdirect2d.dll", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/plugins/imageformats/qico.dll", True),
    ("PySide6/plugins/imageformats/qjpeg.dll", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/plugins/tls/qschannelbackend.dll", False),
    ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
    ("PySide6/opengl32sw.dll", False),
    ("PySide6/resources/icudtl.dat", False),
    ("PySide6/Qt6Gui.dll", True),
    ("sagstal_desktop/resources/norms/ds_current.json", True),
])
def test_what_is_kept(dest, kept):
    assert lean.kept_path(dest, {"root", "da", "da_DK", "en", "en_001", "en_GB"}, {"da", "en"}) is kept


def _item(payload: bytes, max_bytes: int | None = None) -> bytes:
    """An ICU data item: a 32-byte header (size, magic), then for a converter table the static
    data whose byte 71 is maxBytesPerChar."""
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + b"\0" * 28
    if max_bytes is not None:
        static = bytearray(100)
        static[71] = max_bytes
        payload = bytes(static) + payload
    return header + payload


def _package(items: list[tuple[str, bytes]]) -> bytes:
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0) + b"CmnD" + b"\0" * 16
    names = b"".join(n.encode() + b"\0" for n, _i in items)
    at = (4 + 8 * len(items) + len(names) + 15) // 16 * 16
    table, body, name_at = [], b"", 4 + 8 * len(items)
    for name, item in items:
        table.append(struct.pack("<II", name_at, at + len(body)))
        name_at += len(name) + 1
        body += item + b"\0" * (-len(item) % 16)
    toc = struct.pack("<I", len(items)) + b"".join(table) + names
    return header + toc + b"\0" * (at - len(toc)) + body


def _read(package: bytes) -> dict[str, bytes]:
    size, = struct.unpack_from("<H", package, 0)
    count, = struct.unpack_from("<I", package, size)
    entries = [struct.unpack_from("<II", package, size + 4 + 8 * i) for i in range(count)]
    ends = [d for _n, d in entries[1:]] + [len(package) - size]
    out = {}
    for (name_at, data_at), end in zip(entries, ends, strict=True):
        assert data_at % 16 == 0
        name = package[size + name_at:package.index(b"\0", size + name_at)].decode()
        out[name] = package[size + data_at:size + end]
    return out


def test_icu_data_is_trimmed_item_by_item_and_reads_back():
    items = [("icudt73l/coll/da.res", _item(b"danish collation")),
             ("icudt73l/coll/de.res", _item(b"german collation")),
             ("icudt73l/coll/de__PHONEBOOK.res", _item(b"phone book")),
             ("icudt73l/coll/root.res", _item(b"root collation" * 3)),
             ("icudt73l/coll/ucadata.icu", _item(b"uca")),
             ("icudt73l/curr/pool.res", _item(b"pool")),
             ("icudt73l/da_DK.res", _item(b"da_DK")),
             ("icudt73l/ibm-5348_P100-1997.cnv", _item(b"windows-1252", max_bytes=1)),
             ("icudt73l/gb18030.cnv", _item(b"gb18030", max_bytes=4)),
             ("icudt73l/brkitr/cjdict.dict", _item(b"dictionary")),
             ("icudt73l/brkitr/line.brk", _item(b"line rules")),
             ("icudt73l/translit/root.res", _item(b"transliteration")),
             ("icudt73l/supplementalData.res", _item(b"supplemental")),
             ("icudt73l/zh.res", _item(b"chinese"))]
    trimmed, gone = lean.trimmed_icu_data(_package(items), {"root", "da", "da_DK"})
    kept = dict(items)
    for name in gone:
        del kept[name]
    assert sorted(gone) == ["icudt73l/brkitr/cjdict.dict", "icudt73l/coll/de.res", "icudt73l/coll/de__PHONEBOOK.res",
                            "icudt73l/gb18030.cnv", "icudt73l/translit/root.res", "icudt73l/zh.res"]
    read = _read(trimmed)
    assert list(read) == list(kept)  # in the original order, which ICU's binary search needs
    for name, item in kept.items():
        assert read[name].rstrip(b"\0") == item.rstrip(b"\0")
    assert trimmed[:32] == _package(items)[:32]  # the package's header is kept as it was


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PySide6 ships ICU (libicudata.so) on Linux only")
def test_qts_own_icu_data_trims_to_the_programs_locales():
    import PySide6

    library = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    symbol, blob = lean._icu_blob(library.read_bytes())
    assert symbol.startswith("icudt") and symbol.endswith("_dat")
    trimmed, gone = lean.trimmed_icu_data(blob, {"root", "da", "da_DK", "en", "en_001", "en_GB"})
    names = {name.split("/", 1)[1] for name in _read(trimmed)}
    assert {"coll/da.res", "coll/root.res", "coll/ucadata.icu", "da.res", "en_GB.res", "root.res", "cnvalias.icu",
            "nfkc.nrm", "brkitr/line.brk", "zone/da.res", "curr/pool.res", "supplementalData.res"} <= names
    assert not {"coll/zh.res", "de.res", "zh.res", "brkitr/cjdict.dict", "gb18030.cnv", "translit/root.res"} & names
    assert len(trimmed) < len(blob) / 4
    assert len(names) + len(gone) == len(_read(blob))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the system libraries are left out on Linux only")
@pytest.mark.parametrize(("dest", "kept"), [
    ("libX11.so.6", False),
    ("libxcb-xkb.so.1", False),
    ("libglib-2.0.so.0", False),
    ("libstdc++.so.6", False),
    ("libcups.so.2", False),
    ("libpython3.11.so.1.0", True),
    ("libsqlite3.so.0", True),
    ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", True),
    ("pillow.libs/libxcb-9065bb12.so.1.1.0", True),  # Pillow's own copy, linked by name with its hash
    ("PySide6/Qt/lib/libQt6Gui.so.6", True),
])
def test_linux_system_libraries_are_left_to_the_system(dest, kept):
    assert lean.kept_path(dest, {"root"}, {"da"}) is kept


def test_the_closure_does_not_pass_through_a_left_out_library():
    imports = {"plugin": {"libcups"}, "libcups": {"libgnutls"}, "libgnutls": {"libnettle"}, "app": {"libcups", "libz"}}
    files = {name: [name] for name in imports}
    needs = imports.__getitem__
    assert lean._closure(["app"], files, needs) == {"app", "libcups", "libgnutls", "libnettle", "libz"}
    assert lean._closure(["app"], files, needs, frozenset({"libcups"})) == {"app", "libcups", "libz"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files and binutils on Linux")
def test_direct_imports_and_strip_keep_what_the_loader_needs(tmp_path):
    import shutil
    import subprocess

    import PySide6

    if shutil.which("readelf") is None or shutil.which("strip") is None:
        pytest.skip("binutils is not installed")
    library = Path(PySide6.__file__).parent / "Qt" / "plugins" / "imageformats" / "libqico.so"
    shown = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True, check=True).stdout
    needed = {line.split("[", 1)[1].split("]", 1)[0] for line in shown.splitlines() if "(NEEDED)" in line}
    assert lean._imports(str(library)) == needed and "libQt6Gui.so.6" in needed  # direct, not ldd's closure
    assert "libX11.so.6" not in needed

    def dynamic_symbols(path) -> str:
        return subprocess.run(["nm", "-D", str(path)], capture_output=True, text=True, check=True).stdout

    # Python's own extension modules carry a static symbol table (PySide6's files come stripped)
    import _json

    library = Path(_json.__file__)
    if not lean._has_symbol_table(str(library)):
        pytest.skip("this Python's extension modules carry no symbol table")
    stripped = lean._strip_debug(f"python3.11/lib-dynload/{library.name}", str(library), str(tmp_path))
    assert stripped != str(library) and not lean._has_symbol_table(stripped)
    assert Path(stripped).stat().st_size < library.stat().st_size
    assert dynamic_symbols(stripped) == dynamic_symbols(library)
    # a library a wheel vendors (patchelf-rewritten) keeps its symbol table: strip would break it
    # (only its debug information goes, if it has any)
    vendored = lean._strip_debug(f"pillow.libs/{library.name}", str(library), str(tmp_path))
    if lean._has_debug_info(str(library)):
        assert vendored != str(library) and not lean._has_debug_info(vendored)
    assert lean._has_symbol_table(vendored)  # no debug information left, so this is .symtab
    assert dynamic_symbols(vendored) == dynamic_symbols(library)
