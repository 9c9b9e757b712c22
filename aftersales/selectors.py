"""Reads for after-sales: what customers, providers, operators and the catalog pages see."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum, When
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.masking import mask_name
from booking.models import Booking
from providers.models import Provider

from .models import (
    CompensationClaim,
    Complaint,
    ComplaintStep,
    Evidence,
    Feedback,
    Notification,
    RatingSummary,
    Review,
    ReviewPhoto,
)
from .services import OPEN_COMPLAINT_STATUSES, case_refusal, review_editable_until, review_refusal

ZERO = Decimal("0.00")
# How close to a time limit a case must be to show amber in the queues.
DUE_SOON = timedelta(hours=1)


# Reviews ---------------------------------------------------------------------------------------------------


def _with_photos(reviews: QuerySet[Review]) -> QuerySet[Review]:
    return reviews.select_related("customer", "booking", "staff", "provider", "service").prefetch_related(
        Prefetch("photos", queryset=ReviewPhoto.objects.order_by("pk"))
    )


def public_reviews(*, service_id=None, provider=None, staff=None) -> QuerySet[Review]:
    """Visible reviews of a service (its source-language page id), a provider or a staff member, newest first."""
    reviews = Review.objects.filter(is_hidden=False)
    if service_id is not None:
        reviews = reviews.filter(service_id=service_id)
    if provider is not None:
        reviews = reviews.filter(provider=provider)
    if staff is not None:
        reviews = reviews.filter(staff=staff)
    return _with_photos(reviews).order_by("-created_at", "-pk")


def provider_reviews(providers) -> QuerySet[Review]:
    """Every review of ``providers``, hidden ones included (the provider sees that and why)."""
    return _with_photos(Review.objects.filter(provider__in=providers)).order_by("-created_at", "-pk")


def customer_reviews(customer) -> QuerySet[Review]:
    return _with_photos(Review.objects.filter(customer=customer)).order_by("-created_at", "-pk")


def review_queue(*, hidden=None, max_stars=None, replied=None) -> QuerySet[Review]:
    reviews = Review.objects.all()
    if hidden is not None:
        reviews = reviews.filter(is_hidden=hidden)
    if max_stars is not None:
        reviews = reviews.filter(overall__lte=max_stars)
    if replied is not None:
        reviews = reviews.filter(replied_at__isnull=not replied)
    return _with_photos(reviews).order_by("-created_at", "-pk")


def rating_summary(subject: str, subject_id) -> RatingSummary | None:
    return RatingSummary.objects.filter(subject=subject, subject_id=subject_id, count__gt=0).first()


def rating_summaries(subject: str, subject_ids) -> dict:
    """{subject id: summary} in one query, for lists of services, providers or staff."""
    return {
        summary.subject_id: summary
        for summary in RatingSummary.objects.filter(
            subject=subject, subject_id__in=list(subject_ids), count__gt=0
        )
    }


def review_is_editable(review: Review, now=None) -> bool:
    return not review.is_hidden and (now or timezone.now()) <= review_editable_until(review)


# Complaints ------------------------------------------------------------------------------------------------


def _complaints(complaints: QuerySet[Complaint]) -> QuerySet[Complaint]:
    # The district too: the provider's people see the customer's contact as "district · masked name".
    return complaints.select_related("booking__district", "provider", "staff", "customer").order_by(
        "-created_at", "-pk"
    )


def customer_complaints(customer) -> QuerySet[Complaint]:
    return _complaints(Complaint.objects.filter(customer=customer))


def provider_complaints(providers) -> QuerySet[Complaint]:
    return _complaints(Complaint.objects.filter(provider__in=providers))


def overdue_q(now=None) -> Q:
    """Complaints past a time limit: not acknowledged in time, or open past the time to resolve."""
    now = now or timezone.now()
    return Q(status=Complaint.Status.SUBMITTED, acknowledge_by__lt=now) | Q(
        status__in=OPEN_COMPLAINT_STATUSES, resolve_by__lt=now
    )


def complaint_queue(*, status="", overdue=False, provider=None, now=None) -> QuerySet[Complaint]:
    complaints = Complaint.objects.all()
    if status:
        complaints = complaints.filter(status=status)
    if overdue:
        complaints = complaints.filter(overdue_q(now))
    if provider is not None:
        complaints = complaints.filter(provider=provider)
    return _complaints(complaints)


def by_time_limit(complaints: QuerySet[Complaint]) -> QuerySet[Complaint]:
    """Open complaints first, the nearest time limit (``due_at``, as ``complaint_due``) first; then the rest,
    newest first."""
    due_at = Case(
        When(status=Complaint.Status.SUBMITTED, then=F("acknowledge_by")),
        When(status__in=OPEN_COMPLAINT_STATUSES, then=F("resolve_by")),
        default=None,
    )
    return complaints.annotate(due_at=due_at).order_by(F("due_at").asc(nulls_last=True), "-created_at", "-pk")


def complaint_due(complaint: Complaint):
    """The time limit the complaint is working to now, or None once it is resolved."""
    if complaint.status == Complaint.Status.SUBMITTED:
        return complaint.acknowledge_by
    if complaint.status in OPEN_COMPLAINT_STATUSES:
        return complaint.resolve_by
    return None


def sla_state(complaint: Complaint, now=None) -> str:
    """ "overdue", "due_soon", "on_time" for open steps; "done" once the complaint is resolved or closed."""
    now = now or timezone.now()
    due = complaint_due(complaint)
    if due is None:
        return "done"
    if now > due:
        return "overdue"
    if due - now <= DUE_SOON:
        return "due_soon"
    return "on_time"


def complaint_steps(complaint: Complaint) -> list[ComplaintStep]:
    return list(complaint.steps.select_related("actor").order_by("created_at", "pk"))


def case_evidence(case) -> list[Evidence]:
    return list(case.evidence.order_by("pk"))


# Claims ----------------------------------------------------------------------------------------------------


def customer_claims(customer) -> QuerySet[CompensationClaim]:
    return CompensationClaim.objects.filter(customer=customer).select_related("booking", "provider")


def claim_queue(
    *, status="", provider=None, transfer_due=False, recovery_due=False
) -> QuerySet[CompensationClaim]:
    claims = CompensationClaim.objects.select_related("booking", "provider", "customer")
    if status:
        claims = claims.filter(status=status)
    if provider is not None:
        claims = claims.filter(provider=provider)
    if transfer_due:
        claims = claims.filter(transfer_amount__gt=0, transferred_at__isnull=True)
    if recovery_due:
        claims = claims.filter(recover_amount__gt=0, recovered_at__isnull=True)
    return claims.order_by("-created_at", "-pk")


def transfer_due(claim: CompensationClaim) -> bool:
    """Part of the approved amount is still to be paid to the customer by bank transfer."""
    return claim.transfer_amount > 0 and claim.transferred_at is None


def recovery_due(claim: CompensationClaim) -> bool:
    """The provider has not yet paid back what the platform paid out for it."""
    return claim.recover_amount > 0 and claim.recovered_at is None


def provider_claim_totals() -> QuerySet[Provider]:
    """Providers with claims, each annotated with its claim count and totals in yuan, in one query."""
    decided = ~Q(claims__status=CompensationClaim.Status.SUBMITTED)
    return (
        Provider.objects.filter(claims__isnull=False)
        .annotate(
            claim_count=Count("claims", distinct=True),
            open_claims=Count("claims", filter=Q(claims__status=CompensationClaim.Status.SUBMITTED)),
            approved_total=Sum("claims__amount_approved", filter=decided, default=ZERO),
            refunded_total=Sum("claims__refunded_amount", default=ZERO),
            transfer_total=Sum("claims__transfer_amount", default=ZERO),
            to_recover_total=Sum("claims__recover_amount", default=ZERO),
            recovered_total=Sum(
                "claims__recover_amount", filter=Q(claims__recovered_at__isnull=False), default=ZERO
            ),
        )
        .order_by("-to_recover_total", "legal_name_zh")
    )


# Feedback and notifications --------------------------------------------------------------------------------


def user_feedback(user) -> QuerySet[Feedback]:
    return Feedback.objects.filter(user=user).order_by("-created_at", "-pk")


def feedback_queue(*, answered=None, category="", role="") -> QuerySet[Feedback]:
    feedback = Feedback.objects.select_related("user", "answered_by")
    if answered is not None:
        feedback = feedback.filter(answered_at__isnull=not answered)
    if category:
        feedback = feedback.filter(category=category)
    if role:
        feedback = feedback.filter(role=role)
    return feedback.order_by("-created_at", "-pk")


def user_notifications(user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


NOTIFICATION_MESSAGES = {
    Notification.Kind.FEEDBACK_ANSWERED: gettext_lazy("Customer service answered your feedback."),
    Notification.Kind.REVIEW_HIDDEN: gettext_lazy(
        "Your review of order %(number)s was hidden by an operator: %(reason)s"
    ),
    Notification.Kind.REVIEW_REPLIED: gettext_lazy(
        "The provider replied to your review of order %(number)s."
    ),
    Notification.Kind.COMPLAINT_UPDATED: gettext_lazy("Your complaint is now: %(status)s."),
    Notification.Kind.CLAIM_DECIDED: gettext_lazy(
        "Your compensation claim on order %(number)s has been decided."
    ),
    Notification.Kind.COMPLAINT_FILED: gettext_lazy("A customer filed a complaint about order %(number)s."),
}


def notification_message(notification: Notification) -> str:
    """The notification as a sentence in the active language, from its kind and values (a value missing from
    an older notification reads as empty rather than failing)."""
    values = defaultdict(str, notification.values or {})
    status = values.get("status")
    if status in Complaint.Status.values:
        values["status"] = Complaint.Status(status).label
    message = NOTIFICATION_MESSAGES.get(notification.kind, notification.get_kind_display())
    return str(message) % values


def reviewer_name(customer) -> str:
    """How a review names its author to anyone else: the first character of their name only (陈**)."""
    return mask_name(customer.display_name)


# The order page --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderAftersales:
    """What an order's page offers its customer after the service."""

    review: Review | None
    review_editable: bool
    can_review: bool
    complaints: list
    open_complaint: Complaint | None
    claim: CompensationClaim | None
    can_complain: bool
    can_claim: bool


