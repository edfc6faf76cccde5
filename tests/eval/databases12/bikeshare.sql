-- Bikeshare: a city bike and e-scooter sharing scheme (docked stations, classic bikes,
-- e-bikes and scooters). Data runs from January 2023 to December 2025.

CREATE TABLE stations (
    station_id  integer PRIMARY KEY,
    stn_name    text NOT NULL,
    district    text NOT NULL,
    capacity    integer NOT NULL,
    has_charger boolean NOT NULL,
    opened_on   date NOT NULL,
    closed_on   date
);

CREATE TABLE staff (
    staff_id      integer PRIMARY KEY,
    full_name     text NOT NULL,
    role          text NOT NULL,
    depot         text NOT NULL,
    supervisor_id integer REFERENCES staff(staff_id),
    start_dt      date NOT NULL
);

CREATE TABLE bikes (
    bike_id         integer PRIMARY KEY,
    serial_no       text NOT NULL UNIQUE,
    bike_type       text NOT NULL,
    home_station_id integer REFERENCES stations(station_id),
    commissioned_on date NOT NULL,
    retired_on      date,
    status          text NOT NULL
);

CREATE TABLE plans (
    plan_id       integer PRIMARY KEY,
    plan_name     text NOT NULL,
    monthly_fee   numeric(6,2) NOT NULL,
    free_minutes  integer NOT NULL,
    per_min_rate  numeric(4,2) NOT NULL,
    unlock_fee    numeric(4,2) NOT NULL
);

CREATE TABLE riders (
    rider_id     integer PRIMARY KEY,
    full_name    text NOT NULL,
    email        text,
    home_district text,
    birth_year   integer,
    signup_ts    timestamp NOT NULL,
    referred_by  integer REFERENCES riders(rider_id),
    is_blocked   boolean NOT NULL DEFAULT false
);

CREATE TABLE subscriptions (
    sub_id     integer PRIMARY KEY,
    rider_id   integer NOT NULL REFERENCES riders(rider_id),
    plan_id    integer NOT NULL REFERENCES plans(plan_id),
    started_on date NOT NULL,
    ended_on   date,
    auto_renew boolean NOT NULL
);

CREATE TABLE trips (
    trip_id          integer PRIMARY KEY,
    rider_id         integer NOT NULL REFERENCES riders(rider_id),
    bike_id          integer NOT NULL REFERENCES bikes(bike_id),
    start_station_id integer NOT NULL REFERENCES stations(station_id),
    end_station_id   integer REFERENCES stations(station_id),
    started_at       timestamp NOT NULL,
    ended_at         timestamp,
    distance_km      numeric(5,2),
    fare             numeric(6,2) NOT NULL
);

CREATE TABLE payments (
    payment_id integer PRIMARY KEY,
    rider_id   integer NOT NULL REFERENCES riders(rider_id),
    trip_id    integer REFERENCES trips(trip_id),
    sub_id     integer REFERENCES subscriptions(sub_id),
    paid_at    timestamp NOT NULL,
    amount     numeric(7,2) NOT NULL,
    pay_method text NOT NULL,
    status     text NOT NULL
);

CREATE TABLE repairs (
    repair_id   integer PRIMARY KEY,
    bike_id     integer NOT NULL REFERENCES bikes(bike_id),
    reported_at timestamp NOT NULL,
    issue       text NOT NULL,
    repaired_by integer REFERENCES staff(staff_id),
    fixed_at    timestamp,
    parts_cost  numeric(6,2),
    labour_mins integer
);

CREATE TABLE incidents (
    incident_id   integer PRIMARY KEY,
    bike_id       integer NOT NULL REFERENCES bikes(bike_id),
    trip_id       integer REFERENCES trips(trip_id),
    reported_at   timestamp NOT NULL,
    incident_type text NOT NULL,
    severity      text NOT NULL,
    handled_by    integer REFERENCES staff(staff_id),
    damage_cost   numeric(7,2),
    police_ref    text
);

COMMENT ON COLUMN trips.end_station_id IS 'NULL when the bike was left outside a dock (parking penalty applies)';
COMMENT ON COLUMN trips.ended_at IS 'NULL when the trip was never closed (bike lost or stolen)';
COMMENT ON COLUMN payments.sub_id IS 'Set for subscription fees; trip_id is set for trip fares';
COMMENT ON COLUMN repairs.fixed_at IS 'NULL while the bike is still waiting for repair';
COMMENT ON COLUMN riders.referred_by IS 'Rider whose invite code was used at sign-up';

