"""The admin form of a violation: saving it marks the row as corrected by an editor."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm


class ViolationAdminForm(WagtailAdminModelForm):
    def save(self, commit: bool = True):
        violation = super().save(commit=False)
        # From now on a re-parse keeps these values and flags differences for review instead.
        violation.edited = True
        if not self.cleaned_data.get("needs_review"):
            violation.review_note = ""
        if commit:
            violation.save()
            from pbgdpl.search.services import mark_changed

            from .penalties.lookup import bump_version
            from .search_source import LABEL

            mark_changed(LABEL, violation.pk)
            bump_version()
        return violation

    def clean(self):
        data = super().clean()
        low, high = data.get("fine_min"), data.get("fine_max")
        if low is not None and high is not None and low > high:
            self.add_error("fine_max", "Mức phạt tối đa phải lớn hơn hoặc bằng mức tối thiểu.")
        return data
