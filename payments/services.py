"""Writes for payments and refunds. Whatever a gateway says reaches these functions only after its
signature was verified; the database then guarantees that a payment becomes paid once, that a
gateway transaction is recorded once, and that refunds never exceed what was paid."""

import hashlib
import logging
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from booking.models import Booking
from booking.notifications import notify_booking_confirmed
from booking.services import confirm_and_assign, expire_unpaid, overdue_unpaid_bookings

from .errors import PaymentError
from .gateways import ChannelUnavailable, available_channels, gateway_for
from .gateways.base import GatewayError, Notice, NotificationRejected, RefundState, TradeState
from .models import Discrepancy, NotificationRecord, Payment, Refund
from .selectors import refundable_amount

logger = logging.getLogger(__name__)
Status = Payment.Status
Outcome = NotificationRecord.Outcome
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def notify_url(channel: str) -> str:
    return _absolute(reverse("payments_notify:notify", args=[channel]))


# Paying ----------------------------------------------------------------------------------------------------


def start_payment(
    booking: Booking,
    *,
    channel: str,
    method: str = "",
    client_ip: str = "",
    openid: str = "",
    language: str = "",
):
    """Open a payment attempt for a pending order; returns (payment, checkout) where checkout says what the
    payer's device must do next. Raises PaymentError with a code when the order cannot be paid that way."""
    if channel not in available_channels():
        raise PaymentError(_("This payment method is not available."), code="channel_unavailable")
    try:
        gateway = gateway_for(channel)
    except ChannelUnavailable:
        raise PaymentError(_("This payment method is not available."), code="channel_unavailable") from None
    method = method or gateway.methods[0]
    if method not in gateway.methods:
        raise PaymentError(_("This way of paying is not available for this channel."), code="invalid_method")
    if method == "jsapi" and not openid:
        raise PaymentError(_("Paying inside WeChat needs the payer's openid."), code="invalid_method")
    now = timezone.now()
    if booking.status != Booking.Status.PENDING or booking.pay_by is None or booking.pay_by <= now:
        raise PaymentError(_("This order is not waiting for payment."), code="not_payable")
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    payment = Payment.objects.create(
        booking=booking,
        channel=channel,
        method=method,
        out_trade_no=f"{booking.number}-{get_random_string(6, REFERENCE_ALPHABET)}",
        amount=booking.price,
        expires_at=booking.pay_by,
        language=language,
    )
    with translation.override(language):
        return_url = _absolute(reverse("payments:return", args=[payment.out_trade_no]))
        description = f"{_('Shangmen Jining')} {booking.number} {booking.service.localized.title}"
    try:
        checkout = gateway.start(
            payment,
            method=method,
            description=description,
            return_url=return_url,
            notify_url=notify_url(channel),
            client_ip=client_ip or "127.0.0.1",
            openid=openid,
        )
    except GatewayError:
        logger.warning("Could not open payment %s", payment.out_trade_no, exc_info=True)
        Payment.objects.filter(pk=payment.pk, status=Status.CREATED).update(status=Status.FAILED)
        raise PaymentError(
            _("The payment service did not answer. Please try again in a moment."), code="gateway_unavailable"
        ) from None
    return payment, checkout


def handle_notification(channel: str, *, headers, body: bytes, params=None, remote_addr=None) -> bool:
    """Verify a gateway's notification and apply it; True when the gateway should stop sending it.

    Whatever happens is recorded; a rejected notification changes nothing else."""
    record = NotificationRecord(
        channel=channel if channel in dict(Payment._meta.get_field("channel").choices) else "",
        kind="unknown",
        remote_addr=remote_addr,
        body_sha256=hashlib.sha256(body or b"").hexdigest(),
    )
    try:
        gateway = gateway_for(channel)
        notice = gateway.verify_notification(headers, body, params or {})
        record.kind, record.reference = ("payment" if notice.trade else "refund"), notice.reference
        record.outcome = apply_notice(channel, notice)
    except (ChannelUnavailable, NotificationRejected) as rejection:
        record.outcome = Outcome.REJECTED
        record.reason = getattr(rejection, "reason", "channel not configured")[:200]
        record.reference = record.reference or getattr(rejection, "reference", "")
        logger.warning("Rejected %s notification %s: %s", channel, record.reference, record.reason)
    record.save()
    return record.outcome != Outcome.REJECTED