INSERT INTO stations
SELECT s,
       (ARRAY['Central Station','Market Square','Riverside','University Gate','Hospital East','Canal Basin','Cathedral Green','Old Town Hall','Science Park','Harbour Quay',
              'Victoria Park','Northgate','Southbank','Museum Quarter','Castle Hill','Railway Arches','Westfield','Botanic Gardens','Library Steps','Tech Hub',
              'Dockside','Mill Road','Granary Wharf','Bus Interchange','Stadium','Arts Centre','Abbey Road','Beacon Hill','Elm Park','Cricket Ground',
              'Town Moor','Exchange Street','Quayside North','Students Union','Leisure Centre','Retail Park','Ferry Terminal','Jubilee Gardens','Ropewalk','Airport Link'])[s],
       (ARRAY['City Centre','City Centre','Riverside','University','Eastside','Riverside','City Centre','City Centre','Northfield','Harbour',
              'Westbury','Northfield','Riverside','City Centre','Eastside','Harbour','Westbury','University','City Centre','Northfield',
              'Harbour','Eastside','Riverside','City Centre','Westbury','City Centre','Eastside','Northfield','Westbury','Westbury',
              'Northfield','City Centre','Harbour','University','Eastside','Westbury','Harbour','University','Riverside','Airport'])[s],
       (ARRAY[30,24,20,28,16,18,22,20,14,18])[1 + s % 10] + (s % 3) * 2,
       s % 4 <> 3,
       date '2022-04-01' + ((s * 47) % 700),
       CASE s WHEN 40 THEN date '2025-06-30' WHEN 27 THEN date '2024-10-15' ELSE NULL END
FROM generate_series(1, 40) AS s;

INSERT INTO staff VALUES
 (1,  'Karen Doyle',      'operations manager', 'North Depot', NULL, '2021-09-01'),
 (2,  'Marcus Bell',      'workshop supervisor','North Depot', 1,    '2021-11-15'),
 (3,  'Aoife Brennan',    'workshop supervisor','South Depot', 1,    '2022-02-07'),
 (4,  'Luke Harper',      'mechanic',           'North Depot', 2,    '2022-03-01'),
 (5,  'Sana Mirza',       'mechanic',           'North Depot', 2,    '2022-05-16'),
 (6,  'Jordan Pike',      'mechanic',           'North Depot', 2,    '2023-01-09'),
 (7,  'Tomasz Nowak',     'mechanic',           'South Depot', 3,    '2022-04-04'),
 (8,  'Ellie Grant',      'mechanic',           'South Depot', 3,    '2023-06-19'),
 (9,  'Femi Adeyemi',     'mechanic',           'South Depot', 3,    '2024-03-11'),
 (10, 'Ryan Cole',        'rebalancer',         'North Depot', 1,    '2022-04-01'),
 (11, 'Hollie Marsh',     'rebalancer',         'South Depot', 1,    '2022-08-22'),
 (12, 'Dev Patel',        'rebalancer',         'South Depot', 1,    '2023-04-03'),
 (13, 'Grace Oduya',      'safety officer',     'North Depot', 1,    '2022-06-13'),
 (14, 'Liam Fraser',      'safety officer',     'South Depot', 13,   '2024-01-15'),
 (15, 'Nina Sokolova',    'customer support',   'North Depot', 1,    '2022-04-01'),
 (16, 'Paul Ingram',      'customer support',   'North Depot', 15,   '2023-09-04');

INSERT INTO bikes
SELECT b,
       CASE WHEN b % 10 < 6 THEN 'CB-' WHEN b % 10 < 9 THEN 'EB-' ELSE 'SC-' END || lpad((10000 + b * 7)::text, 6, '0'),
       CASE WHEN b % 10 < 6 THEN 'classic' WHEN b % 10 < 9 THEN 'ebike' ELSE 'scooter' END,
       CASE WHEN b % 25 = 0 THEN NULL ELSE 1 + (b * 13) % 39 END,
       date '2022-04-01' + ((b * 31) % 900),
       CASE WHEN b % 23 = 0 THEN date '2023-06-01' + ((b * 17) % 900) ELSE NULL END,
       'x'
FROM generate_series(1, 900) AS b;

