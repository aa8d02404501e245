from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from chapters import access
from chapters.constituents import chapter_constituents


@login_required
def chapter_lawmakers(request, slug):
    chapter = access.chapter_for_leader(request.user, slug)
    return render(
        request,
        "chapters/chapter_lawmakers.html",
        {"chapter": chapter, "constituents": chapter_constituents(chapter=chapter)},
    )
