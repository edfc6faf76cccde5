-- Keepsafe Self Storage: a self-storage operator with six stores across the
-- Midlands (Nottingham opened in May 2024). Customers rent units by the month
-- at the store's price list rate, optionally with a promotion and contents
-- cover; monthly charges are raised and collected; the gate system logs every
-- PIN entry; stores also sell boxes, locks and packing materials.
-- Records start January 2023 (tenancies already running then were migrated
-- with their original move-in dates) and run to the end of October 2025.

BEGIN;

CREATE TABLE sites (
    site_cd     text PRIMARY KEY,
    site_name   text NOT NULL,
    town        text NOT NULL,
    postcode    text NOT NULL,
    opened_on   date NOT NULL,
    gate_opens  time NOT NULL,
    gate_closes time NOT NULL,
    manager_id  integer
);
COMMENT ON COLUMN sites.manager_id IS 'Store manager; NULL = post vacant, store covered by the area manager';

CREATE TABLE staff (
    staff_id   integer PRIMARY KEY,
    first_name text NOT NULL,
    last_name  text NOT NULL,
    site_cd    text REFERENCES sites (site_cd),
    job_title  text NOT NULL,
    reports_to integer REFERENCES staff (staff_id),
    started_on date NOT NULL,
    ended_on   date
);
COMMENT ON COLUMN staff.site_cd IS 'NULL = head office';

ALTER TABLE sites ADD FOREIGN KEY (manager_id) REFERENCES staff (staff_id);

CREATE TABLE unit_sizes (
    size_cd     text PRIMARY KEY,
    sq_ft       integer NOT NULL,
    size_label  text NOT NULL,
    typical_use text
);

CREATE TABLE size_rates (
    site_cd      text NOT NULL REFERENCES sites (site_cd),
    size_cd      text NOT NULL REFERENCES unit_sizes (size_cd),
    monthly_rate numeric(8,2) NOT NULL,
    valid_from   date NOT NULL,
    valid_to     date,
    PRIMARY KEY (site_cd, size_cd, valid_from)
);
COMMENT ON TABLE size_rates IS 'Price list: standard monthly rent per unit size per store';

CREATE TABLE units (
    unit_id            integer PRIMARY KEY,
    site_cd            text NOT NULL REFERENCES sites (site_cd),
    unit_no            text NOT NULL,
    size_cd            text NOT NULL REFERENCES unit_sizes (size_cd),
    floor_no           integer NOT NULL,
    drive_up           boolean NOT NULL,
    climate_controlled boolean NOT NULL,
    status             text NOT NULL,     -- available / occupied / reserved / out of service
    UNIQUE (site_cd, unit_no)
);

CREATE TABLE customers (
    cust_id       integer PRIMARY KEY,
    first_name    text NOT NULL,
    last_name     text NOT NULL,
    company_name  text,
    email         text,
    phone         text,
    postcode      text,
    registered_on date NOT NULL,
    source        text NOT NULL,          -- web / phone / walk-in / referral
    referred_by   integer REFERENCES customers (cust_id)
);
COMMENT ON COLUMN customers.company_name IS 'Business customers only; NULL = personal customer';

CREATE TABLE promotions (
    promo_cd       text PRIMARY KEY,
    descr          text NOT NULL,
    discount_pct   numeric(5,2) NOT NULL,
    months_applied integer,
    valid_from     date NOT NULL,
    valid_to       date
);
COMMENT ON COLUMN promotions.months_applied IS 'Number of months the discount runs for; NULL = for the whole rental';

