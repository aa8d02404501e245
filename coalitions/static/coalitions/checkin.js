// The door list: rendered once from JSON, filtered as you type, checked in with fetch().
(function () {
  "use strict";
  var root = document.querySelector("[data-checkin]");
  if (!root) return;
  var people = JSON.parse(document.getElementById("door-list").textContent);
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  var base = root.dataset.url;
  var rows = root.querySelector("[data-rows]");
  var search = root.querySelector("[data-search]");
  var none = root.querySelector("[data-none]");
  var countIn = root.querySelector("[data-count-in]");
  var countAll = root.querySelector("[data-count-all]");
  var walkIn = root.querySelector("[data-walkin]");
  var walkInError = root.querySelector("[data-walkin-error]");
  var tabs = root.querySelectorAll("[data-list]");
  var current = "guests";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
    });
  }

  function paint(person) {
    person.el.classList.toggle("is-in", person.in);
    person.button.textContent = person.in ? "Arrived ✓" : "Check in";
    person.button.setAttribute("aria-pressed", person.in ? "true" : "false");
    person.button.setAttribute(
      "aria-label",
      (person.in ? "Undo check-in of " : "Check in ") + person.name
    );
  }

  function build(person) {
    person.key = fold(person.name + " " + person.detail);
    var li = document.createElement("li");
    li.className = "checkin-row" + (person.vip ? " is-vip" : "");
    var who = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = person.name;
    who.appendChild(name);
    if (person.detail) {
      var detail = document.createElement("span");
      detail.className = "checkin-detail";
      detail.textContent = person.detail;
      who.appendChild(detail);
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "checkin-button";
    button.addEventListener("click", function () { toggle(person); });
    li.appendChild(who);
    li.appendChild(button);
    person.el = li;
    person.button = button;
    paint(person);
    return li;
  }

  function counts() {
    var inList = 0, arrived = 0, byList = { guests: 0, press: 0 };
    people.forEach(function (p) {
      byList[p.press ? "press" : "guests"] += 1;
      if ((p.press ? "press" : "guests") === current) {
        inList += 1;
        if (p.in) arrived += 1;
      }
    });
    countIn.textContent = arrived;
    countAll.textContent = inList;
    root.querySelector('[data-tab-count="guests"]').textContent = byList.guests;
    root.querySelector('[data-tab-count="press"]').textContent = byList.press;
  }

  function filter() {
    var words = fold(search.value.trim()).split(/\s+/).filter(Boolean);
    var shown = 0;
    people.forEach(function (p) {
      var visible = (p.press ? "press" : "guests") === current &&
        words.every(function (w) { return p.key.indexOf(w) !== -1; });
      p.el.hidden = !visible;
      if (visible) shown += 1;
    });
    none.hidden = shown > 0;
  }

  function toggle(person) {
    var wanted = !person.in;
    person.in = wanted;
    person.el.setAttribute("aria-busy", "true");
    paint(person);
    counts();
    var body = new FormData();
    body.append("arrived", wanted ? "1" : "0");
    post(base + person.id + "/", body)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        person.el.removeAttribute("aria-busy");
        person.in = data.in;
        paint(person);
        counts();
        if (wanted) { search.select(); }
      })
      .catch(function () {
        person.el.removeAttribute("aria-busy");
        person.in = !wanted;
        paint(person);
        counts();
        alert("That did not go through: check the connection and try again.");
      });
  }

  // The ARIA tabs pattern: one tab in the Tab order (roving tabindex), arrows and Home/End
  // move between tabs and select them; the panel is named by the selected tab.
  var panel = root.querySelector("[role=tabpanel]");
  var tabList = Array.prototype.slice.call(tabs);

  function select(tab, moveFocus) {
    current = tab.dataset.list;
    tabList.forEach(function (t) {
      var on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
    });
    panel.setAttribute("aria-labelledby", tab.id);
    rows.setAttribute("aria-label", tab.dataset.list === "press" ? "Expected press" : "Expected guests");
    if (moveFocus) tab.focus();
    counts();
    filter();
  }

  tabList.forEach(function (tab, index) {
    tab.addEventListener("click", function () { select(tab, true); });
    tab.addEventListener("keydown", function (event) {
      var last = tabList.length - 1;
      var next = {
        ArrowRight: index === last ? 0 : index + 1,
        ArrowLeft: index === 0 ? last : index - 1,
        Home: 0,
        End: last,
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabList[next], true);
    });
  });

  walkIn.addEventListener("submit", function (event) {
    event.preventDefault();
    walkInError.textContent = "";
    post(walkIn.action, new FormData(walkIn))
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        if (!result.ok) {
          var errors = result.data.errors || {};
          walkInError.textContent = Object.keys(errors).map(function (k) {
            return (k === "__all__" ? "" : k.replace("_", " ") + ": ") + errors[k].join(" ");
          }).join(" ");
          return;
        }
        var person = result.data;
        people.push(person);
        rows.insertBefore(build(person), rows.firstChild);
        walkIn.reset();
        root.querySelector("[data-walkin-box]").open = false;
        if (person.press !== (current === "press")) {
          root.querySelector('[data-list="' + (person.press ? "press" : "guests") + '"]').click();
        }
        search.value = person.name;
        counts();
        filter();
      })
      .catch(function () {
        walkInError.textContent = "That did not go through: check the connection and try again.";
      });
  });

  people.forEach(function (p) { rows.appendChild(build(p)); });
  search.addEventListener("input", filter);
  counts();
  filter();
})();
