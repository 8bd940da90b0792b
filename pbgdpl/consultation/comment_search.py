"""Published comments on drafts in site search: one entry per comment the public report shows.

Indexed per consultation (the report is one page): a moderation, a response or an erasure marks
the consultation changed, and the indexer replaces all of its entries. Only what the report shows
is indexed: the provision, the comment and the drafting body's response. No e-mail address, and
not the commenter's name either: it is on the report, but nobody needs to find a person's comments
by their name.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from pbgdpl.search.registry import SearchEntry, SearchSource

from .models import Comment, Consultation

KIND = "draft-comment"
LABEL = "consultation.Consultation"


def _public_consultation(pk) -> Consultation | None:
    return (Consultation.objects.filter(pk=pk, document__live=True, document__is_draft_for_comment=True)
            .select_related("document").first())


class CommentSource(SearchSource):
    label = LABEL

    def entries_for(self, pk) -> list[SearchEntry]:
        consultation = _public_consultation(pk)
        if consultation is None:
            return []
        document = consultation.document
        report = reverse("consultation:report", kwargs={"slug": document.slug})
        group_title = f"Ý kiến góp ý: {document.title}"
        entries = []
        for comment in consultation.comments.public().order_by("created_at", "id"):
            where = comment.provision_label or "Góp ý chung"
            body = f"{where}\n{comment.text}" + (f"\nTiếp thu, giải trình: {comment.response}" if comment.response else "")
            entries.append(SearchEntry(
                key=f"{KIND}:{comment.pk}", kind=KIND, title=f"{where} – {document.title}", body=body,
                url=f"{report}#y-kien-{comment.pk}", group_key=f"{KIND}s:{consultation.pk}",
                group_title=group_title, group_url=report, date=comment.created_at.date()))
        return entries

    def all_pks(self) -> Iterable:
        # order_by(): the model's default ordering would otherwise join DISTINCT and repeat drafts.
        return (Comment.objects.public().filter(consultation__document__live=True).order_by()
                .values_list("consultation_id", flat=True).distinct())
