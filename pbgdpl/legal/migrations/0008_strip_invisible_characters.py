"""Remove soft hyphens and other invisible characters from legal text stored before the importer
cleaned them ("ng-ười" at a line end), and recompute the versions' content hashes."""

import hashlib
import unicodedata

from django.db import migrations

from pbgdpl.core.text import strip_invisible

DOCUMENT_FIELDS = ("title", "summary", "full_text", "number", "signer", "signer_title")
PROVISION_FIELDS = ("title", "source_heading", "heading", "text")


def _normalised(text):
    text = strip_invisible(unicodedata.normalize("NFC", text)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _clean_rows(queryset, fields):
    fields = [name for name in fields if any(f.name == name for f in queryset.model._meta.get_fields())]
    for row in queryset.only("pk", *fields).iterator(chunk_size=2000):
        changed = []
        for name in fields:
            value = getattr(row, name) or ""
            cleaned = strip_invisible(value)
            if cleaned != value:
                setattr(row, name, cleaned)
                changed.append(name)
        if changed:
            row.save(update_fields=changed)


def clean(apps, schema_editor):
    _clean_rows(apps.get_model("legal", "LegalDocument").objects.all(), DOCUMENT_FIELDS)
    _clean_rows(apps.get_model("legal", "Provision").objects.all(), PROVISION_FIELDS)
    Version = apps.get_model("legal", "DocumentVersion")
    for version in Version.objects.only("pk", "text", "content_hash").iterator(chunk_size=500):
        cleaned = strip_invisible(version.text)
        if cleaned != version.text:
            version.text = cleaned
            version.content_hash = hashlib.sha256(_normalised(cleaned).encode("utf-8")).hexdigest()
            version.save(update_fields=["text", "content_hash"])


class Migration(migrations.Migration):
    dependencies = [("legal", "0007_import_batches")]
    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
