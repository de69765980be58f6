"""``sagstal whatif``: extra staff needed to move a caseload from one level to another
(the Copenhagen budget case: cases / target - cases / current)."""

from __future__ import annotations

import argparse

from sagstal_desktop.cli.common import (
    CliError,
    add_lang_option,
    add_pretty_option,
    non_negative_amount,
    positive_amount,
    print_json,
    say,
)
from sagstal_desktop.i18n import N_, tr


def cmd_whatif(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.formatting import format_dkk, format_number
    from sagstal_desktop.core.whatif import TargetWhatIf

    try:
        what = TargetWhatIf(args.cases, args.current, args.target, args.cost_per_fte)
    except ValueError as exc:
        raise CliError(f"whatif: {exc}") from exc
    if args.json:
        print_json({"cases": what.cases, "current": what.current, "target": what.target,
                    "fte_now": what.fte_now, "fte_at_target": what.fte_at_target, "extra_fte": what.extra_fte,
                    "cost_per_fte": what.cost_per_fte, "yearly_cost": what.yearly_cost}, pretty=args.pretty or None)
        return 0
    lang = args.lang
    n = format_number
    say(tr("{cases} cases at {current} per worker: {fte} FTE", lang).format(
        cases=n(what.cases, 0, lang), current=n(what.current, 1, lang), fte=n(what.fte_now, 2, lang)))
    say(tr("At {target} per worker: {fte} FTE", lang).format(target=n(what.target, 1, lang),
                                                               fte=n(what.fte_at_target, 2, lang)))
    say(tr("Extra FTE: {fte}", lang).format(fte=n(what.extra_fte, 2, lang)))
    if what.yearly_cost is not None:
        say(tr("Yearly cost: {amount}", lang).format(amount=format_dkk(what.yearly_cost, lang)))
    return 0



def register(sub: argparse._SubParsersAction) -> None:
    """Add ``whatif``."""
    p = sub.add_parser("whatif", help=N_("extra staff needed to move from one caseload to another"))
    p.add_argument("--cases", type=non_negative_amount, required=True, help=N_("number of cases (citizens)"))
    p.add_argument("--current", type=positive_amount, required=True, help=N_("current cases per worker"))
    p.add_argument("--target", type=positive_amount, required=True, help=N_("target cases per worker"))
    p.add_argument("--cost-per-fte", type=non_negative_amount, default=None, help=N_("yearly DKK per FTE"))
    p.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add_pretty_option(p)
    add_lang_option(p)
    p.set_defaults(func=cmd_whatif)
