"""Built-in RFC 3161 time-stamping authority for the evidence ledger.

The ledger has to prove *when* a tree head existed, also on a practice platform that cannot reach
an external TSA. So the platform runs its own: tokens are ordinary RFC 3161 TimeStampTokens (a CMS
SignedData, RFC 5652, over a TSTInfo, with the RFC 5035 signing-certificate-v2 attribute that RFC
5816 asks for). An auditor can therefore check a token with ``openssl ts -verify``, the data and
the TSA certificate alone, without trusting (or even having) this code.

Trust model: the TSA certificate is self-signed and is its own trust anchor. Whoever verifies must
get it out of band (it is published next to the ledger); a token proves nothing to someone who
takes the certificate from the token itself, which is why :func:`verify_token` takes it as an
argument and only cross-checks the copy embedded in the token.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from asn1crypto import cms, tsp  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped,unused-ignore]
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

# Private-enterprise arc for the platform's time-stamp policy. It only has to be stable and not
# collide with a public policy: verifiers identify the TSA by its certificate, not by this OID.
POLICY_OID = "1.3.6.1.4.1.61234.1.1"
ORGANIZATION = "FTZ Practice Platform"
DEFAULT_NAME = "FTZ Practice Platform TSA"
KEY_FILE = "tsa_key.pem"
CERT_FILE = "tsa_cert.pem"
CERT_VALIDITY = timedelta(days=3653)  # ten years, leap days included
ACCURACY_SECONDS = 1
# RFC 3161 lets serial numbers reach 160 bits; 127 random bits make collisions between tokens of
# one TSA negligible without keeping a counter that would have to survive restarts.
_SERIAL_BITS = 127

# asn1crypto parses lazily and reports malformed input with several exception types (a mistagged
# field can even surface as AttributeError), so the public functions translate exactly these into
# TimestampError for their callers.
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError)


class TimestampError(ValueError):
    """A time-stamp token is malformed or does not verify against the data and certificate."""


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _utc_seconds(moment: datetime) -> datetime:
    """genTime carries whole seconds in UTC; truncating here keeps signing-time equal to it."""
    if moment.tzinfo is None:
        raise ValueError("timestamps need a timezone-aware datetime")
    return moment.astimezone(UTC).replace(microsecond=0)


def _cms_time(moment: datetime) -> Any:
    """RFC 5652 11.3: signing-time is UTCTime for 1950-2049 and GeneralizedTime otherwise."""
    kind = "utc_time" if 1950 <= moment.year < 2050 else "generalized_time"
    return cms.Time(name=kind, value=moment)


def _set_encoding(signed_attrs: Any) -> bytes:
    """The bytes the signature covers: the signed attributes re-tagged as a plain SET.

    RFC 5652 5.4 signs the DER of ``SET OF Attribute`` although the SignerInfo stores it under the
    implicit tag [0]. Only the identifier octet differs, so swap it on the bytes as received
    instead of re-encoding, which could silently "repair" a tampered or non-DER encoding.
    """
    raw: bytes = signed_attrs.dump()
    if raw[:1] != b"\xa0":
        raise TimestampError("signed attributes are not encoded as [0] IMPLICIT SET OF")
    return b"\x31" + raw[1:]


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Publish ``data`` at ``path`` unless a file is already there; never overwrite.

    The content is written and synced under a temporary name and then hard-linked into place.
    ``link`` fails if the target exists, so two processes starting at once cannot replace each
    other's key, and nobody ever reads a half-written file. ``mkstemp`` creates the file 0600, so
    the private key is never readable by others, whatever the umask.
    """
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # someone else won the race; keep theirs
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


def _self_signed_certificate(
    key: ec.EllipticCurvePrivateKey, name: str, now: datetime
) -> x509.Certificate:
    """A self-signed end-entity TSA certificate that verifiers trust directly.

    The extended key usage is critical and names only id-kp-timeStamping, as RFC 3161 2.3
    requires. Key usage is digitalSignature alone: OpenSSL's time-stamp purpose check rejects a
    signer certificate whose key usage has anything beyond digitalSignature/nonRepudiation, so
    keyCertSign would make ``openssl ts -verify`` fail. Without keyCertSign the certificate must
    not claim to be a CA (RFC 5280 4.2.1.9), hence CA:FALSE; OpenSSL still accepts a self-signed
    end-entity certificate given with ``-CAfile`` as its own trust anchor.
    """
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
        ]
    )
    public_key = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + CERT_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .sign(key, hashes.SHA256())
    )


