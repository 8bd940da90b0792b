"""Open datasets: a registry that apps fill from ``AppConfig.ready()``, served at /du-lieu-mo/.

    from pbgdpl.core.open_data import Dataset, Field, register_dataset

    register_dataset(Dataset(slug="to-hoa-giai", title="Tổ hòa giải ở cơ sở", description="…",
                             fields=[Field("ten_to", "chuỗi", "Tên tổ hòa giải"), …], rows=team_rows))

``rows`` returns dicts keyed by the fields' names. A dataset must contain no personal data beyond
what each person consented to publish: the providing app filters, and its tests prove it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # "chuỗi", "số nguyên", "số", "ngày", "có/không"
    description: str


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    fields: list[Field]
    rows: Callable[[], Iterable[dict]]
    publisher: str = "Sở Tư pháp"
    licence: str = "Giấy phép dữ liệu mở CC BY 4.0: được dùng lại, ghi rõ nguồn."
    tags: list[str] = field(default_factory=list)

    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


_datasets: dict[str, Dataset] = {}


def register_dataset(dataset: Dataset) -> None:
    """Add (or replace) a dataset by slug."""
    _datasets[dataset.slug] = dataset


def unregister_dataset(slug: str) -> None:
    _datasets.pop(slug, None)


def datasets() -> list[Dataset]:
    return sorted(_datasets.values(), key=lambda d: d.title)


def dataset(slug: str) -> Dataset | None:
    return _datasets.get(slug)


# ----------------------------------------------------------------------------------------------
# Bulk files: datasets too large to build per request (the whole legal registry with its
# provisions). The providing app registers a writer; a periodic job (``open_data_bulk``) runs it
# into settings.OPEN_DATA_DIR and swaps each file in atomically; /du-lieu-mo/ lists the files.
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BulkFile:
    name: str  # file name, e.g. "van-ban.csv"
    description: str
    fields: list[Field]


@dataclass(frozen=True)
class BulkDataset:
    slug: str
    title: str
    description: str
    files: list[BulkFile]
    write: Callable  # write(directory: Path) -> None: writes every file of ``files`` there
    publisher: str = "Sở Tư pháp"
    licence: str = "Giấy phép dữ liệu mở CC BY 4.0: được dùng lại, ghi rõ nguồn."


_bulk: dict[str, BulkDataset] = {}


def register_bulk(dataset: BulkDataset) -> None:
    _bulk[dataset.slug] = dataset


def bulk_datasets() -> list[BulkDataset]:
    return sorted(_bulk.values(), key=lambda d: d.title)


def bulk_dataset(slug: str) -> BulkDataset | None:
    return _bulk.get(slug)
