import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet
from django.conf import settings

PROJECT_ROOT = Path(settings.BASE_DIR)


def production_env(tmp_path):
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "shangmen.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "FIELD_DIGEST_KEY": secrets.token_urlsafe(32),
        "SITE_URL": "https://shangmen.example",
    }


def run_manage(*args, **env):
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env={**base_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks(tmp_path):
    result = run_manage("check", "--deploy", **production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "Set the DJANGO_SECRET_KEY environment variable" in result.stderr


def test_production_settings_refuse_demo_data(tmp_path):
    result = run_manage("load_demo", **production_env(tmp_path))
    assert result.returncode != 0
    assert "Demo data is disabled" in result.stderr
