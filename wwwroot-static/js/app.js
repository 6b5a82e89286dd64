// Page glue for htmx. No inline scripts anywhere: everything lives in this file so that a strict
// Content-Security-Policy can forbid them. (The antiforgery token is added to htmx requests by the
// Htmx.TagHelpers script, /_htmx/antiforgery.js.)
(function () {
  "use strict";

  // One message at a time, in the flash region (flash.js), which removes it after a while or at the next action.
  function showMessage(text) {
    if (window.ExpenseFlash) {
      window.ExpenseFlash.show({ text: text, kind: "danger", seconds: 10 });
    }
  }

  // Errors htmx does not swap (404, 5xx, network) still tell the person what happened.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var text = "Something went wrong (" + xhr.status + "). Nothing was changed; please try again.";
    try {
      var problem = JSON.parse(xhr.responseText);
      if (problem && (problem.detail || problem.title)) {
        text = problem.detail || problem.title;
      }
    } catch (ignored) {
      // Not JSON: the app's error page, which may say exactly what went wrong.
      var page = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
      var detail = page.querySelector("[data-error-detail]");
      if (detail) {
        text = detail.textContent;
      } else if (xhr.status === 404) {
        text = "That item no longer exists. Reload the page to see the current list.";
      }
    }
    showMessage(text);
  });

  document.addEventListener("htmx:sendError", function () {
    showMessage("The server could not be reached. Check your connection and try again.");
  });
})();
