"""The customer's side of the booking API: free times, addresses, orders (book, follow, change, cancel,
receipt), with the contract of each endpoint, idempotent writes, languages, query counts and who may call."""

import threading
from datetime import timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from booking import services
from booking.models import Address, Booking, BookingEvent
from booking.tests.factories import bookable_setup, make_address, make_customer, tomorrow_at
from booking.tests.test_invoices import bundled_fonts  # noqa: F401 - the fixture, for rendering receipts

pytestmark = pytest.mark.django_db

ADDRESS = "任城区古槐路 18 号 3 单元 502 室"
ERROR_KEYS = {"code", "detail", "fields"}
TO_COMPLETION = [
    ("confirm", services.SYSTEM),
    ("assign", services.SYSTEM),
    ("set_off", services.STAFF),
    ("start", services.STAFF),
    ("complete", services.STAFF),
]


def api(user=None, **headers) -> APIClient:
    client = APIClient(**headers)
    if user is not None:
        client.force_authenticate(user)
    return client


def url(name, *args):
    return reverse(f"api:{name}", args=args)


def order_body(catalog, address, start=None, **extra):
    return {
        "service": catalog.daily.pk,
        "start": (start or tomorrow_at(10)).isoformat(),
        "address": address.pk,
        **extra,
    }


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == ERROR_KEYS and body["code"] == code, body
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def complete(booking):
    for action, role in TO_COMPLETION:
        booking = services.move_booking(booking, action, actor=None, role=role)
    return booking


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def customer(catalog):
    return make_customer()


@pytest.fixture
def setup(catalog):
    return bookable_setup(catalog)


@pytest.fixture
def address(customer, catalog):
    return make_address(customer, catalog.rencheng, detail=ADDRESS)


# Availability ----------------------------------------------------------------------------------------------


def test_availability_lists_free_times_with_offsets_and_names_no_staff(catalog, setup):
    day = tomorrow_at(10).date()
    response = api().get(url("service-availability", catalog.daily.pk), {"date": day, "district": "370811"})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"date", "district", "service", "duration_minutes", "slots"}
    assert body["date"] == day.isoformat() and body["district"]["code"] == "370811"
    assert body["service"] == {"id": catalog.daily.pk, "title": "日常保洁服务 2小时"}
    assert body["duration_minutes"] == 120
    slots = body["slots"]
    assert {"start": tomorrow_at(10).isoformat(), "end": tomorrow_at(12).isoformat()} in slots
    assert all(set(slot) == {"start", "end"} and slot["start"].endswith("+08:00") for slot in slots)
    _provider, (staff,) = setup
    assert "staff" not in response.content.decode()

    customer = make_customer()
    services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(customer, catalog.rencheng),
    )
    again = api().get(url("service-availability", catalog.daily.pk), {"date": day, "district": "370811"})
    assert tomorrow_at(10).isoformat() not in {slot["start"] for slot in again.json()["slots"]}


def test_availability_of_the_english_page_in_english(catalog, setup):
    day = tomorrow_at(10).date().isoformat()
    chinese = api().get(url("service-availability", catalog.daily.pk), {"date": day, "district": "370811"})
    english = api().get(
        url("service-availability", catalog.en_daily.pk), {"date": day, "district": "370811", "lang": "en"}
    )

    assert english.status_code == 200
    assert english.json()["slots"] == chinese.json()["slots"]
    assert english.json()["service"]["title"] == "Daily home cleaning, 2 hours"
    assert english.json()["district"]["name"] != chinese.json()["district"]["name"]


