"""WebSocket URLs (mounted by config/asgi.py)."""

from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path("ws/chat/", consumers.WidgetConsumer.as_asgi()),
    path("ws/chat/staff/", consumers.StaffConsumer.as_asgi()),
]
