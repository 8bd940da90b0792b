"""Background jobs of the legal registry (registered as periodic jobs in ``LegalConfig.ready()``)."""

from django_tasks import task

from .services import refresh_all_validity


@task()
def refresh_validity() -> int:
    """Daily: statuses change as dates pass (a law comes into force, a replacement takes effect)."""
    return len(refresh_all_validity())


@task()
def read_import_item(item_pk: int) -> str:
    """Extract and parse one file uploaded on the admin's import screen (OCR may take minutes)."""
    from .importing.uploads import read_item
    from .models import ImportItem

    item = ImportItem.objects.filter(pk=item_pk).first()
    if item is None:
        return "missing"
    return read_item(item).status


@task()
def prune_import_batches() -> int:
    """Daily: uploaded import files are kept LEGAL_IMPORT_RETENTION_DAYS days, then deleted."""
    from django.conf import settings

    from .importing.uploads import prune_batches

    return prune_batches(settings.LEGAL_IMPORT_RETENTION_DAYS)
