"""The "Thành viên diễn đàn" group exists from the start, so the department can add accounts to it
in the user admin; it holds no permission (members never reach the admin)."""

from django.db import migrations

FORUM_MEMBER = "Thành viên diễn đàn"  # pbgdpl.accounts.roles.FORUM_MEMBER at the time of writing


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=FORUM_MEMBER)


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
