"""Settings shared by every environment. Secrets and addresses come from the environment."""

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "portal",
    "aftersales",
    "payments",
    "booking",
    "providers",
    "accounts",
    "cms",
    "api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "wagtail.api.v2",
    "guardian",
    "import_export",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "api.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite is the embedded default so a fresh machine needs no database server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

WAGTAIL_SITE_NAME = "济宁上门 Shangmen"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
DEMO_DATA_ALLOWED = False

WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "accounts.backends.PhoneOrUsernameBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# guardian's anonymous user row would show up as a person in the Wagtail user list.
ANONYMOUS_USER_NAME = None
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account_home"
LOGOUT_REDIRECT_URL = "/"

# Personal data at rest: Fernet keys (the first encrypts, all decrypt) and the key of lookup digests.
FIELD_ENCRYPTION_KEYS = [
    k.strip() for k in os.environ.get("FIELD_ENCRYPTION_KEYS", "").split(",") if k.strip()
]
FIELD_DIGEST_KEY = os.environ.get("FIELD_DIGEST_KEY", "")
# Uploaded papers, ID photos and issued PDFs: outside MEDIA_ROOT, served only by permission-checked views.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Text messages (sign-up and password reset codes): a dotted path to a class, see accounts/sms.py.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "accounts.sms.ConsoleSmsBackend")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Booking rules (minutes unless named otherwise).
BOOKING_SLOT_STEP_MINUTES = 30
BOOKING_MIN_NOTICE_MINUTES = int(os.environ.get("BOOKING_MIN_NOTICE_MINUTES", "120"))
BOOKING_HORIZON_DAYS = int(os.environ.get("BOOKING_HORIZON_DAYS", "30"))
BOOKING_HOLD_MINUTES = 10
# How long a placed order waits for its payment before its time is given back.
BOOKING_PAYMENT_MINUTES = int(os.environ.get("BOOKING_PAYMENT_MINUTES", "15"))


def _secret(name):
    """A secret from NAME, or from the file named by NAME_FILE (PEM keys do not fit well in variables)."""
    if os.environ.get(f"{name}_FILE"):
        return Path(os.environ[f"{name}_FILE"]).read_text()
    return os.environ.get(name, "")


# Payment channels are offered only when their merchant credentials are in the environment.
WECHATPAY = (
    {
        "MCHID": os.environ["WECHATPAY_MCHID"],
        "APPID": os.environ.get("WECHATPAY_APPID", ""),
        "PRIVATE_KEY": _secret("WECHATPAY_PRIVATE_KEY"),
        "CERT_SERIAL_NO": os.environ.get("WECHATPAY_CERT_SERIAL_NO", ""),
        "APIV3_KEY": _secret("WECHATPAY_APIV3_KEY"),
        "PUBLIC_KEY": _secret("WECHATPAY_PUBLIC_KEY"),
        "PUBLIC_KEY_ID": os.environ.get("WECHATPAY_PUBLIC_KEY_ID", ""),
    }
    if os.environ.get("WECHATPAY_MCHID")
    else None
)
ALIPAY = (
    {
        "APP_ID": os.environ["ALIPAY_APP_ID"],
        "SELLER_ID": os.environ.get("ALIPAY_SELLER_ID", ""),
        "PRIVATE_KEY": _secret("ALIPAY_PRIVATE_KEY"),
        "PUBLIC_KEY": _secret("ALIPAY_PUBLIC_KEY"),
        "OPEN_SANDBOX": os.environ.get("ALIPAY_OPEN_SANDBOX", "") == "1",
    }
    if os.environ.get("ALIPAY_APP_ID")
    else None
)
# The local sandbox channel (no real money); development and the demo only.
PAYMENTS_SANDBOX = os.environ.get("PAYMENTS_SANDBOX", "") == "1"
# WeChat Pay signs each delivery afresh: older timestamps are replays.
PAYMENT_NOTIFICATION_MAX_AGE_SECONDS = 300
# Alipay's notify_time is the time of each delivery too; its clock and ours may differ more.
ALIPAY_NOTIFICATION_MAX_AGE_SECONDS = 3600
# The platform's share of each paid order, in percent, shown on providers' daily statements.
PLATFORM_FEE_PERCENT = Decimal(os.environ.get("PLATFORM_FEE_PERCENT", "10"))

# After-sales: how long customers may review and complain, and the time limits operators work to.
AFTERSALES_REVIEW_WINDOW_DAYS = int(os.environ.get("AFTERSALES_REVIEW_WINDOW_DAYS", "30"))
AFTERSALES_REVIEW_EDIT_DAYS = int(os.environ.get("AFTERSALES_REVIEW_EDIT_DAYS", "7"))
AFTERSALES_COMPLAINT_WINDOW_DAYS = int(os.environ.get("AFTERSALES_COMPLAINT_WINDOW_DAYS", "30"))
AFTERSALES_ACKNOWLEDGE_HOURS = int(os.environ.get("AFTERSALES_ACKNOWLEDGE_HOURS", "2"))
AFTERSALES_RESOLVE_HOURS = int(os.environ.get("AFTERSALES_RESOLVE_HOURS", "48"))
# A resolved complaint the customer neither confirms nor reopens is closed after this many days.
AFTERSALES_CONFIRM_DAYS = int(os.environ.get("AFTERSALES_CONFIRM_DAYS", "7"))
# Quality triggers: the average of a staff member's or provider's last N visible reviews under the
# threshold (once they have the minimum), or too many upheld complaints in a period, raise a warning.
QUALITY_ROLLING_REVIEWS = int(os.environ.get("QUALITY_ROLLING_REVIEWS", "20"))
QUALITY_MIN_REVIEWS = int(os.environ.get("QUALITY_MIN_REVIEWS", "5"))
QUALITY_RATING_THRESHOLD = Decimal(os.environ.get("QUALITY_RATING_THRESHOLD", "3.5"))
QUALITY_UPHELD_COMPLAINTS = int(os.environ.get("QUALITY_UPHELD_COMPLAINTS", "3"))
QUALITY_COMPLAINT_DAYS = int(os.environ.get("QUALITY_COMPLAINT_DAYS", "30"))

# The API for apps and mini-programs: JWT for apps, the session for the docs page and the site's own pages.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pages",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/min"),
        "user": os.environ.get("API_THROTTLE_USER", "600/min"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=30),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=14),
    "UPDATE_LAST_LOGIN": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Shangmen Jining API",
    "DESCRIPTION": (
        "Home services in Jining for apps and mini-programs. Content and error messages follow "
        "Accept-Language (zh-hans by default, en); a `lang` query parameter overrides it. Errors always "
        'have the shape {"code", "detail", "fields"}.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["api.schema.only_version_1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_error_responses",
        "api.schema.add_links",
    ],
}
