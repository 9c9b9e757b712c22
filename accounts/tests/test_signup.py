"""Sign-up and password reset with a one-time SMS code, through the pages a person uses."""

import logging
import re
import threading
from datetime import timedelta
from unittest.mock import patch

import pytest
from django.db import connection
from django.utils import timezone

from accounts import sms
from accounts.models import PhoneVerification, User, phone_digest
from accounts.services import InvalidCode, create_phone_user, send_verification_code, verify_code

SIGNUP = "/{lang}/accounts/signup/"
RESET = "/{lang}/accounts/password-reset/"
PHONE = "13812345678"
PASSWORD = "jining-harbour-42"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def sent_code(phone=PHONE):
    """The code in the latest text message to ``phone``."""
    message = [sent for sent in sms.outbox if sent.phone == phone][-1].message
    return re.search(r"\b(\d{6})\b", message).group(1)


def request_code(client, url, phone=PHONE, action="send_code"):
    return client.post(url, {"phone": phone, "action": action})


def use_code(client, url, code, phone=PHONE, **fields):
    return client.post(url, {"phone": phone, "code": code, "action": "use_code", **fields})


def sign_up_fields(password=PASSWORD, **extra):
    return {"password": password, "password_again": password, **extra}


def reset_fields(password):
    return {"new_password": password, "new_password_again": password}


def later(minutes):
    return patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(minutes=minutes))


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_sign_up_with_a_texted_code(client, lang):
    url = SIGNUP.format(lang=lang)
    page = client.get(url)
    assert page.status_code == 200 and 'name="phone"' in page.content.decode()

    step_two = request_code(client, url, phone="+86 138-1234-5678")
    assert step_two.status_code == 200
    assert 'name="code"' in step_two.content.decode() and 'name="password_again"' in step_two.content.decode()
    assert [sent.phone for sent in sms.outbox] == [PHONE]

    response = use_code(client, url, sent_code(), **sign_up_fields(name="王小明", next=f"/{lang}/services/"))
    assert response.status_code == 302 and response["Location"] == f"/{lang}/services/"
    user = User.objects.get(phone_digest=phone_digest(PHONE))
    assert client.session["_auth_user_id"] == str(user.pk)
    assert user.first_name == "王小明" and user.check_password(PASSWORD)
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM accounts_user WHERE id = %s", [user.pk])
        assert PHONE not in cursor.fetchone()[0]


@pytest.mark.django_db
def test_sign_up_ignores_an_unsafe_next(client):
    request_code(client, SIGNUP.format(lang="en"))
    response = use_code(
        client, SIGNUP.format(lang="en"), sent_code(), **sign_up_fields(next="https://evil.example/")
    )
    assert response.status_code == 302 and response["Location"] == "/en/"


@pytest.mark.django_db
def test_a_wrong_code_is_explained_and_the_right_one_still_works(client):
    url = SIGNUP.format(lang="en")
    request_code(client, url)
    wrong = "000000" if sent_code() != "000000" else "111111"
    response = use_code(client, url, wrong, **sign_up_fields())
    assert response.status_code == 400
    assert "The code is wrong" in response.content.decode()
    assert not User.objects.exists()
    assert use_code(client, url, sent_code(), **sign_up_fields()).status_code == 302


@pytest.mark.django_db
def test_a_weak_password_does_not_use_up_the_code(client):
    url = SIGNUP.format(lang="en")
    request_code(client, url)
    response = use_code(client, url, sent_code(), **sign_up_fields(password="12345678"))
    assert response.status_code == 400
    assert "entirely numeric" in response.content.decode()
    assert use_code(client, url, sent_code(), **sign_up_fields()).status_code == 302


@pytest.mark.django_db
def test_an_expired_code_is_refused(client):
    url = SIGNUP.format(lang="en")
    request_code(client, url)
    with later(minutes=11):
        response = use_code(client, url, sent_code(), **sign_up_fields())
    assert response.status_code == 400
    assert "This code has expired" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_sixth_try_is_refused_even_with_the_right_code(client):
    url = SIGNUP.format(lang="en")
    request_code(client, url)
    code = sent_code()
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(5):
        assert use_code(client, url, wrong, **sign_up_fields()).status_code == 400
    response = use_code(client, url, code, **sign_up_fields())
    assert response.status_code == 400
    assert "Too many wrong tries" in response.content.decode()
    assert not User.objects.exists()
    assert PhoneVerification.objects.get().attempts == 5


@pytest.mark.django_db
def test_a_code_works_once(client):
    create_phone_user(phone=PHONE, password=PASSWORD)
    url = RESET.format(lang="en")
    request_code(client, url)
    code = sent_code()
    assert use_code(client, url, code, **reset_fields("first-new-password-7")).status_code == 302
    response = use_code(client, url, code, **reset_fields("second-new-password-8"))
    assert response.status_code == 400
    assert "already used" in response.content.decode()
    assert User.objects.get().check_password("first-new-password-7")


@pytest.mark.django_db
def test_a_new_code_replaces_the_old_one(client):
    url = SIGNUP.format(lang="en")
    request_code(client, url)
    old_code = sent_code()
    with later(minutes=2):
        assert request_code(client, url, action="resend_code").status_code == 200
        new_code = sent_code()
        if old_code != new_code:
            assert use_code(client, url, old_code, **sign_up_fields()).status_code == 400
        assert use_code(client, url, new_code, **sign_up_fields()).status_code == 302


