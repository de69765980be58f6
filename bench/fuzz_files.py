"""Fuzz run: every crafted input and N random mutations, each in its own ``sagstal`` process.

    .venv/bin/python bench/fuzz_files.py [--random 200] [--timeout 20]

Inputs come from ``tests/fuzz_corpus.py`` (generated, nothing stored): crafted ``.sagstal``
files (``summary``, ``memo`` and ``export`` on each), crafted xlsx/csv files (``import
--check`` and ``import -o``), random byte flips of a valid team file, and memo inputs (long
names and budget years 0/1000/10^7 on the command line). For each run: a clean refusal is
exit 1/2 with no traceback; a crash is any other exit or a traceback; a hang is a run over the
time limit (killed). Afterwards the input must be byte-identical and the folder hold nothing
new. Prints the table of measures, the peak memory of the xlsx dimension bomb, and the modes
of the recovery folder and files.

Issue 21 added the writing commands (``fuzz_corpus.write_cases``: snapshot, snapshot --from,
scenario add, import --into, distribute/rebalance -o, export, compare -o, memo, template, with
hostile and ordinary arguments) under a "write, then reopen" oracle: a run that exits 0 must
leave files that open again (``fuzz_corpus.reopen_problems``), a refused one must leave the
folder as it was; and the big inputs of the issue (a 63 MB JSON bomb in a team file, a 97 MB
CSV of 249,000 rows under ``import --check`` and ``snapshot --from``), timed with peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import fuzz_corpus as fc  # noqa: E402

# The child's own peak: VmHWM of its address space (ru_maxrss is kept across exec on Linux, so it
# would report this process's peak where that is higher).
_PEAK = (
    "import resource, sys, runpy\n"
    "sys.argv = ['sagstal', *sys.argv[1:]]\n"
    "from sagstal_desktop.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "try:\n"
    "    hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
    "except (OSError, StopIteration):\n"
    "    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "sys.stderr.write('PEAK_KB=%d\\n' % hwm)\n"
    "sys.exit(code)\n"
)


def run_cli(args: list[str], timeout: float) -> tuple[str, float, int]:
    """(outcome, seconds, peak KB): outcome is ok, refused, crash or hang."""
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", _PEAK, *args], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "hang", time.perf_counter() - started, 0
    seconds = time.perf_counter() - started
    peak = next((int(line[8:]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB=")), 0)
    if "Traceback" in done.stderr or done.returncode not in (0, 1, 2):
        return "crash", seconds, peak
    return ("ok" if done.returncode == 0 else "refused"), seconds, peak


def check_write_case(case, timeout: float, stats: dict, failures: list) -> None:
    """One writing command in its own process, then the write-then-reopen oracle."""
    name, build, side, argv = case
    kind = "write " + name.split("_")[0] + ("" if name.split("_")[0] not in ("snapshot", "scenario") else
                                             "_" + name.split("_")[1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = build(folder)
        extra = side(folder) if side is not None else None
        before = fc.snapshot_folder(folder)
        outcome, seconds, peak = run_cli(argv(path, extra, folder), timeout)
        s = stats[kind]
        s["tried"] += 1
        s[outcome] += 1
        s["max_s"] = max(s["max_s"], seconds)
        s["peak_kb"] = max(s["peak_kb"], peak)
        if outcome == "ok":
            problems = fc.reopen_problems(folder, before)
            if problems:
                s["unopenable"] += 1
                failures.append((name, "write, then reopen", problems[:3]))
        elif outcome == "refused":
            if fc.snapshot_folder(folder) != before:
                s["partial"] += 1
                failures.append((name, "refused but the folder changed"))
        else:
            failures.append((name, outcome))


def big_inputs(timeout: float) -> list[str]:
    """The issue's big inputs, each timed with its peak memory."""
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bomb = fc.json_bomb(20_000_000)(folder)
        size = bomb.stat().st_size / 2**20
        outcome, seconds, peak = run_cli(["summary", str(bomb)], timeout)
        lines.append(f"JSON bomb ({size:.0f} MB file, one snapshot of 20 million []): summary {outcome} in "
                     f"{seconds:.2f} s, peak {peak / 1024:.0f} MB")
        bomb.unlink()
        csv = folder / "stor.csv"
        with open(csv, "w", encoding="utf-8") as fh:
            fh.write("Navn;Timer;Sygedagpenge;Note\n")
            pad = "x" * 360
            for i in range(249_000):
                fh.write(f"Person {i};37;{i % 60};{pad}\n")
        size = csv.stat().st_size / 2**20
        team = fc.valid_file(folder)
        for label, args in (("import --check", ["import", str(csv), "--check"]),
                            ("snapshot --from", ["snapshot", str(team), "--from", str(csv)])):
            outcome, seconds, peak = run_cli(args, timeout)
            lines.append(f"{size:.0f} MB CSV, 249,000 rows: {label} {outcome} in {seconds:.2f} s, "
                         f"peak {peak / 1024:.0f} MB")
    return lines


