"""Parent ("implies") and related links between kept skills, derived from the sources."""

from __future__ import annotations

import re
from typing import Any

from taxonomy_build.model import Draft, squash

# A devicon tag naming another skill makes that skill a parent when the tagged entry is built on
# it (FastAPI tagged python, pandas tagged python); for other entries it is only related.
_PARENT_CHILD_CATEGORIES = frozenset({"framework", "library"})
_PARENT_CATEGORIES = frozenset({"language", "framework", "library", "platform"})
# What a framework or library listing it as related is taken to be built on.
_BASES = frozenset({"language", "platform"})


def _reference_index(drafts: dict[str, Draft]) -> dict[str, str]:
    index: dict[str, str] = {}
    for draft in sorted(drafts.values(), key=lambda d: d.id):
        for key in (draft.id, draft.name):
            index.setdefault(squash(key), draft.id)
    for draft in sorted(drafts.values(), key=lambda d: d.id):
        for alias in sorted(draft.aliases):
            index.setdefault(squash(alias), draft.id)
    return index


# Names that start the names of unrelated products: "Apache" is the HTTP server, and also the
# foundation behind "Apache Kafka", "Apache Spark", "Apache Cassandra".
_FOUNDATION_PREFIXES = frozenset({"apache"})


def _name_prefix_parent(draft: Draft, by_name: dict[str, str]) -> str | None:
    """"Spring Boot" -> Spring, "Docker Compose" -> Docker, "React Native" -> React."""
    words = draft.name.split()
    for cut in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:cut]).lower()
        found = by_name.get(prefix)
        if found is not None and found != draft.id and prefix not in _FOUNDATION_PREFIXES:
            return found
    return None


def add_relations(drafts: dict[str, Draft], overlay: dict[str, Any]) -> None:
    """Fill parents / related from devicon tags, Explore related lists and name prefixes."""
    index = _reference_index(drafts)
    by_name = {d.name.lower(): d.id for d in drafts.values()}
    for draft in drafts.values():
        for tag in sorted(draft.tags):
            target = index.get(tag)
            if target is None or target == draft.id:
                continue
            parent_ok = drafts[target].category in _PARENT_CATEGORIES
            if parent_ok and draft.category in _PARENT_CHILD_CATEGORIES:
                draft.parents.add(target)
            elif drafts[target].category == draft.category:
                if draft.category == "os":
                    draft.parents.add(target)  # Ubuntu -> Linux
                else:
                    draft.related.add(target)  # Rancher ~ Kubernetes
            # else: a tag across categories is too loose (Blender tagged python, DynamoDB java)
        for topic in sorted(draft.related_topics):
            target = index.get(topic)
            if target is None or target == draft.id:
                continue
            base = drafts[target]
            if (
                draft.category in _PARENT_CHILD_CATEGORIES
                and base.category in _BASES
                and re.search(rf"\b{re.escape(base.name)}(?!\w)", draft.description, re.IGNORECASE)
            ):
                draft.parents.add(target)  # "Express ... web framework for Node.js"
            else:
                draft.related.add(target)
        prefix_parent = _name_prefix_parent(draft, by_name)
        if prefix_parent is not None and draft.kind == drafts[prefix_parent].kind:
            draft.parents.add(prefix_parent)
    for skill_id, entry in overlay.get("skills", {}).items():
        if skill_id not in drafts:
            continue
        draft = drafts[skill_id]
        draft.parents |= set(entry.get("parents", ()))
        draft.related |= set(entry.get("related", ()))
        draft.parents -= set(entry.get("drop_parents", ()))
        draft.related -= set(entry.get("drop_related", ()))
    for group in overlay.get("parents", []):
        for child, parents in group["links"].items():
            if child not in drafts:
                raise ValueError(f"[[parents]]: {child!r} is not a kept skill")
            drafts[child].parents |= set(parents)
    for group in overlay.get("related", []):
        for first, *others in group["pairs"]:
            if first not in drafts:
                raise ValueError(f"[[related]]: {first!r} is not a kept skill")
            drafts[first].related |= set(others)
    for draft in drafts.values():
        unknown = (draft.parents | draft.related) - drafts.keys()
        if unknown:
            raise ValueError(f"{draft.id}: relations to unknown skills {sorted(unknown)}")
        draft.parents.discard(draft.id)
    _symmetrize_related(drafts)


def _symmetrize_related(drafts: dict[str, Draft]) -> None:
    """Related is symmetric; a parent link is not also a related one."""
    for draft in list(drafts.values()):
        for other in sorted(draft.related):
            drafts[other].related.add(draft.id)
    children: dict[str, set[str]] = {d: set() for d in drafts}
    for draft in drafts.values():
        for parent in draft.parents:
            children[parent].add(draft.id)
    for draft in drafts.values():
        draft.related -= draft.parents | children[draft.id] | {draft.id}
