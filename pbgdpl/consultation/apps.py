from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "pbgdpl.consultation"
    label = "consultation"
    verbose_name = "Lấy ý kiến dự thảo"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import DRAFTING_BODY, EDITOR, EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.core import personal_data
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.pagecache.policy import exclude_prefix
        from pbgdpl.core.periodic import register_periodic
        from pbgdpl.legal import page_extensions

        from . import services
        from .demo import load_demo_comments
        from .document_page import HAS_CONSULTED_DRAFT, document_extras, has_consulted_draft
        from .tasks import consultation_unverified_cleanup

        page_extensions.register(document_extras, annotations={HAS_CONSULTED_DRAFT: has_consulted_draft})
        # The comment form carries a CSRF token (never stored); the sent and verification pages are
        # per visitor. The public report has no form: it is cached and purged by moderation (below).
        exclude_prefix("/gop-y-du-thao/da-gui/")
        exclude_prefix("/gop-y-du-thao/xac-nhan/")
        # Editors moderate; the drafting body answers; the board does both and sets the draft up.
        grant_model_permissions(EDITOR, ["consultation.moderate_comment"])
        grant_model_permissions(DRAFTING_BODY, ["consultation.respond_comment"])
        grant_model_permissions(EDITORIAL_BOARD, ["consultation.moderate_comment", "consultation.respond_comment",
                                                  "consultation.change_consultation"])
        personal_data.register(
            "consultation",
            export=lambda email, phone: services.export_person(email=email, phone=phone),
            delete=lambda email, phone: services.erase_person(email=email, phone=phone),
        )
        register_demo_loader("consultation-comments", load_demo_comments, order=45)
        register_periodic("consultation-unverified-cleanup", every=24 * 3600, task=consultation_unverified_cleanup)
        _register_page_cache()
        _register_comment_search()
        _register_dialogues()


def _register_comment_search() -> None:
    """Published comments are searchable; any change that may show or hide one reindexes its draft."""
    from django.db.models.signals import post_delete, post_save

    from pbgdpl.legal.models import LegalDocument
    from pbgdpl.search import registry
    from pbgdpl.search.answers import register_kind_label
    from pbgdpl.search.services import mark_changed

    from .comment_search import KIND, LABEL, CommentSource
    from .models import Comment, Consultation, Status

    registry.register(CommentSource())
    register_kind_label(KIND, "Góp ý dự thảo")

    def comment_changed(sender, instance, **kwargs) -> None:
        if instance.status != Status.UNVERIFIED:  # an unverified comment never shows
            mark_changed(LABEL, instance.consultation_id)

    def draft_changed(sender, instance, raw=False, **kwargs) -> None:
        # Unpublishing the draft, or its moderation mode, changes which comments are public.
        if raw:
            return
        for pk in Consultation.objects.filter(document_id=instance.pk).values_list("pk", flat=True):
            mark_changed(LABEL, pk)

    post_save.connect(comment_changed, sender=Comment, weak=False, dispatch_uid="comment-search-save")
    post_delete.connect(comment_changed, sender=Comment, weak=False, dispatch_uid="comment-search-delete")
    post_save.connect(lambda sender, instance, **kw: mark_changed(LABEL, instance.pk), sender=Consultation,
                      weak=False, dispatch_uid="consultation-search")
    post_save.connect(draft_changed, sender=LegalDocument, weak=False, dispatch_uid="consultation-draft-search")


def _register_dialogues() -> None:
    """Policy dialogues: their pages hold a form and live answers, so the page cache leaves them out."""
    from django.db.models.signals import post_delete, post_save

    from pbgdpl.accounts.roles import DRAFTING_BODY, EDITOR, EDITORIAL_BOARD, grant_model_permissions
    from pbgdpl.core import pagecache
    from pbgdpl.core.demo import register_demo_loader
    from pbgdpl.search import registry
    from pbgdpl.search.answers import register_kind_label
    from pbgdpl.search.services import mark_changed

    from .dialogue_demo import load_demo_dialogues
    from .dialogue_models import Dialogue, DialogueQuestion, QuestionStatus
    from .dialogue_search import KIND, DialogueSource
    from .dialogue_services import questions_tag

    # Cached for strangers unless the page holds a form (a CSRF token is never stored): the list,
    # past sessions and their answers. A session's change purges it and the lists (and sitemap);
    # a question shown, hidden or answered purges the pages showing its session's questions only.
    pagecache.track_model(Dialogue)
    pagecache.register_model(Dialogue, lambda dialogue, event: [
        pagecache.object_tag(Dialogue._meta.label, dialogue.pk), pagecache.list_tag(Dialogue._meta.label)])
    pagecache.register_model(
        DialogueQuestion, lambda question, event: [questions_tag(question.dialogue_id)],
        public=lambda question: question.status == QuestionStatus.APPROVED)
    perms = ["consultation.moderate_dialogue", "consultation.add_dialogue", "consultation.change_dialogue",
             "consultation.delete_dialogue"]
    grant_model_permissions(EDITOR, perms)
    grant_model_permissions(EDITORIAL_BOARD, perms)
    # The drafting body answers on the desks of the sessions it is assigned to (Dialogue.answerers).
    grant_model_permissions(DRAFTING_BODY, ["consultation.answer_dialogue"])
    registry.register(DialogueSource())
    register_kind_label(KIND, "Đối thoại chính sách")
    # Saved or deleted (its questions and answers go with it): the indexer asks the source again and
    # drops the entry when the session is gone.
    def dialogue_changed(sender, instance, **kwargs) -> None:
        mark_changed(DialogueSource.label, instance.pk)

    post_save.connect(dialogue_changed, sender=Dialogue, weak=False, dispatch_uid="dialogue-search")
    post_delete.connect(dialogue_changed, sender=Dialogue, weak=False, dispatch_uid="dialogue-search-delete")
    register_demo_loader("consultation-dialogues", load_demo_dialogues, order=46)


def _register_page_cache() -> None:
    """What the cached pages of consultation show, and what a change purges.

    A document page shows its consultation's links: changing the settings purges both documents.
    The public report loads the draft and its Consultation (tracked): a comment that is or becomes
    public purges its consultation; the first comment creates the Consultation, which purges the
    draft, which the report loaded too.
    """
    from pbgdpl.core import pagecache
    from pbgdpl.legal.models import LegalDocument

    from .models import Comment, Consultation, Status

    label = LegalDocument._meta.label

    def tags(consultation, event) -> list[str]:
        pks = {consultation.document_id, consultation.final_document_id}
        return [pagecache.object_tag(Consultation._meta.label, consultation.pk),
                *(pagecache.object_tag(label, pk) for pk in pks if pk)]

    pagecache.track_model(Consultation)
    pagecache.register_model(Consultation, tags)
    # An unverified comment never shows: its creation and verification mails purge nothing (the
    # rule is a superset of "shown" that needs no query: pending comments show on "after" drafts).
    pagecache.register_model(
        Comment, lambda comment, event: [pagecache.object_tag(Consultation._meta.label, comment.consultation_id)],
        public=lambda comment: comment.status != Status.UNVERIFIED)
