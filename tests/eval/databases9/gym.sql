-- Fitness club chain: clubs, membership plans, members, trainers, classes and bookings, check-ins, personal training and payments (2024-2025)

CREATE TABLE clubs (
  club_id   integer PRIMARY KEY,
  club_name text NOT NULL UNIQUE,
  city      text NOT NULL,
  opened_on date NOT NULL,
  has_pool  boolean NOT NULL DEFAULT false
);

CREATE TABLE membership_plans (
  plan_id         integer PRIMARY KEY,
  plan_name       text NOT NULL UNIQUE,
  monthly_fee     numeric(6,2) NOT NULL,
  contract_months smallint NOT NULL,
  joining_fee     numeric(6,2) NOT NULL,
  classes_incl    boolean NOT NULL
);
COMMENT ON COLUMN membership_plans.contract_months IS 'Minimum term; 0 means rolling monthly';
COMMENT ON COLUMN membership_plans.classes_incl IS 'Group classes included in the fee';

CREATE TABLE members (
  member_id    integer PRIMARY KEY,
  first_name   text NOT NULL,
  last_name    text NOT NULL,
  birth_date   date NOT NULL,
  gender       text,
  email        text,
  home_club_id integer NOT NULL REFERENCES clubs(club_id),
  plan_id      integer NOT NULL REFERENCES membership_plans(plan_id),
  joined_on    date NOT NULL,
  cancelled_on date
);

CREATE TABLE trainers (
  trainer_id  integer PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  club_id     integer NOT NULL REFERENCES clubs(club_id),
  specialty   text NOT NULL,
  hourly_rate numeric(6,2) NOT NULL,
  hired_on    date NOT NULL
);

CREATE TABLE class_types (
  class_type_id integer PRIMARY KEY,
  class_name    text NOT NULL UNIQUE,
  category      text NOT NULL CHECK (category IN ('cardio','strength','mind-body','dance','aqua')),
  duration_min  smallint NOT NULL
);

CREATE TABLE classes (
  class_id      integer PRIMARY KEY,
  class_type_id integer NOT NULL REFERENCES class_types(class_type_id),
  club_id       integer NOT NULL REFERENCES clubs(club_id),
  instructor_id integer NOT NULL REFERENCES trainers(trainer_id),
  starts_at     timestamp NOT NULL,
  capacity      smallint NOT NULL
);
COMMENT ON TABLE classes IS 'Scheduled group classes';

CREATE TABLE bookings (
  booking_id integer PRIMARY KEY,
  member_id  integer NOT NULL REFERENCES members(member_id),
  class_id   integer NOT NULL REFERENCES classes(class_id),
  booked_at  timestamp NOT NULL,
  attended   boolean NOT NULL
);
COMMENT ON COLUMN bookings.attended IS 'false = no-show';

CREATE TABLE checkins (
  checkin_id    integer PRIMARY KEY,
  member_id     integer NOT NULL REFERENCES members(member_id),
  club_id       integer NOT NULL REFERENCES clubs(club_id),
  checked_in_at timestamp NOT NULL
);

CREATE TABLE pt_sessions (
  session_id   integer PRIMARY KEY,
  member_id    integer NOT NULL REFERENCES members(member_id),
  trainer_id   integer NOT NULL REFERENCES trainers(trainer_id),
  session_date date NOT NULL,
  duration_min smallint NOT NULL,
  price        numeric(6,2) NOT NULL
);
COMMENT ON TABLE pt_sessions IS 'Personal training sessions';

CREATE TABLE payments (
  payment_id integer PRIMARY KEY,
  member_id  integer NOT NULL REFERENCES members(member_id),
  amount     numeric(8,2) NOT NULL,
  paid_on    date NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('fee','pt','joining'))
);

INSERT INTO clubs VALUES
 (1, 'Riverside', 'Leeds', '2014-05-10', true),
 (2, 'City Centre', 'Leeds', '2017-09-01', false),
 (3, 'Deansgate', 'Manchester', '2015-03-21', true),
 (4, 'Salford Quays', 'Manchester', '2021-11-06', false),
 (5, 'Jewellery Quarter', 'Birmingham', '2016-01-18', true),
 (6, 'Clifton', 'Bristol', '2019-06-15', false),
 (7, 'Harbourside', 'Bristol', '2024-04-02', true),
 (8, 'Jesmond', 'Newcastle', '2018-10-27', false),
 (9, 'Canary Wharf', 'London', '2020-02-03', true);

INSERT INTO membership_plans VALUES
 (1, 'Basic',    24.99, 0,  0.00, false),
 (2, 'Off-Peak', 19.99, 0, 10.00, false),
 (3, 'Plus',     39.99, 12, 25.00, true),
 (4, 'Premium',  64.99, 12, 49.00, true),
 (5, 'Student',  17.50, 6,  0.00, true);

