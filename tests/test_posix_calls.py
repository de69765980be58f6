"""The program runs on Windows: no POSIX-only call, module or path outside a guarded block.

An AST scan (not grep, so guards are recognised) of ``sagstal_desktop/`` for
- calls and names Windows lacks or treats differently: ``os.umask``, ``os.getuid``/``geteuid``/
  ``getgid``/``getegid``, ``os.fchmod``/``fchown``/``chown``, ``os.fork``, ``os.setsid``,
  ``os.killpg``/``getpgid``, ``os.kill`` (on Windows it ends the process whatever the signal),
  ``signal.SIGKILL``/``SIGHUP``/``SIGUSR1``/...;
- POSIX-only modules: ``fcntl``, ``pwd``, ``grp``, ``termios``, ``resource``, ``posix``, ``tty``,
  ``pty``, ``syslog``;
- hard-coded POSIX paths: strings starting ``/tmp``, ``/home``, ``/usr``, ``/proc``, ...
  (docstrings aside).

Guarded means inside (either branch of) an ``if``/conditional expression whose test reads
``os.name``, ``sys.platform``, ``platform.system()``, ``hasattr(...)`` or a name set from one
of these (``_POSIX = os.name == "posix"``); after such an ``if`` that returns or raises (an
early exit: ``if not _POSIX: return``); after such a test in an ``and``/``or``; or in a ``try``
that catches ``ImportError``/``ModuleNotFoundError``/``AttributeError``. The workflow for
Windows (.github/workflows/windows.yml) runs this test there too.
"""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sagstal_desktop"

