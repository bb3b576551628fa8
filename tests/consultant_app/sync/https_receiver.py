"""A real receiver over real TLS on 127.0.0.1 for "test connection" (core and desktop tests):
uvicorn in a thread with certificates from throw-away CAs (trustme), and the servers that go
wrong in the ways a consultant meets: an untrusted CA, a certificate for another name, a port
nobody listens on, a server that accepts and never answers, a web server that is not the
receiver."""

import http.server
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import trustme

from tests.consultant_app.receiver.support import fresh_engine, make_app, serve_in_thread


@dataclass(frozen=True)
class Pki:
    ca: str  # the CA the laptop is told to trust (the CA file)
    cert: str  # 127.0.0.1's certificate from that CA (chain) and its key
    key: str
    other_ca_cert: str  # 127.0.0.1's certificate from a CA nobody trusts, and its key
    other_ca_key: str
    wrong_name_cert: str  # from the trusted CA, but for another host name, and its key
    wrong_name_key: str


def make_pki(folder: Path) -> Pki:
    def issue(ca: trustme.CA, name: str, stem: str) -> tuple[str, str]:
        cert = ca.issue_cert(name)
        cert_path, key_path = folder / f"{stem}.pem", folder / f"{stem}.key"
        cert_path.write_bytes(b"".join(pem.bytes() for pem in cert.cert_chain_pems))
        cert.private_key_pem.write_to_path(str(key_path))
        return str(cert_path), str(key_path)

    trusted, untrusted = trustme.CA(), trustme.CA()
    trusted.cert_pem.write_to_path(str(folder / "ca.pem"))
    cert, key = issue(trusted, "127.0.0.1", "good")
    other_cert, other_key = issue(untrusted, "127.0.0.1", "other-ca")
    wrong_cert, wrong_key = issue(trusted, "receiver.example.org", "wrong-name")
    return Pki(str(folder / "ca.pem"), cert, key, other_cert, other_key, wrong_cert, wrong_key)


@contextmanager
def https_receiver(folder: Path, certfile: str, keyfile: str, engines: list | None = None) -> Iterator[str]:
    """The receiver (tokens: support.LAPTOP_TOKEN, ANALYST_TOKEN, ...); yields its https address.
    Its database engine is appended to `engines` when given."""
    engine = fresh_engine(f"sqlite:///{folder / 'receiver.db'}")
    if engines is not None:
        engines.append(engine)
    try:
        with serve_in_thread(make_app(engine), certfile=certfile, keyfile=keyfile) as port:
            yield f"https://127.0.0.1:{port}"
    finally:
        engine.dispose()


@contextmanager
def stuck_server() -> Iterator[str]:
    """Listens, so the connection is made (the kernel's backlog), but never accepts: the TLS
    handshake waits forever."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield f"https://127.0.0.1:{sock.getsockname()[1]}"


@contextmanager
def web_server() -> Iterator[str]:
    """Plain HTTP on loopback answering every path with a web page: something, not the receiver."""

    class Page(http.server.BaseHTTPRequestHandler):
        def _page(self) -> None:
            body = b"<html><body>It works!</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _page

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
