"""Everything stored about one community's members as one JSON document (``mentormeet export``).

Extension point: every repository declared on ``bot.ports.UnitOfWork`` must implement
``export_for_community(community_id) -> ExportSections`` (see ``bot/export_records.py``); its
sections land under ``"data"``. A feature's storage holding several repositories (e.g.
``uow.meetups``) implements it once for all of them. A repository without it makes the export
refuse (IncompleteExport) rather than hand an operator an incomplete copy of someone's data,
unless the caller allows that explicitly; the document then lists the gaps under
``"incomplete"``. Only the repositories in ``NOT_EXPORTED`` are skipped, each with the reason.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from bot.domain.community import Community, Platform
from bot.export_records import ExportSections, JsonRecord, community_record
from bot.ports import UnitOfWork, UnitOfWorkFactory
from bot.storage_rules import aware_utc

EXPORT_FORMAT = "mentormeet-export"
EXPORT_VERSION = 1

NOT_EXPORTED: dict[str, str] = {
    "communities": "the community itself is the document's \"community\" entry",
}


class IncompleteExport(RuntimeError):
    """A repository stores community data but cannot export it yet."""


class Exportable(Protocol):
    """A repository that can hand over everything it stores about one community."""

    async def export_for_community(self, community_id: int) -> ExportSections:
        """``{"<section>": [record, ...]}`` for the community."""
        ...


def repository_names() -> list[str]:
    """The repositories the unit of work declares, in declaration order."""
    return list(UnitOfWork.__annotations__)


def exporting_repositories(uow: UnitOfWork) -> tuple[dict[str, Exportable], list[str]]:
    """The declared repositories that can export, and the names of those that cannot."""
    found: dict[str, Exportable] = {}
    missing: list[str] = []
    for name in repository_names():
        if name in NOT_EXPORTED:
            continue
        repository: Any = getattr(uow, name, None)
        if callable(getattr(repository, "export_for_community", None)):
            found[name] = repository
        else:
            missing.append(name)
    return found, missing


def parse_community_ref(text: str) -> int | tuple[Platform, str]:
    """``"12"`` → database id 12; ``"discord:1234"`` → (Platform.DISCORD, "1234")."""
    ref = text.strip()
    if ref.isdigit():
        return int(ref)
    platform, separator, external_id = ref.partition(":")
    known = ", ".join(p.value for p in Platform)
    if not separator or not external_id or platform.lower() not in {p.value for p in Platform}:
        raise ValueError(
            f"{text!r} is neither a community id (a number) nor PLATFORM:EXTERNAL_ID "
            f"(platform one of {known}, e.g. console:local)"
        )
    return Platform(platform.lower()), external_id


async def find_community(uow: UnitOfWork, ref: int | tuple[Platform, str]) -> Community | None:
    """The community a parsed reference names, or None."""
    if isinstance(ref, int):
        return await uow.communities.get(ref)
    return await uow.communities.find(*ref)


async def export_community(
    uow_factory: UnitOfWorkFactory,
    ref: int | tuple[Platform, str],
    now: datetime,
    *,
    allow_incomplete: bool = False,
) -> JsonRecord:
    """The export document, read in one unit of work so it is consistent.

    Raises LookupError when no community matches, and IncompleteExport when a repository
    cannot export its data (unless ``allow_incomplete``).
    """
    exported_at = aware_utc(now, "the export time")
    async with uow_factory() as uow:
        community = await find_community(uow, ref)
        if community is None:
            raise LookupError("no community matches that reference")
        repositories, missing = exporting_repositories(uow)
        if missing and not allow_incomplete:
            raise IncompleteExport(
                "the export would be incomplete: "
                + ", ".join(f"uow.{name}" for name in missing)
                + " cannot export yet (no export_for_community; see bot/export.py)"
            )
        data: ExportSections = {}
        for name, repository in repositories.items():
            for section, records in (await repository.export_for_community(community.id)).items():
                if section in data:
                    raise ValueError(f"uow.{name} exports section {section!r} a second time")
                data[section] = records
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": exported_at.isoformat(),
        "community": community_record(community),
        "data": data,
        "incomplete": missing,
    }
