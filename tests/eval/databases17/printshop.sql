-- =====================================================================
-- Inkwell Print & Copy -- operational database extract
-- A family-run high-street printing and copy shop in Bristol with three
-- branches (Stokes Croft, Clifton and, since March 2024, Temple Meads).
-- Sells business stationery, flyers/leaflets, large-format banners and
-- posters, thesis binding, photo/canvas prints, photocopying and design
-- time to local businesses, schools, charities and members of the public.
-- Orders are taken at the counter, by phone/email or through the web shop;
-- production is logged per machine in print_jobs; payments (including
-- refunds, stored as negative amounts) are kept in the legacy pmt table.
-- Extract date: 2025-06-30 (data covers January 2023 to end of June 2025).
-- =====================================================================

BEGIN;

CREATE TABLE branches (
    branch_id    integer PRIMARY KEY,
    branch_name  text NOT NULL,
    street_addr  text NOT NULL,
    postcode     text NOT NULL,
    opened_on    date NOT NULL,
    phone        text
);

CREATE TABLE staff (
    staff_id     integer PRIMARY KEY,
    full_name    text NOT NULL,
    role         text NOT NULL,
    branch_id    integer NOT NULL REFERENCES branches(branch_id),
    manager_id   integer REFERENCES staff(staff_id),
    hired_on     date NOT NULL,
    left_on      date,
    hourly_rate  numeric(6,2)
);
COMMENT ON TABLE staff IS 'Everyone who works or has worked at the shop';
COMMENT ON COLUMN staff.manager_id IS 'Line manager (staff_id); NULL for the owner';
COMMENT ON COLUMN staff.left_on IS 'Last working day; NULL while still employed';
COMMENT ON COLUMN staff.hourly_rate IS 'GBP per hour; NULL for the owner (takes dividends)';

CREATE TABLE cust (
    cust_no      integer PRIMARY KEY,
    cust_nm      text NOT NULL,
    cust_type    text NOT NULL CHECK (cust_type IN ('business','individual','school','charity')),
    email_addr   text,
    tel          text,
    town         text NOT NULL,
    created_dt   date NOT NULL,
    acct_status  text NOT NULL DEFAULT 'active' CHECK (acct_status IN ('active','on_hold','closed')),
    credit_lmt   numeric(8,2)
);
COMMENT ON TABLE cust IS 'Customer master (migrated from the old PrintTrak system)';
COMMENT ON COLUMN cust.credit_lmt IS 'Credit limit in GBP for customers allowed to pay on invoice; NULL = pay on collection';
COMMENT ON COLUMN cust.acct_status IS 'active / on_hold (unpaid invoices) / closed';

CREATE TABLE prod_cat (
    cat_id    integer PRIMARY KEY,
    cat_name  text NOT NULL UNIQUE
);
COMMENT ON TABLE prod_cat IS 'Product category lookup';

CREATE TABLE products (
    product_id   integer PRIMARY KEY,
    sku          text NOT NULL UNIQUE,
    description  text NOT NULL,
    cat_id       integer NOT NULL REFERENCES prod_cat(cat_id),
    unit_price   numeric(8,2) NOT NULL,
    sell_unit    text NOT NULL,
    is_active    boolean NOT NULL DEFAULT true
);
COMMENT ON COLUMN products.unit_price IS 'Current list price in GBP per sell_unit (excl. VAT)';
COMMENT ON COLUMN products.sell_unit IS 'each / pack / box / sqm / hour';

CREATE TABLE orders (
    order_id      integer PRIMARY KEY,
    cust_no       integer NOT NULL REFERENCES cust(cust_no),
    branch_id     integer NOT NULL REFERENCES branches(branch_id),
    taken_by      integer REFERENCES staff(staff_id),
    order_date    timestamp NOT NULL,
    due_date      date NOT NULL,
    completed_at  timestamp,
    status        text NOT NULL CHECK (status IN ('quote','confirmed','in_production','ready','collected','delivered','cancelled')),
    channel       text NOT NULL CHECK (channel IN ('walk-in','phone','email','web')),
    is_rush       boolean NOT NULL DEFAULT false,
    order_total   numeric(10,2) NOT NULL DEFAULT 0
);
COMMENT ON COLUMN orders.taken_by IS 'Staff member who took the order; NULL for web-shop orders';
COMMENT ON COLUMN orders.completed_at IS 'When the order was collected or delivered; NULL if not finished or cancelled';
COMMENT ON COLUMN orders.order_total IS 'Sum of the order lines after discount, GBP excl. VAT';
COMMENT ON COLUMN orders.is_rush IS 'Same/next-day service';

