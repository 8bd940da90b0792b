from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    """Data that leaves or enters the portal in bulk: the Ministry's data-sharing exchange and the
    registry's bulk open-data files."""

    name = "pbgdpl.exchange"
    label = "exchange"
    verbose_name = "Trao đổi dữ liệu"

    def ready(self) -> None:
        from django.conf import settings

        from pbgdpl.accounts.roles import ADMINISTRATOR, EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.open_data import register_bulk
        from pbgdpl.core.open_data_bulk import generate, generate_bulk_files
        from pbgdpl.core.periodic import register_periodic

        from .bulk import DATASET
        from .tasks import pull_from_exchange, push_to_exchange

        register_bulk(DATASET)
        # The demo site shows the bulk files at once instead of after the first night (no data file:
        # the files are made from the demo documents the legal loader put in).
        register_demo_loader("open-data-bulk-files", lambda stdout: generate(DATASET) or "bulk files written",
                             order=90)
        register_periodic("open-data-bulk-files", every=24 * 3600, task=generate_bulk_files)
        # Each run does nothing while the exchange is not configured (EXCHANGE_* empty).
        register_periodic("exchange-push", every=settings.EXCHANGE_EVERY_SECONDS, task=push_to_exchange)
        register_periodic("exchange-pull", every=settings.EXCHANGE_EVERY_SECONDS, task=pull_from_exchange)
        for role in (EDITORIAL_BOARD, ADMINISTRATOR):
            grant_model_permissions(role, ["exchange.view_exchangerun"])
