"""Readers for the three public sources, each yielding Draft records."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from taxonomy_build.model import Draft, slug, squash
from taxonomy_build.names import NameCasing

LINGUIST_TYPES = ("programming", "markup", "data")


def _split_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return []


_PARENTHESIS = re.compile(r"^(?P<name>.+?)\s*\((?P<inner>[^)]+)\)$")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the",
                          "to", "with"})


def _split_display_name(display: str) -> tuple[str, tuple[str, ...]]:
    """``Object-oriented programming (OOP)`` -> name and the abbreviation as an alias;
    ``Machine learning`` -> ``Machine Learning`` (multi-word names in title case)."""
    display = display.strip()
    extra: tuple[str, ...] = ()
    match = _PARENTHESIS.match(display)
    if match is not None:
        display = match.group("name").strip()
        inner = match.group("inner").strip()
        if inner.lower() not in {"software", "disambiguation"}:
            extra = (inner,)
    words = display.split(" ")
    if len(words) > 1:
        words = [
            w[:1].upper() + w[1:] if w.islower() and (i == 0 or w not in _SMALL_WORDS) else w
            for i, w in enumerate(words)
        ]
    return " ".join(words), extra


def explore_drafts(path: Path) -> Iterator[Draft]:
    """GitHub Explore topics; named technologies carry url / released / github_url."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            topic = str(row["topic"])
            name, abbreviation = _split_display_name(str(row.get("display_name") or topic))
            has_meta = any(row.get(k) for k in ("url", "released", "github_url"))
            yield Draft(
                id=topic,
                name=name,
                sources={"explore"},
                kind="technology" if has_meta else "concept",
                names={topic, *abbreviation},
                aliases=set(_split_list(row.get("aliases"))),
                related_topics={squash(r) for r in _split_list(row.get("related"))},
                description=str(row.get("short_description") or ""),
                body=str(row.get("body") or ""),
                explore_meta=has_meta,
                encyclopedic=bool(row.get("wikipedia_url")),
            )


def linguist_drafts(path: Path) -> Iterator[Draft]:
    """Linguist languages; their aliases are code-fence tokens, so they stay weak."""
    with path.open(encoding="utf-8") as handle:
        languages = yaml.safe_load(handle)
    for name, info in sorted(languages.items()):
        kind = info.get("type")
        if kind not in LINGUIST_TYPES or info.get("group"):
            continue  # prose languages and dialect sub-entries are not skills
        yield Draft(
            id=slug(name),
            name=str(name),
            sources={"linguist"},
            weak_aliases=set(_split_list(info.get("aliases"))),
            linguist_type=str(kind),
        )


def devicon_drafts(path: Path) -> Iterator[Draft]:
    """devicon entries: lowercase squashed names, altnames and descriptive tags."""
    with path.open(encoding="utf-8") as handle:
        entries = json.load(handle)
    for entry in sorted(entries, key=lambda e: str(e["name"])):
        name = str(entry["name"])
        altnames = _split_list(entry.get("altnames"))
        yield Draft(
            id=name,
            name=name,
            sources={"devicon"},
            names={name, *altnames},
            tags={squash(t) for t in _split_list(entry.get("tags"))},
        )


def devicon_display(name: str, casing: NameCasing) -> str:
    """devicon only has squashed lowercase ids: ``knexjs`` -> ``Knex.js``, ``rocksdb`` ->
    ``RocksDB``, ``kalilinux`` -> ``Kali Linux``."""
    for suffix, shown in (("js", ".js"), ("db", "DB")):
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            return casing.display(name[: -len(suffix)]).replace(" ", "") + shown
    return casing.display(name)


def devicon_keys(draft: Draft) -> list[str]:
    """Keys under which a devicon entry may already exist in Explore / Linguist."""
    keys = [squash(draft.name), *sorted(squash(n) for n in draft.names)]
    for key in list(keys):
        for suffix in ("js", "lang", "io"):
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                keys.append(key[: -len(suffix)])
    return keys
