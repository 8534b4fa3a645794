"""The seed's views: DRF's create view (one insert, the new row back, 201) and its CPU loop."""
from rest_framework import generics
from rest_framework.decorators import api_view
from rest_framework.response import Response

from tasks.models import Task
from tasks.serializers import TaskSerializer


class TaskCreate(generics.CreateAPIView):
    queryset = Task.objects.all()
    serializer_class = TaskSerializer


@api_view(['POST'])
def cpu(request):
    counter = 0
    for i in range(10000):
        for k in range(1000):
            counter = counter + 500
    return Response({'counter': counter})
