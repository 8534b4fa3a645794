"""The seed's Django project, as it ran it: DRF, DEBUG off, a new database connection per request.

The suite starts it under gunicorn (see PeerProcess) with the database in PG* variables, the
peer's own schema in PGOPTIONS (search_path), and TASKBENCH_CONN_MAX_AGE for the -persistent
configurations. On PyPy the driver is psycopg2cffi, registered as psycopg2.
"""
import os
import platform

if platform.python_implementation() == 'PyPy':
    from psycopg2cffi import compat

    compat.register()

SECRET_KEY = 'taskbench-peer-not-a-secret'
DEBUG = False
ALLOWED_HOSTS = ['127.0.0.1', 'localhost']

INSTALLED_APPS = [
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'rest_framework',
    'tasks',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
]

ROOT_URLCONF = 'task_management.urls'
WSGI_APPLICATION = 'task_management.wsgi.application'

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': os.environ.get('PGDATABASE', 'test'),
        'USER': os.environ.get('PGUSER', 'postgres'),
        'PASSWORD': os.environ.get('PGPASSWORD', ''),
        'HOST': os.environ.get('PGHOST', '127.0.0.1'),
        'PORT': os.environ.get('PGPORT', '5432'),
        # 0, Django's default and the seed's: a new connection (and login) per request
        'CONN_MAX_AGE': int(os.environ.get('TASKBENCH_CONN_MAX_AGE', '0')),
    }
}

REST_FRAMEWORK = {
    'DEFAULT_RENDERER_CLASSES': ['rest_framework.renderers.JSONRenderer'],
}

USE_TZ = True
LANGUAGE_CODE = 'en-us'
TIME_ZONE = 'UTC'
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'console': {'class': 'logging.StreamHandler'}},
    'root': {'handlers': ['console'], 'level': 'WARNING'},
}
