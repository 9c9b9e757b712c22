"""Operators in the Wagtail admin: read-only listings of payments, refunds, gateway notifications and
discrepancies, resolving a discrepancy, the daily statements and who may see any of it."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from booking.tests.factories import bookable_setup, make_customer
from payments import services, statements
from payments.models import Discrepancy, NotificationRecord, Refund, SandboxTrade
from payments.reconciliation import RESOLVE_ACTION
from payments.tests.test_statements import paid_order, refund

pytestmark = pytest.mark.django_db

OK, FORBIDDEN = 200, 403

LISTINGS = [
    "payments_payments:index",
    "payments_refunds:index",
    "payments_notifications:index",
    "payments_discrepancies:index",
    "payments_statements:index",
]


@pytest.fixture(autouse=True)
def ten_percent_fee(settings):
    settings.PLATFORM_FEE_PERCENT = Decimal("10")


@pytest.fixture
def world(catalog):
    provider, _staff = bookable_setup(catalog)
    return {"catalog": catalog, "provider": provider, "customer": make_customer(), "next": 0}


def add_orders(world, count, capture):
    """``count`` paid orders, each partly refunded and disagreeing with the sandbox's ledger afterwards."""
    payments = []
    for _n in range(count):
        payment = paid_order(world["catalog"], world["provider"], world["customer"], world["next"])
        world["next"] += 1
        refund(payment, "10.00", capture)
        SandboxTrade.objects.filter(out_trade_no=payment.out_trade_no).update(state="NOTPAY")
        payments.append(payment)
    services.reconcile(payments)
    return payments


@pytest.fixture
def operator(django_user_model):
    """Admin access (an editor) plus the one payments permission."""
    user = django_user_model.objects.create_user("operator", password="shangmen-demo")
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="payments", codename="view_payment")
    )
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="shangmen-demo")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


# Access ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url_name", LISTINGS)
def test_superusers_and_operators_see_the_listings(client, admin_user, operator, url_name):
    for user in (admin_user, operator):
        client.force_login(user)
        assert client.get(reverse(url_name)).status_code == OK, user


@pytest.mark.parametrize("url_name", LISTINGS)
def test_editors_without_the_permission_are_refused(client, editor, url_name):
    client.force_login(editor)
    assert client.get(reverse(url_name)).status_code == FORBIDDEN


@pytest.mark.parametrize("url_name", LISTINGS)
def test_people_without_admin_access_are_sent_to_the_admin_login(client, world, url_name):
    for user in (world["customer"], world["provider"].admin_user, None):
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(reverse(url_name))
        assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"], user


def test_exports_and_resolving_are_refused_to_editors(
    client, world, editor, django_capture_on_commit_callbacks
):
    [payment] = add_orders(world, 1, django_capture_on_commit_callbacks)
    discrepancy = Discrepancy.objects.get(payment=payment)
    day = f"{statements.local_today():%Y-%m-%d}"
    client.force_login(editor)
    for url in (
        reverse("payments_statements:overview_export", args=[day, "csv"]),
        reverse("payments_statements:provider_export", args=[day, world["provider"].pk, "xlsx"]),
    ):
        assert client.get(url).status_code == FORBIDDEN
    assert (
        client.post(reverse("payments_discrepancies:resolve", args=[discrepancy.pk])).status_code == FORBIDDEN
    )
    discrepancy.refresh_from_db()
    assert discrepancy.resolved_at is None


