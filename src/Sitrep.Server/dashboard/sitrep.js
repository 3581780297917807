// The Sitrep dashboard: a map of events on an offline country basemap, a per-day timeline, a filter
// bar, and a panel with an event's coding, sources, figures and evidence highlighted in its report.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#8e44ad",
  "Violence against civilians": "#d35400",
  "Protests": "#2e86c1",
  "Riots": "#f1c40f",
  "Strategic developments": "#16a085",
};
const colourOf = type => TYPE_COLOURS[type] || "#7f8c8d";

const map = L.map("map", { worldCopyJump: true, keyboard: true, minZoom: 1, maxZoom: 12 }).setView([30, 20], 2);
map.attributionControl.addAttribution("Natural Earth (world-atlas)");
const clusters = L.markerClusterGroup({ showCoverageOnHover: false });
map.addLayer(clusters);

// Country outlines from the world-atlas package, served by this process: no tile server.
fetch("vendor/countries-50m.json").then(r => r.json()).then(atlas => {
  const countries = topojson.feature(atlas, atlas.objects.countries);
  L.geoJSON(countries, { style: { color: "#8a96a8", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false })
    .addTo(map).bringToBack();
});

const text = (tag, content, attributes = {}) => {
  const node = document.createElement(tag);
  if (content !== undefined && content !== null) node.textContent = content;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};

function filterQuery() {
  const form = new FormData(document.getElementById("filters"));
  const params = new URLSearchParams();
  for (const [name, value] of form.entries()) if (value) params.set(name, value);
  return params;
}

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    const errors = body.errors ? Object.values(body.errors).flat().join("; ") : body.detail || body.title;
    throw new Error(errors || `HTTP ${response.status}`);
  }
  return body;
}

async function load() {
  const params = filterQuery();
  const panel = document.getElementById("panel");
  try {
    const geo = await getJson(`/api/events.geojson?${params}`);
    params.set("page_size", "500");
    const page = await getJson(`/api/events?${params}`);
    drawMap(geo);
    drawTimeline(page.events);
    drawList(page);
  } catch (error) {
    panel.replaceChildren(text("p", `Could not load events: ${error.message}`, { role: "alert" }));
  }
}

function drawMap(geo) {
  clusters.clearLayers();
  const markers = [];
  for (const feature of geo.features) {
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    // A div icon, not a circle path: Leaflet makes markers with icons focusable and opens them on Enter.
    const size = 14 + 2 * Math.min(8, Math.round(Math.sqrt(p.fatalities || 0)));
    const dot = text("span", null, { "aria-hidden": "true" });
    dot.style.background = colourOf(p.event_type);
    const label = `${p.sub_event_type}, ${p.place}, ${p.date}${p.fatalities ? `, ${p.fatalities} killed` : ""}`;
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ className: "event-marker", html: dot, iconSize: [size, size] }),
      keyboard: true, title: label, alt: label,
    });
    marker.on("click", () => showEvent(feature.id));
    marker.on("keypress", e => { if (e.originalEvent.key === "Enter") showEvent(feature.id); });
    markers.push(marker);
  }
  clusters.addLayers(markers);
  if (markers.length) map.fitBounds(clusters.getBounds(), { maxZoom: 7, padding: [20, 20] });
}

function drawTimeline(events) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const days = new Map();
  for (const e of events) {
    if (!e.date) continue;
    const day = days.get(e.date) || {};
    day[e.event_type] = (day[e.event_type] || 0) + 1;
    days.set(e.date, day);
  }
  const dates = [...days.keys()].sort();
  const legend = document.getElementById("legend");
  legend.replaceChildren(...Object.entries(TYPE_COLOURS).map(([type, colour]) => {
    const item = text("li", type);
    const swatch = text("span");
    swatch.style.background = colour;
    item.prepend(swatch);
    return item;
  }));
  if (!dates.length) return;
  const width = svg.clientWidth || 600, height = 140, bottom = 18;
  const max = Math.max(...dates.map(d => Object.values(days.get(d)).reduce((a, b) => a + b, 0)));
  const barWidth = Math.max(2, Math.min(40, (width - 20) / dates.length - 2));
  const ns = "http://www.w3.org/2000/svg";
  dates.forEach((date, i) => {
    let y = height - bottom;
    const x = 10 + i * (barWidth + 2);
    for (const [type, count] of Object.entries(days.get(date))) {
      const h = (height - bottom - 10) * count / max;
      const rect = document.createElementNS(ns, "rect");
      rect.setAttribute("x", x); rect.setAttribute("y", y - h);
      rect.setAttribute("width", barWidth); rect.setAttribute("height", h);
      rect.setAttribute("fill", colourOf(type));
      const title = document.createElementNS(ns, "title");
      title.textContent = `${date}: ${count} × ${type}`;
      rect.appendChild(title);
      svg.appendChild(rect);
      y -= h;
    }
    if (i === 0 || i === dates.length - 1 || dates.length < 12) {
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", x); label.setAttribute("y", height - 4);
      label.setAttribute("font-size", "10");
      label.textContent = date.slice(5);
      svg.appendChild(label);
    }
  });
}

