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
