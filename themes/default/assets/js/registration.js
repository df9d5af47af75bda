// Event registration: live 残席 per session, the form token, inline errors and the confirmation.
// Without this script the form is an ordinary post and the API answers with a result page.
(function () {
  "use strict";

  var F = window.StartupHubForms;
  var form = document.getElementById("registration-form");
  if (!form || !F) {
    return;
  }

  var api = form.getAttribute("data-api");
  var eventId = form.getAttribute("data-event");
  var idempotency = { key: F.newKey(), body: null };
  form.noValidate = true; // the API's messages (in Japanese, next to each field) replace the browser's bubbles
  F.fetchToken(form);

  function seatsText(session) {
    if (!session.accepts_registration) {
      return "この枠は申込みを受け付けていません";
    }
    if (session.remaining > 0) {
      return "残り" + session.remaining + "席";
    }
    return "満席：お申込みはキャンセル待ちになります（現在" + session.waitlist + "名待ち）";
  }

  var lastRefresh = 0;
  function refresh() {
    lastRefresh = Date.now();
    F.getJson(F.endpoint(api, "events/" + encodeURIComponent(eventId) + "/availability")).then(function (data) {
      if (!data || !data.sessions) {
        return;
      }
      data.sessions.forEach(function (session) {
        var seats = form.querySelector("[data-seats='" + session.id + "']");
        if (seats) {
          seats.textContent = seatsText(session);
          seats.className = "seats " + (session.remaining > 0 ? "seats--open" : "seats--full");
        }
      });
      if (!data.registration_open) {
        F.showSummary(form, "現在、このイベントのお申込みは受け付けていません。", [], "ページを再読み込みして、最新の受付状況をご確認ください。");
      }
    });
  }

  // 残席 changes while people read: refresh when the visitor comes back to the tab or to the session choices.
  function refreshSoon() {
    if (Date.now() - lastRefresh > 3000) {
      refresh();
    }
  }
  refresh();
  window.addEventListener("focus", refreshSoon);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      refreshSoon();
    }
  });
  var sessions = form.querySelector("[data-field='sessions']");
  if (sessions) {
    sessions.addEventListener("focusin", refreshSoon);
  }

  function body() {
    var checked = Array.prototype.map.call(form.querySelectorAll("input[name='sessions']:checked"), function (c) { return c.value; });
    var consent = form.querySelector("input[name='consent']");
    return {
      sessions: checked,
      name: F.value(form, "name"),
      furigana: F.value(form, "furigana"),
      email: F.value(form, "email"),
      organization_type: F.value(form, "organization_type"),
      organization: F.value(form, "organization"),
      job_title: F.value(form, "job_title"),
      referral: F.value(form, "referral"),
      comment: F.value(form, "comment"),
      consent: { agreed: !!(consent && consent.checked), purpose_version: F.value(form, "purpose_version") },
      form_token: F.value(form, "form_token"),
      website: form.querySelector("input[name='website']").value,
    };
  }

  function sessionTitle(id) {
    var box = form.querySelector("input[name='sessions'][value='" + id + "']");
    return box ? box.getAttribute("data-title") : id;
  }

  function confirm(answer) {
    var box = document.getElementById("registration-confirmation");
    box.textContent = "";
    var heading = F.element("h3", "confirmation__title", answer.duplicate ? "既にお申込みいただいています" : "お申込みを受け付けました");
    heading.id = "registration-confirmation-heading";
    heading.tabIndex = -1;
    box.appendChild(heading);
    box.appendChild(F.element("p", null, answer.message));

    var facts = F.element("dl", "facts");
    facts.appendChild(F.element("dt", null, "受付番号"));
    var number = F.element("dd", "confirmation__number");
    number.appendChild(F.element("strong", null, answer.registration_number));
    facts.appendChild(number);
    box.appendChild(facts);

    if (answer.sessions && answer.sessions.length > 0) {
      var list = F.element("ul", "confirmation__sessions");
      answer.sessions.forEach(function (s) {
        var state = s.status === "confirmed" ? "参加確定" : s.status === "waitlisted" ? "キャンセル待ち（" + s.waitlist_position + "番目）" : s.status;
        var li = F.element("li", "confirmation__session confirmation__session--" + s.status);
        li.setAttribute("data-session", s.session_id);
        li.appendChild(F.element("span", null, sessionTitle(s.session_id) + "："));
        li.appendChild(F.element("strong", null, state));
        list.appendChild(li);
      });
      box.appendChild(list);
      if (answer.sessions.some(function (s) { return s.status === "waitlisted"; })) {
        box.appendChild(F.element("p", "notice", "キャンセル待ちの枠は、空きが出た順に参加確定となり、メールでお知らせします。"));
      }
    }

    if (answer.cancel_url) {
      var url = new URL(answer.cancel_url, window.location.href).href;
      var cancel = F.element("div", "confirmation__cancel");
      cancel.appendChild(F.element("p", null, "参加できなくなった場合は、次のリンクからキャンセルしてください。このリンクは確認メールにも記載しています（他の人に知らせないでください）。"));
      var label = F.element("label", null, "キャンセル用リンク");
      label.setAttribute("for", "registration-cancel-url");
      var input = F.element("input", "confirmation__link");
      input.id = "registration-cancel-url";
      input.type = "url";
      input.readOnly = true;
      input.value = url;
      var status = F.element("p", "confirmation__copied");
      status.setAttribute("role", "status");
      cancel.appendChild(label);
      cancel.appendChild(input);
      cancel.appendChild(F.copyButton(input, status));
      cancel.appendChild(status);
      var open = F.element("a", "confirmation__cancel-link", "キャンセル用ページを開く");
      open.href = url;
      var p = F.element("p");
      p.appendChild(open);
      cancel.appendChild(p);
      box.appendChild(cancel);
    }

    var calendar = F.element("p", "calendar-link");
    var ics = F.element("a", "button button--secondary", "カレンダーに追加（.ics）");
    ics.href = form.getAttribute("data-ics");
    ics.setAttribute("download", "");
    calendar.appendChild(ics);
    box.appendChild(calendar);

    form.remove();
    box.hidden = false;
    heading.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (form.getAttribute("aria-busy") === "true") {
      return;
    }
    var payload = JSON.stringify(body());
    // A retry of the same content keeps its Idempotency-Key (a lost answer never books twice); changed content gets a new one.
    if (idempotency.body !== null && idempotency.body !== payload) {
      idempotency.key = F.newKey();
    }
    idempotency.body = payload;
    F.setBusy(form, true, "送信しています…");
    F.send(form, payload, { "Content-Type": "application/json", "Idempotency-Key": idempotency.key }).then(function (result) {
      F.setBusy(form, false, "");
      if (result.ok && result.body && result.body.registration_number) {
        confirm(result.body);
      } else {
        F.showProblem(form, result);
        refresh();
      }
    });
  });
})();
