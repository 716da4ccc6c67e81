// Progressive enhancement: the pages work without this file. It draws the charts (uPlot) from the
// JSON the page carries and lays a focusable link over every point, so a point can be clicked or
// reached with the Tab key; the tables under the charts hold the same links.
(function () {
  "use strict";

  var MONTHS = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"];

  // Tick labels in Norwegian, in UTC like the dates they show.
  function timeLabels(u, splits, axis, space, step) {
    return splits.map(function (s, i) {
      var d = new Date(s * 1000), y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
      if (step >= 86400 * 360) return String(y);
      var first = i === 0 || m === 0 && (step >= 86400 * 28 || day === 1);
      var text = step >= 86400 * 28 ? MONTHS[m] : day + ". " + MONTHS[m];
      return first ? text + "\n" + y : text;
    });
  }

  function toSeconds(date) {
    // "2024", "2024-03", "2024-03-12" or a timestamp -> seconds since 1970 (UTC), the first instant
    var parts = String(date).slice(0, 10).split("-");
    var y = +parts[0], m = parts[1] ? +parts[1] - 1 : 0, d = parts[2] ? +parts[2] : 1;
    return Date.UTC(y, m, d) / 1000;
  }

  function drawChart(box) {
    var source = document.getElementById(box.dataset.chart);
    if (!source || typeof uPlot === "undefined") return;
    var spec = JSON.parse(source.textContent);
    var points = spec.points.filter(function (p) { return p.date; });
    if (!points.length) { box.hidden = true; return; }
    var xs = points.map(function (p) { return toSeconds(p.date); });
    // Points on the same date are spread a little so each stays clickable.
    for (var i = 1; i < xs.length; i++) if (xs[i] <= xs[i - 1]) xs[i] = xs[i - 1] + 3600 * 6;
    var ys = points.map(function (p) { return p.value; });
    var stroke = spec.kind === "series" ? "#1f5f8b" : "#7a3e9d";
    var width = Math.max(280, box.clientWidth || 600);
    var plot = new uPlot({
      width: width,
      height: 240,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, max * 1.15 || 1]; } } },
      axes: [{ values: timeLabels }, {
        size: 60,
        values: function (u, splits) {
          return splits.map(function (v) { return v.toLocaleString("nb-NO"); });
        }
      }],
      series: [{}, {
        label: spec.label, stroke: stroke, width: 2,
        points: {
          size: 9, fill: "#fff",
          stroke: function () { return stroke; }
        }
      }],
      hooks: {
        draw: [function (u) {
          // Changes in a series: a red ring around the point.
          var ctx = u.ctx;
          points.forEach(function (p, i) {
            if (!p.change) return;
            var cx = u.valToPos(xs[i], "x", true), cy = u.valToPos(ys[i], "y", true);
            ctx.beginPath();
            ctx.lineWidth = 3 * devicePixelRatio;
            ctx.strokeStyle = "#c0392b";
            ctx.arc(cx, cy, 9 * devicePixelRatio, 0, 2 * Math.PI);
            ctx.stroke();
          });
          placeLinks(u);
        }]
      }
    }, [xs, ys], box);

    var layer = document.createElement("div");
    layer.className = "chart-links";
    plot.over.appendChild(layer);

    function placeLinks(u) {
      if (!layer) return;
      layer.textContent = "";
      points.forEach(function (p, i) {
        if (!p.href) return;
        var a = document.createElement("a");
        a.className = "point-link" + (p.change ? " point-change" : "");
        a.href = p.href;
        a.style.left = u.valToPos(xs[i], "x") + "px";
        a.style.top = u.valToPos(ys[i], "y") + "px";
        var text = p.date + ": " + p.value + (p.change ? " (endring)" : "");
        a.setAttribute("aria-label", text);
        a.title = text;
        layer.appendChild(a);
      });
    }
    placeLinks(plot);
    window.addEventListener("resize", function () {
      plot.setSize({ width: Math.max(280, box.clientWidth || 600), height: 240 });
    });
  }

  function start() {
    document.querySelectorAll("[data-chart]").forEach(drawChart);
    // A sentence reached from a fact list or a chart point is marked and scrolled into view.
    if (location.hash) {
      var target = document.getElementById(location.hash.slice(1));
      if (target) target.scrollIntoView({ block: "center" });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
