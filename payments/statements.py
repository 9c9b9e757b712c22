"""Reads for money statements: a provider's day (one line per order whose money moved that day) and the
operators' overview of a day (one row per provider), with their CSV and XLSX exports.

A day is a calendar day in Asia/Shanghai. Money moves on a day when a payment of the order became paid
(``Payment.paid_at``) or a refund of it succeeded (``Refund.succeeded_at``) during it. The platform fee is
computed on each line, on what stayed paid that day, and totals are the sums of the lines, so that a
statement always adds up. Every function here runs a fixed number of queries, whatever the number of orders.
"""

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

import tablib
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from wagtail.models import Locale

from booking.models import Booking
from cms.models import ServicePage
from providers.models import Provider
from providers.resources import safe_cell
from providers.selectors import LOCAL_TIME

from .models import Payment, Refund

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
EXPORT_CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# Days and fees ---------------------------------------------------------------------------------------------


def local_today() -> date:
    return timezone.localdate(timezone=LOCAL_TIME)


def default_day() -> date:
    """Yesterday: the last day that is over, and so the first statement worth downloading."""
    return local_today() - timedelta(days=1)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The aware start of ``day`` and of the day after, in Asia/Shanghai whatever the active time zone."""
    return (
        datetime.combine(day, time.min, tzinfo=LOCAL_TIME),
        datetime.combine(day + timedelta(days=1), time.min, tzinfo=LOCAL_TIME),
    )


def platform_fee(paid: Decimal, refunded: Decimal) -> Decimal:
    """PLATFORM_FEE_PERCENT of what stayed paid, to the cent, half up; a day that only refunds costs no fee."""
    # Through str(), an int or a string from the environment gives the same exact Decimal as a Decimal does.
    percent = Decimal(str(settings.PLATFORM_FEE_PERCENT))
    fee = ((paid - refunded) * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return max(fee, ZERO)


# Statements ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    orders: int = 0
    paid: Decimal = ZERO
    refunded: Decimal = ZERO
    platform_fee: Decimal = ZERO
    net: Decimal = ZERO

    def __add__(self, other: "Totals") -> "Totals":
        return Totals(
            orders=self.orders + other.orders,
            paid=self.paid + other.paid,
            refunded=self.refunded + other.refunded,
            platform_fee=self.platform_fee + other.platform_fee,
            net=self.net + other.net,
        )


@dataclass(frozen=True)
class Line:
    """One order's money on the day; ``amounts.net`` is what the provider receives (negative: gives back)."""

    number: str
    service: str
    amounts: Totals


@dataclass(frozen=True)
class Statement:
    provider: Provider
    day: date
    lines: list[Line]
    totals: Totals


@dataclass(frozen=True)
class OverviewRow:
    provider: Provider
    totals: Totals


@dataclass(frozen=True)
class Overview:
    day: date
    rows: list[OverviewRow]
    totals: Totals


def _movements(day: date, provider: Provider | None = None) -> dict[int, dict]:
    """booking id → its provider id and what was paid and refunded on ``day``: two grouped queries."""
    start, end = day_bounds(day)
    payments = Payment.objects.filter(status=Payment.Status.PAID, paid_at__gte=start, paid_at__lt=end)
    refunds = Refund.objects.filter(
        status=Refund.Status.SUCCEEDED, succeeded_at__gte=start, succeeded_at__lt=end
    )
    if provider is not None:
        payments = payments.filter(booking__provider=provider)
        refunds = refunds.filter(payment__booking__provider=provider)
    moved = defaultdict(lambda: {"provider_id": None, "paid": ZERO, "refunded": ZERO})
    grouped = (
        (payments, "booking_id", "booking__provider_id", "paid"),
        (refunds, "payment__booking_id", "payment__booking__provider_id", "refunded"),
    )
    for queryset, booking_key, provider_key, kind in grouped:
        rows = queryset.order_by().values(booking_key, provider_key).annotate(total=Sum("amount"))
        for row in rows:
            entry = moved[row[booking_key]]
            entry["provider_id"] = row[provider_key]
            # SQLite may hand back a sum with more places than the column; amounts are kept to the cent.
            entry[kind] += row["total"].quantize(CENT)
    return moved


