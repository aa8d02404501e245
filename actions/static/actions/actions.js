// Copy a letter with one tap: the text goes to the clipboard, and the button says so.
(function () {
  function copied(button, status) {
    status.textContent = "Copied. Paste it into the office's form.";
    button.setAttribute("aria-describedby", status.id);
  }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-copy") + "-status");
    button.addEventListener("click", function () {
      var text = source.value;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(button, status); },
          function () { source.select(); document.execCommand("copy"); copied(button, status); });
      } else {
        source.focus();
        source.select();
        document.execCommand("copy");
        copied(button, status);
      }
    });
  });
})();
