-- Brightwater Plumbing & Heating: a plumbing and heating contractor working
-- around Cardiff and the Vale. The office books jobs (boiler services and
-- breakdowns, landlord gas safety certificates, leaks, drains, taps,
-- radiators, power flushes); bigger work (new boilers, cylinders, bathrooms)
-- is quoted first. Engineers attend, parts used are logged against the job,
-- and completed chargeable work is invoiced. Data runs January 2023 to the
-- end of October 2025.

BEGIN;

CREATE TABLE staff (
    staff_id      integer PRIMARY KEY,
    first_name    text NOT NULL,
    last_name     text NOT NULL,
    job_title     text NOT NULL,
    role          text NOT NULL,          -- manager / office / estimator / engineer / apprentice
    gas_safe_no   text,
    van_reg       text,
    supervisor_id integer REFERENCES staff (staff_id),
    hired_on      date NOT NULL,
    left_on       date
);
COMMENT ON COLUMN staff.gas_safe_no IS 'Gas Safe register licence number; NULL = not gas registered, may not do gas work';
COMMENT ON COLUMN staff.left_on IS 'NULL while still employed';

CREATE TABLE customers (
    cust_no            integer PRIMARY KEY,
    cust_name          text NOT NULL,
    cust_type          text NOT NULL,     -- domestic / landlord / commercial
    email              text,
    phone              text,
    created_at         timestamp NOT NULL,
    account_terms_days integer,
    marketing_ok       boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN customers.account_terms_days IS 'Credit terms in days for account customers; NULL = pays on completion';

CREATE TABLE properties (
    prop_id             integer PRIMARY KEY,
    cust_no             integer NOT NULL REFERENCES customers (cust_no),
    addr_line1          text NOT NULL,
    town                text NOT NULL,
    postcode            text NOT NULL,
    prop_type           text NOT NULL,    -- house / flat / HMO / commercial
    boiler_make         text,
    boiler_installed_on date,
    added_on            date NOT NULL
);
COMMENT ON COLUMN properties.boiler_make IS 'NULL = no gas boiler on site (or never recorded)';

CREATE TABLE job_types (
    job_type_cd text PRIMARY KEY,
    descr       text NOT NULL,
    std_hrs     numeric(5,2) NOT NULL,
    fixed_price numeric(8,2),
    gas_work    boolean NOT NULL
);
COMMENT ON COLUMN job_types.fixed_price IS 'Fixed price (ex VAT, parts extra); NULL = charged by the hour or quoted';

CREATE TABLE labour_rates (
    rate_cd        text NOT NULL,         -- STD weekday / EMG emergency call-out
    descr          text NOT NULL,
    hourly_amt     numeric(6,2) NOT NULL,
    effective_from date NOT NULL,
    effective_to   date,
    PRIMARY KEY (rate_cd, effective_from)
);

CREATE TABLE parts (
    part_cd         text PRIMARY KEY,
    part_desc       text NOT NULL,
    category        text NOT NULL,
    supplier        text NOT NULL,
    unit_cost       numeric(8,2) NOT NULL,
    list_price      numeric(8,2) NOT NULL,
    discontinued_on date
);

CREATE TABLE quotes (
    quote_no       integer PRIMARY KEY,
    prop_id        integer NOT NULL REFERENCES properties (prop_id),
    job_type_cd    text NOT NULL REFERENCES job_types (job_type_cd),
    quoted_on      date NOT NULL,
    valid_until    date NOT NULL,
    quote_amt      numeric(10,2) NOT NULL,
    status         text NOT NULL,         -- sent / accepted / declined / expired
    decline_reason text,
    prepared_by    integer NOT NULL REFERENCES staff (staff_id),
    approved_by    integer REFERENCES staff (staff_id)
);
COMMENT ON COLUMN quotes.approved_by IS 'Director sign-off, needed for quotes of 3000.00 or more; NULL = under the limit';

CREATE TABLE jobs (
    job_no        integer PRIMARY KEY,
    prop_id       integer NOT NULL REFERENCES properties (prop_id),
    job_type_cd   text NOT NULL REFERENCES job_types (job_type_cd),
    quote_no      integer REFERENCES quotes (quote_no),
    parent_job_no integer REFERENCES jobs (job_no),
    priority      text NOT NULL,          -- routine / urgent / emergency
    reported_at   timestamp NOT NULL,
    scheduled_on  date NOT NULL,
    completed_at  timestamp,
    status        text NOT NULL,          -- booked / in progress / completed / cancelled / no access
    assigned_to   integer REFERENCES staff (staff_id),
    booked_by     integer REFERENCES staff (staff_id),
    labour_hrs    numeric(5,2)
);
COMMENT ON TABLE jobs IS 'One visit/job. parent_job_no set = return visit under warranty for an earlier job (not invoiced)';
COMMENT ON COLUMN jobs.booked_by IS 'Office staff who took the booking; NULL = booked online by the customer';
COMMENT ON COLUMN jobs.assigned_to IS 'Engineer; NULL = not yet allocated';

CREATE TABLE job_parts (
    job_no     integer NOT NULL REFERENCES jobs (job_no),
    part_cd    text NOT NULL REFERENCES parts (part_cd),
    qty        numeric(6,2) NOT NULL,
    unit_price numeric(8,2) NOT NULL,
    PRIMARY KEY (job_no, part_cd)
);

CREATE TABLE invoices (
    inv_no     integer PRIMARY KEY,
    job_no     integer NOT NULL UNIQUE REFERENCES jobs (job_no),
    cust_no    integer NOT NULL REFERENCES customers (cust_no),
    issued_on  date NOT NULL,
    due_on     date NOT NULL,
    net_amt    numeric(10,2) NOT NULL,
    vat_amt    numeric(10,2) NOT NULL,
    paid_on    date,
    pay_method text
);
COMMENT ON COLUMN invoices.paid_on IS 'NULL = still outstanding';

-- ---------------------------------------------------------------- staff
INSERT INTO staff VALUES
 ( 1,'Gareth','Pryce','Operations Director','manager','118204','CY19 KPL',NULL,'2009-03-02',NULL),
 ( 2,'Helen','Okafor','Office Manager','office',NULL,NULL,1,'2015-06-01',NULL),
 ( 3,'Dawn','Mitchell','Bookings Coordinator','office',NULL,NULL,2,'2017-02-13',NULL),
 ( 4,'Priya','Sandhu','Bookings Coordinator','office',NULL,NULL,2,'2023-05-15',NULL),
 ( 5,'Tomasz','Nowak','Bookings Coordinator','office',NULL,NULL,2,'2019-10-07','2024-02-29'),
 ( 6,'Craig','Lawson','Estimator','estimator','204577','CY21 LWN',1,'2012-04-16',NULL),
 ( 7,'Steve','Hartley','Senior Heating Engineer','engineer','133950','CY20 HRT',1,'2011-01-10',NULL),
 ( 8,'Jamal','Reid','Heating Engineer','engineer','311092','CY20 JRD',7,'2016-08-22',NULL),
 ( 9,'Owen','Morgan','Heating Engineer','engineer','298114','CY21 OMG',7,'2018-03-05',NULL),
 (10,'Marek','Kowalski','Heating Engineer','engineer','402216','CY19 MKW',7,'2019-05-20','2024-08-16'),
 (11,'Liam','Doherty','Heating Engineer','engineer','377520','CY22 LDH',7,'2020-01-06',NULL),
 (12,'Sian','Evans','Senior Heating Engineer','engineer','256031','CY22 SEV',6,'2014-09-01',NULL),
 (13,'Rob','Tanner','Plumber','engineer',NULL,'CY18 RTN',12,'2013-11-11',NULL),
 (14,'Dean','Fletcher','Heating Engineer','engineer','519873','CY23 DFL',12,'2024-01-08',NULL),
 (15,'Kieran','Walsh','Apprentice Plumber','apprentice',NULL,NULL,8,'2023-09-04',NULL),
 (16,'Aaron','Bell','Apprentice Plumber','apprentice',NULL,NULL,9,'2022-09-05','2025-03-28'),
 (17,'Ellie','Shaw','Apprentice Plumber','apprentice',NULL,NULL,12,'2024-09-02',NULL),
 (18,'Nathan','Cole','Heating Engineer','engineer','588402','CY24 NCL',12,'2025-02-03',NULL),
 (19,'Ian','Pritchard','Drainage Engineer','engineer',NULL,'CY17 IPD',7,'2016-04-18',NULL),
 (20,'Bev','Turner','Accounts Clerk','office',NULL,NULL,2,'2018-01-15',NULL);

-- ---------------------------------------------------------------- price lists
INSERT INTO job_types VALUES
 ('BSVC','Annual boiler service',1.00,95.00,true),
 ('GSC','Landlord gas safety certificate (CP12)',0.75,75.00,true),
 ('BREP','Boiler breakdown / repair',2.00,NULL,true),
 ('BINS','New boiler installation',16.00,NULL,true),
 ('CYL','Hot water cylinder replacement',7.00,NULL,true),
 ('PFL','Central heating power flush',6.00,450.00,true),
 ('LEAK','Leak repair',1.50,NULL,false),
 ('DRN','Blocked drain clearance',1.00,110.00,false),
 ('TAP','Tap / toilet repair',1.00,NULL,false),
 ('RAD','Radiator supply and fit',2.50,NULL,false),
 ('BATH','Bathroom refit',40.00,NULL,false);

INSERT INTO labour_rates VALUES
 ('STD','Standard hourly rate, Mon-Fri 8-6',58.00,'2023-01-01','2023-12-31'),
 ('STD','Standard hourly rate, Mon-Fri 8-6',62.00,'2024-01-01','2025-03-31'),
 ('STD','Standard hourly rate, Mon-Fri 8-6',65.00,'2025-04-01',NULL),
 ('EMG','Emergency call-out hourly rate',85.00,'2023-01-01','2023-12-31'),
 ('EMG','Emergency call-out hourly rate',90.00,'2024-01-01','2025-03-31'),
 ('EMG','Emergency call-out hourly rate',95.00,'2025-04-01',NULL);

INSERT INTO parts VALUES
 ('ISO-15','15mm isolation valve','fittings','Harbour Plumb Supplies',2.10,6.50,NULL),
 ('CPL-15','15mm compression coupling','fittings','Harbour Plumb Supplies',1.20,4.00,NULL),
 ('CPL-22','22mm compression coupling','fittings','Harbour Plumb Supplies',1.90,5.50,NULL),
 ('ELB-22','22mm end-feed elbow','fittings','Harbour Plumb Supplies',1.10,3.80,NULL),
 ('PIPE-15','15mm copper pipe (per metre)','pipe','Harbour Plumb Supplies',4.20,9.50,NULL),
 ('PIPE-22','22mm copper pipe (per metre)','pipe','Harbour Plumb Supplies',7.80,16.00,NULL),
 ('TRV-15','Thermostatic radiator valve','controls','Northgate Heating Spares',11.50,28.00,NULL),
 ('THERMO','Programmable room thermostat','controls','Northgate Heating Spares',42.00,110.00,NULL),
 ('THERMO-W','Wireless smart thermostat','controls','Northgate Heating Spares',96.00,215.00,NULL),
 ('PRV-BLR','Boiler pressure relief valve','boiler spares','Northgate Heating Spares',14.00,38.00,NULL),
 ('DIV-VLV','Diverter valve cartridge','boiler spares','Northgate Heating Spares',38.00,95.00,NULL),
 ('FAN-BLR','Boiler fan assembly','boiler spares','Northgate Heating Spares',62.00,165.00,NULL),
 ('PCB-BLR','Boiler main PCB','boiler spares','Northgate Heating Spares',145.00,340.00,NULL),
 ('PUMP-CH','Central heating pump','boiler spares','Northgate Heating Spares',78.00,185.00,NULL),
 ('IGN-ELC','Ignition electrode','boiler spares','Northgate Heating Spares',9.00,32.00,NULL),
 ('EXP-VES','Expansion vessel 8L','boiler spares','Northgate Heating Spares',48.00,120.00,NULL),
 ('GAS-VLV','Boiler gas valve','boiler spares','Northgate Heating Spares',88.00,210.00,NULL),
 ('INHIB-1L','System inhibitor 1L','chemicals','Northgate Heating Spares',11.00,26.00,NULL),
 ('FLUSH-CH','Power flush cleanser','chemicals','Northgate Heating Spares',19.00,45.00,NULL),
 ('DRN-ENZ','Drain enzyme treatment','chemicals','Harbour Plumb Supplies',6.00,18.00,NULL),
 ('MAG-FLT','Magnetic system filter','controls','Northgate Heating Spares',55.00,135.00,NULL),
 ('RAD-600','Radiator 600x1000 double panel','radiators','Harbour Plumb Supplies',68.00,160.00,NULL),
 ('RAD-450','Radiator 450x800 single panel','radiators','Harbour Plumb Supplies',39.00,95.00,NULL),
 ('RAD-TWL','Chrome towel radiator','radiators','Celtic Bathrooms',58.00,140.00,'2024-12-31'),
 ('TAP-MIX','Kitchen mixer tap','sanitaryware','Celtic Bathrooms',45.00,110.00,NULL),
 ('TAP-CART','Ceramic tap cartridge','fittings','Harbour Plumb Supplies',8.50,24.00,NULL),
 ('WASH-SET','Tap washer set','fittings','Harbour Plumb Supplies',1.50,5.00,NULL),
 ('FILL-VLV','Toilet fill valve','fittings','Harbour Plumb Supplies',9.00,24.00,NULL),
 ('FLSH-VLV','Toilet flush valve','fittings','Harbour Plumb Supplies',12.00,32.00,NULL),
 ('TRAP-40','40mm waste trap','fittings','Harbour Plumb Supplies',3.50,9.00,NULL),
 ('WC-PAN','Close-coupled WC suite','sanitaryware','Celtic Bathrooms',95.00,210.00,NULL),
 ('BASIN-PED','Basin and pedestal','sanitaryware','Celtic Bathrooms',70.00,165.00,NULL),
 ('BATH-STD','Steel bath 1700mm','sanitaryware','Celtic Bathrooms',160.00,340.00,NULL),
 ('SHWR-MIX','Thermostatic bar shower mixer','sanitaryware','Celtic Bathrooms',120.00,265.00,NULL),
 ('BLR-VC30','Vantara 30kW combi boiler','boilers','Northgate Heating Spares',980.00,1650.00,NULL),
 ('BLR-VC35','Vantara 35kW combi boiler','boilers','Northgate Heating Spares',1120.00,1890.00,NULL),
 ('BLR-HX28','Halcyon 28kW combi boiler','boilers','Northgate Heating Spares',890.00,1495.00,'2024-06-30'),
 ('BLR-HX32','Halcyon 32kW combi boiler','boilers','Northgate Heating Spares',945.00,1590.00,NULL),
 ('CYL-210','Unvented cylinder 210L','cylinders','Northgate Heating Spares',620.00,1150.00,NULL);

-- ---------------------------------------------------------------- customers
INSERT INTO customers (cust_no, cust_name, cust_type, email, phone, created_at, account_terms_days, marketing_ok)
SELECT i,
       CASE WHEN i % 20 = 0 THEN ln || (ARRAY[' Lettings Ltd',' Property Management',' Homes Ltd',' Estates'])[1 + (i / 20) % 4]
            WHEN i % 10 = 3 THEN ln || ' ' || biz
            ELSE fn || ' ' || ln END,
       CASE WHEN i % 10 IN (0, 5) THEN 'landlord' WHEN i % 10 = 3 THEN 'commercial' ELSE 'domestic' END,
       CASE WHEN i % 9 = 4 THEN NULL
            WHEN i % 10 = 3 OR i % 20 = 0 THEN 'accounts@' || lower(ln) || (i % 97) || '.co.uk'
            ELSE lower(fn) || '.' || lower(ln) || (i % 89) || (ARRAY['@gmail.com','@outlook.com','@btinternet.com','@yahoo.co.uk'])[1 + i % 4] END,
       CASE WHEN i % 23 = 7 THEN NULL ELSE '07' || ((i::bigint * 2654435761 + 12345) % 900000000 + 100000000)::text END,
       timestamp '2021-03-01 09:00' + ((i - 1) * 1689 / 1800) * interval '1 day' + ((i * 53) % 480) * interval '1 minute',
       CASE WHEN i % 20 = 0 OR i % 10 = 3 THEN 30 WHEN i % 10 = 5 AND i % 4 = 1 THEN 14 ELSE NULL END,
       (i % 3 = 0)
FROM generate_series(1, 1800) AS i,
LATERAL (SELECT
   (ARRAY['Rhys','Megan','Dylan','Ffion','Tom','Sarah','James','Emma','Huw','Cerys','Daniel','Laura','Matthew','Rachel','Lewis',
          'Bethan','Chris','Hannah','Gethin','Nia','Paul','Karen','Mark','Lisa','David','Carys','Adam','Zara','Ravi','Amira',
          'Joe','Lowri','Ben','Alys','Sam','Grace','Peter','Julie','Aled','Kate','Neil','Fatima','Harry','Ceri','Luke','Anna','Iwan'])[1 + (i * 17) % 47] AS fn,
   (ARRAY['Jones','Davies','Williams','Evans','Thomas','Roberts','Hughes','Lewis','Morgan','Griffiths','Price','Phillips','Edwards',
          'James','Rees','Jenkins','Owen','Powell','Watkins','Harris','Lloyd','Bevan','Howells','Richards','Pugh','Parry','Morris',
          'Ahmed','Khan','Patel','Clarke','Walker','Hopkins','Vaughan','Prosser','Llewellyn','Bowen','Meredith','Probert','Cadogan',
          'Ellis','Ward','Baker','Collins','Shah','Nash','Pearce','Tudor','Gibbs','Salter','Keane','Doyle','Mahoney'])[1 + (i * 29) % 53] AS ln,
   (ARRAY['Dental Practice','Motors','Cafe','Accountants','Hair Studio','Day Nursery','Vets','Bakery','Solicitors','Guest House',
          'Community Hall','Fitness Studio'])[1 + (i * 7) % 12] AS biz) n;

-- ---------------------------------------------------------------- properties
INSERT INTO properties (prop_id, cust_no, addr_line1, town, postcode, prop_type, boiler_make, boiler_installed_on, added_on)
SELECT p, c.cust_no,
       (1 + (p * 37) % 140) || ' ' ||
       (ARRAY['Heol y Coed','Clive Road','Windsor Terrace','Plymouth Road','Cathedral Road','Heathwood Road','Pen-y-Lan Road',
              'Lavernock Road','Station Road','Church Street','Fairwater Grove','Meadow Street','Park Crescent','Victoria Road',
              'High Street','Ty Mawr Avenue','Brook Street','Marine Parade','Mill Lane','Castle View','Beechwood Drive','Oak Close',
              'Llandaff Road','Albert Street','Romilly Road','Colum Road','Whitchurch Road','Gabalfa Avenue','Cowbridge Road East',
              'Holton Road'])[1 + (p * 11) % 30],
       t.town,
       t.pc || ' ' || (1 + p % 9) || chr(65 + (p * 7) % 26) || chr(65 + (p * 13) % 26),
       CASE WHEN c.cust_type = 'commercial' THEN 'commercial'
            WHEN c.cust_type = 'landlord' THEN (ARRAY['flat','house','HMO','flat'])[1 + p % 4]
            ELSE (ARRAY['house','house','flat','house','bungalow'])[1 + p % 5] END,
       CASE WHEN p % 11 = 0 THEN NULL ELSE (ARRAY['Vantara','Halcyon','Bexley','Corran','Nordfire','Vantara','Halcyon'])[1 + (p * 3) % 7] END,
       CASE WHEN p % 11 = 0 OR p % 5 = 0 THEN NULL ELSE DATE '2006-01-01' + ((p::bigint * 7717) % 6200)::int END,
       CASE WHEN p <= 1800 THEN c.created_at::date
            ELSE LEAST(c.created_at::date + (p * 11) % 500, DATE '2025-10-15') END
FROM generate_series(1, 2400) AS p
JOIN customers c ON c.cust_no = CASE WHEN p <= 1800 THEN p ELSE 10 * (1 + (p * 37) % 180) END
CROSS JOIN LATERAL (SELECT (ARRAY['Cardiff','Cardiff','Cardiff','Penarth','Barry','Caerphilly','Pontypridd','Cowbridge','Llantwit Major','Dinas Powys'])[1 + (p * 7) % 10] AS town) t0
CROSS JOIN LATERAL (SELECT t0.town,
        CASE t0.town WHEN 'Cardiff' THEN 'CF' || (5 + p % 20) WHEN 'Penarth' THEN 'CF64' WHEN 'Barry' THEN 'CF62'
             WHEN 'Caerphilly' THEN 'CF83' WHEN 'Pontypridd' THEN 'CF37' WHEN 'Cowbridge' THEN 'CF71'
             WHEN 'Llantwit Major' THEN 'CF61' ELSE 'CF64' END AS pc) t;

-- ---------------------------------------------------------------- quotes
CREATE TEMP TABLE tmp_props ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY p.added_on, p.prop_id) AS rn, p.prop_id, p.added_on, c.cust_type
FROM properties p JOIN customers c USING (cust_no);

