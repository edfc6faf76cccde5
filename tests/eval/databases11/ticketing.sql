-- Live-events ticketing company in the UK: venues, promoters, events, ticket tiers, customers,
-- orders, tickets, refunds and gate scans (events 2023-2025; "today" is 2025-11-15)

CREATE TABLE venues (
  venue_id    integer PRIMARY KEY,
  venue_name  text NOT NULL UNIQUE,
  city        text NOT NULL,
  region      text NOT NULL,
  venue_type  text NOT NULL CHECK (venue_type IN ('arena','theatre','club','stadium','outdoor')),
  capacity    integer NOT NULL
);

CREATE TABLE promoters (
  promoter_id        integer PRIMARY KEY,
  promoter_name      text NOT NULL UNIQUE,
  contact_email      text,
  commission_pct     numeric(4,2) NOT NULL,
  parent_promoter_id integer REFERENCES promoters(promoter_id)
);
COMMENT ON COLUMN promoters.parent_promoter_id IS 'Group the promoter belongs to; NULL = independent';

CREATE TABLE staff (
  staff_id   integer PRIMARY KEY,
  full_name  text NOT NULL,
  role       text NOT NULL CHECK (role IN ('director','manager','ops','support','steward')),
  manager_id integer REFERENCES staff(staff_id),
  hired_on   date NOT NULL
);

CREATE TABLE events (
  event_id    integer PRIMARY KEY,
  title       text NOT NULL,
  category    text NOT NULL CHECK (category IN ('concert','comedy','theatre','sport','festival')),
  venue_id    integer NOT NULL REFERENCES venues(venue_id),
  promoter_id integer REFERENCES promoters(promoter_id),
  starts_at   timestamp NOT NULL,
  status      text NOT NULL CHECK (status IN ('on_sale','completed','cancelled')),
  age_limit   smallint,
  created_by  integer NOT NULL REFERENCES staff(staff_id)
);
COMMENT ON COLUMN events.promoter_id IS 'NULL = promoted in-house';
COMMENT ON COLUMN events.age_limit IS 'Minimum age; NULL = all ages';

CREATE TABLE ticket_tiers (
  tier_id       integer PRIMARY KEY,
  event_id      integer NOT NULL REFERENCES events(event_id),
  tier_name     text NOT NULL CHECK (tier_name IN ('Early Bird','General Admission','VIP')),
  price         numeric(7,2) NOT NULL,
  qty_available integer NOT NULL,
  UNIQUE (event_id, tier_name)
);
COMMENT ON COLUMN ticket_tiers.price IS 'Face value per ticket in GBP';

CREATE TABLE customers (
  cust_id          integer PRIMARY KEY,
  first_name       text NOT NULL,
  last_name        text NOT NULL,
  email            text,
  city             text NOT NULL,
  signup_dt        date NOT NULL,
  marketing_opt_in boolean NOT NULL,
  referred_by      integer REFERENCES customers(cust_id)
);

CREATE TABLE orders (
  order_id   integer PRIMARY KEY,
  cust_id    integer NOT NULL REFERENCES customers(cust_id),
  event_id   integer NOT NULL REFERENCES events(event_id),
  ordered_at timestamp NOT NULL,
  channel    text NOT NULL CHECK (channel IN ('web','app','box_office')),
  promo_code text,
  status     text NOT NULL CHECK (status IN ('paid','refunded','part_refunded')),
  total_amt  numeric(9,2) NOT NULL
);
COMMENT ON COLUMN orders.total_amt IS 'Amount charged in GBP, before any refund';

CREATE TABLE tickets (
  ticket_id  integer PRIMARY KEY,
  order_id   integer NOT NULL REFERENCES orders(order_id),
  tier_id    integer NOT NULL REFERENCES ticket_tiers(tier_id),
  seat_label text,
  price_paid numeric(7,2) NOT NULL,
  status     text NOT NULL CHECK (status IN ('issued','refunded','transferred'))
);
COMMENT ON COLUMN tickets.seat_label IS 'NULL = unreserved / standing';

CREATE TABLE refunds (
  refund_id   integer PRIMARY KEY,
  order_id    integer NOT NULL REFERENCES orders(order_id),
  refunded_at timestamp NOT NULL,
  amount      numeric(9,2) NOT NULL,
  reason      text NOT NULL CHECK (reason IN ('event_cancelled','customer_request','duplicate_order','partial_request')),
  approved_by integer REFERENCES staff(staff_id)
);
COMMENT ON COLUMN refunds.approved_by IS 'NULL = automatic refund';

