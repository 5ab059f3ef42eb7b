"""Explicit profile edits win over the parser and survive a later /intro."""

from bot.commands import EditProfile, ShowProfile, SubmitIntro
from bot.dispatcher import Dispatcher
from bot.replies import Reply
from tests.support.actors import actor


def _shown(reply: Reply) -> str:
    """The card's field values except the evidence snippets (which quote the intro)."""
    return " ".join(
        f.value for card in reply.cards for f in card.fields if f.name != "Why I think so"
    )


async def test_edits_survive_a_new_intro(dispatcher: Dispatcher) -> None:
    who = actor()
    await dispatcher.handle(SubmitIntro(actor=who, text="I write Python and Java every day"))
    reply = await dispatcher.handle(
        EditProfile(actor=who, add_skills=("k8s",), remove_skills=("Java",), add_learning=("Rust",))
    )
    assert not reply.is_error
    await dispatcher.handle(SubmitIntro(actor=who, text="Java and Python developer, also Go"))
    shown = _shown(await dispatcher.handle(ShowProfile(actor=who)))
    assert "Kubernetes" in shown
    assert "Java" not in shown.replace("JavaScript", "")
    assert "Python" in shown
    assert "Rust" in shown


async def test_unknown_skill_is_refused_with_a_suggestion_and_nothing_changes(
    dispatcher: Dispatcher,
) -> None:
    who = actor()
    await dispatcher.handle(SubmitIntro(actor=who, text="I write Python"))
    reply = await dispatcher.handle(EditProfile(actor=who, add_skills=("Go", "Kubernetis")))
    assert reply.is_error
    assert "Kubernetis" in reply.text
    assert "Kubernetes" in reply.text
    assert "Nothing was changed" in reply.text
    shown = _shown(await dispatcher.handle(ShowProfile(actor=who)))
    assert "Go" not in shown.split()


async def test_timezone_and_capacity(dispatcher: Dispatcher) -> None:
    who = actor()
    bad = await dispatcher.handle(EditProfile(actor=who, timezone="Europe/Berln"))
    assert bad.is_error
    assert "Europe/Berlin" in bad.text
    ok = await dispatcher.handle(
        EditProfile(actor=who, timezone="asia/tokyo", mentor_capacity=3, mentoring_offer=True)
    )
    shown = _shown(ok)
    assert "Asia/Tokyo" in shown
    assert "up to 3 mentees" in shown


async def test_reset_drops_manual_edits(dispatcher: Dispatcher) -> None:
    who = actor()
    await dispatcher.handle(SubmitIntro(actor=who, text="I write Python"))
    await dispatcher.handle(EditProfile(actor=who, remove_skills=("Python",)))
    assert "Python" not in _shown(await dispatcher.handle(ShowProfile(actor=who)))
    await dispatcher.handle(EditProfile(actor=who, reset=True))
    assert "Python" in _shown(await dispatcher.handle(ShowProfile(actor=who)))


async def test_the_card_counts_years_in_words_that_agree(dispatcher: Dispatcher) -> None:
    def experience(reply: Reply) -> str:
        return next(f.value for c in reply.cards for f in c.fields if f.name == "Experience")

    intro = "Junior dev with 1 year of experience"
    one = await dispatcher.handle(SubmitIntro(actor=actor("ana"), text=intro))
    assert experience(one) == "Junior · 1 year"
    many = await dispatcher.handle(SubmitIntro(actor=actor("ben"), text="8 years of Python"))
    assert experience(many) == "8 years"
    none = await dispatcher.handle(SubmitIntro(actor=actor("cy"), text="I write Python"))
    assert experience(none) == "Not said"
