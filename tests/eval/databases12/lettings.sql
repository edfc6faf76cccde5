-- Lettings: a residential letting and property-management agency in Yorkshire and
-- Greater Manchester. Data runs from January 2023 to December 2025.

CREATE TABLE agents (
    agent_id    integer PRIMARY KEY,
    full_name   text NOT NULL,
    job_title   text NOT NULL,
    branch      text NOT NULL,
    manager_id  integer REFERENCES agents(agent_id),
    hired_on    date NOT NULL,
    left_on     date,
    email       text NOT NULL
);

CREATE TABLE landlords (
    landlord_id  integer PRIMARY KEY,
    full_name    text NOT NULL,
    email        text,
    phone        text NOT NULL,
    home_city    text NOT NULL,
    joined_on    date NOT NULL,
    mgmt_fee_pct numeric(4,1) NOT NULL,
    is_company   boolean NOT NULL DEFAULT false
);

CREATE TABLE properties (
    prop_id      integer PRIMARY KEY,
    landlord_id  integer NOT NULL REFERENCES landlords(landlord_id),
    address_ln   text NOT NULL,
    city         text NOT NULL,
    postcode     text NOT NULL,
    prop_type    text NOT NULL,
    bedrooms     integer NOT NULL,
    asking_rent  numeric(8,2) NOT NULL,
    furnished    boolean NOT NULL,
    epc_rating   char(1),
    managed_by   integer REFERENCES agents(agent_id),
    listed_on    date NOT NULL,
    status       text NOT NULL
);

CREATE TABLE tenants (
    tenant_id   integer PRIMARY KEY,
    full_name   text NOT NULL,
    email       text,
    phone       text NOT NULL,
    birth_dt    date,
    employer    text,
    created_at  timestamp NOT NULL
);

CREATE TABLE leases (
    lease_id     integer PRIMARY KEY,
    prop_id      integer NOT NULL REFERENCES properties(prop_id),
    tenant_id    integer NOT NULL REFERENCES tenants(tenant_id),
    start_dt     date NOT NULL,
    end_dt       date,
    monthly_rent numeric(8,2) NOT NULL,
    deposit_amt  numeric(8,2) NOT NULL,
    status       text NOT NULL,
    signed_by    integer NOT NULL REFERENCES agents(agent_id)
);

CREATE TABLE rent_payments (
    pmt_id    integer PRIMARY KEY,
    lease_id  integer NOT NULL REFERENCES leases(lease_id),
    due_dt    date NOT NULL,
    paid_dt   date,
    amount    numeric(8,2) NOT NULL,
    method    text NOT NULL,
    late_fee  numeric(6,2)
);

CREATE TABLE contractors (
    contractor_id integer PRIMARY KEY,
    company_name  text NOT NULL,
    trade         text NOT NULL,
    base_city     text NOT NULL,
    hourly_rate   numeric(6,2) NOT NULL,
    gas_safe      boolean NOT NULL
);

CREATE TABLE maint_requests (
    req_id        integer PRIMARY KEY,
    prop_id       integer NOT NULL REFERENCES properties(prop_id),
    reported_by   integer REFERENCES tenants(tenant_id),
    opened_at     timestamp NOT NULL,
    category      text NOT NULL,
    priority      text NOT NULL,
    status        text NOT NULL,
    contractor_id integer REFERENCES contractors(contractor_id),
    closed_at     timestamp,
    cost          numeric(8,2)
);

CREATE TABLE inspections (
    insp_id      integer PRIMARY KEY,
    prop_id      integer NOT NULL REFERENCES properties(prop_id),
    lease_id     integer REFERENCES leases(lease_id),
    inspected_by integer NOT NULL REFERENCES agents(agent_id),
    insp_date    date NOT NULL,
    insp_type    text NOT NULL,
    rating       integer,
    notes        text
);

COMMENT ON COLUMN landlords.mgmt_fee_pct IS 'Management fee the agency charges, as a percentage of rent collected';
COMMENT ON COLUMN leases.end_dt IS 'NULL for a periodic (rolling monthly) tenancy';
COMMENT ON COLUMN maint_requests.reported_by IS 'Tenant who reported the problem; NULL when raised by the agency or the landlord';
COMMENT ON COLUMN inspections.rating IS 'Condition score 1 (poor) to 5 (excellent); NULL when the inspection could not go ahead';
COMMENT ON TABLE rent_payments IS 'One row per monthly rent due; paid_dt is NULL while unpaid';

