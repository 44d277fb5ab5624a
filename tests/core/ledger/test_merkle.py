"""RFC 9162 hashing and proofs against the Certificate Transparency reference vectors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ftz.core.ledger.merkle import (
    EMPTY_ROOT,
    MemoryLog,
    ProofError,
    leaf_hash,
    verify_consistency,
    verify_inclusion,
)

VECTORS = json.loads((Path(__file__).with_name("ct_vectors.json")).read_text(encoding="utf-8"))
LEAVES = [bytes.fromhex(v) for v in VECTORS["leaves"]]
ROOTS = [bytes.fromhex(v) for v in VECTORS["roots"]]


def _reference_log() -> MemoryLog:
    log = MemoryLog()
    for entry in LEAVES:
        log.append(entry)
    return log


def test_roots_match_reference() -> None:
    log = _reference_log()
    assert EMPTY_ROOT.hex() == VECTORS["empty_root"]
    assert MemoryLog().root() == EMPTY_ROOT
    for size in range(1, 9):
        assert log.root(size) == ROOTS[size - 1], size


@pytest.mark.parametrize("case", VECTORS["inclusion"], ids=lambda c: f"{c['leaf']}-{c['size']}")
def test_inclusion_vectors(case: dict) -> None:
    log = _reference_log()
    index, size = case["leaf"] - 1, case["size"]
    expected = [bytes.fromhex(h) for h in case["proof"]]
    assert log.inclusion_proof(index, size) == expected
    verify_inclusion(index, size, leaf_hash(LEAVES[index]), expected, ROOTS[size - 1])


@pytest.mark.parametrize("case", VECTORS["consistency"], ids=lambda c: f"{c['old']}-{c['new']}")
def test_consistency_vectors(case: dict) -> None:
    log = _reference_log()
    old, new = case["old"], case["new"]
    expected = [bytes.fromhex(h) for h in case["proof"]]
    assert log.consistency_proof(old, new) == expected
    verify_consistency(old, new, ROOTS[old - 1], ROOTS[new - 1], expected)


def _corruptions(proof: list[bytes]) -> list[list[bytes]]:
    bad = [[*proof, b"\x00" * 32], [ROOTS[0], *proof], proof[:-1]] if proof else []
    for i in range(len(proof)):
        flipped = bytearray(proof[i])
        flipped[0] ^= 8
        bad.append([*proof[:i], bytes(flipped), *proof[i + 1 :]])
    return bad


def test_every_leaf_of_every_size_and_corruptions() -> None:
    log = MemoryLog()
    for i in range(70):
        log.append(i.to_bytes(2, "big"))
    for size in range(1, 71):
        root = log.root(size)
        for index in range(size):
            leaf = log.levels[0][index]
            proof = log.inclusion_proof(index, size)
            verify_inclusion(index, size, leaf, proof, root)
            for bad in _corruptions(proof):
                with pytest.raises(ProofError):
                    verify_inclusion(index, size, leaf, bad, root)
            if size > 1:
                with pytest.raises(ProofError):
                    verify_inclusion((index + 1) % size, size, leaf, proof, root)


def test_consistency_between_all_sizes() -> None:
    log = MemoryLog()
    for i in range(40):
        log.append(bytes([i]))
    roots = [log.root(n) for n in range(41)]
    for old in range(1, 41):
        for new in range(old, 41):
            proof = log.consistency_proof(old, new)
            verify_consistency(old, new, roots[old], roots[new], proof)
            if proof:
                for bad in _corruptions(proof):
                    with pytest.raises(ProofError):
                        verify_consistency(old, new, roots[old], roots[new], bad)
                with pytest.raises(ProofError):
                    verify_consistency(old, new, roots[new], roots[old], proof)


def test_bad_shapes() -> None:
    with pytest.raises(ProofError):
        verify_inclusion(0, 0, EMPTY_ROOT, [], EMPTY_ROOT)
    with pytest.raises(ProofError):
        verify_inclusion(0, 1, b"short", [], EMPTY_ROOT)
    with pytest.raises(ProofError):
        verify_consistency(2, 1, EMPTY_ROOT, EMPTY_ROOT, [])
    with pytest.raises(ProofError):
        verify_consistency(1, 2, EMPTY_ROOT, EMPTY_ROOT, [])
