from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "pbgdpl.quizzes"
    label = "quizzes"
    verbose_name = "Cuộc thi và câu hỏi pháp luật"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import CONTEST_ORGANISER, EDITOR, EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.core import personal_data
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.periodic import register_periodic
        from pbgdpl.search.registry import register

        from . import signals  # noqa: F401 - connects the search outbox and question-pool receivers
        from .demo import load_demo_contest
        from .search_source import ContestSource, PracticeQuizSource
        from .services import erase_contestant, export_contestant
        from .tasks import close_ended_rounds, expire_attempts

        register(ContestSource())
        # Contest and practice pages follow the clock (rounds open and close) and contestants'
        # sessions: never from the shared page cache.
        from pbgdpl.core.pagecache.policy import exclude_prefix

        exclude_prefix("/cuoc-thi/")
        exclude_prefix("/luyen-tap/")
        register(PracticeQuizSource())
        # Editors and the board run contests: the bank, rounds, organiser views (snippets need add/change/view).
        models = ["question", "contest", "round", "unit", "practicequiz"]
        editing = [f"quizzes.{verb}_{m}" for m in models for verb in ("add", "change", "view")]
        for role in (EDITOR, EDITORIAL_BOARD):
            grant_model_permissions(role, [*editing, "quizzes.view_contestant", "quizzes.change_contestant"])
        # Organisers run contests (bank, rounds, units, contestants, results) and nothing else.
        organising = [f"quizzes.{verb}_{m}" for m in (*models, "choice", "contestant") for verb in ("add", "change", "view")]
        grant_model_permissions(CONTEST_ORGANISER, [*organising, "quizzes.view_attempt"])
        register_demo_loader("quizzes-contest", load_demo_contest, order=60)
        register_periodic("quizzes-expire-attempts", every=60, task=expire_attempts)
        register_periodic("quizzes-close-rounds", every=300, task=close_ended_rounds)
        personal_data.register(
            "quizzes",
            export=lambda email, phone: export_contestant(email=email, phone=phone),
            delete=lambda email, phone: erase_contestant(email=email, phone=phone),
        )