INSERT INTO quotes (quote_no, prop_id, job_type_cd, quoted_on, valid_until, quote_amt, status, decline_reason, prepared_by, approved_by)
SELECT 7000 + q, tp.prop_id, x.jt, x.qd, x.qd + 30, x.amt,
       x.st,
       CASE WHEN x.st = 'declined' THEN (ARRAY['price too high','went with another firm','no longer needed','price too high','no reason given'])[1 + x.h % 5] END,
       CASE WHEN x.qd < DATE '2023-06-01' OR x.h % 3 <> 0 THEN 6 ELSE 7 END,
       CASE WHEN x.amt >= 3000 THEN CASE WHEN x.h % 7 = 0 AND x.qd >= DATE '2024-01-01' THEN 12 ELSE 1 END END
FROM generate_series(1, 1000) AS q
CROSS JOIN LATERAL (SELECT (q::bigint * 2654435761 + 17) % 1000003 AS h,
                           DATE '2023-01-05' + ((q - 1) * 1025 / 1000) AS qd) b
CROSS JOIN LATERAL (SELECT b.h, b.qd,
        CASE WHEN b.h % 20 < 10 THEN 'BINS' WHEN b.h % 20 < 14 THEN 'BATH' WHEN b.h % 20 < 17 THEN 'CYL' ELSE 'RAD' END AS jt,
        CASE WHEN b.qd > DATE '2025-10-01' THEN CASE WHEN b.h % 3 = 0 THEN 'accepted' ELSE 'sent' END
             WHEN (b.h / 7) % 20 < 9 THEN 'accepted'
             WHEN (b.h / 7) % 20 < 14 THEN 'declined' ELSE 'expired' END AS st) a
