"""Alipay as the tests see it: keys generated here, notifications signed the way Alipay signs them and a local
stand-in for its gateway. Signing here uses ``cryptography``, not the SDK, so the two cannot share a mistake."""

import base64
import json
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from .rsa_keys import private_pem, public_pem

APP_ID = "2021004112345678"
SELLER_ID = "2088621912345678"
TRADE_NO = "2026112222001412340501234567"
BEIJING = ZoneInfo("Asia/Shanghai")


def beijing_now(**offset) -> str:
    return (datetime.now(BEIJING) + timedelta(**offset)).strftime("%Y-%m-%d %H:%M:%S")


def rsa2_sign(key, message: str) -> str:
    return base64.b64encode(key.sign(message.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()


def rsa2_valid(public_key, message: str, signature: str) -> bool:
    try:
        public_key.verify(base64.b64decode(signature), message.encode(), padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


def signed_string(params: dict, *, without=("sign", "sign_type")) -> str:
    """Alipay's string to sign: every parameter but ``without``, sorted by name, as raw ``k=v`` pairs."""
    return "&".join(f"{name}={value}" for name, value in sorted(params.items()) if name not in without)


@dataclass
class AlipayKeys:
    merchant: object
    alipay: object

    def settings(self, **changes) -> dict:
        return {
            "APP_ID": APP_ID,
            "SELLER_ID": SELLER_ID,
            "PRIVATE_KEY": private_pem(self.merchant),
            "PUBLIC_KEY": public_pem(self.alipay),
            "OPEN_SANDBOX": False,
            **changes,
        }

    def sign(self, params: dict, key=None) -> dict:
        """The notification as Alipay posts it: RSA2 over all parameters except sign and sign_type."""
        return {**params, "sign": rsa2_sign(key or self.alipay, signed_string(params))}


def trade_notification(payment, **changes) -> dict:
    """The unsigned parameters of Alipay's trade_status_sync for a paid trade; a change of None drops one."""
    amount = str(payment.amount)
    params = {
        "notify_time": beijing_now(),
        "notify_type": "trade_status_sync",
        "notify_id": uuid.uuid4().hex,
        "charset": "utf-8",
        "version": "1.0",
        "sign_type": "RSA2",
        "app_id": APP_ID,
        "auth_app_id": APP_ID,
        "seller_id": SELLER_ID,
        "trade_no": TRADE_NO,
        "out_trade_no": payment.out_trade_no,
        "buyer_id": "2088102177846880",
        "buyer_logon_id": "159****5620",
        "trade_status": "TRADE_SUCCESS",
        "total_amount": amount,
        "receipt_amount": amount,
        "buyer_pay_amount": amount,
        "invoice_amount": amount,
        "point_amount": "0.00",
        "subject": "济宁上门 日常保洁 & 深度清洁=2小时",
        "gmt_create": "2026-11-22 09:58:01",
        "gmt_payment": "2026-11-22 09:58:30",
        "fund_bill_list": json.dumps([{"amount": amount, "fundChannel": "ALIPAYACCOUNT"}]),
    }
    params.update(changes)
    return {name: value for name, value in params.items() if value is not None}


class FakeAlipay:
    """A local stand-in for openapi.alipay.com/gateway.do. It checks each request's RSA2 signature with the
    merchant's public key, as Alipay does, and answers ``answers[method]`` signed with the Alipay key the way
    the SDK expects: the sign covers the exact text of the inner ``<method>_response`` object.
    ``requests`` records (method, biz_content) of each call; ``key`` may be swapped to sign wrongly."""

    def __init__(self, keys: AlipayKeys):
        self.keys, self.key, self.answers, self.requests = keys, keys.alipay, {}, []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                params = dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True))
                method = params.get("method", "")
                fake.requests.append((method, json.loads(params.get("biz_content") or "{}")))
                self.send_response(200)
                self.send_header("Content-Type", "text/html;charset=utf-8")
                self.end_headers()
                self.wfile.write(fake.answer(method, params).encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/gateway.do"
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def answer(self, method: str, params: dict) -> str:
        sent_at = datetime.strptime(params.get("timestamp", ""), "%Y-%m-%d %H:%M:%S").replace(tzinfo=BEIJING)
        if not rsa2_valid(
            self.keys.merchant.public_key(), signed_string(params, without=("sign",)), params["sign"]
        ):
            error = {"code": "40002", "msg": "Invalid Arguments", "sub_code": "isv.invalid-signature"}
        elif abs(datetime.now(BEIJING) - sent_at) > timedelta(minutes=10):
            error = {"code": "40002", "msg": "Invalid Arguments", "sub_code": "isv.invalid-timestamp"}
        elif params.get("app_id") != APP_ID:
            error = {"code": "40002", "msg": "Invalid Arguments", "sub_code": "isv.invalid-app-id"}
        else:
            inner = json.dumps(self.answers[method], ensure_ascii=False)
            response_type = method.replace(".", "_") + "_response"
            return f'{{"{response_type}":{inner},"sign":"{rsa2_sign(self.key, inner)}"}}'
        # Alipay does not sign its answer to a request it cannot authenticate.
        return json.dumps({"error_response": error})

    def close(self):
        self.server.shutdown()
        self.server.server_close()
