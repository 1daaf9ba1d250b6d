// One patient's course as plots on a shared time axis: blood counts, donor chimerism per lineage and graft source,
// temperature / MAP / lactate, and the acute GVHD grade; HSCT day 0, DLI and CAR-T drawn as vertical lines, alert
// onsets as triangles on the time axis. uPlot is served by this service from its WebJar (no CDN).
import { getJson, onTokenChange } from './api.js';
import { mountSignIn } from './signin.js';
import { formatTime, showMessage } from './format.js';

const DAY = 86400;
const MARK_COLOURS = { HSCT: '#7c3aed', DLI: '#0d9488', CAR_T: '#c2410c' };
const MARK_NAMES = { HSCT: 'day 0 · HSCT', DLI: 'DLI', CAR_T: 'CAR-T' };
const SEVERITY_COLOURS = { CRITICAL: '#dc2626', WARNING: '#d97706', INFO: '#2563eb' };
const PALETTE = ['#2563eb', '#16a34a', '#db2777', '#9333ea', '#ea580c', '#0891b2', '#65a30d', '#be123c', '#4f46e5', '#a16207'];
const CODES = { anc: '751-8', platelets: '777-3', temperature: '8310-5', map: '8478-0', lactate: '2524-7' };

const patientId = new URLSearchParams(window.location.search).get('patientId') || '';
/** The drawn plots, by panel: read by the browser test. */
const charts = [];
window.graftwatchCharts = charts;

const seconds = (iso) => Date.parse(iso) / 1000;
const dateSeconds = (isoDate) => Date.parse(isoDate + 'T00:00:00Z') / 1000;

/** Day +N relative to the latest HSCT on or before t, for the time axis. */
function dayLabel(t, transplantDays) {
  const dayZero = transplantDays.filter((d) => d <= t + 1).pop();
  const date = new Date(t * 1000).toISOString().slice(5, 10);
  return dayZero === undefined ? date : 'd+' + Math.floor((t - dayZero) / DAY) + '\n' + date;
}

/** Aligns series of {at, value} points on the union of their times, as uPlot wants: [xs, ys1, ys2, …]. */
function aligned(seriesPoints) {
  const xs = [...new Set(seriesPoints.flatMap((points) => points.map((p) => seconds(p.at))))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const columns = seriesPoints.map((points) => {
    const ys = new Array(xs.length).fill(null);
    points.forEach((p) => { ys[index.get(seconds(p.at))] = p.value; });
    return ys;
  });
  return [xs, ...columns];
}

/** Draws the treatment lines and the alert onsets on a plot's canvas. */
function marksPlugin(marks, onsets) {
  return {
    hooks: {
      draw: [(u) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const ratio = window.devicePixelRatio || 1;
        ctx.save();
        ctx.font = `${11 * ratio}px sans-serif`;
        marks.forEach((mark) => {
          const x = Math.round(u.valToPos(mark.t, 'x', true));
          if (x < left || x > left + width) {
            return;
          }
          ctx.strokeStyle = mark.colour;
          ctx.fillStyle = mark.colour;
          ctx.lineWidth = (mark.type === 'HSCT' ? 3 : 2) * ratio;
          ctx.setLineDash(mark.type === 'HSCT' ? [] : [6 * ratio, 4 * ratio]);
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          ctx.fillText(mark.label, x + 4 * ratio, top + 12 * ratio);
        });
        ctx.setLineDash([]);
        onsets.forEach((onset) => {
          const x = Math.round(u.valToPos(onset.t, 'x', true));
          if (x < left || x > left + width) {
            return;
          }
          const size = 7 * ratio;
          ctx.fillStyle = SEVERITY_COLOURS[onset.severity] || '#475569';
          ctx.beginPath();
          ctx.moveTo(x, top + height - size * 1.6);
          ctx.lineTo(x - size, top + height);
          ctx.lineTo(x + size, top + height);
          ctx.closePath();
          ctx.fill();
        });
        ctx.restore();
      }],
    },
  };
}

function panel(container, title, note) {
  const section = document.createElement('div');
  section.className = 'panel';
  section.innerHTML = `<h2></h2><p class="note"></p><div class="plot"></div>`;
  section.querySelector('h2').textContent = title;
  section.querySelector('.note').textContent = note || '';
  container.append(section);
  return section;
}

