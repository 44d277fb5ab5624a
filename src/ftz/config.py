"""Settings from the environment (prefix FTZ_), so every command can use a scratch database."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FTZ_", env_file=None, extra="ignore")

    data_dir: Path = Field(
        default=Path("var"), description="Where the database, keys and secret live"
    )
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; SQLite under data_dir"
    )
    secret_key: str | None = Field(default=None, description="Signs sessions; generated if unset")
    default_language: str = "zh"
    session_max_age_seconds: int = 8 * 3600
    cookie_secure: bool = False
    ledger_key_name: str = Field(default="ftz.local", description="Name in checkpoint signatures")
    ledger_sm2: bool = Field(default=True, description="Add an SM2 line when [sm] is installed")
    ledger_tsa_url: str | None = Field(
        default=None, description="External RFC 3161 TSA (http/https); built-in TSA if unset"
    )
    ledger_tsa_certificate: Path | None = Field(
        default=None, description="PEM signing certificate of the external TSA (required with it)"
    )
    ledger_background: bool = Field(default=True, description="Integrate queued entries in-process")

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'ftz.db').as_posix()}"

    def resolved_secret_key(self) -> str:
        """The configured key, else one generated once under data_dir (never in the repo)."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret_key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
            path.chmod(0o600)
        return path.read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
