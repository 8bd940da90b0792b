"""Admin forms: a book file is checked by its content (PDF, DOCX, EPUB), an audio file by what
ffprobe finds in it, with a Vietnamese message and nothing saved when it is wrong."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

RESERVED_SLUGS = {"podcast", "sach-noi", "am-thanh"}
BOOK_MAX_BYTES = 100 * 1024 * 1024


class BookAdminForm(WagtailAdminModelForm):
    def clean_file(self):
        from pbgdpl.core.uploads import validate_document

        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            validate_document(upload, max_bytes=BOOK_MAX_BYTES, extensions=("pdf", "docx", "epub"))
        return upload

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug in RESERVED_SLUGS:
            raise ValidationError("Đường dẫn này dành cho podcast và sách nói, hãy chọn đường dẫn khác.")
        return slug


class AudioAdminForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        upload = data.get("audio")
        if upload and hasattr(upload, "content_type") and not self.errors:
            from . import services

            self.instance.audio = upload
            try:
                services.check_audio(self.instance)
            except ValidationError as exc:
                self.add_error("audio", exc.message_dict.get("audio", exc.messages))
        return data