INSERT INTO plans VALUES
 (1, 'Pay as you go', 0.00, 0,   0.15, 1.00),
 (2, 'Monthly Basic', 9.99, 300, 0.10, 0.00),
 (3, 'Monthly Plus',  17.99, 900, 0.08, 0.00),
 (4, 'Student',       6.49, 300, 0.10, 0.00),
 (5, 'Annual',        12.50, 900, 0.07, 0.00);

INSERT INTO riders
SELECT r,
       (ARRAY['Adam','Beth','Carl','Dana','Eric','Fiona','Gavin','Holly','Ian','Jade','Kieran','Laura','Mark','Nadia','Omar','Paige','Quinn','Rosa','Sam','Tara','Umar','Vicky','Wes','Yasmin','Zac','Abi','Ben','Cara','Dom','Ellen','Finn','Gemma','Hugo','Iris','Jon','Kate','Lewis'])[1 + r % 37]
       || ' ' ||
       (ARRAY['Abbott','Barnes','Carter','Dixon','Ellis','Foster','Gibson','Hayes','Irving','Jenkins','Kelly','Lawson','Mason','Nash','Owen','Parker','Quinn','Reeves','Shaw','Tucker','Vaughan','Walsh','Yates','Ahmed','Bailey','Chapman','Doherty','Fleming','Griffin','Hussain','Jordan','Knight','Lamb','Murray','Noble','Osborne','Palmer','Rees','Stone','Todd','Webb'])[1 + (r * 3) % 41],
       CASE WHEN r % 12 = 7 THEN NULL ELSE 'rider' || r || '@post.example' END,
       CASE WHEN r % 9 = 2 THEN NULL
            ELSE (ARRAY['City Centre','Riverside','University','Eastside','Northfield','Harbour','Westbury','University','City Centre','Riverside','Eastside'])[1 + (r * 7) % 11] END,
       CASE WHEN r % 5 = 3 THEN NULL ELSE 1955 + (r * 37) % 50 END,
       timestamp '2023-01-01 00:00' + (r * 0.70 * interval '1 day') * (1.0 - (r % 3) * 0.1) + ((r * 53) % 1440) * interval '1 minute',
       NULL, r % 97 = 0
FROM generate_series(1, 1500) AS r;

UPDATE riders SET referred_by = 1 + (rider_id * 7919) % (rider_id - 1)
WHERE rider_id > 20 AND rider_id % 6 = 1;

INSERT INTO subscriptions
SELECT s, rid, plan, st, en, (s % 4 <> 0)
FROM (
  SELECT s, 1 + (s * 7) % 1500 AS rid,
         (ARRAY[2,2,3,4,2,5,4,3,2,4])[1 + s % 10] AS plan,
         make_date(2023 + (s % 3), (ARRAY[1,3,4,5,5,6,6,7,7,8,9,9,10])[1 + (s * 5) % 13], 1 + s % 28) AS st
  FROM generate_series(1, 1400) AS s
) AS a
CROSS JOIN LATERAL (SELECT CASE WHEN a.s % 3 = 0 THEN NULL
                                WHEN a.plan = 5 THEN (a.st + interval '1 year')::date
                                ELSE (a.st + ((1 + a.s % 8) * interval '1 month'))::date END AS en0) AS e
CROSS JOIN LATERAL (SELECT CASE WHEN e.en0 > date '2025-12-31' THEN NULL ELSE e.en0 END AS en) AS e2;

-- Trips: summer-heavy, commuter peaks, more each year.
INSERT INTO trips
SELECT t,
       1 + floor(1500 * power(((t::bigint * 7919) % 10007) / 10007.0, 1.6))::int,
       1 + (t * 389) % 900,
       ss.start_station,
       CASE WHEN t % 53 = 0 THEN NULL
            ELSE CASE WHEN (1 + (t * 11 + 5) % 39) IN (40) THEN 1 ELSE 1 + (t * 11 + 5) % 39 END END,
       st.started_at,
       CASE WHEN t % 997 = 0 THEN NULL ELSE st.started_at + ((4 + (t * 17) % 38) * interval '1 minute') END,
       CASE WHEN t % 997 = 0 THEN NULL ELSE round((0.4 + ((t * 17) % 38) * 0.21 + (t % 7) * 0.05)::numeric, 2) END,
       0
