// Shared by the form scripts (registration.js, application.js, cancel.js): the form token, sending with
// Accept: application/json, and showing the API's problem+json next to each field and in an error summary.
// Without JavaScript the forms still work as ordinary posts; this only enhances them.
(function () {
  "use strict";

  function endpoint(api, path) {
    return (api.charAt(api.length - 1) === "/" ? api : api + "/") + path;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
  }

  // The signed form-issue time the API checks (too fast = a bot, too old = reload).
  function fetchToken(form) {
    var url = endpoint(form.getAttribute("data-api"), "forms/" + encodeURIComponent(form.getAttribute("data-form-id")) + "/token");
    return getJson(url).then(function (body) {
      var input = form.querySelector("input[name='form_token']");
      if (body && body.token && input) {
        input.value = body.token;
      }
      return body;
    });
  }

  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  // Answers { status, ok, body } whatever happens; a network failure is status 0.
  function send(form, body, headers) {
    var all = { Accept: "application/json" };
    Object.keys(headers || {}).forEach(function (name) { all[name] = headers[name]; });
    return fetch(form.getAttribute("action"), { method: "POST", headers: all, body: body, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch (e) {
            json = null;
          }
          return { status: response.status, ok: response.ok, body: json };
        });
      })
      .catch(function () { return { status: 0, ok: false, body: null }; });
  }

  function setBusy(form, busy, text) {
    var button = form.querySelector("button[type='submit']");
    if (button) {
      button.disabled = busy;
      button.setAttribute("aria-disabled", busy ? "true" : "false");
    }
    form.setAttribute("aria-busy", busy ? "true" : "false");
    var status = form.querySelector(".form__status");
    if (status) {
      status.textContent = text || "";
    }
  }

  function summaryOf(form) {
    return form.querySelector(".error-summary");
  }

  // consent.agreed / consent.purpose_version belong to the consent checkbox.
  function fieldName(key) {
    return key.split(".")[0].split("[")[0];
  }

  function labelOf(field) {
    var label = field.querySelector(".field__label, label");
    if (!label) {
      return "";
    }
    return label.textContent.replace(/（(必須|任意)）/g, "").trim();
  }

  function controlsOf(field) {
    return Array.prototype.filter.call(field.querySelectorAll("input, select, textarea"), function (c) { return c.type !== "hidden"; });
  }

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll(".field__error"), function (e) { e.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (c) {
      c.removeAttribute("aria-invalid");
      var original = c.getAttribute("data-describedby");
      if (original === "") {
        c.removeAttribute("aria-describedby");
      } else if (original !== null) {
        c.setAttribute("aria-describedby", original);
      }
      c.removeAttribute("data-describedby");
    });
    var summary = summaryOf(form);
    if (summary) {
      summary.textContent = "";
      summary.classList.remove("error-summary--shown");
    }
  }

  function markField(form, field, name, messages) {
    var id = form.id + "-" + name + "-error";
    var error = document.createElement("p");
    error.className = "field__error";
    error.id = id;
    error.textContent = messages.join(" ");
    var anchor = field.querySelector(".field__hint") || field.querySelector(".field__label, legend, label");
    if (anchor && anchor.parentNode === field) {
      anchor.after(error);
    } else {
      field.prepend(error);
    }
    var controls = controlsOf(field);
    controls.forEach(function (c) {
      c.setAttribute("aria-invalid", "true");
      var described = c.getAttribute("aria-describedby");
      c.setAttribute("data-describedby", described || "");
      c.setAttribute("aria-describedby", (described ? described + " " : "") + id);
    });
    return controls[0] || null;
  }

  // Fills the summary (a live region present since page load), links each message to its control, focuses it.
  function showSummary(form, title, items, detail) {
    var summary = summaryOf(form);
    if (!summary) {
      return;
    }
    summary.textContent = "";
    var heading = document.createElement("p");
    heading.className = "error-summary__title";
    heading.textContent = title;
    summary.appendChild(heading);
    if (detail) {
      var p = document.createElement("p");
      p.textContent = detail;
      summary.appendChild(p);
    }
    if (items.length > 0) {
      var list = document.createElement("ul");
      items.forEach(function (item) {
        var li = document.createElement("li");
        if (item.control && item.control.id) {
          var a = document.createElement("a");
          a.href = "#" + item.control.id;
          a.textContent = item.text;
          a.addEventListener("click", function (event) {
            event.preventDefault();
            item.control.focus();
          });
          li.appendChild(a);
        } else {
          li.textContent = item.text;
        }
        list.appendChild(li);
      });
      summary.appendChild(list);
    }
    summary.classList.add("error-summary--shown");
    summary.focus();
  }

  // errors: { field_name: ["message", ...] } as in the API's 422 problem+json.
  function showErrors(form, errors, title, detail) {
    clearErrors(form);
    var byField = {};
    var order = [];
    Object.keys(errors).forEach(function (key) {
      var name = fieldName(key);
      if (!byField[name]) {
        byField[name] = [];
        order.push(name);
      }
      byField[name] = byField[name].concat(errors[key]);
    });
    // The summary follows the order of the fields on the page, not of the JSON.
    var fields = Array.prototype.slice.call(form.querySelectorAll("[data-field]"));
    order.sort(function (a, b) {
      var ia = fields.findIndex(function (f) { return f.getAttribute("data-field") === a; });
      var ib = fields.findIndex(function (f) { return f.getAttribute("data-field") === b; });
      return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib);
    });
    var items = order.map(function (name) {
      var field = form.querySelector("[data-field='" + name + "']");
      var messages = byField[name];
      if (!field) {
        return { text: messages.join(" "), control: null };
      }
      var control = markField(form, field, name, messages);
      var label = labelOf(field);
      return { text: (label ? label + "：" : "") + messages.join(" "), control: control };
    });
    showSummary(form, title || "入力内容をご確認ください（" + items.length + "件）", items, detail);
  }

  function showProblem(form, result) {
    var problem = result.body || {};
    if (result.status === 422 && problem.errors) {
      showErrors(form, problem.errors, "入力内容をご確認ください（" + Object.keys(problem.errors).length + "件）");
      return;
    }
    clearErrors(form);
    if (result.status === 0) {
      showSummary(form, "送信できませんでした。", [], "通信できませんでした。インターネット接続を確認して、もう一度送信してください。入力内容はそのまま残っています。");
      return;
    }
    if (problem.code === "form-expired" || problem.code === "invalid-form-token") {
      fetchToken(form);
    }
    showSummary(form, problem.title || "送信できませんでした。", [], problem.detail || "時間をおいて、もう一度お試しください。");
  }

  function value(form, name) {
    var control = form.querySelector("[name='" + name + "']");
    if (!control) {
      return null;
    }
    var text = control.value.trim();
    return text === "" ? null : control.value;
  }

  function copyButton(input, status) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = "リンクをコピー";
    button.addEventListener("click", function () {
      var done = function () { status.textContent = "リンクをコピーしました。"; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(input.value).then(done, function () {
          input.select();
          status.textContent = "リンクを選択しました。コピーしてください。";
        });
      } else {
        input.select();
        status.textContent = "リンクを選択しました。コピーしてください。";
      }
    });
    return button;
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  window.StartupHubForms = {
    endpoint: endpoint,
    getJson: getJson,
    fetchToken: fetchToken,
    newKey: newKey,
    send: send,
    setBusy: setBusy,
    clearErrors: clearErrors,
    showErrors: showErrors,
    showSummary: showSummary,
    showProblem: showProblem,
    value: value,
    copyButton: copyButton,
    element: element,
  };
})();