CREATE TABLE order_items (
    order_id      integer NOT NULL REFERENCES orders(order_id),
    line_no       integer NOT NULL,
    product_id    integer NOT NULL REFERENCES products(product_id),
    qty           integer NOT NULL,
    unit_price    numeric(8,2) NOT NULL,
    discount_pct  numeric(4,1) NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, line_no)
);
COMMENT ON COLUMN order_items.unit_price IS 'Price charged per unit at the time of the order';

CREATE TABLE machines (
    machine_id    integer PRIMARY KEY,
    machine_name  text NOT NULL,
    machine_type  text NOT NULL,
    branch_id     integer NOT NULL REFERENCES branches(branch_id),
    purchased_on  date NOT NULL,
    purchase_cost numeric(10,2),
    retired_on    date
);

CREATE TABLE print_jobs (
    job_id        integer PRIMARY KEY,
    order_id      integer NOT NULL,
    line_no       integer NOT NULL,
    machine_id    integer NOT NULL REFERENCES machines(machine_id),
    operator_id   integer REFERENCES staff(staff_id),
    job_type      text NOT NULL CHECK (job_type IN ('original','reprint')),
    job_status    text NOT NULL CHECK (job_status IN ('completed','in_progress','failed')),
    started_at    timestamp NOT NULL,
    finished_at   timestamp,
    sheets_used   integer,
    waste_sheets  integer,
    FOREIGN KEY (order_id, line_no) REFERENCES order_items(order_id, line_no)
);
COMMENT ON TABLE print_jobs IS 'Production log: one row per run of an order line on a machine (reprints get their own row)';
COMMENT ON COLUMN print_jobs.sheets_used IS 'SRA3 sheets fed; NULL for roll-fed large-format work';

CREATE TABLE pmt (
    pmt_id      integer PRIMARY KEY,
    ord_id      integer NOT NULL REFERENCES orders(order_id),
    pmt_dt      timestamp NOT NULL,
    amt         numeric(10,2) NOT NULL,
    pmt_method  text NOT NULL,
    pmt_type    text NOT NULL
);
COMMENT ON TABLE pmt IS 'Payments received against orders. Refunds are negative amounts with pmt_type = refund';
COMMENT ON COLUMN pmt.pmt_method IS 'card / cash / bank transfer / cheque';
COMMENT ON COLUMN pmt.pmt_type IS 'deposit / balance / full / refund';

-- ---------------------------------------------------------------------
-- Reference data
-- ---------------------------------------------------------------------
INSERT INTO branches VALUES
 (1, 'Stokes Croft', '112 Stokes Croft', 'BS1 3RU', '2012-05-01', '0117 924 1100'),
 (2, 'Clifton', '9 Princess Victoria Street', 'BS8 4BX', '2017-09-01', '0117 973 2200'),
 (3, 'Temple Meads', 'Unit 4, Friary Arches', 'BS1 6QA', '2024-03-01', NULL);

