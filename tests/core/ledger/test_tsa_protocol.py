"""RFC 3161 over HTTP: the built-in TSA answering OpenSSL's requests, and the client for an
external TSA, tested against OpenSSL's own TSA (`openssl ts -reply`, RSA keys) behind a local
HTTP server."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from asn1crypto import tsp  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ftz.config import Settings
from ftz.core.ledger import service
from ftz.core.ledger.tsa import TimeStampAuthority, TimestampError, verify_token
from ftz.core.ledger.tsa_protocol import (
    QUERY_TYPE,
    REPLY_TYPE,
    ExternalTimeStampAuthority,
    build_request,
    parse_reply,
    reply_status,
    respond,
)
from tests.conftest import ApiClients

DATA = b"checkpoint body\n"


def _openssl() -> str:
    path = shutil.which("openssl")
    if path is None:
        pytest.skip("openssl is not on PATH")
    return path


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_openssl(), *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def builtin(tmp_path_factory: pytest.TempPathFactory) -> TimeStampAuthority:
    return TimeStampAuthority.load_or_create(tmp_path_factory.mktemp("tsa") / "keys")


@pytest.mark.parametrize("with_cert", [True, False])
def test_builtin_answers_an_openssl_query(
    builtin: TimeStampAuthority, tmp_path: Path, with_cert: bool
) -> None:
    (tmp_path / "data.bin").write_bytes(DATA)
    (tmp_path / "tsa.pem").write_bytes(builtin.certificate_pem)
    query = ["ts", "-query", "-data", "data.bin", "-sha256", "-out", "q.tsq"]
    assert _run(tmp_path, *query, *(["-cert"] if with_cert else [])).returncode == 0
    reply = respond(builtin, (tmp_path / "q.tsq").read_bytes())
    (tmp_path / "r.tsr").write_bytes(reply)

    # -queryfile makes OpenSSL check the nonce and imprint against its own request too;
    # -untrusted hands it the signer's certificate when the token leaves it out.
    verified = _run(
        tmp_path, "ts", "-verify", "-in", "r.tsr", "-queryfile", "q.tsq",
        "-CAfile", "tsa.pem", "-untrusted", "tsa.pem",
    )  # fmt: skip
    assert verified.returncode == 0, verified.stderr
    assert "Verification: OK" in verified.stdout
    token = tsp.TimeStampResp.load(reply)["time_stamp_token"]
    assert bool(token["content"]["certificates"].dump()) is with_cert
    verify_token(token.dump(), DATA, builtin.certificate_pem)


def test_builtin_rejects_other_digests_and_garbage(
    builtin: TimeStampAuthority, tmp_path: Path
) -> None:
    (tmp_path / "data.bin").write_bytes(DATA)
    assert (
        _run(tmp_path, "ts", "-query", "-data", "data.bin", "-sha1", "-out", "q.tsq").returncode
        == 0
    )
    sha1 = respond(builtin, (tmp_path / "q.tsq").read_bytes())
    assert reply_status(sha1)[:2] == ("rejection", {"bad_alg"})
    garbage = respond(builtin, b"\x30\x03\x02\x01\x07")
    assert reply_status(garbage)[:2] == ("rejection", {"bad_data_format"})
    with pytest.raises(TimestampError, match="refused: rejection bad_alg"):
        parse_reply(sha1, hashlib.sha256(DATA).digest(), 1)
    # OpenSSL reads our rejection as one.
    (tmp_path / "r.tsr").write_bytes(sha1)
    shown = _run(tmp_path, "ts", "-reply", "-in", "r.tsr", "-text")
    assert "Status: Rejected" in shown.stdout, shown.stdout + shown.stderr


# --- an external TSA: OpenSSL's, with an RSA key, behind HTTP -----------------------------


def _rsa_tsa_identity(folder: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test external TSA")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


def _openssl_config(folder: Path, ess_cert_id_alg: str) -> None:
    (folder / "serial").write_text("01\n")
    (folder / "tsa.cnf").write_text(
        "[ tsa ]\ndefault_tsa = tsa_config1\n[ tsa_config1 ]\n"
        f"serial = {folder / 'serial'}\nsigner_digest = sha256\n"
        "default_policy = 1.3.6.1.4.1.61234.9.9\ndigests = sha256\naccuracy = secs:1\n"
        f"ess_cert_id_alg = {ess_cert_id_alg}\ness_cert_id_chain = no\n"
    )


def _serve(answer: Callable[[bytes], bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            reply = answer(body) if self.headers["Content-Type"] == QUERY_TYPE else b""
            self.send_response(200 if reply else 400)
            self.send_header("Content-Type", REPLY_TYPE)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/tsr"


@pytest.fixture(params=["sha256", "sha1"], ids=["ess-cert-id-v2", "ess-cert-id-v1"])
def openssl_tsa(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, Path]]:
    """URL and certificate of OpenSSL's TSA (signing-certificate v2 or the older v1)."""
    _openssl()
    _rsa_tsa_identity(tmp_path)
    _openssl_config(tmp_path, request.param)
    lock = threading.Lock()

    def answer(query: bytes) -> bytes:
        with lock:
            (tmp_path / "q.tsq").write_bytes(query)
            made = _run(
                tmp_path, "ts", "-reply", "-config", "tsa.cnf", "-queryfile", "q.tsq",
                "-signer", "cert.pem", "-inkey", "key.pem", "-out", "r.tsr",
            )  # fmt: skip
            assert made.returncode == 0, made.stderr
            return (tmp_path / "r.tsr").read_bytes()

    server, url = _serve(answer)
    yield url, tmp_path / "cert.pem"
    server.shutdown()


