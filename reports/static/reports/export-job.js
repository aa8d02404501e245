// Follows a background export: asks for its progress every second; once the job has
// ended (ready or failed) the page is loaded again, and the server shows what to do.
(function () {
  var box = document.querySelector("[data-export-job]");
  if (!box || !window.fetch) return;
  var rows = box.querySelector("[data-job-rows]");
  var bar = box.querySelector("[data-job-progress]");

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (job.status !== "queued" && job.status !== "running") {
          window.location.reload();
          return;
        }
        bar.value = job.percent;
        bar.textContent = job.percent + "%";
        if (job.rows_total) rows.textContent = job.rows_done + " of " + job.rows_total + " rows";
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }

  poll();
})();