INSERT INTO staff VALUES
 (1,  'Margaret Okafor',  'owner',             1, NULL, '2012-05-01', NULL,         NULL),
 (2,  'Tom Hadley',       'branch manager',    1, 1,    '2016-09-12', NULL,         19.50),
 (3,  'Priya Raman',      'branch manager',    2, 1,    '2017-08-21', NULL,         19.50),
 (4,  'Daniel Kowalski',  'branch manager',    3, 1,    '2024-01-15', NULL,         19.00),
 (5,  'Chloe Brennan',    'print operator',    1, 2,    '2019-06-03', NULL,         14.20),
 (6,  'Jamal Price',      'print operator',    1, 2,    '2021-11-08', NULL,         13.80),
 (7,  'Sofia Marchetti',  'designer',          1, 2,    '2020-03-16', NULL,         17.00),
 (8,  'Ben Ashworth',     'counter assistant', 1, 2,    '2022-07-04', '2024-08-30', 11.90),
 (9,  'Hannah Lee',       'counter assistant', 1, 2,    '2024-09-02', NULL,         12.20),
 (10, 'Oliver Grant',     'print operator',    2, 3,    '2017-10-09', NULL,         14.60),
 (11, 'Aisha Mensah',     'designer',          2, 3,    '2022-01-10', NULL,         16.50),
 (12, 'Ryan Fletcher',    'counter assistant', 2, 3,    '2023-04-17', NULL,         11.90),
 (13, 'Lucy Wainwright',  'print operator',    2, 3,    '2020-05-11', '2025-02-28', 14.00),
 (14, 'Marek Nowak',      'print operator',    2, 3,    '2025-03-03', NULL,         14.00),
 (15, 'Grace Oduya',      'print operator',    3, 4,    '2024-02-19', NULL,         14.00),
 (16, 'Ethan Moss',       'counter assistant', 3, 4,    '2024-02-26', NULL,         11.90),
 (17, 'Ella Finch',       'designer',          3, 4,    '2024-06-03', NULL,         16.50),
 (18, 'Sam Turner',       'print operator',    1, 2,    '2014-02-10', '2023-05-31', 13.50);

INSERT INTO prod_cat VALUES
 (1, 'Business Stationery'),
 (2, 'Marketing Print'),
 (3, 'Large Format'),
 (4, 'Books & Binding'),
 (5, 'Photo & Canvas'),
 (6, 'Copying & Scanning'),
 (7, 'Design Services');

INSERT INTO products VALUES
 (1,  'BC-STD',    'Business cards 350gsm (box of 250)',          1, 24.00, 'box',  true),
 (2,  'BC-PREM',   'Premium soft-touch business cards (box of 250)', 1, 39.00, 'box', true),
 (3,  'LH-A4',     'Letterheads A4 120gsm (pack of 100)',         1, 18.50, 'pack', true),
 (4,  'CS-DL',     'Compliment slips DL (pack of 100)',           1, 14.00, 'pack', true),
 (5,  'FL-A5',     'Flyers A5 single-sided (pack of 100)',        2, 12.00, 'pack', true),
 (6,  'FL-A4',     'Flyers A4 double-sided (pack of 100)',        2, 21.00, 'pack', true),
 (7,  'LF-DL3',    'DL tri-fold leaflets (pack of 100)',          2, 26.00, 'pack', true),
 (8,  'PS-A3',     'Poster A3 gloss',                             2,  3.50, 'each', true),
 (9,  'BR-A4-8',   'Brochure A4 8 pages saddle-stitched',         2,  2.40, 'each', true),
 (10, 'MN-A4L',    'Laminated menu A4',                           2,  4.20, 'each', true),
 (11, 'BN-PVC',    'PVC banner with eyelets',                     3, 22.00, 'sqm',  true),
 (12, 'RB-850',    'Roller banner 850 x 2000 mm',                 3, 79.00, 'each', true),
 (13, 'PS-A1',     'Poster A1',                                   3, 16.00, 'each', true),
 (14, 'PS-A0',     'Poster A0',                                   3, 24.00, 'each', true),
 (15, 'FB-A2',     'Foamboard sign A2',                           3, 28.00, 'each', true),
 (16, 'VW-SQM',    'Window vinyl graphics',                       3, 35.00, 'sqm',  true),
 (17, 'TB-SOFT',   'Thesis binding, softcover',                   4, 18.00, 'each', true),
 (18, 'TB-HARD',   'Thesis binding, hardcover with gold foil',    4, 45.00, 'each', true),
 (19, 'WB-100',    'Wire binding up to 100 pages',                4,  4.50, 'each', true),
 (20, 'BK-A5',     'Short-run A5 paperback',                      4,  6.80, 'each', true),
 (21, 'PH-6X4',    'Photo print 6x4',                             5,  0.35, 'each', true),
 (22, 'PH-A3',     'Photo print A3 lustre',                       5,  9.50, 'each', true),
 (23, 'CV-A3',     'Canvas print A3',                             5, 38.00, 'each', true),
 (24, 'CV-A1',     'Canvas print A1',                             5, 85.00, 'each', true),
 (25, 'CP-BW',     'Photocopy A4 black & white',                  6,  0.08, 'each', true),
 (26, 'CP-COL',    'Photocopy A4 colour',                         6,  0.45, 'each', true),
 (27, 'SC-DOC',    'Document scanning per page',                  6,  0.20, 'each', true),
 (28, 'LAM-A4',    'Lamination A4',                               6,  0.90, 'each', true),
 (29, 'DS-HR',     'Graphic design (per hour)',                   7, 45.00, 'hour', true),
 (30, 'DS-LOGO',   'Logo design package',                         7, 250.00,'each', true),
 (31, 'XM-25',     'Personalised Christmas cards (pack of 25)',   2, 19.00, 'pack', false);

