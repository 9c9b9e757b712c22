"""Alipay (open platform, RSA2 public-key mode) through ``python-alipay-sdk``.

The SDK signs requests and checks signatures, nothing more: which app and seller a notification is for, and
how old it is, are checked here; the amount against our Payment in services.record_paid."""

from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from alipay import AliPay
from alipay.exceptions import AliPayException
from alipay.utils import AliPayConfig
from django.http import HttpResponse
from django.utils import timezone

from .base import FEN, Checkout, Gateway, GatewayError, Notice, NotificationRejected, RefundState, TradeState

# Alipay writes every time as Beijing wall-clock time without an offset, whatever our TIME_ZONE is.
BEIJING = ZoneInfo("Asia/Shanghai")
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
SUCCESS = "10000"
PAID_STATUSES = {"TRADE_SUCCESS", "TRADE_FINISHED"}
TRADE_STATES = {
    "TRADE_SUCCESS": TradeState.PAID,
    "TRADE_FINISHED": TradeState.PAID,
    "WAIT_BUYER_PAY": TradeState.OPEN,
    "TRADE_CLOSED": TradeState.CLOSED,
}
TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST"
# Answers that say "try again with the same parameters", not "no".
RETRYABLE = {"20000", "ACQ.SYSTEM_ERROR"}


def yuan(amount: Decimal) -> str:
    """The SDK puts amounts into JSON as they are: a Decimal raises, a float goes out as a number."""
    return str(Decimal(amount).quantize(FEN))


def beijing_time(value: str) -> datetime:
    return datetime.strptime(value, TIME_FORMAT).replace(tzinfo=BEIJING)


def _paid_at(value) -> datetime | None:
    """A missing or unreadable payment time is no reason to lose a payment: services then use now."""
    try:
        return beijing_time(value) if value else None
    except ValueError:
        return None


