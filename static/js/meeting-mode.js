// Show only what the chosen way of meeting needs: the room for an office visit, the link,
// dial-in and huddle for a call. Without this script every field shows, and the server
// says which ones do not fit.
(function () {
  "use strict";
  var form = document.querySelector("[data-meeting-form]");
  if (!form) return;
  var radios = form.querySelectorAll("input[name=mode]");
  var place = form.querySelector("[data-for-mode=in_person]");
  var call = form.querySelector("[data-for-mode=call]");
  if (!radios.length || !place || !call) return;

  function show() {
    var checked = form.querySelector("input[name=mode]:checked");
    var mode = checked ? checked.value : "in_person";
    var remote = mode !== "in_person";
    // A section holding an error the server found stays in view.
    place.hidden = remote && !place.querySelector(".errorlist");
    call.hidden = !remote && !call.querySelector(".errorlist");
  }
  radios.forEach(function (radio) {
    radio.addEventListener("change", show);
  });
  show();
})();