INSERT INTO machines VALUES
 (1, 'Xerox Versant 180',        'digital press', 1, '2019-04-01', 38500.00, NULL),
 (2, 'Konica Minolta C4080',     'digital press', 2, '2021-09-15', 42000.00, NULL),
 (3, 'HP Latex 315',             'large format',  1, '2018-06-20', 14200.00, '2024-05-01'),
 (4, 'HP Latex 335',             'large format',  1, '2024-05-02', 18900.00, NULL),
 (5, 'Epson SureColor P9500',    'large format',  2, '2022-02-10', 11600.00, NULL),
 (6, 'Duplo DC-616',             'finishing',     1, '2020-01-10', 23000.00, NULL),
 (7, 'Fastbind Casematic',       'binding',       2, '2019-11-01',  9800.00, NULL),
 (8, 'Canon imagePRESS V900',    'digital press', 3, '2024-02-20', 47500.00, NULL),
 (9, 'Roland TrueVIS VG3-540',   'large format',  3, '2024-03-01', 21000.00, NULL);

-- ---------------------------------------------------------------------
-- Customers (335; the last 15 registered on the web shop but never ordered)
-- ---------------------------------------------------------------------
INSERT INTO cust (cust_no, cust_nm, cust_type, email_addr, tel, town, created_dt, acct_status, credit_lmt)
SELECT k,
       nm,
       typ,
       CASE WHEN k % 9 = 4 THEN NULL
            ELSE lower(regexp_replace(nm, '[^A-Za-z]+', '.', 'g')) || CASE typ WHEN 'individual' THEN '@gmail.com' ELSE '@example.co.uk' END END,
       CASE WHEN k % 7 = 3 THEN NULL ELSE '07' || lpad(((k * 7919 * 13) % 1000000000)::text, 9, '0') END,
       (ARRAY['Bristol','Bristol','Bristol','Bristol','Bristol','Bristol','Bath','Portishead','Keynsham','Weston-super-Mare','Bristol','Clevedon'])[1 + (k * 5) % 12],
       CASE WHEN k <= 320 THEN date '2021-01-01' + (k - 1) * 4 ELSE date '2024-07-10' + (k - 321) * 24 END,
       CASE WHEN k % 29 = 7 THEN 'closed' WHEN k % 41 = 11 THEN 'on_hold' ELSE 'active' END,
       CASE WHEN typ = 'individual' THEN NULL
            WHEN k % 3 = 0 THEN NULL
            WHEN typ = 'business' THEN (ARRAY[500, 1000, 2500, 1000])[1 + k % 4]
            ELSE 1500 END
