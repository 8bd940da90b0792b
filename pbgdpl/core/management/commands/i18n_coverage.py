"""Measure (and maintain) the project's Vietnamese catalogue of Wagtail's admin strings.

Wagtail ships Vietnamese for only a fraction of its message ids, so the project keeps its own
catalogue in ``locale/vi/LC_MESSAGES`` (``LOCALE_PATHS`` wins over the app catalogues). This command:

* prints how many of Wagtail's message ids exist, how many Wagtail translates upstream and how
  many the project catalogue translates (default);
* ``--sync`` merges Wagtail's current message ids into the project ``.po`` files after a Wagtail
  upgrade (new ids get the upstream translation, marked fuzzy for review, when there is one; ids
  Wagtail dropped become obsolete; project translations are never overwritten);
* entries whose translator comment starts with ``PROJECT_MARK`` translate strings of Django or
  django-taggit that the admin shows untranslated (Django's own Vietnamese catalogue lacks them);
  ``--sync`` keeps them;
* ``--compile`` writes the ``.mo`` files with polib, so no gettext system package is needed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import polib
import wagtail
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DOMAINS = ("django", "djangojs")
# Entries for strings that are not Wagtail's (Django's timesince units, django-taggit's help text)
# carry this translator comment; --sync keeps them instead of making them obsolete.
PROJECT_MARK = "pbgdpl: not a Wagtail string"
LANGUAGE = "vi"
PLURAL_FORMS = "nplurals=1; plural=0;"


@dataclasses.dataclass
class UpstreamMessage:
    """One Wagtail message id (unique by domain, context and id) and where it comes from."""

    domain: str
    msgctxt: str | None
    msgid: str
    msgid_plural: str
    apps: list[str]
    flags: list[str]
    upstream_msgstr: str | None  # None when Wagtail has no Vietnamese for it

    @property
    def key(self) -> tuple[str, str | None, str]:
        return (self.domain, self.msgctxt, self.msgid)


def wagtail_root() -> Path:
    """Return the directory of the installed Wagtail package."""
    return Path(wagtail.__file__).resolve().parent


def project_catalogue_path(domain: str) -> Path:
    """Return the path of the project's Vietnamese ``.po`` file for ``domain``."""
    return Path(settings.LOCALE_PATHS[0]) / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def _wagtail_catalogues(domain: str) -> Iterator[tuple[str, Path, Path]]:
    """Yield (app label, English .po, Vietnamese .po) for every Wagtail app with ``domain``.

    The English catalogues are the complete msgid lists; the Vietnamese ones may be missing or hold
    only the translated entries. ``wagtail.admin`` comes first so shared ids are credited to it.
    """
    root = wagtail_root()
    paths = sorted(root.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"))
    paths.sort(key=lambda p: (p.parts[len(root.parts)] != "admin", str(p)))
    for en_path in paths:
        app_dir = en_path.parents[3]
        label = ".".join(("wagtail", *app_dir.relative_to(root).parts)) if app_dir != root else "wagtail"
        yield label, en_path, en_path.parents[2] / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def _msgstr(entry: polib.POEntry) -> str | None:
    if not entry.translated():
        return None
    if entry.msgid_plural:
        return entry.msgstr_plural.get(0) or None
    return entry.msgstr or None


def upstream_messages(domain: str) -> dict[tuple[str, str | None, str], UpstreamMessage]:
    """Collect Wagtail's message ids for ``domain``, merged across apps, in a stable order."""
    messages: dict[tuple[str, str | None, str], UpstreamMessage] = {}
    for label, en_path, vi_path in _wagtail_catalogues(domain):
        vi_entries: dict[tuple[str | None, str], polib.POEntry] = {}
        if vi_path.exists():
            vi_entries = {
                (e.msgctxt, e.msgid): e for e in polib.pofile(str(vi_path)) if not e.obsolete
            }
        for entry in polib.pofile(str(en_path)):
            if entry.obsolete or not entry.msgid:
                continue
            key = (domain, entry.msgctxt, entry.msgid)
            vi_entry = vi_entries.get((entry.msgctxt, entry.msgid))
            translation = _msgstr(vi_entry) if vi_entry is not None else None
            message = messages.get(key)
            if message is None:
                messages[key] = UpstreamMessage(
                    domain=domain,
                    msgctxt=entry.msgctxt,
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    apps=[label],
                    flags=[f for f in entry.flags if f != "fuzzy"],
                    upstream_msgstr=translation,
                )
            else:
                if label not in message.apps:
                    message.apps.append(label)
                message.upstream_msgstr = message.upstream_msgstr or translation
    return messages


def _new_catalogue() -> polib.POFile:
    po = polib.POFile(wrapwidth=100)
    po.metadata = {
        "Project-Id-Version": "pbgdpl",
        "Last-Translator": "PBGDPL project",
        "Language-Team": "Vietnamese (PBGDPL project)",
        "Language": LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }
    po.header = (
        "Vietnamese translation of the Wagtail admin for the PBGDPL portal.\n"
        "Message ids come from Wagtail's own catalogues; maintained with\n"
        "`python manage.py i18n_coverage --sync --compile` (make messages)."
    )
    return po


def sync_catalogue(domain: str) -> tuple[int, int]:
    """Merge Wagtail's current ids into the project catalogue; return (added, obsoleted)."""
    path = project_catalogue_path(domain)
    po = polib.pofile(str(path), wrapwidth=100) if path.exists() else _new_catalogue()
    existing = {(e.msgctxt, e.msgid): e for e in po}
    added = obsoleted = 0
    messages = upstream_messages(domain)
    for message in messages.values():
        entry = existing.get((message.msgctxt, message.msgid))
        if entry is None:
            entry = polib.POEntry(msgid=message.msgid, msgctxt=message.msgctxt)
            if message.msgid_plural:
                entry.msgid_plural = message.msgid_plural
                entry.msgstr_plural = {0: message.upstream_msgstr or ""}
            else:
                entry.msgstr = message.upstream_msgstr or ""
            # Upstream wording is a suggestion only: fuzzy entries are left out of the .mo (Wagtail's own
            # catalogue still serves them meanwhile) until a translator reviews them.
            entry.flags = ["fuzzy"] if message.upstream_msgstr else []
            po.append(entry)
            added += 1
        entry.obsolete = False
        entry.comment = ", ".join(message.apps)
        entry.flags = list(dict.fromkeys([*message.flags, *(f for f in entry.flags if f == "fuzzy")]))
    wanted = {(m.msgctxt, m.msgid) for m in messages.values()}
    for entry in po:
        if (entry.msgctxt, entry.msgid) not in wanted and not entry.obsolete and not entry.tcomment.startswith(PROJECT_MARK):
            entry.obsolete = True
            obsoleted += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return added, obsoleted


def compile_catalogue(domain: str, target: Path | None = None) -> Path:
    """Compile the project ``.po`` for ``domain`` to ``target`` (default: next to it)."""
    source = project_catalogue_path(domain)
    target = target or source.with_suffix(".mo")
    polib.pofile(str(source)).save_as_mofile(str(target))
    return target


@dataclasses.dataclass
class Coverage:
    """Counts for one domain (or the total)."""

    total: int = 0
    upstream: int = 0
    project: int = 0
    kept_upstream: int = 0  # project translations identical to Wagtail's own Vietnamese

    def add(self, other: Coverage) -> None:
        self.total += other.total
        self.upstream += other.upstream
        self.project += other.project
        self.kept_upstream += other.kept_upstream

    @staticmethod
    def percent(part: int, whole: int) -> float:
        return 100.0 * part / whole if whole else 0.0


def coverage(domain: str) -> Coverage:
    """Count Wagtail ids for ``domain`` and how many are translated upstream and by the project."""
    messages = upstream_messages(domain)
    path = project_catalogue_path(domain)
    translated: dict[tuple[str | None, str], str | None] = {}
    if path.exists():
        translated = {
            (e.msgctxt, e.msgid): _msgstr(e)
            for e in polib.pofile(str(path))
            if not e.obsolete and e.translated()
        }
    return Coverage(
        total=len(messages),
        upstream=sum(1 for m in messages.values() if m.upstream_msgstr),
        project=sum(1 for m in messages.values() if (m.msgctxt, m.msgid) in translated),
        kept_upstream=sum(
            1 for m in messages.values()
            if m.upstream_msgstr and translated.get((m.msgctxt, m.msgid)) == m.upstream_msgstr
        ),
    )


class Command(BaseCommand):
    help = "Report (and optionally sync/compile) the Vietnamese catalogue of Wagtail's admin strings."

    def add_arguments(self, parser):
        parser.add_argument("--sync", action="store_true", help="merge Wagtail's current msgids into locale/vi")
        parser.add_argument("--compile", action="store_true", help="compile locale/vi .po files to .mo")
        parser.add_argument("--min-percent", type=float, default=None,
                            help="exit with an error when total project coverage is below this")

    def handle(self, *args, **options):
        for domain in DOMAINS:
            if options["sync"]:
                added, obsoleted = sync_catalogue(domain)
                self.stdout.write(f"{domain}: {added} new msgids added, {obsoleted} made obsolete")
            if options["compile"]:
                self.stdout.write(f"{domain}: compiled {compile_catalogue(domain)}")
        total = Coverage()
        self.stdout.write(f"Wagtail {wagtail.__version__}, language '{LANGUAGE}'")
        self.stdout.write(f"{'domain':<10}{'msgids':>8}{'upstream':>10}{'%':>7}{'project':>10}{'%':>7}")
        for domain in DOMAINS:
            counts = coverage(domain)
            total.add(counts)
            self._row(domain, counts)
        self._row("total", total)
        self.stdout.write(
            f"{total.kept_upstream} of the {total.upstream} upstream translations are kept word for word; "
            f"the rest were rewritten for consistent administrative terminology."
        )
        if options["min_percent"] is not None:
            share = Coverage.percent(total.project, total.total)
            if share < options["min_percent"]:
                raise CommandError(f"project coverage {share:.1f} % is below {options['min_percent']} %")

    def _row(self, label: str, counts: Coverage) -> None:
        self.stdout.write(
            f"{label:<10}{counts.total:>8}{counts.upstream:>10}"
            f"{Coverage.percent(counts.upstream, counts.total):>7.1f}"
            f"{counts.project:>10}{Coverage.percent(counts.project, counts.total):>7.1f}"
        )