def _load_key(path: Path) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError(f"{path} does not hold an EC private key")
    return key


class TimeStampAuthority:
    """Issues RFC 3161 time-stamp tokens with one EC P-256 key and its self-signed certificate."""

    def __init__(
        self, private_key: ec.EllipticCurvePrivateKey, certificate: x509.Certificate
    ) -> None:
        if certificate.public_key() != private_key.public_key():
            raise ValueError("the TSA certificate does not belong to the TSA private key")
        self._key = private_key
        self._certificate = certificate
        self._cert_der = certificate.public_bytes(serialization.Encoding.DER)
        self._cert_asn1 = asn1_x509.Certificate.load(self._cert_der)

    @classmethod
    def load_or_create(cls, keys_dir: Path, name: str = DEFAULT_NAME) -> TimeStampAuthority:
        """Load the TSA identity from ``keys_dir``, creating it on first use.

        The key is written before the certificate, so a crash in between leaves a key from which
        the certificate is simply re-made (no token can exist yet). A certificate without its key,
        though, means the identity that signed earlier tokens is lost; that is reported rather
        than papered over with a new identity nobody has been told to trust. ``name`` only
        matters when the certificate is created; an existing certificate keeps its subject.
        """
        keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        key_path = keys_dir / KEY_FILE
        cert_path = keys_dir / CERT_FILE
        if not key_path.exists():
            if cert_path.exists():
                raise FileNotFoundError(
                    f"{cert_path} exists but its private key {key_path} is missing; "
                    "refusing to replace the TSA identity"
                )
            new_key = ec.generate_private_key(ec.SECP256R1())
            pem = new_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            _write_new(key_path, pem, 0o600)
        key = _load_key(key_path)  # re-read: a concurrent first call may have won the race
        if not cert_path.exists():
            now = _utc_seconds(datetime.now(UTC))
            certificate = _self_signed_certificate(key, name, now)
            _write_new(cert_path, certificate.public_bytes(serialization.Encoding.PEM), 0o644)
        return cls(key, x509.load_pem_x509_certificate(cert_path.read_bytes()))

    @property
    def certificate_pem(self) -> bytes:
        """The trust anchor verifiers need; publish it where auditors can fetch it."""
        return self._certificate.public_bytes(serialization.Encoding.PEM)

    def timestamp(self, data: bytes, *, now: datetime | None = None) -> bytes:
        """A DER TimeStampToken (CMS ContentInfo of SignedData) over SHA-256(data).

        ``now`` exists for tests and back-fills; it must fall inside the certificate's validity,
        because a token dated outside it could never be verified.
        """
        return self.timestamp_digest(_sha256(data), now=now)

    def timestamp_digest(
        self,
        digest: bytes,
        *,
        nonce: int | None = None,
        with_certificate: bool = True,
        now: datetime | None = None,
    ) -> bytes:
        """The token for a SHA-256 digest; `nonce` and `with_certificate` answer an RFC 3161
        request's nonce and certReq (without certReq the certificate must be left out)."""
        gen_time = _utc_seconds(datetime.now(UTC) if now is None else now)
        if not (
            self._certificate.not_valid_before_utc
            <= gen_time
            <= self._certificate.not_valid_after_utc
        ):
            raise TimestampError(f"{gen_time.isoformat()} is outside the TSA certificate validity")

        fields: dict[str, object] = {
            "version": "v1",
            "policy": POLICY_OID,
            "message_imprint": {
                "hash_algorithm": {"algorithm": "sha256"},
                "hashed_message": digest,
            },
            "serial_number": secrets.randbits(_SERIAL_BITS) | 1 << (_SERIAL_BITS - 1),
            "gen_time": gen_time,
            "accuracy": {"seconds": ACCURACY_SECONDS},
        }
        if nonce is not None:
            fields["nonce"] = nonce
        tst_info = tsp.TSTInfo(fields)
        tst_der: bytes = tst_info.dump()

        # ESSCertIDv2 leaves hashAlgorithm out: it is sha256, the DEFAULT, and DER omits defaults.
        attributes = cms.CMSAttributes(
            [
                {"type": "content_type", "values": ["tst_info"]},
                {"type": "signing_time", "values": [_cms_time(gen_time)]},
                {"type": "message_digest", "values": [_sha256(tst_der)]},
                {
                    "type": "signing_certificate_v2",
                    "values": [{"certs": [{"cert_hash": _sha256(self._cert_der)}]}],
                },
            ]
        )
        # Sign the DER SET (asn1crypto sorts SET OF members on dump) and embed exactly those bytes
        # re-loaded, so the [0]-tagged copy in the SignerInfo cannot drift from what was signed.
        attributes_der: bytes = attributes.dump()
        signature = self._key.sign(attributes_der, ec.ECDSA(hashes.SHA256()))

        tbs = self._cert_asn1["tbs_certificate"]
        signer_info = {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                name="issuer_and_serial_number",
                value={"issuer": tbs["issuer"], "serial_number": tbs["serial_number"]},
            ),
            "digest_algorithm": {"algorithm": "sha256"},
            "signed_attrs": cms.CMSAttributes.load(attributes_der),
            "signature_algorithm": {"algorithm": "sha256_ecdsa"},
            "signature": signature,
        }
        signed_data = cms.SignedData(
            {
                "version": "v3",
                "digest_algorithms": [{"algorithm": "sha256"}],
                "encap_content_info": {
                    "content_type": "tst_info",
                    "content": tsp.TSTInfo.load(tst_der),
                },
                "certificates": [self._cert_asn1] if with_certificate else None,
                "signer_infos": [signer_info],
            }
        )
        token: bytes = cms.ContentInfo(
            {"content_type": "signed_data", "content": signed_data}
        ).dump()
        return token

    def response(self, data: bytes) -> bytes:
        """A DER TimeStampResp (status granted) for clients that speak the RFC 3161 protocol."""
        response: bytes = tsp.TimeStampResp(
            {
                "status": {"status": "granted"},
                "time_stamp_token": cms.ContentInfo.load(self.timestamp(data)),
            }
        ).dump()
        return response


