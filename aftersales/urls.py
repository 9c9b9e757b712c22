from django.urls import path

from . import views

app_name = "aftersales"

urlpatterns = [
    path("orders/<str:number>/review/", views.review_write, name="review"),
    path("orders/<str:number>/review/edit/", views.review_edit, name="review_edit"),
    path("orders/<str:number>/complaint/", views.complaint_file, name="complaint_file"),
    path("orders/<str:number>/claim/", views.claim_file, name="claim_file"),
    path("me/reviews/", views.my_reviews, name="my_reviews"),
    path("me/complaints/", views.my_complaints, name="my_complaints"),
    path("me/complaints/<int:complaint_id>/", views.complaint, name="complaint"),
    path("me/complaints/<int:complaint_id>/confirm/", views.complaint_confirm, name="complaint_confirm"),
    path("me/complaints/<int:complaint_id>/reopen/", views.complaint_reopen, name="complaint_reopen"),
    path("me/claims/", views.my_claims, name="my_claims"),
    path("me/claims/<int:claim_id>/", views.claim, name="claim"),
    path("me/feedback/", views.my_feedback, name="my_feedback"),
    path("me/feedback/new/", views.feedback, name="feedback"),
    path("me/notifications/", views.notifications, name="notifications"),
    path("reviews/photos/<int:photo_id>/", views.review_photo, name="review_photo"),
    path("evidence/<int:evidence_id>/", views.evidence, name="evidence"),
    path("provider/<int:provider_id>/reviews/", views.provider_reviews, name="provider_reviews"),
    path("provider/reviews/<int:review_id>/reply/", views.provider_reply, name="provider_reply"),
    path("provider/<int:provider_id>/complaints/", views.provider_complaints, name="provider_complaints"),
    path("provider/complaints/<int:complaint_id>/", views.provider_complaint, name="provider_complaint"),
]
