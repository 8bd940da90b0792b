"""Fixtures shared by every app's tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seeded_site(django_db_setup, django_db_blocker):
    """The demo site exactly as ``manage.py seed_demo`` builds it; returns the home page.

    Seeding takes several seconds, so it runs once per test module inside an outer
    transaction that is rolled back when the module ends. Tests also need ``db`` (or
    ``client``, which does not imply it): each test then runs in a savepoint inside that
    transaction, so what one test changes is gone for the next. Not for ``transactional_db``
    or ``live_server`` tests: call ``pbgdpl.news.seeding.seed_demo()`` in those.
    """
    from django.core.cache import cache
    from django.db import transaction

    from pbgdpl.core.models import HomePage
    from pbgdpl.news.seeding import seed_demo

    with django_db_blocker.unblock():
        cache.clear()  # Wagtail caches site root paths; a previous test's may be stale
        outer = transaction.atomic()
        outer.__enter__()
        try:
            seed_demo()
            home = HomePage.objects.get()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield home
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        cache.clear()



def pytest_collection_modifyitems(items):
    """Give every transactional test (``transactional_db``, ``live_server``, ``transaction=True``)
    a serialized rollback.

    Those tests end with a flush that also wipes rows created by data migrations (content
    types, Wagtail's root page and site, vocabularies, the search dictionary); unless the
    serialized copy is restored, the next test finds them missing. pytest-django turns the
    restore on when the ``django_db_serialized_rollback`` fixture is among a test's fixtures.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
        if transactional or {"transactional_db", "live_server"} & set(item.fixturenames):
            if "django_db_serialized_rollback" not in item.fixturenames:
                item.fixturenames.append("django_db_serialized_rollback")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters, analytics limits, the dictionary version and popular searches live in
    the cache: no test may see what the previous one counted."""
    from django.core.cache import cache

    from pbgdpl.search.analytics.services import forget_known_seen

    cache.clear()
    forget_known_seen()
    yield
    cache.clear()
    forget_known_seen()


@pytest.fixture(autouse=True)
def _allow_orm_under_playwright(request, monkeypatch):
    """Browser tests drive chromium with Playwright's sync API, which runs an event loop in
    the test thread; Django would then refuse ORM calls made by the test. Allow them only
    for the duration of a ``browser``-marked test, never for the whole session (subprocess
    checks such as ``check --deploy`` must not inherit the switch)."""
    if request.node.get_closest_marker("browser"):
        monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


CHROMIUM = "/usr/bin/chromium"
# Without the background-networking switches chromium keeps calling Google's hosts, which
# this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def chromium():
    """Debian's chromium driven by Playwright (skips when either is missing)."""
    import os

    from django.db import connections

    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (scripts/system-packages.sh installs it)")
    # The live server answers in short-lived threads: persistent connections (CONN_MAX_AGE on
    # PostgreSQL) would outlive them and keep PostgreSQL from dropping the test database.
    db_settings = connections.settings["default"]
    previous_max_age = db_settings.get("CONN_MAX_AGE", 0)
    db_settings["CONN_MAX_AGE"] = 0
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                browser.close()
                connections.close_all()
    finally:
        db_settings["CONN_MAX_AGE"] = previous_max_age


@pytest.fixture
def phone(chromium):
    """A page in a 360×740 viewport, the smallest phone the site is designed for."""
    return chromium.new_page(viewport={"width": 360, "height": 740})


@pytest.fixture
def screenshot_dir(settings):
    """Where browser tests leave screenshots for people to look at (var/screenshots/)."""
    path = settings.BASE_DIR / "var" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


class PageCacheProbe:
    """Drives the anonymous page cache in tests: warm pages, then see which ones a change purged."""

    def __init__(self, client, capture_on_commit):
        self.client = client
        self.capture_on_commit = capture_on_commit

    def get(self, url: str, **headers):
        return self.client.get(url, headers=headers)

    def warm(self, urls) -> None:
        for url in urls:
            first = self.get(url)
            assert first.status_code == 200, url
            assert first["X-Page-Cache"] in ("miss", "hit"), (url, first["X-Page-Cache"])
            assert self.get(url)["X-Page-Cache"] == "hit", url

    def is_cached(self, url: str) -> bool:
        from pbgdpl.core.pagecache import store

        return any(cached.endswith(url) for cached in store.cached_urls())

    def purged_by(self, change, urls) -> set[str]:
        """Run ``change`` (its transaction commits) and return which of ``urls`` it purged."""
        self.warm(urls)
        with self.capture_on_commit(execute=True):
            change()
        return {url for url in urls if self.get(url).get("X-Page-Cache") != "hit"}


@pytest.fixture
def page_cache(settings, client, django_capture_on_commit_callbacks):
    """The anonymous page cache and the cache of page parts switched on (as in production; the
    test settings keep them off), empty."""
    from pbgdpl.core.pagecache import store

    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    store.clear()
    yield PageCacheProbe(client, django_capture_on_commit_callbacks)
    store.clear()
