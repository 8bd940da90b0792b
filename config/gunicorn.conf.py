"""gunicorn settings for the portal's HTTP traffic (``gunicorn -c config/gunicorn.conf.py config.wsgi``).

Why WSGI workers: Django renders pages synchronously; under ASGI every request also pays a hop to
a thread and back, which measured about a third slower here (docs/decisions/0015-serving-stack.md).
Websockets (live chat) still need ASGI: ``config/asgi.py`` is served by a separate uvicorn process
and nginx sends ``/ws/`` there (docs/operations.md).

Everything comes from the environment: HOST/PORT (or BIND), WEB_CONCURRENCY (worker processes,
default two per CPU core; the settings read the same variable), GUNICORN_TIMEOUT.
"""

import multiprocessing
import os

bind = os.environ.get("BIND") or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * multiprocessing.cpu_count())
worker_class = "sync"
# Import Django once in the master: workers fork ready to serve (no connection is opened before).
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Behind nginx on the same machine: keep-alive connections from it are reused.
keepalive = 5
# Recycle a worker now and then so a slow leak cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
# nginx on the same machine sets X-Forwarded-Proto; trust it from loopback only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
