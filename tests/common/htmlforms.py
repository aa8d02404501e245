"""Read the forms of a rendered page as a browser would submit them (stdlib parser only)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class PageForm:
    method: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # name -> input type, "select", …
    files: list[str] = field(default_factory=list)

    def data_with(self, name: str, value: str) -> dict[str, list[str]]:
        data = {key: list(values) for key, values in self.fields.items()}
        data[name] = [value]
        data.pop("csrfmiddlewaretoken", None)
        return data

    def data_with_all(self, value: str) -> dict[str, list[str]]:
        return {name: [value] for name in self.fields if name != "csrfmiddlewaretoken"}


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[PageForm] = []
        self.form: PageForm | None = None
        self.select: str | None = None
        self.select_first: str | None = None
        self.select_chosen = False
        self.textarea: str | None = None
        self.text: list[str] = []
        self.radios_seen: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.form = PageForm(
                method=attributes.get("method", "get").lower(), action=attributes.get("action", "")
            )
            self.forms.append(self.form)
            self.radios_seen = set()
            return
        if self.form is None or ("name" not in attributes and tag != "option"):
            return
        name = attributes.get("name", "")
        if tag == "input":
            kind = attributes.get("type", "text").lower()
            self.form.kinds.setdefault(name, kind)
            if kind == "file":
                self.form.files.append(name)
            elif kind in ("submit", "image", "reset", "button"):
                pass
            elif kind == "checkbox":
                if "checked" in attributes:
                    self.form.fields.setdefault(name, []).append(attributes.get("value", "on"))
            elif kind == "radio":
                # A required radio with nothing chosen: take the first, so the form can pass.
                if "checked" in attributes or name not in self.radios_seen:
                    self.form.fields[name] = [attributes.get("value", "on")]
                self.radios_seen.add(name)
            else:
                self.form.fields.setdefault(name, []).append(attributes.get("value", ""))
        elif tag == "button" and attributes.get("type", "submit") == "submit":
            self.form.fields.setdefault(name, [attributes.get("value", "")])
            self.form.kinds.setdefault(name, "button")
        elif tag == "select":
            self.select, self.select_first, self.select_chosen = name, None, False
            self.form.kinds.setdefault(name, "select")
        elif tag == "option" and self.select is not None:
            value = attributes.get("value", "")
            if "selected" in attributes:
                self.form.fields.setdefault(self.select, []).append(value)
                self.select_chosen = True
            elif self.select_first is None and value:
                self.select_first = value
        elif tag == "textarea":
            self.textarea, self.text = name, []
            self.form.kinds.setdefault(name, "textarea")

    def handle_data(self, data):
        if self.textarea is not None:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select" and self.select is not None and self.form is not None:
            if not self.select_chosen and self.select_first is not None:
                self.form.fields.setdefault(self.select, []).append(self.select_first)
            self.select = None
        elif tag == "textarea" and self.textarea is not None and self.form is not None:
            self.form.fields[self.textarea] = ["".join(self.text).lstrip("\n")]
            self.textarea = None


def forms_of(html: str) -> list[PageForm]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms
