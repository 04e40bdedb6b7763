/* "Upcoming" lists are decided when the site is built. Between two builds, hide what has ended
   since: an event or a broadcast whose end (data-end, ISO time with +04:00) has passed. */
(function () {
  "use strict";
  function hidePast() {
    var now = Date.now();
    document.querySelectorAll("[data-cp-upcoming] [data-end]").forEach(function (el) {
      var end = Date.parse(el.getAttribute("data-end"));
      if (!isNaN(end) && end <= now) el.hidden = true;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", hidePast);
  else hidePast();
})();