INSERT INTO agents VALUES
 (1,  'Helen Marsh',      'Head of Lettings',    'Leeds',      NULL, '2015-03-02', NULL,         'helen.marsh@northlets.co.uk'),
 (2,  'Tom Whitaker',     'Branch Manager',      'Manchester', 1,    '2017-06-12', NULL,         'tom.whitaker@northlets.co.uk'),
 (3,  'Priya Shah',       'Branch Manager',      'Sheffield',  1,    '2018-01-08', NULL,         'priya.shah@northlets.co.uk'),
 (4,  'Gareth Lloyd',     'Branch Manager',      'Leeds',      1,    '2016-09-19', NULL,         'gareth.lloyd@northlets.co.uk'),
 (5,  'Sophie Kendall',   'Property Manager',    'Leeds',      4,    '2019-04-01', NULL,         'sophie.kendall@northlets.co.uk'),
 (6,  'Imran Qureshi',    'Property Manager',    'Leeds',      4,    '2020-02-17', NULL,         'imran.qureshi@northlets.co.uk'),
 (7,  'Rachel Dunn',      'Property Manager',    'Manchester', 2,    '2018-11-05', NULL,         'rachel.dunn@northlets.co.uk'),
 (8,  'Callum Reid',      'Property Manager',    'Manchester', 2,    '2021-07-26', '2025-03-31', 'callum.reid@northlets.co.uk'),
 (9,  'Natalie Bower',    'Property Manager',    'Sheffield',  3,    '2019-10-14', NULL,         'natalie.bower@northlets.co.uk'),
 (10, 'Owen Pritchard',   'Property Manager',    'Sheffield',  3,    '2022-05-09', NULL,         'owen.pritchard@northlets.co.uk'),
 (11, 'Jasmine Clarke',   'Lettings Negotiator', 'Leeds',      4,    '2021-01-11', NULL,         'jasmine.clarke@northlets.co.uk'),
 (12, 'Ben Ashworth',     'Lettings Negotiator', 'Leeds',      4,    '2022-08-22', NULL,         'ben.ashworth@northlets.co.uk'),
 (13, 'Chloe Barker',     'Lettings Negotiator', 'Manchester', 2,    '2020-03-30', NULL,         'chloe.barker@northlets.co.uk'),
 (14, 'Daniel Osei',      'Lettings Negotiator', 'Manchester', 2,    '2023-02-06', NULL,         'daniel.osei@northlets.co.uk'),
 (15, 'Lucy Fairbairn',   'Lettings Negotiator', 'Sheffield',  3,    '2019-06-03', '2024-08-30', 'lucy.fairbairn@northlets.co.uk'),
 (16, 'Aaron Webb',       'Lettings Negotiator', 'Sheffield',  3,    '2024-09-02', NULL,         'aaron.webb@northlets.co.uk'),
 (17, 'Megan Holt',       'Inventory Clerk',     'Leeds',      5,    '2020-10-12', NULL,         'megan.holt@northlets.co.uk'),
 (18, 'Stuart Nolan',     'Inventory Clerk',     'Manchester', 7,    '2021-04-19', NULL,         'stuart.nolan@northlets.co.uk');

INSERT INTO landlords
SELECT i,
       CASE WHEN i % 15 = 0
            THEN (ARRAY['Aire Valley Homes Ltd','Pennine Property Holdings','Castlegate Estates Ltd','Rosebank Lettings Ltd','Northbridge Investments','Millstone Residential Ltd','Kirkgate Property Co','Tameside Homes Ltd'])[i / 15]
            ELSE (ARRAY['Margaret','Alan','Susan','Keith','Janet','Graham','Pauline','Derek','Linda','Colin','Hazel','Trevor','Brenda','Malcolm','Sandra','Nigel','Gillian','Roger','Yvonne','Clive','Anita','Rajesh','Farah','Victor'])[1 + i % 24]
                 || ' ' ||
                 (ARRAY['Atkinson','Hargreaves','Sutcliffe','Pickering','Mellor','Ramsden','Crowther','Haigh','Lumb','Firth','Greenwood','Holroyd','Ackroyd','Brearley','Stansfield','Kaur','Malik','Oldroyd','Dyson','Wainwright','Beaumont','Pollard','Shackleton','Thornton','Midgley'])[1 + (i * 7) % 25]
       END,
       CASE WHEN i % 9 = 4 THEN NULL ELSE 'landlord' || i || '@mail.example' END,
       '07700 9' || lpad((100 + i * 37 % 900)::text, 5, '0'),
       (ARRAY['Leeds','Leeds','Manchester','Sheffield','York','Harrogate','London','Bradford'])[1 + (i * 5) % 8],
       date '2012-01-01' + (i * 97 % 4300),
       CASE WHEN i % 15 = 0 THEN 8.0 ELSE (ARRAY[10.0, 12.0, 12.0, 15.0, 10.0, 11.5])[1 + i % 6] END,
       i % 15 = 0
