"""Providers' daily statements: the numbers, the exports, who may download them, and the reconciliation
command. Orders are paid and refunded through the real path: the sandbox gateway signs the notification and
payments.services verifies and applies it."""

import csv
import io
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from booking import services as booking_services
from booking.tests.factories import bookable_setup, make_address, make_customer
from payments import services, statements
from payments.gateways import gateway_for
from payments.models import Discrepancy, Payment, Refund, SandboxTrade
from providers import services as provider_services
from providers.permissions import REVIEWERS_GROUP
from providers.selectors import LOCAL_TIME
from providers.tests.factories import make_applicant

pytestmark = pytest.mark.django_db

OK, FORBIDDEN, LOGIN, BAD_REQUEST = 200, 403, 302, 400


@pytest.fixture(autouse=True)
def ten_percent_fee(settings):
    settings.PLATFORM_FEE_PERCENT = Decimal("10")


def order_start(index):
    """Two jobs a day for the one staff member, from tomorrow on: 08:00 and 13:00 Beijing time."""
    day = timezone.localdate(timezone=LOCAL_TIME) + timedelta(days=1 + index // 2)
    return datetime.combine(day, time(8 if index % 2 == 0 else 13), tzinfo=LOCAL_TIME)


def paid_order(catalog, provider, customer, index=0):
    """A booking of ``provider``'s staff, paid at the sandbox cashier; returns its payment."""
    booking = booking_services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=order_start(index),
        address=make_address(customer, catalog.rencheng),
        staff=provider.staff.first(),
    )
    payment, _checkout = services.start_payment(booking, channel="sandbox")
    signed = gateway_for("sandbox").pay(payment.out_trade_no)
    assert services.handle_notification(
        "sandbox", headers=signed["headers"], body=signed["body"], remote_addr="127.0.0.1"
    )
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    return payment


def refund(payment, amount, django_capture_on_commit_callbacks):
    """A refund through services: submitted to the sandbox on commit, which confirms it at once."""
    with django_capture_on_commit_callbacks(execute=True):
        made = services.request_refund(payment, Decimal(amount), kind=Refund.Kind.GOODWILL, reason="测试退款")
    made.refresh_from_db()
    assert made.status == Refund.Status.SUCCEEDED
    return made


def today():
    return statements.local_today()


@pytest.fixture
def world(catalog):
    provider_a, _staff = bookable_setup(catalog)
    provider_b, _staff = bookable_setup(catalog)
    return {"catalog": catalog, "a": provider_a, "b": provider_b, "customer": make_customer()}


# Numbers ---------------------------------------------------------------------------------------------------


def test_a_day_with_two_paid_orders_and_a_partial_refund(world, django_capture_on_commit_callbacks):
    first = paid_order(world["catalog"], world["a"], world["customer"], 0)
    second = paid_order(world["catalog"], world["a"], world["customer"], 1)
    other = paid_order(world["catalog"], world["b"], world["customer"], 0)
    refund(first, "30.00", django_capture_on_commit_callbacks)

    statement = statements.provider_statement(world["a"], today())

    rows = [
        (line.number, line.amounts.paid, line.amounts.refunded, line.amounts.platform_fee, line.amounts.net)
        for line in statement.lines
    ]
    assert rows == [
        (first.booking.number, Decimal("120.00"), Decimal("30.00"), Decimal("9.00"), Decimal("81.00")),
        (second.booking.number, Decimal("120.00"), Decimal("0.00"), Decimal("12.00"), Decimal("108.00")),
    ]
    assert statement.lines[0].service == world["catalog"].daily.title
    assert statement.totals == statements.Totals(
        orders=2,
        paid=Decimal("240.00"),
        refunded=Decimal("30.00"),
        platform_fee=Decimal("21.00"),
        net=Decimal("189.00"),
    )
    assert all(isinstance(value, Decimal) for value in rows[0][1:])
    assert other.booking.number not in {line.number for line in statement.lines}

    overview = statements.daily_overview(today())
    assert [(row.provider, row.totals.orders, row.totals.net) for row in overview.rows] == sorted(
        [(world["a"], 2, Decimal("189.00")), (world["b"], 1, Decimal("108.00"))],
        key=lambda row: row[0].legal_name_zh,
    )
    assert overview.totals.paid == Decimal("360.00") and overview.totals.platform_fee == Decimal("33.00")


def test_a_refund_of_an_order_paid_on_an_earlier_day_costs_no_fee(world, django_capture_on_commit_callbacks):
    payment = paid_order(world["catalog"], world["a"], world["customer"])
    yesterday_evening = datetime.combine(today() - timedelta(days=1), time(23, 30), tzinfo=LOCAL_TIME)
    Payment.objects.filter(pk=payment.pk).update(paid_at=yesterday_evening)
    refund(payment, "50.00", django_capture_on_commit_callbacks)

    on_paid_day = statements.provider_statement(world["a"], today() - timedelta(days=1))
    on_refund_day = statements.provider_statement(world["a"], today())

    assert on_paid_day.totals.paid == Decimal("120.00") and on_paid_day.totals.refunded == Decimal("0.00")
    [line] = on_refund_day.lines
    assert (line.amounts.paid, line.amounts.refunded) == (Decimal("0.00"), Decimal("50.00"))
    assert line.amounts.platform_fee == Decimal("0.00")
    assert line.amounts.net == Decimal("-50.00")


def test_days_are_beijing_days(world):
    payment = paid_order(world["catalog"], world["a"], world["customer"])
    # 07:30 in Beijing is still the day before in UTC; it belongs to the Beijing day.
    early = datetime.combine(today(), time(7, 30), tzinfo=LOCAL_TIME)
    Payment.objects.filter(pk=payment.pk).update(paid_at=early)
    assert statements.provider_statement(world["a"], today()).totals.orders == 1
    assert statements.provider_statement(world["a"], today() - timedelta(days=1)).totals.orders == 0


@pytest.mark.parametrize(
    "percent, paid, refunded, fee",
    [
        ("7.5", "103.00", "0", "7.73"),  # 7.725: half up, where banker's rounding would give 7.72
        ("7.5", "101.00", "0", "7.58"),
        ("10", "0.05", "0", "0.01"),  # 0.005 rounds up to a cent
        ("10", "120.00", "120.00", "0.00"),
        ("10", "0.00", "30.00", "0.00"),  # never negative
        ("0", "120.00", "0", "0.00"),
    ],
)
def test_platform_fee_rounds_half_up_to_the_cent(settings, percent, paid, refunded, fee):
    settings.PLATFORM_FEE_PERCENT = Decimal(percent)
    assert statements.platform_fee(Decimal(paid), Decimal(refunded)) == Decimal(fee)


def test_an_orders_fee_is_rounded_on_its_line(world, settings):
    settings.PLATFORM_FEE_PERCENT = Decimal("7.5")
    provider_services.offer_service(world["a"], service=world["catalog"].daily, price=Decimal("103.00"))
    paid_order(world["catalog"], world["a"], world["customer"], 0)
    paid_order(world["catalog"], world["a"], world["customer"], 1)
    statement = statements.provider_statement(world["a"], today())
    assert [line.amounts.platform_fee for line in statement.lines] == [Decimal("7.73")] * 2
    # Totals add the lines up, so the statement's columns always sum to its total.
    assert statement.totals.platform_fee == Decimal("15.46")
    assert statement.totals.net == Decimal("190.54")


# The portal page and its downloads -------------------------------------------------------------------------


def page_url(provider, day=None):
    url = reverse("payment_statements:statements", args=[provider.pk])
    return f"{url}?day={day:%Y-%m-%d}" if day else url


def download_url(provider, day, fmt):
    return reverse("payment_statements:download", args=[provider.pk, f"{day:%Y-%m-%d}", fmt])


