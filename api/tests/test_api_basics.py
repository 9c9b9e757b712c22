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


# Pagination --------------------------------------------------------------------------------------------------


@pytest.fixture
def someone(api):
    from accounts.services import create_phone_user

    api.force_authenticate(create_phone_user(phone="13700000009", password="qufu-stele-rubbing-7", name="陈"))
    return api


@pytest.mark.parametrize("value", ["null", "", "0", "-1", "101", "1.0", " 5", "+5", "５", "last"])
def test_a_page_size_that_is_not_a_whole_number_from_1_to_100_is_a_400(someone, value):
    response = someone.get("/api/v1/me/addresses/", {"page_size": value})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and list(body["fields"]) == ["page_size"]
    english = someone.get("/api/v1/me/addresses/", {"page_size": value}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["fields"]["page_size"][0] in {
        "A valid integer is required.",
        "Ensure this value is greater than or equal to 1.",
        "Ensure this value is less than or equal to 100.",
    }
    assert body["fields"]["page_size"] != english["fields"]["page_size"]  # in the caller's language


@pytest.mark.parametrize("value", ["0", "-3", "abc", "", "last", "2.0"])
def test_a_page_that_is_not_a_positive_whole_number_is_a_400(someone, value):
    body = someone.get("/api/v1/me/addresses/", {"page": value}).json()
    assert body["code"] == "invalid" and list(body["fields"]) == ["page"]


def test_good_page_numbers_and_sizes_are_taken_and_a_page_past_the_end_is_a_404(someone):
    for params in ({}, {"page": "1"}, {"page_size": "1"}, {"page_size": "100", "page": "1"}):
        assert someone.get("/api/v1/me/addresses/", params).status_code == 200
    body = someone.get("/api/v1/me/addresses/", {"page": "2"}).json()
    assert body["code"] == "not_found" and body["fields"] == {}


def test_the_schema_states_the_bounds_of_page_and_page_size(api):
    schema = yaml.safe_load(api.get("/api/v1/schema/").content)
    parameters = {
        p["name"]: p["schema"] for p in schema["paths"]["/api/v1/me/addresses/"]["get"]["parameters"]
    }
    assert parameters["page"] == {"type": "integer", "minimum": 1}
    assert parameters["page_size"] == {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}


# Request bodies ----------------------------------------------------------------------------------------------


# The only operations that take files: multipart, on endpoints of their own.
UPLOADS = {
    "/api/v1/bookings/{id}/review/photos/",
    "/api/v1/complaints/{id}/evidence/",
    "/api/v1/claims/{id}/evidence/",
}


def test_request_bodies_are_json_only_but_the_uploads(api):
    form = api.post(
        "/api/v1/auth/sms-code/",
        "phone=13800000001&purpose=signup",
        content_type="application/x-www-form-urlencoded",
    )
    assert form.status_code == 415 and form.json()["code"] == "unsupported_media_type"
    schema = yaml.safe_load(api.get("/api/v1/schema/").content)
    bodies = {
        (name, method): set(operation["requestBody"]["content"])
        for name, path in schema["paths"].items()
        for method, operation in path.items()
        if "requestBody" in operation
    }
    assert {name for (name, _method), content in bodies.items() if content != {"application/json"}} == UPLOADS
    assert all(bodies[name, "post"] == {"multipart/form-data"} for name in UPLOADS)


def test_a_json_number_where_the_schema_says_string_is_a_400(api):
    body = api.post("/api/v1/auth/sms-code/", {"phone": 13800000001, "purpose": "signup"}).json()
    assert body["code"] == "invalid" and list(body["fields"]) == ["phone"]


def test_request_strings_state_in_the_schema_what_drf_refuses(api):
    """NUL characters always, and blank (once trimmed) unless blanks are allowed; response strings are free."""
    from api import patterns

    schema = yaml.safe_load(api.get("/api/v1/schema/").content)["components"]["schemas"]
    address = schema["CustomerAddressInputRequest"]["properties"]
    assert address["contact_name"]["pattern"] == patterns.ecma(patterns.NOT_BLANK)
    assert address["landmark"]["pattern"] == patterns.ecma(patterns.NO_NUL)
    assert "pattern" not in schema["CustomerAddress"]["properties"]["contact_name"]
    # The patterns say what DRF's CharField does: it trims what str.strip() trims and refuses NUL.
    not_blank, no_nul = re.compile(patterns.NOT_BLANK), re.compile(patterns.NO_NUL)
    for text in ["陈", " 陈 ", "\u3000\u3000", " \t\n", "\x1c\x85", "\ufeff", "a\x00", "", "\xa0x\xa0"]:
        assert bool(no_nul.match(text)) == ("\x00" not in text)
        assert bool(not_blank.match(text)) == ("\x00" not in text and text.strip() != "")


def test_a_url_too_long_for_the_web_server_is_documented(api):
    schema = yaml.safe_load(api.get("/api/v1/schema/").content)
    responses = schema["paths"]["/api/v1/services/"]["get"]["responses"]
    assert "414" in responses and "content" not in responses["414"]


def test_answers_that_name_an_order_link_to_the_operations_on_it(api):
    schema = yaml.safe_load(api.get("/api/v1/schema/").content)
    operation_ids = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    created = schema["paths"]["/api/v1/bookings/"]["post"]["responses"]["201"]["links"]
    assert created["bookings_retrieve"] == {
        "operationId": "bookings_retrieve",
        "parameters": {"id": "$response.body#/id"},
    }
    listed = schema["paths"]["/api/v1/provider/bookings/"]["get"]["responses"]["200"]["links"]
    assert listed["provider_bookings_assign_create"]["parameters"] == {"id": "$response.body#/results/0/id"}
    for path in schema["paths"].values():
        for operation in path.values():
            for response in operation["responses"].values():
                assert {link["operationId"] for link in response.get("links", {}).values()} <= operation_ids