FROM generate_series(1, 120) AS i;

-- 420 properties; landlords with low ids and the companies own more.
INSERT INTO properties
SELECT p,
       CASE WHEN p % 7 = 0 THEN 15 * (1 + (p / 7) % 8)
            ELSE 1 + ((p * p * 31 + p * 17) % 997) * ((p * 13) % 120) / 997 END,
       (1 + p * 7 % 180) || ' ' ||
       (ARRAY['Victoria Road','Park Lane','Church Street','Mill Lane','Station Road','Albert Terrace','Queens Road','High Street','Chapel Street','Kings Avenue','Springfield Grove','Moor View','Oak Crescent','Canal Wharf','Beech Close'])[1 + p % 15],
       c.city,
       c.pc || (1 + p % 17) || ' ' || (1 + p % 9) || (ARRAY['AB','HT','QD','RW','NE','LX','PF'])[1 + p % 7],
       t.ptype,
       CASE t.ptype WHEN 'studio' THEN 0 WHEN 'flat' THEN 1 + p % 3 WHEN 'house' THEN 2 + p % 3
                    WHEN 'maisonette' THEN 2 + p % 2 ELSE 5 + p % 3 END,
       0, p % 3 = 0 OR t.ptype IN ('studio','HMO'),
       CASE WHEN p % 11 = 0 THEN NULL ELSE (ARRAY['B','C','C','D','C','E','D','B','C'])[1 + p % 9] END,
       CASE WHEN p % 13 = 0 THEN NULL
            ELSE CASE c.city WHEN 'Manchester' THEN (ARRAY[7,8])[1 + p % 2]
                             WHEN 'Sheffield' THEN (ARRAY[9,10])[1 + p % 2]
                             ELSE (ARRAY[5,6])[1 + p % 2] END END,
       date '2019-01-01' + (p * 53 % 1460),
       'let'
FROM generate_series(1, 420) AS p
CROSS JOIN LATERAL (SELECT (ARRAY['Leeds','Leeds','Leeds','Manchester','Manchester','Sheffield','Sheffield','York','Bradford','Leeds','Manchester'])[1 + (p * 3) % 11] AS city) AS c0
CROSS JOIN LATERAL (SELECT c0.city,
                           CASE c0.city WHEN 'Leeds' THEN 'LS' WHEN 'Manchester' THEN 'M' WHEN 'Sheffield' THEN 'S'
                                        WHEN 'York' THEN 'YO' ELSE 'BD' END AS pc) AS c
CROSS JOIN LATERAL (SELECT (ARRAY['flat','flat','house','flat','studio','house','maisonette','flat','house','HMO','flat','house','studio'])[1 + (p * 5) % 13] AS ptype) AS t;

UPDATE properties SET landlord_id = 1 + (prop_id * 41) % 120 WHERE landlord_id < 1 OR landlord_id > 120;
UPDATE properties SET landlord_id = 30 WHERE prop_id IN (398, 409, 416);

UPDATE properties SET asking_rent =
   (CASE city WHEN 'Manchester' THEN 780 WHEN 'Leeds' THEN 720 WHEN 'York' THEN 800 WHEN 'Sheffield' THEN 640 ELSE 560 END
    + bedrooms * 165 + CASE WHEN prop_type = 'HMO' THEN 400 ELSE 0 END
    + CASE WHEN furnished THEN 45 ELSE 0 END + (prop_id * 13 % 9) * 10)::numeric(8,2);

CREATE TEMP TABLE lease_plan AS
SELECT (row_number() OVER (ORDER BY p.prop_id, k))::int AS lease_id, p.prop_id, k,
       make_date(2023 + k, (ARRAY[1,3,4,5,6,7,7,8,8,9,9,9,10,11])[1 + (p.prop_id * 7 + k * 3) % 14], 1 + (p.prop_id + k * 5) % 27) AS start_dt,
       p.asking_rent, p.city
