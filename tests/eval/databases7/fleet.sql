-- Logistics operations: depots, vehicles and drivers, customer shipments carried on trips, fuel purchases and incidents on the road

CREATE TABLE depots (
  depot_id   integer PRIMARY KEY,
  depot_name text NOT NULL UNIQUE,
  city       text NOT NULL,
  country    text NOT NULL,
  opened_on  date NOT NULL
);

CREATE TABLE vehicles (
  vehicle_id       integer PRIMARY KEY,
  plate            text NOT NULL UNIQUE,
  vehicle_type     text NOT NULL CHECK (vehicle_type IN ('van','truck','bike')),
  capacity_kg      integer NOT NULL,
  depot_id         integer NOT NULL REFERENCES depots(depot_id),
  in_service_since date NOT NULL,
  retired_on       date
);

CREATE TABLE drivers (
  driver_id     integer PRIMARY KEY,
  first_name    text NOT NULL,
  last_name     text NOT NULL,
  licence_class text NOT NULL CHECK (licence_class IN ('A','B','C','CE')),
  hired_on      date NOT NULL,
  home_depot_id integer NOT NULL REFERENCES depots(depot_id),
  left_on       date
);
COMMENT ON COLUMN drivers.licence_class IS 'A = motorbike, B = car/van, C = rigid truck, CE = articulated truck';

CREATE TABLE customers (
  cust_id      integer PRIMARY KEY,
  company      text NOT NULL UNIQUE,
  industry     text NOT NULL,
  city         text NOT NULL,
  country      text NOT NULL,
  created_at   timestamp NOT NULL
);

CREATE TABLE shipments (
  shipment_id     integer PRIMARY KEY,
  cust_id         integer NOT NULL REFERENCES customers(cust_id),
  origin_depot_id integer NOT NULL REFERENCES depots(depot_id),
  dest_city       text NOT NULL,
  weight_kg       numeric(8,1) NOT NULL,
  booked_at       timestamp NOT NULL,
  promised_by     timestamp NOT NULL,
  delivered_at    timestamp,
  status          text NOT NULL CHECK (status IN ('booked','in_transit','delivered','lost','cancelled')),
  price           numeric(10,2) NOT NULL
);
COMMENT ON COLUMN shipments.promised_by IS 'Delivery deadline agreed with the customer; delivered after it = late';

CREATE TABLE trips (
  trip_id    integer PRIMARY KEY,
  vehicle_id integer NOT NULL REFERENCES vehicles(vehicle_id),
  driver_id  integer NOT NULL REFERENCES drivers(driver_id),
  started_at timestamp NOT NULL,
  ended_at   timestamp,
  km         numeric(7,1)
);

CREATE TABLE trip_stops (
  trip_id     integer NOT NULL REFERENCES trips(trip_id),
  stop_seq    smallint NOT NULL,
  shipment_id integer NOT NULL REFERENCES shipments(shipment_id),
  PRIMARY KEY (trip_id, stop_seq)
);

CREATE TABLE fuel_purchases (
  purchase_id  integer PRIMARY KEY,
  vehicle_id   integer NOT NULL REFERENCES vehicles(vehicle_id),
  litres       numeric(6,1) NOT NULL,
  cost         numeric(8,2) NOT NULL,
  purchased_at timestamp NOT NULL
);

CREATE TABLE incidents (
  incident_id integer PRIMARY KEY,
  trip_id     integer NOT NULL REFERENCES trips(trip_id),
  kind        text NOT NULL CHECK (kind IN ('accident','breakdown','delay','cargo damage')),
  severity    smallint NOT NULL CHECK (severity BETWEEN 1 AND 3),
  reported_at timestamp NOT NULL
);
COMMENT ON COLUMN incidents.severity IS '1 = minor, 3 = serious';

INSERT INTO depots VALUES
 (1,'Rotterdam Port Hub','Rotterdam','Netherlands','2014-03-01'),
 (2,'Hamburg North','Hamburg','Germany','2016-06-15'),
 (3,'Lyon Sud','Lyon','France','2017-09-01'),
 (4,'Milan Linate','Milan','Italy','2018-02-12'),
 (5,'Warsaw East','Warsaw','Poland','2019-05-20'),
 (6,'Madrid Coslada','Madrid','Spain','2020-10-01'),
 (7,'Antwerp Docks','Antwerp','Belgium','2021-04-07'),
 (8,'Leipzig Cross-Dock','Leipzig','Germany','2023-08-14');

