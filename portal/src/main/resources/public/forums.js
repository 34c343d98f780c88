(function () {
  'use strict';
  const A = window.App;
  A.header('forums');

  async function load() {
    const [reference, text] = await Promise.all([A.call('GET', '/api/v1/reference'), A.contentText()]);
    reference.text = text;
    const names = {};
    reference.municipalities.forEach(function (m) { names[m.code] = m.name; });
    const forums = await A.call('GET', '/api/v1/forums');
    const body = document.querySelector('#forums tbody');
    body.textContent = '';
    forums.forEach(function (f) {
      const link = A.el('a', { href: '/forum.html?id=' + f.id, text: text(f.title) });
      body.appendChild(A.el('tr', {}, [A.el('td', { text: A.date(f.heldOn) }), A.el('td', { text: names[f.municipalityCode] || f.municipalityCode }),
        A.el('td', {}, [link]), A.el('td', { text: f.organisers.join(', ') })]));
    });
    window.ForumForm.build(document.getElementById('forum-form'), reference, null, function (b) {
      return A.call('POST', '/api/v1/forums', b).then(function (saved) { window.location.href = '/forum.html?id=' + saved.id; });
    });
  }
  load().catch(A.fail);
})();
