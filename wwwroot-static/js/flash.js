// Flash messages (Rendering/Flash.cs): one at a time in the layout's status region #flash (role=status, announced by
// screen readers). A message goes after its seconds, or at the person's next action (a click on a link or button, a
// form sent), so none outlives the next action and they never pile up. htmx brings messages as the "flash" event of
// HX-Trigger; after a redirect the server writes one into the region. A message may offer Undo, which posts through htmx.
(function () {
  "use strict";

  var timer = null;

  function region() {
    return document.getElementById("flash");
  }

  function clear() {
    var area = region();
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (area) {
      area.replaceChildren();
    }
  }

  function expireAfter(seconds) {
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(clear, Math.max(1, seconds) * 1000);
  }

  var alertClasses = { success: "alert-success", warning: "alert-warning", danger: "alert-danger" };

  // The same markup as Shared/_Flash.cshtml.
  function show(message) {
    var area = region();
    if (!area || !message || !message.text) {
      return;
    }
    var box = document.createElement("div");
    box.className = "alert " + (alertClasses[message.kind] || "alert-success") + " flash-message shadow d-flex align-items-center gap-2 mb-0";
    box.setAttribute("data-flash", "");
    if (message.kind === "danger") {
      box.setAttribute("role", "alert");
    }
    var text = document.createElement("span");
    text.className = "flash-text";
    text.textContent = message.text;
    box.appendChild(text);
    if (message.undo) {
      var dot = document.createElement("span");
      dot.setAttribute("aria-hidden", "true");
      dot.textContent = "·";
      var undo = document.createElement("button");
      undo.type = "button";
      undo.className = "btn btn-sm btn-link p-0 flash-undo";
      undo.textContent = "Undo";
      undo.setAttribute("hx-post", message.undo);
      undo.setAttribute("hx-swap", "none");
      undo.setAttribute("hx-disabled-elt", "this");
      box.appendChild(dot);
      box.appendChild(undo);
    }
    clear();
    area.appendChild(box);
    if (message.undo && window.htmx) {
      window.htmx.process(box);
    }
    expireAfter(message.seconds || 8);
  }

  // The next action: any click on a link or button, or a form sent, outside the message itself (its Undo) and the
  // buttons that only change the view (the theme, the list of shortcuts).
  function nextAction(event) {
    var area = region();
    var target = event.target;
    if (!area || !area.firstChild || !target || !target.closest || target.closest("#flash, [data-keeps-flash]")) {
      return;
    }
    if (event.type === "submit" || target.closest("a[href], button")) {
      clear();
    }
  }

  document.addEventListener("click", nextAction, true);
  document.addEventListener("submit", nextAction, true);
  document.addEventListener("flash", function (event) { show(event.detail); });

  function start() {
    var shown = document.querySelector("#flash [data-flash]");
    if (shown) {
      expireAfter(Number(shown.getAttribute("data-flash-seconds")) || 8);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  window.ExpenseFlash = {
    show: show,
    clear: clear,
    undo: function () {
      var button = document.querySelector("#flash .flash-undo");
      if (button) {
        button.click();
      }
      return Boolean(button);
    }
  };
})();
