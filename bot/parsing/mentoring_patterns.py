"""Mentoring offer and request phrases: the patterns and the trigger words they start with."""

from __future__ import annotations

import re

from bot.parsing import multilingual

_HELP_VERBS = (
    r"mentor|help(?: out)?|coach|teach(?!ing myself)|pair|guide|answer (?:any )?questions|"
    r"support|share (?:my|what i)|give back|review"
)
_OFFER_LEADS = (
    "happy", "glad", "willing", "keen", "eager", "available", "open", "able", "here", "ready",
    "delighted", "excited", "love", "like", "always up", "down",
)
# How an offer after its topic ends: "..., ping me", "..., let me know".
_INVITES = (
    "ping", "dm", "pm", "message me", "hit me up", "hmu", "let me know", "reach out",
    "feel free", "drop me", "get in touch", "contact me", "shout", "ask", "happy to", "glad to",
)
OFFER = re.compile(
    rf"(?:{'|'.join(_OFFER_LEADS)})\s+to\s+(?:{_HELP_VERBS})\b|"
    r"(?:love|enjoy|like|open to|interested in|passionate about|into|available for)\s+"
    r"(?:mentoring|mentorship|helping (?:others|people|folks|newcomers|juniors|beginners|out)|"
    r"coaching|teaching(?! myself)|pairing|sharing|answering questions)\b|"
    r"(?:i|we)\s+(?:can|could|'d be able to)\s+(?:also\s+|definitely\s+|probably\s+)?"
    r"(?:help|mentor|coach|teach|answer)\b|"
    r"(?<!you )(?<!one )(?<!body )(?<!who )can help(?: out)? with\b|"
    # the subject left out at the start of a sentence: "Can mentor on incident management."
    r"(?:(?<=\A)|(?<=[.!?]\s)|(?<=\n))can (?:also )?(?:help|mentor|coach|teach)\b|"
    r"mentor(?:ing)?\s+(?:others|juniors|junior \w+|newcomers|new \w+|students|people|folks|"
    r"devs|developers|engineers|interns|beginners|bootcamp\w*)\b|"
    rf"ask me (?:about|anything)\b|(?:{multilingual.OFFER})\b|"
    # invitations to get in touch: "happy to chat about", "DMs open", "feel free to reach out"
    r"(?:happy|glad|willing|available|open|always up|here|ready|keen)\s+to\s+(?:chat|talk)\b|"
    r"(?:my\s+)?dms\s+(?:are\s+|is\s+)?(?:always\s+|wide\s+)?open\b|dm me\b|"
    r"feel free to (?:(?:reach out|dm|ping|message|contact)(?: to)?(?: me)?\s+"
    r"(?:if|about|with|for|re)|ask(?: me)? (?:about|anything|questions))\b|"
    r"reach out(?: to me)?\s+(?:if|about|with|for)\b|"
    # the invitation after the topic: "if you ever need help with Kotlin, ping me"
    # (not "if anyone has tips on Rust, let me know": a request)
    r"if (?:you|anyone|someone|somebody)\s+(?:ever\s+)?(?:(?:need|needs|want|wants)\s+"
    r"(?:any\s+|some\s+)?(?:help|advice|tips|pointers)|(?:have|has|got)\s+(?:any\s+)?"
    r"questions?)\s+"
    r"(?:with|on|about|regarding|around|in)\b"
    rf"(?=[^.!?\n]{{0,80}}\b(?:{'|'.join(_INVITES)})\b)"
)
OFFER_WORDS = (
    *(f"{lead} to" for lead in _OFFER_LEADS), "love", "enjoy", "like", "open to",
    "interested in", "passionate about", "into", "available for", "i can", "i could", "we can",
    "we could", "can help", "can mentor", "can coach", "can teach", "can also", "mentor",
    "ask me", "my dms", "dms", "dm me", "feel free", "reach out", "if you", "if anyone",
    "if someone", "if somebody", *multilingual.OFFER_WORDS,
)
# Found by searching around "mentor"/"help": the subject comes before the trigger.
OFFER_AROUND = re.compile(
    r"\bi\s+(?:also\s+|regularly\s+|actively\s+|currently\s+|occasionally\s+|often\s+)?"
    r"(?:mentor|coach)\b|"
    r"\bi(?:'ve| have)\s+(?:also\s+)?(?:been\s+)?(?:mentored|mentoring|coached|coaching)\b|"
    r"\b(?:i'm|i am)\s+(?:also\s+|currently\s+)?(?:a|an)\s+(?:\w+\s+)?(?:mentor|coach)\b"
)
SEEKING = re.compile(
    r"\b(?<!you )(?<!you ever )(?:looking for|seeking|searching for|in search of|need|needing|"
    r"want|would love|'d love|"
    r"would like|'d like|hoping (?:to find|for)|hope to find|find|get|would appreciate|"
    r"appreciate)\s+(?:a\s+|an\s+|some\s+|new\s+|good\s+|the\s+)*"
    r"(?:mentors?|mentorship|mentoring|guidance|help|someone to mentor me)\b|"
    r"\b(?:be|being|get|getting) mentored\b|\b(?:a|as a) mentee\b|"
    r"\b(?:can|could|would) (?:someone|anyone|somebody) (?:help|mentor|guide) me\b|"
    + multilingual.SEEKING
)
AROUND_WORDS = ("mentor", "mentee", "help", "guidance", "coach")
# Offers that only invite contact; from someone asking for a mentor they offer nothing.
CONTACT = ("my dms", "dms", "dm me", "feel free", "reach out")
# Words that end every offer phrase besides AROUND_WORDS ("happy to teach", "ask me about").
HELPING_WORDS = ("teach", "pair", "guid", "answer", "support", "shar", "give back", "review",
                 "ask me", "chat", "talk", "ping", "hit me up", "hmu", "let me know",
                 "message me", "get in touch", *CONTACT, *multilingual.HELPING_WORDS)

