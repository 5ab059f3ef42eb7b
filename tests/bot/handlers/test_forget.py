"""/forget asks first, then deletes everything about the member in that community only."""

from bot.commands import Forget, ShowProfile, SubmitIntro
from bot.dispatcher import Dispatcher
from tests.support.actors import actor


async def test_forget_asks_before_deleting(dispatcher: Dispatcher) -> None:
    await dispatcher.handle(SubmitIntro(actor=actor(), text="I write Python"))
    ask = await dispatcher.handle(Forget(actor=actor()))
    assert [b.command for b in ask.buttons] == ["/forget confirm", "/forget cancel"]
    await dispatcher.handle(Forget(actor=actor(), cancelled=True))
    assert not (await dispatcher.handle(ShowProfile(actor=actor()))).is_error


async def test_confirmed_forget_deletes_only_this_community(dispatcher: Dispatcher) -> None:
    here, there = actor("alice", "guild-1"), actor("alice", "guild-2")
    await dispatcher.handle(SubmitIntro(actor=here, text="I write Python"))
    await dispatcher.handle(SubmitIntro(actor=there, text="I write Go code"))
    done = await dispatcher.handle(Forget(actor=here, confirmed=True))
    assert "deleted" in done.text
    assert (await dispatcher.handle(ShowProfile(actor=here))).is_error
    assert not (await dispatcher.handle(ShowProfile(actor=there))).is_error
    again = await dispatcher.handle(Forget(actor=here, confirmed=True))
    assert "nothing stored" in again.text


async def test_the_confirmation_lists_every_kind_of_data_deleted(dispatcher: Dispatcher) -> None:
    ask = await dispatcher.handle(Forget(actor=actor()))
    (card,) = ask.cards
    (what,) = card.fields
    for stored in ("introduction", "profile edits", "mentoring settings", "mentoring requests",
                   "pairings", "feedback", "meetup RSVPs", "reminder deliveries",
                   "member record"):
        assert stored in what.value, stored
