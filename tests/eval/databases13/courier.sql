-- Parcel courier company (Midlands and South West of England / South Wales).
-- Deterministic data: generate_series and arithmetic only.

CREATE TABLE depots (
    depot_id     integer PRIMARY KEY,
    depot_name   text NOT NULL,
    city         text NOT NULL,
    region       text NOT NULL,
    is_hub       boolean NOT NULL DEFAULT false,
    opened_on    date NOT NULL,
    floor_sqm    integer
);

CREATE TABLE staff (
    staff_id     integer PRIMARY KEY,
    first_name   text NOT NULL,
    last_name    text NOT NULL,
    role         text NOT NULL,
    depot_id     integer REFERENCES depots(depot_id),
    manager_id   integer REFERENCES staff(staff_id),
    hired_on     date NOT NULL,
    left_on      date,
    hourly_rate  numeric(6,2) NOT NULL
);

CREATE TABLE vehicles (
    vehicle_id    integer PRIMARY KEY,
    reg_plate     text NOT NULL UNIQUE,
    vehicle_type  text NOT NULL,
    make          text NOT NULL,
    model         text NOT NULL,
    depot_id      integer NOT NULL REFERENCES depots(depot_id),
    capacity_kg   integer NOT NULL,
    purchased_on  date NOT NULL,
    retired_on    date,
    status        text NOT NULL
);

CREATE TABLE customers (
    cust_id       integer PRIMARY KEY,
    cust_name     text NOT NULL,
    cust_type     text NOT NULL,
    email         text,
    phone         text,
    city          text NOT NULL,
    account_tier  text NOT NULL,
    credit_limit  numeric(10,2),
    created_at    timestamp NOT NULL
);

CREATE TABLE service_levels (
    svc_code      text PRIMARY KEY,
    svc_name      text NOT NULL,
    base_price    numeric(8,2) NOT NULL,
    price_per_kg  numeric(8,2) NOT NULL,
    target_days   integer NOT NULL
);

CREATE TABLE shipments (
    shipment_id      integer PRIMARY KEY,
    tracking_no      text NOT NULL UNIQUE,
    cust_id          integer NOT NULL REFERENCES customers(cust_id),
    svc_code         text NOT NULL REFERENCES service_levels(svc_code),
    origin_depot_id  integer NOT NULL REFERENCES depots(depot_id),
    dest_depot_id    integer NOT NULL REFERENCES depots(depot_id),
    recipient_name   text NOT NULL,
    dest_city        text NOT NULL,
    dest_postcode    text NOT NULL,
    weight_kg        numeric(7,2) NOT NULL,
    declared_value   numeric(10,2),
    signature_reqd   boolean NOT NULL DEFAULT false,
    price            numeric(10,2) NOT NULL,
    created_at       timestamp NOT NULL,
    promised_by      date NOT NULL,
    status           text NOT NULL,
    delivered_at     timestamp,
    delivered_by     integer REFERENCES staff(staff_id)
);

CREATE TABLE delivery_attempts (
    attempt_id    integer PRIMARY KEY,
    shipment_id   integer NOT NULL REFERENCES shipments(shipment_id),
    attempted_at  timestamp NOT NULL,
    attempted_by  integer REFERENCES staff(staff_id),
    vehicle_id    integer REFERENCES vehicles(vehicle_id),
    outcome       text NOT NULL,
    notes         text
);

CREATE TABLE invoices (
    invoice_id   integer PRIMARY KEY,
    invoice_no   text NOT NULL UNIQUE,
    cust_id      integer NOT NULL REFERENCES customers(cust_id),
    period_start date NOT NULL,
    issued_on    date NOT NULL,
    due_on       date NOT NULL,
    total_amt    numeric(12,2) NOT NULL,
    paid_on      date,
    status       text NOT NULL
);

CREATE TABLE claims (
    claim_id        integer PRIMARY KEY,
    shipment_id     integer NOT NULL REFERENCES shipments(shipment_id),
    claim_type      text NOT NULL,
    filed_on        date NOT NULL,
    amount_claimed  numeric(10,2) NOT NULL,
    amount_paid     numeric(10,2),
    status          text NOT NULL,
    handled_by      integer REFERENCES staff(staff_id),
    resolved_on     date
);

