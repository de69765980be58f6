"""Killed saves: SIGKILL a process while it saves a 5,000-person team, again and again.

    .venv/bin/python bench/killed_saves.py [--kills 100] [--people 5000]

A child process saves the team to the same file in a loop; it is killed at a random moment
(0-1.5 s after it is ready). After each kill the file must open and be exactly the old or the
new version (the child's first save writes the whole file, the next ones only the changed row,
``io/incremental_save.py``). At the end one more save (as the next save by the user) runs, and the script
counts the temporary files left beside the file (target 0), with how many were left before
that save (what the kills left, for comparison: the old program never removed them).
POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CHILD = """
import sys
sys.path.insert(0, sys.argv[3])
from bench_team import big_team
from sagstal_desktop.io.document import save_team
team = big_team(int(sys.argv[2]), changed=True)
print("ready", flush=True)
while True:
    save_team(team, sys.argv[1])  # the first whole, the next only what changed (io/incremental_save.py)
    team.staff[-1].counts["sygedagpenge"] ^= 1  # 41 or 40: one row changes between saves
"""

_TEAM = '''
"""A big team for bench/killed_saves.py."""
from sagstal_desktop.core.model import StaffMember, Team


def big_team(people: int, changed: bool = False) -> Team:
    team = Team()
    team.staff = [StaffMember(name=f"Medarbejder {i}", weekly_hours=37.0, counts={"sygedagpenge": 40 + changed},
                              id=f"id{i:06d}") for i in range(people)]
    return team
'''


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--people", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "helpers").mkdir()
        (folder / "helpers" / "bench_team.py").write_text(_TEAM, encoding="utf-8")
        sys.path.insert(0, str(folder / "helpers"))
        from bench_team import big_team

        from sagstal_desktop.io.document import load_team, save_team

        path = save_team(big_team(args.people), folder / "team.sagstal")
        versions = {40, 41}
        rng = random.Random(7)
        whole = 0
        for _ in range(args.kills):
            child = subprocess.Popen([sys.executable, "-c", _CHILD, str(path), str(args.people),
                                      str(folder / "helpers")], stdout=subprocess.PIPE)
            child.stdout.readline()
            time.sleep(rng.uniform(0, 1.5))
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
            team = load_team(path)
            whole += len(team.staff) == args.people and team.staff[0].counts["sygedagpenge"] in versions
        left_by_kills = len(list(folder.glob(".team.sagstal.*.tmp")))
        time.sleep(1.1)  # the clean-up never touches a temp file younger than a second
        save_team(big_team(args.people), path)
        left = len(list(folder.glob(".team.sagstal.*.tmp")))
    print(f"kills: {args.kills} saves of a {args.people}-person team")
    print(f"file whole (old or new version) after each kill: {whole}/{args.kills}")
    print(f"temp files left by the kills before the next save: {left_by_kills}")
    print(f"temp files left after the next save: {left} (target 0)")
    return 0 if left == 0 and whole == args.kills else 1


if __name__ == "__main__":
    raise SystemExit(main())
