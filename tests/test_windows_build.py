"""The Windows build's definitions, checked here as far as Linux can: the Inno Setup script
(build_spec/sagstal.iss) and the workflow for a Windows runner (.github/workflows/windows.yml).
No Windows tool runs here (ISCC, the installer, the .exe): the workflow does that on Windows."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "build_spec" / "sagstal.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
PROGRAM = next(iter(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["gui-scripts"]))


def _entry(line: str) -> dict[str, str]:
    """``Name: "a b"; Flags: x y`` -> {"Name": "a b", "Flags": "x y"} (Inno's "" is one quote)."""
    fields, rest = {}, line
    while rest:
        match = re.match(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(;|$)', rest)
        assert match, f"not an Inno Setup entry: {line!r}"
        value = match[2].strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        fields[match[1]] = value
        rest = rest[match.end():]
    return fields


def parse_iss(text: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The ``#define``s and the sections' lines (comments dropped, defines substituted)."""
    defines: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if define := re.match(r'#define\s+(\w+)\s+"([^"]*)"', line):
            defines[define[1]] = define[2]
            continue
        if line.startswith("#"):
            continue
        if header := re.fullmatch(r"\[(\w+)\]", line):
            current = header[1]
            sections[current] = []
            continue
        assert current is not None, f"a line before any section: {line!r}"
        sections[current].append(re.sub(r"\{#(\w+)\}", lambda m: defines[m[1]], line))
    return defines, sections


def _setup() -> dict[str, str]:
    _defines, sections = parse_iss(ISS.read_text(encoding="utf-8"))
    return dict(line.split("=", 1) for line in sections["Setup"])


def test_the_installer_is_per_user_without_administrator_rights():
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # no "install for all users" switch
    assert setup["DefaultDirName"].startswith("{autopf}\\")  # %LOCALAPPDATA%\Programs when per user
    assert setup["AppId"].startswith("{{")  # a fixed id: a new version replaces the old one
    assert setup["ChangesAssociations"] == "yes"
    assert (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).is_file()


def test_the_installer_ships_the_pyinstaller_folder_and_a_start_menu_entry():
    defines, sections = parse_iss(ISS.read_text(encoding="utf-8"))
    assert defines["AppExe"] == f"{PROGRAM}.exe"
    files = [_entry(line) for line in sections["Files"]]
    assert files == [{"Source": f"..\\dist\\{PROGRAM}\\*", "DestDir": "{app}",
                      "Flags": "ignoreversion recursesubdirs createallsubdirs"}]
    icons = [_entry(line) for line in sections["Icons"]]
    assert any(i["Name"].startswith("{autoprograms}\\") and i["Filename"] == f"{{app}}\\{PROGRAM}.exe"
               for i in icons)
    assert {"danish", "english"} <= {_entry(line)["Name"] for line in sections["Languages"]}


def test_the_sagstal_association_is_under_hkcu_and_removed_on_uninstall():
    _defines, sections = parse_iss(ISS.read_text(encoding="utf-8"))
    registry = [_entry(line) for line in sections["Registry"]]
    assert registry and {r["Root"] for r in registry} == {"HKCU"}
    by_key = {(r["Subkey"], r["ValueName"]): r for r in registry}
    extension = by_key[("Software\\Classes\\.sagstal", "")]
    prog_id = extension["ValueData"]
    assert "uninsdeletevalue" in extension["Flags"].split()
    assert "uninsdeletekey" in by_key[(f"Software\\Classes\\{prog_id}", "")]["Flags"].split()
    command = by_key[(f"Software\\Classes\\{prog_id}\\shell\\open\\command", "")]["ValueData"]
    assert command == f'"{{app}}\\{PROGRAM}.exe" "%1"'
    # every key the installer writes lies under the ProgID (deleted whole) or has its value deleted
    for entry in registry:
        flags = entry.get("Flags", "").split()
        assert (entry["Subkey"].startswith(f"Software\\Classes\\{prog_id}") or "uninsdeletevalue" in flags), entry


def test_uninstall_removes_the_program_folder_and_its_settings():
    _defines, sections = parse_iss(ISS.read_text(encoding="utf-8"))
    removed = [_entry(line) for line in sections["UninstallDelete"]]
    assert {"Type": "filesandordirs", "Name": "{app}"} in removed
    # the settings file where platformdirs puts it on Windows (app "Sagstal", author "Sagstal", local)
    from sagstal_desktop import APP_NAME, ORG_NAME
    from sagstal_desktop.gui.settings import SETTINGS_FILE

    assert {"Type": "files", "Name": f"{{localappdata}}\\{ORG_NAME}\\{APP_NAME}\\{SETTINGS_FILE}"} in removed


def test_the_windows_workflow_builds_tests_installs_and_uninstalls():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "workflow_dispatch" in triggers
    (job,) = workflow["jobs"].values()
    assert job["runs-on"].startswith("windows")
    steps = [s.get("run", "") for s in job["steps"]]
    script = "\n".join(steps)
    assert "pyinstaller build_spec\\sagstal.spec" in script
    assert script.count('"--self-test"') == 2  # the bundle, then the installed program
    assert "build_spec\\sagstal.iss" in script and "ISCC.exe" in script
    assert "/CURRENTUSER" in script and "unins000.exe" in script
    assert "tests/test_posix_calls.py" in script
    assert "build_spec\\size_bounds.json" in script
    assert any(s.get("uses", "").startswith("actions/setup-python") and s["with"]["python-version"] == "3.11"
               for s in job["steps"])


def test_the_size_bounds_have_reasons():
    bounds = json.loads((ROOT / "build_spec" / "size_bounds.json").read_text(encoding="utf-8"))
    assert bounds["windows_folder_mb"] == 150  # issue 29
    assert bounds["linux_folder_mb"] > 0 and bounds["reason"]


def test_the_readme_says_the_workflow_does_not_run_on_this_projects_ci():
    readme = " ".join((ROOT / "build_spec" / "README.md").read_text(encoding="utf-8").split())
    assert ".github/workflows/windows.yml" in readme
    assert "not run by this project's CI" in readme
    assert "windows" not in (ROOT / ".ci" / "run").read_text(encoding="utf-8").lower()