FROM (
  SELECT k,
         CASE WHEN k % 20 < 10 THEN 'business'
              WHEN k % 20 < 18 THEN 'individual'
              WHEN k % 20 = 18 THEN 'school'
              ELSE 'charity' END AS typ,
         CASE
           WHEN k % 20 < 10 THEN
             (ARRAY['Harbourside','Redland','Avon','Clifton','Gloucester Road','Bedminster','Kingsdown','Southville','Totterdown','Easton',
                    'Montpelier','Cotham','Hotwells','Bishopston','Westbury','Fishponds','Brislington','Horfield','St Werburghs','Windmill Hill'])[1 + b % 20]
             || ' ' ||
             (ARRAY['Cafe','Dental Care','Estate Agents','Cycles','Yoga Studio','Bakery','Florist','Architects','Barbers','Vets',
                    'Gallery','Brewing Co','Lettings','Accountants','Pilates','Tattoo Studio'])[1 + ((b / 20) * 21 + b % 20) % 16]
             || CASE WHEN b % 3 = 0 THEN ' Ltd' ELSE '' END
           WHEN k % 20 < 18 THEN
             (ARRAY['Olivia','Jack','Amelia','Harry','Isla','George','Ava','Noah','Mia','Leo','Freya','Oscar','Lily','Arthur','Grace',
                    'Alfie','Evie','Theo','Ruby','Finley','Chloe','Mohammed','Sophie','Kai','Zara','Joshua','Niamh','Rhys','Maya','Callum'])[1 + p % 30]
             || ' ' ||
             (ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Robinson','Wright','Thompson','Evans','Walker','White',
                    'Roberts','Green','Hall','Thomas','Clarke','Jackson','Wood','Harris','Edwards','Turner','Martin','Cooper','Hill','Ward','Hughes'])[1 + (7 * p + p / 30) % 30]
           WHEN k % 20 = 18 THEN
             (ARRAY['Redland','Avon','Clifton','Bedminster','Kingsdown','Southville','Totterdown','Easton','Montpelier','Cotham','Hotwells','Bishopston','Westbury','Fishponds','Brislington','Horfield'])[1 + s]
             || (ARRAY[' Primary School',' Academy',' Community School'])[1 + s % 3]
           ELSE
             (ARRAY['St Werburghs','Windmill Hill','Harbourside','Gloucester Road','Easton','Bedminster','Southville','Knowle','Lawrence Hill','Stapleton','Henleaze','Filton','Kingswood','Hartcliffe','Lockleaze','Barton Hill'])[1 + s]
             || ' ' || (ARRAY['Food Bank','Community Trust','Scouts','Hospice Shop'])[1 + s % 4]
         END AS nm
  FROM (
    SELECT k,
           (k / 20) * 10 + (k % 20)        AS b,   -- index among businesses
           (k / 20) * 8 + (k % 20 - 10)    AS p,   -- index among individuals
           k / 20                          AS s    -- index among schools / charities
    FROM generate_series(1, 335) AS k
  ) x
) y;

-- ---------------------------------------------------------------------
-- Orders (2,600)
-- ---------------------------------------------------------------------
INSERT INTO orders (order_id, cust_no, branch_id, taken_by, order_date, due_date, completed_at, status, channel, is_rush)
SELECT i, c.cust_no, br.branch_id,
       CASE WHEN ch.channel = 'web' THEN NULL ELSE tb.staff_id END,
       od.ts,
       od.ts::date + CASE WHEN rz.is_rush THEN 1 ELSE 3 + i % 5 END,
       CASE WHEN st.status IN ('collected','delivered')
            THEN least(od.ts + (CASE WHEN rz.is_rush THEN 1 ELSE 3 + i % 5 END + i % 3) * interval '1 day'
                             + ((i * 29) % 300) * interval '1 minute',
                       timestamp '2025-06-30 16:45') END,
       st.status, ch.channel, rz.is_rush