def _unwrap(token: bytes) -> tuple[Any, bytes, Any]:
    """Split a token into its SignedData, the exact encapsulated TSTInfo bytes, and the TSTInfo."""
    content_info = cms.ContentInfo.load(token, strict=True)
    if content_info["content_type"].native != "signed_data":
        raise TimestampError("token is not a CMS SignedData")
    signed_data = content_info["content"]
    if signed_data["version"].native != "v3":
        raise TimestampError("SignedData over a TSTInfo must be version 3 (RFC 5652 5.1)")
    # asn1crypto matches optional fields by tag, so a [0] certificates flipped to [1] would be read
    # as crls and the token would silently lose its certificates. This TSA never sends revocation
    # data (its self-signed certificate is the trust anchor), so any crls field is rejected.
    if signed_data["crls"].dump():
        raise TimestampError("token carries revocation data, which this TSA never includes")
    encap = signed_data["encap_content_info"]
    if encap["content_type"].native != "tst_info":
        raise TimestampError("token does not encapsulate a TSTInfo")
    if not encap["content"].contents:
        raise TimestampError("token has no encapsulated TSTInfo")
    tst_der = bytes(encap["content"].contents)
    tst_info = tsp.TSTInfo.load(tst_der, strict=True)
    if tst_info["version"].native != "v1":
        raise TimestampError("unsupported TSTInfo version")
    return signed_data, tst_der, tst_info


def _gen_time(tst_info: Any) -> datetime:
    moment: datetime = tst_info["gen_time"].native
    return moment.astimezone(UTC)


def _is_sha256(algorithm: Any) -> bool:
    """SHA-256 AlgorithmIdentifier with parameters absent or NULL, the two forms RFC 5754 allows.

    Checking the parameters too keeps every byte of the unsigned parts of a token meaningful.
    """
    return bool(
        algorithm["algorithm"].native == "sha256"
        and algorithm["parameters"].dump() in (b"", b"\x05\x00")
    )


