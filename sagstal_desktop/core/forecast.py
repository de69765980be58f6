"""The forecast: the next months' caseload per case type from intake and closures, with a band.

Sagstal's documented default method, per case type (better methods may be added beside it,
never silently instead):

* the record is every calendar month from the team's first to its last month with flows; a
  month without a row for a type counts as no new and no closed cases of that type;
* the cases open at the start of each month are worked back from today's counts: today's count
  is the stock after the last month of the record, and open(m) = open(m+1) - new(m) + closed(m);
  where a snapshot was taken on a month's first day (``snapshot_stocks``), its counts are the
  stock at that month's start, and the months before are worked back from them;
* arrivals lambda = mean new cases per month over the last W months (``forecast_window_months``,
  at least ``forecast_min_window_months``);
* exit rate h = closed / open at the start of the month, averaged over the same months (months
  with no cases open are left out of the average; none left: h = 0);
* stock N(k+1) = N(k) * (1 - h) + lambda, from today's counts (N(0)); month k is the first day
  of the k-th month after today's;
* the band (``forecast_band_pct``, 80 %) is propagated analytically, not simulated: each month's
  closures are binomial (each open case closes with probability h) and its arrivals Poisson
  (mean lambda), so the mean and variance follow the recursions
  mean(k+1) = mean(k)(1-h) + lambda and var(k+1) = var(k)(1-h)^2 + mean(k) h (1-h) + lambda;
  the uncertainty of lambda and h themselves (estimated from W months: var(lambda) = lambda / W,
  var(h) = sum of h(1-h)/open(m) / n^2) is added by the delta method, so the band narrows as W
  grows; the band is mean +- z * sd with a normal approximation, never below 0;
* FTE needed at the norm set's maximum per month = sum of N_t / max_t over the types the set
  measures; available FTE per month is the team (or a scenario's variant, with its absences)
  computed on that month's first day, so dated reductions, newcomer periods ending and absences
  count; ``crosses_max`` is the first month whose expected FTE needed exceeds the available FTE;
* what-if: intake changed by ``intake_change_pct`` % (lambda times 1 + pct / 100);
* backtest (with ``forecast_backtest_min_months`` or more months): each month that has W months
  before it is forecast one month ahead from those months, for the team's total; the median
  absolute error is compared with "the same as today" (next month's stock = this month's), and
  the share of actual months inside the band is reported.

Pure Python: no numpy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from statistics import NormalDist, median

from sagstal_desktop.core.flows import Flow, by_type, month_after
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.scenario_model import Absence
from sagstal_desktop.core.validation import limits

#: How the band is made (printed with it).
BAND_METHOD = "analytic"


class ForecastError(ValueError):
    """Too little data, or a choice out of bounds. ``code`` names what is missing:

    * ``no_flows``: the team has no intake and closures;
    * ``too_few_months``: fewer months of flows (``have``) than the window (``need``);
    * ``window_range``: a window below the minimum (``need``) or above ``have``;
    * ``months_range``: months ahead outside 1-``need``;
    * ``intake_range``: an intake change outside the range (``need`` is the (low, high) pair).
    """

    def __init__(self, code: str, have: int | float = 0, need: object = 0) -> None:
        self.code, self.have, self.need = code, have, need
        super().__init__(f"{code}: have {have}, need {need}")


@dataclass(frozen=True)
class TypeMethod:
    """One case type's inputs: the months used, lambda, h and their estimated variances."""

    case_type: str
    months: tuple[date, ...]
    arrivals: float  # lambda, new cases per month (before any what-if)
    exit_rate: float  # h, share of open cases closed per month
    arrivals_var: float
    exit_rate_var: float
    start: int  # today's count
    #: (cases closed, cases open at the months' start) over the window when the closures exceed
    #: the open cases and ``exit_rate`` is capped at 100 %; None otherwise
    capped: tuple[int, int] | None = None


@dataclass(frozen=True)
class Band:
    expected: float
    low: float
    high: float


@dataclass(frozen=True)
class MonthForecast:
    month: date
    cases: dict[str, Band]
    total: Band
    fte_needed_max: Band
    available_fte: float
    unmeasured_cases: float = 0.0  # expected cases of types the norm set has no range for

    @property
    def over_max(self) -> bool:
        return self.fte_needed_max.expected > self.available_fte + 1e-9


@dataclass(frozen=True)
class Backtest:
    """One-month-ahead forecasts of the team's total for ``months`` past months."""

    months: int
    first: date
    last: date
    median_abs_error: float
    naive_median_abs_error: float
    coverage_pct: float

    @property
    def worse_than_naive(self) -> bool:
        return self.median_abs_error > self.naive_median_abs_error