FROM generate_series(1, 30000) AS t
CROSS JOIN LATERAL (SELECT CASE WHEN t % 5 = 0 THEN (ARRAY[1,2,1,4,1,2,14,4])[1 + (t / 5) % 8]
                                ELSE 1 + (t * 29) % 39 END AS start_station) AS ss
CROSS JOIN LATERAL (SELECT CASE WHEN t <= 7000 THEN 2023 WHEN t <= 17000 THEN 2024 ELSE 2025 END AS yr,
                           (ARRAY[1,2,3,3,4,4,5,5,5,6,6,6,6,7,7,7,7,8,8,8,8,9,9,9,10,10,11,12])[1 + (t * 17) % 28] AS mon) AS ym
CROSS JOIN LATERAL (SELECT make_date(ym.yr, ym.mon, 1 + (t * 7) % 28)
                           + (ARRAY[time '07:40', time '08:15', time '08:50', time '12:30', time '17:20', time '17:55', time '18:30', time '10:05', time '14:45', time '21:10'])[1 + (t * 3) % 10]
                           + ((t * 23) % 35) * interval '1 minute' AS started_at) AS st;

-- closed stations: no trips after closure
UPDATE trips SET start_station_id = 1 + trip_id % 20 WHERE start_station_id = 27 AND started_at > timestamp '2024-10-15';
UPDATE trips SET end_station_id = 2 + trip_id % 20 WHERE end_station_id = 27 AND started_at > timestamp '2024-10-15';
UPDATE trips SET start_station_id = 3 + trip_id % 20 WHERE start_station_id = 40 AND started_at > timestamp '2025-06-30';
UPDATE trips SET end_station_id = 4 + trip_id % 20 WHERE end_station_id = 40 AND started_at > timestamp '2025-06-30';

-- fare: unlock + per-minute for pay-as-you-go, per-minute beyond included minutes for members
UPDATE trips t SET fare = round((CASE WHEN EXISTS (SELECT 1 FROM subscriptions s WHERE s.rider_id = t.rider_id
                                                   AND s.started_on <= t.started_at::date AND (s.ended_on IS NULL OR s.ended_on >= t.started_at::date))
                                THEN 0.00 ELSE 1.00 END
                          + coalesce(extract(epoch FROM (t.ended_at - t.started_at)) / 60, 60) * 0.15
                          * CASE b.bike_type WHEN 'classic' THEN 1 WHEN 'ebike' THEN 1.6 ELSE 1.8 END
                          * CASE WHEN EXISTS (SELECT 1 FROM subscriptions s WHERE s.rider_id = t.rider_id
                                              AND s.started_on <= t.started_at::date AND (s.ended_on IS NULL OR s.ended_on >= t.started_at::date))
                                 THEN 0.4 ELSE 1 END
                          + CASE WHEN t.end_station_id IS NULL THEN 20 ELSE 0 END)::numeric, 2)
FROM bikes b WHERE b.bike_id = t.bike_id;

INSERT INTO payments
SELECT row_number() OVER (ORDER BY x.paid_at, x.trip_id, x.sub_id), x.rider_id, x.trip_id, x.sub_id, x.paid_at, x.amount,
       (ARRAY['card','card','apple_pay','google_pay','card','paypal'])[1 + (x.k * 7) % 6],
       CASE WHEN x.k % 61 = 0 THEN 'declined' WHEN x.k % 89 = 0 THEN 'refunded' ELSE 'succeeded' END
FROM (
  SELECT t.rider_id, t.trip_id, NULL::int AS sub_id, coalesce(t.ended_at, t.started_at + interval '1 day') AS paid_at, t.fare AS amount, t.trip_id AS k
  FROM trips t WHERE t.fare > 0
  UNION ALL
  SELECT s.rider_id, NULL, s.sub_id, (s.started_on + m * interval '1 month') + time '03:00', p.monthly_fee * CASE WHEN p.plan_id = 5 THEN 12 ELSE 1 END, s.sub_id * 31 + m
  FROM subscriptions s JOIN plans p USING (plan_id)
  CROSS JOIN generate_series(0, 35) AS m
  WHERE (s.started_on + m * interval '1 month') < least(coalesce(s.ended_on, date '2025-12-31'), date '2025-12-31')
    AND (p.plan_id <> 5 OR m % 12 = 0)
) AS x;

