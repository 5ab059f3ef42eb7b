"""Short reasons a person understands, built from the parts of a pair's score."""

from __future__ import annotations

from bot.matching.facts import MenteeFacts, MentorFacts
from bot.matching.scoring import GoalMatch, PairScore
from bot.taxonomy import Taxonomy

_RELATION_WORDS = ((1.0, ""), (0.6, "closely related to"), (0.4, "related to"), (0.0, "near"))


def _name(taxonomy: Taxonomy, skill_id: str) -> str:
    skill = taxonomy.get(skill_id)
    return skill.name if skill is not None else skill_id


def _years(value: float) -> str:
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{shown} year{'' if shown == '1' else 's'}"


def _goal_reason(taxonomy: Taxonomy, match: GoalMatch, to_mentee: bool) -> str:
    goal = _name(taxonomy, match.goal)
    goal_word = "your goal" if to_mentee else "the goal"
    if match.skill is None:
        return f"Doesn't cover {goal_word} {goal}"
    if match.skill == match.goal:
        return f"Knows {goal}, " + ("which you want to learn" if to_mentee else "a learning goal")
    words = next(text for weight, text in _RELATION_WORDS if match.weight >= weight)
    return f"Knows {_name(taxonomy, match.skill)}, {words} {goal_word} {goal}"


def _depth_reason(taxonomy: Taxonomy, goals: tuple[GoalMatch, ...], own: str) -> str | None:
    covered = [g for g in goals if g.skill is not None]
    if not covered:
        return None
    best = max(covered, key=lambda g: (g.weight, g.depth))
    skill = _name(taxonomy, best.skill or best.goal)
    if best.mentor_years is None:
        return f"Experience in {skill} not stated"
    theirs = (
        f"{_years(best.mentor_years)} of {skill}" if best.years_from_skill
        else f"about {_years(best.mentor_years)} of experience"
    )
    mine = f"{own} {_years(best.mentee_years)}" if best.mentee_years > 0 else f"{own} new to it"
    return f"Depth: {theirs} ({mine})"


def _overlap_reason(pair: PairScore, mentee: MenteeFacts, mentor: MentorFacts) -> str:
    if pair.overlap_hours is None:
        return "Timezone not known for both, so shared hours can't be judged"
    if mentee.timezone == mentor.timezone:
        return f"Same timezone ({mentee.timezone})"
    hours = f"{pair.overlap_hours:.1f}".rstrip("0").rstrip(".")
    return f"{hours} h of shared waking hours ({mentee.timezone} / {mentor.timezone})"


def explain(
    taxonomy: Taxonomy, pair: PairScore, mentee: MenteeFacts, mentor: MentorFacts,
    *, to_mentee: bool = True,
) -> tuple[str, ...]:
    """Reasons for a pair, most important first; ``to_mentee`` says "your goal" instead of "the"."""
    reasons = [_goal_reason(taxonomy, g, to_mentee) for g in pair.goals if g.skill is not None]
    reasons += [_goal_reason(taxonomy, g, to_mentee) for g in pair.goals if g.skill is None]
    depth = _depth_reason(taxonomy, pair.goals, "you:" if to_mentee else "mentee:")
    if depth:
        reasons.append(depth)
    reasons.append(_overlap_reason(pair, mentee, mentor))
    reasons.append(f"{mentor.spare} of {mentor.capacity} mentee slots free")
    if mentor.rating_count:
        average = mentor.rating_sum / mentor.rating_count
        who = "mentee" if mentor.rating_count == 1 else "mentees"
        reasons.append(f"Rated {average:.1f}/5 by {mentor.rating_count} {who}")
    return tuple(reasons)
