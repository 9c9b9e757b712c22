"""Dispatch: moving a booking to another staff member of its provider, and flagging a provider's future
bookings when it may no longer serve them (providers announce that through a signal, never an import)."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from providers.models import Staff
from providers.selectors import LOCAL_TIME

from .errors import BookingError, SlotTaken
from .models import ACTIVE_STATUSES, Booking, BookingEvent, StaffSlot
from .selectors import (
    eligible_staff,
    fits_shift,
    overlaps_taken,
    taken_units_by_staff,
    working_intervals_by_staff,
)
from .services import occupy_staff_time

Status = Booking.Status
REASSIGNABLE_STATUSES = (Status.PENDING, Status.CONFIRMED, Status.ASSIGNED)
FLAGGING_ACTIONS = ("suspend", "revoke")


def _booking_day(booking: Booking):
    return timezone.localtime(booking.start, LOCAL_TIME).date()


def reassign_candidates(booking: Booking) -> list[Staff]:
    """Staff of the booking's provider who could take it over: eligible, on shift for the whole job and free
    for it and its travel buffer. A fixed number of queries whatever the staff count."""
    if booking.status not in REASSIGNABLE_STATUSES:
        return []
    day = _booking_day(booking)
    staff = list(
        eligible_staff(booking.service, booking.district, day)
        .filter(provider_id=booking.provider_id)
        .exclude(pk=booking.staff_id)
        .order_by("real_name", "pk")
    )
    staff_ids = [member.pk for member in staff]
    working = working_intervals_by_staff(staff_ids, day)
    day_start = datetime.combine(day, time.min, tzinfo=LOCAL_TIME)
    taken = taken_units_by_staff(staff_ids, day_start, day_start + timedelta(days=2))
    return [
        member
        for member in staff
        if fits_shift(working.get(member.pk, []), booking.start, booking.end)
        and not overlaps_taken(taken.get(member.pk, set()), booking.start, booking.occupied_until)
    ]


@transaction.atomic
def reassign(booking: Booking, *, staff: Staff, actor) -> Booking:
    """Give ``booking`` to ``staff``, atomically: the old staff member keeps it unless the new one's time
    could be taken. Raises BookingError (with a code) when a rule is not met."""
    booking = Booking.objects.select_for_update().select_related("staff").get(pk=booking.pk)
    if booking.status not in REASSIGNABLE_STATUSES:
        raise BookingError(_("This order can no longer be reassigned."), code="wrong_status")
    if staff.provider_id != booking.provider_id:
        raise BookingError(_("Only staff of the order's provider can take it."), code="other_provider")
    if staff.pk == booking.staff_id:
        raise BookingError(
            _("%(name)s already has this order.") % {"name": staff.real_name}, code="same_staff"
        )
    day = _booking_day(booking)
    if not eligible_staff(booking.service, booking.district, day).filter(pk=staff.pk).exists():
        raise BookingError(
            _("%(name)s cannot do this service in this district on that day.") % {"name": staff.real_name},
            code="not_eligible",
        )
    if not fits_shift(
        working_intervals_by_staff([staff.pk], day).get(staff.pk, []), booking.start, booking.end
    ):
        raise BookingError(
            _("%(name)s is not working at that time.") % {"name": staff.real_name}, code="off_shift"
        )
    previous = booking.staff
    StaffSlot.objects.filter(booking=booking).delete()
    try:
        occupy_staff_time(staff.pk, booking.start, booking.occupied_until, booking=booking)
    except SlotTaken as exc:
        # Leaving this atomic block by an exception rolls the deletion back: the old staff keeps the time.
        raise BookingError(
            _("%(name)s is not free at that time.") % {"name": staff.real_name}, code="staff_busy"
        ) from exc
    booking.staff = staff
    booking.needs_reassignment = False
    booking.save(update_fields=["staff", "needs_reassignment", "updated_at"])
    BookingEvent.objects.create(
        booking=booking, actor=actor, action="reassigned", reason=f"{previous.real_name} → {staff.real_name}"
    )
    return booking


@transaction.atomic
def flag_future_bookings(provider) -> int:
    """Mark the provider's active bookings that have not started yet as needing a new staff member."""
    flagged = list(
        Booking.objects.select_for_update()
        .filter(provider=provider, status__in=ACTIVE_STATUSES, start__gt=timezone.now())
        .exclude(needs_reassignment=True)
        .values_list("pk", flat=True)
    )
    Booking.objects.filter(pk__in=flagged).update(needs_reassignment=True, updated_at=timezone.now())
    BookingEvent.objects.bulk_create([BookingEvent(booking_id=pk, action="flagged") for pk in flagged])
    return len(flagged)


def on_provider_status_changed(sender, *, provider, action, **kwargs):
    if action in FLAGGING_ACTIONS:
        flag_future_bookings(provider)
