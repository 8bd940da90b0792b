"""`manage.py exchange_pull`: one pull run of the Ministry data-sharing exchange now (the worker also runs it)."""

from pbgdpl.exchange import pull
from pbgdpl.exchange.management.run_command import ExchangeRunCommand


class Command(ExchangeRunCommand):
    help = "Chạy ngay một lượt pull với trục chia sẻ dữ liệu (docs/exchange.md)."

    def run(self):
        return pull.pull()