def _single_attribute_values(signed_attrs: Any) -> dict[str, Any]:
    """Signed attributes by name; each may appear once with one value (RFC 5652 11.1-11.2)."""
    values: dict[str, Any] = {}
    for attribute in signed_attrs:
        kind = attribute["type"].native
        if kind in values:
            raise TimestampError(f"signed attribute {kind} appears more than once")
        if len(attribute["values"]) != 1:
            raise TimestampError(f"signed attribute {kind} must have exactly one value")
        values[kind] = attribute["values"][0]
    return values


def _check_signer_identity(sid: Any, version: str, certificate: Any) -> None:
    tbs = certificate["tbs_certificate"]
    choice = sid.name
    value = sid.chosen
    expected_version = "v1" if choice == "issuer_and_serial_number" else "v3"
    if version != expected_version:
        raise TimestampError(f"SignerInfo with {choice} must be {expected_version} (RFC 5652 5.3)")
    if choice == "issuer_and_serial_number":
        same = (
            value["issuer"].dump() == tbs["issuer"].dump()
            and value["serial_number"].native == tbs["serial_number"].native
        )
    else:
        same = value.native == certificate.key_identifier
    if not same:
        raise TimestampError("token was signed by a different certificate")


def _check_signing_certificate(attributes: dict[str, Any], cert_der: bytes) -> None:
    """The first ESSCertIDv2 (RFC 5035, SHA-256) or, from external TSAs that still send it, the
    first ESSCertID (RFC 2634, SHA-1) names the signer's certificate by hash (RFC 3161 2.4.1)."""
    if "signing_certificate_v2" in attributes:
        first = attributes["signing_certificate_v2"]["certs"][0]
        if first["hash_algorithm"]["algorithm"].native != "sha256":
            raise TimestampError("signing-certificate-v2 uses an unsupported hash algorithm")
        expected = _sha256(cert_der)
    elif "signing_certificate" in attributes:
        first = attributes["signing_certificate"]["certs"][0]
        expected = hashlib.sha1(cert_der, usedforsecurity=False).digest()
    else:
        raise TimestampError("signed attribute signing_certificate_v2 is missing")
    if not hmac.compare_digest(first["cert_hash"].native, expected):
        raise TimestampError("the signing-certificate attribute does not match the TSA certificate")


# RSA PKCS#1 v1.5 appears under both OIDs in CMS (RFC 3370 3.2); the digest is the SignerInfo's,
# which must be SHA-256.
_RSA_SIGNATURES = {"sha256_rsa", "rsassa_pkcs1v15"}


def _check_signature(signer: Any, signed: bytes, certificate: x509.Certificate) -> None:
    algorithm = signer["signature_algorithm"]["algorithm"].native
    parameters = signer["signature_algorithm"]["parameters"].dump()
    public_key = certificate.public_key()
    signature = signer["signature"].native
    try:
        if algorithm == "sha256_ecdsa" and not parameters:  # RFC 5758 3.2: no parameters
            if not isinstance(public_key, ec.EllipticCurvePublicKey):
                raise TimestampError("the TSA certificate does not hold an EC public key")
            public_key.verify(signature, signed, ec.ECDSA(hashes.SHA256()))
        elif algorithm in _RSA_SIGNATURES:
            if not isinstance(public_key, rsa.RSAPublicKey):
                raise TimestampError("the TSA certificate does not hold an RSA public key")
            public_key.verify(signature, signed, padding.PKCS1v15(), hashes.SHA256())
        else:
            raise TimestampError(
                "signature algorithm is neither ecdsa-with-SHA256 nor RSA PKCS#1 v1.5 with SHA-256"
            )
    except InvalidSignature as exc:
        raise TimestampError("signature does not verify with the TSA certificate") from exc


