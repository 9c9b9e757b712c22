"""Local development: the embedded defaults (SQLite, in-process cache and tasks), debug on."""

import os

from .base import *  # noqa: F403

# DJANGO_DEBUG=0 runs the development settings without debug (benchmarks, the API contract run).
DEBUG = os.environ.get("DJANGO_DEBUG", "1") != "0"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-3c5a1f0e9b7d4e2a")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEMO_DATA_ALLOWED = True
# Development-only keys: personal data in a dev database is demo data.
FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or ["ZGV2LW9ubHktbm90LXNlY3JldC1zaGFuZ21lbi0wMDE="]  # noqa: F405
FIELD_DIGEST_KEY = FIELD_DIGEST_KEY or "dev-only-digest-key"  # noqa: F405
# Show the console SMS backend's messages (sign-up and reset codes) in the dev server's output.
LOGGING["loggers"] = {"accounts.sms": {"level": "INFO"}}  # noqa: F405
PAYMENTS_SANDBOX = True
