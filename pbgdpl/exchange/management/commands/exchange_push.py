"""`manage.py exchange_push`: one push run of the Ministry data-sharing exchange now (the worker also runs it)."""

from pbgdpl.exchange import push
from pbgdpl.exchange.management.run_command import ExchangeRunCommand


class Command(ExchangeRunCommand):
    help = "Chạy ngay một lượt push với trục chia sẻ dữ liệu (docs/exchange.md)."

    def run(self):
        return push.push()
