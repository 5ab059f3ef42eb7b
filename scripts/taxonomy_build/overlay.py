"""The reviewed overlay (bot/taxonomy/data/overlay.toml): additions and corrections to the data.

Every entry must carry a ``reason``; unknown keys, stale ids and dangling references are errors
so that the overlay cannot silently rot when the sources change.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from taxonomy_build.model import Draft, prose_form

SKILL_KEYS = frozenset({
    "reason", "name", "category", "kind", "aliases", "drop_aliases", "parents", "related",
    "drop_parents", "drop_related", "source", "keep",
})
ADD_KEYS = frozenset({"id", "name", "category", "aliases", "parents", "related"})
KINDS = frozenset({"technology", "concept"})
CATEGORIES = frozenset({
    "language", "format", "framework", "library", "database", "cloud", "devops", "tool",
    "platform", "os", "messaging", "data", "ml", "concept",
})


class OverlayError(ValueError):
    """The overlay file is malformed or refers to something that does not exist."""


def load_overlay(path: Path) -> dict[str, Any]:
    """Parse and validate the overlay's shape."""
    with path.open("rb") as handle:
        doc = tomllib.load(handle)
    for group in doc.get("drop", []):
        if not group.get("reason") or not isinstance(group.get("ids"), list):
            raise OverlayError(f"[[drop]] needs a reason and ids: {group}")
    for group in doc.get("recategorize", []):
        if not group.get("reason") or not isinstance(group.get("ids"), list):
            raise OverlayError(f"[[recategorize]] needs a reason and ids: {group}")
        if group.get("category") not in CATEGORIES or group.get("kind") not in KINDS:
            raise OverlayError(f"[[recategorize]] needs a known kind and category: {group}")
    for group in doc.get("add", []):
        if not group.get("reason") or not isinstance(group.get("skills"), list):
            raise OverlayError(f"[[add]] needs a reason and skills: {group}")
        for item in group["skills"]:
            unknown = set(item) - ADD_KEYS
            if unknown or not {"id", "name", "category"} <= set(item):
                raise OverlayError(f"[[add]] item needs id, name, category only: {item}")
            if item["category"] not in CATEGORIES:
                raise OverlayError(f"[[add]] {item['id']}: unknown category {item['category']!r}")
    for group in doc.get("rename", []):
        if not group.get("reason") or not isinstance(group.get("names"), dict):
            raise OverlayError(f"[[rename]] needs a reason and names: {group}")
    for group in doc.get("related", []):
        pairs = group.get("pairs")
        if not group.get("reason") or not isinstance(pairs, list):
            raise OverlayError(f"[[related]] needs a reason and pairs: {group}")
    for group in doc.get("parents", []):
        links = group.get("links")
        if not group.get("reason") or not isinstance(links, dict):
            raise OverlayError(f"[[parents]] needs a reason and links: {group}")
    for skill_id, entry in doc.get("skills", {}).items():
        unknown = set(entry) - SKILL_KEYS
        if unknown:
            raise OverlayError(f"skills.{skill_id}: unknown keys {sorted(unknown)}")
        if not entry.get("reason"):
            raise OverlayError(f"skills.{skill_id}: every overlay entry needs a reason")
        if "kind" in entry and entry["kind"] not in KINDS:
            raise OverlayError(f"skills.{skill_id}: unknown kind {entry['kind']!r}")
        if "category" in entry and entry["category"] not in CATEGORIES:
            raise OverlayError(f"skills.{skill_id}: unknown category {entry['category']!r}")
    return doc


def _patch(draft: Draft, entry: dict[str, Any]) -> None:
    draft.sources.add("overlay")
    if "name" in entry:
        draft.names.add(draft.name)
        draft.name = str(entry["name"])
    if "category" in entry:
        draft.category = str(entry["category"])
    if "kind" in entry:
        draft.kind = str(entry["kind"])
    draft.pinned |= {prose_form(a) for a in entry.get("aliases", ())}
    draft.dropped_aliases |= set(entry.get("drop_aliases", ()))


def apply_overlay(
    kept: dict[str, Draft], every: dict[str, Draft], overlay: dict[str, Any]
) -> dict[str, Draft]:
    """Drop, patch, adopt and add skills as the overlay says; returns the new mapping."""
    result = dict(kept)
    for group in overlay.get("drop", []):
        for skill_id in group["ids"]:
            if skill_id not in result:
                raise OverlayError(f"drop: {skill_id!r} is not a kept skill (stale entry?)")
            del result[skill_id]
    for group in overlay.get("add", []):
        for item in group["skills"]:
            skill_id = str(item["id"])
            if skill_id in result or skill_id in every:
                raise OverlayError(f"add: {skill_id!r} already exists; patch it instead")
            category = str(item["category"])
            draft = Draft(id=skill_id, name=str(item["name"]), sources={"overlay"},
                          kind="concept" if category == "concept" else "technology",
                          category=category)
            draft.pinned |= {prose_form(a) for a in item.get("aliases", ())}
            draft.parents |= set(item.get("parents", ()))
            draft.related |= set(item.get("related", ()))
            result[skill_id] = draft
    for group in overlay.get("rename", []):
        for skill_id, name in group["names"].items():
            if skill_id not in result:
                raise OverlayError(f"rename: {skill_id!r} is not a kept skill")
            draft = result[skill_id]
            draft.names.add(draft.name)
            draft.name = str(name)
    for group in overlay.get("recategorize", []):
        for skill_id in group["ids"]:
            if skill_id not in result:
                raise OverlayError(f"recategorize: {skill_id!r} is not a kept skill")
            result[skill_id].kind = str(group["kind"])
            result[skill_id].category = str(group["category"])
    for skill_id, entry in overlay.get("skills", {}).items():
        source = entry.get("source")
        if source is not None:
            if source not in every:
                raise OverlayError(f"skills.{skill_id}: source {source!r} does not exist")
            draft = every[source]
            result.pop(source, None)
            draft.names.add(draft.id)
            draft.id = skill_id
        elif skill_id in result:
            draft = result[skill_id]
        elif skill_id in every:
            if not entry.get("keep"):
                raise OverlayError(f"skills.{skill_id}: filtered out by the rules; set keep")
            draft = every[skill_id]
        else:
            if "name" not in entry or "category" not in entry:
                raise OverlayError(f"skills.{skill_id}: a new skill needs name and category")
            draft = Draft(id=skill_id, name=str(entry["name"]), sources=set())
            draft.kind = "technology"
        _patch(draft, entry)
        result[skill_id] = draft
    return result
