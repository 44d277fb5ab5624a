"""Every message the templates show has a Chinese translation; workflow states too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ftz.core.registry import built_practices
from ftz.core.web import i18n
from ftz.core.web.i18n import gettext_for

SRC = Path(__file__).resolve().parents[2] / "src" / "ftz"
MSGID = re.compile(r"""_\(\s*(?:"([^"]+)"|'([^']+)')\s*\)""")


def test_template_messages_are_translated() -> None:
    missing = set()
    for template in SRC.rglob("*.html"):
        zh = gettext_for("zh", template.parent.parent.parent.name)  # practices/<p>/templates/<p>/x
        for match in MSGID.finditer(template.read_text(encoding="utf-8")):
            msgid = match.group(1) or match.group(2)
            if zh.gettext(msgid) == msgid:
                missing.add(msgid)
    assert not missing


def test_states_and_nav_are_translated() -> None:
    zh = gettext_for("zh")
    for spec in built_practices():
        for machine in spec.workflows:
            for state in machine.states:
                assert zh.gettext(state.id) != state.id, state.id
        for link in spec.nav:
            assert zh.gettext(link.label) != link.label, link.label


def test_english_is_the_message_id() -> None:
    assert gettext_for("en").gettext("Sign in") == "Sign in"
    assert gettext_for("zh").gettext("Sign in") == "登录"


def test_a_practice_carries_its_own_translations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "some_practice" / "locale"
    folder.mkdir(parents=True)
    (folder / "zh.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Gate transactions"\nmsgstr "卡口交易"\n\nmsgid "Sign in"\nmsgstr "不覆盖"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "PRACTICES_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        zh = i18n.gettext_for("zh")
        assert zh.gettext("Gate transactions") == "卡口交易"
        assert zh.gettext("Sign in") == "登录"  # elsewhere the core's translation is kept
        own = i18n.gettext_for("zh", "some_practice")
        assert own.gettext("Sign in") == "不覆盖"  # on its own pages the practice's wins
        assert own.gettext("Sign out") == zh.gettext("Sign out")
    finally:
        i18n.translations.cache_clear()