def test_the_menu_is_shown_to_operators_only(client, operator, editor):
    client.force_login(operator)
    assert reverse("payments_payments:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert reverse("payments_payments:index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_operators_can_be_given_access_in_the_group_editor(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("wagtailusers_groups:add")).content.decode()
    view_payment = Permission.objects.get(content_type__app_label="payments", codename="view_payment")
    assert f'value="{view_payment.pk}"' in page


@pytest.mark.parametrize("view", ["add", "edit", "delete", "inspect"])
def test_there_is_no_way_to_change_payments_in_the_admin(view):
    for namespace in (
        "payments_payments",
        "payments_refunds",
        "payments_notifications",
        "payments_discrepancies",
    ):
        with pytest.raises(NoReverseMatch):
            reverse(f"{namespace}:{view}", args=[1])


# Listings --------------------------------------------------------------------------------------------------


def test_payments_are_searched_by_order_number_and_filtered(
    client, admin_user, world, django_capture_on_commit_callbacks
):
    first, second = add_orders(world, 2, django_capture_on_commit_callbacks)
    client.force_login(admin_user)
    found = client.get(reverse("payments_payments:index"), {"q": first.booking.number}).content.decode()
    assert first.out_trade_no in found and second.out_trade_no not in found
    found = client.get(reverse("payments_payments:index"), {"q": second.out_trade_no}).content.decode()
    assert second.out_trade_no in found and first.out_trade_no not in found
    paid = client.get(
        reverse("payments_payments:index"), {"status": "paid", "channel": "sandbox"}
    ).content.decode()
    assert first.out_trade_no in paid
    closed = client.get(reverse("payments_payments:index"), {"status": "closed"}).content.decode()
    assert first.out_trade_no not in closed
    day = f"{statements.local_today():%Y-%m-%d}"
    today = client.get(
        reverse("payments_payments:index"), {"created_at_after": day, "created_at_before": day}
    ).content.decode()
    assert first.out_trade_no in today


def test_rejected_notifications_are_listed_for_the_audit(client, admin_user, world):
    paid_order(world["catalog"], world["provider"], world["customer"])
    assert not services.handle_notification(
        "sandbox", headers={"Wechatpay-Signature": "forged"}, body=b'{"id": "x"}', remote_addr="203.0.113.9"
    )
    client.force_login(admin_user)
    rejected = client.get(reverse("payments_notifications:index"), {"outcome": "rejected"}).content.decode()
    assert "203.0.113.9" in rejected
    applied = client.get(reverse("payments_notifications:index"), {"outcome": "applied"}).content.decode()
    assert "203.0.113.9" not in applied
    assert NotificationRecord.objects.filter(outcome="applied").count() == 1


def test_refunds_are_listed_with_their_payment(client, admin_user, world, django_capture_on_commit_callbacks):
    [payment] = add_orders(world, 1, django_capture_on_commit_callbacks)
    client.force_login(admin_user)
    page = client.get(reverse("payments_refunds:index"), {"q": payment.booking.number}).content.decode()
    assert Refund.objects.get(payment=payment).out_refund_no in page
    assert f"?q={payment.out_trade_no}" in page


def test_discrepancies_list_open_ones_first_and_can_be_resolved(
    client, admin_user, world, django_capture_on_commit_callbacks
):
    older, newer = add_orders(world, 2, django_capture_on_commit_callbacks)
    old_discrepancy = Discrepancy.objects.get(payment=older)
    client.force_login(admin_user)
    response = client.post(reverse("payments_discrepancies:resolve", args=[old_discrepancy.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("payments_discrepancies:index")
    old_discrepancy.refresh_from_db()
    assert old_discrepancy.resolved_at is not None
    entry = ModelLogEntry.objects.get(action=RESOLVE_ACTION)
    assert (entry.object_id, entry.user) == (str(old_discrepancy.pk), admin_user)

    client.get(response["Location"])  # shows the success message, which names the payment too
    page = client.get(reverse("payments_discrepancies:index")).content.decode()
    assert page.index(newer.out_trade_no) < page.index(older.out_trade_no)
    assert page.count(reverse("payments_discrepancies:resolve", args=[old_discrepancy.pk])) == 0
    open_only = client.get(reverse("payments_discrepancies:index"), {"open": "true"}).content.decode()
    assert newer.out_trade_no in open_only and older.out_trade_no not in open_only

    resolved_at = old_discrepancy.resolved_at
    client.post(reverse("payments_discrepancies:resolve", args=[old_discrepancy.pk]))
    old_discrepancy.refresh_from_db()
    assert old_discrepancy.resolved_at == resolved_at
    assert ModelLogEntry.objects.filter(action=RESOLVE_ACTION).count() == 1


# Daily statements ------------------------------------------------------------------------------------------


def test_daily_statements_show_and_export_each_provider(
    client, admin_user, world, django_capture_on_commit_callbacks
):
    add_orders(world, 2, django_capture_on_commit_callbacks)
    provider = world["provider"]
    day = statements.local_today()
    client.force_login(admin_user)
    page = client.get(reverse("payments_statements:index"), {"day": f"{day:%Y-%m-%d}"})
    assert page.status_code == OK
    content = page.content.decode()
    assert provider.legal_name_zh in content and "¥198.00" in content  # 2 × (120 − 10) less 10 %

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    overview = client.get(reverse("payments_statements:overview_export", args=[f"{day:%Y-%m-%d}", "csv"]))
    rows = list(csv.reader(io.StringIO(overview.content.decode("utf-8-sig"))))
    assert rows[0] == ["Provider", "Orders", "Paid", "Refunded", "Platform fee", "Net to the provider"]
    assert rows[1] == [provider.legal_name_en, "2", "240.00", "20.00", "22.00", "198.00"]
    assert rows[-1][0] == "Total"

    xlsx = client.get(
        reverse("payments_statements:provider_export", args=[f"{day:%Y-%m-%d}", provider.pk, "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["C2"].value == 120 and sheet["F2"].value == 99


def test_daily_statements_default_to_yesterday_and_refuse_a_bad_day(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("payments_statements:index"))
    assert response.status_code == OK
    assert response.context["overview"].day == statements.default_day()
    assert client.get(reverse("payments_statements:index"), {"day": "2026-02-30"}).status_code == 400
    bad = client.get(reverse("payments_statements:overview_export", args=["2026-02-30", "csv"]))
    assert bad.status_code == 400


# Queries ---------------------------------------------------------------------------------------------------


def test_listings_keep_a_fixed_number_of_queries(
    client, admin_user, world, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    add_orders(world, 2, django_capture_on_commit_callbacks)
    client.force_login(admin_user)
    urls = [reverse(name) for name in LISTINGS[:-1]]
    urls.append(f"{reverse('payments_statements:index')}?day={statements.local_today():%Y-%m-%d}")
    small = {}
    for url in urls:
        client.get(url)  # warm up session, profile and content-type caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == OK
        small[url] = len(captured.captured_queries)
    add_orders(world, 8, django_capture_on_commit_callbacks)
    for url in urls:
        with django_assert_max_num_queries(small[url]):
            assert client.get(url).status_code == OK
