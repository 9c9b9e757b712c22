from django.urls import path

from . import invoice_views

app_name = "booking_invoices"

urlpatterns = [
    path("orders/<str:number>/invoice.pdf", invoice_views.invoice_pdf, name="invoice_pdf"),
]