CREATE TABLE scans (
  scan_id    integer PRIMARY KEY,
  ticket_id  integer NOT NULL REFERENCES tickets(ticket_id),
  scanned_at timestamp NOT NULL,
  gate       text NOT NULL,
  result     text NOT NULL CHECK (result IN ('admitted','rejected_duplicate')),
  scanned_by integer NOT NULL REFERENCES staff(staff_id)
);

INSERT INTO venues VALUES
 (1,'Riverside Arena','Manchester','North West','arena',12000),
 (2,'The Old Corn Exchange','Leeds','Yorkshire','theatre',1800),
 (3,'Harbour Hall','Bristol','South West','theatre',2500),
 (4,'Kelvin Rooms','Glasgow','Scotland','club',900),
 (5,'Northgate Stadium','Birmingham','West Midlands','stadium',30000),
 (6,'Castle Fields','Cardiff','Wales','outdoor',20000),
 (7,'The Lantern','London','London','club',600),
 (8,'Southbank Playhouse','London','London','theatre',1200),
 (9,'Meadow Park','Edinburgh','Scotland','outdoor',15000),
 (10,'Canal Street Club','Manchester','North West','club',450),
 (11,'Victoria Arena','London','London','arena',16000),
 (12,'Tyne Theatre Royal','Newcastle','North East','theatre',1300);

INSERT INTO promoters VALUES
 (1,'Bright Lights Live','bookings@brightlights.example',12.50,NULL),
 (2,'Northern Sound Promotions','hello@northernsound.example',10.00,NULL),
 (3,'Bright Lights North','north@brightlights.example',11.00,1),
 (4,'Laughing Stock Comedy',NULL,15.00,NULL),
 (5,'Curtain Up Productions','info@curtainup.example',9.50,NULL),
 (6,'Fieldday Festivals','team@fieldday.example',14.00,NULL),
 (7,'Bright Lights Scotland','scotland@brightlights.example',11.00,1),
 (8,'Ringside Events',NULL,13.00,NULL),
 (9,'Fieldday Folk','folk@fieldday.example',12.00,6),
 (10,'Velvet Room Presents','gigs@velvetroom.example',10.50,NULL),
 (11,'Stagecraft Touring','tours@stagecraft.example',8.75,5),
 (12,'Harbourside Music',NULL,10.00,NULL),
 (13,'Northern Sound Comedy','comedy@northernsound.example',13.50,2),
 (14,'Big Night Out Ltd','ops@bignightout.example',12.00,NULL),
 (15,'Grassroots Gigs',NULL,7.50,NULL);

INSERT INTO staff (staff_id, full_name, role, manager_id, hired_on)
SELECT s,
       (ARRAY['Alice','Ben','Chloe','Daniel','Ella','Finn','Grace','Harry','Isla','Jack',
              'Katie','Liam','Megan','Noah','Olivia','Patrick','Ruth','Samir','Tara','Will'])[1 + (s-1) % 20]
       || ' ' ||
       (ARRAY['Ashworth','Bennett','Carver','Dalton','Egan','Fletcher','Gill','Hughes','Irwin','Jordan',
              'Kerr','Lowe','Marsh','Nolan','Osei','Price','Quinn','Reid','Sutton','Turner'])[1 + ((s-1)*7 + (s-1)/20) % 20],
       CASE WHEN s = 1 THEN 'director' WHEN s <= 5 THEN 'manager' WHEN s <= 13 THEN 'ops'
            WHEN s <= 23 THEN 'support' ELSE 'steward' END,
       CASE WHEN s = 1 THEN NULL WHEN s <= 5 THEN 1 WHEN s <= 13 THEN 2 WHEN s <= 23 THEN 3
            ELSE 4 + s % 2 END,
       DATE '2016-03-01' + ((s * 97) % 3300)
FROM generate_series(1,40) s;

-- events: venue first, category from the venue type, month skewed to the summer and December
INSERT INTO events (event_id, title, category, venue_id, promoter_id, starts_at, status, age_limit, created_by)
SELECT e, title, cat, v, promoter, ts,
       CASE WHEN e % 31 = 0 THEN 'cancelled'
            WHEN ts > TIMESTAMP '2025-11-15 00:00' THEN 'on_sale' ELSE 'completed' END,
       CASE WHEN cat = 'comedy' THEN 16 WHEN cat = 'concert' AND vtype = 'club' THEN 18
            WHEN cat = 'festival' AND e % 2 = 0 THEN 12 ELSE NULL END,
       6 + (e * 5) % 8