def test_availability_refuses_bad_input_with_fields_never_a_500(catalog, setup):
    availability = url("service-availability", catalog.daily.pk)

    body = assert_error(api().get(availability, {"date": "2026-13-45", "district": "999999"}), 400, "invalid")
    assert set(body["fields"]) == {"date", "district"}
    body = assert_error(api().get(availability), 400, "invalid")
    assert set(body["fields"]) == {"date", "district"}
    # 370881 (曲阜) is offered, but a district the service is not offered in is refused like an unknown one.
    body = assert_error(
        api().get(url("service-availability", catalog.deep.pk), {"date": "2030-01-01", "district": "370881"}),
        400,
        "invalid",
    )
    assert set(body["fields"]) == {"district"}
    assert_error(
        api().get(url("service-availability", 999999), {"date": "2030-01-01", "district": "370811"}),
        404,
        "not_found",
    )
    assert_error(api().get(url("service-availability", catalog.housekeeping.pk)), 404, "not_found")
    for day in ("9999-12-31", "0001-01-01", "2000-01-01"):
        response = api().get(availability, {"date": day, "district": "370811"})
        assert response.status_code == 200 and response.json()["slots"] == []


@pytest.mark.parametrize("district", ["37081", "abc", "\x00", " 370811", ""])
def test_availability_in_a_district_code_of_the_wrong_shape_is_a_400_without_a_lookup(
    catalog, setup, district
):
    query = {"date": "2030-01-01", "district": district}
    with CaptureQueriesContext(connection) as queries:
        body = assert_error(api().get(url("service-availability", catalog.daily.pk), query), 400, "invalid")
    assert set(body["fields"]) == {"district"}
    assert not [query for query in queries if "cms_district" in query["sql"]]


def test_availability_for_a_staff_member_who_served_the_caller_before(catalog):
    _provider, (first, second) = bookable_setup(catalog, staff_count=2)
    customer = make_customer()
    served = complete(
        services.create_booking(
            customer=customer,
            service=catalog.daily,
            start=tomorrow_at(8),
            address=make_address(customer, catalog.rencheng),
            staff=first,
        )
    )
    other = make_customer()
    services.create_booking(
        customer=other,
        service=catalog.daily,
        start=tomorrow_at(13),
        address=make_address(other, catalog.rencheng),
        staff=served.staff,
    )
    query = {"date": tomorrow_at(13).date().isoformat(), "district": "370811", "staff": first.pk}

    starts = {
        slot["start"]
        for slot in api(customer).get(url("service-availability", catalog.daily.pk), query).json()["slots"]
    }
    assert tomorrow_at(13).isoformat() not in starts, "only the asked-for staff member's free times"
    assert tomorrow_at(16).isoformat() in starts
    # Nobody else may ask about that staff member, nor the customer about one who never served them.
    assert_error(api().get(url("service-availability", catalog.daily.pk), query), 400, "invalid")
    assert_error(api(other).get(url("service-availability", catalog.daily.pk), query), 400, "invalid")
    query["staff"] = second.pk
    assert (
        "staff"
        in assert_error(
            api(customer).get(url("service-availability", catalog.daily.pk), query), 400, "invalid"
        )["fields"]
    )


# Addresses -------------------------------------------------------------------------------------------------


def test_adding_and_listing_my_addresses(catalog, customer):
    body = {
        "district": "370811",
        "detail": ADDRESS,
        "landmark": "太白楼对面",
        "contact_name": "陈阿姨",
        "contact_phone": "+86 139-0000-1111",
    }
    response = api(customer).post(url("my-addresses"), body)

    assert response.status_code == 201, response.content
    created = response.json()
    assert set(created) == {
        "id",
        "district",
        "detail",
        "landmark",
        "contact_name",
        "contact_phone",
        "created_at",
    }
    assert created["district"] == {"code": "370811", "name": catalog.rencheng.name_zh}
    assert created["contact_phone"] == "13900001111", "normalised like the portal's form, and shown in full"
    assert created["created_at"].endswith("+08:00")
    address = Address.objects.get(pk=created["id"])
    assert address.customer == customer and address.detail == ADDRESS

    someone_else = make_customer()
    make_address(someone_else, catalog.rencheng)
    listed = api(customer).get(url("my-addresses")).json()
    assert listed["count"] == 1 and listed["results"] == [created]
    assert api(someone_else).get(url("my-addresses")).json()["results"][0]["id"] != created["id"]


