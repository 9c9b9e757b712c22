"""The catalog API (/api/v1/districts/, /categories/, /services/): contracts, languages, filters as on the site,
search, bad input, and a query count that does not grow with the page size."""

import re
from decimal import Decimal

import pytest
import yaml
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.rich_text import RichText

from cms.tests.factories import CulturalExperiencePageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db

MONEY = re.compile(r"^\d+\.\d{2}$")
ERROR_KEYS = {"code", "detail", "fields"}


@pytest.fixture
def api():
    return APIClient()


def titles(response):
    return [item["title"] for item in response.json()["results"]]


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["code"] == code
    assert isinstance(body["detail"], str) and body["detail"]
    return body


# Districts and categories ------------------------------------------------------------------------------------


def test_districts_contract_in_both_languages(api, catalog):
    response = api.get(reverse("api:districts"))
    assert response.status_code == 200
    assert response["Content-Language"] == "zh-hans"
    districts = {d["code"]: d for d in response.json()}
    assert districts["370811"] == {
        "code": "370811",
        "name": "任城区",
        "city": {"code": "370800", "name": "济宁市"},
    }
    assert all(re.fullmatch(r"\d{6}", code) for code in districts)
    english = {d["code"]: d for d in api.get(reverse("api:districts"), HTTP_ACCEPT_LANGUAGE="en").json()}
    assert english["370811"]["name"] == "Rencheng District"
    assert english["370811"]["city"]["name"] == "Jining"
    assert {d["code"]: d for d in api.get("/api/v1/districts/?lang=en").json()}["370881"][
        "name"
    ] == "Qufu City"


def test_districts_of_cities_not_launched_are_not_listed(api, catalog):
    from cms.models import City, District

    city = City.objects.create(code="370900", name_zh="泰安市", name_en="Tai'an", is_launched=False)
    District.objects.create(city=city, code="370902", name_zh="泰山区", name_en="Taishan District")
    codes = {d["code"] for d in api.get(reverse("api:districts")).json()}
    assert "370902" not in codes and "370811" in codes


def test_categories_contract_in_both_languages(api, catalog):
    response = api.get(reverse("api:categories"))
    assert response.status_code == 200
    categories = response.json()
    assert [c["title"] for c in categories] == ["家政保洁", "家电维修", "文化体验"]
    housekeeping = categories[0]
    assert set(housekeeping) == {"id", "title", "slug", "intro", "url", "service_count"}
    assert housekeeping["id"] == catalog.housekeeping.pk
    assert housekeeping["slug"] == "housekeeping"
    assert housekeeping["service_count"] == 2
    assert housekeeping["url"].startswith("http") and housekeeping["url"].endswith("/zh-hans/housekeeping/")
    english = api.get(reverse("api:categories"), {"lang": "en"}).json()
    assert [c["title"] for c in english] == ["Housekeeping", "Appliance repair", "Cultural experiences"]
    assert english[0]["id"] == catalog.en_housekeeping.pk and english[0]["url"].endswith("/en/housekeeping/")


def test_categories_count_only_live_services(api, catalog):
    catalog.deep.unpublish()
    counts = {c["slug"]: c["service_count"] for c in api.get(reverse("api:categories")).json()}
    assert counts == {"housekeeping": 1, "appliance-repair": 1, "culture": 1}


# The services listing ----------------------------------------------------------------------------------------


def test_services_listing_contract(api, catalog):
    response = api.get(reverse("api:services"))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 4
    daily = body["results"][0]
    assert set(daily) == {
        "id",
        "title",
        "slug",
        "summary",
        "kind",
        "category",
        "price",
        "price_unit",
        "price_unit_label",
        "duration_minutes",
        "districts",
        "url",
    }
    assert daily["id"] == catalog.daily.pk and daily["title"] == "日常保洁服务 2小时"
    assert daily["price"] == "120.00" and all(MONEY.match(item["price"]) for item in body["results"])
    assert daily["kind"] == "service"
    assert daily["category"] == {"id": catalog.housekeeping.pk, "title": "家政保洁", "slug": "housekeeping"}
    assert daily["duration_minutes"] == 120
    assert daily["price_unit"] == "visit" and daily["price_unit_label"] == "每次"
    assert daily["districts"] == [{"code": "370811", "name": "任城区"}, {"code": "370881", "name": "曲阜市"}]
    assert daily["url"].endswith("/zh-hans/housekeeping/daily-cleaning/")
    kinds = {item["slug"]: item["kind"] for item in body["results"]}
    assert kinds["confucius-talk"] == "cultural"


