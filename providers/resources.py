"""Spreadsheet import and export of providers and staff: a tool for platform reviewers.

A file is first read into a ``tablib.Dataset`` whose headers are the stable ASCII column keys, whatever
language its header row was written in (``load_import_file``). ``run_import`` then validates every row
and reports row-level errors; unless it is a dry run, and only when no row fails, every row is written
in one transaction. Exports leave full personal data only where a reviewer needs it (provider contact
phones, logged), and mask staff ID numbers and phones.
"""

import csv
import io
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets
from import_export.results import Result, RowResult
from wagtail.models import Locale

from accounts.masking import mask_id_number, mask_phone
from accounts.models import User
from accounts.selectors import user_for_login
from accounts.services import record_personal_data_access
from accounts.validators import (
    id_check_character,
    normalize_phone,
    uscc_check_character,
    validate_id_number,
    validate_mainland_mobile,
)
from cms.models import District, ServiceCategoryPage

from . import services
from .models import Provider, ProviderEvent, Staff, id_number_digest
from .permissions import can_review

logger = logging.getLogger(__name__)

MAX_DATA_ROWS = 2000
# Rows read from a workbook before giving up: formatted but empty rows count too.
MAX_SCANNED_ROWS = 50_000
MAX_COLUMNS = 60
LIST_SEPARATORS = re.compile(r"[,，、;；\s]+")
# Spreadsheet programs run cells that start like this as formulas; exports prefix them with an apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


class BulkFileError(Exception):
    """The file as a whole cannot be imported; the message says why, in the user's language."""


# Cells ----------------------------------------------------------------------------------------------------


def cell_text(value) -> str:
    """A cell as trimmed text: whole numbers without ".0", dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    text = str(value).strip()
    # Undo the apostrophe our exports put before formula-like text, so that an export imports again.
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        text = text[1:]
    return text


def safe_cell(value):
    """Text that a spreadsheet program would run as a formula (CSV/formula injection) is made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def split_list(value) -> list[str]:
    """ "housekeeping, elderly-care" or "370811、370881" → the items, without repeats."""
    items = [item for item in LIST_SEPARATORS.split(cell_text(value)) if item]
    return list(dict.fromkeys(items))


def parse_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("Enter a date as YYYY-MM-DD, e.g. 2025-03-01."))


def _compact(text: str) -> str:
    return re.sub(r"[\s()（）*:：_\-]", "", str(text).lower())


# Words people type in Chinese spreadsheets, whatever the translation catalogs say.
CHOICE_ALIASES = {
    "企业": "company",
    "公司": "company",
    "个体工商户": "individual",
    "个体户": "individual",
    "个体": "individual",
    "待审核": "pending",
    "待核查": "pending",
    "待定": "pending",
    "通过": "passed",
    "已通过": "passed",
    "合格": "passed",
    "未通过": "failed",
    "不通过": "failed",
    "不合格": "failed",
}


def match_choice(choices, value):
    """The key of a ``TextChoices`` member given its key, its label in Chinese or English, or a common
    Chinese word for it."""
    text = cell_text(value)
    if not text:
        return None
    wanted = _compact(text)
    alias = CHOICE_ALIASES.get(wanted)
    if alias in choices.values:
        return alias
    for member in choices:
        if wanted == _compact(member.value):
            return member.value
        for language in ("zh-hans", "en"):
            with translation.override(language):
                if wanted == _compact(member.label):
                    return member.value
    return None


def _choice_list(choices) -> str:
    return ", ".join(f"{member.value} ({member.label})" for member in choices)


# Reading files ----------------------------------------------------------------------------------------------


@dataclass
class ImportFile:
    """A file read for import: the rows under stable column keys, and where each row is in the sheet."""

    dataset: tablib.Dataset
    row_numbers: list[int]
    ignored_columns: list[str] = field(default_factory=list)

    def sheet_row(self, number: int) -> int:
        """Import-export numbers data rows from 1; people look for the row number their spreadsheet shows."""
        return self.row_numbers[number - 1] if 0 < number <= len(self.row_numbers) else number + 1


def _not_a_spreadsheet():
    return BulkFileError(_("This file is not a spreadsheet: upload an XLSX file or a CSV file."))


