"""One linear Alembic history that builds exactly the models, from empty, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from ftz.core.db import Base
from ftz.core.db.migrate import alembic_config
from ftz.models import import_all_models


def test_history_is_linear() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1


def test_upgrade_from_empty_matches_models(seeded_engine: Engine) -> None:
    import_all_models()
    with seeded_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        tables = set(inspect(connection).get_table_names())
    assert {"core_user", "core_audit_event", "exam_certificates_application"} <= tables
