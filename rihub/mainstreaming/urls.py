from django.urls import path

from rihub.mainstreaming import views

app_name = "mainstreaming"

urlpatterns = [
    path("mainstreaming/", views.strategy_list, name="strategy-list"),
    path("mainstreaming/<slug:slug>/", views.strategy_matrix, name="matrix"),
    path(
        "mainstreaming/<slug:slug>/dimensions/<int:pk>/",
        views.dimension_detail,
        name="dimension-detail",
    ),
    path(
        "mainstreaming/<slug:slug>/interventions.csv",
        views.export_csv,
        name="export-csv",
    ),
    path(
        "mainstreaming/<slug:slug>/interventions.json",
        views.export_json,
        name="export-json",
    ),
    path("interventions/new/", views.record_intervention, name="record-intervention"),
    path("interventions/<int:pk>/step/", views.record_step, name="record-step"),
    path(
        "interventions/<int:pk>/",
        views.intervention_detail,
        name="intervention-detail",
    ),
]
