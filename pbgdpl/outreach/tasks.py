"""Sending social posts in the worker: one task per new post, a periodic job for retries."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def send_post(post_id: int) -> str:
    post = services.send(post_id)
    return post.status if post else "gone"


@task()
def retry_social_posts() -> int:
    return services.retry_due()
