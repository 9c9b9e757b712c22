from django.urls import path

from . import staff_views

app_name = "booking_staff"

urlpatterns = [
    path("staff/tasks/", staff_views.tasks, name="tasks"),
    path("staff/tasks/<int:booking_id>/<str:action>/", staff_views.task_move, name="task_move"),
    path("provider/<int:provider_id>/orders/", staff_views.orders, name="orders"),
    path("provider/<int:provider_id>/orders/calendar/", staff_views.calendar, name="calendar"),
    path("provider/orders/<int:booking_id>/", staff_views.order, name="order"),
]
