from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "pbgdpl.reporting"
    label = "reporting"
    verbose_name = "Thống kê, báo cáo"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import (
            ADMINISTRATOR,
            EDITORIAL_BOARD,
            REPORTING_UNIT,
            grant_model_permissions,
        )
        from pbgdpl.core import personal_data
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.open_data import register_dataset
        from pbgdpl.core.pagecache import hits as pagecache_hits
        from pbgdpl.core.periodic import register_periodic
        from pbgdpl.core.setup_steps import register_setup_step

        from . import pagecache
        from .datasets import DATASETS
        from .demo import load_demo_reporting
        from .services import registries, units
        from .tasks import roll_up_visits, send_deadline_reminders
        from .visits import count_cached_hit

        # Pages answered from the page cache never reach the visit-counting middleware.
        pagecache_hits.register_hook("/", count_cached_hit)

        # A unit's officer enters its own returns; the same role reviews the returns of the units
        # below its own unit (the scope is checked in selectors.py, never by permission alone).
        grant_model_permissions(
            REPORTING_UNIT, ["reporting.view_return", "reporting.change_return", "reporting.review_return"]
        )
        grant_model_permissions(
            ADMINISTRATOR,
            ["reporting.view_return", "reporting.change_return", "reporting.review_return",
             "reporting.add_indicator", "reporting.change_indicator", "reporting.view_indicator",
             "reporting.add_reportform", "reporting.change_reportform", "reporting.view_reportform",
             "reporting.add_reportingperiod", "reporting.change_reportingperiod", "reporting.view_reportingperiod",
             "reporting.add_unit", "reporting.change_unit", "reporting.view_unit",
             "reporting.add_unitmembership", "reporting.change_unitmembership",
             "reporting.delete_unitmembership", "reporting.view_unitmembership",
             *[f"reporting.{action}_{model}" for model in ("reporter", "mediationteam", "bookshelf",
                                                           "accessframework", "accessindicator", "accessresult")
               for action in ("add", "change", "view", "delete")]],
        )
        # The Ministry's survey asks for visit counts: the board and administrators read them.
        grant_model_permissions(EDITORIAL_BOARD, ["reporting.view_dailyvisits"])
        grant_model_permissions(ADMINISTRATOR, ["reporting.view_dailyvisits"])
        # Real sites need their province's communes as reporting units too, demo or not.
        register_setup_step("reporting-units", units.ensure_official_units, order=50)
        register_demo_loader("reporting", load_demo_reporting, order=60)
        register_periodic("reporting-deadline-reminders", every=24 * 3600, task=send_deadline_reminders)
        register_periodic("reporting-visit-roll-up", every=3600, task=roll_up_visits)
        pagecache.register()  # registry pages and datasets follow every change of what they list
        for dataset in DATASETS:
            register_dataset(dataset)
        # Reporters' phone numbers and e-mails are personal data: exportable and erasable.
        personal_data.register("reporting", export=registries.export_person, delete=registries.erase_person)
