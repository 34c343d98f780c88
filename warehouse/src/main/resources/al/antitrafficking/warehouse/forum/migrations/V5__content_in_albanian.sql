-- Forum content in both languages, and one spelling of places.
--
-- 1. The seed report writes "Gjirokastra" and "Kukes" in one objective and "Gjirokastër" and "Kukës" in the
--    forums' titles; the objective of the two seeded forums now writes them as the territory list does
--    (conf/reference/counties.csv), where nobody has edited the forum since it was seeded.
-- 2. text_translation: what a text typed in one language reads in the other, by its exact words. A page shows
--    the translation of a text only while the text is still exactly these words: an edited title or finding shows
--    as typed until someone translates it again, never an old translation of other words. Seeded here: the
--    Albanian of the two seeded forums (the project's translation of the report's words, with the official
--    names of conf/glossary.csv) and of the example actions the demo adds (portal ExampleActions).

UPDATE forum
SET objectives = list_transform(objectives, lambda o: replace(replace(o, 'Gjirokastra (', 'Gjirokastër ('), 'Kukes (', 'Kukës ('))
WHERE id IN (1, 2) AND version = 1 AND updated_by = 'seed report';

CREATE TABLE text_translation (
    source VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    translation VARCHAR NOT NULL,
    PRIMARY KEY (source, language)
);

INSERT INTO text_translation VALUES
('Local forum on the protection of children on the move: Gjirokastër', 'sq',
 'Forum vendor për mbrojtjen e fëmijëve në lëvizje: Gjirokastër'),
('Local forum on the protection of children on the move: Kukës', 'sq',
 'Forum vendor për mbrojtjen e fëmijëve në lëvizje: Kukës'),
('National Anti-trafficking Week, 18-24 October 2014 (motto "Report Trafficking in persons is a crime"), at the initiative of the Office of the National Anti-trafficking Coordinator and the Ministry of Internal Affairs; an advocacy event of the Mario project. A local forum with authorities at the municipality and county level in a border city (south, bordering Greece).', 'sq',
 'Java Kombëtare kundër Trafikimit, 18–24 tetor 2014 (motoja „Raporto! Trafikimi i qenieve njerëzore është krim”), me nismën e Zyrës së Koordinatorit Kombëtar Antitrafik dhe të Ministrisë së Punëve të Brendshme; një veprimtari advokimi e projektit Mario. Forum vendor me autoritetet e bashkisë dhe të qarkut në një qytet kufitar (në jug, në kufi me Greqinë).'),
('National Anti-trafficking Week, 18-24 October 2014 (motto "Report Trafficking in persons is a crime"), at the initiative of the Office of the National Anti-trafficking Coordinator and the Ministry of Internal Affairs; an advocacy event of the Mario project. A local forum with authorities at the municipality and county level in a border city (north, bordering Kosovo).', 'sq',
 'Java Kombëtare kundër Trafikimit, 18–24 tetor 2014 (motoja „Raporto! Trafikimi i qenieve njerëzore është krim”), me nismën e Zyrës së Koordinatorit Kombëtar Antitrafik dhe të Ministrisë së Punëve të Brendshme; një veprimtari advokimi e projektit Mario. Forum vendor me autoritetet e bashkisë dhe të qarkut në një qytet kufitar (në veri, në kufi me Kosovën).'),
('to raise the awareness of local public authorities on the vulnerabilities of children on the move to trafficking and other forms of abuse', 'sq',
 'të rritet ndërgjegjësimi i autoriteteve publike vendore për cenueshmërinë e fëmijëve në lëvizje ndaj trafikimit dhe formave të tjera të abuzimit'),
('to analyse the local situation in both Gjirokastër (in the south, bordering with Greece) and Kukës (in the north, bordering Kosovo)', 'sq',
 'të analizohet situata vendore si në Gjirokastër (në jug, në kufi me Greqinë) ashtu edhe në Kukës (në veri, në kufi me Kosovën)'),
('to identify possible actions at the local level to protect children on the move', 'sq',
 'të identifikohen veprime të mundshme në nivel vendor për mbrojtjen e fëmijëve në lëvizje'),
('Border Police', 'sq', 'Policia Kufitare'),
('County Council', 'sq', 'Këshilli i Qarkut'),
('Regional Directorates of Social Services', 'sq', 'Drejtoritë Rajonale të Shërbimit Social'),
('Regional Anti-trafficking Committee', 'sq', 'Komiteti Rajonal Antitrafik'),
('Child Protection Units at the municipality level', 'sq', 'Njësitë për Mbrojtjen e Fëmijëve në nivel bashkie'),
('social services at the municipality level', 'sq', 'shërbimet sociale në nivel bashkie'),
('efforts in child protection are still very fragmented', 'sq', 'përpjekjet për mbrojtjen e fëmijëve janë ende shumë të fragmentuara'),
('coordination between different local structures is incomplete', 'sq', 'koordinimi ndërmjet strukturave të ndryshme vendore është i paplotë'),
('there are still issues with the convergence between the different established mechanisms such as the Child Protection System and the National Referral Mechanism of Victims of Trafficking', 'sq',
 'ka ende probleme me konvergjencën ndërmjet mekanizmave të ndryshëm të ngritur, si Sistemi i Mbrojtjes së Fëmijëve dhe Mekanizmi Kombëtar i Referimit për Viktimat e Trafikimit'),
('Seed report "Children on the Move, Trafficking and Child Protection Mechanisms", local forums of 20 and 23 October 2014', 'sq',
 'Raporti burimor „Fëmijët në lëvizje, trafikimi dhe mekanizmat e mbrojtjes së fëmijëve”, forumet vendore të 20 dhe 23 tetorit 2014 (përkthimi i projektit)'),
('Joint monthly case review of the Border Police at Morinë and the Kukës Child Protection Unit for every unaccompanied child met at the crossing', 'sq',
 'Shqyrtim i përbashkët mujor i rasteve nga Policia Kufitare në Morinë dhe Njësia për Mbrojtjen e Fëmijëve Kukës për çdo fëmijë të pashoqëruar të takuar në pikën e kalimit'),
('Written referral protocol from the Border Police at Kakavijë to the Gjirokastër CPU, with a referral within 7 days', 'sq',
 'Protokoll i shkruar referimi nga Policia Kufitare në Kakavijë te Njësia për Mbrojtjen e Fëmijëve Gjirokastër, me referim brenda 7 ditëve'),
('Training for municipal social services on identifying child victims of trafficking', 'sq',
 'Trajnim i shërbimeve sociale të bashkive për identifikimin e fëmijëve viktima të trafikimit'),
('Shared contact list of all child protection structures in Kukës county', 'sq',
 'Listë e përbashkët kontaktesh e të gjitha strukturave të mbrojtjes së fëmijëve në qarkun Kukës');
