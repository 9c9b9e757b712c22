import re

import pytest
from playwright.sync_api import expect

# serialized_rollback restores the rows migrations created (root page, locales, districts, groups) that the
# flush after each transactional test removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_browse_in_chinese_switch_to_english_and_search(live_server, catalog, browser):
    page = browser.new_page(locale="zh-CN")
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/zh-hans/$"))
    expect(page.locator("h1")).to_have_text("服务上门，安心到家")

    page.locator(".category-tile", has_text="家政保洁").click()
    expect(page.locator("h1")).to_have_text("家政保洁")

    page.locator(".service-card", has_text="日常保洁服务 2小时").click()
    expect(page.locator("h1")).to_have_text("日常保洁服务 2小时")
    expect(page.locator(".price-box")).to_contain_text("¥120.00")

    page.locator(".lang-switch a[data-lang='en']").click()
    expect(page).to_have_url(re.compile(r"/en/housekeeping/daily-cleaning/$"))
    expect(page.locator("h1")).to_have_text("Daily home cleaning, 2 hours")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.fill("#header-q", "cleaning")
    page.press("#header-q", "Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=cleaning"))
    expect(page.locator(".search-results")).to_contain_text("Deep cleaning, 4 hours")
    page.close()
