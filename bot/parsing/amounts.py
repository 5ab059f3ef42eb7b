"""Reading amounts of experience: number words, units, and amounts that are list items of
their own ("backend dev, 5+ yrs, CET")."""

from __future__ import annotations

import re

from bot.parsing import multilingual

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12, "dozen": 12, "half a": 0.5,
}
_ENGLISH_UNITS = ("year", "yr", "decade", "month")
_GLUED_UNITS = frozenset({"y"})  # "9y": only ever read glued to its number
# Amounts glued to their unit, as trigger words: "5yrs", "9y", "10+yrs" (the hit starts at the
# number).
GLUED_AMOUNTS = tuple(f"{n}{plus}y" for n in range(1, 41) for plus in ("", "+"))
_LABEL = re.compile(r"\b(?:experience|exp|xp|yoe|years|in tech|in the industry)\W*:\Z")
_SEPARATORS = frozenset(",;|.:!-*()\n\u2022\u00b7\u2013\u2014")


def standalone(low: str, start: int, end: int) -> bool:
    """An amount that is a list item of its own: "backend dev, 5+ yrs, CET", "⏰ 6 years 🇧🇷"."""
    before = start - 1
    while before >= 0 and low[before] in " \t~":
        before -= 1
    after = end
    while after < len(low) and low[after] in " \t":
        after += 1
    if after < len(low) and not separates(low[after]):
        return False
    if before >= 0 and low[before] == ":":
        # "Experience: 5 years", but not "Age: 25 years" or "(you: 4 years)"
        return _LABEL.search(low, max(0, before - 20), before + 1) is not None
    return before < 0 or separates(low[before])


# "Frontend lead (Angular, RxJS) with 10+ years.": an amount that ends its clause after "with".
_WITH_BEFORE = re.compile(
    r"\bwith\s+(?:over\s+|more than\s+|almost\s+|nearly\s+|about\s+|around\s+|roughly\s+)?\Z"
)
_CLAUSE_ENDS = frozenset(".,;!\n)")


def after_with(low: str, before: str, unit_end: int) -> bool:
    """An amount after "with" that ends its clause ("Frontend lead with 10+ years.");
    ``before`` is the text just before the number."""
    return _WITH_BEFORE.search(before) is not None and (
        unit_end == len(low) or low[unit_end] in _CLAUSE_ENDS
    )


def separates(char: str) -> bool:
    """Punctuation that ends a list item, or a symbol such as an emoji."""
    return char in _SEPARATORS or (char > "\u2000" and not char.isalnum())


def number(word: str) -> float | None:
    word = word.replace(",", ".")
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    try:
        return float(word)
    except ValueError:
        return None


def unit_years(unit: str, value: float) -> float:
    if unit.startswith("decade"):
        return value * 10
    if unit.startswith("month") or unit in multilingual.MONTH_UNITS:
        return round(value / 12, 1)
    return value


def unit_ok(unit: str) -> bool:
    """English units as triggered ("years", "yrs", "months"); other languages' words whole."""
    return unit.startswith(_ENGLISH_UNITS) or unit in _GLUED_UNITS or (
        unit in multilingual.YEAR_UNITS
    ) or (
        unit in multilingual.MONTH_UNITS
    )
