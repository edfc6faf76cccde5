-- UK development charity: donors, donations, appeals, regular giving, charity shops,
-- volunteers and their shifts, grant applications and spending (2023-2025; "today" is 2025-11-15)

CREATE TABLE staff (
  staff_id        integer PRIMARY KEY,
  full_name       text NOT NULL,
  job_title       text NOT NULL,
  dept            text NOT NULL CHECK (dept IN ('executive','fundraising','programmes','finance','retail','volunteering')),
  line_manager_id integer REFERENCES staff(staff_id),
  started_on      date NOT NULL,
  left_on         date
);
COMMENT ON COLUMN staff.left_on IS 'NULL = still employed';

CREATE TABLE campaigns (
  campaign_id        integer PRIMARY KEY,
  campaign_name      text NOT NULL UNIQUE,
  cause              text NOT NULL,
  launched_on        date NOT NULL,
  closes_on          date,
  target_amt         numeric(10,2),
  parent_campaign_id integer REFERENCES campaigns(campaign_id),
  owner_id           integer NOT NULL REFERENCES staff(staff_id)
);
COMMENT ON COLUMN campaigns.closes_on IS 'NULL = open-ended';
COMMENT ON COLUMN campaigns.target_amt IS 'Fundraising target in GBP; NULL = no target';

CREATE TABLE donors (
  donor_id    integer PRIMARY KEY,
  donor_name  text NOT NULL,
  donor_type  text NOT NULL CHECK (donor_type IN ('individual','company','trust')),
  email       text,
  region      text NOT NULL,
  source      text NOT NULL,
  gift_aid_ok boolean NOT NULL,
  created_on  date NOT NULL
);
COMMENT ON COLUMN donors.gift_aid_ok IS 'Gift Aid declaration on file (UK taxpayers only)';

CREATE TABLE recurring_gifts (
  recurring_id integer PRIMARY KEY,
  donor_id     integer NOT NULL REFERENCES donors(donor_id),
  campaign_id  integer REFERENCES campaigns(campaign_id),
  amount       numeric(8,2) NOT NULL,
  frequency    text NOT NULL CHECK (frequency IN ('monthly','quarterly','annual')),
  started_on   date NOT NULL,
  cancelled_on date
);
COMMENT ON COLUMN recurring_gifts.cancelled_on IS 'NULL = still active';
COMMENT ON COLUMN recurring_gifts.campaign_id IS 'NULL = unrestricted';

CREATE TABLE donations (
  donation_id  integer PRIMARY KEY,
  donor_id     integer NOT NULL REFERENCES donors(donor_id),
  campaign_id  integer REFERENCES campaigns(campaign_id),
  recurring_id integer REFERENCES recurring_gifts(recurring_id),
  amount       numeric(10,2) NOT NULL,
  received_on  date NOT NULL,
  method       text NOT NULL CHECK (method IN ('card','direct_debit','bank_transfer','cheque','cash','paypal')),
  gift_aid     boolean NOT NULL,
  status       text NOT NULL CHECK (status IN ('cleared','refunded','failed'))
);
COMMENT ON COLUMN donations.campaign_id IS 'NULL = unrestricted gift';
COMMENT ON COLUMN donations.recurring_id IS 'Set when the payment comes from a regular gift';

CREATE TABLE shops (
  shop_id    integer PRIMARY KEY,
  shop_name  text NOT NULL UNIQUE,
  town       text NOT NULL,
  region     text NOT NULL,
  opened_on  date NOT NULL,
  sq_ft      integer NOT NULL,
  manager_id integer REFERENCES staff(staff_id)
);

CREATE TABLE volunteers (
  vol_id       integer PRIMARY KEY,
  first_name   text NOT NULL,
  last_name    text NOT NULL,
  email        text,
  region       text NOT NULL,
  joined_on    date NOT NULL,
  dbs_checked  boolean NOT NULL,
  status       text NOT NULL CHECK (status IN ('active','inactive')),
  recruited_by integer REFERENCES volunteers(vol_id)
);
COMMENT ON COLUMN volunteers.dbs_checked IS 'Criminal record (DBS) check completed';