CROSS JOIN LATERAL (SELECT a.*,
        CASE a.jt WHEN 'BINS' THEN 2400 + (a.h % 180) * 10
                  WHEN 'BATH' THEN 4500 + (a.h % 997) * 5
                  WHEN 'CYL'  THEN 1200 + (a.h % 70) * 10
                  ELSE 350 + (a.h % 55) * 10 END::numeric(10,2) AS amt) x
CROSS JOIN LATERAL (SELECT count(*) AS n FROM tmp_props WHERE added_on <= x.qd) cnt
JOIN tmp_props tp ON tp.rn = 1 + (x.h / 3) % cnt.n;

-- ---------------------------------------------------------------- jobs (staged)
CREATE TEMP TABLE tmp_jobs ON COMMIT DROP AS
SELECT i AS tkey, tp.prop_id, tp.cust_type, g.h, g.rep,
       CASE WHEN tp.cust_type = 'landlord' THEN
                CASE WHEN g.h % 100 < 38 THEN 'GSC' WHEN g.h % 100 < 58 THEN 'BREP' WHEN g.h % 100 < 72 THEN 'LEAK'
                     WHEN g.h % 100 < 82 THEN 'TAP' WHEN g.h % 100 < 90 THEN 'DRN' ELSE 'BSVC' END
            WHEN tp.cust_type = 'commercial' THEN
                CASE WHEN g.h % 100 < 25 THEN 'BREP' WHEN g.h % 100 < 45 THEN 'LEAK' WHEN g.h % 100 < 65 THEN 'DRN'
                     WHEN g.h % 100 < 80 THEN 'TAP' ELSE 'BSVC' END
            WHEN extract(month FROM g.rep) IN (11, 12, 1, 2) THEN
                CASE WHEN g.h % 100 < 22 THEN 'BSVC' WHEN g.h % 100 < 55 THEN 'BREP' WHEN g.h % 100 < 67 THEN 'LEAK'
                     WHEN g.h % 100 < 77 THEN 'TAP' WHEN g.h % 100 < 86 THEN 'RAD' WHEN g.h % 100 < 93 THEN 'DRN' ELSE 'PFL' END
            ELSE
                CASE WHEN g.h % 100 < 40 THEN 'BSVC' WHEN g.h % 100 < 58 THEN 'BREP' WHEN g.h % 100 < 70 THEN 'LEAK'
                     WHEN g.h % 100 < 81 THEN 'TAP' WHEN g.h % 100 < 88 THEN 'RAD' WHEN g.h % 100 < 95 THEN 'DRN' ELSE 'PFL' END
       END AS job_type_cd,
       NULL::integer AS quote_no, NULL::integer AS parent_tkey, NULL::integer AS parent_eng, NULL::date AS quote_sched
