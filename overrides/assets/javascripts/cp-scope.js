/* Material's inline head script (partials/javascripts/base.html) as a file, so the sites'
   Content-Security-Policy can forbid inline scripts: the scope for Material's local storage and
   its get/set helpers, as globals, exactly as Material defines them. */
var __md_scope = new URL(document.currentScript.getAttribute("data-md-scope") || ".", location),
  __md_hash = function (e) { return Array.from(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); },
  __md_get = function (e, s, t) {
    s = s || localStorage; t = t || __md_scope;
    return JSON.parse(s.getItem(t.pathname + "." + e));
  },
  __md_set = function (e, v, s, t) {
    s = s || localStorage; t = t || __md_scope;
    try { s.setItem(t.pathname + "." + e, JSON.stringify(v)); } catch (err) { /* storage full or off */ }
  };
