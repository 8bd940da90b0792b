"""Who follows what by e-mail, and what has been sent to them (so each event goes out once)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    DOCUMENT = "document", _("Văn bản")
    FIELD = "field", _("Lĩnh vực")
    DOC_TYPE = "type", _("Loại văn bản")
    SEARCH = "search", _("Tìm kiếm đã lưu")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Hằng ngày")
    WEEKLY = "weekly", _("Hằng tuần")


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Subscription(models.Model):
    """One e-mail address following one target. Nothing but the confirmation mail is sent until
    ``confirmed_at`` is set by the link in that mail (double opt-in)."""

    email = models.EmailField(_("thư điện tử"), db_index=True)
    kind = models.CharField(_("theo dõi"), max_length=10, choices=Kind.choices)
    document = models.ForeignKey(
        "legal.LegalDocument", verbose_name=_("văn bản"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )
    field = models.ForeignKey(
        "legal.Field", verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    doc_type = models.ForeignKey(
        "legal.DocumentType", verbose_name=_("loại văn bản"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )
    query = models.CharField(_("từ khóa tìm kiếm"), max_length=200, blank=True)
    #: "document:12", "field:3", "type:4" or "search:<query>": one row per address and target.
    target_key = models.CharField(max_length=220)
    frequency = models.CharField(_("tần suất"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(_("ngày đăng ký"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("ngày xác nhận"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("lần gửi gần nhất"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("đăng ký nhận thông báo")
        verbose_name_plural = _("đăng ký nhận thông báo")
        ordering = ["email", "id"]
        constraints = [models.UniqueConstraint(fields=["email", "target_key"], name="alerts_one_per_target")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.target_label}"

    @property
    def target_label(self) -> str:
        if self.kind == Kind.DOCUMENT and self.document_id:
            return str(self.document)
        if self.kind == Kind.FIELD and self.field_id:
            return self.field.name
        if self.kind == Kind.DOC_TYPE and self.doc_type_id:
            return self.doc_type.name
        return f"“{self.query}”"


class Digest(models.Model):
    """One digest mail sent to one address (the admin lists them with the address masked)."""

    email = models.EmailField(_("thư điện tử"), db_index=True)
    frequency = models.CharField(_("tần suất"), max_length=10, choices=Frequency.choices)
    sent_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)
    item_count = models.PositiveIntegerField(_("số tin"))

    class Meta:
        verbose_name = _("thư tổng hợp đã gửi")
        verbose_name_plural = _("thư tổng hợp đã gửi")
        ordering = ["-sent_at", "-id"]


class SentItem(models.Model):
    """An event a subscription has been told about (or that existed when it was confirmed, with no
    digest): the unique key is what makes a second run of the job send nothing new."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="sent_items")
    event_key = models.CharField(max_length=300)
    digest = models.ForeignKey(Digest, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    title = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "event_key"], name="alerts_event_once")]