@pytest.mark.django_db
def test_codes_are_rate_limited(client):
    url = SIGNUP.format(lang="en")
    assert request_code(client, url).status_code == 200
    again = request_code(client, url)
    assert again.status_code == 400
    assert "Please wait a minute" in again.content.decode()
    resend = request_code(client, url, action="resend_code")
    assert resend.status_code == 400
    # The code sent a moment ago may still work, so the code step stays on the page.
    assert "Please wait a minute" in resend.content.decode() and 'name="code"' in resend.content.decode()
    for minutes in (2, 4, 6, 8):
        with later(minutes):
            assert request_code(client, url).status_code == 200
    with later(10):
        too_many = request_code(client, url)
    assert too_many.status_code == 400
    assert "Too many codes were sent to this number in the last hour" in too_many.content.decode()
    assert len(sms.outbox) == 5


@pytest.mark.django_db
def test_sign_up_with_a_registered_number_says_so(client):
    create_phone_user(phone=PHONE, password=PASSWORD)
    response = request_code(client, SIGNUP.format(lang="zh-hans"))
    assert response.status_code == 400
    assert "该手机号已注册，请直接登录。" in response.content.decode()
    assert not sms.outbox


@pytest.mark.django_db
@pytest.mark.parametrize("url", [SIGNUP, RESET])
def test_an_invalid_number_is_explained_in_chinese(client, url):
    response = request_code(client, url.format(lang="zh-hans"), phone="12812345678")
    assert response.status_code == 400
    assert "请输入以 13–19 开头的 11 位大陆手机号" in response.content.decode()
    assert not sms.outbox


def comparable(response, phone):
    """The page without what differs between any two requests: the CSRF token and the number typed."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return response.status_code, html.replace(phone, "PHONE")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_a_reset_for_an_unknown_number_looks_like_one_for_a_known_number(client, lang):
    known, unknown = PHONE, "13987654321"
    create_phone_user(phone=known, password=PASSWORD)
    url = RESET.format(lang=lang)
    for action in ("send_code", "send_code", "resend_code"):
        assert comparable(request_code(client, url, known, action), known) == comparable(
            request_code(client, url, unknown, action), unknown
        )
    assert [sent.phone for sent in sms.outbox] == [known]
    answers = [
        comparable(use_code(client, url, "123456", phone, **reset_fields("a-brand-new-pass-9")), phone)
        for phone in (known, unknown)
    ]
    assert answers[0] == answers[1] and answers[0][0] == 400


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_password_reset_then_sign_in_with_the_new_password(client, lang):
    create_phone_user(phone=PHONE, password=PASSWORD)
    url = RESET.format(lang=lang)
    assert request_code(client, url).status_code == 200
    response = use_code(client, url, sent_code(), **reset_fields("a-brand-new-pass-9"))
    assert response.status_code == 302 and response["Location"] == f"/{lang}/accounts/login/"
    login_page = client.get(response["Location"])
    assert 'class="message success"' in login_page.content.decode()
    signed_in = client.post(response["Location"], {"username": PHONE, "password": "a-brand-new-pass-9"})
    assert signed_in.status_code == 302
    assert not client.login(username=PHONE, password=PASSWORD)


@pytest.mark.django_db
def test_sign_in_page_links_to_sign_up_and_password_reset(client):
    page = client.get("/zh-hans/accounts/login/").content.decode()
    assert 'href="/zh-hans/accounts/signup/"' in page and 'href="/zh-hans/accounts/password-reset/"' in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_uses_of_one_code_succeed_only_once():
    send_verification_code(phone=PHONE, purpose=PhoneVerification.Purpose.SIGNUP)
    code = sent_code()
    outcomes = []

    def use():
        try:
            verify_code(phone=PHONE, purpose=PhoneVerification.Purpose.SIGNUP, code=code)
            outcomes.append("used")
        except InvalidCode as error:
            outcomes.append(error.code)

    if connection.vendor == "postgresql":
        start = threading.Barrier(2)

        def use_in_thread():
            start.wait()
            try:
                use()
            finally:
                connection.close()

        threads = [threading.Thread(target=use_in_thread) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    else:
        # SQLite's test database is one in-memory connection: the second use comes right after.
        use()
        use()
    assert sorted(outcomes) == ["code_used", "used"]
    assert PhoneVerification.objects.get().used_at is not None


def test_the_console_backend_logs_the_code_only_in_debug(settings, caplog):
    backend = sms.ConsoleSmsBackend()
    caplog.set_level(logging.INFO, logger="accounts.sms")
    settings.DEBUG = True
    backend.send(PHONE, "code 123456")
    settings.DEBUG = False
    backend.send(PHONE, "code 654321")
    assert "code 123456" in caplog.text
    assert "654321" not in caplog.text and "138****5678" in caplog.text


@pytest.mark.django_db
def test_a_tampered_step_two_answers_400(client):
    url = SIGNUP.format(lang="zh-hans")
    response = use_code(client, url, "12", phone="12345", **sign_up_fields())
    assert response.status_code == 400
    assert "请输入以 13–19 开头的 11 位大陆手机号" in response.content.decode()
    assert client.post(url, {"phone": PHONE}).status_code == 400


class RefusingSmsBackend:
    def send(self, phone, message):
        raise sms.SmsDeliveryError("gateway down")


@pytest.mark.django_db
def test_a_gateway_failure_is_explained_and_does_not_count(client, settings):
    settings.SMS_BACKEND = f"{__name__}.RefusingSmsBackend"
    response = request_code(client, SIGNUP.format(lang="en"))
    assert response.status_code == 400
    assert "could not be sent" in response.content.decode()
    assert not PhoneVerification.objects.exists()
