"""The history registry: higher apps say what happened in past meetings; talkingpoints asks."""

from django.utils.safestring import SafeString

from reports.briefing_history import filed_report_outcomes
from talkingpoints import history


def test_reports_registers_its_filed_reports_when_the_app_is_ready():
    assert filed_report_outcomes in history._providers


def test_outcomes_combine_every_provider_and_skip_an_empty_history(monkeypatch):
    calls = []

    def first(ids):
        calls.append(ids)
        return {1: SafeString("<p>one</p>")}

    def second(ids):
        return {1: SafeString("<p>more</p>"), 2: SafeString("<p>two</p>")}

    monkeypatch.setattr(history, "_providers", [])
    history.register_outcomes(first)
    history.register_outcomes(second)
    history.register_outcomes(first)  # registering twice changes nothing
    assert history.outcomes_for([1, 2, 3]) == {1: "<p>one</p><p>more</p>", 2: "<p>two</p>"}
    assert history.outcomes_for([]) == {}
    assert calls == [[1, 2, 3]]
