-- Children first met by one mechanism (?) in the months from ? to ? (first contact), in one county or all (? NULL),
-- by which later mechanisms reached them: one row per combination, with the delay to NRM identification in bands.
SELECT reached_cpu, reached_nrm, reached_services, count(*) AS children,
       count(*) FILTER (WHERE reached_nrm AND days_first_contact_to_nrm BETWEEN 0 AND 7) AS nrm_within_7,
       count(*) FILTER (WHERE reached_nrm AND days_first_contact_to_nrm BETWEEN 8 AND 30) AS nrm_8_30,
       count(*) FILTER (WHERE reached_nrm AND days_first_contact_to_nrm BETWEEN 31 AND 90) AS nrm_31_90,
       count(*) FILTER (WHERE reached_nrm AND days_first_contact_to_nrm BETWEEN 91 AND 180) AS nrm_91_180,
       count(*) FILTER (WHERE reached_nrm AND days_first_contact_to_nrm > 180) AS nrm_over_180
FROM child_pathway
WHERE first_mechanism = ? AND first_contact_date BETWEEN ? AND ? AND (CAST(? AS VARCHAR) IS NULL OR first_county_code = ?)
GROUP BY ALL
