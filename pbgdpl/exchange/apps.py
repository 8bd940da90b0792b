from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    """Data that leaves or enters the portal in bulk: the Ministry's data-sharing exchange and the
    registry's bulk open-data files."""

    name = "pbgdpl.exchange"
    label = "exchange"
    verbose_name = "Trao đổi dữ liệu"

    def ready(self) -> None:
        from pbgdpl.core.open_data import register_bulk
        from pbgdpl.core.open_data_bulk import generate_bulk_files
        from pbgdpl.core.periodic import register_periodic

        from .bulk import DATASET

        register_bulk(DATASET)
        register_periodic("open-data-bulk-files", every=24 * 3600, task=generate_bulk_files)
