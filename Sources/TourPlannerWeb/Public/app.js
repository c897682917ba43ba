// Progressive enhancement only: every page works without this file.
// Copy buttons on /texts: shown only when the clipboard can be used.
(function () {
  if (!navigator.clipboard) { return; }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) { return; }
      navigator.clipboard.writeText(source.textContent).then(function () {
        button.textContent = "Copied ✓";
      }, function () {
        button.textContent = "Copy failed: select the text";
      });
    });
  });
})();