INSERT INTO vehicles (vehicle_id, plate, vehicle_type, capacity_kg, depot_id, in_service_since, retired_on)
SELECT v,
  chr(65 + v % 26) || chr(65 + (v * 7) % 26) || '-' || lpad((100 + v * 37 % 900)::text, 3, '0') || '-' || chr(75 + (v * 3) % 15),
  CASE WHEN v % 10 < 5 THEN 'van' WHEN v % 10 < 8 THEN 'truck' ELSE 'bike' END,
  CASE WHEN v % 10 < 5 THEN 800 + (v % 4) * 200 WHEN v % 10 < 8 THEN 7500 + (v % 3) * 4500 ELSE 40 END,
  CASE WHEN v % 7 < 2 THEN 1 WHEN v % 7 = 2 THEN 2 ELSE 1 + (v * 5) % 8 END,
  date '2017-01-10' + (v * 53) % 2900,
  CASE WHEN v % 9 = 4 THEN date '2023-02-01' + (v * 31) % 900 END
FROM generate_series(1, 120) v;

INSERT INTO drivers (driver_id, first_name, last_name, licence_class, hired_on, home_depot_id, left_on)
SELECT d,
  (ARRAY['Adam','Bart','Carla','Dmitri','Eva','Fatih','Gosia','Hans','Ilse','Jorge','Katarzyna','Luca','Maarten','Nadia','Omar','Pieter','Rui','Sanne','Tobias','Ursula','Vincent','Wojciech','Yasmin','Zeynep'])[1 + (d * 5) % 24],
  (ARRAY['de Vries','Schmidt','Martin','Rossi','Nowak','Garcia','Peeters','Jansen','Muller','Bernard','Bianchi','Kowalczyk','Lopez','Claes','Bakker','Wagner','Dubois','Ricci','Wisniewski','Fernandez','Maes','Visser','Becker','Moreau','Conti','Lewandowski','Sanchez'])[1 + (d * 7) % 27],
  CASE WHEN d % 10 < 4 THEN 'B' WHEN d % 10 < 7 THEN 'C' WHEN d % 10 < 9 THEN 'CE' ELSE 'A' END,
  date '2016-02-01' + (d * 71) % 3300,
  CASE WHEN d % 7 < 2 THEN 1 WHEN d % 7 = 2 THEN 2 ELSE 1 + (d * 3) % 8 END,
  CASE WHEN d % 8 = 3 THEN date '2023-03-01' + (d * 19) % 950 END
FROM generate_series(1, 150) d;

INSERT INTO customers (cust_id, company, industry, city, country, created_at)
SELECT c,
  (ARRAY['Acme','Borealis','Cobalt','Dunmore','Everline','Fjord','Granite','Helix','Ionic','Juniper','Kestrel','Lumen','Meridian','Northwind','Orchid','Pinnacle','Quarry','Redwood','Solstice','Tidewater'])[1 + (c - 1) % 20]
   || ' ' || (ARRAY['Foods','Retail','Pharma','Electronics','Textiles','Furniture','Auto Parts','Chemicals'])[1 + ((c - 1) / 20 + c) % 8],
  (ARRAY['Food & Beverage','Retail','Pharmaceuticals','Electronics','Textiles','Furniture','Automotive','Chemicals'])[1 + ((c - 1) / 20 + c) % 8],
  (ARRAY['Amsterdam','Berlin','Paris','Brussels','Milan','Vienna','Prague','Barcelona','Munich','Gdansk','Lille','Utrecht'])[1 + (c * 5) % 12],
  (ARRAY['Netherlands','Germany','France','Belgium','Italy','Austria','Czechia','Spain','Germany','Poland','France','Netherlands'])[1 + (c * 5) % 12],
  timestamp '2020-01-06 09:00' + ((c * 97) % 1900) * interval '1 day' + (c % 9) * interval '1 hour'
FROM generate_series(1, 160) c;

-- A few big accounts book most of the volume
INSERT INTO shipments (shipment_id, cust_id, origin_depot_id, dest_city, weight_kg, booked_at, promised_by, delivered_at, status, price)
SELECT s, cust, dep, dest, w, booked, booked + promise_h * interval '1 hour',
  CASE WHEN st = 'delivered' THEN booked + (promise_h + late_h) * interval '1 hour' END,
  st,
  round(25 + w * 0.18 + promise_h * 0.4 + (s % 13) * 1.5, 2)