def _read_rows(content: bytes) -> list[tuple[int, list]]:
    """The non-empty rows of the file's first sheet, each with its 1-based row number."""
    if not content.strip():
        raise BulkFileError(_("The file is empty."))
    if content.startswith(b"PK\x03\x04"):
        return _read_xlsx(content)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise BulkFileError(
            _("This is an old Excel (.xls) file: save it as .xlsx or CSV and upload it again.")
        )
    return _read_csv(content)


def _read_csv(content: bytes) -> list[tuple[int, list]]:
    if b"\x00" in content:
        raise _not_a_spreadsheet()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Chinese Windows saves "CSV" in the system code page (GBK); GB18030 is its superset.
        try:
            text = content.decode("gb18030")
        except UnicodeDecodeError:
            raise BulkFileError(
                _("The CSV file's text is neither UTF-8 nor GBK: save it again as “CSV UTF-8” or as XLSX.")
            ) from None
    rows = []
    try:
        for number, values in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            if any(cell_text(value) for value in values):
                rows.append((number, values[:MAX_COLUMNS]))
            if len(rows) > MAX_DATA_ROWS + 1:
                break
    except csv.Error:
        raise _not_a_spreadsheet() from None
    return rows


def _read_xlsx(content: bytes) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # not a zip, a zip that is not a workbook, broken XML: all the user's file
        logger.info("Unreadable workbook uploaded for bulk import", exc_info=True)
        raise BulkFileError(_("This file could not be read as an Excel workbook (.xlsx).")) from None
    rows = []
    try:
        if not book.worksheets:
            raise BulkFileError(_("The file is empty."))
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
            if number > MAX_SCANNED_ROWS or len(rows) > MAX_DATA_ROWS + 1:
                break
            if any(cell_text(value) for value in values):
                rows.append((number, list(values)))
    except BulkFileError:
        raise
    except Exception:
        logger.info("Unreadable worksheet uploaded for bulk import", exc_info=True)
        raise BulkFileError(_("This file could not be read as an Excel workbook (.xlsx).")) from None
    finally:
        book.close()
    return rows


def load_import_file(content: bytes, resource_class) -> ImportFile:
    """Read an uploaded XLSX or CSV file for ``resource_class``; ``BulkFileError`` says what is wrong."""
    rows = _read_rows(content)
    if not rows:
        raise BulkFileError(_("The file is empty."))
    (_header_number, header), *data = rows
    positions = {}
    ignored = []
    for position, cell in enumerate(header):
        if not cell_text(cell):
            continue
        key = resource_class.column_for_header(cell)
        if key is None:
            ignored.append(cell_text(cell))
        elif key in positions:
            raise BulkFileError(
                _("The column “%(column)s” appears twice in the header row.") % {"column": cell_text(cell)}
            )
        elif key in resource_class.import_columns:
            positions[key] = position
    missing = [key for key in resource_class.import_columns if key not in positions]
    if missing:
        raise BulkFileError(
            _(
                "The header row lacks these columns: %(columns)s. Download the template to see the expected "
                "header row."
            )
            % {"columns": ", ".join(missing)}
        )
    if not data:
        raise BulkFileError(_("The file has a header row but no data rows."))
    if len(data) > MAX_DATA_ROWS:
        raise BulkFileError(
            _("The file has more than %(count)d data rows; split it into smaller files.")
            % {"count": MAX_DATA_ROWS}
        )
    keys = list(positions)
    dataset = tablib.Dataset(headers=keys)
    for _number, values in data:
        dataset.append([values[positions[key]] if positions[key] < len(values) else None for key in keys])
    return ImportFile(
        dataset=dataset, row_numbers=[number for number, _values in data], ignored_columns=ignored
    )


# Reports ----------------------------------------------------------------------------------------------------


@dataclass
class RowIssue:
    row: int
    column: str
    label: str
    message: str


@dataclass
class PreviewRow:
    row: int
    action: str
    values: list
    has_errors: bool = False


@dataclass
class ImportReport:
    columns: list
    rows: list
    errors: list
    new: int = 0
    updated: int = 0
    ignored_columns: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def run_import(resource, imported: ImportFile, *, dry_run: bool) -> ImportReport:
    """Validate (and unless ``dry_run``, import) every row; nothing is written when any row fails."""
    resource.import_file = imported
    result = resource.import_data(
        imported.dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        collect_failed_rows=True,
        rollback_on_validation_errors=True,
    )
    return build_report(resource, imported, result)


