"""RFC 9162 evidence ledger."""
