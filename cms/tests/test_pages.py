import pytest
from django.core.exceptions import ValidationError

from cms.models import (
    CulturalExperiencePage,
    District,
    HomePage,
    ServiceCategoryPage,
    ServicePage,
    StandardPage,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "page_key, language, expected",
    [
        ("home", "zh-hans", "服务上门，安心到家"),
        ("en_home", "en", "Services at your door"),
        ("housekeeping", "zh-hans", "家政保洁"),
        ("en_housekeeping", "en", "Housekeeping"),
        ("daily", "zh-hans", "日常保洁服务 2小时"),
        ("en_daily", "en", "Daily home cleaning, 2 hours"),
        ("confucius", "zh-hans", "孔子文化讲解"),
        ("en_confucius", "en", "Confucius culture talk"),
    ],
)
def test_pages_answer_in_their_language(client, catalog, page_key, language, expected):
    page = getattr(catalog, page_key)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert f'<html lang="{"zh-CN" if language == "zh-hans" else "en"}">' in html
    assert page.url.startswith(f"/{language}/")


def test_service_page_shows_price_duration_districts_and_policy(client, catalog):
    html = client.get(catalog.daily.url).content.decode()
    assert "¥120.00" in html
    assert "任城区" in html and "曲阜市" in html
    assert "健康证" in html
    assert (
        "服务开始前 2 小时以上可免费取消。" in html
    )  # the category's policy, as the service has none of its own


def test_english_service_page_names_districts_in_english(client, catalog):
    html = client.get(catalog.en_daily.url).content.decode()
    assert "Rencheng District" in html
    assert "任城区" not in html
    assert "Health certificate" in html


def test_cultural_experience_page_shows_host_and_group_size(client, catalog):
    html = client.get(catalog.confucius.url).content.decode()
    assert "曲阜文化讲师" in html
    assert "1–8" in html


def test_slugs_are_ascii_in_both_languages(catalog):
    for page in [catalog.home, catalog.daily, catalog.en_daily, catalog.en_confucius]:
        assert page.slug.isascii()
        assert "%" not in page.url


@pytest.mark.parametrize(
    "accept_language, expected",
    [("en-US,en;q=0.9", "/en/"), ("zh-CN,zh;q=0.9", "/zh-hans/"), ("fr-FR", "/zh-hans/"), ("", "/zh-hans/")],
)
def test_root_redirects_by_browser_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_switcher_links_to_the_same_page_in_english(client, catalog):
    html = client.get(catalog.daily.url).content.decode()
    assert f'href="{catalog.en_daily.url}"' in html


def test_language_switcher_links_back_to_chinese(client, catalog):
    html = client.get(catalog.en_daily.url).content.decode()
    assert f'href="{catalog.daily.url}"' in html


def test_untranslated_page_switches_to_other_home_with_notice(client, catalog):
    html = client.get(catalog.aircon.url).content.decode()
    assert f'href="{catalog.en_home.url}?untranslated=1"' in html
    response = client.get(f"{catalog.en_home.url}?untranslated=1")
    assert response.status_code == 200
    assert "not available in this language yet" in response.content.decode()


def test_untranslated_page_is_not_served_under_the_other_prefix(client, catalog):
    assert client.get(catalog.aircon.url.replace("/zh-hans/", "/en/")).status_code == 404


def test_tree_constraints():
    assert ServiceCategoryPage.allowed_parent_page_models() == [HomePage]
    assert set(ServiceCategoryPage.allowed_subpage_models()) == {ServicePage, CulturalExperiencePage}
    assert ServicePage.allowed_subpage_models() == []
    assert not ServicePage.can_create_at(HomePage())
    assert StandardPage.can_create_at(HomePage())


def test_cultural_experiences_are_services(catalog):
    services = ServicePage.objects.live().filter(locale=catalog.zh)
    assert catalog.confucius.page_ptr_id in set(services.values_list("pk", flat=True))
    assert ServicePage.objects.get(pk=catalog.confucius.pk).is_cultural_experience


def test_group_size_must_be_ordered(catalog):
    catalog.confucius.group_size_min, catalog.confucius.group_size_max = 6, 2
    with pytest.raises(ValidationError) as excinfo:
        catalog.confucius.full_clean()
    assert "group_size_max" in excinfo.value.message_dict


def test_district_code_must_belong_to_its_city(db):
    beijing_code_in_jining = District(
        city=District.objects.get(code="370811").city, code="110101", name_zh="东城区", name_en="Dongcheng"
    )
    with pytest.raises(ValidationError) as excinfo:
        beijing_code_in_jining.clean()
    assert "code" in excinfo.value.message_dict


def test_places_are_seeded_for_jining_and_beijing(db):
    assert District.objects.filter(city__code="370800").count() == 11
    assert District.objects.filter(city__code="110000").count() == 16
    assert District.objects.get(code="370881").name_zh == "曲阜市"
    assert District.objects.get(code="110119").name_zh == "延庆区"
