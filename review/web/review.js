// The behaviour of the scanfix review page, keyboard first: the page list (worst first) and
// the page view (scan with word boxes, text line by line, corrections, restoring removed items,
// reverting replacements, saving). Talks only to the review server that served it (JSON API in
// review/include/scanfix/review/review_server.hpp); no framework, nothing fetched elsewhere.
"use strict";

(function () {
  // ---- access token: taken from the address once, then kept for this tab only
  const params = new URLSearchParams(location.search);
  if (params.has("token")) {
    sessionStorage.setItem("scanfix-review-token", params.get("token"));
    history.replaceState(null, "", location.pathname + location.hash);
  }
  const token = sessionStorage.getItem("scanfix-review-token") || "";

  const $ = (id) => document.getElementById(id);
  const svgNS = "http://www.w3.org/2000/svg";

  function setStatus(text, isError) {
    const s = $("status");
    s.textContent = text;
    s.classList.toggle("error", !!isError);
  }

  async function api(path, body) {
    const init = { headers: { "X-Review-Token": token } };
    if (body !== undefined) {
      init.method = "POST";
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    let data = null;
    try {
      data = await res.json();
    } catch (e) {
      data = { error: "the server's answer was not JSON (" + res.status + ")" };
    }
    if (!res.ok) throw new Error(data && data.error ? data.error : "HTTP " + res.status);
    return data;
  }

  const stemPath = (stem) => stem.split("/").map(encodeURIComponent).join("/");
  const percent = (x) => (x === null || x === undefined ? "" : (100 * x).toFixed(1) + " %");

  // ---- the page list
  const list = { rows: [], chosen: 0 };

  async function showList(stemToChoose) {
    view = "list";
    $("list-view").hidden = false;
    $("page-view").hidden = true;
    $("where").textContent = "";
    $("detail").textContent = "";
    showKeys();
    try {
      const data = await api("/api/pages");
      list.rows = data.pages;
      $("folder").textContent = data.folder + " — " + data.pages.length + " page(s); words under " +
        data.flag_below + " % confidence or changed by the cleanup are doubtful";
      const missing = data.without_json.map((m) => m.found);
      $("without-json").textContent = missing.length
        ? "Not reviewable (no .json beside them; run scanfix run -f txt,json): " + missing.join(", ")
        : "";
      if (stemToChoose) {
        const i = list.rows.findIndex((r) => r.stem === stemToChoose.stem && r.page === stemToChoose.page);
        if (i >= 0) list.chosen = i;
      }
      list.chosen = Math.min(list.chosen, Math.max(0, list.rows.length - 1));
      renderList();
      setStatus("");
    } catch (e) {
      setStatus(e.message, true);
    }
  }

  function renderList() {
    const body = document.querySelector("#pages tbody");
    body.textContent = "";
    list.rows.forEach((r, i) => {
      const tr = document.createElement("tr");
      tr.dataset.stem = r.stem;
      tr.dataset.page = r.page;
      const name = r.pages > 1 ? r.stem + " p." + r.page : r.stem;
      const cells = r.error
        ? [name]
        : [name, percent(r.quality) + (r.quality_estimated ? "" : " (conf.)"), r.doubtful, r.removed,
           r.replaced, r.corrections, percent(r.cer), r.reviewed ? "✓" : "",
           r.saved ? r.saved.replace("T", " ").replace("Z", "") : ""];
      for (const c of cells) {
        const td = document.createElement("td");
        td.textContent = c;
        tr.appendChild(td);
      }
      if (r.error) {
        const td = document.createElement("td");
        td.colSpan = 8;
        td.className = "error";
        td.textContent = r.error;
        tr.appendChild(td);
        tr.classList.add("broken");
      }
      if (r.reviewed) tr.classList.add("reviewed");
      if (i === list.chosen) tr.classList.add("chosen");
      tr.addEventListener("click", () => {
        list.chosen = i;
        openChosen();
      });
      body.appendChild(tr);
    });
    const chosen = body.children[list.chosen];
    if (chosen) chosen.scrollIntoView({ block: "nearest" });
  }

  function openChosen() {
    const r = list.rows[list.chosen];
    if (r) location.hash = "#/page/" + stemPath(r.stem) + "?p=" + r.page;
  }

  function listKey(e) {
    if (e.key === "ArrowDown" || e.key === "j") {
      list.chosen = Math.min(list.rows.length - 1, list.chosen + 1);
      renderList();
    } else if (e.key === "ArrowUp" || e.key === "k") {
      list.chosen = Math.max(0, list.chosen - 1);
      renderList();
    } else if (e.key === "Home") {
      list.chosen = 0;
      renderList();
    } else if (e.key === "End") {
      list.chosen = list.rows.length - 1;
      renderList();
    } else if (e.key === "Enter") {
      openChosen();
    } else {
      return false;
    }
    return true;
  }

  // ---- the page view
  let view = "list";
  let doc = null; // the page file from /api/page
  let pageNo = 0; // page within the file, from 0
  let words = []; // every word of the file: {p, l, w, ocr, line, text, kept, checked, keptAtFirst}
  let chosen = -1; // index into words
  let editing = null; // {input, index}
  let pending = []; // decisions since the last save
  let dirty = false;
  let showRead = false;
  let zoom = 0; // 0: fit the width of the pane
  let saving = null;
  let scanSize = null; // the scan's own pixel size once it is loaded

  const wordKey = (p, l, w) => p + "/" + l + "/" + w;

  function keptInOcr(line, word) {
    return !line.removal && !word.removal;
  }

  async function showPage(stem, p) {
    view = "page";
    $("list-view").hidden = true;
    $("page-view").hidden = false;
    $("where").textContent = stem + (p > 1 ? " p." + p : "");
    $("page-error").hidden = true;
    $("lines").textContent = "";
    $("boxes").textContent = "";
    showKeys();
    doc = null;
    words = [];
    chosen = -1;
    pending = [];
    dirty = false;
    editing = null;
    try {
      doc = await api("/api/page/" + stemPath(stem));
    } catch (e) {
      $("page-error").textContent = "This page cannot be reviewed: " + e.message;
      $("page-error").hidden = false;
      $("scan").removeAttribute("src");
      setStatus("Esc goes back to the list", false);
      return;
    }
    pageNo = Math.min(Math.max(0, p - 1), doc.pages.length - 1);
    scanSize = null;
    buildWords();
    if (doc.state_error) {
      $("page-error").textContent = "The saved review cannot be read, so this page cannot be saved: " +
        doc.state_error;
      $("page-error").hidden = false;
    }
    renderPage();
    loadScan();
    const summary = doc.summaries[pageNo];
    setStatus(summary.doubtful + " doubtful word(s), " + summary.removed + " removed item(s)" +
      (doc.state && doc.state.saved ? "; saved " + doc.state.saved : ""));
  }

  function buildWords() {
    const verdicts = new Map();
    if (doc.state) for (const v of doc.state.words) verdicts.set(wordKey(v.page - 1, v.line - 1, v.word - 1), v);
    doc.pages.forEach((page, p) => {
      page.lines.forEach((line, l) => {
        line.words.forEach((w, i) => {
          const kept0 = keptInOcr(line, w);
          const v = verdicts.get(wordKey(p, l, i));
          words.push({
            p, l, w: i, ocr: w, line,
            text: v ? v.text : w.text,
            kept: v ? v.kept : kept0,
            checked: v ? v.checked : false,
            keptInOcr: kept0,
          });
        });
      });
    });
  }

  const pageWords = () => words.filter((x) => x.p === pageNo);
  const visible = (x) => x.p === pageNo && (x.text !== "" || x.ocr.text !== "" || (showRead && x.ocr.read));
  const isDoubtful = (x) => !!x.ocr.doubtful;
  const isCorrected = (x) => x.text !== x.ocr.text || x.kept !== x.keptInOcr;
  const shownText = (x) => (showRead ? (x.ocr.read !== undefined ? x.ocr.read : x.ocr.text) : x.text);

  function confidenceColour(c) {
    if (c === undefined) return "#2f7ed8";
    const t = Math.max(0, Math.min(1, (c - 50) / 45));
    return "hsl(" + Math.round(120 * t) + ", 85%, 38%)";
  }

  function renderPage() {
    const page = doc.pages[pageNo];
    const lines = $("lines");
    lines.textContent = "";
    let lastParagraph = null;
    page.lines.forEach((line, l) => {
      const div = document.createElement("div");
      div.className = "line";
      div.dataset.line = l + 1;
      if (lastParagraph !== null && line.paragraph !== lastParagraph) div.classList.add("paragraph");
      lastParagraph = line.paragraph;
      const no = document.createElement("span");
      no.className = "no";
      no.textContent = l + 1;
      const ws = document.createElement("span");
      ws.className = "words";
      div.append(no, ws);
      lines.appendChild(div);
    });
    for (let i = 0; i < words.length; ++i) if (words[i].p === pageNo) renderWord(i);
    for (let l = 0; l < page.lines.length; ++l) renderLineState(l);
    renderBoxes();
  }

  function lineDiv(l) {
    return $("lines").children[l];
  }

  function renderLineState(l) {
    const line = doc.pages[pageNo].lines[l];
    const div = lineDiv(l);
    const members = words.filter((x) => x.p === pageNo && x.l === l);
    const allOut = line.removal && members.every((x) => !x.kept);
    div.classList.toggle("removed", !!allOut);
    let label = div.querySelector(":scope > .reason");
    if (line.removal) {
      if (!label) {
        label = document.createElement("span");
        label.className = "reason";
        div.appendChild(label);
      }
      label.textContent = (allOut ? "" : "restored: ") + shortReason(line.removal);
      label.title = line.removal;
    } else if (label) {
      label.remove();
    }
  }

  function shortReason(reason) {
    // "margin_column: one of a run of 19 lines ... (margin column)" -> "margin column"
    const m = reason.match(/\(([^()]+)\)\s*$/);
    if (m) return m[1];
    const stage = reason.split(":")[0];
    return stage.replace(/_/g, " ");
  }

  function renderWord(i) {
    const x = words[i];
    const ws = lineDiv(x.l).querySelector(".words");
    let span = ws.querySelector('[data-word="' + (x.w + 1) + '"]');
    if (!span) {
      span = document.createElement("span");
      span.dataset.word = x.w + 1;
      span.dataset.index = i;
      span.addEventListener("click", () => choose(i, false));
      span.addEventListener("dblclick", () => edit(i));
      // keep the words in order with a space between them
      let after = null;
      for (const s of ws.children) if (Number(s.dataset.word) > x.w + 1) { after = s; break; }
      ws.insertBefore(span, after);
      ws.insertBefore(document.createTextNode(" "), after);
    }
    span.hidden = !visible(x);
    const t = shownText(x);
    span.className = "word";
    span.textContent = t === "" ? "∅" : t;
    if (t === "") span.classList.add("empty");
    if (isDoubtful(x)) span.classList.add("doubtful");
    if (x.ocr.read !== undefined) span.classList.add("replaced");
    if (!x.kept) span.classList.add("removed");
    if (isCorrected(x) && x.kept === x.keptInOcr) span.classList.add("corrected");
    if (x.checked && !isCorrected(x)) span.classList.add("checked");
    if (i === chosen) span.classList.add("chosen");
    const tips = [];
    if (x.ocr.read !== undefined) tips.push("read as “" + x.ocr.read + "”, changed by " + x.ocr.changed_by);
    if (x.ocr.removal) tips.push("removed: " + x.ocr.removal);
    if (x.ocr.confidence !== undefined) tips.push("confidence " + x.ocr.confidence.toFixed(0));
    span.title = tips.join("\n");
    let label = span.nextSibling && span.nextSibling.nodeType === 1 && span.nextSibling.classList.contains("reason")
      ? span.nextSibling : null;
    if (x.ocr.removal) {
      if (!label) {
        label = document.createElement("span");
        label.className = "reason";
        ws.insertBefore(label, span.nextSibling);
      }
      label.textContent = (x.kept ? "restored: " : "") + shortReason(x.ocr.removal);
      label.title = x.ocr.removal;
      label.hidden = span.hidden;
    }
    renderBox(i);
  }

  function renderBoxes() {
    const page = doc.pages[pageNo];
    const svg = $("boxes");
    svg.textContent = "";
    const { w, h } = pageSize();
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    for (let i = 0; i < words.length; ++i) {
      const x = words[i];
      if (x.p !== pageNo || !x.ocr.box) continue;
      const r = document.createElementNS(svgNS, "rect");
      r.setAttribute("x", x.ocr.box[0]);
      r.setAttribute("y", x.ocr.box[1]);
      r.setAttribute("width", x.ocr.box[2]);
      r.setAttribute("height", x.ocr.box[3]);
      r.dataset.index = i;
      r.addEventListener("click", () => choose(i, false));
      r.addEventListener("dblclick", () => edit(i));
      svg.appendChild(r);
    }
    for (let i = 0; i < words.length; ++i) if (words[i].p === pageNo) renderBox(i);
  }

  function renderBox(i) {
    const r = $("boxes").querySelector('rect[data-index="' + i + '"]');
    if (!r) return;
    const x = words[i];
    r.setAttribute("class", [
      x.kept ? "" : "removed",
      isCorrected(x) && x.kept === x.keptInOcr ? "corrected" : "",
      i === chosen ? "chosen" : "",
    ].join(" ").trim());
    r.style.stroke = x.kept ? confidenceColour(x.ocr.confidence) : "";
    r.style.display = visible(x) ? "" : "none";
  }

  // The scan at its own pixel size, and the boxes in the same coordinates (the SVG's viewBox is
  // the scan's size): no box is moved or scaled on its own.
  function loadScan() {
    const page = doc.pages[pageNo];
    const img = $("scan");
    const note = $("scan-note");
    note.hidden = true;
    scanSize = null;
    if (!page.has_scan) {
      img.removeAttribute("src");
      note.textContent = "This page was read from a transcription: no scan.";
      note.hidden = false;
      applyZoom();
      return;
    }
    img.onload = () => {
      scanSize = { w: img.naturalWidth, h: img.naturalHeight };
      $("boxes").setAttribute("viewBox", "0 0 " + scanSize.w + " " + scanSize.h);
      if (img.naturalWidth !== page.width || img.naturalHeight !== page.height) {
        note.textContent = "The scan is " + img.naturalWidth + "×" + img.naturalHeight +
          " pixels, the page model " + page.width + "×" + page.height + ": boxes may not sit on the words.";
        note.hidden = false;
      }
      applyZoom();
      revealChosen();
    };
    img.onerror = async () => {
      img.removeAttribute("src");
      let why = "the scan cannot be shown";
      try {
        await api("/api/scan/" + stemPath(doc.stem) + "?page=" + (pageNo + 1));
      } catch (e) {
        why = e.message;
      }
      note.textContent = why;
      note.hidden = false;
      applyZoom();
    };
    img.src = "/api/scan/" + stemPath(doc.stem) + "?page=" + (pageNo + 1);
    applyZoom();
  }

  // The scan's pixel size once loaded, else the page model's: boxes and scan share it.
  function pageSize() {
    if (scanSize) return scanSize;
    const page = doc.pages[pageNo];
    return { w: Math.max(1, page.width || 1000), h: Math.max(1, page.height || 1414) };
  }

  function applyZoom() {
    if (!doc) return;
    const { w, h } = pageSize();
    const pane = $("scan-pane");
    const fit = Math.max(0.05, (pane.clientWidth - 4) / w);
    const scale = zoom === 0 ? fit : zoom;
    const stage = $("scan-stage");
    stage.style.width = w * scale + "px";
    stage.style.height = h * scale + "px";
  }

  function zoomBy(factor) {
    const { w } = pageSize();
    const pane = $("scan-pane");
    const current = zoom === 0 ? (pane.clientWidth - 4) / w : zoom;
    zoom = Math.max(0.05, Math.min(4, current * factor));
    applyZoom();
    revealChosen();
  }

  function revealChosen() {
    if (chosen < 0 || !doc) return;
    const x = words[chosen];
    const span = lineDiv(x.l) && lineDiv(x.l).querySelector('[data-word="' + (x.w + 1) + '"]');
    if (span) span.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (!x.ocr.box) return;
    const pane = $("scan-pane");
    const { w } = pageSize();
    const scale = $("scan-stage").clientWidth / w;
    const stage = $("scan-stage");
    const cx = stage.offsetLeft + (x.ocr.box[0] + x.ocr.box[2] / 2) * scale;
    const cy = stage.offsetTop + (x.ocr.box[1] + x.ocr.box[3] / 2) * scale;
    const margin = 40;
    if (cx < pane.scrollLeft + margin || cx > pane.scrollLeft + pane.clientWidth - margin)
      pane.scrollLeft = cx - pane.clientWidth / 2;
    if (cy < pane.scrollTop + margin || cy > pane.scrollTop + pane.clientHeight - margin)
      pane.scrollTop = cy - pane.clientHeight / 2;
  }

  function showDetail() {
    if (chosen < 0) {
      $("detail").textContent = "";
      return;
    }
    const x = words[chosen];
    const parts = ["line " + (x.l + 1) + ", word " + (x.w + 1) + ": “" + x.text + "”"];
    if (x.ocr.read !== undefined) parts.push("read as “" + x.ocr.read + "” (" + x.ocr.changed_by + ")");
    if (x.text !== x.ocr.text) parts.push("scanfix had “" + x.ocr.text + "”");
    if (x.ocr.confidence !== undefined) parts.push("confidence " + x.ocr.confidence.toFixed(0));
    const removal = x.ocr.removal || (x.line.removal && !x.ocr.removal ? x.line.removal : "");
    if (removal) parts.push((x.kept ? "restored; was removed: " : "removed: ") + removal);
    else if (!x.kept) parts.push("removed by you");
    $("detail").textContent = parts.join(" · ");
  }

  function choose(i, open) {
    if (editing) commitEdit(true);
    const before = chosen;
    chosen = i;
    if (before >= 0 && words[before] && words[before].p === pageNo) renderWord(before);
    if (i >= 0) {
      renderWord(i);
      for (const d of $("lines").querySelectorAll(".line.current")) d.classList.remove("current");
      lineDiv(words[i].l).classList.add("current");
    }
    showDetail();
    revealChosen();
    if (open) edit(i);
  }

  function step(from, dir, test) {
    for (let i = from + dir; i >= 0 && i < words.length; i += dir)
      if (words[i].p === pageNo && visible(words[i]) && test(words[i])) return i;
    return -1;
  }

  function nextDoubtful(dir) {
    const start = chosen < 0 ? (dir > 0 ? -1 : words.length) : chosen;
    const i = step(start, dir, isDoubtful);
    if (i < 0) {
      setStatus(dir > 0 ? "No more doubtful words on this page; v marks it reviewed." : "No doubtful word before this one.");
      return;
    }
    choose(i, true);
  }

  // Removed items: whole removed lines (their first word stands for them) and words removed
  // alone.
  function isRemovedItem(x) {
    if (x.ocr.removal) return true;
    return !!x.line.removal && words.find((y) => y.p === x.p && y.l === x.l && !y.ocr.removal && visible(y)) === x;
  }

  function nextRemoved(dir) {
    const start = chosen < 0 ? (dir > 0 ? -1 : words.length) : chosen;
    const i = step(start, dir, isRemovedItem);
    if (i < 0) setStatus(dir > 0 ? "No more removed items on this page." : "No removed item before this one.");
    else choose(i, false);
  }

  function nextLine(dir) {
    if (chosen < 0) return choose(step(-1, 1, () => true), false);
    const l = words[chosen].l;
    const i = step(chosen, dir, (y) => y.l !== l);
    if (i < 0) return;
    // first word of that line
    const target = words[i].l;
    const first = words.findIndex((y) => y.p === pageNo && y.l === target && visible(y));
    choose(first, false);
  }

  function decide(action, x, before, after, note) {
    const d = { time: new Date().toISOString(), action, page: pageNo + 1 };
    if (x) {
      d.page = x.p + 1;
      d.line = x.l + 1;
      if (x.w !== null) d.word = x.w + 1;
    }
    if (before) d.before = before;
    if (after) d.after = after;
    if (note) d.note = note;
    pending.push(d);
    dirty = true;
  }

  function edit(i) {
    if (i < 0) return;
    if (editing) commitEdit(false);
    if (chosen !== i) choose(i, false);
    const x = words[i];
    const span = lineDiv(x.l).querySelector('[data-word="' + (x.w + 1) + '"]');
    const input = document.createElement("input");
    input.className = "editor";
    input.value = x.text;
    input.size = Math.max(4, x.text.length + 2);
    input.setAttribute("aria-label", "correction of the word");
    input.addEventListener("input", () => (input.size = Math.max(4, input.value.length + 2)));
    span.hidden = true;
    span.parentNode.insertBefore(input, span);
    editing = { input, index: i, span };
    input.focus();
    input.select();
  }

  // Leaves the editor; with `keep` false the typed text is dropped.
  function commitEdit(keep) {
    const { input, index, span } = editing;
    editing = null;
    const x = words[index];
    const value = input.value.replace(/\s+/g, " ").trim();
    input.remove();
    span.hidden = false;
    if (keep) {
      if (value !== x.text) {
        decide("corrected", x, x.text, value);
        x.text = value;
        x.checked = true;
      } else if (!x.checked) {
        decide("accepted", x, x.text, "");
        x.checked = true;
      }
    }
    renderWord(index);
    showDetail();
  }

  function toggleRestore() {
    if (chosen < 0) return;
    const x = words[chosen];
    if (x.ocr.removal) {
      x.kept = !x.kept;
      decide(x.kept ? "restored" : "removed", x, x.kept ? "" : x.text, x.kept ? x.text : "", x.ocr.removal);
      renderWord(chosen);
    } else if (x.line.removal) {
      const members = words.filter((y) => y.p === x.p && y.l === x.l && !y.ocr.removal);
      const restore = !members.some((y) => y.kept);
      const text = members.map((y) => y.text).filter((t) => t).join(" ");
      for (const y of members) y.kept = restore;
      decide(restore ? "restored" : "removed", { p: x.p, l: x.l, w: null }, restore ? "" : text,
        restore ? text : "", x.line.removal);
      for (const y of members) renderWord(words.indexOf(y));
      renderLineState(x.l);
    } else if (!x.kept) {
      x.kept = true;
      decide("restored", x, "", x.text, "removed by the reviewer");
      renderWord(chosen);
    } else {
      setStatus("r restores what was removed; this word was not removed (x removes it).");
      return;
    }
    setStatus(x.kept ? "Restored." : "Removed again.");
    showDetail();
  }

  function removeWord() {
    if (chosen < 0) return;
    const x = words[chosen];
    if (!x.kept) return toggleRestore();
    x.kept = false;
    decide("removed", x, x.text, "", "by the reviewer");
    renderWord(chosen);
    showDetail();
  }

  function toggleRevert() {
    if (chosen < 0) return;
    const x = words[chosen];
    if (x.ocr.read === undefined) {
      setStatus("u reverts a replacement of the cleanup; scanfix did not change this word.");
      return;
    }
    const back = x.text !== x.ocr.read;
    const to = back ? x.ocr.read : x.ocr.text;
    decide(back ? "reverted" : "corrected", x, x.text, to, x.ocr.changed_by);
    x.text = to;
    x.checked = true;
    renderWord(chosen);
    showDetail();
    setStatus(back ? "Reverted to the word as read." : "The cleanup's word again.");
  }

  function verdicts() {
    const out = [];
    for (const x of words)
      if (x.text !== x.ocr.text || x.kept !== x.keptInOcr || x.checked)
        out.push({ page: x.p + 1, line: x.l + 1, word: x.w + 1, text: x.text, kept: x.kept, checked: x.checked });
    return out;
  }

  async function save(reviewed) {
    if (!doc) return true;
    if (doc.state_error) {
      setStatus("Not saved: " + doc.state_error, true);
      return false;
    }
    if (saving) await saving;
    const wasReviewed = doc.state ? doc.state.reviewed : false;
    const markReviewed = reviewed === undefined ? wasReviewed : reviewed;
    if (markReviewed !== wasReviewed) decide(markReviewed ? "reviewed" : "unreviewed", null);
    if (!dirty) return true;
    const sent = pending;
    pending = [];
    const body = { reviewed: markReviewed, words: verdicts(), decisions: sent };
    setStatus("Saving…");
    saving = api("/api/save/" + stemPath(doc.stem), body);
    try {
      const answer = await saving;
      doc.state = answer.state;
      doc.summaries = answer.summaries;
      dirty = pending.length > 0;
      const s = answer.summaries[pageNo];
      setStatus("Saved " + doc.files.reference + ", " + doc.files.alto + " and " + doc.files.decisions +
        (s.cer !== null ? "; the OCR had " + percent(s.cer) + " CER against your text" : "") +
        (answer.state.reviewed ? "; reviewed" : ""));
      return true;
    } catch (e) {
      pending = sent.concat(pending);
      setStatus("Not saved: " + e.message, true);
      return false;
    } finally {
      saving = null;
    }
  }

  async function leaveTo(target) {
    if (editing) commitEdit(true);
    if (dirty && !(await save())) return;
    location.hash = target;
  }

  async function neighbourPage(dir) {
    if (!doc) return;
    if (editing) commitEdit(true);
    if (dirty && !(await save())) return;
    // In the order the list had when the page was opened (a page marked reviewed moves to the
    // end of a fresh list, and ] should still go on to the next page of the list one works down).
    if (!list.rows.length) {
      try {
        list.rows = (await api("/api/pages")).pages;
      } catch (e) {
        setStatus(e.message, true);
        return;
      }
    }
    const here = list.rows.findIndex((r) => r.stem === doc.stem && r.page === pageNo + 1);
    const next = here + dir;
    if (here < 0 || next < 0 || next >= list.rows.length) {
      setStatus(dir > 0 ? "This is the last page of the list." : "This is the first page of the list.");
      return;
    }
    list.chosen = next;
    openChosen();
  }

  function pageKey(e) {
    if (editing) {
      if (e.key === "Enter" || e.key === "Tab") {
        const i = editing.index;
        commitEdit(true);
        chosen = i;
        nextDoubtful(e.shiftKey ? -1 : 1);
      } else if (e.key === "Escape") {
        commitEdit(false);
      } else {
        return false;
      }
      return true;
    }
    if (!doc) {
      if (e.key !== "Escape") return false;
      leaveTo("#/");
      return true;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === "s") {
      save();
      return true;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    switch (e.key) {
      case "Tab": nextDoubtful(e.shiftKey ? -1 : 1); break;
      case "Enter": case "F2": edit(chosen >= 0 ? chosen : step(-1, 1, () => true)); break;
      case "ArrowRight": choose(step(chosen, 1, () => true) >= 0 ? step(chosen, 1, () => true) : chosen, false); break;
      case "ArrowLeft": if (step(chosen, -1, () => true) >= 0) choose(step(chosen, -1, () => true), false); break;
      case "Home": choose(step(-1, 1, () => true), false); break;
      case "End": choose(step(words.length, -1, () => true), false); break;
      case "ArrowDown": nextLine(1); break;
      case "ArrowUp": nextLine(-1); break;
      case "n": nextRemoved(1); break;
      case "N": nextRemoved(-1); break;
      case "r": toggleRestore(); break;
      case "x": case "Delete": removeWord(); break;
      case "u": toggleRevert(); break;
      case "o":
        showRead = !showRead;
        renderPage();
        setStatus(showRead ? "Showing the words as the recogniser read them (o: back)." : "Showing the corrected words.");
        break;
      case "s": save(); break;
      case "v": save(!(doc && doc.state && doc.state.reviewed)); break;
      case "]": neighbourPage(1); break;
      case "[": neighbourPage(-1); break;
      case "+": case "=": zoomBy(1.25); break;
      case "-": zoomBy(0.8); break;
      case "0": zoom = 0; applyZoom(); revealChosen(); break;
      case "Escape": leaveTo("#/"); break;
      default: return false;
    }
    return true;
  }

  function showKeys() {
    for (const dl of document.querySelectorAll("#keys dl")) dl.classList.toggle("shown", dl.dataset.view === view);
  }

  document.addEventListener("keydown", (e) => {
    if (e.key === "?" && !editing) {
      $("keys").classList.toggle("folded");
      e.preventDefault();
      return;
    }
    const handled = view === "list" ? listKey(e) : pageKey(e);
    if (handled) e.preventDefault();
  });

  // Panning with the mouse (the keyboard moves the scan with the chosen word) and zooming
  // with Ctrl and the wheel.
  (function pan() {
    const pane = $("scan-pane");
    let from = null;
    pane.addEventListener("mousedown", (e) => {
      if (e.target.tagName === "rect") return;
      from = { x: e.clientX, y: e.clientY, left: pane.scrollLeft, top: pane.scrollTop };
      pane.classList.add("dragging");
      e.preventDefault();
    });
    window.addEventListener("mousemove", (e) => {
      if (!from) return;
      pane.scrollLeft = from.left - (e.clientX - from.x);
      pane.scrollTop = from.top - (e.clientY - from.y);
    });
    window.addEventListener("mouseup", () => {
      from = null;
      pane.classList.remove("dragging");
    });
    pane.addEventListener("wheel", (e) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      zoomBy(e.deltaY < 0 ? 1.15 : 1 / 1.15);
    }, { passive: false });
    window.addEventListener("resize", applyZoom);
  })();

  window.addEventListener("beforeunload", (e) => {
    if (dirty) {
      e.preventDefault();
      e.returnValue = "";
    }
  });

  // #/ is the list, #/page/<stem>?p=N a page view.
  function route() {
    const m = location.hash.match(/^#\/page\/(.+?)(?:\?p=(\d+))?$/);
    if (m) {
      const stem = m[1].split("/").map(decodeURIComponent).join("/");
      showPage(stem, Number(m[2] || 1));
    } else {
      showList(doc ? { stem: doc.stem, page: pageNo + 1 } : null);
    }
  }
  window.addEventListener("hashchange", route);
  if (!token) {
    setStatus("This page needs the address scanfix review printed (with ?token=).", true);
  }
  route();
})();
