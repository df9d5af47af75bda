// Click-to-load video player: nothing is requested from YouTube until the visitor presses the button.
(function () {
  "use strict";

  var allowedOrigin = "https://www.youtube-nocookie.com";

  function play(button) {
    var src = button.getAttribute("data-embed") || "";
    // Only our privacy-enhanced player may be loaded, whatever the markup says.
    if (src.indexOf(allowedOrigin + "/embed/") !== 0) {
      return;
    }
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = button.getAttribute("data-title") || "動画プレーヤー";
    frame.className = "video-frame";
    frame.setAttribute("allow", "accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture; fullscreen");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.setAttribute("allowfullscreen", "");
    frame.tabIndex = 0;
    button.replaceWith(frame);
    frame.focus();
  }

  document.addEventListener("click", function (event) {
    // The theme's facade is button.video-facade; Markdown's {{< video >}} wraps one in figure.video-facade.
    var target = event.target instanceof Element ? event.target.closest("button[data-embed]") : null;
    if (target) {
      play(target);
    }
  });
})();