FROM generate_series(1, 6200) AS i
CROSS JOIN LATERAL (SELECT (i::bigint * 2654435761 + 101) % 1000003 AS h,
        timestamp '2023-01-03 07:30' + ((i - 1) * 1030 / 6200) * interval '1 day'
            + ((i::bigint * 97) % 600) * interval '1 minute' AS rep) g
CROSS JOIN LATERAL (SELECT count(*) AS n FROM tmp_props WHERE added_on <= g.rep::date) cnt
JOIN tmp_props tp ON tp.rn = 1 + (g.h / 11) % cnt.n;

INSERT INTO tmp_jobs
SELECT 100000 + q.quote_no, q.prop_id, c.cust_type, (q.quote_no::bigint * 2654435761 + 7) % 1000003,
       (q.quoted_on + 2 + q.quote_no % 10) + time '09:15' + (q.quote_no % 300) * interval '1 minute',
       q.job_type_cd, q.quote_no, NULL, NULL,
       q.quoted_on + 2 + q.quote_no % 10 + 7 + (q.quote_no * 13) % 29
FROM quotes q JOIN properties p USING (prop_id) JOIN customers c USING (cust_no)
WHERE q.status = 'accepted' AND q.quoted_on + 2 + q.quote_no % 10 <= DATE '2025-10-31';

