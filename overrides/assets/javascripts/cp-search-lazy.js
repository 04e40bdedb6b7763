/* Search loads when a visitor reaches for it, not with every page.
   Material starts its search worker (12 KB), a lunr language file (5 KB) and the search index
   (5-10 KB and growing with content) at every page load, even though most visits never search:
   a quarter of a phone's first view. This script runs before Material's bundle and holds back
   the worker and the index request until the search box gets focus (tap, click, Tab, or
   Material's "/", "s", "f" keys), the search toggle changes, or a finger or pointer goes down on
   the search button. Material then finishes its setup as usual ("Initializing search" shows for
   that moment). Matching is by URL, so nothing here depends on Material's code layout; if
   Material stops using these, search simply loads at once again (tests/e2e measure it). */
(function () {
  "use strict";
  var started = false;
  var waiting = [];
  function later(go) { if (started) go(); else waiting.push(go); }
  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  function isWorker(url) { return /\/workers\/search\.[^\/]*\.js(\?|$)/.test(String(url)); }
  function isIndex(url) { return /\/search\/search_index\.json(\?|$)/.test(String(url)); }

  var RealWorker = window.Worker;
  if (RealWorker && window.EventTarget) {
    window.Worker = function (url, options) {
      if (!isWorker(url)) return new RealWorker(url, options);
      var proxy = new EventTarget();
      var queue = [];
      var real = null;
      proxy.postMessage = function (message) { if (real) real.postMessage(message); else queue.push(message); };
      proxy.terminate = function () { if (real) real.terminate(); queue = []; };
      later(function () {
        real = new RealWorker(url, options);
        ["message", "error", "messageerror"].forEach(function (type) {
          real.addEventListener(type, function (event) {
            proxy.dispatchEvent(type === "error" ? new Event("error") : new MessageEvent(type, { data: event.data }));
          });
        });
        queue.splice(0).forEach(function (message) { real.postMessage(message); });
      });
      return proxy;
    };
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.cpSearchIndex = isIndex(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.cpSearchIndex && !started) { later(function () { send.apply(xhr, args); }); return; }
    return send.apply(xhr, args);
  };
  if (window.fetch) {
    var realFetch = window.fetch;
    window.fetch = function (input, init) {
      var url = typeof input === "string" ? input : (input && input.url) || String(input);
      if (started || !isIndex(url)) return realFetch.apply(this, arguments);
      return new Promise(function (resolve, reject) { later(function () { realFetch(input, init).then(resolve, reject); }); });
    };
  }

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.name === "query") start();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") start();
  }, true);
  document.addEventListener("pointerdown", function (event) {
    if (event.target && event.target.closest && event.target.closest('label[for="__search"], .md-search')) start();
  }, true);
})();
