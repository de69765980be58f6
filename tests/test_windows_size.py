"""build_spec/windows_size.py: the mapping of a Linux bundle to its Windows form, on a tiny fake
bundle and fake wheels (no network, no PyInstaller build)."""

from __future__ import annotations

import importlib.util
import json
import struct
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("windows_size", ROOT / "build_spec" / "windows_size.py")
windows_size = importlib.util.module_from_spec(_spec)
sys.modules["windows_size"] = windows_size
_spec.loader.exec_module(windows_size)

RUNTIME = {
    "python_version": "test",
    "dlls": {"python311.dll": 5000, "python3.dll": 60, "vcruntime140.dll": 100, "vcruntime140_1.dll": 40},
    "windows_only_allowance": {"bytes": 7},
    "builtin_on_windows": ["math"],
    "posix_only": ["fcntl"],
}


def make_pe(imports: list[str], padding: int = 0) -> bytes:
    """A minimal PE32+ file whose import table names ``imports`` (one section, ``.idata``)."""
    optional_size = 240  # PE32+: 112 bytes of fields, 16 data directories of 8 bytes
    section_rva, raw = 0x1000, 0x200
    descriptors = 20 * (len(imports) + 1)
    names, name_rvas = b"", []
    for name in imports:
        name_rvas.append(section_rva + descriptors + len(names))
        names += name.encode("ascii") + b"\0"
    body = b"".join(struct.pack("<5I", 0, 0, 0, rva, 0) for rva in name_rvas) + b"\0" * 20 + names
    dos = b"MZ" + b"\0" * 58 + struct.pack("<I", 0x40)
    coff = b"PE\0\0" + struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, optional_size, 0x2022)
    optional = bytearray(optional_size)
    struct.pack_into("<H", optional, 0, 0x20B)
    struct.pack_into("<II", optional, 112 + 8, section_rva, len(body))  # directory 1: imports
    section = b".idata\0\0" + struct.pack("<IIII", len(body), section_rva, len(body), raw) + b"\0" * 16
    head = dos + coff + bytes(optional) + section
    return head + b"\0" * (raw - len(head)) + body + b"\0" * padding


def test_pe_imports_reads_the_import_table_and_ignores_other_files():
    assert windows_size.pe_imports(make_pe(["Qt6Core.dll", "KERNEL32.dll"])) == ["Qt6Core.dll", "KERNEL32.dll"]
    assert windows_size.pe_imports(make_pe([])) == []
    assert windows_size.pe_imports(b"\x7fELF" + b"\0" * 200) == []
    assert windows_size.pe_imports(make_pe(["a.dll"])[:300]) == []  # cut short: no crash


