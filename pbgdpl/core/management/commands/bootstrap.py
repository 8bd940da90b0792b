"""``manage.py bootstrap``: make a migrated database ready to use. Safe to run on every start.

1. the superuser ``admin`` (password from ADMIN_PASSWORD, else generated and printed once);
2. the set-up steps apps registered in ``pbgdpl.core.setup_steps``, demo or not: the page tree
   and the site address (core), the staff roles and the "Duyệt tin bài" workflow (accounts), …;
3. unless ``--no-demo``, the demo loaders apps registered in ``pbgdpl.core.demo``.

It names no other app: what runs is what the installed apps registered in ``AppConfig.ready()``.
"""

from __future__ import annotations

import logging
import os
import secrets
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from pbgdpl.core import system_tools
from pbgdpl.core.demo import demo_loaders
from pbgdpl.core.setup_steps import setup_steps
from pbgdpl.core.site_address import site_base

ADMIN_USERNAME = "admin"

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Create the admin account, run the apps' set-up steps (page tree, roles, workflow) and "
        "their demo loaders. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-demo",
            action="store_true",
            help="Do not load demo content (the apps' demo loaders).",
        )

    def handle(self, *args, no_demo: bool = False, **options):
        started = time.monotonic()
        self.require_migrated_database()
        password = self.ensure_admin()
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

    def run_setup_steps(self) -> None:
        for step in setup_steps():
            with transaction.atomic():
                summary = step.func()
            if summary:
                self.stdout.write(f"{step.name}: {summary}")

    def run_demo_loaders(self) -> None:
        for loader in demo_loaders():
            if lacking := system_tools.missing(loader.requires):
                self.stderr.write(self.style.WARNING(
                    f"Demo loader {loader.name} skipped: this machine lacks "
                    f"{', '.join(map(str, lacking))}; {system_tools.INSTALL_HINT}."))
                continue
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
        base_url = site_base()
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
