"""Background work of the chat: platform deliveries and their retries, automatic replies to platform
messages (queued so the webhook answers at once), retention (periodic jobs registered in ChatConfig)."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_message(message_id: int) -> str:
    from . import delivery
    from .models import Delivery

    found = Delivery.objects.filter(message_id=message_id).values_list("pk", flat=True).first()
    return delivery.attempt(found) if found else "missing"


@task()
def retry_deliveries() -> int:
    from . import delivery

    ids = delivery.due()
    for delivery_id in ids:
        delivery.attempt(delivery_id)
    return len(ids)


@task()
def after_platform_message(message_id: int) -> int:
    """Suggestions and the away message for a Zalo/Messenger message (sent back as replies)."""
    from . import assistant
    from .models import Message

    message = Message.objects.select_related("conversation").filter(pk=message_id).first()
    return len(assistant.after_contact_message(message)) if message else 0


@task()
def chat_retention() -> int:
    from .privacy import apply_retention

    return apply_retention()
