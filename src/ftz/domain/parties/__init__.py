"""Parties shared by practices: persons (hashed identifiers), enterprises, agencies."""
