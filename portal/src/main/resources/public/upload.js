// A data clerk sends the month's files of the county, one request per file (the file itself as the body), and reads a
// receipt for each: accepted and when its figures are published, refused with the reason, or, after the ingestion run,
// the rows loaded and the rows quarantined by rule. Never a value from a file. The server checks every call again.
(function () {
  'use strict';
  const A = window.App;

  function receiptCell(r) {
    const cell = A.el('td', {}, [A.el('span', { class: 'receipt-message', text: r.message[A.lang()] || r.message.sq })]);
    if (r.quarantined && r.quarantined.length) {
      cell.appendChild(A.el('span', { class: 'receipt-rules-title', text: ' ' + A.t('upload.quarantined') }));
      cell.appendChild(A.el('ul', { class: 'receipt-rules' }, r.quarantined.map(function (q) {
        return A.el('li', { text: (q.text[A.lang()] || q.rule) + ' (' + q.rule + '): ' + A.number(q.rows) });
      })));
    }
    return cell;
  }

  function row(r) {
    return A.el('tr', { class: 'receipt state-' + r.state }, [A.el('td', { text: (r.receivedAt || '').replace('T', ' ').substring(0, 16) }),
      A.el('td', { text: r.fileName }), A.el('td', { text: A.t('upload.state.' + r.state) }), receiptCell(r)]);
  }

  function receipts() {
    return A.call('GET', '/api/v1/uploads').then(function (answer) {
      document.getElementById('next-run').textContent = A.t('upload.nextRun') + ' ' + answer.nextRun + ' · ' + A.t('upload.county') + ' '
        + answer.county + ' · ' + A.t('upload.max') + ' ' + A.number(Math.round(answer.maxUploadBytes / 1024)) + ' KB';
      const body = document.querySelector('#receipts tbody');
      body.textContent = '';
      answer.receipts.forEach(function (r) { body.appendChild(row(r)); });
    });
  }

  /** Sends one file; a refused file answers 422 with its receipt, which is shown like any other. */
  async function send(file) {
    const s = await A.session();
    const response = await fetch('/api/v1/uploads?name=' + encodeURIComponent(file.name), { method: 'POST', body: file,
      headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': s.csrfToken || '' } });
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch (e) { json = { error: text }; }
    if (response.status !== 201 && response.status !== 422) {
      const error = new Error((json && json.error) || ('HTTP ' + response.status));
      error.status = response.status;
      throw error;
    }
    return json;
  }

  document.addEventListener('DOMContentLoaded', function () {
    A.header('upload');
    A.session().then(function (s) {
      if (!A.can(s, 'upload_files_county')) {
        A.fail({ status: s.user ? 403 : 401, message: A.t('upload.notClerk') });
        return;
      }
      document.getElementById('upload-section').hidden = false;
      const form = document.getElementById('upload-form');
      const status = form.querySelector('.form-status');
      form.addEventListener('submit', async function (event) {
        event.preventDefault();
        const files = Array.from(form.elements.files.files);
        if (!files.length) { status.textContent = A.t('upload.none'); status.className = 'form-status error'; return; }
        let refused = 0;
        for (const file of files) {
          status.textContent = A.t('upload.sending') + ' ' + file.name;
          status.className = 'form-status';
          try {
            const r = await send(file);
            if (r.outcome === 'REFUSED') { refused++; }
          } catch (e) {
            status.textContent = A.t('error.load') + e.message;
            status.className = 'form-status error';
            return;
          }
        }
        status.textContent = A.t('upload.done') + ' ' + (files.length - refused) + ' / ' + files.length;
        status.className = 'form-status ' + (refused ? 'error' : 'ok');
        form.reset();
        receipts().catch(A.fail);
      });
      receipts().catch(A.fail);
    });
  });
})();
