"""A throwaway PostgreSQL cluster with TLS, set up as the README's "A shared database for an office" tells an
administrator: its own CA and a server certificate made with openssl, ``ssl = on``, one database owned by one
role and nothing more, ``hostssl`` lines with scram-sha-256 in pg_hba.conf.

``tls_cluster`` starts one per test session on a free loopback port (as the ``postgres`` user when the tests run
as root) and stops it at the end; the tests skip with the reason when no PostgreSQL server binaries exist.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

#: the role and database of the README, and a second role that may connect but create nothing
DATABASE = "inducci"
OWNER = "inducci"
OWNER_PASSWORD = "Hasło-ż3-źdźbło"
VISITOR = "visitor"
VISITOR_PASSWORD = "visitor-pw-9"

#: the README's server setup, run as the superuser (the password is set here instead of with \password)
SETUP_SQL = f"""
CREATE ROLE {OWNER} LOGIN PASSWORD '{OWNER_PASSWORD}';
CREATE DATABASE {DATABASE} OWNER {OWNER};
REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC;
CREATE ROLE {VISITOR} LOGIN PASSWORD '{VISITOR_PASSWORD}';
GRANT CONNECT ON DATABASE {DATABASE} TO {VISITOR};
"""
#: run in the new database as the superuser (README: after \\connect inducci): only the owner uses its schema
SCHEMA_SQL = f"ALTER SCHEMA public OWNER TO {OWNER};\nREVOKE ALL ON SCHEMA public FROM PUBLIC;\n"

#: the README's postgresql.conf lines (the port and socket folder are the test's own)
CONF_LINES = ("listen_addresses = '127.0.0.1'", "ssl = on", "ssl_cert_file = 'server.crt'",
              "ssl_key_file = 'server.key'")
#: the README's pg_hba.conf line, for loopback; the superuser only through the socket
HBA_LINES = (
    "local   all       postgres                 trust",
    f"hostssl {DATABASE}   {OWNER}   127.0.0.1/32   scram-sha-256",
    f"hostssl all      {VISITOR}   127.0.0.1/32   scram-sha-256",  # so a wrong database name reaches the server
    "hostssl postgres  all       127.0.0.1/32   scram-sha-256",
)


@dataclass(frozen=True)
class TlsCluster:
    host: str
    port: int
    ca_file: Path
    wrong_ca_file: Path
    socket_dir: Path
    bin_dir: Path


def server_bin_dir() -> Path | None:
    """The folder of initdb/pg_ctl: on PATH, else the newest /usr/lib/postgresql/<n>/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[-3]))
    return Path(candidates[-1]).parent if candidates else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; the distribution's packages make a ``postgres`` user for it
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], stdin: str | None = None) -> None:
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stdout}{result.stderr}")


def make_certificates(folder: Path) -> tuple[Path, Path, Path, Path]:
    """The README's openssl commands: a CA, a server key and certificate for 127.0.0.1/localhost signed by it;
    and a second CA that signed nothing (a client holding it must refuse the server)."""
    ca_key, ca_crt = folder / "ca.key", folder / "ca.crt"
    key, csr, crt = folder / "server.key", folder / "server.csr", folder / "server.crt"
    ext = folder / "server.ext"
    ext.write_text("subjectAltName = DNS:localhost, IP:127.0.0.1\n", encoding="utf-8")
    _run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Office CA",
          "-keyout", str(ca_key), "-out", str(ca_crt)])
    _run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", str(key),
          "-out", str(csr)])
    _run(["openssl", "x509", "-req", "-in", str(csr), "-CA", str(ca_crt), "-CAkey", str(ca_key),
          "-CAcreateserial", "-days", "2", "-extfile", str(ext), "-out", str(crt)])
    wrong_key, wrong_crt = folder / "other-ca.key", folder / "other-ca.crt"
    _run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Some other CA",
          "-keyout", str(wrong_key), "-out", str(wrong_crt)])
    return ca_crt, wrong_crt, key, crt


def _psql(cluster: TlsCluster, database: str, sql: str) -> None:
    _run(_as_server_user([str(cluster.bin_dir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
                          str(cluster.socket_dir), "-p", str(cluster.port), "-U", "postgres", "-d", database,
                          "-f", "-"]), stdin=sql)


@pytest.fixture(scope="session")
def tls_cluster() -> Iterator[TlsCluster]:
    bin_dir = server_bin_dir()
    if bin_dir is None or not (bin_dir / "pg_ctl").exists():
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command to make the test certificates")
    root = Path(tempfile.mkdtemp(prefix="inducci-pg-tls-"))
    data, certs = root / "data", root / "certs"
    certs.mkdir()
    ca, wrong_ca, key, crt = make_certificates(certs)
    port = free_port()
    cluster = TlsCluster("127.0.0.1", port, ca, wrong_ca, root, bin_dir)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    _run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth-local=trust",
                          "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C"]))
    shutil.copy(crt, data / "server.crt")
    shutil.copy(key, data / "server.key")
    (data / "server.key").chmod(0o600)
    with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write("\n".join((*CONF_LINES, f"port = {port}", f"unix_socket_directories = '{root}'", "fsync = off",
                              "")))
    (data / "pg_hba.conf").write_text("\n".join((*HBA_LINES, "")), encoding="utf-8")
    if os.geteuid() == 0:
        for path in (data / "server.crt", data / "server.key", data / "pg_hba.conf"):
            shutil.chown(path, "postgres", "postgres")
    _run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w",
                          "-t", "60", "start"]))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _psql(cluster, "postgres", "SELECT 1")
                break
            except RuntimeError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        _psql(cluster, "postgres", SETUP_SQL)
        _psql(cluster, DATABASE, SCHEMA_SQL)
        yield cluster
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       capture_output=True, timeout=60, check=False)
        shutil.rmtree(root, ignore_errors=True)
