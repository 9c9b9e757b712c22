"""The API for apps and mini-programs: /api/v1/ is ours, each app contributing its own views; /api/v2/ is
Wagtail's for headless use of the catalog."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from accounts import api as accounts_api
from aftersales import api as aftersales_api
from api.views import HealthView
from booking import api as booking_api
from cms import api as cms_api
from payments import api as payments_api
from providers import api as providers_api

v1 = [
    path("health/", HealthView.as_view(), name="health"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *accounts_api.urlpatterns,
    *cms_api.urlpatterns,
    *providers_api.urlpatterns,
    *booking_api.urlpatterns,
    *payments_api.urlpatterns,
    *aftersales_api.urlpatterns,
]

urlpatterns = [
    path("api/v1/", include((v1, "api"), namespace="api")),
    path("api/v2/", cms_api.wagtail_api_router.urls),
]
