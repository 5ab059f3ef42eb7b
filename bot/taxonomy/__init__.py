"""Skill taxonomy (canonical skills, aliases, relations) and the compiled skill matcher."""

from bot.taxonomy.matcher import SkillMatcher
from bot.taxonomy.skill import CustomSkill, Skill, SkillMention
from bot.taxonomy.taxonomy import Taxonomy

__all__ = ["CustomSkill", "Skill", "SkillMatcher", "SkillMention", "Taxonomy"]