FROM (
  SELECT e, v, vtype, cat,
         CASE WHEN e % 9 = 0 THEN NULL
              WHEN cat = 'comedy' THEN (ARRAY[4,13,14])[1 + e % 3]
              WHEN cat = 'theatre' THEN (ARRAY[5,11,14])[1 + e % 3]
              WHEN cat = 'festival' THEN (ARRAY[6,9])[1 + e % 2]
              WHEN cat = 'sport' THEN (ARRAY[8,14])[1 + e % 2]
              ELSE (ARRAY[1,2,3,7,10,12,15])[1 + e % 7] END AS promoter,
         CASE cat
           WHEN 'concert' THEN (ARRAY['Nova Lane','The Quiet Harbours','Maya Okafor','Glass Arcade','Ruby Tides',
                 'Static Orchard','Leon Vance Trio','Northern Static','Ivy and the Embers','Saltwater Choir',
                 'Echo Parade','Dana Reyes','The Velvet Lows','Kite Theory','Marlow Street Band','Sunday Reverb'])[1 + (e * 7) % 16]
           WHEN 'comedy' THEN (ARRAY['Priya Shah: Unfiltered','Tom Hale Live','Big Laughs Night',
                 'Jo Brennan: Work in Progress','Late Night Improv','Sam Okoye: Home Truths'])[1 + (e * 5) % 6]
           WHEN 'theatre' THEN (ARRAY['The Lighthouse Keeper','An Inspector Returns','Pride and Pudding',
                 'Macbeth','Oliver!','The Winter Guest','Blithe Spirit','Northern Lights'])[1 + (e * 3) % 8]
           WHEN 'sport' THEN (ARRAY['City vs Rovers','Fight Night','Darts Masters','Giants vs Storm',
                 'Netball Finals','Wrestling Live'])[1 + (e * 5) % 6]
           ELSE (ARRAY['Summer Sound Festival','Folk in the Fields','Meadow Beats','Harbour Jazz Weekend'])[1 + e % 4]
                || ' ' || (2023 + (e * 5 + e / 5) % 3)
         END AS title,
         make_timestamp(2023 + (e * 5 + e / 5) % 3,
                        CASE WHEN cat = 'festival' THEN 6 + e % 3
                             ELSE (ARRAY[1,2,3,3,4,4,5,5,6,6,6,7,7,7,7,8,8,8,8,9,9,10,10,11,11,12,12,12])[1 + (e * 17) % 28] END,
                        1 + (e * 11) % 28,
                        CASE WHEN cat = 'festival' THEN 12 WHEN cat = 'sport' THEN 15 ELSE 19 END,
                        CASE WHEN e % 2 = 0 THEN 30 ELSE 0 END, 0) AS ts
  FROM (
    SELECT e, v, vtype,
           CASE vtype
             WHEN 'arena'   THEN CASE WHEN k < 5 THEN 'concert' WHEN k < 8 THEN 'sport' ELSE 'comedy' END
             WHEN 'theatre' THEN CASE WHEN k < 6 THEN 'theatre' ELSE 'comedy' END
             WHEN 'club'    THEN CASE WHEN k < 7 THEN 'concert' ELSE 'comedy' END
             WHEN 'stadium' THEN CASE WHEN k < 6 THEN 'sport' ELSE 'concert' END
             ELSE CASE WHEN k < 6 THEN 'festival' ELSE 'concert' END
           END AS cat
    FROM (
      SELECT e, vn.venue_id AS v, (e * 13) % 10 AS k, vn.venue_type AS vtype
      FROM generate_series(1,360) e
      JOIN venues vn ON vn.venue_id = (ARRAY[1,1,2,2,3,3,4,4,4,5,6,7,7,7,8,8,8,9,10,10,10,11,11,12,12])[1 + (e * 7 + e / 25) % 25]
    ) a
  ) b
) c;

INSERT INTO ticket_tiers (tier_id, event_id, tier_name, price, qty_available)
SELECT row_number() OVER (ORDER BY ev.event_id, t.n), ev.event_id,
       (ARRAY['Early Bird','General Admission','VIP'])[t.n],
       round((CASE ev.category WHEN 'concert' THEN 40 WHEN 'comedy' THEN 22 WHEN 'theatre' THEN 35
                               WHEN 'sport' THEN 50 ELSE 90 END + (ev.event_id % 5) * 5)
             * (ARRAY[0.8,1.0,2.5])[t.n], 2),
       (v.capacity * (ARRAY[0.10,0.75,0.15])[t.n])::integer
