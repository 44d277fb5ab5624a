"""The built-in RFC 3161 TSA: offline verification, tampering, key storage, OpenSSL interop."""

from __future__ import annotations

import hashlib
import shutil
import stat
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import cms  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ftz.core.ledger.tsa import (
    CERT_FILE,
    KEY_FILE,
    POLICY_OID,
    TimeStampAuthority,
    TimestampError,
    token_info,
    verify_token,
)

DATA = b"tree head 42: 5f1c...\n"


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> TimeStampAuthority:
    return TimeStampAuthority.load_or_create(tmp_path_factory.mktemp("tsa") / "keys")


@pytest.fixture(scope="module")
def token(tsa: TimeStampAuthority) -> bytes:
    return tsa.timestamp(DATA)


def test_token_verifies_and_returns_gen_time(tsa: TimeStampAuthority) -> None:
    now = datetime.now(UTC) + timedelta(seconds=5, microseconds=123_456)
    token = tsa.timestamp(DATA, now=now)

    gen_time = verify_token(token, DATA, tsa.certificate_pem)

    assert gen_time == now.replace(microsecond=0)
    assert gen_time.utcoffset() == timedelta(0)


def test_token_info_describes_the_token(tsa: TimeStampAuthority, token: bytes) -> None:
    info = token_info(token)

    assert info["policy"] == POLICY_OID
    assert info["imprint"] == hashlib.sha256(DATA).hexdigest()
    assert info["gen_time"] == verify_token(token, DATA, tsa.certificate_pem)
    serial = info["serial"]
    assert isinstance(serial, int)
    assert serial.bit_length() > 64


def test_serial_numbers_are_unique(tsa: TimeStampAuthority) -> None:
    serials = {token_info(tsa.timestamp(DATA))["serial"] for _ in range(20)}
    assert len(serials) == 20


def test_tampered_data_is_rejected(tsa: TimeStampAuthority, token: bytes) -> None:
    with pytest.raises(TimestampError, match="imprint"):
        verify_token(token, DATA + b"!", tsa.certificate_pem)


@pytest.mark.parametrize("mask", [0x01, 0x80, 0xFF])
def test_every_flipped_byte_in_the_token_is_rejected(
    tsa: TimeStampAuthority, token: bytes, mask: int
) -> None:
    # Unsigned parts of the token (versions, algorithm identifiers, tags, the embedded
    # certificate) must be checked too, and malformed input must surface as TimestampError only.
    accepted = []
    for position in range(len(token)):
        tampered = bytearray(token)
        tampered[position] ^= mask
        try:
            verify_token(bytes(tampered), DATA, tsa.certificate_pem)
        except TimestampError:
            continue
        accepted.append(position)
    assert accepted == []


def test_a_forged_signature_is_rejected(tsa: TimeStampAuthority, token: bytes) -> None:
    # Flip a bit inside the ECDSA signature value itself, keeping the DER well-formed, so the
    # rejection can only come from the signature check.
    content_info = cms.ContentInfo.load(token)
    signature = bytearray(content_info["content"]["signer_infos"][0]["signature"].native)
    position = token.rindex(bytes(signature)) + len(signature) - 1
    tampered = bytearray(token)
    tampered[position] ^= 0x01
    with pytest.raises(TimestampError, match="signature does not verify"):
        verify_token(bytes(tampered), DATA, tsa.certificate_pem)


