"""Spanish, Portuguese, French, German and Italian wording the English finders also accept.

Only phrases that are common in introductions and cannot be mistaken for English are listed;
each finder adds them to its own patterns and trigger words. Text is lowercased for ASCII only
("Años" -> "años"), so accented letters are written lowercase here.
"""

from __future__ import annotations

# Learning: "aprendiendo Kotlin", "estou aprendendo", "j'apprends", "en train d'apprendre",
# "ich lerne", "lerne gerade", "sto imparando", "quiero aprender", "voglio imparare".
LEARNING_WORDS: tuple[str, ...] = (
    "aprendiendo", "aprendendo", "aprender", "estudiando", "estudando", "j'apprends",
    "apprendre", "d'apprendre", "lerne", "imparando", "imparare", "studiando",
)
LEARNING = "|".join(
    ("aprendiendo", "aprendendo", "aprender", "estudiando", "estudando", "j'apprends",
     "(?:d')?apprendre", "lerne(?: gerade| ich| momentan| aktuell| zurzeit)?", "imparando",
     "imparare", "studiando")
)

# Years: "5 años", "8 anos", "7 Jahren", "6 ans", "5 anni", "18 meses", "6 mois", "9 Monate".
YEAR_UNITS = frozenset({"año", "años", "ano", "anos", "jahr", "jahre", "jahren", "ans", "anni",
                        "anno"})
MONTH_UNITS = frozenset({"meses", "mois", "monate", "monaten", "mesi"})
UNIT_WORDS: tuple[str, ...] = ("año", "ano", "jahr", "ans", "anni", "anno", "meses", "mois",
                               "monate", "mesi")
# "... de experiencia", "d'expérience", "Erfahrung", "di esperienza" right after the unit.
EXPERIENCE = (
    r"(?:(?:de|di)\s+|d')?(?:experiencia|experiência|expérience|esperienza)|"
    r"(?:berufs|praxis)?erfahrung"
)
# What joins the experience phrase to a skill: "... en Java", "em Java", "mit Angular".
SKILL_JOIN = r"(?:en|em|con|com|avec|mit|in|di|no|na)\s+"
# "há 3 anos", "desde hace 4 años", "depuis 6 ans", "seit 5 Jahren", "da 5 anni".
FOR = r"há|ha|hace|desde hace|depuis|seit|da|dal|desde"
# Work words that make "for N years" / "since 2015" a career statement.
WORK = (
    r"trabaj|trabalh|travaill|arbeit|lavor|desarroll|desenvolv|développ|sviluppat|entwickl|"
    r"programa|programm|ingenier|engenh|ingénieur|ingegner|dev\b|devops|engineer"
)
# "desde 2015", "depuis 2019", "seit 2015", "dal 2015": read like "since 2015".
SINCE_WORDS: tuple[str, ...] = ("desde", "depuis", "seit", "dal")

# Where the member lives: "vivo en Madrid", "moro em São Paulo", "wohne in Wien",
# "j'habite à Lyon", "basée à Lyon", "basado en Quito".
CURRENT_PLACE = (
    r"vivo en|vivo em|vivo a|moro em|moro no|moro na|wohne in|lebe in|j'habite à|j'habite a|"
    r"habite à|basée? à|basée? a|basad[oa] en|basead[oa] em|radicad[oa] en"
)
# Where the member is from (a capitalised place must follow): "soy de Quito", "aus Hamburg".
ORIGIN_PLACE = r"soy de|sou de|viens de|komme aus|aus|vengo de|venho de|sono di"
PLACE_WORDS: tuple[str, ...] = (
    "vivo en", "vivo em", "vivo a", "moro", "wohne in", "lebe in", "j'habite", "habite", "basé",
    "basad", "basead", "radicad", "soy de", "sou de", "viens de", "komme aus", "aus ",
    "vengo de", "venho de", "sono di",
)

# Asking for a mentor: "busco mentor", "procuro um mentor", "je cherche un mentor".
SEEKING = (
    r"\b(?:busco|buscando|procuro|procurando|cherche|recherche|suche|cerco|sto cercando)\s+"
    r"(?:a\s+|un\s+|una\s+|um\s+|uma\s+|einen\s+|eine\s+|une\s+)?(?:mentor|mentora|mentoria)\b"
)

# Offering help: "posso ajudar", "puedo ayudar con", "je peux aider", "helfe gerne bei".
OFFER = (
    r"(?:posso|puedo|podemos|je peux|peux) (?:\w+ )?(?:ajudar|ayudar|aider|aiutare)|"
    r"helfe gerne|feliz em ajudar|feliz de ayudar|encantad[oa] de ayudar|ravie? d'aider|"
    r"dispon[ií]vel para (?:ajudar|mentoria)|disponible para (?:ayudar|mentor[ií]a)|"
    # "si alguien necesita ayuda con CSS, ...", "se alguém precisar de ajuda com Flutter"
    r"(?:si|se) (?:alguien|alguém|algu[eé]m|necesitas|necesit[aá]is|precisar|voc[eê]s?|"
    r"ustedes|usted)\s+(?:\w+\s+)?(?:de\s+)?(?:ayuda|ajuda) (?:con|com|en|em)\b"
)
OFFER_WORDS: tuple[str, ...] = ("posso", "puedo", "podemos", "je peux", "peux", "helfe gerne",
                                "feliz", "encantad", "ravi", "dispon", "si ", "se ")
HELPING_WORDS: tuple[str, ...] = ("ajud", "ayud", "aider", "helfe", "aiut", "mentoria")
