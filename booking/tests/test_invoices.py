"""Receipts of completed orders: issued once, numbered without gaps per Asia/Shanghai year, frozen at issue,
and downloadable only by the order's customer, its provider's managers and dispatchers, and reviewers."""

import json
import threading
import warnings
from datetime import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection
from django.urls import reverse
from django.utils import timezone

from booking import services
from booking.invoicing import invoice_pdf, issue_invoice
from booking.models import Invoice, InvoiceSequence
from booking.tests.factories import bookable_setup, make_address, make_customer, tomorrow_at
from providers import services as provider_services
from providers.pdf import MissingGlyphError, reset_shared_fonts
from providers.permissions import REVIEWERS_GROUP
from providers.selectors import LOCAL_TIME
from providers.tests.factories import make_applicant, make_provider
from providers.tests.test_pdf import TEST_FONTCONFIG, poppler, skip_unless_ci

OK, FORBIDDEN, NOT_FOUND, LOGIN = 200, 403, 404, 302
ADDRESS = "任城区古槐路 18 号 3 单元 502 室"


@pytest.fixture(scope="module")
def bundled_fonts():
    """Renders see the bundled fonts only; see providers/tests/test_pdf.py for why."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import weasyprint  # noqa: F401
    except OSError as error:
        skip_unless_ci(f"WeasyPrint cannot load Pango, so no PDF can be rendered: {error}")
    assert TEST_FONTCONFIG.is_file()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FONTCONFIG_FILE", str(TEST_FONTCONFIG))
        reset_shared_fonts()
        yield
    reset_shared_fonts()


def book(catalog, start, customer=None):
    customer = customer or make_customer(phone="13812345678")
    return services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=start,
        address=make_address(customer, catalog.rencheng, detail=ADDRESS),
    )


TO_COMPLETION = [
    ("confirm", services.SYSTEM),
    ("assign", services.SYSTEM),
    ("set_off", services.STAFF),
    ("start", services.STAFF),
    ("complete", services.STAFF),
]
TO_SERVICE, LAST_STEP = TO_COMPLETION[:-1], TO_COMPLETION[-1:]


def complete(booking, steps=TO_COMPLETION):
    """Completing may issue the receipt itself; the tests call issue_invoice right after, which is the same
    receipt then. Dates are therefore patched before the completion, not only before issue_invoice."""
    for action, role in steps:
        booking = services.move_booking(booking, action, actor=None, role=role)
    return booking


def bookings_of_one_staff_member(catalog, count):
    """``count`` bookings tomorrow, from 08:00 every 2½ hours (job and travel buffer), by other customers."""
    bookable_setup(catalog)
    starts = [tomorrow_at(8), tomorrow_at(10, 30), tomorrow_at(13), tomorrow_at(15, 30)][:count]
    return [book(catalog, start, customer=make_customer()) for start in starts]


def issued_on(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.mark.django_db
def test_only_a_completed_order_gets_a_receipt(catalog):
    bookable_setup(catalog)
    booking = book(catalog, tomorrow_at(10))

    with pytest.raises(services.BookingError) as excinfo:
        issue_invoice(booking)

    assert excinfo.value.code == "not_completed"
    assert not Invoice.objects.exists()
    assert not InvoiceSequence.objects.filter(last__gt=0).exists(), "a refused issue takes no number"


@pytest.mark.django_db
def test_issuing_twice_returns_the_first_receipt(catalog):
    (booking,) = bookings_of_one_staff_member(catalog, 1)

    first = issue_invoice(complete(booking))
    again = issue_invoice(booking)

    assert again.pk == first.pk and again.number == first.number
    assert Invoice.objects.count() == 1
    assert InvoiceSequence.objects.get().last == 1


@pytest.mark.django_db
def test_numbers_run_on_within_a_shanghai_year_and_restart_with_the_next(catalog, monkeypatch):
    first, second, third = bookings_of_one_staff_member(catalog, 3)

    issued_on(monkeypatch, datetime(2026, 6, 1, 9, tzinfo=LOCAL_TIME))
    numbers = [issue_invoice(complete(first)).number]
    # 23:30 on 31 December in Jining; UTC is still in the afternoon of the same day.
    issued_on(monkeypatch, datetime(2026, 12, 31, 23, 30, tzinfo=LOCAL_TIME))
    numbers.append(issue_invoice(complete(second)).number)
    # 00:30 on 1 January in Jining is 16:30 on 31 December in UTC: the Jining year counts.
    issued_on(monkeypatch, datetime(2027, 1, 1, 0, 30, tzinfo=LOCAL_TIME))
    numbers.append(issue_invoice(complete(third)).number)

    assert numbers == ["SMI-2026-000001", "SMI-2026-000002", "SMI-2027-000001"]


@pytest.mark.django_db
def test_a_failed_issue_gives_its_number_back(catalog, monkeypatch):
    first, second = bookings_of_one_staff_member(catalog, 2)
    issued_on(monkeypatch, datetime(2026, 6, 1, 9, tzinfo=LOCAL_TIME))

    def fail_to_save(*args, **kwargs):
        raise IntegrityError("the database refused the receipt")

    with monkeypatch.context() as failing:
        failing.setattr(Invoice, "save", fail_to_save)
        with pytest.raises(IntegrityError):
            issue_invoice(complete(first))

    assert issue_invoice(complete(second)).number == "SMI-2026-000001"
    assert InvoiceSequence.objects.get(year=2026).last == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_receipts_issued_at_once_get_consecutive_numbers(monkeypatch):
    from cms.tests.factories import build_catalog

    catalog = SimpleNamespace(**build_catalog())
    bookings = [complete(booking, TO_SERVICE) for booking in bookings_of_one_staff_member(catalog, 2)]
    issued_on(monkeypatch, datetime(2026, 6, 1, 9, tzinfo=LOCAL_TIME))

    if connection.vendor == "postgresql":
        barrier = threading.Barrier(len(bookings))
        outcomes = []

        def issue(booking):
            try:
                barrier.wait()
                outcomes.append(issue_invoice(complete(booking, LAST_STEP)).number)
            except Exception as exc:  # noqa: BLE001 - any error is what this test must catch
                outcomes.append(repr(exc))
            finally:
                connection.close()

        threads = [threading.Thread(target=issue, args=(booking,)) for booking in bookings]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    else:
        # SQLite lets one writer in at a time, so there is no race to provoke; the numbering still holds.
        outcomes = [issue_invoice(complete(booking, LAST_STEP)).number for booking in bookings]

    assert sorted(outcomes) == ["SMI-2026-000001", "SMI-2026-000002"]
    assert InvoiceSequence.objects.get(year=2026).last == 2


@pytest.mark.django_db
def test_the_snapshot_holds_what_the_receipt_shows_and_no_address(catalog, settings):
    settings.SITE_URL = "https://shangmen.example.cn"
    bookable_setup(catalog)
    booking = complete(book(catalog, tomorrow_at(10)))

    snapshot = issue_invoice(booking).snapshot

    start = timezone.localtime(booking.start, LOCAL_TIME)
    assert snapshot["order_number"] == booking.number
    assert snapshot["service_zh"] == "日常保洁服务 2小时"
    assert snapshot["service_en"] == "Daily home cleaning, 2 hours"
    assert snapshot["service_time_zh"] == f"{start.year}年{start.month}月{start.day}日 10:00–12:00"
    assert snapshot["service_time_en"] == f"{start.day} {start:%b} {start.year}, 10:00–12:00"
    assert snapshot["staff_name"] == "王阿姨", "a receipt names who served, unmasked"
    assert snapshot["provider_name_zh"] == booking.provider.legal_name_zh
    assert snapshot["provider_name_en"] == booking.provider.legal_name_en
    assert snapshot["provider_uscc"] == booking.provider.uscc
    assert snapshot["customer_name"] == "陈女士"
    assert snapshot["customer_phone"] == "138****5678"
    assert snapshot["amount"] == str(booking.price) == "120.00"
    assert snapshot["platform_url"] == "https://shangmen.example.cn"
    stored = json.dumps(snapshot, ensure_ascii=False)
    assert ADDRESS not in stored and "13812345678" not in stored and "太白楼对面" not in stored


@pytest.mark.django_db
def test_the_receipt_keeps_the_provider_name_it_was_issued_with(catalog):
    (booking,) = bookings_of_one_staff_member(catalog, 1)
    invoice = issue_invoice(complete(booking))
    issued_name, issued_uscc = booking.provider.legal_name_zh, booking.provider.uscc

    booking.provider.legal_name_zh = "济宁改名后家政有限公司"
    booking.provider.legal_name_en = "Renamed Housekeeping Co., Ltd."
    booking.provider.save()

    invoice.refresh_from_db()
    assert invoice.snapshot["provider_name_zh"] == issued_name
    assert invoice.snapshot["provider_uscc"] == issued_uscc
    assert issue_invoice(booking).snapshot == invoice.snapshot


@pytest.mark.django_db
def test_the_pdf_is_one_page_in_the_bundled_fonts(catalog, bundled_fonts, tmp_path):
    provider, _staff = bookable_setup(catalog)
    provider.legal_name_zh = "济宁市任城区洁美家政服务有限公司"
    provider.save()
    booking = complete(book(catalog, tomorrow_at(10)))
    invoice = issue_invoice(booking)

    pdf = invoice_pdf(invoice)  # MissingGlyphError would mean a character drawn as an empty box

    assert "Pages:           1\n" in poppler("pdfinfo", pdf, tmp_path)
    text = poppler("pdftotext", pdf, tmp_path)
    for expected in [
        invoice.number,
        booking.number,
        "济宁市任城区洁美家政服务有限公司",
        provider.uscc,
        f"¥{booking.price}",
        "日常保洁服务 2小时",
        "王阿姨",
        "138****5678",
        "服务收据",
    ]:
        assert expected in text
    assert "古槐路" not in text
    embedded_fonts = poppler("pdffonts", pdf, tmp_path).splitlines()[2:]
    assert embedded_fonts and all("Shangmen-Sans" in line for line in embedded_fonts)


@pytest.mark.django_db
def test_a_character_outside_the_bundled_fonts_is_an_error_not_a_box(catalog, bundled_fonts):
    (booking,) = bookings_of_one_staff_member(catalog, 1)
    invoice = issue_invoice(complete(booking))
    invoice.snapshot["staff_name"] = "王㐀"

    with pytest.raises(MissingGlyphError, match="㐀"):
        invoice_pdf(invoice)


@pytest.mark.django_db
def test_who_may_download_the_receipt(catalog, bundled_fonts, client):
    provider, (staff,) = bookable_setup(catalog)
    customer = make_customer()
    booking = book(catalog, tomorrow_at(10), customer=customer)
    dispatcher = make_applicant(name="调度员")
    provider_services.add_member(provider, dispatcher, "dispatcher")
    reviewer = make_applicant(name="审核员")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    other_provider = make_provider(categories=[catalog.housekeeping], districts=[catalog.rencheng])
    users = {
        "anonymous": None,
        "customer": customer,
        "other customer": make_customer(),
        "provider admin": provider.admin_user,
        "provider dispatcher": dispatcher,
        "provider staff": staff.user,
        "other provider's admin": other_provider.admin_user,
        "reviewer": reviewer,
    }
    url = reverse("booking_invoices:invoice_pdf", args=[booking.number])

    def status(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client.get(url).status_code

    assert status(customer) == NOT_FOUND, "no receipt before the order is completed"
    invoice = issue_invoice(complete(booking))
    assert {role: status(user) for role, user in users.items()} == {
        "anonymous": LOGIN,
        "customer": OK,
        "other customer": FORBIDDEN,
        "provider admin": OK,
        "provider dispatcher": OK,
        "provider staff": FORBIDDEN,
        "other provider's admin": FORBIDDEN,
        "reviewer": OK,
    }

    client.force_login(customer)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{invoice.number}.pdf"'
    assert response.content.startswith(b"%PDF")
    client.logout()
    anonymous = client.get(url)
    assert reverse("login") in anonymous["Location"]
    client.force_login(customer)
    assert client.get(reverse("booking_invoices:invoice_pdf", args=["SM20991231-9999"])).status_code == 404
