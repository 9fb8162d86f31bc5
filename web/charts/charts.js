// Small inline SVG charts drawn here, no library: lines through points, and bars side by side. Each is a
// <figure>: its title, the picture (role="img", a one-line summary as its label), a legend, and the same
// figures as a table for screen readers. The picture scales to the screen's width (a 360 px phone) and
// prints; the series differ by dash and shade as well as colour, so they read in black and white too.
import { h } from "../ui.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 340, HEIGHT = 180, TOP = 8, BOTTOM = 22, RIGHT = 6, CHAR = 6.2;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

// Round ticks from zero (or below it) to just above the highest value: steps of 1, 2 or 5 times a power of 10.
function axis(values) {
  const low = Math.min(0, ...values), high = Math.max(0, ...values);
  if (low === high) return { low: 0, high: 1, ticks: [0] };
  const raw = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const from = Math.floor(low / step) * step, to = Math.ceil(high / step) * step;
  const ticks = [];
  for (let i = 0; from + i * step <= to + step / 2; i++) ticks.push(+(from + i * step).toPrecision(12));
  return { low: from, high: to, ticks };
}

// The frame both kinds share: horizontal grid lines with formatted values, and some of the x labels.
function frame({ labels, values, format }) {
  const y = axis(values);
  const tickTexts = y.ticks.map(format);
  const left = Math.ceil(Math.max(...tickTexts.map((s) => s.length)) * CHAR) + 6;
  const plot = { left, right: WIDTH - RIGHT, top: TOP, bottom: HEIGHT - BOTTOM };
  const at = (value) => plot.bottom - ((value - y.low) / (y.high - y.low)) * (plot.bottom - plot.top);
  const grid = y.ticks.map((tick, i) => svg("g", { class: tick === 0 ? "tick zero" : "tick" },
    svg("line", { x1: plot.left, x2: plot.right, y1: at(tick), y2: at(tick) }),
    svg("text", { x: plot.left - 4, y: at(tick) + 4, "text-anchor": "end" }, tickTexts[i])));
  return { plot, at, grid, every: Math.ceil(labels.length / 4) };
}

// A label under the axis, centred on its point (or starting or ending there, to stay inside the picture).
function xLabel(text, x, plot, anchor = "middle") {
  return svg("text", { class: "x-label", x, y: plot.bottom + 15, "text-anchor": anchor }, text);
}

// The figure around a picture: title, picture with its summary, legend, and the table of its figures.
function figure({ title, summary, labels, labelHeading, series, format }, picture) {
  picture.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  picture.setAttribute("role", "img");
  picture.setAttribute("aria-label", summary);
  picture.prepend(svg("title", {}, summary));
  return h("figure.chart", {},
    h("figcaption", { text: title }),
    picture,
    h("ul.legend", { "aria-hidden": "true" }, series.map((s, i) => h("li", {}, h(`span.swatch.s${i}`), h("span", { text: s.name })))),
    h("div.sr-only", {}, h("table", {},
      h("caption", { text: title }),
      h("thead", {}, h("tr", {}, h("th", { text: labelHeading }), series.map((s) => h("th.num", { text: s.name })))),
      h("tbody", {}, labels.map((label, row) => h("tr", {}, h("th", { text: label }),
        series.map((s) => h("td.num", { text: s.values[row] === null ? "—" : format(s.values[row]) }))))))));
}

// A line through each series' points (a null value has no point), a circle at each point, titled.
// spec: { title, summary, labels, labelHeading, series: [{ name, values }], format: (number) => text }
export function lineChart(spec) {
  const { labels, series, format } = spec;
  const values = series.flatMap((s) => s.values).filter((v) => v !== null);
  const { plot, at, grid, every } = frame({ labels, values, format });
  const x = (i) => (labels.length === 1 ? (plot.left + plot.right) / 2 : plot.left + (i * (plot.right - plot.left)) / (labels.length - 1));
  const lines = series.map((s, n) => {
    const points = s.values.map((v, i) => (v === null ? null : [x(i), at(v)]));
    return svg("g", { class: `series s${n}` },
      svg("polyline", { points: points.filter(Boolean).map((p) => p.join(",")).join(" ") }),
      points.map((p, i) => p && svg("circle", { cx: p[0], cy: p[1], r: 3 }, svg("title", {}, `${labels[i]}: ${format(s.values[i])}`))));
  });
  // The first and the last point are labelled, and every few between that leave room for a label.
  const end = labels.length - 1;
  const xs = labels.map((label, i) => (i === end || (i % every === 0 && end - i >= every)) &&
    xLabel(label, x(i), plot, labels.length === 1 ? "middle" : i === 0 ? "start" : i === end ? "end" : "middle"));
  return figure(spec, svg("svg", { class: "line-chart" }, grid, lines, xs));
}

// Bars side by side for each label, one a series, from zero.
export function barChart(spec) {
  const { labels, series, format } = spec;
  const { plot, at, grid, every } = frame({ labels, values: series.flatMap((s) => s.values), format });
  const slot = (plot.right - plot.left) / labels.length;
  const width = (slot * 0.8) / series.length;
  const bars = series.map((s, n) => svg("g", { class: `series s${n}` }, s.values.map((v, i) => {
    const x = plot.left + i * slot + slot * 0.1 + n * width;
    return svg("rect", { x, y: Math.min(at(v), at(0)), width, height: Math.max(Math.abs(at(0) - at(v)), v ? 1 : 0) },
      svg("title", {}, `${labels[i]}, ${s.name}: ${format(v)}`));
  })));
  const xs = labels.map((label, i) => i % every === 0 && xLabel(label, plot.left + (i + 0.5) * slot, plot));
  return figure(spec, svg("svg", { class: "bar-chart" }, grid, bars, xs));
}
