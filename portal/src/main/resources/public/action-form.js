// The action form, for a new action of a forum and for editing one.
(function () {
  'use strict';
  const A = window.App;

  function select(name, options, value) {
    const s = A.el('select', { name: name, id: 'a-' + name });
    options.forEach(function (o) {
      const option = A.el('option', { value: o[0], text: o[1] });
      if (o[0] === value) { option.selected = true; }
      s.appendChild(option);
    });
    return s;
  }

  function field(form, name, labelKey, input) {
    form.appendChild(A.el('div', { class: 'field' }, [A.el('label', { for: 'a-' + name, text: A.t(labelKey) }), input,
      A.el('span', { class: 'field-error', 'data-error-for': name })]));
  }

  /** forum: the forum the action answers; action: the action when editing, else null. */
  function build(form, reference, forum, action, onSave) {
    form.textContent = '';
    // Labels in the chosen language (a finding's translation, an institution's Albanian name); values as stored.
    const shown = reference.text || function (s) { return s; };
    const text = A.el('textarea', { name: 'text', id: 'a-text', rows: 3 });
    text.value = action ? action.text : '';
    field(form, 'text', 'action.text', text);
    field(form, 'finding', 'action.finding', select('finding', [['', '–']].concat(forum.findings.map(function (f) { return [f, shown(f)]; })),
      action ? action.finding : ''));
    // One of the reference list: a partner organisation's account follows up the actions of its own institution.
    const institution = A.el('select', { name: 'responsibleInstitution', id: 'a-responsibleInstitution' }, [A.el('option', { value: '', text: '–' })]);
    (reference.institutions || []).forEach(function (i) { institution.appendChild(A.el('option', { value: i.name, text: A.institutionName(reference, i.name) })); });
    institution.value = action ? action.responsibleInstitution : '';
    field(form, 'responsibleInstitution', 'action.institution', institution);
    field(form, 'county', 'action.county', select('county', [['', '–']].concat(reference.counties.map(function (c) { return [c.code, c.name]; })),
      action ? action.countyCode : ''));
    const due = A.el('input', { name: 'dueDate', id: 'a-dueDate', type: 'date' });
    due.value = action ? action.dueDate : '';
    field(form, 'dueDate', 'action.dueDate', due);
    const box = A.el('fieldset', { id: 'a-indicators' }, [A.el('legend', { text: A.t('action.indicators') })]);
    reference.indicators.forEach(function (i) {
      const check = A.el('input', { type: 'checkbox', name: 'indicators', value: i, id: 'a-ind-' + i });
      check.checked = !!(action && action.indicators.indexOf(i) >= 0);
      box.appendChild(A.el('label', { for: 'a-ind-' + i }, [check, ' ' + ((reference.indicatorNames || {})[i] || i)]));
    });
    form.appendChild(A.el('div', { class: 'field' }, [box, A.el('span', { class: 'field-error', 'data-error-for': 'indicators' })]));
    form.appendChild(A.el('span', { class: 'field-error', 'data-error-for': 'forumId' }));
    form.appendChild(A.el('button', { type: 'submit', text: A.t('form.save') }));
    form.appendChild(A.el('p', { class: 'form-status', role: 'status' }));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const e = form.elements;
      const indicators = Array.prototype.filter.call(form.querySelectorAll('input[name=indicators]'), function (c) { return c.checked; })
        .map(function (c) { return c.value; });
      const body = { forumId: forum.id, text: e.text.value, finding: e.finding.value, responsibleInstitution: e.responsibleInstitution.value,
        county: e.county.value, dueDate: e.dueDate.value, indicators: indicators,
        version: action ? action.version : null };
      onSave(body).then(function () { A.showErrors(form, null); }).catch(function (err) { A.showErrors(form, err); });
    });
  }

  window.ActionForm = { build: build };
})();