def test_addresses_are_checked_like_the_portals_form(catalog, customer):
    body = {"district": "110101", "detail": "短", "contact_name": "陈", "contact_phone": "12345"}

    error = assert_error(api(customer).post(url("my-addresses"), body), 400, "invalid")
    assert set(error["fields"]) == {"district", "detail", "contact_phone"}
    english = assert_error(api(customer).post(url("my-addresses") + "?lang=en", body), 400, "invalid")
    assert english["fields"]["detail"] == ["Give the full address down to the house number."]
    missing = assert_error(
        api(customer, HTTP_ACCEPT_LANGUAGE="en").post(url("my-addresses"), {}), 400, "invalid"
    )
    assert missing["fields"]["detail"] == ["This field is required."]
    assert not Address.objects.filter(customer=customer).exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("detail", "  短地址  "),  # five characters only with the spaces around
        ("detail", "x" * 201),
        ("contact_name", "   "),
        ("contact_name", "陈" * 51),
        ("contact_name", 0),  # a JSON number is not a string
        ("district", " 370811"),
        ("district", 370811),
        ("contact_phone", "139 0000 1111 "),
        ("contact_phone", 13900001111),
    ],
)
def test_address_fields_are_checked_as_the_schema_states(catalog, customer, field, value):
    body = {"district": "370811", "detail": ADDRESS, "contact_name": "陈阿姨", "contact_phone": "13900001111"}
    error = assert_error(api(customer).post(url("my-addresses"), {**body, field: value}), 400, "invalid")
    assert set(error["fields"]) == {field}
    assert not Address.objects.filter(customer=customer).exists()


def test_the_address_schema_states_the_forms_rules(catalog):
    import re

    import yaml

    schema = yaml.safe_load(api().get("/api/v1/schema/").content)["components"]["schemas"]
    address = schema["CustomerAddressInputRequest"]["properties"]
    assert address["district"]["pattern"] == "^[0-9]{6}$"
    assert address["detail"]["maxLength"] == 200 and address["contact_name"]["maxLength"] == 50
    detail = re.compile(address["detail"]["pattern"].replace("$", r"\Z"))
    for text, accepted in [
        (ADDRESS, True),
        ("12345", True),
        ("  短地址  ", False),
        (" 1 2 3 ", True),
        ("a\x00bcde", False),
    ]:
        assert bool(detail.match(text)) == accepted, text


# Booking ---------------------------------------------------------------------------------------------------

BOOKING_FIELDS = {
    "id",
    "number",
    "status",
    "status_display",
    "service",
    "start",
    "end",
    "district",
    "staff",
    "provider",
    "price",
    "pay_by",
    "needs_reassignment",
    "payment",
}
DETAIL_FIELDS = BOOKING_FIELDS | {
    "address",
    "notes",
    "cancellation_fee",
    "free_change_until",
    "can_change",
    "can_cancel",
    "cancellation_fee_now",
    "has_invoice",
    "events",
    "created_at",
}
UNPAID = {
    "state": "unpaid",
    "amount": "0.00",
    "refunded": "0.00",
    "channel": None,
    "paid_at": None,
    "refunds": [],
}


