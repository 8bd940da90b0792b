from django.apps import AppConfig


class LegalaidConfig(AppConfig):
    name = "pbgdpl.legalaid"
    label = "legalaid"
    verbose_name = "Trợ giúp pháp lý"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import LEGAL_AID_CENTRE, grant_model_permissions, reserve_for_granted_roles
        from pbgdpl.core import personal_data
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.pagecache.policy import exclude_prefix
        from pbgdpl.core.periodic import register_periodic

        from . import services
        from .demo import load_demo_requests
        from .tasks import legalaid_daily_retention

        # The centre handles the queue; nobody else. Requests are sensitive personal data, so even Quản
        # trị (every other model permission) cannot open them: the lead's privacy decision, docs/permissions.md.
        aid_permissions = ["legalaid.view_aidrequest", "legalaid.change_aidrequest"]
        grant_model_permissions(LEGAL_AID_CENTRE, aid_permissions)
        reserve_for_granted_roles([*aid_permissions, "legalaid.add_aidrequest", "legalaid.delete_aidrequest"])
        # The entitlement page is the same for everyone; the form and the private page are per visitor.
        exclude_prefix("/tro-giup-phap-ly/gui-yeu-cau/")
        exclude_prefix("/tro-giup-phap-ly/theo-doi/")
        register_periodic("legalaid-retention", every=24 * 3600, task=legalaid_daily_retention)
        register_demo_loader("legalaid-requests", load_demo_requests, order=90)
        personal_data.register(
            "legalaid",
            export=lambda email, phone: services.export_person(email=email, phone=phone),
            delete=lambda email, phone: services.erase_person(email=email, phone=phone),
        )
