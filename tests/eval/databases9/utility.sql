-- Electricity and gas supplier: customers, premises, meters, tariffs, contracts, readings, invoices, payments, outages and field work (2023-2025)

CREATE TABLE customers (
  customer_id   integer PRIMARY KEY,
  first_name    text,
  last_name     text,
  company_name  text,
  customer_type text NOT NULL CHECK (customer_type IN ('home','business')),
  email         text,
  city          text NOT NULL,
  region        text NOT NULL,
  joined_on     date NOT NULL
);
COMMENT ON COLUMN customers.company_name IS 'Registered company name; NULL for home customers';

CREATE TABLE premises (
  premise_id    integer PRIMARY KEY,
  customer_id   integer NOT NULL REFERENCES customers(customer_id),
  address_line  text NOT NULL,
  postcode      text NOT NULL,
  city          text NOT NULL,
  property_type text NOT NULL
);

CREATE TABLE meters (
  meter_id     integer PRIMARY KEY,
  premise_id   integer NOT NULL REFERENCES premises(premise_id),
  fuel         text NOT NULL CHECK (fuel IN ('electricity','gas')),
  serial_no    text NOT NULL UNIQUE,
  installed_on date NOT NULL,
  is_smart     boolean NOT NULL
);

CREATE TABLE tariffs (
  tariff_id        integer PRIMARY KEY,
  tariff_name      text NOT NULL UNIQUE,
  fuel             text NOT NULL,
  unit_rate_p      numeric(6,2) NOT NULL,
  standing_chg_p   numeric(6,2) NOT NULL,
  is_fixed         boolean NOT NULL,
  launched_on      date NOT NULL
);
COMMENT ON COLUMN tariffs.unit_rate_p IS 'Price per kWh in pence';
COMMENT ON COLUMN tariffs.standing_chg_p IS 'Daily standing charge in pence';

CREATE TABLE contracts (
  contract_id  integer PRIMARY KEY,
  customer_id  integer NOT NULL REFERENCES customers(customer_id),
  premise_id   integer NOT NULL REFERENCES premises(premise_id),
  tariff_id    integer NOT NULL REFERENCES tariffs(tariff_id),
  start_date   date NOT NULL,
  end_date     date
);
COMMENT ON COLUMN contracts.end_date IS 'NULL while the contract is live';

CREATE TABLE meter_readings (
  reading_id   integer PRIMARY KEY,
  meter_id     integer NOT NULL REFERENCES meters(meter_id),
  read_on      date NOT NULL,
  reading      numeric(10,1) NOT NULL,
  is_estimated boolean NOT NULL DEFAULT false
);

CREATE TABLE invoices (
  invoice_id   integer PRIMARY KEY,
  contract_id  integer NOT NULL REFERENCES contracts(contract_id),
  period_start date NOT NULL,
  period_end   date NOT NULL,
  kwh          numeric(10,1) NOT NULL,
  amount       numeric(10,2) NOT NULL,
  issued_on    date NOT NULL,
  due_on       date NOT NULL
);
COMMENT ON COLUMN invoices.amount IS 'Total billed in GBP, energy plus standing charge';

CREATE TABLE payments (
  payment_id  integer PRIMARY KEY,
  invoice_id  integer NOT NULL REFERENCES invoices(invoice_id),
  amount      numeric(10,2) NOT NULL,
  paid_on     date NOT NULL,
  method      text NOT NULL
);

CREATE TABLE outages (
  outage_id          integer PRIMARY KEY,
  region             text NOT NULL,
  started_at         timestamp NOT NULL,
  restored_at        timestamp,
  cause              text NOT NULL,
  customers_affected integer NOT NULL
);

CREATE TABLE engineers (
  engineer_id integer PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  region      text NOT NULL,
  hired_on    date NOT NULL
);

