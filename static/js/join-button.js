// Shows each call's Join button when it goes live (10 minutes before), without a reload.
(function () {
  "use strict";
  function reveal() {
    var now = Date.now();
    document.querySelectorAll("[data-join-at]").forEach(function (button) {
      if (Date.parse(button.getAttribute("data-join-at")) <= now) {
        button.hidden = false;
        var later = button.previousElementSibling;
        if (later && later.hasAttribute("data-join-later")) later.hidden = true;
        button.removeAttribute("data-join-at");
      }
    });
  }
  reveal();
  window.setInterval(reveal, 15000);
})();
