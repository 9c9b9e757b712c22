"""Fixtures shared by every app's tests (loaded as a pytest plugin from pyproject.toml)."""

from types import SimpleNamespace

import pytest


@pytest.fixture
def catalog(db):
    from cms.tests.factories import build_catalog

    return SimpleNamespace(**build_catalog())


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.invalid", "shangmen-demo")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language, whatever an earlier test activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "testserver"}


@pytest.fixture(autouse=True, scope="session")
def no_outside_network():
    """A test that would reach a real payment gateway (or anything off this machine) fails loudly."""
    import socket

    real_getaddrinfo = socket.getaddrinfo

    def local_only(host, *args, **kwargs):
        if host not in LOCAL_HOSTS and not str(host).startswith("127."):
            raise OSError(f"Tests must not reach {host}: fake the gateway instead.")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.getaddrinfo = local_only
    yield
    socket.getaddrinfo = real_getaddrinfo
