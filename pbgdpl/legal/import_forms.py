"""Forms of the admin's document import screen (pbgdpl/legal/import_views.py)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.uploads import validate_document

from .importing.uploads import UPLOAD_SUFFIXES
from .models import DocumentType, Field, Issuer

MAX_FILES = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (the pattern Django's documentation gives)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else super().clean(data, initial)


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Tệp văn bản"),
        widget=MultipleFileInput(attrs={"accept": ",".join(UPLOAD_SUFFIXES), "multiple": True}),
        help_text=_("Chọn hoặc kéo thả một hay nhiều tệp DOCX, PDF, TXT (mỗi tệp một văn bản) hoặc một tệp CSV "
                    "danh sách văn bản kèm các tệp nó nêu. Tối đa %(count)d tệp, mỗi tệp tối đa 50 MB.")
        % {"count": MAX_FILES},
    )

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        if not uploads:
            raise ValidationError(_("Hãy chọn ít nhất một tệp."))
        if len(uploads) > MAX_FILES:
            raise ValidationError(_("Mỗi lần tải lên tối đa %(count)d tệp.") % {"count": MAX_FILES})
        problems = []
        for upload in uploads:
            if not upload.name.lower().endswith(UPLOAD_SUFFIXES):
                problems.append(_("“%(name)s”: chỉ nhận tệp .docx, .pdf, .txt hoặc .csv.") % {"name": upload.name})
                continue
            try:
                validate_document(upload)
            except ValidationError as error:
                problems.append(f"“{upload.name}”: {' '.join(error.messages)}")
        if problems:
            raise ValidationError(problems)
        return uploads


class DocumentMetadataForm(forms.Form):
    """What the editor confirms before an uploaded file becomes a draft document."""

    number = forms.CharField(label=_("Số ký hiệu"), max_length=100, required=False,
                             help_text=_("Ví dụ 45/2019/QH14; để trống nếu là dự thảo."))
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    doc_type = forms.ModelChoiceField(label=_("Loại văn bản"), queryset=DocumentType.objects.none())
    issuer = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=Issuer.objects.none())
    issued_on = forms.DateField(label=_("Ngày ban hành"), required=False,
                                widget=forms.DateInput(attrs={"placeholder": "ngày/tháng/năm"}))
    effective_from = forms.DateField(label=_("Ngày có hiệu lực"), required=False,
                                     widget=forms.DateInput(attrs={"placeholder": "ngày/tháng/năm"}))
    signer = forms.CharField(label=_("Người ký"), max_length=200, required=False)
    signer_title = forms.CharField(label=_("Chức danh người ký"), max_length=200, required=False)
    subject_fields = forms.ModelMultipleChoiceField(label=_("Lĩnh vực"), queryset=Field.objects.none(), required=False,
                                            widget=forms.CheckboxSelectMultiple)
    summary = forms.CharField(label=_("Tóm tắt"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doc_type"].queryset = DocumentType.objects.filter(active=True).order_by("order", "name")
        self.fields["issuer"].queryset = Issuer.objects.filter(active=True).order_by("order", "name")
        self.fields["subject_fields"].queryset = Field.objects.filter(active=True).order_by("order", "name")

    @staticmethod
    def initial_from(metadata: dict) -> dict:
        initial = {key: metadata.get(key) for key in ("number", "title", "doc_type", "issuer", "signer",
                                                       "signer_title")}
        if metadata.get("issued_on"):
            import datetime

            initial["issued_on"] = datetime.date.fromisoformat(metadata["issued_on"])
        return initial
