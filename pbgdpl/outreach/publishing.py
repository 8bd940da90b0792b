"""What a post says for each shareable kind of item, and the publish signals that queue it."""

from __future__ import annotations

import logging

from . import services

logger = logging.getLogger(__name__)


def article_published(sender, instance, **kwargs) -> None:
    image = ""
    if instance.lead_image_id:
        try:
            image = instance.lead_image.get_rendition("fill-1200x630").url
        except Exception:  # a missing original file must not block publishing: post without a picture
            logger.exception("no rendition for the lead image of page %s", instance.pk)
    services.queue_posts(instance._meta.label, instance.pk, title=instance.title, summary=instance.summary,
                         path=instance.url or "", image_url=image)


def document_published(sender, instance, **kwargs) -> None:
    services.queue_posts(instance._meta.label, instance.pk, title=instance.display_title,
                         summary=instance.summary, path=instance.get_absolute_url())
