"""Build hook: copy the top-level ``resources/`` into the built package as ``sagstal_desktop/resources``.

The design card keeps ``resources/`` at the top level of the repository; an installed program
needs it inside the package, where ``sagstal_desktop.assets`` finds it with
``importlib.resources``. A plain copy (no symlinks) works for wheels, sdists (MANIFEST.in
ships ``resources/``) and on Windows. Editable installs and checkouts read ``resources/`` in
place, so nothing is copied for them. All other metadata is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildPyWithResources(build_py):
    """``build_py`` that also copies ``resources/`` into ``<build_lib>/sagstal_desktop/resources``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads <repo>/resources in place
        source = ROOT / "resources"
        if not (source / "norms").is_dir():
            raise SystemExit(f"{source} is missing: cannot build Sagstal without its resources")
        target = Path(self.build_lib) / "sagstal_desktop" / "resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=IGNORED)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        source, target = ROOT / "resources", Path(self.build_lib) / "sagstal_desktop" / "resources"
        return outputs + [str(target / f.relative_to(source)) for f in source.rglob("*") if f.is_file()]


setup(cmdclass={"build_py": BuildPyWithResources})