CREATE TABLE rentals (
    rental_id       integer PRIMARY KEY,
    unit_id         integer NOT NULL REFERENCES units (unit_id),
    cust_id         integer NOT NULL REFERENCES customers (cust_id),
    move_in_on      date NOT NULL,
    move_out_on     date,
    notice_given_on date,
    agreed_rate     numeric(8,2) NOT NULL,
    promo_cd        text REFERENCES promotions (promo_cd),
    cover_value     numeric(10,2),
    status          text NOT NULL,        -- active / ended / overdue
    signed_up_by    integer REFERENCES staff (staff_id)
);
COMMENT ON COLUMN rentals.move_out_on IS 'NULL = still in the unit';
COMMENT ON COLUMN rentals.cover_value IS 'Contents cover taken with us; NULL = customer uses their own insurance';
COMMENT ON COLUMN rentals.signed_up_by IS 'Staff member who did the move-in; NULL = rented online';

CREATE TABLE charges (
    charge_id    integer PRIMARY KEY,
    rental_id    integer NOT NULL REFERENCES rentals (rental_id),
    period_start date NOT NULL,
    rent_amt     numeric(8,2) NOT NULL,
    cover_amt    numeric(8,2) NOT NULL DEFAULT 0,
    discount_amt numeric(8,2) NOT NULL DEFAULT 0,
    late_fee_amt numeric(8,2) NOT NULL DEFAULT 0,
    paid_on      date,
    pay_method   text
);
COMMENT ON COLUMN charges.paid_on IS 'NULL = unpaid';

CREATE TABLE gate_access (
    access_id  integer PRIMARY KEY,
    cust_id    integer NOT NULL REFERENCES customers (cust_id),
    site_cd    text NOT NULL REFERENCES sites (site_cd),
    entered_at timestamp NOT NULL,
    outcome    text NOT NULL              -- granted / denied
);

CREATE TABLE retail_items (
    item_cd    text PRIMARY KEY,
    item_name  text NOT NULL,
    unit_price numeric(8,2) NOT NULL,
    active     boolean NOT NULL DEFAULT true
);

CREATE TABLE retail_sales (
    sale_no    integer NOT NULL,
    item_cd    text NOT NULL REFERENCES retail_items (item_cd),
    site_cd    text NOT NULL REFERENCES sites (site_cd),
    sold_at    timestamp NOT NULL,
    qty        integer NOT NULL,
    unit_price numeric(8,2) NOT NULL,
    sold_by    integer NOT NULL REFERENCES staff (staff_id),
    cust_id    integer REFERENCES customers (cust_id),
    PRIMARY KEY (sale_no, item_cd)
);
COMMENT ON COLUMN retail_sales.cust_id IS 'NULL = walk-in buyer who is not a storage customer';

-- ---------------------------------------------------------------- reference data
INSERT INTO sites VALUES
 ('BHM1','Birmingham Digbeth','Birmingham','B5 5QR','2011-05-01','06:00','22:00',NULL),
 ('BHM2','Birmingham Erdington','Birmingham','B24 9HP','2016-09-01','06:00','22:00',NULL),
 ('COV','Coventry Foleshill','Coventry','CV6 5AL','2013-03-15','07:00','21:00',NULL),
 ('WOL','Wolverhampton Ring Road','Wolverhampton','WV2 1BT','2018-06-01','07:00','21:00',NULL),
 ('LEI','Leicester Abbey Lane','Leicester','LE4 5QD','2014-10-01','06:00','22:00',NULL),
 ('NOT','Nottingham Lenton','Nottingham','NG7 2JE','2024-05-01','06:00','22:00',NULL);

