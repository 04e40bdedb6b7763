/* cpsites editor page: the Azerbaijani UI locale, Latin slugs and the site's look in the preview.
   Loaded after decap-cms.js from the local install (no CDN). */
(function () {
  var S = window.CPSITES;
  // ə and ı have no accent for Decap's clean_accents to remove: our letters go first (run.py
  // hands Decap's slug function to this), so "Məktəb" gives "mekteb", never "m-kt-b".
  var LATIN = { "ə": "e", "Ə": "e", "ı": "i", "İ": "i", "I": "i", "ş": "s", "Ş": "s", "ç": "c", "Ç": "c",
                "ğ": "g", "Ğ": "g", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u" };
  window.cpsitesLatin = function (s) {
    return String(s).replace(/[əƏıİIşŞçÇğĞöÖüÜ]/g, function (c) { return LATIN[c]; }).toLowerCase();
  };
  CMS.registerLocale("az", window.CPSITES_AZ_LOCALE);

  var h = window.h;
  function text(v) { return v && typeof v.get === "function" ? (v.get(S.lang) || v.get("az") || "") : (v || ""); }
  function page(children) {  // the site's own content wrapper, so its CSS applies as on the site
    return h("div", { className: "md-container" }, h("main", { className: "md-main" },
      h("div", { className: "md-content" }, h("article", { className: "md-content__inner md-typeset" }, children))));
  }
  var News = function (props) {
    var e = props.entry, img = e.getIn(["data", "image"]);
    return page([
      h("h1", { key: "t" }, e.getIn(["data", "title"])),
      h("p", { key: "d", className: "cp-meta" }, String(e.getIn(["data", "date"]) || "")),
      img ? h("img", { key: "i", src: props.getAsset(img).toString(), alt: e.getIn(["data", "image_alt"]) || "" }) : null,
      h("p", { key: "s" }, h("strong", null, e.getIn(["data", "summary"]))),
      h("div", { key: "b" }, props.widgetFor("body")),
    ]);
  };
  var Officer = function (props) {
    var d = props.entry.get("data"), phone = d.get("phone") || "";
    return page([
      h("h1", { key: "n" }, text(d.get("name"))),
      h("p", { key: "r" }, text(d.get("rank")) + ", " + text(d.get("role"))),
      h("p", { key: "p" }, h("a", { href: "tel:" + phone.replace(/\s/g, "") }, phone)),
      d.get("email") ? h("p", { key: "e" }, h("a", { href: "mailto:" + d.get("email") }, d.get("email"))) : null,
      h("ul", { key: "a" }, (d.get("areas") || []).map(function (a, i) {
        return h("li", { key: i }, "№" + a.get("number") + " " + text(a.get("name")) + ": " +
          (a.get("streets") || []).map(text).join(", "));
      })),
    ]);
  };
  CMS.registerPreviewTemplate("news", News);
  CMS.registerPreviewTemplate("officers", Officer);

  // The preview pane takes the built site's own stylesheets (listed by run.py).
  S.styles.forEach(function (href) { CMS.registerPreviewStyle(href); });
  CMS.init();
})();