CREATE TABLE vol_shifts (
  shift_id   integer PRIMARY KEY,
  vol_id     integer NOT NULL REFERENCES volunteers(vol_id),
  shop_id    integer REFERENCES shops(shop_id),
  shift_date date NOT NULL,
  activity   text NOT NULL,
  hours      numeric(3,1) NOT NULL,
  attended   boolean NOT NULL,
  logged_by  integer REFERENCES staff(staff_id)
);
COMMENT ON COLUMN vol_shifts.shop_id IS 'NULL = off-site (events, street collections)';
COMMENT ON COLUMN vol_shifts.logged_by IS 'NULL = logged by the volunteer in the app';

CREATE TABLE grants (
  grant_id      integer PRIMARY KEY,
  funder        text NOT NULL,
  campaign_id   integer NOT NULL REFERENCES campaigns(campaign_id),
  amt_requested numeric(10,2) NOT NULL,
  amt_awarded   numeric(10,2),
  applied_on    date NOT NULL,
  decided_on    date,
  status        text NOT NULL CHECK (status IN ('pending','awarded','declined')),
  written_by    integer NOT NULL REFERENCES staff(staff_id)
);

CREATE TABLE expenses (
  expense_id  integer PRIMARY KEY,
  campaign_id integer REFERENCES campaigns(campaign_id),
  category    text NOT NULL,
  amount      numeric(10,2) NOT NULL,
  spent_on    date NOT NULL,
  supplier    text,
  approved_by integer NOT NULL REFERENCES staff(staff_id)
);
COMMENT ON COLUMN expenses.campaign_id IS 'NULL = general overheads';

INSERT INTO staff VALUES
 (1,'Margaret Olusegun','Chief Executive','executive',NULL,DATE '2015-09-01',NULL),
 (2,'Daniel Frost','Director of Fundraising','fundraising',1,DATE '2017-02-13',NULL),
 (3,'Priya Raman','Director of Programmes','programmes',1,DATE '2016-06-06',NULL),
 (4,'Gareth Lewis','Finance Director','finance',1,DATE '2018-01-08',NULL),
 (5,'Helen Baxter','Head of Retail','retail',1,DATE '2019-04-01',NULL),
 (6,'Tom Achebe','Volunteer Manager','volunteering',1,DATE '2020-03-02',NULL),
 (7,'Sophie Lang','Individual Giving Manager','fundraising',2,DATE '2019-09-16',NULL),
 (8,'Marcus Webb','Trusts Fundraiser','fundraising',2,DATE '2020-11-02',NULL),
 (9,'Nadia Hussain','Trusts Fundraiser','fundraising',2,DATE '2021-05-10',DATE '2024-08-30'),
 (10,'Owen Price','Events Fundraiser','fundraising',2,DATE '2022-01-17',NULL),
 (11,'Chloe Martin','Corporate Partnerships Lead','fundraising',2,DATE '2021-08-23',NULL),
 (12,'Ravi Patel','Programme Manager','programmes',3,DATE '2018-10-01',NULL),
 (13,'Emma Doyle','Programme Manager','programmes',3,DATE '2020-07-06',NULL),
 (14,'Joseph Mensah','Programme Officer','programmes',12,DATE '2022-04-04',NULL),
 (15,'Laura Kim','Programme Officer','programmes',13,DATE '2023-01-09',NULL),
 (16,'Peter Walsh','Finance Officer','finance',4,DATE '2019-02-11',NULL),
 (17,'Aisha Bello','Finance Officer','finance',4,DATE '2023-06-19',NULL),
 (18,'Kevin Moore','Area Retail Manager','retail',5,DATE '2019-05-20',NULL),
 (19,'Fiona Grant','Area Retail Manager','retail',5,DATE '2020-09-14',DATE '2025-03-31'),
 (20,'Simon Reeves','Shop Manager','retail',18,DATE '2019-06-03',NULL),
 (21,'Julie Carr','Shop Manager','retail',18,DATE '2020-02-10',NULL),
 (22,'Ahmed Karim','Shop Manager','retail',18,DATE '2021-03-15',NULL),
 (23,'Bethan Jones','Shop Manager','retail',19,DATE '2019-11-11',NULL),
 (24,'Craig Dunlop','Shop Manager','retail',19,DATE '2022-05-03',NULL),
 (25,'Hannah Scott','Shop Manager','retail',19,DATE '2023-02-27',NULL),
 (26,'Liam Byrne','Shop Manager','retail',18,DATE '2023-09-04',NULL),
 (27,'Grace Adeyemi','Volunteer Coordinator','volunteering',6,DATE '2021-01-25',NULL),
 (28,'Matthew Hill','Volunteer Coordinator','volunteering',6,DATE '2022-10-10',NULL),
 (29,'Rachel Stone','Supporter Care Officer','fundraising',7,DATE '2022-03-07',NULL),
 (30,'Yusuf Ali','Data Officer','fundraising',7,DATE '2024-02-05',NULL);

