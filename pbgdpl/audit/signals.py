"""Record every model save/delete made during a staff member's request.

``AuditMiddleware`` keeps the current request in a context variable; the receivers below write an
``AuditEntry`` whenever a model is saved or deleted while an authenticated user's request runs — in
Wagtail's views, the plain Django admin, ModelViewSets, snippets and the apps' services alike.
Bookkeeping models (sessions, revisions, logs, tasks, search outbox, login records…) are skipped.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

_current: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar("audit_request", default=None)

SKIPPED_APPS = {"sessions", "admin", "contenttypes", "axes", "otp_totp", "otp_static", "django_tasks_database",
                "django_tasks_db", "audit", "wagtailsearch", "modelsearch", "taggit"}
SKIPPED_MODELS = {"wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry",
                  "wagtailcore.referenceindex", "wagtailcore.pagesubscription", "wagtailcore.workflowstate",
                  "wagtailcore.taskstate", "wagtailcore.comment", "wagtailusers.userprofile", "wagtailimages.rendition", "search.outboxentry",
                  "auth.user_last_login"}


class AuditMiddleware:
    """Makes the current request available to the audit receivers (after AuthenticationMiddleware)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(request)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


def _label(sender) -> str:
    return f"{sender._meta.app_label}.{sender._meta.model_name}"


def _record(sender, instance, action: str) -> None:
    request = _current.get()
    if request is None:
        return
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not (user.is_staff or user.has_perm("wagtailadmin.access_admin")):
        return
    label = _label(sender)
    if sender._meta.app_label in SKIPPED_APPS or label in SKIPPED_MODELS:
        return
    if label == "auth.user" and action == "update" and instance.pk == user.pk:
        return  # last_login updates at every login
    from .models import AuditEntry

    AuditEntry.objects.create(
        user=user, username=user.get_username(), ip_address=request.META.get("REMOTE_ADDR") or None,
        action=action, model=label, object_id=str(instance.pk or "")[:64], object_repr=str(instance)[:250],
        path=request.path[:250],
    )


@receiver(post_save, dispatch_uid="audit_post_save")
def _saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        _record(sender, instance, "create" if created else "update")


@receiver(post_delete, dispatch_uid="audit_post_delete")
def _deleted(sender, instance, **kwargs):
    _record(sender, instance, "delete")