function drawList(page) {
  document.getElementById("list-title").textContent = `Events (${page.total})`;
  const list = document.getElementById("event-list");
  list.replaceChildren(...page.events.map(e => {
    const item = text("li");
    const swatch = text("span", null, { class: "swatch", "aria-hidden": "true" });
    swatch.style.background = colourOf(e.event_type);
    const button = text("button", `${e.date || "undated"} · ${e.sub_event_type} · ${e.place ? e.place.name : "unplaced"}`, { type: "button" });
    button.addEventListener("click", () => showEvent(e.id));
    item.append(swatch, button, text("span", e.fatalities ? ` · ${e.fatalities} killed` : ""));
    return item;
  }));
}

async function showEvent(id) {
  const panel = document.getElementById("panel");
  const detail = await getJson(`/api/events/${encodeURIComponent(id)}`);
  const e = detail.event;
  const report = await getJson(`/api/documents/${encodeURIComponent(e.documents[0])}`);
  const fields = text("dl", null, { class: "fields" });
  const add = (name, value) => { if (value !== null && value !== undefined && value !== "") fields.append(text("dt", name), text("dd", value)); };
  add("Type", `${e.event_type} / ${e.sub_event_type}`);
  add("Date", `${e.date}${e.time_precision > 1 ? " (approximate)" : ""}`);
  add("Place", e.place ? `${e.place.name}, ${e.place.country}` : "not located");
  add("Actors", [e.actor1, e.actor2].filter(Boolean).join(" vs "));
  // The incident's figures: every report's claims, the one used and why.
  const incident = detail.incident;
  add("Fatalities", incident.fatalities !== null && incident.fatalities !== undefined ? `${incident.fatalities}${incident.fatalities_basis ? ` (${incident.fatalities_basis})` : ""}` : null);
  add("Injured", incident.injured !== null && incident.injured !== undefined ? `${incident.injured}${incident.injured_basis ? ` (${incident.injured_basis})` : ""}` : null);
  add("Source", detail.sources.map(s => s.credited || s.outlet).filter(Boolean).join("; "));
  add("Reports", incident.documents.length > 1 ? `${incident.documents.length} reports tell of this incident` : null);
  add("Note", e.notes);

  const claims = text("ul", null, { class: "claims" });
  for (const c of incident.claims) claims.append(text("li", `${c.field}: ${c.value}${c.text ? ` ("${c.text}")` : ""} — ${c.source || "unnamed source"}, ${c.date || ""}`));

  panel.replaceChildren(text("h2", `${e.sub_event_type} in ${e.place ? e.place.name : "an unknown place"}`, { class: "panel-title" }), fields);
  if (incident.claims.length) panel.append(text("h3", "Reported figures"), claims);
  panel.append(text("h3", "Evidence in the report"), highlighted(report.text, detail.evidence));
  panel.focus();
}

// The report text with every evidence range wrapped in <mark>: built from text nodes, never HTML.
function highlighted(reportText, evidence) {
  const block = text("div", null, { class: "report-text" });
  let at = 0;
  for (const r of [...evidence].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    block.append(document.createTextNode(reportText.slice(at, r.start)), text("mark", reportText.slice(r.start, r.end), { class: "evidence" }));
    at = r.end;
  }
  block.append(document.createTextNode(reportText.slice(at)));
  return block;
}

async function showReport() {
  const panel = document.getElementById("panel");
  try {
    const s = await getJson(`/api/report?${filterQuery()}`);
    const summary = text("div", null, { class: "summary" });
    summary.append(text("h2", `Situation report${s.country ? `: ${s.country}` : ""}`, { class: "panel-title" }),
      text("p", `${s.events} events from ${s.reports} reports; ${s.fatalities} fatalities, ${s.injured} injured (each event's conservative figure).`));
    const table = (head, rows) => {
      const t = text("table");
      t.append(text("tr"));
      head.forEach(h => t.lastChild.append(text("th", h)));
      for (const row of rows) { const tr = text("tr"); row.forEach(v => tr.append(text("td", v))); t.append(tr); }
      return t;
    };
    summary.append(text("h3", "By type"), table(["Type", "Events", "Fatalities"], s.by_type.map(t => [t.event_type, t.events, t.fatalities])));
    summary.append(text("h3", "By day"), table(["Date", "Events", "Fatalities"], s.by_day.map(d => [d.date, d.events, d.fatalities])));
    summary.append(text("h3", "By place"), table(["Place", "Country", "Events", "Fatalities"], s.by_place.map(p => [p.place, p.country, p.events, p.fatalities])));
    panel.replaceChildren(summary);
    panel.focus();
  } catch (error) {
    panel.replaceChildren(text("p", `Could not build the report: ${error.message}`, { role: "alert" }));
  }
}

document.getElementById("filters").addEventListener("submit", event => { event.preventDefault(); load(); });
document.getElementById("show-report").addEventListener("click", showReport);
load();
