"""Admin forms: uploads checked by content (core.uploads), processing queued after a file changes,
and a caption override recorded in the audit log with its reason."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm

from pbgdpl.core.uploads import validate_document, validate_video, validate_webvtt

from .services import schedule_processing

MATERIAL_EXTENSIONS = ("pdf", "docx", "pptx")


def _is_new_upload(upload) -> bool:
    return bool(upload) and hasattr(upload, "read") and getattr(upload, "_committed", False) is False


class MaterialAdminForm(WagtailAdminModelForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if _is_new_upload(upload):
            validate_document(upload, extensions=MATERIAL_EXTENSIONS)
        return upload

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit and (self.is_new or "file" in self.changed_data):
            schedule_processing(instance)
        return instance

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_new = self.instance.pk is None


class VideoAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_new = self.instance.pk is None

    def clean_original(self):
        upload = self.cleaned_data.get("original")
        if _is_new_upload(upload):
            validate_video(upload)
        return upload

    def clean_captions(self):
        upload = self.cleaned_data.get("captions")
        if _is_new_upload(upload):
            validate_webvtt(upload)
        return upload

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if not commit:
            return instance
        if self.is_new or {"original", "captions", "source"} & set(self.changed_data):
            schedule_processing(instance)
        if instance.captions_override and {"captions_override", "captions_override_reason"} & set(self.changed_data):
            _audit_override(self.for_user, instance)
        return instance


def _audit_override(user, video) -> None:
    """The audit log keeps who allowed a video with speech to go out without captions, and why."""
    from pbgdpl.audit.models import AuditEntry

    AuditEntry.objects.create(
        user=user, username=user.get_username() if user else "", action=AuditEntry.Action.UPDATE,
        model="media.video", object_id=str(video.pk),
        object_repr=f"Công khai không phụ đề: {video.title} — lý do: {video.captions_override_reason}"[:250],
    )