CREATE TEMP TABLE tmp_jobs2 (
    tkey integer, prop_id integer, job_type_cd text, quote_no integer, parent_tkey integer,
    priority text, rep timestamp, sched date, done timestamp, status text, eng integer, booker integer, hrs numeric) ON COMMIT DROP;

-- first pass: ordinary and quoted jobs
INSERT INTO tmp_jobs2
SELECT j.tkey, j.prop_id, j.job_type_cd, j.quote_no, NULL, s.priority, j.rep, s.sched,
       CASE WHEN st.status IN ('completed') THEN s.done END,
       st.status,
       CASE WHEN st.status = 'booked' AND j.h % 4 = 0 THEN NULL
            ELSE (SELECT (array_agg(staff_id ORDER BY staff_id))[1 + (j.h / 13) % count(*)]
                  FROM staff
                  WHERE role = 'engineer' AND hired_on <= s.sched AND (left_on IS NULL OR left_on >= s.sched)
                    AND (gas_safe_no IS NOT NULL OR NOT jt.gas_work)
                    AND (staff_id <> 19 OR j.job_type_cd = 'DRN')) END,
       CASE WHEN j.quote_no IS NULL AND s.priority = 'routine'
                 AND (j.h / 23) % 100 < CASE WHEN j.rep < timestamp '2024-01-01' THEN 14
                                             WHEN j.rep < timestamp '2025-01-01' THEN 21 ELSE 30 END THEN NULL
            ELSE (SELECT (array_agg(staff_id ORDER BY staff_id))[1 + (j.h / 17) % count(*)]
                  FROM staff
                  WHERE staff_id IN (2, 3, 3, 4, 5) AND hired_on <= j.rep::date AND (left_on IS NULL OR left_on >= j.rep::date)
                    AND (staff_id <> 2 OR j.h % 6 = 0)) END,
       CASE WHEN st.status = 'completed' THEN GREATEST(0.5, round(jt.std_hrs * (0.6 + (j.h % 80) / 100.0) * 4) / 4) END
