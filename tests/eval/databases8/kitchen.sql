-- Restaurant chain: sites, menu, staff and their shifts, guest orders and their lines,
-- supplier deliveries and guest reviews (2024-2025)

CREATE TABLE restaurants (
  restaurant_id integer PRIMARY KEY,
  name          text NOT NULL UNIQUE,
  city          text NOT NULL,
  opened_on     date NOT NULL,
  seats         integer NOT NULL
);

CREATE TABLE menu_items (
  item_id    integer PRIMARY KEY,
  item_name  text NOT NULL UNIQUE,
  category   text NOT NULL CHECK (category IN ('starter','main','dessert','drink','side')),
  price      numeric(6,2) NOT NULL,
  is_veg     boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN menu_items.is_veg IS 'Vegetarian dish';

CREATE TABLE staff (
  staff_id      integer PRIMARY KEY,
  first_name    text NOT NULL,
  last_name     text NOT NULL,
  job           text NOT NULL CHECK (job IN ('server','chef','bartender','host','manager','dishwasher')),
  restaurant_id integer NOT NULL REFERENCES restaurants(restaurant_id),
  hourly_wage   numeric(5,2) NOT NULL,
  hired_on      date NOT NULL,
  left_on       date
);

CREATE TABLE shifts (
  shift_id   integer PRIMARY KEY,
  staff_id   integer NOT NULL REFERENCES staff(staff_id),
  start_ts   timestamp NOT NULL,
  end_ts     timestamp NOT NULL
);

CREATE TABLE orders (
  order_id      integer PRIMARY KEY,
  restaurant_id integer NOT NULL REFERENCES restaurants(restaurant_id),
  server_id     integer REFERENCES staff(staff_id),
  opened_at     timestamp NOT NULL,
  closed_at     timestamp,
  channel       text NOT NULL CHECK (channel IN ('dine-in','takeaway','delivery')),
  covers        smallint NOT NULL,
  tip           numeric(7,2)
);
COMMENT ON COLUMN orders.covers IS 'Number of guests served';
COMMENT ON COLUMN orders.server_id IS 'Staff member who served the table; NULL for takeaway and delivery';

CREATE TABLE order_lines (
  order_id   integer NOT NULL REFERENCES orders(order_id),
  line_no    smallint NOT NULL,
  item_id    integer NOT NULL REFERENCES menu_items(item_id),
  qty        smallint NOT NULL,
  unit_price numeric(6,2) NOT NULL,
  voided     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE suppliers (
  supplier_id integer PRIMARY KEY,
  supplier_name text NOT NULL UNIQUE,
  supplies    text NOT NULL,
  city        text NOT NULL
);

CREATE TABLE stock_deliveries (
  delivery_id   integer PRIMARY KEY,
  supplier_id   integer NOT NULL REFERENCES suppliers(supplier_id),
  restaurant_id integer NOT NULL REFERENCES restaurants(restaurant_id),
  delivered_on  date NOT NULL,
  cost          numeric(9,2) NOT NULL
);

CREATE TABLE reviews (
  review_id     integer PRIMARY KEY,
  restaurant_id integer NOT NULL REFERENCES restaurants(restaurant_id),
  rating        smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  posted_on     date NOT NULL,
  review_text   text
);

INSERT INTO restaurants VALUES
  (1, 'Olive & Ember Lisbon', 'Lisbon', '2016-04-12', 120),
  (2, 'Olive & Ember Porto', 'Porto', '2018-09-01', 85),
  (3, 'Olive & Ember Madrid Centro', 'Madrid', '2019-03-15', 140),
  (4, 'Olive & Ember Chamberi', 'Madrid', '2022-06-20', 70),
  (5, 'Olive & Ember Valencia', 'Valencia', '2021-11-05', 95),
  (6, 'Olive & Ember Seville', 'Seville', '2023-02-10', 60),
  (7, 'Olive & Ember Braga', 'Braga', '2024-05-02', 48);

INSERT INTO menu_items VALUES
  (1, 'Garlic prawns', 'starter', 9.50, false),
  (2, 'Padron peppers', 'starter', 6.00, true),
  (3, 'Burrata salad', 'starter', 10.50, true),
  (4, 'Chorizo croquettes', 'starter', 7.50, false),
  (5, 'Grilled octopus', 'main', 24.00, false),
  (6, 'Ribeye steak', 'main', 29.50, false),
  (7, 'Seafood paella', 'main', 22.00, false),
  (8, 'Mushroom risotto', 'main', 16.50, true),
  (9, 'Roast chicken', 'main', 17.00, false),
  (10, 'Vegetable tagine', 'main', 15.00, true),
  (11, 'Sea bass', 'main', 23.00, false),
  (12, 'Fries', 'side', 4.00, true),
  (13, 'Green salad', 'side', 4.50, true),
  (14, 'Pastel de nata', 'dessert', 3.50, true),
  (15, 'Chocolate fondant', 'dessert', 8.00, true),
  (16, 'Crema catalana', 'dessert', 7.00, true),
  (17, 'House red (glass)', 'drink', 6.50, true),
  (18, 'House white (glass)', 'drink', 6.50, true),
  (19, 'Draft beer', 'drink', 5.00, true),
  (20, 'Sparkling water', 'drink', 3.00, true),
  (21, 'Espresso', 'drink', 2.00, true);

INSERT INTO staff (staff_id, first_name, last_name, job, restaurant_id, hourly_wage, hired_on, left_on)
SELECT i,
       (ARRAY['Ana','Joao','Maria','Pedro','Ines','Tiago','Lucia','Carlos','Sofia','Diego','Marta','Rui','Elena','Pablo','Beatriz','Miguel','Carmen','Hugo','Laura','Bruno','Rita','Javier','Clara','Nuno','Paula','Alvaro'])[1 + (i * 7) % 26],
       (ARRAY['Silva','Santos','Garcia','Ferreira','Lopez','Costa','Martinez','Pereira','Sanchez','Oliveira','Rodrigues','Fernandez','Gomes','Ruiz','Almeida','Moreno','Sousa','Navarro','Carvalho','Romero','Ribeiro','Torres','Pinto'])[1 + (i * 5) % 23],
       (ARRAY['server','server','server','server','chef','chef','bartender','host','dishwasher','server','chef','manager'])[1 + (i / 7) % 12],
       1 + i % 7,
       CASE (ARRAY['server','server','server','server','chef','chef','bartender','host','dishwasher','server','chef','manager'])[1 + (i / 7) % 12]
         WHEN 'manager' THEN 21.00 WHEN 'chef' THEN 15.50 + (i % 5) WHEN 'bartender' THEN 11.75 WHEN 'host' THEN 10.50
         WHEN 'dishwasher' THEN 9.25 ELSE 10.00 + (i % 4) * 0.5 END,
       date '2016-05-01' + (i * 131) % 3300,
       CASE WHEN i % 6 = 0 THEN date '2024-01-15' + (i * 29) % 690 END
FROM generate_series(1, 130) AS i;
-- a join date cannot precede the opening, a leave date cannot precede the join
UPDATE staff s SET hired_on = r.opened_on + (s.staff_id % 40)
FROM restaurants r WHERE r.restaurant_id = s.restaurant_id AND s.hired_on < r.opened_on;
UPDATE staff SET left_on = NULL WHERE left_on <= hired_on;

INSERT INTO shifts (shift_id, staff_id, start_ts, end_ts)
SELECT row_number() OVER (ORDER BY d, s.staff_id), s.staff_id,
       d + CASE WHEN s.staff_id % 2 = 0 THEN time '11:00' ELSE time '17:00' END,
       d + CASE WHEN s.staff_id % 2 = 0 THEN time '11:00' ELSE time '17:00' END
         + interval '1 hour' * (5 + (s.staff_id + extract(doy FROM d)::int) % 4)
FROM staff s
CROSS JOIN generate_series(date '2024-01-01', date '2025-12-31', interval '1 day') AS d
WHERE (s.staff_id + extract(doy FROM d)::int) % 3 = 0
  AND d >= s.hired_on AND (s.left_on IS NULL OR d < s.left_on)
  AND d >= (SELECT opened_on FROM restaurants r WHERE r.restaurant_id = s.restaurant_id);

-- busier sites get more orders; Braga only from its opening
INSERT INTO orders (order_id, restaurant_id, server_id, opened_at, closed_at, channel, covers, tip)
SELECT o.id, o.rest,
       CASE WHEN o.channel = 'dine-in' THEN
         (SELECT st.staff_id FROM staff st
          WHERE st.restaurant_id = o.rest AND st.job = 'server' AND st.hired_on <= o.opened::date
            AND (st.left_on IS NULL OR st.left_on > o.opened::date)
          ORDER BY (st.staff_id * 31 + o.id) % 7, st.staff_id LIMIT 1) END,
       o.opened,
       CASE WHEN o.id % 157 = 0 THEN NULL
            ELSE o.opened + interval '1 minute' * (CASE WHEN o.channel = 'dine-in' THEN 45 + o.id % 80 ELSE 8 + o.id % 25 END) END,
       o.channel,
       CASE WHEN o.channel = 'dine-in' THEN 1 + (o.id * 7) % 6 ELSE 1 END,
       CASE WHEN o.id % 5 = 0 THEN NULL WHEN o.channel = 'delivery' THEN round(((o.id * 3) % 40) / 10.0, 2)
            ELSE round(((o.id * 13) % 120) / 10.0, 2) END
FROM (
  SELECT id, rest,
         CASE WHEN id % 10 < 6 THEN 'dine-in' WHEN id % 10 < 8 THEN 'takeaway' ELSE 'delivery' END AS channel,
         greatest(timestamp '2024-01-01 12:00' + interval '1 minute' * ((id::bigint * 1051200) / 16000) + interval '1 minute' * ((id * 37) % 300),
                  CASE WHEN rest = 7 THEN timestamp '2024-05-02 12:30' + interval '1 minute' * (id % 600) ELSE timestamp '2024-01-01 12:00' END) AS opened
  FROM (
    SELECT id, (ARRAY[1,1,1,3,3,3,3,2,2,5,5,4,6,7])[1 + (id * 5) % 14] AS rest
    FROM generate_series(1, 16000) AS id
  ) a
) o;

INSERT INTO order_lines (order_id, line_no, item_id, qty, unit_price, voided)
SELECT o.order_id, n,
       m.item_id,
       CASE WHEN m.category = 'drink' THEN 1 + (o.order_id + n) % 3 ELSE 1 + ((o.order_id * n) % 7 = 0)::int END,
       m.price + CASE WHEN o.opened_at >= timestamp '2025-03-01' THEN round(m.price * 0.05, 1) ELSE 0 END,
       (o.order_id * 3 + n) % 61 = 0
FROM orders o
CROSS JOIN LATERAL generate_series(1, 1 + o.covers + (o.order_id % 3)) AS n
JOIN menu_items m ON m.item_id = (ARRAY[6,7,5,1,17,19,12,9,14,2,8,18,11,3,20,15,4,10,21,13,16,6,7,19,17])[1 + (o.order_id * 7 + n * 11) % 25];

INSERT INTO suppliers VALUES
  (1, 'Mar Azul Seafood', 'fish', 'Porto'),
  (2, 'Quinta Verde Produce', 'vegetables', 'Lisbon'),
  (3, 'Carnes Iberia', 'meat', 'Madrid'),
  (4, 'Vinhos do Norte', 'wine', 'Braga'),
  (5, 'Lacteos Sierra', 'dairy', 'Valencia'),
  (6, 'Padaria Central', 'bread', 'Lisbon');

INSERT INTO stock_deliveries (delivery_id, supplier_id, restaurant_id, delivered_on, cost)
SELECT i, 1 + (i * 5 + i / 11) % 6, 1 + (i * 3) % 7,
       greatest(date '2024-01-02' + (i * 730 / 2400) , CASE WHEN 1 + (i * 3) % 7 = 7 THEN date '2024-05-01' ELSE date '2024-01-02' END),
       round(120 + ((i * 7919) % 2600) + ((i * 13) % 100) / 100.0
             + CASE 1 + (i * 5 + i / 11) % 6 WHEN 1 THEN 600 WHEN 3 THEN 450 WHEN 4 THEN 300 ELSE 0 END, 2)
FROM generate_series(1, 2400) AS i;

INSERT INTO reviews (review_id, restaurant_id, rating, posted_on, review_text)
SELECT i, (ARRAY[1,1,3,3,3,2,5,4,6,7,2,1])[1 + (i * 7) % 12],
       (ARRAY[5,4,5,3,4,5,2,4,1,5,4,3,5,4])[1 + (i * 3 + i / 9) % 14]
         - CASE WHEN (ARRAY[1,1,3,3,3,2,5,4,6,7,2,1])[1 + (i * 7) % 12] = 6 AND i % 4 = 0 AND i % 3 <> 0 THEN 1 ELSE 0 END,
       date '2024-01-03' + (i * 727) % 728,
       CASE WHEN i % 3 = 0 THEN NULL
            ELSE (ARRAY['Great food, slow service','Lovely octopus','Too noisy on Fridays','Friendly staff','Paella was cold','Best nata in town','Will come back','Overpriced wine','Quick takeaway','Nice terrace'])[1 + (i * 11) % 10] END
FROM generate_series(1, 1800) AS i;
UPDATE reviews SET rating = greatest(rating, 1);
