"""The /mentor and /match slash commands (see table.py)."""

from __future__ import annotations

from adapters.discord.spec import Kind, Option, SlashCommand, Suggest, words

_SKILLS_HINT = "comma-separated, e.g. Rust, Go"

MATCHING: tuple[SlashCommand, ...] = (
    SlashCommand(
        path=("mentor", "status"),
        description="Your mentoring status",
        core="mentor",
        line=words("/mentor"),
    ),
    SlashCommand(
        path=("mentor", "on"),
        description="Offer mentoring (topics default to your profile's skills)",
        core="mentor",
        line=words("/mentor on", "{capacity}", "{topics}"),
        options=(
            Option("capacity", "Mentees at once (default 2)", kind=Kind.INTEGER, min_value=1,
                   max_value=10),
            Option("topics", f"What you mentor on, {_SKILLS_HINT}", suggest=Suggest.SKILLS,
                   max_length=500),
        ),
    ),
    SlashCommand(
        path=("mentor", "pause"),
        description="Pause mentoring until a date",
        core="mentor",
        line=words("/mentor pause", "{until}"),
        options=(Option("until", "e.g. 2 weeks, 2026-12-01", required=True, max_length=100),),
    ),
    SlashCommand(
        path=("mentor", "resume"), description="End a pause now", core="mentor",
        line=words("/mentor resume"),
    ),
    SlashCommand(
        path=("mentor", "off"), description="Stop mentoring", core="mentor",
        line=words("/mentor off"),
    ),
    SlashCommand(
        path=("match", "find"),
        description="The best mentors for your learning goals (or one topic)",
        core="match",
        line=words("/match", "{topic}"),
        options=(Option("topic", "One topic, e.g. Rust", suggest=Suggest.SKILL, max_length=100),),
    ),
    SlashCommand(
        path=("match", "request"),
        description="Ask a mentor (the Ask buttons do this for you)",
        core="match",
        line=words("/match request", "{mentor}", "{topic}"),
        options=(
            Option("mentor", "The mentor's number", kind=Kind.INTEGER, required=True, min_value=1),
            Option("topic", "What you want help with", suggest=Suggest.SKILL, max_length=100),
        ),
    ),
    SlashCommand(
        path=("match", "status"), description="Your requests and mentorships", core="match",
        line=words("/match status"),
    ),
    SlashCommand(
        path=("match", "stop"), description="Stop looking for a mentor", core="match",
        line=words("/match stop"),
    ),
    *(
        SlashCommand(
            path=("match", verb), description=text, core="match",
            line=words(f"/match {verb}", "{request}"),
            options=(Option("request", "The request's number", kind=Kind.INTEGER, required=True,
                            min_value=1),),
        )
        for verb, text in (
            ("accept", "Accept a mentoring request (mentors)"),
            ("decline", "Decline a mentoring request (mentors)"),
            ("cancel", "Withdraw your request"),
        )
    ),
    SlashCommand(
        path=("match", "checkin"),
        description="Did you meet? Tell me how your mentorship is going",
        core="match",
        line=words("/match checkin", "{pairing}", "{answer}"),
        options=(
            Option("pairing", "The mentorship's number", kind=Kind.INTEGER, required=True,
                   min_value=1),
            Option("answer", "How it's going", required=True,
                   choices=("met", "scheduled", "notyet", "notworking")),
        ),
    ),
    SlashCommand(
        path=("match", "rate"),
        description="Rate your mentor after meeting (1-5)",
        core="match",
        line=words("/match rate", "{pairing}", "{rating}"),
        options=(
            Option("pairing", "The mentorship's number", kind=Kind.INTEGER, required=True,
                   min_value=1),
            Option("rating", "1 (poor) to 5 (great)", kind=Kind.INTEGER, required=True,
                   min_value=1, max_value=5),
        ),
    ),
    SlashCommand(
        path=("match", "end"), description="End a mentorship politely", core="match",
        line=words("/match end", "{pairing}"),
        options=(Option("pairing", "The mentorship's number", kind=Kind.INTEGER, required=True,
                        min_value=1),),
    ),
    SlashCommand(
        path=("match", "round"),
        description="(Organizers) Match every waiting mentee at once",
        core="match",
        line=words("/match round"),
        public=True,
    ),
)