INSERT INTO campaigns VALUES
 (1,'General Fund','general',DATE '2019-04-01',NULL,NULL,NULL,2),
 (2,'Clean Water for Schools','water',DATE '2023-01-16',DATE '2025-12-31',250000,NULL,12),
 (3,'Winter Warmth','poverty',DATE '2023-10-02',NULL,NULL,NULL,7),
 (4,'Winter Warmth 2023','poverty',DATE '2023-10-02',DATE '2024-01-31',80000,3,7),
 (5,'Winter Warmth 2024','poverty',DATE '2024-10-01',DATE '2025-01-31',90000,3,7),
 (6,'Winter Warmth 2025','poverty',DATE '2025-10-01',DATE '2026-01-31',100000,3,7),
 (7,'Earthquake Emergency Appeal','emergency',DATE '2023-02-08',DATE '2023-06-30',150000,NULL,2),
 (8,'Flood Relief Appeal','emergency',DATE '2024-09-10',DATE '2024-12-31',120000,NULL,2),
 (9,'Books for Every Child','education',DATE '2023-04-03',NULL,60000,NULL,13),
 (10,'Mobile Health Clinics','health',DATE '2023-06-01',DATE '2025-06-30',200000,NULL,12),
 (11,'Midnight Walk','health',DATE '2023-05-01',NULL,NULL,NULL,10),
 (12,'Midnight Walk 2023','health',DATE '2023-05-01',DATE '2023-07-15',40000,11,10),
 (13,'Midnight Walk 2024','health',DATE '2024-05-01',DATE '2024-07-13',45000,11,10),
 (14,'Midnight Walk 2025','health',DATE '2025-05-01',DATE '2025-07-12',50000,11,10),
 (15,'Tree Planting Partnership','environment',DATE '2024-03-01',DATE '2026-02-28',75000,NULL,11),
 (16,'Girls into Science','education',DATE '2024-01-08',NULL,90000,NULL,13),
 (17,'Food Bank Support','poverty',DATE '2023-01-09',NULL,NULL,NULL,7),
 (18,'Legacy Giving','general',DATE '2023-01-02',NULL,NULL,NULL,2),
 (19,'Solar Lamps for Study','education',DATE '2025-02-03',DATE '2025-12-31',30000,NULL,14),
 (20,'Refugee Welcome Packs','emergency',DATE '2025-03-17',DATE '2025-09-30',35000,NULL,15);

