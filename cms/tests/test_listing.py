from decimal import Decimal

import pytest

from cms.tests.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [service.title for service in response.context["services"]]


def test_category_page_lists_its_services(client, catalog):
    response = client.get(catalog.housekeeping.url)
    assert response.status_code == 200
    assert titles(response) == ["日常保洁服务 2小时", "深度保洁 4小时"]


def test_all_services_listing_filters_by_category(client, catalog):
    response = client.get("/zh-hans/services/", {"category": "culture"})
    assert titles(response) == ["孔子文化讲解"]
    assert "文化体验" in response.content.decode()


def test_filters_by_district_price_and_duration(client, catalog):
    assert titles(client.get("/zh-hans/services/", {"district": "370811"})) == [
        "日常保洁服务 2小时",
        "深度保洁 4小时",
    ]
    assert titles(client.get("/zh-hans/services/", {"min_price": "130", "max_price": "320"})) == [
        "空调清洗",
        "孔子文化讲解",
    ]
    assert titles(client.get(catalog.housekeeping.url, {"max_duration": "120"})) == ["日常保洁服务 2小时"]


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("price_asc", ["日常保洁服务 2小时", "空调清洗", "孔子文化讲解", "深度保洁 4小时"]),
        ("price_desc", ["深度保洁 4小时", "孔子文化讲解", "空调清洗", "日常保洁服务 2小时"]),
    ],
)
def test_sorting(client, catalog, sort, expected):
    assert titles(client.get("/zh-hans/services/", {"sort": sort})) == expected


def test_listing_shows_only_the_current_language(client, catalog):
    response = client.get("/en/services/")
    assert "Daily home cleaning, 2 hours" in titles(response)
    assert "日常保洁服务 2小时" not in titles(response)
    assert "空调清洗" not in titles(response)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"min_price": "abc"}, "输入一个数字"),
        ({"min_price": "500", "max_price": "100"}, "最高价格不能低于最低价格"),
        ({"district": "999999"}, "选择一个有效的选项"),
        ({"sort": "drop-table"}, "选择一个有效的选项"),
    ],
)
def test_bad_filters_are_a_clear_400_in_chinese(client, catalog, params, message):
    response = client.get(catalog.housekeeping.url, params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_bad_filters_are_explained_in_english(client, catalog):
    response = client.get("/en/services/", {"min_price": "500", "max_price": "100"})
    assert response.status_code == 400
    assert "The highest price must not be below the lowest price." in response.content.decode()


def test_empty_result_has_a_helpful_state(client, catalog):
    response = client.get("/zh-hans/services/", {"max_price": "1"})
    assert response.status_code == 200
    assert "没有符合这些条件的服务" in response.content.decode()


def test_out_of_range_page_shows_last_page(client, catalog):
    assert client.get("/zh-hans/services/", {"page": "99"}).status_code == 200


def test_listing_query_count_does_not_grow_with_page_size(client, catalog, django_assert_max_num_queries):
    client.get("/zh-hans/services/")  # warm per-process caches (content types, site root paths)
    with django_assert_max_num_queries(20) as small:
        client.get("/zh-hans/services/")
    for n in range(12):
        ServicePageFactory(
            parent=catalog.housekeeping,
            locale=catalog.zh,
            title=f"保洁套餐 {n}",
            slug=f"extra-{n}",
            price=Decimal("99.00"),
            districts=[catalog.rencheng],
        )
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = client.get("/zh-hans/services/")
    assert len(response.context["services"]) == 12
    assert len(large.captured_queries) == len(small.captured_queries)
