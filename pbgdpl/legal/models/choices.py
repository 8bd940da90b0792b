"""Closed vocabularies of the legal registry that code reasons about (not editable data)."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCIAL = "provincial", _("Cấp tỉnh")
    COMMUNE = "commune", _("Cấp xã")


class Validity(models.TextChoices):
    """Validity statuses as the national database names them (DOMAIN.md)."""

    NOT_YET = "not_yet", _("Chưa có hiệu lực")
    IN_FORCE = "in_force", _("Còn hiệu lực")
    PARTLY_EXPIRED = "partly_expired", _("Hết hiệu lực một phần")
    EXPIRED = "expired", _("Hết hiệu lực toàn bộ")
    SUSPENDED = "suspended", _("Ngưng hiệu lực")
    TEMPORARILY_SUSPENDED = "temporarily_suspended", _("Tạm ngưng hiệu lực")
    NO_LONGER_SUITABLE = "no_longer_suitable", _("Không còn phù hợp")


class Predicate(models.TextChoices):
    """Relation verbs, read "<subject> <verb> <object>"; see PREDICATE_VERBS for the reverse."""

    GUIDES = "guides", _("hướng dẫn")
    DETAILS = "details", _("quy định chi tiết")
    AMENDS = "amends", _("sửa đổi, bổ sung")
    REPLACES = "replaces", _("thay thế")
    REPEALS = "repeals", _("bãi bỏ")
    SUSPENDS = "suspends", _("đình chỉ")
    CONSOLIDATES = "consolidates", _("hợp nhất")
    CORRECTS = "corrects", _("đính chính")
    BASED_ON = "based_on", _("căn cứ")
    REFERS_TO = "refers_to", _("dẫn chiếu")
    INTERPRETS = "interprets", _("giải thích")


@dataclass(frozen=True)
class Verbs:
    verb: str
    reverse_verb: str


# The reverse verb is what the object's page shows ("bị thay thế bởi …").
PREDICATE_VERBS: dict[str, Verbs] = {
    Predicate.GUIDES: Verbs(_("Hướng dẫn"), _("Được hướng dẫn bởi")),
    Predicate.DETAILS: Verbs(_("Quy định chi tiết"), _("Được quy định chi tiết bởi")),
    Predicate.AMENDS: Verbs(_("Sửa đổi, bổ sung"), _("Bị sửa đổi, bổ sung bởi")),
    Predicate.REPLACES: Verbs(_("Thay thế"), _("Bị thay thế bởi")),
    Predicate.REPEALS: Verbs(_("Bãi bỏ"), _("Bị bãi bỏ bởi")),
    Predicate.SUSPENDS: Verbs(_("Đình chỉ"), _("Bị đình chỉ bởi")),
    Predicate.CONSOLIDATES: Verbs(_("Hợp nhất"), _("Được hợp nhất bởi")),
    Predicate.CORRECTS: Verbs(_("Đính chính"), _("Được đính chính bởi")),
    Predicate.BASED_ON: Verbs(_("Căn cứ"), _("Là căn cứ của")),
    Predicate.REFERS_TO: Verbs(_("Dẫn chiếu"), _("Được dẫn chiếu bởi")),
    Predicate.INTERPRETS: Verbs(_("Giải thích"), _("Được giải thích bởi")),
}


class ProvisionKind(models.TextChoices):
    PART = "part", _("Phần")
    CHAPTER = "chapter", _("Chương")
    SECTION = "section", _("Mục")
    ARTICLE = "article", _("Điều")
    CLAUSE = "clause", _("Khoản")
    POINT = "point", _("Điểm")
    PREAMBLE = "preamble", _("Phần mở đầu")
    ATTACHMENT = "attachment", _("Văn bản kèm theo")
    APPENDIX = "appendix", _("Phụ lục")
    CLOSING = "closing", _("Phần kết")
    TEXT = "text", _("Đoạn văn")
