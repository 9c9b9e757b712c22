import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

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


@pytest.mark.django_db
def test_life_cycle_moves_only_for_the_right_role(catalog):
    bookable_setup(catalog)
    customer = make_customer()
    booking = services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(customer, catalog.rencheng),
    )
    with pytest.raises(services.BookingError):
        services.move_booking(booking, "confirm", actor=customer, role=services.CUSTOMER)
    for action, role in [
        ("confirm", services.SYSTEM),
        ("assign", services.SYSTEM),
        ("set_off", services.STAFF),
        ("start", services.STAFF),
        ("complete", services.STAFF),
    ]:
        booking = services.move_booking(booking, action, actor=None, role=role)
    assert booking.status == Booking.Status.COMPLETED
    assert [event.action for event in booking.events.all()] == [
        "created",
        "confirm",
        "assign",
        "set_off",
        "start",
        "complete",
    ]
    with pytest.raises(services.BookingError):
        services.move_booking(booking, "cancel_by_customer", actor=customer, role=services.CUSTOMER)


@pytest.mark.django_db
def test_cancelling_gives_the_time_back(catalog):
    bookable_setup(catalog)
    first, second = make_customer(), make_customer()
    booking = services.create_booking(
        customer=first,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(first, catalog.rencheng),
    )
    services.move_booking(booking, "cancel_by_customer", actor=first, role=services.CUSTOMER)
    again = services.create_booking(
        customer=second,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(second, catalog.rencheng),
    )
    assert again.staff == booking.staff


@pytest.mark.django_db
def test_rescheduling_is_atomic(catalog):
    bookable_setup(catalog)
    first, second = make_customer(), make_customer()
    mine = services.create_booking(
        customer=first,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(first, catalog.rencheng),
    )
    services.create_booking(
        customer=second,
        service=catalog.daily,
        start=tomorrow_at(14),
        address=make_address(second, catalog.rencheng),
    )
    with pytest.raises(SlotTaken):
        services.reschedule(mine, actor=first, start=tomorrow_at(14))
    assert StaffSlot.objects.filter(booking=mine).count() == 10, (
        "the old time is kept when the new one is taken"
    )
    moved = services.reschedule(mine, actor=first, start=tomorrow_at(8))
    assert moved.start == tomorrow_at(8)
    assert StaffSlot.objects.filter(booking=mine).count() == 10


@pytest.mark.django_db
def test_a_hold_keeps_the_time_for_its_customer_only(catalog):
    bookable_setup(catalog)
    first, second = make_customer(), make_customer()
    hold = services.hold_slot(
        customer=first, service=catalog.daily, district=catalog.rencheng, start=tomorrow_at(10)
    )
    with pytest.raises(SlotTaken):
        services.create_booking(
            customer=second,
            service=catalog.daily,
            start=tomorrow_at(10),
            address=make_address(second, catalog.rencheng),
        )
    booking = services.create_booking(
        customer=first,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(first, catalog.rencheng),
        hold=hold,
    )
    assert booking.staff_id == hold.staff_id


@pytest.mark.django_db
def test_booking_rules_are_explained(catalog):
    bookable_setup(catalog)
    customer = make_customer()
    address = make_address(customer, catalog.rencheng)
    soon = timezone.now() + timedelta(minutes=30)
    with pytest.raises(services.BookingError) as excinfo:
        services.create_booking(customer=customer, service=catalog.daily, start=soon, address=address)
    assert excinfo.value.code == "too_soon"
    far = tomorrow_at(10) + timedelta(days=60)
    with pytest.raises(services.BookingError) as excinfo:
        services.create_booking(customer=customer, service=catalog.daily, start=far, address=address)
    assert excinfo.value.code == "too_far"
    stranger = make_customer()
    with pytest.raises(services.BookingError) as excinfo:
        services.create_booking(
            customer=stranger, service=catalog.daily, start=tomorrow_at(10), address=address
        )
    assert excinfo.value.code == "invalid_address"
