"""Test settings: the same stack, with fast hashing and tasks run inline."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
# The page cache is tested on its own (pbgdpl/core/tests/test_page_cache*.py); elsewhere tests read
# what they just wrote, often through queryset updates that send no signal.
PAGE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False
SITE_LOOKUP_SECONDS = 0  # each test builds its own sites, in transactions that roll back
CACHES = {**CACHES, "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}  # noqa: F405
WAGTAILFRONTENDCACHE = {}
WEB_CONCURRENCY = 1  # the test client is one process: its local-memory cache is the only one
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "pbgdpl.core.private_media.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"
SEARCH_INDEX_DIR = VAR_DIR / "test-search"
OPEN_DATA_DIR = VAR_DIR / "test-open-data"  # a test that runs the periodic jobs must not replace the dev site's files
# Other apps' admin tests log in without an authenticator and travel in time with time_machine;
# pbgdpl/security_tests switch the two-factor requirement and the staff session limits back on.
TWO_FACTOR_REQUIRED = False
STAFF_SESSION_IDLE_SECONDS = STAFF_SESSION_MAX_SECONDS = 10 * 365 * 24 * 3600
# Visit counting writes nothing during other tests (their query counts stay exact); its own tests
# lower the thresholds.
VISIT_STATS_FLUSH_SECONDS = VISIT_STATS_FLUSH_SIZE = 10**9