-- members: club and plan skewed; about one in four has cancelled
INSERT INTO members
SELECT i,
  (ARRAY['Emma','Liam','Olivia','Ethan','Sophia','Mason','Chloe','Lucas','Megan','Ryan','Holly','Callum','Jessica','Kieran','Lauren','Nathan','Amber','Jordan','Bethany','Adam','Zara','Ben','Niamh','Luke','Anya','Sam','Katie','Rory','Leah'])[(i*11) % 29 + 1],
  (ARRAY['Ahmed','Bennett','Carter','Dixon','Ellis','Foster','Gill','Hayes','Iqbal','James','Kaur','Lowe','Marsh','Nolan','Owen','Parker','Quinn','Reeves','Shaw','Tate','Upton','Vaughan','Walsh','Young','Barnes','Chapman','Dawson','Fox','Grant','Holt','Irwin'])[(i*17) % 31 + 1],
  date '1958-01-01' + ((i * 4391) % 17000),
  CASE WHEN i % 23 = 0 THEN NULL WHEN i % 2 = 0 THEN 'female' WHEN i % 41 = 0 THEN 'non-binary' ELSE 'male' END,
  CASE WHEN i % 13 = 6 THEN NULL ELSE lower((ARRAY['Emma','Liam','Olivia','Ethan','Sophia','Mason','Chloe','Lucas','Megan','Ryan','Holly','Callum','Jessica','Kieran','Lauren','Nathan','Amber','Jordan','Bethany','Adam','Zara','Ben','Niamh','Luke','Anya','Sam','Katie','Rory','Leah'])[(i*11) % 29 + 1]) || '.' || i || '@example.net' END,
  CASE WHEN i % 43 = 0 THEN (i / 43) % 9 + 1 ELSE (ARRAY[1,1,1,1,1,2,2,3,3,3,3,3,3,4,4,5,5,5,6,6,6,7,8,8,9,9,9,9,1,3,2])[(i*13) % 31 + 1] END,
  (ARRAY[1,1,1,3,3,3,3,4,2,2,5,1,3])[(i*5) % 13 + 1],
  date '2021-06-01' + ((i * 2713) % 1640),
  NULL
FROM generate_series(1,2200) i;
-- Harbourside only opened in April 2024
UPDATE members SET joined_on = date '2024-04-02' + (member_id % 600) WHERE home_club_id = 7 AND joined_on < date '2024-04-02';
UPDATE members SET cancelled_on = joined_on + 60 + (member_id * 37) % 700
 WHERE member_id % 4 = 1 AND joined_on + 60 + (member_id * 37) % 700 < date '2025-12-20';

INSERT INTO trainers
SELECT t, (ARRAY['Maya','Jamal','Chris','Tasha','Femi','Ollie','Rachel','Dev','Hollie','Marco','Siobhan','Kofi','Ellie','Tariq','Jade','Reece','Lena','Aaron','Yasmin','Connor','Bea','Harvey','Nina','Idris','Freddie','Lucia','Dom','Esme','Kai','Tilly','Ravi','Gina','Jonah','Alice','Seb','Mo'])[t],
  (ARRAY['Hart','Okoro','Lyons','Greaves','Adeyemi','Birch','Stone','Kapoor','Webb','Rossi','Byrne','Mensah','Frost','Aziz','Hewitt','Nash','Weiss','Pratt','Malik','Duffy','Lam','Cross','Petrov','Ali','Kerr','Silva','Moss','Rowe','Tanaka','Ford','Desai','Bright','Lowry','Finch','Vale','Farah'])[t],
  (t - 1) % 9 + 1,
  (ARRAY['strength','yoga','HIIT','pilates','boxing','spin','rehab'])[(t*3) % 7 + 1],
  30 + (t * 7) % 26 + CASE WHEN t % 5 = 0 THEN 15 ELSE 0 END,
  greatest(c.opened_on, date '2013-01-01' + (t * 211) % 4300)
FROM generate_series(1,36) t JOIN clubs c ON c.club_id = (t - 1) % 9 + 1;

INSERT INTO class_types VALUES
 (1, 'Spin', 'cardio', 45), (2, 'HIIT Blast', 'cardio', 30), (3, 'Body Pump', 'strength', 55),
 (4, 'Kettlebells', 'strength', 45), (5, 'Vinyasa Yoga', 'mind-body', 60), (6, 'Pilates', 'mind-body', 50),
 (7, 'Zumba', 'dance', 45), (8, 'Aqua Fit', 'aqua', 45), (9, 'Boxfit', 'cardio', 45), (10, 'Stretch & Relax', 'mind-body', 30),
 (11, 'Core Conditioning', 'strength', 30);

-- classes: roughly five a week per club; aqua only where there is a pool
CREATE TEMP TABLE slots AS
SELECT row_number() OVER (ORDER BY d, c.club_id, s) AS class_id, d::date AS d, c.club_id, s, c.has_pool
FROM generate_series(date '2024-01-01', date '2025-12-31', interval '1 day') d
CROSS JOIN clubs c CROSS JOIN generate_series(1,3) s
WHERE (extract(doy FROM d)::int + c.club_id * 2 + s * 5) % 4 = 0 AND d >= c.opened_on AND (s < 3 OR c.club_id IN (1,3,9));

