"""Find your chapter on a public event page (listed in `PRESS_TAKE_PART_PROVIDERS`).

Every page has it: a visitor who wants to take part next year starts with their
chapter. The press kit calls it with the page being shown.
"""

from django.template.loader import render_to_string


def find_your_chapter(request, page) -> str:
    return render_to_string("joining/take_part.html", {"page": page}, request=request)
