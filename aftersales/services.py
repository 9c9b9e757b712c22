"""Writes for after-sales: reviews, feedback, complaints, compensation claims, notifications and the quality
triggers they set off. Every rule lives here; site views, the admin and the API call these functions.

Refusals are ``AftersalesError`` (a ValidationError) with a code the API maps to a status:
``not_allowed`` (403), ``wrong_status``/``window_closed``/``duplicate`` (409), anything else 400.
"""

from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from booking.models import Booking
from payments.selectors import refundable_amount
from payments.services import refund_booking
from providers import permissions as provider_permissions
from providers.models import ProviderMembership, QualityWarning
from providers.services import raise_quality_warning, sniff_upload

from .models import (
    RATING_FIELDS,
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

CENT = Decimal("0.01")
MAX_REVIEW_PHOTOS = 6
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_EVIDENCE_FILES = 6
MAX_CLAIM_YUAN = Decimal("50000.00")
FEEDBACK_PER_DAY = 10
PHOTO_TYPES = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png")}
EVIDENCE_EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
# Orders the customer can complain or claim about: placed, paid and not withdrawn by the customer.
CASE_STATUSES = (
    Booking.Status.CONFIRMED,
    Booking.Status.ASSIGNED,
    Booking.Status.ON_THE_WAY,
    Booking.Status.IN_SERVICE,
    Booking.Status.COMPLETED,
    Booking.Status.NO_SHOW,
    Booking.Status.CANCELLED_BY_PROVIDER,
    Booking.Status.CANCELLED_BY_PLATFORM,
)
OPEN_COMPLAINT_STATUSES = (
    Complaint.Status.SUBMITTED,
    Complaint.Status.ACKNOWLEDGED,
    Complaint.Status.HANDLING,
    Complaint.Status.REOPENED,
)
# Where each operator step on a complaint may start; the admin offers a step only in these statuses.
ACKNOWLEDGE_FROM = (Complaint.Status.SUBMITTED,)
HANDLE_FROM = (Complaint.Status.SUBMITTED, Complaint.Status.ACKNOWLEDGED, Complaint.Status.REOPENED)
RESOLVE_FROM = (Complaint.Status.ACKNOWLEDGED, Complaint.Status.HANDLING, Complaint.Status.REOPENED)


class AftersalesError(ValidationError):
    """An after-sales rule was not met; the message says which, in the user's language."""


def _not_yours():
    return AftersalesError(_("This order is not yours."), code="not_allowed")


def _text(value, *, required_message, limit=2000):
    value = (value or "").strip()
    if required_message and not value:
        raise AftersalesError(required_message, code="invalid")
    if len(value) > limit:
        raise AftersalesError(
            _("Keep it to %(limit)s characters or fewer.") % {"limit": limit}, code="invalid"
        )
    return value


def _local_day(moment):
    return f"{timezone.localtime(moment):%Y-%m-%d}"


# Notifications ---------------------------------------------------------------------------------------------


def notify(user, kind: str, **values) -> Notification:
    return Notification.objects.create(user=user, kind=kind, values=values)


def mark_notifications_read(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def _notify_provider_people(provider, kind, **values):
    members = ProviderMembership.objects.filter(provider=provider).select_related("user")
    Notification.objects.bulk_create(
        Notification(user=member.user, kind=kind, values=values) for member in members
    )


# Uploads ---------------------------------------------------------------------------------------------------


def _check_photo(uploaded_file):
    """A review photo must really be a JPEG or PNG image (decoded, not only its first bytes), up to 5 MB."""
    if uploaded_file.size > MAX_PHOTO_BYTES:
        raise AftersalesError(_("Each photo must be 5 MB or smaller."), code="invalid")
    try:
        with Image.open(uploaded_file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise AftersalesError(_("Photos must be JPEG or PNG images."), code="invalid") from error
    finally:
        uploaded_file.seek(0)
    if image_format not in PHOTO_TYPES:
        raise AftersalesError(_("Photos must be JPEG or PNG images."), code="invalid")
    return PHOTO_TYPES[image_format]


def _add_photos(review, photos):
    checked = [(photo, _check_photo(photo)) for photo in photos]
    if review.photos.count() + len(checked) > MAX_REVIEW_PHOTOS:
        raise AftersalesError(
            _("A review can have at most %(count)s photos.") % {"count": MAX_REVIEW_PHOTOS}, code="invalid"
        )
    for photo, (content_type, extension) in checked:
        stored = ReviewPhoto(review=review, content_type=content_type, size=photo.size)
        stored.file.save(f"photo.{extension}", photo, save=False)
        stored.save()


def _add_evidence(files, *, actor, complaint=None, claim=None):
    if len(files) > MAX_EVIDENCE_FILES:
        raise AftersalesError(
            _("Attach at most %(count)s files.") % {"count": MAX_EVIDENCE_FILES}, code="invalid"
        )
    checked = [(upload, sniff_upload(upload)) for upload in files]
    for upload, content_type in checked:
        evidence = Evidence(
            complaint=complaint, claim=claim, content_type=content_type, size=upload.size, uploaded_by=actor
        )
        evidence.file.save(f"evidence.{EVIDENCE_EXTENSIONS[content_type]}", upload, save=False)
        evidence.save()


@transaction.atomic
def add_case_evidence(case: Complaint | CompensationClaim, *, customer, files):
    """More evidence from the customer on their complaint (until it is closed) or claim (until it is decided);
    a case holds at most MAX_EVIDENCE_FILES files in all."""
    is_complaint = isinstance(case, Complaint)
    case = type(case).objects.select_for_update().get(pk=case.pk)
    if case.customer_id != customer.pk:
        raise AftersalesError(_("This case is not yours."), code="not_allowed")
    if case.status == Complaint.Status.CONFIRMED if is_complaint else not case.is_open:
        raise AftersalesError(_("This case is closed: nothing more can be added."), code="wrong_status")
    files = list(files)
    if not files:
        raise AftersalesError(_("Choose at least one file."), code="invalid")
    if case.evidence.count() + len(files) > MAX_EVIDENCE_FILES:
        raise AftersalesError(
            _("Attach at most %(count)s files.") % {"count": MAX_EVIDENCE_FILES}, code="invalid"
        )
    _add_evidence(files, actor=customer, **({"complaint": case} if is_complaint else {"claim": case}))
    return case


# Reviews ---------------------------------------------------------------------------------------------------


def review_refusal(booking: Booking, customer, now=None) -> AftersalesError | None:
    """Why ``customer`` cannot review ``booking`` now (its message is for the page), or None when they can."""
    now = now or timezone.now()
    if booking.customer_id != customer.pk:
        return _not_yours()
    if booking.status != Booking.Status.COMPLETED:
        return AftersalesError(_("Only completed orders can be reviewed."), code="wrong_status")
    if now > booking.end + timedelta(days=settings.AFTERSALES_REVIEW_WINDOW_DAYS):
        return AftersalesError(
            _("Orders can be reviewed for %(days)s days after the service.")
            % {"days": settings.AFTERSALES_REVIEW_WINDOW_DAYS},
            code="window_closed",
        )
    if Review.objects.filter(booking=booking).exists():
        return _already_reviewed()
    return None


def _already_reviewed():
    return AftersalesError(_("This order has already been reviewed."), code="duplicate")


def _stars(ratings: dict) -> dict:
    clean = {}
    for field in RATING_FIELDS:
        value = ratings.get(field)
        # Whole stars only: 3.5 or True must not quietly become 3 or 1.
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if type(value) is not int or not 1 <= value <= 5:
            raise AftersalesError(_("Give every rating from 1 to 5 stars."), code="invalid")
        clean[field] = value
    return clean


@transaction.atomic
def write_review(booking: Booking, *, customer, ratings: dict, text: str = "", photos=()) -> Review:
    """The customer's one review of a completed order; averages and quality triggers follow at once."""
    stars = _stars(ratings)
    text = _text(text, required_message=None)
    refusal = review_refusal(booking, customer)
    if refusal:
        raise refusal
    review = Review(
        booking=booking,
        customer=customer,
        service_id=booking.service_id,
        provider_id=booking.provider_id,
        staff_id=booking.staff_id,
        text=text,
        **stars,
    )
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError as error:
        raise _already_reviewed() from error
    _add_photos(review, list(photos))
    _after_review_change(review)
    return review


def review_editable_until(review: Review):
    return review.created_at + timedelta(days=settings.AFTERSALES_REVIEW_EDIT_DAYS)


@transaction.atomic
def edit_review(
    review: Review, *, customer, ratings: dict, text: str = "", photos=(), remove_photo_ids=()
) -> Review:
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.customer_id != customer.pk:
        raise AftersalesError(_("This review is not yours."), code="not_allowed")
    if review.is_hidden:
        raise AftersalesError(
            _("An operator hid this review; it can no longer be changed."), code="wrong_status"
        )
    if timezone.now() > review_editable_until(review):
        raise AftersalesError(
            _("A review can be changed for %(days)s days after it is written.")
            % {"days": settings.AFTERSALES_REVIEW_EDIT_DAYS},
            code="window_closed",
        )
    for field, value in _stars(ratings).items():
        setattr(review, field, value)
    review.text = _text(text, required_message=None)
    review.edited_at = timezone.now()
    review.save()
    review.photos.filter(pk__in=list(remove_photo_ids)).delete()
    _add_photos(review, list(photos))
    _after_review_change(review)
    return review


@transaction.atomic
def reply_to_review(review: Review, *, actor, text: str) -> Review:
    """The provider's one public reply. The database update only applies while there is no reply yet."""
    if not provider_permissions.can_dispatch(actor, review.provider):
        raise AftersalesError(_("Only the provider's people can reply."), code="not_allowed")
    text = _text(text, required_message=_("Write the reply."), limit=1000)
    replied = Review.objects.filter(pk=review.pk, replied_at__isnull=True).update(
        reply=text, replied_at=timezone.now(), replied_by=actor
    )
    if not replied:
        raise AftersalesError(_("The provider has already replied to this review."), code="duplicate")
    review.refresh_from_db()
    notify(review.customer, Notification.Kind.REVIEW_REPLIED, number=review.booking.number)
    return review


@transaction.atomic
def hide_review(review: Review, *, actor, reason: str) -> Review:
    """An operator hides a review that breaks the rules; it stays stored and its author is told why."""
    reason = _text(reason, required_message=_("Give a reason: the customer will see it."), limit=500)
    review = Review.objects.select_for_update().select_related("booking").get(pk=review.pk)
    if review.is_hidden:
        raise AftersalesError(_("This review is already hidden."), code="wrong_status")
    review.is_hidden, review.hidden_reason = True, reason
    review.hidden_at, review.hidden_by = timezone.now(), actor
    review.save(update_fields=["is_hidden", "hidden_reason", "hidden_at", "hidden_by"])
    _after_review_change(review)
    notify(review.customer, Notification.Kind.REVIEW_HIDDEN, number=review.booking.number, reason=reason)
    return review


@transaction.atomic
def restore_review(review: Review, *, actor) -> Review:
    """Show a hidden review again (a hiding made in error); the reason stays on record."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if not review.is_hidden:
        raise AftersalesError(_("This review is not hidden."), code="wrong_status")
    review.is_hidden = False
    review.save(update_fields=["is_hidden"])
    _after_review_change(review)
    return review


def _after_review_change(review):
    for subject, subject_id in (
        (RatingSummary.Subject.SERVICE, review.service_id),
        (RatingSummary.Subject.PROVIDER, review.provider_id),
        (RatingSummary.Subject.STAFF, review.staff_id),
    ):
        refresh_rating_summary(subject, subject_id)
    check_rating_trigger(provider=review.provider, staff=review.staff)
    check_rating_trigger(provider=review.provider, staff=None)


def refresh_rating_summary(subject: str, subject_id: int) -> RatingSummary:
    """Recount the visible reviews of one subject. The summary row is locked first, so that two reviews
    saved at once are both counted (the second recount starts after the first commits)."""
    RatingSummary.objects.get_or_create(subject=subject, subject_id=subject_id)
    summary = RatingSummary.objects.select_for_update().get(subject=subject, subject_id=subject_id)
    totals = Review.objects.filter(**{f"{subject}_id": subject_id, "is_hidden": False}).aggregate(
        count=Count("pk"), **{f"{field}_total": Sum(field) for field in RATING_FIELDS}
    )
    summary.count = totals["count"] or 0
    for field in RATING_FIELDS:
        setattr(summary, f"{field}_total", totals[f"{field}_total"] or 0)
    summary.save()
    return summary


# Quality triggers ------------------------------------------------------------------------------------------


def _admin_url(name, pk):
    return reverse(name, args=[pk])


def check_rating_trigger(*, provider, staff) -> QualityWarning | None:
    """Raise a pending warning when the rolling average of the subject's last reviews is under the threshold."""
    subject = {"staff": staff} if staff is not None else {"provider": provider}
    recent = list(
        Review.objects.filter(is_hidden=False, **subject)
        .select_related("booking")
        .order_by("-created_at", "-pk")[: settings.QUALITY_ROLLING_REVIEWS]
    )
    if len(recent) < settings.QUALITY_MIN_REVIEWS:
        return None
    average = (Decimal(sum(review.overall for review in recent)) / len(recent)).quantize(CENT)
    threshold = Decimal(settings.QUALITY_RATING_THRESHOLD)
    if average >= threshold:
        return None
    evidence = [
        {
            "label": f"{review.booking.number} · {review.overall}★ · {_local_day(review.created_at)}",
            "url": _admin_url("aftersales_admin:review", review.pk),
        }
        for review in recent
        if review.overall < threshold
    ]
    return raise_quality_warning(
        provider=provider,
        staff=staff,
        trigger=QualityWarning.Trigger.LOW_RATING,
        summary={"average": str(average), "threshold": str(threshold), "reviews": len(recent)},
        evidence=evidence,
    )


def check_complaint_trigger(*, provider, staff) -> QualityWarning | None:
    """Raise a pending warning when the subject has too many upheld complaints in the recent period."""
    since = timezone.now() - timedelta(days=settings.QUALITY_COMPLAINT_DAYS)
    subject = {"staff": staff} if staff is not None else {"provider": provider}
    upheld = list(
        Complaint.objects.filter(upheld=True, resolved_at__gte=since, **subject)
        .select_related("booking")
        .order_by("-resolved_at")
    )
    if len(upheld) < settings.QUALITY_UPHELD_COMPLAINTS:
        return None
    return raise_quality_warning(
        provider=provider,
        staff=staff,
        trigger=QualityWarning.Trigger.UPHELD_COMPLAINTS,
        summary={
            "upheld": len(upheld),
            "limit": settings.QUALITY_UPHELD_COMPLAINTS,
            "days": settings.QUALITY_COMPLAINT_DAYS,
        },
        evidence=[
            {
                "label": f"{complaint.booking.number} · {complaint.category} · {_local_day(complaint.resolved_at)}",
                "url": _admin_url("aftersales_admin:complaint", complaint.pk),
            }
            for complaint in upheld
        ],
    )


# Feedback --------------------------------------------------------------------------------------------------


def _role_of(user) -> str:
    if provider_permissions.managed_providers(user).exists():
        return Feedback.Role.PROVIDER
    if provider_permissions.staff_profile(user) is not None:
        return Feedback.Role.STAFF
    return Feedback.Role.CUSTOMER


def send_feedback(*, user, category: str, text: str) -> Feedback:
    if category not in Feedback.Category.values:
        raise AftersalesError(_("Choose a category."), code="invalid")
    text = _text(text, required_message=_("Write your message."))
    since = timezone.now() - timedelta(days=1)
    if Feedback.objects.filter(user=user, created_at__gte=since).count() >= FEEDBACK_PER_DAY:
        raise AftersalesError(
            _("You have sent %(count)s messages today; please wait for our answers.")
            % {"count": FEEDBACK_PER_DAY},
            code="throttled",
        )
    return Feedback.objects.create(user=user, role=_role_of(user), category=category, text=text)


@transaction.atomic
def answer_feedback(feedback: Feedback, *, actor, answer: str) -> Feedback:
    answer = _text(answer, required_message=_("Write the answer."))
    answered = Feedback.objects.filter(pk=feedback.pk, answered_at__isnull=True).update(
        answer=answer, answered_at=timezone.now(), answered_by=actor
    )
    if not answered:
        raise AftersalesError(_("This feedback has already been answered."), code="duplicate")
    feedback.refresh_from_db()
    notify(feedback.user, Notification.Kind.FEEDBACK_ANSWERED, feedback_id=feedback.pk)
    return feedback


# Complaints ------------------------------------------------------------------------------------------------


def case_refusal(booking: Booking, customer, now=None) -> AftersalesError | None:
    """Why ``customer`` cannot file a complaint or a claim on ``booking`` now, or None."""
    now = now or timezone.now()
    if booking.customer_id != customer.pk:
        return _not_yours()
    if booking.status not in CASE_STATUSES:
        return AftersalesError(
            _("Complaints and claims can be filed on confirmed orders only."), code="wrong_status"
        )
    if now > booking.end + timedelta(days=settings.AFTERSALES_COMPLAINT_WINDOW_DAYS):
        return AftersalesError(
            _("Complaints and claims can be filed for %(days)s days after the service.")
            % {"days": settings.AFTERSALES_COMPLAINT_WINDOW_DAYS},
            code="window_closed",
        )
    return None


def _check_case(booking, customer):
    refusal = case_refusal(booking, customer)
    if refusal:
        raise refusal


def _step(complaint, actor, action, note=""):
    ComplaintStep.objects.create(complaint=complaint, actor=actor, action=action, note=note)


@transaction.atomic
def file_complaint(booking: Booking, *, customer, category: str, description: str, evidence=()) -> Complaint:
    if category not in Complaint.Category.values:
        raise AftersalesError(_("Choose a category."), code="invalid")
    description = _text(description, required_message=_("Describe what happened."))
    _check_case(booking, customer)
    now = timezone.now()
    complaint = Complaint(
        booking=booking,
        customer=customer,
        provider_id=booking.provider_id,
        staff_id=booking.staff_id,
        category=category,
        description=description,
        acknowledge_by=now + timedelta(hours=settings.AFTERSALES_ACKNOWLEDGE_HOURS),
        resolve_by=now + timedelta(hours=settings.AFTERSALES_RESOLVE_HOURS),
    )
    try:
        with transaction.atomic():
            complaint.save()
    except IntegrityError as error:
        raise AftersalesError(
            _("There is already an open complaint on this order."), code="duplicate"
        ) from error
    _add_evidence(list(evidence), actor=customer, complaint=complaint)
    _step(complaint, customer, "submitted", description)
    _notify_provider_people(
        booking.provider, Notification.Kind.COMPLAINT_FILED, number=booking.number, complaint_id=complaint.pk
    )
    return complaint


def _locked(complaint):
    return Complaint.objects.select_for_update().select_related("booking").get(pk=complaint.pk)


def _require_status(complaint, allowed):
    if complaint.status not in allowed:
        raise AftersalesError(
            _("This cannot be done while the complaint is “%(status)s”.")
            % {"status": complaint.get_status_display()},
            code="wrong_status",
        )


@transaction.atomic
def acknowledge_complaint(complaint: Complaint, *, actor, note: str = "") -> Complaint:
    complaint = _locked(complaint)
    _require_status(complaint, ACKNOWLEDGE_FROM)
    complaint.status, complaint.acknowledged_at = Complaint.Status.ACKNOWLEDGED, timezone.now()
    complaint.save(update_fields=["status", "acknowledged_at"])
    _step(complaint, actor, "acknowledged", _text(note, required_message=None))
    notify(
        complaint.customer,
        Notification.Kind.COMPLAINT_UPDATED,
        complaint_id=complaint.pk,
        status=complaint.status,
    )
    return complaint


@transaction.atomic
def start_handling(complaint: Complaint, *, actor, note: str = "") -> Complaint:
    """Take a complaint in hand; taking one that was not yet acknowledged acknowledges it too."""
    complaint = _locked(complaint)
    _require_status(complaint, HANDLE_FROM)
    if complaint.acknowledged_at is None:
        complaint.acknowledged_at = timezone.now()
    complaint.status = Complaint.Status.HANDLING
    complaint.save(update_fields=["status", "acknowledged_at"])
    _step(complaint, actor, "handling", _text(note, required_message=None))
    notify(
        complaint.customer,
        Notification.Kind.COMPLAINT_UPDATED,
        complaint_id=complaint.pk,
        status=complaint.status,
    )
    return complaint


@transaction.atomic
def respond_as_provider(complaint: Complaint, *, actor, text: str) -> Complaint:
    """The provider's side of the story; it may add to it until the complaint is resolved."""
    if not provider_permissions.can_dispatch(actor, complaint.provider):
        raise AftersalesError(_("Only the provider's people can respond."), code="not_allowed")
    text = _text(text, required_message=_("Write the response."))
    complaint = _locked(complaint)
    _require_status(complaint, OPEN_COMPLAINT_STATUSES)
    complaint.provider_response, complaint.provider_responded_at = text, timezone.now()
    complaint.save(update_fields=["provider_response", "provider_responded_at"])
    _step(complaint, actor, "provider_response", text)
    return complaint


@transaction.atomic
def resolve_complaint(complaint: Complaint, *, actor, resolution: str, upheld: bool) -> Complaint:
    """Record the outcome; an upheld complaint counts towards the provider's and staff member's triggers."""
    resolution = _text(resolution, required_message=_("Write the resolution: the customer will see it."))
    complaint = _locked(complaint)
    _require_status(complaint, RESOLVE_FROM)
    complaint.status, complaint.resolution, complaint.upheld = (
        Complaint.Status.RESOLVED,
        resolution,
        bool(upheld),
    )
    complaint.resolved_at = timezone.now()
    complaint.save(update_fields=["status", "resolution", "upheld", "resolved_at"])
    _step(complaint, actor, "resolved", resolution)
    notify(
        complaint.customer,
        Notification.Kind.COMPLAINT_UPDATED,
        complaint_id=complaint.pk,
        status=complaint.status,
    )
    if complaint.upheld:
        check_complaint_trigger(provider=complaint.provider, staff=complaint.staff)
        check_complaint_trigger(provider=complaint.provider, staff=None)
    return complaint


@transaction.atomic
def confirm_resolution(complaint: Complaint, *, customer) -> Complaint:
    complaint = _locked(complaint)
    if complaint.customer_id != customer.pk:
        raise AftersalesError(_("This complaint is not yours."), code="not_allowed")
    _require_status(complaint, (Complaint.Status.RESOLVED,))
    complaint.status, complaint.closed_at = Complaint.Status.CONFIRMED, timezone.now()
    complaint.save(update_fields=["status", "closed_at"])
    _step(complaint, customer, "confirmed")
    return complaint


@transaction.atomic
def reopen_complaint(complaint: Complaint, *, customer, reason: str) -> Complaint:
    """Not satisfied: the complaint goes back to the operators with a fresh time limit to resolve it."""
    reason = _text(reason, required_message=_("Say what is still wrong."))
    complaint = _locked(complaint)
    if complaint.customer_id != customer.pk:
        raise AftersalesError(_("This complaint is not yours."), code="not_allowed")
    _require_status(complaint, (Complaint.Status.RESOLVED,))
    complaint.status = Complaint.Status.REOPENED
    complaint.resolve_by = timezone.now() + timedelta(hours=settings.AFTERSALES_RESOLVE_HOURS)
    complaint.save(update_fields=["status", "resolve_by"])
    _step(complaint, customer, "reopened", reason)
    return complaint


def close_unanswered_complaints(now=None) -> int:
    """Close resolved complaints whose customer neither confirmed nor reopened them in time."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.AFTERSALES_CONFIRM_DAYS)
    closed = 0
    for complaint in Complaint.objects.filter(status=Complaint.Status.RESOLVED, resolved_at__lt=cutoff):
        with transaction.atomic():
            if Complaint.objects.filter(pk=complaint.pk, status=Complaint.Status.RESOLVED).update(
                status=Complaint.Status.CONFIRMED, closed_at=now
            ):
                _step(complaint, None, "auto_confirmed")
                closed += 1
    return closed


# Compensation claims ---------------------------------------------------------------------------------------


def _yuan(value, message) -> Decimal:
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as error:
        raise AftersalesError(message, code="invalid") from error
    if not amount.is_finite() or amount != amount.quantize(CENT) or amount <= 0:
        raise AftersalesError(message, code="invalid")
    return amount.quantize(CENT)


@transaction.atomic
def file_claim(
    booking: Booking, *, customer, reason: str, description: str, amount, evidence=()
) -> CompensationClaim:
    if reason not in CompensationClaim.Reason.values:
        raise AftersalesError(_("Choose a reason."), code="invalid")
    description = _text(description, required_message=_("Describe what happened."))
    amount = _yuan(amount, _("Enter the amount in yuan, e.g. 120.00."))
    if amount > MAX_CLAIM_YUAN:
        raise AftersalesError(
            _("Claims above %(limit)s yuan are handled by our claims team by phone.")
            % {"limit": MAX_CLAIM_YUAN},
            code="invalid",
        )
    _check_case(booking, customer)
    claim = CompensationClaim(
        booking=booking,
        customer=customer,
        provider_id=booking.provider_id,
        reason=reason,
        description=description,
        amount_claimed=amount,
    )
    try:
        with transaction.atomic():
            claim.save()
    except IntegrityError as error:
        raise AftersalesError(_("A claim has already been filed on this order."), code="duplicate") from error
    _add_evidence(list(evidence), actor=customer, claim=claim)
    return claim


@transaction.atomic
def decide_claim(
    claim: CompensationClaim, *, actor, approve: bool, amount=None, reason: str = "", recover_amount=None
) -> CompensationClaim:
    """Approve (in full or in part) or reject a claim.

    An approved amount is paid first back on the order through the refund path, as far as the order's
    payments allow; the rest is to be paid by bank transfer. What is to be recovered from the provider is
    the approved amount unless the operator sets less (the platform's own fault, say).
    """
    claim = CompensationClaim.objects.select_for_update().select_related("booking").get(pk=claim.pk)
    if not claim.is_open:
        raise AftersalesError(_("This claim has already been decided."), code="wrong_status")
    if not approve:
        claim.decision_reason = _text(reason, required_message=_("Give a reason: the customer will see it."))
        claim.status = CompensationClaim.Status.REJECTED
    else:
        approved = _yuan(amount, _("Enter the approved amount in yuan, e.g. 120.00."))
        if approved > claim.amount_claimed:
            raise AftersalesError(_("The approved amount cannot exceed the amount claimed."), code="invalid")
        partial = approved < claim.amount_claimed
        claim.decision_reason = _text(
            reason, required_message=_("Say why only part is approved.") if partial else None
        )
        recover = approved if recover_amount in (None, "") else _recovery(recover_amount, approved)
        to_refund = min(approved, refundable_amount(claim.booking))
        if to_refund > 0:
            with translation.override(settings.LANGUAGE_CODE):
                refund_reason = _("Compensation claim on order %(number)s") % {"number": claim.booking.number}
            refund_booking(claim.booking, to_refund, kind="compensation", reason=refund_reason, actor=actor)
        claim.status = (
            CompensationClaim.Status.PARTLY_APPROVED if partial else CompensationClaim.Status.APPROVED
        )
        claim.amount_approved, claim.refunded_amount = approved, to_refund
        claim.transfer_amount, claim.recover_amount = approved - to_refund, recover
    claim.decided_at, claim.decided_by = timezone.now(), actor
    claim.save()
    notify(claim.customer, Notification.Kind.CLAIM_DECIDED, number=claim.booking.number, claim_id=claim.pk)
    return claim


def _recovery(value, approved):
    if str(value).strip() in ("0", "0.0", "0.00"):
        return Decimal("0.00")
    recover = _yuan(value, _("Enter the amount to recover in yuan, e.g. 120.00."))
    if recover > approved:
        raise AftersalesError(_("The amount to recover cannot exceed the approved amount."), code="invalid")
    return recover


@transaction.atomic
def record_transfer(claim: CompensationClaim, *, actor, reference: str) -> CompensationClaim:
    """The bank transfer of the part of an approved claim the order's refund could not cover was made."""
    reference = _text(reference, required_message=_("Enter the transfer reference."), limit=100)
    updated = CompensationClaim.objects.filter(
        pk=claim.pk, transfer_amount__gt=0, transferred_at__isnull=True
    ).update(transfer_reference=reference, transferred_at=timezone.now(), transfer_recorded_by=actor)
    if not updated:
        raise AftersalesError(_("There is no transfer waiting on this claim."), code="wrong_status")
    claim.refresh_from_db()
    return claim


@transaction.atomic
def record_recovery(claim: CompensationClaim, *, actor) -> CompensationClaim:
    """The provider has paid back what the platform paid out for it."""
    updated = CompensationClaim.objects.filter(
        pk=claim.pk, recover_amount__gt=0, recovered_at__isnull=True
    ).update(recovered_at=timezone.now(), recovery_recorded_by=actor)
    if not updated:
        raise AftersalesError(_("There is nothing left to recover on this claim."), code="wrong_status")
    claim.refresh_from_db()
    return claim