FROM properties p
CROSS JOIN generate_series(0, 2) AS k
WHERE p.prop_id % 17 <> 0 AND k >= p.prop_id % 3;

-- Tenants: one per lease, plus people registered who never signed; renewals keep the tenant.
INSERT INTO tenants
SELECT i,
       (ARRAY['Olivia','Jack','Amelia','Harry','Isla','Oliver','Ava','Charlie','Mia','George','Emily','Noah','Grace','Leo','Lily','Jacob','Freya','Alfie','Ella','Oscar','Sophia','Thomas','Evie','James','Ruby','William','Chloe','Henry','Aisha','Mohammed','Zara','Ethan','Hannah','Kai','Layla','Dylan','Niamh','Rhys','Erin','Joshua'])[1 + i % 40]
       || ' ' ||
       (ARRAY['Smith','Jones','Taylor','Brown','Wilson','Evans','Walker','Wright','Robinson','Thompson','White','Hughes','Edwards','Green','Hall','Wood','Harris','Lewis','Martin','Jackson','Clarke','Clark','Turner','Hill','Scott','Cooper','Morris','Ward','Moore','King','Watson','Baker','Harrison','Morgan','Patel','Young','Allen','Mitchell','James'])[1 + i % 39],
       CASE WHEN i % 8 = 3 THEN NULL ELSE 'tenant' || i || '@inbox.example' END,
       '07' || lpad((400000000 + i * 7919 % 99999999)::text, 9, '0'),
       CASE WHEN i % 6 = 5 THEN NULL ELSE date '1960-01-01' + (i * 211 % 14600) END,
       CASE WHEN i % 4 = 1 THEN NULL
            ELSE (ARRAY['NHS Trust','University of Leeds','Asda','Self-employed','Leeds City Council','BT Group','Sky','Arup','Student','Capita','Morrisons','HSBC'])[1 + i % 12] END,
       timestamp '2022-10-01 09:00' + (i * 1.37 * interval '1 day') + ((i * 37 % 600) * interval '1 minute')
FROM generate_series(1, ((SELECT count(*) FROM lease_plan) + 60)::int) AS i;

INSERT INTO leases
SELECT lp.lease_id, lp.prop_id,
       CASE WHEN lp.prop_id % 5 = 0 AND lp.k > lp.prop_id % 3 THEN lp.lease_id - 1 ELSE lp.lease_id END,
       lp.start_dt,
       CASE WHEN lp.k = 2 AND lp.prop_id % 6 = 1 THEN NULL
            WHEN lp.prop_id % 19 = 4 THEN lp.start_dt + 120 + lp.prop_id % 60
            WHEN lp.prop_id % 4 = 2 THEN (lp.start_dt + interval '6 months')::date - 1
            ELSE (lp.start_dt + interval '12 months')::date - 1 END,
       (lp.asking_rent - 150 * (2 - lp.k) + (lp.prop_id % 4) * 5)::numeric(8,2),
       round((lp.asking_rent - 150 * (2 - lp.k)) * 12 / 52 * 5)::numeric(8,2),
       'x',
       CASE lp.city WHEN 'Manchester' THEN (ARRAY[13,14,13])[1 + lp.lease_id % 3]
                    WHEN 'Sheffield' THEN CASE WHEN lp.start_dt < date '2024-09-01' THEN 15 ELSE 16 END
                    ELSE (ARRAY[11,12,11,12,4])[1 + lp.lease_id % 5] END
FROM lease_plan lp;

UPDATE leases SET status = CASE
    WHEN prop_id % 19 = 4 THEN 'terminated'
    WHEN end_dt IS NULL OR end_dt >= date '2025-12-31' THEN 'active'
    ELSE 'ended' END;

UPDATE properties p SET status = CASE
    WHEN p.prop_id % 17 = 0 THEN CASE WHEN p.prop_id % 2 = 0 THEN 'off_market' ELSE 'vacant' END
    WHEN EXISTS (SELECT 1 FROM leases l WHERE l.prop_id = p.prop_id AND l.status = 'active') THEN 'let'
    ELSE 'vacant' END;

