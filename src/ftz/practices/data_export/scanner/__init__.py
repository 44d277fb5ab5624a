"""Find and classify personal and sensitive data in tables (p01 数据跨境流动).

scan_source("customers.csv" | "postgresql://…", tables=None, sample=10_000) -> ScanResult
scan_frame(polars_frame, "name") -> TableResult
"""

from __future__ import annotations

from .errors import (
    BadEncodingError,
    EmptyTableError,
    RaggedRowsError,
    ScanError,
    SourceUnreachableError,
    TableNotFoundError,
    UnknownFormatError,
)
from .rules import CONTRACT_ENTITIES
from .scan import ScanResult, TableResult, scan_frame, scan_source
from .scoring import ColumnResult

__all__ = [
    "CONTRACT_ENTITIES",
    "BadEncodingError",
    "ColumnResult",
    "EmptyTableError",
    "RaggedRowsError",
    "ScanError",
    "ScanResult",
    "SourceUnreachableError",
    "TableNotFoundError",
    "TableResult",
    "UnknownFormatError",
    "scan_frame",
    "scan_source",
]