FROM generate_series(1, 2600) AS i
CROSS JOIN LATERAL (
  SELECT t0 + CASE WHEN extract(dow FROM t0) = 0 THEN interval '1 day' ELSE interval '0' END AS ts
  FROM (SELECT timestamp '2023-01-03 08:30'
               + floor(908 * power(i / 2600.0, 0.8)) * interval '1 day'
               + ((i * 53) % 540) * interval '1 minute' AS t0) q
) od
CROSS JOIN LATERAL (
  SELECT CASE WHEN od.ts < timestamp '2024-03-01'
              THEN CASE WHEN (i * 31) % 10 < 6 THEN 1 ELSE 2 END
              ELSE CASE WHEN (i * 31) % 20 < 9 THEN 1 WHEN (i * 31) % 20 < 16 THEN 2 ELSE 3 END
         END AS branch_id
) br
CROSS JOIN LATERAL (
  SELECT CASE WHEN c0 % 53 = 50 THEN c0 - 1 ELSE c0 END AS cust_no   -- a few registered accounts never ordered
  FROM (SELECT 1 + floor(least(320, floor((od.ts::date - date '2021-01-01') / 4) + 1)
                         * power(((i * 7919) % 1000) / 1000.0, 1.6))::int AS c0) q
) c
CROSS JOIN LATERAL (
  SELECT CASE WHEN (i * 17) % 10 < 5 THEN 'walk-in'
              WHEN (i * 17) % 10 < 7 THEN 'email'
              WHEN (i * 17) % 10 < 9 THEN 'web'
              ELSE 'phone' END AS channel
) ch
CROSS JOIN LATERAL (SELECT (i * 23) % 100 < 12 AS is_rush) rz
CROSS JOIN LATERAL (
  SELECT CASE WHEN (i * 389) % 100 < 5 THEN 'cancelled'
              WHEN date '2025-06-30' - od.ts::date <= 3 THEN CASE WHEN i % 2 = 0 THEN 'quote' ELSE 'confirmed' END
              WHEN date '2025-06-30' - od.ts::date <= 6 THEN 'in_production'
              WHEN date '2025-06-30' - od.ts::date <= 14 AND i % 3 <> 0 THEN 'ready'
              WHEN ch.channel = 'web' OR (i * 11) % 7 = 0 THEN 'delivered'
              ELSE 'collected' END AS status
) st
CROSS JOIN LATERAL (
  SELECT s.staff_id FROM staff s
  WHERE s.branch_id = br.branch_id
    AND s.role IN ('counter assistant','branch manager','designer')
    AND s.hired_on <= od.ts::date AND (s.left_on IS NULL OR s.left_on >= od.ts::date)
  ORDER BY (s.staff_id * 7 + i * 13) % 11, s.staff_id
  LIMIT 1
) tb;

-- ---------------------------------------------------------------------
-- Order lines (1-4 per order)
-- ---------------------------------------------------------------------
INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price, discount_pct)
SELECT o.order_id, j, p.product_id,
       CASE WHEN p.sell_unit = 'each' AND p.unit_price < 1 THEN 20 + (h % 20) * 25
            WHEN p.product_id = 9  THEN 25 + (h % 10) * 25
            WHEN p.product_id = 10 THEN 10 + (h % 6) * 10
            WHEN p.sell_unit IN ('pack','box') THEN 1 + h % 6
            WHEN p.sell_unit = 'sqm'  THEN 2 + h % 9
            WHEN p.sell_unit = 'hour' THEN 1 + h % 5
            WHEN p.product_id = 30 THEN 1
            ELSE 1 + h % 8 END,
       round(p.unit_price * CASE WHEN o.order_date < timestamp '2024-01-01' THEN 0.94
                                 WHEN o.order_date < timestamp '2025-01-01' THEN 1.00
                                 ELSE 1.05 END, 2),
       CASE WHEN c.cust_type = 'charity' THEN 15
            WHEN c.cust_type = 'school' THEN 10
            WHEN c.cust_type = 'business' AND c.cust_no % 4 = 0 THEN 10
            ELSE 0 END
FROM orders o
JOIN cust c ON c.cust_no = o.cust_no
CROSS JOIN LATERAL generate_series(1, 1 + (o.order_id * 7) % 4) AS j
CROSS JOIN LATERAL (SELECT (o.order_id * 37 + j * 101 + o.order_id * j * 7) % 997 AS h) hh
JOIN products p ON p.product_id =
   (ARRAY[1,1,1,2,3,4,5,5,5,6,6,7,8,8,9,10,11,11,12,12,13,14,15,16,17,17,18,19,20,21,
          21,22,23,23,24,25,25,25,26,26,26,27,28,28,29,30,30,5,6,1,12,8,25,26,3,9,19,21,23,31])[1 + (hh.h * 13 + j) % 60];

UPDATE orders o SET order_total = t.total
FROM (SELECT order_id, round(sum(qty * unit_price * (1 - discount_pct / 100.0)), 2) AS total
      FROM order_items GROUP BY order_id) t
WHERE t.order_id = o.order_id;

