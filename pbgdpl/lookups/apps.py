from django.apps import AppConfig


class LookupsConfig(AppConfig):
    name = "pbgdpl.lookups"
    label = "lookups"
    verbose_name = "Tra cứu"

    def ready(self) -> None:
        from wagtail.signals import published, unpublished

        from pbgdpl.accounts.roles import ADMINISTRATOR, EDITOR, EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.pagecache.policy import exclude_prefix
        from pbgdpl.legal.models import LegalDocument
        from pbgdpl.search.answers import register_instant_answer, register_kind_label
        from pbgdpl.search.registry import register

        from . import signals
        from .demo import load_demo_penalties
        from .judgments.demo import load_demo_judgments
        from .landprices.demo import load_demo_land_prices
        from .search_answer import penalty_answer
        from .search_source import ViolationSource

        # Editors correct what the parser read; the decree itself is edited in the legal registry.
        editing = ["lookups.view_violation", "lookups.change_violation", "lookups.view_penaltydecree",
                   "lookups.change_penaltydecree", "lookups.view_landpricetable", "lookups.add_landpricetable",
                   "lookups.change_landpricetable", "lookups.view_judgment", "lookups.add_judgment",
                   "lookups.change_judgment"]
        for role in (EDITOR, EDITORIAL_BOARD, ADMINISTRATOR):
            grant_model_permissions(role, editing)
        published.connect(signals.document_published, sender=LegalDocument, dispatch_uid="lookups-published")
        unpublished.connect(signals.document_unpublished, sender=LegalDocument, dispatch_uid="lookups-unpublished")
        # Look-ups answer from an in-memory index or a few indexed queries; until their models
        # register their dependencies with the page cache, they are not cached (never stale).
        exclude_prefix("/tra-cuu/")
        register(ViolationSource())
        register_kind_label("violation", "Xử phạt vi phạm hành chính")
        register_instant_answer("penalty", penalty_answer, template="lookups/_search_answer.html")
        register_demo_loader("lookups-penalties", load_demo_penalties, order=25)
        register_demo_loader("lookups-land-prices", load_demo_land_prices, order=26)
        register_demo_loader("lookups-judgments", load_demo_judgments, order=27)
