"""The size of the Windows bundle, worked out from a Linux bundle and the Windows wheels.

PyInstaller does not cross-compile and this project has no Windows, so the Windows folder is
never built here. This script measures what can be measured instead of guessing:

* it downloads the ``win_amd64`` wheels of exactly the versions installed here (PySide6-Essentials,
  shiboken6, numpy, pandas, pillow, highspy, pypdfium2, rl-accel, orjson, charset-normalizer and
  PyInstaller for its Windows bootloader) into ``build/windows-wheels/`` (once);
* it maps every file of the Linux bundle (``scripts/build_bundle.sh``) to its Windows form:
  Python files and data as they are; a Linux extension module (``.so``) to the wheel's ``.pyd``
  of the same module; Qt's plugins to the Windows plugins of the same function (``libqxcb.so``
  -> ``qwindows.dll``, ...); Linux-only files (ICU, xcb, Wayland, ``pillow.libs``, ...) to
  nothing;
* Qt's DLLs, the bindings' DLLs, the MSVC runtime and any ``*.libs`` DLL are added as the Windows
  modules actually import them: the import tables of the chosen ``.pyd``/``.dll`` files are read
  (PE format) and followed through the wheels' DLLs; what no wheel carries is Windows' own
  (KERNEL32, the UCRT, ICU's ``icuuc.dll`` ...) or Python's;
* Python's own runtime (``python311.dll`` ...) comes from constants in
  ``build_spec/windows_runtime.json`` (no wheel carries it).

numpy's ``numpy.libs/`` (OpenBLAS) is left out: the bundle takes numpy built without BLAS
(``build_spec/numpy_without_blas.py``); its ``.pyd`` files are assumed no larger than the wheel's
(the script measures the same ratio on Linux). Every figure says where it comes from.

    python build_spec/windows_size.py dist/sagstal-desktop [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import struct
import subprocess
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "windows-wheels"
RUNTIME = Path(__file__).resolve().parent / "windows_runtime.json"
BOUNDS = Path(__file__).resolve().parent / "size_bounds.json"

#: distributions whose Windows wheels hold the bundle's compiled files (PyInstaller: the bootloader)
DISTRIBUTIONS = ("PySide6-Essentials", "shiboken6", "numpy", "pandas", "pillow", "highspy", "pypdfium2",
                 "rl-accel", "orjson", "charset-normalizer", "pyinstaller")

#: Qt plugins: Linux file -> the Windows plugin doing the same (None: Linux only)
QT_PLUGINS = {
    "platforms/libqxcb.so": "plugins/platforms/qwindows.dll",
    "platforms/libqwayland.so": None,  # Wayland: Linux only; X11's counterpart is qwindows
    "platforms/libqminimal.so": "plugins/platforms/qminimal.dll",
    "platforms/libqoffscreen.so": "plugins/platforms/qoffscreen.dll",
    "iconengines/libqsvgicon.so": "plugins/iconengines/qsvgicon.dll",
    "imageformats/libqsvg.so": "plugins/imageformats/qsvg.dll",
    "imageformats/libqico.so": "plugins/imageformats/qico.dll",
}
#: Windows-only Qt plugins the Windows bundle has in addition (the native widget style)
QT_WINDOWS_EXTRA = ("plugins/styles/qmodernwindowsstyle.dll",)
#: wheel folders whose DLLs are never taken (numpy's OpenBLAS; Qt's software OpenGL, left out by lean.py)
NEVER = (re.compile(r"^numpy\.libs/"), re.compile(r"(^|/)opengl32sw\.dll$"))

EXTENSION = re.compile(r"^(?P<module>.+?)(\.cpython-\d+-[^/]*|\.abi3)?\.so$")
COMPONENTS = ("Qt", "PySide6 bindings", "numpy", "pandas", "Pillow", "HiGHS", "pdfium", "Python runtime",
              "the program + resources", "other")


def component_of(rel: str) -> str:
    """The component a path below ``_internal/`` belongs to (Linux or Windows form)."""
    low = rel.lower()
    top, name = low.split("/", 1)[0], low.rsplit("/", 1)[-1]
    if re.match(r"(msvcp|vcruntime|concrt|vccorlib|vcomp|vcamp)\d", name):
        return "Python runtime"  # the MSVC runtime: Python's and the wheels' C++ code need it
    if low.startswith(("pyside6/qt/", "pyside6/plugins/", "pyside6/translations/")) \
            or re.match(r"(lib)?(qt6|icu)", name):
        return "Qt"
    if top in ("pyside6", "shiboken6") or name.startswith(("libpyside6", "libshiboken6")):
        return "PySide6 bindings"
    for prefix, comp in (("numpy", "numpy"), ("pandas", "pandas"), ("pil", "Pillow"), ("pillow", "Pillow"),
                         ("highspy", "HiGHS"), ("pypdfium2", "pdfium"), ("sagstal_desktop", "the program + resources")):
        if top.startswith(prefix):
            return comp
    runtime_file = "/" not in low and not name.startswith("_rl_") and name.startswith(
        ("libpython", "python3", "base_library", "libsqlite", "sqlite3", "libuuid", "_"))
    if top.startswith("python3") or runtime_file:
        return "Python runtime"
    return "other"


def pe_imports(data: bytes) -> list[str]:
    """The DLL names a PE file (``.dll``/``.pyd``/``.exe``) imports; [] for anything else."""
    try:
        if data[:2] != b"MZ":
            return []
        pe = struct.unpack_from("<I", data, 0x3C)[0]
        if data[pe:pe + 4] != b"PE\0\0":
            return []
        sections, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
        optional = pe + 24
        magic = struct.unpack_from("<H", data, optional)[0]
        directories = optional + (112 if magic == 0x20B else 96)
        import_rva = struct.unpack_from("<I", data, directories + 8)[0]
        if not import_rva:
            return []
        table = []
        for index in range(sections):
            at = optional + optional_size + 40 * index
            vsize, vaddr, rsize, raw = struct.unpack_from("<IIII", data, at + 8)
            table.append((vaddr, max(vsize, rsize), raw))

        def offset(rva: int) -> int:
            for vaddr, size, raw in table:
                if vaddr <= rva < vaddr + size:
                    return rva - vaddr + raw
            raise ValueError(rva)

        names, at = [], offset(import_rva)
        while True:
            name_rva = struct.unpack_from("<I", data, at + 12)[0]
            if not name_rva:
                return names
            start = offset(name_rva)
            names.append(data[start:data.index(b"\0", start)].decode("ascii"))
            at += 20
    except (struct.error, ValueError):
        return []


@dataclass
class Wheels:
    """The members of the Windows wheels: path -> size, and where to read each."""

    sizes: dict[str, int] = field(default_factory=dict)
    origin: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def load(cls, paths: list[Path]) -> Wheels:
        wheels = cls()
        for path in sorted(paths):
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    if not info.is_dir() and ".dist-info/" not in info.filename:
                        wheels.sizes.setdefault(info.filename, info.file_size)
                        wheels.origin.setdefault(info.filename, path)
        return wheels

    def read(self, member: str) -> bytes:
        with zipfile.ZipFile(self.origin[member]) as archive:
            return archive.read(member)

    def pyd(self, module: str) -> str | None:
        """The wheel's ``.pyd`` of a module path such as ``numpy/_core/_multiarray_umath``."""
        for member in self.sizes:
            if member.endswith(".pyd") and member.split(".", 1)[0] == module:
                return member
        return None


