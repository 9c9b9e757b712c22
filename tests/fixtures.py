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
