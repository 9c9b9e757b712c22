import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction

from booking import services
from booking.models import Booking, StaffSlot
from booking.selectors import available_slots
from booking.services import SlotTaken
from booking.tests.factories import bookable_setup, make_address, make_customer, tomorrow_at


@pytest.mark.django_db
def test_a_booking_takes_its_time_and_buffer(catalog):
    provider, (staff,) = bookable_setup(catalog)
    customer = make_customer()
    address = make_address(customer, catalog.rencheng)
    booking = services.create_booking(
        customer=customer, service=catalog.daily, start=tomorrow_at(10), address=address
    )
    assert booking.number.startswith("SM") and booking.staff == staff
    assert booking.end - booking.start == timedelta(minutes=120)
    # 120 minutes of work and 30 of travel: ten 15-minute units.
    assert StaffSlot.objects.filter(booking=booking).count() == 10
    starts = {slot.start for slot in available_slots(catalog.daily, catalog.rencheng, tomorrow_at(10).date())}
    assert tomorrow_at(10) not in starts
    assert tomorrow_at(12) not in starts, "the travel buffer keeps 12:00–12:30 free"
    assert tomorrow_at(8) not in starts, "a job from 8:00 would run into the booking"
    assert tomorrow_at(13) in starts


@pytest.mark.django_db
def test_the_database_refuses_an_overlapping_booking_inserted_directly(catalog):
    _provider, (staff,) = bookable_setup(catalog)
    customer = make_customer()
    booking = services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(customer, catalog.rencheng),
    )
    other = Booking.objects.create(
        number="SM-DIRECT-1",
        customer=customer,
        service=booking.service,
        provider=booking.provider,
        staff=staff,
        district=booking.district,
        address_detail="x",
        contact_name="x",
        contact_phone="x",
        start=tomorrow_at(11),
        end=tomorrow_at(13),
        buffer_minutes=30,
        price=booking.price,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffSlot.objects.create(staff=staff, starts_at=tomorrow_at(11, 15), booking=other)


@pytest.mark.django_db
def test_second_customer_gets_a_clear_answer(catalog):
    bookable_setup(catalog)
    first, second = make_customer(), make_customer()
    services.create_booking(
        customer=first,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(first, catalog.rencheng),
    )
    with pytest.raises(SlotTaken) as excinfo:
        services.create_booking(
            customer=second,
            service=catalog.daily,
            start=tomorrow_at(10),
            address=make_address(second, catalog.rencheng),
        )
    assert excinfo.value.code == "slot_taken"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_customers_booking_one_slot_get_one_booking():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers, so this race needs PostgreSQL; CI runs it there.")
    from types import SimpleNamespace

    from cms.tests.factories import build_catalog

    catalog = SimpleNamespace(**build_catalog())
    bookable_setup(catalog)
    customers = [make_customer() for _ in range(20)]
    addresses = [make_address(customer, catalog.rencheng) for customer in customers]
    start = tomorrow_at(10)
    barrier = threading.Barrier(20)
    outcomes = []

    def book(customer, address):
        try:
            barrier.wait()
            services.create_booking(customer=customer, service=catalog.daily, start=start, address=address)
            outcomes.append("booked")
        except SlotTaken:
            outcomes.append("taken")
        except Exception as exc:  # noqa: BLE001 - any other error is what this test must catch
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=pair) for pair in zip(customers, addresses, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked"] + ["taken"] * 19
    assert Booking.objects.filter(start=start).count() == 1
