// Administration: accounts (create, disable or enable, reset a password), a backup now, the audit trail. Each part shows
// only if the signed-in role has its capability; the server checks every call again.
(function () {
  'use strict';
  const A = window.App;
  const ROLES = ['national_coordinator', 'ministry_statistician', 'regional_committee', 'partner_organisation', 'data_manager',
    'data_clerk', 'administrator'];

  function users(reference) {
    const body = document.querySelector('#users tbody');
    A.call('GET', '/api/v1/admin/users').then(function (list) {
      body.textContent = '';
      list.forEach(function (u) {
        const toggle = A.el('button', { type: 'button', class: 'link-dark', text: A.t(u.disabled ? 'admin.enable' : 'admin.disable') });
        toggle.addEventListener('click', function () {
          A.call('PUT', '/api/v1/admin/users/' + encodeURIComponent(u.username), { username: u.username, displayName: u.displayName,
            role: u.role, county: u.county, institution: u.institution, disabled: !u.disabled, version: u.version })
            .then(function () { users(reference); }).catch(A.fail);
        });
        const reset = A.el('button', { type: 'button', class: 'link-dark', text: A.t('admin.reset') });
        reset.addEventListener('click', function () {
          const password = window.prompt(A.t('admin.firstPassword'));
          if (!password) { return; }
          A.call('POST', '/api/v1/admin/users/' + encodeURIComponent(u.username) + '/password', { password: password })
            .then(function () { users(reference); }).catch(A.fail);
        });
        body.appendChild(A.el('tr', {}, [A.el('td', { text: u.username }), A.el('td', { text: u.displayName }),
          A.el('td', { text: A.t('role.' + u.role) }), A.el('td', { text: u.county || u.institution || '' }),
          A.el('td', { text: A.t(u.disabled ? 'admin.disabled' : u.mustChangePassword ? 'admin.mustChange' : 'admin.active') }),
          A.el('td', {}, [toggle, ' ', reset])]));
      });
    }).catch(A.fail);
  }

  function userForm(reference) {
    const form = document.getElementById('user-form');
    const role = form.elements.role;
    ROLES.forEach(function (r) { role.appendChild(A.el('option', { value: r, text: A.t('role.' + r) })); });
    const county = form.elements.county;
    county.appendChild(A.el('option', { value: '', text: '–' }));
    reference.counties.forEach(function (c) { county.appendChild(A.el('option', { value: c.code, text: c.name })); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const e = form.elements;
      A.call('POST', '/api/v1/admin/users', { username: e.username.value, displayName: e.displayName.value, role: e.role.value,
        county: e.county.value || null, institution: e.institution.value || null, password: e.password.value })
        .then(function () { A.showErrors(form, null); form.reset(); users(reference); })
        .catch(function (err) { A.showErrors(form, err); });
    });
  }

  function audit() {
    const body = document.querySelector('#audit tbody');
    A.call('GET', '/api/v1/admin/audit?limit=500').then(function (events) {
      body.textContent = '';
      events.forEach(function (e) {
        body.appendChild(A.el('tr', {}, [A.el('td', { text: e.at }), A.el('td', { text: e.actor }), A.el('td', { text: e.event }),
          A.el('td', { text: e.what || '' }), A.el('td', { text: e.details || '' }), A.el('td', { text: e.remote || '' }),
          A.el('td', { text: e.outcome })]));
      });
    }).catch(A.fail);
  }

  document.addEventListener('DOMContentLoaded', function () {
    A.header('admin');
    A.session().then(function (s) {
      if (!s.user) { const e = new Error(''); e.status = 401; A.fail(e); return; }
      if (A.can(s, 'manage_users')) {
        document.getElementById('users-section').hidden = false;
        A.call('GET', '/api/v1/reference').then(function (reference) { userForm(reference); users(reference); }).catch(A.fail);
      }
      if (A.can(s, 'take_backups')) {
        document.getElementById('backup-section').hidden = false;
        document.getElementById('backup').addEventListener('click', function () {
          A.call('POST', '/api/v1/admin/forum-backups').then(function (b) {
            document.getElementById('backup-status').textContent = A.t('admin.backupDone') + ' ' + b.file;
            audit();
          }).catch(A.fail);
        });
      }
      if (A.can(s, 'read_audit')) {
        document.getElementById('audit-section').hidden = false;
        audit();
      }
    });
  });
})();
