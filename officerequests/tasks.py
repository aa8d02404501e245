from celery import shared_task

from officerequests.chasing import requests_chase


@shared_task
def chase_requests() -> int:
    return requests_chase()
