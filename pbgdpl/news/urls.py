"""The news app serves everything through Wagtail's page tree (RSS is a route of the index page)."""

urlpatterns: list = []