FROM tmp_jobs j
JOIN job_types jt USING (job_type_cd)
CROSS JOIN LATERAL (SELECT
        CASE WHEN j.quote_no IS NOT NULL THEN 'routine'
             WHEN j.job_type_cd IN ('BREP', 'LEAK') AND (j.h / 101) % 100 < 25 THEN 'emergency'
             WHEN j.job_type_cd IN ('BREP', 'LEAK', 'DRN') AND (j.h / 101) % 100 < 65 THEN 'urgent'
             ELSE 'routine' END AS priority) pr
CROSS JOIN LATERAL (SELECT pr.priority,
        COALESCE(j.quote_sched,
            CASE pr.priority WHEN 'emergency' THEN j.rep::date WHEN 'urgent' THEN j.rep::date + 1
                 ELSE j.rep::date + 3 + ((j.h / 5) % 19)::int END) AS sched) s0
CROSS JOIN LATERAL (SELECT s0.priority, s0.sched,
        s0.sched + time '08:30'
          + (CASE j.job_type_cd WHEN 'BINS' THEN 2 WHEN 'BATH' THEN 7 + j.h % 4 WHEN 'CYL' THEN 1 ELSE 0 END) * interval '1 day'
          + (60 + (j.h % 420)) * interval '1 minute'
          + CASE WHEN s0.priority = 'emergency' THEN interval '3 hours' ELSE interval '0' END AS done) s
