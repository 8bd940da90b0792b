"""Background jobs of the look-ups."""

from django_tasks import task


@task()
def sync_penalty_decree(document_id: int) -> int:
    """Read a published penalty decree into violations; returns how many it holds."""
    from pbgdpl.legal.models import LegalDocument

    from .penalties.lookup import bump_version
    from .penalties.services import sync_decree
    from .search_source import reindex_decree

    document = LegalDocument.objects.filter(pk=document_id).first()
    if document is None:
        return 0
    decree = sync_decree(document)
    bump_version()
    if decree is None:
        return 0
    reindex_decree(decree)
    return decree.violations.count()