class AlipayGateway(Gateway):
    channel = "alipay"
    methods = ("page", "wap")

    def __init__(self, config, *, max_age_seconds=3600, timeout=10):
        self.app_id, self.seller_id = str(config["APP_ID"]), config.get("SELLER_ID") or ""
        self.max_age = timedelta(seconds=max_age_seconds)
        # The SDK's requests go through urllib; its one knob is this socket timeout (default 15 s).
        self.client = AliPay(
            appid=self.app_id,
            app_notify_url=None,
            app_private_key_string=config["PRIVATE_KEY"],
            alipay_public_key_string=config["PUBLIC_KEY"],
            sign_type="RSA2",
            debug=bool(config.get("OPEN_SANDBOX")),
            config=AliPayConfig(timeout=timeout),
        )

    # Outbound ---------------------------------------------------------------------------------------

    def _call(self, operation, **kwargs) -> dict:
        try:
            return operation(**kwargs)
        except Exception as exc:  # urllib errors, unsigned error answers, bad signatures, garbage JSON
            raise GatewayError(f"Alipay unreachable or unverifiable: {type(exc).__name__}: {exc}") from exc

    def start(self, payment, *, method, description, return_url, notify_url, client_ip, openid=""):
        pay = (
            self.client.api_alipay_trade_wap_pay if method == "wap" else self.client.api_alipay_trade_page_pay
        )
        query_string = pay(
            subject=description[:256],
            out_trade_no=payment.out_trade_no,
            total_amount=yuan(payment.amount),
            return_url=return_url,
            notify_url=notify_url,
            time_expire=payment.expires_at.astimezone(BEIJING).strftime(TIME_FORMAT),
        )
        # The trade opens when the payer's browser brings this signed request to Alipay.
        return Checkout(kind="redirect", url=f"{self.client._gateway}?{query_string}")

    def query(self, payment):
        data = self._call(self.client.api_alipay_trade_query, out_trade_no=payment.out_trade_no)
        if data.get("code") != SUCCESS:
            if data.get("sub_code") == TRADE_NOT_EXIST:
                return TradeState(payment.out_trade_no, TradeState.MISSING, gateway_state=TRADE_NOT_EXIST)
            raise GatewayError(f"Alipay query failed: {_error(data)}")
        status = data.get("trade_status", "")
        if status not in TRADE_STATES:
            raise GatewayError(f"Alipay answered an unknown trade status {status!r}")
        return TradeState(
            payment.out_trade_no,
            TRADE_STATES[status],
            transaction_id=data.get("trade_no", ""),
            amount=_amount(data.get("total_amount")),
            paid_at=_paid_at(data.get("send_pay_date")),
            gateway_state=status,
        )

    def close(self, payment):
        data = self._call(self.client.api_alipay_trade_close, out_trade_no=payment.out_trade_no)
        # Alipay creates the trade only when the payer opens the cashier: one never opened cannot be paid.
        if data.get("code") != SUCCESS and data.get("sub_code") != TRADE_NOT_EXIST:
            raise GatewayError(f"Alipay close failed: {_error(data)}")

    def refund(self, refund, *, notify_url):
        # Alipay has no per-refund notify_url: its refund notifications go to the trade's.
        data = self._call(
            self.client.api_alipay_trade_refund,
            refund_amount=yuan(refund.amount),
            out_trade_no=refund.payment.out_trade_no,
            out_request_no=refund.out_refund_no,
            refund_reason=refund.reason,
        )
        if data.get("code") == SUCCESS:
            # Refunds are synchronous; fund_change=N means this out_request_no had been refunded already.
            return RefundState(
                refund.out_refund_no,
                RefundState.SUCCEEDED,
                refund_id=data.get("trade_no", ""),
                amount=refund.amount,
                gateway_state=f"fund_change={data.get('fund_change', '')}",
            )
        if data.get("code") in RETRYABLE or data.get("sub_code") in RETRYABLE:
            raise GatewayError(f"Alipay asks to retry the refund: {_error(data)}")
        return RefundState(refund.out_refund_no, RefundState.FAILED, gateway_state=_error(data))

    # Inbound ----------------------------------------------------------------------------------------

    def verify_notification(self, headers, body, params):
        data = dict(params)
        reference = data.get("out_trade_no", "")
        signature = data.pop("sign", "")
        if not signature:
            raise NotificationRejected("no signature", reference)
        if data.get("sign_type") != self.client.sign_type:
            raise NotificationRejected(f"unsupported sign type {data.get('sign_type')!r}", reference)
        try:
            # verify() drops sign_type from the dict it is given: hand it a copy.
            genuine = self.client.verify(dict(data), signature)
        except (AliPayException, ValueError, TypeError) as exc:  # binascii.Error is a ValueError
            raise NotificationRejected(f"unreadable signature: {exc}", reference) from exc
        if not genuine:
            raise NotificationRejected("bad signature", reference)
        # What follows is signed by Alipay, but the SDK checks none of it.
        if data.get("app_id") != self.app_id:
            raise NotificationRejected("another app's notification", reference)
        if self.seller_id and data.get("seller_id") != self.seller_id:
            raise NotificationRejected("another seller's notification", reference)
        self._check_age(data.get("notify_time", ""), reference)
        status = data.get("trade_status", "")
        # After a refund Alipay notifies again about the trade, naming the refund request in out_biz_no.
        if data.get("out_biz_no"):
            return Notice(
                refund=RefundState(
                    data["out_biz_no"],
                    RefundState.SUCCEEDED,
                    refund_id=data.get("trade_no", ""),
                    # refund_fee is what was refunded on the whole trade so far, not by this request.
                    amount=None,
                    gateway_state=status,
                )
            )
        if status not in PAID_STATUSES:
            raise NotificationRejected(f"trade status {status!r} is not a payment", reference)
        amount = _amount(data.get("total_amount"))
        if amount is None:
            raise NotificationRejected("no readable total_amount", reference)
        return Notice(
            trade=TradeState(
                reference,
                TradeState.PAID,
                transaction_id=data.get("trade_no", ""),
                amount=amount,
                paid_at=_paid_at(data.get("gmt_payment")),
                gateway_state=status,
            )
        )

    def _check_age(self, notify_time, reference):
        try:
            sent_at = beijing_time(notify_time)
        except ValueError:
            raise NotificationRejected("missing or unreadable notify_time", reference) from None
        # notify_time is the time of this delivery, signed with it: an old one is a replay.
        if abs(timezone.now() - sent_at) > self.max_age:
            raise NotificationRejected(f"notify_time {notify_time} out of range", reference)

    def acknowledge(self):
        # Anything but exactly "success" makes Alipay deliver again, for 25 hours.
        return HttpResponse("success", content_type="text/plain")

    def refuse(self):
        return HttpResponse("fail", status=400, content_type="text/plain")


def _amount(value) -> Decimal | None:
    # Not rounded: "120.004" must not pass for 120.00 in services' comparison.
    try:
        return Decimal(value) if value else None
    except (InvalidOperation, TypeError):
        return None


def _error(data) -> str:
    return (
        f"{data.get('sub_code') or data.get('code', '')} {data.get('sub_msg') or data.get('msg', '')}".strip()
    )