CREATE TABLE fuel_logs (
    fuel_log_id  integer PRIMARY KEY,
    vehicle_id   integer NOT NULL REFERENCES vehicles(vehicle_id),
    filled_at    timestamp NOT NULL,
    litres       numeric(6,2) NOT NULL,
    cost         numeric(8,2) NOT NULL,
    odometer_km  integer NOT NULL,
    filled_by    integer REFERENCES staff(staff_id)
);

COMMENT ON TABLE shipments IS 'One row per parcel booked by a customer';
COMMENT ON COLUMN shipments.promised_by IS 'Date the parcel was promised to arrive by, from the service level';
COMMENT ON COLUMN shipments.price IS 'Price charged to the customer, GBP ex VAT';
COMMENT ON TABLE delivery_attempts IS 'Every time a driver tried to hand over a parcel';
COMMENT ON COLUMN invoices.total_amt IS 'Monthly invoice to account (business) customers, GBP';
COMMENT ON TABLE claims IS 'Compensation claims for lost, damaged or late parcels';

INSERT INTO depots VALUES
 (1,'Birmingham Central Hub','Birmingham','West Midlands',true,'2012-03-01',18500),
 (2,'Coventry Depot','Coventry','West Midlands',false,'2014-06-16',4200),
 (3,'Wolverhampton Depot','Wolverhampton','West Midlands',false,'2016-09-05',3800),
 (4,'Leicester Depot','Leicester','East Midlands',false,'2015-01-12',5100),
 (5,'Nottingham Depot','Nottingham','East Midlands',false,'2013-11-04',5600),
 (6,'Derby Depot','Derby','East Midlands',false,'2018-04-23',3100),
 (7,'Northampton Depot','Northampton','East Midlands',false,'2019-08-12',2900),
 (8,'Bristol Hub','Bristol','South West',true,'2013-05-20',14200),
 (9,'Exeter Depot','Exeter','South West',false,'2017-02-27',3300),
 (10,'Gloucester Depot','Gloucester','South West',false,'2020-10-05',2600),
 (11,'Cardiff Depot','Cardiff','Wales',false,'2016-03-14',4700),
 (12,'Swansea Depot','Swansea','Wales',false,'2021-07-19',NULL);

-- staff: 1 director, 12 depot managers, then drivers, sorters, dispatchers, customer service
INSERT INTO staff
SELECT i,
  (ARRAY['James','Olivia','Mohammed','Amelia','Harry','Isla','Jack','Ava','George','Mia','Noah','Sophie','Leo','Grace','Oscar','Freya','Arthur','Lily','Ethan','Chloe','Ravi','Priya','Tomasz','Zofia','Kwame','Ama','Liam','Ellie','Dylan','Megan','Rhys','Seren'])[1 + (i*7) % 32],
  (ARRAY['Smith','Jones','Patel','Williams','Brown','Taylor','Davies','Evans','Khan','Wilson','Thomas','Roberts','Hughes','Walker','Wright','Green','Hall','Wood','Kowalski','Mensah','Clarke','Lewis','Morgan','Price','Singh','Ahmed','Turner','Hill'])[1 + (i*11) % 28],
  CASE WHEN i = 1 THEN 'operations director'
       WHEN i <= 13 THEN 'depot manager'
       WHEN i % 10 < 6 THEN 'driver'
       WHEN i % 10 < 8 THEN 'sorter'
       WHEN i % 10 = 8 THEN 'dispatcher'
       ELSE 'customer service' END,
  CASE WHEN i = 1 THEN 1 WHEN i <= 13 THEN i - 1 ELSE 1 + (i - 14) % 12 END,
  CASE WHEN i = 1 THEN NULL WHEN i <= 13 THEN 1 ELSE 2 + (i - 14) % 12 END,
  DATE '2014-01-06' + ((i * 397) % 3800),
  NULL,
  CASE WHEN i = 1 THEN 38.50 WHEN i <= 13 THEN 24.00 + (i % 4)
       WHEN i % 10 < 6 THEN 12.40 + (i % 5) * 0.35
       WHEN i % 10 < 8 THEN 11.60 + (i % 3) * 0.25
       WHEN i % 10 = 8 THEN 14.20 + (i % 3) * 0.50
       ELSE 12.10 + (i % 4) * 0.30 END
FROM generate_series(1, 164) AS i;