def build_report(resource, imported: ImportFile, result: Result) -> ImportReport:
    labels = resource.column_labels()
    issues = []
    for error in result.base_errors:
        logger.warning("Bulk import failed before its rows: %r", error.error)
        issues.append(RowIssue(0, "", "", _("The file could not be imported. Nothing was saved.")))
    for invalid in result.invalid_rows:
        for key, messages in invalid.error_dict.items():
            column = "" if key == NON_FIELD_ERRORS else key
            for message in messages:
                issues.append(
                    RowIssue(imported.sheet_row(invalid.number), column, labels.get(column, column), message)
                )
    for error_row in result.error_rows:
        for error in error_row.errors:
            logger.warning("Bulk import row %s failed: %r", error_row.number, error.error)
        issues.append(
            RowIssue(
                imported.sheet_row(error_row.number),
                "",
                "",
                _("This row could not be saved because of an unexpected error. Nothing was saved."),
            )
        )
    order = {key: index for index, key in enumerate(resource.columns)}
    issues.sort(key=lambda issue: (issue.row, order.get(issue.column, -1)))
    failed_rows = {issue.row for issue in issues}
    preview = []
    action_labels = {
        RowResult.IMPORT_TYPE_NEW: _("New"),
        RowResult.IMPORT_TYPE_UPDATE: _("Update"),
    }
    for number, values in enumerate(imported.dataset, start=1):
        row_number = imported.sheet_row(number)
        row_result = result.rows[number - 1] if number - 1 < len(result.rows) else None
        has_errors = row_number in failed_rows
        action = "" if has_errors or row_result is None else action_labels.get(row_result.import_type, "")
        row = OrderedDict(zip(imported.dataset.headers, values, strict=False))
        preview.append(PreviewRow(row_number, action, resource.preview(number, row), has_errors))
    return ImportReport(
        columns=[labels[key] for key in resource.preview_columns],
        rows=preview,
        errors=issues,
        new=result.totals[RowResult.IMPORT_TYPE_NEW],
        updated=result.totals[RowResult.IMPORT_TYPE_UPDATE],
        ignored_columns=imported.ignored_columns,
    )


# Shared resource behaviour ----------------------------------------------------------------------------------


class Text(widgets.Widget):
    def __init__(self, upper=False, **kwargs):
        self.upper = upper
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        return text.upper() if self.upper else text

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class Choice(widgets.Widget):
    def __init__(self, choices, default, **kwargs):
        self.choices = choices
        self.default = default
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if not cell_text(value):
            return self.default
        key = match_choice(self.choices, value)
        if key is None:
            raise ValueError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": cell_text(value), "choices": _choice_list(self.choices)}
            )
        return key

    def render(self, value, obj=None, **kwargs):
        return value or ""


