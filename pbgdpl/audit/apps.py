from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "pbgdpl.audit"
    label = "audit"
    verbose_name = "Nhật ký thao tác"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the model save/delete receivers
