"""What every payment channel offers the rest of the app. Gateways translate; services decide."""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.http import HttpResponse

FEN = Decimal("0.01")


def to_fen(amount: Decimal) -> int:
    return int((amount / FEN).to_integral_value())


def from_fen(fen: int) -> Decimal:
    return (Decimal(int(fen)) * FEN).quantize(FEN)


class GatewayError(Exception):
    """The gateway could not be reached or refused the request; nothing was decided."""


class NotificationRejected(Exception):
    """A notification that is not provably genuine and ours. ``reason`` goes to the log only."""

    def __init__(self, reason: str, reference: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.reference = reference


@dataclass(frozen=True)
class Checkout:
    """What the payer's device needs: a QR code to scan, a page to open, or parameters for the
    WeChat JS bridge / mini-program."""

    kind: str  # "qr", "redirect" or "jsapi"
    url: str = ""
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class TradeState:
    out_trade_no: str
    state: str  # PAID, OPEN, CLOSED or MISSING
    transaction_id: str = ""
    amount: Decimal | None = None
    paid_at: datetime | None = None
    gateway_state: str = ""

    PAID, OPEN, CLOSED, MISSING = "paid", "open", "closed", "missing"


@dataclass(frozen=True)
class RefundState:
    out_refund_no: str
    state: str  # SUCCEEDED, PENDING or FAILED
    refund_id: str = ""
    amount: Decimal | None = None
    gateway_state: str = ""

    SUCCEEDED, PENDING, FAILED = "succeeded", "pending", "failed"


@dataclass(frozen=True)
class Notice:
    """A verified notification: about a payment (``trade``) or a refund (``refund``)."""

    trade: TradeState | None = None
    refund: RefundState | None = None

    @property
    def reference(self):
        return self.trade.out_trade_no if self.trade else self.refund.out_refund_no


class Gateway(ABC):
    channel = ""
    methods: tuple = ()

    @abstractmethod
    def start(
        self, payment, *, method, description, return_url, notify_url, client_ip, openid=""
    ) -> Checkout:
        """Open the trade at the gateway; GatewayError if it refuses."""

    @abstractmethod
    def verify_notification(self, headers, body: bytes, params) -> Notice:
        """Return the verified content or raise NotificationRejected; never trust anything unverified."""

    @abstractmethod
    def query(self, payment) -> TradeState:
        """Ask the gateway what it knows of the payment's trade."""

    @abstractmethod
    def close(self, payment) -> None:
        """Close the trade so that it can no longer be paid."""

    @abstractmethod
    def refund(self, refund, *, notify_url) -> RefundState:
        """Ask for a refund; the answer may already be final or still pending."""

    def acknowledge(self) -> HttpResponse:
        return HttpResponse(status=204)

    def refuse(self) -> HttpResponse:
        return HttpResponse(status=400)
