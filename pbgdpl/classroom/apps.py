from django.apps import AppConfig


class ClassroomConfig(AppConfig):
    name = "pbgdpl.classroom"
    label = "classroom"
    verbose_name = "Lớp học trực tuyến"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import EDITOR, EDITORIAL_BOARD, TEACHER, grant_model_permissions
        from pbgdpl.core.pagecache.policy import exclude_prefix
        from pbgdpl.core.periodic import register_periodic

        from .tasks import purge_classes

        exclude_prefix("/lop-hoc/")  # per-pupil pages with forms
        for role in (TEACHER, EDITOR, EDITORIAL_BOARD):
            grant_model_permissions(role, ["classroom.run_classroom"])
        register_periodic("classroom-purge", every=600, task=purge_classes)
