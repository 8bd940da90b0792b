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
def test_a_commit_runs_the_indexer_and_readers_see_it_after_reload(site_index):
    """Publishing and unpublishing: the commit enqueues the indexer (run at once by the test task
    backend); a reader sees the change on its next reload, which production does within a second
    (``RELOAD_EVERY_S``) and the test does explicitly instead of waiting."""
    entries = law_entries()
    STORE["1"] = [e for e in entries if e.group_key == "legal:1"]
    assert engine.search("thai sản").total == 0
    with transaction.atomic():
        mark_changed("tests.Fake", 1)
        assert index.read_state(index.current_path()).get("last_outbox_id", 0) == 0  # not before commit
    index.get_handle().refresh()
    page = engine.search("thai sản")
    assert page.total == 1 and page.groups[0].key == "legal:1"
    # Unpublishing: the source returns nothing, the entries disappear.
    STORE["1"] = []
    with transaction.atomic():
        mark_changed("tests.Fake", 1)
    index.get_handle().refresh()
    assert engine.search("thai sản").total == 0


def test_a_reader_reloads_when_the_index_changes_and_the_interval_passed(site_index, db, monkeypatch):
    from pbgdpl.search.indexer import apply_outbox
    from pbgdpl.search.models import OutboxEntry

    handle = index.get_handle()
    handle.searcher()
    STORE["1"] = law_entries()[:1]
    OutboxEntry.objects.create(source="tests.Fake", object_pk="1")
    assert apply_outbox() == 1
    monkeypatch.setattr(handle, "meta_mtime", -1)  # what a commit by another process changes
    monkeypatch.setattr(handle, "checked_at", handle.checked_at - index.RELOAD_EVERY_S)
    from pbgdpl.search.schema import to_documents

    assert handle.searcher().num_docs == len(to_documents(STORE["1"][0], "tests.Fake:1"))


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


def test_workers_opening_a_new_site_at_once_share_one_index(tmp_path):
    """The web workers of a new site all search at start: one creates the empty index, the others
    find it (before, each made its own and one deleted the others' while they were written)."""
    import concurrent.futures
    import multiprocessing

    root = tmp_path / "search"
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(max_workers=6, mp_context=context) as pool:
        paths = list(pool.map(index.current_path, [root] * 12))
    assert len(set(paths)) == 1
    assert [p.name for p in root.glob("gen-*")] == [paths[0].name]
