"""Orders that have been paid and served, as the real services make them."""

from datetime import timedelta

from booking import services as booking_services
from booking.services import STAFF
from booking.tests.factories import bookable_setup, make_address, make_customer, tomorrow_at
from payments.demo import pay_in_sandbox


def paid_booking(catalog, *, customer=None, day=0, hour=10, setup=True):
    """An order placed in 任城区 ``day`` days after tomorrow and paid in the sandbox: confirmed and assigned."""
    if setup:
        bookable_setup(catalog)
    customer = customer or make_customer()
    booking = booking_services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=tomorrow_at(hour) + timedelta(days=day),
        address=make_address(customer, catalog.rencheng),
    )
    return pay_in_sandbox(booking)


def completed_booking(catalog, *, customer=None, day=0, hour=10, setup=True):
    """An order paid, served and completed by its staff member (its receipt issued)."""
    booking = paid_booking(catalog, customer=customer, day=day, hour=hour, setup=setup)
    for action in ("set_off", "start", "complete"):
        booking = booking_services.move_booking(booking, action, actor=booking.staff.user, role=STAFF)
    return booking


def completed_bookings(catalog, count, *, customer=None):
    """``count`` completed orders of one customer on successive days, all served by one provider's one staff
    member."""
    bookable_setup(catalog)
    customer = customer or make_customer()
    return [completed_booking(catalog, customer=customer, day=day, setup=False) for day in range(count)]
