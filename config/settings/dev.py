"""Local development and trial servers: `make run`.

On the loopback address (the default) this is a developer's machine: DEBUG on. Bound to any
other address (`HOST=0.0.0.0 make run`, a trial server) other people can reach it, so DEBUG is
off whatever the environment says and only this machine's names are accepted as hosts. In both
cases the secret key is this installation's own (generated once under VAR_DIR), never one
written in the source: that would let anyone sign session and contestant cookies.
"""

import os

from .base import *  # noqa: F403
from .base import SECRET_KEY, VAR_DIR, WAGTAILADMIN_BASE_URL, WEB_CONCURRENCY, env_bool, env_list
from .safety import is_loopback, local_secret_key, trial_server_hosts

# The address uvicorn listens on; the Makefile passes its HOST here.
BIND_HOST = os.environ.get("BIND_HOST", "127.0.0.1")
REACHABLE_FROM_NETWORK = not is_loopback(BIND_HOST)

SECRET_KEY = SECRET_KEY or local_secret_key(VAR_DIR)
DEBUG = False if REACHABLE_FROM_NETWORK else env_bool("DEBUG", True)
if REACHABLE_FROM_NETWORK:
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or trial_server_hosts(BIND_HOST, WAGTAILADMIN_BASE_URL)
else:
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# `make run` starts one uvicorn process, so its in-memory cache is the only one (unless told otherwise).
WEB_CONCURRENCY = WEB_CONCURRENCY or 1
# Static files straight from the apps (no collectstatic), with or without DEBUG.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Uploaded images are served by Django here (nginx does it in production).
SERVE_MEDIA = True
# Local development: two-factor login is optional unless TWO_FACTOR_REQUIRED=1.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
