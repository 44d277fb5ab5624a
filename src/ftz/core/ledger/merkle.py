"""RFC 9162 (RFC 6962) Merkle tree hashing, proof shapes and offline verification.

Pure functions over hashes: no storage. A tree of n leaves is split at the largest power of two
smaller than n, so every range that appears in a proof is a run of complete, aligned subtrees; a
store that keeps every complete interior node can therefore answer any proof with O(log n) reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()

_sha256 = hashlib.sha256


class ProofError(ValueError):
    """A proof does not verify, or its shape does not fit the tree sizes."""


def leaf_hash(entry: bytes) -> bytes:
    return _sha256(LEAF_PREFIX + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return _sha256(NODE_PREFIX + left + right).digest()


def split_point(size: int) -> int:
    """The largest power of two strictly smaller than size (size >= 2)."""
    return 1 << ((size - 1).bit_length() - 1)


# A range [start, end) of leaves. Every range used below has `start` aligned so that it is the
# union of complete subtrees given by the binary digits of its size, largest first.
Range = tuple[int, int]
NodeKey = tuple[int, int]  # (level, index): the complete subtree of 2**level leaves at index


def range_nodes(start: int, end: int) -> list[NodeKey]:
    """The complete subtrees that make up [start, end), left to right."""
    size = end - start
    if size <= 0:
        return []
    if size & (size - 1) == 0:  # one complete subtree: the common case in proofs
        level = size.bit_length() - 1
        return [(level, start >> level)]
    keys: list[NodeKey] = []
    position = start
    for level in range(size.bit_length() - 1, -1, -1):
        if size >> level & 1:
            keys.append((level, position >> level))
            position += 1 << level
    return keys


def fold_range(hashes: Sequence[bytes]) -> bytes:
    """Root of a range from its complete subtrees (left to right): H(a, H(b, H(c, ...)))."""
    result = hashes[-1]
    for value in reversed(hashes[:-1]):
        result = node_hash(value, result)
    return result


def inclusion_ranges(index: int, size: int) -> list[Range]:
    """RFC 9162 §2.1.3.1 PATH(m, D[n]) as ranges, from the leaf upwards."""
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is not in a tree of size {size}")
    ranges: list[Range] = []
    start, end = 0, size
    while end - start > 1:
        k = split_point(end - start)
        if index < start + k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start = start + k
    ranges.reverse()
    return ranges


def consistency_ranges(old: int, new: int) -> list[Range]:
    """RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true) as ranges."""
    if not 0 < old <= new:
        raise ProofError(f"no consistency proof from size {old} to size {new}")
    ranges: list[Range] = []
    start, end, m, complete = 0, new, old, True
    while True:
        n = end - start
        if m == n:
            if not complete:
                ranges.append((start, end))
            break
        k = split_point(n)
        if m <= k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start, m, complete = start + k, m - k, False
    ranges.reverse()
    return ranges


def resolve(
    ranges: Sequence[Range], lookup: Callable[[list[NodeKey]], dict[NodeKey, bytes]]
) -> list[bytes]:
    """Hashes of ranges, fetching every stored node they need in one call."""
    needed = [range_nodes(start, end) for start, end in ranges]
    found = lookup(list({key: None for keys in needed for key in keys}))
    return [
        found[keys[0]] if len(keys) == 1 else fold_range([found[key] for key in keys])
        for keys in needed
    ]


def root_from_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """RFC 9162 §2.1.3.2: the root a proof leads to (raises when its length is wrong)."""
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is not in a tree of size {size}")
    _check_hashes([leaf, *proof])
    fn, sn = index, size - 1
    result = leaf
    for sibling in proof:
        if sn == 0:
            raise ProofError("proof is longer than the tree is high")
        if fn & 1 or fn == sn:
            result = node_hash(sibling, result)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            result = node_hash(result, sibling)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("proof is shorter than the tree is high")
    return result


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> None:
    if root_from_inclusion(index, size, leaf, proof) != root:
        raise ProofError("inclusion proof does not lead to the root")


def verify_consistency(
    old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> None:
    """RFC 9162 §2.1.4.2."""
    _check_hashes([old_root, new_root, *proof])
    if old == new:
        if proof or old_root != new_root:
            raise ProofError("equal sizes need equal roots and an empty proof")
        return
    if old == 0:
        if proof:
            raise ProofError("a proof from the empty tree must be empty")
        return
    if not 0 < old < new:
        raise ProofError(f"no consistency proof from size {old} to size {new}")
    if not proof:
        raise ProofError("empty consistency proof")
    path = list(proof)
    if old & (old - 1) == 0:  # a power of two: the old root is the first node of the path
        path.insert(0, old_root)
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for value in path[1:]:
        if sn == 0:
            raise ProofError("consistency proof is too long")
        if fn & 1 or fn == sn:
            fr = node_hash(value, fr)
            sr = node_hash(value, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, value)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("consistency proof is too short")
    if fr != old_root or sr != new_root:
        raise ProofError("consistency proof does not lead to both roots")


def _check_hashes(values: Sequence[bytes]) -> None:
    for value in values:
        if len(value) != HASH_SIZE:
            raise ProofError(f"a hash must be {HASH_SIZE} bytes, not {len(value)}")


class Frontier:
    """The right edge of a tree: the roots of its complete subtrees, largest first.

    Appending a leaf merges equal-sized subtrees like a binary counter; each merge is a newly
    complete interior node, returned so a store can keep it.
    """

    __slots__ = ("hashes", "size")

    def __init__(self, size: int = 0, hashes: list[bytes] | None = None) -> None:
        self.size = size
        self.hashes = hashes if hashes is not None else []

    def keys(self) -> list[NodeKey]:
        return range_nodes(0, self.size)

    def append(self, leaf: bytes, new_nodes: list[tuple[int, int, bytes]]) -> None:
        """Add one leaf hash; push (level, index, hash) of every completed node."""
        index = self.size
        hashes = self.hashes
        hashes.append(leaf)
        level = 0
        while index & 1:
            right = hashes.pop()
            merged = _sha256(NODE_PREFIX + hashes.pop() + right).digest()
            hashes.append(merged)
            level += 1
            index >>= 1
            new_nodes.append((level, index, merged))
        self.size += 1

    def root(self) -> bytes:
        if not self.hashes:
            return EMPTY_ROOT
        return fold_range(self.hashes)


class MemoryLog:
    """A whole log in memory (levels as lists): for benchmarks and as the audit's re-derivation."""

    def __init__(self) -> None:
        self.levels: list[list[bytes]] = [[]]
        self.frontier = Frontier()

    @property
    def size(self) -> int:
        return self.frontier.size

    def append(self, entry: bytes) -> int:
        index = self.frontier.size
        leaf = _sha256(LEAF_PREFIX + entry).digest()
        self.levels[0].append(leaf)
        nodes: list[tuple[int, int, bytes]] = []
        self.frontier.append(leaf, nodes)
        for level, _index, value in nodes:
            if level == len(self.levels):
                self.levels.append([])
            self.levels[level].append(value)
        return index

    def lookup(self, keys: list[NodeKey]) -> dict[NodeKey, bytes]:
        return {(level, index): self.levels[level][index] for level, index in keys}

    def root(self, size: int | None = None) -> bytes:
        size = self.size if size is None else size
        if size == 0:
            return EMPTY_ROOT
        return resolve([(0, size)], self.lookup)[0]

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        return resolve(inclusion_ranges(index, size), self.lookup)

    def consistency_proof(self, old: int, new: int) -> list[bytes]:
        return resolve(consistency_ranges(old, new), self.lookup)
