"""gettext catalogs, compiled in memory at start-up: the core's
(locale/<lang>/LC_MESSAGES/ftz.po) plus each practice's own (practices/<name>/locale/<lang>.po),
so a practice carries its translations with it. A message the core translates keeps the core's
translation.

Message ids are English; Chinese is the default language of the UI.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).with_name("locale")
PRACTICES_DIR = Path(__file__).resolve().parents[2] / "practices"
LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
LANG_COOKIE = "ftz_lang"


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> gettext.NullTranslations:
    po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "ftz.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    for practice_po in sorted(PRACTICES_DIR.glob(f"*/locale/{lang}.po")):
        with practice_po.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id and message.id not in catalog:
                    catalog[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def normalize(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def gettext_for(lang: str) -> gettext.NullTranslations:
    return translations(normalize(lang))
