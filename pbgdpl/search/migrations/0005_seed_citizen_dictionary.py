from django.db import migrations


def seed(apps, schema_editor):
    # Only the rows added after 0003, so entries editors deleted from the first seed stay deleted.
    from pbgdpl.search.dictionary import CITIZEN_SEED_FILE
    from pbgdpl.search.dictionary import seed as seed_rows

    seed_rows(apps.get_model("search", "DictionaryEntry"), CITIZEN_SEED_FILE)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_search_analytics")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