CROSS JOIN LATERAL (SELECT
        CASE WHEN s.sched > DATE '2025-10-31' THEN 'booked'
             WHEN s.done >= timestamp '2025-11-01' THEN 'in progress'
             WHEN j.h % 29 = 3 THEN 'cancelled'
             WHEN j.h % 37 = 5 AND j.quote_no IS NULL THEN 'no access'
             ELSE 'completed' END AS status) st;

-- second pass: warranty call-backs on breakdowns and new boilers
INSERT INTO tmp_jobs2
SELECT 200000 + p.tkey, p.prop_id, 'BREP', NULL, p.tkey, 'urgent', r.rep, r.rep::date + 1,
       CASE WHEN r.rep::date + 1 <= DATE '2025-10-31' THEN r.rep::date + 1 + time '10:00' + (p.tkey % 300) * interval '1 minute' END,
       CASE WHEN r.rep::date + 1 <= DATE '2025-10-31' THEN 'completed' ELSE 'booked' END,
       CASE WHEN e.left_on IS NOT NULL AND e.left_on < r.rep::date + 1 THEN 7 ELSE p.eng END,
       CASE WHEN p.tkey % 2 = 0 THEN 3 WHEN r.rep >= timestamp '2023-05-15' THEN 4 ELSE 3 END,
       CASE WHEN r.rep::date + 1 <= DATE '2025-10-31' THEN 0.5 + (p.tkey % 4) * 0.25 END
FROM tmp_jobs2 p
JOIN staff e ON e.staff_id = p.eng
CROSS JOIN LATERAL (SELECT p.done + (2 + p.tkey % 19) * interval '1 day' + interval '47 minutes' AS rep) r
WHERE p.status = 'completed' AND p.job_type_cd IN ('BREP', 'BINS')
  AND ((p.tkey::bigint * 40503) % 97) < 6
  AND r.rep < timestamp '2025-10-31 17:00';

CREATE TEMP TABLE tmp_map ON COMMIT DROP AS
SELECT tkey, 10000 + row_number() OVER (ORDER BY rep, tkey) AS job_no FROM tmp_jobs2;

INSERT INTO jobs (job_no, prop_id, job_type_cd, quote_no, parent_job_no, priority, reported_at, scheduled_on,
                  completed_at, status, assigned_to, booked_by, labour_hrs)
SELECT m.job_no, j.prop_id, j.job_type_cd, j.quote_no, pm.job_no, j.priority, j.rep, j.sched, j.done, j.status,
       j.eng, j.booker, j.hrs
FROM tmp_jobs2 j
JOIN tmp_map m USING (tkey)
LEFT JOIN tmp_map pm ON pm.tkey = j.parent_tkey
ORDER BY m.job_no;

-- ---------------------------------------------------------------- parts used
INSERT INTO job_parts (job_no, part_cd, qty, unit_price)
SELECT j.job_no, pc.part_cd,
       CASE WHEN pt.category = 'pipe' THEN 1 + (j.job_no + k) % 6
            WHEN pt.category = 'fittings' AND pt.part_cd NOT IN ('FILL-VLV', 'FLSH-VLV') THEN 1 + (j.job_no + k) % 4
            WHEN pt.category = 'radiators' THEN 1 + (j.job_no % 3)
            WHEN pt.category = 'chemicals' THEN 1 + (j.job_no % 2)
            ELSE 1 END,
       round(pt.list_price * CASE WHEN j.completed_at < timestamp '2024-01-01' THEN 0.92
                                  WHEN j.completed_at < timestamp '2025-04-01' THEN 0.96 ELSE 1 END, 2)
