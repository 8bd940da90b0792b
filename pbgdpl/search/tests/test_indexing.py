import time

import pytest
from django.db import transaction

from pbgdpl.search import engine, index
from pbgdpl.search.registry import SearchSource, _sources, register
from pbgdpl.search.services import mark_changed

from .engine_fixtures import law_entries

STORE: dict[str, list] = {}


class FakeSource(SearchSource):
    label = "tests.Fake"

    def entries_for(self, pk):
        return STORE.get(str(pk), [])

    def all_pks(self):
        return list(STORE)


@pytest.fixture
def site_index(settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    index.readers.reset()
    previous = dict(_sources)
    _sources.clear()
    register(FakeSource())
    STORE.clear()
    yield
    _sources.clear()
    _sources.update(previous)
    index.readers.reset()


@pytest.mark.django_db(transaction=True)
def test_publish_is_searchable_within_five_seconds_and_removal_too(site_index):
    entries = law_entries()
    STORE["1"] = [e for e in entries if e.group_key == "legal:1"]
    assert engine.search("thai sản").total == 0
    started = time.monotonic()
    with transaction.atomic():
        mark_changed("tests.Fake", 1)
    while engine.search("thai sản").total == 0 and time.monotonic() - started < 5:
        time.sleep(0.1)
    page = engine.search("thai sản")
    assert page.total == 1 and page.groups[0].key == "legal:1"
    # Unpublishing: the source returns nothing, the entries disappear.
    STORE["1"] = []
    with transaction.atomic():
        mark_changed("tests.Fake", 1)
    deadline = time.monotonic() + 5
    while engine.search("thai sản").total and time.monotonic() < deadline:
        time.sleep(0.1)
    assert engine.search("thai sản").total == 0


@pytest.mark.django_db(transaction=True)
def test_indexer_remembers_the_last_applied_outbox_id(site_index):
    from pbgdpl.search.indexer import apply_outbox
    from pbgdpl.search.models import OutboxEntry

    STORE["2"] = law_entries()[:1]
    OutboxEntry.objects.create(source="tests.Fake", object_pk="2")
    assert apply_outbox() == 1
    assert apply_outbox() == 0
    state = index.read_state(index.current_path())
    assert state["last_outbox_id"] == OutboxEntry.objects.latest("id").id


@pytest.mark.django_db(transaction=True)
def test_rebuild_swaps_in_a_fresh_index(site_index):
    from pbgdpl.search.indexer import rebuild

    STORE["1"] = law_entries()
    old = index.current_path()
    path, count = rebuild()
    assert count == len(law_entries())
    assert index.current_path() == path != old
    assert not old.exists()
    assert engine.search("giấy chứng nhận quyền sử dụng đất").total >= 1


@pytest.mark.django_db(transaction=True)
def test_an_index_with_an_older_schema_is_rebuilt_not_wiped(site_index):
    from pbgdpl.search.indexer import apply_outbox
    from pbgdpl.search.models import OutboxEntry

    STORE["1"] = law_entries()
    OutboxEntry.objects.create(source="tests.Fake", object_pk="1")
    apply_outbox()
    old = index.current_path()
    (old / "schema_version").write_text("0")
    # Readers still open the old generation; the next indexer run rebuilds it.
    assert engine.search("thai sản").total == 1
    OutboxEntry.objects.create(source="tests.Fake", object_pk="1")
    apply_outbox()
    assert index.current_path() != old
    assert index.schema_matches(index.current_path())
    assert engine.search("thai sản").total == 1
