"""WSGI entry point: gunicorn serves the site's HTTP traffic (config/gunicorn.conf.py).

``config/asgi.py`` stays the entry point for websockets (live chat), served by uvicorn.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse here to serve with rate limits counted per worker.
from pbgdpl.core.checks import require_shared_cache  # noqa: E402

require_shared_cache()
