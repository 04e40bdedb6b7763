/* Runs before Material's bundle, from a file (no inline scripts under the sites'
   Content-Security-Policy, cpsites/web/headers.py). */
(function () {
  "use strict";
  /* Material fetches a sitemap.xml next to every <link rel=alternate> (our absolute hreflang
     links and the RSS link) to rewrite language links on click. Our switcher already points at
     the same page in the other language, so those fetches would only be 404s on slow networks
     and, in local previews, requests to the production host. The links stay in the HTML source
     for crawlers (and hreflang is in sitemap.xml too). */
  document.querySelectorAll("link[rel=alternate]").forEach(function (l) { l.remove(); });
  /* The menu and search start closed, also after back/forward or a reload restored the page
     (what Material's autocomplete="off" on the toggles did; see cpsites/web/material_fixes.py). */
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle) toggle.checked = false;
  });
  /* Material's content script: a link to a tab of a tabbed block opens that tab. */
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
