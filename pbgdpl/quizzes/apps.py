from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "pbgdpl.quizzes"
    label = "quizzes"
    verbose_name = "Cuộc thi và câu hỏi pháp luật"

    def ready(self) -> None:
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.search.registry import register

        from . import signals  # noqa: F401 - connects the search outbox receivers
        from .demo import load_demo_contest
        from .search_source import ContestSource, PracticeQuizSource

        register(ContestSource())
        register(PracticeQuizSource())
        register_demo_loader("quizzes-contest", load_demo_contest, order=60)