def apply_notice(channel: str, notice: Notice) -> str:
    if notice.trade is not None:
        if notice.trade.state != TradeState.PAID:
            raise NotificationRejected(f"trade not paid ({notice.trade.gateway_state})", notice.reference)
        return record_paid(channel, notice.trade)
    return record_refund_state(channel, notice.refund)


@transaction.atomic
def record_paid(channel: str, trade: TradeState) -> str:
    """Mark a payment paid, once, and confirm its order; a payment for an order that no longer waits for
    it (expired, cancelled, or paid another way already) is refunded in full."""
    payment = (
        Payment.objects.select_for_update().filter(channel=channel, out_trade_no=trade.out_trade_no).first()
    )
    if payment is None:
        raise NotificationRejected("unknown trade", trade.out_trade_no)
    if trade.amount != payment.amount:
        raise NotificationRejected(f"amount {trade.amount} differs from {payment.amount}", trade.out_trade_no)
    if not trade.transaction_id:
        raise NotificationRejected("no gateway transaction id", trade.out_trade_no)
    if payment.status == Status.PAID:
        if payment.transaction_id != trade.transaction_id:
            raise NotificationRejected("another transaction for a paid trade", trade.out_trade_no)
        return Outcome.DUPLICATE
    try:
        with transaction.atomic():
            changed = (
                Payment.objects.filter(pk=payment.pk)
                .exclude(status=Status.PAID)
                .update(
                    status=Status.PAID,
                    transaction_id=trade.transaction_id,
                    paid_at=trade.paid_at or timezone.now(),
                    updated_at=timezone.now(),
                )
            )
    except IntegrityError:
        raise NotificationRejected(
            "transaction id already recorded for another trade", trade.out_trade_no
        ) from None
    if not changed:
        return Outcome.DUPLICATE
    payment.refresh_from_db()
    booking = Booking.objects.select_for_update().get(pk=payment.booking_id)
    if booking.status == Booking.Status.PENDING:
        booking = confirm_and_assign(booking)
        transaction.on_commit(lambda: notify_booking_confirmed(booking, payment.language))
    else:
        request_refund(
            payment,
            payment.amount,
            kind=Refund.Kind.UNWANTED_PAYMENT,
            reason=_("Paid after the order was closed or already paid"),
        )
    return Outcome.APPLIED


def sync_payment(payment: Payment) -> Payment:
    """Ask the gateway about a payment we still think open, so that a lost notification never leaves a paid
    order unconfirmed; an expired trade the gateway did not see paid is closed."""
    if payment.status != Status.CREATED:
        return payment
    gateway = gateway_for(payment.channel)
    try:
        state = gateway.query(payment)
    except GatewayError:
        logger.warning("Could not query payment %s", payment.out_trade_no, exc_info=True)
        return payment
    if state.state == TradeState.PAID:
        try:
            record_paid(payment.channel, state)
        except NotificationRejected as rejection:
            _discrepancy(payment, ours=payment.status, gateway=state.gateway_state, detail=rejection.reason)
    # Alipay knows a trade only once the payer opens its cashier: "missing" before expiry means "not yet".
    elif state.state == TradeState.CLOSED or payment.expires_at <= timezone.now():
        close_payment(payment)
    payment.refresh_from_db()
    return payment


def close_payment(payment: Payment) -> None:
    """Close an attempt at the gateway first, so that it can no longer be paid, then in our records."""
    try:
        gateway_for(payment.channel).close(payment)
    except (GatewayError, ChannelUnavailable):
        logger.warning("Could not close payment %s; will retry", payment.out_trade_no, exc_info=True)
        return
    Payment.objects.filter(pk=payment.pk, status=Status.CREATED).update(
        status=Status.CLOSED, updated_at=timezone.now()
    )


# Refunds ---------------------------------------------------------------------------------------------------