def test_booking_a_service(catalog, setup, customer, address):
    _provider, (staff,) = setup
    response = api(customer).post(url("bookings"), order_body(catalog, address, notes=" 家里有猫 "))

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == DETAIL_FIELDS
    booking = Booking.objects.get()
    assert body["id"] == booking.pk and body["number"] == booking.number and body["number"].startswith("SM")
    assert (body["status"], body["status_display"]) == ("pending", "待支付")
    assert body["price"] == "120.00" and body["cancellation_fee"] is None
    assert body["start"] == tomorrow_at(10).isoformat() and body["end"] == tomorrow_at(12).isoformat()
    assert body["pay_by"].endswith("+08:00") and body["created_at"].endswith("+08:00")
    assert body["payment"] == UNPAID
    assert body["service"] == {"id": catalog.daily.pk, "title": "日常保洁服务 2小时"}
    assert body["staff"] == {"id": staff.pk, "name": staff.real_name}
    assert body["provider"]["id"] == booking.provider_id
    assert body["address"] == {
        "district": {"code": "370811", "name": catalog.rencheng.name_zh},
        "detail": ADDRESS,
        "landmark": "太白楼对面",
        "contact_name": "陈阿姨",
        "contact_phone": "13900001111",
    }
    assert body["notes"] == "家里有猫"
    assert body["can_change"] and body["can_cancel"] and body["cancellation_fee_now"] == "0.00"
    assert not body["has_invoice"]
    assert [(event["action"], event["to_status"]) for event in body["events"]] == [("created", "pending")]
    assert isinstance(body["events"][0]["label"], str) and body["events"][0]["label"]


def test_booking_from_the_english_page_books_the_source_service(catalog, setup, customer, address):
    body = order_body(catalog, address)
    body["service"] = catalog.en_daily.pk
    response = api(customer).post(url("bookings") + "?lang=en", body)

    assert response.status_code == 201, response.content
    assert response.json()["service"] == {"id": catalog.daily.pk, "title": "Daily home cleaning, 2 hours"}
    assert response.json()["status_display"] == "Waiting for payment"


def test_booking_at_an_address_that_is_not_mine_is_refused(catalog, setup, customer):
    stranger = make_customer()
    theirs = make_address(stranger, catalog.rencheng)

    assert_error(api(customer).post(url("bookings"), order_body(catalog, theirs)), 400, "invalid_address")
    missing = order_body(catalog, theirs)
    missing["address"] = 999999
    assert_error(api(customer).post(url("bookings"), missing), 400, "invalid_address")
    assert not Booking.objects.exists()


def test_booking_refuses_bad_input_with_stable_codes(catalog, setup, customer, address):
    client = api(customer)

    error = assert_error(client.post(url("bookings"), {}), 400, "invalid")
    assert set(error["fields"]) == {"service", "start", "address"}
    for field, value in [
        ("service", 999999),
        ("service", catalog.housekeeping.pk),
        ("service", 0),
        ("start", "tomorrow"),
        ("staff", 999999),
        ("staff", 0),
        ("address", 0),
        ("address", -1),
        ("notes", 12),
    ]:
        body = {**order_body(catalog, address), field: value}
        assert set(assert_error(client.post(url("bookings"), body), 400, "invalid")["fields"]) == {field}
    assert_error(
        client.post(url("bookings"), order_body(catalog, address, start=tomorrow_at(10) - timedelta(days=2))),
        400,
        "too_soon",
    )
    assert_error(
        client.post(
            url("bookings"), order_body(catalog, address, start=tomorrow_at(10) + timedelta(days=90))
        ),
        400,
        "too_far",
    )
    # A time that is not one of the free starts, and years no calendar can hold, are refusals too.
    assert_error(
        client.post(url("bookings"), order_body(catalog, address, start=tomorrow_at(10, 5))),
        409,
        "slot_taken",
    )
    for start in ("9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-12:00"):
        response = client.post(url("bookings"), {**order_body(catalog, address), "start": start})
        assert response.status_code == 400 and set(response.json()) == ERROR_KEYS
    response = client.post(url("bookings"), "not json", content_type="application/json")
    assert_error(response, 400, "parse_error")
    assert not Booking.objects.exists()


def test_a_taken_time_is_a_409_with_a_stable_code(catalog, setup, customer, address):
    first = make_customer()
    services.create_booking(
        customer=first,
        service=catalog.daily,
        start=tomorrow_at(10),
        address=make_address(first, catalog.rencheng),
    )

    body = assert_error(api(customer).post(url("bookings"), order_body(catalog, address)), 409, "slot_taken")
    english = assert_error(
        api(customer, HTTP_ACCEPT_LANGUAGE="en").post(url("bookings"), order_body(catalog, address)),
        409,
        "slot_taken",
    )
    assert english["detail"] == "This time was just taken. Please choose another time." != body["detail"]
    assert Booking.objects.count() == 1