@dataclass(frozen=True)
class Forecast:
    as_of: date
    window: int
    band_pct: float
    intake_change_pct: float
    methods: dict[str, TypeMethod]
    held: dict[str, int]  # types with cases today but no flows: held at today's count
    months: list[MonthForecast]
    backtest: Backtest | None
    backtest_reason: str  # "" with a backtest; else why not ("too_few_months")
    record: tuple[date, date]  # the first and last month of flows
    window_months: tuple[date, ...]  # the months lambda and h are taken from
    norm_set_id: str
    scenario: str = ""
    band_method: str = BAND_METHOD
    unmeasured_types: tuple[str, ...] = field(default=())
    #: Months whose cases open at the start come from a snapshot taken on their first day.
    measured_months: tuple[date, ...] = field(default=())

    @property
    def crosses_max(self) -> date | None:
        """The first month in which the team is expected to need more FTE at the maximum than it
        has, or None."""
        return next((m.month for m in self.months if m.over_max), None)

    @property
    def backtest_months_needed(self) -> int:
        return int(limits()["forecast_backtest_min_months"])


# -- the method ---------------------------------------------------------------------------------


def z_value(band_pct: float) -> float:
    """The normal quantile of a central band of ``band_pct`` % (80 -> 1.2816)."""
    return NormalDist().inv_cdf(0.5 + band_pct / 200.0)


def record_months(flows: Iterable[Flow]) -> list[date]:
    """Every calendar month from the first to the last month with flows."""
    months = sorted({f.month for f in flows})
    if not months:
        return []
    out = [months[0]]
    while out[-1] < months[-1]:
        out.append(month_after(out[-1]))
    return out


def open_at_start(rows: dict[date, Flow], months: Sequence[date], today: int,
                  measured: dict[date, int] | None = None) -> list[float]:
    """Cases open at the start of each of ``months``, worked back from ``today`` (the stock after
    the last month); where ``measured`` (a snapshot's count) has a month, that count is the stock
    at its start and the months before are worked back from it. May be negative where the flows
    do not fit the counts."""
    opens = [0.0] * len(months)
    stock = float(today)
    for i in range(len(months) - 1, -1, -1):
        flow = rows.get(months[i])
        if flow is not None:
            stock = stock - flow.new + flow.closed
        if measured and months[i] in measured:
            stock = float(measured[months[i]])
        opens[i] = stock
    return opens


def snapshot_stocks(team: Team) -> dict[date, dict[str, int]]:
    """Cases per type at the start of a month, from the snapshots dated on a month's first day
    that hold the team's inputs (a row from a spreadsheet of figures holds no counts); of two on
    one day the later in the file counts."""
    from sagstal_desktop.core.history import snapshot_date

    out: dict[date, dict[str, int]] = {}
    for snapshot in team.snapshots:
        day = snapshot_date(snapshot)
        staff = (snapshot.data.get("inputs") or {}).get("staff") if isinstance(snapshot.data, dict) else None
        if day.day != 1 or not isinstance(staff, list):
            continue
        totals: dict[str, int] = {}
        for member in staff:
            for case_type, n in ((member or {}).get("counts") or {}).items():
                if isinstance(n, int) and not isinstance(n, bool) and n >= 0:
                    totals[str(case_type)] = totals.get(str(case_type), 0) + n
        out[day] = totals
    return out


def _measured(stocks: dict[date, dict[str, int]], case_type: str, record: Sequence[date]) -> dict[date, int]:
    """The snapshot counts of ``case_type`` at the start of the record's months (0 for a type a
    snapshot does not hold)."""
    wanted = set(record)
    return {day: totals.get(case_type, 0) for day, totals in stocks.items() if day in wanted}


def estimate(rows: dict[date, Flow], months: Sequence[date], opens: Sequence[float], start: int,
             case_type: str) -> TypeMethod:
    """lambda and h (and their variances) of one type over ``months`` (the window)."""
    new = [rows[m].new if m in rows else 0 for m in months]
    closed = [rows[m].closed if m in rows else 0 for m in months]
    w = len(months)
    lam = sum(new) / w
    rates = [(c / o, o) for c, o in zip(closed, opens, strict=True) if o > 0]
    capped = None
    if rates:
        mean = sum(r for r, _ in rates) / len(rates)
        h = min(1.0, mean)
        h_var = sum(h * (1 - h) / o for _, o in rates) / len(rates) ** 2
        if mean > 1.0:  # the flows and the counts disagree: more closed than were open
            capped = (sum(c for c, o in zip(closed, opens, strict=True) if o > 0),
                      round(sum(o for _, o in rates)))
    else:
        h, h_var = 0.0, 0.0
    return TypeMethod(case_type, tuple(months), lam, h, lam / w, h_var, start, capped)


