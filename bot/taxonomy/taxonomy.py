"""The skill taxonomy: canonical skills, alias lookup, suggestions and relation weights.

Relation weights used for partial credit in matching (``Taxonomy.relation``):

* 1.0  same skill
* 0.6  parent / child ("implies": FastAPI -> Python, Amazon S3 -> AWS, Next.js -> React)
* 0.4  related (Kubernetes ~ Docker, PostgreSQL ~ MySQL); symmetric
* 0.3  grandparent / grandchild (Next.js -> React -> JavaScript)
* 0.0  otherwise
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from bot.taxonomy.english import EnglishFrequency
from bot.taxonomy.skill import CustomSkill, Skill
from bot.taxonomy.terms import normalize, slug, squash, strip_version

SAME = 1.0
PARENT = 0.6
RELATED = 0.4
GRANDPARENT = 0.3
DATA_FILE = "skills.json"
# English word frequencies (wordfreq data, CC-BY-SA 4.0): kept apart from skills.json.
ENGLISH_FILE = "english_words.json"
_NO_ALIASES: Mapping[str, str] = MappingProxyType({})
_NO_SHARED: Mapping[str, tuple[str, ...]] = MappingProxyType({})


class Taxonomy:
    """An immutable set of skills with lookup by id, name or alias."""

    __slots__ = (
        "_children", "_english", "_implied", "_lookup", "_names", "_related_back", "_shared",
        "_skills", "_squashed", "_zipf",
    )

    def __init__(
        self, skills: Mapping[str, Skill], zipf: Mapping[str, float], english: EnglishFrequency,
        shared: Mapping[str, tuple[str, ...]] = _NO_SHARED,
        implied: Mapping[str, tuple[str, ...]] = _NO_SHARED,
    ) -> None:
        self._skills: Mapping[str, Skill] = MappingProxyType(dict(skills))
        self._shared = MappingProxyType({
            alias: ids for alias, ids in shared.items() if all(i in self._skills for i in ids)
        })
        self._implied = MappingProxyType({
            alias: ids for alias, ids in implied.items() if all(i in self._skills for i in ids)
        })
        self._zipf: Mapping[str, float] = zipf
        self._english = english
        lookup: dict[str, str] = {}
        for skill in self._skills.values():
            lookup.setdefault(skill.id, skill.id)
            lookup.setdefault(normalize(skill.name), skill.id)
        self._names = frozenset(lookup)
        for skill in self._skills.values():
            for alias in skill.aliases:
                lookup.setdefault(normalize(alias), skill.id)
        self._lookup = lookup
        squashed: dict[str, str] = {}
        for term, skill_id in lookup.items():
            squashed.setdefault(squash(term), skill_id)
        self._squashed = squashed
        children: dict[str, list[str]] = {}
        related_back: dict[str, list[str]] = {}
        for skill in self._skills.values():
            for parent in skill.parents:
                children.setdefault(parent, []).append(skill.id)
            for other in skill.related:
                related_back.setdefault(other, []).append(skill.id)
        self._children = {k: tuple(sorted(v)) for k, v in children.items()}
        self._related_back = {k: tuple(sorted(v)) for k, v in related_back.items()}

    # --- construction ---------------------------------------------------------------------------

    @classmethod
    def load(
        cls, custom: Sequence[CustomSkill] = (), extra_aliases: Mapping[str, str] = {}
    ) -> Taxonomy:
        """The packaged taxonomy (shared, loaded once) plus a community's own skills and aliases.

        ``extra_aliases`` maps alias -> canonical name (or id / existing alias); an unknown target
        raises ValueError. Custom skills whose name already exists extend that skill instead.
        """
        base = _packaged()
        if not custom and not extra_aliases:
            return base
        return base._extended(custom, extra_aliases)

    def _extended(
        self, custom: Sequence[CustomSkill], extra_aliases: Mapping[str, str]
    ) -> Taxonomy:
        skills = dict(self._skills)
        staged = Taxonomy(skills, self._zipf, self._english, self._shared, self._implied)
        for item in custom:
            existing = staged.resolve(item.name)
            if existing is None:
                kind = "concept" if item.category == "concept" else "technology"
                new = Skill(slug(item.name), item.name.strip(), item.category, kind,
                            (), (), ())
                if not new.id:
                    raise ValueError(f"custom skill name {item.name!r} is empty")
                existing = new
            skills[existing.id] = _with(existing, aliases=item.aliases)
            staged = Taxonomy(skills, self._zipf, self._english, self._shared, self._implied)
        for item in custom:
            target = staged.resolve(item.name)
            assert target is not None
            parents = tuple(staged._require(n, f"parent of {item.name!r}") for n in item.parents)
            related = tuple(staged._require(n, f"related to {item.name!r}") for n in item.related)
            skills[target.id] = _with(skills[target.id], parents=parents, related=related)
        for alias, canonical in extra_aliases.items():
            target_id = staged._require(canonical, f"target of alias {alias!r}")
            skills[target_id] = _with(skills[target_id], aliases=(alias,))
        return Taxonomy(skills, self._zipf, self._english, self._shared, self._implied)

    def _require(self, name: str, role: str) -> str:
        found = self.resolve(name)
        if found is None:
            hints = ", ".join(s.name for s in self.suggest(name))
            hint = f" (did you mean: {hints}?)" if hints else ""
            raise ValueError(f"unknown skill {name!r} as {role}{hint}")
        return found.id

    # --- lookup ---------------------------------------------------------------------------------

    def get(self, skill_id: str) -> Skill | None:
        """The skill with exactly this id."""
        return self._skills.get(skill_id)

    def resolve(self, name: str) -> Skill | None:
        """Case-insensitive lookup by id, name or alias; tolerates versions and separators."""
        key = normalize(name)
        if not key:
            return None
        for candidate in (key, strip_version(key)):
            found = self._lookup.get(candidate) or self._squashed.get(squash(candidate))
            if found is not None:
                return self._skills[found]
        return None

    def suggest(self, name: str, limit: int = 3) -> list[Skill]:
        """Closest skills for a name that did not resolve ("did you mean")."""
        key = normalize(name)
        if not key or limit <= 0:
            return []
        matches = difflib.get_close_matches(key, self._lookup.keys(), n=limit * 4, cutoff=0.6)
        result: list[Skill] = []
        for term in matches:
            skill = self._skills[self._lookup[term]]
            if skill not in result:
                result.append(skill)
        return result[:limit]

    def zipf(self, term: str) -> float:
        """How common a normalised alias is as English: the build's value, else an estimate."""
        exact = self._zipf.get(term)
        return exact if exact is not None else self._english.estimate(term)

    @property
    def shared_aliases(self) -> Mapping[str, tuple[str, ...]]:
        """Abbreviations several skills share ("tf" -> Terraform, TensorFlow): alias -> ids."""
        return self._shared

    @property
    def implied_aliases(self) -> Mapping[str, tuple[str, ...]]:
        """Compound names that also name another skill ("ruby on rails" -> Ruby): alias -> ids."""
        return self._implied

    @property
    def english(self) -> EnglishFrequency:
        """How common words are in English (for aliases the build did not score)."""
        return self._english

    def is_canonical(self, term: str) -> bool:
        """Whether a normalised term is a skill's id or canonical name (not just an alias)."""
        return term in self._names

    # --- relations ------------------------------------------------------------------------------

    def relation(self, a: str, b: str) -> float:
        """Partial-credit weight between two skills given by id or name (see module docstring)."""
        first, second = self._find(a), self._find(b)
        if first is None or second is None:
            return 0.0
        if first.id == second.id:
            return SAME
        return self._weights(first.id).get(second.id, 0.0)

    def related(self, skill_id: str) -> list[tuple[str, float]]:
        """Every skill with a non-zero relation to this one, strongest first."""
        skill = self._find(skill_id)
        if skill is None:
            return []
        weights = self._weights(skill.id)
        return sorted(weights.items(), key=lambda item: (-item[1], item[0]))

    def _find(self, ref: str) -> Skill | None:
        return self._skills.get(ref) or self.resolve(ref)

    def _weights(self, skill_id: str) -> dict[str, float]:
        skill = self._skills[skill_id]
        weights: dict[str, float] = {}

        def offer(other: str, weight: float) -> None:
            if other != skill_id and other in self._skills and weights.get(other, 0.0) < weight:
                weights[other] = weight

        for parent in skill.parents:
            offer(parent, PARENT)
            for grand in self._skills[parent].parents if parent in self._skills else ():
                offer(grand, GRANDPARENT)
        for child in self._children.get(skill_id, ()):
            offer(child, PARENT)
            for grand in self._children.get(child, ()):
                offer(grand, GRANDPARENT)
        for other in skill.related:
            offer(other, RELATED)
        for other in self._related_back.get(skill_id, ()):
            offer(other, RELATED)
        return weights

    # --- collection protocol --------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self._skills.values())

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._skills


