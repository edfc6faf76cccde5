-- Small hotel group in Portugal and Spain: properties, rooms, guests, bookings, payments, housekeeping and reviews (2024-2025)

CREATE TABLE properties (
  property_id integer PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  city        text NOT NULL,
  country     text NOT NULL,
  stars       smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  opened_yr   smallint NOT NULL
);

CREATE TABLE room_types (
  room_type_id integer PRIMARY KEY,
  type_name    text NOT NULL UNIQUE,
  capacity     smallint NOT NULL,
  base_rate    numeric(7,2) NOT NULL
);
COMMENT ON COLUMN room_types.base_rate IS 'Standard nightly rate in EUR before seasonal adjustment';

CREATE TABLE rooms (
  room_id      integer PRIMARY KEY,
  property_id  integer NOT NULL REFERENCES properties(property_id),
  room_no      text NOT NULL,
  room_type_id integer NOT NULL REFERENCES room_types(room_type_id),
  floor        smallint NOT NULL,
  UNIQUE (property_id, room_no)
);

CREATE TABLE guests (
  guest_id     integer PRIMARY KEY,
  first_name   text NOT NULL,
  last_name    text NOT NULL,
  email        text,
  country      text NOT NULL,
  loyalty_tier text CHECK (loyalty_tier IN ('silver','gold','platinum'))
);
COMMENT ON COLUMN guests.loyalty_tier IS 'NULL = not enrolled in the loyalty programme';

CREATE TABLE bookings (
  booking_id  integer PRIMARY KEY,
  guest_id    integer NOT NULL REFERENCES guests(guest_id),
  property_id integer NOT NULL REFERENCES properties(property_id),
  booked_at   timestamp NOT NULL,
  check_in    date NOT NULL,
  check_out   date NOT NULL,
  channel     text NOT NULL CHECK (channel IN ('direct','ota','agent')),
  status      text NOT NULL CHECK (status IN ('confirmed','cancelled','no-show')),
  total_price numeric(9,2) NOT NULL
);
COMMENT ON COLUMN bookings.channel IS 'ota = online travel agency (Booking, Expedia ...)';
COMMENT ON COLUMN bookings.total_price IS 'Price quoted for the whole stay, all rooms, EUR';

CREATE TABLE booking_rooms (
  booking_id   integer NOT NULL REFERENCES bookings(booking_id),
  room_id      integer NOT NULL REFERENCES rooms(room_id),
  nightly_rate numeric(7,2) NOT NULL,
  PRIMARY KEY (booking_id, room_id)
);

CREATE TABLE payments (
  payment_id integer PRIMARY KEY,
  booking_id integer NOT NULL REFERENCES bookings(booking_id),
  amount     numeric(9,2) NOT NULL,
  paid_at    timestamp NOT NULL,
  method     text NOT NULL
);

CREATE TABLE housekeeping_staff (
  staff_id    integer PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  property_id integer NOT NULL REFERENCES properties(property_id),
  shift       text NOT NULL CHECK (shift IN ('morning','afternoon','night')),
  hired_on    date NOT NULL
);

CREATE TABLE cleaning_tasks (
  task_id    integer PRIMARY KEY,
  room_id    integer NOT NULL REFERENCES rooms(room_id),
  cleaned_by integer NOT NULL REFERENCES housekeeping_staff(staff_id),
  done_at    timestamp NOT NULL,
  minutes    smallint NOT NULL
);
COMMENT ON COLUMN cleaning_tasks.cleaned_by IS 'Housekeeper who cleaned the room';

CREATE TABLE reviews (
  review_id  integer PRIMARY KEY,
  booking_id integer NOT NULL UNIQUE REFERENCES bookings(booking_id),
  score      smallint NOT NULL CHECK (score BETWEEN 1 AND 10),
  posted_on  date NOT NULL,
  comment    text
);

INSERT INTO properties VALUES
 (1, 'Harbour View Lisbon', 'Lisbon',  'Portugal', 4, 2009),
 (2, 'Alfama Boutique',     'Lisbon',  'Portugal', 3, 2016),
 (3, 'Porto Riverside',     'Porto',   'Portugal', 4, 2012),
 (4, 'Sevilla Plaza',       'Seville', 'Spain',    5, 2004),
 (5, 'Madrid Central',      'Madrid',  'Spain',    3, 2019),
 (6, 'Costa Azul Resort',   'Faro',    'Portugal', 5, 2021);

INSERT INTO room_types VALUES
 (1, 'single', 1,  85.00),
 (2, 'double', 2, 120.00),
 (3, 'twin',   2, 115.00),
 (4, 'family', 4, 175.00),
 (5, 'suite',  3, 290.00);

