// The plan page while a plan is being made: follow the run's progress, reload when it is done.
// Without JavaScript, the page refreshes itself every few seconds instead (a noscript meta).
(function () {
  var card = document.querySelector("[data-plan-run][data-status-url]");
  if (!card) return;
  var url = card.getAttribute("data-status-url");
  var bar = card.querySelector("[data-run-progress]");
  var label = card.querySelector("[data-run-message]");

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { window.setTimeout(poll, 3000); return; }
        if (bar) { bar.value = state.progress; bar.textContent = state.progress + "%"; }
        if (label && state.message) label.textContent = state.message;
        if (state.finished) { window.location.reload(); return; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
