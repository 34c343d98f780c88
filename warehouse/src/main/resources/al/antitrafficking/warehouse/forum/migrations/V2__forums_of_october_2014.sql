-- The two local forums of the National Anti-trafficking Week 2014, as the seed report describes them:
-- "Children on the Move, Trafficking and Child Protection Mechanisms" (Terre des hommes), local forums
-- held on 20 October 2014 in Gjirokastër and 23 October 2014 in Kukës. Objectives, participants and
-- findings are the report's words; the report names no concrete actions, so none are loaded here.
INSERT INTO forum VALUES
(1, DATE '2014-10-20', 'AL332',
 'Local forum on the protection of children on the move: Gjirokastër',
 'National Anti-trafficking Week, 18-24 October 2014 (motto "Report Trafficking in persons is a crime"), at the initiative of the Office of the National Anti-trafficking Coordinator and the Ministry of Internal Affairs; an advocacy event of the Mario project. A local forum with authorities at the municipality and county level in a border city (south, bordering Greece).',
 ['Terre des hommes', 'Save the Children'],
 ['to raise the awareness of local public authorities on the vulnerabilities of children on the move to trafficking and other forms of abuse',
  'to analyse the local situation in both Gjirokastra (in the south, bordering with Greece) and Kukes (in the north, bordering Kosovo)',
  'to identify possible actions at the local level to protect children on the move'],
 ['Border Police', 'County Council', 'Regional Directorates of Social Services', 'Regional Anti-trafficking Committee',
  'Child Protection Units at the municipality level', 'social services at the municipality level'],
 ['efforts in child protection are still very fragmented',
  'coordination between different local structures is incomplete',
  'there are still issues with the convergence between the different established mechanisms such as the Child Protection System and the National Referral Mechanism of Victims of Trafficking'],
 'Seed report "Children on the Move, Trafficking and Child Protection Mechanisms", local forums of 20 and 23 October 2014',
 1, '2014-10-20T00:00:00Z', 'seed report'),
(2, DATE '2014-10-23', 'AL132',
 'Local forum on the protection of children on the move: Kukës',
 'National Anti-trafficking Week, 18-24 October 2014 (motto "Report Trafficking in persons is a crime"), at the initiative of the Office of the National Anti-trafficking Coordinator and the Ministry of Internal Affairs; an advocacy event of the Mario project. A local forum with authorities at the municipality and county level in a border city (north, bordering Kosovo).',
 ['Terre des hommes', 'Save the Children'],
 ['to raise the awareness of local public authorities on the vulnerabilities of children on the move to trafficking and other forms of abuse',
  'to analyse the local situation in both Gjirokastra (in the south, bordering with Greece) and Kukes (in the north, bordering Kosovo)',
  'to identify possible actions at the local level to protect children on the move'],
 ['Border Police', 'County Council', 'Regional Directorates of Social Services', 'Regional Anti-trafficking Committee',
  'Child Protection Units at the municipality level', 'social services at the municipality level'],
 ['efforts in child protection are still very fragmented',
  'coordination between different local structures is incomplete',
  'there are still issues with the convergence between the different established mechanisms such as the Child Protection System and the National Referral Mechanism of Victims of Trafficking'],
 'Seed report "Children on the Move, Trafficking and Child Protection Mechanisms", local forums of 20 and 23 October 2014',
 1, '2014-10-23T00:00:00Z', 'seed report');
