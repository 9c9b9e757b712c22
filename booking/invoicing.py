"""Receipts of completed orders: issued once, numbered without gaps per year, frozen at issue.

The PDF is bilingual whatever the reader's language, like the provider certificates: its fixed wording
is written in both languages here and in the template rather than taken from the catalogs, so that a
snapshot never freezes a wording that a lagging catalog left untranslated.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from providers.pdf import render_pdf
from providers.selectors import LOCAL_TIME

from .errors import BookingError
from .models import Booking, Invoice, InvoiceSequence

PDF_TEMPLATE = "booking/pdf/invoice.html"
PLATFORM_NAME_ZH = "济宁上门平台"
PLATFORM_NAME_EN = "Shangmen Jining platform"
TAX_NOTE_ZH = "价格含增值税。本凭证为服务收据；如需增值税发票，请联系服务商开具。"
TAX_NOTE_EN = "Price includes VAT. This is a service receipt; ask the provider for a VAT fapiao."


def issue_invoice(booking: Booking) -> Invoice:
    """The receipt of a completed booking; issuing again returns the one already issued."""
    with transaction.atomic():
        # The lock makes a second issue of the same booking wait, then find the first one's invoice.
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("customer", "service", "provider", "staff")
            .get(pk=booking.pk)
        )
        existing = Invoice.objects.filter(booking=booking).first()
        if existing is not None:
            return existing
        if booking.status != Booking.Status.COMPLETED:
            raise BookingError(
                _("A receipt can only be issued once the order is completed."), code="not_completed"
            )
        year = timezone.localtime(timezone.now(), LOCAL_TIME).year
        return Invoice.objects.create(
            booking=booking, number=_next_invoice_number(year), snapshot=_snapshot(booking)
        )


def _next_invoice_number(year: int) -> str:
    """SMI-2026-000001. The UPDATE locks the year's row until the caller's transaction ends, so concurrent
    issues take consecutive numbers and a failed issue gives its number back with the rollback."""
    InvoiceSequence.objects.get_or_create(year=year)
    InvoiceSequence.objects.filter(year=year).update(last=F("last") + 1)
    last = InvoiceSequence.objects.values_list("last", flat=True).get(year=year)
    return f"SMI-{year}-{last:06d}"


def _snapshot(booking: Booking) -> dict:
    service_en = booking.service.get_translations().filter(locale__language_code="en").live().first()
    provider = booking.provider
    return {
        "order_number": booking.number,
        "service_zh": booking.service.title,
        "service_en": service_en.title if service_en else "",
        "service_time_zh": _service_time(booking, "zh-hans", "Y年n月j日"),
        "service_time_en": _service_time(booking, "en", "j M Y,"),
        "staff_name": booking.staff.real_name,
        "provider_name_zh": provider.legal_name_zh,
        "provider_name_en": provider.legal_name_en,
        "provider_uscc": provider.uscc,
        "customer_name": booking.customer.display_name,
        "customer_phone": booking.customer.masked_phone,
        "amount": str(booking.price),
        "tax_note_zh": TAX_NOTE_ZH,
        "tax_note_en": TAX_NOTE_EN,
        "platform_name_zh": PLATFORM_NAME_ZH,
        "platform_name_en": PLATFORM_NAME_EN,
        "platform_url": settings.SITE_URL,
    }


def _service_time(booking: Booking, language: str, date_format: str) -> str:
    start = timezone.localtime(booking.start, LOCAL_TIME)
    end = timezone.localtime(booking.end, LOCAL_TIME)
    with translation.override(language):
        day = formats.date_format(start, date_format)
    return f"{day} {start:%H:%M}–{end:%H:%M}"


def invoice_pdf(invoice: Invoice) -> bytes:
    return render_pdf(PDF_TEMPLATE, {"invoice": invoice, "receipt": invoice.snapshot})