def test_external_tsa_tokens_verify_offline(openssl_tsa: tuple[str, Path]) -> None:
    url, certificate = openssl_tsa
    external = ExternalTimeStampAuthority(url, certificate)
    token = external.timestamp(DATA)
    assert abs(verify_token(token, DATA, certificate.read_bytes()) - datetime.now(UTC)) < (
        timedelta(minutes=1)
    )
    with pytest.raises(TimestampError):
        verify_token(token, DATA + b"!", certificate.read_bytes())


def test_checkpoints_use_the_configured_external_tsa(
    openssl_tsa: tuple[str, Path], tmp_path: Path
) -> None:
    url, certificate = openssl_tsa
    settings = Settings(
        data_dir=tmp_path, secret_key="x", ledger_tsa_url=url, ledger_tsa_certificate=certificate
    )
    signer = service.signing(settings)
    assert signer.tsa.certificate_pem == certificate.read_bytes()
    assert service.builtin_tsa(settings) is None
    token = signer.tsa.timestamp(DATA)
    verify_token(token, DATA, certificate.read_bytes())


def test_external_tsa_with_another_certificate_is_refused(
    openssl_tsa: tuple[str, Path], builtin: TimeStampAuthority, tmp_path: Path
) -> None:
    url, _certificate = openssl_tsa
    (tmp_path / "other.pem").write_bytes(builtin.certificate_pem)
    with pytest.raises(TimestampError):
        ExternalTimeStampAuthority(url, tmp_path / "other.pem").timestamp(DATA)


def test_a_replayed_reply_is_refused(builtin: TimeStampAuthority, tmp_path: Path) -> None:
    old = respond(builtin, build_request(hashlib.sha256(DATA).digest(), 7))
    server, url = _serve(lambda _query: old)  # answers every query with the same old reply
    (tmp_path / "tsa.pem").write_bytes(builtin.certificate_pem)
    try:
        with pytest.raises(TimestampError, match="nonce"):
            ExternalTimeStampAuthority(url, tmp_path / "tsa.pem").timestamp(DATA)
    finally:
        server.shutdown()


def test_an_unreachable_tsa_is_an_error_not_a_hang(
    builtin: TimeStampAuthority, tmp_path: Path
) -> None:
    (tmp_path / "tsa.pem").write_bytes(builtin.certificate_pem)
    server, url = _serve(lambda _query: b"")
    server.shutdown()
    server.server_close()
    external = ExternalTimeStampAuthority(url, tmp_path / "tsa.pem", timeout=2)
    with pytest.raises(TimestampError, match="did not answer"):
        external.timestamp(DATA)


def test_an_external_url_needs_its_certificate(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, secret_key="x", ledger_tsa_url="https://tsa.example/")
    with pytest.raises(ValueError, match="FTZ_LEDGER_TSA_CERTIFICATE"):
        service.signing(settings)


# --- the endpoint ---------------------------------------------------------------------------


def test_api_time_stamps_for_signed_in_users(api: ApiClients, tmp_path: Path) -> None:
    digest = hashlib.sha256(DATA).digest()
    query = build_request(digest, 99)
    answered = api.as_("ent.a").post(
        "/api/ledger/tsa", content=query, headers={"Content-Type": QUERY_TYPE}
    )
    assert answered.status_code == 200
    assert answered.headers["content-type"] == REPLY_TYPE
    token = parse_reply(answered.content, digest, 99)
    certificate = api.as_("ent.a").get("/api/ledger/keys").json()["tsa_certificate"]
    verify_token(token, DATA, certificate.encode())

    anonymous = api.anonymous().post(
        "/api/ledger/tsa", content=query, headers={"Content-Type": QUERY_TYPE}
    )
    assert anonymous.status_code in (401, 403)
    wrong_type = api.as_("ent.a").post(
        "/api/ledger/tsa", content=query, headers={"Content-Type": "application/octet-stream"}
    )
    assert wrong_type.status_code == 422
    assert wrong_type.json()["errors"][0]["field"] == "content-type"
