from django.urls import path

from . import views

app_name = "booking"

urlpatterns = [
    path("book/<int:service_id>/", views.choose_time, name="book"),
    path("book/hold/<int:hold_id>/", views.details, name="details"),
    path("book/hold/<int:hold_id>/review/", views.review, name="review"),
    path("orders/", views.orders, name="orders"),
    path("orders/<str:number>/", views.order, name="order"),
    path("orders/<str:number>/cancel/", views.cancel, name="cancel"),
    path("orders/<str:number>/change/", views.change, name="change"),
    path("me/addresses/", views.addresses, name="addresses"),
]
