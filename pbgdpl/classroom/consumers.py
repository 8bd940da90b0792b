"""WebSocket of a class's screens: it only pushes "changed"; the screens then reload their part."""

from __future__ import annotations

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer


@database_sync_to_async
def _group_for(code: str) -> str | None:
    from .models import ClassSession

    session = ClassSession.objects.filter(code=code).order_by("-created_at").first()
    return session.group_name if session else None


class ClassroomConsumer(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        self.group = await _group_for(self.scope["url_route"]["kwargs"]["code"])
        if self.group is None:
            await self.close()
            return
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code) -> None:
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        """Screens send nothing that matters; messages are ignored."""

    async def classroom_changed(self, event) -> None:
        await self.send(text_data=json.dumps({"type": "changed"}))