INSERT INTO rooms
SELECT row_number() OVER (ORDER BY p.pid, n),
       p.pid,
       ((1 + (n - 1) / 10) * 100 + ((n - 1) % 10) + 1)::text,
       (ARRAY[2,2,2,2,1,1,3,3,4,5])[1 + (n * 7 + p.pid) % 10],
       1 + (n - 1) / 10
FROM (VALUES (1,40),(2,18),(3,30),(4,36),(5,28),(6,28)) AS p(pid, cnt)
CROSS JOIN LATERAL generate_series(1, p.cnt) AS n;

INSERT INTO guests
SELECT g,
       (ARRAY['Ana','João','Maria','Pedro','Sofia','Miguel','Carmen','Javier','Lucía','Pablo','Emma','Oliver','Charlotte','Harry','Lena','Felix','Hannah','Jonas','Camille','Louis','Chloé','Hugo','Olivia','James','Daan','Sanne','Giulia','Marco','Beatriz','Rafael'])[1 + (g * 7) % 30],
       (ARRAY['Silva','Santos','Ferreira','Costa','García','Martínez','López','Sánchez','Smith','Jones','Brown','Taylor','Müller','Schmidt','Weber','Martin','Bernard','Dubois','Johnson','Miller','de Vries','Jansen','Rossi','Bianchi','Oliveira','Pereira','Fernández','Wilson','Becker','Moreau'])[1 + (g * 11 + g / 30) % 30],
       CASE WHEN g % 17 = 0 THEN NULL ELSE 'guest' || g || '@mail.example' END,
       (ARRAY['Portugal','Portugal','Portugal','Spain','Spain','United Kingdom','United Kingdom','Germany','Germany','France','United States','Netherlands','Brazil','Italy'])[1 + (g * 3 + g / 11 + g / 97) % 14],
       CASE WHEN g % 10 < 6 THEN NULL WHEN g % 10 < 8 THEN 'silver' WHEN g % 10 = 8 THEN 'gold' WHEN g % 30 = 9 THEN 'platinum' ELSE 'gold' END
FROM generate_series(1, 1500) AS g;

-- Bookings: check-ins skewed towards summer, more in 2025 than 2024
INSERT INTO bookings
SELECT g,
       1 + floor(1500 * power(((g * 7919) % 10007) / 10007.0, 1.7))::int,
       (ARRAY[1,1,1,2,3,3,4,4,5,6,6,1,3,4,1,6,3])[1 + (g * 11 + g / 7) % 17],
       (ci - (1 + (g * 31) % 90)) + make_interval(hours => 8 + g % 14, mins => (g * 7) % 60),
       ci,
       ci + (ARRAY[1,1,2,2,2,3,3,4,5,7])[1 + (g * 3) % 10],
       (ARRAY['direct','direct','ota','ota','ota','agent','ota'])[1 + (g * 5) % 7],
       CASE WHEN (g * 17) % 100 < 12 THEN 'cancelled' WHEN (g * 17) % 100 < 15 THEN 'no-show' ELSE 'confirmed' END,
       0
FROM (
  SELECT g,
         make_date(CASE WHEN g % 5 < 2 THEN 2024 ELSE 2025 END,
                   (ARRAY[1,2,3,3,4,4,5,5,5,6,6,6,6,7,7,7,7,7,8,8,8,8,8,8,9,9,9,10,10,10,11,12,12])[1 + (g * 13 + g / 17) % 33],
                   1 + (g * 19) % 28) AS ci
  FROM generate_series(1, 6000) AS g
) s;

-- One room per booking, two for every ninth; the room is in the booked property
INSERT INTO booking_rooms
SELECT b.booking_id, r.room_id,
       round(rt.base_rate * CASE WHEN extract(month FROM b.check_in) IN (6,7,8) THEN 1.30
                                 WHEN extract(month FROM b.check_in) IN (1,2,11) THEN 0.85 ELSE 1.00 END
                          * (0.8 + p.stars * 0.08), 2)
FROM bookings b
JOIN properties p ON p.property_id = b.property_id
CROSS JOIN LATERAL generate_series(0, CASE WHEN b.booking_id % 9 = 0 THEN 1 ELSE 0 END) AS k
JOIN LATERAL (
  SELECT min(room_id) AS first_id, count(*) AS cnt FROM rooms WHERE property_id = b.property_id
) pr ON true
JOIN rooms r ON r.room_id = pr.first_id + ((b.booking_id * 7 + k * 3) % pr.cnt)
JOIN room_types rt ON rt.room_type_id = r.room_type_id;

