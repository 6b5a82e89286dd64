// Keyboard-first entry. n: the amount field of the add form; /: the description search of the filters; Esc: cancel the
// inline edit; u: undo the delete just made; ?: the list of shortcuts (Shared/_Shortcuts.cshtml). None fires while the
// person types in a field or holds Ctrl, Alt or Meta, except Esc inside an inline edit, which is what it cancels.
(function () {
  "use strict";

  function isTyping(element) {
    if (!element || element === document.body) {
      return false;
    }
    return element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
  }

  function focusField(selector) {
    var field = document.querySelector(selector);
    if (!field) {
      return false;
    }
    field.focus();
    if (field.select) {
      field.select();
    }
    return true;
  }

  function dialog() {
    return document.getElementById("shortcuts-dialog");
  }

  function openShortcuts() {
    var list = dialog();
    if (list && !list.open) {
      list.showModal();
    }
  }

  // The edit row the focus is in, or else the only one open.
  function cancelEdit(from) {
    var row = from && from.closest ? from.closest("form.edit-row") : null;
    if (!row) {
      var open = document.querySelectorAll("form.edit-row");
      row = open.length === 1 ? open[0] : null;
    }
    var cancel = row ? row.querySelector("[data-cancel-edit]") : null;
    if (cancel) {
      cancel.click();
      return true;
    }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || (dialog() && dialog().open)) {
      return;
    }
    var target = event.target;
    if (event.key === "Escape") {
      if (cancelEdit(target)) {
        event.preventDefault();
      }
      return;
    }
    if (isTyping(target)) {
      return;
    }
    var handled = false;
    switch (event.key) {
      case "n":
        handled = focusField("#add-amount");
        if (!handled) {
          // Another page: the expense page opens with the amount field ready.
          window.location.assign("/#add-amount");
          handled = true;
        }
        break;
      case "/":
        handled = focusField("#filter-q");
        break;
      case "u":
        handled = Boolean(window.ExpenseFlash && window.ExpenseFlash.undo());
        break;
      case "?":
        openShortcuts();
        handled = Boolean(dialog());
        break;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target || !target.closest) {
      return;
    }
    if (target.closest("[data-focus-amount]") && focusField("#add-amount")) {
      event.preventDefault();
    } else if (target.closest("#shortcuts-button")) {
      openShortcuts();
    } else if (target.closest("[data-close-dialog]")) {
      target.closest("dialog").close();
    }
  });

  function ready() {
    var button = document.getElementById("shortcuts-button");
    if (button) {
      button.hidden = false;
    }
    if (window.location.hash === "#add-amount") {
      focusField("#add-amount");
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
