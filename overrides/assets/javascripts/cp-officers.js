/* "Find my officer": search the street index the build wrote (officers/streets.json) in the
   browser, offline, no server. Street names are folded exactly as cpsites/content/officers.py
   `fold()` folds them: Azerbaijani I/İ casing, ə→e, ş→s, ..., no accents, no punctuation. */
(function () {
  "use strict";
  var MAP = { "ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "ё": "е", "й": "и" };

  function fold(text) {
    var s = text.replace(/İ/g, "i").replace(/I/g, "ı").toLowerCase();
    s = s.replace(/[əışçğöüёй]/g, function (c) { return MAP[c]; });
    s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return s.replace(/[^\p{L}\p{N}_]+/gu, " ").trim().replace(/\s+/g, " ");
  }

  /* "Nizami 12" -> words ["nizami"], house 12; "20 Yanvar" keeps its number as a word. */
  function parse(query) {
    var q = fold(query);
    var m = q.match(/^(.*\D)\s(\d+)\s?[a-z]?$/);
    if (m && m[1].trim()) return { words: m[1].trim().split(" "), house: parseInt(m[2], 10) };
    return { words: q ? q.split(" ") : [], house: null };
  }

  function search(index, query) {
    var p = parse(query);
    if (!p.words.length || p.words.join("").length < 2) return null;
    var found = [];
    index.streets.forEach(function (street) {
      var best = -1;
      street.keys.forEach(function (key) {
        if (!p.words.every(function (w) { return key.indexOf(w) >= 0; })) return;
        var score = key.indexOf(p.words[0]) === 0 ? 2 : (key.indexOf(" " + p.words[0]) >= 0 ? 1 : 0);
        best = Math.max(best, score);
      });
      if (best >= 0) found.push({ street: street, score: best });
    });
    if (p.house !== null) {
      var inRange = found.filter(function (f) {
        var h = f.street.houses;
        return !h || (p.house >= h[0] && p.house <= h[1]);
      });
      if (inRange.length) found = inRange;
    }
    found.sort(function (a, b) { return b.score - a.score || a.street.name.localeCompare(b.street.name); });
    return found.slice(0, 8).map(function (f) { return f.street; });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function render(box, index, streets) {
    var out = box.querySelector(".cp-finder__results");
    out.textContent = "";
    if (streets === null) return;
    if (!streets.length) {
      var none = el("p", { "class": "cp-finder__none" }, box.dataset.none + " ");
      none.appendChild(el("a", { href: box.dataset.dutyTel }, box.dataset.duty));
      out.appendChild(none);
      return;
    }
    var list = el("ul", { "class": "cp-finder__list" });
    streets.forEach(function (street) {
      var item = el("li", { "class": "cp-finder__item" });
      var name = street.name;
      if (street.houses) name += " (" + box.dataset.houses.replace("{range}", street.houses[0] + "–" + street.houses[1]) + ")";
      item.appendChild(el("p", { "class": "cp-finder__street" }, name));
      item.appendChild(el("p", { "class": "cp-finder__area" }, index.areas[String(street.area)]));
      street.officers.forEach(function (i) {
        var o = index.officers[i];
        var who = el("p", { "class": "cp-finder__officer" });
        who.appendChild(el("a", { href: o.url, "class": "cp-finder__name" }, o.name));
        who.appendChild(el("span", { "class": "cp-finder__title" }, o.title));
        who.appendChild(el("a", { href: o.tel, "class": "cp-tel" }, o.phone));
        item.appendChild(who);
      });
      list.appendChild(item);
    });
    out.appendChild(list);
  }

  function setup(box) {
    var form = box.querySelector("form");
    var input = box.querySelector("input");
    var indexUrl = new URL(box.dataset.index, document.baseURI);
    fetch(indexUrl).then(function (r) { return r.json(); }).then(function (index) {
      // officer links in the index are relative to the folder of the index file
      index.officers.forEach(function (o) { o.url = new URL(o.url, indexUrl).href; });
      form.hidden = false;
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      input.addEventListener("input", function () { render(box, index, search(index, input.value)); });
      if (input.value) render(box, index, search(index, input.value));
    }).catch(function () { /* the street lists below the search still work */ });
  }

  function init() {
    document.querySelectorAll("[data-cp-finder]").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
