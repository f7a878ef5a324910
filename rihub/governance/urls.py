from django.urls import path

from rihub.governance import views

app_name = "governance"

urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/calendar.ics", views.all_meetings_calendar, name="calendar-all"),
    path(
        "meetings/body/<slug:slug>/calendar.ics",
        views.body_calendar,
        name="calendar-body",
    ),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
    path(
        "meetings/<slug:slug>/minutes/draft/",
        views.draft_minutes,
        name="draft-minutes",
    ),
    path(
        "meetings/<slug:slug>/calendar.ics",
        views.meeting_calendar,
        name="calendar-meeting",
    ),
    path("commitments/", views.commitment_tracker, name="commitment-tracker"),
    path(
        "commitments/<int:pk>/progress/",
        views.report_progress,
        name="report-progress",
    ),
    path("action-items/<int:pk>/", views.update_action_item, name="update-action-item"),
    path("invitations/<str:token>/", views.invitation_reply, name="invitation-reply"),
]
