"""Reading a place name in the text, and places named without a location cue.

Besides "based in X" / "I'm from X" (``bot.parsing.location``), people write "Flutter dev from
Cairo", "Backend engineer in Berlin", "Hello from Lagos", "desarrollador en Buenos Aires",
"sviluppatore di Milano", a well-known city after "in" ("at a fintech in London") or as an
item of its own in a header line ("Backend dev | Berlin | Python"). The place must be
capitalised, known to the gazetteer and not a skill mention ("dev in Go").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from bot.parsing.places import REGION_CODES, resolve_place
from bot.parsing.triggers import Span

_PLACE_WORD = re.compile(r"[^\W\d_][\w'.-]*")
_CONNECTORS = frozenset({"de", "do", "da", "del", "of", "on", "upon", "am", "la", "le", "el",
                         "los", "las", "sur", "al", "the"})
_ADJECTIVES = frozenset({"beautiful", "sunny", "rainy", "lovely", "cold", "hot", "snowy", "windy",
                         "vibrant", "amazing", "great", "gorgeous", "the", "downtown", "central"})
_REGION = re.compile(r",?\s*([A-Z]{2})\b|,\s*([^\W\d_][\w .'-]{1,30}?)(?=[,.;!?)\n]|\s*\Z)")

_ROLES = (
    "dev", "devs", "developer", "developers", "engineer", "engineers", "programmer", "coder",
    "student", "designer", "architect", "scientist", "analyst", "freelancer", "consultant",
    "founder", "sre", "hello", "hi", "hey", "greetings",
)
# A role (or a greeting) then "in" / "from" and the place: "Flutter dev from Cairo".
_ROLE_PLACE = re.compile(rf"(?:{'|'.join(_ROLES)})\s+(?P<prep>in|from)\s+(?=[^\W\d_])")
# "en Buenos Aires", "em Lisboa", "di Milano", "à Lyon": a capitalised place must follow.
_FOREIGN_IN = ("en ", "em ", "di ", "\u00e0 ")
_GREETINGS = ("hello", "hi", "hey", "greetings")
# Well-known cities that name where the member is when they stand alone as a list item.
_CITIES = (
    "berlin", "munich", "hamburg", "vienna", "zurich", "amsterdam", "rotterdam", "london",
    "manchester", "dublin", "paris", "lyon", "madrid", "barcelona", "lisbon", "porto", "milan",
    "rome", "stockholm", "oslo", "copenhagen", "helsinki", "warsaw", "krakow", "prague",
    "budapest", "bucharest", "athens", "istanbul", "kyiv", "kiev", "tallinn", "riga",
    "vilnius", "brussels", "cairo", "lagos", "nairobi", "accra", "johannesburg", "cape town",
    "dubai", "tel aviv", "bangalore", "bengaluru", "mumbai", "delhi", "hyderabad", "pune",
    "chennai", "karachi", "lahore", "dhaka", "singapore", "jakarta", "manila", "bangkok",
    "tokyo", "seoul", "taipei", "shanghai", "beijing", "sydney", "melbourne", "auckland",
    "toronto", "vancouver", "montreal", "new york", "nyc", "san francisco", "seattle",
    "chicago", "boston", "mexico city", "bogotá", "bogota", "lima", "buenos aires",
    "são paulo", "sao paulo", "rio de janeiro",
    "frankfurt", "cologne", "stuttgart", "düsseldorf", "leipzig", "dresden", "edinburgh",
    "glasgow", "bristol", "leeds", "marseille", "toulouse", "bordeaux", "lille", "seville",
    "bilbao", "turin", "naples", "florence", "bologna", "gothenburg", "malmö", "gdansk",
    "wroclaw", "poznan", "brno", "belgrade", "zagreb", "ljubljana", "bratislava", "tbilisi",
    "yerevan", "almaty", "lviv", "kharkiv", "odesa", "denver", "atlanta", "los angeles",
    "miami", "philadelphia", "houston", "san diego", "detroit", "minneapolis", "pittsburgh",
    "ottawa", "calgary", "guadalajara", "monterrey", "medellín", "medellin", "montevideo",
    "quito", "recife", "curitiba", "kigali", "kampala", "addis ababa", "casablanca", "abuja",
    "riyadh", "abu dhabi", "islamabad", "colombo", "kathmandu", "noida", "gurgaon",
    "gurugram", "kolkata", "ahmedabad", "hanoi", "kuala lumpur", "osaka", "shenzhen",
    "hong kong", "brisbane", "adelaide", "wellington",
    # as the locals write them (the text keeps its accents)
    "montréal", "köln", "zürich", "münchen", "genève", "kraków", "wien", "lisboa", "milano",
    "torino", "napoli", "firenze", "sevilla", "praha", "warszawa", "brasília",
    # more cities with many developers
    "utrecht", "eindhoven", "the hague", "antwerp", "ghent", "geneva", "lausanne", "basel",
    "cluj", "iasi", "porto alegre", "belo horizonte", "florianópolis",
    "florianopolis", "brasilia", "ho chi minh city", "saigon",
    "cebu", "penang", "chiang mai", "bandung", "yogyakarta", "surabaya",
    "dar es salaam", "lusaka", "harare", "tunis", "algiers", "amman", "beirut",
    "muscat", "baku", "tashkent", "minsk", "chisinau", "skopje", "sarajevo",
    "novi sad", "thessaloniki", "izmir", "ankara", "sf",
)  # not first names or places that share a name: Sofia, Austin, Santiago, Perth, Portland
_ITEM_EDGES = frozenset("|•·,;/\n")
# A university named after its city: "University of Nairobi", "TU Wien", "UT Austin".
_CAMPUS = ("university of ", "universidad de ", "universidade de ", "université de ",
           "universität ", "universita di ", "tu ", "ut ", "uni ")
# "interested in Paris", "fluent in Tokyo slang": "in" does not say where the member is.
_NOT_WHERE = re.compile(
    r"(?:interested|experienced|skilled|speciali[sz]ed|fluent|expert|certified|involved)\s+\Z"
)

TRIGGERS: dict[str, tuple[str, ...]] = {
    "role_place": tuple(f"{role} {prep} " for role in _ROLES for prep in ("in", "from")),
    "foreign_place": _FOREIGN_IN,
    "city": _CITIES,
    "in_city": tuple(f"in {city}" for city in _CITIES),
    "campus": _CAMPUS,
}
LOOSE_GROUPS: tuple[str, ...] = ("city",)

# (zone, rank, start, end); rank 2 = where the member is, 1 = where they are from
Found = tuple[str, int, int, int]


def place_after(text: str, pos: int, capitalised: bool) -> tuple[str | None, int]:
    """Resolve the place named right after ``pos``: (zone, end) or (None, pos)."""
    words: list[re.Match[str]] = []
    for found in _PLACE_WORD.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[(words[-1].end() if words else pos):found.start()]
        if (words and gap not in (" ", "\t")) or (not words and gap.strip(" \t:")):
            break
        word = found.group(0).rstrip(".'")
        if not words and word.lower() in _ADJECTIVES:
            pos = found.end()
            continue
        if capitalised and not word[0].isupper() and word.lower() not in _CONNECTORS:
            break
        words.append(found)
        if len(words) == 4:
            break
    for n in range(len(words), 0, -1):
        name = text[words[0].start():words[n - 1].end()].rstrip(".'")
        known, zone = resolve_place(name)
        if not known:
            continue
        region = _region_after(text, words[n - 1].end())
        if region is not None:
            return region, words[n - 1].end()
        rest = words[n:]
        if rest and rest[0].group(0)[0].isupper() and not resolve_place(rest[0].group(0))[0] and (
            not words[n - 1].group(0).endswith(".")  # "Lisbon. Python dev": a new sentence
        ):
            return None, pos
        return zone, words[n - 1].end()
    region = _region_after(text, words[-1].end()) if words else None
    return region, pos


def _region_after(text: str, pos: int) -> str | None:
    found = _REGION.match(text[pos:pos + 40])
    if found is None:
        return None
    if found.group(1):
        code = found.group(1)
        return REGION_CODES.get(code) or resolve_place(code)[1]
    return resolve_place(found.group(2))[1]


def is_mention(mentions: tuple[Sequence[int], Sequence[int]], start: int, end: int) -> bool:
    """Whether a skill mention starts within ``[start, end)`` ("I'm into Go")."""
    starts, ends = mentions
    i = bisect_left(ends, start + 1)
    return i < len(starts) and starts[i] < end


def _edge(low: str, pos: int, step: int) -> bool:
    """Whether the text from ``pos`` (going by ``step``) reaches a list separator or the end."""
    while 0 <= pos < len(low) and low[pos] in " \t":
        pos += step
    if not 0 <= pos < len(low):
        return True
    char = low[pos]
    if char in ".!?":  # a sentence end: "Backend engineer, Berlin." / "a mentor! London"
        return pos + 1 == len(low) or low[pos + 1] in " \t\n"
    return char in _ITEM_EDGES or (char > "\u2000" and not char.isalnum())


def _at(text: str, low: str, group: str, span: Span) -> tuple[Found, int] | None:
    """The place a trigger hit names, and where the place name starts."""
    start, end = span
    if start > 0 and low[start - 1].isalpha():
        return None
    if group == "city":
        if not (text[start].isupper() and _edge(low, start - 1, -1) and _edge(low, end, 1)):
            return None
        zone, stop = place_after(text, start, capitalised=True)
        ok = zone is not None and _edge(low, stop, 1)
        return ((zone, 1, start, stop), start) if ok and zone is not None else None
    if group == "in_city":
        if _NOT_WHERE.search(low, max(0, start - 20), start):
            return None
        place, rank = start + 3, 1  # "a fintech in London"
    elif group in ("foreign_place", "campus"):
        if group == "campus" and not text[start].isupper():
            return None
        place, rank = end, 1
    else:
        cue = _ROLE_PLACE.match(low, start)
        if cue is None:
            return None
        place = cue.end()
        rank = 2 if cue["prep"] == "in" or low.startswith(_GREETINGS, start) else 1
    if not text[place:place + 1].isupper():
        return None
    zone, stop = place_after(text, place, capitalised=True)
    return ((zone, rank, start, stop), place) if zone is not None else None


def loose_place(text: str, low: str, hits: Mapping[str, Sequence[Span]],
                mentions: tuple[Sequence[int], Sequence[int]]) -> Found | None:
    """The first place named without a location cue, preferring where the member is."""
    best: Found | None = None
    for group in ("role_place", "foreign_place", "in_city", "city", "campus"):
        for span in hits.get(group, ()):
            found = _at(text, low, group, span)
            if found is None or is_mention(mentions, found[1], found[0][3]):
                continue
            place = found[0]
            if best is None or place[1] > best[1] or (place[1] == best[1] and place[2] < best[2]):
                best = place
            break
    return best
