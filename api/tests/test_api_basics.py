"""What every API endpoint shares: the error shape, the language, throttling, the schema and its docs."""

import re

import pytest
import yaml
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_an_unknown_api_url_is_a_json_404_not_a_redirect(api):
    response = api.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "未找到。", "fields": {}}
    assert api.get("/api/v1/no-such-thing/", HTTP_ACCEPT_LANGUAGE="en").json()["detail"] == "Not found."


def test_the_language_follows_accept_language_and_a_lang_parameter_overrides_it(api):
    assert api.get("/api/v1/health/")["Content-Language"] == "zh-hans"
    assert api.get("/api/v1/health/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")["Content-Language"] == "en"
    response = api.get("/api/v1/health/?lang=zh-hans", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "zh-hans"
    assert "Accept-Language" in response["Vary"]


def test_signed_out_callers_get_401_in_the_error_shape(api):
    body = api.get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["code"] == "not_authenticated" and body["fields"] == {}
    assert "credentials" in body["detail"]


def test_too_many_requests_are_429_with_retry_after(api, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "3/min", raising=False)
    cache.clear()
    codes = [api.get("/api/v1/health/").status_code for _ in range(4)]
    cache.clear()
    assert codes == [200, 200, 200, 429]
    monkeypatch.setattr(AnonRateThrottle, "rate", "1/min", raising=False)
    api.get("/api/v1/health/")
    response = api.get("/api/v1/health/")
    cache.clear()
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert response.json()["code"] == "throttled"


def test_the_schema_is_openapi_3_and_documents_the_error_shape(api):
    response = api.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert set(schema["components"]["schemas"]["Error"]["required"]) == {"code", "detail", "fields"}
    health = schema["paths"]["/api/v1/health/"]["get"]["responses"]
    assert health["429"]["headers"]["Retry-After"]


def test_the_docs_page_needs_no_network(api):
    page = api.get("/api/v1/docs/").content.decode()
    assert "swagger-ui" in page
    external = [
        url for url in re.findall(r"""(?:src|href)=["']([^"']+)""", page) if url.startswith(("http", "//"))
    ]
    assert external == []
    for asset in re.findall(r"""["'](/static/[^"']+)""", page):
        assert asset.startswith("/static/drf_spectacular_sidecar/")


def test_a_bad_token_is_401_with_a_readable_message(api):
    response = api.get("/api/v1/me/", HTTP_AUTHORIZATION="Bearer not-a-token", HTTP_ACCEPT_LANGUAGE="en")
    body = response.json()
    assert response.status_code == 401
    assert body["code"] == "token_not_valid" and "token" in body["detail"].lower()
    assert "{" not in body["detail"]
