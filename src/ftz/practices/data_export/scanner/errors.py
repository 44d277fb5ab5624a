"""Typed scan errors: each carries the CLI exit code; the API renders them as problem details."""

from __future__ import annotations

from dataclasses import dataclass

from ftz.core.kit.errors import FtzError


@dataclass
class ScanError(FtzError):
    """Base of every error the scanner raises on purpose (bad input → exit code 2)."""

    exit_code: int = 2
    type_slug: str = "scan-bad-input"


@dataclass
class BadEncodingError(ScanError):
    type_slug: str = "scan-bad-encoding"


@dataclass
class RaggedRowsError(ScanError):
    type_slug: str = "scan-ragged-rows"


@dataclass
class EmptyTableError(ScanError):
    type_slug: str = "scan-empty-table"


@dataclass
class UnknownFormatError(ScanError):
    type_slug: str = "scan-unknown-format"


@dataclass
class TableNotFoundError(ScanError):
    status: int = 404
    type_slug: str = "scan-table-not-found"


@dataclass
class SourceUnreachableError(ScanError):
    """A database that cannot be reached is not the caller's typo: its own exit code."""

    status: int = 502
    exit_code: int = 3
    type_slug: str = "scan-source-unreachable"
