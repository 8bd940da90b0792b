from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "pbgdpl.legal"
    label = "legal"
    verbose_name = "Văn bản pháp luật"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import EDITOR, EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.api.registry import register_router
        from pbgdpl.core.admin_help import register_help_topic
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.periodic import register_periodic
        from pbgdpl.core.setup_steps import register_setup_step
        from pbgdpl.search.registry import register

        from . import signals  # noqa: F401
        from .demo import load_demo_documents
        from .search_source import LegalDocumentSource
        from .tasks import prune_import_batches, refresh_validity

        register(LegalDocumentSource())
        register_router("documents", "pbgdpl.legal.api:router", tag="Văn bản pháp luật")
        _register_page_cache()
        register_help_topic("van-ban", "Nhập văn bản pháp luật", "legal/admin/help.html", order=30)
        register_demo_loader("legal-documents", load_demo_documents, order=20)
        register_setup_step("legal-document-workflow", _link_documents_to_workflow)
        # Statuses change as dates pass (a law comes into force, a replacement takes effect).
        register_periodic("legal-refresh-validity", every=24 * 3600, task=refresh_validity)
        register_periodic("legal-prune-import-batches", every=24 * 3600, task=prune_import_batches)
        grant_model_permissions(
            EDITOR,
            [
                "legal.add_legaldocument",
                "legal.change_legaldocument",
                "legal.lock_legaldocument",
                "legal.view_documentversion",
                "legal.view_provision",
            ],
        )
        grant_model_permissions(
            EDITORIAL_BOARD,
            [
                "legal.add_legaldocument",
                "legal.change_legaldocument",
                "legal.delete_legaldocument",
                "legal.publish_legaldocument",
                "legal.lock_legaldocument",
                "legal.unlock_legaldocument",
                "legal.add_documenttype",
                "legal.change_documenttype",
                "legal.add_issuer",
                "legal.change_issuer",
                "legal.add_field",
                "legal.change_field",
                "legal.view_documentversion",
                "legal.view_provision",
            ],
        )


def _link_documents_to_workflow() -> str | None:
    from .services import ensure_document_workflow

    return "văn bản pháp luật được đưa vào quy trình duyệt" if ensure_document_workflow() else None


def _register_page_cache() -> None:
    """Pages showing a document (its page, lists, Q&A citations) depend on it; lists and facet
    counts depend on every public document. Drafts never reach a public page."""
    from pbgdpl.core import pagecache

    from .models import DocumentType, Field, Issuer, LegalDocument

    pagecache.track_model(LegalDocument)
    pagecache.register_model(
        LegalDocument,
        lambda document, event: [pagecache.object_tag(LegalDocument._meta.label, document.pk),
                                 pagecache.list_tag(LegalDocument._meta.label)],
        public=lambda document: bool(document.live),
        ignore_fields={"latest_revision", "has_unpublished_changes", "draft_title", "locked", "locked_at",
                       "locked_by", "validity_checked_on", "live_revision", "last_published_at"},
    )
    for vocabulary in (DocumentType, Issuer, Field):
        pagecache.track_model(vocabulary)
        # Any change purges the vocabulary's lists too: facets show names read without loading objects.
        pagecache.register_model(vocabulary, lambda term, event: [
            pagecache.object_tag(term._meta.label, term.pk), pagecache.list_tag(term._meta.label)])
