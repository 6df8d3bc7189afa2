"""`desk agreement`, `desk disagreements`, `desk adjudicate`: several analysts, one recording."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.cli.common import add_json_arg, add_project_arg, open_project, print_json, print_table
from desk.core.coding import adjudication
from desk.core.coding.disagreements import DEFAULT_TOLERANCE
from desk.core.errors import InputError
from desk.core.services.annotator import default_annotator
from desk.core.timecode import format_time, parse_time


def _add_comparison_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--annotators", nargs="+", metavar="NAME",
                   help="who to compare (default: everyone who coded, not the consensus)")
    p.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE, metavar="SECONDS",
                   help=f"boundaries this close count as the same (default {DEFAULT_TOLERANCE:g})")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "agreement", help="intercoder agreement: κ, α, α_u and γ per tag, with 95 %% intervals",
        description="Percent agreement, Cohen's κ (two annotators) or Fleiss' κ (more) and "
                    "Krippendorff's α on time slices (with and without the slices nobody "
                    "coded), α_u for unitizing and γ for overlapping units, per tag and over "
                    "all tags, each with a seeded bootstrap 95 % interval and its reading "
                    "(α ≥ 0.800 reliable, ≥ 0.667 tentative).")
    add_project_arg(p)
    _add_comparison_args(p)
    p.add_argument("--tags", nargs="+", metavar="TAG", help="only these tags")
    p.add_argument("--slice", type=float, default=0.1, metavar="SECONDS",
                   help="time slice for κ and α (default 0.1)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--replicates", type=int, default=1000, metavar="N",
                   help="bootstrap replicates (default 1000)")
    p.add_argument("--html", metavar="OUT", help="also write the report as a web page")
    p.add_argument("--csv", metavar="OUT",
                   help="also write the table as CSV (and OUT.disagreements.csv)")
    add_json_arg(p)
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("disagreements", help="where annotators differ, largest first",
                       description="One coded and the other not; same span, different tag; "
                                   "boundaries further apart than the tolerance.")
    add_project_arg(p)
    _add_comparison_args(p)
    add_json_arg(p)
    p.set_defaults(func=cmd_disagreements)

    p = sub.add_parser(
        "adjudicate", help="settle a disagreement into the consensus layer",
        description="WHICH is a disagreement's number in `desk disagreements` (1 = largest) "
                    "or its key. The result goes to annotator 'consensus'; who decided, how "
                    "and from which annotations is kept in the history.")
    add_project_arg(p)
    p.add_argument("which", metavar="WHICH", nargs="?", help="number or key of a disagreement")
    rule = p.add_mutually_exclusive_group(required=True)
    rule.add_argument("--take", metavar="NAME", help="take this annotator's coding")
    rule.add_argument("--union", action="store_true", help="the union of the codings")
    rule.add_argument("--intersection", action="store_true", help="what all coded")
    rule.add_argument("--edit", nargs=3, metavar=("TAG", "START", "END"),
                      help="this tag and range instead")
    rule.add_argument("--agreed", action="store_true",
                      help="copy every stretch the annotators agree on (no WHICH)")
    _add_comparison_args(p)
    p.add_argument("--annotator", default=None, help="who decides (default: $DESK_ANNOTATOR)")
    p.set_defaults(func=cmd_adjudicate)


def cmd_agreement(args: argparse.Namespace) -> int:
    from desk.core.coding.agreement.measure import Settings
    from desk.core.coding.agreement.run import compare
    from desk.core.formats import agreement_report

    if args.replicates < 10:
        raise InputError(f"--replicates must be at least 10, not {args.replicates}")
    settings = Settings(slice_seconds=args.slice, seed=args.seed, replicates=args.replicates)
    with open_project(args.project, writable=False) as project:
        comparison = compare(project, args.annotators, args.tags, settings, args.tolerance)
    result, found = comparison.result, comparison.disagreements
    title = f"Agreement: {Path(args.project).stem}"
    written = []
    if args.html:
        written.append(agreement_report.write_html(Path(args.html), result, found, title))
    if args.csv:
        written += agreement_report.write_csv(Path(args.csv), result, found)
    if args.json:
        print_json({**result.to_json(), "disagreements": len(found)})
        return 0
    headers, rows = agreement_report.table(result)
    print_table(rows, headers)
    print()
    for line in agreement_report.settings_lines(result):
        print(line)
    print(f"{len(found)} disagreements (desk disagreements {args.project})")
    for path in written:
        print(f"wrote {path}")
    return 0


def cmd_disagreements(args: argparse.Namespace) -> int:
    with open_project(args.project, writable=False) as project:
        found = adjudication.disagreements(project, args.annotators, args.tolerance)
        decided = adjudication.decided_keys(project)
    if args.json:
        print_json([{**d.to_json(), "rank": i, "decided": d.key in decided}
                    for i, d in enumerate(found, start=1)])
        return 0
    print_table([[str(i), d.kind, format_time(d.start, True), format_time(d.end, True),
                  f"{d.size:.1f} s", "yes" if d.key in decided else "", d.describe()]
                 for i, d in enumerate(found, start=1)],
                ["#", "kind", "start", "end", "size", "decided", "codings"])
    if not found:
        print("no disagreements")
    return 0


def cmd_adjudicate(args: argparse.Namespace) -> int:
    who = args.annotator if args.annotator is not None else default_annotator()
    with open_project(args.project) as project:
        if args.agreed:
            if args.which:
                raise InputError("--agreed takes every agreement; leave out WHICH")
            count = adjudication.take_agreements(project, args.annotators, args.tolerance, who)
            print(f"took {count} agreed stretch{'es' if count != 1 else ''} into the consensus")
            return 0
        if not args.which:
            raise InputError("which disagreement? give its number or key "
                             f"(see `desk disagreements {args.project}`)")
        found = adjudication.disagreements(project, args.annotators, args.tolerance)
        chosen = adjudication.find(found, args.which)
        if args.take:
            decision = adjudication.decide(project, chosen, "take", who, annotator=args.take)
        elif args.edit:
            tag, start, end = args.edit
            decision = adjudication.decide(project, chosen, "edit", who,
                                           edit=(tag, parse_time(start), parse_time(end)))
        else:
            rule = "union" if args.union else "intersection"
            decision = adjudication.decide(project, chosen, rule, who)
    made = len(decision.results)
    print(f"{decision.rule}: {made} consensus annotation{'s' if made != 1 else ''} for "
          f"{chosen.describe()}")
    return 0
