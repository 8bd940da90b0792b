"""Court judgments, decisions and precedents (án lệ), published with the people's names masked."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from pbgdpl.core.text import search_key

NATIONAL_PORTAL = "https://congbobanan.toaan.gov.vn/"


class JudgmentKind(models.TextChoices):
    JUDGMENT = "ban-an", _("Bản án")
    DECISION = "quyet-dinh", _("Quyết định")
    PRECEDENT = "an-le", _("Án lệ")


class CourtLevel(models.TextChoices):
    FIRST = "so-tham", _("Sơ thẩm")
    APPEAL = "phuc-tham", _("Phúc thẩm")
    CASSATION = "giam-doc-tham", _("Giám đốc thẩm")
    REOPENING = "tai-tham", _("Tái thẩm")


class CaseType(models.TextChoices):
    CRIMINAL = "hinh-su", _("Hình sự")
    CIVIL = "dan-su", _("Dân sự")
    FAMILY = "hon-nhan-gia-dinh", _("Hôn nhân và gia đình")
    BUSINESS = "kinh-doanh-thuong-mai", _("Kinh doanh, thương mại")
    LABOUR = "lao-dong", _("Lao động")
    ADMINISTRATIVE = "hanh-chinh", _("Hành chính")


class JudgmentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)


class Judgment(ClusterableModel):
    kind = models.CharField(_("loại"), max_length=20, choices=JudgmentKind.choices, default=JudgmentKind.JUDGMENT)
    number = models.CharField(_("số"), max_length=100)
    title = models.CharField(_("tên"), max_length=500, help_text=_("Ví dụ: về tranh chấp hợp đồng vay tài sản."))
    court = models.CharField(_("tòa án"), max_length=300)
    level = models.CharField(_("cấp xét xử"), max_length=20, choices=CourtLevel.choices, blank=True)
    judged_on = models.DateField(_("ngày tuyên án / ban hành"))
    case_type = models.CharField(_("loại vụ việc"), max_length=30, choices=CaseType.choices)
    legal_issue = models.CharField(_("vấn đề pháp lý"), max_length=500)
    summary = models.TextField(_("tóm tắt"))
    text = models.TextField(_("toàn văn (đã che tên)"), blank=True)
    pdf = models.ForeignKey("wagtaildocs.Document", verbose_name=_("tệp PDF (đã che tên)"), null=True, blank=True,
                            on_delete=models.SET_NULL, related_name="+")
    live = models.BooleanField(_("công bố"), default=False)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    search_text = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JudgmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bản án, án lệ")
        verbose_name_plural = _("bản án, án lệ")
        ordering = ["-judged_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} số {self.number} {self.title}"

    def clean(self):
        super().clean()
        if self.live:
            from ..judgments.masking import find_names

            names = find_names(f"{self.title}\n{self.summary}\n{self.text}")
            if names:
                raise ValidationError({"live": _("Chưa công bố được: còn tên người chưa che (%(names)s). Hãy dùng "
                                                 "“Che tên” trước.") % {"names": ", ".join(names[:5])}})

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.number, self.title, self.court, self.legal_issue, self.summary)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("lookups:judgment", kwargs={"pk": self.pk})


class JudgmentProvision(Orderable):
    """A provision the judgment applied, linked to the registry (document + element id)."""

    judgment = ParentalKey(Judgment, on_delete=models.CASCADE, related_name="provisions")
    document = models.ForeignKey("legal.LegalDocument", verbose_name=_("văn bản"), on_delete=models.CASCADE,
                                 related_name="+")
    eid = models.CharField(_("điều, khoản (mã)"), max_length=200, blank=True, help_text=_("Ví dụ: dieu-468-khoan-1"))

    def url(self) -> str:
        return self.document.get_absolute_url() + (f"#{self.eid}" if self.eid else "")

    def label(self) -> str:
        from pbgdpl.legal.validity import document_label, eid_label

        return f"{eid_label(self.eid)} {document_label(self.document)}".strip() if self.eid else document_label(self.document)
