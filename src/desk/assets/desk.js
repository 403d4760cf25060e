// livret desk: the rooms' behaviour. Plain script, no library; every write sends the
// page's CSRF token in a header the desk checks.
"use strict";
const csrf = document.querySelector('meta[name="desk-csrf"]').content;
const words = JSON.parse(document.getElementById("desk-words").textContent);
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const fileUrl = (path, inline) => "/file?path=" + encodeURIComponent(path) + (inline ? "&inline=1" : "");

async function post(url, body, type = "application/json") {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": type, "X-Desk-Csrf": csrf },
    body: type === "application/json" ? JSON.stringify(body) : body,
    credentials: "same-origin",
  });
  let data;
  try { data = await response.json(); } catch (e) { data = { error: response.status + " " + response.statusText }; }
  if (!response.ok && !data.error) data.error = String(response.status);
  return data;
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- Translate room -------------------------------------------------------------
const blocksSection = $("section.blocks");
const preview = $("[data-preview]");
let places = {}, size = null, current = null;

async function loadPreview(focus) {
  if (!preview) return;
  $(".status", preview).textContent = words.building;
  const data = await fetch(`/api/preview/${preview.dataset.lang}/${preview.dataset.chapter}`).then((r) => r.json());
  places = data.places || {};
  size = data.size;
  preview.dataset.pages = data.pages;
  $(".status", preview).textContent = data.error
    ? words.error + " " + data.error
    : `${words.built} #${data.build} (${data.took_ms} ms)`;
  preview.dataset.build = data.build;
  showPlace(focus || current || Object.keys(places)[0]);
}

function showPlace(id) {
  if (!preview || !size) return;
  const found = id && places[id];
  const img = $(".sheet img", preview), mark = $(".mark", preview);
  const page = found ? found[0].page : 1;
  img.src = `/preview/${preview.dataset.lang}/${preview.dataset.build}/${page}.svg`;
  img.alt = `${words.page} ${page}`;
  preview.dataset.page = page;
  if (found) {
    const [l, t, r, b] = found[0].bounds;
    Object.assign(mark.style, {
      display: "block",
      left: (100 * l) / size[0] + "%", top: (100 * t) / size[1] + "%",
      width: (100 * (r - l)) / size[0] + "%", height: (100 * (b - t)) / size[1] + "%",
    });
  } else {
    mark.style.display = "none";
  }
}

function say(article, text, bad) {
  const msg = $(".msg", article);
  msg.textContent = text;
  msg.classList.toggle("bad", !!bad);
}

function setState(article, state) {
  article.className = "block st-" + state;
  article.dataset.state = state;
  const label = $(".state", article);
  if (label) label.textContent = words["state-" + state] || state;
}

async function save(article, base) {
  const id = article.dataset.id;
  const text = $("textarea", article).value;
  const { lang, chapter } = blocksSection.dataset;
  say(article, words.working);
  const r = await post(`/api/save/${lang}/${chapter}`, { id, base: base ?? article.dataset.base, text });
  if (r.error) return say(article, words.error + " " + r.error, true);
  if (r.outcome === "conflict") return showConflict(article, r.conflict);
  $(".conflict", article).hidden = true;
  if (r.block) {
    article.dataset.base = r.block.base;
    setState(article, r.block.state);
  }
  say(article, r.outcome === "written" ? words.saved : words.unchanged);
  current = id;
  await loadPreview(id);
}

function showConflict(article, conflict) {
  const box = $(".conflict", article);
  box.replaceChildren(
    el("p", { class: "bad" }, words.conflict),
    el("h4", {}, words.theirs), el("pre", { class: "theirs" }, conflict.theirs),
    el("h4", {}, words.mine), el("pre", { class: "mine" }, conflict.mine),
    el("button", { "data-action": "use-mine" }, words["use-mine"]),
    el("button", { "data-action": "use-theirs" }, words["use-theirs"]),
  );
  box.dataset.base = conflict.base;
  box.dataset.theirs = conflict.theirs;
  box.hidden = false;
  say(article, "");
}

async function accept(article) {
  const { lang, chapter } = blocksSection.dataset;
  const body = article ? { id: article.dataset.id } : {};
  const r = await post(`/api/accept/${lang}/${chapter}`, body);
  if (r.error) {
    if (article) say(article, words.error + " " + r.error, true); else alert(r.error);
    return;
  }
  for (const a of $$("article.block")) {
    const state = r.states[a.dataset.id];
    if (state && $(".state", a)) setState(a, state);
  }
  if (article) say(article, words.accepted);
  else if (r.warnings && r.warnings.length) alert(r.warnings.join("\n"));
}

