// Browser test of scanfix review, keyboard only: the bundled samples are read by `scanfix run`,
// `scanfix review` serves the output folder, and Debian's chromium (driven by puppeteer-core)
// opens the list, opens the worst page, goes through every doubtful word with Tab (typing the
// reference's word where the reference differs, accepting it where not), restores one removed
// item, saves and marks the page reviewed. Then: the files written, the corrected text (built
// here from the page model and the corrections), `scanfix eval` of it against the OCR text
// showing exactly those corrections, reopening showing the saved state, and a screenshot of
// the page view that shows the scan and the boxes (saved to docs/ with SCANFIX_REGENERATE=1).
// Exit 0 passed, 1 failed, 77 skipped.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const require = createRequire(path.join(process.env.REVIEW_NPM_DIR, "package.json"));
const puppeteer = require("puppeteer-core");

const scanfix = process.env.SCANFIX_BINARY;
const source = process.env.SCANFIX_SOURCE;
const samples = ["protocol", "telegram-p1", "telegram-p2"];

let failures = 0;
function check(ok, what) {
  console.log((ok ? "ok: " : "FAILED: ") + what);
  if (!ok) failures += 1;
  return ok;
}
function skip(why) {
  console.log("skipped: " + why);
  process.exit(77);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sha = (file) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

// ---- small helpers: edit distance with its alignment, PNG decoding for the screenshot check

function align(a, b) {
  const n = a.length, m = b.length;
  const d = Array.from({ length: n + 1 }, (_, i) => Array(m + 1).fill(0).map((_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; ++i)
    for (let j = 1; j <= m; ++j)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  const ops = []; // [op, i, j] with op in M S D I, walking from the end
  let i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      ops.push([a[i - 1] === b[j - 1] ? "M" : "S", i - 1, j - 1]);
      --i; --j;
    } else if (i > 0 && d[i][j] === d[i - 1][j] + 1) {
      ops.push(["D", i - 1, -1]);
      --i;
    } else {
      ops.push(["I", -1, j - 1]);
      --j;
    }
  }
  return { distance: d[n][m], ops: ops.reverse() };
}

function decodePng(buffer) {
  let pos = 8;
  let width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buffer.length) {
    const length = buffer.readUInt32BE(pos);
    const type = buffer.toString("latin1", pos + 4, pos + 8);
    const data = buffer.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error("PNG: only 8-bit, non-interlaced");
      colorType = data[9];
    } else if (type === "IDAT") idat.push(data);
    pos += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[colorType];
  if (!channels) throw new Error("PNG: colour type " + colorType);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; ++x) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 255;
    }
  }
  return { width, height, channels, pixels };
}

// Shares of the scan pane's pixels that are paper, type (dark grey) and box strokes (the
// confidence colours: saturated green to red).
function screenshotContent(png, rect) {
  let paper = 0, type = 0, boxes = 0, all = 0;
  for (let y = Math.ceil(rect.y); y < Math.floor(rect.y + rect.height); ++y)
    for (let x = Math.ceil(rect.x); x < Math.floor(rect.x + rect.width); ++x) {
      const o = (y * png.width + x) * png.channels;
      const r = png.pixels[o], g = png.pixels[o + 1], b = png.pixels[o + 2];
      const hi = Math.max(r, g, b), lo = Math.min(r, g, b);
      ++all;
      if (hi - lo > 90 && (g > r + 50 || r > g + 60)) ++boxes;
      else if (hi < 110 && hi - lo < 30) ++type;
      else if (lo > 200) ++paper;
    }
  return { paper: paper / all, type: type / all, boxes: boxes / all };
}

