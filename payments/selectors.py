"""Reads for payments: what an order's page shows."""

from django.db.models import Prefetch

from .models import Payment, Refund


def payments_for_booking(booking):
    """Attempts that matter to the customer: paid or still open, and any that were refunded."""
    return list(
        Payment.objects.filter(booking=booking)
        .exclude(status=Payment.Status.FAILED)
        .prefetch_related(Prefetch("refunds", queryset=Refund.objects.order_by("created_at")))
        .order_by("created_at")
    )
