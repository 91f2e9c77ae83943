"""The shared database choice: saved without its password (the password in the keyring, or asked at each start),
the URL the store opens, and the connection test against a real PostgreSQL server with TLS (tests/pg_tls.py)."""

# ruff: noqa: F811 (the fixtures imported from tests/memory_keyring.py and tests/pg_tls.py are parameters here)
from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from inducci_desktop.services import shared_database as sd
from inducci_desktop.services.identity import Identity
from inducci_desktop.services.shared_database import Problem, SharedDatabaseChoice
from inducci_desktop.store.schema import HEAD

from ..memory_keyring import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401 (fixtures)
from ..pg_tls import (  # noqa: F401 (the fixture)
    CONF_LINES,
    DATABASE,
    HBA_LINES,
    OWNER,
    OWNER_PASSWORD,
    SCHEMA_SQL,
    SETUP_SQL,
    VISITOR,
    VISITOR_PASSWORD,
    TlsCluster,
    free_port,
    tls_cluster,
)

README = Path(__file__).resolve().parents[2] / "README.md"
PASSWORD = "p@ss:wörd/ż?#&%"  # every character a URL must quote, and non-ASCII ones
NAME = "Žofie Dvořáková"


def office_choice(tmp_path: Path, **changes: object) -> SharedDatabaseChoice:
    ca = tmp_path / "office-ca.crt"
    if not ca.exists():
        ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    values: dict[str, object] = {"enabled": True, "host": "db.agency.example", "port": 5433, "database": "inducci",
                                 "user": "inducci", "sslmode": "verify-full", "ca_file": str(ca), **changes}
    return SharedDatabaseChoice(**values)  # type: ignore[arg-type]


def test_nothing_saved_means_the_local_database(tmp_path: Path) -> None:
    assert sd.load(tmp_path) is None
    assert sd.saved_url(tmp_path) is None


def test_saved_without_the_password_which_goes_to_the_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    choice = office_choice(tmp_path)
    sd.save(tmp_path, choice, PASSWORD)

    path = tmp_path / sd.FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    content = path.read_text(encoding="utf-8")
    assert PASSWORD not in content and "wörd" not in content
    stored = json.loads(content)
    assert stored["version"] == 1 and stored["host"] == "db.agency.example" and "display_name" not in stored
    assert memory_keyring.entries == {("InduCCI Desktop", "inducci@db.agency.example:5433/inducci"): PASSWORD}
    assert sd.load(tmp_path) == choice

    url = sd.saved_url(tmp_path)
    assert url is not None and url.startswith("postgresql+psycopg://")
    parsed = make_url(url)
    assert (parsed.username, parsed.password, parsed.host, parsed.port, parsed.database) == (
        "inducci", PASSWORD, "db.agency.example", 5433, "inducci")
    assert dict(parsed.query) == {"sslmode": "verify-full", "sslrootcert": choice.ca_file}

    # saved again without retyping the password: the keyring keeps the one it has
    sd.save(tmp_path, office_choice(tmp_path, sslmode="require"), None)
    assert make_url(sd.saved_url(tmp_path) or "").password == PASSWORD


def test_switching_back_to_local_keeps_the_fields_and_gives_no_url(tmp_path: Path,
                                                                   memory_keyring: MemoryKeyring) -> None:
    sd.save(tmp_path, office_choice(tmp_path), PASSWORD)
    sd.save(tmp_path, office_choice(tmp_path, enabled=False), None)
    assert sd.saved_url(tmp_path) is None
    loaded = sd.load(tmp_path)
    assert loaded is not None and loaded.host == "db.agency.example" and not loaded.enabled


def test_another_server_forgets_the_old_password_and_forget_removes_all(tmp_path: Path,
                                                                         memory_keyring: MemoryKeyring) -> None:
    sd.save(tmp_path, office_choice(tmp_path), PASSWORD)
    sd.save(tmp_path, office_choice(tmp_path, host="db2.agency.example"), "second")
    assert memory_keyring.entries == {("InduCCI Desktop", "inducci@db2.agency.example:5433/inducci"): "second"}
    sd.forget(tmp_path)
    assert memory_keyring.entries == {}
    assert not (tmp_path / sd.FILE_NAME).exists() and sd.saved_url(tmp_path) is None