def test_booking_again_a_staff_member_who_served_me(catalog, customer, address):
    _provider, (first, second) = bookable_setup(catalog, staff_count=2)
    served = complete(
        services.create_booking(
            customer=customer, service=catalog.daily, start=tomorrow_at(8), address=address, staff=second
        )
    )

    response = api(customer).post(
        url("bookings"), order_body(catalog, address, start=tomorrow_at(13), staff=second.pk)
    )
    assert response.status_code == 201, response.content
    assert response.json()["staff"]["id"] == served.staff_id == second.pk
    # A staff member who never served the customer cannot be asked for by name.
    refused = order_body(catalog, address, start=tomorrow_at(16), staff=first.pk)
    assert set(assert_error(api(customer).post(url("bookings"), refused), 400, "invalid")["fields"]) == {
        "staff"
    }


# Idempotency -----------------------------------------------------------------------------------------------


def test_a_retry_with_the_same_key_returns_the_first_answer_and_books_nothing_more(
    catalog, setup, customer, address
):
    client = api(customer)
    body = order_body(catalog, address)

    first = client.post(url("bookings"), body, HTTP_IDEMPOTENCY_KEY="order-1")
    again = client.post(url("bookings"), body, HTTP_IDEMPOTENCY_KEY="order-1")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Booking.objects.count() == 1
    other = client.post(url("bookings"), {**body, "notes": "改了"}, HTTP_IDEMPOTENCY_KEY="order-1")
    assert_error(other, 422, "idempotency_key_reused")
    assert Booking.objects.count() == 1


def test_a_refused_attempt_leaves_the_key_free_for_a_corrected_retry(catalog, setup, customer, address):
    client = api(customer)
    stranger_address = make_address(make_customer(), catalog.rencheng)

    refused = client.post(url("bookings"), order_body(catalog, stranger_address), HTTP_IDEMPOTENCY_KEY="k")
    assert_error(refused, 400, "invalid_address")
    retried = client.post(url("bookings"), order_body(catalog, stranger_address), HTTP_IDEMPOTENCY_KEY="k")
    assert_error(retried, 400, "invalid_address")
    corrected = client.post(url("bookings"), order_body(catalog, address), HTTP_IDEMPOTENCY_KEY="k-2")
    assert corrected.status_code == 201


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_concurrent_posts_with_one_key_make_one_booking():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers, so this race needs PostgreSQL; CI runs it there.")
    from types import SimpleNamespace

    from cms.tests.factories import build_catalog

    catalog = SimpleNamespace(**build_catalog())
    bookable_setup(catalog, staff_count=2)
    customer = make_customer()
    body = order_body(catalog, make_address(customer, catalog.rencheng))
    barrier = threading.Barrier(10)
    replies = []

    def post():
        try:
            client = api(customer)
            barrier.wait()
            response = client.post(url("bookings"), body, HTTP_IDEMPOTENCY_KEY="same-key")
            replies.append((response.status_code, response.json()))
        except Exception as exc:  # noqa: BLE001 - any error is what this test must catch
            replies.append((0, repr(exc)))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [status for status, _body in replies] == [201] * 10, replies
    assert all(reply == replies[0][1] for _status, reply in replies)
    assert Booking.objects.count() == 1 and replies[0][1]["id"] == Booking.objects.get().pk


# Following, changing and cancelling -------------------------------------------------------------------------


