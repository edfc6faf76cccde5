-- Regional airline operations: airports, aircraft, flights with departure and arrival airports, passengers, bookings, tickets by fare class and boarding passes

CREATE TABLE airports (
  iata_code char(3) PRIMARY KEY,
  name      text NOT NULL,
  city      text NOT NULL,
  country   text NOT NULL
);

CREATE TABLE aircraft (
  aircraft_id     integer PRIMARY KEY,
  registration    text NOT NULL UNIQUE,
  model           text NOT NULL,
  seats           integer NOT NULL,
  in_service_from date NOT NULL
);

CREATE TABLE flights (
  flight_id           integer PRIMARY KEY,
  flight_number       text NOT NULL,
  departure_airport   char(3) NOT NULL REFERENCES airports(iata_code),
  arrival_airport     char(3) NOT NULL REFERENCES airports(iata_code),
  scheduled_departure timestamp NOT NULL,
  scheduled_arrival   timestamp NOT NULL,
  actual_departure    timestamp,
  actual_arrival      timestamp,
  status              text NOT NULL CHECK (status IN ('Scheduled','Departed','Arrived','Cancelled','Delayed')),
  aircraft_id         integer REFERENCES aircraft(aircraft_id)
);
COMMENT ON COLUMN flights.actual_departure IS 'Off-block time; NULL until the flight leaves or when it is cancelled';
COMMENT ON COLUMN flights.status IS 'Operational status as of the last data refresh (2025-12-20)';

CREATE TABLE passengers (
  passenger_id  integer PRIMARY KEY,
  first_name    text NOT NULL,
  last_name     text NOT NULL,
  email         text,
  nationality   text NOT NULL,
  date_of_birth date NOT NULL
);

CREATE TABLE bookings (
  booking_id   integer PRIMARY KEY,
  booking_ref  char(6) NOT NULL UNIQUE,
  booked_at    timestamp NOT NULL,
  booked_by    integer NOT NULL REFERENCES passengers(passenger_id),
  total_amount numeric(10,2) NOT NULL DEFAULT 0
);
COMMENT ON COLUMN bookings.booked_by IS 'Passenger who made and paid for the booking';
COMMENT ON COLUMN bookings.total_amount IS 'Sum of the booking''s tickets, EUR';

CREATE TABLE tickets (
  ticket_id    integer PRIMARY KEY,
  booking_id   integer NOT NULL REFERENCES bookings(booking_id),
  passenger_id integer NOT NULL REFERENCES passengers(passenger_id),
  flight_id    integer NOT NULL REFERENCES flights(flight_id),
  fare_class   text NOT NULL CHECK (fare_class IN ('Economy','Business','First')),
  amount       numeric(10,2) NOT NULL
);
COMMENT ON COLUMN tickets.amount IS 'Fare paid, EUR';

CREATE TABLE boarding_passes (
  ticket_id      integer PRIMARY KEY REFERENCES tickets(ticket_id),
  seat_number    text NOT NULL,
  boarding_group integer NOT NULL,
  issued_at      timestamp NOT NULL
);

INSERT INTO airports (iata_code, name, city, country) VALUES
 ('OSL','Oslo Gardermoen Airport','Oslo','Norway'),
 ('BGO','Bergen Flesland Airport','Bergen','Norway'),
 ('TRD','Trondheim Værnes Airport','Trondheim','Norway'),
 ('SVG','Stavanger Sola Airport','Stavanger','Norway'),
 ('TOS','Tromsø Langnes Airport','Tromsø','Norway'),
 ('BOO','Bodø Airport','Bodø','Norway'),
 ('CPH','Copenhagen Kastrup Airport','Copenhagen','Denmark'),
 ('AAL','Aalborg Airport','Aalborg','Denmark'),
 ('ARN','Stockholm Arlanda Airport','Stockholm','Sweden'),
 ('GOT','Göteborg Landvetter Airport','Gothenburg','Sweden'),
 ('HEL','Helsinki-Vantaa Airport','Helsinki','Finland'),
 ('KEF','Keflavík International Airport','Reykjavík','Iceland'),
 ('ABZ','Aberdeen International Airport','Aberdeen','United Kingdom'),
 ('EDI','Edinburgh Airport','Edinburgh','United Kingdom');

INSERT INTO aircraft (aircraft_id, registration, model, seats, in_service_from) VALUES
 (1,'LN-NRA','ATR 72-600',70,'2016-04-11'),
 (2,'LN-NRB','ATR 72-600',70,'2016-09-02'),
 (3,'LN-NRC','ATR 72-600',70,'2018-03-20'),
 (4,'LN-WDA','De Havilland Dash 8-400',78,'2014-06-30'),
 (5,'LN-WDB','De Havilland Dash 8-400',78,'2015-01-15'),
 (6,'LN-EMA','Embraer E190',100,'2019-05-06'),
 (7,'LN-EMB','Embraer E190',100,'2019-11-18'),
 (8,'LN-EMC','Embraer E195-E2',132,'2022-02-28'),
 (9,'LN-EMD','Embraer E195-E2',132,'2023-10-09'),
 (10,'LN-ABA','Airbus A220-300',145,'2024-06-03');

