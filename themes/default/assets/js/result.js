// Result pages of no-JavaScript form posts (/forms/result/...): the receipt number from the query, the
// cancellation link from the fragment (#event=…&registration=…&token=…) and the reason of an error.
(function () {
  "use strict";

  var article = document.querySelector("[data-outcome]");
  var box = document.getElementById("result-details");
  if (!article || !box) {
    return;
  }

  var outcome = article.getAttribute("data-outcome");
  var query = new URLSearchParams(window.location.search);
  var fragment = new URLSearchParams(window.location.hash.replace(/^#/, ""));

  // The API's problem codes (docs/forms-api.md), explained for the visitor.
  var reasons = {
    "validation": "入力内容に誤りがありました。前のページに戻り、必須項目や入力の形式をご確認ください。",
    "submission-rejected": "送信内容を受け付けられませんでした。ページを再読み込みしてお試しください。",
    "rate-limited": "短時間に多くの送信がありました。しばらく待ってから、もう一度お試しください。",
    "forms-closed": "現在、フォームの受付を停止しています。",
    "form-not-offered": "このフォームは現在受け付けていません。",
    "form-closed": "このフォームの受付期間は終了しました。",
    "form-not-open": "このフォームの受付はまだ始まっていません。",
    "registration-closed": "お申込みの受付は終了しました。",
    "registration-not-open": "お申込みの受付はまだ始まっていません。",
    "registration-not-offered": "このイベントは事前申込みを受け付けていません。",
    "event-ended": "このイベントは終了しました。",
    "event-cancelled": "このイベントは中止となりました。",
    "event-postponed": "このイベントは延期となりました。新しい日程はイベントページでお知らせします。",
    "event-not-found": "お申込みのイベントが見つかりませんでした。イベントページから改めてお申し込みください。",
    "payload-too-large": "送信内容が大きすぎます。添付ファイルは10MBまで、自由記入欄は短めにしてください。",
    "storage-unavailable": "一時的に受け付けできない状態でした。送信内容は保存されていません。少し時間をおいて、もう一度送信してください。",
    "submitted-too-fast": "送信が早すぎました。数秒おいてから、もう一度送信してください。",
    "form-expired": "フォームの有効期限が切れました。ページを再読み込みして、もう一度入力してください。",
  };

  function add(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    box.appendChild(e);
    return e;
  }

  var shown = false;
  var number = query.get("number");
  if (number && outcome !== "error") {
    var facts = add("dl", "facts");
    var dt = document.createElement("dt");
    dt.textContent = "受付番号";
    var dd = document.createElement("dd");
    var strong = document.createElement("strong");
    strong.className = "result-details__number";
    strong.textContent = number;
    dd.appendChild(strong);
    facts.appendChild(dt);
    facts.appendChild(dd);
    shown = true;
  }

  var eventId = fragment.get("event");
  var registration = fragment.get("registration");
  var token = fragment.get("token");
  if (eventId && registration && token) {
    var link = new URL("/forms/cancel/", window.location.href);
    link.hash = "event=" + encodeURIComponent(eventId) + "&registration=" + encodeURIComponent(registration) + "&token=" + encodeURIComponent(token);
    add("p", null, "参加できなくなった場合は、次のリンクからキャンセルしてください（確認メールにも記載しています）。");
    var p = add("p", "result-details__cancel");
    var a = document.createElement("a");
    a.href = link.href;
    a.textContent = link.href;
    p.appendChild(a);
    var calendar = add("p", "calendar-link");
    var ics = document.createElement("a");
    ics.className = "button button--secondary";
    ics.href = "/events/" + encodeURIComponent(eventId) + "/event.ics";
    ics.setAttribute("download", "");
    ics.textContent = "カレンダーに追加（.ics）";
    calendar.appendChild(ics);
    shown = true;
  }

  if (outcome === "error") {
    var code = query.get("code");
    add("p", "notice", (code && reasons[code]) || "送信内容を受け付けられませんでした。");
    if (window.history.length > 1) {
      var back = add("p");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = "前のページに戻る";
      button.addEventListener("click", function () { window.history.back(); });
      back.appendChild(button);
    }
    shown = true;
  }

  box.hidden = !shown;
})();
