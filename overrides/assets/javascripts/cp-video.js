/* Click-to-load videos: the page holds only a local poster and a button. The YouTube or Vimeo
   player (and every request to that host) starts only when the visitor presses play.
   Also: the print button of brochures. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-cp-video] .cp-video__play");
    if (button) {
      var box = button.closest("[data-cp-video]");
      var frame = document.createElement("iframe");
      frame.src = box.dataset.embed;
      frame.title = box.dataset.title || "";
      frame.width = "640";
      frame.height = "360";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.className = "cp-video__frame";
      box.replaceChild(frame, button);
      box.classList.add("cp-video--playing");
      frame.focus();
      return;
    }
    if (event.target.closest && event.target.closest("[data-cp-print]")) {
      window.print();
    }
  });
})();
