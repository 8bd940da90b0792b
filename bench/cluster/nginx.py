"""The nginx of the documented set-up (``nginx.conf.template``) written for a run on loopback: used by
``make cluster-check`` (two nodes behind it) and ``make bench-web`` (the frontend copy of the page
cache in front of the portal)."""

from __future__ import annotations

import os
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"


def write_conf(run: Path, upstream_ports: list[int], port: int, purge_port: int, *,
               workers: int | str = 1, forwarded_proto: str = "https") -> Path:
    """Writes ``run/nginx.conf`` and returns its path; start it with
    ``nginx -c <path> -p <run>`` (it stays in the foreground). Cache hits are logged to
    ``run/frontend-hits.log`` in the format ``count_frontend_hits`` reads."""
    upstreams = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in upstream_ports)
    text = (TEMPLATE.read_text().replace("{run}", str(run)).replace("{upstreams}", upstreams)
            .replace("{port}", str(port)).replace("{purge_port}", str(purge_port))
            .replace("{workers}", str(workers)).replace("{forwarded_proto}", forwarded_proto)
            # Started as root, nginx's workers would drop to www-data and could not use the run's
            # private folder.
            .replace("{user}", "user root;" if os.geteuid() == 0 else ""))
    path = run / "nginx.conf"
    path.write_text(text)
    return path
