"""``manage.py bootstrap``: make a migrated database ready to use. Safe to run on every start.

1. the superuser ``admin`` (password from ADMIN_PASSWORD, else generated and printed once);
2. the page tree and demo content (``seed_demo``) when there is no home page yet;
3. the editorial roles and the "Duyệt tin bài" workflow (``accounts.services``);
4. the set-up steps apps registered in ``pbgdpl.core.setup_steps`` (workflow links, extra roles…);
5. the demo loaders other apps registered in ``pbgdpl.core.demo``.
"""

from __future__ import annotations

import logging
import os
import secrets
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from pbgdpl.accounts.services import ensure_editorial_setup
from pbgdpl.core.demo import demo_loaders
from pbgdpl.core.models import HomePage
from pbgdpl.core.setup_steps import setup_steps

ADMIN_USERNAME = "admin"

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Create the admin account, the page tree with demo content (first run only), "
        "the editorial roles and workflow, and run the apps' demo loaders. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-demo",
            action="store_true",
            help="Do not create demo content (neither seed_demo nor the apps' demo loaders).",
        )

    def handle(self, *args, no_demo: bool = False, **options):
        started = time.monotonic()
        self.require_migrated_database()
        password = self.ensure_admin()
        if not no_demo:
            self.ensure_page_tree()
        self.ensure_editorial_roles()
        self.run_setup_steps()
        if not no_demo:
            self.run_demo_loaders()
        self.print_summary(password, time.monotonic() - started)

    def require_migrated_database(self) -> None:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            raise CommandError(
                f"The database has {len(pending)} unapplied migration(s): run "
                "'python manage.py migrate' first (make run does it for you)."
            )

    def ensure_admin(self) -> str | None:
        """Create the superuser if missing; return the password only when it was just generated."""
        User = get_user_model()
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            self.stdout.write(
                f"Admin account '{ADMIN_USERNAME}' exists (password unchanged; "
                f"reset it with: python manage.py changepassword {ADMIN_USERNAME})."
            )
            return None
        password = os.environ.get("ADMIN_PASSWORD", "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        else:
            candidate = User(username=ADMIN_USERNAME)
            try:
                validate_password(password, candidate)
            except ValidationError as error:
                raise CommandError("ADMIN_PASSWORD is too weak: " + " ".join(error.messages)) from error
        User.objects.create_superuser(
            username=ADMIN_USERNAME, email=os.environ.get("ADMIN_EMAIL", ""), password=password
        )
        self.stdout.write(self.style.SUCCESS(f"Created the superuser '{ADMIN_USERNAME}'."))
        return password if generated else None

    def ensure_page_tree(self) -> None:
        if HomePage.objects.exists():
            return
        if "seed_demo" not in get_commands():
            self.stdout.write(
                self.style.WARNING(
                    "No home page yet and the seed_demo command is not installed: the page tree was not "
                    "created. Create a home page in the admin, or run bootstrap again once seed_demo exists."
                )
            )
            return
        self.stdout.write("No home page yet: creating the page tree and demo content (seed_demo)…")
        call_command("seed_demo", stdout=self.stdout, stderr=self.stderr)

    def ensure_editorial_roles(self) -> None:
        report = ensure_editorial_setup()
        if report.groups_created:
            self.stdout.write(f"Created groups: {', '.join(report.groups_created)}.")
        if report.workflow_created:
            self.stdout.write("Created the workflow 'Duyệt tin bài' (approval by 'Ban biên tập').")
        if report.sections_assigned:
            self.stdout.write(f"Workflow assigned to: {', '.join('/' + s + '/' for s in report.sections_assigned)}.")
        if report.home_page is None:
            self.stdout.write(
                self.style.WARNING("No home page: page permissions and the workflow wait for the page tree.")
            )
        elif report.sections_missing:
            self.stdout.write(
                self.style.WARNING(
                    "Sections missing, workflow not assigned there: "
                    + ", ".join("/" + s + "/" for s in report.sections_missing)
                )
            )
        if report.unknown_permissions:
            self.stdout.write(
                self.style.WARNING("Unknown permissions skipped: " + ", ".join(sorted(set(report.unknown_permissions))))
            )
        if not report.changed:
            self.stdout.write("Editorial roles and workflow are up to date.")

    def run_setup_steps(self) -> None:
        for step in setup_steps():
            with transaction.atomic():
                summary = step.func()
            if summary:
                self.stdout.write(f"{step.name}: {summary}")

    def run_demo_loaders(self) -> None:
        for loader in demo_loaders():
            started = time.monotonic()
            try:
                with transaction.atomic():
                    summary = loader.func(self.stdout)
            except Exception as error:
                # Demo data is optional: one app's broken loader must not keep the site from starting.
                logger.exception("Demo loader %s failed", loader.name)
                self.stderr.write(self.style.ERROR(f"Demo loader {loader.name} failed, nothing kept: {error!r}"))
                continue
            elapsed = time.monotonic() - started
            self.stdout.write(f"Demo loader {loader.name}: {summary or 'done'} ({elapsed:.1f} s).")

    def print_summary(self, password: str | None, elapsed: float) -> None:
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(self.style.SUCCESS(f"Bootstrap finished in {elapsed:.1f} s."))
        self.stdout.write(f"  Site:  {base_url}/")
        self.stdout.write(f"  Admin: {base_url}{reverse('wagtailadmin_home')}  (user: {ADMIN_USERNAME})")
        if password:
            self.stdout.write(
                self.style.WARNING(
                    f"  Password: {password}\n"
                    "  It is shown only this once: note it now "
                    f"(or change it with: python manage.py changepassword {ADMIN_USERNAME})."
                )
            )
