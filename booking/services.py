"""Writes for bookings. The database's unique constraint on staff time units is what guarantees that
no staff member holds two overlapping bookings; these functions turn its refusal into a clear answer."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import ServicePage
from providers.models import ServiceOffer, Staff

from .models import Address, Booking, BookingEvent, DailySequence, SlotHold, StaffSlot
from .selectors import available_slots, booking_window, jobs_on, source_service, units


class BookingError(ValidationError):
    """A booking rule was not met; the message says which, in the customer's language."""


class SlotTaken(BookingError):
    def __init__(self):
        super().__init__(_("This time was just taken. Please choose another time."), code="slot_taken")


def _occupy(staff_id, start, until, *, booking=None, hold=None) -> None:
    """Take the staff member's units from ``start`` to ``until``; SlotTaken if any is already used."""
    now = timezone.now()
    # Expired holds give their time back: remove them first, in the same transaction.
    StaffSlot.objects.filter(
        staff_id=staff_id, starts_at__in=units(start, until), hold__expires_at__lte=now
    ).delete()
    rows = [
        StaffSlot(staff_id=staff_id, starts_at=unit, booking=booking, hold=hold)
        for unit in units(start, until)
    ]
    try:
        with transaction.atomic():
            StaffSlot.objects.bulk_create(rows)
    except IntegrityError as exc:
        raise SlotTaken() from exc


def _check_start(service: ServicePage, start) -> None:
    earliest, latest = booking_window()
    if start < earliest:
        raise BookingError(
            _("Book at least %(hours)s hours ahead.") % {"hours": settings.BOOKING_MIN_NOTICE_MINUTES // 60},
            code="too_soon",
        )
    if start > latest:
        raise BookingError(
            _("Bookings open %(days)s days ahead at most.") % {"days": settings.BOOKING_HORIZON_DAYS},
            code="too_far",
        )


def _candidates(service, district, start, preferred_staff=None) -> list[int]:
    """Staff free at ``start``: the one asked for first, then those with fewer jobs that day."""
    day = timezone.localtime(start).date()
    slots = [slot for slot in available_slots(service, district, day) if slot.start == start]
    if not slots:
        return []
    free = list(slots[0].staff_ids)
    load = jobs_on(free, day)
    free.sort(key=lambda staff_id: (staff_id != preferred_staff, load.get(staff_id, 0), staff_id))
    return free


@transaction.atomic
def hold_slot(*, customer, service: ServicePage, district, start, staff=None) -> SlotHold:
    """Keep ``start`` for the customer for a few minutes while they fill in the rest."""
    service = source_service(service)
    _check_start(service, start)
    SlotHold.objects.filter(customer=customer, expires_at__gt=timezone.now()).delete()
    for staff_id in _candidates(service, district, start, staff.pk if staff else None):
        if staff is not None and staff_id != staff.pk:
            break
        hold = SlotHold.objects.create(
            customer=customer,
            service=service,
            staff_id=staff_id,
            district=district,
            start=start,
            expires_at=timezone.now() + timedelta(minutes=settings.BOOKING_HOLD_MINUTES),
        )
        try:
            with transaction.atomic():
                _occupy(staff_id, start, _occupied_until(service, start), hold=hold)
        except SlotTaken:
            hold.delete()
            continue
        return hold
    raise SlotTaken()


def _occupied_until(service, start):
    return start + timedelta(minutes=service.duration_minutes + service.travel_buffer_minutes)


def next_booking_number(on) -> str:
    """SM20261121-0042: the day and a counter that restarts each day, short enough to read out."""
    sequence, _created = DailySequence.objects.get_or_create(day=on)
    DailySequence.objects.filter(day=on).update(last=F("last") + 1)
    sequence.refresh_from_db()
    return f"SM{on:%Y%m%d}-{sequence.last:04d}"


@transaction.atomic
def create_booking(
    *, customer, service: ServicePage, start, address: Address, notes: str = "", staff=None, hold=None
) -> Booking:
    """A booking of ``service`` at ``start`` at ``address``, assigned to a free eligible staff member.

    Raises SlotTaken when the time went to someone else first, BookingError for any other rule.
    """
    service = source_service(service)
    if address.customer_id != customer.pk:
        raise BookingError(_("Choose one of your own addresses."), code="invalid_address")
    if not service.districts.filter(pk=address.district_id).exists():
        raise BookingError(_("This service is not offered in %(district)s.") % {"district": address.district})
    _check_start(service, start)
    if hold is not None and hold.customer_id == customer.pk and hold.expires_at > timezone.now():
        # The hold's own units are handed over to the booking.
        staff_ids = [hold.staff_id] if hold.start == start else []
        hold.delete()
    else:
        staff_ids = []
    staff_ids = staff_ids or _candidates(service, address.district, start, staff.pk if staff else None)
    if staff is not None and staff.pk not in staff_ids:
        raise BookingError(
            _("%(name)s is not free at that time.") % {"name": staff.real_name}, code="staff_busy"
        )
    for staff_id in staff_ids:
        member = Staff.objects.select_related("provider").get(pk=staff_id)
        offer = ServiceOffer.objects.get(provider=member.provider, service=service)
        booking = Booking(
            number=next_booking_number(timezone.localdate()),
            customer=customer,
            service=service,
            provider=member.provider,
            staff=member,
            district=address.district,
            address_detail=address.detail,
            address_landmark=address.landmark,
            contact_name=address.contact_name,
            contact_phone=address.contact_phone,
            start=start,
            end=start + timedelta(minutes=service.duration_minutes),
            buffer_minutes=service.travel_buffer_minutes,
            price=offer.effective_price,
            notes=notes.strip(),
        )
        try:
            with transaction.atomic():
                booking.save()
                _occupy(staff_id, start, booking.occupied_until, booking=booking)
        except SlotTaken:
            continue
        BookingEvent.objects.create(
            booking=booking, actor=customer, action="created", to_status=booking.status
        )
        return booking
    raise SlotTaken()
