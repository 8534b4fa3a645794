"""WSGI entry point for gunicorn: task_management.wsgi."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'task_management.settings')

application = get_wsgi_application()
