"""gettext catalogs, compiled in memory at start-up: the core's
(locale/<lang>/LC_MESSAGES/ftz.po) plus each practice's own (practices/<name>/locale/<lang>.po),
so a practice carries its translations with it.

Precedence: on a practice's own pages its catalog comes first (a word like "released" means
人工放行 at the border lane and 已放行 at the gate), then the core's, then the other practices'
(for shared fragments). Elsewhere the core comes first. One compiled catalog per (language,
practice), built on first use.

Message ids are English; Chinese is the default language of the UI.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).with_name("locale")
PRACTICES_DIR = Path(__file__).resolve().parents[2] / "practices"
LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
LANG_COOKIE = "ftz_lang"


def _read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


@lru_cache(maxsize=64)
def translations(lang: str, practice: str | None = None) -> gettext.NullTranslations:
    po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "ftz.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    catalog = _read(po_path, lang)
    own = PRACTICES_DIR / str(practice) / "locale" / f"{lang}.po"
    if practice and own.exists():
        for message in _read(own, lang):
            if message.id:
                catalog.delete(message.id)  # setting an existing id would keep its old string
                catalog[message.id] = message
    for practice_po in sorted(PRACTICES_DIR.glob(f"*/locale/{lang}.po")):
        for message in _read(practice_po, lang):
            if message.id and message.id not in catalog:
                catalog[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def normalize(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def gettext_for(lang: str, practice: str | None = None) -> gettext.NullTranslations:
    return translations(normalize(lang), practice)


def practice_of(template: str) -> str | None:
    """The practice whose folder name starts a template path ("p/x.html" → "p"), if any."""
    head = template.split("/", 1)[0]
    return head if "/" in template and (PRACTICES_DIR / head).is_dir() else None
