"""numpy for the bundle, built without BLAS/LAPACK (OpenBLAS), from numpy's own source release.

PyPI's numpy wheels carry OpenBLAS (``numpy.libs/``: 28 MB on Linux with libgfortran, about 20 MB
on Windows), a BLAS library for large matrix products and linear algebra. The program does none:
numpy serves pandas' tables and pyqtgraph's drawing, on arrays of a few hundred numbers. numpy
itself supports being built without it (``-Dblas=none -Dlapack=none -Dallow-noblas=true``: its
own loops for products, its bundled ``lapack_lite`` for ``numpy.linalg``), and with
``-Dcpu-dispatch=none`` it keeps only its baseline machine code (the same lowest CPU the PyPI
wheels require, x86-64-v2 on Intel/AMD) without the extra copies for newer CPUs.

``prepare()`` builds that numpy once, of exactly the installed version (pandas' compiled parts
are built for it), into ``build/numpy-without-blas/`` (``pip wheel``, about 3-5 minutes on two
cores; reused after that), unpacks it and returns the folder, which the spec puts first on
PyInstaller's search path: the bundle takes numpy from there, the environment's own numpy is
left as it is. ``SAGSTAL_NUMPY_BLAS=keep`` skips it (a quick local build, with OpenBLAS and
larger than the size bound). Run as a script it only prepares the folder and prints it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "numpy-without-blas"
#: meson options of numpy's build (numpy's own names, see its meson.options)
SETUP_ARGS = ("-Dblas=none", "-Dlapack=none", "-Dallow-noblas=true", "-Dcpu-dispatch=none")


def setup_args() -> list[str]:
    """The build's options; on Windows meson is told to find Visual Studio itself (``--vsenv``)."""
    return list(SETUP_ARGS) + (["--vsenv"] if sys.platform == "win32" else [])


def pip_command(numpy_version: str, wheel_dir: Path) -> list[str]:
    """``pip wheel`` for numpy ``numpy_version`` from its source release, without pip's wheel
    cache (it would hand back a wheel built with other options)."""
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-cache-dir", "--no-binary", "numpy",
               f"numpy=={numpy_version}", "--wheel-dir", str(wheel_dir)]
    return command + [f"-Csetup-args={arg}" for arg in setup_args()]


def _key(numpy_version: str) -> str:
    return f"numpy-{numpy_version}-py{sys.version_info[0]}{sys.version_info[1]}-{sys.platform}"


def blas_of(folder: Path) -> str:
    """The BLAS the numpy in ``folder`` was built with ("none" for this build), asked of numpy
    itself in a separate process."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import numpy; "
            "assert numpy.__file__.startswith(sys.argv[1]), numpy.__file__; "
            "print(numpy.show_config(mode='dicts')['Build Dependencies']['blas']['name'])")
    done = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def prepare(log=print) -> Path | None:
    """The folder holding numpy without BLAS for this Python and the installed numpy version,
    built when not there yet; None when ``SAGSTAL_NUMPY_BLAS=keep``."""
    if os.environ.get("SAGSTAL_NUMPY_BLAS") == "keep":
        return None
    numpy_version = version("numpy")
    target = CACHE / _key(numpy_version)
    done = target / "built.json"
    if done.is_file():
        return target / "site"
    shutil.rmtree(target, ignore_errors=True)
    wheels = target / "wheel"
    wheels.mkdir(parents=True)
    log(f"building numpy {numpy_version} without BLAS (once; a few minutes) in {target}")
    subprocess.run(pip_command(numpy_version, wheels), check=True)
    (wheel,) = wheels.glob("numpy-*.whl")
    site = target / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    blas = blas_of(site)
    if blas != "none":
        raise SystemExit(f"numpy in {site} was built with BLAS {blas!r}; expected none")
    done.write_text(json.dumps({"numpy": numpy_version, "setup_args": setup_args(), "wheel": wheel.name}),
                    encoding="utf-8")
    return site


if __name__ == "__main__":
    print(prepare(log=lambda text: print(text, file=sys.stderr)) or "SAGSTAL_NUMPY_BLAS=keep: the installed numpy")