def _with(
    skill: Skill,
    aliases: Sequence[str] = (),
    parents: Sequence[str] = (),
    related: Sequence[str] = (),
) -> Skill:
    """A copy of ``skill`` with extra aliases / relations appended (deduplicated, order kept)."""

    def merged(old: tuple[str, ...], new: Sequence[str]) -> tuple[str, ...]:
        extra = [normalize(x) if old is skill.aliases else x for x in new]
        return tuple(dict.fromkeys((*old, *extra)))

    return Skill(
        id=skill.id,
        name=skill.name,
        category=skill.category,
        kind=skill.kind,
        aliases=merged(skill.aliases, aliases),
        parents=tuple(p for p in merged(skill.parents, parents) if p != skill.id),
        related=tuple(r for r in merged(skill.related, related) if r != skill.id),
    )


def _data(name: str) -> dict[str, Any]:
    raw = resources.files("bot.taxonomy").joinpath("data", name).read_text("utf-8")
    doc: dict[str, Any] = json.loads(raw)
    return doc


@cache
def _packaged() -> Taxonomy:
    """Load bot/taxonomy/data/skills.json (and the English word table) once per process."""
    doc = _data(DATA_FILE)
    skills = {
        entry["id"]: Skill(
            id=entry["id"],
            name=entry["name"],
            category=entry["category"],
            kind=entry["kind"],
            aliases=tuple(entry["aliases"]),
            parents=tuple(entry["parents"]),
            related=tuple(entry["related"]),
        )
        for entry in doc["skills"]
    }
    english = EnglishFrequency(_data(ENGLISH_FILE)["buckets"])
    shared = {alias: tuple(ids) for alias, ids in doc.get("shared", {}).items()}
    implied = {alias: tuple(ids) for alias, ids in doc.get("implied", {}).items()}
    return Taxonomy(skills, MappingProxyType(dict(doc["zipf"])), english, shared, implied)