FROM (
  SELECT s,
    CASE WHEN s % 4 = 0 THEN (ARRAY[1,1,1,1,2,2,2,3,3,4])[1 + (s / 4) % 10] ELSE 1 + ((s * 31) / 3) % 160 END AS cust,
    CASE WHEN s % 5 < 2 THEN 1 WHEN s % 5 = 2 THEN 2 ELSE 1 + (s * 7) % 8 END AS dep,
    (ARRAY['Amsterdam','Berlin','Paris','Brussels','Milan','Vienna','Prague','Barcelona','Munich','Gdansk','Lille','Utrecht','Lyon','Madrid','Hamburg','Copenhagen'])[1 + (s * 13) % 16] AS dest,
    round((CASE WHEN s % 11 = 0 THEN 4000 + (s * 17) % 9000 ELSE 5 + (s * 29) % 900 END + (s % 10) / 10.0)::numeric, 1) AS w,
    timestamp '2023-01-02 06:00' + ((s * 1090) / 9000) * interval '1 day' + ((s * 7) % 11) * interval '1 hour' + (s % 60) * interval '1 minute' AS booked,
    24 + (s % 4) * 24 AS promise_h,
    CASE WHEN s % 6 = 0 THEN 2 + (s * 3) % 40 ELSE -((s * 5) % 20) END AS late_h,
    CASE WHEN s > 8940 THEN (CASE WHEN s % 2 = 0 THEN 'in_transit' ELSE 'booked' END)
         WHEN s % 97 = 0 THEN 'lost' WHEN s % 41 = 0 THEN 'cancelled' ELSE 'delivered' END AS st
  FROM generate_series(1, 9000) s
) q;

-- One trip per 3 consecutive shipments from the same run; cancelled/booked ones have no trip stop
INSERT INTO trips (trip_id, vehicle_id, driver_id, started_at, ended_at, km)
SELECT t, 1 + (t * 17) % 120, CASE WHEN t % 3 = 0 THEN 1 + (t / 3) % 25 ELSE 1 + (t * 23) % 150 END,
  timestamp '2023-01-02 08:00' + ((t * 3 * 1090) / 9000) * interval '1 day' + (t % 5) * interval '1 hour',
  CASE WHEN t < 2995 THEN timestamp '2023-01-02 08:00' + ((t * 3 * 1090) / 9000) * interval '1 day' + (t % 5) * interval '1 hour' + (3 + (t * 7) % 30) * interval '1 hour' END,
  CASE WHEN t < 2995 THEN round((40 + (t * 53) % 900 + (t % 10) / 10.0)::numeric, 1) END
FROM generate_series(1, 3000) t;

INSERT INTO trip_stops (trip_id, stop_seq, shipment_id)
SELECT 1 + (s - 1) / 3, 1 + (s - 1) % 3, s
FROM generate_series(1, 9000) s
JOIN shipments sh ON sh.shipment_id = s
WHERE sh.status NOT IN ('cancelled','booked');

INSERT INTO fuel_purchases (purchase_id, vehicle_id, litres, cost, purchased_at)
SELECT f, v, l, round(l * (1.62 + (f % 40) / 100.0), 2),
  timestamp '2023-01-03 07:00' + ((f * 1090) / 5200) * interval '1 day' + (f % 12) * interval '1 hour'
FROM (
  SELECT f,
    CASE WHEN f % 3 = 0 THEN 1 + (f * 13) % 120 ELSE 1 + (f * 7) % 120 END AS v,
    round((20 + (f * 29) % 380 + (f % 10) / 10.0)::numeric, 1) AS l
  FROM generate_series(1, 5200) f
) q
JOIN vehicles vv ON vv.vehicle_id = q.v AND vv.vehicle_type <> 'bike';

INSERT INTO incidents (incident_id, trip_id, kind, severity, reported_at)
SELECT row_number() OVER (ORDER BY t)::integer, t,
  CASE WHEN t % 5 = 0 THEN 'breakdown' WHEN t % 5 IN (1,3) THEN 'delay' WHEN t % 5 = 2 THEN 'cargo damage' ELSE 'accident' END,
  CASE WHEN t % 7 = 0 THEN 3 WHEN t % 3 = 0 THEN 2 ELSE 1 END,
  tr.started_at + ((t * 11) % 180) * interval '1 minute'
FROM generate_series(1, 3000) t
JOIN trips tr ON tr.trip_id = t
WHERE (t * 37) % 23 = 0 OR t % 29 = 0;
