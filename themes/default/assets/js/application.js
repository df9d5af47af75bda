// Applications and inquiries (OIP application with its PDF, mentee application, partnership inquiry):
// the form token, a client-side check of the PDF before anything is sent, FormData with
// Accept: application/json, inline errors and the receipt number. Without this script the forms post normally.
(function () {
  "use strict";

  var F = window.StartupHubForms;
  if (!F) {
    return;
  }

  var maxPdfBytes = 10 * 1024 * 1024;

  function isPdf(file) {
    return file.type === "application/pdf" || /\.pdf$/i.test(file.name);
  }

  // The same limits the API enforces, checked before a large upload starts.
  function fileErrors(form) {
    var errors = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[type='file']"), function (input) {
      var file = input.files && input.files[0];
      if (!file) {
        return;
      }
      var messages = [];
      if (!isPdf(file)) {
        messages.push("PDF 形式のファイルを選択してください（選択されたファイル：" + file.name + "）。");
      }
      if (file.size > maxPdfBytes) {
        messages.push("ファイルの大きさは10MBまでです（選択されたファイルは" + (file.size / 1024 / 1024).toFixed(1) + "MB）。");
      }
      if (messages.length > 0) {
        errors[input.name] = messages;
      }
    });
    return errors;
  }

  function confirm(form, answer) {
    var box = document.getElementById(form.id.replace(/-form$/, "-confirmation"));
    box.textContent = "";
    var inquiry = form.getAttribute("data-form-id") === "partnership-inquiry";
    var heading = F.element("h3", "confirmation__title", inquiry ? "ご相談を受け付けました" : "応募を受け付けました");
    heading.tabIndex = -1;
    box.appendChild(heading);
    if (answer.message) {
      box.appendChild(F.element("p", null, answer.message));
    }
    var facts = F.element("dl", "facts");
    facts.appendChild(F.element("dt", null, "受付番号"));
    var number = F.element("dd", "confirmation__number");
    number.appendChild(F.element("strong", null, answer.number));
    facts.appendChild(number);
    box.appendChild(facts);
    box.appendChild(F.element("p", null, "受付番号を記載した確認メールをお送りしました。お問い合わせの際は受付番号をお知らせください。"));
    form.remove();
    box.hidden = false;
    heading.focus();
  }

  function enhance(form) {
    form.noValidate = true;
    F.fetchToken(form);
    var file = form.querySelector("input[type='file']");
    if (file) {
      file.addEventListener("change", function () {
        var errors = fileErrors(form);
        if (Object.keys(errors).length > 0) {
          F.showErrors(form, errors, "添付ファイルをご確認ください");
        } else {
          F.clearErrors(form);
        }
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (form.getAttribute("aria-busy") === "true") {
        return;
      }
      var errors = fileErrors(form);
      if (Object.keys(errors).length > 0) {
        F.showErrors(form, errors, "添付ファイルをご確認ください");
        return;
      }
      var data = new FormData(form);
      F.setBusy(form, true, file && file.files && file.files[0] ? "送信しています（ファイルの大きさによっては時間がかかります）…" : "送信しています…");
      F.send(form, data).then(function (result) {
        F.setBusy(form, false, "");
        if (result.ok && result.body && result.body.number) {
          confirm(form, result.body);
        } else {
          F.showProblem(form, result);
        }
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.js-application"), enhance);
})();