def test_my_orders_are_mine_only_newest_first_and_paginated(catalog, setup, customer, address):
    mine = [
        services.create_booking(customer=customer, service=catalog.daily, start=start, address=address)
        for start in (tomorrow_at(8), tomorrow_at(13))
    ]
    stranger = make_customer()
    services.create_booking(
        customer=stranger,
        service=catalog.daily,
        start=tomorrow_at(16),
        address=make_address(stranger, catalog.rencheng),
    )

    body = api(customer).get(url("bookings")).json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 2 and [row["id"] for row in body["results"]] == [mine[1].pk, mine[0].pk]
    assert set(body["results"][0]) == BOOKING_FIELDS and body["results"][0]["payment"] == UNPAID
    first_page = api(customer).get(url("bookings"), {"page_size": 1}).json()
    assert len(first_page["results"]) == 1 and first_page["next"]
    assert_error(api(customer).get(url("bookings"), {"page": 9}), 404, "not_found")
    lots = assert_error(api(customer).get(url("bookings"), {"page_size": "lots"}), 400, "invalid")
    assert list(lots["fields"]) == ["page_size"]


def _many_bookings(catalog, customer, count):
    """``count`` orders of one customer with a paid payment each, written directly: the list reads them."""
    from payments.models import Payment

    provider, (staff,) = bookable_setup(catalog)
    bookings = []
    for n in range(count):
        start = tomorrow_at(8) + timedelta(days=n)
        booking = Booking.objects.create(
            number=f"SM-LIST-{n:03d}",
            customer=customer,
            service=catalog.daily,
            provider=provider,
            staff=staff,
            district=catalog.rencheng,
            address_detail=ADDRESS,
            contact_name="陈阿姨",
            contact_phone="13900001111",
            start=start,
            end=start + timedelta(hours=2),
            buffer_minutes=30,
            price=Decimal("120.00"),
            status=Booking.Status.ASSIGNED,
        )
        Payment.objects.create(
            booking=booking,
            channel="sandbox",
            method="cashier",
            out_trade_no=f"{booking.number}-P",
            transaction_id=f"T{n}",
            amount=booking.price,
            status="paid",
            expires_at=start,
            paid_at=start - timedelta(days=1),
        )
        bookings.append(booking)
    return bookings


def test_my_orders_take_a_fixed_number_of_queries(catalog, customer, django_assert_max_num_queries):
    _many_bookings(catalog, customer, 22)
    client = api(customer)
    client.get(url("bookings"), {"page_size": 2})
    with CaptureQueriesContext(connection) as few:
        small = client.get(url("bookings"), {"page_size": 2})
    assert len(small.json()["results"]) == 2

    with django_assert_max_num_queries(len(few)):
        large = client.get(url("bookings"), {"page_size": 20})
    assert len(large.json()["results"]) == 20
    assert {row["payment"]["state"] for row in large.json()["results"]} == {"paid"}


def test_one_of_my_orders_and_nobody_elses(catalog, setup, customer, address):
    booking = services.create_booking(
        customer=customer, service=catalog.daily, start=tomorrow_at(10), address=address
    )

    response = api(customer).get(url("booking", booking.pk))
    assert response.status_code == 200 and set(response.json()) == DETAIL_FIELDS
    assert response.json()["free_change_until"] == (tomorrow_at(8)).isoformat()
    assert_error(api(make_customer()).get(url("booking", booking.pk)), 404, "not_found")
    assert_error(api(customer).get(url("booking", 999999)), 404, "not_found")


def test_an_unpaid_order_past_its_window_shows_as_cancelled(catalog, setup, customer, address):
    booking = services.create_booking(
        customer=customer, service=catalog.daily, start=tomorrow_at(10), address=address
    )

    with at(booking.pay_by + timedelta(seconds=1)):
        body = api(customer).get(url("booking", booking.pk)).json()
    assert body["status"] == "cancelled_platform" and not body["can_cancel"]
    assert body["events"][-1]["reason"] == "未按时支付，时间已释放。"


