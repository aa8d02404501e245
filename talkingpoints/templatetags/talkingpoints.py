from django import template

from talkingpoints.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render Markdown as sanitised HTML: `{{ ask.talking_points|markdown }}`."""
    return render_markdown(text or "")
