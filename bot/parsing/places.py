"""A small gazetteer: place name -> IANA zone, from tzdb city names plus a reviewed table.

The tzdb part covers every ``Area/City`` zone; the reviewed table adds big cities tzdb does not
name, single-zone countries and US/Canadian states. Places split between zones (USA, Canada,
Brazil, Russia, Australia, Mexico, Indonesia) and names shared by far-apart places (Portland,
Cambridge, Birmingham, San Jose, Valencia, Córdoba, Georgia, ...) resolve to None.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from zoneinfo import available_timezones

_AREAS = frozenset({"Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian",
                    "Pacific"})
# tzdb city names that are ordinary words or name more than one well-known place.
_TZDB_SKIP = frozenset({
    "easter", "christmas", "center", "wake", "midway", "reunion", "regina", "knox", "jersey",
    "stanley", "petersburg", "marengo", "winamac", "vevay", "tell city", "beulah", "new salem",
    "swift current", "creston", "resolute", "dawson", "cordoba", "merida", "truk", "yap",
    "johnston", "enderbury", "kanton", "eucla", "mendoza", "san juan", "catamarca", "salta",
    "jujuy", "tucuman", "la rioja", "rio gallegos", "san luis", "ushuaia", "atka", "adak",
    "monticello", "louisville", "indianapolis", "vincennes", "menominee", "north dakota",
    "south georgia", "st helena", "faeroe", "virgin", "canary", "bahia banderas", "santa isabel",
    "macao", "cocos", "chagos", "mahe", "kerguelen", "chatham", "marquesas", "gambier",
    "pitcairn", "norfolk", "lord howe", "broken hill", "lindeman", "currie", "yancowinna",
    "thule", "danmarkshavn", "scoresbysund", "ojinaga", "boise", "godthab", "oral", "north",
    "south", "west", "act", "nsw", "lhi", "victoria", "queensland", "tasmania",
})
_REVIEWED: dict[str, str | None] = {
    # United States
    "san francisco": "America/Los_Angeles", "sf": "America/Los_Angeles",
    "bay area": "America/Los_Angeles", "silicon valley": "America/Los_Angeles",
    "seattle": "America/Los_Angeles", "san diego": "America/Los_Angeles",
    "oakland": "America/Los_Angeles", "palo alto": "America/Los_Angeles",
    "mountain view": "America/Los_Angeles", "sunnyvale": "America/Los_Angeles",
    "berkeley": "America/Los_Angeles", "santa monica": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles", "sacramento": "America/Los_Angeles",
    "austin": "America/Chicago", "dallas": "America/Chicago", "houston": "America/Chicago",
    "san antonio": "America/Chicago", "minneapolis": "America/Chicago",
    "st louis": "America/Chicago", "kansas city": "America/Chicago",
    "nashville": "America/Chicago", "new orleans": "America/Chicago",
    "milwaukee": "America/Chicago", "salt lake city": "America/Denver",
    "albuquerque": "America/Denver", "boston": "America/New_York", "nyc": "America/New_York",
    "new york city": "America/New_York", "brooklyn": "America/New_York",
    "manhattan": "America/New_York", "washington dc": "America/New_York",
    "washington d c": "America/New_York", "dc": "America/New_York",
    "philadelphia": "America/New_York", "atlanta": "America/New_York",
    "miami": "America/New_York", "pittsburgh": "America/New_York",
    "raleigh": "America/New_York", "durham": None, "charlotte": "America/New_York",
    "baltimore": "America/New_York", "orlando": "America/New_York",
    "tampa": "America/New_York", "columbus": "America/New_York",
    "cleveland": "America/New_York", "cincinnati": "America/New_York",
    # Canada
    "montreal": "America/Toronto", "ottawa": "America/Toronto", "quebec city": "America/Toronto",
    "calgary": "America/Edmonton", "waterloo": "America/Toronto",
    # Europe
    "munich": "Europe/Berlin", "munchen": "Europe/Berlin", "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin", "cologne": "Europe/Berlin", "koln": "Europe/Berlin",
    "stuttgart": "Europe/Berlin", "dusseldorf": "Europe/Berlin", "leipzig": "Europe/Berlin",
    "dresden": "Europe/Berlin", "nuremberg": "Europe/Berlin", "hanover": "Europe/Berlin",
    "manchester": "Europe/London", "edinburgh": "Europe/London", "glasgow": "Europe/London",
    "bristol": "Europe/London", "leeds": "Europe/London", "liverpool": "Europe/London",
    "oxford": "Europe/London", "brighton": "Europe/London", "belfast": "Europe/London",
    "cardiff": "Europe/London", "barcelona": "Europe/Madrid", "seville": "Europe/Madrid",
    "malaga": "Europe/Madrid", "bilbao": "Europe/Madrid", "milan": "Europe/Rome",
    "turin": "Europe/Rome", "florence": "Europe/Rome", "naples": "Europe/Rome",
    "bologna": "Europe/Rome", "lyon": "Europe/Paris", "marseille": "Europe/Paris",
    "toulouse": "Europe/Paris", "bordeaux": "Europe/Paris", "lille": "Europe/Paris",
    "nantes": "Europe/Paris", "rotterdam": "Europe/Amsterdam", "utrecht": "Europe/Amsterdam",
    "eindhoven": "Europe/Amsterdam", "the hague": "Europe/Amsterdam",
    "delft": "Europe/Amsterdam", "krakow": "Europe/Warsaw", "wroclaw": "Europe/Warsaw",
    "gdansk": "Europe/Warsaw", "poznan": "Europe/Warsaw", "lodz": "Europe/Warsaw",
    "st petersburg": "Europe/Moscow", "porto": "Europe/Lisbon", "gothenburg": "Europe/Stockholm",
    "malmo": "Europe/Stockholm", "geneva": "Europe/Zurich", "basel": "Europe/Zurich",
    "lausanne": "Europe/Zurich", "bern": "Europe/Zurich", "antwerp": "Europe/Brussels",
    "ghent": "Europe/Brussels", "cork": "Europe/Dublin", "galway": "Europe/Dublin",
    "kharkiv": "Europe/Kyiv", "lviv": "Europe/Kyiv", "odesa": "Europe/Kyiv",
    "odessa": "Europe/Kyiv", "dnipro": "Europe/Kyiv", "thessaloniki": "Europe/Athens",
    "brno": "Europe/Prague", "cluj": "Europe/Bucharest", "cluj napoca": "Europe/Bucharest",
    "iasi": "Europe/Bucharest", "novi sad": "Europe/Belgrade", "tartu": "Europe/Tallinn",
    "aarhus": "Europe/Copenhagen", "bergen": "Europe/Oslo", "tampere": "Europe/Helsinki",
    "espoo": "Europe/Helsinki", "graz": "Europe/Vienna", "salzburg": "Europe/Vienna",
    "ankara": "Europe/Istanbul", "izmir": "Europe/Istanbul",
    # native spellings
    "lisboa": "Europe/Lisbon", "milano": "Europe/Rome", "roma": "Europe/Rome",
    "napoli": "Europe/Rome", "torino": "Europe/Rome", "firenze": "Europe/Rome",
    "wien": "Europe/Vienna", "praha": "Europe/Prague", "warszawa": "Europe/Warsaw",
    "bruxelles": "Europe/Brussels", "geneve": "Europe/Zurich", "sevilla": "Europe/Madrid",
    "kobenhavn": "Europe/Copenhagen", "koebenhavn": "Europe/Copenhagen",
    "nurnberg": "Europe/Berlin", "frankfurt am main": "Europe/Berlin",
    "ciudad de mexico": "America/Mexico_City", "cdmx": "America/Mexico_City",
    "espana": "Europe/Madrid", "italia": "Europe/Rome", "brasil": None,
    "francia": "Europe/Paris", "alemania": "Europe/Berlin", "osterreich": "Europe/Vienna",
    "schweiz": "Europe/Zurich", "polska": "Europe/Warsaw",
    # Asia and the Middle East
    "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "mumbai": "Asia/Kolkata",
    "bombay": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
    "hyderabad": "Asia/Kolkata", "pune": "Asia/Kolkata", "chennai": "Asia/Kolkata",
    "noida": "Asia/Kolkata", "gurgaon": "Asia/Kolkata", "gurugram": "Asia/Kolkata",
    "ahmedabad": "Asia/Kolkata", "jaipur": "Asia/Kolkata", "kochi": "Asia/Kolkata",
    "indore": "Asia/Kolkata", "chandigarh": "Asia/Kolkata", "beijing": "Asia/Shanghai",
    "shenzhen": "Asia/Shanghai", "hangzhou": "Asia/Shanghai", "guangzhou": "Asia/Shanghai",
    "chengdu": "Asia/Shanghai", "nanjing": "Asia/Shanghai", "wuhan": "Asia/Shanghai",
    "osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo", "fukuoka": "Asia/Tokyo",
    "yokohama": "Asia/Tokyo", "busan": "Asia/Seoul", "hanoi": "Asia/Ho_Chi_Minh",
    "ho chi minh city": "Asia/Ho_Chi_Minh", "saigon": "Asia/Ho_Chi_Minh",
    "lahore": "Asia/Karachi", "islamabad": "Asia/Karachi", "abu dhabi": "Asia/Dubai",
    "tel aviv": "Asia/Jerusalem", "haifa": "Asia/Jerusalem", "cebu": "Asia/Manila",
    "bandung": "Asia/Jakarta", "surabaya": "Asia/Jakarta", "yogyakarta": "Asia/Jakarta",
    "penang": "Asia/Kuala_Lumpur", "chiang mai": "Asia/Bangkok", "taichung": "Asia/Taipei",
    # Americas, Africa, Oceania
    "rio de janeiro": "America/Sao_Paulo", "rio": "America/Sao_Paulo",
    "belo horizonte": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo",
    "curitiba": "America/Sao_Paulo", "porto alegre": "America/Sao_Paulo",
    "florianopolis": "America/Sao_Paulo", "campinas": "America/Sao_Paulo",
    "guadalajara": "America/Mexico_City", "medellin": "America/Bogota",
    "cali": "America/Bogota", "quito": "America/Guayaquil",
    "rosario": "America/Argentina/Buenos_Aires",
    "cape town": "Africa/Johannesburg", "durban": "Africa/Johannesburg",
    "pretoria": "Africa/Johannesburg", "abuja": "Africa/Lagos", "kigali": "Africa/Kigali",
    "canberra": "Australia/Sydney", "wellington": "Pacific/Auckland",
    "christchurch": "Pacific/Auckland", "gold coast": "Australia/Brisbane",
    # Ambiguous cities
    "portland": None, "cambridge": None, "birmingham": None, "san jose": None,
    "valencia": None, "springfield": None, "richmond": None, "kingston": None,
    "santiago": None, "alexandria": None, "hamilton": None, "victoria": None,
    "georgia": None, "washington": None, "london ontario": "America/Toronto",
}
_COUNTRIES: dict[str, str | None] = {
    "germany": "Europe/Berlin", "deutschland": "Europe/Berlin", "poland": "Europe/Warsaw",
    "india": "Asia/Kolkata", "japan": "Asia/Tokyo", "uk": "Europe/London",
    "united kingdom": "Europe/London", "england": "Europe/London", "scotland": "Europe/London",
    "wales": "Europe/London", "britain": "Europe/London", "great britain": "Europe/London",
    "france": "Europe/Paris", "spain": "Europe/Madrid", "italy": "Europe/Rome",
    "netherlands": "Europe/Amsterdam", "the netherlands": "Europe/Amsterdam",
    "holland": "Europe/Amsterdam", "belgium": "Europe/Brussels", "switzerland": "Europe/Zurich",
    "austria": "Europe/Vienna", "sweden": "Europe/Stockholm", "norway": "Europe/Oslo",
    "denmark": "Europe/Copenhagen", "finland": "Europe/Helsinki", "ireland": "Europe/Dublin",
    "portugal": "Europe/Lisbon", "greece": "Europe/Athens", "czechia": "Europe/Prague",
    "czech republic": "Europe/Prague", "slovakia": "Europe/Bratislava",
    "hungary": "Europe/Budapest", "romania": "Europe/Bucharest", "bulgaria": "Europe/Sofia",
    "ukraine": "Europe/Kyiv", "turkey": "Europe/Istanbul", "turkiye": "Europe/Istanbul",
    "israel": "Asia/Jerusalem", "egypt": "Africa/Cairo", "nigeria": "Africa/Lagos",
    "kenya": "Africa/Nairobi", "ghana": "Africa/Accra", "south africa": "Africa/Johannesburg",
    "pakistan": "Asia/Karachi", "bangladesh": "Asia/Dhaka", "sri lanka": "Asia/Colombo",
    "nepal": "Asia/Kathmandu", "vietnam": "Asia/Ho_Chi_Minh", "thailand": "Asia/Bangkok",
    "philippines": "Asia/Manila", "the philippines": "Asia/Manila",
    "malaysia": "Asia/Kuala_Lumpur", "south korea": "Asia/Seoul", "korea": "Asia/Seoul",
    "taiwan": "Asia/Taipei", "china": "Asia/Shanghai", "new zealand": "Pacific/Auckland",
    "argentina": "America/Argentina/Buenos_Aires", "colombia": "America/Bogota",
    "peru": "America/Lima", "chile": "America/Santiago", "venezuela": "America/Caracas",
    "uruguay": "America/Montevideo", "estonia": "Europe/Tallinn", "latvia": "Europe/Riga",
    "lithuania": "Europe/Vilnius", "serbia": "Europe/Belgrade", "croatia": "Europe/Zagreb",
    "slovenia": "Europe/Ljubljana", "belarus": "Europe/Minsk", "armenia": "Asia/Yerevan",
    "iceland": "Atlantic/Reykjavik", "morocco": "Africa/Casablanca", "tunisia": "Africa/Tunis",
    "ethiopia": "Africa/Addis_Ababa", "uganda": "Africa/Kampala", "rwanda": "Africa/Kigali",
    "tanzania": "Africa/Dar_es_Salaam", "uae": "Asia/Dubai", "united arab emirates": "Asia/Dubai",
    "saudi arabia": "Asia/Riyadh", "qatar": "Asia/Qatar", "iran": "Asia/Tehran",
    "luxembourg": "Europe/Luxembourg", "cyprus": "Asia/Nicosia", "malta": "Europe/Malta",
    "usa": None, "us": None, "united states": None, "america": None, "canada": None,
    "brazil": None, "russia": None, "australia": None, "mexico": None, "indonesia": None,
    "kazakhstan": None,
}
_REGIONS: dict[str, str] = {
    "california": "America/Los_Angeles", "oregon": "America/Los_Angeles",
    "nevada": "America/Los_Angeles", "washington state": "America/Los_Angeles",
    "colorado": "America/Denver", "utah": "America/Denver", "arizona": "America/Phoenix",
    "texas": "America/Chicago", "illinois": "America/Chicago", "minnesota": "America/Chicago",
    "wisconsin": "America/Chicago", "missouri": "America/Chicago", "new jersey": "America/New_York",
    "massachusetts": "America/New_York", "pennsylvania": "America/New_York",
    "florida": "America/New_York", "virginia": "America/New_York",
    "north carolina": "America/New_York", "ohio": "America/New_York",
    "michigan": "America/New_York", "maryland": "America/New_York",
    "ontario": "America/Toronto", "quebec": "America/Toronto",
    "british columbia": "America/Vancouver", "alberta": "America/Edmonton",
    "bavaria": "Europe/Berlin", "catalonia": "Europe/Madrid",
}
# US state / Canadian province codes, only read after a comma ("Austin, TX").
REGION_CODES: dict[str, str] = {
    "CA": "America/Los_Angeles", "OR": "America/Los_Angeles", "WA": "America/Los_Angeles",
    "NV": "America/Los_Angeles", "CO": "America/Denver", "UT": "America/Denver",
    "AZ": "America/Phoenix", "TX": "America/Chicago", "IL": "America/Chicago",
    "MN": "America/Chicago", "WI": "America/Chicago", "MO": "America/Chicago",
    "NY": "America/New_York", "NJ": "America/New_York", "MA": "America/New_York",
    "PA": "America/New_York", "FL": "America/New_York", "GA": "America/New_York",
    "VA": "America/New_York", "NC": "America/New_York", "OH": "America/New_York",
    "MI": "America/New_York", "MD": "America/New_York", "ME": "America/New_York",
    "DC": "America/New_York", "ON": "America/Toronto", "QC": "America/Toronto",
    "BC": "America/Vancouver", "AB": "America/Edmonton",
}


def place_key(name: str) -> str:
    """A lookup key: lowercase, accents and dots dropped, hyphens as spaces, "saint" as "st"."""
    folded = name.lower()
    if folded.isascii():
        plain = folded
    else:
        folded = unicodedata.normalize("NFKD", folded)
        plain = "".join(c for c in folded if not unicodedata.combining(c))
    words = plain.replace(".", " ").replace("-", " ").replace("'", "").split()
    if words and words[0] == "saint":
        words[0] = "st"
    return " ".join(words)


@cache
def gazetteer() -> dict[str, str | None]:
    """Every known place key -> IANA zone, or None for a known but ambiguous place."""
    places: dict[str, str | None] = {}
    zones = available_timezones()
    for zone in sorted(zones):
        parts = zone.split("/")
        if len(parts) < 2 or parts[0] not in _AREAS:
            continue
        key = place_key(parts[-1].replace("_", " "))
        if key not in _TZDB_SKIP:
            places.setdefault(key, zone)
    for table in (_REVIEWED, _COUNTRIES, _REGIONS):
        for key, target in table.items():
            places[key] = target if target is None or target in zones else _fallback(target, zones)
    return places


def _fallback(zone: str, zones: set[str]) -> str | None:
    """Older tzdata lacks a few renamed zones (Europe/Kyiv was Europe/Kiev)."""
    renamed = {"Europe/Kyiv": "Europe/Kiev"}
    old = renamed.get(zone, "")
    return old if old in zones else None


def resolve_place(name: str) -> tuple[bool, str | None]:
    """(known, zone) for a place name; known with zone None means ambiguous or multi-zone."""
    key = place_key(name)
    places = gazetteer()
    if key in places:
        return True, places[key]
    return False, None