def project(start: float, lam: float, h: float, steps: int, lam_var: float = 0.0, h_var: float = 0.0
            ) -> list[tuple[float, float]]:
    """(mean, variance) of the stock after 1..``steps`` months from ``start`` cases, arrivals
    Poisson(``lam``) and binomial exits at rate ``h``; the estimates' variances added by the delta
    method."""
    a = 1.0 - h
    mean, var, d_lam, d_h = float(start), 0.0, 0.0, 0.0
    out = []
    for _ in range(steps):
        mean, var, d_lam, d_h = (mean * a + lam, var * a * a + mean * h * a + lam,
                                 d_lam * a + 1.0, d_h * a - mean)
        out.append((mean, var + d_lam * d_lam * lam_var + d_h * d_h * h_var))
    return out


def band(mean: float, var: float, z: float) -> Band:
    sd = math.sqrt(max(var, 0.0))
    return Band(mean, max(0.0, mean - z * sd), mean + z * sd)


# -- the team -------------------------------------------------------------------------------------


def today_counts(team: Team) -> dict[str, int]:
    """The team's cases per type today (every person's counts added up)."""
    totals: dict[str, int] = {}
    for person in team.staff:
        for case_type, n in person.counts.items():
            if n:
                totals[case_type] = totals.get(case_type, 0) + n
    return totals


def available_fte(team: Team, on: date, absences: Iterable[Absence] = ()) -> float:
    """Available FTE on ``on``: the team's capacity that day (dated reductions, newcomer periods)
    with ``absences`` active that day taking their people's capacity (no redistribution)."""
    from sagstal_desktop.core.scenarios import evaluate

    return evaluate(team, on, absences, redistribute=False, positions_take_cases=False).summary.available_fte


def check_choices(months: int, window: int, intake_change_pct: float) -> None:
    """Raise ``ForecastError`` for months ahead, a window or an intake change out of bounds."""
    lim = limits()
    if not 1 <= months <= int(lim["forecast_max_months"]):
        raise ForecastError("months_range", months, int(lim["forecast_max_months"]))
    if window < int(lim["forecast_min_window_months"]):
        raise ForecastError("window_range", window, int(lim["forecast_min_window_months"]))
    low, high = lim["forecast_intake_change_range"]
    if not (math.isfinite(intake_change_pct) and low <= intake_change_pct <= high):
        raise ForecastError("intake_range", intake_change_pct, (low, high))


def forecast(team: Team, as_of: date, months: int | None = None, window: int | None = None,
             intake_change_pct: float = 0.0, scenario: str = "", norm_set: NormSet | None = None) -> Forecast:
    """The forecast for ``team`` from ``as_of`` (its counts are today's). With ``scenario`` (a
    scenario's name) the scenario's variant gives the counts and the available FTE, with its
    absences. ``norm_set`` (default: the team's or the variant's choice) measures FTE needed.
    Raises ``ForecastError`` (too little data, a choice out of bounds) or
    ``ScenarioError`` (an unknown scenario)."""
    lim = limits()
    months = int(lim["forecast_months"]) if months is None else months
    window = int(lim["forecast_window_months"]) if window is None else window
    check_choices(months, window, intake_change_pct)
    # only months that have ended by ``as_of`` are history: today's counts are the stock after the
    # last of them, and a month of the as-of month or later (entered ahead, or an earlier as-of
    # date) would be counted as if it had happened
    this_month = as_of.replace(day=1)
    if any(f.month >= this_month for f in team.flows):
        team = replace(team, flows=[f for f in team.flows if f.month < this_month])
    if not team.flows:
        raise ForecastError("no_flows", 0, window)
    record = record_months(team.flows)
    if len(record) < window:
        raise ForecastError("too_few_months", len(record), window)
    absences: list[Absence] = []
    work = team
    if scenario:
        from sagstal_desktop.core.scenarios import find, materialise

        chosen = find(team, scenario)
        work, absences = materialise(chosen, team), list(chosen.absences)
    norm_set = norm_set or work.norm_set()
    counts = today_counts(work)
    flows = by_type(team.flows)
    band_pct = float(lim["forecast_band_pct"])
    z = z_value(band_pct)
    factor = 1.0 + intake_change_pct / 100.0
    used = record[-window:]
    stocks = snapshot_stocks(team)
    methods: dict[str, TypeMethod] = {}
    paths: dict[str, list[tuple[float, float]]] = {}
    for case_type in sorted(flows):
        rows = flows[case_type]
        opens = open_at_start(rows, record, counts.get(case_type, 0), _measured(stocks, case_type, record))
        method = estimate(rows, used, opens[-window:], counts.get(case_type, 0), case_type)
        methods[case_type] = method
        paths[case_type] = project(method.start, method.arrivals * factor, method.exit_rate, months,
                                   method.arrivals_var * factor * factor, method.exit_rate_var)
    held = {t: n for t, n in sorted(counts.items()) if t not in flows}
    out = []
    unmeasured = tuple(t for t in [*methods, *held] if norm_set.norm_for(t) is None)
    for k in range(months):
        day = month_after(as_of.replace(day=1), k + 1)
        cases = {t: band(*paths[t][k], z) for t in methods}
        cases.update({t: Band(float(n), float(n), float(n)) for t, n in held.items()})
        total_mean = sum(paths[t][k][0] for t in methods) + sum(held.values())
        total_var = sum(paths[t][k][1] for t in methods)
        fte_mean = fte_var = 0.0
        lost = 0.0
        for t, b in cases.items():
            norm = norm_set.norm_for(t)
            if norm is None:
                lost += b.expected
                continue
            fte_mean += b.expected / norm.max
            if t in paths:
                fte_var += paths[t][k][1] / norm.max ** 2
        out.append(MonthForecast(day, cases, band(total_mean, total_var, z), band(fte_mean, fte_var, z),
                                 available_fte(work, day, absences), lost))
    bt, reason = backtest(team, counts, window, z)
    return Forecast(as_of, window, band_pct, intake_change_pct, methods, held, out, bt, reason,
                    (record[0], record[-1]), tuple(used), norm_set.id, scenario, unmeasured_types=unmeasured,
                    measured_months=tuple(sorted(d for d in stocks if d in set(record))))


