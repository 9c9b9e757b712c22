"""Reads for bookings: who can do a service where, and which start times are really free."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from accounts.masking import mask_name, mask_phone
from cms.models import District, ServicePage
from providers.models import ScheduleException, ServiceOffer, Staff, StaffCertificate, WeeklyShift
from providers.selectors import LOCAL_TIME, apply_exceptions, bookable_providers

from .models import ACTIVE_STATUSES, SLOT, Booking, BookingEvent, StaffSlot

# The assigned staff member sees the full address, contact and notes from this long before the start.
TASK_DETAILS_VISIBLE_FROM = timedelta(hours=2)
TASK_DAYS = 7
FILTER_DATES = (date(1900, 1, 1), date(9000, 1, 1))
# Timeline steps that are not simply "the order became <status>".
EVENT_LABELS = {
    "created": gettext_lazy("Booked"),
    "rescheduled": gettext_lazy("Time changed"),
    "reassigned": gettext_lazy("Staff member changed"),
    "flagged": gettext_lazy("Needs a new staff member"),
}


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
    if not local_date(earliest) <= day <= local_date(latest):
        return []
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


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment, LOCAL_TIME).date()


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


# The catalog as bookings see it -------------------------------------------------------------------------


def live_service(service_id) -> ServicePage | None:
    """A published service page of either language, or None."""
    service = ServicePage.objects.live().filter(pk=service_id).first()
    return service.specific if service is not None else None


def bookable_districts(service: ServicePage) -> QuerySet[District]:
    """Districts where ``service`` can be booked: those it is offered in, in cities already launched."""
    return District.objects.filter(
        pk__in=source_service(service).districts.values("pk"), city__is_launched=True
    )


def attach_service_titles(bookings) -> None:
    """Each booking's (or review's: anything with its ``service`` loaded) service title in the reader's
    language: one query for the whole page."""
    keys = {booking.service.translation_key for booking in bookings}
    translated = dict(
        ServicePage.objects.filter(
            translation_key__in=keys, locale=Locale.get_active(), live=True
        ).values_list("translation_key", "title")
    )
    for booking in bookings:
        booking.service_title = translated.get(booking.service.translation_key, booking.service.title)


# The customer's orders -----------------------------------------------------------------------------------


def customer_bookings(customer) -> QuerySet[Booking]:
    """The customer's own orders, newest start first; nobody else's are ever in it."""
    return (
        Booking.objects.filter(customer=customer)
        .select_related("service", "staff", "provider", "district")
        .order_by("-start", "-pk")
    )


def staff_who_served(customer) -> QuerySet[Staff]:
    """Staff who completed an order for this customer: the ones they may book again by name."""
    return Staff.objects.filter(
        bookings__customer=customer, bookings__status=Booking.Status.COMPLETED
    ).distinct()


def event_label(event: BookingEvent) -> str:
    return EVENT_LABELS.get(event.action) or event.get_to_status_display() or event.action


def timeline(booking: Booking) -> list[BookingEvent]:
    return list(booking.events.select_related("actor"))


# Staff's tasks and the provider's orders ------------------------------------------------------------------


def masked_contact(booking: Booking) -> str:
    """What everyone but the customer and (shortly before the job) the assigned staff member sees."""
    return f"{booking.district} · {mask_name(booking.contact_name)} {mask_phone(booking.contact_phone)}"


def task_details_from(booking: Booking) -> datetime:
    return booking.start - TASK_DETAILS_VISIBLE_FROM


def task_details_visible(booking: Booking, staff: Staff, now: datetime) -> bool:
    """The full address, contact and notes: the assigned staff member only, from shortly before the start
    until the job is over. Whoever is shown them must be logged (services.reveal_task_details)."""
    return (
        booking.staff_id == staff.pk
        and booking.status in ACTIVE_STATUSES
        and now >= task_details_from(booking)
    )


def staff_tasks(staff: Staff, now: datetime | None = None) -> QuerySet[Booking]:
    """The staff member's jobs from today (Asia/Shanghai) for TASK_DAYS days, in the order they come."""
    today = timezone.localtime(now or timezone.now(), LOCAL_TIME).date()
    since = datetime.combine(today, time.min, tzinfo=LOCAL_TIME)
    return (
        Booking.objects.filter(staff=staff, start__gte=since, start__lt=since + timedelta(days=TASK_DAYS))
        .select_related("service", "district")
        .order_by("start", "pk")
    )


def provider_bookings(providers) -> QuerySet[Booking]:
    """Orders of ``providers`` (a queryset or a list), newest start first."""
    return (
        Booking.objects.filter(provider__in=providers)
        .select_related("service", "staff", "district", "provider")
        .order_by("-start", "-pk")
    )


def filter_bookings(
    bookings: QuerySet[Booking],
    *,
    status="",
    staff=None,
    date_from: date | None = None,
    date_to: date | None = None,
    needs_reassignment=False,
) -> QuerySet[Booking]:
    """The provider's order filters; dates are whole days in Asia/Shanghai, both ends included (a date
    outside FILTER_DATES sets no bound: the database could not hold the moment it stands for)."""
    if status:
        bookings = bookings.filter(status=status)
    if staff is not None:
        bookings = bookings.filter(staff=staff)
    if date_from and FILTER_DATES[0] < date_from:
        bookings = bookings.filter(start__gte=datetime.combine(date_from, time.min, tzinfo=LOCAL_TIME))
    if date_to and date_to < FILTER_DATES[1]:
        until = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=LOCAL_TIME)
        bookings = bookings.filter(start__lt=until)
    if needs_reassignment:
        bookings = bookings.filter(needs_reassignment=True)
    return bookings
