"""Reads of provider data: what is bookable, who works when, what reviewers must look at."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.masking import mask_name

from . import permissions
from .models import (
    ACTIVE_PROVIDER_STATUSES,
    Certificate,
    Provider,
    ProviderDocument,
    ScheduleException,
    ServiceOffer,
    Staff,
    StaffCertificate,
    WeeklyShift,
)

LOCAL_TIME = ZoneInfo("Asia/Shanghai")
REVIEW_QUEUE_STATUSES = (Provider.Status.APPLIED, Provider.Status.UNDER_REVIEW)


def bookable_providers(on: date | None = None) -> QuerySet[Provider]:
    """Certified (or merely warned) providers whose required papers are all there and valid ``on``."""
    on = on or timezone.localdate()
    return Provider.objects.filter(status__in=ACTIVE_PROVIDER_STATUSES, papers_complete=True).filter(
        Q(papers_valid_until__isnull=True) | Q(papers_valid_until__gte=on)
    )


def bookable_offers(on: date | None = None) -> QuerySet[ServiceOffer]:
    return ServiceOffer.objects.filter(is_active=True, provider__in=bookable_providers(on))


def review_queue() -> QuerySet[Provider]:
    return Provider.objects.filter(status__in=REVIEW_QUEUE_STATUSES).order_by("updated_at")


def expiring_papers(within_days: int = 30, today: date | None = None) -> QuerySet[ProviderDocument]:
    """Provider papers that expire in the coming ``within_days`` days, or already have, soonest first."""
    today = today or timezone.localdate()
    return (
        ProviderDocument.objects.filter(expires_on__lte=today + timedelta(days=within_days))
        .exclude(provider__status=Provider.Status.REVOKED)
        .select_related("provider")
        .order_by("expires_on")
    )


def expiring_staff_certificates(
    within_days: int = 30, today: date | None = None
) -> QuerySet[StaffCertificate]:
    today = today or timezone.localdate()
    return (
        StaffCertificate.objects.filter(expires_on__lte=today + timedelta(days=within_days))
        .exclude(staff__status=Staff.Status.LEFT)
        .select_related("staff__provider", "qualification")
        .order_by("expires_on")
    )


def working_intervals(staff: Staff, day: date) -> list[tuple[datetime, datetime]]:
    """The aware (Asia/Shanghai) periods ``staff`` works on ``day``: weekly shifts, less leave, plus extras."""
    shifts = [(s.start_time, s.end_time) for s in staff.weekly_shifts.all() if s.weekday == day.weekday()]
    exceptions = [e for e in staff.schedule_exceptions.all() if e.date == day]
    return apply_exceptions(day, shifts, exceptions)


def apply_exceptions(day, shifts, exceptions):
    def at(moment):
        return datetime.combine(day, moment, tzinfo=LOCAL_TIME)

    periods = [(at(start), at(end)) for start, end in shifts]
    for exception in exceptions:
        if exception.kind == ScheduleException.Kind.LEAVE:
            if exception.is_whole_day:
                periods = []
            else:
                periods = _subtract(periods, at(exception.start_time), at(exception.end_time))
        else:
            periods.append((at(exception.start_time), at(exception.end_time)))
    return _merge(periods)


def _subtract(periods, cut_start, cut_end):
    remaining = []
    for start, end in periods:
        if cut_end <= start or cut_start >= end:
            remaining.append((start, end))
            continue
        if start < cut_start:
            remaining.append((start, cut_start))
        if cut_end < end:
            remaining.append((cut_end, end))
    return remaining


def _merge(periods):
    merged = []
    for start, end in sorted(periods):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def week_schedule(staff_members, week_start: date) -> dict:
    """{staff: [(day, [(start, end), …]) for 7 days]} with two queries whatever the number of staff."""
    staff_ids = [s.pk for s in staff_members]
    shifts = {}
    for shift in WeeklyShift.objects.filter(staff_id__in=staff_ids):
        shifts.setdefault(shift.staff_id, []).append(shift)
    exceptions = {}
    days = [week_start + timedelta(days=offset) for offset in range(7)]
    for exception in ScheduleException.objects.filter(
        staff_id__in=staff_ids, date__range=(days[0], days[-1])
    ):
        exceptions.setdefault(exception.staff_id, []).append(exception)
    schedule = {}
    for member in staff_members:
        schedule[member] = [
            (
                day,
                apply_exceptions(
                    day,
                    [
                        (s.start_time, s.end_time)
                        for s in shifts.get(member.pk, [])
                        if s.weekday == day.weekday()
                    ],
                    [e for e in exceptions.get(member.pk, []) if e.date == day],
                ),
            )
            for day in days
        ]
    return schedule


def certificate_validity(certificate: Certificate, today: date | None = None) -> str:
    """valid / suspended / revoked / expired, from the holder's state today (the content stays as issued)."""
    today = today or timezone.localdate()
    provider = certificate.provider
    staff = certificate.staff
    if certificate.revoked_at or provider.status == Provider.Status.REVOKED:
        return Certificate.Validity.REVOKED
    if staff is not None and staff.status == Staff.Status.LEFT:
        return Certificate.Validity.REVOKED
    if today > certificate.valid_until:
        return Certificate.Validity.EXPIRED
    if provider.status not in ACTIVE_PROVIDER_STATUSES:
        return Certificate.Validity.SUSPENDED
    if staff is not None and staff.status != Staff.Status.ACTIVE:
        return Certificate.Validity.SUSPENDED
    return Certificate.Validity.VALID


