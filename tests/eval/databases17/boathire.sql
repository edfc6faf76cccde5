-- =====================================================================
-- Broadland Boat Hire -- reservations and boatyard database extract
-- A family boat-hire business on the Norfolk Broads. Hires out rowing
-- boats, canoes, paddleboards and electric day launches by the hour or
-- day, and self-drive holiday cruisers for short breaks and weeks, from
-- three bases (Wroxham, Horning, Potter Heigham) plus a small seasonal
-- base at Ranworth opened in 2024. Season runs mid-March to end October.
-- Hire prices exclude extras (booking_extras). Payments, refunds
-- (negative amounts) and damage charges are in payments. The boatyard
-- keeps a maintenance log per boat.
-- Extract date: 2025-09-15 (covers the 2023, 2024 and 2025 seasons;
-- bookings after the extract date are future reservations).
-- =====================================================================

BEGIN;

CREATE TABLE bases (
    base_id      integer PRIMARY KEY,
    base_name    text NOT NULL,
    river        text NOT NULL,
    moorings     integer NOT NULL,
    opened_yr    integer NOT NULL,
    is_seasonal  boolean NOT NULL DEFAULT false
);

CREATE TABLE boat_class (
    class_cd      text PRIMARY KEY,
    class_desc    text NOT NULL,
    max_persons   integer NOT NULL,
    hourly_rate   numeric(7,2),
    daily_rate    numeric(7,2) NOT NULL,
    motorised     boolean NOT NULL,
    overnight     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE boat_class IS 'Boat types with 2025 tariff';
COMMENT ON COLUMN boat_class.hourly_rate IS 'GBP per hour; NULL for cruisers which are hired by the night only';
COMMENT ON COLUMN boat_class.daily_rate IS 'GBP per day (per night for cruisers), off-peak';

CREATE TABLE boats (
    boat_id       integer PRIMARY KEY,
    boat_name     text NOT NULL,
    class_cd      text NOT NULL REFERENCES boat_class(class_cd),
    home_base_id  integer NOT NULL REFERENCES bases(base_id),
    toll_no       text UNIQUE,
    built_yr      integer,
    acquired_dt   date NOT NULL,
    disposed_dt   date,
    boat_status   text NOT NULL CHECK (boat_status IN ('active','in repair','sold'))
);
COMMENT ON COLUMN boats.toll_no IS 'Broads Authority toll registration; NULL for unpowered craft under 3m';
COMMENT ON COLUMN boats.disposed_dt IS 'Date the boat was sold or scrapped; NULL while in the fleet';

CREATE TABLE employees (
    emp_id      integer PRIMARY KEY,
    emp_name    text NOT NULL,
    job_title   text NOT NULL,
    base_id     integer NOT NULL REFERENCES bases(base_id),
    start_date  date NOT NULL,
    end_date    date,
    seasonal    boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN employees.end_date IS 'NULL = currently employed';

CREATE TABLE customers (
    cust_id         integer PRIMARY KEY,
    first_name      text NOT NULL,
    last_name       text NOT NULL,
    email           text,
    phone           text,
    postcode        text,
    country         text NOT NULL DEFAULT 'United Kingdom',
    signup_date     date NOT NULL,
    referred_by     integer REFERENCES customers(cust_id),
    marketing_ok    boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN customers.referred_by IS 'Existing customer who recommended them (refer-a-friend scheme)';
COMMENT ON COLUMN customers.marketing_ok IS 'Opted in to the newsletter';

CREATE TABLE bkg (
    bkg_id          integer PRIMARY KEY,
    cust_id         integer NOT NULL REFERENCES customers(cust_id),
    boat_id         integer NOT NULL REFERENCES boats(boat_id),
    base_id         integer NOT NULL REFERENCES bases(base_id),
    booked_ts       timestamp NOT NULL,
    start_ts        timestamp NOT NULL,
    end_ts          timestamp NOT NULL,
    hire_unit       text NOT NULL CHECK (hire_unit IN ('hour','day','night')),
    units           integer NOT NULL,
    party_sz        integer NOT NULL,
    bkg_status      text NOT NULL CHECK (bkg_status IN ('confirmed','completed','cancelled','no_show')),
    channel         text NOT NULL,
    hire_price      numeric(9,2) NOT NULL,
    deposit_amt     numeric(9,2),
    handover_emp    integer REFERENCES employees(emp_id),
    cancelled_ts    timestamp
);
COMMENT ON TABLE bkg IS 'Hire bookings (one boat per booking)';
COMMENT ON COLUMN bkg.base_id IS 'Base where the boat is collected and returned';
COMMENT ON COLUMN bkg.units IS 'Number of hours, days or nights hired (see hire_unit)';
COMMENT ON COLUMN bkg.hire_price IS 'Agreed hire price in GBP excluding extras';
COMMENT ON COLUMN bkg.deposit_amt IS 'Deposit required at booking (cruisers only)';
COMMENT ON COLUMN bkg.handover_emp IS 'Staff member who did the handover/safety briefing';
COMMENT ON COLUMN bkg.channel IS 'website / phone / walk-up / agent';

CREATE TABLE extras (
    extra_cd    text PRIMARY KEY,
    extra_name  text NOT NULL,
    price       numeric(7,2) NOT NULL,
    per_day     boolean NOT NULL DEFAULT false
);

CREATE TABLE bkg_extras (
    bkg_id    integer NOT NULL REFERENCES bkg(bkg_id),
    extra_cd  text NOT NULL REFERENCES extras(extra_cd),
    qty       integer NOT NULL,
    line_amt  numeric(8,2) NOT NULL,
    PRIMARY KEY (bkg_id, extra_cd)
);

CREATE TABLE payments (
    pay_id      integer PRIMARY KEY,
    bkg_id      integer NOT NULL REFERENCES bkg(bkg_id),
    pay_ts      timestamp NOT NULL,
    amount      numeric(9,2) NOT NULL,
    method      text NOT NULL,
    pay_kind    text NOT NULL CHECK (pay_kind IN ('deposit','balance','full','refund','damage'))
);
COMMENT ON COLUMN payments.amount IS 'GBP; refunds are negative';
COMMENT ON COLUMN payments.pay_kind IS 'deposit / balance / full (paid in one go) / refund / damage (charge for damage to the boat)';

CREATE TABLE maint_log (
    job_no       integer PRIMARY KEY,
    boat_id      integer NOT NULL REFERENCES boats(boat_id),
    opened_dt    date NOT NULL,
    closed_dt    date,
    job_cat      text NOT NULL,
    descr        text,
    parts_cost   numeric(8,2) NOT NULL DEFAULT 0,
    labour_hrs   numeric(4,1) NOT NULL DEFAULT 0,
    eng_id       integer REFERENCES employees(emp_id)
);
COMMENT ON TABLE maint_log IS 'Boatyard maintenance and repair jobs';
COMMENT ON COLUMN maint_log.closed_dt IS 'Date the boat was signed off; NULL = job still open';

-- ---------------------------------------------------------------------
-- Reference data
-- ---------------------------------------------------------------------
INSERT INTO bases VALUES
 (1, 'Wroxham',        'Bure',   40, 1987, false),
 (2, 'Horning',        'Bure',   24, 2004, false),
 (3, 'Potter Heigham', 'Thurne', 18, 2011, false),
 (4, 'Ranworth',       'Bure',    8, 2024, true);

INSERT INTO boat_class VALUES
 ('ROW',   'Rowing boat',                     4, 18.00,  60.00, false, false),
 ('CAN',   'Canadian canoe',                  3, 15.00,  50.00, false, false),
 ('SUP',   'Stand-up paddleboard',            1, 12.00,  40.00, false, false),
 ('DAY6',  'Electric day launch (6 seats)',   6, 35.00, 180.00, true,  false),
 ('DAY10', 'Picnic day boat (10 seats)',     10, 50.00, 260.00, true,  false),
 ('CR2',   'Holiday cruiser, 2 berth',        2, NULL,  165.00, true,  true),
 ('CR4',   'Holiday cruiser, 4 berth',        4, NULL,  210.00, true,  true),
 ('CR6',   'Holiday cruiser, 6 berth',        6, NULL,  265.00, true,  true);

INSERT INTO boats VALUES
 (1,  'Kingfisher',        'DAY6',  1, 'BA-10231', 2015, '2015-04-01', NULL,         'active'),
 (2,  'Heron',             'DAY6',  1, 'BA-10232', 2015, '2015-04-01', NULL,         'active'),
 (3,  'Bittern',           'DAY6',  1, 'BA-10417', 2017, '2017-03-20', NULL,         'active'),
 (4,  'Otter',             'DAY6',  2, 'BA-10418', 2017, '2017-03-20', NULL,         'active'),
 (5,  'Grebe',             'DAY6',  2, 'BA-10655', 2019, '2019-03-11', NULL,         'active'),
 (6,  'Coot',              'DAY6',  3, 'BA-10656', 2019, '2019-03-11', NULL,         'active'),
 (7,  'Marsh Harrier',     'DAY6',  3, 'BA-09877', 2011, '2012-03-01', '2024-01-31', 'sold'),
 (8,  'Swallowtail',       'DAY6',  4, 'BA-11302', 2024, '2024-03-15', NULL,         'active'),
 (9,  'Wherry Lass',       'DAY10', 1, 'BA-10120', 2014, '2014-05-01', NULL,         'active'),
 (10, 'Broadland Belle',   'DAY10', 1, 'BA-10870', 2020, '2020-04-02', NULL,         'active'),
 (11, 'Thurne Queen',      'DAY10', 3, 'BA-10871', 2020, '2020-04-02', NULL,         'active'),
 (12, 'Bure Princess',     'DAY10', 2, 'BA-11450', 2025, '2025-03-10', NULL,         'active'),
 (13, 'Lapwing',           'ROW',   1, NULL,       2010, '2010-03-01', NULL,         'active'),
 (14, 'Moorhen',           'ROW',   1, NULL,       2010, '2010-03-01', NULL,         'active'),
 (15, 'Teal',              'ROW',   2, NULL,       2013, '2013-03-01', NULL,         'active'),
 (16, 'Wigeon',            'ROW',   2, NULL,       2013, '2013-03-01', '2023-10-31', 'sold'),
 (17, 'Snipe',             'ROW',   3, NULL,       2016, '2016-03-01', NULL,         'active'),
 (18, 'Dunlin',            'ROW',   3, NULL,       2016, '2016-03-01', NULL,         'active'),
 (19, 'Redshank',          'ROW',   4, NULL,       2024, '2024-03-15', NULL,         'active'),
 (20, 'Dragonfly',         'CAN',   1, NULL,       2018, '2018-03-01', NULL,         'active'),
 (21, 'Damselfly',         'CAN',   1, NULL,       2018, '2018-03-01', NULL,         'active'),
 (22, 'Mayfly',            'CAN',   1, NULL,       2018, '2018-03-01', NULL,         'active'),
 (23, 'Water Vole',        'CAN',   2, NULL,       2019, '2019-03-01', NULL,         'active'),
 (24, 'Reed Warbler',      'CAN',   2, NULL,       2019, '2019-03-01', NULL,         'active'),
 (25, 'Swift',             'CAN',   3, NULL,       2021, '2021-03-01', NULL,         'active'),
 (26, 'Sand Martin',       'CAN',   4, NULL,       2024, '2024-03-15', NULL,         'active'),
 (27, 'Cormorant',         'CAN',   4, NULL,       2024, '2024-03-15', NULL,         'active'),
 (28, 'Paddle One',        'SUP',   1, NULL,       2022, '2022-04-01', NULL,         'active'),
 (29, 'Paddle Two',        'SUP',   1, NULL,       2022, '2022-04-01', NULL,         'active'),
 (30, 'Paddle Three',      'SUP',   2, NULL,       2022, '2022-04-01', NULL,         'active'),
 (31, 'Paddle Four',       'SUP',   3, NULL,       2023, '2023-04-01', NULL,         'active'),
 (32, 'Paddle Five',       'SUP',   4, NULL,       2024, '2024-03-15', NULL,         'active'),
 (33, 'Paddle Six',        'SUP',   4, NULL,       2025, '2025-03-14', NULL,         'active'),
 (34, 'Broads Wanderer',   'CR2',   1, 'BA-08812', 2008, '2009-02-01', NULL,         'active'),
 (35, 'Little Tern',       'CR2',   2, 'BA-09934', 2012, '2012-02-15', NULL,         'active'),
 (36, 'Evening Star',      'CR2',   3, 'BA-10544', 2018, '2018-02-20', NULL,         'active'),
 (37, 'Ant Explorer',      'CR2',   1, 'BA-07702', 2002, '2005-03-01', '2024-11-30', 'sold'),
 (38, 'Bure Voyager',      'CR4',   1, 'BA-09120', 2010, '2010-02-01', NULL,         'active'),
 (39, 'Horning Pride',     'CR4',   2, 'BA-09660', 2011, '2011-02-01', NULL,         'in repair'),
 (40, 'Thurne Spirit',     'CR4',   3, 'BA-10050', 2014, '2014-02-01', NULL,         'active'),
 (41, 'Silver Reed',       'CR4',   1, 'BA-10780', 2019, '2019-02-01', NULL,         'active'),
 (42, 'Waveney Dawn',      'CR4',   2, 'BA-11390', 2025, '2025-02-20', NULL,         'active'),
 (43, 'Broadland Monarch', 'CR6',   1, 'BA-09300', 2010, '2010-02-01', NULL,         'active'),
 (44, 'Norfolk Duchess',   'CR6',   1, 'BA-10300', 2016, '2016-02-01', NULL,         'active'),
 (45, 'Windmill Lady',     'CR6',   3, 'BA-10990', 2021, '2021-02-01', NULL,         'in repair'),
 (46, 'Sunset Cruiser',    'CR6',   2, 'BA-11200', 2023, '2023-03-01', NULL,         'active');

INSERT INTO employees VALUES
 (1,  'Robert Gedge',      'owner',           1, '1998-01-01', NULL,         false),
 (2,  'Karen Gedge',       'office manager',  1, '2003-04-01', NULL,         false),
 (3,  'Steve Loades',      'base manager',    1, '2008-03-01', NULL,         false),
 (4,  'Julie Thrower',     'base manager',    2, '2012-02-01', NULL,         false),
 (5,  'Mark Bircham',      'base manager',    3, '2015-03-01', '2024-06-30', false),
 (6,  'Nadia Hewitt',      'base manager',    3, '2024-06-17', NULL,         false),
 (7,  'Phil Cubitt',       'engineer',        1, '2006-09-01', NULL,         false),
 (8,  'Gary Neave',        'engineer',        2, '2019-01-07', NULL,         false),
 (9,  'Tom Yaxley',        'boatyard hand',   1, '2021-03-01', NULL,         true),
 (10, 'Amy Brooke',        'boatyard hand',   1, '2023-03-06', '2024-10-31', true),
 (11, 'Liam Pegg',         'boatyard hand',   2, '2022-03-07', NULL,         true),
 (12, 'Sophie Self',       'boatyard hand',   3, '2023-03-13', NULL,         true),
 (13, 'Callum Royall',     'boatyard hand',   4, '2024-03-11', NULL,         true),
 (14, 'Ellie Vincent',     'booking clerk',   1, '2020-01-06', NULL,         false),
 (15, 'Josh Howes',        'instructor',      1, '2023-04-01', '2023-09-30', true),
 (16, 'Megan Platten',     'instructor',      4, '2024-03-11', NULL,         true),
 (17, 'Harvey Rix',        'boatyard hand',   2, '2025-03-03', NULL,         true),
 (18, 'Dan Ebbage',        'engineer',        3, '2017-02-01', '2023-12-22', false),
 (19, 'Zoe Kerrison',      'booking clerk',   1, '2024-02-05', NULL,         false);

INSERT INTO extras VALUES
 ('LJC',  'Child life jacket',                3.00, false),
 ('DOG',  'Dog on board',                    15.00, false),
 ('FISH', 'Fishing rod and day licence',     12.00, true),
 ('HAMP', 'Picnic hamper for two',           28.00, false),
 ('BIKE', 'Bike hire',                       20.00, true),
 ('TNDR', 'Tender dinghy',                   10.00, true),
 ('FUEL', 'Fuel package (cruisers)',         60.00, false),
 ('PARK', 'Secure car parking',               8.00, true);

-- ---------------------------------------------------------------------
-- Customers (1,400)
-- ---------------------------------------------------------------------
INSERT INTO customers (cust_id, first_name, last_name, email, phone, postcode, country, signup_date, referred_by, marketing_ok)
SELECT k, fn, ln,
       CASE WHEN k % 13 = 6 THEN NULL
            ELSE lower(fn) || '.' || lower(replace(ln, '''', '')) || k::text || (ARRAY['@gmail.com','@outlook.com','@btinternet.com','@yahoo.co.uk'])[1 + k % 4] END,
       CASE WHEN k % 8 = 3 THEN NULL ELSE '07' || lpad(((k * 104729) % 1000000000)::text, 9, '0') END,
       CASE WHEN ctry <> 'United Kingdom' THEN NULL
            ELSE (ARRAY['NR','NR','NR','IP','CB','PE','LN','NG','LE','CM','SW','N','SE','E','MK','B','CO','NR'])[1 + (k * 7) % 18]
                 || (1 + (k * 3) % 28)::text || ' ' || (1 + k % 9)::text
                 || (ARRAY['AB','DF','HJ','LN','PQ','RT','WX','BY','ZD'])[1 + (k * 5) % 9] END,
       ctry,
       date '2022-06-01' + floor(k * 0.85)::int,
       CASE WHEN k % 11 = 5 AND k > 320 THEN (ARRAY[12, 47, 47, 88, 121, 121, 121, 180, 233, 305])[1 + (k / 11) % 10]
            WHEN k % 11 = 5 AND k > 20 THEN 1 + (k * 7919) % (k - 1) END,
       (k * 31) % 10 < 4
FROM (
  SELECT k,
         CASE WHEN (k * 17) % 40 = 0 THEN (ARRAY['Pieter','Anke','Lukas','Sanne','Jan','Katrin'])[1 + k % 6]
              WHEN (k * 17) % 40 = 1 THEN (ARRAY['Aoife','Conor','Siobhan','Ciaran'])[1 + k % 4]
              ELSE (ARRAY['James','Emma','David','Sarah','Paul','Helen','Andrew','Claire','Michael','Laura','Richard','Rachel','Peter','Joanne','Simon',
                          'Lucy','Chris','Hannah','Ian','Kate','Neil','Jenny','Matthew','Amy','Stuart','Vicky','Gareth','Fiona','Martin','Zoe',
                          'Graham','Alison','Tony','Nicola'])[1 + k % 34] END AS fn,
         CASE WHEN (k * 17) % 40 = 0 THEN (ARRAY['de Vries','Schmidt','Bakker','Becker','Visser','Wagner','Jansen'])[1 + (k / 7) % 7]
              WHEN (k * 17) % 40 = 1 THEN (ARRAY['O''Brien','Murphy','Byrne','Kelly','Walsh'])[1 + (k / 3) % 5]
              ELSE (ARRAY['Smith','Jones','Brown','Taylor','Wilson','Clarke','Turner','Baker','Harrison','Cooper','King','Wright','Mills','Payne','Howard',
                          'Spooner','Farrow','Bunn','Eastaugh','Thurston','Gray','Knights','Wade','Barnes','Chapman','Hewitt','Pointer','Francis','Read','Mallett',
                          'Ward','Bishop','Lake','Newman','Rudd','Sparrow','Goodwin','Platt','Loveday','Rix','Adcock','Frost','Yallop'])[1 + (35 * (k / 34) + k % 34) % 43] END AS ln,
         CASE WHEN (k * 17) % 40 = 0 THEN (ARRAY['Netherlands','Germany','Netherlands','Germany'])[1 + (k / 7) % 4]
              WHEN (k * 17) % 40 = 1 THEN 'Ireland'
              ELSE 'United Kingdom' END AS ctry
  FROM generate_series(1, 1400) AS k
) x;

-- ---------------------------------------------------------------------
-- Bookings: cruisers follow a non-overlapping calendar per boat; day
-- craft (rowing boats, canoes, paddleboards, launches) are sampled over
-- the season with a summer peak.
-- ---------------------------------------------------------------------
CREATE TEMP TABLE tmp_cr AS
WITH RECURSIVE seq AS (
  SELECT b.boat_id, y, make_date(y, 3, 15) + (b.boat_id % 6) AS d, 1 AS n,
         (ARRAY[3,4,7,7,3,7,7,14,3,4])[1 + (b.boat_id * 7 + y) % 10] AS units
  FROM boats b
  JOIN boat_class c ON c.class_cd = b.class_cd AND c.overnight
  CROSS JOIN generate_series(2023, 2025) AS y
  UNION ALL
  SELECT s.boat_id, s.y,
         s.d + s.units + CASE WHEN extract(month FROM s.d + s.units) IN (7, 8) THEN (s.n * s.boat_id) % 2
                              ELSE (s.n * 7 + s.boat_id) % 6 END,
         s.n + 1,
         (ARRAY[3,4,7,7,3,7,7,14,3,4])[1 + (s.boat_id * 7 + s.y + s.n * 13) % 10]
  FROM seq s
  WHERE s.d + s.units + 14 <= make_date(s.y, 10, 31)
)
SELECT s.d, s.boat_id, s.units
FROM seq s
JOIN boats b ON b.boat_id = s.boat_id
WHERE b.acquired_dt <= s.d
  AND (b.disposed_dt IS NULL OR b.disposed_dt > s.d + s.units)
  AND s.d + s.units <= make_date(s.y, 11, 1)
  AND NOT (b.boat_status = 'in repair' AND s.d >= date '2025-09-02');

CREATE TEMP TABLE tmp_day AS
SELECT make_date(2023 + (i - 1) / 820, 3, 15)
         + floor(231 * (((i * 7919) % 1000) + ((i * 104723) % 1000)) / 2000.0)::int AS d,
       i
FROM generate_series(1, 2460) AS i;

CREATE TEMP TABLE tmp_b2 AS
SELECT row_number() OVER (ORDER BY x.d, x.boat_id, x.src) AS i, x.*,
       (row_number() OVER (ORDER BY x.d, x.boat_id, x.src) * 389) % 100 AS h1,
       (row_number() OVER (ORDER BY x.d, x.boat_id, x.src) * 613) % 100 AS h2,
       (row_number() OVER (ORDER BY x.d, x.boat_id, x.src) * 97)  % 1000 AS h3
FROM (
  SELECT 0 AS src, c.d, c.boat_id, c.units AS fixed_units, b.class_cd, bc.overnight, bc.max_persons, bc.hourly_rate, bc.daily_rate,
         b.home_base_id AS base_id
  FROM tmp_cr c JOIN boats b ON b.boat_id = c.boat_id JOIN boat_class bc ON bc.class_cd = b.class_cd
  UNION ALL
  SELECT t.i, t.d, b.boat_id, NULL, b.class_cd, bc.overnight, bc.max_persons, bc.hourly_rate, bc.daily_rate, b.home_base_id
  FROM tmp_day t
  CROSS JOIN LATERAL (
    SELECT b.boat_id, b.class_cd, b.home_base_id FROM boats b
    JOIN boat_class c ON c.class_cd = b.class_cd AND NOT c.overnight
    WHERE b.acquired_dt <= t.d AND (b.disposed_dt IS NULL OR b.disposed_dt > t.d)
    ORDER BY (b.boat_id * 7 + t.i * 29 + (t.i * 97) % 1000) % 37, b.boat_id
    LIMIT 1
  ) b
  JOIN boat_class bc ON bc.class_cd = b.class_cd
) x;

CREATE TEMP TABLE tmp_b3 AS
SELECT t.*,
       CASE WHEN t.overnight THEN 'night'
            WHEN t.h2 < 30 THEN 'day'
            ELSE 'hour' END AS hire_unit,
       CASE WHEN t.overnight THEN t.fixed_units
            WHEN t.h2 < 30 THEN CASE WHEN t.h2 % 10 = 0 THEN 2 ELSE 1 END
            ELSE 1 + t.h2 % 4 END AS units,
       CASE WHEN extract(month FROM t.d) IN (7, 8) THEN 1.25 ELSE 1.00 END
         * CASE extract(year FROM t.d) WHEN 2023 THEN 0.91 WHEN 2024 THEN 0.96 ELSE 1.00 END AS price_factor
FROM tmp_b2 t;

CREATE TEMP TABLE tmp_bk AS
SELECT cu.cust_id, t.boat_id, t.base_id,
       bk.booked_ts, st.start_ts,
       CASE t.hire_unit WHEN 'night' THEN date_trunc('day', st.start_ts) + t.units * interval '1 day' + interval '10 hours'
                        WHEN 'day'   THEN st.start_ts + (t.units - 1) * interval '1 day' + interval '8 hours'
                        ELSE st.start_ts + t.units * interval '1 hour' END AS end_ts,
       t.hire_unit, t.units,
       1 + (t.i * 13) % t.max_persons AS party_sz,
       ss.status AS bkg_status,
       ch.channel,
       round(CASE t.hire_unit WHEN 'hour' THEN t.hourly_rate ELSE t.daily_rate END * t.units * t.price_factor, 0) AS hire_price,
       CASE WHEN t.overnight THEN round(t.daily_rate * t.units * t.price_factor * 0.25, 0) END AS deposit_amt,
       CASE WHEN ss.status = 'completed' THEN
         (SELECT e.emp_id FROM employees e
          WHERE e.base_id = t.base_id AND e.job_title IN ('base manager','boatyard hand','instructor')
            AND e.start_date <= t.d AND (e.end_date IS NULL OR e.end_date >= t.d)
          ORDER BY (e.emp_id * 3 + t.i) % 5, e.emp_id LIMIT 1) END AS handover_emp,
       CASE WHEN ss.status = 'cancelled'
            THEN bk.booked_ts + (st.start_ts - bk.booked_ts) * ((t.h3 % 80) / 100.0) END AS cancelled_ts
FROM tmp_b3 t
CROSS JOIN LATERAL (
  SELECT t.d + CASE WHEN t.overnight THEN interval '14 hours'
                    WHEN t.hire_unit = 'day' THEN interval '9 hours 30 minutes'
                    ELSE interval '9 hours' + ((t.i * 7) % 15) * interval '30 minutes' END AS start_ts
) st
CROSS JOIN LATERAL (
  SELECT CASE WHEN t.overnight THEN CASE WHEN t.h1 < 70 THEN 'website' WHEN t.h1 < 85 THEN 'agent' ELSE 'phone' END
              WHEN t.h1 < 45 THEN 'website' WHEN t.h1 < 60 THEN 'phone' ELSE 'walk-up' END AS channel
) ch
CROSS JOIN LATERAL (
  SELECT st.start_ts - CASE WHEN ch.channel = 'walk-up' THEN ((t.i * 11) % 50) * interval '1 minute' + interval '5 minutes'
                            WHEN t.overnight THEN (14 + t.h3 % 190) * interval '1 day' + ((t.i * 37) % 600) * interval '1 minute'
                            ELSE (1 + t.h3 % 35) * interval '1 day' + ((t.i * 37) % 600) * interval '1 minute' END AS booked_ts
) bk
CROSS JOIN LATERAL (
  SELECT CASE WHEN ch.channel <> 'walk-up' AND t.h2 % 25 IN (3, 17) THEN 'cancelled'
              WHEN st.start_ts > timestamp '2025-09-15 18:00' THEN 'confirmed'
              WHEN ch.channel <> 'walk-up' AND NOT t.overnight AND t.h1 % 29 = 4 THEN 'no_show'
              ELSE 'completed' END AS status
) ss
CROSS JOIN LATERAL (
  SELECT 1 + floor(least(1400, floor((bk.booked_ts::date - date '2022-06-01') / 0.85))
                   * power(((t.i * 4241) % 1000) / 1000.0, 0.8))::int AS cust_id
) cu
WHERE bk.booked_ts <= timestamp '2025-09-15 18:00';

INSERT INTO bkg (bkg_id, cust_id, boat_id, base_id, booked_ts, start_ts, end_ts, hire_unit, units, party_sz,
                 bkg_status, channel, hire_price, deposit_amt, handover_emp, cancelled_ts)
SELECT 10000 + row_number() OVER (ORDER BY booked_ts, start_ts, boat_id, end_ts, cust_id), *
FROM tmp_bk;

-- ---------------------------------------------------------------------
-- Extras
-- ---------------------------------------------------------------------
INSERT INTO bkg_extras (bkg_id, extra_cd, qty, line_amt)
SELECT DISTINCT ON (b.bkg_id, x.extra_cd) b.bkg_id, x.extra_cd, q.qty, q.qty * x.price
FROM bkg b
CROSS JOIN LATERAL generate_series(1, CASE WHEN (b.bkg_id * 7) % 10 < 5 THEN 0 WHEN (b.bkg_id * 7) % 10 < 8 THEN 1 ELSE 2 END) AS n
JOIN extras x ON x.extra_cd =
   CASE WHEN b.hire_unit = 'night'
        THEN (ARRAY['DOG','FUEL','BIKE','TNDR','FISH','PARK','FUEL','DOG'])[1 + (b.bkg_id * 3 + n * 5) % 8]
        ELSE (ARRAY['LJC','HAMP','FISH','DOG','LJC','HAMP','PARK'])[1 + (b.bkg_id * 3 + n * 5) % 7] END
CROSS JOIN LATERAL (
  SELECT CASE WHEN x.per_day AND b.hire_unit IN ('night','day') THEN b.units
              WHEN x.extra_cd = 'LJC' THEN 1 + b.bkg_id % 3
              ELSE 1 END AS qty
) q
ORDER BY b.bkg_id, x.extra_cd;

-- ---------------------------------------------------------------------
-- Payments
-- ---------------------------------------------------------------------
CREATE TEMP TABLE tmp_p (bkg_id integer, pay_ts timestamp, amount numeric(9,2), method text, pay_kind text);

-- cruisers: deposit at booking, balance 28 days before (or at booking when late)
INSERT INTO tmp_p
SELECT b.bkg_id, b.booked_ts + interval '3 minutes', b.deposit_amt,
       CASE WHEN b.channel = 'agent' THEN 'bank transfer' ELSE 'card' END, 'deposit'
FROM bkg b WHERE b.hire_unit = 'night';

INSERT INTO tmp_p
SELECT b.bkg_id,
       greatest(b.booked_ts + interval '10 minutes', date_trunc('day', b.start_ts) - interval '28 days' + interval '10 hours'),
       b.hire_price - b.deposit_amt + coalesce((SELECT sum(line_amt) FROM bkg_extras e WHERE e.bkg_id = b.bkg_id), 0),
       CASE WHEN b.channel = 'agent' THEN 'bank transfer' WHEN b.bkg_id % 9 = 0 THEN 'voucher' ELSE 'card' END,
       'balance'
FROM bkg b
WHERE b.hire_unit = 'night'
  AND (b.bkg_status IN ('completed','confirmed') OR (b.bkg_status = 'cancelled' AND b.cancelled_ts > b.start_ts - interval '28 days'))
  AND greatest(b.booked_ts + interval '10 minutes', date_trunc('day', b.start_ts) - interval '28 days' + interval '10 hours') <= timestamp '2025-09-15 18:00';

-- day craft booked online are prepaid; everybody else pays on the day
INSERT INTO tmp_p
SELECT b.bkg_id,
       CASE WHEN b.channel = 'website' THEN b.booked_ts + interval '2 minutes' ELSE b.start_ts - interval '10 minutes' END,
       b.hire_price + coalesce((SELECT sum(line_amt) FROM bkg_extras e WHERE e.bkg_id = b.bkg_id), 0),
       CASE WHEN b.channel = 'website' THEN 'card'
            WHEN b.bkg_id % 6 = 0 THEN 'cash'
            WHEN b.bkg_id % 17 = 0 THEN 'voucher'
            ELSE 'card' END,
       'full'
FROM bkg b
WHERE b.hire_unit <> 'night'
  AND (b.channel = 'website' OR b.bkg_status = 'completed');

-- refunds on cancellations (day craft in full; cruisers lose the deposit if cancelled inside 28 days)
INSERT INTO tmp_p
SELECT b.bkg_id, b.cancelled_ts + interval '1 day',
       -(SELECT sum(amount) FROM tmp_p p WHERE p.bkg_id = b.bkg_id AND p.pay_ts <= b.cancelled_ts + interval '1 day')
         + CASE WHEN b.hire_unit = 'night' AND b.cancelled_ts > b.start_ts - interval '28 days' THEN b.deposit_amt ELSE 0 END,
       'card', 'refund'
FROM bkg b
WHERE b.bkg_status = 'cancelled'
  AND EXISTS (SELECT 1 FROM tmp_p p WHERE p.bkg_id = b.bkg_id AND p.pay_ts <= b.cancelled_ts + interval '1 day')
  AND b.cancelled_ts + interval '1 day' <= timestamp '2025-09-15 18:00';

DELETE FROM tmp_p WHERE pay_kind = 'refund' AND amount = 0;

-- cancelled bookings: drop payments dated after the cancellation
DELETE FROM tmp_p p USING bkg b
WHERE b.bkg_id = p.bkg_id AND b.bkg_status = 'cancelled' AND p.pay_kind <> 'refund'
  AND p.pay_ts > b.cancelled_ts + interval '1 day';

-- damage charges
INSERT INTO tmp_p
SELECT b.bkg_id, b.end_ts + interval '2 hours', 50 + ((b.bkg_id * 37) % 9) * 25, 'card', 'damage'
FROM bkg b
WHERE b.bkg_status = 'completed' AND (b.bkg_id * 53) % 100 < 2 AND b.end_ts < timestamp '2025-09-15';

INSERT INTO payments (pay_id, bkg_id, pay_ts, amount, method, pay_kind)
SELECT row_number() OVER (ORDER BY pay_ts, bkg_id, pay_kind), bkg_id, pay_ts, amount, method, pay_kind
FROM tmp_p;

-- ---------------------------------------------------------------------
-- Maintenance log
-- ---------------------------------------------------------------------
CREATE TEMP TABLE tmp_m AS
-- winter services for motorised boats
SELECT b.boat_id, make_date(y, 1, 8) + (b.boat_id * 3) % 40 AS opened_dt,
       'annual service'::text AS job_cat, 'Winter service: engine/motor, batteries, hull check'::text AS descr,
       (b.boat_id * y) % 7 AS h
FROM boats b
JOIN boat_class c ON c.class_cd = b.class_cd AND c.motorised
CROSS JOIN generate_series(2023, 2025) AS y
WHERE b.acquired_dt < make_date(y, 1, 8) AND (b.disposed_dt IS NULL OR b.disposed_dt > make_date(y, 3, 1))
UNION ALL
-- in-season repairs
SELECT b.boat_id, r.d,
       (ARRAY['engine','hull','electrical','upholstery','safety check','propeller','hull','electrical'])[1 + (r.n * 7) % 8],
       (ARRAY['Engine overheating','Scraped hull on mooring','Bilge pump failure','Torn seat cushion','Fire extinguisher replaced',
              'Prop fouled by weed','Gelcoat repair after collision','Navigation lights not working'])[1 + (r.n * 7) % 8],
       r.n % 7
FROM generate_series(1, 260) AS r0(n)
CROSS JOIN LATERAL (
  SELECT r0.n, make_date(2023 + r0.n % 3, 4, 1) + (r0.n * 53) % 180 AS d
) r
CROSS JOIN LATERAL (
  SELECT b.boat_id FROM boats b
  WHERE b.acquired_dt <= r.d AND (b.disposed_dt IS NULL OR b.disposed_dt > r.d)
  ORDER BY (b.boat_id * 13 + r.n * 31) % 53, b.boat_id LIMIT 1
) b
WHERE r.d <= date '2025-09-14';

INSERT INTO maint_log (job_no, boat_id, opened_dt, closed_dt, job_cat, descr, parts_cost, labour_hrs, eng_id)
SELECT 5000 + row_number() OVER (ORDER BY m.opened_dt, m.boat_id),
       m.boat_id, m.opened_dt,
       CASE WHEN m.boat_id IN (39, 45) AND m.opened_dt >= date '2025-08-01' THEN NULL
            WHEN m.opened_dt > date '2025-09-08' THEN NULL
            ELSE m.opened_dt + CASE WHEN m.job_cat = 'annual service' THEN 10 + m.h * 3 ELSE m.h END END,
       m.job_cat, m.descr,
       CASE m.job_cat WHEN 'annual service' THEN 180 + m.h * 45
                      WHEN 'engine' THEN 120 + m.h * 60
                      WHEN 'hull' THEN 60 + m.h * 85
                      WHEN 'electrical' THEN 25 + m.h * 20
                      WHEN 'upholstery' THEN 40 + m.h * 15
                      WHEN 'safety check' THEN 35
                      ELSE 15 + m.h * 10 END,
       CASE m.job_cat WHEN 'annual service' THEN 6 + m.h ELSE 1 + m.h * 0.5 END,
       (SELECT e.emp_id FROM employees e JOIN boats b ON b.boat_id = m.boat_id
        WHERE e.job_title = 'engineer' AND e.start_date <= m.opened_dt AND (e.end_date IS NULL OR e.end_date >= m.opened_dt)
        ORDER BY CASE WHEN e.base_id = b.home_base_id THEN 0 ELSE 1 END, (e.emp_id + m.boat_id) % 3, e.emp_id LIMIT 1)
FROM tmp_m m;

-- make sure the two boats flagged 'in repair' have an open job
INSERT INTO maint_log (job_no, boat_id, opened_dt, closed_dt, job_cat, descr, parts_cost, labour_hrs, eng_id)
SELECT 5000 + (SELECT count(*) FROM maint_log) + v.n, v.boat_id, v.opened_dt, NULL, v.job_cat, v.descr, v.parts_cost, v.labour_hrs, v.eng_id
FROM (VALUES (1, 39, date '2025-09-02', 'engine', 'Gearbox failure - awaiting replacement unit', 1450.00, 6.0, 8),
             (2, 45, date '2025-09-11', 'hull',   'Holed below waterline after grounding at Hickling', 0.00, 3.5, 7)) AS v(n, boat_id, opened_dt, job_cat, descr, parts_cost, labour_hrs, eng_id);

DROP TABLE tmp_p;
DROP TABLE tmp_m;
DROP TABLE tmp_b3;
DROP TABLE tmp_b2;
DROP TABLE tmp_bk;
DROP TABLE tmp_day;
DROP TABLE tmp_cr;

COMMIT;
