// Light or dark. Loaded in the head without defer, so the page is painted in its theme from the start (a few lines: it
// costs less than a flash of white). The theme follows the system (prefers-color-scheme) until the person picks one with
// the menu's toggle; that choice is kept on this device (localStorage) and wins from then on. Bootstrap styles both
// themes from <html data-bs-theme>; a "themechange" event on document tells the charts to redraw in the new colours.
(function () {
  "use strict";

  var key = "expense-tracker-theme";
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function stored() {
    try {
      var value = window.localStorage.getItem(key);
      return value === "dark" || value === "light" ? value : null;
    } catch (ignored) {
      return null; // Storage can be refused (private modes, policies): then the system decides.
    }
  }

  function current() {
    return stored() || (system && system.matches ? "dark" : "light");
  }

  function showToggle(theme) {
    var toggle = document.getElementById("theme-toggle");
    if (toggle) {
      toggle.hidden = false;
      toggle.setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
    }
  }

  function apply(theme) {
    var changed = document.documentElement.getAttribute("data-bs-theme") !== theme;
    document.documentElement.setAttribute("data-bs-theme", theme);
    showToggle(theme);
    if (changed) {
      document.dispatchEvent(new CustomEvent("themechange", { detail: { theme: theme } }));
    }
  }

  apply(current());

  if (system && system.addEventListener) {
    system.addEventListener("change", function () { apply(current()); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    showToggle(current());
    var toggle = document.getElementById("theme-toggle");
    if (!toggle) {
      return;
    }
    toggle.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      try {
        window.localStorage.setItem(key, next);
      } catch (ignored) {
        // Not remembered, but still applied to this page.
      }
      apply(next);
    });
  });

  window.ExpenseTheme = { current: current };
})();