FROM events ev
JOIN venues v ON v.venue_id = ev.venue_id
CROSS JOIN generate_series(1,3) AS t(n)
WHERE t.n <> 3 OR ev.event_id % 4 <> 1;

INSERT INTO customers (cust_id, first_name, last_name, email, city, signup_dt, marketing_opt_in, referred_by)
SELECT c,
       (ARRAY['Aisha','Adam','Bethany','Callum','Charlotte','Connor','Daisy','Dylan','Eleanor','Ethan',
              'Freya','George','Hannah','Henry','Imogen','Isaac','Jasmine','Jacob','Lily','Joseph',
              'Lucy','Kieran','Maisie','Leo','Molly','Lewis','Niamh','Mason','Phoebe','Nathan',
              'Poppy','Oscar','Rosie','Owen','Scarlett','Reece','Sophie','Rhys','Zara','Sean',
              'Amelia','Toby','Ava','Tyler','Evie','Zach','Holly','Kai','Jessica','Luca'])[1 + (c-1) % 50] AS fn,
       (ARRAY['Abbott','Ahmed','Armstrong','Bailey','Barker','Bell','Booth','Brooks','Burton','Chapman',
              'Clarke','Cole','Cooper','Cox','Davies','Dixon','Doyle','Ellis','Evans','Farrell',
              'Fisher','Foster','Gibson','Graham','Grant','Hall','Harper','Hayes','Holmes','Hunt',
              'Jenkins','Kaur','Khan','Knight','Lawson','Lloyd','Mason','McKenzie','Mills','Moss',
              'Murphy','Nash','Owen','Palmer','Patel','Pearce','Powell','Rahman','Riley','Rowe',
              'Shaw','Singh','Stone','Taylor','Walsh','Ward','Webb','Wells','Wright','Young'])[1 + ((c-1)/50 + 7*((c-1) % 50)) % 60] AS ln,
       CASE WHEN c % 9 = 0 THEN NULL ELSE 'cust' || c || '@mail.example' END,
       (ARRAY['London','London','London','Manchester','Manchester','Leeds','Bristol','Glasgow','Birmingham',
              'Cardiff','Edinburgh','Newcastle','Liverpool','Sheffield','Nottingham'])[1 + ((c * 7 + c / 15) % 15) * ((c * 3 + c / 7) % 10 + 5) / 15],
       DATE '2022-01-03' + ((c - 1) * 1340 / 3000),
       (c * 3) % 5 <> 0,
       CASE WHEN c % 10 = 3 AND c > 20 THEN 1 + ((c * 7919) % 1000) * (c - 1) / 1000 ELSE NULL END
FROM generate_series(1,3000) c;

-- orders: customers and events skewed to low ids (regulars, hits)
INSERT INTO orders (order_id, cust_id, event_id, ordered_at, channel, promo_code, status, total_amt)
SELECT i, cust, ev.event_id,
       least(ev.starts_at - ((i * 37) % 75 + 1) * interval '1 day' - ((i * 131) % 720) * interval '1 minute',
             TIMESTAMP '2025-11-14 21:00' - ((i * 53) % 900) * interval '1 minute'),
       CASE WHEN (i * 7) % 20 < 11 THEN 'web' WHEN (i * 7) % 20 < 17 THEN 'app' ELSE 'box_office' END,
       CASE WHEN i % 13 = 0 THEN 'EARLY10' WHEN i % 29 = 0 THEN 'STUDENT20' ELSE NULL END,
       CASE WHEN ev.status = 'cancelled' THEN 'refunded'
            WHEN i % 61 = 0 THEN 'refunded'
            WHEN i % 43 = 0 AND (ARRAY[1,2,2,2,2,3,4,4,1,6])[1 + (i * 3) % 10] > 1 THEN 'part_refunded'
            ELSE 'paid' END,
       0
FROM (
  SELECT i,
         1 + (((i * 613) % 3000) * ((i * 1013) % 3000 + 300)) / 3300 AS cust,
         1 + (((i * 7919) % 360) * ((i * 104729) % 360 + 40)) / 400 AS ev_id
  FROM generate_series(1,12000) i
) o
JOIN events ev ON ev.event_id = o.ev_id;