INSERT INTO donors (donor_id, donor_name, donor_type, email, region, source, gift_aid_ok, created_on)
SELECT d,
       CASE WHEN d % 20 = 7 THEN
              (ARRAY['Northfield','Brightwater','Oakridge','Kingsway','Harbour','Summit','Greenline','Redbrick','Silverdale','Thameside'])[1 + (d/20) % 10]
              || ' ' ||
              (ARRAY['Logistics','Bakery','Solicitors','Engineering','Dental Practice','Motors','Consulting','Builders',
                     'Print Co','Software','Garden Centre','Hotels','Pharmacy','Accountants','Brewery','Media','Estates',
                     'Electrical','Foods','Travel','Opticians','Furniture','Cleaning','Vets','Recruitment'])[1 + ((d/20)/10 + 3*((d/20) % 10)) % 25]
              || ' Ltd'
            WHEN d % 40 = 13 THEN
              'The ' || sn[1 + (d/40) % 80] || CASE WHEN d/40 < 80 THEN ' Charitable Trust' ELSE ' Foundation' END
            ELSE
              (ARRAY['Abigail','Alan','Alison','Andrew','Angela','Anthony','Barbara','Brian','Carol','Christopher',
                     'Claire','Colin','Deborah','David','Diane','Edward','Elizabeth','Gary','Gillian','Graham',
                     'Helen','Ian','Jacqueline','James','Janet','John','Julie','Keith','Karen','Kenneth',
                     'Linda','Malcolm','Margaret','Mark','Mary','Michael','Nicola','Neil','Pamela','Nigel',
                     'Patricia','Paul','Rebecca','Richard','Ruth','Robert','Sandra','Stephen','Sarah','Stuart',
                     'Susan','Terry','Tracey','Trevor','Valerie','William','Wendy','Roger','Yvonne','Philip'])[1 + (d-1) % 60]
              || ' ' || sn[1 + ((d-1)/60 + 7*((d-1) % 60)) % 80]
       END,
       CASE WHEN d % 20 = 7 THEN 'company' WHEN d % 40 = 13 THEN 'trust' ELSE 'individual' END,
       CASE WHEN d % 11 = 0 THEN NULL ELSE 'donor' || d || '@post.example' END,
       (ARRAY['London','London','South East','South East','South West','Midlands','Midlands','North West',
              'North East','Yorkshire','Scotland','Wales'])[1 + (d * 5) % 12],
       (ARRAY['web','web','web','event','street','mail','referral','web','event','mail'])[1 + (d * 3) % 10],
       d % 20 <> 7 AND d % 40 <> 13 AND (d * 7) % 10 < 6,
       DATE '2022-01-04' + ((d - 1) * 1400 / 4800)
FROM generate_series(1,4800) d,
     (SELECT ARRAY['Adams','Allen','Anderson','Atkinson','Baker','Barnes','Bates','Begum','Berry','Bird',
                   'Black','Bradley','Brown','Butler','Campbell','Carter','Chambers','Clark','Collins','Cook',
                   'Crawford','Cunningham','Dawson','Dean','Edwards','Ferguson','Field','Ford','Fox','Gardner',
                   'Gordon','Gray','Green','Griffiths','Hamilton','Harris','Harrison','Hart','Hill','Holland',
                   'Hopkins','Howard','Hudson','Hussain','Jackson','James','Johnson','Johnston','Kelly','Kennedy',
                   'King','Lane','Lee','Lewis','Marshall','Martin','Matthews','Miller','Mitchell','Morgan',
                   'Morris','Murray','Newman','Parker','Payne','Phillips','Reynolds','Richards','Roberts','Robinson',
                   'Russell','Saunders','Simpson','Smith','Spencer','Stevens','Thomas','Thompson','Watson','Wilson'] AS sn) names;

INSERT INTO recurring_gifts (recurring_id, donor_id, campaign_id, amount, frequency, started_on, cancelled_on)
SELECT r, d, camp, amt, freq, st,
       CASE WHEN r % 4 = 0 AND st + ((r * 7) % 600 + 60) < DATE '2025-11-15' THEN st + ((r * 7) % 600 + 60) ELSE NULL END