INSERT INTO staff VALUES
 ( 1,'Margaret','Hollis',NULL,'Operations Director',NULL,'2014-02-01',NULL),
 ( 2,'Darren','Cooke',NULL,'Area Manager',1,'2017-06-12',NULL),
 ( 3,'Simone','Ashworth',NULL,'Credit Controller',1,'2019-09-02',NULL),
 ( 4,'Gurpreet','Dhillon','BHM1','Store Manager',2,'2016-03-01',NULL),
 ( 5,'Kelly','Marsh','BHM1','Assistant Manager',4,'2020-05-11',NULL),
 ( 6,'Connor','Briggs','BHM1','Customer Service Assistant',4,'2022-07-04','2024-01-19'),
 ( 7,'Aisha','Begum','BHM1','Customer Service Assistant',4,'2024-01-22',NULL),
 ( 8,'Paul','Whitfield','BHM2','Store Manager',2,'2018-10-01','2024-06-28'),
 ( 9,'Natalie','Greaves','BHM2','Assistant Manager',8,'2021-02-15',NULL),
 (10,'Jordan','Pike','BHM2','Customer Service Assistant',8,'2023-03-06',NULL),
 (11,'Harjit','Bains','COV','Store Manager',2,'2015-08-03',NULL),
 (12,'Lucy','Fenwick','COV','Customer Service Assistant',11,'2019-04-23',NULL),
 (13,'Ryan','Osei','COV','Customer Service Assistant',11,'2023-08-14',NULL),
 (14,'Claire','Dunmore','WOL','Store Manager',2,'2017-01-09',NULL),
 (15,'Tyler','Gough','WOL','Customer Service Assistant',14,'2021-11-01','2025-05-30'),
 (16,'Mia','Chadwick','WOL','Customer Service Assistant',14,'2025-06-02',NULL),
 (17,'Vikram','Mistry','LEI','Store Manager',2,'2016-11-14',NULL),
 (18,'Hannah','Blythe','LEI','Assistant Manager',17,'2020-02-03',NULL),
 (19,'Sam','Okonjo','LEI','Customer Service Assistant',17,'2024-09-09',NULL),
 (20,'Rebecca','Lowe','NOT','Store Manager',2,'2024-03-04',NULL),
 (21,'Ethan','Marsh','NOT','Customer Service Assistant',20,'2024-04-15',NULL),
 (22,'Ola','Nowicka','NOT','Customer Service Assistant',20,'2024-04-15','2025-01-31');

UPDATE sites SET manager_id = CASE site_cd WHEN 'BHM1' THEN 4 WHEN 'COV' THEN 11 WHEN 'WOL' THEN 14
                                          WHEN 'LEI' THEN 17 WHEN 'NOT' THEN 20 END;

INSERT INTO unit_sizes VALUES
 ('10SQ',10,'locker','documents, a few boxes'),
 ('25SQ',25,'small','contents of a student room'),
 ('35SQ',35,'small','small flat clear-out'),
 ('50SQ',50,'medium','one-bedroom flat'),
 ('75SQ',75,'medium','two-bedroom flat'),
 ('100SQ',100,'large','three-bedroom house'),
 ('150SQ',150,'large','four-bedroom house or business stock'),
 ('200SQ',200,'extra large',NULL);

INSERT INTO size_rates (site_cd, size_cd, monthly_rate, valid_from, valid_to)
SELECT s.site_cd, z.size_cd,
       round(z.base * s.mult * p.mult) - 0.01,
       CASE WHEN s.site_cd = 'NOT' AND p.valid_from < DATE '2024-05-01' THEN DATE '2024-05-01' ELSE p.valid_from END,
       p.valid_to
FROM (VALUES ('BHM1',1.10),('BHM2',0.95),('COV',1.00),('WOL',0.88),('LEI',0.97),('NOT',1.02)) AS s(site_cd, mult)
CROSS JOIN (VALUES ('10SQ',29),('25SQ',59),('35SQ',75),('50SQ',99),('75SQ',135),('100SQ',169),('150SQ',229),('200SQ',289)) AS z(size_cd, base)
CROSS JOIN (VALUES (DATE '2022-01-01', DATE '2022-12-31', 0.95),
                   (DATE '2023-01-01', DATE '2024-03-31', 1.00),
                   (DATE '2024-04-01', DATE '2025-03-31', 1.06),
                   (DATE '2025-04-01', NULL::date, 1.10)) AS p(valid_from, valid_to, mult)
WHERE NOT (s.site_cd = 'NOT' AND p.valid_from < DATE '2024-01-01');

