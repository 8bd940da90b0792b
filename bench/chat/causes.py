#!/usr/bin/env python
"""Where the slow deliveries of a bench-chat run come from: ``python bench/chat/causes.py SAMPLES
[--over MS]`` reads the file of ``run.py --samples`` and splits every delivery slower than ``--over``
(200 ms) by what was going on between its send and its receipt: its citizen's socket closed and
reconnecting, the staff socket closed and reconnecting (every message to staff waits for it), both,
or neither (the server: queueing, CPU). Prints the counts, when the server's slow ones were sent (per
half second), and the citizens' reconnection gaps (socket closed → open again)."""

from __future__ import annotations

import argparse
import collections
import json


def closed_spans(events, closed: str, opened: str, key) -> dict:
    spans, since = collections.defaultdict(list), {}
    for at, what, who in events:
        if what == closed:
            since[key(who)] = at
        elif what == opened and key(who) in since:
            spans[key(who)].append((since.pop(key(who)), at))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples")
    parser.add_argument("--over", type=float, default=200, help="milliseconds")
    args = parser.parse_args()
    data = json.load(open(args.samples))
    over = args.over / 1000
    citizens = closed_spans(data["citizen_events"], "citizen socket closed", "citizen socket open", lambda n: n)
    staff = closed_spans(data["events"], "staff socket closed", "staff socket open", lambda _: 0)[0]

    def during(spans, sent, received):
        return any(start < received and end > sent for start, end in spans)

    every = sorted(b - a for a, b, _ in data["to_staff"] + data["to_citizen"])
    print(json.dumps({"restart": data["restart"], "deliveries": len(every),
                      "p95_ms": round(1000 * every[int(0.95 * len(every)) - 1], 1) if every else None,
                      f"over_{args.over:g}_ms": sum(v > over for v in every),
                      "staff_socket_closed": [[round(a, 3), round(b - a, 3)] for a, b in staff]}))
    for direction in ("to_staff", "to_citizen"):
        causes, server_at = collections.Counter(), collections.Counter()
        for sent, received, n in data[direction]:
            if received - sent <= over:
                continue
            cause = " and ".join(name for name, spans in (("citizen reconnecting", citizens[n]),
                                                          ("staff reconnecting", staff))
                                 if during(spans, sent, received)) or "server"
            causes[cause] += 1
            if cause == "server":
                server_at[int(sent * 2) / 2] += 1
        print(direction, dict(causes), "server's, by half second sent:", dict(sorted(server_at.items())))
    gaps = sorted(end - start for spans in citizens.values() for start, end in spans)
    if gaps:
        print("citizen reconnection gaps (ms): n", len(gaps), "p50", round(1000 * gaps[len(gaps) // 2]),
              "p90", round(1000 * gaps[int(0.9 * len(gaps))]), "max", round(1000 * gaps[-1]))


if __name__ == "__main__":
    main()