def test_services_listing_follows_the_language(api, catalog):
    english = api.get(reverse("api:services"), HTTP_ACCEPT_LANGUAGE="en")
    assert english["Content-Language"] == "en"
    assert titles(english) == [
        "Daily home cleaning, 2 hours",
        "Deep cleaning, 4 hours",
        "Confucius culture talk",
    ]
    first = english.json()["results"][0]
    assert first["price_unit_label"] == "per visit"
    assert first["districts"][0]["name"] == "Rencheng District"
    assert first["url"].endswith("/en/housekeeping/daily-cleaning/")
    assert titles(api.get(reverse("api:services"), {"lang": "en"})) == titles(english)
    assert "日常保洁服务 2小时" in titles(api.get(reverse("api:services"), {"lang": "zh-hans"}))


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"category": "culture"}, ["孔子文化讲解"]),
        ({"district": "370811"}, ["日常保洁服务 2小时", "深度保洁 4小时"]),
        ({"min_price": "130", "max_price": "320"}, ["空调清洗", "孔子文化讲解"]),
        ({"max_duration": "90"}, None),
        ({"max_duration": "120", "category": "housekeeping"}, ["日常保洁服务 2小时"]),
        ({"ordering": "price_asc"}, ["日常保洁服务 2小时", "空调清洗", "孔子文化讲解", "深度保洁 4小时"]),
        ({"ordering": "price_desc"}, ["深度保洁 4小时", "孔子文化讲解", "空调清洗", "日常保洁服务 2小时"]),
        (
            {"ordering": "duration_asc", "district": "370881"},
            ["空调清洗", "孔子文化讲解", "日常保洁服务 2小时"],
        ),
        ({"kind": "cultural"}, ["孔子文化讲解"]),
        ({"kind": "service"}, ["日常保洁服务 2小时", "深度保洁 4小时", "空调清洗"]),
        ({"max_price": "1"}, []),
    ],
)
def test_services_filters_mean_what_they_mean_on_the_site(api, client, catalog, params, expected):
    if expected is None:  # max_duration takes the site's choices only
        assert_error(api.get(reverse("api:services"), params), 400, "invalid")
        return
    assert titles(api.get(reverse("api:services"), params)) == expected
    portal_params = {("sort" if key == "ordering" else key): value for key, value in params.items()}
    if "kind" not in params:  # the same answer as the site's listing
        portal = client.get("/zh-hans/services/", portal_params)
        assert [service.title for service in portal.context["services"]] == expected


def test_category_filter_takes_an_id_or_a_slug_of_the_requests_language(api, catalog):
    by_id = api.get(reverse("api:services"), {"category": catalog.repair.pk})
    assert titles(by_id) == ["空调清洗"]
    assert titles(api.get(reverse("api:services"), {"category": catalog.en_culture.pk, "lang": "en"})) == [
        "Confucius culture talk"
    ]
    body = assert_error(
        api.get(reverse("api:services"), {"category": catalog.repair.pk, "lang": "en"}), 400, "invalid"
    )
    assert "category" in body["fields"]


@pytest.mark.parametrize(
    "params, field, chinese, english",
    [
        ({"min_price": "abc"}, "min_price", "输入一个数字", "Enter a number."),
        ({"district": "999999"}, "district", "选择一个有效的选项", "Select a valid choice."),
        ({"category": "no-such-category"}, "category", "选择一个有效的选项", "Select a valid choice."),
        ({"category": "987654"}, "category", "选择一个有效的选项", "Select a valid choice."),
        ({"category": "9" * 30}, "category", "选择一个有效的选项", "Select a valid choice."),
        ({"min_price": "NaN"}, "min_price", "输入一个数字", "Enter a number."),
        ({"max_price": "1" * 20}, "max_price", "10", "10 digits"),
        ({"ordering": "drop-table"}, "ordering", "选择一个有效的选项", "Select a valid choice."),
        ({"kind": "spa"}, "kind", "选择一个有效的选项", "Select a valid choice."),
        (
            {"min_price": "500", "max_price": "100"},
            "max_price",
            "最高价格不能低于最低价格",
            "The highest price must not be below the lowest price.",
        ),
        ({"q": "x" * 101}, "q", "100", "at most 100 characters"),
        ({"page": "0"}, "page", "大于或等于1", "greater than or equal to 1"),
    ],
)
def test_bad_filters_are_a_400_with_the_field_in_the_callers_language(
    api, catalog, params, field, chinese, english
):
    body = assert_error(api.get(reverse("api:services"), params), 400, "invalid")
    assert list(body["fields"]) == [field]
    assert chinese in body["fields"][field][0]
    body = assert_error(api.get(reverse("api:services"), {**params, "lang": "en"}), 400, "invalid")
    assert english in body["fields"][field][0]
    body = assert_error(api.get(reverse("api:services"), params, HTTP_ACCEPT_LANGUAGE="en"), 400, "invalid")
    assert english in body["fields"][field][0]


