import re

import pytest
from playwright.sync_api import expect

from booking.models import Booking
from booking.tests.factories import bookable_setup, make_customer, tomorrow_at

# serialized_rollback restores the rows migrations created (root page, locales, districts, groups) that the
# flush after each transactional test removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_customer_books_a_cleaning_in_chinese(live_server, catalog, browser):
    bookable_setup(catalog)
    customer = make_customer(phone="13800000071", name="陈女士")
    base = live_server.url
    page = browser.new_page(locale="zh-CN")
    page.goto(f"{base}/zh-hans/accounts/login/")
    page.fill("#id_username", "13800000071")
    page.fill("#id_password", "customer-pass-2026")
    page.click("button.primary")

    page.goto(f"{base}{catalog.daily.url}")
    page.click("a.book-cta")
    page.select_option("#id_district", "370811")
    page.fill("#id_date", tomorrow_at(10).date().isoformat())
    page.click("form.filters button.primary")
    page.click("button.slot >> text=10:00")

    page.select_option("#id_district", str(catalog.rencheng.pk))
    page.fill("#id_detail", "任城区古槐路 18 号 3 单元 502 室")
    page.fill("#id_landmark", "太白楼对面")
    page.fill("#id_contact_name", "陈阿姨")
    page.fill("#id_contact_phone", "13900002222")
    page.click("button[name=add_address]")
    page.check("input[name=address]")
    page.fill("#id_notes", "家里有猫，请轻声")
    page.click("button[name=continue]")

    expect(page.locator(".facts")).to_contain_text("家里有猫")
    expect(page.locator(".facts")).to_contain_text("¥120.00")
    page.click("form button.primary")

    booking = Booking.objects.get(customer=customer)
    expect(page).to_have_url(re.compile(rf"/zh-hans/orders/{booking.number}/pay/$"))
    expect(page.locator(".messages")).to_contain_text(booking.number)
    page.click("button.pay-sandbox")
    expect(page.locator(".sandbox-cashier")).to_contain_text("¥120.00")
    page.click(".sandbox-cashier button.primary")

    expect(page).to_have_url(re.compile(rf"/zh-hans/orders/{booking.number}/$"))
    expect(page.locator(".messages")).to_contain_text("已收到付款")
    expect(page.locator(".status").first).to_have_text(re.compile("已指派|Staff assigned"))
    expect(page.locator(".order-payments")).to_contain_text("已支付")

    page.click("form[action$='/cancel/'] button")
    expect(page.locator(".order-payments")).to_contain_text("已退款")
    expect(page.locator(".order-payments")).to_contain_text("−¥120.00")
    page.close()
