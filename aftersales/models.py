"""After-sales: reviews, platform feedback, complaints with time limits, compensation claims, and the
notifications that tell users what became of them."""

import secrets
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from providers.storage import private_storage

STARS = [MinValueValidator(1), MaxValueValidator(5)]
RATING_FIELDS = ("overall", "punctuality", "quality", "attitude")


def attachment_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"aftersales/{instance._meta.model_name}/{secrets.token_hex(12)}.{extension}"


class Review(models.Model):
    """A customer's rating of a completed order: of the staff member who came and their provider.

    Never deleted: an operator hides one that breaks the rules, with a reason, and the customer is told.
    """

    booking = models.OneToOneField(
        "booking.Booking", on_delete=models.PROTECT, related_name="review", verbose_name=_("order")
    )
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey("cms.ServicePage", on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey("providers.Provider", on_delete=models.PROTECT, related_name="reviews")
    staff = models.ForeignKey("providers.Staff", on_delete=models.PROTECT, related_name="reviews")
    overall = models.PositiveSmallIntegerField(_("overall"), validators=STARS)
    punctuality = models.PositiveSmallIntegerField(_("punctuality"), validators=STARS)
    quality = models.PositiveSmallIntegerField(_("quality of work"), validators=STARS)
    attitude = models.PositiveSmallIntegerField(_("attitude"), validators=STARS)
    text = models.TextField(_("your review"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    reply = models.TextField(_("provider's reply"), max_length=1000, blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_hidden = models.BooleanField(_("hidden"), default=False, db_index=True)
    hidden_reason = models.TextField(_("why it is hidden"), blank=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        indexes = [
            models.Index(fields=["staff", "-created_at"]),
            models.Index(fields=["provider", "-created_at"]),
            models.Index(fields=["service", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    overall__range=(1, 5),
                    punctuality__range=(1, 5),
                    quality__range=(1, 5),
                    attitude__range=(1, 5),
                ),
                name="review_stars_one_to_five",
            )
        ]

    def __str__(self):
        return f"{self.booking_id}: {self.overall}★"


class ReviewPhoto(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=attachment_path, storage=private_storage)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.review_id}/{self.pk}"


class RatingSummary(models.Model):
    """Counts and star totals of the visible reviews of one service, provider or staff member.

    Rewritten by the review services whenever a review of the subject is written, edited, hidden or shown
    again, so that pages read one row instead of averaging every review on each view.
    """

    class Subject(models.TextChoices):
        SERVICE = "service", _("service")
        PROVIDER = "provider", _("provider")
        STAFF = "staff", _("staff member")

    subject = models.CharField(max_length=10, choices=Subject.choices)
    subject_id = models.PositiveBigIntegerField()
    count = models.PositiveIntegerField(default=0)
    overall_total = models.PositiveIntegerField(default=0)
    punctuality_total = models.PositiveIntegerField(default=0)
    quality_total = models.PositiveIntegerField(default=0)
    attitude_total = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subject", "subject_id"], name="one_summary_per_subject")
        ]

    def __str__(self):
        return f"{self.subject} {self.subject_id}: {self.count}"

    def average(self, field="overall"):
        if not self.count:
            return None
        total = getattr(self, f"{field}_total")
        return (Decimal(total) / self.count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def overall_average(self):
        return self.average("overall")

    @property
    def punctuality_average(self):
        return self.average("punctuality")

    @property
    def quality_average(self):
        return self.average("quality")

    @property
    def attitude_average(self):
        return self.average("attitude")


class Feedback(models.Model):
    """A suggestion or problem report about the platform itself, from anyone signed in."""

    class Category(models.TextChoices):
        SUGGESTION = "suggestion", _("Suggestion")
        BUG = "bug", _("Something does not work")
        ACCOUNT = "account", _("Account and sign-in")
        PAYMENT = "payment", _("Payment and refunds")
        CONTENT = "content", _("Catalog and content")
        OTHER = "other", _("Other")

    class Role(models.TextChoices):
        CUSTOMER = "customer", _("Customer")
        STAFF = "staff", _("Staff member")
        PROVIDER = "provider", _("Provider")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback")
    role = models.CharField(_("sent as"), max_length=10, choices=Role.choices)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    text = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    answer = models.TextField(_("answer"), max_length=2000, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, db_index=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.get_category_display()} #{self.pk}"


class Complaint(models.Model):
    """A customer's complaint about an order, worked through steps that each have a time limit."""

    class Category(models.TextChoices):
        LATE = "late", _("Late or did not come")
        QUALITY = "quality", _("Poor quality of work")
        DAMAGE = "damage", _("Damage or loss")
        ATTITUDE = "attitude", _("Rude or unprofessional")
        CHARGES = "charges", _("Extra charges asked")
        SAFETY = "safety", _("Safety or privacy")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        HANDLING = "handling", _("Being handled")
        RESOLVED = "resolved", _("Resolved, waiting for the customer")
        CONFIRMED = "confirmed", _("Closed")
        REOPENED = "reopened", _("Reopened")

    booking = models.ForeignKey(
        "booking.Booking", on_delete=models.PROTECT, related_name="complaints", verbose_name=_("order")
    )
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey("providers.Provider", on_delete=models.PROTECT, related_name="complaints")
    staff = models.ForeignKey("providers.Staff", on_delete=models.PROTECT, related_name="complaints")
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.TextField(_("what happened"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    created_at = models.DateTimeField(_("filed at"), auto_now_add=True, db_index=True)
    acknowledge_by = models.DateTimeField(_("acknowledge by"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    resolve_by = models.DateTimeField(_("resolve by"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.TextField(_("resolution"), max_length=2000, blank=True)
    upheld = models.BooleanField(_("upheld"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    provider_response = models.TextField(_("provider's response"), max_length=2000, blank=True)
    provider_responded_at = models.DateTimeField(_("provider responded at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        permissions = [("operate_aftersales", _("Handle reviews, feedback, complaints and claims"))]
        indexes = [models.Index(fields=["provider", "status"])]
        constraints = [
            # A customer follows one open complaint per order; a closed one may be followed by another.
            models.UniqueConstraint(
                fields=["booking"],
                condition=~models.Q(status="confirmed"),
                name="one_open_complaint_per_order",
            )
        ]

    def __str__(self):
        return f"{self.booking_id}: {self.get_category_display()}"


class ComplaintStep(models.Model):
    """One step of a complaint: who did it, when, and what they wrote."""

    ACTIONS = {
        "submitted": _("Complaint filed"),
        "acknowledged": _("Acknowledged by the platform"),
        "handling": _("Being handled"),
        "provider_response": _("The provider responded"),
        "resolved": _("Resolved"),
        "confirmed": _("Closed by the customer"),
        "auto_confirmed": _("Closed: the customer did not answer in time"),
        "reopened": _("Reopened by the customer"),
    }

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="steps")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.complaint_id} {self.action}"

    @property
    def label(self):
        return self.ACTIONS.get(self.action, self.action)


class CompensationClaim(models.Model):
    """A claim under the platform's compensation guarantee (先行赔付): the platform pays the customer
    first, through a refund on the order and a bank transfer for any excess, and recovers from the provider.
    """

    class Reason(models.TextChoices):
        DAMAGE = "damage", _("Something was damaged")
        LOSS = "loss", _("Something went missing")
        NO_SHOW = "no_show", _("Nobody came")
        POOR_SERVICE = "poor_service", _("The service was not done properly")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Being assessed")
        APPROVED = "approved", _("Approved in full")
        PARTLY_APPROVED = "partly_approved", _("Approved in part")
        REJECTED = "rejected", _("Rejected")

    booking = models.OneToOneField(
        "booking.Booking", on_delete=models.PROTECT, related_name="claim", verbose_name=_("order")
    )
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey("providers.Provider", on_delete=models.PROTECT, related_name="claims")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    description = models.TextField(_("what happened"), max_length=2000)
    amount_claimed = models.DecimalField(_("amount claimed (yuan)"), max_digits=10, decimal_places=2)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    created_at = models.DateTimeField(_("filed at"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    amount_approved = models.DecimalField(
        _("amount approved (yuan)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    refunded_amount = models.DecimalField(
        _("paid back on the order (yuan)"), max_digits=10, decimal_places=2, default=0
    )
    transfer_amount = models.DecimalField(
        _("to pay by bank transfer (yuan)"), max_digits=10, decimal_places=2, default=0
    )
    transfer_reference = models.CharField(_("transfer reference"), max_length=100, blank=True)
    transferred_at = models.DateTimeField(_("transferred at"), null=True, blank=True)
    transfer_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recover_amount = models.DecimalField(
        _("to recover from the provider (yuan)"), max_digits=10, decimal_places=2, default=0
    )
    recovered_at = models.DateTimeField(_("recovered at"), null=True, blank=True)
    recovery_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("compensation claim")
        verbose_name_plural = _("compensation claims")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_claimed__gt=0), name="claim_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(amount_approved__isnull=True)
                | models.Q(amount_approved__lte=models.F("amount_claimed")),
                name="claim_approved_within_claimed",
            ),
            models.CheckConstraint(
                condition=models.Q(recover_amount__gte=0), name="claim_recovery_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.booking_id}: {self.amount_claimed}"

    @property
    def is_open(self):
        return self.status == self.Status.SUBMITTED

    @property
    def paid_out(self):
        return self.refunded_amount + (self.transfer_amount if self.transferred_at else 0)


class Evidence(models.Model):
    """A photo or PDF attached to a complaint or a claim; served only to those who may see the case."""

    complaint = models.ForeignKey(
        Complaint, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    claim = models.ForeignKey(
        CompensationClaim, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(upload_to=attachment_path, storage=private_storage)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(complaint__isnull=False, claim__isnull=True)
                | models.Q(complaint__isnull=True, claim__isnull=False),
                name="evidence_of_complaint_or_claim",
            )
        ]

    def __str__(self):
        return f"evidence {self.pk}"


class Notification(models.Model):
    """A message in a user's "My notifications". Stored as a kind and its values (never as text or a
    URL), so that it reads, and links, in the language of whoever opens it."""

    class Kind(models.TextChoices):
        FEEDBACK_ANSWERED = "feedback_answered", _("Your feedback was answered")
        REVIEW_HIDDEN = "review_hidden", _("Your review was hidden")
        REVIEW_REPLIED = "review_replied", _("The provider replied to your review")
        COMPLAINT_UPDATED = "complaint_updated", _("Your complaint moved on")
        CLAIM_DECIDED = "claim_decided", _("Your compensation claim was decided")
        COMPLAINT_FILED = "complaint_filed", _("A complaint about your order")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    values = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return f"{self.user_id} {self.kind}"
