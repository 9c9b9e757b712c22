"""Reads for bookings: who can do a service where, and which start times are really free."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale

from cms.models import District, ServicePage
from providers.models import ScheduleException, ServiceOffer, Staff, StaffCertificate, WeeklyShift
from providers.selectors import LOCAL_TIME, apply_exceptions, bookable_providers

from .models import SLOT, Booking, StaffSlot


def source_service(service: ServicePage) -> ServicePage:
    """Bookings, offers and skills refer to the catalog's source-language page."""
    return service.get_translation_or_none(Locale.get_default()) or service


def eligible_staff(service: ServicePage, district: District, on: date) -> QuerySet[Staff]:
    """Active staff of a bookable provider that offers ``service``, with the skill, the district and every
    qualification the service requires (not expired on ``on``)."""
    service = source_service(service)
    offering = ServiceOffer.objects.filter(service=service, is_active=True).values("provider")
    staff = Staff.objects.filter(
        status=Staff.Status.ACTIVE,
        provider__in=bookable_providers(on),
        skills=service.get_parent(),
        districts=district,
    ).filter(provider__in=offering)
    required = list(service.qualifications.values_list("pk", flat=True))
    if required:
        valid = StaffCertificate.objects.filter(qualification__in=required).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=on)
        )
        qualified = (
            valid.values("staff")
            .annotate(held=Count("qualification", distinct=True))
            .filter(held=len(required))
        )
        staff = staff.filter(pk__in=qualified.values("staff"))
    return staff.select_related("provider").distinct()


@dataclass(frozen=True)
class Slot:
    start: datetime
    staff_ids: tuple


def booking_window(now: datetime | None = None) -> tuple[datetime, datetime]:
    now = now or timezone.now()
    return (
        now + timedelta(minutes=settings.BOOKING_MIN_NOTICE_MINUTES),
        now + timedelta(days=settings.BOOKING_HORIZON_DAYS),
    )


def available_slots(
    service: ServicePage, district: District, day: date, now: datetime | None = None, only_staff=None
) -> list[Slot]:
    """Start times on ``day`` (Asia/Shanghai) at which at least one eligible staff member is on shift for the
    whole job and free for it and its travel buffer. A fixed number of queries whatever the bookings."""
    service = source_service(service)
    earliest, latest = booking_window(now)
    staff = list(eligible_staff(service, district, day))
    if only_staff is not None:
        staff = [member for member in staff if member.pk in only_staff]
    if not staff:
        return []
    staff_ids = [member.pk for member in staff]
    duration = timedelta(minutes=service.duration_minutes)
    occupied = duration + timedelta(minutes=service.travel_buffer_minutes)
    day_start = datetime.combine(day, time.min, tzinfo=LOCAL_TIME)
    taken = taken_units_by_staff(staff_ids, day_start, day_start + timedelta(days=1) + occupied)
    working = working_intervals_by_staff(staff_ids, day)
    step = timedelta(minutes=settings.BOOKING_SLOT_STEP_MINUTES)
    slots = []
    candidate = day_start
    while candidate < day_start + timedelta(days=1):
        if earliest <= candidate <= latest:
            free = tuple(
                staff_id
                for staff_id in staff_ids
                if fits_shift(working.get(staff_id, []), candidate, candidate + duration)
                and not overlaps_taken(taken.get(staff_id, set()), candidate, candidate + occupied)
            )
            if free:
                slots.append(Slot(candidate, free))
        candidate += step
    return slots


def units(start: datetime, until: datetime) -> list[datetime]:
    """The 15-minute units from ``start`` up to ``until`` (both on the unit grid)."""
    result = []
    moment = start
    while moment < until:
        result.append(moment)
        moment += SLOT
    return result


def taken_units_by_staff(staff_ids, since, until) -> dict:
    now = timezone.now()
    rows = (
        StaffSlot.objects.filter(staff_id__in=staff_ids, starts_at__gte=since, starts_at__lt=until)
        .filter(Q(hold__isnull=True) | Q(hold__expires_at__gt=now))
        .exclude(booking__status=Booking.Status.PENDING, booking__pay_by__lte=now)
        .values_list("staff_id", "starts_at")
    )
    taken = {}
    for staff_id, starts_at in rows:
        taken.setdefault(staff_id, set()).add(starts_at)
    return taken


def working_intervals_by_staff(staff_ids, day) -> dict:
    shifts, exceptions = {}, {}
    for shift in WeeklyShift.objects.filter(staff_id__in=staff_ids, weekday=day.weekday()):
        shifts.setdefault(shift.staff_id, []).append((shift.start_time, shift.end_time))
    for exception in ScheduleException.objects.filter(staff_id__in=staff_ids, date=day):
        exceptions.setdefault(exception.staff_id, []).append(exception)
    return {
        staff_id: apply_exceptions(day, shifts.get(staff_id, []), exceptions.get(staff_id, []))
        for staff_id in staff_ids
    }


def fits_shift(intervals, start, end) -> bool:
    return any(begin <= start and end <= finish for begin, finish in intervals)


def overlaps_taken(taken, start, end) -> bool:
    return any(unit in taken for unit in units(start, end))


def jobs_on(staff_ids, day: date) -> dict:
    """How many active bookings each staff member has on ``day``, for spreading work fairly."""
    day_start = datetime.combine(day, time.min, tzinfo=LOCAL_TIME)
    rows = (
        Booking.objects.filter(
            staff_id__in=staff_ids, start__gte=day_start, start__lt=day_start + timedelta(days=1)
        )
        .exclude(status__in=INACTIVE_STATUSES)
        .values("staff_id")
        .annotate(jobs=Count("pk"))
    )
    return {row["staff_id"]: row["jobs"] for row in rows}


INACTIVE_STATUSES = (
    Booking.Status.COMPLETED,
    Booking.Status.CANCELLED_BY_CUSTOMER,
    Booking.Status.CANCELLED_BY_PROVIDER,
    Booking.Status.CANCELLED_BY_PLATFORM,
    Booking.Status.NO_SHOW,
)