-- ---------------------------------------------------------------------
-- Production log
-- ---------------------------------------------------------------------
CREATE TEMP TABLE tmp_jobs AS
SELECT o.order_id, oi.line_no, o.branch_id, o.status, p.cat_id, oi.qty,
       (o.order_id * 31 + oi.line_no * 17) % 100 AS h,
       date_trunc('day', o.order_date) + interval '1 day' + interval '9 hours'
         + (oi.line_no * 40 + (o.order_id * 7) % 90) * interval '1 minute' AS started_at,
       CASE WHEN p.cat_id = 3 THEN
                 CASE WHEN o.branch_id = 1 THEN CASE WHEN o.order_date < timestamp '2024-05-01' THEN 3 ELSE 4 END
                      WHEN o.branch_id = 2 THEN 5 ELSE 9 END
            WHEN p.cat_id = 5 AND p.product_id <> 21 THEN 5
            WHEN p.cat_id = 4 THEN 7
            ELSE CASE o.branch_id WHEN 1 THEN 1 WHEN 2 THEN 2 ELSE 8 END
       END AS machine_id
FROM orders o
JOIN order_items oi ON oi.order_id = o.order_id
JOIN products p ON p.product_id = oi.product_id
WHERE o.status IN ('in_production','ready','collected','delivered')
  AND p.cat_id <> 7;

CREATE TEMP TABLE tmp_jobs2 AS
SELECT t.*, 'original'::text AS job_type,
       CASE WHEN t.status = 'in_production' AND t.order_id % 2 = 0 THEN 'in_progress'
            WHEN t.h < 4 AND t.status <> 'in_production' THEN 'failed'
            ELSE 'completed' END AS job_status
FROM tmp_jobs t
UNION ALL
SELECT t.order_id, t.line_no, t.branch_id, t.status, t.cat_id, t.qty, t.h,
       t.started_at + interval '1 day' + interval '2 hours', t.machine_id,
       'reprint', 'completed'
FROM tmp_jobs t
WHERE t.h < 4 AND t.status <> 'in_production';

INSERT INTO print_jobs (job_id, order_id, line_no, machine_id, operator_id, job_type, job_status,
                        started_at, finished_at, sheets_used, waste_sheets)
SELECT row_number() OVER (ORDER BY j.started_at, j.order_id, j.line_no),
       j.order_id, j.line_no, j.machine_id,
       coalesce(
         (SELECT s.staff_id FROM staff s JOIN machines m ON m.machine_id = j.machine_id
          WHERE s.branch_id = m.branch_id AND s.role = 'print operator'
            AND s.hired_on <= j.started_at::date AND (s.left_on IS NULL OR s.left_on >= j.started_at::date)
          ORDER BY (s.staff_id * 5 + j.order_id) % 7, s.staff_id LIMIT 1),
         (SELECT s.staff_id FROM staff s JOIN machines m ON m.machine_id = j.machine_id
          WHERE s.branch_id = m.branch_id AND s.role = 'branch manager' LIMIT 1)),
       j.job_type, j.job_status, j.started_at,
       CASE WHEN j.job_status = 'in_progress' THEN NULL
            ELSE j.started_at + (15 + (j.h * 7 + j.order_id) % 150) * interval '1 minute' END,
       CASE WHEN j.cat_id = 3 THEN NULL
            WHEN j.cat_id = 1 THEN j.qty * 11
            WHEN j.cat_id = 2 THEN CASE WHEN j.qty <= 10 THEN j.qty * 25 ELSE greatest(1, j.qty / 2) END
            WHEN j.cat_id = 4 THEN j.qty * 24
            WHEN j.cat_id = 5 THEN greatest(1, j.qty / 4)
            ELSE j.qty END,
       CASE WHEN j.cat_id = 3 THEN NULL
            ELSE floor(CASE WHEN j.cat_id = 1 THEN j.qty * 11
                            WHEN j.cat_id = 2 THEN CASE WHEN j.qty <= 10 THEN j.qty * 25 ELSE greatest(1, j.qty / 2) END
                            WHEN j.cat_id = 4 THEN j.qty * 24
                            WHEN j.cat_id = 5 THEN greatest(1, j.qty / 4)
                            ELSE j.qty END * ((j.h % 6) + CASE WHEN j.job_status = 'failed' THEN 40 ELSE 0 END) / 100.0)::int END