def order_aftersales(booking: Booking, customer, now=None) -> OrderAftersales:
    now = now or timezone.now()
    review = Review.objects.filter(booking=booking).prefetch_related("photos").first()
    complaints = list(Complaint.objects.filter(booking=booking).order_by("-created_at", "-pk"))
    open_complaint = next((c for c in complaints if c.status != Complaint.Status.CONFIRMED), None)
    claim = CompensationClaim.objects.filter(booking=booking).first()
    case_allowed = case_refusal(booking, customer, now) is None
    return OrderAftersales(
        review=review,
        review_editable=review is not None and review_is_editable(review, now),
        can_review=review is None and review_refusal(booking, customer, now) is None,
        complaints=complaints,
        open_complaint=open_complaint,
        claim=claim,
        can_complain=case_allowed and open_complaint is None,
        can_claim=case_allowed and claim is None,
    )


def reviewable_bookings(customer, now=None) -> QuerySet[Booking]:
    """Completed orders of the customer still waiting for their review."""
    now = now or timezone.now()
    since = now - timedelta(days=settings.AFTERSALES_REVIEW_WINDOW_DAYS)
    return (
        Booking.objects.filter(customer=customer, status=Booking.Status.COMPLETED, end__gte=since)
        .exclude(Exists(Review.objects.filter(booking=OuterRef("pk"))))
        .select_related("service", "staff", "provider")
        .order_by("-end")
    )
