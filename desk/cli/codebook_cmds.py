"""`desk codebook`: show, add, edit, import and export a project's tags."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.cli.common import add_json_arg, add_project_arg, open_project, print_json, print_table
from desk.core.coding.codebook import list_presets, load_codebook, save_codebook
from desk.core.errors import InputError
from desk.core.records import Tag


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "codebook", help="show or change a project's tags",
        description="Without options, lists the tags. Presets: " + ", ".join(list_presets()),
    )
    add_project_arg(p)
    add_json_arg(p)
    action = p.add_mutually_exclusive_group()
    action.add_argument("--add", metavar="NAME", help="add a tag")
    action.add_argument("--edit", metavar="NAME", help="change a tag")
    action.add_argument("--import", dest="import_", metavar="PRESET|FILE",
                        help="add/update tags from a preset or codebook JSON file")
    action.add_argument("--export", metavar="FILE", help="write the codebook as JSON")
    p.add_argument("--rename", metavar="NEW", help="with --edit: new name")
    p.add_argument("--description", help="with --add/--edit")
    p.add_argument("--colour", "--color", dest="colour", help="with --add/--edit: #rrggbb")
    p.add_argument("--key", help="with --add/--edit: 1-9, or 'none'")
    p.add_argument("--keywords", help="with --add/--edit: comma-separated suggestion keywords")
    p.add_argument("--archive", action="store_true", help="with --edit: hide from coding")
    p.add_argument("--unarchive", action="store_true", help="with --edit: use again")
    p.set_defaults(func=cmd_codebook)


def cmd_codebook(args: argparse.Namespace) -> int:
    if args.export:
        with open_project(args.project, writable=False) as project:
            codebook = project.tags.to_codebook(name=Path(args.project).stem)
        save_codebook(codebook, Path(args.export))
        print(f"wrote {len(codebook.tags)} tags to {args.export}")
        return 0
    if args.import_:
        codebook = load_codebook(args.import_)
        with open_project(args.project) as project:
            added, updated = project.tags.apply_codebook(codebook)
        print(f"codebook '{codebook.name}': {added} tags added, {updated} updated")
        return 0
    if args.add:
        tag = Tag(name=args.add.strip(), description=args.description or "",
                  colour=args.colour or "#888888", key=_key(args.key),
                  keywords=_keywords(args.keywords) or [])
        with open_project(args.project) as project:
            tag = project.tags.add(tag)
        print(f"added tag '{tag.name}'" + (f" on key {tag.key}" if tag.key else ""))
        return 0
    if args.edit:
        changes: dict[str, object] = {}
        if args.rename:
            changes["name"] = args.rename.strip()
        if args.description is not None:
            changes["description"] = args.description
        if args.colour:
            changes["colour"] = args.colour
        if args.key is not None:
            changes["key"] = _key(args.key)
        if args.keywords is not None:
            changes["keywords"] = _keywords(args.keywords)
        if args.archive and args.unarchive:
            raise InputError("--archive and --unarchive contradict each other")
        if args.archive or args.unarchive:
            changes["archived"] = bool(args.archive)
        if not changes:
            raise InputError("--edit needs something to change (--rename, --colour, --key, ...)")
        with open_project(args.project) as project:
            tag = project.tags.update(args.edit, "", **changes)
        print(f"updated tag '{tag.name}'")
        return 0
    with open_project(args.project, writable=False) as project:
        tags = project.tags.list(include_archived=True)
    if args.json:
        print_json([{"name": t.name, "description": t.description, "colour": t.colour,
                     "key": t.key, "position": t.position, "archived": t.archived,
                     "keywords": t.keywords} for t in tags])
        return 0
    print_table([[str(t.key or ""), t.name + (" (archived)" if t.archived else ""), t.colour,
                  t.description] for t in tags], ["key", "tag", "colour", "description"])
    return 0


def _key(text: str | None) -> int | None:
    if text is None or text.lower() in ("", "none", "-"):
        return None
    if not text.isdigit() or not 1 <= int(text) <= 9:
        raise InputError(f"a key is a digit 1-9 (or 'none'), not '{text}'")
    return int(text)


def _keywords(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [k.strip() for k in text.split(",") if k.strip()]
