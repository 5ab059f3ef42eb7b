"""Line-level cleanup: repeated lines, and a trailing block in another script or language."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import chain

MIN_DEDUPE_CHARS = 12
_MIN_BODY_LETTERS = 80
_MIN_TAIL_LETTERS = 80
_LANG_SAMPLE_CHARS = 400
_BODY_SAMPLE_CHARS = 4000

_ASCII_WORD = re.compile(r"[A-Za-z]{2}")
_OTHER_LETTER = re.compile(
    r"[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u08ff"
    r"\u0900-\u0dff\u0e00-\u0e7f\u0e80-\u0fff\u10a0-\u10ff\u1100-\u11ff\u3040-\u30ff"
    r"\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7af\uf900-\ufaff]"
)
# Start code point of each script range and its name; a letter belongs to the last start <= it.
_SCRIPT_STARTS = (0x0370, 0x0400, 0x0530, 0x0590, 0x0600, 0x0700, 0x0900, 0x0E00, 0x0E80, 0x10A0,
                  0x1100, 0x3040, 0x3100, 0x3400, 0xA000, 0xAC00, 0xF900)
_SCRIPT_NAMES = ("greek", "cyrillic", "armenian", "hebrew", "arabic", "arabic", "indic", "thai",
                 "lao-tibetan", "georgian", "hangul", "cjk", "cjk", "cjk", "yi", "hangul", "cjk")



def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "english": _words(
        "the and is are was with for that this have i'm my you it's of to i we be at as an from "
        "but not it me our your they has been will would"
    ),
    "spanish": _words(
        "el la los las de del que y en es por para con una un se su al lo como más pero sus le "
        "ya este porque esta entre cuando muy sin sobre también"
    ),
    "portuguese": _words(
        "o a os as de do da dos das que e em um uma para com não no na por mais se como mas ao "
        "é seu sua ou"
    ),
    "french": _words(
        "le la les de des du et est un une en que qui dans pour pas sur ce il je au avec ne se "
        "plus par sont ou mais nous vous"
    ),
    "german": _words(
        "der die das und ist ich nicht ein eine zu den mit von sich des auf für im dem auch es "
        "an als bei wir sie oder aber wie"
    ),
    "italian": _words(
        "il di che e la per un una non in sono con del della le da gli si ma come anche io "
        "questo nel più"
    ),
    "dutch": _words(
        "de het een en van ik te dat die in is niet op aan met voor zijn er maar ook wat bij "
        "naar"
    ),
}


def dedupe_lines(lines: list[str]) -> tuple[list[str], int]:
    """Drop later copies of any line of at least 12 characters; return lines and count dropped."""
    keys = list(map(str.strip, lines))
    repeats = len(keys) - len(set(keys))
    if repeats == 0 or repeats == keys.count("") - 1:
        return lines, 0  # nothing repeats but blank lines

    seen: set[str] = set()
    out: list[str] = []
    removed = 0
    for line, key in zip(lines, keys, strict=True):
        if len(key) >= MIN_DEDUPE_CHARS:
            if key in seen:
                removed += 1
                continue
            seen.add(key)
        out.append(line)
    return out, removed


_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isalpha() or b > 0x7F)
_LATIN_EXTENDED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")


def line_script(line: str) -> tuple[str | None, int]:
    """The dominant script of a line and its letter count; (None, 0) for lines without words.

    Lines that are (nearly) ASCII are Latin; otherwise the non-ASCII characters count for the
    script of the first letter among them, against the Latin letters.
    """
    ascii_part = line.encode("ascii", "ignore")
    other = len(line) - len(ascii_part)
    if other * 8 < len(line):  # ASCII, or a few curly quotes or accents in an ASCII line
        return ("latin", len(line)) if _ASCII_WORD.search(line) else (None, 0)
    latin = len(ascii_part.translate(None, _NOT_ASCII_LETTER))
    accented = len(_LATIN_EXTENDED.findall(line)) if latin else 0
    latin += accented
    other -= accented
    if other > latin:
        first = _OTHER_LETTER.search(line)
        if first is not None:
            return _SCRIPT_NAMES[bisect_right(_SCRIPT_STARTS, ord(first.group())) - 1], other
    return ("latin", latin) if latin >= 2 else (None, 0)


def _languages_by_word() -> dict[str, tuple[str, ...]]:
    by_word: dict[str, tuple[str, ...]] = {}
    for lang, words in _STOPWORDS.items():
        for word in words:
            by_word[word] = (*by_word.get(word, ()), lang)
    return by_word


_LANGUAGES_BY_WORD = _languages_by_word()


def guess_language(text: str) -> str | None:
    """The language whose common words dominate ``text``, or None when unsure."""
    # map/filter/chain/list.count run in C: no Python code per word
    languages = filter(None, map(_LANGUAGES_BY_WORD.get, text.lower().split()))
    found = list(chain.from_iterable(languages))
    if not found:
        return None
    ranked = sorted(((found.count(lang), lang) for lang in set(found)), reverse=True)
    top, best = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0
    return best if top >= 3 and top >= 1.5 * second else None


def _tail_start(
    lines: list[str],
    keys: list[tuple[str | None, int]],
    classify: Callable[[str], tuple[str | None, int]],
) -> tuple[int, int, int]:
    """Index where the trailing same-key block starts, its non-empty line count and weight.

    Lines are classified from the end until the block ends; ``keys`` receives those results.
    """
    tail_key: str | None = None
    start, count, weight = len(lines), 0, 0
    for i in range(len(lines) - 1, -1, -1):
        keys[i] = classify(lines[i])
        k, n = keys[i]
        if k is None:
            continue
        if tail_key is None:
            tail_key = k
        elif k != tail_key:
            break
        start, count, weight = i, count + 1, weight + n
    return start, count, weight


def drop_foreign_tail(lines: list[str], ascii_only: bool) -> tuple[list[str], str | None]:
    """Drop a trailing block whose script (or language) differs from the body's, with a note.

    ``ascii_only``: the text has no letters of scripts other than Latin (true for ASCII text),
    so only a tail in another language is looked for.
    """
    if not ascii_only:
        keys: list[tuple[str | None, int]] = [(None, 0)] * len(lines)
        seen: dict[str, tuple[str | None, int]] = {}

        def classify(line: str) -> tuple[str | None, int]:
            found = seen.get(line)
            if found is None:
                found = seen[line] = line_script(line)
            return found

        start, count, weight = _tail_start(lines, keys, classify)
        tail_script = next((k for k, _ in keys[start:] if k is not None), None)
        body: Counter[str] = Counter()
        for i in range(start):  # the body's script, from a sample of its first lines
            k, n = keys[i] if keys[i][0] is not None else line_script(lines[i])
            if k is not None:
                body[k] += n
            if sum(body.values()) > _BODY_SAMPLE_CHARS:
                break
        if body and tail_script is not None:
            body_script, body_letters = body.most_common(1)[0]
            # A Latin tail after a non-Latin body is often a skills list, so it must be big.
            big = (count >= 3 and weight >= 300) if tail_script == "latin" else (
                count >= 2 or weight >= _MIN_TAIL_LETTERS)
            if body_script != tail_script and body_letters >= _MIN_BODY_LETTERS and big:
                dropped = len(lines) - start
                return lines[:start], (
                    f"ignored a trailing block in another script ({tail_script}, {dropped} lines)"
                )
    return _drop_language_tail(lines)


def _drop_language_tail(lines: list[str]) -> tuple[list[str], str | None]:
    if len(lines) < 3:
        return lines, None
    last = next((ln for ln in reversed(lines) if ln.strip()), "")
    if guess_language(last[-_LANG_SAMPLE_CHARS:]) in (None, "english"):
        return lines, None
    langs: list[tuple[str | None, int]] = [(None, 0)] * len(lines)
    start, count, weight = _tail_start(
        lines, langs, lambda ln: (guess_language(ln[-_LANG_SAMPLE_CHARS:]), len(ln))
    )
    tail_lang = next((k for k, _ in langs[start:] if k is not None), None)
    body_lang = guess_language("\n".join(lines[:start])[:_BODY_SAMPLE_CHARS])
    if (start > 0 and body_lang is not None and body_lang != tail_lang and count >= 2
            and weight >= 2 * _MIN_TAIL_LETTERS):
        dropped = len(lines) - start
        note = f"ignored a trailing block in another language ({tail_lang}, {dropped} lines)"
        return lines[:start], note
    return lines, None
