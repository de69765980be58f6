"""Cost of ``core.formatting``: per call against the Babel reference, and import + first call.

1. Per call, in this process: ``format_number`` (1 decimal), ``format_percent`` and ``format_date``
   on the same random values, Sagstal's own formatting against the Babel reference
   (``tests/formatting_reference.py``, the code before the fast path), alternating, median of
   ``--rounds`` rounds of ``--calls`` calls each, in microseconds a call.
2. Import + first call in a fresh process (bytecode cached by a warm-up run): from just before
   ``from sagstal_desktop.core.formatting import format_number`` to just after a Danish
   ``format_number(1.5)`` and ``format_date``; also whether Babel got imported. The Babel reference
   is measured the same way, and ``--compare CHECKOUT`` also measures another checkout's
   ``core.formatting`` (its folder first on ``PYTHONPATH``), e.g. the commit before the fast path.

    .venv/bin/python bench/bench_formatting.py [--calls 2000] [--rounds 15] [--runs 15] [--compare CHECKOUT]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from formatting_reference import reference_date, reference_number, reference_percent  # noqa: E402

from sagstal_desktop.core.formatting import format_date, format_number, format_percent  # noqa: E402

_CHILD = """
import json, sys, time
from datetime import date
start = time.perf_counter()
{imports}
number({value}, 1, "da")
day(date(2026, 11, 23), "da")
print(json.dumps({{"ms": (time.perf_counter() - start) * 1000, "babel": "babel" in sys.modules}}))
"""
_KINDS = {
    "fast": "from sagstal_desktop.core.formatting import format_number as number, format_date as day",
    "babel reference": "from formatting_reference import reference_number as number, reference_date as day",
}


def per_call(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) / calls * 1e6


def call_table(calls: int, rounds: int) -> None:
    rng = random.Random(14)
    values = [rng.choice([rng.uniform(-1e6, 1e6), rng.uniform(0, 100), round(rng.uniform(0, 50), 2)])
              for _ in range(calls)]
    fractions = [rng.uniform(0, 1.5) for _ in range(calls)]
    days = [date(2020, 1, 1) + timedelta(days=rng.randrange(3000)) for _ in range(calls)]
    cases = {
        "format_number": (lambda: [format_number(v, 1, "da") for v in values],
                          lambda: [reference_number(v, 1, "da") for v in values]),
        "format_percent": (lambda: [format_percent(f, 1, "da") for f in fractions],
                           lambda: [reference_percent(f, 1, "da") for f in fractions]),
        "format_date": (lambda: [format_date(d, "da") for d in days],
                        lambda: [reference_date(d, "da") for d in days]),
    }
    print(f"per call, µs (median of {rounds} rounds of {calls} calls, Danish)")
    print(f"  {'':16}{'fast':>8}{'Babel':>9}{'ratio':>8}")
    for name, (fast, babel) in cases.items():
        fast(), babel()  # warm-up: locale data, caches
        timed: dict[str, list[float]] = {"fast": [], "babel": []}
        for _ in range(rounds):
            timed["fast"].append(per_call(fast, calls))
            timed["babel"].append(per_call(babel, calls))
        f, b = statistics.median(timed["fast"]), statistics.median(timed["babel"])
        print(f"  {name:16}{f:8.2f}{b:9.2f}{b / f:7.1f}×")


def fresh(kind: str, path: Path, value: float) -> dict:
    imports = _KINDS.get(kind, _KINDS["fast"])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(path), str(ROOT / "tests")])}
    out = subprocess.run([sys.executable, "-c", _CHILD.format(imports=imports, value=value)], env=env,
                         capture_output=True, text=True, check=True, cwd=path).stdout
    return json.loads(out.splitlines()[-1])


def import_table(runs: int, compare: Path | None) -> None:
    kinds = {"fast": ROOT, "babel reference": ROOT}
    if compare:
        kinds[f"compare {compare.name}"] = compare
    for kind, path in kinds.items():
        fresh(kind, path, 0.5)  # warm-up: bytecode
    timed: dict[str, list[float]] = {kind: [] for kind in kinds}
    babel: dict[str, bool] = {}
    for run in range(runs):
        for kind, path in kinds.items():
            seen = fresh(kind, path, 1.5 + run)
            timed[kind].append(seen["ms"])
            babel[kind] = seen["babel"]
    print(f"import + first Danish number and date in a fresh process, ms (median of {runs} runs)")
    for kind in kinds:
        print(f"  {kind:28}{statistics.median(timed[kind]):8.1f}   babel imported: {babel[kind]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--compare", type=Path, help="another checkout whose core.formatting is timed too")
    args = parser.parse_args()
    call_table(args.calls, args.rounds)
    import_table(args.runs, args.compare.resolve() if args.compare else None)


if __name__ == "__main__":
    main()
