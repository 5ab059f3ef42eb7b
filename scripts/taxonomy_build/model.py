"""The mutable draft record the build merges sources into, and name normalisation helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.taxonomy.terms import slug, squash
from taxonomy_build.wordfreqs import alias_zipf

__all__ = ["Draft", "prose_form", "slug", "squash", "version_base"]

# An alias at least this common in English must be a form of the name or be corroborated.
COMMON_ALIAS_ZIPF = 3.0
# "node" is the name of Node.js without its suffix, "golang" is Go with one.
NAME_SUFFIXES = ("", "js", "lang", "db", "io", "sql")
_SEPARATORS = re.compile(r"[\s_\-]+")
# "python3", "php-7", "python-3-6", "swift4": a name followed by a version number only.
_VERSIONED = re.compile(r"^(?P<base>.*?[a-z+#])[\s\-]?v?\d+(?:[\s\-.]\d+)*$")


def prose_form(alias: str) -> str:
    """Turn a topic slug (``react-native``) into the phrase people write (``react native``)."""
    return _SEPARATORS.sub(" ", alias.strip()).strip().lower()


def version_base(alias: str) -> str | None:
    """Return ``python`` for ``python3`` / ``python-3-6``; None if alias is not a versioned name."""
    match = _VERSIONED.match(alias)
    return match.group("base") if match else None


@dataclass
class Draft:
    """A skill while it is being assembled from several sources."""

    id: str
    name: str
    sources: set[str]
    kind: str = "technology"
    category: str | None = None
    names: set[str] = field(default_factory=set)  # other spellings of the name (strong aliases)
    weak_aliases: set[str] = field(default_factory=set)  # need corroboration (Linguist tokens)
    aliases: set[str] = field(default_factory=set)
    parents: set[str] = field(default_factory=set)
    related: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)  # devicon tags, squashed
    related_topics: set[str] = field(default_factory=set)  # Explore "related", squashed
    description: str = ""
    body: str = ""
    linguist_type: str | None = None
    explore_meta: bool = False  # Explore topic with url / released / github_url
    encyclopedic: bool = False  # Explore topic with a wikipedia_url
    referenced: int = 0  # how many Explore topics list this one as related
    dropped_aliases: set[str] = field(default_factory=set)  # removed by the overlay
    pinned: set[str] = field(default_factory=set)  # added by the overlay, kept unconditionally

    def absorb(self, other: Draft) -> None:
        """Merge another source's record for the same technology into this one."""
        self.sources |= other.sources
        self.names |= other.names | {other.name}
        self.weak_aliases |= other.weak_aliases
        self.tags |= other.tags
        self.related_topics |= other.related_topics
        self.linguist_type = self.linguist_type or other.linguist_type
        self.description = self.description or other.description
        self.body = self.body or other.body
        if other.kind == "technology":
            self.kind = "technology"

    def finalize_aliases(self) -> None:
        """Compute the prose aliases from names, source aliases and the overlay.

        Linguist's code-fence tokens count only when another source agrees or they extend the
        name ("golang"). An alias that is a common English word ("as", "case", "hudson") is kept
        only if it is a form of the name ("node" for Node.js), two sources agree, or the overlay
        pins it.
        """
        strong = {prose_form(n) for n in self.names if n} | {prose_form(a) for a in self.aliases}
        own = {squash(self.name), squash(self.id)}
        agreed: set[str] = set()
        for weak in self.weak_aliases:
            form = prose_form(weak)
            key = squash(form)
            if form in strong:
                agreed.add(form)
            elif any(len(o) >= 2 and key.startswith(o) for o in own):
                strong.add(form)
        strong |= agreed
        result: set[str] = set()
        for alias in strong:
            key = squash(alias)
            base = version_base(alias)
            if base is not None and squash(base) in own | {squash(a) for a in strong}:
                continue  # the matcher reads versions itself ("python3", "php 7")
            name_like = any(
                key == o or o == key + suffix or key == o + suffix
                for o in own
                for suffix in NAME_SUFFIXES
            )
            if alias_zipf(alias) >= COMMON_ALIAS_ZIPF and not (name_like or alias in agreed):
                continue
            result.add(alias)
        result |= {prose_form(a) for a in self.pinned}
        result.discard(self.name.lower())
        self.aliases = result - {prose_form(a) for a in self.dropped_aliases}

    def to_json(self) -> dict[str, object]:
        """Serialisable form, lists sorted for a reproducible file."""
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category or "tool",
            "kind": self.kind,
            "aliases": sorted(self.aliases),
            "parents": sorted(self.parents),
            "related": sorted(self.related - self.parents - {self.id}),
            "sources": sorted(self.sources),
        }
