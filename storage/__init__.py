"""SQL storage for mentormeet: SQLAlchemy 2 async engines, tables, migrations and repositories."""

from storage.engine import create_engine
from storage.migrate import current, downgrade, head_revision, upgrade
from storage.uow import SqlUnitOfWork, make_uow_factory

__all__ = [
    "SqlUnitOfWork",
    "create_engine",
    "current",
    "downgrade",
    "head_revision",
    "make_uow_factory",
    "upgrade",
]
