"""Videos: uploaded files made fit for phones in the background, or YouTube/Facebook embeds."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.text import search_key, vietnamese_slug

from ..embeds import embed_for, is_facebook_video, youtube_id
from .base import MediaItem, upload_path


class VideoSource(models.TextChoices):
    UPLOAD = "tep", _("Tệp tải lên")
    YOUTUBE = "youtube", _("YouTube")
    FACEBOOK = "facebook", _("Facebook")


class Video(MediaItem):
    source = models.CharField(_("nguồn"), max_length=8, choices=VideoSource.choices, default=VideoSource.UPLOAD)
    original = models.FileField(_("tệp video (MP4, WebM)"), upload_to=upload_path("videos-original"), blank=True,
                                max_length=300)
    external_url = models.URLField(_("địa chỉ YouTube/Facebook"), blank=True)
    mp4 = models.FileField(_("bản cho điện thoại"), upload_to=upload_path("videos"), blank=True, editable=False,
                           max_length=300)
    poster = models.ImageField(_("ảnh đại diện"), upload_to=upload_path("videos-poster"), blank=True, editable=False,
                               max_length=300)
    duration_seconds = models.PositiveIntegerField(_("thời lượng (giây)"), default=0, editable=False)
    has_speech = models.BooleanField(_("có lời thoại"), default=True,
                                     help_text=_("Video có lời thoại phải có phụ đề trước khi công khai."))
    captions = models.FileField(_("phụ đề (WebVTT .vtt)"), upload_to=upload_path("captions"), blank=True,
                                max_length=300)
    caption_text = models.TextField(_("lời thoại (từ phụ đề)"), blank=True, editable=False)
    captions_override = models.BooleanField(_("công khai không cần phụ đề"), default=False)
    captions_override_reason = models.TextField(_("lý do công khai không có phụ đề"), blank=True)

    class Meta(MediaItem.Meta):
        verbose_name = _("video")
        verbose_name_plural = _("video")

    def clean(self):
        super().clean()
        errors = {}
        if self.source == VideoSource.UPLOAD and not self.original:
            errors["original"] = _("Hãy chọn tệp video MP4 hoặc WebM.")
        if self.source == VideoSource.YOUTUBE and not youtube_id(self.external_url):
            errors["external_url"] = _("Địa chỉ YouTube chưa đúng (ví dụ https://www.youtube.com/watch?v=…).")
        if self.source == VideoSource.FACEBOOK and not is_facebook_video(self.external_url):
            errors["external_url"] = _("Địa chỉ video Facebook chưa đúng (ví dụ https://www.facebook.com/…/videos/…).")
        if self.captions_override and not self.captions_override_reason.strip():
            errors["captions_override_reason"] = _("Hãy ghi lý do công khai video không có phụ đề.")
        if self.live and self.needs_captions:
            errors["live"] = _("Video có lời thoại chưa có phụ đề: hãy tải tệp phụ đề WebVTT, hoặc đánh dấu “công "
                               "khai không cần phụ đề” và ghi lý do.")
        if errors:
            raise ValidationError(errors)

    @property
    def needs_captions(self) -> bool:
        overridden = self.captions_override and self.captions_override_reason.strip()
        return self.has_speech and not self.captions and not overridden

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.title, self.description, self.caption_text)
        super().save(*args, **kwargs)

    @property
    def slug(self) -> str:
        return vietnamese_slug(self.title, 80) or "video"

    def get_absolute_url(self) -> str:
        return reverse("media:video", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def original_url(self) -> str:
        """The uploaded file itself (served with byte ranges like the phone version), or ""."""
        extension = self.original.name.rsplit(".", 1)[-1].lower() if self.original else ""
        if extension not in ("mp4", "webm"):
            return ""
        return reverse("media:video_original", kwargs={"pk": self.pk, "ext": extension})

    @property
    def embed(self):
        """The click-to-load frame of a YouTube/Facebook video (media.embeds), ``None`` for an upload."""
        return embed_for(self.external_url) if self.source != VideoSource.UPLOAD else None

    @property
    @admin.display(description=_("thời lượng"))  # the admin list's column header
    def duration_label(self) -> str:
        minutes, seconds = divmod(self.duration_seconds, 60)
        return f"{minutes}:{seconds:02d}" if self.duration_seconds else ""
