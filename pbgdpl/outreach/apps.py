from django.apps import AppConfig


class OutreachConfig(AppConfig):
    """Publishing news articles and legal documents to the department's Facebook page and Zalo OA."""

    name = "pbgdpl.outreach"
    label = "outreach"
    verbose_name = "Đăng mạng xã hội"

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.signals import page_published, published

        from pbgdpl.accounts.roles import ADMINISTRATOR, EDITOR, EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.periodic import register_periodic
        from pbgdpl.legal.models import LegalDocument
        from pbgdpl.news.models import ArticlePage

        from .demo import load_demo_social_posts
        from .publishing import article_published, document_published
        from .services import remember_choice
        from .tasks import retry_social_posts

        for model in (ArticlePage, LegalDocument):
            post_save.connect(remember_choice, sender=model, dispatch_uid=f"outreach-choice-{model._meta.label}")
        page_published.connect(article_published, sender=ArticlePage, dispatch_uid="outreach-article")
        published.connect(document_published, sender=LegalDocument, dispatch_uid="outreach-document")
        register_demo_loader("outreach-social-posts", load_demo_social_posts, order=70)
        register_periodic("outreach-retry-posts", every=300, task=retry_social_posts)
        for role in (EDITOR, EDITORIAL_BOARD, ADMINISTRATOR):
            grant_model_permissions(role, ["outreach.view_socialpost"])
