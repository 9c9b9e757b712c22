from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.fields import EncryptedTextField


class Channel(models.TextChoices):
    WECHAT = "wechat", _("WeChat Pay")
    ALIPAY = "alipay", _("Alipay")
    SANDBOX = "sandbox", _("Sandbox (no real money)")


class Payment(models.Model):
    """One attempt to pay an order through one channel. An order may have several attempts; the
    gateway's answer, verified, decides which of them is paid."""

    class Status(models.TextChoices):
        CREATED = "created", _("Waiting for payment")
        PAID = "paid", _("Paid")
        CLOSED = "closed", _("Closed")
        FAILED = "failed", _("Failed")

    booking = models.ForeignKey("booking.Booking", on_delete=models.PROTECT, related_name="payments")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    method = models.CharField(_("method"), max_length=10)
    out_trade_no = models.CharField(_("our trade number"), max_length=32, unique=True)
    transaction_id = models.CharField(_("gateway transaction id"), max_length=64, blank=True)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=10, decimal_places=2)
    refunded_amount = models.DecimalField(
        _("refunded or being refunded (yuan)"), max_digits=10, decimal_places=2, default=0
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CREATED, db_index=True
    )
    # The language the customer paid in: confirmations sent from the gateway's callback use it.
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    expires_at = models.DateTimeField(_("pay before"))
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "transaction_id"],
                condition=~Q(transaction_id=""),
                name="one_payment_per_gateway_transaction",
            ),
            models.CheckConstraint(
                condition=Q(refunded_amount__gte=0) & Q(refunded_amount__lte=F("amount")),
                name="refunds_never_exceed_payment",
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]

    def __str__(self):
        return self.out_trade_no

    @property
    def refundable(self):
        return self.amount - self.refunded_amount if self.status == self.Status.PAID else 0


class Refund(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Being refunded")
        SUCCEEDED = "succeeded", _("Refunded")
        FAILED = "failed", _("Refund failed")

    class Kind(models.TextChoices):
        CANCELLATION = "cancellation", _("Cancellation")
        UNWANTED_PAYMENT = "unwanted", _("Payment for an order no longer open")
        COMPENSATION = "compensation", _("Compensation")
        GOODWILL = "goodwill", _("Goodwill")

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    out_refund_no = models.CharField(_("our refund number"), max_length=64, unique=True)
    refund_id = models.CharField(_("gateway refund id"), max_length=64, blank=True)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=10, decimal_places=2)
    reason = models.CharField(_("reason"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    failure = models.CharField(_("why it failed"), max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    succeeded_at = models.DateTimeField(_("refunded at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive")]

    def __str__(self):
        return self.out_refund_no


class NotificationRecord(models.Model):
    """Every notification a gateway (or anyone) sent us, with what we made of it: the audit trail
    for forged, mismatched or replayed calls, which change nothing else."""

    class Outcome(models.TextChoices):
        APPLIED = "applied", _("Applied")
        DUPLICATE = "duplicate", _("Already applied")
        REJECTED = "rejected", _("Rejected")

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    kind = models.CharField(_("kind"), max_length=10)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    reference = models.CharField(_("trade or refund number"), max_length=64, blank=True, db_index=True)
    remote_addr = models.GenericIPAddressField(_("sender address"), null=True, blank=True)
    body_sha256 = models.CharField(max_length=64)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("gateway notification")
        verbose_name_plural = _("gateway notifications")

    def __str__(self):
        return f"{self.channel} {self.kind} {self.outcome}"


class Discrepancy(models.Model):
    """A payment whose state in our records disagrees with the gateway's answer to a query."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="discrepancies")
    ours = models.CharField(_("our state"), max_length=40)
    gateway = models.CharField(_("gateway's state"), max_length=40)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    found_at = models.DateTimeField(_("found at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        ordering = ["-found_at"]
        verbose_name = _("payment discrepancy")
        verbose_name_plural = _("payment discrepancies")

    def __str__(self):
        return f"{self.payment} {self.ours} ≠ {self.gateway}"


class SandboxKeys(models.Model):
    """Locally generated keys for the sandbox channel, made on first use; never used for real money."""

    merchant_private_key = EncryptedTextField()
    platform_private_key = EncryptedTextField()
    apiv3_key = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"sandbox keys of {self.created_at:%Y-%m-%d}"


class SandboxTrade(models.Model):
    """The sandbox gateway's own ledger, so that queries and refunds have something true to answer."""

    out_trade_no = models.CharField(max_length=32, unique=True)
    transaction_id = models.CharField(max_length=64, blank=True)
    amount_fen = models.PositiveIntegerField()
    state = models.CharField(max_length=12, default="NOTPAY")
    refunded_fen = models.PositiveIntegerField(default=0)
    description = models.CharField(max_length=200)
    time_expire = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.out_trade_no} {self.state}"