@pytest.mark.parametrize(
    "params, field",
    [
        # An empty value is a value, not "no filter" as from an HTML form.
        ({"kind": ""}, "kind"),
        ({"ordering": ""}, "ordering"),
        ({"max_duration": ""}, "max_duration"),
        ({"district": ""}, "district"),
        ({"category": ""}, "category"),
        ({"min_price": ""}, "min_price"),
        # Shapes the site's form takes but the schema does not describe.
        ({"min_price": "1e2"}, "min_price"),
        ({"max_price": " 100"}, "max_price"),
        ({"max_price": "100."}, "max_price"),
        ({"district": "37081"}, "district"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "null"}, "page_size"),
    ],
)
def test_values_outside_the_documented_ones_are_a_400_naming_the_parameter(api, catalog, params, field):
    body = assert_error(api.get(reverse("api:services"), params), 400, "invalid")
    assert list(body["fields"]) == [field]


def test_an_empty_search_is_no_search(api, catalog):
    assert len(titles(api.get(reverse("api:services"), {"q": ""}))) == 4


def test_the_listings_parameters_are_documented_as_they_are_checked(api, catalog):
    schema = yaml.safe_load(api.get("/api/v1/schema/").content)
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/services/"]["get"]["parameters"]}
    assert parameters["district"]["pattern"] == "^[0-9]{6}$"
    assert parameters["min_price"]["pattern"] == parameters["max_price"]["pattern"]
    assert re.match(parameters["min_price"]["pattern"], "99.50") and not re.match(
        parameters["min_price"]["pattern"], "1e2"
    )
    assert parameters["max_duration"]["enum"] == [60, 120, 240, 480]
    assert set(parameters["ordering"]["enum"]) == {
        "recommended",
        "price_asc",
        "price_desc",
        "duration_asc",
        "newest",
    }
    assert parameters["kind"]["enum"] == ["service", "cultural"]
    assert parameters["q"]["maxLength"] == 100 and "minLength" not in parameters["q"]
    assert parameters["category"]["minLength"] == 1
    assert parameters["page"]["minimum"] == 1 and parameters["page_size"]["maximum"] == 100


def test_a_page_past_the_end_is_a_404_in_the_error_shape(api, catalog):
    assert_error(api.get(reverse("api:services"), {"page": "999"}), 404, "not_found")
    second = api.get(reverse("api:services"), {"page": "2", "page_size": "3"}).json()
    assert second["count"] == 4 and len(second["results"]) == 1 and second["next"] is None


# Search ------------------------------------------------------------------------------------------------------


def test_search_finds_chinese_words_inside_titles(api, catalog):
    response = api.get(reverse("api:services"), {"q": "保洁"})
    assert response.status_code == 200
    assert set(titles(response)) == {"日常保洁服务 2小时", "深度保洁 4小时"}
    assert titles(api.get(reverse("api:services"), {"q": "论语"})) == ["孔子文化讲解"]
    assert titles(api.get(reverse("api:services"), {"q": "潜水艇"})) == []


def test_search_finds_english_pages_in_english_only(api, catalog):
    english = api.get(reverse("api:services"), {"q": "cleaning", "lang": "en"})
    assert set(titles(english)) == {"Daily home cleaning, 2 hours", "Deep cleaning, 4 hours"}
    assert "Daily home cleaning, 2 hours" not in titles(api.get(reverse("api:services"), {"q": "cleaning"}))


def test_search_matches_the_sites_search_page(api, client, catalog):
    site = {page.title for page in client.get("/zh-hans/search/", {"q": "保洁"}).context["results"]}
    assert set(titles(api.get(reverse("api:services"), {"q": "保洁"}))) == site & {
        "日常保洁服务 2小时",
        "深度保洁 4小时",
    }


def test_search_combines_with_filters_and_ordering(api, catalog):
    assert titles(api.get(reverse("api:services"), {"q": "保洁", "district": "370881"})) == [
        "日常保洁服务 2小时"
    ]
    assert titles(api.get(reverse("api:services"), {"q": "保洁", "ordering": "price_desc"})) == [
        "深度保洁 4小时",
        "日常保洁服务 2小时",
    ]
    assert titles(api.get(reverse("api:services"), {"q": "保洁", "kind": "cultural"})) == []


