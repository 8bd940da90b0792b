"""WebSocket URLs (mounted by config/asgi.py).

Only the staff socket needs the session and the user: Channels' AuthMiddleware loads the user
through the process's one thread-sensitive thread, so on the widget's socket (anonymous citizens,
hundreds of them reconnecting together after a restart) it queued every connection behind the
others for nothing. config/asgi.py passes ``AuthMiddlewareStack`` as ``authenticated``."""

from django.urls import path

from . import consumers


def websocket_routes(authenticated=lambda app: app) -> list:
    return [
        path("ws/chat/", consumers.WidgetConsumer.as_asgi()),
        path("ws/chat/staff/", authenticated(consumers.StaffConsumer.as_asgi())),
    ]


# Without the middleware: tests put the user and session into the scope themselves.
websocket_urlpatterns = websocket_routes()
