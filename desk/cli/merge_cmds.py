"""`desk merge` (a colleague's coding as their layer) and `desk blind` (code without seeing it)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.cli.common import add_json_arg, add_project_arg, open_project, print_json
from desk.core.coding.merge import MergePlan, apply_merge, plan_merge
from desk.core.errors import InputError
from desk.core.services.annotator import default_annotator


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "merge", help="bring another analyst's coding in as their layer",
        description="THEIRS is another .desk file, or its Desk JSON or ELAN (.eaf) export, "
                    "of the same recording (checked by content fingerprint; a different "
                    "transcript is fine). Tags are matched by name; tags MINE lacks are only "
                    "made when asked. One undoable step; merging the same file again adds "
                    "nothing.")
    p.add_argument("mine", metavar="MINE", help="your .desk project (written)")
    p.add_argument("theirs", metavar="THEIRS", help="their .desk, .json or .eaf (only read)")
    p.add_argument("--as", dest="as_name", metavar="NAME",
                   help="the annotator name of their layer (default: their own names)")
    tags = p.add_mutually_exclusive_group()
    tags.add_argument("--add-tags", nargs="*", metavar="TAG",
                      help="make these of their tags here (all new ones if none is named)")
    tags.add_argument("--skip-new-tags", action="store_true",
                      help="leave out their annotations with tags MINE lacks")
    p.add_argument("--codebook", action="store_true",
                   help="also take their tag definitions (description, colour, keywords) "
                        "and every tag of theirs")
    p.add_argument("--speakers", action="store_true",
                   help="also name your unnamed segments after their speaker turns")
    p.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    p.add_argument("--annotator", default=None, help="who merges (default: $DESK_ANNOTATOR)")
    add_json_arg(p)
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("blind", help="blind coding: each coder sees only their own layer",
                       description="Without --on/--off, say whether blind coding is on.")
    add_project_arg(p)
    switch = p.add_mutually_exclusive_group()
    switch.add_argument("--on", action="store_true", help="hide other annotators' layers")
    switch.add_argument("--off", action="store_true", help="show every layer again")
    p.set_defaults(func=cmd_blind)


def cmd_merge(args: argparse.Namespace) -> int:
    with open_project(args.mine, writable=not args.dry_run) as project:
        plan = plan_merge(project, Path(args.theirs), args.as_name)
        used = {t.name: n for t, n in ((t, plan.uses[t.name]) for t in plan.new_tags) if n}
        decided = args.add_tags is not None or args.skip_new_tags or args.codebook
        if used and not decided and not args.dry_run:
            listed = ", ".join(f"{name} ({n})" for name, n in used.items())
            raise InputError(f"{Path(args.theirs).name} codes with tags {Path(args.mine).name} "
                             f"lacks: {listed}; make them with --add-tags [TAG ...] or leave "
                             "those annotations out with --skip-new-tags")
        add = [t.name for t in plan.new_tags] if args.add_tags == [] else (args.add_tags or [])
        if args.dry_run:
            return _report_plan(args, plan)
        who = args.annotator if args.annotator is not None else default_annotator()
        summary = apply_merge(project, plan, add, args.codebook, args.speakers, who)
    if args.json:
        print_json({"source": summary.source, "annotators": summary.annotators,
                    "added": summary.added, "already": summary.already,
                    "skipped": summary.skipped, "tags_added": summary.tags_added,
                    "definitions": summary.definitions, "speakers": summary.speakers})
    else:
        print(summary.message)
    return 0


def _report_plan(args: argparse.Namespace, plan: MergePlan) -> int:
    facts = {"source": plan.source.name, "annotators": plan.annotators,
             "new_annotations": len(plan.annotations), "already": plan.already,
             "new_tags": {t.name: plan.uses[t.name] for t in plan.new_tags},
             "different_definitions": [ours.name for ours, _ in plan.definitions],
             "speakers_to_name": len(plan.speakers)}
    if args.json:
        print_json(facts)
        return 0
    print(f"{plan.source.name} ({', '.join(plan.annotators) or 'no annotator'}): "
          f"{len(plan.annotations)} new annotations, {plan.already} already here")
    for tag in plan.new_tags:
        print(f"  new tag {tag.name}: {plan.uses[tag.name]} annotations")
    for ours, _ in plan.definitions:
        print(f"  tag {ours.name}: their description, colour or keywords differ")
    if plan.speakers:
        print(f"  {len(plan.speakers)} unnamed segments could take their speaker")
    return 0


def cmd_blind(args: argparse.Namespace) -> int:
    with open_project(args.project, writable=args.on or args.off) as project:
        if args.on or args.off:
            project.settings.set_blind_coding(args.on)
        state = project.settings.blind_coding
    print(f"blind coding is {'on' if state else 'off'} in {Path(args.project).name}"
          + (": each coder sees only their own layer" if state else ""))
    return 0
