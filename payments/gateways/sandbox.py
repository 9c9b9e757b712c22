"""The sandbox channel: a stand-in for WeChat Pay when no merchant keys are configured.

Its "gateway" is a small ledger in our own database (SandboxTrade) and keys generated on first use.
Its notifications are built and signed exactly as WeChat Pay's (AES-256-GCM resource, SHA256-RSA
signature over ``timestamp\\nnonce\\nbody\\n``) and go through the very same verification as the real
channel: SandboxGateway only replaces the outbound calls. No real money moves.
"""

import base64
import json
import time
import uuid

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from .base import Checkout, GatewayError, RefundState, TradeState, from_fen, to_fen
from .wechat import SIGNATURE_TYPE, WeChatPayGateway

MCHID = "1900000000"
APPID = "wx0sandbox0shangmen"
PUBLIC_KEY_ID = "PUB_KEY_ID_SANDBOX_SHANGMEN"


def _new_private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _public_pem(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def sandbox_keys():
    from ..models import SandboxKeys

    keys = SandboxKeys.objects.filter(pk=1).first()
    if keys is None:
        keys, _created = SandboxKeys.objects.get_or_create(
            pk=1,
            defaults={
                "merchant_private_key": _new_private_key_pem(),
                "platform_private_key": _new_private_key_pem(),
                "apiv3_key": get_random_string(32),
            },
        )
    return keys


class SandboxGateway(WeChatPayGateway):
    channel = "sandbox"
    methods = ("cashier",)

    def __init__(self, max_age_seconds=300):
        keys = sandbox_keys()
        self.platform_private_key = keys.platform_private_key
        self.apiv3_key = keys.apiv3_key
        super().__init__(
            mchid=MCHID,
            appid=APPID,
            private_key=keys.merchant_private_key,
            cert_serial_no="SANDBOX",
            apiv3_key=keys.apiv3_key,
            public_key=_public_pem(keys.platform_private_key),
            public_key_id=PUBLIC_KEY_ID,
            max_age_seconds=max_age_seconds,
        )

    def start(self, payment, *, method, description, return_url, notify_url, client_ip, openid=""):
        from ..models import SandboxTrade

        SandboxTrade.objects.create(
            out_trade_no=payment.out_trade_no,
            amount_fen=to_fen(payment.amount),
            description=description[:200],
            time_expire=payment.expires_at,
        )
        return Checkout(kind="redirect", url=reverse("payments:sandbox_cashier", args=[payment.out_trade_no]))

    def _trade_record(self, out_trade_no):
        from ..models import SandboxTrade

        return SandboxTrade.objects.select_for_update().filter(out_trade_no=out_trade_no).first()

    @transaction.atomic
    def query(self, payment):
        trade = self._trade_record(payment.out_trade_no)
        if trade is None:
            return TradeState(payment.out_trade_no, TradeState.MISSING, gateway_state="ORDER_NOT_EXIST")
        return self._trade(self.trade_resource(trade))

    @transaction.atomic
    def close(self, payment):
        trade = self._trade_record(payment.out_trade_no)
        if trade is not None and trade.state == "NOTPAY":
            trade.state = "CLOSED"
            trade.save(update_fields=["state"])

    @transaction.atomic
    def refund(self, refund, *, notify_url):
        trade = self._trade_record(refund.payment.out_trade_no)
        fen = to_fen(refund.amount)
        if trade is None or trade.state not in ("SUCCESS", "REFUND"):
            return RefundState(refund.out_refund_no, RefundState.FAILED, gateway_state="ORDER_NOT_PAID")
        if trade.refunded_fen + fen > trade.amount_fen:
            return RefundState(
                refund.out_refund_no, RefundState.FAILED, gateway_state="REFUND_AMOUNT_EXCEEDS"
            )
        trade.refunded_fen += fen
        trade.state = "REFUND"
        trade.save(update_fields=["refunded_fen", "state"])
        # Like WeChat Pay, the answer is "processing"; the result comes as a signed notification.
        return RefundState(
            refund.out_refund_no,
            RefundState.PENDING,
            refund_id=f"50{uuid.uuid4().int % 10**26:026d}",
            amount=from_fen(fen),
            gateway_state="PROCESSING",
        )

    # The simulated payer and gateway ---------------------------------------------------------------

    @transaction.atomic
    def pay(self, out_trade_no) -> dict:
        """The payer pays at the cashier: the trade is marked paid in the sandbox's ledger and the
        signed TRANSACTION.SUCCESS notification WeChat Pay would send is returned (headers, body)."""
        trade = self._trade_record(out_trade_no)
        if trade is None or trade.state != "NOTPAY":
            raise GatewayError("This sandbox trade cannot be paid (already paid or closed).")
        if trade.time_expire <= timezone.now():
            trade.state = "CLOSED"
            trade.save(update_fields=["state"])
            raise GatewayError("This sandbox trade has expired.")
        trade.state = "SUCCESS"
        trade.transaction_id = f"42{uuid.uuid4().int % 10**26:026d}"
        trade.save(update_fields=["state", "transaction_id"])
        return self.signed_notification("TRANSACTION.SUCCESS", "transaction", self.trade_resource(trade))

    def refund_notification(self, refund_state: RefundState, out_trade_no: str, total: int) -> dict:
        resource = {
            "mchid": MCHID,
            "out_trade_no": out_trade_no,
            "out_refund_no": refund_state.out_refund_no,
            "refund_id": refund_state.refund_id,
            "refund_status": "SUCCESS",
            "success_time": timezone.localtime().isoformat(timespec="seconds"),
            "amount": {
                "total": total,
                "refund": to_fen(refund_state.amount),
                "payer_refund": to_fen(refund_state.amount),
            },
        }
        return self.signed_notification("REFUND.SUCCESS", "refund", resource)

    def trade_resource(self, trade) -> dict:
        resource = {
            "mchid": MCHID,
            "appid": APPID,
            "out_trade_no": trade.out_trade_no,
            "trade_state": trade.state,
            "amount": {"total": trade.amount_fen, "currency": "CNY"},
        }
        if trade.transaction_id:
            resource.update(
                transaction_id=trade.transaction_id,
                trade_type="NATIVE",
                success_time=timezone.localtime().isoformat(timespec="seconds"),
                payer={"openid": "o-sandbox-payer"},
            )
        return resource

    def signed_notification(self, event_type, associated_data, resource) -> dict:
        nonce = get_random_string(12)
        ciphertext = AESGCM(self.apiv3_key.encode()).encrypt(
            nonce.encode(), json.dumps(resource).encode(), associated_data.encode()
        )
        body = json.dumps(
            {
                "id": str(uuid.uuid4()),
                "create_time": timezone.localtime().isoformat(timespec="seconds"),
                "resource_type": "encrypt-resource",
                "event_type": event_type,
                "summary": "sandbox",
                "resource": {
                    "original_type": associated_data,
                    "algorithm": "AEAD_AES_256_GCM",
                    "ciphertext": base64.b64encode(ciphertext).decode(),
                    "associated_data": associated_data,
                    "nonce": nonce,
                },
            }
        )
        timestamp, header_nonce = str(int(time.time())), get_random_string(32)
        key = serialization.load_pem_private_key(self.platform_private_key.encode(), password=None)
        signature = key.sign(
            f"{timestamp}\n{header_nonce}\n{body}\n".encode(), padding.PKCS1v15(), hashes.SHA256()
        )
        headers = {
            "Wechatpay-Signature": base64.b64encode(signature).decode(),
            "Wechatpay-Timestamp": timestamp,
            "Wechatpay-Nonce": header_nonce,
            "Wechatpay-Serial": PUBLIC_KEY_ID,
            "Wechatpay-Signature-Type": SIGNATURE_TYPE,
        }
        return {"headers": headers, "body": body.encode()}
