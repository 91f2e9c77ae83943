"""The choice of a shared PostgreSQL database, saved on this computer, and the test of a connection to it.

The choice (server, port, database, user, TLS mode, CA file) is a small versioned JSON file in the data folder,
mode 0600, with no password in it. The password is kept in the
operating system's keyring (service "InduCCI Desktop", user ``user@host:port/database``); where no keyring can
keep it, the person is asked for it at each start and it is never written anywhere. ``saved_url`` gives the
URL the store opens; ``test_connection`` tries the server with psycopg and explains what it found.

Nothing here logs a password. The name each change records is not part of the choice: it is "Your name" in
Settings (services/identity.py). A file from before kept a ``display_name`` of its own; ``load`` hands it to
``identity.json`` once, where no name is set yet, and removes it from the file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.domain.text import find_control
from inducci_desktop.domain.upgrades import Outcome, Upgrades

# re-exported: what test_connection returns
from inducci_desktop.services.connection_check import ConnectionReport as ConnectionReport
from inducci_desktop.services.connection_check import Problem as Problem
from inducci_desktop.services.connection_check import run_check
from inducci_desktop.services.errors import ServiceError, ValidationError

log = logging.getLogger(__name__)

FILE_NAME = "shared-database.json"
KEYRING_SERVICE = "InduCCI Desktop"
SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
VERIFYING_MODES = ("verify-ca", "verify-full")
DEFAULT_PORT = 5432
UPGRADES = Upgrades("the shared database choice (shared-database.json)")
NAME_LIMIT = 200
#: kept by earlier versions: the person's name, now "Your name" in identity.json (services/identity.py)
OLD_NAME_KEY = "display_name"


@dataclass(frozen=True)
class SharedDatabaseChoice:
    """Where the user data lives: ``enabled`` False means the local SQLite file (the default)."""

    enabled: bool = False
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = "inducci"
    user: str = "inducci"
    sslmode: str = "verify-full"
    ca_file: str = ""
    #: True: the password is asked for at each start and kept nowhere (no keyring, or the person's wish)
    ask_password: bool = False

    @property
    def keyring_user(self) -> str:
        """The entry's name in the keyring: one password per server, database and role."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


