"""The change description every write reports: kinds, ids, merging, and the feed's listeners."""

from __future__ import annotations

from inducci_desktop.domain.changes import ANY, NOTHING, ChangeFeed, Changes, Kind


def test_touches_by_kind_and_id() -> None:
    changes = Changes.of(Kind.WORKSHOP, ["w1"]) | Changes.of(Kind.REGION)
    assert changes.touches(Kind.WORKSHOP) and changes.touches(Kind.WORKSHOP, record_id="w1")
    assert not changes.touches(Kind.WORKSHOP, record_id="w2")
    assert changes.touches(Kind.REGION, record_id="any region")  # ids unknown: every record may have changed
    assert not changes.touches(Kind.ASSESSMENT)
    assert changes.ids_of(Kind.REGION) == ANY and changes.ids_of(Kind.NOTE) == frozenset()
    assert changes.kinds == {Kind.WORKSHOP, Kind.REGION}
    assert not NOTHING and Changes.all().touches(Kind.NOTE, record_id="x") and (changes | Changes.all()).everything


def test_feed_reports_to_listeners_until_unsubscribed() -> None:
    feed = ChangeFeed()
    heard: list[Changes] = []
    stop = feed.subscribe(heard.append)
    feed.report(NOTHING)  # nothing changed: nobody is disturbed
    feed.report(Changes.of(Kind.NOTE, ["n"]))
    stop()
    feed.report(Changes.of(Kind.NOTE, ["m"]))
    assert [c.ids_of(Kind.NOTE) for c in heard] == [frozenset({"n"})]


def test_a_failing_listener_does_not_stop_the_others() -> None:
    feed = ChangeFeed()
    heard: list[Changes] = []

    def broken(_changes: Changes) -> None:
        raise RuntimeError("boom")

    feed.subscribe(broken)
    feed.subscribe(heard.append)
    feed.report(Changes.of(Kind.REGION, ["r"]))
    assert len(heard) == 1