def test_bad_input_names_each_field_and_saves_nothing(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    sd.save(tmp_path, office_choice(tmp_path), PASSWORD)
    before = (tmp_path / sd.FILE_NAME).read_bytes()
    bad = office_choice(tmp_path, host="  ", port=0, ca_file=str(tmp_path / "missing-ca.crt"), user="db\x00a")
    with pytest.raises(sd.ChoiceError) as raised:
        sd.save(tmp_path, bad, "other password")
    problems = raised.value.problems
    assert set(problems) == {"host", "port", "ca_file", "user"}
    assert "Server is empty" in problems["host"] and "1 to 65535" in problems["port"]
    assert "missing-ca.crt" in problems["ca_file"] and "does not exist" in problems["ca_file"]
    assert (tmp_path / sd.FILE_NAME).read_bytes() == before
    assert list(memory_keyring.entries.values()) == [PASSWORD]

    with pytest.raises(sd.ChoiceError) as raised:
        sd.save(tmp_path, office_choice(tmp_path, ca_file=""), None)
    assert set(raised.value.problems) == {"ca_file"} and "CA certificate" in raised.value.problems["ca_file"]
    assert sd.check(office_choice(tmp_path, ca_file="", sslmode="require")) == {}
    assert sd.check(office_choice(tmp_path, host="db agency")) == {"host": "The server name cannot contain spaces."}


def old_file(tmp_path: Path, name: str) -> Path:
    """A choice as an earlier version saved it: with the person's name in it."""
    path = tmp_path / sd.FILE_NAME
    path.write_text(json.dumps({"version": 1, "enabled": True, "host": "db.agency.example", "port": 5433,
                                "database": "inducci", "user": "inducci", "sslmode": "require", "ca_file": "",
                                "display_name": name, "ask_password": True}), encoding="utf-8")
    return path


def test_a_name_kept_by_an_earlier_version_becomes_your_name_once(tmp_path: Path,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    path = old_file(tmp_path, NAME)
    with caplog.at_level(logging.DEBUG):
        loaded = sd.load(tmp_path)
    assert loaded == SharedDatabaseChoice(enabled=True, host="db.agency.example", port=5433, sslmode="require",
                                          ask_password=True)
    assert Identity(tmp_path).stored() == NAME
    assert "display_name" not in json.loads(path.read_text(encoding="utf-8"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert NAME not in caplog.text  # personal data: never logged

    # cleared later in Settings: the login name is used, the old name does not come back
    Identity(tmp_path).set_name("")
    assert sd.load(tmp_path) == loaded and Identity(tmp_path).stored() == ""


def test_a_name_already_set_wins_over_the_one_an_earlier_version_kept(tmp_path: Path) -> None:
    Identity(tmp_path).set_name("Anna Wiśniewska")
    old_file(tmp_path, NAME)
    assert sd.load(tmp_path) is not None
    assert Identity(tmp_path).stored() == "Anna Wiśniewska"
    assert "display_name" not in json.loads((tmp_path / sd.FILE_NAME).read_text(encoding="utf-8"))


def test_an_old_name_that_does_not_fit_is_dropped_and_the_choice_still_loads(tmp_path: Path) -> None:
    old_file(tmp_path, "Anna\x07Nowak")
    loaded = sd.load(tmp_path)
    assert loaded is not None and loaded.host == "db.agency.example"
    assert Identity(tmp_path).stored() == ""


def test_unreadable_or_foreign_files_mean_the_local_database(tmp_path: Path) -> None:
    path = tmp_path / sd.FILE_NAME
    for content in ("{not json", '{"version": 1, "port": "5432"}', '{"version": 1, "sslmode": "sometimes"}',
                    '["version", 1]', '{"version": 99, "enabled": true, "host": "future"}'):
        path.write_text(content, encoding="utf-8")
        assert sd.load(path.parent) is None, content
        assert sd.saved_url(tmp_path) is None


def test_without_a_keyring_the_password_is_asked_at_each_start(tmp_path: Path, no_keyring: None) -> None:
    problem = sd.keyring_problem()
    assert problem is not None and "No keyring is available" in problem

    with pytest.raises(sd.KeyringError) as raised:
        sd.save(tmp_path, office_choice(tmp_path), PASSWORD)
    assert "Ask for the password at each start" in str(raised.value)
    assert not (tmp_path / sd.FILE_NAME).exists()

    choice = office_choice(tmp_path, ask_password=True)
    sd.save(tmp_path, choice, PASSWORD)
    assert PASSWORD not in (tmp_path / sd.FILE_NAME).read_text(encoding="utf-8")
    assert not sd.stored_password(choice)
    with pytest.raises(sd.PasswordRequired) as asked:
        sd.saved_url(tmp_path)
    assert asked.value.choice == choice and "db.agency.example" in str(asked.value)
    assert make_url(sd.url_for(asked.value.choice, PASSWORD)).password == PASSWORD


def test_a_keyring_without_the_password_asks_for_it(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    sd.save(tmp_path, office_choice(tmp_path), PASSWORD)
    memory_keyring.entries.clear()  # removed in the keyring's own manager, say
    with pytest.raises(sd.PasswordRequired, match="holds no password"):
        sd.saved_url(tmp_path)


def test_asked_at_each_start_removes_a_kept_password(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    sd.save(tmp_path, office_choice(tmp_path), PASSWORD)
    sd.save(tmp_path, office_choice(tmp_path, ask_password=True), None)
    assert memory_keyring.entries == {}


# --- against a real server -----------------------------------------------------------------------------------


def server_choice(cluster: TlsCluster, **changes: object) -> SharedDatabaseChoice:
    values: dict[str, object] = {"enabled": True, "host": cluster.host, "port": cluster.port, "database": DATABASE,
                                 "user": OWNER, "sslmode": "verify-full", "ca_file": str(cluster.ca_file),
                                 **changes}
    return SharedDatabaseChoice(**values)  # type: ignore[arg-type]


def test_verify_full_with_the_right_ca_connects(tls_cluster: TlsCluster) -> None:
    report = sd.test_connection(server_choice(tls_cluster), OWNER_PASSWORD)
    assert report.ok, report.message
    assert report.problem is None and report.encrypted is True and report.can_create is True
    assert report.server_version is not None and report.server_version.split(".")[0].isdigit()
    assert report.message == f"Connected to PostgreSQL {report.server_version}."
    assert any("certificate and name were checked" in d for d in report.details)
    assert any("no InduCCI Desktop data yet" in d for d in report.details)


def test_verify_full_with_a_wrong_ca_fails_clearly(tls_cluster: TlsCluster) -> None:
    report = sd.test_connection(server_choice(tls_cluster, ca_file=str(tls_cluster.wrong_ca_file)), OWNER_PASSWORD)
    assert not report.ok and report.problem is Problem.TLS
    assert report.message.startswith("The server's certificate is not signed by the CA file")
    assert str(tls_cluster.wrong_ca_file) in report.message


def test_a_certificate_for_another_name_fails_clearly(tls_cluster: TlsCluster, tmp_path: Path) -> None:
    # the certificate names localhost and 127.0.0.1; "127.0.0.2" reaches the same loopback server
    report = sd.test_connection(server_choice(tls_cluster, host="127.0.0.2"), OWNER_PASSWORD)
    assert not report.ok and report.problem in (Problem.TLS, Problem.UNREACHABLE)
    if report.problem is Problem.TLS:
        assert "made out for another name than 127.0.0.2" in report.message


@pytest.mark.parametrize(("changes", "password", "problem", "words"), [
    ({}, "wrong password", Problem.PASSWORD, "refused the password for the user inducci"),
    ({}, None, Problem.PASSWORD, "asks for a password"),
    ({"user": VISITOR, "database": "inducci_old"}, VISITOR_PASSWORD, Problem.DATABASE,
     "no database named inducci_old"),
    ({"database": "inducci_old"}, OWNER_PASSWORD, Problem.NOT_ALLOWED, "does not accept the user inducci"),
    ({"sslmode": "disable", "ca_file": ""}, OWNER_PASSWORD, Problem.NOT_ALLOWED, "only encrypted connections"),
    ({"user": VISITOR}, VISITOR_PASSWORD, Problem.RIGHTS, "may use no schema of inducci, so it cannot create tables"),
    ({"host": "no-such-host.invalid"}, OWNER_PASSWORD, Problem.UNREACHABLE, "not known on this network"),
])
def test_each_failure_is_explained(tls_cluster: TlsCluster, changes: dict[str, object], password: str | None,
                                   problem: Problem, words: str) -> None:
    report = sd.test_connection(server_choice(tls_cluster, **changes), password)
    assert not report.ok
    assert report.problem is problem, report.message
    assert words in report.message


def test_a_closed_port_is_unreachable(tls_cluster: TlsCluster) -> None:
    report = sd.test_connection(server_choice(tls_cluster, port=free_port()), OWNER_PASSWORD, timeout=2)
    assert report.problem is Problem.UNREACHABLE
    assert "No PostgreSQL server answers at 127.0.0.1" in report.message


def test_the_app_tables_revision_is_reported(tls_cluster: TlsCluster) -> None:
    choice = server_choice(tls_cluster)
    with psycopg.connect(host=tls_cluster.host, port=tls_cluster.port, dbname=DATABASE, user=OWNER,
                         password=OWNER_PASSWORD, sslmode="verify-full", sslrootcert=str(tls_cluster.ca_file),
                         autocommit=True) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")
        try:
            connection.execute("INSERT INTO alembic_version VALUES (%s)", (HEAD,))
            report = sd.test_connection(choice, OWNER_PASSWORD)
            assert report.ok and report.revision == HEAD
            assert f"schema version {HEAD}, the one this version uses" in report.details[-1]

            connection.execute("UPDATE alembic_version SET version_num = '0999'")
            report = sd.test_connection(choice, OWNER_PASSWORD)
            assert not report.ok and report.problem is Problem.NEWER_SCHEMA and report.revision == "0999"
            assert "newer than this version knows" in report.message and "refused" in report.message

            connection.execute("UPDATE alembic_version SET version_num = '0003'")
            report = sd.test_connection(choice, OWNER_PASSWORD)
            assert report.ok and f"upgrades it to {HEAD}" in report.details[-1]
        finally:
            connection.execute("DROP TABLE alembic_version")


def test_the_saved_url_opens_the_server_through_sqlalchemy(tls_cluster: TlsCluster, tmp_path: Path,
                                                           memory_keyring: MemoryKeyring) -> None:
    sd.save(tmp_path, server_choice(tls_cluster), OWNER_PASSWORD)
    url = sd.saved_url(tmp_path)
    assert url is not None
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT current_user")).scalar() == OWNER
            assert connection.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
    finally:
        engine.dispose()


def test_the_password_never_reaches_the_log(tls_cluster: TlsCluster, tmp_path: Path,
                                            memory_keyring: MemoryKeyring) -> None:
    log_file = tmp_path / "debug.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        choice = server_choice(tls_cluster)
        sd.save(tmp_path, choice, OWNER_PASSWORD)
        url = sd.saved_url(tmp_path)
        assert sd.test_connection(choice, OWNER_PASSWORD).ok
        sd.test_connection(choice, "Wrong-" + OWNER_PASSWORD)
        sd.test_connection(server_choice(tls_cluster, ca_file=str(tls_cluster.wrong_ca_file)), OWNER_PASSWORD)
        engine = create_engine(url or "", echo=True)
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        finally:
            engine.dispose()
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    logged = log_file.read_text(encoding="utf-8")
    assert "testing the connection to inducci@127.0.0.1" in logged  # the debug lines were written
    assert OWNER_PASSWORD not in logged and "Hasło" not in logged


def test_the_readme_gives_the_commands_this_cluster_was_set_up_with() -> None:
    readme = " ".join(README.read_text(encoding="utf-8").split())
    for statement in SETUP_SQL.strip().splitlines()[1:3]:  # the database and the revoke, as typed
        assert statement in readme
    assert "CREATE ROLE inducci LOGIN;" in readme and "\\password inducci" in readme
    for statement in SCHEMA_SQL.strip().splitlines():
        assert statement in readme
    for line in CONF_LINES[1:]:
        assert line in readme
    assert " ".join(HBA_LINES[1].replace(DATABASE, "inducci", 1).replace("127.0.0.1/32", "10.0.0.0/8").split()) \
        in readme
    assert "sslmode=verify-full" in readme