def _refund_number(payment: Payment) -> str:
    return f"{payment.out_trade_no}-R{get_random_string(4, REFERENCE_ALPHABET)}"


@transaction.atomic
def request_refund(payment: Payment, amount: Decimal, *, kind: str, reason: str, actor=None) -> Refund:
    """Reserve ``amount`` of a paid payment for a refund and ask the gateway once the transaction commits.
    The database refuses to let the refunds of a payment exceed it, even when two are asked at once."""
    amount = Decimal(amount).quantize(Decimal("0.01"))
    if amount <= 0:
        raise PaymentError(_("A refund must be more than ¥0.00."), code="not_refundable")
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != Status.PAID:
        raise PaymentError(_("Only a paid payment can be refunded."), code="not_refundable")
    if amount > payment.amount - payment.refunded_amount:
        raise PaymentError(
            _("At most ¥%(left)s of this payment can still be refunded.")
            % {"left": payment.amount - payment.refunded_amount},
            code="refund_exceeds_payment",
        )
    try:
        with transaction.atomic():
            Payment.objects.filter(pk=payment.pk).update(refunded_amount=F("refunded_amount") + amount)
    except IntegrityError:
        raise PaymentError(
            _("The refunds would exceed what was paid."), code="refund_exceeds_payment"
        ) from None
    refund = Refund.objects.create(
        payment=payment,
        kind=kind,
        out_refund_no=_refund_number(payment),
        amount=amount,
        reason=str(reason)[:200],
        requested_by=actor,
    )
    transaction.on_commit(lambda: submit_refund(refund.pk))
    return refund


def refund_booking(booking: Booking, amount: Decimal, *, kind: str, reason: str, actor=None) -> list[Refund]:
    """Pay ``amount`` back on an order through the refund path, from its paid payments in turn."""
    left = Decimal(amount).quantize(Decimal("0.01"))
    if left > refundable_amount(booking):
        raise PaymentError(
            _("This is more than can still be refunded on the order."), code="refund_exceeds_payment"
        )
    refunds = []
    with transaction.atomic():
        for payment in booking.payments.filter(status=Status.PAID).order_by("paid_at", "pk"):
            share = min(left, payment.amount - payment.refunded_amount)
            if share > 0:
                refunds.append(request_refund(payment, share, kind=kind, reason=reason, actor=actor))
                left -= share
    return refunds


def submit_refund(refund_id: int) -> None:
    refund = Refund.objects.select_related("payment").get(pk=refund_id)
    if refund.status != Refund.Status.PENDING or refund.refund_id:
        return
    gateway = gateway_for(refund.payment.channel)
    try:
        state = gateway.refund(refund, notify_url=notify_url(refund.payment.channel))
    except GatewayError:
        logger.warning("Refund %s not accepted yet; will retry", refund.out_refund_no, exc_info=True)
        return
    try:
        record_refund_state(refund.payment.channel, state)
    except NotificationRejected as rejection:
        logger.error("Gateway's answer to refund %s disagrees: %s", refund.out_refund_no, rejection.reason)
        _discrepancy(
            refund.payment,
            ours=f"refund {refund.amount}",
            gateway=state.gateway_state,
            detail=rejection.reason,
        )
        return
    if state.state == RefundState.PENDING and refund.payment.channel == "sandbox":
        _deliver_sandbox_refund(gateway, refund, state)


def _deliver_sandbox_refund(gateway, refund, state):
    """The sandbox answers a refund at once with the signed notification a real gateway sends later."""
    from .gateways.base import to_fen

    signed = gateway.refund_notification(state, refund.payment.out_trade_no, to_fen(refund.payment.amount))
    handle_notification("sandbox", headers=signed["headers"], body=signed["body"], remote_addr="127.0.0.1")


