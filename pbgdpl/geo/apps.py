from django.apps import AppConfig


class GeoConfig(AppConfig):
    """Provinces and communes (xã, phường, đặc khu): read-only data, no models, no URLs."""

    name = "pbgdpl.geo"
    label = "geo"
    verbose_name = "Địa giới hành chính"
