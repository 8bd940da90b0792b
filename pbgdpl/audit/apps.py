from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "pbgdpl.audit"
    label = "audit"
    verbose_name = "Nhật ký thao tác"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pbgdpl.core.periodic import register_periodic

        from . import signals  # noqa: F401 - connects the model save/delete receivers
        from .tasks import prune_audit_log

        register_periodic("audit-prune", every=24 * 3600, task=prune_audit_log)
