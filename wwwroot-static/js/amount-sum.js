// The amount field accepts a simple sum ("120+45.50"): while one is typed, the total shows under the field, written
// as the server will store it. The server adds the sum up itself (Expenses/AmountSum.cs) and refuses anything else with
// its usual message, so this is only a preview, and its rules are the same: amounts (optional ₹, commas, at most two
// decimals) joined by '+', at most 20 of them.
(function () {
  "use strict";

  // Indian grouping (1,23,456.78), as Money writes amounts.
  var rupees = new Intl.NumberFormat("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  var amount = /^\s*₹?\s*(\d{1,3}(,?\d+)*|\d+)(\.\d{1,2})?\s*$/;

  // In paise, or null when the text is not a sum the server accepts.
  function sum(text) {
    var terms = text.split("+");
    if (terms.length < 2 || terms.length > 20) {
      return null;
    }
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      if (!amount.test(terms[i])) {
        return null;
      }
      var cleaned = terms[i].replace(/[₹,\s]/g, "");
      var parts = cleaned.split(".");
      if (parts[0].length > 12) {
        return null;
      }
      total += Number(parts[0]) * 100 + Number(((parts[1] || "") + "00").slice(0, 2));
    }
    return total;
  }

  function hintFor(input) {
    var id = input.id + "-sum";
    var hint = document.getElementById(id);
    if (!hint) {
      hint = document.createElement("div");
      hint.id = id;
      hint.className = "form-text amount-sum";
      hint.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", hint);
      var described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", described ? described + " " + id : id);
    }
    return hint;
  }

  function update(input) {
    var text = input.value || "";
    var existing = document.getElementById(input.id + "-sum");
    if (text.indexOf("+") < 0) {
      if (existing) {
        existing.textContent = "";
      }
      return;
    }
    var total = sum(text);
    hintFor(input).textContent = total === null
      ? "Only amounts joined by + can be added up, like 120+45.50."
      : "= ₹" + rupees.format(total / 100) + ", the amount that is saved";
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (input && input.matches && input.matches("input[name='Input.Amount']")) {
      update(input);
    }
  });

  window.ExpenseAmountSum = { sum: sum };
})();
