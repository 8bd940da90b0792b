from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pbgdpl.accounts"
    label = "accounts"

    def ready(self) -> None:
        from pbgdpl.core.setup_steps import register_setup_step

        # After core's page tree (order 0): page permissions and the workflow attach to its sections.
        register_setup_step("editorial-roles", _ensure_editorial_roles, order=5)
        register_setup_step("extra-staff-roles", _ensure_extra_roles, order=10)


def _ensure_editorial_roles() -> str | None:
    from .services import ensure_editorial_setup

    return ensure_editorial_setup().summary()


def _ensure_extra_roles() -> str | None:
    from .extra_roles import ensure_extra_roles

    added = ensure_extra_roles()
    changed = [role for role, permissions in added.items() if permissions]
    return ("Cập nhật quyền cho: " + ", ".join(changed)) if changed else None