FROM (
  SELECT r,
         CASE WHEN (1 + (r * 53) % 4800) % 20 = 7 OR (1 + (r * 53) % 4800) % 40 = 13
              THEN 2 + (r * 53) % 4800 ELSE 1 + (r * 53) % 4800 END AS d,
         CASE WHEN r % 5 < 3 THEN NULL ELSE (ARRAY[2,9,10,17,16])[1 + (r * 3) % 5] END AS camp,
         (ARRAY[5,8,10,10,12,15,20,25,30,50])[1 + (r * 7) % 10]::numeric AS amt,
         CASE WHEN r % 25 < 20 THEN 'monthly' WHEN r % 25 < 23 THEN 'quarterly' ELSE 'annual' END AS freq,
         DATE '2022-06-01' + ((r * 389) % 1240) AS st
  FROM generate_series(1,900) r
) g;

-- campaigns 16 and 15 launched in 2024: regular gifts to them start no earlier
UPDATE recurring_gifts rg SET started_on = c.launched_on
FROM campaigns c WHERE c.campaign_id = rg.campaign_id AND rg.started_on < c.launched_on;

-- donations 1: payments of regular gifts, 2023-01-01 .. 2025-11-15
CREATE TEMP TABLE don_stage (
  donor_id integer, campaign_id integer, recurring_id integer, amount numeric(10,2),
  received_on date, method text, status text, sortkey integer
);

INSERT INTO don_stage
SELECT rg.donor_id, rg.campaign_id, rg.recurring_id, rg.amount, p::date, 'direct_debit',
       CASE WHEN (rg.recurring_id + extract(month FROM p)::int * 7) % 41 = 0 THEN 'failed' ELSE 'cleared' END,
       rg.recurring_id
FROM recurring_gifts rg
CROSS JOIN LATERAL generate_series(rg.started_on::timestamp,
                                   least(coalesce(rg.cancelled_on, DATE '2025-11-15'), DATE '2025-11-15')::timestamp,
                                   CASE rg.frequency WHEN 'monthly' THEN interval '1 month'
                                                     WHEN 'quarterly' THEN interval '3 months' ELSE interval '1 year' END) p
WHERE p >= TIMESTAMP '2023-01-01';

-- donations 2: one-off gifts, skewed to December and to regular givers with low ids
INSERT INTO don_stage
SELECT dn, camp.campaign_id, NULL,
       CASE dt.donor_type
         WHEN 'individual' THEN (ARRAY[5,10,10,15,20,20,25,25,30,50,50,75,100,100,250,500])[1 + (i * 7) % 16]
         WHEN 'company'    THEN (ARRAY[250,500,500,1000,1000,2500,5000])[1 + (i * 3) % 7]
         ELSE (ARRAY[1000,2000,2500,5000,10000,25000])[1 + (i * 5) % 6] END,
       dte,
       CASE WHEN dt.donor_type <> 'individual' THEN (ARRAY['bank_transfer','bank_transfer','cheque'])[1 + i % 3]
            ELSE (ARRAY['card','card','card','card','card','paypal','paypal','paypal','cash','cash','cheque','bank_transfer'])[1 + (i * 5) % 12] END,
       CASE WHEN i % 97 = 0 THEN 'refunded' WHEN i % 113 = 0 THEN 'failed' ELSE 'cleared' END,
       100000 + i
FROM (
  SELECT i, 1 + (((i * 613) % 4800) * ((i * 1013) % 4800 + 400)) / 5200 AS dn,
         make_date(CASE WHEN 2023 + (i * 5 + i / 7) % 3 = 2025
                         AND (ARRAY[1,2,3,3,4,5,5,6,6,7,8,9,10,10,11,11,12,12,12,12,12,12])[1 + (i * 17) % 22] >= 11
                        THEN 2023 + (i / 5) % 2 ELSE 2023 + (i * 5 + i / 7) % 3 END,
                   (ARRAY[1,2,3,3,4,5,5,6,6,7,8,9,10,10,11,11,12,12,12,12,12,12])[1 + (i * 17) % 22],
                   1 + (i * 13) % 28) AS dte
  FROM generate_series(1,11000) i
) x
JOIN donors dt ON dt.donor_id = x.dn
LEFT JOIN LATERAL (
  SELECT c.campaign_id FROM campaigns c
  WHERE c.launched_on <= x.dte AND (c.closes_on IS NULL OR c.closes_on >= x.dte)
    AND c.campaign_id NOT IN (3, 11, 18) AND i % 4 <> 0
  ORDER BY c.campaign_id
  OFFSET ((i::bigint * 2654435761) / 128) % (SELECT count(*) FROM campaigns c2
                    WHERE c2.launched_on <= x.dte AND (c2.closes_on IS NULL OR c2.closes_on >= x.dte)
                      AND c2.campaign_id NOT IN (3, 11, 18))
  LIMIT 1
) camp ON true;

