"""Where the user data lives: the local SQLite file (the default) or a PostgreSQL server named by a URL.

The composition root calls ``choose_location`` once: the ``--database-url`` option wins over the
``INDUCCI_DATABASE_URL`` environment variable, which wins over the URL saved in Settings; with none of them,
the data folder's SQLite file, exactly as before. A URL is checked here, before anything connects, and is
only ever shown without its password (``Location.shown``).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from inducci_desktop.domain.i18n import _
from inducci_desktop.store.errors import StoreError

ENV_VAR = "INDUCCI_DATABASE_URL"
#: the one driver the app speaks to PostgreSQL with (psycopg 3, the optional extra ``postgres``)
POSTGRES_DRIVER = "postgresql+psycopg"
INSTALL_HINT = "pip install 'inducci-desktop[postgres]'"


class DatabaseUrlError(StoreError):
    """A database URL that cannot be used: malformed, an unknown driver, or psycopg missing."""


@dataclass(frozen=True)
class Location:
    """The database to open: ``url`` names either an SQLite file or a PostgreSQL database.

    ``source`` says where the choice came from (default, option, environment, settings), for the log.
    """

    url: URL
    source: str = "default"

    @property
    def is_server(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for a server."""
        return None if self.is_server else Path(self.url.database or "")

    @property
    def shown(self) -> str:
        """The URL fit for a message or the log: the password is never in it."""
        if not self.is_server:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)

    @classmethod
    def local(cls, path: Path) -> Location:
        return cls(URL.create("sqlite", database=str(path)))


def parse_database_url(raw: str, source: str = "option") -> Location:
    """Check ``raw`` and say which database it names; raise DatabaseUrlError with a clear message.

    Accepted: ``postgresql+psycopg://…`` and ``postgresql://…`` (both use psycopg 3), and
    ``sqlite:///path``. The message never repeats the password.
    """
    text = raw.strip()
    if not text:
        raise DatabaseUrlError(_("The database URL is empty."))
    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseUrlError(
            _("The database URL is not a valid URL ({url}). It should look like "
              "postgresql+psycopg://user@server/database.").format(url=_without_password(text))) from exc
    backend, driver = url.get_backend_name(), url.get_driver_name()
    if backend == "sqlite":
        if driver not in ("pysqlite", "") or not url.database or url.database == ":memory:":
            raise DatabaseUrlError(_("The SQLite URL {url} names no file: use sqlite:///PATH.")
                                   .format(url=url.render_as_string(hide_password=True)))
        return Location(url.set(drivername="sqlite", database=str(Path(url.database).expanduser())), source)
    if backend != "postgresql":
        raise DatabaseUrlError(
            _("The database URL uses '{driver}', which InduCCI Desktop does not support: use "
              "postgresql+psycopg://user@server/database (or sqlite:///PATH).").format(driver=url.drivername))
    if driver not in ("psycopg", "psycopg2") and url.drivername != "postgresql":
        raise DatabaseUrlError(
            _("The database URL asks for the driver '{driver}'; InduCCI Desktop talks to PostgreSQL through psycopg "
              "only: use postgresql+psycopg://…").format(driver=driver))
    if not url.database:
        raise DatabaseUrlError(_("The database URL {url} names no database: add /DATABASE at the end.")
                               .format(url=url.render_as_string(hide_password=True)))
    if importlib.util.find_spec("psycopg") is None:
        raise DatabaseUrlError(_("A PostgreSQL database needs psycopg, which is not installed here: {command}")
                               .format(command=INSTALL_HINT))
    return Location(url.set(drivername=POSTGRES_DRIVER), source)


def choose_location(cli_url: str | None, environ: Mapping[str, str], saved_url: str | None,
                    default_path: Path) -> Location:
    """The database this run uses: ``--database-url``, else ``INDUCCI_DATABASE_URL``, else the URL saved in
    Settings, else the SQLite file ``default_path`` of the data folder."""
    for raw, source in ((cli_url, "option"), (environ.get(ENV_VAR), "environment"), (saved_url, "settings")):
        if raw is not None and raw.strip():
            return parse_database_url(raw, source)
    return Location.local(default_path)


def _without_password(text: str) -> str:
    """``text`` with whatever sits between ``user:`` and ``@`` masked (for a URL too broken to parse)."""
    scheme, sep, rest = text.partition("://")
    if not sep or "@" not in rest:
        return text
    credentials, _at, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else text
