"""Turn one raw import row (a JSON object or a CSV record) into checked document data.

Each problem names its field, in Vietnamese, so the operator can fix the source file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Q
from django.utils.translation import gettext as _

from pbgdpl.core import dates
from pbgdpl.core.text import vietnamese_slug

from ..models import DocumentType, Field, Issuer, Predicate, Scope, Validity
from ..services import RelationSpec, TextSource

TEXT_FIELDS = ("title", "signer", "signer_title", "gazette_number", "language", "summary")
DATE_FIELDS = ("issued_on", "effective_from", "effective_to", "gazette_date", "comment_opens", "comment_closes")


class RowError(Exception):
    """A row that cannot be imported; ``field`` is the column to fix."""

    def __init__(self, field_name: str, message: str):
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass
class DocumentRow:
    """A validated row, ready for ``save_document``."""

    line: int
    number: str
    issuer: Issuer
    doc_type: DocumentType
    values: dict
    fields: list[Field]
    text: str | None
    file: Path | None
    relations: list[RelationSpec] = field(default_factory=list)
    publish: bool = True
    version_date: datetime.date | None = None
    #: Where ``text`` came from when it was extracted beforehand (the admin's upload screen).
    source: TextSource | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.number.casefold(), self.issuer.pk)


def parse_date(value, field_name: str) -> datetime.date | None:
    """ISO (2015-11-24) or Vietnamese (24/11/2015) dates; blank means none."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    parsed = dates.parse_date(text)
    if parsed is not None:
        return parsed
    raise RowError(field_name, _("ngày “%(value)s” không hợp lệ (viết 2015-11-24 hoặc 24/11/2015).") % {"value": text})


def parse_bool(value, field_name: str, default: bool) -> bool:
    if value in (None, ""):
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in {"1", "true", "yes", "có", "co", "x"}:
        return True
    if text in {"0", "false", "no", "không", "khong"}:
        return False
    raise RowError(field_name, _("giá trị “%(value)s” không hợp lệ (dùng true hoặc false).") % {"value": value})


class Vocabularies:
    """Looks names or slugs up in the editable vocabularies (cached for one import run)."""

    def __init__(self, create_issuers: bool = False):
        self.create_issuers = create_issuers
        self._cache: dict[tuple[str, str], object] = {}

    def _lookup(self, model, value: str):
        key = (model.__name__, value.casefold())
        if key not in self._cache:
            slug = vietnamese_slug(value)
            self._cache[key] = (
                model.objects.filter(
                    Q(name__iexact=value) | Q(slug=value) | Q(slug=slug)
                ).first()
            )
        return self._cache[key]

    def doc_type(self, value: str) -> DocumentType:
        found = self._lookup(DocumentType, value)
        if found is None:
            raise RowError("type", _("loại văn bản “%(value)s” chưa có trong danh mục.") % {"value": value})
        return found

    def issuer(self, value: str, scope: str) -> Issuer:
        found = self._lookup(Issuer, value)
        if found is None and self.create_issuers:
            found = Issuer.objects.create(name=value, slug=vietnamese_slug(value), scope=scope or Scope.CENTRAL)
            self._cache[(Issuer.__name__, value.casefold())] = found
        if found is None:
            raise RowError(
                "issuer",
                _("cơ quan ban hành “%(value)s” chưa có trong danh mục (thêm trong trang quản trị "
                  "hoặc chạy lại với --create-issuers).") % {"value": value},
            )
        return found

    def field(self, value: str) -> Field:
        found = self._lookup(Field, value)
        if found is None:
            raise RowError("fields", _("lĩnh vực “%(value)s” chưa có trong danh mục.") % {"value": value})
        return found


