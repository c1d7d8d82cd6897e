// Home dashboard, ranking and wall chart: the numbers come from the dashboard/ranking API
// (same origin, session cookie); this script only draws them. Text goes in with textContent,
// never innerHTML, so nothing from the data can become markup.
(function () {
    'use strict';
    const i18n = (document.getElementById('i18n') || {dataset: {}}).dataset;
    const labels = {};
    for (const li of document.querySelectorAll('#labels [data-key]')) labels[li.dataset.key] = li.textContent;
    const label = (key, fallback) => labels[key] || fallback;

    async function getJson(url) {
        const response = await fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'});
        if (!response.ok) throw new Error(url + ' answered ' + response.status);
        return response.json();
    }

    function percent(rate) {
        return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + '%';
    }

    // No animation: the figures are there at once (printouts, screenshots, slow workstations).
    function chart(id) {
        const el = document.getElementById(id);
        if (!el || typeof echarts === 'undefined') return null;
        const c = echarts.getInstanceByDom(el) || echarts.init(el);
        const slim = series => (series || []).map(s => s.type === 'bar' ? Object.assign({barMaxWidth: 48}, s) : s);
        return {setOption: (option, replace) =>
                c.setOption(Object.assign({animation: false}, option, {series: slim(option.series)}), replace)};
    }

    function status(text, failed) {
        const el = document.getElementById('dashboard-status');
        if (!el) return;
        el.textContent = text;
        el.classList.toggle('error', !!failed);
    }

    function query(form) {
        const params = new URLSearchParams();
        if (form) for (const el of form.elements) if (el.name && el.value) params.set(el.name, el.value);
        const s = params.toString();
        return s ? '?' + s : '';
    }

    async function home() {
        const form = document.getElementById('dashboard-filter');
        const q = query(form);
        try {
            const d = await getJson('/api/dashboard' + q);
            for (const [k, v] of Object.entries(d.counts || {})) {
                const el = document.getElementById('count-' + k);
                if (el) el.textContent = String(v);
            }
            for (const [k, v] of Object.entries(d.rates || {})) {
                const el = document.getElementById('rate-' + k);
                if (el) el.textContent = percent(v);
            }
            const c = d.cycleTimeDays || {};
            document.getElementById('cycle-time').textContent =
                (c.median == null ? '–' : c.median.toFixed(1)) + ' / ' + (c.p90 == null ? '–' : c.p90.toFixed(1));
            const departments = d.byDepartment || [];
            const byDept = chart('chart-departments');
            if (byDept) byDept.setOption({
                tooltip: {}, legend: {}, grid: {containLabel: true},
                xAxis: {type: 'category', data: departments.map(x => x.name || x.department), axisLabel: {rotate: 30}},
                yAxis: {type: 'value', minInterval: 1},
                series: [{name: i18n.open, type: 'bar', data: departments.map(x => x.counts.open)},
                         {name: i18n.overdue, type: 'bar', data: departments.map(x => x.counts.overdue)}]
            }, true);
            const ageing = chart('chart-ageing');
            if (ageing) ageing.setOption({
                tooltip: {}, grid: {containLabel: true},
                xAxis: {type: 'category', data: (d.overdueAgeing || []).map(b => b.label)},
                yAxis: {type: 'value', minInterval: 1},
                series: [{name: i18n.overdue, type: 'bar', data: (d.overdueAgeing || []).map(b => b.count)}]
            }, true);
            status('', false);
            document.body.dataset.dashboardLoaded = 'true';
        } catch (e) {
            status(i18n.unavailable + ' (' + e.message + ')', true);
            document.body.dataset.dashboardLoaded = 'failed';
        }
        try {
            const t = await getJson('/api/dashboard/trends' + q);
            const months = t.months || [];
            const trends = chart('chart-trends');
            if (trends) trends.setOption({
                tooltip: {trigger: 'axis'}, legend: {}, grid: {containLabel: true},
                xAxis: {type: 'category', data: months.map(m => m.month)},
                yAxis: {type: 'value', minInterval: 1},
                series: [{name: i18n.raised, type: 'line', data: months.map(m => m.raised)},
                         {name: i18n.closed, type: 'line', data: months.map(m => m.closed)}]
            }, true);
        } catch (e) {
            // The trend chart stays empty; the counts above are what matters most.
        }
    }

    function cell(row, text) {
        const td = document.createElement('td');
        td.textContent = text;
        row.appendChild(td);
        return td;
    }

    async function rankings() {
        const form = document.getElementById('ranking-filter');
        const body = document.querySelector('#ranking-table tbody');
        try {
            const q = query(form);
            for (const [id, format] of [['export-xlsx', 'xlsx'], ['export-csv', 'csv']]) {
                const a = document.getElementById(id);
                if (a) a.href = '/api/rankings/export' + q + (q ? '&' : '?') + 'format=' + format;
            }
            const r = await getJson('/api/rankings' + q);
            body.textContent = '';
            for (const d of r.departments || []) {
                const row = document.createElement('tr');
                row.dataset.department = d.department;
                cell(row, String(d.rank));
                cell(row, d.name || d.department);
                cell(row, String(d.records));
                cell(row, percent(d.response));
                cell(row, percent(d.resolution));
                cell(row, percent(d.satisfaction));
                cell(row, d.composite.toFixed(3));
                cell(row, (d.flags || []).map(f => label('flag.' + f, f)).join(' · '));
                body.appendChild(row);
            }
            const w = r.weights || {};
            document.getElementById('ranking-weights').textContent =
                'w=' + w.w + ' a=' + w.a + ' b=' + w.b + ' c=' + w.c + ' (' + (w.version === undefined ? '' : 'v' + w.version) + ')';
            const c = chart('chart-ranking');
            const list = r.departments || [];
            if (c) c.setOption({
                tooltip: {}, grid: {containLabel: true},
                xAxis: {type: 'value', max: 1},
                yAxis: {type: 'category', inverse: true, data: list.map(d => d.name || d.department)},
                series: [{type: 'bar', data: list.map(d => d.composite)}]
            }, true);
            status('', false);
            document.body.dataset.dashboardLoaded = 'true';
        } catch (e) {
            status(i18n.unavailable + ' (' + e.message + ')', true);
            document.body.dataset.dashboardLoaded = 'failed';
        }
    }

    const COLOURS = {NONE: '#9aa5b1', BLUE: '#2f80ed', YELLOW: '#f2c94c', RED: '#eb5757'};

    async function wall() {
        const board = document.getElementById('wall-board');
        try {
            const w = await getJson('/api/dashboard/wall');
            board.textContent = '';
            const columns = w.departments || [];
            for (const col of columns) {
                const column = document.createElement('section');
                column.className = 'wall-column';
                column.dataset.department = col.department;
                const h = document.createElement('h2');
                h.textContent = (col.name || col.department) + ' (' + (col.issues || []).length + ')';
                column.appendChild(h);
                for (const card of col.issues || []) {
                    const a = document.createElement('a');
                    a.className = 'wall-card';
                    a.href = '/issues/' + encodeURIComponent(card.id);
                    a.style.borderLeftColor = COLOURS[card.escalation] || COLOURS.NONE;
                    a.textContent = card.title;
                    const small = document.createElement('small');
                    small.textContent = ' ' + label('status.' + card.status, card.status) + (card.dueDate ? ' · ' + card.dueDate : '')
                        + (card.overdue ? ' · ⚠' : '');
                    a.appendChild(small);
                    column.appendChild(a);
                }
                board.appendChild(column);
            }
            const c = chart('chart-wall');
            const levels = ['NONE', 'BLUE', 'YELLOW', 'RED'];
            if (c) c.setOption({
                tooltip: {}, legend: {}, grid: {containLabel: true},
                xAxis: {type: 'category', data: columns.map(x => x.name || x.department), axisLabel: {rotate: 30}},
                yAxis: {type: 'value', minInterval: 1},
                series: levels.map(l => ({name: label('escalation.' + l, l), type: 'bar', stack: 'all', itemStyle: {color: COLOURS[l]},
                    data: columns.map(x => (x.byEscalation || {})[l] || 0)}))
            }, true);
            status('', false);
            document.body.dataset.dashboardLoaded = 'true';
        } catch (e) {
            status(i18n.unavailable + ' (' + e.message + ')', true);
            document.body.dataset.dashboardLoaded = 'failed';
        }
    }

    const page = (document.querySelector('main[data-page]') || {dataset: {}}).dataset.page;
    const run = {home: home, rankings: rankings, wall: wall}[page];
    if (run) {
        run();
        for (const form of document.querySelectorAll('form.filters')) {
            form.addEventListener('change', run);
            form.addEventListener('submit', e => { e.preventDefault(); run(); });
        }
        window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach(el => {
            const c = echarts.getInstanceByDom(el);
            if (c) c.resize();
        }));
    }
})();