POSIX_ATTRIBUTES = {
    "os": {"umask", "getuid", "geteuid", "getgid", "getegid", "getpwuid", "fchmod", "fchown", "chown", "lchown",
           "fork", "forkpty", "setsid", "killpg", "getpgid", "kill", "mkfifo", "sync", "statvfs"},
    "signal": {"SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGQUIT", "SIGSTOP", "SIGCONT",
               "SIGPIPE", "SIGTSTP", "alarm", "pause", "setitimer"},
}
POSIX_MODULES = {"fcntl", "pwd", "grp", "termios", "resource", "posix", "tty", "pty", "syslog"}
POSIX_PATH = re.compile(r"/(tmp|home|var|usr|etc|proc|dev|opt|run|mnt|root|srv|Library|System|Users)(/|:|$)")
GUARD_EXCEPTIONS = {"ImportError", "ModuleNotFoundError", "AttributeError"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _dotted(node.func)
    return ""


class _Scanner:
    def __init__(self, tree: ast.Module, where: str) -> None:
        self.where = where
        self.findings: list[str] = []
        self.modules: dict[str, str] = {}  # local name -> module (import os as _os: _os -> os)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.modules[alias.asname or alias.name.split(".")[0]] = alias.name
        self.guard_names: set[str] = set()
        for _round in range(3):  # names set from a platform test, or from such names
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign) and self.is_guard(node.value):
                    self.guard_names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        self.block(tree.body, guarded=False)

    def is_guard(self, test: ast.AST) -> bool:
        for node in ast.walk(test):
            name = _dotted(node)
            if isinstance(node, ast.Attribute | ast.Call) and self._platform_name(name):
                return True
            if isinstance(node, ast.Call) and name == "hasattr":
                return True
            if isinstance(node, ast.Name) and node.id in self.guard_names:
                return True
        return False

    def _platform_name(self, name: str) -> bool:
        head, _, rest = name.partition(".")
        module = self.modules.get(head, head)
        return f"{module}.{rest}" in {"os.name", "sys.platform", "platform.system"}

    def block(self, body: list[ast.stmt], guarded: bool) -> None:
        for statement in body:
            self.visit(statement, guarded)
            if (isinstance(statement, ast.If) and not statement.orelse and self.is_guard(statement.test)
                    and isinstance(statement.body[-1], ast.Return | ast.Raise | ast.Continue | ast.Break)):
                guarded = True  # an early exit: what follows runs on the other platforms only

    def visit(self, node: ast.AST, guarded: bool) -> None:
        if isinstance(node, ast.If | ast.IfExp | ast.While):
            inner = guarded or self.is_guard(node.test)
            self.visit(node.test, guarded)
            for part in (node.body, node.orelse):
                if isinstance(part, list):
                    self.block(part, inner)
                else:
                    self.visit(part, inner)
            return
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                self.visit(value, guarded)
                guarded = guarded or self.is_guard(value)
            return
        if isinstance(node, ast.Try | ast.TryStar):
            caught = {_dotted(n) for h in node.handlers if h.type is not None
                      for n in (h.type.elts if isinstance(h.type, ast.Tuple) else [h.type])}
            self.block(node.body, guarded or bool(caught & GUARD_EXCEPTIONS))
            for handler in node.handlers:
                self.block(handler.body, guarded)
            self.block(node.orelse, guarded)
            self.block(node.finalbody, guarded)
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Module):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]  # the docstring
            for decorator in getattr(node, "decorator_list", []):
                self.visit(decorator, guarded)
            self.block(body, guarded)
            return
        if not guarded:
            self.check(node)
        for child in ast.iter_child_nodes(node):
            self.visit(child, guarded)

    def check(self, node: ast.AST) -> None:
        line = f"{self.where}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            module = self.modules.get(node.value.id)
            if module in POSIX_ATTRIBUTES and node.attr in POSIX_ATTRIBUTES[module]:
                self.findings.append(f"{line}: {module}.{node.attr}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in POSIX_MODULES:
                    self.findings.append(f"{line}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            if top in POSIX_MODULES:
                self.findings.append(f"{line}: from {node.module} import ...")
            for alias in node.names:
                if alias.name in POSIX_ATTRIBUTES.get(node.module, ()):
                    self.findings.append(f"{line}: from {node.module} import {alias.name}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and POSIX_PATH.match(node.value):
            self.findings.append(f"{line}: path {node.value!r}")


def scan(source: str, where: str = "<snippet>") -> list[str]:
    return _Scanner(ast.parse(source), where).findings


def test_the_program_has_no_unguarded_posix_only_call():
    findings = []
    for path in sorted(PACKAGE.rglob("*.py")):
        findings += scan(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert findings == []


@pytest.mark.parametrize(("source", "found"), [
    ("import os\nos.umask(0o022)", "os.umask"),
    ("import os as o\nx = o.getuid()", "os.getuid"),
    ("import os\nos.geteuid()", "os.geteuid"),
    ("import fcntl", "import fcntl"),
    ("from fcntl import flock", "from fcntl import"),
    ("import pwd\npwd.getpwuid(0)", "import pwd"),
    ("import signal\nsig = signal.SIGKILL", "signal.SIGKILL"),
    ("import os\nos.kill(1, 0)", "os.kill"),
    ("from signal import SIGKILL", "from signal import SIGKILL"),
    ("from os import fchmod", "from os import fchmod"),
    ("import os\ndef f(fd):\n    os.fchmod(fd, 0o600)", "os.fchmod"),
    ("from pathlib import Path\nPath('/tmp/x')", "path '/tmp/x'"),
    ("p = '/home/user/team.sagstal'", "path '/home"),
    ("p = f'/tmp/{name}'", "path '/tmp/'"),
    ("import os\nif os.path.exists('x'):\n    os.umask(0)", "os.umask"),  # not a platform test
    ("import os\ntry:\n    os.umask(0)\nexcept OSError:\n    pass", "os.umask"),  # OSError is no guard
    ("import os\nif os.name == 'nt':\n    x = 1\nos.umask(0)", "os.umask"),  # no early exit
])
def test_the_scan_finds_unguarded_posix_only_calls(source, found):
    findings = scan(source)
    assert len(findings) == 1 and found in findings[0], findings


@pytest.mark.parametrize("source", [
    "import os\nif os.name == 'posix':\n    os.umask(0o022)",
    "import os, sys\nif sys.platform != 'win32':\n    os.fchmod(3, 0o600)",
    "import os\nif os.name == 'nt':\n    pass\nelse:\n    os.getuid()",
    "import os\n_POSIX = os.name == 'posix'\ndef f():\n    if not _POSIX:\n        return 0\n    return os.umask(0)",
    "import os\n_POSIX = os.name == 'posix'\ndef f():\n    if _POSIX:\n        import fcntl\n        fcntl.flock(1, 2)",
    "import sys, os\ndef alive(pid):\n    if sys.platform == 'win32':\n        return True\n    os.kill(pid, 0)",
    "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None",
    "import os\nuid = os.getuid() if hasattr(os, 'getuid') else 0",
    "import os\nok = os.name == 'posix' and os.geteuid() == 0",
    "import platform, os\nif platform.system() == 'Linux':\n    p = '/proc/self/status'",
    "'''A docstring that names /tmp and /home.'''\nx = 1",
    "def f():\n    '''Writes nothing to /tmp.'''\n    return 1",
    "p = 'sub/dir/tmp'\nq = 'a/home'",
])
def test_the_scan_accepts_guarded_calls(source):
    assert scan(textwrap.dedent(source)) == []
