"""Alipay: notifications signed as Alipay signs them, posted form-encoded to the real endpoint, and the
outbound calls answered by a local fake of Alipay's gateway."""

import json
from decimal import Decimal
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from booking import services as booking_services
from booking.models import Booking, BookingEvent
from booking.tests.factories import bookable_setup, make_address, make_customer, tomorrow_at
from payments import services
from payments.gateways import gateway_for
from payments.gateways.alipay import AlipayGateway
from payments.gateways.base import GatewayError, TradeState
from payments.models import NotificationRecord, Payment, Refund

from .alipay_fakes import (
    APP_ID,
    TRADE_NO,
    AlipayKeys,
    FakeAlipay,
    beijing_now,
    rsa2_valid,
    signed_string,
    trade_notification,
)
from .rsa_keys import new_key

NOTIFY = reverse("payments_notify:notify", args=["alipay"])


@pytest.fixture(scope="module")
def keys():
    return AlipayKeys(merchant=new_key(), alipay=new_key())


@pytest.fixture(scope="module")
def fake_server(keys):
    fake = FakeAlipay(keys)
    yield fake
    fake.close()


@pytest.fixture
def fake_alipay(keys, settings, fake_server):
    settings.ALIPAY = keys.settings()
    fake_server.answers, fake_server.requests, fake_server.key = {}, [], keys.alipay
    # The SDK has no public option for its gateway URL; the pinned 3.4.0 keeps it here (see the notes).
    gateway_for("alipay").client._gateway = fake_server.url
    return fake_server


def pending_booking(catalog):
    bookable_setup(catalog)
    customer = make_customer()
    return booking_services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(customer, catalog.rencheng),
    )


def open_payment(catalog, method="page"):
    return services.start_payment(
        pending_booking(catalog), channel="alipay", method=method, client_ip="1.2.3.4"
    )


@pytest.fixture
def payment(catalog, fake_alipay):
    return open_payment(catalog)[0]


def post(client, params):
    return client.post(NOTIFY, urlencode(params), content_type="application/x-www-form-urlencoded")


def booking_of(payment):
    return Booking.objects.get(pk=payment.booking_id)


def paid(payment, refunded="0.00"):
    """The payment, paid with TRADE_NO as if its notification had arrived, with ``refunded`` reserved."""
    Payment.objects.filter(pk=payment.pk).update(
        status=Payment.Status.PAID, transaction_id=TRADE_NO, paid_at=timezone.now(), refunded_amount=refunded
    )
    payment.refresh_from_db()
    return payment


# Opening the payment ---------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "product_code"), [("page", "FAST_INSTANT_TRADE_PAY"), ("wap", "QUICK_WAP_PAY")]
)
def test_checkout_is_a_request_to_alipay_signed_with_the_merchant_key(
    catalog, keys, settings, method, product_code
):
    settings.ALIPAY = keys.settings()
    payment, checkout = open_payment(catalog, method)
    assert checkout.kind == "redirect"
    gateway, query = checkout.url.split("?", 1)
    assert gateway == "https://openapi.alipay.com/gateway.do"
    params = dict(parse_qsl(query, keep_blank_values=True))
    assert rsa2_valid(keys.merchant.public_key(), signed_string(params, without=("sign",)), params["sign"])
    assert (params["app_id"], params["sign_type"], params["charset"]) == (APP_ID, "RSA2", "utf-8")
    assert params["method"] == f"alipay.trade.{method}.pay"
    assert urlsplit(params["notify_url"]).path == NOTIFY
    assert urlsplit(params["return_url"]).path == reverse("payments:return", args=[payment.out_trade_no])
    order = json.loads(params["biz_content"])
    assert order["out_trade_no"] == payment.out_trade_no
    assert order["total_amount"] == str(payment.amount) == "120.00"
    assert order["product_code"] == product_code
    assert order["time_expire"] == timezone.localtime(payment.expires_at).strftime("%Y-%m-%d %H:%M:%S")
    assert booking_of(payment).number in order["subject"]


