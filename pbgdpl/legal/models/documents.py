"""The legal work (LegalDocument), its dated texts (DocumentVersion) and their provisions."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from .choices import ProvisionKind, Scope, Validity

# Statuses under which a document still has legal force (at least in part).
IN_FORCE_STATUSES = (Validity.IN_FORCE, Validity.PARTLY_EXPIRED)


class LegalDocumentQuerySet(models.QuerySet):
    """Queries in the registry's own words."""

    def published(self):
        """Documents visible to the public (live in Wagtail's sense)."""
        return self.filter(live=True)

    def for_listing(self):
        """Light rows for lists: no full text, vocabularies joined."""
        return self.defer("full_text").select_related("doc_type", "issuer")

    def provincial(self):
        return self.filter(scope__in=[Scope.PROVINCIAL, Scope.COMMUNE])

    def open_for_comment(self, on: datetime.date | None = None):
        """Drafts whose comment period includes ``on`` (Dự thảo đang lấy ý kiến)."""
        on = on or timezone.localdate()
        return self.filter(is_draft_for_comment=True).filter(
            Q(comment_opens__isnull=True) | Q(comment_opens__lte=on),
            Q(comment_closes__isnull=True) | Q(comment_closes__gte=on),
        )

    def enacted(self):
        """Real documents, not drafts put out for comment."""
        return self.filter(is_draft_for_comment=False)

    def issued_since(self, since: datetime.date):
        """Mới ban hành: issued on or after ``since``."""
        return self.enacted().filter(issued_on__gte=since)

    def coming_into_force(self, after: datetime.date, until: datetime.date):
        """Sắp có hiệu lực: effective strictly after ``after`` and at the latest on ``until``."""
        return self.enacted().filter(effective_from__gt=after, effective_from__lte=until)

    def effective_from_on(self, on: datetime.date):
        """Có hiệu lực từ hôm nay."""
        return self.enacted().filter(effective_from=on)

    def expiring(self, after: datetime.date, until: datetime.date):
        """Sắp hết hiệu lực: an expiry date in (after, until]."""
        return self.enacted().filter(effective_to__gt=after, effective_to__lte=until)

    def with_validity_at(self, on: datetime.date):
        """Each document annotated with ``validity_at``, its ``Validity`` value on ``on`` (SQL)."""
        from .validity_expression import validity_at

        return self.annotate(validity_at=validity_at(on))

    def in_force_on(self, on: datetime.date):
        """Documents in force (wholly or in part) on ``on``, from dates, relations and overrides."""
        return self.with_validity_at(on).filter(validity_at__in=IN_FORCE_STATUSES)