if (blocksSection) {
  blocksSection.addEventListener("focusin", (e) => {
    const article = e.target.closest("article.block");
    if (article) { current = article.dataset.id; showPlace(current); }
  });
  blocksSection.addEventListener("click", (e) => {
    const action = e.target.dataset.action;
    const article = e.target.closest("article.block");
    if (action === "save") save(article);
    else if (action === "accept") accept(article);
    else if (action === "accept-chapter") accept(null);
    else if (action === "use-mine") save(article, $(".conflict", article).dataset.base);
    else if (action === "use-theirs") {
      const box = $(".conflict", article);
      $("textarea", article).value = box.dataset.theirs;
      article.dataset.base = box.dataset.base;
      box.hidden = true;
      say(article, "");
    }
  });
  loadPreview();
}

// ---- Editions room --------------------------------------------------------------
const editions = $("main.editions");

async function watchBuild() {
  const line = $(".build-progress");
  for (;;) {
    const p = await fetch("/api/build").then((r) => r.json());
    const stages = Object.entries(p.stages).map(([t, s]) => `${t}: ${s}`).join(" · ");
    line.textContent = `${words.working} ${p.done}/${p.total} ${stages}`;
    line.dataset.running = p.running;
    if (!p.running) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  location.reload();
}

if (editions) {
  editions.addEventListener("click", async (e) => {
    const b = e.target.closest("button");
    if (!b) return;
    if (b.dataset.action === "build" || b.dataset.action === "build-all") {
      const body = b.dataset.action === "build" ? { lang: b.dataset.lang, layout: b.dataset.layout } : {};
      const r = await post("/api/build", body);
      if (r.error) $(".build-progress").textContent = words.error + " " + r.error;
      else watchBuild();
    } else if (b.dataset.action === "package") {
      $(".package-link").textContent = words.working;
      const r = await post("/api/package", {});
      const slot = $(".package-link");
      if (r.error) slot.textContent = words.error + " " + r.error;
      else slot.replaceChildren(el("a", { href: fileUrl(r.path), "data-output": "package", download: "" }, r.path.split("/").pop()));
    }
  });
  fetch("/api/build").then((r) => r.json()).then((p) => { if (p.running) watchBuild(); });
}

// ---- Print desk -----------------------------------------------------------------
const printRoom = $("main.print");
let uploaded = null;

async function sendFile(file) {
  const line = $(".uploaded");
  if (file.size > 64 * 1024 * 1024) { line.textContent = words["too-big"]; return; }
  line.textContent = words.working;
  const r = await post("/api/upload?name=" + encodeURIComponent(file.name), file, "application/pdf");
  if (r.error) { line.textContent = words.error + " " + r.error; return; }
  uploaded = r.name;
  line.textContent = `${words.uploaded} ${r.name}`;
  line.dataset.name = r.name;
  $("select[name=target]").value = "";
}

function options() {
  const form = $("form.options");
  const value = (n) => (form.elements[n] ? form.elements[n].value : "");
  const target = $("select[name=target]").value;
  return {
    input: target || (uploaded ? "upload:" + uploaded : ""),
    scheme: value("scheme"), sheet: value("sheet"), duplex: value("duplex"),
    binding: value("binding"), fit: value("fit"), creep: value("creep"),
    quantity: value("quantity"), back_offset: value("back_offset"),
    marks: $$("input[name=marks]:checked", form).map((m) => m.value),
  };
}

async function impose() {
  const msg = $("main.print .msg");
  msg.textContent = words.working;
  const r = await post("/api/impose", options());
  if (r.error) { msg.textContent = words.error + " " + r.error; msg.classList.add("bad"); return; }
  msg.classList.remove("bad");
  msg.textContent = r.summary;
  $(".warnings").replaceChildren(...[...r.warnings, ...r.notes].map((w) => el("li", {}, w)));
  $(".sides").replaceChildren(...r.sides.map((s) => el("img", { src: fileUrl(s, true), alt: s.split("/").pop() })));
  $(".job-sheet").replaceChildren(...r.tickets.map((s) => el("img", { src: fileUrl(s, true), alt: s.split("/").pop() })));
  $(".downloads").replaceChildren(
    el("a", { href: fileUrl(r.print), "data-output": "print", download: "" }, words["print-file"]),
    el("a", { href: fileUrl(r.ticket), "data-output": "ticket", download: "" }, words.ticket),
    el("a", { href: fileUrl(r.job_sheet), "data-output": "job-sheet", download: "" }, words["job-sheet"]),
  );
}

if (printRoom) {
  const drop = $("[data-drop]");
  $("[data-action=upload]").addEventListener("change", (e) => { if (e.target.files[0]) sendFile(e.target.files[0]); });
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files[0]) sendFile(e.dataTransfer.files[0]);
  });
  printRoom.addEventListener("click", async (e) => {
    const action = e.target.dataset.action;
    if (action === "impose") impose();
    else if (action === "calibrate") {
      const r = await post("/api/calibrate", { sheet: $("select[name=cal_sheet]").value, duplex: $("select[name=cal_duplex]").value });
      const slot = $(".calibration-link");
      if (r.error) slot.textContent = words.error + " " + r.error;
      else slot.replaceChildren(el("a", { href: fileUrl(r.path), "data-output": "calibration", download: "" }, r.path.split("/").pop()));
    }
  });
}
