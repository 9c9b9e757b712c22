"""WeChat Pay API v3 through ``wechatpayv3``, in its public-key mode (no certificate download)."""

import json
import logging
import time
from datetime import datetime

from django.utils import timezone
from django.utils.crypto import get_random_string
from wechatpayv3 import WeChatPay, WeChatPayType

from .base import (
    Checkout,
    Gateway,
    GatewayError,
    Notice,
    NotificationRejected,
    RefundState,
    TradeState,
    from_fen,
    to_fen,
)

logger = logging.getLogger(__name__)

SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048"
HEADERS = ("Signature", "Timestamp", "Nonce", "Serial", "Signature-Type")
TRADE_STATES = {
    "SUCCESS": TradeState.PAID,
    "REFUND": TradeState.PAID,
    "NOTPAY": TradeState.OPEN,
    "USERPAYING": TradeState.OPEN,
    "CLOSED": TradeState.CLOSED,
    "REVOKED": TradeState.CLOSED,
    "PAYERROR": TradeState.CLOSED,
}
REFUND_STATES = {
    "SUCCESS": RefundState.SUCCEEDED,
    "PROCESSING": RefundState.PENDING,
    "CLOSED": RefundState.FAILED,
    "ABNORMAL": RefundState.FAILED,
}
METHODS = {"native": WeChatPayType.NATIVE, "h5": WeChatPayType.H5, "jsapi": WeChatPayType.JSAPI}