@dataclass
class Row:
    linux: str | None
    windows: str | None
    component: str
    linux_size: int
    windows_size: int
    source: str  # measured | constant | stand-in | linux-only | as on Linux | allowance


def linux_files(bundle: Path) -> dict[str, int]:
    """Regular files of a Linux bundle (symbolic links are Linux's and have no size on Windows)."""
    return {path.relative_to(bundle).as_posix(): path.stat().st_size
            for path in sorted(bundle.rglob("*")) if path.is_file() and not path.is_symlink()}


def estimate(bundle: Path, wheels: Wheels, runtime: dict, linux_bootloader: int) -> list[Row]:
    """Every file of the Linux bundle with its Windows counterpart, plus what only Windows needs."""
    rows: list[Row] = []
    seeds: list[tuple[str, str]] = []  # (wheel member, component) whose imports are followed
    builtin, posix_only = set(runtime["builtin_on_windows"]), set(runtime["posix_only"])
    for path, size in linux_files(bundle).items():
        rel = path.split("/", 1)[1] if path.startswith("_internal/") else ""
        comp = component_of(rel) if rel else "the program + resources"

        def add(windows, wsize, source, comp=comp, path=path, size=size):
            rows.append(Row(path, windows, comp, size, wsize, source))

        if not rel:  # the executable: Linux bootloader + archive -> Windows bootloader + the same archive
            boot = "PyInstaller/bootloader/Windows-64bit-intel/runw.exe"
            add(path + ".exe", size - linux_bootloader, "as on Linux (the archive appended to the bootloader)")
            rows.append(Row(None, "bootloader of " + path + ".exe", comp, 0, wheels.sizes[boot], "measured (runw.exe)"))
            continue
        name = rel.rsplit("/", 1)[-1]
        if rel.startswith("python3.11/lib-dynload/"):
            module = name.split(".", 1)[0]
            if module in builtin:
                add(None, 0, "built into python311.dll")
            elif module in posix_only:
                add(None, 0, "linux-only")
            else:  # Windows: DLLs\\<module>.pyd
                add(module + ".pyd", size, "stand-in (Linux size)")
            continue
        if name.startswith("libpython"):
            for dll in ("python311.dll", "python3.dll"):
                rows.append(Row(path if dll == "python311.dll" else None, dll, "Python runtime",
                                size if dll == "python311.dll" else 0, runtime["dlls"][dll], "constant"))
            continue
        if name.startswith("libsqlite3"):
            add("sqlite3.dll", size, "stand-in (Linux size)")
            continue
        if rel.startswith("PySide6/Qt/plugins/"):
            target = QT_PLUGINS.get(rel[len("PySide6/Qt/plugins/"):])
            if target is None:
                add(None, 0, "linux-only")
            else:
                add("PySide6/" + target, wheels.sizes["PySide6/" + target], "measured")
                seeds.append(("PySide6/" + target, comp))
            continue
        if rel.startswith("PySide6/Qt/translations/"):
            member = "PySide6/translations/" + name
            add(member, wheels.sizes.get(member, size), "measured" if member in wheels.sizes else "as on Linux")
            continue
        shared_library = rel.startswith(("PySide6/Qt/lib/", "pillow.libs/", "numpy.libs/")) \
            or ("/" not in rel and name.startswith("lib")) or name.startswith(("libpyside6", "libshiboken6"))
        if shared_library and not name.startswith("libpdfium"):
            add(None, 0, "linux-only (Windows: the DLLs the modules import)")
            continue
        if name == "libpdfium.so":
            member = rel.rsplit("/", 1)[0] + "/pdfium.dll"
            add(member, wheels.sizes[member], "measured")
            seeds.append((member, comp))
            continue
        match = EXTENSION.match(rel)
        if match:
            member = wheels.pyd(match["module"])
            if member is None:
                raise SystemExit(f"no Windows module for {path} in the wheels")
            add(member, wheels.sizes[member], "measured")
            seeds.append((member, comp))
            continue
        add(rel, size, "as on Linux")
    for extra in QT_WINDOWS_EXTRA:
        member = "PySide6/" + extra
        rows.append(Row(None, member, "Qt", 0, wheels.sizes[member], "measured (Windows only)"))
        seeds.append((member, "Qt"))
    rows += follow_imports(seeds, wheels, runtime)
    rows.append(Row(None, "libffi-8.dll, _overlapped.pyd", "Python runtime", 0,
                    runtime["windows_only_allowance"]["bytes"], "allowance"))
    return rows


