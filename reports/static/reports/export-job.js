// Follows a background export: asks for its progress every second until it is ready.
(function () {
  var box = document.querySelector("[data-export-job]");
  if (!box || !window.fetch) return;
  var label = box.querySelector("[data-job-label]");
  var rows = box.querySelector("[data-job-rows]");
  var bar = box.querySelector("[data-job-progress]");
  var link = box.querySelector("[data-job-download]");

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        bar.value = job.percent;
        bar.textContent = job.percent + "%";
        if (job.rows_total) rows.textContent = job.rows_done + " of " + job.rows_total + " rows";
        if (job.status === "done") {
          label.textContent = "Ready";
          link.hidden = false;
        } else if (job.status === "failed") {
          label.textContent = "The export failed. Try again, or narrow the filters.";
        } else {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }

  if (box.dataset.status === "queued" || box.dataset.status === "running") poll();
})();
