from booking import services as booking_services
from booking.tests.factories import bookable_setup, make_address, make_customer, tomorrow_at


def pending_booking(catalog, *, customer=None, hour=10, setup=True):
    """An order placed and waiting for payment, in 任城区 tomorrow."""
    if setup:
        bookable_setup(catalog)
    customer = customer or make_customer()
    return booking_services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=tomorrow_at(hour),
        address=make_address(customer, catalog.rencheng),
    )