@transaction.atomic
def record_refund_state(channel: str, state: RefundState) -> str:
    refund = (
        Refund.objects.select_for_update()
        .filter(payment__channel=channel, out_refund_no=state.out_refund_no)
        .first()
    )
    if refund is None:
        raise NotificationRejected("unknown refund", state.out_refund_no)
    if state.amount is not None and state.amount != refund.amount:
        raise NotificationRejected(
            f"refund amount {state.amount} differs from {refund.amount}", state.out_refund_no
        )
    if refund.status != Refund.Status.PENDING or state.state == RefundState.PENDING:
        if state.refund_id and not refund.refund_id:
            Refund.objects.filter(pk=refund.pk).update(refund_id=state.refund_id)
        return Outcome.DUPLICATE
    if state.state == RefundState.SUCCEEDED:
        Refund.objects.filter(pk=refund.pk, status=Refund.Status.PENDING).update(
            status=Refund.Status.SUCCEEDED,
            refund_id=state.refund_id or refund.refund_id,
            succeeded_at=timezone.now(),
        )
    else:
        Refund.objects.filter(pk=refund.pk, status=Refund.Status.PENDING).update(
            status=Refund.Status.FAILED, failure=state.gateway_state[:200]
        )
        # The reserved amount is free again; an operator can refund it another way.
        Payment.objects.filter(pk=refund.payment_id).update(
            refunded_amount=F("refunded_amount") - refund.amount
        )
    return Outcome.APPLIED


def on_booking_cancelled(sender, booking, action, **kwargs):
    """Refund what the cancellation policy gives back and close attempts still open."""
    keep = booking.cancellation_fee or Decimal("0.00")
    for payment in booking.payments.select_for_update().filter(status=Status.PAID).order_by("paid_at", "pk"):
        refundable = payment.amount - payment.refunded_amount
        withheld = min(keep, refundable)
        keep -= withheld
        if refundable - withheld > 0:
            request_refund(
                payment,
                refundable - withheld,
                kind=Refund.Kind.CANCELLATION,
                reason=_("Order %(number)s cancelled") % {"number": booking.number},
            )
    for payment in booking.payments.filter(status=Status.CREATED):
        transaction.on_commit(lambda payment=payment: close_payment(payment))


# Housekeeping ----------------------------------------------------------------------------------------------


def sweep(now=None) -> dict:
    """The periodic task: find lost notifications, give back the time of orders left unpaid, close what can no
    longer be paid and retry refunds the gateway has not accepted yet. Safe to run any time, in parallel."""
    now = now or timezone.now()
    counts = {"queried": 0, "expired": 0, "refunds_retried": 0}
    # A payer may still be at the cashier for the first minute; asking the gateway then is wasted.
    settled = Payment.objects.filter(status=Status.CREATED, created_at__lte=now - timedelta(minutes=1))
    for payment in settled.select_related("booking"):
        sync_payment(payment)
        counts["queried"] += 1
    for booking in overdue_unpaid_bookings(now):
        counts["expired"] += int(expire_unpaid(booking))
    for refund in Refund.objects.filter(status=Refund.Status.PENDING, refund_id=""):
        submit_refund(refund.pk)
        counts["refunds_retried"] += 1
    return counts


def reconcile(payments) -> list[Discrepancy]:
    """Compare our records with the gateway's answer for each payment; record and return disagreements."""
    found = []
    for payment in payments:
        try:
            state = gateway_for(payment.channel).query(payment)
        except (GatewayError, ChannelUnavailable) as error:
            found.append(_discrepancy(payment, ours=payment.status, gateway="unreachable", detail=str(error)))
            continue
        ours_paid = payment.status == Status.PAID
        if ours_paid != (state.state == TradeState.PAID) and not (
            payment.status == Status.CREATED and state.state == TradeState.OPEN
        ):
            found.append(
                _discrepancy(payment, ours=payment.status, gateway=state.gateway_state or state.state)
            )
        elif ours_paid and (state.amount != payment.amount or state.transaction_id != payment.transaction_id):
            found.append(
                _discrepancy(
                    payment,
                    ours=f"{payment.status} {payment.amount}",
                    gateway=f"{state.gateway_state} {state.amount}",
                    detail="amount or transaction differs",
                )
            )
    return found


def _discrepancy(payment, *, ours, gateway, detail=""):
    discrepancy, _created = Discrepancy.objects.get_or_create(
        payment=payment, ours=ours, gateway=gateway, resolved_at=None, defaults={"detail": detail[:200]}
    )
    return discrepancy
