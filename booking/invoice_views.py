"""The receipt download: for the order's customer, its provider's managers and dispatchers, and reviewers."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from providers import permissions

from .invoicing import invoice_pdf as render_invoice_pdf
from .models import Booking, Invoice


def can_download_invoice(user, booking: Booking) -> bool:
    return (
        booking.customer_id == user.pk
        or permissions.can_dispatch(user, booking.provider)
        or permissions.can_review(user)
    )


@login_required
def invoice_pdf(request, number):
    booking = get_object_or_404(Booking.objects.select_related("provider"), number=number)
    permissions.require(can_download_invoice(request.user, booking))
    invoice = Invoice.objects.filter(booking=booking).first()
    if invoice is None:
        raise Http404
    response = HttpResponse(render_invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{invoice.number}.pdf"'
    return response