INSERT INTO rent_payments
SELECT row_number() OVER (ORDER BY l.lease_id, n), l.lease_id,
       (l.start_dt + n * interval '1 month')::date,
       CASE WHEN (l.start_dt + n * interval '1 month')::date > date '2025-11-25' AND (l.lease_id + n) % 3 = 0 THEN NULL
            WHEN (l.lease_id * 7 + n) % 29 = 0 THEN NULL
            WHEN (l.lease_id * 3 + n) % 11 = 0 THEN (l.start_dt + n * interval '1 month')::date + 15 + (l.lease_id + n) % 20
            ELSE (l.start_dt + n * interval '1 month')::date + (l.lease_id + n) % 4 END,
       l.monthly_rent,
       (ARRAY['standing_order','standing_order','bank_transfer','standing_order','card','bank_transfer'])[1 + (l.lease_id + n / 4) % 6],
       NULL
FROM leases l
CROSS JOIN LATERAL generate_series(0, 35) AS n
WHERE (l.start_dt + n * interval '1 month')::date <= least(coalesce(l.end_dt, date '2025-12-31'), date '2025-12-31');

UPDATE rent_payments SET late_fee = 30.00 WHERE paid_dt > due_dt + 14;

INSERT INTO contractors VALUES
 (1,  'Aire Plumbing & Heating',     'plumbing',     'Leeds',      48.00, true),
 (2,  'Sparks Electrical Services',  'electrical',   'Leeds',      52.00, false),
 (3,  'Warmhome Boiler Care',        'heating',      'Leeds',      58.00, true),
 (4,  'Key Point Locksmiths',        'locks',        'Leeds',      40.00, false),
 (5,  'Irwell Plumbing Ltd',         'plumbing',     'Manchester', 50.00, true),
 (6,  'Volt Electrical NW',          'electrical',   'Manchester', 55.00, false),
 (7,  'Northern Gas & Heating',      'heating',      'Manchester', 61.00, true),
 (8,  'DryWall Damp Solutions',      'damp',         'Manchester', 45.00, false),
 (9,  'Steel City Plumbers',         'plumbing',     'Sheffield',  44.00, true),
 (10, 'Hallam Electrics',            'electrical',   'Sheffield',  47.00, false),
 (11, 'Don Valley Heating',          'heating',      'Sheffield',  53.00, true),
 (12, 'Fixit Appliance Repairs',     'appliances',   'Leeds',      39.00, false),
 (13, 'Brightside Handyman Co',      'general',      'Sheffield',  32.00, false),
 (14, 'Ouse Property Maintenance',   'general',      'York',       36.00, false),
 (15, 'Pennine Roofing',             'roofing',      'Bradford',   49.00, false),
 (16, 'Walls & Co Damp Proofing',    'damp',         'Leeds',      46.00, false),
 (17, 'Rapid Response Maintenance',  'general',      'Leeds',      34.00, false),
 (18, 'Mancunian Appliance Care',    'appliances',   'Manchester', 41.00, false),
 (19, 'Minster Plumbing',            'plumbing',     'York',       47.00, true),
 (20, 'Bradford Gas Services',       'heating',      'Bradford',   50.00, true);

-- Maintenance requests: heating and damp in winter, more in the cold months overall.
INSERT INTO maint_requests
SELECT i, pr.prop_id,
       NULL, ts.opened_at, cat.category,
       (ARRAY['low','medium','medium','high','low','medium','urgent','medium','high'])[1 + (i * 7) % 9],
       'x', NULL, NULL, NULL
FROM generate_series(1, 2400) AS i
CROSS JOIN LATERAL (SELECT 1 + (i * 193) % 420 AS prop_id) AS pr
CROSS JOIN LATERAL (SELECT (ARRAY[1,1,1,2,2,2,3,3,4,5,6,7,8,9,10,10,11,11,11,12,12,12,12,1])[1 + (i * 11) % 24] AS mon,
                           2023 + (i * 5) % 3 AS yr) AS m
CROSS JOIN LATERAL (SELECT make_date(m.yr, m.mon, 1 + (i * 13) % 28) + time '07:30' + ((i * 47) % 660) * interval '1 minute' AS opened_at) AS ts
CROSS JOIN LATERAL (SELECT CASE WHEN m.mon IN (11,12,1,2) AND i % 3 <> 0 THEN (ARRAY['heating','heating','damp','plumbing'])[1 + i % 4]
                                ELSE (ARRAY['plumbing','electrical','appliances','locks','general','plumbing','roofing','damp','appliances','general','electrical'])[1 + (i * 3) % 11] END AS category) AS cat;