def test_the_sandbox_setting_points_at_alipays_sandbox(keys):
    gateway = AlipayGateway(keys.settings(OPEN_SANDBOX=True))
    assert urlsplit(gateway.client._gateway).hostname == "openapi-sandbox.dl.alipaydev.com"


# Notifications ---------------------------------------------------------------------------------------------


def outcomes():
    return list(NotificationRecord.objects.order_by("pk").values_list("outcome", flat=True))


@pytest.mark.django_db
def test_a_genuine_notification_confirms_the_order(client, keys, payment):
    response = post(client, keys.sign(trade_notification(payment)))
    assert response.status_code == 200 and response.content == b"success"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID and payment.transaction_id == TRADE_NO
    assert timezone.localtime(payment.paid_at).strftime("%Y-%m-%d %H:%M:%S") == "2026-11-22 09:58:30"
    assert booking_of(payment).status == Booking.Status.ASSIGNED
    assert BookingEvent.objects.filter(booking_id=payment.booking_id, action="confirm").count() == 1
    record = NotificationRecord.objects.get()
    assert (record.channel, record.kind, record.outcome) == ("alipay", "payment", "applied")
    assert record.reference == payment.out_trade_no


@pytest.mark.django_db
def test_a_replayed_notification_is_acknowledged_and_changes_nothing_more(client, keys, payment):
    notification = keys.sign(trade_notification(payment))
    for _attempt in range(4):
        response = post(client, notification)
        assert response.status_code == 200 and response.content == b"success"
    assert booking_of(payment).status == Booking.Status.ASSIGNED
    assert BookingEvent.objects.filter(booking_id=payment.booking_id, action="confirm").count() == 1
    assert outcomes() == ["applied", "duplicate", "duplicate", "duplicate"]


def _tampered_amount(keys, payment):
    return {**keys.sign(trade_notification(payment)), "total_amount": "0.01"}


def _without_sign(keys, payment):
    notification = keys.sign(trade_notification(payment))
    del notification["sign"]
    return notification


