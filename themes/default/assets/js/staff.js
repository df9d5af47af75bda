// Staff pages: list and search, detail, attachments, CSV/XLSX exports, the printable roster and the summary,
// all read from the staff API (role "staff"). 401 and 403 are explained in Japanese with a way forward.
(function () {
  "use strict";

  var app = document.getElementById("staff-app");
  if (!app) {
    return;
  }

  var api = app.getAttribute("data-api");
  var view = app.getAttribute("data-view");
  var results = document.getElementById("staff-results");
  var status = document.getElementById("staff-status");
  var query = new URLSearchParams(window.location.search);

  var formTitles = {
    "event-registration": "イベント参加申込",
    "oip-application": "OIP 応募",
    "mentee-application": "メンティ応募",
    "partnership-inquiry": "連携のご相談",
  };
  var statusLabels = {
    confirmed: "参加確定", waitlisted: "キャンセル待ち", partial: "一部キャンセル待ち", partially_confirmed: "一部キャンセル待ち",
    cancelled: "キャンセル済み", received: "受付", reviewing: "審査中", accepted: "採択・対応", declined: "不採択・見送り", closed: "完了",
  };

  // The sign-out link is added here: /.auth/ belongs to the host, not to the built site the link checker sees.
  var navList = document.querySelector(".staff-nav__list");
  if (navList) {
    var signOut = document.createElement("a");
    signOut.href = "/.auth/logout?post_logout_redirect_uri=/";
    signOut.textContent = "ログアウト";
    navList.appendChild(document.createElement("li")).appendChild(signOut);
  }

  function url(path) {
    return (api.charAt(api.length - 1) === "/" ? api : api + "/") + "staff/" + path;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  function label(map, value) {
    return map[value] || value || "";
  }

  function jst(iso) {
    if (!iso) {
      return "";
    }
    return new Date(iso).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  }

  function say(text) {
    status.textContent = text;
  }

  // Signed out (401) or signed in without the staff role (403): say so, and offer the way forward.
  function refuse(code) {
    results.textContent = "";
    var box = el("div", "error-summary error-summary--shown");
    box.setAttribute("role", "alert");
    if (code === 401) {
      box.appendChild(el("p", "error-summary__title", "ログインが必要です。"));
      var p = el("p", null, "ログインの有効期限が切れたか、ログインしていません。");
      box.appendChild(p);
      var a = el("a", null, "ログインする");
      a.href = app.getAttribute("data-login");
      box.appendChild(el("p")).appendChild(a);
    } else {
      box.appendChild(el("p", "error-summary__title", "この画面を見る権限がありません。"));
      box.appendChild(el("p", null, "事務局スタッフ（staff）の役割が付いたアカウントでログインしてください。役割の付与は管理者に依頼してください。"));
      var out = el("a", null, "別のアカウントでログインし直す");
      out.href = "/.auth/logout?post_logout_redirect_uri=" + encodeURIComponent(app.getAttribute("data-login"));
      box.appendChild(el("p")).appendChild(out);
    }
    results.appendChild(box);
    say("");
  }

  function load(path, options) {
    say("読み込んでいます…");
    var init = options || {};
    init.credentials = "same-origin";
    init.headers = Object.assign({ Accept: "application/json" }, init.headers || {});
    return fetch(url(path), init).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        refuse(response.status);
        return null;
      }
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok) {
          results.textContent = "";
          var box = el("div", "error-summary error-summary--shown");
          box.setAttribute("role", "alert");
          box.appendChild(el("p", "error-summary__title", (body && body.title) || "読み込めませんでした（HTTP " + response.status + "）。"));
          if (body && body.detail) {
            box.appendChild(el("p", null, body.detail));
          }
          results.appendChild(box);
          say("");
          return null;
        }
        say("");
        return body;
      });
    }, function () {
      say("通信できませんでした。接続を確認して、再読み込みしてください。");
      return null;
    });
  }

  function table(caption, headers, rows) {
    var wrap = el("div", "table-scroll");
    var t = el("table", "staff-table");
    t.appendChild(el("caption", null, caption));
    var head = el("thead");
    var tr = el("tr");
    headers.forEach(function (h) {
      var th = el("th", null, h);
      th.scope = "col";
      tr.appendChild(th);
    });
    head.appendChild(tr);
    t.appendChild(head);
    var body = el("tbody");
    rows.forEach(function (cells) {
      var row = el("tr");
      cells.forEach(function (cell, i) {
        var c = el(i === 0 ? "th" : "td");
        if (i === 0) {
          c.scope = "row";
        }
        if (cell instanceof Node) {
          c.appendChild(cell);
        } else {
          c.textContent = cell === undefined || cell === null ? "" : String(cell);
        }
        row.appendChild(c);
      });
      body.appendChild(row);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  function exportLinks(container, base, kinds, params) {
    container.textContent = "";
    kinds.forEach(function (kind) {
      var a = el("a", "button button--secondary", kind.toUpperCase() + " で書き出す");
      a.href = url(base + "." + kind) + (params ? "?" + params : "");
      a.setAttribute("download", "");
      container.appendChild(a);
    });
  }

  function list() {
    var filters = document.getElementById("staff-filters");
    ["form", "event", "status", "q"].forEach(function (name) {
      if (query.get(name)) {
        filters.elements[name].value = query.get(name);
      }
    });
    var exports = document.getElementById("staff-exports");
    function run() {
      var params = new URLSearchParams();
      ["form", "event", "status", "q"].forEach(function (name) {
        var v = filters.elements[name].value.trim();
        if (v) {
          params.set(name, v);
        }
      });
      window.history.replaceState(null, "", "?" + params.toString());
      var form = params.get("form");
      if (form) {
        exportLinks(exports, "exports/" + encodeURIComponent(form), ["csv", "xlsx"], params.get("event") ? "event=" + encodeURIComponent(params.get("event")) : "");
      } else {
        exports.textContent = "";
        exports.appendChild(el("p", "note", "フォームを選ぶと CSV・XLSX で書き出せます。"));
      }
      load("submissions?" + params.toString()).then(function (data) {
        if (!data) {
          return;
        }
        results.textContent = "";
        var rows = (data.items || []).map(function (item) {
          var link = el("a", null, item.number);
          link.href = "/staff/submission/?form=" + encodeURIComponent(item.form_id) + "&id=" + encodeURIComponent(item.id);
          return [link, label(formTitles, item.form_id), jst(item.submitted_at), label(statusLabels, item.status), item.name, item.organization, item.email, item.summary];
        });
        results.appendChild(table("申込・応募の一覧（" + (data.total !== undefined ? data.total : rows.length) + "件）",
          ["受付番号", "フォーム", "受付日時", "状態", "氏名", "所属", "メールアドレス", "概要"], rows));
        say((data.total !== undefined ? data.total : rows.length) + "件見つかりました。");
      });
    }
    filters.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    run();
  }

  function detail() {
    var form = query.get("form");
    var id = query.get("id");
    if (!form || !id) {
      results.appendChild(el("p", "notice", "一覧から受付番号を選んでください。"));
      return;
    }
    load("submissions/" + encodeURIComponent(form) + "/" + encodeURIComponent(id)).then(function (data) {
      if (!data) {
        return;
      }
      results.textContent = "";
      results.appendChild(el("h2", null, label(formTitles, data.form_id) + " " + data.number));
      var facts = el("dl", "facts");
      [["受付日時", jst(data.submitted_at)], ["状態", label(statusLabels, data.status), "staff-detail-status"]].concat((data.fields || []).map(function (f) { return [f.label, f.value]; }))
        .forEach(function (pair) {
          facts.appendChild(el("dt", null, pair[0]));
          var dd = facts.appendChild(el("dd", null, pair[1]));
          if (pair[2]) {
            dd.id = pair[2];
          }
        });
      if (data.consent) {
        facts.appendChild(el("dt", null, "同意した利用目的（版）"));
        facts.appendChild(el("dd", null, data.consent.purpose_version + "（" + jst(data.consent.consented_at) + "）"));
      }
      results.appendChild(facts);
      if (data.sessions && data.sessions.length > 0) {
        results.appendChild(table("申込んだ枠", ["枠", "状態", "キャンセル待ち順"], data.sessions.map(function (s) {
          return [s.title || s.session_id, label(statusLabels, s.status), s.waitlist_position || ""];
        })));
      }
      if (data.attachments && data.attachments.length > 0) {
        results.appendChild(el("h3", null, "添付ファイル"));
        var ul = el("ul");
        data.attachments.forEach(function (a) {
          var link = el("a", null, a.file_name + "（" + Math.ceil(a.length / 1024) + "KB）をダウンロード");
          link.href = a.url || url("submissions/" + encodeURIComponent(form) + "/" + encodeURIComponent(id) + "/attachments/" + encodeURIComponent(a.id));
          link.setAttribute("download", "");
          ul.appendChild(el("li")).appendChild(link);
        });
        results.appendChild(ul);
      }
      if (form !== "event-registration") {
        statusChanger(form, id, data.status);
      }
    });
  }

  // Review status of an application: a labelled select and a button; the outcome is announced in Japanese in the
  // page's status region (role=status), the shown 状態 is updated in place, and an error stays next to the control
  // instead of replacing the details being read.
  function statusChanger(form, id, current) {
    var f = el("form", "staff-actions staff-status-change");
    f.setAttribute("aria-label", "審査状態の変更");
    var wrap = el("div", "field");
    var l = el("label", "field__label", "状態を変更");
    l.setAttribute("for", "status-change");
    var select = el("select", "field__control");
    select.id = "status-change";
    select.name = "status";
    ["received", "reviewing", "accepted", "declined", "closed"].forEach(function (s) {
      var o = el("option", null, statusLabels[s]);
      o.value = s;
      o.selected = s === current;
      select.appendChild(o);
    });
    var error = el("p", "field__error");
    error.id = "status-change-error";
    error.hidden = true;
    wrap.appendChild(l);
    wrap.appendChild(select);
    wrap.appendChild(error);
    f.appendChild(wrap);
    var button = el("button", "button", "変更する");
    button.type = "submit";
    f.appendChild(button);

    function fail(text) {
      error.textContent = text;
      error.hidden = false;
      select.setAttribute("aria-invalid", "true");
      select.setAttribute("aria-describedby", error.id);
      say("状態を変更できませんでした。" + text);
    }

    f.addEventListener("submit", function (event) {
      event.preventDefault();
      error.hidden = true;
      select.removeAttribute("aria-invalid");
      select.removeAttribute("aria-describedby");
      button.disabled = true;
      say("状態を変更しています…");
      fetch(url("submissions/" + encodeURIComponent(form) + "/" + encodeURIComponent(id) + "/status"), {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ status: select.value }),
      }).then(function (response) {
        if (response.status === 401 || response.status === 403) {
          refuse(response.status);
          return;
        }
        return response.json().catch(function () { return null; }).then(function (body) {
          if (!response.ok) {
            var field = body && body.errors && body.errors.status;
            fail((field && field[0]) || (body && (body.detail || body.title)) || "HTTP " + response.status);
            return;
          }
          var shown = document.getElementById("staff-detail-status");
          if (shown) {
            shown.textContent = label(statusLabels, (body && body.status) || select.value);
          }
          say((body && body.message) || "状態を「" + statusLabels[select.value] + "」に変更しました。");
        });
      }, function () {
        fail("通信できませんでした。接続を確認して、もう一度お試しください。");
      }).then(function () {
        button.disabled = false;
      });
    });
    results.appendChild(f);
  }

  function people(list) {
    return (list || []).map(function (p) { return [p.number, p.name, p.kana, p.organization, label(statusLabels, p.status), ""]; });
  }

  function roster() {
    var filters = document.getElementById("staff-filters");
    var exports = document.getElementById("staff-exports");
    if (query.get("event")) {
      filters.elements.event.value = query.get("event");
    }
    function run() {
      var eventId = filters.elements.event.value;
      if (!eventId) {
        results.appendChild(el("p", "notice", "申込みを受け付けるイベントがありません。"));
        return;
      }
      window.history.replaceState(null, "", "?event=" + encodeURIComponent(eventId));
      exportLinks(exports, "events/" + encodeURIComponent(eventId) + "/roster", ["csv", "xlsx"], "");
      var print = el("button", "button button--secondary", "印刷する");
      print.type = "button";
      print.addEventListener("click", function () { window.print(); });
      exports.appendChild(print);
      load("events/" + encodeURIComponent(eventId) + "/roster").then(function (data) {
        if (!data) {
          return;
        }
        results.textContent = "";
        results.appendChild(el("h2", null, data.event.title + "（" + jst(data.event.start) + "）"));
        (data.sessions || []).forEach(function (s) {
          var section = el("section", "roster-session");
          section.appendChild(el("h3", null, s.title + "（定員" + s.capacity + "名・参加確定" + (s.confirmed || []).length + "名）"));
          section.appendChild(table(s.title + "：参加確定", ["受付番号", "氏名", "ふりがな", "所属", "状態", "出席"], people(s.confirmed)));
          if (s.waitlisted && s.waitlisted.length > 0) {
            section.appendChild(table(s.title + "：キャンセル待ち", ["受付番号", "氏名", "ふりがな", "所属", "状態", "出席"], people(s.waitlisted)));
          }
          results.appendChild(section);
        });
      });
    }
    filters.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    run();
  }

  function summary() {
    load("summary").then(function (data) {
      if (!data) {
        return;
      }
      results.textContent = "";
      var actions = el("div", "staff-actions");
      var a = el("a", "button button--secondary", "XLSX で書き出す");
      a.href = url("summary.xlsx");
      a.setAttribute("download", "");
      actions.appendChild(a);
      results.appendChild(actions);
      results.appendChild(el("p", "note", "集計日時：" + jst(data.generated_at)));
      results.appendChild(table("フォームごとの件数", ["フォーム", "合計", "状態別"], (data.forms || []).map(function (f) {
        var by = Object.keys(f.by_status || {}).map(function (k) { return label(statusLabels, k) + " " + f.by_status[k]; }).join("、");
        return [f.title || label(formTitles, f.form_id), f.total, by];
      })));
      var rows = [];
      (data.events || []).forEach(function (e) {
        (e.sessions || []).forEach(function (s) {
          rows.push([e.title + "：" + s.title, jst(e.start), s.capacity, s.confirmed, s.waitlisted, s.cancelled]);
        });
      });
      results.appendChild(table("イベントの枠ごとの申込状況", ["イベント・枠", "開催日時", "定員", "参加確定", "キャンセル待ち", "キャンセル"], rows));
    });
  }

  ({ staff: list, submission: detail, roster: roster, summary: summary }[view] || function () {})();
})();