def test_signing_certificate_v2_pins_the_exact_certificate(tmp_path: Path) -> None:
    # RFC 3161 tokens may omit certificates. Then only signing-certificate-v2 tells two
    # certificates for the same key, issuer and serial apart; build such a twin and strip the
    # certificates so that no other check can notice the swap.
    tsa = TimeStampAuthority.load_or_create(tmp_path)
    original = x509.load_pem_x509_certificate(tsa.certificate_pem)
    key = serialization.load_pem_private_key((tmp_path / KEY_FILE).read_bytes(), password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    builder = (
        x509.CertificateBuilder()
        .subject_name(original.subject)
        .issuer_name(original.issuer)
        .public_key(key.public_key())
        .serial_number(original.serial_number)
        .not_valid_before(original.not_valid_before_utc)
        .not_valid_after(original.not_valid_after_utc - timedelta(days=1))
    )
    for extension in original.extensions:
        builder = builder.add_extension(extension.value, critical=extension.critical)
    twin = TimeStampAuthority(key, builder.sign(key, hashes.SHA256()))

    content_info = cms.ContentInfo.load(twin.timestamp(DATA))
    content_info["content"]["certificates"] = None
    token = content_info.dump(force=True)

    assert verify_token(token, DATA, twin.certificate_pem)
    with pytest.raises(TimestampError, match="signing-certificate attribute does not match"):
        verify_token(token, DATA, tsa.certificate_pem)


def test_another_tsa_certificate_is_rejected(tmp_path: Path, token: bytes) -> None:
    other = TimeStampAuthority.load_or_create(tmp_path / "other")
    with pytest.raises(TimestampError, match="different certificate"):
        verify_token(token, DATA, other.certificate_pem)


def test_garbage_is_rejected(tsa: TimeStampAuthority, token: bytes) -> None:
    for bad in (b"", b"\x30\x00", token[:-1], token + b"\x00", b"not a token"):
        with pytest.raises(TimestampError):
            verify_token(bad, DATA, tsa.certificate_pem)
    with pytest.raises(TimestampError):
        token_info(b"not a token")
    with pytest.raises(TimestampError, match="certificate"):
        verify_token(token, DATA, b"not a certificate")


def test_time_outside_certificate_validity_is_refused(tsa: TimeStampAuthority) -> None:
    with pytest.raises(TimestampError, match="validity"):
        tsa.timestamp(DATA, now=datetime.now(UTC) - timedelta(days=1))
    with pytest.raises(ValueError, match="timezone"):
        tsa.timestamp(DATA, now=datetime(2030, 1, 1))  # deliberately naive


def test_certificate_profile(tsa: TimeStampAuthority) -> None:
    certificate = x509.load_pem_x509_certificate(tsa.certificate_pem)
    extensions = certificate.extensions

    assert certificate.subject == certificate.issuer
    assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (
        "FTZ Practice Platform TSA"
    )
    assert certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == (
        "FTZ Practice Platform"
    )
    public_key = certificate.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    assert public_key.curve.name == "secp256r1"
    lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
    assert timedelta(days=3650) <= lifetime <= timedelta(days=3653)
    usage = extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    assert usage.critical
    assert list(usage.value) == [ExtendedKeyUsageOID.TIME_STAMPING]
    key_usage = extensions.get_extension_for_class(x509.KeyUsage)
    assert key_usage.critical
    assert key_usage.value.digital_signature
    assert extensions.get_extension_for_class(x509.BasicConstraints).critical
    ski = extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert ski == x509.SubjectKeyIdentifier.from_public_key(public_key)


def test_load_or_create_is_idempotent_and_key_is_private(tmp_path: Path) -> None:
    keys_dir = tmp_path / "nested" / "keys"
    first = TimeStampAuthority.load_or_create(keys_dir)
    second = TimeStampAuthority.load_or_create(keys_dir)

    assert second.certificate_pem == first.certificate_pem
    assert (keys_dir / CERT_FILE).read_bytes() == first.certificate_pem
    assert stat.S_IMODE((keys_dir / KEY_FILE).stat().st_mode) == 0o600
    assert sorted(p.name for p in keys_dir.iterdir()) == sorted([CERT_FILE, KEY_FILE])
    # A token from one instance verifies with the certificate the other loaded.
    assert verify_token(first.timestamp(DATA), DATA, second.certificate_pem)


def test_certificate_is_recreated_from_an_orphaned_key(tmp_path: Path) -> None:
    first = TimeStampAuthority.load_or_create(tmp_path)
    (tmp_path / CERT_FILE).unlink()
    again = TimeStampAuthority.load_or_create(tmp_path)
    assert verify_token(again.timestamp(DATA), DATA, again.certificate_pem)
    assert again.certificate_pem != first.certificate_pem


def test_missing_key_is_not_silently_replaced(tmp_path: Path) -> None:
    TimeStampAuthority.load_or_create(tmp_path)
    (tmp_path / KEY_FILE).unlink()
    with pytest.raises(FileNotFoundError, match="refusing"):
        TimeStampAuthority.load_or_create(tmp_path)


def _openssl() -> str:
    path = shutil.which("openssl")
    if path is None:
        pytest.skip("openssl is not on PATH")
    return path


def test_openssl_verifies_the_token(tsa: TimeStampAuthority, tmp_path: Path) -> None:
    openssl = _openssl()
    (tmp_path / "token.tst").write_bytes(tsa.timestamp(DATA))
    (tmp_path / "data.bin").write_bytes(DATA)
    (tmp_path / "tsa_cert.pem").write_bytes(tsa.certificate_pem)
    command = [openssl, "ts", "-verify", "-in", "token.tst", "-token_in", "-data", "data.bin"]
    command += ["-CAfile", "tsa_cert.pem"]

    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)

    assert result.returncode == 0, result.stderr
    assert "Verification: OK" in result.stdout

    # The same command must fail for other data, or the check above proves nothing.
    (tmp_path / "data.bin").write_bytes(DATA + b"!")
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "Verification: OK" not in result.stdout


def test_openssl_reads_the_response(tsa: TimeStampAuthority, tmp_path: Path) -> None:
    openssl = _openssl()
    (tmp_path / "resp.tsr").write_bytes(tsa.response(DATA))

    result = subprocess.run(
        [openssl, "ts", "-reply", "-in", "resp.tsr", "-text"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "Status: Granted" in result.stdout
    assert f"Policy OID: {POLICY_OID}" in result.stdout

    # The response as a whole also verifies, as an RFC 3161 client would check it.
    (tmp_path / "data.bin").write_bytes(DATA)
    (tmp_path / "tsa_cert.pem").write_bytes(tsa.certificate_pem)
    command = [openssl, "ts", "-verify", "-in", "resp.tsr", "-data", "data.bin"]
    command += ["-CAfile", "tsa_cert.pem"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Verification: OK" in result.stdout
