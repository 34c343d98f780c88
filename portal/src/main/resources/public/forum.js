(function () {
  'use strict';
  const A = window.App;
  A.header('forums');
  const id = A.query.get('id');

  function facts(forum, names, text) {
    const dl = document.getElementById('forum-facts');
    dl.textContent = '';
    const add = function (key, value) {
      dl.appendChild(A.el('dt', { text: A.t(key) }));
      const dd = A.el('dd');
      if (Array.isArray(value)) {
        const list = A.el('ul');
        value.forEach(function (v) { list.appendChild(A.el('li', { text: text(v) })); });
        dd.appendChild(list);
      } else { dd.textContent = text(value || ''); }
      dl.appendChild(dd);
    };
    dl.appendChild(A.el('dt', { text: A.t('forum.heldOn') }));
    dl.appendChild(A.el('dd', { text: A.date(forum.heldOn) }));
    dl.appendChild(A.el('dt', { text: A.t('forum.municipality') }));
    dl.appendChild(A.el('dd', { text: names[forum.municipalityCode] || forum.municipalityCode }));
    add('forum.context', forum.context);
    add('forum.organisers', forum.organisers);
    add('forum.objectives', forum.objectives);
    add('forum.institutions', forum.institutions);
    add('forum.findings', forum.findings);
    add('forum.sourceNote', forum.sourceNote);
  }

  async function load() {
    const [reference, text] = await Promise.all([A.call('GET', '/api/v1/reference'), A.contentText()]);
    reference.indicatorNames = await A.indicatorNames();
    reference.text = text;
    const names = {};
    reference.municipalities.forEach(function (m) { names[m.code] = m.name; });
    const forum = await A.call('GET', '/api/v1/forums/' + encodeURIComponent(id));
    document.getElementById('forum-title').textContent = text(forum.title);
    facts(forum, names, text);
    const translated = text(forum.title) !== forum.title;
    document.getElementById('forum-translated').hidden = !translated || !A.t('forum.translated');
    document.getElementById('forum-translated').textContent = A.t('forum.translated');
    const actions = await A.call('GET', '/api/v1/actions?forum=' + encodeURIComponent(id));
    const body = document.querySelector('#forum-actions tbody');
    actions.forEach(function (a) {
      const cells = [A.el('td', {}, [A.el('a', { href: '/action.html?id=' + a.id, text: text(a.text) })].concat(
        a.example ? [A.el('span', { class: 'badge', text: A.t('action.example') })] : [])),
        A.el('td', { text: A.institutionName(reference, a.responsibleInstitution) }), A.el('td', { text: A.date(a.dueDate) }),
        A.el('td', { text: A.t('st.' + a.status) + (a.overdue ? ' · ' + A.t('action.overdue') : '') })];
      body.appendChild(A.el('tr', { class: a.overdue ? 'overdue' : '' }, cells));
    });
    window.ActionForm.build(document.getElementById('action-form'), reference, forum, null, function (b) {
      return A.call('POST', '/api/v1/actions', b).then(function (saved) { window.location.href = '/action.html?id=' + saved.id; });
    });
    window.ForumForm.build(document.getElementById('forum-form'), reference, forum, function (b) {
      return A.call('PUT', '/api/v1/forums/' + forum.id, b).then(function () { window.location.reload(); });
    });
  }
  load().catch(A.fail);
})();