class Phone(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return ""
        phone = normalize_phone(text)
        try:
            validate_mainland_mobile(phone)
        except ValidationError as exc:
            raise ValueError(exc.messages[0]) from None
        return phone

    def render(self, value, obj=None, **kwargs):
        return value or ""


def _required_message():
    return _("This column is required.")


def resolve_categories(value) -> list:
    """Category pages (source language) named by their slugs; ``ValueError`` names unknown slugs."""
    slugs = [slug.lower() for slug in split_list(value)]
    if not slugs:
        return []
    found = {
        page.slug: page
        for page in ServiceCategoryPage.objects.filter(locale=Locale.get_default(), slug__in=slugs)
    }
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise ValueError(_("Unknown category: %(slugs)s.") % {"slugs": ", ".join(unknown)})
    return [found[slug] for slug in slugs]


def resolve_districts(value) -> list:
    codes = split_list(value)
    if not codes:
        return []
    found = {district.code: district for district in District.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValueError(_("Unknown district code: %(codes)s.") % {"codes": ", ".join(unknown)})
    return [found[code] for code in codes]


def _category_names(categories):
    return "、".join(f"{category.title} ({category.slug})" for category in categories)


def _district_names(districts):
    return "、".join(f"{district.name} ({district.code})" for district in districts)


class BulkResourceMixin:
    """Column keys, labels and header matching shared by the provider and staff resources."""

    #: Every column, in file order.
    columns: tuple = ()
    #: Columns read on import (the others are export-only).
    import_columns: tuple = ()
    #: Columns that may not be empty on import.
    required_columns: tuple = ()
    #: Columns shown in the import preview.
    preview_columns: tuple = ()

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.import_file = None
        self.previews = {}

    @classmethod
    def labels(cls) -> dict:
        raise NotImplementedError

    @classmethod
    def help_texts(cls) -> dict:
        raise NotImplementedError

    @classmethod
    def column_labels(cls) -> dict:
        return {key: str(label) for key, label in cls.labels().items()}

    @classmethod
    def column_for_header(cls, cell) -> str | None:
        """The column key a header cell names: the key itself, a header that contains it
        ("统一社会信用代码 uscc"), or the column's label in Chinese or English."""
        text = cell_text(cell).lstrip("\ufeff").strip()
        lowered = text.lower()
        if lowered in cls.columns:
            return lowered
        for token in re.findall(r"[a-z][a-z_]*", lowered):
            if token in cls.columns:
                return token
        wanted = _compact(text)
        for language in ("zh-hans", "en"):
            with translation.override(language):
                for key, label in cls.labels().items():
                    if wanted == _compact(label):
                        return key
        return None

    def sheet_row(self, number: int) -> int:
        return self.import_file.sheet_row(number) if self.import_file else number + 1

    def export_field(self, field, instance, **kwargs):
        return safe_cell(super().export_field(field, instance, **kwargs))

    def raw_preview(self, row) -> list:
        values = []
        for key in self.preview_columns:
            value = cell_text(row.get(key))
            if key == "id_number":
                value = mask_id_number(value.upper())
            elif key in ("phone", "contact_phone"):
                value = mask_phone(normalize_phone(value))
            values.append(value)
        return values

    def preview(self, number, row) -> list:
        return self.previews.get(number) or self.raw_preview(row)


def _field_label(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


# Providers --------------------------------------------------------------------------------------------------

PROVIDER_COLUMNS = (
    "uscc",
    "legal_name_zh",
    "legal_name_en",
    "kind",
    "legal_representative",
    "contact_name",
    "contact_phone",
    "registered_address",
    "categories",
    "districts",
    "status",
)


class ProviderResource(BulkResourceMixin, resources.ModelResource):
    """Providers by unified social credit code: a known code updates that provider's application, a new one
    creates a provider in draft. Status is export-only: it only ever changes through review."""

    uscc = fields.Field(attribute="uscc", column_name="uscc", widget=Text(upper=True))
    legal_name_zh = fields.Field(attribute="legal_name_zh", column_name="legal_name_zh", widget=Text())
    legal_name_en = fields.Field(attribute="legal_name_en", column_name="legal_name_en", widget=Text())
    kind = fields.Field(
        attribute="kind", column_name="kind", widget=Choice(Provider.Kind, default=Provider.Kind.COMPANY)
    )
    legal_representative = fields.Field(
        attribute="legal_representative", column_name="legal_representative", widget=Text()
    )
    contact_name = fields.Field(attribute="contact_name", column_name="contact_name", widget=Text())
    contact_phone = fields.Field(attribute="contact_phone", column_name="contact_phone", widget=Phone())
    registered_address = fields.Field(
        attribute="registered_address", column_name="registered_address", widget=Text()
    )
    # Many-to-many columns are resolved and checked in import_instance and written in save_m2m.
    categories = fields.Field(column_name="categories")
    districts = fields.Field(column_name="districts")
    status = fields.Field(attribute="status", column_name="status", readonly=True)

    columns = PROVIDER_COLUMNS
    import_columns = PROVIDER_COLUMNS[:-1]
    required_columns = (
        "uscc",
        "legal_name_zh",
        "legal_representative",
        "contact_name",
        "contact_phone",
        "registered_address",
        "categories",
        "districts",
    )
    preview_columns = (
        "uscc",
        "legal_name_zh",
        "legal_name_en",
        "kind",
        "legal_representative",
        "contact_name",
        "contact_phone",
        "registered_address",
        "categories",
        "districts",
    )

    class Meta:
        model = Provider
        fields = PROVIDER_COLUMNS
        export_order = PROVIDER_COLUMNS
        import_id_fields = ["uscc"]
        clean_model_instances = True
        skip_unchanged = False
        skip_diff = True
        use_transactions = True

    @classmethod
    def labels(cls):
        return {
            "uscc": _field_label(Provider, "uscc"),
            "legal_name_zh": _field_label(Provider, "legal_name_zh"),
            "legal_name_en": _field_label(Provider, "legal_name_en"),
            "kind": _field_label(Provider, "kind"),
            "legal_representative": _field_label(Provider, "legal_representative"),
            "contact_name": _field_label(Provider, "contact_name"),
            "contact_phone": _field_label(Provider, "contact_phone"),
            "registered_address": _field_label(Provider, "registered_address"),
            "categories": _field_label(Provider, "categories"),
            "districts": _field_label(Provider, "districts"),
            "status": _field_label(Provider, "status"),
        }

    @classmethod
    def help_texts(cls):
        return {
            "uscc": gettext_lazy(
                "18 characters. A code already registered updates that provider's application."
            ),
            "legal_name_en": gettext_lazy("May be empty."),
            "kind": gettext_lazy("company or individual; empty means company."),
            "contact_phone": gettext_lazy("11-digit mainland mobile number."),
            "categories": gettext_lazy(
                "Category slugs separated by commas or 、, e.g. housekeeping,appliance-repair."
            ),
            "districts": gettext_lazy("GB/T 2260 district codes separated by commas, e.g. 370811,370881."),
            "status": gettext_lazy("Export only, ignored on import: imported providers start as drafts."),
        }

    @classmethod
    def example(cls):
        body = "91370811MA3C00000"
        return {
            "uscc": body + uscc_check_character(body),
            "legal_name_zh": "济宁示例家政服务有限公司",
            "legal_name_en": "Jining Example Home Services Co., Ltd.",
            "kind": Provider.Kind.COMPANY.value,
            "legal_representative": "李明",
            "contact_name": "张经理",
            "contact_phone": "13800000000",
            "registered_address": "济宁市任城区示例路 1 号",
            "categories": "housekeeping,appliance-repair",
            "districts": "370811,370881",
        }

    def get_queryset(self):
        return Provider.objects.prefetch_related("categories", "districts").order_by("uscc")

    # Import

    def before_import(self, dataset, **kwargs):
        """Find codes repeated within the file: each later row is an error naming the first one."""
        self.first_row_of_code = {}
        self.repeated = {}
        column = dataset.headers.index("uscc")
        for number, values in enumerate(dataset, start=1):
            code = cell_text(values[column]).upper()
            if not code:
                continue
            if code in self.first_row_of_code:
                self.repeated[number] = self.first_row_of_code[code]
            else:
                self.first_row_of_code[code] = number

    def import_instance(self, instance, row, **kwargs):
        number = kwargs.get("row_number")
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for key in self.required_columns:
            if key not in errors and not cell_text(row.get(key)):
                errors[key] = [_required_message()]
        if number in self.repeated:
            errors.setdefault("uscc", []).append(
                _("This code also appears in row %(row)d of this file.")
                % {"row": self.sheet_row(self.repeated[number])}
            )
        if instance.pk and instance.status not in services.EDITABLE_APPLICATION_STATUSES:
            errors.setdefault("uscc", []).append(
                _(
                    "This provider is “%(status)s”: its details can only be changed through review, not by "
                    "import."
                )
                % {"status": instance.get_status_display()}
            )
        instance.bulk_categories = instance.bulk_districts = []
        for key, resolve in (("categories", resolve_categories), ("districts", resolve_districts)):
            try:
                setattr(instance, f"bulk_{key}", resolve(row.get(key)))
            except ValueError as exc:
                errors[key] = [str(exc)]
        instance.bulk_is_new = instance.pk is None
        self.previews[number] = self._preview(instance, row, errors)
        if errors:
            raise ValidationError(errors)

    def _preview(self, instance, row, errors):
        values = self.raw_preview(row)
        columns = list(self.preview_columns)
        if "kind" not in errors:
            values[columns.index("kind")] = str(instance.get_kind_display())
        if instance.bulk_categories:
            values[columns.index("categories")] = _category_names(instance.bulk_categories)
        if instance.bulk_districts:
            values[columns.index("districts")] = _district_names(instance.bulk_districts)
        return values

    def save_m2m(self, instance, row, **kwargs):
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return
        instance.categories.set(instance.bulk_categories)
        instance.districts.set(instance.bulk_districts)
        # Which papers are required depends on the categories.
        services.refresh_papers(instance)

    def after_save_instance(self, instance, row, **kwargs):
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return
        if instance.bulk_is_new:
            ProviderEvent.objects.create(
                provider=instance, actor=self.user, action="imported", to_status=instance.status
            )
        else:
            ProviderEvent.objects.create(
                provider=instance, actor=self.user, action="updated", reason=_("By import")
            )

    def after_import(self, dataset, result, **kwargs):
        """Rows never carry primary keys, so the database sequences need no reset (the parent's job)."""

    # Export

    def dehydrate_categories(self, provider):
        return ",".join(category.slug for category in provider.categories.all())

    def dehydrate_districts(self, provider):
        return ",".join(district.code for district in provider.districts.all())

    def export(self, queryset=None, **kwargs):
        # The export is a reviewer tool and carries every provider's full contact phone.
        if self.user is None or not can_review(self.user):
            raise PermissionDenied
        dataset = super().export(queryset, **kwargs)
        # One access record per export, not one per provider: a record per subject would write thousands of
        # rows for every download and drown the log. The subject is the reviewer who downloaded the file and
        # the purpose names the row count, so the log still says who took how many contact phones, and when.
        record_personal_data_access(
            actor=self.user,
            subject=self.user,
            fields=["contact_phone"],
            purpose=f"provider export ({len(dataset)} rows)",
        )
        return dataset


# Staff ------------------------------------------------------------------------------------------------------

STAFF_COLUMNS = (
    "provider_uscc",
    "real_name",
    "id_number",
    "phone",
    "skills",
    "districts",
    "background_check",
    "background_checked_on",
    "status",
)


class _Rollback(Exception):
    pass


class StaffResource(BulkResourceMixin, resources.ModelResource):
    """Staff are only ever added by import, through ``services.add_staff`` (account, permissions,
    encryption); an ID number already registered is an error, never an update. Exports mask ID numbers
    and phones: full values never leave in a file."""

    provider_uscc = fields.Field(attribute="provider__uscc", column_name="provider_uscc", readonly=True)
    real_name = fields.Field(attribute="real_name", column_name="real_name", readonly=True)
    id_number = fields.Field(column_name="id_number", readonly=True)
    phone = fields.Field(column_name="phone", readonly=True)
    skills = fields.Field(column_name="skills", readonly=True)
    districts = fields.Field(column_name="districts", readonly=True)
    background_check = fields.Field(
        attribute="background_check", column_name="background_check", readonly=True
    )
    background_checked_on = fields.Field(
        attribute="background_checked_on",
        column_name="background_checked_on",
        widget=widgets.DateWidget("%Y-%m-%d"),
        readonly=True,
    )
    status = fields.Field(attribute="status", column_name="status", readonly=True)

    columns = STAFF_COLUMNS
    import_columns = STAFF_COLUMNS[:-1]
    required_columns = ("provider_uscc", "real_name", "id_number", "phone", "skills", "districts")
    preview_columns = STAFF_COLUMNS[:-1]

    class Meta:
        model = Staff
        fields = STAFF_COLUMNS
        export_order = STAFF_COLUMNS

    @classmethod
    def labels(cls):
        return {
            "provider_uscc": f"{capfirst(Provider._meta.verbose_name)} · {Provider._meta.get_field('uscc').verbose_name}",
            "real_name": _field_label(Staff, "real_name"),
            "id_number": _field_label(Staff, "id_number"),
            "phone": _field_label(User, "phone"),
            "skills": _field_label(Staff, "skills"),
            "districts": _field_label(Staff, "districts"),
            "background_check": _field_label(Staff, "background_check"),
            "background_checked_on": _field_label(Staff, "background_checked_on"),
            "status": _field_label(Staff, "status"),
        }

    @classmethod
    def help_texts(cls):
        return {
            "provider_uscc": gettext_lazy("The provider must already be registered."),
            "id_number": gettext_lazy("18 characters; format the column as text in Excel."),
            "phone": gettext_lazy(
                "11-digit mainland mobile number without an account yet; the staff member signs in with it."
            ),
            "skills": gettext_lazy("Category slugs, each among the provider's categories."),
            "districts": gettext_lazy("District codes, each among the provider's districts."),
            "background_check": gettext_lazy("pending, passed or failed; empty means pending."),
            "background_checked_on": gettext_lazy("A date as YYYY-MM-DD; may be empty."),
            "status": gettext_lazy("Export only, ignored on import."),
        }

    @classmethod
    def example(cls):
        body = "37081119850615001"
        return {
            "provider_uscc": ProviderResource.example()["uscc"],
            "real_name": "王阿姨",
            "id_number": body + id_check_character(body),
            "phone": "13900000000",
            "skills": "housekeeping",
            "districts": "370811",
            "background_check": Staff.BackgroundCheck.PASSED.value,
            "background_checked_on": "2025-01-15",
        }

    def get_queryset(self):
        return (
            Staff.objects.select_related("provider", "user")
            .prefetch_related("skills", "districts")
            .order_by("provider__uscc", "real_name", "pk")
        )

    # Export: masked personal data only.

    def dehydrate_id_number(self, staff):
        return staff.masked_id_number

    def dehydrate_phone(self, staff):
        return staff.masked_phone

    def dehydrate_skills(self, staff):
        return ",".join(category.slug for category in staff.skills.all())

    def dehydrate_districts(self, staff):
        return ",".join(district.code for district in staff.districts.all())

    # Import: validate every row first, then add them all through the service in one transaction.

    def import_data(
        self,
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=None,
        collect_failed_rows=False,
        rollback_on_validation_errors=False,
        **kwargs,
    ):
        result = self.get_result_class()()
        result.total_rows = len(dataset)
        if collect_failed_rows:
            result.add_dataset_headers(dataset.headers)
        self._providers = {}
        seen_ids, seen_phones = {}, {}
        plans = []
        for number, values in enumerate(dataset, start=1):
            row = OrderedDict(zip(dataset.headers, values, strict=False))
            row_result = self.get_row_result_class()()
            errors, plan = self._check_row(number, row, seen_ids, seen_phones)
            if errors:
                row_result.import_type = RowResult.IMPORT_TYPE_INVALID
                row_result.validation_error = ValidationError(errors)
                result.append_invalid_row(number, row, row_result.validation_error)
                if collect_failed_rows:
                    result.append_failed_row(row, row_result.validation_error)
            else:
                row_result.import_type = RowResult.IMPORT_TYPE_NEW
                plans.append((number, row, plan))
            result.increment_row_result_total(row_result)
            result.append_row_result(row_result)
        if dry_run or result.has_errors() or result.has_validation_errors():
            return result
        failed = {}
        try:
            with transaction.atomic():
                for number, row, plan in plans:
                    try:
                        with transaction.atomic():
                            row_result = result.rows[number - 1]
                            staff = services.add_staff(plan.pop("provider"), actor=self.user, **plan)
                            row_result.add_instance_info(staff)
                    except ValidationError as exc:
                        # Someone registered the same person or number since the check: undo every row.
                        failed = {"number": number, "row": row, "messages": exc.messages}
                        raise _Rollback from exc
                    except DatabaseError as exc:
                        logger.warning("Bulk staff import row %s failed", number, exc_info=True)
                        message = _(
                            "This row could not be saved because of an unexpected error. Nothing was saved."
                        )
                        failed = {"number": number, "row": row, "messages": [message]}
                        raise _Rollback from exc
        except _Rollback:
            error = ValidationError({NON_FIELD_ERRORS: failed["messages"]})
            result.rows[failed["number"] - 1].import_type = RowResult.IMPORT_TYPE_INVALID
            result.rows[failed["number"] - 1].validation_error = error
            result.append_invalid_row(failed["number"], failed["row"], error)
        return result

    def _provider(self, uscc):
        if uscc not in self._providers:
            provider = Provider.objects.filter(uscc=uscc).prefetch_related("categories", "districts").first()
            self._providers[uscc] = provider
        return self._providers[uscc]

    def _check_row(self, number, row, seen_ids, seen_phones):
        errors = {}

        def add(column, message):
            errors.setdefault(column, []).append(message)

        for key in self.required_columns:
            if not cell_text(row.get(key)):
                add(key, _required_message())
        name_length = Staff._meta.get_field("real_name").max_length
        if len(cell_text(row.get("real_name"))) > name_length:
            add("real_name", _("At most %(count)d characters.") % {"count": name_length})

        provider = None
        uscc = cell_text(row.get("provider_uscc")).upper()
        if uscc:
            provider = self._provider(uscc)
            if provider is None:
                add("provider_uscc", _("No provider is registered with this unified social credit code."))
            elif provider.status == Provider.Status.REVOKED:
                add("provider_uscc", _("A revoked provider cannot add staff."))

        id_number = ""
        raw_id = row.get("id_number")
        if isinstance(raw_id, float):
            add(
                "id_number",
                _(
                    "Excel stored this ID number as a rounded number: format the column as text and type it again."
                ),
            )
        elif cell_text(raw_id):
            id_number = cell_text(raw_id).upper()
            try:
                validate_id_number(id_number)
            except ValidationError as exc:
                for message in exc.messages:
                    add("id_number", message)
            else:
                if id_number in seen_ids:
                    add(
                        "id_number",
                        _("This ID number also appears in row %(row)d of this file.")
                        % {"row": self.sheet_row(seen_ids[id_number])},
                    )
                elif Staff.objects.filter(id_number_digest=id_number_digest(id_number)).exists():
                    add("id_number", _("A staff member with this ID number is already registered."))
                seen_ids.setdefault(id_number, number)

        phone = normalize_phone(cell_text(row.get("phone")))
        if phone:
            try:
                validate_mainland_mobile(phone)
            except ValidationError as exc:
                add("phone", exc.messages[0])
            else:
                if phone in seen_phones:
                    add(
                        "phone",
                        _("This mobile number also appears in row %(row)d of this file.")
                        % {"row": self.sheet_row(seen_phones[phone])},
                    )
                elif user_for_login(phone) is not None:
                    add("phone", _("This mobile number already has an account; use another number."))
                seen_phones.setdefault(phone, number)

        skills, districts = [], []
        try:
            skills = resolve_categories(row.get("skills"))
        except ValueError as exc:
            add("skills", str(exc))
        try:
            districts = resolve_districts(row.get("districts"))
        except ValueError as exc:
            add("districts", str(exc))
        if provider is not None:
            own_categories = {category.pk for category in provider.categories.all()}
            outside = [skill.slug for skill in skills if skill.pk not in own_categories]
            if outside:
                add(
                    "skills",
                    _("Not among the provider's categories: %(slugs)s.") % {"slugs": ", ".join(outside)},
                )
            own_districts = {district.pk for district in provider.districts.all()}
            outside = [district.code for district in districts if district.pk not in own_districts]
            if outside:
                add(
                    "districts",
                    _("Not among the provider's districts: %(codes)s.") % {"codes": ", ".join(outside)},
                )

        check = Staff.BackgroundCheck.PENDING
        if cell_text(row.get("background_check")):
            check = match_choice(Staff.BackgroundCheck, row.get("background_check"))
            if check is None:
                add(
                    "background_check",
                    _("“%(value)s” is not one of: %(choices)s.")
                    % {
                        "value": cell_text(row.get("background_check")),
                        "choices": _choice_list(Staff.BackgroundCheck),
                    },
                )
        checked_on = None
        try:
            checked_on = parse_date(row.get("background_checked_on"))
        except ValueError as exc:
            add("background_checked_on", str(exc))
        else:
            if checked_on and checked_on > timezone.localdate():
                add("background_checked_on", _("This date is in the future."))

        preview = self.raw_preview(row)
        columns = list(self.preview_columns)
        if provider is not None:
            preview[columns.index("provider_uscc")] = f"{provider.legal_name_zh} ({provider.uscc})"
        if skills:
            preview[columns.index("skills")] = _category_names(skills)
        if districts:
            preview[columns.index("districts")] = _district_names(districts)
        if check:
            preview[columns.index("background_check")] = Staff.BackgroundCheck(check).label
        self.previews[number] = [str(value) for value in preview]

        if errors:
            return errors, None
        return {}, {
            "provider": provider,
            "real_name": cell_text(row.get("real_name")),
            "id_number": id_number,
            "phone": phone,
            # Staff reset it by SMS before first sign-in; nobody ever sees this one.
            "password": get_random_string(16),
            "skills": skills,
            "districts": districts,
            "background_check": check,
            "background_checked_on": checked_on,
        }


RESOURCES = {"providers": ProviderResource, "staff": StaffResource}
