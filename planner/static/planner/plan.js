// The plan page while a plan is being made or accepted: follow the work, reload when it is done.
// Without JavaScript, the page refreshes itself every few seconds instead (a noscript meta).
(function () {
  function follow(card, progressSelector, messageSelector) {
    var url = card.getAttribute("data-status-url");
    var bar = card.querySelector(progressSelector);
    var label = card.querySelector(messageSelector);

    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) {
          if (!state) { window.setTimeout(poll, 3000); return; }
          if (bar && typeof state.progress === "number") {
            bar.value = state.progress;
            bar.textContent = state.progress + "%";
          }
          if (label && state.message && label.textContent !== state.message) {
            label.textContent = state.message;
          }
          if (state.finished) { window.location.reload(); return; }
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 500);
  }

  var run = document.querySelector("[data-plan-run][data-status-url]");
  if (run) follow(run, "[data-run-progress]", "[data-run-message]");
  var acceptance = document.querySelector("[data-plan-acceptance][data-status-url]");
  if (acceptance) follow(acceptance, "[data-acceptance-progress]", "[data-acceptance-message]");
})();
