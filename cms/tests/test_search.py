import pytest

from cms.search import segment, segment_query
from cms.tests.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [page.title for page in response.context["results"]]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("保洁", {"日常保洁服务 2小时", "深度保洁 4小时"}),
        ("空调", {"空调清洗"}),
        ("孔子", {"孔子文化讲解"}),
        ("深度保洁", {"深度保洁 4小时"}),
        ("论语", {"孔子文化讲解"}),
    ],
)
def test_chinese_words_inside_longer_titles_are_found(client, catalog, query, expected):
    response = client.get("/zh-hans/search/", {"q": query})
    assert response.status_code == 200
    assert set(result_titles(response)) >= expected


def test_english_search_finds_english_pages_only(client, catalog):
    response = client.get("/en/search/", {"q": "cleaning"})
    found = set(result_titles(response))
    assert found >= {"Daily home cleaning, 2 hours", "Deep cleaning, 4 hours"}
    assert all(title.isascii() for title in found)


def test_chinese_search_does_not_return_english_pages(client, catalog):
    assert "Daily home cleaning, 2 hours" not in result_titles(
        client.get("/zh-hans/search/", {"q": "cleaning"})
    )


def test_no_match_shows_a_helpful_empty_state(client, catalog):
    response = client.get("/zh-hans/search/", {"q": "潜水艇"})
    assert response.status_code == 200
    assert result_titles(response) == []
    assert "没有找到" in response.content.decode()


def test_empty_query_shows_a_hint(client, catalog):
    response = client.get("/zh-hans/search/")
    assert response.status_code == 200
    assert response.context["results"] == []


def test_overlong_query_is_a_clear_400(client, catalog):
    response = client.get("/en/search/", {"q": "x" * 101})
    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()


def test_search_paginates(client, catalog):
    for n in range(15):
        ServicePageFactory(
            parent=catalog.housekeeping,
            locale=catalog.zh,
            title=f"家具保洁 {n}",
            slug=f"furniture-{n}",
            districts=[catalog.rencheng],
        )
    first = client.get("/zh-hans/search/", {"q": "保洁"})
    total = first.context["page_obj"].paginator.count
    assert total >= 17
    assert len(first.context["results"]) == 10
    second = client.get("/zh-hans/search/", {"q": "保洁", "page": 2})
    assert len(second.context["results"]) == total - 10
    assert not set(result_titles(first)) & set(result_titles(second))


def test_search_query_count_is_bounded(client, catalog, django_assert_max_num_queries):
    for n in range(15):
        ServicePageFactory(
            parent=catalog.housekeeping,
            locale=catalog.zh,
            title=f"家具保洁 {n}",
            slug=f"furniture-{n}",
            districts=[catalog.rencheng],
        )
    client.get("/zh-hans/search/", {"q": "保洁"})
    with django_assert_max_num_queries(25):
        response = client.get("/zh-hans/search/", {"q": "保洁"})
    assert len(response.context["results"]) == 10


def test_segmentation_of_index_and_query_agree():
    assert "保洁" in segment("日常保洁服务 2小时").split()
    assert "空调" in segment("空调清洗").split()
    assert segment_query("  ") == ""
