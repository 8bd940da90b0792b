"""Read-only panels on the document edit form: text versions and the computed validity."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .models import DocumentVersion, LegalDocument


class VersionsPanel(Panel):
    """Lists the document's dated texts, parse warnings and a link to its provisions."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "legal/admin/versions_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            document: LegalDocument = self.instance
            versions = []
            if document.pk:
                versions = list(
                    DocumentVersion.objects.filter(document_id=document.pk)
                    .defer("text")
                    .order_by("-id")
                )
            context.update(document=document, versions=versions)
            return context


class ValidityPanel(Panel):
    """Shows what the dates and relations say, so an editor overrides only when they must."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "legal/admin/validity_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["document"] = self.instance
            context["heading_text"] = _("Tình trạng hiệu lực hiện tại")
            return context
