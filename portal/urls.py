from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from providers import views as provider_views

from . import views

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("verify/<str:number>/", provider_views.verify_redirect, name="verify_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("payments.notify_urls")),
    path("", include("portal.api_urls")),
]
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="search"),
    path("services/", cms_views.service_list, name="service_list"),
    path("me/", views.account_home, name="account_home"),
    path("providers/<int:provider_id>/", views.provider_profile, name="provider_profile"),
    path("", include("accounts.urls")),
    path("", include("providers.urls")),
    path("", include("payments.statement_urls")),
    path("", include("payments.urls")),
    path("", include("booking.urls")),
    path("", include("booking.invoice_urls")),
    path("", include("booking.staff_urls")),
    path("", include("aftersales.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