class WeChatPayGateway(Gateway):
    channel = "wechat"
    methods = tuple(METHODS)

    def __init__(
        self,
        *,
        mchid,
        appid,
        private_key,
        cert_serial_no,
        apiv3_key,
        public_key,
        public_key_id,
        max_age_seconds=300,
        timeout=(5, 15),
    ):
        self.mchid, self.appid, self.public_key_id = mchid, appid, public_key_id
        self.max_age_seconds = max_age_seconds
        # Public-key mode builds with no network; the logger stays off: at DEBUG the SDK logs the
        # Authorization header and decrypted payer data.
        self.client = WeChatPay(
            wechatpay_type=WeChatPayType.NATIVE,
            mchid=mchid,
            private_key=private_key,
            cert_serial_no=cert_serial_no,
            appid=appid,
            apiv3_key=apiv3_key,
            public_key=public_key,
            public_key_id=public_key_id,
            timeout=timeout,
        )

    # Outbound ---------------------------------------------------------------------------------------

    def _call(self, operation, *args, **kwargs):
        try:
            status, text = operation(*args, **kwargs)
        except Exception as exc:  # the SDK raises bare Exceptions for transport and signature failures
            raise GatewayError(f"WeChat Pay unreachable or unverifiable: {exc}") from exc
        try:
            data = json.loads(text) if text else {}
        except (TypeError, ValueError):
            data = {}
        return status, data

    def start(self, payment, *, method, description, return_url, notify_url, client_ip, openid=""):
        kwargs = {
            "description": description[:127],
            "out_trade_no": payment.out_trade_no,
            "amount": {"total": to_fen(payment.amount), "currency": "CNY"},
            "time_expire": timezone.localtime(payment.expires_at).isoformat(timespec="seconds"),
            "notify_url": notify_url,
            "pay_type": METHODS[method],
        }
        if method == "h5":
            kwargs["scene_info"] = {"payer_client_ip": client_ip, "h5_info": {"type": "Wap"}}
        if method == "jsapi":
            kwargs["payer"] = {"openid": openid}
        status, data = self._call(self.client.pay, **kwargs)
        if status != 200:
            raise GatewayError(
                f"WeChat Pay refused the order: {status} {data.get('code')} {data.get('message')}"
            )
        if method == "native":
            return Checkout(kind="qr", url=data["code_url"])
        if method == "h5":
            return Checkout(kind="redirect", url=data["h5_url"])
        return Checkout(kind="jsapi", params=self.jsapi_parameters(data["prepay_id"]))

    def jsapi_parameters(self, prepay_id):
        timestamp, nonce = str(int(time.time())), get_random_string(32)
        package = f"prepay_id={prepay_id}"
        return {
            "appId": self.appid,
            "timeStamp": timestamp,
            "nonceStr": nonce,
            "package": package,
            "signType": "RSA",
            "paySign": self.client.sign([self.appid, timestamp, nonce, package]),
        }

    def query(self, payment):
        status, data = self._call(self.client.query, out_trade_no=payment.out_trade_no)
        if status == 404:
            return TradeState(payment.out_trade_no, TradeState.MISSING, gateway_state=data.get("code", ""))
        if status != 200:
            raise GatewayError(f"WeChat Pay query failed: {status} {data.get('code')}")
        return self._trade(data)

    def close(self, payment):
        status, data = self._call(self.client.close, out_trade_no=payment.out_trade_no)
        if status not in (200, 204):
            raise GatewayError(f"WeChat Pay close failed: {status} {data.get('code')}")

    def refund(self, refund, *, notify_url):
        payment = refund.payment
        status, data = self._call(
            self.client.refund,
            out_refund_no=refund.out_refund_no,
            amount={"refund": to_fen(refund.amount), "total": to_fen(payment.amount), "currency": "CNY"},
            out_trade_no=payment.out_trade_no,
            reason=refund.reason[:80],
            notify_url=notify_url,
        )
        if status != 200:
            return RefundState(
                refund.out_refund_no,
                RefundState.FAILED,
                gateway_state=f"{data.get('code')} {data.get('message')}",
            )
        return self._refund(data)

    # Inbound ----------------------------------------------------------------------------------------

    def verify_notification(self, headers, body, params):
        wanted = {f"Wechatpay-{name}": headers.get(f"Wechatpay-{name}", "") for name in HEADERS}
        if wanted["Wechatpay-Signature-Type"] != SIGNATURE_TYPE:
            raise NotificationRejected("missing or unsupported signature type")
        # An unknown serial would make the SDK download certificates inside the request: refuse first.
        if wanted["Wechatpay-Serial"] != self.public_key_id:
            raise NotificationRejected("unknown platform key serial")
        try:
            sent_at = int(wanted["Wechatpay-Timestamp"])
        except ValueError:
            raise NotificationRejected("missing timestamp") from None
        if abs(time.time() - sent_at) > self.max_age_seconds:
            raise NotificationRejected("stale timestamp")
        try:
            data = self.client.callback(wanted, body)
        except Exception as exc:  # malformed JSON or resource; the SDK raises bare Exceptions
            raise NotificationRejected(f"unreadable notification: {type(exc).__name__}") from exc
        if not data:
            raise NotificationRejected("bad signature or undecryptable resource")
        resource = data.get("resource") or {}
        if resource.get("mchid", resource.get("sp_mchid")) != self.mchid:
            raise NotificationRejected("another merchant's notification", resource.get("out_trade_no", ""))
        event = data.get("event_type", "")
        if event == "TRANSACTION.SUCCESS":
            if resource.get("appid") != self.appid:
                raise NotificationRejected("another app's notification", resource.get("out_trade_no", ""))
            if (resource.get("amount") or {}).get("currency", "CNY") != "CNY":
                raise NotificationRejected("not in yuan", resource.get("out_trade_no", ""))
            return Notice(trade=self._trade(resource))
        if event.startswith("REFUND."):
            return Notice(refund=self._refund(resource))
        raise NotificationRejected(f"unexpected event type {event!r}")

    def _trade(self, data) -> TradeState:
        state = data.get("trade_state", "")
        paid_at = data.get("success_time")
        return TradeState(
            out_trade_no=data.get("out_trade_no", ""),
            state=TRADE_STATES.get(state, TradeState.OPEN),
            transaction_id=data.get("transaction_id", ""),
            amount=from_fen((data.get("amount") or {}).get("total", 0)),
            paid_at=datetime.fromisoformat(paid_at) if paid_at else None,
            gateway_state=state,
        )

    def _refund(self, data) -> RefundState:
        state = data.get("refund_status") or data.get("status", "")
        amount = (data.get("amount") or {}).get("refund")
        return RefundState(
            out_refund_no=data.get("out_refund_no", ""),
            state=REFUND_STATES.get(state, RefundState.PENDING),
            refund_id=data.get("refund_id", ""),
            amount=from_fen(amount) if amount is not None else None,
            gateway_state=state,
        )
