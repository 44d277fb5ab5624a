"""p27 golden cases and the canonical statement bytes."""

from __future__ import annotations

import random
import string

import pytest
import rfc8785

from ftz.core.rules import load_golden, run_case
from ftz.practices.trade_secrets.certification import HERE, rules
from ftz.practices.trade_secrets.statement import canonical_flat, commitment

CASES = load_golden(HERE / "rules")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_fast_canonical_form_equals_rfc8785() -> None:
    generator = random.Random(7)
    alphabet = string.ascii_letters + string.digits + "_./:+=-"
    for _ in range(500):
        values: dict[str, str | int] = {}
        for _ in range(generator.randint(1, 7)):
            key = "".join(generator.choices(string.ascii_lowercase, k=generator.randint(1, 9)))
            values[key] = (
                generator.randint(-(10**12), 10**12)
                if generator.random() < 0.3
                else "".join(generator.choices(alphabet, k=generator.randint(0, 70)))
            )
        assert canonical_flat(values) == rfc8785.dumps(values)
    unusual = {"name": '张三 "quoted"', "n": 1}
    assert canonical_flat(unusual) == rfc8785.dumps(unusual)


def test_commitment_binds_every_metadata_field() -> None:
    metadata = {
        "title": "图纸",
        "file_name": "a.dwg",
        "size_bytes": 10,
        "contributors": ["王磊"],
        "description": "",
    }
    salt = "00" * 16
    base = commitment(salt, metadata)
    assert commitment("01" * 16, metadata) != base
    for key, value in (("title", "图纸2"), ("contributors", ["李娜"]), ("size_bytes", 11)):
        assert commitment(salt, {**metadata, key: value}) != base


def test_fast_metadata_form_equals_rfc8785_on_unicode() -> None:
    from ftz.practices.trade_secrets.statement import canonical_metadata

    generator = random.Random(8785)
    pool = "abc 张三李四\"\\\n\t\r\x00\x1f\x7f\u2028\u2029é😀/<>&'"
    for _ in range(500):
        metadata = {
            "title": "".join(generator.choices(pool, k=generator.randint(0, 30))),
            "file_name": "".join(generator.choices(pool, k=generator.randint(0, 10))),
            "size_bytes": generator.randint(0, 10**15),
            "contributors": ["".join(generator.choices(pool, k=3)) for _ in range(2)],
            "description": "",
        }
        assert canonical_metadata(metadata) == rfc8785.dumps(metadata)