class ChoiceError(ValidationError):
    """Fields that do not fit; ``problems`` maps each field name to its message. Nothing was saved."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


class KeyringError(ServiceError):
    """The keyring refused to keep or give the password; nothing was saved."""


class PasswordRequired(ServiceError):
    """A shared database is chosen but its password is not kept on this computer: ask the person for it and
    build the URL with ``url_for(error.choice, password)``."""

    def __init__(self, choice: SharedDatabaseChoice, message: str) -> None:
        super().__init__(message)
        self.choice = choice


# --- the saved choice --------------------------------------------------------------------------------------


def choice_path(config_dir: Path) -> Path:
    return config_dir / FILE_NAME


def load(config_dir: Path) -> SharedDatabaseChoice | None:
    """The saved choice, or None when there is none (or it cannot be read: then the local database is used)."""
    path = choice_path(config_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable %s: %s", path.name, type(exc).__name__)
        return None
    result = UPGRADES.apply(raw)
    if result.outcome in (Outcome.NEWER, Outcome.INVALID):
        return None
    if OLD_NAME_KEY in result.values:
        _hand_over_name(config_dir, raw)
    try:
        return _from_values(result.values)
    except (TypeError, ValueError):
        log.warning("ignoring %s: its values are not those of a shared database choice", path.name)
        return None


def _hand_over_name(config_dir: Path, raw: dict[str, Any]) -> None:
    """The ``display_name`` an earlier version kept here becomes "Your name" (identity.json) if none is set
    there yet, and leaves this file (best effort: where the folder cannot be written it is tried again)."""
    from inducci_desktop.services.identity import Identity

    old = raw.get(OLD_NAME_KEY)
    identity = Identity(config_dir)
    if isinstance(old, str) and old.strip() and not identity.stored():
        try:
            identity.set_name(old)
        except (ServiceError, OSError) as exc:  # not a name that fits, or the folder cannot be written
            log.warning("the name in %s was not taken over (%s)", FILE_NAME, type(exc).__name__)
        else:
            log.info("the name of the shared database choice is now the one in %s", identity.path.name)
    try:
        _write(choice_path(config_dir), {key: value for key, value in raw.items() if key != OLD_NAME_KEY})
    except ServiceError:
        log.warning("%s still holds the name of an earlier version (the folder cannot be written)", FILE_NAME)


def _from_values(values: dict[str, Any]) -> SharedDatabaseChoice:
    kinds = {"enabled": bool, "host": str, "port": int, "database": str, "user": str, "sslmode": str,
             "ca_file": str, "ask_password": bool}
    known = {key: value for key, value in values.items() if key in kinds}
    for key, value in known.items():
        if not isinstance(value, kinds[key]) or (kinds[key] is int and isinstance(value, bool)):
            raise TypeError(key)
    choice = SharedDatabaseChoice(**known)
    if choice.sslmode not in SSL_MODES:
        raise ValueError("sslmode")
    return choice


def check(choice: SharedDatabaseChoice) -> dict[str, str]:
    """What is wrong with each field of a chosen shared database (empty when all fit, or when the local
    database is chosen: its fields are then only remembered)."""
    if not choice.enabled:
        return {}
    problems: dict[str, str] = {}
    for name, label, value in (("host", N_("Server"), choice.host), ("database", N_("Database"), choice.database),
                               ("user", N_("User"), choice.user)):
        if not value.strip():
            problems[name] = _("{field} is empty: enter it.").format(field=_(label))
        elif find_control(value) is not None or len(value) > NAME_LIMIT:
            problems[name] = _("{field} is not valid: use at most {limit} characters and no control characters.") \
                .format(field=_(label), limit=NAME_LIMIT)
        elif name == "host" and any(c.isspace() for c in value.strip()):
            problems[name] = _("The server name cannot contain spaces.")
    if not 1 <= choice.port <= 65535:
        problems["port"] = _("The port must be a number from 1 to 65535 (usually 5432).")
    if choice.sslmode not in SSL_MODES:
        problems["sslmode"] = _("Unknown TLS mode {mode}.").format(mode=choice.sslmode)
    if choice.ca_file:
        if not Path(choice.ca_file).is_file():
            problems["ca_file"] = _("The CA file {path} does not exist.").format(path=choice.ca_file)
    elif choice.sslmode in VERIFYING_MODES:
        problems["ca_file"] = _("Choose the CA certificate file from your administrator: {mode} checks the "
                                "server's certificate against it.").format(mode=choice.sslmode)
    return problems


def save(config_dir: Path, choice: SharedDatabaseChoice, password: str | None) -> None:
    """Check and save the choice; the password (when given and not asked at each start) goes to the keyring.

    ``password`` None keeps the password already in the keyring. Raises ChoiceError (fields that do not fit)
    or KeyringError (the keyring refused it); in both cases nothing is saved.
    """
    choice = replace(choice, host=choice.host.strip(), database=choice.database.strip(), user=choice.user.strip(),
                     ca_file=choice.ca_file.strip())
    problems = check(choice)
    if problems:
        raise ChoiceError(problems)
    previous = load(config_dir)
    if choice.enabled and not choice.ask_password and password is not None:
        _keyring_set(choice, password)
    if choice.enabled and choice.ask_password:
        _keyring_delete(choice)  # asked at each start means kept nowhere
    if previous is not None and previous.keyring_user != choice.keyring_user:
        _keyring_delete(previous)
    _write(choice_path(config_dir), {**asdict(choice), "version": UPGRADES.current})
    log.info("shared database choice saved (%s)", "shared database" if choice.enabled else "local database")


def forget(config_dir: Path) -> None:
    """Remove the saved choice and its password from the keyring: the local database at the next start."""
    previous = load(config_dir)
    if previous is not None:
        _keyring_delete(previous)
    choice_path(config_dir).unlink(missing_ok=True)


def _write(path: Path, values: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".shared-database-", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(values, handle, ensure_ascii=False, indent=1)
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ServiceError(_("The choice could not be saved in {folder} ({reason}).")
                           .format(folder=path.parent, reason=exc.strerror or exc)) from exc


# --- the URL the store opens -------------------------------------------------------------------------------


def url_for(choice: SharedDatabaseChoice, password: str | None) -> str:
    """``postgresql+psycopg://user:password@host:port/database?sslmode=…&sslrootcert=…`` (quoted as needed)."""
    from sqlalchemy.engine import URL

    query = {"sslmode": choice.sslmode, **({"sslrootcert": choice.ca_file} if choice.ca_file else {})}
    url = URL.create("postgresql+psycopg", username=choice.user, password=password or None, host=choice.host,
                     port=choice.port, database=choice.database, query=query)
    return url.render_as_string(hide_password=False)


