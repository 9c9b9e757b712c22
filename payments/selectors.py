"""Reads for payments: what an order's page and the order resources of the API show."""

from decimal import Decimal

from django.db.models import F, Prefetch, Sum

from .models import Payment, Refund

ZERO = Decimal("0.00")


def refundable_amount(booking) -> Decimal:
    """What can still be paid back on an order: its paid payments less what was refunded from them."""
    left = Payment.objects.filter(booking=booking, status=Payment.Status.PAID).aggregate(
        left=Sum(F("amount") - F("refunded_amount"))
    )["left"]
    return (left or ZERO).quantize(ZERO)


def payments_for_booking(booking):
    """Attempts that matter to the customer: paid or still open, and any that were refunded."""
    return list(
        Payment.objects.filter(booking=booking)
        .exclude(status=Payment.Status.FAILED)
        .prefetch_related(Prefetch("refunds", queryset=Refund.objects.order_by("created_at")))
        .order_by("created_at")
    )


def payment_summaries(bookings) -> dict:
    """{booking id: summary} for ``bookings``, in two queries whatever their number. Only paid attempts count:
    the state is unpaid, paid, partially_refunded or refunded (refunds being made included)."""
    paid = (
        Payment.objects.filter(booking__in=[booking.pk for booking in bookings], status=Payment.Status.PAID)
        .prefetch_related(Prefetch("refunds", queryset=Refund.objects.order_by("created_at", "pk")))
        .order_by("paid_at", "pk")
    )
    summaries = {}
    for payment in paid:
        summary = summaries.setdefault(
            payment.booking_id,
            {
                "amount": ZERO,
                "refunded": ZERO,
                "channel": payment.channel,
                "paid_at": payment.paid_at,
                "refunds": [],
            },
        )
        summary["amount"] += payment.amount
        summary["refunded"] += payment.refunded_amount
        summary["refunds"] += [
            {
                "out_refund_no": refund.out_refund_no,
                "amount": refund.amount,
                "status": refund.status,
                "status_display": refund.get_status_display(),
                "kind": refund.kind,
                "kind_display": refund.get_kind_display(),
                "requested_at": refund.created_at,
                "refunded_at": refund.succeeded_at,
            }
            for refund in payment.refunds.all()
        ]
    for summary in summaries.values():
        summary["state"] = (
            "refunded"
            if summary["refunded"] >= summary["amount"]
            else "partially_refunded"
            if summary["refunded"] > 0
            else "paid"
        )
    return summaries