UPDATE staff SET left_on = GREATEST(hired_on + 200, DATE '2023-02-01' + (staff_id * 53) % 1000)
WHERE staff_id > 13 AND staff_id % 17 = 0;

INSERT INTO vehicles
SELECT i,
  (ARRAY['BX','BK','BN','CA','DE','DF','WA','WD','CV','CP'])[1 + i % 10] || (19 + i % 6)::text || ' ' ||
     chr(65 + (i*7) % 26) || chr(65 + (i*3) % 26) || chr(65 + (i*13) % 26),
  CASE WHEN i % 10 < 6 THEN 'van' WHEN i % 10 < 8 THEN 'truck' WHEN i % 10 = 8 THEN 'ebike' ELSE 'car' END,
  CASE WHEN i % 10 < 6 THEN (ARRAY['Ford','Mercedes-Benz','Vauxhall'])[1 + i % 3]
       WHEN i % 10 < 8 THEN (ARRAY['DAF','Iveco'])[1 + i % 2]
       WHEN i % 10 = 8 THEN 'Urban Arrow' ELSE 'Toyota' END,
  CASE WHEN i % 10 < 6 THEN (ARRAY['Transit','Sprinter','Vivaro'])[1 + i % 3]
       WHEN i % 10 < 8 THEN (ARRAY['LF 7.5t','Eurocargo'])[1 + i % 2]
       WHEN i % 10 = 8 THEN 'Cargo L' ELSE 'Corolla Touring' END,
  1 + (i * 5) % 12,
  CASE WHEN i % 10 < 6 THEN 1200 + (i % 3) * 200 WHEN i % 10 < 8 THEN 3500 WHEN i % 10 = 8 THEN 125 ELSE 350 END,
  DATE '2018-01-15' + ((i * 211) % 2500),
  CASE WHEN i % 23 = 0 THEN DATE '2023-03-01' + (i * 37) % 900 END,
  CASE WHEN i % 23 = 0 THEN 'retired' WHEN i % 19 = 0 THEN 'in repair' ELSE 'active' END
FROM generate_series(1, 110) AS i;

INSERT INTO customers
SELECT i,
  CASE WHEN i % 3 = 0 THEN
    (ARRAY['Acme','Brightside','Castle','Delta','Evergreen','Foxglove','Granite','Harbour','Ironbridge','Juniper','Kestrel','Lakeside','Meadow','Northgate','Oakwood','Pennine','Quayside','Redwood','Severn','Trent'])[1 + (i/3) % 20]
    || ' ' ||
    (ARRAY['Supplies','Outdoor','Pet Care','Crafts','Electronics','Books','Homeware','Cosmetics','Auto Parts','Fashion','Garden Centre','Print Co','Tea Company','Bikes','Toys','Kitchenware','Pharmacy','Vintage','Sports','Tools'])[1 + ((i/3) / 20 + (i/3)) % 20]
    || CASE WHEN (i/3) % 4 < 2 THEN ' Ltd' ELSE '' END
  ELSE
    (ARRAY['Sarah','David','Emma','Paul','Laura','Mark','Hannah','Steven','Rachel','Andrew','Jessica','Chris','Aisha','Daniel','Katie','Imran','Lucy','Gareth','Nina','Peter','Fatima','Simon','Beth','Adam'])[1 + (i*5) % 24]
    || ' ' ||
    (ARRAY['Baker','Cooper','Fletcher','Mason','Shah','Begum','Collins','Jenkins','Reid','Murray','Bennett','Ward','Cox','Bell','Kaur','Ali','Foster','Gray','Marshall','Owen','Powell','Rees','Webb','Young','Parry','Watts','Moss'])[1 + (i*7) % 27]
  END,
  CASE WHEN i % 3 = 0 THEN 'business' ELSE 'individual' END,
  CASE WHEN i % 9 = 4 THEN NULL ELSE 'cust' || i || '@example.co.uk' END,
  CASE WHEN i % 5 = 2 THEN NULL ELSE '07' || lpad(((i * 7919) % 1000000000)::text, 9, '0') END,
  (ARRAY['Birmingham','Coventry','Wolverhampton','Leicester','Nottingham','Derby','Northampton','Bristol','Exeter','Gloucester','Cardiff','Swansea','Worcester','Bath','Stafford','Newport'])[1 + (i * 13) % 16],
  CASE WHEN i % 3 <> 0 THEN 'standard' WHEN i % 15 = 0 THEN 'enterprise' WHEN i % 4 = 0 THEN 'premium' ELSE 'standard' END,
  CASE WHEN i % 3 <> 0 THEN NULL WHEN i % 15 = 0 THEN 25000 WHEN i % 4 = 0 THEN 10000 WHEN i % 7 = 0 THEN NULL ELSE 2500 END,
  TIMESTAMP '2022-06-01 09:00' + ((i * 1103) % 1100) * INTERVAL '1 day' + ((i * 37) % 540) * INTERVAL '1 minute'
