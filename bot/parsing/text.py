"""Small text helpers shared by the parsing stages."""

from __future__ import annotations


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lowercased and every other character kept: same length and offsets.

    The finders' patterns are English, so ASCII case is all they need; ``str.lower`` on text
    with non-ASCII characters is several times slower and can change the length ("İ").
    """
    if text.isascii():
        return text.lower()
    # UTF-8 keeps ASCII bytes for ASCII characters only, so bytes.lower touches nothing else
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