def certificate_by_number(number: str) -> Certificate | None:
    number = (number or "").strip().upper()
    if "\x00" in number:  # No number has one; PostgreSQL refuses to even compare text holding it.
        return None
    return Certificate.objects.select_related("provider", "staff").filter(number=number).first()


@dataclass(frozen=True)
class CertificateCheck:
    """What anyone holding a certificate's number may learn from it: its state today and the facts printed on
    it at issue, the holder's name masked. Never the holder's personal details."""

    certificate: Certificate
    validity: str

    @property
    def number(self) -> str:
        return self.certificate.number

    @property
    def kind(self) -> str:
        return self.certificate.kind

    @property
    def provider_name(self) -> str:
        return self.certificate.snapshot.get("provider_name", "")

    @property
    def holder(self) -> str:
        """A company's name as registered; a person's reduced to the family name (王**)."""
        if self.certificate.kind == Certificate.Kind.PROVIDER:
            return self.provider_name
        return mask_name(self.certificate.snapshot.get("holder_name", ""))

    @property
    def valid_from(self) -> date:
        return self.certificate.valid_from

    @property
    def valid_until(self) -> date:
        return self.certificate.valid_until


def certificate_check(number: str, today: date | None = None) -> CertificateCheck | None:
    """The public check of a certificate number (the verification page and the API), or None if unknown."""
    certificate = certificate_by_number(number)
    if certificate is None:
        return None
    return CertificateCheck(certificate=certificate, validity=certificate_validity(certificate, today))


def staff_of_providers(providers) -> QuerySet[Staff]:
    """The current staff (not those who left) of ``providers`` (a queryset or a list), by provider and name."""
    return (
        Staff.objects.filter(provider__in=providers)
        .exclude(status=Staff.Status.LEFT)
        .select_related("user", "provider")
        .prefetch_related("skills", "districts")
        .order_by("provider_id", "real_name", "pk")
    )


def provider_staff(provider: Provider) -> QuerySet[Staff]:
    return staff_of_providers([provider])


@dataclass(frozen=True)
class Role:
    """One of the parts a person plays on the platform; ``provider`` is set for provider roles."""

    role: str
    provider: Provider | None = None
    staff: Staff | None = None


def roles_of(user) -> list[Role]:
    """What a signed-in person is, as the portal's "My account" tells them apart: platform administrator or
    reviewer; administrator or dispatcher of providers; staff member of one; otherwise a customer."""
    if not user.is_authenticated:
        return []
    roles = []
    if user.is_superuser:
        roles.append(Role("platform_admin"))
    elif permissions.can_review(user):
        roles.append(Role("reviewer"))
    if not user.is_superuser:  # A superuser may act for every provider; listing them all says nothing.
        for provider in permissions.managed_providers(user).order_by("pk"):
            role = "admin" if permissions.can_manage(user, provider) else "dispatcher"
            roles.append(Role(role, provider=provider))
    staff = permissions.staff_profile(user)
    if staff is not None and permissions.can_act_as_staff(user, staff):
        roles.append(Role("staff", provider=staff.provider, staff=staff))
    return roles or [Role("customer")]
