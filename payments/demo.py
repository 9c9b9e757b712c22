"""Demo payments: current orders are paid through the sandbox channel, exactly as a customer would pay."""

from datetime import timedelta

from booking.models import Booking

from . import services
from .gateways import gateway_for
from .gateways.base import to_fen
from .models import Channel, Payment, SandboxTrade


def pay_in_sandbox(booking: Booking) -> Booking:
    """Pay a pending order at the sandbox cashier; the signed notification confirms and assigns it."""
    payment, _checkout = services.start_payment(booking, channel=Channel.SANDBOX, language="zh-hans")
    signed = gateway_for(Channel.SANDBOX).pay(payment.out_trade_no)
    services.handle_notification(
        Channel.SANDBOX, headers=signed["headers"], body=signed["body"], remote_addr="127.0.0.1"
    )
    return Booking.objects.get(pk=booking.pk)


def record_past_payments() -> int:
    """Orders of the past were written as history (the booking rules refuse past times); their payments are
    written the same way, in the sandbox's ledger too, so that statements and reconciliation agree."""
    count = 0
    past = Booking.objects.filter(
        status__in=[Booking.Status.COMPLETED, Booking.Status.NO_SHOW], payments__isnull=True
    )
    for booking in past:
        out_trade_no = f"{booking.number}-DEMO00"
        transaction_id = f"42{booking.pk:026d}"
        paid_at = booking.start - timedelta(days=1)
        Payment.objects.create(
            booking=booking,
            channel=Channel.SANDBOX,
            method="cashier",
            out_trade_no=out_trade_no,
            transaction_id=transaction_id,
            amount=booking.price,
            status=Payment.Status.PAID,
            expires_at=paid_at,
            paid_at=paid_at,
        )
        SandboxTrade.objects.create(
            out_trade_no=out_trade_no,
            transaction_id=transaction_id,
            amount_fen=to_fen(booking.price),
            state="SUCCESS",
            description=booking.number,
            time_expire=paid_at,
        )
        count += 1
    return count