INSERT INTO classes
SELECT s.class_id,
  CASE WHEN s.has_pool AND s.class_id % 7 = 0 THEN 8 ELSE (ARRAY[1,2,3,4,5,6,7,9,10,11,1,3,9,2])[(s.class_id * 5) % 14 + 1] END,
  s.club_id,
  s.club_id + 9 * (ARRAY[0,0,0,1,1,2,3,0,1,2,3])[(s.class_id * 7) % 11 + 1],
  s.d + (ARRAY[interval '7 hours', interval '12 hours 30 minutes', interval '18 hours 15 minutes'])[s.s],
  (ARRAY[12,16,20,24,30])[(s.class_id) % 5 + 1]
FROM slots s;

-- members ranked within their club, to spread bookings and visits
CREATE TEMP TABLE mrank AS
SELECT m.*, row_number() OVER (PARTITION BY home_club_id ORDER BY (member_id * 7919) % 2203) AS rk,
       count(*) OVER (PARTITION BY home_club_id) AS n
FROM members m;

INSERT INTO bookings
SELECT row_number() OVER (ORDER BY cl.class_id, j), m.member_id, cl.class_id,
  cl.starts_at - ((1 + (cl.class_id * j) % 96) * interval '1 hour'),
  ((cl.class_id + j * 3) % 7) <> 0 AND ((m.member_id + cl.class_id) % 11) <> 0
FROM classes cl
CROSS JOIN generate_series(1,30) j
JOIN mrank m ON m.home_club_id = cl.club_id AND m.rk = ((cl.class_id * 31 + j * 17) % m.n) + 1
WHERE j <= cl.capacity * (0.35 + ((cl.class_id * 13) % 13) * 0.05)
  AND m.joined_on <= cl.starts_at::date AND (m.cancelled_on IS NULL OR m.cancelled_on > cl.starts_at::date)
  AND m.plan_id IN (3,4,5);

-- check-ins: each member visits every few days while active; some never come
INSERT INTO checkins
SELECT row_number() OVER (ORDER BY v.ts, v.member_id), v.member_id,
  CASE WHEN v.k % 9 = 0 THEN ((v.home_club_id) % 9) + 1 ELSE v.home_club_id END, v.ts
FROM (
  SELECT m.member_id, m.home_club_id, k,
    (greatest(m.joined_on, date '2024-01-01') + k * (3 + (m.member_id % 4) * (1 + m.member_id % 5)))
      + ((6 + (m.member_id * 7 + k * 5) % 15) * interval '1 hour') + ((m.member_id + k * 13) % 60) * interval '1 minute' AS ts,
    m.cancelled_on
  FROM members m CROSS JOIN generate_series(0, 250) k
  WHERE m.member_id % 11 <> 0
) v
WHERE v.ts < coalesce(v.cancelled_on, date '2025-12-31')::timestamp AND v.ts < timestamp '2025-12-31 23:00';

INSERT INTO pt_sessions
SELECT s, m.member_id, t.trainer_id,
  date '2024-01-03' + ((s * 89) % 725),
  CASE WHEN s % 4 = 0 THEN 30 ELSE 60 END,
  round(t.hourly_rate * CASE WHEN s % 4 = 0 THEN 0.5 ELSE 1 END * 1.2, 2)
FROM generate_series(1,2600) s
JOIN mrank m ON m.home_club_id = ((s * s) % 9) + 1 AND m.rk = ((s * 3) % 40) + 1
JOIN trainers t ON t.trainer_id = m.home_club_id + 9 * ((s / 7) % 4)
WHERE m.joined_on <= date '2024-01-03' + ((s * 89) % 725) AND (m.cancelled_on IS NULL OR m.cancelled_on > date '2024-01-03' + ((s * 89) % 725));

-- payments: monthly fees while active in 2024-2025, joining fees, and one per PT session
INSERT INTO payments
SELECT row_number() OVER (ORDER BY x.paid_on, x.member_id, x.kind), x.member_id, x.amount, x.paid_on, x.kind
FROM (
  SELECT m.member_id, p.monthly_fee AS amount, (mo + (extract(day FROM m.joined_on)::int - 1) % 28 * interval '1 day')::date AS paid_on, 'fee' AS kind
  FROM members m JOIN membership_plans p ON p.plan_id = m.plan_id
  CROSS JOIN generate_series(date '2024-01-01', date '2025-12-01', interval '1 month') mo
  WHERE mo >= date_trunc('month', m.joined_on) AND (m.cancelled_on IS NULL OR mo < m.cancelled_on)
    AND NOT (m.member_id % 29 = 0 AND mo >= date '2025-09-01')
  UNION ALL
  SELECT m.member_id, p.joining_fee, m.joined_on, 'joining'
  FROM members m JOIN membership_plans p ON p.plan_id = m.plan_id
  WHERE p.joining_fee > 0 AND m.joined_on >= date '2024-01-01'
  UNION ALL
  SELECT s.member_id, s.price, s.session_date, 'pt' FROM pt_sessions s
) x;
