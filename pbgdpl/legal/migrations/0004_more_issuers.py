"""Issuers missing from the first seed: the National Assembly Office publishes consolidated texts."""

from django.db import migrations
from django.utils.text import slugify

ISSUERS = [
    ("Văn phòng Quốc hội", "VPQH", "central", 25),
]


def seed(apps, schema_editor):
    Issuer = apps.get_model("legal", "Issuer")
    for name, abbreviation, scope, order in ISSUERS:
        slug = slugify(name.replace("đ", "d").replace("Đ", "D"))
        Issuer.objects.get_or_create(
            slug=slug, defaults={"name": name, "abbreviation": abbreviation, "scope": scope, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("legal", "0003_provision_source_heading")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
