"""WebSocket URLs of the classroom (mounted by config/asgi.py)."""

from django.urls import re_path

from . import consumers

websocket_urlpatterns = [
    re_path(r"^ws/lop-hoc/(?P<code>[0-9]{6})/$", consumers.ClassroomConsumer.as_asgi()),
]