@pytest.fixture
def people(world, django_user_model):
    dispatcher = make_applicant(name="调度员")
    provider_services.add_member(world["a"], dispatcher, "dispatcher")
    reviewer = make_applicant(name="审核员")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return {
        "anonymous": None,
        "customer": world["customer"],
        "a_admin": world["a"].admin_user,
        "a_dispatcher": dispatcher,
        "a_staff": world["a"].staff.first().user,
        "b_admin": world["b"].admin_user,
        "reviewer": reviewer,
        "superuser": django_user_model.objects.create_superuser("root", "root@example.invalid", "pw-2026"),
    }


ALLOWED = {"a_admin", "reviewer", "superuser"}


@pytest.mark.parametrize("target", ["page", "csv", "xlsx"])
def test_only_the_providers_administrators_and_platform_reviewers_see_its_statements(
    client, world, people, target
):
    paid_order(world["catalog"], world["a"], world["customer"])
    url = page_url(world["a"], today()) if target == "page" else download_url(world["a"], today(), target)
    for role, user in people.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        expected = OK if role in ALLOWED else LOGIN if role == "anonymous" else FORBIDDEN
        assert response.status_code == expected, role
        if role == "anonymous":
            assert reverse("login") in response["Location"]


def test_the_page_shows_the_days_lines_and_totals(client, world, django_capture_on_commit_callbacks):
    first = paid_order(world["catalog"], world["a"], world["customer"], 0)
    paid_order(world["catalog"], world["a"], world["customer"], 1)
    refund(first, "30.00", django_capture_on_commit_callbacks)
    client.force_login(world["a"].admin_user)
    response = client.get(page_url(world["a"], today()))
    assert response.status_code == OK
    page = response.content.decode()
    assert first.booking.number in page
    assert "¥189.00" in page and "¥21.00" in page and "¥240.00" in page
    assert download_url(world["a"], today(), "xlsx") in page


def test_the_page_defaults_to_yesterday(client, world):
    client.force_login(world["a"].admin_user)
    response = client.get(page_url(world["a"]))
    assert response.status_code == OK
    assert response.context["statement"].day == today() - timedelta(days=1)


def test_the_administrator_downloads_the_csv(client, world, django_capture_on_commit_callbacks):
    first = paid_order(world["catalog"], world["a"], world["customer"], 0)
    second = paid_order(world["catalog"], world["a"], world["customer"], 1)
    refund(first, "30.00", django_capture_on_commit_callbacks)
    client.force_login(world["a"].admin_user)
    with translation.override("en"):
        response = client.get(download_url(world["a"], today(), "csv"))
    assert response.status_code == OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="statement-{world["a"].pk}-{today():%Y%m%d}.csv"' in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Order number", "Service", "Paid", "Refunded", "Platform fee", "Net to the provider"],
        [first.booking.number, world["catalog"].en_daily.title, "120.00", "30.00", "9.00", "81.00"],
        [second.booking.number, world["catalog"].en_daily.title, "120.00", "0.00", "12.00", "108.00"],
        ["Total", "", "240.00", "30.00", "21.00", "189.00"],
    ]


def test_the_csv_keeps_chinese_text_readable(client, world):
    paid_order(world["catalog"], world["a"], world["customer"])
    client.force_login(world["a"].admin_user)
    content = client.get(download_url(world["a"], today(), "csv")).content
    assert world["catalog"].daily.title in content.decode("utf-8-sig")


