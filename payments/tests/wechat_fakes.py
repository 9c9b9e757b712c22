"""WeChat Pay as the tests see it: keys generated here and notifications built and signed the way the
gateway builds them (independently of the sandbox's own signer, so the two cannot share a mistake)."""

import base64
import json
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .rsa_keys import private_pem, public_pem

MCHID = "1230000109"
APPID = "wxd678efh567hg6787"
PUBLIC_KEY_ID = "PUB_KEY_ID_0112345678202411220011"


@dataclass
class WeChatKeys:
    merchant: object
    platform: object
    apiv3_key: str

    def settings(self) -> dict:
        return {
            "MCHID": MCHID,
            "APPID": APPID,
            "PRIVATE_KEY": private_pem(self.merchant),
            "CERT_SERIAL_NO": "3775B6A45ACD588826D15E583A95F5DD",
            "APIV3_KEY": self.apiv3_key,
            "PUBLIC_KEY": public_pem(self.platform),
            "PUBLIC_KEY_ID": PUBLIC_KEY_ID,
        }

    def sign(self, timestamp: str, nonce: str, body: str, key=None) -> str:
        signature = (key or self.platform).sign(
            f"{timestamp}\n{nonce}\n{body}\n".encode(), padding.PKCS1v15(), hashes.SHA256()
        )
        return base64.b64encode(signature).decode()

    def notification(
        self,
        event_type,
        resource,
        *,
        associated_data="transaction",
        apiv3_key=None,
        timestamp=None,
        key=None,
        serial=PUBLIC_KEY_ID,
        signature_type="WECHATPAY2-SHA256-RSA2048",
    ):
        """Headers (as HTTP_* for Django's test client) and the raw body of a notification."""
        nonce = uuid.uuid4().hex[:12]
        ciphertext = AESGCM((apiv3_key or self.apiv3_key).encode()).encrypt(
            nonce.encode(), json.dumps(resource).encode(), associated_data.encode()
        )
        body = json.dumps(
            {
                "id": str(uuid.uuid4()),
                "create_time": "2026-11-22T10:00:00+08:00",
                "resource_type": "encrypt-resource",
                "event_type": event_type,
                "summary": "支付成功",
                "resource": {
                    "original_type": associated_data,
                    "algorithm": "AEAD_AES_256_GCM",
                    "ciphertext": base64.b64encode(ciphertext).decode(),
                    "associated_data": associated_data,
                    "nonce": nonce,
                },
            },
            ensure_ascii=False,
        )
        timestamp = str(int(time.time()) if timestamp is None else timestamp)
        header_nonce = uuid.uuid4().hex
        headers = {
            "HTTP_WECHATPAY_TIMESTAMP": timestamp,
            "HTTP_WECHATPAY_NONCE": header_nonce,
            "HTTP_WECHATPAY_SERIAL": serial,
            "HTTP_WECHATPAY_SIGNATURE": self.sign(timestamp, header_nonce, body, key),
        }
        if signature_type:
            headers["HTTP_WECHATPAY_SIGNATURE_TYPE"] = signature_type
        return headers, body.encode()


def paid_resource(
    payment, *, transaction_id="4200001234202611220000000001", total=None, mchid=MCHID, appid=APPID
):
    return {
        "mchid": mchid,
        "appid": appid,
        "out_trade_no": payment.out_trade_no,
        "transaction_id": transaction_id,
        "trade_type": "NATIVE",
        "trade_state": "SUCCESS",
        "trade_state_desc": "支付成功",
        "success_time": "2026-11-22T10:00:00+08:00",
        "payer": {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
        "amount": {
            "total": int(payment.amount * 100) if total is None else total,
            "payer_total": int(payment.amount * 100),
            "currency": "CNY",
            "payer_currency": "CNY",
        },
    }


class FakeWeChatPay:
    """A local stand-in for api.mch.weixin.qq.com that signs its answers with the platform key, so that
    the SDK's response verification runs as in production. ``answers`` maps (method, path prefix) to
    (status, JSON) or to a function of the request's JSON returning them; ``requests`` records what the SDK sent."""

    def __init__(self, keys: WeChatKeys):
        self.keys, self.answers, self.requests = keys, {}, []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                sent = self.rfile.read(length).decode()
                fake.requests.append((self.command, self.path, sent))
                answer = next(
                    (
                        answer
                        for (method, prefix), answer in fake.answers.items()
                        if method == self.command and self.path.startswith(prefix)
                    ),
                    (404, {"code": "NOT_FOUND", "message": "no such fake"}),
                )
                status, payload = answer(json.loads(sent) if sent else {}) if callable(answer) else answer
                body = json.dumps(payload) if payload is not None else ""
                timestamp, nonce = str(int(time.time())), uuid.uuid4().hex
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Wechatpay-Timestamp", timestamp)
                self.send_header("Wechatpay-Nonce", nonce)
                self.send_header("Wechatpay-Serial", PUBLIC_KEY_ID)
                self.send_header("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
                self.send_header("Wechatpay-Signature", fake.keys.sign(timestamp, nonce, body))
                self.end_headers()
                self.wfile.write(body.encode())

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
