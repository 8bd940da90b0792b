"""WSGI entry point, for servers that speak only WSGI. The documented server is uvicorn on
``config/asgi.py`` (docs/decisions/0015-serving-stack.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
application = get_wsgi_application()

# A WSGI server runs no system checks: refuse here to serve with rate limits counted per worker.
from pbgdpl.core.checks import require_shared_cache  # noqa: E402

require_shared_cache()
