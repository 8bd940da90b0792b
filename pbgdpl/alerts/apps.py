from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "pbgdpl.alerts"
    label = "alerts"
    verbose_name = "Theo dõi và thông báo"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import ADMINISTRATOR, EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.core import personal_data
        from pbgdpl.core.pagecache.policy import exclude_prefix
        from pbgdpl.core.periodic import register_periodic

        from . import services
        from .tasks import send_alert_digests

        # Forms with CSRF tokens and pages reached by personal signed links.
        exclude_prefix("/nhan-thong-bao/")
        register_periodic("alerts-digests", every=3600, task=send_alert_digests)
        # The board and administrators see counts and sent digests (addresses masked), nothing to edit.
        for role in (EDITORIAL_BOARD, ADMINISTRATOR):
            grant_model_permissions(role, ["alerts.view_subscription"])
        personal_data.register(
            "alerts",
            export=lambda email, phone: services.export_person(email),
            delete=lambda email, phone: services.erase_person(email),
        )