-- donations 3: emergency appeals (Feb-Apr 2023, Sep-Nov 2024) and Midnight Walk sponsorship (May-Jul)
INSERT INTO don_stage
SELECT 1 + (((i * 389) % 4800) * ((i * 71) % 4800 + 800)) / 5600,
       CASE WHEN i <= 1600 THEN CASE WHEN i % 2 = 0 THEN 7 ELSE 8 END ELSE 12 + i % 3 END,
       NULL,
       (ARRAY[10,20,20,25,30,50,50,100])[1 + (i * 3) % 8],
       CASE WHEN i <= 1600 AND i % 2 = 0 THEN DATE '2023-02-08' + ((i * 7) % 50) * ((i * 3) % 50) / 50
            WHEN i <= 1600 THEN DATE '2024-09-10' + ((i * 7) % 70) * ((i * 3) % 70) / 70
            ELSE make_date(2023 + i % 3, 5, 1) + (i * 11) % 70 END,
       (ARRAY['card','card','card','paypal','paypal','cash'])[1 + i % 6],
       'cleared',
       200000 + i
FROM generate_series(1,2800) i;

-- donations 4: gifts left in wills
INSERT INTO don_stage
SELECT 40 + g * 311, 18, NULL,
       (ARRAY[5000,12000,25000,8000,50000,15000,3000,20000,10000,7500,30000,6000])[g],
       DATE '2023-02-20' + g * 79, 'bank_transfer', 'cleared', 300000 + g
FROM generate_series(1,12) g;

INSERT INTO donations (donation_id, donor_id, campaign_id, recurring_id, amount, received_on, method, gift_aid, status)
SELECT row_number() OVER (ORDER BY s.received_on, s.sortkey), s.donor_id, s.campaign_id, s.recurring_id,
       s.amount, s.received_on, s.method, d.gift_aid_ok AND s.status = 'cleared', s.status
FROM don_stage s JOIN donors d ON d.donor_id = s.donor_id;

DROP TABLE don_stage;

-- donor records created no later than their first gift
UPDATE donors d SET created_on = f.first_dt
FROM (SELECT donor_id, min(received_on) AS first_dt FROM donations GROUP BY donor_id) f
WHERE f.donor_id = d.donor_id AND f.first_dt < d.created_on;

INSERT INTO shops VALUES
 (1,'Hope Shop Islington','London','London',DATE '2012-05-14',1400,20),
 (2,'Hope Shop Brixton','London','London',DATE '2016-09-05',1100,21),
 (3,'Hope Shop Brighton','Brighton','South East',DATE '2014-03-10',1250,22),
 (4,'Hope Shop Reading','Reading','South East',DATE '2019-10-21',900,22),
 (5,'Hope Shop Bath','Bath','South West',DATE '2011-07-04',1000,23),
 (6,'Hope Shop Exeter','Exeter','South West',DATE '2021-04-12',850,23),
 (7,'Hope Shop Leicester','Leicester','Midlands',DATE '2015-02-02',1600,24),
 (8,'Hope Shop Derby','Derby','Midlands',DATE '2023-05-15',950,24),
 (9,'Hope Shop Chorlton','Manchester','North West',DATE '2013-11-18',1300,25),
 (10,'Hope Shop Durham','Durham','North East',DATE '2018-06-25',800,25),
 (11,'Hope Shop York','York','Yorkshire',DATE '2017-08-07',1150,26),
 (12,'Hope Shop Leith','Edinburgh','Scotland',DATE '2020-01-20',1050,26),
 (13,'Hope Shop Swansea','Swansea','Wales',DATE '2024-03-04',900,NULL),
 (14,'Hope Furniture Sheffield','Sheffield','Yorkshire',DATE '2022-09-12',4200,20);
