"""Live updates with the user data on a server: PostgreSQL ``LISTEN/NOTIFY`` feeding the app's one change signal.

Every committed unit of work on a server sends ``NOTIFY inducci_changes, '<json>'`` in its own transaction
(``Database.unit_of_work``): the sender's session id and the kinds and ids it changed. Each client listens on a
connection of its own, on a background thread that blocks in ``select`` on that connection's socket (and on a
wake-up socket for stopping) — no polling loop — and reports what others changed to its ``ChangeFeed``, so the
GUI refreshes exactly as after its own writes. Its own notifications are skipped. A lost connection is made
again with a growing pause; after it is back, "everything changed" is reported once, so nothing missed while
it was away stays on screen.
"""

from __future__ import annotations

import contextlib
import json
import logging
import select
import socket
import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from inducci_desktop.domain.changes import ANY, ChangeFeed, Changes, Kind
from inducci_desktop.store.engine import CONNECT_TIMEOUT_S
from inducci_desktop.store.location import Location

log = logging.getLogger(__name__)

CHANNEL = "inducci_changes"
#: PostgreSQL refuses a payload of 8000 bytes or more
PAYLOAD_LIMIT = 7999
#: seconds between attempts to reach the server again, the last one repeated
BACKOFF_S: tuple[float, ...] = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)


def payload(sender: str, changes: Changes) -> str:
    """The NOTIFY payload for ``changes`` made by ``sender``; when the ids make it too long, every record of
    the kinds that changed ("*")."""
    if changes.everything:
        return json.dumps({"s": sender, "all": True}, separators=(",", ":"))
    ids = {kind.value: sorted(found) for kind, found in changes.ids.items() if found}
    text = json.dumps({"s": sender, "k": ids}, separators=(",", ":"), ensure_ascii=False)
    if len(text.encode("utf-8")) <= PAYLOAD_LIMIT:
        return text
    return json.dumps({"s": sender, "k": {kind: ["*"] for kind in ids}}, separators=(",", ":"))


def parse(text: str) -> tuple[str, Changes] | None:
    """The sender and the changes of a payload, or None for one this version cannot read."""
    try:
        raw: Any = json.loads(text)
        sender = raw["s"]
        if not isinstance(sender, str):
            return None
        if raw.get("all") is True:
            return sender, Changes.all()
        found: dict[Kind, frozenset[str]] = {}
        for name, ids in dict(raw["k"]).items():
            try:
                kind = Kind(name)
            except ValueError:  # a kind a newer version knows: every page of ours may show it
                return sender, Changes.all()
            found[kind] = ANY if "*" in ids else frozenset(str(one) for one in ids)
        return sender, Changes(found)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def conninfo(location: Location) -> str:
    """The libpq connection string of ``location`` (with its password: never logged)."""
    return location.url.set(drivername="postgresql").render_as_string(hide_password=False)


class Listener:
    """Listens for the changes other clients make and reports them to ``feed`` (see the module's docstring).

    ``connected`` is set while the listening connection is up; ``reconnects`` counts the connections made
    again after a loss.
    """

    def __init__(self, location: Location, feed: ChangeFeed, session_id: str, *,
                 backoff: Sequence[float] = BACKOFF_S) -> None:
        self.location = location
        self.feed = feed
        self.session_id = session_id
        self.backoff = tuple(backoff) or BACKOFF_S
        self.connected = threading.Event()
        self.reconnects = 0
        self._stopping = threading.Event()
        self._wake_read, self._wake_write = socket.socketpair()
        self._thread = threading.Thread(target=self._run, name="inducci-listen", daemon=True)
        self._conn: Any = None

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening and close the connection (waits up to ``timeout`` seconds for the thread)."""
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake_write.send(b"x")
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)
        for end in (self._wake_read, self._wake_write):
            end.close()

    def _run(self) -> None:
        attempt = 0
        first = True
        while not self._stopping.is_set():
            conn = self._connect()
            if conn is None:
                self._pause(self.backoff[min(attempt, len(self.backoff) - 1)])
                attempt += 1
                continue
            attempt = 0
            if not first:
                self.reconnects += 1
                log.info("listening for changes on %s again", self.location.shown)
                # whatever others wrote while we were away: every page reloads once
                self.feed.report(Changes(everything=True, remote=True))
            first = False
            self._listen(conn)

    def _connect(self) -> Any:
        import psycopg

        try:
            conn = psycopg.connect(conninfo(self.location), autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                   application_name="inducci-desktop listener", keepalives=1,
                                   keepalives_idle=10, keepalives_interval=5, keepalives_count=3)
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            log.warning("cannot listen for changes on %s: %s", self.location.shown, type(exc).__name__)
            return None
        return conn

    def _listen(self, conn: Any) -> None:
        import psycopg

        self._conn = conn
        self.connected.set()
        try:
            while not self._stopping.is_set():
                # what already arrived (with the answer to LISTEN, or together with earlier notices) first
                for notice in conn.notifies(timeout=0):
                    self._deliver(notice.payload)
                readable, _, _ = select.select([conn.fileno(), self._wake_read], [], [])
                if self._wake_read in readable:
                    return
        except (psycopg.Error, OSError, ValueError) as exc:
            if not self._stopping.is_set():
                log.warning("lost the connection listening for changes on %s (%s); connecting again",
                            self.location.shown, type(exc).__name__)
        finally:
            self.connected.clear()
            self._conn = None
            with contextlib.suppress(Exception):  # closing a broken connection: nothing more to do
                conn.close()

    def _deliver(self, text: str) -> None:
        found = parse(text)
        if found is None:
            log.warning("ignoring a change notice this version cannot read")
            return
        sender, changes = found
        if sender != self.session_id:
            self.feed.report(replace(changes, remote=True))

    def _pause(self, seconds: float) -> None:
        """Wait before the next attempt; returns early when stopped."""
        with contextlib.suppress(OSError, ValueError):
            select.select([self._wake_read], [], [], seconds)