UPDATE maint_requests SET opened_at = opened_at - interval '1 year' WHERE opened_at > timestamp '2025-12-30';

UPDATE maint_requests m SET reported_by = (
    SELECT l.tenant_id FROM leases l
    WHERE l.prop_id = m.prop_id AND l.start_dt <= m.opened_at::date AND (l.end_dt IS NULL OR l.end_dt >= m.opened_at::date)
    ORDER BY l.start_dt DESC LIMIT 1)
WHERE m.req_id % 7 <> 0;

UPDATE maint_requests SET status = CASE
    WHEN opened_at > timestamp '2025-12-10' THEN (ARRAY['open','assigned'])[1 + req_id % 2]
    WHEN req_id % 23 = 0 THEN 'cancelled'
    WHEN req_id % 41 = 0 THEN 'assigned'
    ELSE 'completed' END;

UPDATE maint_requests m SET contractor_id = (
    SELECT c.contractor_id FROM contractors c, properties p
    WHERE p.prop_id = m.prop_id
      AND c.trade = CASE m.category WHEN 'locks' THEN 'locks' WHEN 'roofing' THEN 'roofing' ELSE m.category END
    ORDER BY (c.base_city = p.city) DESC, (c.contractor_id * 7 + m.req_id) % 5, c.contractor_id LIMIT 1)
WHERE m.status IN ('assigned','completed');

UPDATE maint_requests SET contractor_id = CASE WHEN req_id % 2 = 0 THEN 17 ELSE 13 END
WHERE status IN ('assigned','completed') AND contractor_id IS NULL;

UPDATE maint_requests m SET
    closed_at = m.opened_at + ((CASE m.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 30 WHEN 'medium' THEN 80 ELSE 160 END)
                               + (m.req_id * 29) % 90) * interval '1 hour',
    cost = (SELECT c.hourly_rate FROM contractors c WHERE c.contractor_id = m.contractor_id)
           * (1 + (m.req_id * 3) % 6) + CASE m.category WHEN 'heating' THEN 85 WHEN 'roofing' THEN 140 WHEN 'appliances' THEN 60 ELSE 15 END
WHERE m.status = 'completed';

-- Inspections: check-in at each lease start, routine visits every six months, check-out at the end.
INSERT INTO inspections
SELECT row_number() OVER (ORDER BY x.insp_date, x.lease_id, x.insp_type), x.prop_id, x.lease_id,
       CASE WHEN x.insp_type = 'routine' THEN coalesce(p.managed_by, 5)
            ELSE CASE p.city WHEN 'Manchester' THEN 18 WHEN 'Sheffield' THEN (ARRAY[9,10])[1 + x.lease_id % 2] ELSE 17 END END,
       x.insp_date, x.insp_type,
       CASE WHEN x.insp_type = 'routine' AND (x.lease_id + x.n) % 31 = 0 THEN NULL
            ELSE (ARRAY[4,3,5,4,2,4,3,5,4,1,3,4])[1 + (x.lease_id * 5 + x.n) % 12] END,
       CASE WHEN x.insp_type = 'routine' AND (x.lease_id + x.n) % 31 = 0 THEN 'No access - tenant not home'
            WHEN (x.lease_id * 5 + x.n) % 12 = 9 THEN 'Serious damage reported to landlord'
            WHEN (x.lease_id * 5 + x.n) % 12 = 4 THEN 'Mould in bathroom'
            WHEN (x.lease_id + x.n) % 5 = 0 THEN 'Garden overgrown'
            ELSE NULL END
FROM (
    SELECT l.lease_id, l.prop_id, 0 AS n, l.start_dt - 1 AS insp_date, 'check_in' AS insp_type FROM leases l
    UNION ALL
    SELECT l.lease_id, l.prop_id, n, (l.start_dt + n * interval '6 months')::date + (l.lease_id % 10), 'routine'
    FROM leases l CROSS JOIN generate_series(1, 5) AS n
    WHERE (l.start_dt + n * interval '6 months')::date + (l.lease_id % 10) < least(coalesce(l.end_dt, date '2025-12-31'), date '2025-12-31')
    UNION ALL
    SELECT l.lease_id, l.prop_id, 9, l.end_dt, 'check_out' FROM leases l WHERE l.end_dt < date '2025-12-31'
) AS x
JOIN properties p ON p.prop_id = x.prop_id;

DROP TABLE lease_plan;