COMMENT ON COLUMN shops.manager_id IS 'NULL = post vacant';

INSERT INTO volunteers (vol_id, first_name, last_name, email, region, joined_on, dbs_checked, status, recruited_by)
SELECT v,
       (ARRAY['Amy','Arthur','Bella','Carl','Dawn','Dev','Elsie','Frank','Gemma','Hugo',
              'Iris','Jamal','Kate','Lee','Mia','Ned','Orla','Pete','Rita','Sanjay',
              'Tess','Umar','Vera','Wes','Yasmin'])[1 + (v-1) % 25],
       (ARRAY['Archer','Bishop','Chandler','Drummond','Elliott','Fraser','Goddard','Hale','Ingram','Jarvis',
              'Keane','Lamb','Mercer','North','Oakley','Pryce','Rowley','Sharp','Tate','Vaughan',
              'Wilde','Yates','Ashby','Brennan','Cross'])[1 + ((v-1)/25 + 3*((v-1) % 25)) % 25],
       CASE WHEN v % 8 = 0 THEN NULL ELSE 'vol' || v || '@mail.example' END,
       (ARRAY['London','London','South East','South West','Midlands','North West','North East','Yorkshire','Scotland','Wales'])[1 + (v * 7) % 10],
       DATE '2021-01-11' + ((v - 1) * 1700 / 600),
       (v * 3) % 7 <> 0,
       CASE WHEN v % 6 = 0 THEN 'inactive' ELSE 'active' END,
       CASE WHEN v % 7 = 2 AND v > 14 AND v % 3 = 0 THEN 5
            WHEN v % 7 = 2 AND v > 14 THEN 1 + ((v * 7919) % 1000) * (v - 1) / 1000 ELSE NULL END
FROM generate_series(1,600) v;

INSERT INTO vol_shifts (shift_id, vol_id, shop_id, shift_date, activity, hours, attended, logged_by)
SELECT s, vid, CASE WHEN act IN ('street collection','fundraising event') THEN NULL ELSE shop END,
       dte, act,
       (ARRAY[2,3,3,3.5,4,4,4,5,6,7.5])[1 + (s * 7) % 10],
       s % 17 <> 0 AND NOT (vid = 79 AND s % 9 = 0),
       CASE WHEN s % 3 = 0 THEN NULL ELSE (ARRAY[27,28,20,21,22,23,24,25,26])[1 + (s * 5) % 9] END
FROM (
  SELECT s,
         1 + (((s * 211) % 600) * ((s * 97) % 600 + 60)) / 660 AS vid,
         1 + (s * 11) % 14 AS shop,
         CASE WHEN (s * 13) % 20 < 9 THEN 'shop floor' WHEN (s * 13) % 20 < 14 THEN 'sorting donations'
              WHEN (s * 13) % 20 < 16 THEN 'admin' WHEN (s * 13) % 20 < 18 THEN 'street collection'
              ELSE 'fundraising event' END AS act,
         least(make_date(2023 + s % 3,
                         (ARRAY[1,2,3,4,5,6,6,7,7,8,9,10,11,11,12,12,12])[1 + (s * 19) % 17],
                         1 + (s * 7) % 28),
               DATE '2025-11-14' - (s % 40)) AS dte
  FROM generate_series(1,9000) s
) x;

-- shifts happen after the volunteer joined
DELETE FROM vol_shifts vs USING volunteers v WHERE v.vol_id = vs.vol_id AND vs.shift_date < v.joined_on;

