from django.urls import path

from . import statement_views as views

app_name = "payment_statements"

urlpatterns = [
    path("provider/<int:provider_id>/statements/", views.statement_page, name="statements"),
    # <str:day> gives back the dot before the format: "2026-07-01.csv" → day "2026-07-01", fmt "csv".
    path(
        "provider/<int:provider_id>/statements/<str:day>.<slug:fmt>",
        views.statement_download,
        name="download",
    ),
]
