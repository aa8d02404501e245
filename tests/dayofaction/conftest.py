import pytest
from django.core.exceptions import ImproperlyConfigured


@pytest.fixture
def refusal(monkeypatch):
    """Set a variable, read it, and return the message of the refusal."""

    def read_refused(read, name: str, value: str, **kwargs) -> str:
        monkeypatch.setenv(name, value)
        with pytest.raises(ImproperlyConfigured) as error:
            read(name, **kwargs)
        return str(error.value)

    return read_refused
