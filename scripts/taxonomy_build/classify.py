"""Which drafts become skills, which category each gets, and alias conflict resolution."""

from __future__ import annotations

import re
from collections import defaultdict

from taxonomy_build.model import Draft, squash
from taxonomy_build.wordfreqs import alias_zipf

# An entry known to one source only and named with an English word this common is dropped, as
# are one- and two-letter names: Linguist's Logo, Red, Self, Clean, E, J; Explore's Web, Video,
# Promise, Flight. devicon lists developer tools only, so its bar is higher.
_SINGLE_SOURCE_WORD_ZIPF = {"linguist": 3.0, "explore": 3.5, "devicon": 4.5}
# A one-word concept this common is too generic to be a skill claim (API, Database, Security).
GENERIC_CONCEPT_ZIPF = 3.5

# Explore descriptions of topics that are not skills: games, sites, companies, events, places.
_NON_SKILL = re.compile(
    r"\b(?:video games?|game series|(?:board|card|puzzle|racing|strategy|role-playing) game"
    r"|genre|social (?:network|media|networking)|microblogging|video.sharing|streaming service"
    r"|universit(?:y|ies)|college|school|hackathon|competition|conference|festival|game jam"
    r"|city|country|(?:is|was) an? (?:\w+ )?(?:company|corporation|organization|agency)"
    r"|multinational|cryptocurrency|fan(?:dom| community)|anime|manga|youth organi[sz]ation"
    r"|non-?profit|charity|newspaper|magazine|television|tv series|film|novel)\b",
    re.IGNORECASE,
)
# ... unless the topic is a tool for building such things ("Unity is a game engine").
_DEV_TOOL = re.compile(
    r"\b(?:engine|framework|library|sdk|toolkit|programming|language|api|ide|editor)\b",
    re.IGNORECASE,
)
# Concept topics must be about computing to count as a discipline people mentor on.
_COMPUTING = re.compile(
    r"\b(?:software|computer|computing|comput\w+|program\w*|code|coding|data|develop\w*"
    r"|system|systems|network\w*|application\w*|machine|algorithm\w*|digital|web|cloud"
    r"|infrastructure|deploy\w*|security|engineering|model|models|ai|artificial|database\w*"
    r"|devops|automation|build|test\w*)\b",
    re.IGNORECASE,
)
# Devicon tags of entries that are websites or brands rather than skills.
_DEVICON_NON_SKILL_TAGS = {"social", "website", "brand", "company", "community"}

# Ordered: first rule whose tags intersect wins. Tags are squashed devicon tags.
_STRONG_TAG_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("database", frozenset({"database", "nosql", "keyvalue"})),
    ("messaging", frozenset({"messagebroker", "streaming", "messaging", "queue"})),
    ("cloud", frozenset({"cloud", "hosting"})),
    ("os", frozenset({"os", "operatingsystem", "distribution"})),
    ("devops", frozenset({"container", "deployment", "deploy", "devops", "orchestrator", "ci",
                          "monitoring", "infrastructure", "automation"})),
    ("ml", frozenset({"machinelearning", "deeplearning", "ai"})),
    ("framework", frozenset({"framework"})),
    ("library", frozenset({"library"})),
    ("language", frozenset({"language"})),
    ("tool", frozenset({"ide", "editor", "testing", "versioncontrol", "build", "manager"})),
)
_DESCRIPTION_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cat, re.compile(pattern, re.IGNORECASE))
    for cat, pattern in (
        ("language", r"\b(?:programming|query|scripting|markup) language\b|\blanguage\b"),
        ("database", r"\bdatabases?\b|\bdata store\b|\bkey.value store\b"),
        ("messaging", r"\bmessage (?:broker|queue)s?\b|\bmessaging\b|\bevent streaming\b"),
        ("os", r"\boperating system\b|\blinux distribution\b|\bdistro\b"),
        ("ml", r"\bmachine learning\b|\bdeep learning\b|\bneural network"),
        ("devops", r"\bcontainer|\borchestrat|\bcontinuous (?:integration|delivery)|"
                   r"\binfrastructure\b|\bdeployment\b|\bmonitoring\b|\bconfiguration management"),
        ("cloud", r"\bcloud\b"),
        ("framework", r"\bframework\b"),
        ("library", r"\blibrary\b|\bpackage\b|\btoolkit\b"),
        ("platform", r"\bplatform\b|\bruntime\b|\bengine\b"),
    )
)
_WEAK_TAG_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("data", frozenset({"data", "datascience", "analytics", "bigdata"})),
    ("platform", frozenset({"platform"})),
)