REJECTED = {
    "bad signature": lambda keys, p: {
        **keys.sign(trade_notification(p)),
        "sign": keys.sign(trade_notification(p, notify_id="another"))["sign"],
    },
    "amount changed after signing": _tampered_amount,
    "signed with another key": lambda keys, p: keys.sign(trade_notification(p), key=keys.merchant),
    "another app": lambda keys, p: keys.sign(trade_notification(p, app_id="2021000000000000")),
    "another seller": lambda keys, p: keys.sign(trade_notification(p, seller_id="2088000000000000")),
    "not the order's price": lambda keys, p: keys.sign(
        trade_notification(p, total_amount="0.01", receipt_amount="0.01", buyer_pay_amount="0.01")
    ),
    "stale notify_time": lambda keys, p: keys.sign(trade_notification(p, notify_time=beijing_now(hours=-2))),
    "notify_time far in the future": lambda keys, p: keys.sign(
        trade_notification(p, notify_time=beijing_now(days=1))
    ),
    "no notify_time": lambda keys, p: keys.sign(trade_notification(p, notify_time=None)),
    "sign_type RSA": lambda keys, p: keys.sign(trade_notification(p, sign_type="RSA")),
    "no sign_type": lambda keys, p: keys.sign(trade_notification(p, sign_type=None)),
    "sign not base64": lambda keys, p: {**keys.sign(trade_notification(p)), "sign": "%%not-base64%%"},
    "no sign": _without_sign,
    "waiting for the buyer": lambda keys, p: keys.sign(
        trade_notification(p, trade_status="WAIT_BUYER_PAY", gmt_payment=None)
    ),
    "closed unpaid": lambda keys, p: keys.sign(trade_notification(p, trade_status="TRADE_CLOSED")),
    "unknown trade": lambda keys, p: keys.sign(trade_notification(p, out_trade_no="SM20991231-0001-XXXXXX")),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", REJECTED)
def test_forged_or_mismatched_notifications_change_nothing(client, keys, payment, case):
    response = post(client, REJECTED[case](keys, payment))
    assert 400 <= response.status_code < 500 and response.content == b"fail"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.CREATED and payment.transaction_id == ""
    assert booking_of(payment).status == Booking.Status.PENDING
    record = NotificationRecord.objects.get()
    assert (record.channel, record.outcome) == ("alipay", "rejected") and record.reason


@pytest.mark.django_db
def test_garbage_is_refused_not_a_server_error(client, keys, payment):
    notification = keys.sign(trade_notification(payment))
    assert client.post(NOTIFY, notification).status_code == 400  # multipart: Alipay posts form-encoded
    assert client.post(NOTIFY, json.dumps(notification), content_type="application/json").status_code == 400
    assert client.post(NOTIFY, "", content_type="application/x-www-form-urlencoded").status_code == 400
    assert client.get(NOTIFY).status_code == 405
    assert booking_of(payment).status == Booking.Status.PENDING
    assert outcomes() == ["rejected"] * 3


@pytest.mark.django_db
def test_the_notification_after_a_refund_settles_it(client, keys, payment):
    refund = services.request_refund(paid(payment), Decimal("50.00"), kind="goodwill", reason="迟到补偿")
    # In this test's transaction the refund is never submitted: only the notification can settle it.
    notification = trade_notification(
        payment,
        out_biz_no=refund.out_refund_no,
        refund_fee="50.00",
        gmt_refund="2026-11-22 12:00:00.123",
    )
    for _attempt in range(2):
        response = post(client, keys.sign(notification))
        assert response.status_code == 200 and response.content == b"success"
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SUCCEEDED and refund.refund_id == TRADE_NO
    assert list(NotificationRecord.objects.order_by("pk").values_list("kind", "reference", "outcome")) == [
        ("refund", refund.out_refund_no, "applied"),
        ("refund", refund.out_refund_no, "duplicate"),
    ]
    assert Payment.objects.get(pk=payment.pk).status == Payment.Status.PAID


# Outbound calls against the fake gateway -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_refund_is_submitted_on_commit_and_succeeds_at_once(catalog, fake_alipay):
    payment = paid(open_payment(catalog)[0])
    fake_alipay.answers["alipay.trade.refund"] = {
        "code": "10000",
        "msg": "Success",
        "trade_no": TRADE_NO,
        "out_trade_no": payment.out_trade_no,
        "buyer_logon_id": "159****5620",
        "fund_change": "Y",
        "refund_fee": "80.00",
    }
    refund = services.request_refund(payment, Decimal("80"), kind="cancellation", reason="客户取消")
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SUCCEEDED and refund.refund_id == TRADE_NO
    assert Payment.objects.get(pk=payment.pk).refunded_amount == Decimal("80.00")
    [(method, sent)] = fake_alipay.requests
    assert method == "alipay.trade.refund"
    assert sent == {
        "refund_amount": "80.00",
        "out_trade_no": payment.out_trade_no,
        "out_request_no": refund.out_refund_no,
        "refund_reason": "客户取消",
    }


@pytest.mark.django_db
def test_a_refund_alipay_refuses_fails_and_frees_the_amount(payment, fake_alipay):
    refund = services.request_refund(paid(payment), Decimal("120.00"), kind="cancellation", reason="取消")
    fake_alipay.answers["alipay.trade.refund"] = {
        "code": "40004",
        "msg": "Business Failed",
        "sub_code": "ACQ.SELLER_BALANCE_NOT_ENOUGH",
        "sub_msg": "卖家余额不足",
    }
    services.submit_refund(refund.pk)
    refund.refresh_from_db()
    assert refund.status == Refund.Status.FAILED
    assert refund.failure == "ACQ.SELLER_BALANCE_NOT_ENOUGH 卖家余额不足"
    assert Payment.objects.get(pk=payment.pk).refunded_amount == Decimal("0.00")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "answer",
    [
        {"code": "40004", "msg": "Business Failed", "sub_code": "ACQ.SYSTEM_ERROR", "sub_msg": "系统错误"},
        {"code": "20000", "msg": "Service Currently Unavailable", "sub_code": "isp.unknow-error"},
    ],
)
def test_a_refund_alipay_asks_to_retry_stays_pending(payment, fake_alipay, answer):
    refund = services.request_refund(paid(payment), Decimal("20.00"), kind="goodwill", reason="补偿")
    fake_alipay.answers["alipay.trade.refund"] = answer
    services.submit_refund(refund.pk)
    refund.refresh_from_db()
    assert (refund.status, refund.refund_id) == (Refund.Status.PENDING, "")
    assert Payment.objects.get(pk=payment.pk).refunded_amount == Decimal("20.00")


