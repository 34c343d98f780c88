-- The child's pathway: one row per pseudonym across the four mechanisms, the facts the convergence
-- indicators are computed from. First contact = earliest dated row in any mechanism; on the same day the
-- pathway order decides (border, CPU, NRM, services), then the place and age band, so that two builds (or a build and a
-- correction, which recomputes only some children) always pick the same row. Delays are in days and may be negative where a later
-- mechanism came first (an NRM victim whose CPU case opened afterwards).
-- ${restrict}: TRUE for every child; for a correction, the children whose rows the changed files changed (the build's
-- own temporary table), whose pathways the build replaces.
WITH contacts AS (
    SELECT child_pseudonym, 'border' AS mechanism, 1 AS step, encounter_date AS contact_date, county_code,
           municipality_code, crossing_code, age_years, age_band, NULL AS nrm_status
    FROM fact_border_encounter WHERE ${restrict}
    UNION ALL
    SELECT child_pseudonym, 'cpu', 2, opened_date, county_code, municipality_code, NULL, age_years, age_band, NULL
    FROM fact_cpu_case WHERE ${restrict}
    UNION ALL
    SELECT child_pseudonym, 'nrm', 3, identification_date, county_code, municipality_code, NULL, age_years, age_band, status
    FROM fact_nrm_identification WHERE ${restrict}
    UNION ALL
    SELECT child_pseudonym, 'services', 4, start_date, county_code, NULL, NULL, NULL, NULL, NULL
    FROM fact_service WHERE ${restrict}
)
SELECT
    child_pseudonym,
    arg_min(mechanism, (contact_date, step, county_code, coalesce(municipality_code, ''), coalesce(crossing_code, ''), coalesce(age_band, ''))) AS first_mechanism,
    min(contact_date) AS first_contact_date,
    arg_min(county_code, (contact_date, step, county_code, coalesce(municipality_code, ''), coalesce(crossing_code, ''), coalesce(age_band, ''))) AS first_county_code,
    arg_min(municipality_code, (contact_date, step, county_code, coalesce(municipality_code, ''), coalesce(crossing_code, ''), coalesce(age_band, ''))) AS first_municipality_code,
    arg_min(crossing_code, (contact_date, step, county_code, coalesce(municipality_code, ''), coalesce(crossing_code, ''), coalesce(age_band, ''))) AS first_crossing_code,
    arg_min(age_band, (contact_date, step, county_code, coalesce(municipality_code, ''), coalesce(crossing_code, ''), coalesce(age_band, ''))) FILTER (WHERE age_band IS NOT NULL) AS first_age_band,
    min(contact_date) FILTER (WHERE mechanism = 'border') AS first_border_date,
    min(contact_date) FILTER (WHERE mechanism = 'cpu') AS first_cpu_date,
    min(contact_date) FILTER (WHERE mechanism = 'nrm') AS first_nrm_date,
    arg_min(nrm_status, (contact_date, coalesce(nrm_status, ''))) FILTER (WHERE mechanism = 'nrm') AS first_nrm_status,
    min(contact_date) FILTER (WHERE mechanism = 'services') AS first_service_date,
    first_border_date IS NOT NULL AS reached_border,
    first_cpu_date IS NOT NULL AS reached_cpu,
    first_nrm_date IS NOT NULL AS reached_nrm,
    first_service_date IS NOT NULL AS reached_services,
    date_diff('day', first_contact_date, first_cpu_date) AS days_first_contact_to_cpu,
    date_diff('day', first_contact_date, first_nrm_date) AS days_first_contact_to_nrm,
    date_diff('day', first_border_date, first_cpu_date) AS days_border_to_cpu,
    date_diff('day', first_cpu_date, first_nrm_date) AS days_cpu_to_nrm,
    date_diff('day', first_nrm_date, first_service_date) AS days_nrm_to_service,
    -- The mechanisms that reached the child after its first one, in pathway order, joined by '+' ('none' when none did):
    -- the outcome the convergence page splits children into.
    coalesce(nullif(concat_ws('+',
        CASE WHEN first_mechanism = 'border' AND reached_cpu THEN 'cpu' END,
        CASE WHEN first_mechanism IN ('border', 'cpu') AND reached_nrm THEN 'nrm' END,
        CASE WHEN first_mechanism IN ('border', 'cpu', 'nrm') AND reached_services THEN 'services' END), ''), 'none') AS outcome,
    -- Days from the first contact to NRM identification, in bands; empty when the NRM never identified the child.
    CASE WHEN first_nrm_date IS NULL THEN NULL
         WHEN days_first_contact_to_nrm <= 7 THEN '0-7'
         WHEN days_first_contact_to_nrm <= 30 THEN '8-30'
         WHEN days_first_contact_to_nrm <= 90 THEN '31-90'
         WHEN days_first_contact_to_nrm <= 180 THEN '91-180'
         ELSE '181+' END AS nrm_delay_band,
    count(*) AS contacts
FROM contacts
GROUP BY child_pseudonym