INSERT INTO tickets (ticket_id, order_id, tier_id, seat_label, price_paid, status)
SELECT row_number() OVER (ORDER BY o.order_id, q.n), o.order_id, tt.tier_id,
       CASE WHEN tt.tier_name = 'VIP' OR v.venue_type = 'theatre'
            THEN chr(65 + (o.order_id * 3) % 16) || (1 + (o.order_id * 7 + q.n) % 40) ELSE NULL END,
       round(tt.price * CASE o.promo_code WHEN 'EARLY10' THEN 0.9 WHEN 'STUDENT20' THEN 0.8 ELSE 1 END, 2),
       CASE WHEN o.status = 'refunded' THEN 'refunded'
            WHEN o.status = 'part_refunded' AND q.n = 1 THEN 'refunded'
            ELSE 'issued' END
FROM orders o
JOIN events ev ON ev.event_id = o.event_id
JOIN venues v ON v.venue_id = ev.venue_id
CROSS JOIN LATERAL generate_series(1, (ARRAY[1,2,2,2,2,3,4,4,1,6])[1 + (o.order_id * 3) % 10]) AS q(n)
JOIN LATERAL (
  SELECT t.* FROM ticket_tiers t
  WHERE t.event_id = o.event_id
    AND t.tier_name = CASE WHEN (o.order_id * 11) % 10 < 2 THEN 'Early Bird'
                           WHEN (o.order_id * 11) % 10 < 8 THEN 'General Admission'
                           WHEN ev.event_id % 4 = 1 THEN 'General Admission'
                           ELSE 'VIP' END
) tt ON true;

UPDATE tickets SET status = 'transferred' WHERE ticket_id % 97 = 0 AND status = 'issued';

UPDATE orders o SET total_amt = s.total
FROM (SELECT order_id, sum(price_paid) AS total FROM tickets GROUP BY order_id) s
WHERE s.order_id = o.order_id;

-- customers signed up no later than their first order
UPDATE customers c SET signup_dt = f.first_dt
FROM (SELECT cust_id, min(ordered_at)::date AS first_dt FROM orders GROUP BY cust_id) f
WHERE f.cust_id = c.cust_id AND f.first_dt < c.signup_dt;

INSERT INTO refunds (refund_id, order_id, refunded_at, amount, reason, approved_by)
SELECT row_number() OVER (ORDER BY o.order_id), o.order_id,
       CASE WHEN ev.status = 'cancelled'
            THEN greatest(ev.starts_at - interval '3 days', o.ordered_at + interval '2 hours')
            ELSE o.ordered_at + ((o.order_id % 20) + 1) * interval '1 day' + interval '3 hours' END,
       CASE WHEN o.status = 'refunded' THEN o.total_amt
            ELSE (SELECT t.price_paid FROM tickets t WHERE t.order_id = o.order_id ORDER BY t.ticket_id LIMIT 1) END,
       CASE WHEN ev.status = 'cancelled' THEN 'event_cancelled'
            WHEN o.status = 'part_refunded' THEN 'partial_request'
            WHEN o.order_id % 2 = 0 THEN 'duplicate_order'
            ELSE 'customer_request' END,
       CASE WHEN ev.status = 'cancelled' THEN NULL ELSE 14 + o.order_id % 10 END
FROM orders o
JOIN events ev ON ev.event_id = o.event_id
WHERE o.status IN ('refunded','part_refunded');

-- gate scans for completed events; about 7% no-shows; some second scans rejected
INSERT INTO scans (scan_id, ticket_id, scanned_at, gate, result, scanned_by)
SELECT row_number() OVER (ORDER BY x.ticket_id, x.k), x.ticket_id,
       x.starts_at - ((x.ticket_id * 7) % 90) * interval '1 minute'
         + CASE WHEN x.category = 'festival' THEN ((x.ticket_id * 13) % 6) * interval '1 hour' ELSE interval '0' END
         + x.k * interval '17 minutes',
       (ARRAY['A','B','C','D'])[1 + x.ticket_id % 4],
       CASE WHEN x.k = 0 THEN 'admitted' ELSE 'rejected_duplicate' END,
       24 + (x.ticket_id + x.k) % 17
FROM (
  SELECT t.ticket_id, ev.starts_at, ev.category, k.k
  FROM tickets t
  JOIN orders o ON o.order_id = t.order_id
  JOIN events ev ON ev.event_id = o.event_id
  CROSS JOIN generate_series(0,1) AS k(k)
  WHERE ev.status = 'completed' AND t.status IN ('issued','transferred')
    AND t.ticket_id % 14 <> 0
    AND (k.k = 0 OR t.ticket_id % 50 = 0)
) x;