@pytest.mark.django_db
def test_a_lost_notification_is_found_by_querying_alipay(payment, fake_alipay):
    fake_alipay.answers["alipay.trade.query"] = {
        "code": "10000",
        "msg": "Success",
        "trade_no": TRADE_NO,
        "out_trade_no": payment.out_trade_no,
        "buyer_logon_id": "159****5620",
        "trade_status": "TRADE_SUCCESS",
        "total_amount": "120.00",
        "buyer_pay_amount": "120.00",
        "send_pay_date": "2026-11-22 09:58:30",
    }
    payment = services.sync_payment(payment)
    assert payment.status == Payment.Status.PAID and payment.transaction_id == TRADE_NO
    assert booking_of(payment).status == Booking.Status.ASSIGNED
    assert fake_alipay.requests == [("alipay.trade.query", {"out_trade_no": payment.out_trade_no})]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("answer", "state"),
    [
        ({"code": "10000", "trade_no": TRADE_NO, "trade_status": "WAIT_BUYER_PAY"}, TradeState.OPEN),
        ({"code": "10000", "trade_no": TRADE_NO, "trade_status": "TRADE_CLOSED"}, TradeState.CLOSED),
        ({"code": "10000", "trade_no": TRADE_NO, "trade_status": "TRADE_FINISHED"}, TradeState.PAID),
        (
            {
                "code": "40004",
                "msg": "Business Failed",
                "sub_code": "ACQ.TRADE_NOT_EXIST",
                "sub_msg": "交易不存在",
            },
            TradeState.MISSING,
        ),
    ],
)
def test_query_answers(payment, fake_alipay, answer, state):
    fake_alipay.answers["alipay.trade.query"] = {"msg": "Success", "total_amount": "120.00", **answer}
    assert gateway_for("alipay").query(payment).state == state


@pytest.mark.django_db
def test_an_unverifiable_or_absent_gateway_is_a_gateway_error(payment, fake_alipay, keys, settings):
    fake_alipay.answers["alipay.trade.query"] = {"code": "10000", "trade_status": "TRADE_SUCCESS"}
    fake_alipay.key = keys.merchant
    with pytest.raises(GatewayError):
        gateway_for("alipay").query(payment)
    settings.ALIPAY = keys.settings(APP_ID="2021000000000000")
    gateway_for("alipay").client._gateway = fake_alipay.url
    with pytest.raises(GatewayError):  # Alipay's unsigned error_response
        gateway_for("alipay").query(payment)
    gateway_for("alipay").client._gateway = "http://127.0.0.1:9/gateway.do"
    with pytest.raises(GatewayError):
        gateway_for("alipay").query(payment)
    assert services.sync_payment(payment).status == Payment.Status.CREATED


@pytest.mark.django_db
def test_closing_a_trade_the_payer_never_opened_is_fine(payment, fake_alipay):
    fake_alipay.answers["alipay.trade.close"] = {
        "code": "40004",
        "msg": "Business Failed",
        "sub_code": "ACQ.TRADE_NOT_EXIST",
        "sub_msg": "交易不存在",
    }
    services.close_payment(payment)
    assert Payment.objects.get(pk=payment.pk).status == Payment.Status.CLOSED
    assert fake_alipay.requests == [("alipay.trade.close", {"out_trade_no": payment.out_trade_no})]


@pytest.mark.django_db
def test_a_paid_trade_is_not_closed(payment, fake_alipay):
    fake_alipay.answers["alipay.trade.close"] = {
        "code": "40004",
        "msg": "Business Failed",
        "sub_code": "ACQ.TRADE_STATUS_ERROR",
        "sub_msg": "交易状态不合法",
    }
    with pytest.raises(GatewayError):
        gateway_for("alipay").close(payment)
    services.close_payment(payment)
    assert Payment.objects.get(pk=payment.pk).status == Payment.Status.CREATED
