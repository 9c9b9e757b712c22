"""Paying in the sandbox through the site, as a customer does, and what cancelling gives back."""

from datetime import timedelta
from decimal import Decimal
from unittest.mock import patch

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from accounts.sms import outbox as sms_outbox
from booking import services as booking_services
from booking.models import Booking, BookingEvent, StaffSlot
from booking.tests.factories import make_address, make_customer, tomorrow_at
from payments import services
from payments.errors import PaymentError
from payments.models import Payment, Refund

from .factories import pending_booking

pytestmark = pytest.mark.django_db


def pay_in_sandbox(client, booking, *, deliver=True):
    response = client.post(reverse("payments:checkout", args=[booking.number]), {"channel": "sandbox"})
    assert response.status_code == 302
    cashier = response["Location"]
    assert "/payments/sandbox/" in cashier
    page = client.get(cashier).content.decode()
    assert "沙箱" in page and "¥120.00" in page
    payment = Payment.objects.get(booking=booking, status="created")
    data = {} if deliver else {"deliver": "no"}
    response = client.post(reverse("payments:sandbox_pay", args=[payment.out_trade_no]), data)
    assert response["Location"] == reverse("payments:return", args=[payment.out_trade_no])
    return client.get(response["Location"]), payment


def test_pay_in_the_sandbox_and_see_the_order_confirmed(client, catalog):
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    page = client.get(reverse("payments:checkout", args=[booking.number])).content.decode()
    assert "沙箱" in page and booking.number in page
    sms_outbox.clear()
    with patch("django.db.transaction.on_commit", lambda callback, **kwargs: callback()):
        response, payment = pay_in_sandbox(client, booking)
    assert response["Location"] == reverse("booking:order", args=[booking.number])
    booking.refresh_from_db()
    payment.refresh_from_db()
    assert payment.status == "paid" and payment.transaction_id
    assert booking.status == Booking.Status.ASSIGNED
    assert any(booking.number in sms.message for sms in sms_outbox)
    order_page = client.get(response["Location"]).content.decode()
    assert "已支付" in order_page and "沙箱" in order_page
    # Paid orders have nothing more to pay.
    assert client.get(reverse("payments:checkout", args=[booking.number]))["Location"].endswith(
        f"/orders/{booking.number}/"
    )


def test_a_lost_notification_is_caught_by_the_return_page(client, catalog):
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    _response, payment = pay_in_sandbox(client, booking, deliver=False)
    payment.refresh_from_db()
    assert payment.status == "paid"
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.ASSIGNED


def test_cancelling_within_the_policy_refunds_in_full(client, catalog, django_capture_on_commit_callbacks):
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    pay_in_sandbox(client, booking)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("booking:cancel", args=[booking.number]))
    refund = Refund.objects.get(payment__booking=booking)
    assert (refund.kind, refund.amount, refund.status) == ("cancellation", Decimal("120.00"), "succeeded")
    page = client.get(reverse("booking:order", args=[booking.number])).content.decode()
    assert "已退款" in page and "−¥120.00" in page


def test_a_late_cancellation_keeps_the_fee_and_refunds_the_rest(client, catalog, settings):
    settings.BOOKING_MIN_NOTICE_MINUTES = 0
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    pay_in_sandbox(client, booking)
    with patch("django.utils.timezone.now", return_value=booking.start - timedelta(hours=1)):
        booking_services.cancel_by_customer(booking, customer=booking.customer)
    refund = Refund.objects.get(payment__booking=booking)
    assert refund.amount == Decimal("96.00")  # ¥120.00 less the category's 20 % late fee
    assert Booking.objects.get(pk=booking.pk).cancellation_fee == Decimal("24.00")


def test_a_provider_cancellation_refunds_in_full(client, catalog):
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    pay_in_sandbox(client, booking)
    booking_services.move_booking(
        booking, "cancel_by_provider", actor=None, role=booking_services.DISPATCHER, reason="生病"
    )
    assert Refund.objects.get(payment__booking=booking).amount == Decimal("120.00")