function plot(container, { name, title, note, series, data, scales, axes, range, marks, onsets, transplantDays }) {
  const section = panel(container, title, note);
  section.dataset.panel = name;
  section.dataset.series = String(series.length);
  const target = section.querySelector('.plot');
  const opts = {
    width: Math.max(360, target.clientWidth || container.clientWidth || 900),
    height: 210,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { sync: { key: 'timeline' } },
    scales: Object.assign({ x: { time: true, range: () => range } }, scales),
    axes: [{ values: (u, splits) => splits.map((t) => dayLabel(t, transplantDays)), size: 44 }, ...evenAxes(axes)],
    series: [{ label: 'time', value: (u, t) => (t == null ? '' : formatTime(new Date(t * 1000).toISOString())) }, ...series],
    plugins: [marksPlugin(marks, onsets)],
  };
  const chart = new uPlot(opts, data.length > 1 && data[0].length ? data : [[range[0], range[1]], ...series.map(() => [null, null])], target);
  charts.push({ name, plot: chart });
  return chart;
}

/**
 * One left and two right value axes of fixed width on every panel (empty ones where a panel has fewer), so that the
 * plotting areas line up and a day falls at the same x in every panel.
 */
function evenAxes(axes) {
  const left = axes.filter((a) => a.side !== 1);
  const right = axes.filter((a) => a.side === 1);
  const blank = (scale) => ({ scale, side: 1, values: () => [], ticks: { show: false }, grid: { show: false } });
  while (right.length < 2) {
    right.push(blank(left[0].scale));
  }
  return [...left, ...right].map((a) => Object.assign({ size: 48 }, a, { label: a.label || ' ', labelSize: 20 }));
}

function line(label, colour, scale, extra) {
  return Object.assign({ label, stroke: colour, scale, width: 2, spanGaps: true, points: { show: true, size: 5 } }, extra || {});
}

function byCode(timeline, code) {
  return timeline.series.find((s) => s.code === code) || { points: [] };
}