def test_the_administrator_downloads_the_xlsx_with_numbers(client, world, django_capture_on_commit_callbacks):
    first = paid_order(world["catalog"], world["a"], world["customer"], 0)
    refund(first, "30.00", django_capture_on_commit_callbacks)
    client.force_login(world["a"].admin_user)
    response = client.get(download_url(world["a"], today(), "xlsx"))
    assert response.status_code == OK
    assert response["Content-Type"] == statements.EXPORT_CONTENT_TYPES["xlsx"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == first.booking.number
    assert sheet["C2"].value == 120 and sheet["D2"].value == 30 and sheet["F2"].value == 81
    assert isinstance(sheet["F2"].value, int | float)
    assert sheet["F2"].number_format == "0.00"
    assert sheet["E3"].value == 9  # the totals row


@pytest.mark.parametrize("day", ["2026-02-30", "yesterday", "26-07-01", "1999-12-31", "9999-12-31"])
def test_a_bad_day_is_a_400_that_says_why(client, world, day):
    client.force_login(world["a"].admin_user)
    with translation.override("en"):
        page = client.get(reverse("payment_statements:statements", args=[world["a"].pk]), {"day": day})
        download = client.get(reverse("payment_statements:download", args=[world["a"].pk, day, "csv"]))
    assert page.status_code == BAD_REQUEST
    assert download.status_code == BAD_REQUEST
    message = download.content.decode()
    assert "YYYY-MM-DD" in message or "between 2000-01-01 and today" in message
    assert message in page.content.decode()


def test_an_unknown_format_is_not_found(client, world):
    client.force_login(world["a"].admin_user)
    assert client.get(download_url(world["a"], today(), "pdf")).status_code == 404


def test_the_statement_page_runs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world["a"].admin_user)
    for index in range(2):
        paid_order(world["catalog"], world["a"], world["customer"], index)
    url = page_url(world["a"], today())
    client.get(url)  # warm up session and content-type caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == OK
    for index in range(2, 10):
        paid_order(world["catalog"], world["a"], world["customer"], index)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["statement"].lines) == 10


def test_the_dashboard_links_to_statements_for_administrators_only(client, world, people):
    link = reverse("payment_statements:statements", args=[world["a"].pk])
    client.force_login(people["a_admin"])
    assert link in client.get(reverse("providers:dashboard", args=[world["a"].pk])).content.decode()
    client.force_login(people["a_dispatcher"])
    response = client.get(reverse("providers:dashboard", args=[world["a"].pk]))
    assert response.status_code == OK and link not in response.content.decode()


# Reconciliation --------------------------------------------------------------------------------------------


def test_reconcile_payments_reports_a_paid_payment_the_gateway_does_not_know_as_paid(world):
    payment = paid_order(world["catalog"], world["a"], world["customer"])
    untouched = paid_order(world["catalog"], world["a"], world["customer"], 1)
    SandboxTrade.objects.filter(out_trade_no=payment.out_trade_no).update(state="NOTPAY")
    out = io.StringIO()
    with translation.override("en"):
        call_command("reconcile_payments", "--date", f"{today():%Y-%m-%d}", stdout=out)
    output = out.getvalue()
    assert payment.out_trade_no in output and payment.booking.number in output
    assert untouched.out_trade_no not in output
    assert "discrepancies: 1" in output and "payments checked: 2" in output
    discrepancy = Discrepancy.objects.get()
    assert (discrepancy.payment, discrepancy.ours, discrepancy.gateway) == (payment, "paid", "NOTPAY")
    assert discrepancy.resolved_at is None


def test_reconcile_payments_defaults_to_yesterday(world):
    payment = paid_order(world["catalog"], world["a"], world["customer"])
    SandboxTrade.objects.filter(out_trade_no=payment.out_trade_no).update(state="NOTPAY")
    out = io.StringIO()
    call_command("reconcile_payments", stdout=out)
    assert payment.out_trade_no not in out.getvalue()
    yesterday_noon = datetime.combine(today() - timedelta(days=1), time(12), tzinfo=LOCAL_TIME)
    Payment.objects.filter(pk=payment.pk).update(created_at=yesterday_noon)
    call_command("reconcile_payments", stdout=out)
    assert payment.out_trade_no in out.getvalue()
    assert Discrepancy.objects.filter(payment=payment).count() == 1


@pytest.mark.parametrize("value", ["2026-13-01", "tomorrow", "9999-12-31"])
def test_reconcile_payments_refuses_a_bad_date(value):
    with translation.override("en"), pytest.raises(CommandError, match="--date"):
        call_command("reconcile_payments", "--date", value)
