from django.db import migrations


def seed(apps, schema_editor):
    from pbgdpl.search.dictionary import seed as seed_rows

    seed_rows(apps.get_model("search", "DictionaryEntry"))


class Migration(migrations.Migration):
    dependencies = [("search", "0002_dictionary")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
