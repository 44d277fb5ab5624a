from ftz.core.db.base import Base, IdMixin, TimestampMixin, utcnow
from ftz.core.db.engine import make_engine, make_sessionmaker, unit_of_work

__all__ = [
    "Base",
    "IdMixin",
    "TimestampMixin",
    "make_engine",
    "make_sessionmaker",
    "unit_of_work",
    "utcnow",
]
