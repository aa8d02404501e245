// After a form posts and the server redirects back to "#item", put keyboard focus on that
// item (the page would otherwise start again at the top) and say the flash message again:
// a message already on the page when it loads is not announced by screen readers.
(function () {
  var id = decodeURIComponent(window.location.hash.slice(1));
  var target = id && document.getElementById(id);
  if (target && target.getAttribute("tabindex") === "-1") target.focus();
  var region = document.querySelector(".messages[aria-live]");
  if (!region) return;
  var messages = Array.prototype.slice.call(region.children);
  messages.forEach(function (message) { region.removeChild(message); });
  window.setTimeout(function () {
    messages.forEach(function (message) { region.appendChild(message); });
  }, 150);
})();