def test_changing_notes_time_and_address(catalog, setup, customer, address):
    booking = services.create_booking(
        customer=customer, service=catalog.daily, start=tomorrow_at(10), address=address
    )
    client = api(customer)

    body = client.patch(url("booking", booking.pk), {"notes": "请带鞋套"}).json()
    assert body["notes"] == "请带鞋套" and body["events"][-1]["action"] == "changed"
    body = client.patch(url("booking", booking.pk), {"start": tomorrow_at(13).isoformat()}).json()
    assert body["start"] == tomorrow_at(13).isoformat() and body["events"][-1]["action"] == "rescheduled"
    other = make_address(customer, catalog.rencheng, detail="任城区太白楼中路 9 号 1 单元 101 室")
    body = client.patch(url("booking", booking.pk), {"address": other.pk}).json()
    assert body["address"]["detail"] == "任城区太白楼中路 9 号 1 单元 101 室"

    theirs = make_address(make_customer(), catalog.rencheng)
    assert_error(client.patch(url("booking", booking.pk), {"address": theirs.pk}), 400, "invalid_address")
    assert_error(client.patch(url("booking", booking.pk), {"address": 999999}), 400, "invalid_address")
    assert client.patch(url("booking", booking.pk), {}).json()["notes"] == "请带鞋套", "nothing to change"
    assert_error(client.patch(url("booking", booking.pk), {"start": "soon"}), 400, "invalid")
    assert_error(api(make_customer()).patch(url("booking", booking.pk), {"notes": "x"}), 404, "not_found")
    booking.refresh_from_db()
    assert booking.address_detail == "任城区太白楼中路 9 号 1 单元 101 室" and booking.start == tomorrow_at(
        13
    )


def test_changes_after_the_free_change_deadline_break_the_policy(catalog, setup, customer, address):
    booking = services.create_booking(
        customer=customer, service=catalog.daily, start=tomorrow_at(10), address=address
    )

    with at(tomorrow_at(9)):
        assert not api(customer).get(url("booking", booking.pk)).json()["can_change"]
        error = assert_error(
            api(customer).patch(url("booking", booking.pk) + "?lang=en", {"notes": "晚了"}),
            409,
            "policy_violation",
        )
    assert "2 hours before the start" in error["detail"]
    assert Booking.objects.get(pk=booking.pk).notes == ""


def test_cancelling_my_order(catalog, setup, customer, address):
    booking = services.create_booking(
        customer=customer, service=catalog.daily, start=tomorrow_at(10), address=address
    )
    client = api(customer)

    assert_error(api(make_customer()).post(url("booking-cancel", booking.pk), {}), 404, "not_found")
    first = client.post(url("booking-cancel", booking.pk), {"reason": "临时有事"}, HTTP_IDEMPOTENCY_KEY="c-1")
    again = client.post(url("booking-cancel", booking.pk), {"reason": "临时有事"}, HTTP_IDEMPOTENCY_KEY="c-1")

    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    body = first.json()
    assert set(body) == DETAIL_FIELDS
    assert body["status"] == "cancelled_customer" and body["cancellation_fee"] == "0.00"
    assert body["payment"] == UNPAID and not body["can_cancel"]
    assert body["events"][-1]["reason"] == "临时有事"
    assert BookingEvent.objects.filter(booking=booking, action="cancel_by_customer").count() == 1
    assert_error(client.post(url("booking-cancel", booking.pk), {}), 409, "wrong_status")


# The receipt -----------------------------------------------------------------------------------------------


def test_the_receipt_of_a_completed_order(catalog, setup, customer, address, bundled_fonts):  # noqa: F811
    booking = services.create_booking(
        customer=customer, service=catalog.daily, start=tomorrow_at(10), address=address
    )
    receipt = url("booking-invoice", booking.pk)

    assert_error(api(customer).get(receipt), 404, "no_invoice")
    assert_error(api(customer, HTTP_ACCEPT="application/pdf").get(receipt), 404, "no_invoice")
    complete(booking)

    response = api(customer).get(receipt)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('.pdf"')
    assert api(customer, HTTP_ACCEPT="application/pdf").get(receipt).status_code == 200
    for asked in ("", "json", "xml"):
        # The stored type is the answer: ?format= picks nothing (and is not in the schema).
        assert api(customer).get(receipt, {"format": asked})["Content-Type"] == "application/pdf"
    assert api(customer).get(url("booking", booking.pk)).json()["has_invoice"]
    assert_error(api(make_customer()).get(receipt), 404, "not_found")
    assert_error(api().get(receipt), 401, "not_authenticated")


