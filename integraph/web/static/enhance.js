// Progressive enhancement only: every page works without this file.
// Bring the highlighted source passage into view and give it focus, so
// keyboard and screen-reader users land on it as sighted users do.
document.addEventListener("DOMContentLoaded", function () {
  var hl = document.getElementById("hl");
  if (hl) {
    hl.scrollIntoView({ block: "center" });
    hl.focus({ preventScroll: true });
  }
});
