"""ASGI entry point (uvicorn). Channels routing is added here when live chat lands."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
application = get_asgi_application()

# Strangers' pages already in the page cache are answered before Django is entered.
from pbgdpl.core.pagecache.asgi import PageCacheASGI  # noqa: E402

application = PageCacheASGI(application)

# uvicorn runs no system checks: refuse here to serve with rate limits counted per worker.
from pbgdpl.core.checks import require_shared_cache  # noqa: E402

require_shared_cache()
