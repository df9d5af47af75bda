// The cancellation page (/forms/cancel/#event=…&registration=…&token=…): shows the event, asks to confirm
// and posts the token from the fragment. The token never appears in a URL a server logs.
(function () {
  "use strict";

  var F = window.StartupHubForms;
  var form = document.getElementById("cancel-form");
  if (!form || !F) {
    return;
  }

  var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  var eventId = params.get("event");
  var registration = params.get("registration");
  var token = params.get("token");
  if (!eventId || !registration || !token) {
    document.getElementById("cancel-missing").hidden = false;
    return;
  }

  var api = form.getAttribute("data-api");
  form.setAttribute("action", F.endpoint(api, "events/" + encodeURIComponent(eventId) + "/registrations/" + encodeURIComponent(registration) + "/cancel"));
  form.hidden = false;

  var eventText = document.getElementById("cancel-event");
  F.getJson(F.endpoint(api, "events/" + encodeURIComponent(eventId) + "/availability")).then(function (data) {
    eventText.textContent = "";
    var link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(eventId) + "/";
    link.textContent = data && data.title ? data.title : eventId;
    eventText.appendChild(link);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (form.getAttribute("aria-busy") === "true") {
      return;
    }
    F.setBusy(form, true, "手続きしています…");
    F.send(form, JSON.stringify({ token: token }), { "Content-Type": "application/json" }).then(function (result) {
      F.setBusy(form, false, "");
      if (!result.ok || !result.body) {
        F.showProblem(form, result);
        return;
      }
      var box = document.getElementById("cancel-result");
      box.textContent = "";
      var heading = F.element("h2", "confirmation__title", result.body.message || "キャンセルを受け付けました。");
      heading.tabIndex = -1;
      box.appendChild(heading);
      var facts = F.element("dl", "facts");
      facts.appendChild(F.element("dt", null, "受付番号"));
      facts.appendChild(F.element("dd", "confirmation__number", result.body.registration_number));
      box.appendChild(facts);
      box.appendChild(F.element("p", null, "キャンセルの確認メールをお送りしました。またのご参加をお待ちしています。"));
      form.remove();
      box.hidden = false;
      heading.focus();
    });
  });
})();