class LegalDocument(
    PreviewableMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel
):
    """A legal document as a work (văn bản): metadata, validity, and a pointer to its current text.

    Number + issuer identify a document. ``full_text`` is the editable current text; each
    distinct text is kept as a dated ``DocumentVersion`` with its provisions.
    """

    number = models.CharField(_("số ký hiệu"), max_length=100, blank=True, db_index=True)
    title = models.CharField(_("trích yếu"), max_length=1000)
    slug = models.SlugField(_("đường dẫn"), max_length=255, unique=True, blank=True)
    doc_type = models.ForeignKey(
        "legal.DocumentType", verbose_name=_("loại văn bản"), on_delete=models.PROTECT, related_name="documents"
    )
    issuer = models.ForeignKey(
        "legal.Issuer", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="documents"
    )
    fields = ParentalManyToManyField("legal.Field", verbose_name=_("lĩnh vực"), blank=True, related_name="documents")
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_title = models.CharField(_("chức danh người ký"), max_length=200, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True, db_index=True)
    effective_from = models.DateField(_("ngày có hiệu lực"), null=True, blank=True, db_index=True)
    effective_to = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True, db_index=True)
    gazette_number = models.CharField(_("số công báo"), max_length=100, blank=True)
    gazette_date = models.DateField(_("ngày đăng công báo"), null=True, blank=True)
    scope = models.CharField(
        _("phạm vi"), max_length=20, choices=Scope.choices, blank=True,
        help_text=_("Để trống để lấy theo cấp của cơ quan ban hành."),
    )
    language = models.CharField(_("ngôn ngữ"), max_length=10, default="vi")
    summary = models.TextField(_("tóm tắt"), blank=True)
    full_text = models.TextField(_("toàn văn"), blank=True)

    validity = models.CharField(
        _("tình trạng hiệu lực"), max_length=30, choices=Validity.choices, default=Validity.IN_FORCE,
        editable=False, db_index=True,
    )
    validity_reason = models.TextField(_("lý do"), blank=True, editable=False)
    validity_checked_on = models.DateField(_("ngày tính hiệu lực"), null=True, blank=True, editable=False)
    validity_override = models.CharField(
        _("tình trạng hiệu lực do biên tập viên xác định"), max_length=30, choices=Validity.choices, blank=True,
        help_text=_("Chỉ dùng khi ngày tháng và quan hệ giữa các văn bản không thể hiện được tình trạng thực tế."),
    )
    validity_override_reason = models.TextField(_("lý do xác định tình trạng hiệu lực"), blank=True)
    validity_override_from = models.DateField(
        _("áp dụng từ ngày"), null=True, blank=True,
        help_text=_("Để trống nếu áp dụng cho mọi thời điểm."),
    )

    is_draft_for_comment = models.BooleanField(_("dự thảo lấy ý kiến"), default=False)
    comment_opens = models.DateField(_("bắt đầu lấy ý kiến"), null=True, blank=True)
    comment_closes = models.DateField(_("kết thúc lấy ý kiến"), null=True, blank=True)

    current_version = models.ForeignKey(
        "legal.DocumentVersion", verbose_name=_("phiên bản hiện hành"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ngày cập nhật"), auto_now=True)

    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản pháp luật")
        verbose_name_plural = _("văn bản pháp luật")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "issuer"], condition=~Q(number=""), name="legal_document_number_issuer_unique",
                violation_error_message=_("Đã có văn bản cùng số ký hiệu của cơ quan ban hành này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip() if self.number else self.title

    def save(self, *args, **kwargs) -> None:
        if not self.scope and self.issuer_id:
            self.scope = self.issuer.scope
        if not self.slug:
            # Admin-created documents get their slug here; save_document() sets it earlier.
            from ..services import unique_slug

            self.slug = unique_slug(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        try:
            return reverse("legal:document", kwargs={"slug": self.slug})
        except NoReverseMatch:
            return f"/van-ban/{self.slug}/"

    def get_preview_template(self, request, mode_name: str) -> str:
        return "legal/admin/preview.html"

    def get_preview_context(self, request, mode_name: str) -> dict:
        """What the board sees before approving: metadata, validity and the text as parsed now."""
        from ..parsing import parse_text
        from ..validity import validity_on

        parsed = parse_text(self.full_text or "")
        return {
            **super().get_preview_context(request, mode_name),
            "document": self,
            "validity": validity_on(self),
            "nodes": parsed.nodes,
            "warnings": parsed.warnings,
        }

    @property
    def display_title(self) -> str:
        """"Bộ luật Dân sự 91/2015/QH13" style heading used by lists and search results."""
        return str(self)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        # An effective date before the issue date is allowed: the law permits retroactive effect
        # in narrow cases (hiệu lực trở về trước), and the national database records it so.
        if self.effective_from and self.effective_to and self.effective_to <= self.effective_from:
            errors["effective_to"] = _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        if self.validity_override and not self.validity_override_reason.strip():
            errors["validity_override_reason"] = _("Hãy ghi lý do khi tự xác định tình trạng hiệu lực.")
        if self.comment_opens and self.comment_closes and self.comment_closes < self.comment_opens:
            errors["comment_closes"] = _("Ngày kết thúc lấy ý kiến phải sau ngày bắt đầu.")
        if self.is_draft_for_comment and not self.comment_closes:
            errors["comment_closes"] = _("Dự thảo lấy ý kiến cần có ngày kết thúc lấy ý kiến.")
        if errors:
            raise ValidationError(errors)

    @property
    def validity_label(self) -> str:
        return Validity(self.validity).label

    def comment_state(self, on: datetime.date) -> str:
        """"open", "upcoming" or "closed" on ``on`` for a draft put out for comment; "" otherwise."""
        if not self.is_draft_for_comment:
            return ""
        if self.comment_opens and on < self.comment_opens:
            return "upcoming"
        if self.comment_closes and on > self.comment_closes:
            return "closed"
        return "open"


class DocumentAttachment(Orderable):
    """A file published with the document (signed PDF, DOCX, annex)."""

    document = ParentalKey(LegalDocument, related_name="attachments", on_delete=models.CASCADE)
    file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("tên hiển thị"), max_length=300, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.title or self.file.title


class DocumentVersion(models.Model):
    """A dated text of a document (Peachjam's "expression"). A changed text is a new version."""

    document = models.ForeignKey(LegalDocument, on_delete=models.CASCADE, related_name="versions")
    version_date = models.DateField(_("ngày của phiên bản"))
    text = models.TextField(_("toàn văn"))
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64, db_index=True)
    source_file = models.CharField(_("tệp nguồn"), max_length=500, blank=True)
    extraction_method = models.CharField(_("cách trích xuất"), max_length=10, blank=True)
    needs_review = models.BooleanField(_("cần biên tập viên kiểm tra"), default=False)
    warnings = models.JSONField(_("cảnh báo khi phân tích"), default=list, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản văn bản")
        verbose_name_plural = _("phiên bản văn bản")
        ordering = ["-version_date", "-id"]

    def __str__(self) -> str:
        return f"{self.document} ({self.version_date:%d/%m/%Y})"


class ProvisionQuerySet(models.QuerySet):
    def articles(self):
        return self.filter(kind=ProvisionKind.ARTICLE)

    def in_document_order(self):
        return self.order_by("order")


class Provision(models.Model):
    """One node of a version's tree: Phần, Chương, Mục, Điều, Khoản, Điểm, preamble, appendix, …

    ``eid`` is stable across re-parses of the same text and doubles as the HTML anchor
    ("dieu-5-khoan-1"). ``order`` is the position in document order, so a whole version
    renders with one query.
    """

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="provisions")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=ProvisionKind.choices)
    number = models.CharField(_("số"), max_length=20, blank=True)
    title = models.CharField(_("tiêu đề"), max_length=1000, blank=True)
    source_heading = models.CharField(
        _("tiêu đề như trong văn bản gốc"), max_length=1000, blank=True,
        help_text=_("Ví dụ “Chương I\nQUY ĐỊNH CHUNG”; với khoản, điểm là nhãn “1.”, “a)”."),
    )
    text = models.TextField(_("nội dung"), blank=True)
    eid = models.CharField(_("mã định danh"), max_length=200)
    order = models.PositiveIntegerField(_("thứ tự"))
    depth = models.PositiveSmallIntegerField(_("cấp"), default=0)

    objects = ProvisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("điều khoản")
        verbose_name_plural = _("điều khoản")
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "eid"], name="legal_provision_version_eid_unique"),
        ]
        indexes = [models.Index(fields=["version", "order"])]

    def __str__(self) -> str:
        return self.heading or self.eid

    @property
    def reference(self) -> str:
        """How a citation names the node within its document: "Điều 2", "Khoản 1 Điều 2", "Điểm a khoản 1
        Điều 2" (a clause's heading alone, "Khoản 1", says nothing once it leaves its article)."""
        pinpoint = (ProvisionKind.POINT, ProvisionKind.CLAUSE, ProvisionKind.ARTICLE)
        if self.kind not in pinpoint:
            return self.heading
        parts, node = [], self
        while node is not None and node.kind in pinpoint:
            label = str(ProvisionKind(node.kind).label)
            parts.append(f"{label if node.kind == ProvisionKind.ARTICLE or not parts else label.lower()} {node.number}")
            if node.kind == ProvisionKind.ARTICLE:
                break
            node = node.parent
        return " ".join(parts)

    @property
    def heading(self) -> str:
        """"Điều 5. Title", "Chương II", "Khoản 1" — what a reader sees as the node's label."""
        label = ProvisionKind(self.kind).label
        if self.kind in {ProvisionKind.PREAMBLE, ProvisionKind.CLOSING, ProvisionKind.TEXT}:
            return self.title
        head = f"{label} {self.number}".strip()
        if self.kind == ProvisionKind.ARTICLE and self.title:
            return f"{head}. {self.title}"
        if self.title:
            return f"{head}: {self.title}" if self.kind != ProvisionKind.ARTICLE else head
        return head
