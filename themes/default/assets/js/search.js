// Starts Pagefind UI on the search page; loaded as a file because the CSP forbids inline scripts.
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("search");
    if (!element || typeof window.PagefindUI !== "function") {
      return;
    }
    new window.PagefindUI({
      element: "#search",
      bundlePath: element.getAttribute("data-bundle") || "/pagefind/",
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      translations: {
        placeholder: "キーワードを入力（例：ピッチ、メンタリング）",
        clear_search: "クリア",
        load_more: "さらに表示",
        search_label: "サイト内を検索",
        filters_label: "絞り込み",
        zero_results: "「[SEARCH_TERM]」に一致するページは見つかりませんでした",
        many_results: "「[SEARCH_TERM]」の検索結果：[COUNT]件",
        one_result: "「[SEARCH_TERM]」の検索結果：[COUNT]件",
        alt_search: "「[SEARCH_TERM]」に一致するページがないため、「[DIFFERENT_TERM]」の結果を表示しています",
        search_suggestion: "「[SEARCH_TERM]」に一致するページはありません。次の言葉でもお試しください：",
        searching: "「[SEARCH_TERM]」を検索しています…"
      }
    });
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q");
    if (query) {
      var input = element.querySelector("input");
      if (input) {
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