CREATE TABLE work_orders (
  wo_id       integer PRIMARY KEY,
  premise_id  integer NOT NULL REFERENCES premises(premise_id),
  meter_id    integer REFERENCES meters(meter_id),
  assigned_to integer REFERENCES engineers(engineer_id),
  kind        text NOT NULL,
  opened_on   date NOT NULL,
  closed_on   date,
  status      text NOT NULL CHECK (status IN ('open','in progress','completed','cancelled'))
);
COMMENT ON COLUMN work_orders.assigned_to IS 'Field engineer doing the job';

-- customers: every fifth is a business; cities skewed towards the big ones
INSERT INTO customers
SELECT i,
  CASE WHEN i % 5 <> 0 THEN (ARRAY['Oliver','Amelia','Harry','Isla','Jack','Ava','George','Mia','Noah','Ivy','Charlie','Freya','Jacob','Lily','Alfie','Grace','Thomas','Sophie','Oscar','Ella','William','Evie','James','Ruby','Leo','Chloe','Arthur','Poppy','Henry','Daisy','Samuel'])[(i*7) % 31 + 1] END,
  CASE WHEN i % 5 <> 0 THEN (ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Robinson','Wright','Thompson','Evans','Walker','White','Roberts','Green','Hall','Thomas','Clarke','Jackson','Wood','Harris','Edwards','Turner','Martin','Cooper','Hill','Ward','Hughes','Moore','Clark','King','Harrison','Lewis','Baker','Khan'])[(i*13) % 37 + 1] END,
  CASE WHEN i % 5 = 0 THEN (ARRAY['Harbour','Northgate','Riverside','Oakfield','Kingsway','Meadow','Redbrick','Castle','Victoria','Granite','Willow','Summit','Beacon','Crown','Lakeside','Millstone','Station'])[(i/5) % 17 + 1] || ' ' ||
       (ARRAY['Bakery','Motors','Dental','Print','Fitness','Joinery','Cafe','Logistics','Hotel','Pharmacy','Brewery','Studios','Garage','Florist','Laundry','Foods','Engineering','Vets','Books'])[((i/5) * 3 + i / 17) % 19 + 1] || ' Ltd' END,
  CASE WHEN i % 5 = 0 THEN 'business' ELSE 'home' END,
  CASE WHEN i % 9 = 4 THEN NULL ELSE 'cust' || i || '@mail.example' END,
  (ARRAY['London','Manchester','Birmingham','Leeds','Bristol','Newcastle','Nottingham','Cardiff','Brighton','Exeter'])[c],
  (ARRAY['London','North West','Midlands','Yorkshire','South West','North East','Midlands','Wales','South East','South West'])[c],
  date '2019-01-01' + ((i * 1553) % 2372)
FROM (SELECT i, CASE WHEN i % 37 = 0 THEN (i / 37) % 10 + 1 WHEN i % 53 = 0 THEN 9 ELSE (ARRAY[1,1,1,1,2,2,2,3,3,4,4,5,5,6,7,8,9,10,1])[(i*7) % 19 + 1] END AS c FROM generate_series(1,1200) i) s;

-- premises: customers 1-200 have a second premise
INSERT INTO premises
SELECT p, cu.customer_id,
  ((p * 17) % 180 + 1) || ' ' || (ARRAY['High Street','Church Road','Station Road','Park Lane','Victoria Road','Mill Lane','King Street','Queens Road','New Road','Green Lane','Manor Way','School Lane'])[(p*5) % 12 + 1],
  (ARRAY['E','M','B','LS','BS','NE','NG','CF','BN','EX'])[array_position(ARRAY['London','Manchester','Birmingham','Leeds','Bristol','Newcastle','Nottingham','Cardiff','Brighton','Exeter'], cu.city)] || ((p % 19) + 1) || ' ' || ((p % 9) + 1) || chr(65 + p % 26) || chr(65 + (p*3) % 26),
  cu.city,
  CASE WHEN cu.customer_type = 'business' THEN (ARRAY['office','shop','warehouse','office','shop'])[p % 5 + 1]
       ELSE (ARRAY['house','flat','house','bungalow','house','flat'])[p % 6 + 1] END
FROM generate_series(1,1400) p JOIN customers cu ON cu.customer_id = ((p - 1) % 1200) + 1;

-- meters: every premise has electricity (meter_id = premise_id), about 60% also gas
INSERT INTO meters
SELECT p, p, 'electricity', 'E' || lpad((p * 7919 % 1000000)::text, 7, '0'),
  date '2009-01-01' + ((p * 811) % 5800), (p % 10) < 6
FROM generate_series(1,1400) p;
INSERT INTO meters
SELECT 1400 + row_number() OVER (ORDER BY p), p, 'gas', 'G' || lpad((p * 6007 % 1000000)::text, 7, '0'),
  date '2008-06-01' + ((p * 613) % 5900), (p % 10) < 4
FROM generate_series(1,1400) p JOIN premises pr ON pr.premise_id = p
WHERE pr.property_type <> 'warehouse' AND p % 5 <> 1;

INSERT INTO tariffs VALUES
 (1, 'Standard Variable Electric', 'electricity', 24.50, 53.35, false, '2018-04-01'),
 (2, 'Fix 12 Electric',            'electricity', 22.80, 48.10, true,  '2022-10-01'),
 (3, 'Green Power 24',             'electricity', 26.10, 49.90, true,  '2023-03-01'),
 (4, 'Business Electric Saver',    'electricity', 21.35, 95.00, true,  '2021-01-01'),
 (5, 'Standard Variable Gas',      'gas',          6.04, 31.43, false, '2018-04-01'),
 (6, 'Fix 12 Gas',                 'gas',          5.60, 29.60, true,  '2022-10-01'),
 (7, 'Business Gas Saver',         'gas',          5.12, 62.50, true,  '2021-01-01'),
 (8, 'Heat Pump Electric',         'electricity', 19.75, 55.00, false, '2024-05-01');

-- contracts: one per meter; about one in eight has ended
INSERT INTO contracts
SELECT m.meter_id, pr.customer_id, pr.premise_id,
  CASE WHEN m.fuel = 'electricity' THEN
         CASE WHEN cu.customer_type = 'business' THEN (ARRAY[4,4,1,4,3])[m.meter_id % 5 + 1]
              ELSE (ARRAY[1,2,1,3,2,1,8,2,1,1,2])[m.meter_id % 11 + 1] END
       ELSE CASE WHEN cu.customer_type = 'business' THEN (ARRAY[7,7,5])[m.meter_id % 3 + 1]
              ELSE (ARRAY[5,6,5,6,5,5,6])[m.meter_id % 7 + 1] END END,
  cu.joined_on + (m.meter_id % 20),
  CASE WHEN m.meter_id % 8 = 3 THEN greatest(cu.joined_on + 120, date '2023-02-01' + ((m.meter_id * 37) % 960)) END
FROM meters m JOIN premises pr ON pr.premise_id = m.premise_id JOIN customers cu ON cu.customer_id = pr.customer_id;

-- quarterly invoices while the contract is live, 2023-01 to 2025-09
CREATE TEMP TABLE q AS
SELECT n, (date '2023-01-01' + (n * interval '3 months'))::date AS qs,
       (date '2023-01-01' + ((n+1) * interval '3 months') - interval '1 day')::date AS qe
FROM generate_series(0,10) n;

INSERT INTO invoices
SELECT row_number() OVER (ORDER BY x.qs, x.contract_id), x.contract_id, x.ps, x.pe, x.kwh,
  round(x.kwh * t.unit_rate_p / 100 + (x.pe - x.ps + 1) * t.standing_chg_p / 100, 2),
  x.pe + 4 + (x.contract_id % 6), x.pe + 18 + (x.contract_id % 6)
FROM (
  SELECT c.contract_id, c.tariff_id, q.qs, greatest(q.qs, c.start_date) AS ps, least(q.qe, coalesce(c.end_date - 1, q.qe)) AS pe,
    round((CASE WHEN m.fuel = 'gas' THEN (ARRAY[3.1,1.6,0.7,2.0])[q.n % 4 + 1] * 900 ELSE (ARRAY[1.25,0.95,0.85,1.1])[q.n % 4 + 1] * 720 END)
      * (CASE WHEN cu.customer_type = 'business' THEN 6 + (cu.customer_id % 7) * 2 ELSE 0.6 + (c.contract_id % 9) * 0.12 END)
      * (CASE WHEN cu.customer_id % 50 = 0 THEN 8 ELSE 1 END)
      * (greatest(least(q.qe, coalesce(c.end_date - 1, q.qe)) - greatest(q.qs, c.start_date) + 1, 1))::numeric / (q.qe - q.qs + 1)
      * (1 + ((c.contract_id * 7 + q.n * 3) % 11 - 5) * 0.02), 1) AS kwh
  FROM contracts c JOIN meters m ON m.meter_id = c.contract_id JOIN premises pr ON pr.premise_id = c.premise_id
  JOIN customers cu ON cu.customer_id = c.customer_id CROSS JOIN q
  WHERE c.start_date <= q.qe AND (c.end_date IS NULL OR c.end_date > q.qs + 1)
) x JOIN tariffs t ON t.tariff_id = x.tariff_id
WHERE x.pe >= x.ps;

-- payments: most invoices paid in full; some never paid, more of the recent ones
INSERT INTO payments
SELECT row_number() OVER (ORDER BY i.invoice_id), i.invoice_id, i.amount, i.issued_on + (i.invoice_id * 7 % 26),
  CASE WHEN cu.customer_type = 'business' THEN (ARRAY['bank transfer','direct debit','bank transfer','card'])[i.invoice_id % 4 + 1]
       ELSE (ARRAY['direct debit','direct debit','direct debit','card','direct debit','card','cheque','direct debit'])[(c.customer_id) % 8 + 1] END
FROM invoices i JOIN contracts c ON c.contract_id = i.contract_id JOIN customers cu ON cu.customer_id = c.customer_id
WHERE NOT (i.invoice_id % 23 = 0 OR (i.period_start >= date '2025-07-01' AND i.invoice_id % 5 = 0) OR (c.customer_id % 97 = 0 AND i.period_start >= date '2024-10-01'));

-- meter readings near each quarter end while the contract is live; non-smart meters are estimated more often
INSERT INTO meter_readings
SELECT row_number() OVER (ORDER BY m.meter_id, i.period_end), m.meter_id, i.period_end - (m.meter_id % 9),
  (m.meter_id * 311 % 40000) + sum(i.kwh) OVER (PARTITION BY m.meter_id ORDER BY i.period_end),
  CASE WHEN m.is_smart THEN (m.meter_id + i.invoice_id) % 29 = 0 ELSE (m.meter_id + i.invoice_id) % 4 = 0 END
FROM invoices i JOIN meters m ON m.meter_id = i.contract_id;

INSERT INTO outages
SELECT o, (ARRAY['London','North West','Midlands','Yorkshire','South West','North East','Wales','South East','London','North West','Midlands'])[(o*5) % 11 + 1],
  timestamp '2023-01-03 00:00' + ((o * 7919) % 1090) * interval '1 day' + ((o * 37) % 1440) * interval '1 minute',
  CASE WHEN o IN (171, 176) THEN NULL
       ELSE timestamp '2023-01-03 00:00' + ((o * 7919) % 1090) * interval '1 day' + ((o * 37) % 1440) * interval '1 minute' + (20 + (o * 53) % 700) * interval '1 minute' END,
  (ARRAY['storm','cable fault','third-party damage','planned maintenance','substation fault','storm','equipment failure','flooding'])[(o*3) % 8 + 1],
  CASE WHEN o % 13 = 0 THEN 5000 + o * 40 ELSE 40 + (o * 97) % 1400 END
FROM generate_series(1,176) o;

INSERT INTO engineers VALUES
 (1,'Priya','Sharma','London','2016-03-14'), (2,'Tom','Fletcher','London','2019-07-01'), (3,'Aisha','Okafor','London','2021-11-22'), (4,'Dan','Morgan','London','2023-05-08'),
 (5,'Gareth','Lloyd','Wales','2015-09-01'), (6,'Rhian','Pugh','Wales','2022-02-14'),
 (7,'Kevin','Brennan','North West','2014-06-30'), (8,'Sinead','Doyle','North West','2018-01-15'), (9,'Marcus','Reid','North West','2020-09-07'), (10,'Hannah','Price','North West','2024-03-04'),
 (11,'Imran','Hussain','Midlands','2017-04-24'), (12,'Laura','Bates','Midlands','2019-10-14'), (13,'Steve','Cartwright','Midlands','2012-08-20'), (14,'Nadia','Kowalski','Midlands','2023-01-09'),
 (15,'Craig','Ogden','Yorkshire','2016-11-07'), (16,'Beth','Sutcliffe','Yorkshire','2021-06-21'), (17,'Ravi','Mistry','Yorkshire','2024-09-02'),
 (18,'Paul','Tremayne','South West','2013-02-11'), (19,'Kerry','Penrose','South West','2020-05-18'), (20,'Josh','Whitfield','South West','2022-08-30'),
 (21,'Lee','Armstrong','North East','2015-05-05'), (22,'Gemma','Robson','North East','2019-03-25'), (23,'Connor','Dunn','North East','2025-02-03'),
 (24,'Sally','Fenwick','South East','2018-07-16'), (25,'Ade','Bello','South East','2020-12-01'), (26,'Martin','Pike','South East','2011-10-10'), (27,'Zoe','Hammond','South East','2023-09-11'),
 (28,'Neil','Ashworth','North West','2017-02-27'), (29,'Fiona','Carr','London','2024-06-17'), (30,'Owen','Rees','Wales','2025-04-22');

-- work orders: given to an engineer of the premise's region; a few never assigned
INSERT INTO work_orders
SELECT w, x.premise_id,
  CASE WHEN x.kind IN ('meter exchange','smart upgrade','repair','inspection') THEN x.premise_id END,
  CASE WHEN w % 41 = 0 THEN NULL WHEN w % 29 = 0 AND x.region = 'London' THEN 1 WHEN w % 13 = 0 AND x.region = 'South West' THEN 18 ELSE (SELECT e.engineer_id FROM engineers e WHERE e.region = x.region ORDER BY e.engineer_id OFFSET ((w * 13 + w / 10) % (SELECT count(*) FROM engineers e2 WHERE e2.region = x.region)) LIMIT 1) END,
  x.kind, x.opened,
  CASE WHEN x.st = 'completed' THEN x.opened + 1 + (w * 7 % 30) WHEN x.st = 'cancelled' THEN x.opened + (w % 10) END,
  x.st
FROM (
  SELECT w, ((w * 7) % 1400) + 1 AS premise_id, cu.region,
    (ARRAY['smart upgrade','repair','inspection','smart upgrade','new connection','meter exchange','repair','smart upgrade','disconnection','inspection'])[(w*3 + w / 7) % 10 + 1] AS kind,
    date '2023-01-02' + ((w * 433) % 1085) AS opened,
    CASE WHEN date '2023-01-02' + ((w * 433) % 1085) > date '2025-10-15' THEN (ARRAY['open','in progress','open','completed'])[w % 4 + 1]
         WHEN w % 17 = 0 THEN 'cancelled' WHEN w % 31 = 0 THEN 'in progress' ELSE 'completed' END AS st
  FROM generate_series(1,1600) w JOIN premises pr ON pr.premise_id = ((w * 7) % 1400) + 1 JOIN customers cu ON cu.customer_id = pr.customer_id
) x;