UPDATE bookings b SET total_price = s.tot
FROM (SELECT br.booking_id, sum(br.nightly_rate) * (bk.check_out - bk.check_in) AS tot
      FROM booking_rooms br JOIN bookings bk ON bk.booking_id = br.booking_id
      GROUP BY br.booking_id, bk.check_out, bk.check_in) s
WHERE s.booking_id = b.booking_id;

-- Payments: confirmed stays paid in full (every fourth as deposit + balance), no-shows pay one night, some cancellations a deposit
INSERT INTO payments
SELECT row_number() OVER (ORDER BY booking_id, paid_at), booking_id, amount, paid_at, method
FROM (
  SELECT b.booking_id, b.total_price AS amount, b.check_out + time '11:00' + make_interval(mins => b.booking_id % 50) AS paid_at,
         (ARRAY['card','card','card','cash','bank transfer','card','voucher'])[1 + (b.booking_id * 3) % 7] AS method
  FROM bookings b WHERE b.status = 'confirmed' AND b.booking_id % 4 <> 0
  UNION ALL
  SELECT b.booking_id, round(b.total_price * 0.30, 2), b.booked_at + interval '5 minutes', 'card'
  FROM bookings b WHERE b.status = 'confirmed' AND b.booking_id % 4 = 0
  UNION ALL
  SELECT b.booking_id, b.total_price - round(b.total_price * 0.30, 2), b.check_out + time '10:30',
         (ARRAY['card','cash','bank transfer'])[1 + b.booking_id % 3]
  FROM bookings b WHERE b.status = 'confirmed' AND b.booking_id % 4 = 0
  UNION ALL
  SELECT b.booking_id, round(b.total_price / (b.check_out - b.check_in), 2), b.check_in + time '23:59', 'card'
  FROM bookings b WHERE b.status = 'no-show'
  UNION ALL
  SELECT b.booking_id, round(b.total_price * 0.20, 2), b.booked_at + interval '3 minutes', 'card'
  FROM bookings b WHERE b.status = 'cancelled' AND b.booking_id % 3 = 0
) x;

INSERT INTO housekeeping_staff
SELECT s,
       (ARRAY['Rosa','Fátima','Inês','Carla','Dolores','Pilar','Teresa','Marta','Luísa','Elena','Nuno','Rui','Sergio','Andrea','Vera','Paula'])[1 + (s * 5) % 16],
       (ARRAY['Gomes','Rodrigues','Alves','Ruiz','Moreno','Navarro','Sousa','Lopes','Marques','Romero','Ramos','Castro','Teixeira','Gil','Pinto'])[1 + (s * 7) % 15],
       1 + (s - 1) % 6,
       (ARRAY['morning','morning','afternoon','morning','night'])[1 + s % 5],
       date '2015-03-01' + (s * 173) % 3900
FROM generate_series(1, 32) AS s;

-- A room is cleaned after each stay that took place, by a housekeeper of that property
INSERT INTO cleaning_tasks
SELECT row_number() OVER (ORDER BY b.check_out, br.room_id, b.booking_id),
       br.room_id,
       b.property_id + 6 * ((b.booking_id * 5 + br.room_id) % CASE WHEN b.property_id <= 2 THEN 6 ELSE 5 END),
       b.check_out + time '10:00' + make_interval(mins => 15 + (b.booking_id * 13) % 240),
       18 + (b.booking_id * 7) % 25 + CASE WHEN r.room_type_id = 5 THEN 20 WHEN r.room_type_id = 4 THEN 10 ELSE 0 END
FROM bookings b
JOIN booking_rooms br ON br.booking_id = b.booking_id
JOIN rooms r ON r.room_id = br.room_id
WHERE b.status = 'confirmed' AND b.check_out <= date '2025-12-31';

INSERT INTO reviews
SELECT row_number() OVER (ORDER BY b.booking_id), b.booking_id,
       (ARRAY[9,8,8,7,9,10,6,8,7,9,5,8,3,9,7,10,8,6,2,9])[1 + (b.booking_id * 7) % 20]
         - CASE WHEN b.property_id = 5 AND b.booking_id % 2 = 0 THEN 1 ELSE 0 END,
       b.check_out + (b.booking_id % 12),
       CASE (b.booking_id * 3) % 11
         WHEN 0 THEN 'Lovely staff, great breakfast'
         WHEN 1 THEN 'Room was smaller than expected'
         WHEN 2 THEN 'Perfect location'
         WHEN 3 THEN 'Noisy at night'
         WHEN 4 THEN 'Would stay again'
         ELSE NULL END
FROM bookings b
WHERE b.status = 'confirmed' AND b.booking_id % 3 = 0 AND b.check_out <= date '2025-12-20';
