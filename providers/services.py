"""Writes for providers: applications, review decisions, quality actions, staff, schedules, offers,
papers and certificates. Business rules live here; views and the API call these functions."""

from dataclasses import dataclass
from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm
from wagtail.models import Locale

from accounts.selectors import user_for_login
from accounts.services import create_phone_user
from accounts.validators import validate_id_number
from cms.models import ServicePage

from .models import (
    ACTIVE_PROVIDER_STATUSES,
    Certificate,
    Provider,
    ProviderDocument,
    ProviderEvent,
    ProviderMembership,
    QualityWarning,
    ScheduleException,
    ServiceOffer,
    Staff,
    StaffCertificate,
    TrainingRecord,
    WeeklyShift,
    id_number_digest,
)
from .permissions import ACT_AS_STAFF, DISPATCH, MANAGE
from .signals import provider_status_changed

Status = Provider.Status
Kind = ProviderDocument.Kind

# Papers a category needs on top of the business licence every provider needs.
REQUIRED_PAPERS_BY_CATEGORY = {
    "housekeeping": {Kind.HOUSEKEEPING_PERMIT},
    "elderly-care": {Kind.MEDICAL_PERMIT},
    "nursing": {Kind.MEDICAL_PERMIT},
    "private-chef": {Kind.CATERING_PERMIT},
}
ALLOWED_UPLOADS = {b"%PDF": "application/pdf", b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png"}
# Stored files are named after their sniffed type, never after the uploader's file name.
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
CERTIFICATE_VALIDITY = timedelta(days=365)


class ProviderActionError(ValidationError):
    """A rule of the provider life cycle was not met; the message says which, in the user's language."""


@dataclass(frozen=True)
class Transition:
    sources: tuple
    target: str
    needs_reason: bool


TRANSITIONS = {
    "submit": Transition((Status.DRAFT, Status.MORE_INFO, Status.REJECTED), Status.APPLIED, False),
    "start_review": Transition((Status.APPLIED,), Status.UNDER_REVIEW, False),
    "approve": Transition((Status.APPLIED, Status.UNDER_REVIEW), Status.CERTIFIED, False),
    "reject": Transition((Status.APPLIED, Status.UNDER_REVIEW), Status.REJECTED, True),
    "request_more": Transition((Status.APPLIED, Status.UNDER_REVIEW), Status.MORE_INFO, True),
    "warn": Transition((Status.CERTIFIED, Status.WARNED), Status.WARNED, True),
    "clear_warning": Transition((Status.WARNED,), Status.CERTIFIED, True),
    "suspend": Transition((Status.CERTIFIED, Status.WARNED), Status.SUSPENDED, True),
    "reinstate": Transition((Status.SUSPENDED,), Status.CERTIFIED, True),
    "revoke": Transition((Status.CERTIFIED, Status.WARNED, Status.SUSPENDED), Status.REVOKED, True),
}
EDITABLE_APPLICATION_STATUSES = (Status.DRAFT, Status.MORE_INFO, Status.REJECTED)


def _log(provider, actor, action, reason="", from_status="", to_status=""):
    ProviderEvent.objects.create(
        provider=provider,
        actor=actor,
        action=action,
        reason=reason,
        from_status=from_status,
        to_status=to_status,
    )


# Applications ---------------------------------------------------------------------------------------------


@transaction.atomic
def start_application(*, applicant, categories, districts, **company) -> Provider:
    """A provider in draft, owned by ``applicant`` (an existing user) as its administrator."""
    provider = Provider(**company)
    provider.uscc = provider.uscc.upper()
    # Uniqueness is left to the database so that two simultaneous applications cannot both pass.
    provider.full_clean(
        exclude=["categories", "districts"], validate_unique=False, validate_constraints=False
    )
    try:
        with transaction.atomic():
            provider.save()
    except IntegrityError as exc:
        raise ProviderActionError(
            _("A provider with this unified social credit code is already registered.")
        ) from exc
    provider.categories.set(categories)
    provider.districts.set(districts)
    add_member(provider, applicant, ProviderMembership.Role.ADMIN)
    _log(provider, applicant, "created", to_status=provider.status)
    refresh_papers(provider)
    return provider


def register_applicant(*, phone, password, name):
    """The account a new provider's administrator signs in with."""
    return create_phone_user(phone=phone, password=password, name=name)


@transaction.atomic
def update_application(provider: Provider, *, actor, categories=None, districts=None, **company) -> Provider:
    if provider.status not in EDITABLE_APPLICATION_STATUSES:
        raise ProviderActionError(
            _("The application can only be changed before it is submitted or when it was sent back.")
        )
    for field, value in company.items():
        setattr(provider, field, value)
    provider.full_clean(exclude=["categories", "districts"])
    provider.save()
    if categories is not None:
        provider.categories.set(categories)
    if districts is not None:
        provider.districts.set(districts)
    refresh_papers(provider)
    _log(provider, actor, "updated")
    return provider


def submit_application(provider: Provider, *, actor) -> Provider:
    missing = missing_papers(provider)
    if missing:
        names = "、".join(str(Kind(kind).label) for kind in sorted(missing))
        raise ProviderActionError(_("Upload these papers before submitting: %(papers)s.") % {"papers": names})
    if not provider.staff.exclude(status=Staff.Status.LEFT).exists():
        raise ProviderActionError(_("Add at least one staff member before submitting."))
    return change_status(provider, "submit", actor=actor)


@transaction.atomic
def change_status(provider: Provider, action: str, *, actor, reason: str = "") -> Provider:
    """Move a provider along its life cycle; every move is recorded with actor, time and reason."""
    transition = TRANSITIONS[action]
    provider = Provider.objects.select_for_update().get(pk=provider.pk)
    if provider.status not in transition.sources:
        raise ProviderActionError(
            _("This cannot be done while the provider is “%(status)s”.")
            % {"status": provider.get_status_display()}
        )
    reason = (reason or "").strip()
    if transition.needs_reason and not reason:
        raise ProviderActionError(_("Give a reason: the provider will see it."))
    if action == "approve" and not provider.papers_valid_today:
        raise ProviderActionError(_("The provider's required papers are missing or expired."))
    previous = provider.status
    provider.status = transition.target
    provider.status_reason = reason
    if action == "approve" and provider.certified_at is None:
        provider.certified_at = timezone.now()
    provider.save(update_fields=["status", "status_reason", "certified_at", "updated_at"])
    _log(provider, actor, action, reason, previous, provider.status)
    provider_status_changed.send(sender=Provider, provider=provider, action=action)
    return provider


# Quality warnings ------------------------------------------------------------------------------------------


def raise_quality_warning(
    *, provider: Provider, staff: Staff | None, trigger: str, summary: dict, evidence: list
):
    """Open a pending warning for an operator, or refresh the evidence of the one already open.

    Returns the pending warning. The database allows one pending warning per subject and trigger, so
    simultaneous triggers end in one warning.
    """
    subject = {
        "provider": provider,
        "staff": staff,
        "trigger": trigger,
        "status": QualityWarning.Status.PENDING,
    }
    try:
        with transaction.atomic():
            warning, created = QualityWarning.objects.get_or_create(
                **subject, defaults={"summary": summary, "evidence": evidence}
            )
    except IntegrityError:
        warning, created = QualityWarning.objects.get(**subject), False
    if not created:
        warning.summary, warning.evidence = summary, evidence
        warning.save(update_fields=["summary", "evidence"])
    return warning


@transaction.atomic
def decide_quality_warning(warning: QualityWarning, *, actor, confirm: bool, note: str) -> QualityWarning:
    """An operator confirms (the warning takes effect) or dismisses a pending warning, with a note."""
    warning = (
        # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to staff.
        QualityWarning.objects.select_for_update(of=("self",))
        .select_related("provider", "staff")
        .get(pk=warning.pk)
    )
    if warning.status != QualityWarning.Status.PENDING:
        raise ProviderActionError(_("This warning has already been decided."))
    note = (note or "").strip()
    if not note:
        raise ProviderActionError(_("Give a reason: the provider will see it."))
    if confirm and warning.staff_id is None:
        if warning.provider.status not in TRANSITIONS["warn"].sources:
            raise ProviderActionError(
                _("This cannot be done while the provider is “%(status)s”.")
                % {"status": warning.provider.get_status_display()}
            )
        change_status(warning.provider, "warn", actor=actor, reason=note)
    else:
        action = "quality_warning_confirmed" if confirm else "quality_warning_dismissed"
        _log(warning.provider, actor, action, f"{warning.subject_name}: {note}")
    warning.status = QualityWarning.Status.CONFIRMED if confirm else QualityWarning.Status.DISMISSED
    warning.decided_by, warning.decided_at, warning.decision_note = actor, timezone.now(), note
    warning.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return warning


# Papers ----------------------------------------------------------------------------------------------------


def required_papers(provider: Provider) -> set:
    slugs = provider.categories.values_list("slug", flat=True)
    required = {Kind.BUSINESS_LICENCE}
    for slug in slugs:
        required |= REQUIRED_PAPERS_BY_CATEGORY.get(slug, set())
    return required


def missing_papers(provider: Provider, on: date | None = None) -> set:
    on = on or timezone.localdate()
    present = {
        kind
        for kind, expires_on in provider.documents.values_list("kind", "expires_on")
        if expires_on is None or expires_on >= on
    }
    return required_papers(provider) - present


def refresh_papers(provider: Provider) -> None:
    """Recompute whether every required paper is there and until when they all stay valid."""
    documents = list(provider.documents.values_list("kind", "expires_on"))
    latest_expiry = {}
    for kind, expires_on in documents:
        current = latest_expiry.get(kind, date.min)
        latest_expiry[kind] = None if expires_on is None or current is None else max(current, expires_on)
    required = required_papers(provider)
    provider.papers_complete = required <= latest_expiry.keys()
    expiries = [latest_expiry[kind] for kind in required if latest_expiry.get(kind) is not None]
    provider.papers_valid_until = min(expiries) if expiries else None
    provider.save(update_fields=["papers_complete", "papers_valid_until", "updated_at"])


def sniff_upload(uploaded_file) -> str:
    """The real type of an uploaded paper from its first bytes; the browser's claim is not trusted."""
    if uploaded_file.size > MAX_UPLOAD_BYTES:
        raise ProviderActionError(_("The file is larger than 10 MB."))
    head = uploaded_file.read(8)
    uploaded_file.seek(0)
    for magic, content_type in ALLOWED_UPLOADS.items():
        if head.startswith(magic):
            return content_type
    raise ProviderActionError(_("Upload a PDF, JPEG or PNG file."))


@transaction.atomic
def upload_document(
    provider: Provider, *, actor, kind: str, uploaded_file, expires_on: date | None
) -> ProviderDocument:
    if provider.status == Status.REVOKED:
        raise ProviderActionError(_("A revoked provider cannot upload papers."))
    if expires_on is not None and expires_on < timezone.localdate():
        raise ProviderActionError(_("This paper has already expired."))
    content_type = sniff_upload(uploaded_file)
    document = ProviderDocument(
        provider=provider,
        kind=kind,
        original_name=uploaded_file.name[:200],
        content_type=content_type,
        size=uploaded_file.size,
        expires_on=expires_on,
        uploaded_by=actor,
    )
    document.file.save(f"paper.{EXTENSIONS[content_type]}", uploaded_file, save=False)
    document.save()
    refresh_papers(provider)
    _log(provider, actor, "paper_uploaded", document.get_kind_display())
    return document


@transaction.atomic
def delete_document(document: ProviderDocument, *, actor) -> None:
    provider = document.provider
    if provider.status not in EDITABLE_APPLICATION_STATUSES:
        raise ProviderActionError(_("Papers can only be removed while the application can be edited."))
    document.file.delete(save=False)
    document.delete()
    refresh_papers(provider)
    _log(provider, actor, "paper_removed", document.get_kind_display())


# People ----------------------------------------------------------------------------------------------------

ROLE_PERMISSIONS = {
    ProviderMembership.Role.ADMIN: [MANAGE, DISPATCH],
    ProviderMembership.Role.DISPATCHER: [DISPATCH],
    ProviderMembership.Role.STAFF: [],
}


@transaction.atomic
def add_member(provider: Provider, user, role: str) -> ProviderMembership:
    membership, _created = ProviderMembership.objects.get_or_create(provider=provider, user=user, role=role)
    for perm in ROLE_PERMISSIONS[role]:
        assign_perm(perm, user, provider)
    return membership


@transaction.atomic
def remove_member(provider: Provider, user, role: str) -> None:
    ProviderMembership.objects.filter(provider=provider, user=user, role=role).delete()
    remaining = set(
        ProviderMembership.objects.filter(provider=provider, user=user).values_list("role", flat=True)
    )
    still_granted = {perm for other in remaining for perm in ROLE_PERMISSIONS[other]}
    for perm in ROLE_PERMISSIONS[role]:
        if perm not in still_granted:
            remove_perm(perm, user, provider)


@transaction.atomic
def add_staff(
    provider: Provider,
    *,
    actor,
    real_name,
    id_number,
    phone,
    password,
    skills,
    districts,
    background_check=Staff.BackgroundCheck.PENDING,
    background_checked_on=None,
) -> Staff:
    if provider.status == Status.REVOKED:
        raise ProviderActionError(_("A revoked provider cannot add staff."))
    id_number = (id_number or "").upper()
    validate_id_number(id_number)
    if Staff.objects.filter(id_number_digest=id_number_digest(id_number)).exists():
        raise ProviderActionError(_("A staff member with this ID number is already registered."))
    _check_scope(provider, skills, districts)
    existing = user_for_login(phone)
    if existing is not None:
        raise ProviderActionError(_("This mobile number already has an account; use another number."))
    user = create_phone_user(phone=phone, password=password, name=real_name)
    staff = Staff(
        provider=provider,
        user=user,
        real_name=real_name.strip(),
        id_number=id_number,
        background_check=background_check,
        background_checked_on=background_checked_on,
    )
    staff.status = _staff_status_for(staff)
    staff.save()
    staff.skills.set(skills)
    staff.districts.set(districts)
    add_member(provider, user, ProviderMembership.Role.STAFF)
    assign_perm(ACT_AS_STAFF, user, staff)
    _log(provider, actor, "staff_added", staff.real_name)
    return staff


def _check_scope(provider, skills, districts):
    outside_categories = {c.pk for c in skills} - set(provider.categories.values_list("pk", flat=True))
    if outside_categories:
        raise ProviderActionError(_("A staff member's skills must be among the provider's categories."))
    outside_districts = {d.pk for d in districts} - set(provider.districts.values_list("pk", flat=True))
    if outside_districts:
        raise ProviderActionError(_("A staff member's districts must be among the provider's districts."))


def _staff_status_for(staff: Staff) -> str:
    if staff.status in (Staff.Status.LEFT, Staff.Status.SUSPENDED):
        return staff.status
    return (
        Staff.Status.ACTIVE
        if staff.background_check == Staff.BackgroundCheck.PASSED
        else Staff.Status.PENDING
    )


@transaction.atomic
def update_staff(staff: Staff, *, actor, skills=None, districts=None, **fields) -> Staff:
    if staff.status == Staff.Status.LEFT:
        raise ProviderActionError(_("This staff member has left the provider."))
    for name, value in fields.items():
        setattr(staff, name, value)
    if skills is not None or districts is not None:
        _check_scope(
            staff.provider,
            skills if skills is not None else staff.skills.all(),
            districts if districts is not None else staff.districts.all(),
        )
    staff.status = _staff_status_for(staff)
    staff.save()
    if skills is not None:
        staff.skills.set(skills)
    if districts is not None:
        staff.districts.set(districts)
    _log(staff.provider, actor, "staff_updated", staff.real_name)
    return staff


@transaction.atomic
def staff_leaves(staff: Staff, *, actor) -> Staff:
    staff.status = Staff.Status.LEFT
    staff.save(update_fields=["status"])
    remove_member(staff.provider, staff.user, ProviderMembership.Role.STAFF)
    remove_perm(ACT_AS_STAFF, staff.user, staff)
    Certificate.objects.filter(staff=staff, revoked_at__isnull=True).update(revoked_at=timezone.now())
    _log(staff.provider, actor, "staff_left", staff.real_name)
    return staff


def add_personal_certificate(staff: Staff, *, qualification, number="", expires_on=None) -> StaffCertificate:
    if staff.status == Staff.Status.LEFT:
        raise ProviderActionError(_("This staff member has left the provider."))
    if expires_on is not None and expires_on < timezone.localdate():
        raise ProviderActionError(_("This certificate has already expired."))
    return StaffCertificate.objects.create(
        staff=staff, qualification=qualification, number=number, expires_on=expires_on
    )


def add_training_record(staff: Staff, *, title, completed_on, hours) -> TrainingRecord:
    if completed_on > timezone.localdate():
        raise ProviderActionError(_("A training cannot be completed in the future."))
    return TrainingRecord.objects.create(staff=staff, title=title, completed_on=completed_on, hours=hours)


def set_staff_photo(staff: Staff, uploaded_file) -> Staff:
    """A face photo for customers to recognise who comes to the door: JPEG or PNG only."""
    content_type = sniff_upload(uploaded_file)
    if content_type not in ("image/jpeg", "image/png"):
        raise ProviderActionError(_("Upload the photo as a JPEG or PNG image."))
    if staff.photo:
        staff.photo.delete(save=False)
    staff.photo.save(f"photo.{EXTENSIONS[content_type]}", uploaded_file, save=False)
    staff.save(update_fields=["photo"])
    return staff


# Schedules -------------------------------------------------------------------------------------------------


@transaction.atomic
def set_weekly_shifts(staff: Staff, shifts: list[tuple[int, time, time]]) -> list[WeeklyShift]:
    """Replace a staff member's weekly hours. Shifts on the same weekday must not overlap."""
    by_day = {}
    for weekday, start, end in shifts:
        if not 0 <= weekday <= 6:
            raise ProviderActionError(_("A weekday is a number from 0 (Monday) to 6 (Sunday)."))
        if start >= end:
            raise ProviderActionError(_("A shift must end after it starts."))
        by_day.setdefault(weekday, []).append((start, end))
    for periods in by_day.values():
        periods.sort()
        for (_s1, end1), (start2, _e2) in zip(periods, periods[1:], strict=False):
            if start2 < end1:
                raise ProviderActionError(_("Two shifts on the same day overlap."))
    staff.weekly_shifts.all().delete()
    return WeeklyShift.objects.bulk_create(
        [
            WeeklyShift(staff=staff, weekday=weekday, start_time=start, end_time=end)
            for weekday, start, end in shifts
        ]
    )


def add_schedule_exception(
    staff: Staff, *, on: date, kind: str, start=None, end=None, note=""
) -> ScheduleException:
    if kind == ScheduleException.Kind.EXTRA and (start is None or end is None):
        raise ProviderActionError(_("An extra shift needs a start and an end time."))
    if (start is None) != (end is None):
        raise ProviderActionError(_("Give both a start and an end time, or neither for a whole day off."))
    if start is not None and start >= end:
        raise ProviderActionError(_("A shift must end after it starts."))
    exception = ScheduleException(staff=staff, date=on, kind=kind, start_time=start, end_time=end, note=note)
    exception.save()
    return exception


# Offers ----------------------------------------------------------------------------------------------------


def offer_service(provider: Provider, *, service: ServicePage, price=None, is_active=True) -> ServiceOffer:
    """Offers are kept against the catalog's source-language page, whichever translation was chosen."""
    service = service.get_translation_or_none(Locale.get_default()) or service
    if not provider.categories.filter(pk=service.get_parent().pk).exists():
        raise ProviderActionError(_("This service is outside the provider's categories."))
    if price is not None and price < 0:
        raise ProviderActionError(_("A price cannot be negative."))
    offer, _created = ServiceOffer.objects.update_or_create(
        provider=provider, service=service, defaults={"price": price, "is_active": is_active}
    )
    return offer


# Certificates ----------------------------------------------------------------------------------------------


def _bilingual(items):
    return [{"zh": item.name_zh, "en": item.name_en} for item in items]


def _category_names(categories):
    names = []
    for category in categories:
        english = category.get_translations().filter(locale__language_code="en").first()
        names.append({"zh": category.title, "en": english.title if english else category.title})
    return names


def _validity_end(provider: Provider, today: date) -> date:
    end = today + CERTIFICATE_VALIDITY
    if provider.papers_valid_until is not None:
        end = min(end, provider.papers_valid_until)
    return end


@transaction.atomic
def issue_provider_certificate(provider: Provider, *, actor) -> Certificate:
    if provider.status not in ACTIVE_PROVIDER_STATUSES or not provider.papers_valid_today:
        raise ProviderActionError(
            _("Only a certified provider with valid papers can be issued a certificate.")
        )
    today = timezone.localdate()
    snapshot = {
        "holder_name": provider.legal_name_zh,
        "holder_name_en": provider.legal_name_en,
        "provider_name": provider.legal_name_zh,
        "uscc": provider.uscc,
        "categories": _category_names(provider.categories.order_by("path")),
        "districts": _bilingual(provider.districts.order_by("code")),
        "qualifications": [],
    }
    return Certificate.objects.create(
        kind=Certificate.Kind.PROVIDER,
        provider=provider,
        snapshot=snapshot,
        valid_from=today,
        valid_until=_validity_end(provider, today),
        issued_by=actor,
    )


@transaction.atomic
def issue_staff_certificate(staff: Staff, *, actor) -> Certificate:
    provider = staff.provider
    if provider.status not in ACTIVE_PROVIDER_STATUSES or not provider.papers_valid_today:
        raise ProviderActionError(
            _("Only a certified provider with valid papers can be issued a certificate.")
        )
    if staff.status != Staff.Status.ACTIVE:
        raise ProviderActionError(
            _("Only an active staff member who passed the background check can be certified.")
        )
    today = timezone.localdate()
    personal = staff.certificates.select_related("qualification").exclude(expires_on__lt=today)
    snapshot = {
        "holder_name": staff.real_name,
        "holder_name_en": "",
        "provider_name": provider.legal_name_zh,
        "uscc": "",
        "categories": _category_names(staff.skills.order_by("path")),
        "districts": _bilingual(staff.districts.order_by("code")),
        "qualifications": _bilingual(c.qualification for c in personal),
    }
    return Certificate.objects.create(
        kind=Certificate.Kind.STAFF,
        provider=provider,
        staff=staff,
        snapshot=snapshot,
        valid_from=today,
        valid_until=_validity_end(provider, today),
        issued_by=actor,
    )
