"""RFC 3161 over HTTP (section 3.4): the request and response messages, a client for an external
time-stamping authority, and the responder that serves the built-in one.

The client checks every reply before a checkpoint relies on it: status granted, the imprint is
the SHA-256 of what we sent, the nonce is ours, and the token verifies against the TSA
certificate configured for it.
"""

from __future__ import annotations

import hashlib
import secrets
import urllib.error
import urllib.request
from pathlib import Path
from typing import ClassVar

from asn1crypto import cms, core, tsp  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ftz.core.ledger.tsa import TimeStampAuthority, TimestampError, verify_token

QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
MAX_REPLY_BYTES = 1 << 20
MAX_REQUEST_BYTES = 4096  # a SHA-256 request is under 100 bytes; extensions are not accepted
_NONCE_BITS = 64


def build_request(digest: bytes, nonce: int, *, cert_req: bool = True) -> bytes:
    request: bytes = tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {
                "hash_algorithm": {"algorithm": "sha256"},
                "hashed_message": digest,
            },
            "nonce": nonce,
            "cert_req": cert_req,
        }
    ).dump()
    return request


class _StatusOnly(core.Sequence):  # type: ignore[misc]
    """TimeStampResp read or written up to its status: asn1crypto declares timeStampToken
    mandatory, but RFC 3161 2.4.2 makes it OPTIONAL and absent when the status is a rejection."""

    _fields: ClassVar[list[tuple[str, type]]] = [("status", tsp.PKIStatusInfo)]


def reply_status(reply_der: bytes) -> tuple[str, set[str], list[str]]:
    """Status, failure reasons and status texts of a TimeStampResp, with or without a token."""
    try:
        info = _StatusOnly.load(reply_der, strict=False)["status"]
        return (
            str(info["status"].native),
            set(info["fail_info"].native or ()),
            list(info["status_string"].native or []),
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise TimestampError(f"the TSA reply is not a TimeStampResp: {exc}") from exc


def _rejection(failure: str, text: str) -> bytes:
    reply: bytes = _StatusOnly(
        {"status": {"status": "rejection", "status_string": [text], "fail_info": {failure}}}
    ).dump()
    return reply


def respond(authority: TimeStampAuthority, request_der: bytes) -> bytes:
    """A DER TimeStampResp for a DER TimeStampReq: granted, or a rejection saying why."""
    try:
        request = tsp.TimeStampReq.load(request_der)
        imprint = request["message_imprint"]
        algorithm = imprint["hash_algorithm"]["algorithm"].native
        digest = imprint["hashed_message"].native
        nonce = request["nonce"].native
        cert_req = bool(request["cert_req"].native)
        if request["version"].native != "v1":
            return _rejection("bad_data_format", "only version 1 requests are supported")
    except (ValueError, TypeError, KeyError) as exc:
        return _rejection("bad_data_format", f"not a TimeStampReq: {exc}")
    if algorithm != "sha256" or not isinstance(digest, bytes) or len(digest) != 32:
        return _rejection("bad_alg", "only SHA-256 message imprints are accepted")
    if request["extensions"].native:
        return _rejection("unaccepted_extension", "no extensions are accepted")
    if request["req_policy"].native is not None:
        return _rejection("unaccepted_policy", "no policy may be requested")
    token = authority.timestamp_digest(digest, nonce=nonce, with_certificate=cert_req)
    reply: bytes = tsp.TimeStampResp(
        {"status": {"status": "granted"}, "time_stamp_token": cms.ContentInfo.load(token)}
    ).dump()
    return reply


def parse_reply(reply_der: bytes, digest: bytes, nonce: int) -> bytes:
    """The token from a TimeStampResp, after checking status, imprint and nonce."""
    status, failures, texts = reply_status(reply_der)
    if status not in ("granted", "granted_with_mods"):
        reasons = " ".join(sorted(failures) + texts)
        raise TimestampError(f"the TSA refused: {status} {reasons}".strip())
    try:
        reply = tsp.TimeStampResp.load(reply_der)
        token: bytes = reply["time_stamp_token"].dump()
        info = reply["time_stamp_token"]["content"]["encap_content_info"]["content"].parsed
        imprint = info["message_imprint"]["hashed_message"].native
        their_nonce = info["nonce"].native
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise TimestampError(f"the TSA reply holds no readable token: {exc}") from exc
    if imprint != digest:
        raise TimestampError("the TSA stamped a different message imprint")
    if their_nonce != nonce:
        raise TimestampError("the TSA reply does not carry our nonce")
    return token


class ExternalTimeStampAuthority:
    """Time-stamps from a TSA at `url` (RFC 3161 over HTTP); same interface as the built-in one.

    The TSA's signing certificate is configured, not learnt from its first reply: a certificate
    taken on first use could be anyone's, and receipts hand it to verifiers as the trust anchor.
    """

    def __init__(self, url: str, certificate_file: Path, timeout: float = 10) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"the TSA URL must be http(s), not {url!r}")
        self.url = url
        self.timeout = timeout
        self._certificate_pem = x509.load_pem_x509_certificate(
            certificate_file.read_bytes()
        ).public_bytes(serialization.Encoding.PEM)

    @property
    def certificate_pem(self) -> bytes:
        return self._certificate_pem

    def timestamp(self, data: bytes) -> bytes:
        digest = hashlib.sha256(data).digest()
        nonce = secrets.randbits(_NONCE_BITS)
        request = urllib.request.Request(
            self.url,
            data=build_request(digest, nonce),
            headers={"Content-Type": QUERY_TYPE, "Accept": REPLY_TYPE},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                reply = response.read(MAX_REPLY_BYTES + 1)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise TimestampError(f"the TSA at {self.url} did not answer: {exc}") from exc
        if len(reply) > MAX_REPLY_BYTES:
            raise TimestampError("the TSA reply is too large")
        token = parse_reply(reply, digest, nonce)
        verify_token(token, data, self._certificate_pem)
        return token
