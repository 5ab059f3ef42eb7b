"""Build ``bot/taxonomy/data/skills.json`` from the public sources plus the reviewed overlay, and
``english_words.json`` (English word frequencies from wordfreq) next to it.

Usage: ``python scripts/build_taxonomy.py [--sources DIR] [--overlay FILE] [--out FILE]
[--english-out FILE]`` (the English table goes next to ``--out`` unless given)

The two files are separate because their data carry different licences: skills.json is built
from CC-BY-4.0 and MIT sources, english_words.json is wordfreq data under CC-BY-SA 4.0 (see
bot/taxonomy/data/ATTRIBUTION.md).

Inputs (see scripts/taxonomy_sources/README.md): GitHub Explore topics, GitHub Linguist languages,
devicon. Output is deterministic: running the script twice gives byte-identical files.
Build-time only dependencies: PyYAML, wordfreq.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from taxonomy_build import classify, sources
from taxonomy_build.model import Draft, squash
from taxonomy_build.names import NameCasing
from taxonomy_build.overlay import OverlayError, apply_overlay, load_overlay
from taxonomy_build.relations import add_relations
from taxonomy_build.wordfreqs import alias_zipf, english_buckets, wordfreq_version

from bot.taxonomy.terms import VERY_COMMON_ZIPF

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = ROOT / "scripts" / "taxonomy_sources"
DEFAULT_OVERLAY = ROOT / "bot" / "taxonomy" / "data" / "overlay.toml"
DEFAULT_OUT = ROOT / "bot" / "taxonomy" / "data" / "skills.json"
ENGLISH_NAME = "english_words.json"
FORMAT_VERSION = 1


def collect(sources_dir: Path) -> dict[str, Draft]:
    """Merge the three sources into drafts keyed by id (before the overlay)."""
    drafts: dict[str, Draft] = {}
    index: dict[str, str] = {}  # squashed name -> draft id

    def register(draft: Draft) -> None:
        drafts[draft.id] = draft
        for name in (draft.id, draft.name, *draft.names):
            index.setdefault(squash(name), draft.id)

    for draft in sources.explore_drafts(sources_dir / "github-explore-topics.jsonl"):
        register(draft)
    for draft in list(drafts.values()):
        for topic in draft.related_topics:
            if topic in index:
                drafts[index[topic]].referenced += 1
    for lang in sources.linguist_drafts(sources_dir / "languages.yml"):
        found = index.get(squash(lang.name))
        if found is None:
            register(lang)
        else:
            drafts[found].absorb(lang)
    for dev in sources.devicon_drafts(sources_dir / "devicon.json"):
        found = next((index[k] for k in sources.devicon_keys(dev) if k in index), None)
        if found is None:
            register(dev)
        else:
            drafts[found].absorb(dev)
    casing = NameCasing(d.name for d in drafts.values() if d.sources != {"devicon"})
    for draft in drafts.values():
        if draft.sources == {"devicon"}:
            draft.name = sources.devicon_display(draft.id, casing)
            if " " in draft.name:
                draft.aliases.add(draft.name.lower())  # "kali linux" as people write it
    return drafts


def ambiguous_aliases(overlay: dict[str, Any], aliases: set[str]) -> set[str]:
    """The overlay's ``[[ambiguous]]`` aliases: each group needs a reason, and every alias must
    belong to a skill (so that a stale entry fails the build)."""
    found: set[str] = set()
    for group in overlay.get("ambiguous", []):
        listed = group.get("aliases")
        if not group.get("reason") or not isinstance(listed, list):
            raise OverlayError(f"[[ambiguous]] needs a reason and aliases: {group}")
        for alias in listed:
            if str(alias).lower() not in aliases:
                raise OverlayError(f"[[ambiguous]]: {alias!r} is no skill's name or alias")
            found.add(str(alias).lower())
    return found


def shared_aliases(overlay: dict[str, Any], kept: dict[str, Draft], aliases: set[str]
                   ) -> dict[str, list[str]]:
    """The overlay's ``[[shared]]`` abbreviations (alias -> skill ids): each needs a reason, two
    or more existing skills, and an alias no skill owns on its own."""
    shared: dict[str, list[str]] = {}
    for group in overlay.get("shared", []):
        alias, ids = str(group.get("alias", "")).lower(), group.get("ids")
        if not group.get("reason") or not alias or not isinstance(ids, list) or len(ids) < 2:
            raise OverlayError(f"[[shared]] needs a reason, an alias and two or more ids: {group}")
        missing = [i for i in ids if i not in kept]
        if missing:
            raise OverlayError(f"[[shared]] {alias!r}: unknown ids {missing}")
        if alias in aliases or alias in shared:
            raise OverlayError(f"[[shared]] {alias!r} is already a skill's name or alias")
        shared[alias] = sorted(str(i) for i in ids)
    return shared


def implied_aliases(overlay: dict[str, Any], kept: dict[str, Draft]) -> dict[str, list[str]]:
    """The overlay's ``[[implied]]`` compound names (alias -> skill ids it also names): each needs
    a reason, an alias of an existing skill, and existing ids other than that skill."""
    owners = {alias: d.id for d in kept.values() for alias in (d.name.lower(), *d.aliases)}
    implied: dict[str, list[str]] = {}
    for group in overlay.get("implied", []):
        alias, ids = str(group.get("alias", "")).lower(), group.get("ids")
        if not group.get("reason") or not alias or not isinstance(ids, list) or not ids:
            raise OverlayError(f"[[implied]] needs a reason, an alias and ids: {group}")
        owner = owners.get(alias)
        if owner is None:
            raise OverlayError(f"[[implied]] {alias!r} is no skill's name or alias")
        if owner in ids or any(i not in kept for i in ids):
            raise OverlayError(f"[[implied]] {alias!r}: ids must be other existing skills")
        implied[alias] = sorted(str(i) for i in ids)
    return implied


def build(sources_dir: Path, overlay_path: Path) -> dict[str, object]:
    """Return the JSON document for skills.json."""
    drafts = collect(sources_dir)
    overlay = load_overlay(overlay_path)
    kept = {d.id: d for d in drafts.values() if classify.keep(d)}
    kept = apply_overlay(kept, drafts, overlay)
    classify.fold_suffix_topics(kept)
    for draft in kept.values():
        draft.finalize_aliases()
        if draft.category is None:
            draft.category = classify.category(draft)
    add_relations(kept, overlay)
    classify.drop_conflicting_aliases(kept)
    skills = [kept[i].to_json() for i in sorted(kept)]
    zipf: dict[str, float] = {}
    for d in kept.values():
        for term in (d.name, *d.aliases):
            key = term.lower()
            zipf[key] = alias_zipf(key)
    # rare as English but with another everyday sense: weighed like a very common word
    for key in ambiguous_aliases(overlay, set(zipf)):
        zipf[key] = max(zipf[key], VERY_COMMON_ZIPF)
    return {
        "format": FORMAT_VERSION,
        "sources": {
            "github-explore-topics.jsonl": "github/explore cc66c61 (CC-BY-4.0)",
            "languages.yml": "github-linguist/linguist b45dbe9 (MIT)",
            "devicon.json": "devicons/devicon 54cfe13 (MIT)",
        },
        "implied": implied_aliases(overlay, kept),
        "shared": shared_aliases(overlay, kept, set(zipf)),
        "skills": skills,
        "zipf": {k: zipf[k] for k in sorted(zipf) if zipf[k] > 0},
    }


def build_english() -> dict[str, object]:
    """Return the JSON document for english_words.json."""
    return {
        "format": FORMAT_VERSION,
        "source": f"wordfreq {wordfreq_version()} (data CC-BY-SA 4.0, Robyn Speer)",
        "licence": "CC-BY-SA-4.0",
        "buckets": english_buckets(),
    }


def write(doc: dict[str, object], out: Path) -> None:
    """Write the document deterministically (sorted keys, fixed separators, trailing newline)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True)
    out.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--overlay", type=Path, default=DEFAULT_OVERLAY)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--english-out", type=Path, default=None,
                        help=f"where to write the English word table (default: {ENGLISH_NAME} "
                             "next to --out)")
    args = parser.parse_args(argv)
    doc = build(args.sources, args.overlay)
    write(doc, args.out)
    english_out = args.english_out or args.out.with_name(ENGLISH_NAME)
    write(build_english(), english_out)
    count = len(doc["skills"])  # type: ignore[arg-type]
    print(f"wrote {count} skills to {args.out} and English words to {english_out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
