// The pages' commands: every <form class="command" data-endpoint="/api/..."> is sent as JSON to
// the command API with the session cookie and the CSRF token. A refusal (problem+json) is shown
// in #action-message with its title, detail and stable code; on success the issue page reloads
// with minVersion=<answered version>, so the read model has caught up before it renders
// (forms marked data-after="reload", e.g. marking a notification read, just reload their page).
(function () {
    'use strict';

    function meta(name) {
        const m = document.querySelector('meta[name="' + name + '"]');
        return m ? m.getAttribute('content') : null;
    }

    function setPath(target, path, value) {
        const parts = path.split('.');
        let o = target;
        for (let i = 0; i < parts.length - 1; i++) {
            o[parts[i]] = o[parts[i]] || {};
            o = o[parts[i]];
        }
        o[parts[parts.length - 1]] = value;
    }

    function bodyOf(form) {
        const body = {};
        for (const el of form.elements) {
            if (!el.name || el.disabled) continue;
            const raw = el.value;
            const kind = el.dataset.kind || 'text';
            if (kind === 'list') {
                const items = raw.split('\n').map(s => s.trim()).filter(s => s.length > 0);
                if (items.length) setPath(body, el.name, items);
                continue;
            }
            if (kind === 'milestones') {
                // one per line: "YYYY-MM-DD title"; a line without a leading date goes as a title only,
                // so the command side's refusal names what is missing
                const items = raw.split('\n').map(s => s.trim()).filter(s => s.length > 0).map(line => {
                    const m = line.match(/^(\d{4}-\d{2}-\d{2})\s+(.*)$/);
                    return m ? {dueDate: m[1], title: m[2]} : {title: line};
                });
                if (items.length) setPath(body, el.name, items);
                continue;
            }
            if (raw === '') continue;
            let value = raw;
            if (kind === 'number') value = Number(raw);
            else if (kind === 'boolean') value = raw === 'true';
            else if (kind === 'instant') value = new Date(raw).toISOString();
            setPath(body, el.name, value);
        }
        return body;
    }

    function show(box, problem, status) {
        box.textContent = '';
        const title = document.createElement('strong');
        title.textContent = problem.title || ('HTTP ' + status);
        box.appendChild(title);
        if (problem.detail) box.appendChild(document.createTextNode(' ' + problem.detail));
        if (problem.code) {
            const code = document.createElement('code');
            code.className = 'problem-code';
            code.textContent = problem.code;
            box.appendChild(document.createTextNode(' '));
            box.appendChild(code);
        }
        if (Array.isArray(problem.errors)) {
            const list = document.createElement('ul');
            for (const e of problem.errors) {
                const li = document.createElement('li');
                li.textContent = e.field + ': ' + e.message;
                list.appendChild(li);
            }
            box.appendChild(list);
        }
        box.hidden = false;
        box.scrollIntoView({block: 'nearest'});
    }

    async function send(form, event) {
        event.preventDefault();
        const box = document.getElementById('action-message');
        const button = form.querySelector('button[type="submit"]');
        if (button) button.disabled = true;
        box.hidden = true;
        const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
        const header = meta('_csrf_header'), token = meta('_csrf');
        if (header && token) headers[header] = token;
        try {
            const response = await fetch(form.dataset.endpoint, {
                method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(bodyOf(form))
            });
            let answer = {};
            try { answer = await response.json(); } catch (ignored) { /* an empty or non-JSON body */ }
            if (!response.ok) {
                show(box, answer, response.status);
                return;
            }
            if (form.dataset.after === 'reload') {
                window.location.reload();
                return;
            }
            const id = answer.id || (document.getElementById('issue-page') || {dataset: {}}).dataset.issueId;
            window.location.assign('/issues/' + encodeURIComponent(id) + '?minVersion=' + encodeURIComponent(answer.version));
        } catch (failure) {
            show(box, {title: 'Network error', detail: String(failure)}, 0);
        } finally {
            if (button) button.disabled = false;
        }
    }

    document.addEventListener('submit', function (event) {
        const form = event.target;
        if (form instanceof HTMLFormElement && form.classList.contains('command')) send(form, event);
    });

    // htmx requests (the issue list's filters) carry the CSRF header too, should one ever post.
    document.addEventListener('htmx:configRequest', function (event) {
        const header = meta('_csrf_header'), token = meta('_csrf');
        if (header && token) event.detail.headers[header] = token;
    });
})();