function render(timeline) {
  document.getElementById('patient').textContent = patientId;
  const transplantDays = timeline.treatments.filter((t) => t.type === 'HSCT').map((t) => dateSeconds(t.date));
  const marks = timeline.treatments.map((t) => ({
    type: t.type, t: dateSeconds(t.date), colour: MARK_COLOURS[t.type] || '#334155', label: MARK_NAMES[t.type] || t.type,
  }));
  const onsets = timeline.alerts.map((a) => ({ t: seconds(a.onsetAt), severity: a.severity }));

  const times = [
    ...timeline.series.flatMap((s) => s.points.map((p) => seconds(p.at))),
    ...timeline.chimerism.flatMap((s) => s.points.map((p) => seconds(p.at))),
    ...timeline.gvhd.map((g) => seconds(g.at)),
    ...marks.map((m) => m.t),
    ...onsets.map((o) => o.t),
  ];
  const now = Date.now() / 1000;
  const range = times.length ? [Math.min(...times) - 2 * DAY, Math.max(...times) + 2 * DAY] : [now - 30 * DAY, now];
  const common = { range, marks, onsets, transplantDays };

  const markList = document.getElementById('marks');
  markList.replaceChildren(...timeline.treatments.map((t) => {
    const item = document.createElement('li');
    item.dataset.type = t.type;
    item.style.borderColor = MARK_COLOURS[t.type] || '#334155';
    item.textContent = `${MARK_NAMES[t.type] || t.type} — ${t.date}${t.detail ? ' (' + t.detail + ')' : ''}`;
    return item;
  }));
  if (!timeline.treatments.length) {
    markList.innerHTML = '<li class="none">No transplant or cellular therapy registered.</li>';
  }

  const container = document.getElementById('charts');
  container.replaceChildren();
  charts.length = 0;

  const anc = byCode(timeline, CODES.anc);
  const platelets = byCode(timeline, CODES.platelets);
  plot(container, Object.assign({
    name: 'counts', title: 'Blood counts', note: 'ANC (left, ×10⁹/L) and platelets (right, ×10⁹/L)',
    series: [line('ANC ×10⁹/L', '#2563eb', 'anc'), line('Platelets ×10⁹/L', '#16a34a', 'platelets')],
    data: aligned([anc.points, platelets.points]),
    scales: { anc: { range: (u, min, max) => [0, Math.max(2, (max || 0) * 1.1)] }, platelets: { range: (u, min, max) => [0, Math.max(50, (max || 0) * 1.1)] } },
    axes: [{ scale: 'anc', label: 'ANC' }, { scale: 'platelets', side: 1, label: 'Platelets', grid: { show: false } }],
  }, common));

  plot(container, Object.assign({
    name: 'chimerism', title: 'Donor chimerism', note: 'donor share per lineage and graft source, %',
    series: timeline.chimerism.map((s, i) => line(`${s.name.replace('Donor chimerism, ', '')} · ${s.source || 'total'}`,
      PALETTE[i % PALETTE.length], '%')),
    data: aligned(timeline.chimerism.map((s) => s.points)),
    scales: { '%': { range: [0, 100] } },
    axes: [{ scale: '%', label: '%' }],
  }, common));

  const temperature = byCode(timeline, CODES.temperature);
  const map = byCode(timeline, CODES.map);
  const lactate = byCode(timeline, CODES.lactate);
  plot(container, Object.assign({
    name: 'vitals', title: 'Temperature · MAP · lactate', note: 'temperature (left, °C); MAP (mmHg) and lactate (mmol/L) on the right',
    series: [line('Temperature °C', '#dc2626', 'temperature'), line('MAP mmHg', '#7c3aed', 'map'), line('Lactate mmol/L', '#0891b2', 'lactate')],
    data: aligned([temperature.points, map.points, lactate.points]),
    scales: {
      temperature: { range: (u, min, max) => [Math.min(35, min || 35), Math.max(40, max || 40)] },
      map: { range: (u, min, max) => [Math.min(40, min || 40), Math.max(120, max || 120)] },
      lactate: { range: (u, min, max) => [0, Math.max(6, (max || 0) * 1.1)] },
    },
    axes: [{ scale: 'temperature', label: '°C' }, { scale: 'map', side: 1, label: 'MAP', grid: { show: false } },
      { scale: 'lactate', side: 1, label: 'lactate', grid: { show: false } }],
  }, common));

  plot(container, Object.assign({
    name: 'gvhd', title: 'Acute GVHD', note: 'MAGIC grade at each onset and flare (a course back to grade 0 is not dated yet)',
    series: [line('MAGIC grade', '#be123c', 'grade', { paths: uPlot.paths.stepped({ align: 1 }) })],
    data: aligned([timeline.gvhd.filter((g) => g.grade != null).map((g) => ({ at: g.at, value: g.grade }))]),
    scales: { grade: { range: [0, 4] } },
    axes: [{ scale: 'grade', label: 'grade', splits: () => [0, 1, 2, 3, 4], values: (u, v) => v.map((g) => ['0', 'I', 'II', 'III', 'IV'][g]) }],
  }, common));

  const onsetRows = document.querySelector('#onsets tbody');
  onsetRows.replaceChildren(...timeline.alerts.map((a) => {
    const row = document.createElement('tr');
    row.className = 'severity-' + a.severity.toLowerCase();
    [formatTime(a.onsetAt), a.severity, a.status, a.kind.replace(/_/g, ' ').toLowerCase(), a.summary].forEach((text) => {
      const td = row.insertCell();
      td.textContent = text || '';
    });
    return row;
  }));
  document.body.dataset.timeline = 'drawn';
}

async function load() {
  document.body.dataset.timeline = 'loading';
  if (!patientId) {
    showMessage('No patient given: open a timeline from the alert list.');
    return;
  }
  try {
    render(await getJson('/api/patients/' + encodeURIComponent(patientId) + '/timeline'));
    showMessage('');
  } catch (e) {
    document.body.dataset.timeline = 'failed';
    showMessage('The timeline could not be loaded: ' + e.message);
  }
}

window.addEventListener('resize', () => {
  charts.forEach(({ plot: chart }) => chart.setSize({ width: Math.max(360, chart.root.parentElement.clientWidth), height: 210 }));
});
mountSignIn(document.getElementById('signin-root'));
onTokenChange(load);
load();
