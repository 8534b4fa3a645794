#!/usr/bin/env python3
"""Django's command line for the seed's project (check, shell); the suite starts it with gunicorn."""
import os
import sys

if __name__ == '__main__':
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'task_management.settings')
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
