/* cpsites editor page: the Azerbaijani UI locale, Latin slugs and the site's look in the preview.
   Loaded after decap-cms.js from the local install (no CDN). */
(function () {
  var S = window.CPSITES;
  // ə and ı have no accent for Decap's clean_accents to remove: map them before the slug is made.
  var LATIN = { "ə": "e", "Ə": "E", "ı": "i", "İ": "I", "ş": "s", "Ş": "S", "ç": "c", "Ç": "C",
                "ğ": "g", "Ğ": "G", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U" };
  window.cpsitesLatin = function (s) { return String(s).replace(/[əƏıİşŞçÇğĞöÖüÜ]/g, function (c) { return LATIN[c]; }); };
  if (window.CPSITES_AZ_LOCALE) CMS.registerLocale("az", window.CPSITES_AZ_LOCALE);
  CMS.registerPreviewStyle(S.preview + "assets/stylesheets/cpsites.css");
  CMS.init();
})();
