// Draws the charts of the charts page and the expense page from the summary JSON (/api/summaries/...).
// Each <canvas data-chart="kind" data-summary-url="..."> becomes one Chart.js chart. The server renders a table with
// the same numbers beside every chart, so this file only adds pictures. No inline scripts: configured by data- attributes.
(function () {
  "use strict";

  // The one amount formatter of the front end, matching Money.ToString() on the server: ₹1,23,456.78
  // (Indian grouping: the last three digits, then pairs). Amounts arrive as whole paise, so no float rounding creeps in.
  // wholeRupees drops ".00" from round amounts, for axis ticks.
  function formatInr(paise, wholeRupees) {
    var negative = paise < 0;
    var absolute = Math.abs(Math.round(paise));
    var rupees = String(Math.floor(absolute / 100));
    var rest = String(absolute % 100).padStart(2, "0");
    var head = rupees.slice(0, -3);
    var grouped = head.length > 0 ? head.replace(/\B(?=(\d{2})+$)/g, ",") + "," + rupees.slice(-3) : rupees;
    var decimals = wholeRupees && rest === "00" ? "" : "." + rest;
    return "₹" + (negative ? "-" : "") + grouped + decimals;
  }

  var palette = ["#0d6efd", "#dc3545", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#d63384", "#ffc107", "#0dcaf0", "#6c757d", "#8c6d31", "#3d5a80"];
  var lineColour = "#0d6efd";

  function colours(count) {
    var result = [];
    for (var i = 0; i < count; i++) {
      result.push(palette[i % palette.length]);
    }
    return result;
  }

  function countText(count) {
    return count + (count === 1 ? " expense" : " expenses");
  }

  function tooltip(series) {
    return {
      callbacks: {
        label: function (context) {
          var point = series[context.dataIndex];
          return " " + formatInr(context.raw) + " (" + countText(point.count) + ")";
        }
      }
    };
  }

  function amountAxis() {
    return { beginAtZero: true, ticks: { precision: 0, callback: function (value) { return formatInr(value, true); } } };
  }

  function categoryBar(summary, horizontal) {
    var series = summary.series;
    var axes = horizontal ? { x: amountAxis(), y: { ticks: { autoSkip: false } } } : { y: amountAxis() };
    return {
      type: "bar",
      data: {
        labels: series.map(function (point) { return point.name; }),
        datasets: [{ label: "Spent", data: series.map(function (point) { return point.paise; }), backgroundColor: colours(series.length) }]
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        scales: axes,
        plugins: { legend: { display: false }, tooltip: tooltip(series) }
      }
    };
  }

  function categoryDoughnut(summary) {
    var series = summary.series;
    return {
      type: "doughnut",
      data: {
        labels: series.map(function (point) { return point.name; }),
        datasets: [{ label: "Spent", data: series.map(function (point) { return point.paise; }), backgroundColor: colours(series.length) }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: "right" }, tooltip: tooltip(series) }
      }
    };
  }

  function line(summary) {
    var series = summary.series;
    return {
      type: "line",
      data: {
        labels: series.map(function (point) { return point.label; }),
        datasets: [{
          label: "Spent",
          data: series.map(function (point) { return point.paise; }),
          borderColor: lineColour,
          backgroundColor: lineColour,
          pointRadius: series.length > 62 ? 0 : 2,
          tension: 0
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: { y: amountAxis(), x: { ticks: { maxRotation: 0, autoSkip: true } } },
        plugins: { legend: { display: false }, tooltip: tooltip(series) }
      }
    };
  }

  var builders = {
    "category-bar": function (summary) { return categoryBar(summary, false); },
    "category-compact": function (summary) { return categoryBar(summary, true); },
    "category-doughnut": categoryDoughnut,
    "day-line": line,
    "month-line": line
  };

  // The bar and the doughnut share one URL: one request serves both while it is in flight.
  var inFlight = new Map();

  function load(url) {
    if (!inFlight.has(url)) {
      var request = fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (response) {
          if (response.ok) {
            return response.json();
          }
          return response.json().catch(function () { return {}; }).then(function (problem) {
            throw new Error(problem.detail || problem.title || "The server answered " + response.status + ".");
          });
        })
        .finally(function () { inFlight.delete(url); });
      inFlight.set(url, request);
    }
    return inFlight.get(url);
  }

  function showProblem(canvas, message) {
    var box = canvas.closest("[data-chart-box]") || canvas.parentElement;
    var note = document.createElement("p");
    note.className = "text-danger small mb-0";
    note.setAttribute("role", "alert");
    note.textContent = "The chart could not be drawn: " + message + " The table below has the numbers.";
    box.replaceWith(note);
  }

  var charts = new Set();

  // Text, grid and borders in the page's theme (theme.js): read from Bootstrap's variables, so both themes stay readable.
  function themeColours() {
    var style = window.getComputedStyle(document.documentElement);
    function read(name, fallback) {
      return style.getPropertyValue(name).trim() || fallback;
    }
    return {
      text: read("--bs-body-color", "#212529"),
      grid: read("--bs-border-color-translucent", "rgba(0, 0, 0, 0.175)"),
      background: read("--bs-body-bg", "#ffffff")
    };
  }

  // Sets the theme's colours on a chart's options and datasets: on a new chart's config, and on a drawn chart's options.
  function paint(options, datasets, type) {
    var colours = themeColours();
    options.color = colours.text;
    options.borderColor = colours.grid;
    var scales = options.scales || {};
    Object.keys(scales).forEach(function (id) {
      var scale = scales[id];
      scale.ticks = Object.assign(scale.ticks || {}, { color: colours.text });
      scale.grid = Object.assign(scale.grid || {}, { color: colours.grid });
      scale.border = Object.assign(scale.border || {}, { color: colours.grid });
    });
    options.plugins = options.plugins || {};
    options.plugins.legend = options.plugins.legend || {};
    options.plugins.legend.labels = Object.assign(options.plugins.legend.labels || {}, { color: colours.text });
    if (type === "doughnut") {
      datasets.forEach(function (dataset) { dataset.borderColor = colours.background; });
    }
    if (typeof Chart !== "undefined") {
      Chart.defaults.color = colours.text;
      Chart.defaults.borderColor = colours.grid;
    }
  }

  function themed(config) {
    var scales = config.options.scales = config.options.scales || {};
    if (config.type !== "doughnut") {
      scales.x = scales.x || {};
      scales.y = scales.y || {};
    }
    paint(config.options, config.data.datasets, config.type);
    return config;
  }

  // The theme changed (the toggle, or the system's setting): every chart redraws in the new colours.
  document.addEventListener("themechange", function () {
    charts.forEach(function (chart) {
      // The chart's own config, not chart.options: those are Chart.js's resolved views of it, not to be written.
      paint(chart.config.options, chart.config.data.datasets, chart.config.type);
      chart.update();
    });
  });

  // Charts whose canvas an htmx swap removed are destroyed, so that none keeps listening to resizes.
  function destroyDetached() {
    charts.forEach(function (chart) {
      if (!chart.canvas || !chart.canvas.isConnected) {
        chart.destroy();
        charts.delete(chart);
      }
    });
  }

  function draw(root) {
    destroyDetached();
    if (!root || !root.querySelectorAll) {
      return;
    }
    var canvases = Array.prototype.slice.call(root.querySelectorAll("canvas[data-chart]"));
    if (root.matches && root.matches("canvas[data-chart]")) {
      canvases.push(root);
    }
    canvases.forEach(function (canvas) {
      if (comingIntoView) {
        comingIntoView.observe(canvas);
      } else {
        drawOne(canvas);
      }
    });
  }

  // A chart is drawn when it comes into view: a phone then spends its first second on what it shows (the add form of the
  // expense page, the cards and first chart of the charts page), not on pictures further down that nobody sees yet.
  var comingIntoView = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        comingIntoView.unobserve(entry.target);
        drawOne(entry.target);
      }
    });
  }) : null;

  // Chart.js (208 KB) is fetched by the first chart that comes into view, so that a phone, where the charts sit under
  // the add form or the cards, spends its first second on those and never parses Chart.js for a chart nobody sees.
  // Its URL comes with this script's tag (data-chart-library), as the asset prefix may be another origin.
  var librarySource = document.currentScript && document.currentScript.getAttribute("data-chart-library");
  var library = null;
  function loadLibrary() {
    if (!library) {
      library = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = librarySource;
        script.onload = resolve;
        script.onerror = function () {
          library = null;
          reject(new Error("its script did not load."));
        };
        document.head.appendChild(script);
      });
    }
    return library;
  }

  function drawOne(canvas) {
    var build = builders[canvas.dataset.chart];
    var url = canvas.dataset.summaryUrl;
    if (!build || !url || !canvas.isConnected) {
      return;
    }
    if (typeof Chart === "undefined") {
      loadLibrary().then(function () { drawOne(canvas); }, function (error) { showProblem(canvas, error.message); });
      return;
    }
    if (Chart.getChart(canvas)) {
      return;
    }
    load(url).then(function (summary) {
      if (canvas.isConnected && !Chart.getChart(canvas)) {
        charts.add(new Chart(canvas, themed(build(summary))));
      }
    }).catch(function (error) {
      if (canvas.isConnected) {
        showProblem(canvas, error.message);
      }
    });
  }

  // A date typed into the charts filter means a custom range, whatever period was chosen before.
  // Capture phase: the preset must change before htmx, listening on the form, sends the request.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.matches && input.matches("[data-custom-date]") && input.form && input.form.elements.preset) {
      input.form.elements.preset.value = "custom";
    }
  }, true);

  // htmx:load fires for the first page and for every piece of content htmx swaps in (filters, refreshes, history).
  document.addEventListener("htmx:load", function (event) { draw(event.detail.elt); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { draw(document); });
  } else {
    draw(document);
  }

  window.ExpenseCharts = { formatInr: formatInr };
})();