INSERT INTO promotions VALUES
 ('HALFFIRST','50% off your first month',50,1,'2023-01-01',NULL),
 ('WINTER23','Winter offer: 20% off for two months',20,2,'2023-11-01','2024-01-31'),
 ('SPRING24','Spring clear-out: 25% off for three months',25,3,'2024-03-01','2024-05-31'),
 ('NOTTSOPEN','Nottingham opening offer: 50% off for three months',50,3,'2024-05-01','2024-08-31'),
 ('STUDENT10','Student discount, 10% for the whole rental',10,NULL,'2023-01-01',NULL),
 ('BIZ15','Business customers moving stock in: 15% off for six months',15,6,'2025-02-01','2025-07-31');

INSERT INTO retail_items VALUES
 ('BOX-S','Small packing box',2.50,true),
 ('BOX-M','Medium packing box',3.25,true),
 ('BOX-L','Large packing box',3.95,true),
 ('BOX-WR','Wardrobe box',12.50,true),
 ('TAPE','Packing tape roll',2.99,true),
 ('BUBBLE','Bubble wrap 10m',7.50,true),
 ('LOCK-D','Disc padlock',14.99,true),
 ('LOCK-C','Closed-shackle padlock',19.99,true),
 ('MATT-C','Mattress cover',6.50,true),
 ('SOFA-C','Sofa cover',8.50,true),
 ('DUST-S','Dust sheet',4.50,false),
 ('TROLLEY','Trolley hire (day)',10.00,true);

-- ---------------------------------------------------------------- units
INSERT INTO units (unit_id, site_cd, unit_no, size_cd, floor_no, drive_up, climate_controlled, status)
SELECT row_number() OVER (ORDER BY s.ord, k), s.site_cd,
       chr(65 + x.floor_no) || lpad(k::text, 3, '0'),
       x.size_cd, x.floor_no,
       x.floor_no = 0 AND x.size_cd IN ('100SQ','150SQ','200SQ') AND k % 3 <> 0,
       x.floor_no > 0 AND k % 4 = 0,
       'available'
FROM (VALUES (1,'BHM1',160),(2,'BHM2',120),(3,'COV',130),(4,'WOL',100),(5,'LEI',120),(6,'NOT',90)) AS s(ord, site_cd, n)
CROSS JOIN LATERAL generate_series(1, s.n) AS k
CROSS JOIN LATERAL (SELECT CASE WHEN k <= s.n / 3 THEN 0 WHEN k <= 2 * s.n / 3 THEN 1 ELSE 2 END AS floor_no,
        (ARRAY['10SQ','25SQ','25SQ','35SQ','35SQ','50SQ','50SQ','50SQ','75SQ','75SQ','100SQ','100SQ','150SQ','200SQ'])
            [1 + (k * 5 + s.ord) % 14] AS size_cd) x;

