from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "pbgdpl.audit"
    label = "audit"
    verbose_name = "Nhật ký thao tác"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pbgdpl.core.sanitize import connect as connect_rich_text_sanitiser

        from . import signals  # noqa: F401 - connects the model save/delete receivers

        # The security app also cleans rich text on every save (pbgdpl/core/sanitize.py).
        connect_rich_text_sanitiser()