INSERT INTO repairs
SELECT r, CASE WHEN r % 200 = 0 THEN 77 WHEN r % 300 = 7 THEN 312 ELSE 1 + (r * 577) % 900 END, ts,
       CASE WHEN (1 + (r * 577) % 900) % 10 >= 6 AND r % 3 = 0 THEN (ARRAY['battery','motor','battery','display'])[1 + r % 4]
            ELSE (ARRAY['puncture','brakes','chain','puncture','lights','gears','saddle','brakes','puncture','bell','frame'])[1 + (r * 7) % 11] END,
       CASE WHEN ts > timestamp '2025-12-15' AND r % 2 = 0 THEN NULL
            ELSE (ARRAY[4,5,4,7,5,8,4,6,5,7,4,8,5,9,4,7,5,8,4,7])[1 + (r * 7) % 20] END,
       CASE WHEN ts > timestamp '2025-12-15' THEN NULL ELSE ts + ((2 + (r * 19) % 70) * interval '1 hour') END,
       CASE WHEN ts > timestamp '2025-12-15' THEN NULL ELSE ((ARRAY[4.50, 12.00, 18.75, 3.20, 45.00, 9.90, 0.00, 22.40, 6.80])[1 + (r * 5) % 9]) END,
       CASE WHEN ts > timestamp '2025-12-15' THEN NULL ELSE 10 + (r * 13) % 80 END
FROM generate_series(1, 3200) AS r
CROSS JOIN LATERAL (SELECT make_date(2023 + r % 3, (ARRAY[1,2,3,4,5,6,6,7,7,8,8,9,9,10,11,12])[1 + (r * 9) % 16], 1 + (r * 3) % 28)
                           + time '06:00' + ((r * 41) % 800) * interval '1 minute' AS ts) AS x;

-- Repairs before a bike existed move to its first weeks.
UPDATE repairs r SET reported_at = b.commissioned_on + time '09:00' + (r.repair_id % 40) * interval '1 day',
                     fixed_at = CASE WHEN r.fixed_at IS NULL THEN NULL ELSE b.commissioned_on + time '15:00' + (r.repair_id % 40 + 1) * interval '1 day' END
FROM bikes b WHERE b.bike_id = r.bike_id AND r.reported_at < b.commissioned_on;

INSERT INTO incidents
SELECT i, t.bike_id, CASE WHEN i % 5 = 4 THEN NULL ELSE t.trip_id END,
       t.started_at + interval '25 minutes',
       it.itype,
       CASE WHEN it.itype = 'collision' THEN (ARRAY['minor','minor','moderate','serious'])[1 + i % 4]
            WHEN it.itype = 'theft' THEN 'serious'
            ELSE (ARRAY['minor','moderate','minor'])[1 + i % 3] END,
       CASE WHEN i % 9 = 0 THEN NULL
            WHEN it.itype IN ('collision','injury') THEN (ARRAY[13,14])[1 + i % 2]
            ELSE (ARRAY[15,16,10,11])[1 + i % 4] END,
       CASE WHEN it.itype IN ('theft') THEN (ARRAY[650.00, 1450.00, 480.00])[1 + i % 3]
            WHEN it.itype IN ('vandalism','collision') AND i % 4 <> 0 THEN 40.00 + (i * 37) % 300
            ELSE NULL END,
       CASE WHEN it.itype IN ('theft','collision') AND i % 3 <> 1 THEN 'CR/' || (2023 + i % 3) || '/' || lpad((i * 97 % 9000)::text, 4, '0') ELSE NULL END
FROM generate_series(1, 460) AS i
JOIN trips t ON t.trip_id = (i * 6421) % 30000 + 1
CROSS JOIN LATERAL (SELECT (ARRAY['bad_parking','vandalism','collision','bad_parking','theft','vandalism','bad_parking','injury','collision','bad_parking','vandalism'])[1 + (i * 5) % 11] AS itype) AS it;

UPDATE bikes b SET status = CASE
    WHEN b.retired_on IS NOT NULL THEN 'retired'
    WHEN EXISTS (SELECT 1 FROM incidents i WHERE i.bike_id = b.bike_id AND i.incident_type = 'theft' AND i.reported_at > timestamp '2025-06-01') THEN 'missing'
    WHEN EXISTS (SELECT 1 FROM repairs r WHERE r.bike_id = b.bike_id AND r.fixed_at IS NULL) THEN 'in_repair'
    ELSE 'available' END;
