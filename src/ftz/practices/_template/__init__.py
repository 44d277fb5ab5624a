"""The skeleton a new practice starts from (see README.md). Not registered, never imported."""
