"""/du-lieu-mo/: the registered open datasets (``core.open_data``) as CSV and JSON, with their data dictionary."""

from __future__ import annotations

import csv

from django.http import Http404, HttpResponse, JsonResponse

from .exports import csv_row
from .open_data import dataset


def dataset_file(request, slug: str, fmt: str):
    found = dataset(slug)
    if found is None:
        raise Http404
    names = found.field_names()
    if fmt == "json":
        return JsonResponse({"dataset": found.slug, "title": found.title, "publisher": found.publisher,
                             "licence": found.licence,
                             "fields": [{"name": f.name, "type": f.type, "description": f.description}
                                        for f in found.fields],
                             "rows": [{k: row.get(k) for k in names} for row in found.rows()]},
                            json_dumps_params={"ensure_ascii": False})
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.csv"'
    response.write("\ufeff")  # so Excel reads UTF-8
    writer = csv.writer(response)
    writer.writerow(names)
    for row in found.rows():
        writer.writerow(csv_row(row.get(k) for k in names))
    return response


def data_dictionary(request, slug: str):
    found = dataset(slug)
    if found is None:
        raise Http404
    return JsonResponse({"dataset": found.slug, "fields": [
        {"name": f.name, "type": f.type, "description": f.description} for f in found.fields]},
        json_dumps_params={"ensure_ascii": False})