def _split(value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    return [item.strip() for item in str(value).split(";") if item.strip()]


def parse_relation_text(text: str) -> dict:
    """CSV cell syntax: ``replaces 10/2012/QH13@quoc-hoi#dieu-5 2021-01-01`` (issuer, eid, date optional)."""
    parts = text.split()
    if len(parts) < 2:
        raise RowError("relations", _("quan hệ “%(value)s” cần dạng “loại số_ký_hiệu”.") % {"value": text})
    predicate, target = parts[0], parts[1]
    data = {"predicate": predicate}
    if "#" in target:
        target, data["object_eid"] = target.split("#", 1)
    if "@" in target:
        target, data["object_issuer"] = target.split("@", 1)
    data["object_number"] = target
    if len(parts) > 2:
        data["effective_on"] = parts[2]
    return data


def parse_relations(value) -> list[RelationSpec]:
    items = value if isinstance(value, list) else [parse_relation_text(t) for t in _split(value)]
    specs = []
    valid = set(Predicate.values)
    for item in items:
        if not isinstance(item, dict):
            raise RowError("relations", _("mỗi quan hệ phải là một đối tượng JSON."))
        predicate = str(item.get("predicate", "")).strip()
        if predicate not in valid:
            raise RowError(
                "relations",
                _("loại quan hệ “%(value)s” không hợp lệ; dùng một trong: %(choices)s.")
                % {"value": predicate, "choices": ", ".join(sorted(valid))},
            )
        number = str(item.get("object_number", "")).strip()
        if not number:
            raise RowError("relations", _("quan hệ “%(value)s” thiếu số ký hiệu văn bản liên quan.") % {"value": predicate})
        specs.append(
            RelationSpec(
                predicate=predicate,
                object_number=number,
                object_issuer=str(item.get("object_issuer", "") or "").strip(),
                subject_eid=str(item.get("subject_eid", "") or "").strip(),
                object_eid=str(item.get("object_eid", "") or "").strip(),
                effective_on=parse_date(item.get("effective_on"), "relations"),
                ends_on=parse_date(item.get("ends_on"), "relations"),
                note=str(item.get("note", "") or "").strip(),
            )
        )
    return specs


def parse_row(raw: dict, line: int, vocabularies: Vocabularies, base_dir: Path) -> DocumentRow:
    """Check one row; raise RowError naming the first bad field."""
    if not isinstance(raw, dict):
        raise RowError("(dòng)", _("mỗi dòng phải là một đối tượng JSON."))
    raw = {str(k).strip(): v for k, v in raw.items()}
    number = str(raw.get("number") or "").strip()
    title = str(raw.get("title") or "").strip()
    if not title:
        raise RowError("title", _("thiếu trích yếu."))
    scope = str(raw.get("scope") or "").strip()
    if scope and scope not in Scope.values:
        raise RowError("scope", _("phạm vi “%(value)s” không hợp lệ (central, provincial hoặc commune).") % {"value": scope})
    type_name = str(raw.get("type") or "").strip()
    if not type_name:
        raise RowError("type", _("thiếu loại văn bản."))
    doc_type = vocabularies.doc_type(type_name)
    issuer_name = str(raw.get("issuer") or "").strip()
    if not issuer_name:
        raise RowError("issuer", _("thiếu cơ quan ban hành."))
    issuer = vocabularies.issuer(issuer_name, scope)
    is_draft = parse_bool(raw.get("is_draft_for_comment"), "is_draft_for_comment", False)
    if not number and not is_draft:
        raise RowError("number", _("thiếu số ký hiệu (chỉ dự thảo mới được để trống)."))

    values = {name: str(raw.get(name) or "").strip() for name in TEXT_FIELDS}
    values["title"] = title
    values["language"] = values["language"] or "vi"
    for name in DATE_FIELDS:
        values[name] = parse_date(raw.get(name), name)
    if values["effective_from"] and values["effective_to"] and values["effective_to"] <= values["effective_from"]:
        raise RowError("effective_to", _("ngày hết hiệu lực phải sau ngày có hiệu lực."))
    values["scope"] = scope or issuer.scope
    values["is_draft_for_comment"] = is_draft
    override = str(raw.get("validity_override") or "").strip()
    if override and override not in Validity.values:
        raise RowError(
            "validity_override",
            _("tình trạng “%(value)s” không hợp lệ; dùng một trong: %(choices)s.")
            % {"value": override, "choices": ", ".join(Validity.values)},
        )
    values["validity_override"] = override
    values["validity_override_reason"] = str(raw.get("validity_override_reason") or "").strip()
    if override and not values["validity_override_reason"]:
        raise RowError("validity_override_reason", _("cần ghi lý do khi tự xác định tình trạng hiệu lực."))
    values["validity_override_from"] = parse_date(raw.get("validity_override_from"), "validity_override_from")

    text = raw.get("text")
    if text is not None and not isinstance(text, str):
        raise RowError("text", _("toàn văn phải là chuỗi ký tự."))
    file_name = str(raw.get("file") or "").strip()
    file_path = None
    if file_name:
        file_path = (base_dir / file_name).resolve()
        if not file_path.is_file():
            raise RowError("file", _("không tìm thấy tệp “%(value)s” cạnh tệp nhập.") % {"value": file_name})

    return DocumentRow(
        line=line,
        number=number,
        issuer=issuer,
        doc_type=doc_type,
        values=values,
        fields=[vocabularies.field(name) for name in _split(raw.get("fields"))],
        text=text if text else None,
        file=file_path,
        relations=parse_relations(raw.get("relations")),
        publish=parse_bool(raw.get("published"), "published", True),
        version_date=parse_date(raw.get("version_date"), "version_date"),
    )