# Who may call ----------------------------------------------------------------------------------------------


def test_permission_matrix_for_the_customers_endpoints(catalog):
    provider, (staff,) = bookable_setup(catalog)
    owner, other = make_customer(), make_customer()
    address = make_address(owner, catalog.rencheng)
    booking = services.create_booking(
        customer=owner, service=catalog.daily, start=tomorrow_at(10), address=address
    )
    users = {
        "anonymous": None,
        "owner": owner,
        "other": other,
        "staff": staff.user,
        "provider": provider.admin_user,
    }
    calls = [
        ("GET", url("bookings"), None, {"anonymous": 401, "*": 200}),
        ("POST", url("bookings"), {}, {"anonymous": 401, "*": 400}),
        ("GET", url("my-addresses"), None, {"anonymous": 401, "*": 200}),
        ("POST", url("my-addresses"), {}, {"anonymous": 401, "*": 400}),
        ("GET", url("booking", booking.pk), None, {"anonymous": 401, "owner": 200, "*": 404}),
        ("PATCH", url("booking", booking.pk), {"notes": "x"}, {"anonymous": 401, "owner": 200, "*": 404}),
        ("POST", url("booking-cancel", booking.pk), {}, {"anonymous": 401, "owner": 200, "*": 404}),
        ("GET", url("booking-invoice", booking.pk), None, {"anonymous": 401, "*": 404}),
        (
            "POST",
            url("booking-pay", booking.pk),
            {"channel": "sandbox"},
            {"anonymous": 401, "owner": 201, "*": 404},
        ),
        (
            "GET",
            url("service-availability", catalog.daily.pk) + "?date=2030-01-01&district=370811",
            None,
            {"*": 200},
        ),
    ]
    wrong = []
    for method, path, data, expected in calls:
        for role, user in users.items():
            with transaction.atomic():
                response = getattr(api(user), method.lower())(path, data)
                transaction.set_rollback(True)
            want = expected.get(role, expected.get("*"))
            if response.status_code != want or (want >= 400 and set(response.json()) != ERROR_KEYS):
                wrong.append((method, path, role, response.status_code, want))
    assert wrong == []


def test_a_real_jwt_from_the_token_endpoint_authenticates(catalog, setup, customer, address):
    signed_in = APIClient().post(url("token"), {"username": customer.phone, "password": "customer-pass-2026"})
    assert signed_in.status_code == 200, signed_in.content
    client = APIClient(HTTP_AUTHORIZATION=f"Bearer {signed_in.json()['access']}")

    response = client.post(url("bookings"), order_body(catalog, address), HTTP_IDEMPOTENCY_KEY="jwt-1")
    assert response.status_code == 201, response.content
    assert client.get(url("booking", response.json()["id"])).status_code == 200
    assert client.get(url("bookings")).json()["count"] == 1
    refused = APIClient(HTTP_AUTHORIZATION="Bearer not-a-token").get(url("bookings"))
    assert refused.status_code == 401 and set(refused.json()) == ERROR_KEYS


def test_ids_in_order_bodies_are_documented_from_1(catalog):
    import yaml

    schema = yaml.safe_load(api().get("/api/v1/schema/").content)
    components = schema["components"]["schemas"]
    for name, fields in (
        ("BookingCreateRequest", ("service", "address", "staff")),
        ("PatchedBookingChangeRequest", ("address",)),
    ):
        for field in fields:
            assert components[name]["properties"][field]["minimum"] == 1, (name, field)
    (key,) = [
        p
        for p in schema["paths"]["/api/v1/bookings/"]["post"]["parameters"]
        if p["name"] == "Idempotency-Key"
    ]
    assert key["schema"] == {"type": "string", "maxLength": 255}
