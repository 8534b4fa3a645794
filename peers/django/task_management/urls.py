"""The seed's routes: the create view, and the CPU round's loop."""
from django.urls import path

from tasks import views

urlpatterns = [
    path('api/tasks', views.TaskCreate.as_view()),
    path('api/cpu', views.cpu),
]
