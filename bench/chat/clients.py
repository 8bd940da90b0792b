"""The bench's simulated people: widget citizens and the staff client, speaking the chat's WebSocket
protocol, and the delivery statistics they keep (bench/chat/run.py)."""

from __future__ import annotations

import asyncio
import json
import random
import secrets
import statistics
import time

from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

SYNC_EVERY = 15  # seconds, as static/chat/widget.js and inbox.js


def percentiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else [ordered[0]] * 99
    return {"n": len(values), "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
            "p99_ms": round(q[98] * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}


class Stats:
    def __init__(self):
        self.sent_at: dict[str, float] = {}        # citizen client id -> first send time
        self.staff_seen: dict[str, set] = {}       # citizen client id -> message ids the staff saw
        self.reply_sent_at: dict[str, float] = {}  # reply client id -> staff send time
        self.citizen_seen: dict[str, set] = {}     # reply client id -> seqs the citizen saw
        self.to_staff: list[tuple[float, float]] = []    # (sent, received), monotonic
        self.to_citizen: list[tuple[float, float]] = []
        self.to_staff_who: list[int] = []          # the citizen of each sample (for --samples)
        self.to_citizen_who: list[int] = []
        self.citizen_events: list[tuple[float, str, int]] = []  # sockets closed and opened (--samples)
        self.redelivered = 0                       # same seq shown again (dropped by the widget)
        self.connects = 0
        self.reconnects = 0
        self.open_now = 0
        self.max_open = 0
        self.errors: dict[str, int] = {}

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


class Citizen:
    """The widget's delivery logic (static/chat/widget.js) in Python."""

    def __init__(self, n: int, url: str, origin: str, stats: Stats, messages: int, interval: float,
                 go: asyncio.Event):
        self.n, self.url, self.origin, self.stats, self.go = n, url, origin, stats, go
        self.to_send = [f"c{n}-{i}-{secrets.token_hex(3)}" for i in range(messages)]
        self.interval = interval
        self.outbox: dict[str, str] = {}
        self.token = secrets.token_urlsafe(24)  # made by the widget before its first message
        self.last_seq = 0
        self.conversation = 0  # as the widget keeps it, sent with each hello
        self.shown: set[int] = set()
        self.ws = None
        self.filling = False

    async def run(self, stop: asyncio.Event) -> None:
        sender = asyncio.create_task(self.produce(stop))
        retry = 0
        while not stop.is_set():
            close_code = None
            try:
                async with connect(self.url, origin=self.origin, open_timeout=20, ping_interval=None,
                                   max_size=2**20) as ws:
                    self.ws = ws
                    self.stats.citizen_events.append((time.monotonic(), "citizen socket open", self.n))
                    self.stats.connects += 1
                    self.stats.open_now += 1
                    self.stats.max_open = max(self.stats.max_open, self.stats.open_now)
                    retry = 0
                    try:
                        await ws.send(json.dumps({"type": "hello", "token": self.token, "after": self.last_seq,
                                                  "conversation": self.conversation}))
                        for client_id, text in list(self.outbox.items()):
                            await ws.send(json.dumps({"type": "message", "client_id": client_id, "text": text}))
                        checker = asyncio.create_task(self.check_now_and_then(ws))
                        try:
                            async for raw in ws:
                                self.handle(json.loads(raw))
                        finally:
                            checker.cancel()
                    finally:
                        self.ws = None
                        self.stats.open_now -= 1
                        close_code = ws.close_code
                        self.stats.citizen_events.append((time.monotonic(), "citizen socket closed", self.n))
            except (TimeoutError, OSError, WebSocketException):
                pass
            if stop.is_set():
                break
            self.stats.reconnects += 1
            # As static/chat/widget.js: the first retry at once (jittered up to 0.3 s, not at all after
            # 1012: a reloading server spreads its closes itself), then back off.
            first = retry == 0
            retry = min(retry + 1, 4)
            if first:
                await asyncio.sleep(0 if close_code == 1012 else 0.3 * random.random())
            else:
                await asyncio.sleep(0.25 * 2 ** retry * (0.5 + random.random() / 2))
        sender.cancel()

    async def produce(self, stop: asyncio.Event) -> None:
        # Everyone is connected before the first message (the arrivals are spread over --ramp);
        # then each person's first message comes at a random moment of the first interval.
        await self.go.wait()
        await asyncio.sleep(random.random() * self.interval)
        for client_id in self.to_send:
            text = f"Câu hỏi thử {client_id}"
            self.outbox[client_id] = text
            self.stats.sent_at[client_id] = time.monotonic()
            if self.ws is not None:
                try:
                    await self.ws.send(json.dumps({"type": "message", "client_id": client_id, "text": text}))
                except WebSocketException:
                    pass  # resent from the outbox after the reconnect
            await asyncio.sleep(self.interval * (0.75 + random.random() / 2))

    async def check_now_and_then(self, ws) -> None:
        """Like the widget: now and then ask for anything numbered after the last message shown."""
        while True:
            await asyncio.sleep(SYNC_EVERY * (0.5 + random.random()))
            await ws.send(json.dumps({"type": "sync", "after": self.last_seq}))

    def fill(self) -> None:
        self.filling = False
        if self.ws is not None:
            frame = json.dumps({"type": "sync", "after": self.last_seq})
            asyncio.ensure_future(self.ws.send(frame))

    def handle(self, frame: dict) -> None:
        kind = frame.get("type")
        if kind == "token":
            self.token = frame["token"]
        elif kind == "ack":
            self.outbox.pop(frame["client_id"], None)
        elif kind == "error":
            self.stats.error("citizen: " + frame.get("text", "")[:60])
        elif kind == "message":
            self.conversation = frame.get("conversation") or self.conversation
            seq = frame["seq"]
            if seq in self.shown:
                self.stats.redelivered += 1
                return
            self.shown.add(seq)
            while self.last_seq + 1 in self.shown:  # contiguous, as the widget keeps it
                self.last_seq += 1
            if seq > self.last_seq + 1 and self.ws is not None and not self.filling:
                self.filling = True
                asyncio.get_running_loop().call_later(0.3, self.fill)
            if frame["sender"] == "staff" and frame["client_id"]:
                seen = self.stats.citizen_seen.setdefault(frame["client_id"], set())
                if not seen and frame["client_id"] in self.stats.reply_sent_at:
                    self.stats.to_citizen.append((self.stats.reply_sent_at[frame["client_id"]], time.monotonic()))
                    self.stats.to_citizen_who.append(self.n)
                seen.add(seq)


class Staff:
    """One staff inbox answering every citizen message; catches up after a reconnect."""

    def __init__(self, url: str, origin: str, cookie: str, stats: Stats):
        self.url, self.origin, self.cookie, self.stats = url, origin, cookie, stats
        self.since = ""
        self.unacked: dict[str, dict] = {}
        self.events: list[tuple[float, str, int]] = []  # for --samples

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            close_code = None
            try:
                async with connect(self.url, origin=self.origin, additional_headers={"Cookie": self.cookie},
                                   open_timeout=20, ping_interval=None, max_size=2**22) as ws:
                    self.events.append((time.monotonic(), "staff socket open", 0))
                    await ws.send(json.dumps({"type": "catchup", "since": self.since}))
                    for frame in list(self.unacked.values()):
                        await ws.send(json.dumps(frame))
                    checker = asyncio.create_task(self.check_now_and_then(ws))
                    try:
                        async for raw in ws:
                            await self.handle(ws, json.loads(raw))
                    finally:
                        checker.cancel()
                        close_code = ws.close_code
            except (TimeoutError, OSError, WebSocketException):
                pass
            self.events.append((time.monotonic(), "staff socket closed", 0))
            if not stop.is_set() and close_code != 1012:  # as inbox.js: a restarting worker, at once
                await asyncio.sleep(0.3)

    async def check_now_and_then(self, ws) -> None:
        while True:
            await asyncio.sleep(SYNC_EVERY)
            await ws.send(json.dumps({"type": "catchup", "since": self.since}))
            for frame in list(self.unacked.values()):  # an answer lost with an overloaded layer
                await ws.send(json.dumps(frame))

    async def handle(self, ws, frame: dict) -> None:
        if frame.get("type") == "batch":  # a catch-up, as inbox.js
            for one in frame["frames"]:
                await self.handle(ws, one)
            return
        if frame.get("type") == "ack":
            self.unacked.pop(frame.get("client_id", ""), None)
            return
        if frame.get("type") != "message":
            return
        self.since = max(self.since, frame["ts"])
        client_id = frame.get("client_id", "")
        if frame["sender"] != "contact" or not client_id:
            return
        seen = self.stats.staff_seen.setdefault(client_id, set())
        first = not seen
        seen.add(frame["id"])
        if not first:
            return
        if client_id in self.stats.sent_at:
            self.stats.to_staff.append((self.stats.sent_at[client_id], time.monotonic()))
            self.stats.to_staff_who.append(int(client_id[1:].split("-")[0]))  # "c<n>-<i>-<random>"
        reply_id = "r-" + client_id
        reply = {"type": "reply", "conversation": frame["conversation"], "client_id": reply_id,
                 "text": f"Trả lời {client_id}"}
        self.unacked[reply_id] = reply
        self.stats.reply_sent_at.setdefault(reply_id, time.monotonic())
        try:
            await ws.send(json.dumps(reply))
        except WebSocketException:
            pass  # resent after the reconnect


SETTLE = 5.0  # seconds after the restarted server answers in which reconnect storms still count as the restart


def latency_report(stats: Stats, window: list[float]) -> dict:
    """Delivery latency overall, and split: messages clear of the restart (received before it began or
    sent after it settled) and those caught in it (their latency includes the outage)."""
    both = stats.to_staff + stats.to_citizen

    def clear(sample):
        sent, received = sample
        return received < window[0] or sent > window[1]

    def ms(samples):
        return percentiles([received - sent for sent, received in samples])

    return {"all": ms(both), "clear_of_restart": ms([s for s in both if clear(s)]),
            "caught_in_restart": ms([s for s in both if not clear(s)]),
            "citizen_to_staff": ms(stats.to_staff), "staff_to_citizen": ms(stats.to_citizen)}

