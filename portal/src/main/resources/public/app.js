// Shared by every page: navigation, the language switch (Albanian by default, remembered in this
// browser), formatting in the chosen language, JSON calls with plain error messages, and form errors
// shown beside their fields. Text people typed is only ever inserted with textContent, never as HTML.
(function () {
  'use strict';
  const DICT = {
    sq: {
      'val.sex.F': 'Vajza', 'val.sex.M': 'Djem', 'val.sex.U': 'E panjohur', 'val.status.potential': 'Të mundshme', 'val.status.presumed': 'Të supozuara', 'val.status.identified': 'Të identifikuara zyrtarisht', 'val.direction.entry': 'Hyrje', 'val.direction.exit': 'Dalje', 'val.direction.inland': 'Brenda vendit', 'val.accompaniment.accompanied': 'I shoqëruar', 'val.accompaniment.unaccompanied': 'I pashoqëruar', 'val.accompaniment.separated': 'I ndarë', 'val.scope.internal': 'E brendshme', 'val.scope.transnational': 'Ndërkombëtare', 'val.exploitation_form.sexual': 'Seksuale', 'val.exploitation_form.labour': 'Punë e detyruar', 'val.exploitation_form.begging': 'Lypje', 'val.exploitation_form.criminality': 'Veprimtari kriminale', 'val.exploitation_form.forced_marriage': 'Martesë e detyruar', 'val.exploitation_form.other': 'Tjetër', 'val.service_type.shelter': 'Strehim', 'val.service_type.psychosocial': 'Psikosocial', 'val.service_type.legal': 'Ligjor', 'val.service_type.education': 'Arsim', 'val.service_type.health': 'Shëndet', 'val.service_type.reintegration': 'Riintegrim', 'val.crossing.not_recorded': 'Pa pikë kalimi (brenda vendit)', 'val.provider.state': 'Shtetëror', 'val.provider.ngo': 'OJF', 'val.first_mechanism.border': 'Policia Kufitare', 'val.first_mechanism.cpu': 'NjMF', 'val.first_mechanism.nrm': 'MKR', 'val.first_mechanism.services': 'Shërbimet', 'val.risk_category.child_on_the_move': 'Fëmijë në lëvizje', 'val.risk_category.street_situation': 'Në rrugë', 'val.risk_category.begging': 'Lypje', 'val.risk_category.child_labour': 'Punë e fëmijëve', 'val.risk_category.trafficking_risk': 'Rrezik trafikimi', 'val.risk_category.violence': 'Dhunë', 'val.risk_category.neglect': 'Neglizhim',
      'overview.tiles': 'Treguesit kryesorë: {from} – {to}, krahasuar me {bfrom} – {bto}', 'overview.trend': 'Tendenca',
      'overview.noChange': 'pa krahasim', 'overview.changePercent': '{change} % krahasuar me një vit më parë',
      'overview.changePoints': '{change} pikë përqindjeje krahasuar me një vit më parë', 'overview.better': 'më mirë', 'overview.worse': 'më keq',
      'overview.explore': 'Eksploro', 'overview.glance': '{source}: {received} të marra, {onTime} në kohë (12 muajt e fundit)',
      'nav.statistics': 'Statistikat', 'statistics.title': 'Tabelat statistikore', 'statistics.all': 'Të gjitha tabelat',
      'statistics.note': 'Tabela standarde për një vit ose tremujor. Çdo skedar mban versionin e të dhënave, datën e tyre, përkufizimet dhe shënimin për mbrojtjen e të dhënave; i njëjti version jep gjithmonë të njëjtin skedar.',
      'statistics.total': 'Gjithsej', 'statistics.stamp': 'Të dhënat: {snapshot}; treguesi: {indicator}.',
      'statistics.preparing': 'Po përgatitet skedari…', 'statistics.ready': 'Gati: {file}',
      'nav.convergence': 'Konvergjenca', 'convergence.title': 'Konvergjenca ndërmjet mekanizmave',
      'convergence.note': 'Ku humbasin fëmijët ndërmjet mekanizmave: fëmijët e takuar së pari nga një mekanizëm në periudhë, dhe cilët mekanizma të mëvonshëm i arritën.',
      'convergence.start': 'Takuar së pari nga', 'convergence.flow': 'Rruga ndërmjet mekanizmave', 'convergence.delays': 'Ditë nga kontakti i parë te identifikimi në MKR',
      'convergence.after': 'Nuk u pa më pas: {mechanism}', 'convergence.total': 'Fëmijë të takuar së pari: {children}.',
      'convergence.withheld': 'Të fshehura për mbrojtjen e fëmijëve (vizatuar gri, me shenjën x, me një gjerësi që nuk thotë sa janë): {flows}.', 'convergence.lostAt': 'Pjesa që nuk shkoi më tej pas: {mechanism}',
      'convergence.flowColumn': 'Rrjedha', 'convergence.children': 'Fëmijë', 'convergence.shareLost': 'Pjesa e humbur', 'convergence.days': 'Ditë',
      'convergence.median': 'Mediana: {days} ditë (treguesi i katalogut).',
      'convergence.lostShort': '{share} nuk shkuan më tej', 'convergence.overTime': 'Konvergjenca me kalimin e kohës, sipas qarkut',
      'convergence.overTimeNote': 'Treguesit e katalogut për rrugën e fëmijës ndërmjet mekanizmave, për çdo qark (vija e trashë: qarku i zgjedhur) dhe për Shqipërinë (vija e zezë e ndërprerë), sipas periudhës më të imët që ky version boton sipas qarkut.',
      'convergence.noDelayFromNrm': 'Duke nisur nga MKR-ja nuk ka vonesë deri te MKR-ja: zgjidhni Policinë Kufitare ose Njësitë për Mbrojtjen e Fëmijëve.',
      'nav.compare': 'Krahaso qarqet', 'nav.explorer': 'Eksploro', 'nav.completeness': 'Plotësia e të dhënave',
      'common.csv': 'Shkarko të dhënat (CSV)',
      'compare.title': 'Krahaso qarqet', 'compare.indicator': 'Treguesi', 'compare.period': 'Periudha', 'compare.county': 'Qarku',
      'compare.map': 'Harta e qarqeve', 'compare.map.note': 'Klikoni një qark për të parë bashkitë e tij.', 'compare.ranking': 'Renditja e qarqeve',
      'compare.table': 'Tabela dhe të dhënat', 'compare.range': 'Periudha: {range}.',
      'compare.unit.count': 'Numër.', 'compare.unit.percent': 'Përqindje.', 'compare.unit.rate_per_100k_residents': 'Për 100 000 banorë (regjistrimet e popullsisë).',
      'compare.unit.rate_per_10k_children': 'Për 10 000 fëmijë (mungon burimi i popullsisë së fëmijëve).',
      'compare.unit.rate_per_100k_children': 'Për 100 000 fëmijë (mungon burimi i popullsisë së fëmijëve).', 'compare.unit.median_days': 'Ditë (mediana).',
      'compare.national': 'Shqipëria: {value}', 'compare.albania': 'Shqipëria', 'compare.numerator': 'Numëruesi', 'compare.denominator': 'Emëruesi',
      'compare.status': 'Statusi', 'compare.municipalities': 'Bashkitë e qarkut {county}', 'compare.municipality': 'Bashkia',
      'compare.municipalities.note': 'Ky tregues nuk ndahet sipas bashkisë; tregohet: {indicator}.',
      'flag.DENOMINATOR_MISSING': 'mungon emëruesi', 'flag.NO_VALUE': 'pa vlerë',
      'explorer.title': 'Eksploro treguesit', 'explorer.by': 'Ndarë sipas', 'explorer.period': 'Periudhat', 'explorer.from': 'Nga', 'explorer.to': 'Deri',
      'explorer.pivot': 'Tabela', 'explorer.unknown': 'pa bashki të regjistruar (p.sh. në pikë kalimi)', 'explorer.albania': 'Shqipëria', 'explorer.source': 'Burimi: {source}.',
      'period.month': 'Muaj', 'period.quarter': 'Tremujor', 'period.year': 'Vit',
      'dim.sex': 'Gjinia', 'dim.age_band': 'Grupmosha', 'dim.citizenship': 'Shtetësia', 'dim.county': 'Qarku', 'dim.municipality': 'Bashkia',
      'dim.crossing': 'Pika e kalimit', 'dim.direction': 'Drejtimi', 'dim.accompaniment': 'Shoqërimi', 'dim.risk_category': 'Kategoria e rrezikut',
      'dim.status': 'Statusi', 'dim.exploitation_form': 'Forma e shfrytëzimit', 'dim.scope': 'E brendshme / ndërkombëtare',
      'dim.service_type': 'Lloji i shërbimit', 'dim.provider': 'Ofruesi', 'dim.first_mechanism': 'Mekanizmi i parë',
      'completeness.title': 'Plotësia e të dhënave', 'completeness.source': 'Burimi', 'completeness.heat': 'Dorëzimet sipas qarkut dhe muajit',
      'completeness.summary': 'Sipas burimit',
      'completeness.deadline': 'Në kohë: deri më {day} të muajit pasardhës.',
      'completeness.expected': 'Të pritura (me afat të kaluar)', 'completeness.received': 'Të marra', 'completeness.onTime': 'Në kohë', 'completeness.refused': 'Të refuzuara',
      'arrival.ON_TIME': 'në kohë', 'arrival.LATE': 'me vonesë', 'arrival.REFUSED': 'i refuzuar', 'arrival.MISSING': 'mungon',
      'source.border': 'Policia Kufitare', 'source.cpu': 'Njësitë për Mbrojtjen e Fëmijëve', 'source.nrm': 'Mekanizmi Kombëtar i Referimit',
      'source.services': 'Shërbimet sociale',
      'nav.menu': 'Menuja', 'nav.label': 'Menuja kryesore', 'nav.switchLanguage': 'Kaloni gjuhën në anglisht',
      'nav.overview': 'Përmbledhje', 'nav.forums': 'Forumet', 'nav.actions': 'Veprimet', 'nav.admin': 'Administrimi',
      'nav.upload': 'Dërgo skedarët', 'upload.help': 'Dërgoni skedarët e muajit për qarkun tuaj, të emërtuar <burimi>_<kodi i qarkut>_<vvvv-MM>.csv ose .xlsx (p.sh. nrm_AL-07_2026-10.csv). Çdo skedar kontrollohet me rregullat e dosjes hyrëse dhe merr një dëftesë; nga një skedar i refuzuar nuk ruhet asgjë.',
      'upload.files': 'Skedarët', 'upload.send': 'Dërgo', 'upload.receipts': 'Dëftesat', 'upload.when': 'Marrë më', 'upload.file': 'Skedari',
      'upload.state': 'Gjendja', 'upload.receipt': 'Dëftesa', 'upload.quarantined': 'Rreshta në karantinë sipas rregullit:',
      'upload.nextRun': 'Ngarkimi i radhës (ora e Tiranës):', 'upload.county': 'Qarku:', 'upload.max': 'Madhësia më e madhe e një skedari:',
      'upload.notClerk': 'Vetëm nëpunësit e të dhënave të një qarku dërgojnë skedarë.', 'upload.none': 'Zgjidhni të paktën një skedar.',
      'upload.sending': 'Po dërgohet', 'upload.done': 'U pranuan:',
      'upload.state.refused': 'refuzuar', 'upload.state.waiting': 'pranuar, në pritje të ngarkimit', 'upload.state.loaded': 'ngarkuar',
      'upload.state.nil_return': 'ngarkuar (pa raste)', 'upload.state.refused_at_run': 'refuzuar në ngarkim', 'upload.state.superseded': 'zëvendësuar',
      'account.signIn': 'Hyr', 'account.signOut': 'Dil', 'account.needed': 'Kjo faqe kërkon një llogari.',
      'account.username': 'Emri i përdoruesit', 'account.password': 'Fjalëkalimi', 'account.wrong': 'Emër përdoruesi ose fjalëkalim i gabuar.',
      'account.newPassword': 'Fjalëkalimi i ri (të paktën 12 shenja)', 'account.currentPassword': 'Fjalëkalimi i tanishëm',
      'account.mustChange': 'Zgjidhni një fjalëkalim tuajin para se të vazhdoni.', 'account.changePassword': 'Ndrysho fjalëkalimin',
      'role.national_coordinator': 'Koordinatori Kombëtar', 'role.ministry_statistician': 'Statisticien i ministrisë',
      'role.regional_committee': 'Komiteti rajonal', 'role.partner_organisation': 'Organizatë partnere', 'role.data_manager': 'Menaxher i të dhënave',
      'role.data_clerk': 'Nëpunës i të dhënave', 'role.administrator': 'Administrator',
      'internal.legend': 'Shifra të brendshme', 'internal.use': 'Të pambrojtura (jo për publikim)', 'internal.reason': 'Pse nevojiten',
      'internal.banner': 'E BRENDSHME: shifra të pambrojtura, jo për publikim.', 'internal.reasonGiven': 'Arsyeja:',
      'ingestion.title': 'Raporti i ngarkimit të çdo skedari (menaxheri i të dhënave)', 'ingestion.quarantine': 'Rreshta në karantinë, sipas rregullit',
      'ingestion.file': 'Skedari', 'ingestion.month': 'Muaji', 'ingestion.status': 'Gjendja', 'ingestion.problem': 'Problemi',
      'ingestion.rowsIn': 'Rreshta të ardhur', 'ingestion.rowsLoaded': 'Rreshta të ngarkuar', 'ingestion.field': 'Fusha', 'ingestion.rule': 'Rregulli',
      'ingestion.rows': 'Rreshta',
      'admin.users': 'Llogaritë', 'admin.name': 'Emri', 'admin.role': 'Roli', 'admin.scope': 'Qarku ose institucioni', 'admin.state': 'Gjendja',
      'admin.newUser': 'Llogari e re', 'admin.firstPassword': 'Fjalëkalimi i parë (personi e ndryshon në hyrjen e parë)',
      'admin.enable': 'Aktivizo', 'admin.disable': 'Çaktivizo', 'admin.reset': 'Rivendos fjalëkalimin', 'admin.disabled': 'e çaktivizuar',
      'admin.mustChange': 'duhet të ndryshojë fjalëkalimin', 'admin.active': 'aktive',
      'admin.backups': 'Kopje rezervë e forumeve, veprimeve, llogarive dhe gjurmës së auditimit', 'admin.backupNow': 'Bëj kopje tani',
      'admin.backupDone': 'Kopja u ruajt:', 'admin.audit': 'Gjurma e auditimit', 'admin.export': 'Eksporto CSV', 'admin.when': 'Kur',
      'admin.event': 'Ngjarja', 'admin.what': 'Çfarë', 'admin.details': 'Hollësi', 'admin.from': 'Nga', 'admin.outcome': 'Rezultati',
      'app.title': 'Fëmijët në lëvizje dhe fëmijët viktima të trafikimit',
      'app.subtitle': 'Zyra e Koordinatorit Kombëtar kundër Trafikimit',
      'overview.victims': 'Fëmijë viktima të trafikimit sipas statusit, sipas {period} të identifikimit në MKR',
      'overview.victims.note': 'Viktimat e mundshme, të supozuara dhe të identifikuara zyrtarisht tregohen veçmas.',
      'overview.snapshot': 'Të dhënat e {date} (versioni {id}): muajt {first} deri {last}, {loaded} skedarë rajonalë të ngarkuar, {rejected} të refuzuar.',
      'series.all': 'Fëmijë të takuar', 'series.potential': 'Të mundshme', 'series.presumed': 'Të supozuara',
      'series.identified': 'Të identifikuara zyrtarisht',
      'status.PUBLISHED': 'publikuar', 'status.NOT_REPORTED': 'pa raportim',
      'forums.title': 'Forumet lokale', 'forums.new': 'Forum i ri', 'forum.heldOn': 'Data', 'forum.municipality': 'Bashkia',
      'forum.title': 'Titulli', 'forum.context': 'Konteksti', 'forum.organisers': 'Organizatorët',
      'forum.objectives': 'Objektivat', 'forum.institutions': 'Institucionet pjesëmarrëse', 'forum.findings': 'Gjetjet',
      'forum.sourceNote': 'Burimi', 'forum.actions': 'Veprimet e këtij forumi', 'forum.edit': 'Ndrysho forumin',
      'form.oneperline': 'një për rresht', 'form.editor': 'Emri juaj (kush po e ndryshon)', 'form.save': 'Ruaj',
      'form.saved': 'U ruajt.', 'form.errors': 'Disa fusha duhen korrigjuar.',
      'form.conflict': 'Dikush tjetër e ndryshoi ndërkohë. Më poshtë është gjendja e ruajtur; aplikoni sërish ndryshimin tuaj.',
      'actions.title': 'Veprimet e forumeve', 'actions.new': 'Veprim i ri', 'actions.filter': 'Filtro', 'actions.all': 'Të gjitha',
      'actions.overdueOnly': 'Vetëm me vonesë', 'actions.export': 'Eksporto', 'actions.none': 'Asnjë veprim.',
      'action.text': 'Veprimi', 'action.finding': 'Gjetja që adreson', 'action.institution': 'Institucioni përgjegjës',
      'action.county': 'Qarku', 'action.dueDate': 'Afati', 'action.status': 'Statusi', 'action.indicators': 'Treguesit që duhet të lëvizë',
      'action.overdue': 'me vonesë', 'action.example': 'Shembull, jo fakt', 'action.forum': 'Forumi',
      'action.changeStatus': 'Ndrysho statusin', 'action.reason': 'Arsyeja (e detyrueshme për anulim)', 'action.notes': 'Shënime progresi',
      'action.addNote': 'Shto shënim', 'action.author': 'Autori', 'action.history': 'Historiku i ndryshimeve',
      'action.effect': 'Efekti: treguesit në qark', 'action.started': 'fillimi', 'action.completed': 'përfundimi',
      'action.edit': 'Ndrysho veprimin', 'action.noIndicators': 'Ky veprim nuk emërton tregues.',
      'actions.summary': 'Përmbledhje e veprimeve', 'actions.summaryBy': 'Sipas', 'actions.byCounty': 'qarkut', 'actions.byForum': 'forumit',
      'actions.countExamples': 'Numëro edhe veprimet shembull (të sajuara për demonstrim, jo fakte)',
      'actions.examplesLeftOut': '{n} veprime shembull (jo fakte) nuk numërohen këtu.',
      'actions.examplesCounted': 'Përfshihen {n} veprime shembull: këto shifra nuk janë fakte.',
      'actions.summaryNote': 'Të integruara: veprimet e integruara në planin e MKR, në zbatim ose të përfunduara; me vonesë: ende të hapura pas afatit (data në Tiranë: {day}).',
      'actions.sortBy': 'Rendit sipas: {column}', 'actions.count': '{n} veprime',
      'sum.identified': 'Të identifikuara', 'sum.integrated': 'Të integruara në planin e MKR', 'sum.inProgress': 'Në zbatim',
      'sum.completed': 'Të përfunduara', 'sum.dropped': 'Të anuluara', 'sum.overdue': 'Me vonesë', 'sum.total': 'Gjithsej',
      'field.created': 'Krijimi', 'field.status': 'Statusi', 'field.dropReason': 'Arsyeja e anulimit', 'field.note': 'Shënim progresi',
      'field.text': 'Teksti i veprimit', 'field.finding': 'Gjetja që adreson', 'field.responsibleInstitution': 'Institucioni përgjegjës',
      'field.county': 'Qarku', 'field.dueDate': 'Afati', 'field.indicators': 'Treguesit', 'history.noteAdded': 'u shtua një shënim',
      'action.choose': '– zgjidhni statusin e ri –', 'action.chooseFirst': 'Zgjidhni statusin e ri.',
      'action.confirmFinal': 'Ta shënoni këtë veprim “{status}”? Ky status është përfundimtar: pas tij veprimi nuk ndryshon më status.',
      'action.confirm': 'Po, ruaje', 'action.back': 'Jo, kthehu', 'action.due': 'afati',
      'action.albania': 'Shqipëria (boshti djathtas)', 'action.inCounty': '{county} (boshti majtas)',
      'forum.translated': 'Teksti i forumit tregohet në shqip sipas përkthimit të projektit; origjinali i raportit është në anglisht.',
      'forum.translate': 'Përktheni tekstet e forumit', 'forum.translateHelp': 'Secili tekst tregohet ashtu siç u shkrua; shkruani si lexohet në shqip dhe në anglisht. Faqja e tregon përkthimin për sa kohë teksti nuk ndryshohet; një fushë bosh e heq përkthimin.',
      'forum.original': 'Teksti siç u shkrua', 'forum.inSq': 'Në shqip', 'forum.inEn': 'Në anglisht', 'forum.saveTranslation': 'Ruaj përkthimin',
      'forum.translationSaved': 'Përkthimi u ruajt.', 'forum.actionText': 'Veprimi', 'forum.actionFinding': 'Gjetja e veprimit',
      'history.when': 'Kur', 'history.who': 'Kush', 'history.field': 'Fusha', 'history.old': 'Më parë', 'history.new': 'Tani',
      'st.PROPOSED': 'E propozuar', 'st.UNDER_REVIEW': 'Në shqyrtim nga Koordinatori Kombëtar',
      'st.INTEGRATED': 'E integruar në planin e MKR', 'st.IN_PROGRESS': 'Në zbatim', 'st.DONE': 'E përfunduar', 'st.DROPPED': 'E anuluar',
      'status.WITHHELD': 'e fshehur për mbrojtjen e fëmijëve',
      'status.NOT_YET_DUE': 'ende jo në afat',
      'arrival.NOT_YET_DUE': 'ende jo në afat',
      'completeness.notYetDue': 'Ende jo në afat',
      'per.month': 'muajit',
      'per.quarter': 'tremujorit',
      'per.year': 'vitit',
      'common.release': 'Çdo shifër është një qelizë e versionit {id} të të dhënave, e mbrojtur bashkë me çdo shifër tjetër të tij.',
      'common.refused': 'Nuk botohet në këtë version: {message}',
      'common.copyLink': 'Kopjo lidhjen e kësaj pamjeje',
      'common.linkCopied': 'Lidhja u kopjua: kush e hap sheh të njëjtën pamje.',
      'common.copyThis': 'Kopjojeni këtë lidhje:', 'common.loading': 'Po ngarkohen shifrat… (ato që shihni janë ende të mëparshmet)',
      'common.scrollBox': 'tabelë që lëviz anash (shigjetat majtas dhe djathtas)',
      'chart.download': 'Shkarko grafikun:', 'chart.png': 'PNG', 'chart.svg': 'SVG', 'chart.downloadNamed': 'Shkarko grafikun “{name}” si {format}',
      'compare.window': '12 muajt e fundit ({from} – {to})',
      'compare.windowBefore': '12 muajt para tyre ({from} – {to})',
      'compare.noSpan': 'Ky tregues nuk botohet sipas qarkut për një vit të plotë apo për 12 muaj në këtë version.',
      'compare.municipalities.year': 'Bashkitë botohen vetëm sipas vitit: {year}.',
      'overview.notPublished': 'nuk botohet për 12 muaj',
      'overview.victims.none': 'Viktimat sipas statusit nuk botohen për Shqipërinë në këtë version.',
      'statistics.partial': '{period} (i pjesshëm)',
      'statistics.partialNote': 'Të dhënat mbulojnë vetëm një pjesë të kësaj periudhe ({first} deri {last}).',
      'convergence.shownNot': 'Nuk tregohen këtu: {note}.',
      'convergence.medianStatus': 'Mediana: {status}.',
      'convergence.medianRefused': 'Mediana nuk botohet për këtë vend dhe periudhë: {message}',
      'action.notByCounty': 'Nuk botohen sipas qarkut në këtë version: {indicators}.',
      'nav.international': 'Raportimi ndërkombëtar',
      'int.title': 'Raportimi ndërkombëtar dhe seritë e publikuara', 'int.returns': 'Raportet vjetore', 'int.return': 'Raporti', 'int.year': 'Viti',
      'int.partial': '{year} (i pjesshëm)', 'int.partialNote': 'Ky version i të dhënave nuk e mbulon gjithë vitin {year}: raporti është i pjesshëm.',
      'int.note': 'Tabelat që Shqipëria dërgon çdo vit te UNODC (GLOTIP), Eurostat dhe për treguesin 16.2.2 të OZHQ-ve: persona (fëmijë dhe të rritur) të identifikuar nga MKR si viktima të supozuara ose të identifikuara zyrtarisht. Çdo shifër është një qelizë e versionit të publikuar, me të njëjtën shenjë për çdo shifër të fshehur.',
      'int.download': 'Shkarko në formatin e {body}',
      'int.internal': 'E BRENDSHME – shifra të pambrojtura, vetëm për dorëzim te {body}', 'int.reason': 'Arsyeja (regjistrohet)',
      'int.internalDownload': 'Shkarko versionin e brendshëm',
      'int.caution': 'Kujdes: një organ që boton çdo shifër prej 5 e lart ashtu siç e merr (UNODC) do të botonte edhe shifrat që publikimi i fsheh për të mbrojtur të tjera, dhe prej tyre mund të nxirren numrat e vegjël. Kur organi e pranon, dërgoni versionin publik të mbrojtur.', 'int.series': 'Seria e publikuar nga UNODC: Shqipëria dhe fqinjët',
      'int.seriesNote': 'Viktima të zbuluara gjithsej sipas vitit, siç i publikoi UNODC ({file}, {stamp}); “<5” është shenja e vetë UNODC-së. Vetëm numra: projekti nuk mban popullsinë e vendeve fqinje.',
      'int.noSeries': 'Asnjë seri e UNODC-së nuk është importuar në këtë depo (shih README, ImportGlotipCommand).',
      'int.wb': 'Ballkani Perëndimor (interval: <5 numërohet 0–4)', 'int.wbLow': 'Ballkani Perëndimor, minimumi', 'int.wbHigh': 'Ballkani Perëndimor, maksimumi',
      'int.missing': 'Nuk janë në këtë eksport të UNODC-së: {countries}.', 'int.country': 'Vendi',
      'int.reconcile': 'Pajtimi: seria e publikuar e Shqipërisë përballë depos', 'int.noCommon': 'Seria e publikuar mbulon {first}–{last}; ky version i të dhënave mbulon {from} – {to}: asnjë vit i përbashkët për t’u krahasuar.',
      'int.dimension': 'Ndarja', 'int.category': 'Kategoria', 'int.sex': 'Gjinia', 'int.age': 'Mosha', 'int.published': 'UNODC', 'int.warehouse': 'Depoja', 'int.flag': 'Krahasimi',
      'flag.SAME': 'njësoj', 'flag.DIFFERS': 'ndryshon', 'flag.WITHHELD_HERE': 'e fshehur këtu: nuk krahasohet', 'flag.ONLY_PUBLISHED': 'vetëm te UNODC',
      'flag.ONLY_WAREHOUSE': 'vetëm në depo', 'flag.AMBIGUOUS_PUBLISHED': 'UNODC jep dy vlera',
      'error.load': 'Faqja nuk u ngarkua: '
    },
    en: {
      'val.sex.F': 'Girls', 'val.sex.M': 'Boys', 'val.sex.U': 'Unknown', 'val.status.potential': 'Potential', 'val.status.presumed': 'Presumed', 'val.status.identified': 'Officially identified', 'val.direction.entry': 'Entry', 'val.direction.exit': 'Exit', 'val.direction.inland': 'Inland', 'val.accompaniment.accompanied': 'Accompanied', 'val.accompaniment.unaccompanied': 'Unaccompanied', 'val.accompaniment.separated': 'Separated', 'val.scope.internal': 'Internal', 'val.scope.transnational': 'Transnational', 'val.exploitation_form.sexual': 'Sexual', 'val.exploitation_form.labour': 'Labour', 'val.exploitation_form.begging': 'Begging', 'val.exploitation_form.criminality': 'Criminal activity', 'val.exploitation_form.forced_marriage': 'Forced marriage', 'val.exploitation_form.other': 'Other', 'val.service_type.shelter': 'Shelter', 'val.service_type.psychosocial': 'Psychosocial', 'val.service_type.legal': 'Legal', 'val.service_type.education': 'Education', 'val.service_type.health': 'Health', 'val.service_type.reintegration': 'Reintegration', 'val.crossing.not_recorded': 'No crossing (inland)', 'val.provider.state': 'State', 'val.provider.ngo': 'NGO', 'val.first_mechanism.border': 'Border Police', 'val.first_mechanism.cpu': 'CPU', 'val.first_mechanism.nrm': 'NRM', 'val.first_mechanism.services': 'Services', 'val.risk_category.child_on_the_move': 'Child on the move', 'val.risk_category.street_situation': 'Street situation', 'val.risk_category.begging': 'Begging', 'val.risk_category.child_labour': 'Child labour', 'val.risk_category.trafficking_risk': 'Trafficking risk', 'val.risk_category.violence': 'Violence', 'val.risk_category.neglect': 'Neglect',
      'overview.tiles': 'Headline indicators: {from} – {to}, against {bfrom} – {bto}', 'overview.trend': 'Trend',
      'overview.noChange': 'no comparison', 'overview.changePercent': '{change} % on a year earlier',
      'overview.changePoints': '{change} percentage points on a year earlier', 'overview.better': 'better', 'overview.worse': 'worse',
      'overview.explore': 'Explore', 'overview.glance': '{source}: {received} received, {onTime} on time (last 12 months)',
      'nav.statistics': 'Statistics', 'statistics.title': 'Statistical tables', 'statistics.all': 'All tables',
      'statistics.note': 'Standard tables for a year or a quarter. Each file carries the snapshot, the date of the data, the definitions and the disclosure note; the same snapshot always gives the same file.',
      'statistics.total': 'Total', 'statistics.stamp': 'Data: {snapshot}; indicator: {indicator}.',
      'statistics.preparing': 'Preparing the file…', 'statistics.ready': 'Ready: {file}',
      'nav.convergence': 'Convergence', 'convergence.title': 'Convergence between mechanisms',
      'convergence.note': 'Where children fall between the mechanisms: children first met by one mechanism in the period, and which of the later ones reached them.',
      'convergence.start': 'First met by', 'convergence.flow': 'The path between mechanisms', 'convergence.delays': 'Days from first contact to NRM identification',
      'convergence.after': 'Not seen again after: {mechanism}', 'convergence.total': 'Children first met: {children}.',
      'convergence.withheld': 'Withheld to protect children (drawn grey, marked x, at a width that says nothing of their size): {flows}.', 'convergence.lostAt': 'Share who went no further after: {mechanism}',
      'convergence.flowColumn': 'Flow', 'convergence.children': 'Children', 'convergence.shareLost': 'Share lost', 'convergence.days': 'Days',
      'convergence.median': 'Median: {days} days (the catalogue indicator).',
      'convergence.lostShort': '{share} went no further', 'convergence.overTime': 'Convergence over time, by county',
      'convergence.overTimeNote': 'The catalogue indicators of the child\'s path across mechanisms, for each county (thick line: the chosen county) and for Albania (dashed black line), by the finest period this release publishes by county.',
      'convergence.noDelayFromNrm': 'Starting from the NRM there is no delay to the NRM: choose the Border Police or the Child Protection Units.',
      'nav.compare': 'Compare districts', 'nav.explorer': 'Explorer', 'nav.completeness': 'Data completeness',
      'common.csv': 'Download the data (CSV)',
      'compare.title': 'Compare districts', 'compare.indicator': 'Indicator', 'compare.period': 'Period', 'compare.county': 'County',
      'compare.map': 'Map of the counties', 'compare.map.note': 'Click a county to see its municipalities.', 'compare.ranking': 'Counties ranked',
      'compare.table': 'Table and data', 'compare.range': 'Period: {range}.',
      'compare.unit.count': 'Count.', 'compare.unit.percent': 'Percentage.', 'compare.unit.rate_per_100k_residents': 'Per 100,000 residents (censuses).',
      'compare.unit.rate_per_10k_children': 'Per 10,000 children (no child-population source supplied yet).',
      'compare.unit.rate_per_100k_children': 'Per 100,000 children (no child-population source supplied yet).', 'compare.unit.median_days': 'Days (median).',
      'compare.national': 'Albania: {value}', 'compare.albania': 'Albania', 'compare.numerator': 'Numerator', 'compare.denominator': 'Denominator',
      'compare.status': 'Status', 'compare.municipalities': 'Municipalities of {county}', 'compare.municipality': 'Municipality',
      'compare.municipalities.note': 'This indicator is not broken down by municipality; shown instead: {indicator}.',
      'flag.DENOMINATOR_MISSING': 'denominator missing', 'flag.NO_VALUE': 'no value',
      'explorer.title': 'Explore the indicators', 'explorer.by': 'Broken down by', 'explorer.period': 'Periods', 'explorer.from': 'From', 'explorer.to': 'To',
      'explorer.pivot': 'Table', 'explorer.unknown': 'no municipality recorded (e.g. at a crossing)', 'explorer.albania': 'Albania', 'explorer.source': 'Source: {source}.',
      'period.month': 'Month', 'period.quarter': 'Quarter', 'period.year': 'Year',
      'dim.sex': 'Sex', 'dim.age_band': 'Age band', 'dim.citizenship': 'Citizenship', 'dim.county': 'County', 'dim.municipality': 'Municipality',
      'dim.crossing': 'Crossing', 'dim.direction': 'Direction', 'dim.accompaniment': 'Accompaniment', 'dim.risk_category': 'Risk category',
      'dim.status': 'Status', 'dim.exploitation_form': 'Form of exploitation', 'dim.scope': 'Internal or transnational',
      'dim.service_type': 'Type of service', 'dim.provider': 'Provider', 'dim.first_mechanism': 'First mechanism',
      'completeness.title': 'Data completeness', 'completeness.source': 'Source', 'completeness.heat': 'Submissions by county and month',
      'completeness.summary': 'Per source',
      'completeness.deadline': 'On time: by day {day} of the next month.',
      'completeness.expected': 'Expected (due by now)', 'completeness.received': 'Received', 'completeness.onTime': 'On time', 'completeness.refused': 'Refused',
      'arrival.ON_TIME': 'on time', 'arrival.LATE': 'late', 'arrival.REFUSED': 'refused', 'arrival.MISSING': 'missing',
      'source.border': 'Border Police', 'source.cpu': 'Child Protection Units', 'source.nrm': 'National Referral Mechanism',
      'source.services': 'Social services',
      'nav.menu': 'Menu', 'nav.label': 'Main menu', 'nav.switchLanguage': 'Switch the language to Albanian',
      'nav.overview': 'Overview', 'nav.forums': 'Forums', 'nav.actions': 'Actions', 'nav.admin': 'Administration',
      'nav.upload': 'Send files', 'upload.help': 'Send the month\'s files of your county, named <source>_<county code>_<yyyy-MM>.csv or .xlsx (e.g. nrm_AL-07_2026-10.csv). Each file is checked by the incoming folder\'s rules and gets a receipt; nothing of a refused file is kept.',
      'upload.files': 'Files', 'upload.send': 'Send', 'upload.receipts': 'Receipts', 'upload.when': 'Received', 'upload.file': 'File',
      'upload.state': 'State', 'upload.receipt': 'Receipt', 'upload.quarantined': 'Rows quarantined by rule:',
      'upload.nextRun': 'Next ingestion run (Tirana time):', 'upload.county': 'County:', 'upload.max': 'Largest file:',
      'upload.notClerk': 'Only a county\'s data clerks send files.', 'upload.none': 'Choose at least one file.',
      'upload.sending': 'Sending', 'upload.done': 'Accepted:',
      'upload.state.refused': 'refused', 'upload.state.waiting': 'accepted, waiting for the run', 'upload.state.loaded': 'loaded',
      'upload.state.nil_return': 'loaded (no cases)', 'upload.state.refused_at_run': 'refused at the run', 'upload.state.superseded': 'replaced',
      'account.signIn': 'Sign in', 'account.signOut': 'Sign out', 'account.needed': 'This page needs an account.',
      'account.username': 'Username', 'account.password': 'Password', 'account.wrong': 'Wrong username or password.',
      'account.newPassword': 'New password (at least 12 characters)', 'account.currentPassword': 'Current password',
      'account.mustChange': 'Choose a password of your own before you go on.', 'account.changePassword': 'Change password',
      'role.national_coordinator': 'National Coordinator', 'role.ministry_statistician': 'Ministry statistician',
      'role.regional_committee': 'Regional committee', 'role.partner_organisation': 'Partner organisation', 'role.data_manager': 'Data manager',
      'role.data_clerk': 'Data clerk', 'role.administrator': 'Administrator',
      'internal.legend': 'Internal figures', 'internal.use': 'Before protection (not for publication)', 'internal.reason': 'Why they are needed',
      'internal.banner': 'INTERNAL: figures before protection, not for publication.', 'internal.reasonGiven': 'Reason:',
      'ingestion.title': 'Ingestion report of each file (data manager)', 'ingestion.quarantine': 'Rows quarantined, by rule',
      'ingestion.file': 'File', 'ingestion.month': 'Month', 'ingestion.status': 'Status', 'ingestion.problem': 'Problem',
      'ingestion.rowsIn': 'Rows in', 'ingestion.rowsLoaded': 'Rows loaded', 'ingestion.field': 'Field', 'ingestion.rule': 'Rule',
      'ingestion.rows': 'Rows',
      'admin.users': 'Accounts', 'admin.name': 'Name', 'admin.role': 'Role', 'admin.scope': 'County or institution', 'admin.state': 'State',
      'admin.newUser': 'New account', 'admin.firstPassword': 'First password (the person changes it at first sign-in)',
      'admin.enable': 'Enable', 'admin.disable': 'Disable', 'admin.reset': 'Reset password', 'admin.disabled': 'disabled',
      'admin.mustChange': 'must change password', 'admin.active': 'active',
      'admin.backups': 'Backups of forums, actions, accounts and the audit trail', 'admin.backupNow': 'Back up now',
      'admin.backupDone': 'Backup written:', 'admin.audit': 'Audit trail', 'admin.export': 'Export CSV', 'admin.when': 'When',
      'admin.event': 'Event', 'admin.what': 'What', 'admin.details': 'Details', 'admin.from': 'From', 'admin.outcome': 'Outcome',
      'app.title': 'Children on the move and child victims of trafficking',
      'app.subtitle': 'Office of the National Anti-trafficking Coordinator',
      'overview.victims': 'Child victims of trafficking by status, per {period} of NRM identification',
      'overview.victims.note': 'Potential, presumed and officially identified victims are shown apart.',
      'overview.snapshot': 'Data of {date} (release {id}): months {first} to {last}, {loaded} regional files loaded, {rejected} rejected.',
      'series.all': 'Children encountered', 'series.potential': 'Potential', 'series.presumed': 'Presumed',
      'series.identified': 'Officially identified',
      'status.PUBLISHED': 'published', 'status.NOT_REPORTED': 'not reported',
      'forums.title': 'Local forums', 'forums.new': 'New forum', 'forum.heldOn': 'Date', 'forum.municipality': 'Municipality',
      'forum.title': 'Title', 'forum.context': 'Context', 'forum.organisers': 'Organisers',
      'forum.objectives': 'Objectives', 'forum.institutions': 'Participating institutions', 'forum.findings': 'Findings',
      'forum.sourceNote': 'Source', 'forum.actions': 'Actions of this forum', 'forum.edit': 'Edit forum',
      'form.oneperline': 'one per line', 'form.editor': 'Your name (who is making this change)', 'form.save': 'Save',
      'form.saved': 'Saved.', 'form.errors': 'Some fields need attention.',
      'form.conflict': 'Someone else changed this meanwhile. Below is what is stored now; apply your change again.',
      'actions.title': 'Forum actions', 'actions.new': 'New action', 'actions.filter': 'Filter', 'actions.all': 'All',
      'actions.overdueOnly': 'Overdue only', 'actions.export': 'Export', 'actions.none': 'No actions.',
      'action.text': 'Action', 'action.finding': 'Finding it answers', 'action.institution': 'Responsible institution',
      'action.county': 'County', 'action.dueDate': 'Due date', 'action.status': 'Status', 'action.indicators': 'Indicators it should move',
      'action.overdue': 'overdue', 'action.example': 'Example, not a fact', 'action.forum': 'Forum',
      'action.changeStatus': 'Change status', 'action.reason': 'Reason (required to drop)', 'action.notes': 'Progress notes',
      'action.addNote': 'Add note', 'action.author': 'Author', 'action.history': 'History of changes',
      'action.effect': 'Effect: indicators in the county', 'action.started': 'started', 'action.completed': 'completed',
      'action.edit': 'Edit action', 'action.noIndicators': 'This action names no indicators.',
      'actions.summary': 'Summary of actions', 'actions.summaryBy': 'By', 'actions.byCounty': 'county', 'actions.byForum': 'forum',
      'actions.countExamples': 'Count the example actions too (made up for the demo, not facts)',
      'actions.examplesLeftOut': '{n} example actions (not facts) are not counted here.',
      'actions.examplesCounted': 'Includes {n} example actions: these figures are not facts.',
      'actions.summaryNote': 'Integrated: actions integrated into the NRM plan, in progress or done; overdue: still open after their due date (date in Tirana: {day}).',
      'actions.sortBy': 'Sort by: {column}', 'actions.count': '{n} actions',
      'sum.identified': 'Identified', 'sum.integrated': 'Integrated into the NRM plan', 'sum.inProgress': 'In progress',
      'sum.completed': 'Done', 'sum.dropped': 'Dropped', 'sum.overdue': 'Overdue', 'sum.total': 'Total',
      'field.created': 'Created', 'field.status': 'Status', 'field.dropReason': 'Reason for dropping', 'field.note': 'Progress note',
      'field.text': 'Text of the action', 'field.finding': 'Finding it answers', 'field.responsibleInstitution': 'Responsible institution',
      'field.county': 'County', 'field.dueDate': 'Due date', 'field.indicators': 'Indicators', 'history.noteAdded': 'a note was added',
      'action.choose': '– choose the new status –', 'action.chooseFirst': 'Choose the new status.',
      'action.confirmFinal': 'Mark this action "{status}"? This status is final: the action cannot change status after it.',
      'action.confirm': 'Yes, save', 'action.back': 'No, go back', 'action.due': 'due',
      'action.albania': 'Albania (right axis)', 'action.inCounty': '{county} (left axis)',
      'forum.translated': '',
      'forum.translate': "Translate the forum's texts", 'forum.translateHelp': 'Each text is shown as it was typed; write how it reads in Albanian and in English. Pages show a translation while the text stays unchanged; an empty field removes the translation.',
      'forum.original': 'The text as typed', 'forum.inSq': 'In Albanian', 'forum.inEn': 'In English', 'forum.saveTranslation': 'Save the translation',
      'forum.translationSaved': 'The translation was saved.', 'forum.actionText': 'Action', 'forum.actionFinding': "Action's finding",
      'history.when': 'When', 'history.who': 'Who', 'history.field': 'Field', 'history.old': 'Before', 'history.new': 'After',
      'st.PROPOSED': 'Proposed', 'st.UNDER_REVIEW': 'Under review by the National Coordinator',
      'st.INTEGRATED': 'Integrated into the NRM plan', 'st.IN_PROGRESS': 'In progress', 'st.DONE': 'Done', 'st.DROPPED': 'Dropped',
      'status.WITHHELD': 'withheld to protect children',
      'status.NOT_YET_DUE': 'not yet due',
      'arrival.NOT_YET_DUE': 'not yet due',
      'completeness.notYetDue': 'Not yet due',
      'per.month': 'month',
      'per.quarter': 'quarter',
      'per.year': 'year',
      'common.release': 'Every figure is a cell of release {id}, protected together with every other figure of it.',
      'common.refused': 'Not published in this release: {message}',
      'common.copyLink': 'Copy the link to this view',
      'common.linkCopied': 'Link copied: whoever opens it sees the same view.',
      'common.copyThis': 'Copy this link:', 'common.loading': 'Loading the figures… (what you see is still the previous view)',
      'common.scrollBox': 'table that scrolls sideways (left and right arrows)',
      'chart.download': 'Download the chart:', 'chart.png': 'PNG', 'chart.svg': 'SVG', 'chart.downloadNamed': 'Download the chart "{name}" as {format}',
      'compare.window': 'Last 12 months ({from} – {to})',
      'compare.windowBefore': 'The 12 months before ({from} – {to})',
      'compare.noSpan': 'This indicator is not published by county for a whole year or twelve months in this release.',
      'compare.municipalities.year': 'Municipalities are published by year only: {year}.',
      'overview.notPublished': 'not published over 12 months',
      'overview.victims.none': 'Victims by status are not published for Albania in this release.',
      'statistics.partial': '{period} (partial)',
      'statistics.partialNote': 'The data cover only part of this period ({first} to {last}).',
      'convergence.shownNot': 'Not shown here: {note}.',
      'convergence.medianStatus': 'Median: {status}.',
      'convergence.medianRefused': 'The median is not published for this place and period: {message}',
      'action.notByCounty': 'Not published by county in this release: {indicators}.',
      'nav.international': 'International returns',
      'int.title': 'International returns and published series', 'int.returns': 'Annual returns', 'int.return': 'Return', 'int.year': 'Year',
      'int.partial': '{year} (partial)', 'int.partialNote': 'This release does not cover the whole of {year}: the return is partial.',
      'int.note': 'The tables Albania sends each year to UNODC (GLOTIP), to Eurostat and for SDG indicator 16.2.2: persons (children and adults) identified by the NRM as presumed or officially identified victims. Every figure is a cell of the published release, with one mark for every withheld figure.',
      'int.download': 'Download in the layout of {body}',
      'int.internal': 'INTERNAL – unsuppressed figures, only for submission to {body}', 'int.reason': 'Reason (recorded)',
      'int.internalDownload': 'Download the internal version',
      'int.caution': 'Caution: a body that publishes every figure of 5 or more as received (UNODC) would publish the figures the release withholds to protect others, and the small counts could be worked out from them. Where the body accepts it, send the protected public version.', 'int.series': 'UNODC published series: Albania and its neighbours',
      'int.seriesNote': 'Total detected victims by year as UNODC published them ({file}, {stamp}); “<5” is UNODC’s own mark. Counts only: the project carries no population for the neighbouring countries.',
      'int.noSeries': 'No UNODC series has been imported into this warehouse (see the README, ImportGlotipCommand).',
      'int.wb': 'Western Balkans (range: <5 counts as 0–4)', 'int.wbLow': 'Western Balkans, at least', 'int.wbHigh': 'Western Balkans, at most',
      'int.missing': 'Not in this UNODC export: {countries}.', 'int.country': 'Country',
      'int.reconcile': 'Reconciliation: Albania’s published series against the warehouse', 'int.noCommon': 'The published series covers {first}–{last}; this release covers {from} – {to}: no year in common to compare.',
      'int.dimension': 'Breakdown', 'int.category': 'Category', 'int.sex': 'Sex', 'int.age': 'Age', 'int.published': 'UNODC', 'int.warehouse': 'Warehouse', 'int.flag': 'Comparison',
      'flag.SAME': 'same', 'flag.DIFFERS': 'differs', 'flag.WITHHELD_HERE': 'withheld here: not compared', 'flag.ONLY_PUBLISHED': 'only in UNODC’s series',
      'flag.ONLY_WAREHOUSE': 'only in the warehouse', 'flag.AMBIGUOUS_PUBLISHED': 'UNODC gives two values',
      'error.load': 'The page could not be loaded: '
    }
  };

  function lang() {
    const saved = window.localStorage.getItem('lang');
    return saved === 'en' ? 'en' : 'sq';
  }

  function t(key, values) {
    let text = DICT[lang()][key] || DICT.en[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split('{' + k + '}').join(values[k]); });
    return text;
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  /** A dimension's value in the chosen language (F → Vajza), or the value itself where none is defined. */
  function value(dimension, code) {
    const key = 'val.' + dimension + '.' + code;
    const text = DICT[lang()][key] || DICT.en[key];
    return text || code;
  }

  /**
   * A number as the chosen language writes it, worked out here rather than by the browser, which often has no Albanian
   * locale data and then falls back to American English: in Albanian 6 620 and 41,1 (a non-breaking space between
   * thousands, a decimal comma), in English 6,620 and 41.1. {@code digits}: decimals shown (0 by default); {@code signed}:
   * a + before a positive number.
   */
  function number(n, digits, signed) {
    if (n === null || n === undefined || n === '' || isNaN(Number(n))) { return ''; }
    const sq = lang() !== 'en';
    const fixed = Math.abs(Number(n)).toFixed(digits || 0);
    const parts = fixed.split('.');
    const whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, sq ? '\u00a0' : ',');
    const negative = Number(n) < 0 && Number(fixed) !== 0;
    const sign = negative ? '\u2212' : signed && Number(fixed) !== 0 ? '+' : '';
    return sign + whole + (parts.length > 1 ? (sq ? ',' : '.') + parts[1] : '');
  }

  const MONTHS = {
    sq: ['janar', 'shkurt', 'mars', 'prill', 'maj', 'qershor', 'korrik', 'gusht', 'shtator', 'tetor', 'nëntor', 'dhjetor'],
    en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  };

  /** A day (yyyy-MM-dd, or an instant, taken in Tirana) as the chosen language writes it: 30 nëntor 2026, 30 Nov 2026. */
  function date(iso) {
    if (!iso) { return ''; }
    let day = iso;
    if (iso.length !== 10) {
      // The day in Tirana; en-CA writes yyyy-MM-dd and every browser has it.
      day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tirane', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!m) { return iso; }
    return Number(m[3]) + ' ' + MONTHS[lang() === 'en' ? 'en' : 'sq'][Number(m[2]) - 1] + ' ' + m[1];
  }

  /** A month (yyyy-MM) in words: nëntor 2026, Nov 2026; anything else unchanged. */
  function month(ym) {
    const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
    return m ? MONTHS[lang() === 'en' ? 'en' : 'sq'][Number(m[2]) - 1] + ' ' + m[1] : ym;
  }

  let translationsPromise = null;

  /**
   * Resolves to a function giving what a forum or action text (typed in one language) reads in the chosen language, by its
   * exact words (GET /api/v1/translations); a text nobody translated, or edited since, is given as typed.
   */
  function contentText() {
    if (!translationsPromise) {
      translationsPromise = call('GET', '/api/v1/translations?language=' + lang()).catch(function () { return {}; });
    }
    return translationsPromise.then(function (texts) {
      return function (s) { return (s && Object.prototype.hasOwnProperty.call(texts, s)) ? texts[s] : (s || ''); };
    });
  }

  /** An institution's name (as actions write it) in the chosen language, from the reference list's nameSq. */
  function institutionName(reference, name) {
    if (lang() === 'en') { return name; }
    const found = (reference.institutions || []).filter(function (i) { return i.name === name; })[0];
    return found ? found.nameSq : name;
  }

  /** A moment (an instant) as day and time in Tirana: 30 nëntor 2026, 14:05. */
  function dateTime(iso) {
    if (!iso) { return ''; }
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tirane', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(new Date(iso));
    return date(iso) + ', ' + time;
  }

  let sessionPromise = null;

  /** Who is signed in (user null when nobody), their capabilities and the token their changes carry; asked once per page. */
  function session() {
    if (!sessionPromise) {
      sessionPromise = fetch('/api/v1/session').then(function (r) { return r.json(); })
        .catch(function () { return { user: null, capabilities: ['view_public'], csrfToken: null }; });
    }
    return sessionPromise;
  }

  function can(s, capability) { return s.capabilities.indexOf(capability) >= 0; }

  let pending = 0;
  let busyTimer = null;

  /**
   * While an answer is awaited for longer than a moment, the page says so (a status line) and marks what it shows as
   * stale (aria-busy, dimmed) until the last answer is in, so that nobody reads the old figures as the new ones.
   */
  function busy(delta) {
    pending += delta;
    const main = document.querySelector('main');
    if (!main) { return; }
    if (pending > 0 && !busyTimer && main.getAttribute('aria-busy') !== 'true') {
      busyTimer = setTimeout(function () {
        busyTimer = null;
        if (pending <= 0) { return; }
        main.setAttribute('aria-busy', 'true');
        main.classList.add('stale');
        let line = document.getElementById('loading');
        if (!line) {
          line = el('p', { id: 'loading', class: 'loading', role: 'status' });
          document.body.appendChild(line);
        }
        line.textContent = t('common.loading');
        line.hidden = false;
      }, 300);
    }
    if (pending <= 0) {
      pending = 0;
      if (busyTimer) { clearTimeout(busyTimer); busyTimer = null; }
      main.removeAttribute('aria-busy');
      main.classList.remove('stale');
      const line = document.getElementById('loading');
      if (line) { line.hidden = true; }
    }
  }

  async function call(method, url, body) {
    busy(1);
    try {
      return await send(method, url, body);
    } finally {
      busy(-1);
    }
  }

  async function send(method, url, body) {
    const options = { method: method, headers: {} };
    if (method !== 'GET') {
      const s = await session();
      if (s.csrfToken) { options.headers['X-CSRF-Token'] = s.csrfToken; }
    }
    if (body !== undefined) { options.headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(body); }
    const response = await fetch(url, options);
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text }; }
    if (!response.ok) {
      const error = new Error((json && json.error) || ('HTTP ' + response.status));
      error.status = response.status; error.body = json;
      throw error;
    }
    return json;
  }

  /**
   * Several indicator questions in one call (GET /api/v1/answers), all answered from one release: one promise per
   * question, in order, each resolving to its answer or failing as call() would for that question alone (a refusal has
   * its status 400 and message), so a page handles each as if it had asked it alone.
   */
  function answers(asks) {
    const all = call('GET', '/api/v1/answers?' + asks.map(function (a) { return 'ask=' + encodeURIComponent(a); }).join('&'));
    return asks.map(function (a, i) {
      return all.then(function (r) {
        const one = r.answers[i];
        if (one.status === 200) { return one.answer; }
        const error = new Error(one.error || ('HTTP ' + one.status));
        error.status = one.status; error.body = { error: one.error };
        throw error;
      });
    });
  }

  /**
   * Only the latest drawing of a view may draw: start() at the start of each, then only(ticket, promise) settles as the
   * promise does while that drawing is the latest, and never once a newer one has started (an older, slower answer
   * then cannot overwrite the newer view: the select says months, the chart shows months).
   */
  function latest() {
    let current = 0;
    const never = function () { return new Promise(function () {}); };
    return {
      start: function () { current++; return current; },
      only: function (ticket, promise) {
        return promise.then(function (r) { return ticket === current ? r : never(); },
          function (e) { if (ticket !== current) { return never(); } throw e; });
      }
    };
  }

  /**
   * Keeps a view's state in its URL: the named fields of the form are written into the address on every change (and
   * now), so a reload or a shared link opens the same view; and a button copies that link. Only the fields named: a
   * reason typed for internal figures never goes into an address.
   */
  function keepInUrl(form, names) {
    function write() {
      const params = new URLSearchParams(window.location.search);
      names.forEach(function (n) {
        const field = form.elements[n];
        if (field) { params.set(n, field.type === 'checkbox' ? String(field.checked) : field.value); }
      });
      window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
    }
    // After the page's own handlers, which may change other fields (a new indicator offers other periods).
    form.addEventListener('change', function () { setTimeout(write, 0); });
    write();
    const status = el('span', { class: 'copy-status', role: 'status' });
    const button = el('button', { type: 'button', class: 'copy-link', text: t('common.copyLink') });
    button.addEventListener('click', function () {
      write();
      const link = window.location.href;
      const fallback = function () {
        status.textContent = t('common.copyThis') + ' ';
        const box = el('input', { type: 'text', readonly: 'readonly', value: link, 'aria-label': t('common.copyLink'), class: 'copy-box' });
        status.appendChild(box);
        box.select();
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(link).then(function () { status.textContent = t('common.linkCopied'); }, fallback);
      } else {
        fallback();
      }
    });
    form.appendChild(el('div', { class: 'field copy' }, [button, status]));
    return write;
  }

  /** Shows each field's error beside its input (elements with data-error-for), and a summary. */
  function showErrors(form, error) {
    form.querySelectorAll('[data-error-for]').forEach(function (n) { n.textContent = ''; });
    const summary = form.querySelector('.form-status');
    const fields = (error && error.body && error.body.fields) || {};
    Object.keys(fields).forEach(function (f) {
      const slot = form.querySelector('[data-error-for="' + f + '"]');
      if (slot) { slot.textContent = fields[f]; }
    });
    if (summary) {
      summary.textContent = !error ? t('form.saved') : error.status === 409 ? t('form.conflict')
        : Object.keys(fields).length ? t('form.errors') : error.message;
      summary.className = 'form-status ' + (error ? 'error' : 'ok');
    }
  }

  /** Indicator names in the chosen language, from the catalogue (id → name). */
  async function indicatorNames() {
    const names = {};
    (await call('GET', '/api/v1/indicators')).forEach(function (e) { names[e.id] = e.name[lang()] || e.name.en || e.id; });
    return names;
  }

  function lines(text) { return text.split('\n').map(function (s) { return s.trim(); }).filter(function (s) { return s; }); }

  function translatePage() {
    document.documentElement.lang = lang();
    document.querySelectorAll('[data-i18n]').forEach(function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-aria]').forEach(function (n) { n.setAttribute('aria-label', t(n.getAttribute('data-i18n-aria'))); });
  }

  /**
   * A box a wide table scrolls in (.scroll, .table-box) can be reached and scrolled with the keyboard: a focusable region
   * named by its section's heading. Boxes pages add later are found as they appear.
   */
  function scrollBoxes() {
    document.querySelectorAll('main table.data').forEach(function (table) {
      if (!table.parentElement.closest('.scroll, .table-box')) {
        const box = el('div', { class: 'table-box' });
        table.parentElement.insertBefore(box, table);
        box.appendChild(table);
      }
    });
    document.querySelectorAll('.scroll:not([tabindex]), .table-box:not([tabindex])').forEach(function (box) {
      const section = box.closest('section');
      const heading = section && section.querySelector('h2, h3');
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', (heading && heading.textContent ? heading.textContent + ': ' : '') + t('common.scrollBox'));
    });
  }

  /** The chart's title for a file name and a label: what labels it, else the heading of its section, else its id. */
  function chartName(box) {
    const labelledBy = box.getAttribute('aria-labelledby') && document.getElementById(box.getAttribute('aria-labelledby'));
    if (labelledBy && labelledBy.textContent) { return labelledBy.textContent; }
    const section = box.closest('section');
    const heading = section && section.querySelector('h2, h3');
    return box.getAttribute('aria-label') || (heading && heading.textContent) || box.id || 'chart';
  }

  /**
   * Each chart can be downloaded as drawn: PNG from its canvas, SVG by drawing the same options once more with ECharts'
   * SVG renderer off screen. The buttons go under every chart as it appears and work once the chart is drawn.
   */
  function chartDownloads() {
    if (!window.echarts) { return; }
    document.querySelectorAll('.chart:not([data-downloads])').forEach(function (box) {
      box.setAttribute('data-downloads', 'true');
      const save = function (format) {
        const chart = echarts.getInstanceByDom(box);
        // Internal (unprotected) figures are never put in a file.
        if (!chart || box.getAttribute('data-internal') === 'true') { return; }
        let url;
        let scratch = null;
        if (format === 'svg') {
          scratch = el('div', { style: 'position:absolute;left:-10000px;top:0;width:' + box.clientWidth + 'px;height:' + box.clientHeight + 'px' });
          document.body.appendChild(scratch);
          const copy = echarts.init(scratch, null, { renderer: 'svg' });
          const option = chart.getOption();
          option.animation = false;
          copy.setOption(option);
          url = copy.getDataURL({ type: 'svg' });
          copy.dispose();
          scratch.remove();
        } else {
          url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
        }
        const name = chartName(box).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'chart';
        const link = el('a', { href: url, download: name + '.' + format });
        document.body.appendChild(link);
        link.click();
        link.remove();
      };
      const buttons = ['png', 'svg'].map(function (format) {
        const b = el('button', { type: 'button', class: 'chart-download-' + format, text: t('chart.' + format),
          'aria-label': t('chart.downloadNamed', { name: chartName(box), format: format.toUpperCase() }) });
        b.addEventListener('click', function () { save(format); });
        return b;
      });
      box.parentElement.insertBefore(el('p', { class: 'chart-download' }, [t('chart.download') + ' '].concat(buttons)), box.nextSibling);
    });
  }

  function header(active) {
    const watch = function () { scrollBoxes(); chartDownloads(); };
    watch();
    new MutationObserver(watch).observe(document.body, { childList: true, subtree: true });
    const pages = [['overview', '/'], ['convergence', '/convergence.html'], ['compare', '/compare.html'], ['explorer', '/explorer.html'], ['statistics', '/statistics.html'],
      ['international', '/international.html'], ['completeness', '/completeness.html'],
      ['forums', '/forums.html'], ['actions', '/actions.html']];
    const nav = el('nav', { 'aria-label': t('nav.label'), id: 'main-nav' }, pages.map(function (p) {
      return el('a', { href: p[1], text: t('nav.' + p[0]), 'aria-current': active === p[0] ? 'page' : 'false' });
    }));
    // On a phone the menu folds behind one button (CSS shows the button only on narrow screens).
    const menu = el('button', { type: 'button', id: 'menu-toggle', class: 'menu-toggle', 'aria-expanded': 'false',
      'aria-controls': 'main-nav', text: t('nav.menu') });
    const switcher = el('button', { type: 'button', id: 'lang-switch', class: 'lang',
      text: lang() === 'sq' ? 'English' : 'Shqip', title: t('nav.switchLanguage') });
    switcher.addEventListener('click', function () {
      window.localStorage.setItem('lang', lang() === 'sq' ? 'en' : 'sq');
      window.location.reload();
    });
    const top = document.getElementById('top');
    top.textContent = '';
    top.appendChild(el('div', { class: 'brand' }, [el('strong', { text: t('app.title') }), el('span', { text: t('app.subtitle') })]));
    top.appendChild(menu);
    menu.addEventListener('click', function () {
      const open = top.classList.toggle('menu-open');
      menu.setAttribute('aria-expanded', String(open));
    });
    top.appendChild(nav);
    const account = el('div', { class: 'account', id: 'account' });
    top.appendChild(account);
    top.appendChild(switcher);
    translatePage();
    // The window's title in the chosen language too: the page's name (its heading once filled in) and the portal's.
    const heading = document.querySelector('main h1');
    const pageName = active && t('nav.' + active) !== 'nav.' + active ? t('nav.' + active) : (heading && heading.textContent) || '';
    document.title = (pageName ? pageName + ' · ' : '') + t('app.title');
    session().then(function (s) { accountBox(account, nav, s); });
  }

  /** Signed in: the person's name, role, the admin page if theirs, sign-out; otherwise a sign-in link back to this page. */
  function accountBox(box, nav, s) {
    box.textContent = '';
    if (!s.user) {
      const here = window.location.pathname + window.location.search;
      box.appendChild(el('a', { href: '/signin.html?next=' + encodeURIComponent(here), id: 'sign-in', text: t('account.signIn') }));
      return;
    }
    if (can(s, 'upload_files_county')) {
      nav.appendChild(el('a', { href: '/upload.html', text: t('nav.upload'), 'aria-current': window.location.pathname === '/upload.html' ? 'page' : 'false' }));
    }
    if (can(s, 'manage_users') || can(s, 'read_audit')) {
      nav.appendChild(el('a', { href: '/admin.html', text: t('nav.admin'), 'aria-current': window.location.pathname === '/admin.html' ? 'page' : 'false' }));
    }
    box.appendChild(el('span', { class: 'who', id: 'who', text: s.user.displayName + ' · ' + t('role.' + s.user.role) }));
    const out = el('button', { type: 'button', id: 'sign-out', class: 'link', text: t('account.signOut') });
    out.addEventListener('click', function () {
      call('DELETE', '/api/v1/session').then(function () { window.location.href = '/'; }).catch(fail);
    });
    box.appendChild(out);
  }

  function fail(e) {
    const box = document.getElementById('error');
    if (box && e && e.status === 401) {
      box.textContent = '';
      box.appendChild(document.createTextNode(t('account.needed') + ' '));
      box.appendChild(el('a', { href: '/signin.html?next=' + encodeURIComponent(window.location.pathname + window.location.search),
        text: t('account.signIn') }));
      box.hidden = false;
      return;
    }
    if (box) { box.textContent = t('error.load') + e.message; box.hidden = false; }
  }

  window.App = { t: t, el: el, number: number, value: value, date: date, dateTime: dateTime, month: month,
    contentText: contentText, institutionName: institutionName, call: call, answers: answers, latest: latest, keepInUrl: keepInUrl, showErrors: showErrors, lines: lines,
    header: header, fail: fail, session: session, can: can, lang: lang, indicatorNames: indicatorNames, query: new URLSearchParams(window.location.search) };
})();