def test_refunds_never_exceed_what_was_paid(client, catalog):
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    _response, payment = pay_in_sandbox(client, booking)
    services.refund_booking(booking, Decimal("100.00"), kind="compensation", reason="打碎花瓶")
    with pytest.raises(PaymentError) as excinfo:
        services.request_refund(payment, Decimal("20.01"), kind="goodwill", reason="再补一点")
    assert excinfo.value.code == "refund_exceeds_payment"
    with pytest.raises(PaymentError):
        services.refund_booking(booking, Decimal("20.01"), kind="compensation", reason="再补一点")
    with pytest.raises(PaymentError):
        services.request_refund(payment, Decimal("0"), kind="goodwill", reason="零")
    # The database holds the line even for code that skips the checks.
    with pytest.raises(IntegrityError):
        Payment.objects.filter(pk=payment.pk).update(refunded_amount=Decimal("120.01"))


def test_an_unpaid_order_past_its_window_gives_its_time_back(catalog):
    booking = pending_booking(catalog)
    assert StaffSlot.objects.filter(booking=booking).exists()
    later = booking.pay_by + timedelta(seconds=1)
    with patch("django.utils.timezone.now", return_value=later):
        call_command("payments_sweep", stdout=open("/dev/null", "w"))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED_BY_PLATFORM
    assert not StaffSlot.objects.filter(booking=booking).exists()
    event = BookingEvent.objects.get(booking=booking, action="cancel_by_platform")
    assert event.reason_display == "未按时支付，时间已释放。"


def test_another_customer_can_take_a_time_left_unpaid_even_before_the_sweep(catalog):
    booking = pending_booking(catalog)
    other = make_customer()
    with patch("django.utils.timezone.now", return_value=booking.pay_by + timedelta(minutes=1)):
        taken = booking_services.create_booking(
            customer=other,
            service=catalog.daily,
            start=tomorrow_at(10),
            address=make_address(other, catalog.rencheng),
        )
    assert taken.staff_id == booking.staff_id
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CANCELLED_BY_PLATFORM


def test_an_order_past_its_window_cannot_be_paid(client, catalog):
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    Booking.objects.filter(pk=booking.pk).update(pay_by=timezone.now() - timedelta(seconds=1))
    response = client.post(reverse("payments:checkout", args=[booking.number]), {"channel": "sandbox"})
    assert response.status_code == 302
    assert "不在等待支付" in client.get(response["Location"]).content.decode()
    assert not Payment.objects.filter(booking=booking).exists()


def test_an_unknown_channel_is_a_clear_message(client, catalog):
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    response = client.post(
        reverse("payments:checkout", args=[booking.number]), {"channel": "paypal"}, follow=True
    )
    assert "此支付方式不可用" in response.content.decode()
    assert not Payment.objects.exists()


def test_other_customers_cannot_pay_see_or_return_someone_elses_order(client, catalog):
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    client.post(reverse("payments:checkout", args=[booking.number]), {"channel": "sandbox"})
    payment = Payment.objects.get(booking=booking)
    client.force_login(make_customer())
    assert client.get(reverse("payments:checkout", args=[booking.number])).status_code == 404
    assert (
        client.post(reverse("payments:checkout", args=[booking.number]), {"channel": "sandbox"}).status_code
        == 404
    )
    assert client.get(reverse("payments:sandbox_cashier", args=[payment.out_trade_no])).status_code == 404
    assert client.post(reverse("payments:sandbox_pay", args=[payment.out_trade_no])).status_code == 404
    assert client.get(reverse("payments:return", args=[payment.out_trade_no])).status_code == 404
    payment.refresh_from_db()
    assert payment.status == "created"


def test_the_sandbox_is_off_where_it_is_not_configured(client, catalog, settings):
    booking = pending_booking(catalog)
    client.force_login(booking.customer)
    settings.PAYMENTS_SANDBOX = False
    page = client.get(reverse("payments:checkout", args=[booking.number])).content.decode()
    assert "沙箱" not in page and "未配置" in page
    response = client.post(reverse("payments:checkout", args=[booking.number]), {"channel": "sandbox"})
    assert response.status_code == 302 and not Payment.objects.exists()