-- ---------------------------------------------------------------- rentals (staged)
CREATE TEMP TABLE tmp_ten ON COMMIT DROP AS
WITH t AS (
    SELECT u.unit_id, u.site_cd, u.size_cd, k,
           (u.unit_id::bigint * 7919 + k * 104729) % 1000003 AS h,
           CASE WHEN u.site_cd = 'NOT' THEN DATE '2024-05-01' + (u.unit_id * 37) % 240
                ELSE DATE '2022-01-10' + (u.unit_id * 37) % 330 END AS base
    FROM units u CROSS JOIN generate_series(0, 12) AS k
), d AS (
    SELECT t.*,
           CASE WHEN h % 10 < 4 THEN 45 + h % 120 WHEN h % 10 < 8 THEN 150 + h % 300 ELSE 400 + h % 500 END::int AS dur,
           (7 + (h / 7) % 70)::int AS gap
    FROM t
)
SELECT d.unit_id, d.site_cd, d.size_cd, d.k, d.h,
       d.base + (COALESCE(sum(d.dur + d.gap) OVER (PARTITION BY d.unit_id ORDER BY d.k
                                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::int AS move_in,
       d.dur
FROM d;

DELETE FROM tmp_ten WHERE move_in > DATE '2025-10-31' OR move_in + dur < DATE '2023-01-01';

CREATE TEMP TABLE tmp_r ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY move_in, unit_id) AS rn, t.*,
       CASE WHEN t.move_in + t.dur > DATE '2025-10-31' THEN NULL ELSE t.move_in + t.dur END AS move_out
FROM tmp_ten t;

ALTER TABLE tmp_r ADD COLUMN is_new boolean, ADD COLUMN seq integer, ADD COLUMN cust_id integer;
UPDATE tmp_r SET is_new = NOT (rn > 40 AND (rn % 6 = 0 OR rn % 6 = 3 AND rn % 4 = 1));
UPDATE tmp_r r SET seq = s.seq
FROM (SELECT rn, count(*) FILTER (WHERE is_new) OVER (ORDER BY rn) AS seq FROM tmp_r) s WHERE s.rn = r.rn;
UPDATE tmp_r SET cust_id = CASE WHEN is_new THEN seq
                                WHEN rn % 6 = 3 THEN 8 * (1 + (h / 3) % (seq / 8))
                                ELSE 1 + (h / 3) % seq END;

-- ---------------------------------------------------------------- customers
INSERT INTO customers (cust_id, first_name, last_name, company_name, email, phone, postcode, registered_on, source, referred_by)
SELECT c, n.fn, n.ln,
       CASE WHEN c % 8 = 0 THEN n.ln || (ARRAY[' Removals Ltd',' Interiors',' Trading Ltd',' Events',' Archive Services',
                                                  ' Antiques',' Building Supplies',' eBay Store'])[1 + (c / 8) % 8] END,
       CASE WHEN c % 13 = 6 THEN NULL ELSE lower(n.fn) || '.' || lower(n.ln) || (c % 71) ||
            (ARRAY['@gmail.com','@hotmail.co.uk','@outlook.com','@icloud.com','@yahoo.co.uk'])[1 + c % 5] END,
       CASE WHEN c % 17 = 9 THEN NULL ELSE '07' || ((c::bigint * 2654435761 + 777) % 900000000 + 100000000)::text END,
       CASE WHEN c % 19 = 4 THEN NULL ELSE
           (ARRAY['B5','B12','B23','B24','B44','CV1','CV6','CV3','WV1','WV3','WV10','LE1','LE3','LE4','NG7','NG9','DE1','B90'])[1 + (c * 7) % 18]
           || ' ' || (1 + c % 9) || chr(65 + (c * 3) % 26) || chr(65 + (c * 11) % 26) END,
       r.reg,
       CASE WHEN c > 20 AND c % 11 = 0 THEN 'referral'
            ELSE (ARRAY['web','web','web','phone','walk-in','web','phone','walk-in','web','web'])[1 + (c * 7) % 10] END,
       CASE WHEN c > 20 AND c % 11 = 0 THEN 1 + ((c::bigint * 2654435761) % (c - 10))::int END
FROM (SELECT seq AS c, move_in - (h % 21)::int AS reg FROM tmp_r WHERE is_new
      UNION ALL
      SELECT m.mx + g, DATE '2023-01-09' + (g * 1020 / 260) FROM (SELECT max(seq) AS mx FROM tmp_r) m, generate_series(1, 260) g) r(c, reg)
CROSS JOIN LATERAL (SELECT
   (ARRAY['Oliver','Amelia','Jack','Olivia','Harry','Isla','George','Ava','Noah','Emily','Charlie','Sophie','Jacob','Grace',
          'Alfie','Mia','Freddie','Poppy','Oscar','Ella','Leo','Lily','Arjun','Priya','Mohammed','Zainab','Kwame','Ama',
          'Stuart','Julie','Gary','Tracey','Wayne','Nicola','Lee','Donna','Craig','Michelle','Andrew','Joanne','Raj','Sunita',
          'Tomasz','Agnieszka','Callum','Jade','Kieran','Leanne','Ian','Sandra','Neil','Bev','Yusuf'])[1 + (c * 17) % 53] AS fn,
   (ARRAY['Smith','Jones','Taylor','Brown','Wilson','Walker','Wright','Thompson','Robinson','White','Hughes','Edwards','Green',
          'Hall','Wood','Harris','Clarke','Jackson','Turner','Hill','Cooper','Ward','Morris','King','Baker','Shaw','Mills',
          'Kaur','Singh','Patel','Begum','Hussain','Ali','Mensah','Boateng','Kowalczyk','Nowak','Lloyd','Bradley','Fisher',
          'Hartley','Pearson','Barker','Fletcher','Spencer','Atkins','Holt','Dale','Simmonds','Webb','Marshall','Booth',
          'Bates','Griffin','Payne','Lamb','Rowe','Hewitt','Tranter'])[1 + (c * 29) % 59] AS ln) n
ORDER BY c;

-- ---------------------------------------------------------------- rentals
INSERT INTO rentals (rental_id, unit_id, cust_id, move_in_on, move_out_on, notice_given_on, agreed_rate, promo_cd,
                     cover_value, status, signed_up_by)
SELECT 1000 + r.rn, r.unit_id, r.cust_id, r.move_in, r.move_out,
       CASE WHEN r.move_out IS NOT NULL AND r.h % 5 <> 0 THEN r.move_out - 14 - (r.h % 20)::int
            WHEN r.move_out IS NULL AND r.h % 9 = 0 THEN DATE '2025-10-03' + (r.h % 27)::int END,
       sr.monthly_rate,
       p.promo_cd,
       CASE WHEN (r.h / 11) % 4 = 0 THEN NULL ELSE (ARRAY[1000,2000,2000,5000,5000,10000])[1 + (r.h / 13) % 6] END,
       CASE WHEN r.move_out IS NOT NULL THEN 'ended' WHEN r.h % 15 = 7 THEN 'overdue' ELSE 'active' END,
       CASE WHEN (r.h / 17) % 4 = 0 AND r.move_in >= DATE '2023-06-01' THEN NULL
            ELSE (SELECT (array_agg(staff_id ORDER BY staff_id))[1 + (r.h / 19) % count(*)]
                  FROM staff st WHERE st.site_cd = r.site_cd AND st.started_on <= r.move_in
                    AND (st.ended_on IS NULL OR st.ended_on >= r.move_in)) END
FROM tmp_r r
JOIN size_rates sr ON sr.site_cd = r.site_cd AND sr.size_cd = r.size_cd AND r.move_in >= sr.valid_from
                  AND (sr.valid_to IS NULL OR r.move_in <= sr.valid_to)
LEFT JOIN LATERAL (
    SELECT CASE
        WHEN r.move_in < DATE '2023-01-01' THEN NULL
        WHEN r.site_cd = 'NOT' AND r.move_in <= DATE '2024-08-31' AND r.h % 10 < 7 THEN 'NOTTSOPEN'
        WHEN r.move_in BETWEEN DATE '2023-11-01' AND DATE '2024-01-31' AND r.h % 10 < 4 THEN 'WINTER23'
        WHEN r.move_in BETWEEN DATE '2024-03-01' AND DATE '2024-05-31' AND r.h % 10 < 4 THEN 'SPRING24'
        WHEN r.move_in BETWEEN DATE '2025-02-01' AND DATE '2025-07-31' AND r.cust_id % 8 = 0 AND r.h % 10 < 6 THEN 'BIZ15'
        WHEN r.size_cd IN ('10SQ','25SQ') AND r.cust_id % 8 <> 0 AND r.h % 10 = 9 THEN 'STUDENT10'
        WHEN r.h % 10 < 2 THEN 'HALFFIRST' END AS promo_cd) p ON true
ORDER BY r.rn;

UPDATE units u SET status = CASE WHEN EXISTS (SELECT 1 FROM rentals r WHERE r.unit_id = u.unit_id AND r.move_out_on IS NULL) THEN 'occupied'
                                 WHEN u.unit_id % 37 = 11 THEN 'out of service'
                                 WHEN u.unit_id % 7 = 2 THEN 'reserved'
                                 ELSE 'available' END;

-- ---------------------------------------------------------------- monthly charges
INSERT INTO charges (charge_id, rental_id, period_start, rent_amt, cover_amt, discount_amt, late_fee_amt, paid_on, pay_method)
SELECT 100000 + row_number() OVER (ORDER BY x.period_start, x.rental_id), x.rental_id, x.period_start, x.agreed_rate,
       COALESCE(x.cover_value / 1000 * 2.00, 0),
       CASE WHEN x.promo_cd IS NOT NULL AND (x.months_applied IS NULL OR x.mi < x.months_applied)
            THEN round(x.agreed_rate * x.discount_pct / 100, 2) ELSE 0 END,
       CASE WHEN x.unpaid AND x.status = 'overdue' THEN 15.00 WHEN NOT x.unpaid AND x.late THEN 15.00 ELSE 0 END,
       CASE WHEN x.unpaid THEN NULL
            WHEN x.late THEN LEAST(x.period_start + 20 + (x.h % 20)::int, DATE '2025-10-31')
            ELSE LEAST(x.period_start + (x.h % 4)::int, DATE '2025-10-31') END,
       CASE WHEN x.unpaid THEN NULL
            ELSE (ARRAY['direct debit','direct debit','card','direct debit','card','direct debit','card','bank transfer',
                        'direct debit','card','direct debit','cash','card','direct debit'])[1 + (x.rental_id * 3) % 14] END
FROM (
    SELECT r.rental_id, r.agreed_rate, r.cover_value, r.promo_cd, r.status, p.months_applied, p.discount_pct,
           gs.period_start::date AS period_start,
           ((gs.period_start::date - date_trunc('month', r.move_in_on)::date) / 30) AS mi,
           (r.rental_id::bigint * 31 + extract(epoch FROM gs.period_start)::bigint / 86400) % 1009 AS h,
           (r.status = 'overdue' AND gs.period_start >= DATE '2025-08-01')
             OR (gs.period_start = DATE '2025-10-01' AND r.rental_id % 9 = 4)
             OR (r.status = 'ended' AND r.rental_id % 41 = 5 AND gs.period_start >= date_trunc('month', r.move_out_on) - interval '1 month') AS unpaid,
           (r.rental_id::bigint * 31 + extract(epoch FROM gs.period_start)::bigint / 86400) % 1009 % 23 = 4 AS late
    FROM rentals r
    LEFT JOIN promotions p USING (promo_cd)
    CROSS JOIN LATERAL generate_series(GREATEST(date_trunc('month', r.move_in_on), DATE '2023-01-01'),
                                       date_trunc('month', COALESCE(r.move_out_on, DATE '2025-10-31')),
                                       interval '1 month') AS gs(period_start)
) x;

-- ---------------------------------------------------------------- gate log
INSERT INTO gate_access (access_id, cust_id, site_cd, entered_at, outcome)
SELECT row_number() OVER (ORDER BY v.entered_at, v.rental_id), v.cust_id, v.site_cd, v.entered_at,
       CASE WHEN v.status = 'overdue' AND v.entered_at >= timestamp '2025-09-01' THEN 'denied'
            WHEN (v.rental_id + v.n) % 89 = 0 THEN 'denied'
            ELSE 'granted' END
FROM (
    SELECT r.rental_id, r.cust_id, u.site_cd, r.status, n,
           r.move_in_on + ((n * (5 + r.rental_id % 26)) + (r.rental_id * n) % 4) * interval '1 day'
             + (EXTRACT(hour FROM s.gate_opens) + 1 + (r.rental_id * 7 + n * 5) % 13) * interval '1 hour'
             + ((r.rental_id * 13 + n * 17) % 60) * interval '1 minute' AS entered_at,
           COALESCE(r.move_out_on, DATE '2025-10-31') AS last_day
    FROM rentals r
    JOIN units u USING (unit_id)
    JOIN sites s USING (site_cd)
    CROSS JOIN LATERAL generate_series(0, 200) AS n
) v
WHERE v.entered_at < v.last_day + 1 AND v.entered_at >= DATE '2023-01-01';

-- ---------------------------------------------------------------- retail sales
CREATE TEMP TABLE tmp_sales ON COMMIT DROP AS
SELECT r.rental_id AS src, u.site_cd, r.move_in_on + time '10:00' + ((r.rental_id * 7) % 420) * interval '1 minute' AS sold_at,
       r.cust_id, r.signed_up_by AS seller, (r.rental_id::bigint * 2654435761) % 1000003 AS h
FROM rentals r JOIN units u USING (unit_id)
WHERE r.rental_id % 10 < 6 AND r.move_in_on >= DATE '2023-01-01'
UNION ALL
SELECT 100000 + g, (ARRAY['BHM1','BHM1','BHM2','COV','WOL','LEI','NOT'])[1 + (g * 3) % 7],
       timestamp '2023-01-02 09:30' + (g * 1030 / 1400) * interval '1 day' + ((g * 37) % 480) * interval '1 minute',
       NULL, NULL, (g::bigint * 2654435761 + 3) % 1000003
FROM generate_series(1, 1400) AS g;

DELETE FROM tmp_sales WHERE site_cd = 'NOT' AND sold_at < timestamp '2024-05-01';

UPDATE tmp_sales t SET seller = (SELECT (array_agg(staff_id ORDER BY staff_id))[1 + (t.h / 7) % count(*)]
                                 FROM staff st WHERE st.site_cd = t.site_cd AND st.started_on <= t.sold_at::date
                                   AND (st.ended_on IS NULL OR st.ended_on >= t.sold_at::date))
WHERE seller IS NULL;

INSERT INTO retail_sales (sale_no, item_cd, site_cd, sold_at, qty, unit_price, sold_by, cust_id)
SELECT 5000 + dense_rank() OVER (ORDER BY t.sold_at, t.src), i.item_cd, t.site_cd, t.sold_at,
       CASE WHEN i.item_cd LIKE 'BOX-_' THEN 5 + (t.h / 3 + k) % 16 WHEN i.item_cd = 'TAPE' THEN 1 + t.h % 4 ELSE 1 END,
       round(i.unit_price * CASE WHEN t.sold_at < timestamp '2024-04-01' THEN 0.95 ELSE 1 END, 2),
       t.seller, t.cust_id
FROM tmp_sales t
CROSS JOIN LATERAL generate_series(0, CASE WHEN t.cust_id IS NULL THEN t.h % 2 ELSE 1 + t.h % 3 END) AS k
JOIN retail_items i ON i.item_cd = (CASE WHEN t.cust_id IS NULL
                                          THEN ARRAY['BOX-M','TAPE','BOX-L','BUBBLE','BOX-S','LOCK-D','BOX-WR','TROLLEY','MATT-C','SOFA-C']
                                          ELSE ARRAY['LOCK-D','BOX-M','TAPE','BOX-L','LOCK-C','BUBBLE','BOX-S','MATT-C','BOX-WR','SOFA-C'] END)
                                    [1 + (t.h / 11 + k * (1 + t.h % 3)) % 10]
WHERE NOT (i.item_cd = 'DUST-S')
ON CONFLICT DO NOTHING;

COMMIT;

ANALYZE;
