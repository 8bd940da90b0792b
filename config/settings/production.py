"""Production: secure by default. Every value can be set from the environment (docs/operations.md).

Expects to run behind a TLS-terminating reverse proxy (nginx) that sets
``X-Forwarded-Proto``; static files must have been collected (``manage.py collectstatic``).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    CHAT_DB_THREADS,
    CHAT_STAFF_DB_THREADS,
    DATABASES,
    REDIS_URL,
    SECRET_KEY,
    VAR_DIR,
    WEB_THREADS,
    env_bool,
)
from .safety import cache_settings, page_cache_settings

if not SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of at least 50 characters.")
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names, e.g. ALLOWED_HOSTS=pbgdpl.example.gov.vn")

DEBUG = False

# Rate limits, lock-outs and one-time challenges must be counted once for all web workers:
# Redis when REDIS_URL is set, otherwise the database (its table is made by migrate).
CACHES = {**cache_settings(REDIS_URL, shared=True), **page_cache_settings(REDIS_URL, VAR_DIR)}

# Links in notification e-mails and the admin use BASE_URL; default to the first host over HTTPS.
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL") or f"https://{ALLOWED_HOSTS[0].lstrip('.')}"

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 63072000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Staff sessions end after a working day, or when the browser closes if SESSION_EXPIRE_AT_BROWSER_CLOSE=1.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", False)
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Under ASGI each request runs in its own thread, so persistent connections (CONN_MAX_AGE) pile up,
# one per request, until PostgreSQL refuses clients ("too many clients already" under a contest rush).
# On PostgreSQL each worker process uses psycopg's pool instead: at most DATABASE_POOL_MAX_SIZE
# connections (0 turns the pool off and restores CONN_MAX_AGE). By default one per thread that can
# hold one at a time: the view threads and the chat's (widgets' and staff's), so a burst of chat
# reconnections never makes a page wait for a connection (a wait ends in an error after
# DATABASE_POOL_TIMEOUT seconds). Connections open as needed, from 2 kept open.
_POOL_THREADS = WEB_THREADS + CHAT_DB_THREADS + CHAT_STAFF_DB_THREADS
_POOL_MAX_SIZE = int(os.environ.get("DATABASE_POOL_MAX_SIZE", str(_POOL_THREADS)))
if _POOL_MAX_SIZE and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2, "max_size": _POOL_MAX_SIZE, "timeout": int(os.environ.get("DATABASE_POOL_TIMEOUT", "10"))}

# Content-Security-Policy (pbgdpl/core/security.py): browsers also upgrade any http:// sub-resource.
CSP_UPGRADE_INSECURE_REQUESTS = True
