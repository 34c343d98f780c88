// The forum form, for a new forum and for editing one: every field with its error slot beside it.
(function () {
  'use strict';
  const A = window.App;
  const FIELDS = [
    ['heldOn', 'forum.heldOn', 'date'], ['municipality', 'forum.municipality', 'municipality'], ['title', 'forum.title', 'text'],
    ['context', 'forum.context', 'area'], ['organisers', 'forum.organisers', 'list'], ['objectives', 'forum.objectives', 'list'],
    ['institutions', 'forum.institutions', 'list'], ['findings', 'forum.findings', 'list'], ['sourceNote', 'forum.sourceNote', 'text']
  ];

  function input(name, kind, reference) {
    if (kind === 'area' || kind === 'list') { return A.el('textarea', { name: name, id: 'f-' + name, rows: kind === 'list' ? 4 : 3 }); }
    if (kind === 'municipality') {
      const select = A.el('select', { name: name, id: 'f-' + name }, [A.el('option', { value: '', text: '–' })]);
      reference.municipalities.forEach(function (m) { select.appendChild(A.el('option', { value: m.code, text: m.name })); });
      return select;
    }
    return A.el('input', { name: name, id: 'f-' + name, type: kind === 'date' ? 'date' : 'text' });
  }

  /** Fills the form; onSave(body) returns a promise of the saved forum. */
  function build(form, reference, forum, onSave) {
    form.textContent = '';
    FIELDS.forEach(function (f) {
      const label = A.el('label', { for: 'f-' + f[0], text: A.t(f[1]) + (f[2] === 'list' ? ' (' + A.t('form.oneperline') + ')' : '') });
      const field = input(f[0], f[2], reference);
      if (forum) {
        const key = f[0] === 'municipality' ? 'municipalityCode' : f[0];
        const value = forum[key];
        if (Array.isArray(value)) { field.value = value.join('\n'); } else if (value) { field.value = value; }
      }
      form.appendChild(A.el('div', { class: 'field' }, [label, field, A.el('span', { class: 'field-error', 'data-error-for': f[0] })]));
    });
    form.appendChild(A.el('button', { type: 'submit', text: A.t('form.save') }));
    form.appendChild(A.el('p', { class: 'form-status', role: 'status' }));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const v = function (n) { return form.elements[n].value; };
      const body = {
        heldOn: v('heldOn'), municipality: v('municipality'), title: v('title'), context: v('context'),
        organisers: A.lines(v('organisers')), objectives: A.lines(v('objectives')), institutions: A.lines(v('institutions')),
        findings: A.lines(v('findings')), sourceNote: v('sourceNote'), version: forum ? forum.version : null
      };
      onSave(body).then(function (saved) { A.showErrors(form, null); return saved; })
        .catch(function (e) { A.showErrors(form, e); });
    });
  }

  window.ForumForm = { build: build };
})();
