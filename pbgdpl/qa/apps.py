from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "pbgdpl.qa"
    label = "qa"
    verbose_name = "Hỏi đáp pháp luật"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import EDITOR, EDITORIAL_BOARD, QA_ANSWERER, grant_model_permissions
        from pbgdpl.api.registry import register_router
        from pbgdpl.core import personal_data
        from pbgdpl.core.admin_help import register_help_topic
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.periodic import register_periodic
        from pbgdpl.search.registry import register

        from . import services
        from .demo import load_demo_questions
        from .search_source import QuestionSource
        from .tasks import qa_daily_retention

        register(QuestionSource())
        _register_page_cache()
        register_help_topic("hoi-dap", "Trả lời hỏi đáp của người dân", "qa/admin/help.html", order=40)
        # Editors screen, route and answer; only the board approves and publishes.
        grant_model_permissions(
            EDITOR,
            ["qa.view_question", "qa.change_question", "qa.answer_question", "qa.add_answertemplate",
             "qa.change_answertemplate", "qa.view_answertemplate"],
        )
        grant_model_permissions(
            EDITORIAL_BOARD,
            ["qa.view_question", "qa.change_question", "qa.answer_question", "qa.approve_question",
             "qa.export_personal_data", "qa.add_answertemplate", "qa.change_answertemplate",
             "qa.delete_answertemplate", "qa.view_answertemplate"],
        )
        # Answerers answer the questions routed to them: no approval, no personal-data export.
        grant_model_permissions(
            QA_ANSWERER,
            ["qa.view_question", "qa.change_question", "qa.answer_question", "qa.view_answertemplate"],
        )
        register_demo_loader("qa-questions", load_demo_questions, order=40)
        register_router("questions", "pbgdpl.qa.api:router", tag="Hỏi đáp pháp luật")
        register_periodic("qa-retention", every=24 * 3600, task=qa_daily_retention)
        personal_data.register(
            "qa",
            export=lambda email, phone: services.export_person(email=email, phone=phone),
            delete=lambda email, phone: services.erase_person(email=email, phone=phone),
        )


def _register_page_cache() -> None:
    """Public pages show published questions and their answers; nothing else of the workflow."""
    from pbgdpl.core import pagecache
    from pbgdpl.core.pagecache.invalidation import visibility_changed

    from .models import Answer, Question, Status

    label = Question._meta.label
    pagecache.track_model(Question)
    def is_public(question) -> bool:
        return question.status == Status.PUBLISHED

    def question_tags(question, event) -> list[str]:
        # Lists change only when a question appears or disappears; an edit shows on the pages
        # that loaded the question (its page, the lists and "related" blocks it is in).
        tags = [pagecache.object_tag(label, question.pk)]
        if event != "saved" or visibility_changed(question, is_public(question)):
            tags.append(pagecache.list_tag(label))
        return tags

    pagecache.register_model(Question, question_tags, public=is_public)
    pagecache.register_model(
        Answer,
        lambda answer, event: [pagecache.object_tag(label, answer.question_id)],
        public=lambda answer: Question.objects.filter(pk=answer.question_id, status=Status.PUBLISHED).exists(),
    )