def _english_word(name: str, threshold: float) -> bool:
    alnum = squash(name)
    return len(alnum) <= 2 or alias_zipf(name.lower()) >= threshold


def _lead(draft: Draft) -> str:
    """Short description plus the first sentence of the body."""
    return draft.description + " " + draft.body.split(". ", 1)[0]


def _keep_concept(draft: Draft) -> bool:
    if "disambiguation" in draft.name.lower() or _NON_SKILL.search(_lead(draft)):
        return False
    if not _COMPUTING.search(draft.description + " " + draft.body):
        return False
    if not draft.encyclopedic or not (draft.referenced or draft.aliases):
        return False  # not an established discipline that other topics point to
    words = draft.name.lower().replace("-", " ").split()
    if len(words) == 1:
        return alias_zipf(words[0]) < GENERIC_CONCEPT_ZIPF
    return alias_zipf(" ".join(words)) == 0.0


def keep(draft: Draft) -> bool:
    """Decide from the data alone whether a draft is a plausible skill."""
    lead = _lead(draft)
    if _NON_SKILL.search(lead) and not _DEV_TOOL.search(draft.description):
        return False
    if draft.tags & _DEVICON_NON_SKILL_TAGS:
        return False
    if draft.kind == "concept" and draft.sources == {"explore"}:
        return _keep_concept(draft)
    if len(draft.sources) == 1:
        source = next(iter(draft.sources))
        if source == "linguist" and draft.linguist_type != "programming":
            return False
        return not _english_word(draft.name, _SINGLE_SOURCE_WORD_ZIPF[source])
    return True


def category(draft: Draft) -> str:
    """Category from Linguist type, devicon tags, then the Explore description."""
    if draft.kind == "concept":
        return "concept"
    if draft.linguist_type == "programming":
        return "language"
    for name, tags in _STRONG_TAG_RULES:
        if draft.tags & tags:
            return name  # before Linguist's markup type: Vue and Svelte are frameworks
    if draft.linguist_type == "markup":
        return "language"
    if draft.linguist_type == "data":
        return "language" if re.search(r"ql\b", draft.name, re.IGNORECASE) else "format"
    for name, pattern in _DESCRIPTION_RULES:
        if pattern.search(draft.description):
            return name
    for name, tags in _WEAK_TAG_RULES:
        if draft.tags & tags:
            return name
    return "tool"


def drop_conflicting_aliases(drafts: dict[str, Draft]) -> None:
    """An alias claimed by several skills, or equal to another skill's name, is dropped.

    Linguist's ``node`` (JavaScript) loses to Node.js, whose name it is a spelling of.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for draft in drafts.values():
        names[draft.name.lower()] = draft.id
        names.setdefault(draft.id.replace("-", " "), draft.id)
        for alias in draft.aliases:
            owners[alias].add(draft.id)
    for alias, ids in owners.items():
        named = names.get(alias)
        for skill_id in ids:
            if (named is not None and named != skill_id) or (named is None and len(ids) > 1):
                drafts[skill_id].aliases.discard(alias)


# "<Skill> <noun>" topics that are the same skill in practice ("Docker Image", "Chrome
# extension", "Minecraft Plugin"): folded into the skill as an alias.
_FOLD_NOUNS = frozenset({
    "image", "images", "plugin", "plugins", "extension", "extensions", "addon", "addons", "mod",
    "mods", "roles", "role", "library", "components", "server", "bots", "bot", "feed",
})


def fold_suffix_topics(drafts: dict[str, Draft]) -> None:
    """Merge "<Skill> <generic noun>" drafts into <Skill> as an alias."""
    by_name = {d.name.lower(): d.id for d in drafts.values()}
    for draft_id in sorted(drafts):
        draft = drafts[draft_id]
        words = draft.name.lower().split()
        if len(words) < 2 or words[-1] not in _FOLD_NOUNS:
            continue
        target = by_name.get(" ".join(words[:-1]))
        if target is None or target == draft_id or target not in drafts:
            continue
        drafts[target].aliases |= {draft.name.lower(), *draft.aliases}
        del drafts[draft_id]
