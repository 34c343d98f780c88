// Sign-in: username and password; after an administrator's reset, the person chooses their own password first. Then back
// to the page that asked (only a path of this portal, never another site).
(function () {
  'use strict';
  const A = window.App;

  /** Where to go after signing in: a page of this portal only (resolved as the browser would, tabs and newlines included). */
  function next() {
    try {
      const url = new URL(A.query.get('next') || '/', window.location.origin);
      return url.origin === window.location.origin ? url.pathname + url.search + url.hash : '/';
    } catch (e) {
      return '/';
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    A.header('');
    const form = document.getElementById('signin-form');
    const change = document.getElementById('password-form');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const status = form.querySelector('.form-status');
      fetch('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: form.elements.username.value, password: form.elements.password.value }) })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, status: r.status, body: body }; }); })
        .then(function (r) {
          if (!r.ok) {
            status.textContent = r.status === 401 ? A.t('account.wrong') : r.body.error;
            status.className = 'form-status error';
            return;
          }
          if (r.body.user.mustChangePassword) {
            form.hidden = true;
            change.hidden = false;
            change.elements.current.value = form.elements.password.value;
            change.dataset.token = r.body.csrfToken;
            return;
          }
          window.location.href = next();
        }).catch(A.fail);
    });
    change.addEventListener('submit', function (event) {
      event.preventDefault();
      fetch('/api/v1/session/password', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': change.dataset.token },
        body: JSON.stringify({ currentPassword: change.elements.current.value, newPassword: change.elements.newPassword.value }) })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, status: r.status, body: body }; }); })
        .then(function (r) {
          if (r.ok) { window.location.href = next(); return; }
          const err = new Error(r.body.error); err.status = r.status; err.body = r.body;
          A.showErrors(change, err);
        }).catch(A.fail);
    });
  });
})();