def _check_certificate_use(certificate: x509.Certificate, gen_time: datetime) -> None:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    except x509.ExtensionNotFound:
        usage = None
    # RFC 3161 2.3: the TSA certificate has exactly one, critical, extended key usage.
    if (
        usage is None
        or not usage.critical
        or list(usage.value) != [ExtendedKeyUsageOID.TIME_STAMPING]
    ):
        raise TimestampError("the certificate is not a time-stamping certificate")
    if not certificate.not_valid_before_utc <= gen_time <= certificate.not_valid_after_utc:
        raise TimestampError("genTime is outside the TSA certificate validity")


def _verify(token: bytes, data: bytes, certificate: x509.Certificate) -> datetime:
    cert_der = certificate.public_bytes(serialization.Encoding.DER)
    cert_asn1 = asn1_x509.Certificate.load(cert_der)
    signed_data, tst_der, tst_info = _unwrap(token)
    signer_infos = signed_data["signer_infos"]
    if len(signer_infos) != 1:
        raise TimestampError("token must have exactly one signer")
    signer = signer_infos[0]

    imprint = tst_info["message_imprint"]
    if not _is_sha256(imprint["hash_algorithm"]):
        raise TimestampError("message imprint is not SHA-256")
    if not hmac.compare_digest(imprint["hashed_message"].native, _sha256(data)):
        raise TimestampError("message imprint does not match the data")

    _check_signer_identity(signer["sid"], signer["version"].native, cert_asn1)
    embedded = signed_data["certificates"]
    if embedded.dump() and all(c.chosen.dump() != cert_der for c in embedded):
        raise TimestampError("certificates in the token do not include the TSA certificate")

    if not _is_sha256(signer["digest_algorithm"]):
        raise TimestampError("signer digest algorithm is not SHA-256")
    if not all(_is_sha256(algorithm) for algorithm in signed_data["digest_algorithms"]):
        raise TimestampError("SignedData digestAlgorithms must list SHA-256 only")
    signed_attrs = signer["signed_attrs"]
    if not signed_attrs.dump():
        raise TimestampError("token has no signed attributes")
    attributes = _single_attribute_values(signed_attrs)
    for required in ("content_type", "message_digest"):
        if required not in attributes:
            raise TimestampError(f"signed attribute {required} is missing")
    if attributes["content_type"].native != "tst_info":
        raise TimestampError("signed content-type is not id-ct-TSTInfo")
    digest = attributes["message_digest"].native
    if not hmac.compare_digest(digest, _sha256(tst_der)):
        raise TimestampError("signed message digest does not match the TSTInfo")
    _check_signing_certificate(attributes, cert_der)
    _check_signature(signer, _set_encoding(signed_attrs), certificate)

    gen_time = _gen_time(tst_info)
    _check_certificate_use(certificate, gen_time)
    return gen_time


def verify_token(token: bytes, data: bytes, certificate_pem: bytes) -> datetime:
    """Check a token offline against the data and the trusted TSA certificate; return genTime.

    Every link from the data to the trusted key is checked: the imprint binds the data to the
    TSTInfo, the signed message digest binds the TSTInfo to the signed attributes, the signature
    binds those to the key, and signing-certificate-v2 binds the key's certificate to the
    signature so it cannot be swapped for another certificate with the same key.
    """
    try:
        certificate = x509.load_pem_x509_certificate(certificate_pem)
    except ValueError as exc:
        raise TimestampError(f"TSA certificate is not a valid PEM certificate: {exc}") from exc
    try:
        return _verify(token, data, certificate)
    except TimestampError:
        raise
    except _PARSE_ERRORS as exc:
        raise TimestampError(f"malformed time-stamp token: {exc}") from exc


def token_info(token: bytes) -> dict[str, object]:
    """Serial, genTime, policy and imprint of a token, for display only: nothing is verified."""
    try:
        _, _, tst_info = _unwrap(token)
        imprint = tst_info["message_imprint"]
        return {
            "serial": int(tst_info["serial_number"].native),
            "gen_time": _gen_time(tst_info),
            "policy": str(tst_info["policy"].dotted),
            "hash_algorithm": str(imprint["hash_algorithm"]["algorithm"].native),
            "imprint": bytes(imprint["hashed_message"].native).hex(),
        }
    except TimestampError:
        raise
    except _PARSE_ERRORS as exc:
        raise TimestampError(f"malformed time-stamp token: {exc}") from exc
