// The schedule board: switch between the grid and the time-ordered list, and remember it.
// Without JavaScript, wide screens show the grid and phones the list.
(function () {
  var board = document.querySelector("[data-board]");
  if (!board) return;
  var group = board.querySelector(".board-views");
  if (!group) return;
  var buttons = group.querySelectorAll("[data-view]");
  var key = "board-view";

  function show(view) {
    board.classList.toggle("board--list", view === "list");
    board.classList.toggle("board--grid", view === "grid");
    buttons.forEach(function (button) {
      var on = button.getAttribute("data-view") === view;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.classList.toggle("button--secondary", !on);
    });
  }

  var saved = null;
  try { saved = window.localStorage.getItem(key); } catch (error) { /* private mode */ }
  var phone = window.matchMedia("(max-width: 699px)").matches;
  show(saved || (phone ? "list" : "grid"));
  group.hidden = false;
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var view = button.getAttribute("data-view");
      show(view);
      if (view === "grid") scrollToFirstMeeting();
      try { window.localStorage.setItem(key, view); } catch (error) { /* private mode */ }
    });
  });

  // Start the grid at the first meeting rather than at the day's first hour, when the day
  // is wider than the frame (a phone); a fitted day needs no scrolling.
  function scrollToFirstMeeting() {
    var scroller = board.querySelector(".board-scroll");
    var blocks = board.querySelectorAll(".board-block");
    if (!scroller || !blocks.length || board.classList.contains("board--list")) return;
    var origin = scroller.getBoundingClientRect().left - scroller.scrollLeft;
    var earliest = Infinity;
    blocks.forEach(function (block) {
      earliest = Math.min(earliest, block.getBoundingClientRect().left - origin);
    });
    var start = 0;
    board.querySelectorAll(".board-hour").forEach(function (hour, index) {
      var left = hour.getBoundingClientRect().left - origin;
      if (index > 0 && left <= earliest) start = left;
    });
    var office = board.querySelector(".board-corner");
    if (start > 0) scroller.scrollLeft = start - (office ? office.offsetWidth : 0);
  }
  scrollToFirstMeeting();
})();
