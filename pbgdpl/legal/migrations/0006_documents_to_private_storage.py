"""Move Wagtail documents stored before they became private (``MEDIA_ROOT/documents/<name>``) to
``PRIVATE_MEDIA_ROOT/documents/<random>/<name>``, as new uploads are (pbgdpl/core/private_media.MediaStorage).

Idempotent and file-safe: a document already in a random directory is left alone, a missing file is
only reported, and the row is updated only once its file has been moved.
"""

import os
import secrets
import shutil

from django.conf import settings
from django.db import migrations


def move_documents(apps, schema_editor):
    Document = apps.get_model("wagtaildocs", "Document")
    media_root = str(settings.MEDIA_ROOT)
    private_root = str(settings.PRIVATE_MEDIA_ROOT)
    for document in Document.objects.filter(file__regex=r"^documents/[^/]+$").iterator():
        old_name = document.file.name
        source = next(
            (path for path in (os.path.join(media_root, old_name), os.path.join(private_root, old_name))
             if os.path.isfile(path)),
            None,
        )
        if source is None:
            print(f"  document {document.pk}: file {old_name} not found, left as is")
            continue
        new_name = f"documents/{secrets.token_hex(12)}/{os.path.basename(old_name)}"
        target = os.path.join(private_root, new_name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.move(source, target)
        Document.objects.filter(pk=document.pk).update(file=new_name)


class Migration(migrations.Migration):

    dependencies = [
        ("legal", "0005_scope_from_issuer"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(move_documents, migrations.RunPython.noop)]