FROM generate_series(1, 1200) AS i;

INSERT INTO service_levels VALUES
 ('ECO','Economy',3.20,0.30,5),
 ('STD','Standard',4.50,0.45,3),
 ('NXT','Next Day',7.90,0.60,1),
 ('SAME','Same Day',14.50,0.90,0),
 ('INTL','International',18.00,2.40,7);

-- 24,000 parcels over 2023-2025, busier before Christmas
INSERT INTO shipments
SELECT g.i,
  'PX' || lpad((100000000 + (g.i * 7907) % 899999999)::text, 10, '0'),
  g.cust,
  g.svc,
  1 + (g.cust * 7) % 12,
  g.dest,
  (ARRAY['A. Hughes','B. Patel','C. Morgan','D. Evans','E. Carter','F. Ali','G. Lewis','H. Singh','J. Wood','K. Brown','L. Price','M. Scott','N. Kaur','P. Reid','R. Jones','S. Ahmed','T. Ward','V. Bell'])[1 + (g.i * 17) % 18],
  (ARRAY['Birmingham','Coventry','Wolverhampton','Leicester','Nottingham','Derby','Northampton','Bristol','Exeter','Gloucester','Cardiff','Swansea'])[g.dest],
  (ARRAY['B','CV','WV','LE','NG','DE','NN','BS','EX','GL','CF','SA'])[g.dest] || (1 + (g.i * 7) % 30)::text || ' ' || (1 + g.i % 9)::text ||
     chr(65 + (g.i * 3) % 26) || chr(65 + (g.i * 11) % 26),
  g.wt,
  CASE WHEN g.i % 4 = 0 THEN NULL ELSE round(10 + (g.i * 113) % 1490 + (g.i % 7) * 0.99, 2) END,
  g.i % 6 = 0,
  round(sl.base_price + sl.price_per_kg * g.wt, 2),
  g.ts,
  (g.ts::date + sl.target_days),
  'delivered', NULL, NULL
FROM (
  SELECT i,
    CASE WHEN i % 3 <> 0 THEN 3 * (1 + (((i * 31) % 400) * ((i::bigint * i * 7 + i * 3) % 401)) / 401)::int
         ELSE (1 + (i * 53) % 700) + ((1 + (i * 53) % 700) - 1) / 2 END AS cust,
    CASE WHEN i % 20 < 2 THEN 'ECO' WHEN i % 20 < 12 THEN 'STD' WHEN i % 20 < 17 THEN 'NXT'
         WHEN i % 20 = 17 THEN 'SAME' WHEN i % 20 = 18 THEN 'INTL' ELSE 'STD' END AS svc,
    1 + (i * 7) % 12 AS dest,
    round((0.2 + ((i * 37) % 250) / 10.0 * CASE WHEN i % 10 = 0 THEN 3 ELSE 1 END)::numeric, 2) AS wt,
    TIMESTAMP '2023-01-01 00:00'
      + floor(1095 * ((i - 1) / 24000.0) - 25 * sin(2 * pi() * (3 * ((i - 1) / 24000.0) - 345.0 / 365.0)) + 25 * sin(2 * pi() * (-345.0 / 365.0)))::int * INTERVAL '1 day'
      + (7 + (i * 7) % 12) * INTERVAL '1 hour' + ((i * 13) % 60) * INTERVAL '1 minute' AS ts
  FROM generate_series(1, 24000) AS i
) g JOIN service_levels sl ON sl.svc_code = g.svc;

