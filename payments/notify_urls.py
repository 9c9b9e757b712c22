"""Gateways call these without a language prefix; they must never redirect."""

from django.urls import path

from . import views

app_name = "payments_notify"

urlpatterns = [path("payments/notify/<str:channel>/", views.notify, name="notify")]