def check_case(kind: str, build, commands, timeout: float, stats: dict, failures: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = build(folder)
        if path is None:
            return
        before = fc.snapshot_folder(folder)
        for command in commands:
            args = command(path, folder)
            outcome, seconds, peak = run_cli(args, timeout)
            s = stats[kind]
            s["tried"] += 1
            s[outcome] += 1
            s["max_s"] = max(s["max_s"], seconds)
            s["peak_kb"] = max(s["peak_kb"], peak)
            after = fc.snapshot_folder(folder)
            if {k: v for k, v in after.items() if k in before} != before:
                s["modified"] += 1
                failures.append((kind, args, "input modified"))
            extra = set(after) - set(before)
            if outcome != "ok" and extra:
                s["partial"] += 1
                failures.append((kind, args, f"left {sorted(extra)}"))
            for name in extra:  # an accepted run's output is removed before the next command
                target = folder / name
                if target.is_file():
                    target.unlink()
            if outcome in ("crash", "hang"):
                failures.append((kind, args, outcome))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, default=200, help="random byte-flip mutations of a team file")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a run counts as a hang")
    parser.add_argument("--no-big", action="store_true", help="skip the big inputs (63 MB bomb, 97 MB CSV)")
    args = parser.parse_args()
    stats: dict[str, Counter] = defaultdict(Counter)
    failures: list = []

    team_commands = [
        lambda p, f: ["summary", str(p)],
        lambda p, f: ["memo", str(p), "-o", str(f / "memo.pdf")],
        lambda p, f: ["export", str(p), "-o", str(f / "out.csv")],
    ]
    sheet_commands = [
        lambda p, f: ["import", str(p), "--check"],
        lambda p, f: ["import", str(p), "-o", str(f / "out.sagstal")],
    ]
    for _name, build in fc.sagstal_cases():
        check_case(".sagstal crafted", build, team_commands, args.timeout, stats, failures)
    rng = random.Random(2026)
    for _ in range(args.random):
        seed = rng.randrange(2**32)
        check_case(".sagstal random", lambda f, s=seed: fc.flip_bytes(f, s), team_commands[:1], args.timeout,
                   stats, failures)
    for _name, build in fc.sheet_cases():
        check_case("xlsx/csv", build, sheet_commands, args.timeout, stats, failures)
    memo_commands = [
        lambda p, f, y=y: ["memo", str(p), "-o", str(f / "memo.pdf"), "--budget-years", str(y)]
        for y in (0, 1000, 10**7)
    ] + [lambda p, f: ["memo", str(p), "-o", str(f / "memo.pdf"), "--budget-first-year", "10000000"]]
    check_case("memo inputs", fc.valid_file, memo_commands, args.timeout, stats, failures)

    for case in fc.write_cases():
        check_write_case(case, args.timeout, stats, failures)

    bomb = Counter()
    check_case("xlsx bomb", fc.dimension_bomb, sheet_commands[:1], args.timeout, {"xlsx bomb": bomb}, failures)

    print(f"{'kind':<22} {'tried':>6} {'refused':>8} {'accepted':>9} {'crashes':>8} {'hangs':>6} "
          f"{'partial':>8} {'modified':>9} {'unopenable':>11} {'max s':>6} {'peak MB':>8}")
    total = Counter()
    for kind, s in stats.items():
        total.update({k: v for k, v in s.items() if k not in ("max_s", "peak_kb")})
        print(f"{kind:<22} {s['tried']:>6} {s['refused']:>8} {s['ok']:>9} {s['crash']:>8} {s['hang']:>6} "
              f"{s['partial']:>8} {s['modified']:>9} {s['unopenable']:>11} {s['max_s']:>6.2f} "
              f"{s['peak_kb'] / 1024:>8.0f}")
    print(f"{'total':<22} {total['tried']:>6} {total['refused']:>8} {total['ok']:>9} {total['crash']:>8} "
          f"{total['hang']:>6} {total['partial']:>8} {total['modified']:>9} {total['unopenable']:>11}")
    if not args.no_big:
        for line in big_inputs(max(args.timeout, 60.0)):
            print(line)
    print(f"peak memory on the xlsx dimension bomb: {bomb['peak_kb'] / 1024:.0f} MB "
          f"(baseline: the same process reading a valid 6-person team file: {_baseline_peak_mb():.0f} MB)")
    print(recovery_modes())
    for failure in failures[:20]:
        print("FAIL", failure)
    return 1 if failures else 0


def _baseline_peak_mb() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = fc.valid_file(Path(tmp))
        _o, _s, peak = run_cli(["summary", str(path)], 60)
    return peak / 1024


_RECOVERY = """
import json, os, sys
from datetime import date
from PySide6.QtWidgets import QApplication
app = QApplication([])
from sagstal_desktop.gui.team_document import Document
from sagstal_desktop.io.document import load_team
os.chdir(os.path.dirname(sys.argv[1]))
doc = Document(load_team(sys.argv[1]), os.path.basename(sys.argv[1]), as_of=date(2026, 11, 22))
doc.set_count(doc.team.staff[0].id, "sygedagpenge", 7, "edit")
doc.autosave_in_background()
doc.wait_for_autosave(60)
from sagstal_desktop.user_folders import recovery_dir, data_dir
folder = recovery_dir()
files = sorted(folder.iterdir())
meta = json.loads(next(f for f in files if f.suffix == ".json").read_text())
print(json.dumps({"data": oct(data_dir().stat().st_mode & 0o777), "recovery": oct(folder.stat().st_mode & 0o777),
                  "files": sorted({oct(f.stat().st_mode & 0o777) for f in files}), "path": meta["path"]}))
os._exit(0)
"""


def recovery_modes() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SAGSTAL_DATA_DIR=str(Path(tmp) / "data"), QT_QPA_PLATFORM="offscreen")
        path = fc.valid_file(Path(tmp))
        done = subprocess.run([sys.executable, "-c", _RECOVERY, str(path)], capture_output=True, text=True,
                              env=env, timeout=120)
        if done.returncode != 0:
            return f"recovery: could not measure ({done.stderr.strip()[-200:]})"
        info = json.loads(done.stdout.strip().splitlines()[-1])
        return (f"recovery: data folder {info['data']}, recovery folder {info['recovery']}, files {info['files']}, "
                f"record path absolute: {os.path.isabs(info['path'])}")


if __name__ == "__main__":
    raise SystemExit(main())