FROM jobs j
CROSS JOIN LATERAL (SELECT
    CASE j.job_type_cd
      WHEN 'BSVC' THEN CASE WHEN j.job_no % 4 = 0 THEN ARRAY['IGN-ELC','INHIB-1L','PRV-BLR'] ELSE ARRAY[]::text[] END
      WHEN 'GSC'  THEN ARRAY[]::text[]
      WHEN 'BREP' THEN ARRAY['DIV-VLV','FAN-BLR','PCB-BLR','PUMP-CH','IGN-ELC','EXP-VES','PRV-BLR','GAS-VLV']
      WHEN 'LEAK' THEN ARRAY['CPL-15','CPL-22','ELB-22','PIPE-15','PIPE-22','ISO-15']
      WHEN 'DRN'  THEN CASE WHEN j.job_no % 3 = 0 THEN ARRAY['DRN-ENZ'] ELSE ARRAY[]::text[] END
      WHEN 'TAP'  THEN ARRAY['TAP-CART','WASH-SET','FILL-VLV','FLSH-VLV','TAP-MIX','TRAP-40','ISO-15']
      WHEN 'RAD'  THEN CASE WHEN j.completed_at < timestamp '2025-01-01' AND j.job_no % 5 = 0
                            THEN ARRAY['RAD-TWL','TRV-15','INHIB-1L'] ELSE ARRAY['RAD-600','TRV-15','INHIB-1L'] END
      WHEN 'PFL'  THEN ARRAY['FLUSH-CH','INHIB-1L','MAG-FLT']
      WHEN 'BINS' THEN ARRAY[CASE WHEN j.completed_at < timestamp '2024-07-01' AND j.job_no % 4 = 1 THEN 'BLR-HX28'
                                  WHEN j.job_no % 4 = 2 THEN 'BLR-HX32' WHEN j.job_no % 3 = 0 THEN 'BLR-VC35' ELSE 'BLR-VC30' END,
                             'MAG-FLT', CASE WHEN j.completed_at >= timestamp '2024-06-01' AND j.job_no % 2 = 0 THEN 'THERMO-W' ELSE 'THERMO' END,
                             'PIPE-22','INHIB-1L','ELB-22']
      WHEN 'CYL'  THEN ARRAY['CYL-210','PIPE-22','CPL-22','ISO-15']
      WHEN 'BATH' THEN ARRAY['BATH-STD','WC-PAN','BASIN-PED','SHWR-MIX','TRAP-40','PIPE-15','ISO-15']
    END AS cand,
    CASE WHEN j.job_type_cd IN ('BREP') THEN 1 + j.job_no % 3
         WHEN j.job_type_cd IN ('LEAK', 'TAP') THEN 1 + (j.job_no / 3) % 3
         WHEN j.job_type_cd IN ('BSVC', 'DRN') THEN 1
         WHEN j.job_type_cd = 'RAD' THEN 3
         WHEN j.job_type_cd = 'PFL' THEN 2 + j.job_no % 2
         ELSE 100 END AS nlines) c
CROSS JOIN LATERAL generate_series(0, LEAST(c.nlines, cardinality(c.cand)) - 1) AS k
CROSS JOIN LATERAL (SELECT CASE WHEN c.nlines >= 100 OR j.job_type_cd IN ('RAD', 'PFL') THEN c.cand[1 + k]
                                ELSE c.cand[1 + (j.job_no / 7 + k) % cardinality(c.cand)] END AS part_cd) pc
JOIN parts pt ON pt.part_cd = pc.part_cd
WHERE j.status = 'completed' AND j.parent_job_no IS NULL;

-- ---------------------------------------------------------------- invoices
INSERT INTO invoices (inv_no, job_no, cust_no, issued_on, due_on, net_amt, vat_amt, paid_on, pay_method)
SELECT 50000 + row_number() OVER (ORDER BY x.issued_on, x.job_no), x.job_no, x.cust_no, x.issued_on,
       x.issued_on + COALESCE(x.terms, 0), x.net, round(x.net * 0.20, 2),
       CASE WHEN x.issued_on >= DATE '2025-09-20' AND x.h % 3 <> 0 THEN NULL
            WHEN x.h % 61 = 9 THEN NULL
            WHEN x.terms IS NULL THEN LEAST(x.issued_on + (x.h % 9)::int, DATE '2025-10-31')
            ELSE LEAST(x.issued_on + 5 + (x.h % (x.terms + 25))::int, DATE '2025-10-31') END,
       CASE WHEN x.issued_on >= DATE '2025-09-20' AND x.h % 3 <> 0 THEN NULL
            WHEN x.h % 61 = 9 THEN NULL
            WHEN x.terms IS NULL THEN (ARRAY['card','card','bank transfer','cash','card','cheque'])[1 + x.h % 6]
            ELSE 'bank transfer' END
FROM (
    SELECT j.job_no, p.cust_no, c.account_terms_days AS terms,
           LEAST(j.completed_at::date + j.job_no % 3, DATE '2025-10-31') AS issued_on,
           (j.job_no::bigint * 2654435761 + 55) % 1000003 AS h,
           COALESCE(q.quote_amt,
                    round(jt.fixed_price * CASE WHEN j.completed_at < timestamp '2024-01-01' THEN 0.92
                                                WHEN j.completed_at < timestamp '2025-04-01' THEN 0.96 ELSE 1 END, 2)
                    + COALESCE(pp.parts_amt, 0),
                    j.labour_hrs * lr.hourly_amt + COALESCE(pp.parts_amt, 0)) AS net
    FROM jobs j
    JOIN properties p USING (prop_id)
    JOIN customers c USING (cust_no)
    JOIN job_types jt USING (job_type_cd)
    LEFT JOIN quotes q ON q.quote_no = j.quote_no
    LEFT JOIN labour_rates lr ON lr.rate_cd = CASE WHEN j.priority = 'emergency' THEN 'EMG' ELSE 'STD' END
                              AND j.completed_at::date >= lr.effective_from
                              AND (lr.effective_to IS NULL OR j.completed_at::date <= lr.effective_to)
    LEFT JOIN (SELECT job_no, sum(qty * unit_price) AS parts_amt FROM job_parts GROUP BY job_no) pp ON pp.job_no = j.job_no
    WHERE j.status = 'completed' AND j.parent_job_no IS NULL
) x;

COMMIT;

ANALYZE;