def _order_amounts(entry: dict) -> Totals:
    paid, refunded = entry["paid"], entry["refunded"]
    fee = platform_fee(paid, refunded)
    return Totals(1, paid, refunded, fee, paid - refunded - fee)


def _service_titles(pairs) -> dict:
    """(translation key, source title) pairs → titles in the reader's language: one query for them all."""
    keys = {key for key, _title in pairs}
    translated = dict(
        ServicePage.objects.filter(translation_key__in=keys, locale=Locale.get_active()).values_list(
            "translation_key", "title"
        )
    )
    return {key: translated.get(key, title) for key, title in pairs}


def provider_statement(provider: Provider, day: date) -> Statement:
    moved = _movements(day, provider)
    # Only the columns shown: a booking's other fields include encrypted personal data not needed here.
    bookings = list(
        Booking.objects.filter(pk__in=moved).values_list(
            "pk", "number", "service__translation_key", "service__title"
        )
    )
    titles = _service_titles({(key, title) for _pk, _number, key, title in bookings})
    lines = sorted(
        (Line(number, titles[key], _order_amounts(moved[pk])) for pk, number, key, _title in bookings),
        key=lambda line: line.number,
    )
    return Statement(provider, day, lines, sum((line.amounts for line in lines), Totals()))


def daily_overview(day: date) -> Overview:
    """Every provider whose orders moved money on ``day``, with the totals of its statement."""
    per_provider = defaultdict(Totals)
    for entry in _movements(day).values():
        per_provider[entry["provider_id"]] += _order_amounts(entry)
    # Names only: a provider's other fields include contact details not needed here.
    providers = Provider.objects.filter(pk__in=per_provider).only("pk", "legal_name_zh", "legal_name_en")
    rows = [OverviewRow(provider, per_provider[provider.pk]) for provider in providers]
    return Overview(day, rows, sum((row.totals for row in rows), Totals()))


# Exports ---------------------------------------------------------------------------------------------------


def _amount_headers():
    return [_("Paid"), _("Refunded"), _("Platform fee"), _("Net to the provider")]


def _amounts(totals) -> list[Decimal]:
    return [totals.paid, totals.refunded, totals.platform_fee, totals.net]


def statement_dataset(statement: Statement) -> tablib.Dataset:
    dataset = tablib.Dataset(
        headers=[_("Order number"), _("Service"), *_amount_headers()], title=f"{statement.day:%Y-%m-%d}"
    )
    for line in statement.lines:
        dataset.append([safe_cell(line.number), safe_cell(line.service), *_amounts(line.amounts)])
    dataset.append([_("Total"), "", *_amounts(statement.totals)])
    return dataset


def overview_dataset(overview: Overview) -> tablib.Dataset:
    dataset = tablib.Dataset(
        headers=[_("Provider"), _("Orders"), *_amount_headers()], title=f"{overview.day:%Y-%m-%d}"
    )
    for row in overview.rows:
        dataset.append([safe_cell(row.provider.name), row.totals.orders, *_amounts(row.totals)])
    dataset.append([_("Total"), overview.totals.orders, *_amounts(overview.totals)])
    return dataset


def export(dataset: tablib.Dataset, fmt: str) -> bytes:
    """CSV (UTF-8 with a byte order mark) or XLSX of a statement dataset; amounts are its last four columns."""
    if fmt == "csv":
        # With a byte order mark, Excel on Chinese Windows opens UTF-8 CSV without garbling it.
        return ("\ufeff" + dataset.export("csv")).encode("utf-8")
    # tablib writes the amounts as numbers; only openpyxl can tell Excel to show them with two decimals.
    book = load_workbook(io.BytesIO(dataset.export("xlsx")))
    sheet = book.active
    amount_columns = range(dataset.width - len(_amount_headers()) + 1, dataset.width + 1)
    for row in sheet.iter_rows(min_row=2, min_col=amount_columns.start, max_col=amount_columns.stop - 1):
        for cell in row:
            cell.number_format = "0.00"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
