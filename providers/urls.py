from django.urls import path

from . import views

app_name = "providers"

urlpatterns = [
    path("provider/", views.home, name="home"),
    path("provider/apply/", views.apply, name="apply"),
    path("provider/<int:provider_id>/", views.dashboard, name="dashboard"),
    path("provider/<int:provider_id>/application/", views.edit_application, name="edit_application"),
    path("provider/<int:provider_id>/papers/", views.papers, name="papers"),
    path("provider/<int:provider_id>/submit/", views.submit, name="submit"),
    path("provider/<int:provider_id>/staff/", views.staff_list, name="staff_list"),
    path("provider/<int:provider_id>/staff/add/", views.staff_add, name="staff_add"),
    path("provider/<int:provider_id>/schedule/", views.schedule_week, name="schedule_week"),
    path("provider/<int:provider_id>/services/", views.offers, name="offers"),
    path("provider/<int:provider_id>/certificates/", views.certificates, name="certificates"),
    path("provider/papers/<int:document_id>/", views.document, name="document"),
    path("provider/papers/<int:document_id>/delete/", views.delete_document, name="delete_document"),
    path("provider/staff/<int:staff_id>/", views.staff_detail, name="staff_detail"),
    path("provider/staff/<int:staff_id>/edit/", views.staff_edit, name="staff_edit"),
    path("provider/staff/<int:staff_id>/records/", views.staff_records, name="staff_records"),
    path("provider/staff/<int:staff_id>/photo/", views.staff_photo, name="staff_photo"),
    path(
        "provider/personal-certificates/<int:certificate_id>/delete/",
        views.delete_personal_certificate,
        name="delete_personal_certificate",
    ),
    path("provider/staff/<int:staff_id>/leave/", views.staff_leave, name="staff_leave"),
    path("provider/staff/<int:staff_id>/schedule/", views.staff_schedule, name="staff_schedule"),
    path(
        "provider/schedule-exceptions/<int:exception_id>/delete/",
        views.delete_schedule_exception,
        name="delete_schedule_exception",
    ),
    path("provider/services/<int:offer_id>/withdraw/", views.withdraw_offer, name="withdraw_offer"),
    path("provider/certificates/<str:number>.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("staff/me/", views.staff_me, name="staff_me"),
    path("verify/<str:number>/", views.verify, name="verify"),
]
