"""ASGI entry point (uvicorn): HTTP goes to Django, WebSockets (live chat) to Channels' router."""

import gc
import os
import sys

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
# httpx imports its command-line client whenever rich, click and pygments are installed (the dev
# tools bring them): ≈ 0.25 s of every worker's start-up, measured, for a CLI a web process never
# runs. An entry of None in sys.modules makes that import fail at once; httpx then keeps a stub.
sys.modules.setdefault("httpx._main", None)
django_application = get_asgi_application()

# Strangers' pages already in the page cache are answered before Django is entered; the others go
# to Django's WSGI handler in a pool of threads, or to its ASGI handler for views that wait
# (pbgdpl/core/serving.py).
from pbgdpl.core.pagecache.asgi import PageCacheASGI  # noqa: E402
from pbgdpl.core.serving import http_application as django_http  # noqa: E402

http_application = PageCacheASGI(django_http(django_application))

# uvicorn runs no system checks: refuse here to serve with rate limits counted per worker.
from pbgdpl.core.checks import require_shared_cache  # noqa: E402

require_shared_cache()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from pbgdpl.chat.routing import websocket_routes  # noqa: E402
from pbgdpl.classroom.routing import websocket_urlpatterns as classroom_websockets  # noqa: E402

# Browsers send Origin with a WebSocket: only pages of this site may open one (the staff socket
# rides on the session cookie, so another site must not be able to open it in a staff's browser).
# The session and user are loaded only where a consumer needs them (the staff socket: its route
# carries AuthMiddlewareStack); the widget's and the classroom's sockets are anonymous.
application = ProtocolTypeRouter({
    "http": http_application,
    "websocket": AllowedHostsOriginValidator(URLRouter(websocket_routes(AuthMiddlewareStack) + classroom_websockets)),
})

# Everything imported above lives as long as the process: move it out of the garbage collector's
# sight. Otherwise each full collection walks ~240,000 start-up objects (≈ 100–250 ms holding the
# GIL, measured), and a burst of connections (500 widgets reconnecting after a restart) triggered
# several in a row, stalling every socket of the worker.
gc.collect()
gc.freeze()
# And collect less often: a worker serving 500 chat sockets allocates a few hundred thousand
# short-lived objects a second (frames, events, query results), and with the default thresholds
# (700, 10, 10) the collector ran ≈ 6 % of the wall time of each worker, GIL held, ≈ 1/6 of its CPU
# (py-spy, decision record 0016). Young objects are still collected, in bigger, rarer batches.
gc.set_threshold(20_000, 20, 20)