UPDATE shipments SET status = CASE
    WHEN created_at >= TIMESTAMP '2025-12-29' THEN CASE WHEN shipment_id % 3 = 0 THEN 'created' ELSE 'in transit' END
    WHEN shipment_id % 197 = 0 THEN 'lost'
    WHEN shipment_id % 53 = 0 THEN 'cancelled'
    WHEN shipment_id % 41 = 0 THEN 'returned'
    ELSE 'delivered' END;

UPDATE shipments s SET
  delivered_at = s.created_at
     + CASE WHEN s.svc_code = 'SAME' THEN INTERVAL '5 hours'
            ELSE (sl.target_days + CASE WHEN s.shipment_id % 9 = 0 THEN 1 + s.shipment_id % 4 ELSE 0 END) * INTERVAL '1 day'
                 + ((s.shipment_id * 7) % 5 - 2) * INTERVAL '1 hour' END,
  delivered_by = (SELECT st.staff_id FROM staff st
                  WHERE st.depot_id = s.dest_depot_id AND st.role = 'driver'
                  ORDER BY st.staff_id
                  OFFSET (s.shipment_id % 7) % (SELECT count(*) FROM staff s2 WHERE s2.depot_id = s.dest_depot_id AND s2.role = 'driver')
                  LIMIT 1)
FROM service_levels sl
WHERE sl.svc_code = s.svc_code AND s.status = 'delivered';

-- failed attempts first (for some delivered and all returned parcels), then the successful one
INSERT INTO delivery_attempts (attempt_id, shipment_id, attempted_at, attempted_by, vehicle_id, outcome, notes)
SELECT row_number() OVER (ORDER BY t.at, t.shipment_id), t.shipment_id, t.at, t.by, t.veh, t.outcome, t.notes
FROM (
  SELECT s.shipment_id, s.delivered_at - INTERVAL '1 day' AS at, s.delivered_by AS by,
         NULL::int AS veh,
         CASE WHEN s.shipment_id % 3 = 0 THEN 'address not found' ELSE 'no one home' END AS outcome,
         CASE WHEN s.shipment_id % 2 = 0 THEN 'card left' END AS notes
  FROM shipments s WHERE s.status = 'delivered' AND s.shipment_id % 7 = 0
  UNION ALL
  SELECT s.shipment_id, s.delivered_at, s.delivered_by, NULL,
         'delivered',
         CASE WHEN s.shipment_id % 11 = 0 THEN 'left with neighbour' WHEN s.shipment_id % 13 = 0 THEN 'left in safe place' END
  FROM shipments s WHERE s.status = 'delivered'
  UNION ALL
  SELECT s.shipment_id, s.created_at + (k + 1) * INTERVAL '1 day',
         (SELECT st.staff_id FROM staff st WHERE st.depot_id = s.dest_depot_id AND st.role = 'driver' ORDER BY st.staff_id LIMIT 1),
         NULL,
         CASE WHEN k = 0 THEN 'no one home' ELSE 'refused' END,
         CASE WHEN k = 1 THEN 'recipient refused parcel' END
  FROM shipments s CROSS JOIN generate_series(0, 1) AS k WHERE s.status = 'returned'
) t;

UPDATE delivery_attempts a SET vehicle_id = (
   SELECT v.vehicle_id FROM vehicles v JOIN staff st ON st.depot_id = v.depot_id
   WHERE st.staff_id = a.attempted_by AND v.vehicle_type IN ('van','ebike')
   ORDER BY v.vehicle_id LIMIT 1)
WHERE a.attempt_id % 25 <> 0;

-- monthly invoices for business customers
INSERT INTO invoices (invoice_id, invoice_no, cust_id, period_start, issued_on, due_on, total_amt, paid_on, status)
SELECT row_number() OVER (ORDER BY m.mon, m.cust_id),
       'INV-' || to_char(m.mon, 'YYMM') || '-' || lpad(m.cust_id::text, 4, '0'),
       m.cust_id, m.mon, (m.mon + INTERVAL '1 month')::date, (m.mon + INTERVAL '1 month')::date + 30,
       m.amt, NULL, 'open'
FROM (
  SELECT s.cust_id, date_trunc('month', s.created_at)::date AS mon, sum(s.price) AS amt
  FROM shipments s JOIN customers c ON c.cust_id = s.cust_id
  WHERE c.cust_type = 'business' AND s.status <> 'cancelled'
  GROUP BY 1, 2
) m;

