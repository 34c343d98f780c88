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

  /**
   * For those who may edit the forum: each of its texts and its actions' texts as typed, with what it reads in Albanian
   * and in English (PUT /api/v1/forums/{id}/translations; a blank field removes a translation).
   */
  async function translations(forum, actions, reference) {
    const s = await A.session();
    const place = (reference.municipalities || []).filter(function (m) { return m.code === forum.municipalityCode; })[0];
    const ownCounty = A.can(s, 'edit_actions_county') && s.user && place && s.user.county === place.countyCode;
    // Offered only to whom may edit this forum (the portal checks again, and every county holding the same words).
    if (!(A.can(s, 'edit_actions_any') || ownCounty)) { return; }
    const [sq, en] = await Promise.all([A.call('GET', '/api/v1/translations?language=sq'), A.call('GET', '/api/v1/translations?language=en')]);
    const box = document.getElementById('translations');
    const texts = [];
    const add = function (key, value) { if (value) { texts.push([key, value]); } };
    add('forum.title', forum.title);
    add('forum.context', forum.context);
    ['organisers', 'objectives', 'institutions', 'findings'].forEach(function (f) { (forum[f] || []).forEach(function (v) { add('forum.' + f, v); }); });
    add('forum.sourceNote', forum.sourceNote);
    actions.forEach(function (a) { add('forum.actionText', a.text); add('forum.actionFinding', a.finding); });
    // Keyed by what users typed: a Set and own properties only (a text such as "constructor" is no inherited property).
    const own = function (map, key) { return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : ''; };
    const seen = new Set();
    texts.forEach(function (entry, i) {
      if (seen.has(entry[1])) { return; }
      seen.add(entry[1]);
      const source = entry[1];
      const areas = {};
      const fields = ['sq', 'en'].map(function (language) {
        // As long as the portal accepts (ForumRules.translationLimit): three times the text, at least 200, at most 4,000.
        const area = A.el('textarea', { id: 'tr-' + i + '-' + language, rows: 2, 'data-language': language,
          maxlength: String(Math.min(4000, Math.max(200, 3 * source.length))) });
        area.value = own(language === 'sq' ? sq : en, source);
        areas[language] = area;
        return A.el('p', {}, [A.el('label', { for: area.id, text: A.t(language === 'sq' ? 'forum.inSq' : 'forum.inEn') }), area]);
      });
      const status = A.el('p', { class: 'note', role: 'status' });
      const button = A.el('button', { type: 'button', text: A.t('forum.saveTranslation') });
      button.addEventListener('click', async function () {
        status.textContent = '';
        try {
          for (const language of ['sq', 'en']) {
            const saved = (language === 'sq' ? sq : en);
            const typed = areas[language].value.trim();
            if (typed !== own(saved, source)) {
              const answer = await A.call('PUT', '/api/v1/forums/' + forum.id + '/translations',
                { source: source, language: language, translation: typed });
              saved[source] = answer.translation;
            }
          }
          status.textContent = A.t('forum.translationSaved');
        } catch (e) { status.textContent = e.message; }
      });
      box.appendChild(A.el('fieldset', { class: 'translation' }, [A.el('legend', { text: A.t(entry[0]) }),
        A.el('p', {}, [A.el('span', { class: 'label', text: A.t('forum.original') + ': ' }), A.el('q', { text: source })])]
        .concat(fields, [button, status])));
    });
    document.getElementById('translate-forum').hidden = false;
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
    await translations(forum, actions, reference);
    window.ActionForm.build(document.getElementById('action-form'), reference, forum, null, function (b) {
      return A.call('POST', '/api/v1/actions', b).then(function (saved) { window.location.href = '/action.html?id=' + saved.id; });
    });
    window.ForumForm.build(document.getElementById('forum-form'), reference, forum, function (b) {
      return A.call('PUT', '/api/v1/forums/' + forum.id, b).then(function () { window.location.reload(); });
    });
  }
  load().catch(A.fail);
})();