-- Routes, each flown both ways; weight = departures per week in each direction.
CREATE TEMP TABLE routes (route_no integer, a char(3), b char(3), minutes integer, weekly integer, model_group integer);
INSERT INTO routes VALUES
 (1,'OSL','BGO',50,9,3),(2,'OSL','TRD',55,7,3),(3,'OSL','SVG',50,6,2),(4,'OSL','CPH',70,5,3),
 (5,'OSL','ARN',60,4,4),(6,'BGO','SVG',40,3,1),(7,'OSL','TOS',110,3,2),(8,'TRD','BOO',60,2,1),
 (9,'BOO','TOS',50,2,1),(10,'BGO','ABZ',85,1,1),(11,'SVG','ABZ',75,2,1),(12,'OSL','HEL',90,1,2),
 (13,'CPH','AAL',45,2,1),(14,'ARN','GOT',55,1,2),(15,'OSL','KEF',165,1,4),(16,'BGO','EDI',100,1,2);

-- One row per scheduled departure; the week and slot spread them over 2024-2025.
CREATE TEMP TABLE sched AS
SELECT (row_number() OVER (ORDER BY w, r.route_no, dir, k))::int AS fid, r.*, dir, k, w
FROM routes r
CROSS JOIN generate_series(0, 1) AS dir
CROSS JOIN LATERAL generate_series(1, r.weekly) AS k
CROSS JOIN generate_series(0, 103) AS w
WHERE (w * 7 + k * 3 + r.route_no) % (CASE WHEN r.weekly >= 5 THEN 3 ELSE 2 END) <> 0;

INSERT INTO flights (flight_id, flight_number, departure_airport, arrival_airport, scheduled_departure, scheduled_arrival,
                     actual_departure, actual_arrival, status, aircraft_id)
SELECT fid,
       'NR' || (100 + route_no * 20 + dir * 10 + k)::text,
       CASE WHEN dir = 0 THEN a ELSE b END,
       CASE WHEN dir = 0 THEN b ELSE a END,
       dep, dep + make_interval(mins => minutes),
       CASE WHEN cancelled OR dep > timestamp '2025-12-20 12:00' THEN NULL ELSE dep + make_interval(mins => late) END,
       CASE WHEN cancelled OR dep + make_interval(mins => minutes + late) > timestamp '2025-12-20 12:00' THEN NULL
            ELSE dep + make_interval(mins => minutes + late + (fid % 7) - 3) END,
       CASE WHEN cancelled THEN 'Cancelled'
            WHEN dep > timestamp '2025-12-20 12:00' AND fid % 9 = 0 THEN 'Delayed'
            WHEN dep > timestamp '2025-12-20 12:00' THEN 'Scheduled'
            WHEN dep + make_interval(mins => minutes + late) > timestamp '2025-12-20 12:00' THEN 'Departed'
            ELSE 'Arrived' END,
       CASE WHEN cancelled AND fid % 3 = 0 THEN NULL
            ELSE (ARRAY[1,2,3,4,5,6,7,8,9,10])[CASE model_group
                   WHEN 1 THEN 1 + fid % 5
                   WHEN 2 THEN 4 + fid % 4
                   WHEN 3 THEN 6 + fid % 5
                   ELSE 8 + fid % 3 END] END
FROM (
  SELECT s.*,
         timestamp '2024-01-01 06:00' + make_interval(days => w * 7 + (k * 2 + dir + route_no) % 7,
                                               mins => ((k * 97 + dir * 311 + route_no * 53) % 15) * 60 + (route_no * 5) % 60) AS dep,
         (fid * 7919) % 97 = 0 OR (fid * 31) % 61 = 0 OR (w BETWEEN 5 AND 6 AND route_no IN (7, 9) AND fid % 2 = 0) AS cancelled,
         CASE WHEN fid % 10 < 6 THEN (fid % 9) ELSE 5 + (fid * 13) % (20 + (fid % 4) * 40) END AS late
  FROM sched s
) f
WHERE dep < timestamp '2026-01-01';

