"""Database tables of the search app: the outbox that feeds the index, the editable dictionary, and
(from the analytics sub-package) the search statistics."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The analytics tables live in the analytics sub-package; Django finds an app's models here.
from .analytics.models import SearchClickStat, SearchPhrase, SearchPhraseClient, SearchQueryStat

__all__ = ["DictionaryEntry", "OutboxEntry", "SearchClickStat", "SearchPhrase", "SearchPhraseClient", "SearchQueryStat"]


class OutboxEntry(models.Model):
    """A change to index: written in the same transaction as the change itself.

    The indexer applies entries in id order and remembers the last id it applied, so
    every index replica (one per app node) can catch up on its own.
    """

    source = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "search outbox entry"
        indexes = [models.Index(fields=["source", "object_pk"])]

    def __str__(self) -> str:
        return f"{self.source}:{self.object_pk}"


class DictionaryEntry(models.Model):
    """An editable rule of query understanding.

    ``abbreviation``: the term is replaced by its expansion (BLDS → bộ luật dân sự,
    ko → không); ``synonym``: the expansions are searched as well (sổ đỏ → giấy chứng
    nhận quyền sử dụng đất); ``filler``: the term is dropped from queries (question words).
    Terms match with or without diacritics.
    """

    class Kind(models.TextChoices):
        ABBREVIATION = "abbreviation", "Viết tắt"
        SYNONYM = "synonym", "Từ đồng nghĩa"
        FILLER = "filler", "Từ để hỏi / từ đệm"

    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    term = models.CharField("cụm từ", max_length=200)
    expansions = models.TextField("mở rộng", blank=True, help_text="Các cách viết tương đương, cách nhau bởi dấu |")
    enabled = models.BooleanField("đang dùng", default=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = "mục từ điển tìm kiếm"
        verbose_name_plural = "từ điển tìm kiếm"
        ordering = ["kind", "term"]
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="search_dictionary_kind_term")]

    def __str__(self) -> str:
        return f"{self.term} → {self.expansions}" if self.expansions else self.term

    def expansion_list(self) -> list[str]:
        return [part.strip() for part in self.expansions.split("|") if part.strip()]