def saved_url(config_dir: Path) -> str | None:
    """The URL of the saved shared database with its password from the keyring; None when the local database
    is chosen (no choice saved, or the shared one switched off).

    Raises PasswordRequired when the password is asked at each start or the keyring does not have it.
    """
    choice = load(config_dir)
    if choice is None or not choice.enabled:
        return None
    if choice.ask_password:
        raise PasswordRequired(choice, _("Enter the password of {user} for the shared database on {host}.")
                               .format(user=choice.user, host=choice.host))
    try:
        password = _keyring_get(choice)
    except KeyringError as exc:
        raise PasswordRequired(choice, str(exc)) from None
    if password is None:
        raise PasswordRequired(choice, _("The keyring of this computer holds no password for {user} on {host}: "
                                         "enter it.").format(user=choice.user, host=choice.host))
    return url_for(choice, password)


# --- the keyring -------------------------------------------------------------------------------------------


def keyring_problem() -> str | None:
    """None when the operating system's keyring can keep the password; else why not, in plain words."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return _("The keyring library is not installed, so the password cannot be kept on this computer.")
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or type(backend).__module__ == "keyring.backends.null":
        return _("No keyring is available on this computer to keep the password (on Linux: GNOME Keyring, "
                 "KWallet or another Secret Service, unlocked).")
    return None


def _keyring_failed(exc: Exception) -> KeyringError:
    log.warning("the keyring failed: %s", type(exc).__name__)
    return KeyringError(_("The keyring refused the password ({reason}). Choose \"Ask for the password at each "
                          "start\" instead.").format(reason=type(exc).__name__))


def _keyring_set(choice: SharedDatabaseChoice, password: str) -> None:
    problem = keyring_problem()
    if problem is not None:
        raise KeyringError(problem + " " + _("Choose \"Ask for the password at each start\" instead."))
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, choice.keyring_user, password)
    except Exception as exc:  # every backend raises its own kinds (locked, dismissed, D-Bus down)
        raise _keyring_failed(exc) from None


def _keyring_get(choice: SharedDatabaseChoice) -> str | None:
    problem = keyring_problem()
    if problem is not None:
        raise KeyringError(problem)
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, choice.keyring_user)
    except Exception as exc:  # as in _keyring_set
        raise _keyring_failed(exc) from None


def stored_password(choice: SharedDatabaseChoice) -> bool:
    """Whether the keyring holds a password for this choice (False when there is no usable keyring)."""
    try:
        return _keyring_get(choice) is not None
    except KeyringError:
        return False


def _keyring_delete(choice: SharedDatabaseChoice) -> None:
    if keyring_problem() is not None:
        return
    import keyring

    try:
        keyring.delete_password(KEYRING_SERVICE, choice.keyring_user)
    except Exception:  # not there, or the keyring is locked: nothing to forget then
        log.debug("no keyring entry removed")


# --- testing a connection ----------------------------------------------------------------------------------


def test_connection(choice: SharedDatabaseChoice, password: str | None, timeout: int = 5) -> ConnectionReport:
    """Connect with psycopg as the app would, and report what works and what does not."""
    log.debug("testing the connection to %s (sslmode %s)", choice.keyring_user, choice.sslmode)
    report = run_check(choice, password, timeout)
    log.debug("connection test: %s", report.problem or "ok")
    return report
