"""The modals: write or rewrite your intro, edit your profile, create a meetup."""

from __future__ import annotations

from collections.abc import Mapping

from adapters.slack.forms import Form, FormError, FormInput

INTRO_EXAMPLE = (
    "Backend engineer, 8 years of Python, Postgres and Kafka, learning Rust, "
    "happy to mentor on system design"
)


def _intro_line(values: Mapping[str, str]) -> str:
    text = values.get("intro", "")
    if not text:
        raise FormError("intro", "Write a few words about yourself.")
    return f"/intro {text}"


INTRO_FORM = Form(
    key="intro",
    trigger="/intro",
    title="Your introduction",
    submit="Save",
    hint=(
        "Tell the community about yourself in your own words: what you work with, what you're "
        "learning, whether you'd mentor. I turn it into your skill profile."
    ),
    inputs=(
        FormInput("intro", "Introduction", placeholder=INTRO_EXAMPLE, multiline=True,
                  optional=False),
    ),
    compose=_intro_line,
)


def _skills(value: str) -> str:
    # steps are separated by ';' in the command line, so a ';' inside a list means ','
    return ", ".join(part.strip() for part in value.replace(";", ",").split(",") if part.strip())


def _profile_edit_line(values: Mapping[str, str]) -> str:
    steps = [
        f"{verb} {_skills(values[verb])}"
        for verb in ("add", "learn", "remove")
        if _skills(values.get(verb, ""))
    ]
    for verb in ("timezone", "capacity", "mentoring"):
        value = values.get(verb, "").replace(";", " ").strip()
        if value:
            steps.append(f"{verb} {value}")
    if not steps:
        raise FormError("add", "Fill in at least one field.")
    return "/profile edit " + "; ".join(steps)


PROFILE_EDIT_FORM = Form(
    key="profile_edit",
    trigger="/profile edit",
    title="Edit your profile",
    submit="Save",
    hint=(
        "Your edits win over what I read in your intro and survive a new /intro. "
        "Leave a field empty to keep it as it is."
    ),
    inputs=(
        FormInput("add", "Skills to add", placeholder="Rust, Go"),
        FormInput("learn", "Learning goals to add", placeholder="Elixir"),
        FormInput("remove", "Skills to remove", placeholder="Java"),
        FormInput("timezone", "Timezone", placeholder="Europe/Berlin", max_length=64,
                  keywords=("timezone",)),
        FormInput("capacity", "Mentees at once (0-10)", placeholder="2", max_length=2,
                  keywords=("capacity",)),
        FormInput("mentoring", "Offer mentoring", choices=(("on", "Yes"), ("off", "No")),
                  keywords=("mentoring on",)),
    ),
    compose=_profile_edit_line,
)

def _quoted(value: str) -> str:
    """A value for the core's ``key="value"`` options: quotes and backslashes escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_MEETUP_KEYS = ("title", "when", "duration", "where", "capacity", "description", "every",
                "remind", "tz")


def _meetup_line(values: Mapping[str, str]) -> str:
    for required in ("title", "when"):
        if not values.get(required):
            raise FormError(required, "This is needed.")
    options = [f"{key}={_quoted(values[key])}" for key in _MEETUP_KEYS if values.get(key)]
    return "/meetup create " + " ".join(options)


MEETUP_FORM = Form(
    key="meetup_create",
    trigger="/meetup create",
    title="New meetup",
    submit="Preview",
    hint=(
        "Times are read in your timezone unless you name one. You'll see a preview and confirm "
        "it before anything is announced."
    ),
    inputs=(
        FormInput("title", "Title", placeholder="Rust night", optional=False, max_length=200,
                  keywords=("title",)),
        FormInput("when", "When", placeholder="next Tuesday 7pm", optional=False,
                  max_length=200, keywords=("when", "past", "ambiguous", "date", "time")),
        FormInput("duration", "Duration", placeholder="2h", max_length=20,
                  keywords=("duration", "long")),
        FormInput("where", "Where", placeholder="Room 1, or a link", max_length=500,
                  keywords=("where", "location")),
        FormInput("capacity", "Seats", placeholder="20 (empty: no limit)", max_length=6,
                  keywords=("capacity", "seats")),
        FormInput("description", "Description", multiline=True, max_length=2000,
                  keywords=("description",)),
        FormInput("every", "Repeats", placeholder="every 2nd Tuesday at 19:00", max_length=200,
                  keywords=("every", "repeat", "rrule", "recurr", "series")),
        FormInput("remind", "Reminders before the start", placeholder="24h, 1h",
                  max_length=100, keywords=("remind",)),
        FormInput("tz", "Timezone", placeholder="Europe/Berlin (default: yours)",
                  max_length=64, keywords=("timezone", "zone")),
    ),
    compose=_meetup_line,
)

FORMS: tuple[Form, ...] = (INTRO_FORM, PROFILE_EDIT_FORM, MEETUP_FORM)