UPDATE invoices SET
  status = CASE WHEN issued_on >= DATE '2025-12-01' THEN 'open'
                WHEN invoice_id % 61 = 0 THEN 'written off'
                WHEN invoice_id % 13 = 0 THEN 'overdue'
                ELSE 'paid' END;
UPDATE invoices SET paid_on = issued_on + (invoice_id * 7) % 45 WHERE status = 'paid';

-- claims
INSERT INTO claims (claim_id, shipment_id, claim_type, filed_on, amount_claimed, amount_paid, status, handled_by, resolved_on)
SELECT row_number() OVER (ORDER BY c.filed, c.shipment_id), c.shipment_id, c.ctype, c.filed, c.amt, NULL, 'open', NULL, NULL
FROM (
  SELECT s.shipment_id,
         CASE WHEN s.status = 'lost' THEN 'lost'
              WHEN s.shipment_id % 89 = 0 THEN 'damaged' ELSE 'late' END AS ctype,
         s.created_at::date + 10 + s.shipment_id % 12 AS filed,
         CASE WHEN s.status = 'lost' OR s.shipment_id % 89 = 0 THEN coalesce(s.declared_value, 50.00)
              ELSE s.price END AS amt
  FROM shipments s
  WHERE s.status = 'lost'
     OR (s.status = 'delivered' AND s.shipment_id % 89 = 0)
     OR (s.status = 'delivered' AND s.delivered_at::date > s.promised_by AND s.shipment_id % 5 = 0)
) c;

UPDATE claims SET
  status = CASE WHEN filed_on >= DATE '2025-12-01' THEN 'open'
                WHEN claim_id % 5 = 0 THEN 'rejected'
                WHEN claim_id % 7 = 0 THEN 'open'
                WHEN claim_id % 4 = 0 THEN 'approved'
                ELSE 'paid' END;
UPDATE claims SET
  amount_paid = CASE WHEN claim_type = 'damaged' THEN round(amount_claimed * 0.8, 2) ELSE amount_claimed END,
  resolved_on = filed_on + 5 + claim_id % 20
WHERE status = 'paid';
UPDATE claims SET resolved_on = filed_on + 3 + claim_id % 9 WHERE status IN ('rejected', 'approved');
UPDATE claims c SET handled_by = (
   SELECT st.staff_id FROM staff st WHERE st.role = 'customer service'
   ORDER BY st.staff_id OFFSET (c.claim_id * 3) % 14 LIMIT 1)
WHERE NOT (status = 'open' AND claim_id % 2 = 0);

-- fuel for everything with an engine
INSERT INTO fuel_logs (fuel_log_id, vehicle_id, filled_at, litres, cost, odometer_km, filled_by)
SELECT row_number() OVER (ORDER BY f.ts, f.vid), f.vid, f.ts, f.litres,
       round(f.litres * (1.42 + 0.12 * sin(2 * pi() * f.dayno / 1095.0 * 1.5) + (f.vid % 5) * 0.01)::numeric, 2),
       f.odo,
       CASE WHEN f.n % 15 = 0 THEN NULL ELSE
         (SELECT st.staff_id FROM staff st WHERE st.depot_id = f.depot AND st.role = 'driver' ORDER BY st.staff_id
          OFFSET f.n % 3 LIMIT 1) END
FROM (
  SELECT n, v.vehicle_id AS vid, v.depot_id AS depot,
         (n * 1095) / 14000 AS dayno,
         TIMESTAMP '2023-01-01 06:00' + ((n * 1095) / 14000) * INTERVAL '1 day' + ((n * 17) % 720) * INTERVAL '1 minute' AS ts,
         round((CASE WHEN v.vehicle_type = 'truck' THEN 120 WHEN v.vehicle_type = 'car' THEN 25 ELSE 45 END + (n * 7) % 30)::numeric, 2) AS litres,
         20000 + (n / 110) * (380 + v.vehicle_id % 90) + v.vehicle_id * 1000 AS odo
  FROM generate_series(1, 14000) AS n
  JOIN vehicles v ON v.vehicle_id = 1 + n % 110
  WHERE v.vehicle_type <> 'ebike'
    AND (v.retired_on IS NULL OR v.retired_on > DATE '2023-01-01' + (n * 1095) / 14000)
) f;
