// The menu button on phones. Without JavaScript the navigation simply shows as a list.
(function () {
  document.documentElement.classList.add("js");
  var toggle = document.querySelector(".nav-toggle");
  var menu = document.getElementById("main-nav");
  if (!toggle || !menu) return;
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = menu.classList.toggle("is-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.classList.contains("is-open")) {
      menu.classList.remove("is-open");
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
})();