// The scan pane must show the scan (paper and type) and the boxes: box-coloured pixels that go
// when the boxes are hidden (a coloured stamp on the scan is not taken for boxes).
async function checkScreenshot(page, file, what) {
  const rect = await page.$eval("#scan-pane", (e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const shot = await page.screenshot({ type: "png" });
  fs.writeFileSync(file, shot);
  const c = screenshotContent(decodePng(Buffer.from(shot)), rect);
  await page.$eval("#boxes", (e) => (e.style.visibility = "hidden"));
  const bare = screenshotContent(decodePng(Buffer.from(await page.screenshot({ type: "png" }))), rect);
  await page.$eval("#boxes", (e) => (e.style.visibility = ""));
  const boxes = c.boxes - bare.boxes;
  console.log(`${what}: paper ${(100 * c.paper).toFixed(1)} %, type ${(100 * c.type).toFixed(2)} %, ` +
    `box strokes ${(100 * boxes).toFixed(2)} % of the scan pane`);
  check(c.paper > 0.3 && c.type > 0.003 && boxes > 0.003, what + " shows the scan and its boxes");
}

// ---- the corrected text as the server must write it: diplomatic, from the page model

function renderDiplomatic(model, finalWord) {
  let out = "";
  let lastParagraph = -1;
  model.lines.forEach((line, l) => {
    const text = line.words.map((w, i) => finalWord(l, i, line, w)).filter((t) => t !== null && t !== "").join(" ");
    if (text === "") return;
    if (lastParagraph >= 0 && line.paragraph !== lastParagraph) out += "\n";
    lastParagraph = line.paragraph;
    out += text + "\n";
  });
  return out;
}

const keptInOcr = (line, w) => !line.removal && !w.removal;

// For each doubtful word, the reference's word where the reference line aligns one to one with
// it and says something else; null where the word is to be accepted.
function referenceFixes(model, referenceLines) {
  const fixes = new Map();
  const refTokens = referenceLines.map((l) => l.split(/\s+/).filter(Boolean));
  model.lines.forEach((line, l) => {
    const tokens = [], owner = [];
    line.words.forEach((w, i) => {
      if (!keptInOcr(line, w) || w.text === "") return;
      for (const t of w.text.split(/\s+/).filter(Boolean)) { tokens.push(t); owner.push(i); }
    });
    if (!line.words.some((w) => w.doubtful) || tokens.length === 0) return;
    const text = tokens.join(" ");
    let best = -1, bestRatio = 0.5;
    referenceLines.forEach((r, k) => {
      const ratio = align([...text], [...r]).distance / Math.max(text.length, r.length, 1);
      if (ratio < bestRatio) { bestRatio = ratio; best = k; }
    });
    if (best < 0) return;
    const { ops } = align(tokens, refTokens[best]);
    // A substitution between two matches (or the line's ends), of a word like the one read:
    // where the alignment is this plain, the reference's word is the one the reviewer types.
    ops.forEach(([op, i, j], k) => {
      if (op !== "S") return;
      const w = line.words[owner[i]];
      const ref = refTokens[best][j];
      if (!w.doubtful || w.text.includes(" ")) return;
      const matched = (o) => !o || o[0] === "M";
      const like = align([...w.text], [...ref]).distance <= Math.max(1, Math.floor(ref.length / 2));
      if (matched(ops[k - 1]) && matched(ops[k + 1]) && like) fixes.set(l + "/" + owner[i], ref);
    });
  });
  return fixes;
}

// ---- the test

async function main() {
  if (!scanfix || !source) throw new Error("SCANFIX_BINARY and SCANFIX_SOURCE must be set");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "scanfix-review-browser-"));
  const out = path.join(root, "out");
  try {
    execFileSync(scanfix, ["run", "-o", out, "-f", "txt,json,alto", "--layout", "diplomatic",
      ...samples.map((s) => path.join(source, "samples", s + ".jpg"))], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    if (e.status === 5) skip("Tesseract cannot read Russian here: " + String(e.stderr).trim());
    throw e;
  }
  const ocrFiles = fs.readdirSync(out).map((f) => path.join(out, f));
  const hashes = new Map(ocrFiles.map((f) => [f, sha(f)]));

  const server = spawn(scanfix, ["review", out], { stdio: ["ignore", "pipe", "pipe"] });
  let serverErr = "";
  server.stderr.on("data", (d) => (serverErr += d));
  const url = await new Promise((resolve, reject) => {
    let text = "";
    server.stdout.on("data", (d) => {
      text += d;
      if (text.includes("\n")) resolve(text.split("\n")[0].trim());
    });
    server.on("exit", (code) => reject(new Error("scanfix review ended with " + code + ": " + serverErr)));
  });
  const base = url.slice(0, url.indexOf("/?token="));
  const token = url.slice(url.indexOf("token=") + 6);
  const api = async (p) => (await fetch(base + p, { headers: { "X-Review-Token": token } })).json();
  check(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}$/.test(url), "review prints its loopback address with a token: " + url);

  const list = await api("/api/pages");
  const qualities = list.pages.map((r) => r.quality);
  check(list.pages.length === samples.length, "the list has every page of the batch");
  check(qualities.every((q, i) => i === 0 || qualities[i - 1] <= q), "the list is sorted worst first");
  const worst = list.pages[0];
  const view = await api("/api/page/" + worst.stem);
  const model = view.pages[0];
  const doubtful = [];
  model.lines.forEach((line, l) => line.words.forEach((w, i) => { if (w.doubtful && w.text !== "") doubtful.push([l, i]); }));
  const reference = fs.readFileSync(path.join(source, "samples", worst.stem + ".lines.gt.txt"), "utf8").split("\n").filter(Boolean);
  const fixes = referenceFixes(model, reference);
  console.log(`worst page ${worst.stem}: ${doubtful.length} doubtful words, ${fixes.size} of them differ from the reference`);

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "scanfix-review-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    defaultViewport: { width: 1400, height: 900, deviceScaleFactor: 1 },
  });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.setDefaultTimeout(30000);
    const key = async (k, times = 1) => { for (let i = 0; i < times; ++i) await page.keyboard.press(k); };
    const status = () => page.$eval("#status", (e) => e.textContent);

    // The list, and the worst page opened from it by keyboard.
    await page.goto(url);
    await page.waitForSelector("#pages tbody tr.chosen");
    check(await page.$eval("#pages tbody tr.chosen", (e) => e.dataset.stem) === worst.stem, "the list starts at the worst page");
    check(!(await page.evaluate(() => location.search.includes("token"))), "the token leaves the address bar");
    await key("Enter");
    await page.waitForFunction(() => {
      const img = document.getElementById("scan");
      return img.complete && img.naturalWidth > 0 && document.querySelectorAll("#boxes rect").length > 0;
    });
    const rects = await page.$$eval("#boxes rect", (r) => r.length);
    check(rects > 100, `the page view draws the word boxes (${rects})`);
    await checkScreenshot(page, path.join(root, "review-page-opened.png"), "the opened page view");

    // Every doubtful word, in order, by Tab and Enter.
    const edited = new Map();
    await key("Tab");
    for (const [l, i] of doubtful) {
      await page.waitForSelector("input.editor");
      const at = await page.$eval("input.editor", (e) => ({
        line: Number(e.closest(".line").dataset.line), word: Number(e.nextElementSibling.dataset.word), value: e.value,
      }));
      if (!check(at.line === l + 1 && at.word === i + 1 && at.value === model.lines[l].words[i].text,
        `Tab reaches doubtful word “${model.lines[l].words[i].text}” (line ${l + 1}, word ${i + 1})`)) break;
      const fix = fixes.get(l + "/" + i);
      if (fix !== undefined) {
        await page.keyboard.type(fix);
        edited.set(l + "/" + i, fix);
      }
      await key("Enter");
    }
    check(await page.$("input.editor") === null, "after the last doubtful word the editor is closed");
    check((await status()).includes("No more doubtful words"), "the status says there are no more doubtful words");

    // One removed item restored: one whose neighbours in the text are words left as they were,
    // so that eval's alignment of it cannot shift onto a correction.
    const items = [];
    model.lines.forEach((line, l) => {
      let lineItem = false;
      line.words.forEach((w, i) => {
        if (w.text === "") return;
        if (w.removal) items.push({ l, words: [i], reason: w.removal });
        else if (line.removal && !lineItem) {
          lineItem = true;
          items.push({ l, words: line.words.map((x, k) => k).filter((k) => !line.words[k].removal && line.words[k].text !== ""), reason: line.removal, first: i });
        }
      });
    });
    const finalWith = (restore) => (l, i, line, w) => {
      if (edited.has(l + "/" + i)) return edited.get(l + "/" + i);
      const restored = restore && restore.l === l && restore.words.includes(i);
      return keptInOcr(line, w) || restored ? w.text : null;
    };
    const tokensOf = (restore) => {
      const seq = [];
      model.lines.forEach((line, l) => line.words.forEach((w, i) => {
        const t = finalWith(restore)(l, i, line, w);
        if (t) for (const tok of t.split(/\s+/).filter(Boolean)) seq.push({ tok, l, i });
      }));
      return seq;
    };
    let chosenItem = -1;
    for (let k = 0; k < items.length && chosenItem < 0; ++k) {
      const seq = tokensOf(items[k]);
      const mine = (t) => t.l === items[k].l && items[k].words.includes(t.i);
      const first = seq.findIndex(mine);
      let last = first;
      while (last + 1 < seq.length && mine(seq[last + 1])) ++last;
      const before = seq[first - 1], after = seq[last + 1];
      const clean = (t) => !t || !edited.has(t.l + "/" + t.i);
      const texts = seq.slice(first, last + 1).map((t) => t.tok);
      if (first >= 0 && clean(before) && clean(after) && (!before || !texts.includes(before.tok)) && (!after || !texts.includes(after.tok)))
        chosenItem = k;
    }
    check(chosenItem >= 0, `a removed item to restore (${items.length} removed items)`);
    const item = items[chosenItem];
    await key("Home");
    const firstWord = await page.$eval(".word.chosen", (e) => ({ line: Number(e.closest(".line").dataset.line), word: Number(e.dataset.word) }));
    const isFirst = (it) => it.l + 1 === firstWord.line && (it.first ?? it.words[0]) + 1 === firstWord.word;
    const presses = items.slice(0, chosenItem + 1).filter((it) => !isFirst(it)).length;
    await key("n", presses);
    const detail = await page.$eval("#detail", (e) => e.textContent);
    check(detail.includes("removed: " + item.reason), `n reaches the removed item “${item.reason}”`);
    await key("r");
    check((await status()) === "Restored.", "r restores it");
    check(await page.$eval(".word.chosen", (e) => !e.classList.contains("removed")), "the restored item is no longer struck through");

    // Save, mark reviewed.
    await key("s");
    await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Saved"));
    await key("v");
    await page.waitForFunction(() => document.getElementById("status").textContent.includes("reviewed"));
    check(errors.length === 0, "no script error on the page" + (errors.length ? ": " + errors.join("; ") : ""));

    // The files written beside the OCR outputs, which are unchanged.
    const stemPath = path.join(out, worst.stem);
    for (const ext of [".gt.txt", ".gt.alto.xml", ".review.json"]) check(fs.existsSync(stemPath + ext), "saved " + worst.stem + ext);
    check(ocrFiles.every((f) => sha(f) === hashes.get(f)), "the OCR outputs are untouched");
    const gt = fs.readFileSync(stemPath + ".gt.txt", "utf8");
    const expected = renderDiplomatic(model, finalWith(item));
    check(gt === expected, "the saved text is the OCR text with exactly the corrections and the restored item");
    const alto = fs.readFileSync(stemPath + ".gt.alto.xml", "utf8");
    check([...edited.values()].every((fix) => alto.includes(`CONTENT="${fix.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"`)),
      "the corrected ALTO holds the corrected strings");
    const log = JSON.parse(fs.readFileSync(stemPath + ".review.json", "utf8"));
    const count = (a) => log.decisions.filter((d) => d.action === a).length;
    check(count("corrected") === edited.size && count("accepted") === doubtful.length - edited.size &&
      count("restored") === 1 && count("reviewed") === 1 && log.reviewed === true,
      `the decision log has ${edited.size} corrections, ${doubtful.length - edited.size} acceptances, the restoration and the mark`);

    // scanfix eval of the saved reference against the OCR text finds exactly those changes.
    const evalJson = JSON.parse(execFileSync(scanfix, ["eval", "--json", "--top", "100000", stemPath + ".gt.txt", stemPath + ".txt"]).toString());
    const found = [];
    for (const w of evalJson.wrong_words) for (const r of w.readings) for (let n = 0; n < r.count; ++n) found.push(w.reference + " → " + r.text);
    const wanted = [];
    for (const [k, fix] of edited) {
      const [l, i] = k.split("/").map(Number);
      wanted.push(fix + " → " + model.lines[l].words[i].text);
    }
    for (const i of item.words) for (const tok of model.lines[item.l].words[i].text.split(/\s+/).filter(Boolean)) wanted.push(tok + " → ");
    found.sort();
    wanted.sort();
    check(JSON.stringify(found) === JSON.stringify(wanted) && evalJson.words.errors === wanted.length,
      `scanfix eval finds exactly the ${wanted.length} changed words` + (JSON.stringify(found) === JSON.stringify(wanted) ? "" : ": " + found.join(", ") + " instead of " + wanted.join(", ")));
    const refFile = path.join(source, "samples", worst.stem + ".lines.gt.txt");
    const before = JSON.parse(execFileSync(scanfix, ["eval", "--json", refFile, stemPath + ".txt"]).toString()).cer;
    const after = JSON.parse(execFileSync(scanfix, ["eval", "--json", refFile, stemPath + ".gt.txt"]).toString()).cer;
    console.log(`against the sample's reference: OCR ${(100 * before).toFixed(2)} % CER, reviewed ${(100 * after).toFixed(2)} %`);
    check(edited.size === 0 || after < before, "the corrections bring the page closer to its reference");

    // Reopening shows the saved state: the list marks the page, the view shows the corrections.
    await page.goto(url);
    await page.waitForSelector("#pages tbody tr");
    const row = await page.$$eval("#pages tbody tr", (rows, stem) => {
      const r = rows.find((x) => x.dataset.stem === stem);
      return r ? [...r.children].map((c) => c.textContent) : null;
    }, worst.stem);
    check(row && row[7] === "✓" && row[6].endsWith("%") && Number(row[5]) === edited.size + item.words.length,
      "the list shows the page reviewed, its corrections and the OCR's CER: " + (row || []).join(" | "));
    const rowIndex = await page.$$eval("#pages tbody tr", (rows, stem) => rows.findIndex((x) => x.dataset.stem === stem), worst.stem);
    const chosenIndex = await page.$$eval("#pages tbody tr", (rows) => rows.findIndex((x) => x.classList.contains("chosen")));
    await key(rowIndex > chosenIndex ? "ArrowDown" : "ArrowUp", Math.abs(rowIndex - chosenIndex));
    await key("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#boxes rect").length > 0 && document.getElementById("scan").complete);
    const shown = await page.$$eval(".word", (spans) => spans.map((s) => [Number(s.closest(".line").dataset.line), Number(s.dataset.word), s.textContent, s.classList.contains("removed")]));
    const at = new Map(shown.map(([l, w, t, removed]) => [l + "/" + w, { t, removed }]));
    check([...edited].every(([k, fix]) => { const [l, i] = k.split("/").map(Number); return at.get(l + 1 + "/" + (i + 1)).t === fix; }),
      "reopened, the page shows the corrected words");
    check(item.words.every((i) => !at.get(item.l + 1 + "/" + (i + 1)).removed), "reopened, the restored item is kept");

    // The screenshot for docs/review.md: a corrected word chosen on the reviewed page.
    if (edited.size) {
      const [l, i] = [...edited.keys()][0].split("/").map(Number);
      await page.$$eval(".word", (spans, l, i) => {
        const s = spans.find((x) => Number(x.closest(".line").dataset.line) === l && Number(x.dataset.word) === i);
        if (s) s.click();
      }, l + 1, i + 1);
    }
    await sleep(300);
    const shotFile = path.join(root, "review-page.png");
    await checkScreenshot(page, shotFile, "the reviewed page view");
    if (process.env.SCANFIX_REGENERATE === "1") {
      fs.copyFileSync(shotFile, path.join(source, "docs", "review-page.png"));
      console.log("wrote docs/review-page.png");
    }
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    const code = await new Promise((r) => (server.exitCode !== null ? r(server.exitCode) : server.on("exit", r)));
    check(code === 0, "scanfix review ends cleanly on SIGTERM");
    fs.rmSync(profile, { recursive: true, force: true });
    if (failures === 0) fs.rmSync(root, { recursive: true, force: true });
    else console.log("kept " + root);
  }
}

main().then(
  () => {
    console.log(failures ? `${failures} check(s) failed` : "all checks passed");
    process.exit(failures ? 1 : 0);
  },
  (e) => {
    console.log("FAILED: " + (e.stack || e));
    process.exit(1);
  },
);