def backtest(team: Team, counts: dict[str, int], window: int, z: float) -> tuple[Backtest | None, str]:
    """One-month-ahead forecasts of the team's total for every month of the record that has
    ``window`` months before it; (None, "too_few_months") with fewer than
    ``forecast_backtest_min_months`` months of flows."""
    record = record_months(team.flows)
    if len(record) < int(limits()["forecast_backtest_min_months"]) or len(record) <= window:
        return None, "too_few_months"
    flows = by_type(team.flows)
    stocks = snapshot_stocks(team)
    opens = {t: open_at_start(rows, record, counts.get(t, 0), _measured(stocks, t, record))
             for t, rows in flows.items()}
    errors, naive, inside = [], [], 0
    for i in range(window, len(record)):
        mean = var = now = actual = 0.0
        for t, rows in flows.items():
            o = opens[t]
            method = estimate(rows, record[i - window:i], o[i - window:i], 0, t)
            (m, v), = project(o[i], method.arrivals, method.exit_rate, 1, method.arrivals_var,
                              method.exit_rate_var)
            mean, var, now = mean + m, var + v, now + o[i]
            actual += o[i + 1] if i + 1 < len(record) else counts.get(t, 0)
        b = band(mean, var, z)
        errors.append(abs(mean - actual))
        naive.append(abs(now - actual))
        inside += b.low - 1e-9 <= actual <= b.high + 1e-9
    n = len(errors)
    return Backtest(n, record[window], record[-1], median(errors), median(naive), 100.0 * inside / n), ""


def _band_dict(b: Band) -> dict[str, float]:
    return {"expected": b.expected, "low": b.low, "high": b.high}


def to_json(result: Forecast, warnings: Sequence[str] = ()) -> dict:
    """The forecast as the CLI's ``--json`` prints it (the keys issue 28 lists, plus
    ``method.band_method``, ``method.intake_change_pct`` and ``warnings``, the translated
    warnings of ``forecast_text.warning_lines``)."""
    bt = result.backtest
    return {
        "warnings": list(warnings),
        "months": [{
            "month": m.month.strftime("%Y-%m"),
            "cases": {t: _band_dict(b) for t, b in m.cases.items()},
            "total_expected": m.total.expected, "total_low": m.total.low, "total_high": m.total.high,
            "fte_needed_max": _band_dict(m.fte_needed_max),
            "available_fte": m.available_fte,
        } for m in result.months],
        "method": {
            "window_months": result.window,
            "arrivals_per_month": {t: m.arrivals for t, m in result.methods.items()},
            "exit_rate": {t: m.exit_rate for t, m in result.methods.items()},
            "band_pct": result.band_pct,
            "band_method": result.band_method,
            "intake_change_pct": result.intake_change_pct,
        },
        "backtest": None if bt is None else {
            "months": bt.months, "median_abs_error": bt.median_abs_error,
            "naive_median_abs_error": bt.naive_median_abs_error, "coverage_pct": bt.coverage_pct,
        },
        "backtest_reason": None if bt is not None else result.backtest_reason,
        "crosses_max": result.crosses_max.strftime("%Y-%m") if result.crosses_max else None,
    }