FROM tmp_jobs2 j;

-- ---------------------------------------------------------------------
-- Payments and refunds
-- ---------------------------------------------------------------------
CREATE TEMP TABLE tmp_pmt (ord_id integer, pmt_dt timestamp, amt numeric(10,2), pmt_method text, pmt_type text);

-- individuals, small orders: pay in full when ordering (walk-in) or on collection
INSERT INTO tmp_pmt
SELECT o.order_id,
       CASE WHEN o.channel IN ('walk-in','web') THEN o.order_date + interval '4 minutes' ELSE o.completed_at END,
       o.order_total,
       CASE WHEN o.order_id % 5 = 0 AND o.channel <> 'web' THEN 'cash' ELSE 'card' END,
       'full'
FROM orders o JOIN cust c USING (cust_no)
WHERE c.cust_type = 'individual' AND o.order_total < 150
  AND (   (o.channel IN ('walk-in','web') AND o.status NOT IN ('cancelled','quote'))
       OR (o.status IN ('collected','delivered')));

-- individuals, larger orders: 50% deposit, balance on completion
INSERT INTO tmp_pmt
SELECT o.order_id, o.order_date + interval '6 minutes', round(o.order_total * 0.5, 2),
       'card', 'deposit'
FROM orders o JOIN cust c USING (cust_no)
WHERE c.cust_type = 'individual' AND o.order_total >= 150 AND o.status <> 'quote';

INSERT INTO tmp_pmt
SELECT o.order_id, o.completed_at, o.order_total - round(o.order_total * 0.5, 2),
       CASE WHEN o.order_id % 5 = 0 THEN 'cash' ELSE 'card' END, 'balance'
FROM orders o JOIN cust c USING (cust_no)
WHERE c.cust_type = 'individual' AND o.order_total >= 150 AND o.status IN ('collected','delivered');

-- deposits returned on cancelled orders
INSERT INTO tmp_pmt
SELECT o.order_id, o.order_date + interval '3 days', -round(o.order_total * 0.5, 2), 'card', 'refund'
FROM orders o JOIN cust c USING (cust_no)
WHERE c.cust_type = 'individual' AND o.order_total >= 150 AND o.status = 'cancelled';

-- organisations pay on invoice after completion
INSERT INTO tmp_pmt
SELECT o.order_id, o.completed_at + (14 + (o.order_id * 13) % 35) * interval '1 day',
       o.order_total,
       CASE WHEN c.cust_type = 'school' AND o.order_id % 2 = 0 THEN 'cheque'
            WHEN c.credit_lmt IS NULL THEN 'card'
            ELSE 'bank transfer' END,
       'full'
FROM orders o JOIN cust c USING (cust_no)
WHERE c.cust_type <> 'individual' AND o.status IN ('collected','delivered')
  AND o.completed_at + (14 + (o.order_id * 13) % 35) * interval '1 day' <= timestamp '2025-06-30 18:00'
  AND NOT (c.acct_status = 'on_hold' AND o.order_date >= timestamp '2024-10-01');

-- goodwill refunds after complaints (25% of the order)
INSERT INTO tmp_pmt
SELECT o.order_id, o.completed_at + interval '5 days' + interval '2 hours', -round(o.order_total * 0.25, 2),
       'card', 'refund'
FROM orders o
WHERE o.status IN ('collected','delivered') AND (o.order_id * 53) % 100 < 3
  AND o.completed_at + interval '5 days' <= timestamp '2025-06-30'
  AND EXISTS (SELECT 1 FROM tmp_pmt t WHERE t.ord_id = o.order_id);

INSERT INTO pmt (pmt_id, ord_id, pmt_dt, amt, pmt_method, pmt_type)
SELECT 100000 + row_number() OVER (ORDER BY pmt_dt, ord_id, pmt_type), ord_id, pmt_dt, amt, pmt_method, pmt_type
FROM tmp_pmt;

DROP TABLE tmp_pmt;
DROP TABLE tmp_jobs2;
DROP TABLE tmp_jobs;

COMMIT;