# Query count -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": "保洁"}, {"district": "370811", "ordering": "price_asc"}])
def test_listing_query_count_does_not_grow_with_the_page_size(
    api, catalog, params, django_assert_max_num_queries
):
    for n in range(25):
        ServicePageFactory(
            parent=catalog.housekeeping if n % 2 else catalog.repair,
            locale=catalog.zh,
            title=f"家具保洁 {n}",
            slug=f"furniture-{n}",
            price=Decimal(100 + n),
            districts=[catalog.rencheng, catalog.qufu],
        )
    api.get(reverse("api:services"), params)  # warm caches shared by every request (site root paths, types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (2, 20):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(reverse("api:services"), {**params, "page_size": size})
        assert len(response.json()["results"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(10):
        api.get(reverse("api:services"), {**params, "page_size": 20})


# Detail ------------------------------------------------------------------------------------------------------


def test_service_detail_contract(api, catalog):
    service = ServicePageFactory(
        parent=catalog.housekeeping,
        locale=catalog.zh,
        title="厨房深度清洁",
        slug="kitchen",
        price=Decimal("199.50"),
        duration_minutes=180,
        districts=[catalog.rencheng],
        qualifications=list(catalog.daily.qualifications.all()),
        body=[
            ("heading", "服务内容"),
            ("paragraph", RichText("<p>油烟机<b>拆洗</b>。</p>")),
            ("quote", "干净到发光。"),
        ],
        faq=[("faq", {"question": "需要准备什么？", "answer": "什么都不用。"})],
        cancellation_policy="提前一天取消免费。",
    )
    response = api.get(reverse("api:service", args=[service.pk]))
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == service.pk and body["title"] == "厨房深度清洁"
    assert body["price"] == "199.50" and body["duration_minutes"] == 180
    assert body["kind"] == "service" and body["experience"] is None
    assert body["language"] == "zh-hans"
    assert body["districts"] == [{"code": "370811", "name": "任城区"}]
    assert body["qualifications"] == [{"code": "health_certificate", "name": "健康证"}]
    assert body["cancellation"] == {
        "policy": "提前一天取消免费。",
        "free_change_hours": 2,
        "late_cancellation_fee_percent": 20,
    }
    assert [block["type"] for block in body["body"]] == ["heading", "paragraph", "quote"]
    paragraph = body["body"][1]
    assert paragraph["text"] == "油烟机拆洗。" and "<b>拆洗</b>" in paragraph["html"]
    assert body["body"][0] == {
        "type": "heading",
        "text": "服务内容",
        "html": None,
        "image_url": None,
        "alt": None,
    }
    assert body["faq"] == [{"question": "需要准备什么？", "answer": "什么都不用。"}]
    assert body["url"].endswith("/zh-hans/housekeeping/kitchen/")
    assert body["travel_buffer_minutes"] == 30


def test_cultural_experience_detail_in_english(api, catalog):
    response = api.get(reverse("api:service", args=[catalog.en_confucius.pk]), HTTP_ACCEPT_LANGUAGE="en")
    body = response.json()
    assert body["kind"] == "cultural" and body["language"] == "en"
    assert body["title"] == "Confucius culture talk"
    assert body["cancellation"]["policy"]  # the category's policy when the service has none
    assert body["experience"]["theme"] == "confucius"
    assert body["experience"]["theme_label"] == "Confucius culture"
    assert body["experience"]["group_size_max"] == 8


def test_detail_of_a_new_cultural_experience(api, catalog):
    experience = CulturalExperiencePageFactory(
        parent=catalog.culture,
        locale=catalog.zh,
        title="鲁锦织造",
        slug="lu-brocade",
        districts=[catalog.qufu],
    )
    body = api.get(reverse("api:service", args=[experience.pk])).json()
    assert body["experience"]["host"] == "曲阜文化讲师"
    assert body["category"]["slug"] == "culture"


@pytest.mark.parametrize("which", ["unknown", "draft", "category", "huge"])
def test_detail_of_anything_but_a_live_service_is_a_404(api, catalog, which):
    if which == "draft":
        catalog.deep.unpublish()
    pk = {
        "unknown": 987654,
        "draft": catalog.deep.pk,
        "category": catalog.housekeeping.pk,
        "huge": 10**30,
    }[which]
    body = assert_error(api.get(f"/api/v1/services/{pk}/"), 404, "not_found")
    assert body["detail"] == "未找到。"
    assert (
        assert_error(api.get(f"/api/v1/services/{pk}/?lang=en"), 404, "not_found")["detail"] == "Not found."
    )


def test_catalog_endpoints_are_public_and_documented(api, catalog):
    schema = yaml.safe_load(api.get("/api/v1/schema/").content)
    for path in ("/api/v1/districts/", "/api/v1/categories/", "/api/v1/services/", "/api/v1/services/{id}/"):
        operation = schema["paths"][path]["get"]
        assert {} in operation["security"], f"{path} should be public"
        assert operation["responses"]["200"]["content"]["application/json"]["schema"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/services/"]["get"]["parameters"]}
    assert parameters >= {"q", "category", "district", "min_price", "max_price", "ordering", "kind", "page"}
    detail = schema["components"]["schemas"]["ServiceDetail"]["properties"]
    assert detail["price"]["type"] == "string" and detail["price"]["format"] == "decimal"