INSERT INTO passengers (passenger_id, first_name, last_name, email, nationality, date_of_birth)
SELECT p, fn, ln,
       CASE WHEN p % 23 = 0 THEN NULL ELSE lower(fn) || '.' || lower(ln) || p || '@post.example' END,
       (ARRAY['Norway','Norway','Norway','Norway','Norway','Sweden','Sweden','Denmark','Denmark','Finland','United Kingdom','United Kingdom','Germany','Iceland','Poland','United States','Netherlands','Spain'])[1 + (p * 7) % 18],
       date '1950-01-01' + ((p * 5483) % 20000)
FROM generate_series(1, 1600) AS p
CROSS JOIN LATERAL (SELECT
   (ARRAY['Ola','Kari','Lars','Ingrid','Erik','Sofie','Magnus','Nora','Henrik','Emma','Anders','Maja','Jonas','Astrid','Mikkel','Freya','Johan','Linnea','Oskar','Sara','James','Ella','Piotr','Anna','Lukas','Julia','Björn','Hanna'])[1 + (p * 11) % 28] AS fn,
   (ARRAY['Hansen','Johansen','Olsen','Larsen','Andersen','Pedersen','Nilsen','Berg','Haugen','Lindqvist','Nielsen','Virtanen','Smith','Jónsson','Kowalski','Müller','de Vries','Eriksson','Dahl','Bakke','Holm','Strand','Moe','Lie','Brown','Sørensen','Karlsson','Jensen','Wilson','Solberg','Nygaard'])[1 + (p * 13 + p / 28) % 31] AS ln) AS nm;

-- Bookings: 1 to 3 passengers each; the booker flies on the booking.
INSERT INTO bookings (booking_id, booking_ref, booked_at, booked_by)
SELECT b,
       chr(65 + (b * 7) % 26) || chr(65 + (b * 11 + 3) % 26) || lpad(((b * 7919) % 10000)::text, 4, '0'),
       timestamp '2023-12-01 00:00' + make_interval(days => (b * 746) / 3400, mins => (b * 389) % 1440),
       1 + floor(1600 * power(((b * 37) % 3400) / 3400.0, 1.25))::int
FROM generate_series(1, 3400) AS b;

-- Each booking's tickets are on a flight departing 1 to 40 days after the booking.
INSERT INTO tickets (ticket_id, booking_id, passenger_id, flight_id, fare_class, amount)
SELECT row_number() OVER (ORDER BY bk.booking_id, n),
       bk.booking_id,
       CASE WHEN n = 1 THEN bk.booked_by ELSE 1 + (bk.booked_by + n * 389) % 1600 END,
       fl.flight_id,
       fc,
       round((CASE fc WHEN 'First' THEN 4.2 WHEN 'Business' THEN 2.4 ELSE 1.0 END)
             * (39 + extract(epoch FROM fl.scheduled_arrival - fl.scheduled_departure) / 60 * 1.6 + (bk.booking_id * 17) % 60)::numeric, 2)
FROM bookings bk
CROSS JOIN LATERAL generate_series(1, 1 + (CASE WHEN bk.booking_id % 4 = 0 THEN 1 ELSE 0 END) + (CASE WHEN bk.booking_id % 11 = 0 THEN 1 ELSE 0 END)) AS n
CROSS JOIN LATERAL (
  SELECT f.flight_id, f.scheduled_departure, f.scheduled_arrival
  FROM flights f
  WHERE f.scheduled_departure >= bk.booked_at + make_interval(days => 1 + bk.booking_id % 40)
  ORDER BY f.scheduled_departure, f.flight_id
  OFFSET (bk.booking_id * 13) % 9 LIMIT 1
) fl
CROSS JOIN LATERAL (SELECT CASE WHEN bk.booking_id % 29 = 0 THEN 'First'
                                WHEN bk.booking_id % 7 = 0 THEN 'Business' ELSE 'Economy' END AS fc) c;

DELETE FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.booking_id = b.booking_id);

UPDATE bookings b SET total_amount = s.total
FROM (SELECT booking_id, sum(amount) AS total FROM tickets GROUP BY booking_id) s
WHERE s.booking_id = b.booking_id;

-- Boarding passes exist for tickets on flights that left; seats by fare class.
INSERT INTO boarding_passes (ticket_id, seat_number, boarding_group, issued_at)
SELECT t.ticket_id,
       CASE t.fare_class WHEN 'Economy' THEN (4 + t.ticket_id % 20)::text ELSE (1 + t.ticket_id % 3)::text END
       || (ARRAY['A','B','C','D'])[1 + t.ticket_id % 4],
       CASE t.fare_class WHEN 'Economy' THEN 2 + t.ticket_id % 3 ELSE 1 END,
       f.scheduled_departure - make_interval(mins => 30 + (t.ticket_id * 37) % 1400)
FROM tickets t JOIN flights f ON f.flight_id = t.flight_id
WHERE f.status IN ('Arrived', 'Departed') AND t.ticket_id % 19 <> 0;
