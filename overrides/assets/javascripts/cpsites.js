/* Azerbaijani search: fold İ→i and I→ı in the query exactly as the index was folded
   (cpsites/web/search.py); toLowerCase() alone turns "İ" into "i̇" and finds nothing. */
(function () {
  "use strict";
  if ((document.documentElement.lang || "").slice(0, 2) !== "az") return;
  document.addEventListener("input", function (event) {
    var el = event.target;
    if (!el || el.name !== "query" || !/[İI\u0307]/.test(el.value)) return;
    var pos = el.selectionStart;
    el.value = el.value.replace(/İ/g, "i").replace(/I/g, "ı").replace(/\u0307/g, "");
    try { el.setSelectionRange(pos, pos); } catch (e) { /* not a text input */ }
  }, true);
})();

/* Keyboard access to the menu on phones: Material's menu button is a <label> for a hidden
   checkbox, which the Tab key never reaches. Make it a named, focusable button. Material's own
   keyboard handler clicks a focused label on Enter; we add Space, move focus into the opened
   menu, and close it with Escape, giving focus back to the button. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !button) return;
  var nav = document.querySelector(".md-sidebar--primary nav[aria-label]");
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  if (nav && !button.hasAttribute("aria-label")) button.setAttribute("aria-label", nav.getAttribute("aria-label"));
  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  sync();
  // opened from the keyboard: remember it at the key press, as the click Material makes of it
  // does not always leave the focus on the button by the time the toggle changes
  var byKeyboard = false;
  toggle.addEventListener("change", function () {
    sync();
    if (toggle.checked && (byKeyboard || document.activeElement === button)) {
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (first) requestAnimationFrame(function () { first.focus(); });
    }
    byKeyboard = false;
  });
  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter") byKeyboard = true;
    if (event.key !== " ") return;
    event.preventDefault();
    byKeyboard = true;
    button.click();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      button.focus();
    }
  });
})();

/* On paper a link is only useful with its address: give relative links in the text their full
   URL for the print stylesheet (a[data-cp-href]::after); http, tel and mailto links show as they are. */
(function () {
  "use strict";
  var links = document.querySelectorAll(".md-content__inner :is(p, li, td, dd, blockquote, figcaption) > a[href]");
  Array.prototype.forEach.call(links, function (a) {
    var raw = a.getAttribute("href");
    if (/^(#|[a-z]+:)/i.test(raw) || /(^|\s)(cp-|md-button)/.test(a.className)) return;
    a.setAttribute("data-cp-href", a.href);
  });
})();