def follow_imports(seeds: list[tuple[str, str]], wheels: Wheels, runtime: dict) -> list[Row]:
    """The DLLs the seeds import, directly or not: found in the importer's own wheel first, then in
    any wheel (each copy counted once per folder, as PyInstaller keeps a wheel's folders), then in
    Python's runtime; anything else is Windows' own (KERNEL32, the UCRT, icuuc.dll, ...)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for member in sorted(wheels.sizes, key=lambda m: (m.count("/"), m)):
        if member.lower().endswith(".dll") and not any(rule.search(member) for rule in NEVER):
            by_name[member.rsplit("/", 1)[-1].lower()].append(member)
    taken = {seed for seed, _ in seeds}
    runtime_taken = {"python311.dll", "python3.dll"}
    rows, queue = [], [seed for seed, _ in seeds]
    while queue:
        member = queue.pop(0)
        for dll in pe_imports(wheels.read(member)):
            key = dll.lower()
            candidates = by_name.get(key, [])
            own = [c for c in candidates if wheels.origin[c] == wheels.origin[member]]
            found = (own or candidates or [None])[0]
            if found is not None:
                if found not in taken:
                    taken.add(found)
                    rows.append(Row(None, found, component_of(found), 0, wheels.sizes[found], "measured (imported)"))
                    queue.append(found)
            elif key in runtime["dlls"] and key not in runtime_taken:
                runtime_taken.add(key)
                rows.append(Row(None, key, "Python runtime", 0, runtime["dlls"][key], "constant"))
    return rows


def summarize(rows: list[Row]) -> dict:
    by = defaultdict(lambda: {"linux": 0, "windows": 0, "sources": set()})
    for row in rows:
        entry = by[row.component]
        entry["linux"] += row.linux_size
        entry["windows"] += row.windows_size
        if row.windows_size:
            entry["sources"].add(row.source.split(" (")[0])
    table = [{"component": comp, "linux_bytes": by[comp]["linux"], "windows_bytes": by[comp]["windows"],
              "sources": sorted(by[comp]["sources"])} for comp in COMPONENTS if comp in by]
    return {"components": table, "linux_bytes": sum(r.linux_size for r in rows),
            "windows_bytes": sum(r.windows_size for r in rows)}


def numpy_ratio(bundle: Path) -> dict | None:
    """The Linux bundle's numpy extension modules (built without BLAS) against the same modules of
    the installed (PyPI) numpy: the noblas build's size as a share of the wheel's."""
    try:
        import numpy
    except ImportError:
        return None
    site = Path(numpy.__file__).resolve().parent.parent
    ours = theirs = 0
    for path in (bundle / "_internal" / "numpy").rglob("*.so"):
        installed = site / path.relative_to(bundle / "_internal")
        if installed.is_file():
            ours += path.stat().st_size
            theirs += installed.stat().st_size
    return {"noblas_bytes": ours, "wheel_bytes": theirs, "ratio": round(ours / theirs, 3) if theirs else None}


def download(cache: Path = CACHE) -> list[Path]:
    """The win_amd64 wheels of the installed versions, downloaded into ``cache`` once."""
    cache.mkdir(parents=True, exist_ok=True)
    found = []
    for dist in DISTRIBUTIONS:
        try:
            wanted = f"{dist}=={version(dist)}"
        except PackageNotFoundError:
            continue
        stem = re.sub(r"[-_.]+", "_", dist).lower() + "-" + version(dist) + "-"
        have = [p for p in cache.glob("*.whl") if p.name.lower().startswith(stem) and "win_amd64" in p.name]
        if not have:
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                            "--platform", "win_amd64", "--python-version", "3.11", wanted, "-d", str(cache)],
                           check=True)
            have = [p for p in cache.glob("*.whl") if p.name.lower().startswith(stem) and "win_amd64" in p.name]
        found += have
    return found


def linux_bootloader_size() -> int:
    """The size of the Linux bootloader the bundle's executable starts with (PyInstaller's ``run``)."""
    import PyInstaller

    return (Path(PyInstaller.__file__).parent / "bootloader" / "Linux-64bit-intel" / "run").stat().st_size


def report(bundle: Path, wheels: Wheels, runtime: dict, bootloader: int, bound_mb: float) -> dict:
    rows = estimate(bundle, wheels, runtime, bootloader)
    result = summarize(rows)
    result["bound_mb"] = bound_mb
    result["within_bound"] = result["windows_bytes"] <= bound_mb * 1e6
    result["numpy_noblas_vs_wheel_linux"] = numpy_ratio(bundle)
    result["python_runtime_constants"] = runtime["python_version"]
    result["files"] = [row.__dict__ for row in rows]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="a Linux bundle folder (dist/sagstal-desktop)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if not (args.bundle / "_internal").is_dir():
        parser.error(f"{args.bundle} is not a PyInstaller bundle folder (no _internal/ in it)")
    runtime = json.loads(RUNTIME.read_text(encoding="utf-8"))
    bound = json.loads(BOUNDS.read_text(encoding="utf-8"))["windows_folder_mb"]
    result = report(args.bundle, Wheels.load(download()), runtime, linux_bootloader_size(), bound)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{'component':26} {'Linux MB':>9} {'Windows MB':>11}  source of the Windows figure")
    for entry in result["components"]:
        print(f"{entry['component']:26} {entry['linux_bytes'] / 1e6:9.1f} {entry['windows_bytes'] / 1e6:11.1f}  "
              + ", ".join(entry["sources"]))
    print(f"{'total':26} {result['linux_bytes'] / 1e6:9.1f} {result['windows_bytes'] / 1e6:11.1f}  "
          f"bound {bound} MB: {'within' if result['within_bound'] else 'ABOVE'}")
    ratio = result["numpy_noblas_vs_wheel_linux"]
    if ratio:
        print(f"numpy on Linux: noblas modules {ratio['noblas_bytes'] / 1e6:.1f} MB = {ratio['ratio']} x the wheel's "
              f"{ratio['wheel_bytes'] / 1e6:.1f} MB (Windows: the wheel's .pyd sizes are taken)")
    print(f"Python runtime: constants of CPython {runtime['python_version']} (build_spec/windows_runtime.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
