"""The seed's model: a task with a title and a description.

The table is the suite's own definition (TaskSchema), created by the suite in this peer's schema,
so Django does not manage it.
"""
from django.db import models


class Task(models.Model):
    id = models.BigAutoField(primary_key=True)
    title = models.CharField(max_length=255)
    description = models.TextField()

    class Meta:
        db_table = 'task'
        managed = False
