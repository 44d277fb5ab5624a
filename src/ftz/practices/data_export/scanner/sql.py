"""Any SQLAlchemy URL (SQLite, PostgreSQL, MySQL…), read table by table."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, NoSuchTableError, SQLAlchemyError

from ftz.core.db.engine import with_driver

from .errors import ScanError, SourceUnreachableError, TableNotFoundError, UnknownFormatError


class SqlSource:
    def __init__(self, url: str, sample: int | None, rnd: bool):
        self.sample, self.rnd = sample, rnd
        try:
            self.engine = sa.create_engine(with_driver(url))
        except (ArgumentError, NoSuchModuleError) as exc:
            raise UnknownFormatError(detail=f"not a usable database URL: {exc}") from exc
        self.label = self.engine.url.render_as_string(hide_password=True)
        try:
            self.conn = self.engine.connect()
        except SQLAlchemyError as exc:
            self.engine.dispose()
            reason = str(getattr(exc, "orig", exc)).splitlines()[0]
            raise SourceUnreachableError(
                detail=f"cannot connect to {self.label}: {reason}"
            ) from exc

    def tables(self) -> list[str]:
        inspector = sa.inspect(self.conn)
        return sorted(inspector.get_table_names()) + sorted(inspector.get_view_names())

    def read(self, table: str) -> pl.DataFrame:
        try:
            reflected = sa.Table(table, sa.MetaData(), autoload_with=self.conn)
        except NoSuchTableError as exc:
            raise TableNotFoundError(detail=f"no table {table!r} in {self.label}") from exc
        query = sa.select(reflected)
        if self.sample is not None:
            if self.rnd:
                rand = sa.func.rand() if self.engine.dialect.name == "mysql" else sa.func.random()
                query = query.order_by(rand)
            query = query.limit(self.sample)
        try:
            return pl.read_database(query, self.conn, infer_schema_length=None)
        except SQLAlchemyError as exc:
            raise ScanError(detail=f"cannot read {table!r}: {exc}".splitlines()[0]) from exc

    def close(self) -> None:
        self.conn.close()
        self.engine.dispose()