INSERT INTO grants (grant_id, funder, campaign_id, amt_requested, amt_awarded, applied_on, decided_on, status, written_by)
SELECT g, funder, camp, req,
       CASE WHEN st = 'awarded' THEN CASE WHEN g % 3 = 0 THEN round(req * 0.6, -2) ELSE req END END,
       app,
       CASE WHEN st = 'pending' THEN NULL ELSE app + 40 + (g * 13) % 90 END,
       st,
       CASE WHEN app < DATE '2024-09-01' THEN (ARRAY[8,9,11])[1 + g % 3] ELSE (ARRAY[8,11,8])[1 + g % 3] END
FROM (
  SELECT g,
         (ARRAY['Aldgate Foundation','Brennan Family Trust','Corrie Charitable Trust','Dunmore Fund',
                'Eastway Community Fund','Fairhaven Trust','Lottery Community Fund','Millbrook Foundation',
                'Pennant Trust','Westgate Giving'])[1 + (g * 3) % 10] AS funder,
         (ARRAY[2,9,10,15,16,17,19,20,2,10])[1 + (g * 7) % 10] AS camp,
         (ARRAY[5000,10000,15000,20000,25000,40000,50000,75000])[1 + (g * 5) % 8]::numeric AS req,
         DATE '2023-01-10' + ((g * 1009) % 1030) AS app,
         CASE WHEN DATE '2023-01-10' + ((g * 1009) % 1030) > DATE '2025-07-01' THEN 'pending'
              WHEN g % 20 < 11 THEN 'awarded' ELSE 'declined' END AS st
  FROM generate_series(1,84) g
) x;

-- grants cannot predate the campaign they are for
UPDATE grants gr SET applied_on = c.launched_on + (gr.grant_id % 30),
                     decided_on = CASE WHEN gr.decided_on IS NULL THEN NULL ELSE c.launched_on + (gr.grant_id % 30) + 60 END
FROM campaigns c WHERE c.campaign_id = gr.campaign_id AND gr.applied_on < c.launched_on;

INSERT INTO expenses (expense_id, campaign_id, category, amount, spent_on, supplier, approved_by)
SELECT e, camp,
       cat,
       round((CASE cat WHEN 'programme delivery' THEN 1800 WHEN 'staff costs' THEN 2400 WHEN 'marketing' THEN 900
                       WHEN 'venue hire' THEN 650 WHEN 'travel' THEN 220 WHEN 'printing' THEN 340 ELSE 150 END)
             * (0.4 + ((e * 37) % 100) / 80.0), 2),
       dte,
       CASE WHEN cat IN ('staff costs','travel') THEN NULL
            ELSE (ARRAY['Wellspring Drilling','PrintRight','Adverto Media','Hall and Co Venues','Medisupply UK',
                        'OfficeHub','GreenSeed Nurseries','BookBridge','SunLite Solar','Northern Haulage'])[1 + (e * 7) % 10] END,
       CASE WHEN e % 5 = 0 THEN 4 WHEN e % 5 IN (1,2) THEN 16 ELSE 17 END
FROM (
  SELECT e,
         CASE WHEN e % 10 < 3 THEN NULL ELSE (ARRAY[2,2,4,5,6,7,8,9,10,10,12,13,14,15,16,17,19,20])[1 + (e * 11) % 18] END AS camp,
         (ARRAY['programme delivery','programme delivery','programme delivery','staff costs','marketing','marketing',
                'venue hire','travel','printing','admin'])[1 + (e * 3) % 10] AS cat,
         DATE '2023-01-03' + ((e * 631) % 1045) AS dte
  FROM generate_series(1,3200) e
) x;

-- campaign spending falls inside the campaign's dates
UPDATE expenses ex SET spent_on = c.launched_on + (ex.expense_id % greatest(1, least(coalesce(c.closes_on, DATE '2025-11-14'), DATE '2025-11-14') - c.launched_on))
FROM campaigns c
WHERE c.campaign_id = ex.campaign_id
  AND (ex.spent_on < c.launched_on OR ex.spent_on > coalesce(c.closes_on, DATE '2025-11-14'));
