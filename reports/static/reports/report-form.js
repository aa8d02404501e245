// Saves a draft report as people type: posts the whole form with autosave=1 a
// moment after the last change. The Save button works the same without it.
(function () {
  var form = document.getElementById("report-form");
  if (!form) return;
  var bar = form.querySelector(".report-actions");
  // The stylesheet's scroll-padding keeps a focused field clear of the sticky save bar
  // when the browser scrolls it into view; a field the browser finds "visible enough"
  // while half behind the bar is not scrolled, so finish the job here.
  form.addEventListener("focusin", function (event) {
    if (!bar || bar.contains(event.target)) return;
    var hidden = event.target.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
    if (hidden > 0) window.scrollBy(0, hidden + 16);
  });
  if (form.dataset.autosave !== "on" || !window.fetch) return;
  var status = form.querySelector("[data-autosave-status]");
  var timer = null;
  var saving = false;
  var again = false;

  function say(text) { if (status) status.textContent = text; }

  function rememberFollowUpIds(ids) {
    // The server returns the ids of the lines that have a description, in order.
    var rows = form.querySelectorAll("[data-follow-up]");
    var next = 0;
    rows.forEach(function (row) {
      var description = row.querySelector("input[name$='-description']");
      var id = row.querySelector("input[name$='-item_id']");
      if (description && id && description.value.trim()) {
        id.value = ids[next] || "";
        next += 1;
      }
    });
  }

  function save() {
    if (saving) { again = true; return; }
    saving = true;
    say("Saving…");
    var data = new FormData(form);
    data.set("autosave", "1");
    data.set("action", "save");
    // Not form.action: the buttons are named "action" and would shadow it.
    fetch(form.getAttribute("action") || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) { return response.json().then(function (body) { return [response.ok, body]; }); })
      .then(function (result) {
        if (result[0] && result[1].saved) {
          rememberFollowUpIds(result[1].follow_up_ids || []);
          say("Draft saved " + result[1].saved_at + ".");
        } else {
          say("Not saved yet: check the fields marked in red, then press Save draft.");
        }
      })
      .catch(function () { say("Offline? Not saved yet; press Save draft when you are back."); })
      .then(function () {
        saving = false;
        if (again) { again = false; save(); }
      });
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  }

  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  form.addEventListener("submit", function () { clearTimeout(timer); });
})();
