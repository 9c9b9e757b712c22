from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("orders/<str:number>/pay/", views.checkout, name="checkout"),
    path("payments/<str:out_trade_no>/return/", views.payment_return, name="return"),
    path("payments/sandbox/<str:out_trade_no>/", views.sandbox_cashier, name="sandbox_cashier"),
    path("payments/sandbox/<str:out_trade_no>/pay/", views.sandbox_pay, name="sandbox_pay"),
]