def _wheel(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _file(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)


@pytest.fixture()
def fake(tmp_path):
    bundle = tmp_path / "sagstal-desktop"
    internal = bundle / "_internal"
    _file(bundle / "sagstal-desktop", 1000)  # bootloader 100 + archive 900
    _file(internal / "PySide6" / "QtCore.abi3.so", 400)
    _file(internal / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6", 700)
    _file(internal / "PySide6" / "Qt" / "lib" / "libicudata.so.73", 300)
    _file(internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so", 20)
    _file(internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqwayland.so", 30)
    _file(internal / "numpy" / "_core" / "_multiarray_umath.cpython-311-x86_64-linux-gnu.so", 90)
    _file(internal / "numpy" / "__init__.pyc", 11)
    _file(internal / "sagstal_desktop" / "resources" / "norms.json", 55)
    _file(internal / "python3.11" / "lib-dynload" / "math.cpython-311-x86_64-linux-gnu.so", 70)
    _file(internal / "python3.11" / "lib-dynload" / "fcntl.cpython-311-x86_64-linux-gnu.so", 20)
    _file(internal / "python3.11" / "lib-dynload" / "_decimal.cpython-311-x86_64-linux-gnu.so", 300)
    _file(internal / "libpython3.11.so.1.0", 4800)
    (internal / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")

    core_dll = make_pe(["MSVCP140.dll", "icuuc.dll", "KERNEL32.dll"], padding=500)
    wheels = [
        _wheel(tmp_path / "pyside6_essentials-6.0-cp310-abi3-win_amd64.whl", {
            "PySide6/QtCore.pyd": make_pe(["Qt6Core.dll", "pyside6.abi3.dll", "python3.dll", "VCRUNTIME140.dll"]),
            "PySide6/Qt6Core.dll": core_dll,
            "PySide6/Qt6Gui.dll": make_pe(["Qt6Core.dll"], padding=300),
            "PySide6/Qt6DBus.dll": b"d" * 999,  # nothing imports it
            "PySide6/opengl32sw.dll": b"o" * 999,  # never taken
            "PySide6/pyside6.abi3.dll": make_pe(["Qt6Core.dll"], padding=50),
            "PySide6/msvcp140.dll": b"m" * 60,
            "PySide6/plugins/platforms/qwindows.dll": make_pe(["Qt6Gui.dll", "Qt6Core.dll"], padding=90),
            "PySide6/plugins/styles/qmodernwindowsstyle.dll": make_pe(["Qt6Gui.dll"], padding=10),
            "PySide6.dist-info/RECORD": b"r" * 999,
        }),
        _wheel(tmp_path / "numpy-2.0-cp311-cp311-win_amd64.whl", {
            "numpy/_core/_multiarray_umath.cp311-win_amd64.pyd": make_pe(["libscipy_openblas.dll"], padding=20),
            "numpy.libs/libscipy_openblas.dll": b"b" * 9999,
        }),
        _wheel(tmp_path / "pyinstaller-6.0-py3-none-win_amd64.whl", {
            "PyInstaller/bootloader/Windows-64bit-intel/runw.exe": b"w" * 300,
        }),
    ]
    return bundle, windows_size.Wheels.load(wheels)


def test_every_linux_file_gets_its_windows_form(fake):
    bundle, wheels = fake
    result = windows_size.report(bundle, wheels, RUNTIME, 100, bound_mb=150)
    rows = {(row["linux"], row["windows"]): row for row in result["files"]}
    size = wheels.sizes

    assert rows[("sagstal-desktop", "sagstal-desktop.exe")]["windows_size"] == 900  # the archive
    assert rows[(None, "bootloader of sagstal-desktop.exe")]["windows_size"] == 300  # runw.exe
    qtcore = rows[("_internal/PySide6/QtCore.abi3.so", "PySide6/QtCore.pyd")]
    assert qtcore["windows_size"] == size["PySide6/QtCore.pyd"]
    qxcb = rows[("_internal/PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/plugins/platforms/qwindows.dll")]
    assert qxcb["windows_size"] == size["PySide6/plugins/platforms/qwindows.dll"]
    for linux_only in ("libQt6Core.so.6", "libicudata.so.73", "plugins/platforms/libqwayland.so"):
        (row,) = [r for r in result["files"] if r["linux"] and r["linux"].endswith(linux_only)]
        assert row["windows"] is None and row["windows_size"] == 0
    assert rows[("_internal/numpy/__init__.pyc", "numpy/__init__.pyc")]["windows_size"] == 11
    assert rows[("_internal/python3.11/lib-dynload/_decimal.cpython-311-x86_64-linux-gnu.so", "_decimal.pyd")][
        "source"].startswith("stand-in")

    windows = {row["windows"]: row for row in result["files"] if row["windows"]}
    # imported DLLs, followed through the wheels, each once; Windows' own (KERNEL32, icuuc) are not counted
    for dll in ("PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll", "PySide6/pyside6.abi3.dll", "PySide6/msvcp140.dll"):
        assert windows[dll]["source"] == "measured (imported)"
    assert windows["PySide6/Qt6Core.dll"]["component"] == "Qt"
    assert windows["PySide6/pyside6.abi3.dll"]["component"] == "PySide6 bindings"
    assert windows["python3.dll"]["windows_size"] == 60 and windows["vcruntime140.dll"]["windows_size"] == 100
    assert windows["PySide6/plugins/styles/qmodernwindowsstyle.dll"]["linux"] is None
    for absent in ("PySide6/Qt6DBus.dll", "PySide6/opengl32sw.dll", "numpy.libs/libscipy_openblas.dll",
                   "icuuc.dll", "KERNEL32.dll"):
        assert absent not in windows
    assert sum(1 for row in result["files"] if row["windows"] == "PySide6/Qt6Core.dll") == 1

    # the symbolic link counts nothing; the Linux total is the regular files' sizes
    assert result["linux_bytes"] == 1000 + 400 + 700 + 300 + 20 + 30 + 90 + 11 + 55 + 70 + 20 + 300 + 4800
    expected = (1200 + size["PySide6/QtCore.pyd"] + size["PySide6/plugins/platforms/qwindows.dll"]
                + size["numpy/_core/_multiarray_umath.cp311-win_amd64.pyd"] + 11 + 55 + 300 + 5000 + 60
                + size["PySide6/plugins/styles/qmodernwindowsstyle.dll"] + size["PySide6/Qt6Core.dll"]
                + size["PySide6/Qt6Gui.dll"] + size["PySide6/pyside6.abi3.dll"] + size["PySide6/msvcp140.dll"]
                + 100 + 7)
    assert result["windows_bytes"] == expected
    assert sum(entry["windows_bytes"] for entry in result["components"]) == expected
    assert result["within_bound"] is True
    assert windows_size.report(bundle, wheels, RUNTIME, 100, bound_mb=expected / 1e6 - 1e-6)["within_bound"] is False


def test_components():
    component = windows_size.component_of
    assert component("PySide6/Qt/lib/libQt6Gui.so.6") == component("PySide6/Qt6Gui.dll") == "Qt"
    assert component("PySide6/plugins/platforms/qwindows.dll") == "Qt"
    assert component("PySide6/QtWidgets.pyd") == component("shiboken6/shiboken6.abi3.dll") == "PySide6 bindings"
    assert component("PySide6/msvcp140.dll") == component("pandas.libs/msvcp140-a4c2.dll") == "Python runtime"
    assert component("python3.11/lib-dynload/math.so") == component("libpython3.11.so.1.0") == "Python runtime"
    assert component("PIL/_imaging.pyd") == component("pillow.libs/libjpeg.so") == "Pillow"
    assert component("pypdfium2_raw/pdfium.dll") == "pdfium"
    assert component("highspy/_core.pyd") == "HiGHS"
    assert component("_rl_accel.pyd") == component("babel/global.dat") == "other"
    assert component("sagstal_desktop/resources/fonts/DejaVuSans.ttf") == "the program + resources"


def test_runtime_constants_name_their_source():
    data = json.loads((ROOT / "build_spec" / "windows_runtime.json").read_text(encoding="utf-8"))
    assert data["dlls"]["python311.dll"] == 5800216 and "3.11.9" in data["python_version"]
    assert set(data["builtin_on_windows"]).isdisjoint(data["posix_only"])


def test_a_folder_that_is_no_bundle_is_refused_before_any_download(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(windows_size, "download", lambda *a: pytest.fail("downloaded"))
    with pytest.raises(SystemExit) as stop:
        windows_size.main([str(tmp_path)])
    assert stop.value.code == 2
    assert "not a PyInstaller bundle folder" in capsys.readouterr().err
