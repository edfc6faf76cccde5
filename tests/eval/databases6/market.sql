-- Online marketplace: independent sellers list products in nested categories; buyers place orders that are paid, shipped and reviewed

CREATE TABLE sellers (
  seller_id   integer PRIMARY KEY,
  shop_name   text NOT NULL UNIQUE,
  country     text NOT NULL,
  joined_on   date NOT NULL,
  is_verified boolean NOT NULL DEFAULT false
);

CREATE TABLE buyers (
  buyer_id   integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name  text NOT NULL,
  email      text NOT NULL UNIQUE,
  city       text NOT NULL,
  country    text NOT NULL,
  signup_dt  date NOT NULL
);

CREATE TABLE categories (
  cat_id    integer PRIMARY KEY,
  name      text NOT NULL UNIQUE,
  parent_id integer REFERENCES categories(cat_id)
);
COMMENT ON COLUMN categories.parent_id IS 'NULL for top-level categories';

CREATE TABLE products (
  product_id integer PRIMARY KEY,
  seller_id  integer NOT NULL REFERENCES sellers(seller_id),
  cat_id     integer NOT NULL REFERENCES categories(cat_id),
  title      text NOT NULL,
  list_price numeric(10,2) NOT NULL,
  is_active  boolean NOT NULL DEFAULT true,
  created_at timestamp NOT NULL
);

CREATE TABLE orders (
  order_id      integer PRIMARY KEY,
  buyer_id      integer NOT NULL REFERENCES buyers(buyer_id),
  placed_at     timestamp NOT NULL,
  status        text NOT NULL CHECK (status IN ('delivered','shipped','cancelled','returned')),
  shipping_cost numeric(8,2) NOT NULL DEFAULT 0
);

CREATE TABLE order_items (
  order_id   integer NOT NULL REFERENCES orders(order_id),
  line_no    smallint NOT NULL,
  product_id integer NOT NULL REFERENCES products(product_id),
  qty        integer NOT NULL CHECK (qty > 0),
  unit_price numeric(10,2) NOT NULL,
  discount   numeric(4,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id, line_no)
);
COMMENT ON COLUMN order_items.discount IS 'Fraction off the unit price, 0.10 = 10%';

CREATE TABLE payments (
  payment_id integer PRIMARY KEY,
  order_id   integer NOT NULL REFERENCES orders(order_id),
  method     text NOT NULL CHECK (method IN ('card','paypal','voucher')),
  amount     numeric(10,2) NOT NULL,
  paid_at    timestamp NOT NULL
);

CREATE TABLE shipments (
  shipment_id  integer PRIMARY KEY,
  order_id     integer NOT NULL UNIQUE REFERENCES orders(order_id),
  carrier      text NOT NULL,
  shipped_at   timestamp NOT NULL,
  delivered_at timestamp
);

CREATE TABLE product_reviews (
  review_id   integer PRIMARY KEY,
  product_id  integer NOT NULL REFERENCES products(product_id),
  buyer_id    integer NOT NULL REFERENCES buyers(buyer_id),
  rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  review_text text,
  created_at  timestamp NOT NULL
);

INSERT INTO sellers (seller_id, shop_name, country, joined_on, is_verified)
SELECT i,
  (ARRAY['Nordic Nest','Blue Harbor','Copper Kettle','Urban Trail','Maple & Pine','Sunday Thread','Bright Byte','Old Mill','Wild Fern','Iron Peak',
         'Little Lantern','Harbor Light','Green Orchard','Velvet Fox','Paper Crane','Silver Birch','Stone Bridge','Red Kite','Cedar Lane','Golden Hour',
         'North Wind','Amber Leaf','Quiet Owl','Salt & Sea','Tin Robot','Olive Grove','Moon Dial','Pixel Forge','Wander Co','Honey Comb',
         'Blue Fin','Fox Hollow','Lucky Clover','High Desert','Rain City','Atlas','Willow Creek','Coral Reef','True North','Bay Leaf'])[i]
  || ' ' || (ARRAY['Goods','Outfitters','Supply','Trading','Studio','Market'])[1 + (i * 5) % 6],
  (ARRAY['United States','United States','United Kingdom','Germany','United States','France','Canada','Germany','United States','Netherlands'])[1 + (i * 3) % 10],
  date '2019-05-01' + (i * 97) % 1600,
  i % 4 <> 3
FROM generate_series(1, 40) AS i;

CREATE TEMP TABLE _city (n int, city text, country text);
INSERT INTO _city VALUES
 (0,'New York','United States'),(1,'Los Angeles','United States'),(2,'Chicago','United States'),(3,'Houston','United States'),
 (4,'Seattle','United States'),(5,'London','United Kingdom'),(6,'Manchester','United Kingdom'),(7,'Berlin','Germany'),
 (8,'Munich','Germany'),(9,'Paris','France'),(10,'Lyon','France'),(11,'Toronto','Canada'),(12,'Vancouver','Canada'),
 (13,'Amsterdam','Netherlands'),(14,'New York','United States'),(15,'London','United Kingdom'),(16,'Chicago','United States'),
 (17,'Berlin','Germany'),(18,'Los Angeles','United States'),(19,'Toronto','Canada');

INSERT INTO buyers (buyer_id, first_name, last_name, email, city, country, signup_dt)
SELECT i, fn, ln, lower(fn || '.' || ln || i) || '@mail.example', c.city, c.country,
  date '2022-06-01' + (i * 29) % 1250
FROM (
  SELECT i,
    (ARRAY['Anna','Ben','Clara','Dev','Ella','Finn','Gia','Hugo','Isla','Jack','Kira','Leo','Mia','Nico','Omar','Pia','Quinn','Rosa','Sam','Tara','Uma','Vik','Wren','Zoe','Luca','Ivy','Max','Noor','Eli','June'])[1 + (i * 7) % 30] AS fn,
    (ARRAY['Meyer','Lambert','Costa','Bauer','Wong','Schmidt','Moreau','Jensen','Shah','Kelly','Novak','Silva','Fraser','Ito','Berg','Russo','Dunn','Vogel','Park','Reid','Lund','Okoye','Marsh','Blanc','Hart',
      'Quinlan','Ahmed','Petrov','Haas','Lindqvist','Mendes','Carter','Doyle','Sato','Kaur','Walsh','Ferreira','Nilsen','Brooks','Varga'])[1 + (i / 30 + i * 3) % 40] AS ln
  FROM generate_series(1, 1200) AS i) b
JOIN _city c ON c.n = (b.i * 13) % 20;

INSERT INTO categories (cat_id, name, parent_id) VALUES
 (1,'Electronics',NULL),(2,'Home & Kitchen',NULL),(3,'Fashion',NULL),(4,'Sports & Outdoors',NULL),(5,'Books',NULL),
 (6,'Phones',1),(7,'Laptops',1),(8,'Audio',1),(9,'Cameras',1),
 (10,'Cookware',2),(11,'Furniture',2),(12,'Bedding',2),
 (13,'Women''s Clothing',3),(14,'Men''s Clothing',3),(15,'Shoes',3),(16,'Jewelry',3),
 (17,'Camping',4),(18,'Fitness',4),(19,'Cycling',4),
 (20,'Fiction',5),(21,'Non-fiction',5);

-- sellers and categories are skewed: a few shops and categories carry most of the catalogue
INSERT INTO products (product_id, seller_id, cat_id, title, list_price, is_active, created_at)
SELECT p, s, c,
  (ARRAY['Classic','Pro','Eco','Compact','Deluxe','Essential','Premium','Lite'])[1 + (p * 3) % 8] || ' '
  || (ARRAY['Smartphone','Laptop','Headphones','Camera','Frying Pan','Armchair','Duvet Cover','Linen Dress','Oxford Shirt','Running Shoes','Silver Necklace','Tent','Yoga Mat','Bike Light','Novel','Cookbook'])[c - 5]
  || ' ' || (100 + p),
  round((ARRAY[420,980,120,650,45,310,70,85,55,110,140,190,30,35,18,26])[c - 5] * (0.6 + ((p * 37) % 90) / 100.0), 2),
  p % 11 <> 4,
  CASE WHEN p > 500 THEN timestamp '2025-10-20' + make_interval(days => p - 500, hours => p % 24)
       ELSE timestamp '2022-09-01' + make_interval(days => (p * 13) % 900, hours => p % 24) END
FROM (
  SELECT p,
    1 + floor(40 * power(((p * 37) % 500) / 500.0, 2))::int AS s,
    CASE WHEN p % 16 < 3 THEN 15 WHEN p % 16 < 5 THEN 13 WHEN p % 16 < 7 THEN 8 WHEN p % 16 < 9 THEN 10
         ELSE 6 + (p * 7 + p / 16) % 16 END AS c
  FROM generate_series(1, 520) AS p) x;

INSERT INTO orders (order_id, buyer_id, placed_at, status, shipping_cost)
SELECT o, 1 + floor(1200 * power(((o * 7919) % 6400) / 6400.0, 1.6))::int, t,
  CASE WHEN o % 17 = 3 THEN 'cancelled' WHEN o % 19 = 7 THEN 'returned'
       WHEN t >= timestamp '2025-11-22' THEN 'shipped' ELSE 'delivered' END,
  CASE WHEN o % 5 = 0 THEN 0 ELSE (ARRAY[4.99,5.99,7.50,9.90,12.00])[1 + (o * 3) % 5] END
FROM (
  SELECT o, timestamp '2023-01-01' + make_interval(mins => ((o * 1051) % 6400) * 239 + (o * 37) % 200) AS t
  FROM generate_series(1, 6400) AS o) x;

INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price, discount)
SELECT o.order_id, l, pr.product_id,
  CASE WHEN (o.order_id + l) % 7 = 0 THEN 2 WHEN (o.order_id * l) % 23 = 0 THEN 3 ELSE 1 END,
  pr.list_price,
  CASE WHEN (o.order_id + l * 3) % 9 = 0 THEN 0.10 WHEN (o.order_id + l) % 31 = 0 THEN 0.25 ELSE 0 END
FROM orders o
CROSS JOIN generate_series(1, 3) AS l
-- the newest listings (ids above 500) have not sold yet
JOIN products pr ON pr.product_id = 1 + ((o.order_id * 31 + l * 173) * (1 + o.order_id % 3)) % 500
WHERE l = 1 OR (l = 2 AND o.order_id % 3 <> 0) OR (l = 3 AND o.order_id % 5 = 1);

-- cancelled orders were never charged; some orders split the charge between a voucher and a card
INSERT INTO payments (payment_id, order_id, method, amount, paid_at)
SELECT row_number() OVER (ORDER BY order_id, method), order_id, method, amount, paid_at FROM (
  SELECT o.order_id,
    CASE WHEN o.order_id % 13 = 0 THEN 'card' WHEN o.order_id % 10 < 6 THEN 'card' WHEN o.order_id % 10 < 9 THEN 'paypal' ELSE 'voucher' END AS method,
    CASE WHEN o.order_id % 13 = 0 THEN t.total - 10 ELSE t.total END AS amount,
    o.placed_at + make_interval(mins => 1 + o.order_id % 9) AS paid_at
  FROM orders o JOIN (SELECT order_id, round(sum(qty * unit_price * (1 - discount)), 2) AS net FROM order_items GROUP BY order_id) n USING (order_id)
  CROSS JOIN LATERAL (SELECT n.net + o.shipping_cost AS total) t
  WHERE o.status <> 'cancelled'
  UNION ALL
  SELECT o.order_id, 'voucher', 10.00, o.placed_at + make_interval(mins => 1)
  FROM orders o WHERE o.order_id % 13 = 0 AND o.status <> 'cancelled') p;

INSERT INTO shipments (shipment_id, order_id, carrier, shipped_at, delivered_at)
SELECT row_number() OVER (ORDER BY order_id), order_id,
  (ARRAY['UPS','DHL','UPS','FedEx','USPS','DHL','Royal Mail','UPS'])[1 + (order_id * 5) % 8],
  placed_at + make_interval(hours => 18 + (order_id * 7) % 60),
  CASE WHEN status = 'shipped' THEN NULL
       ELSE placed_at + make_interval(hours => 18 + (order_id * 7) % 60 + 24 + (order_id * 11) % 140) END
FROM orders WHERE status <> 'cancelled';

INSERT INTO product_reviews (review_id, product_id, buyer_id, rating, review_text, created_at)
SELECT row_number() OVER (ORDER BY o.order_id), oi.product_id, o.buyer_id,
  CASE WHEN o.status = 'returned' THEN 1 + o.order_id % 2
       ELSE (ARRAY[5,4,5,3,4,5,2,4,5,1,4,5,3])[1 + (o.order_id * 7 + oi.product_id) % 13] END,
  CASE WHEN o.order_id % 4 = 0 THEN NULL
       ELSE (ARRAY['Great value','Arrived quickly, as described','Not what I expected','Good quality','Would buy again','Runs small','Stopped working after a week'])[1 + (o.order_id + oi.product_id) % 7] END,
  coalesce(s.delivered_at, o.placed_at + interval '6 days') + make_interval(days => 2 + o.order_id % 20)
FROM orders o JOIN order_items oi ON oi.order_id = o.order_id AND oi.line_no = 1
LEFT JOIN shipments s ON s.order_id = o.order_id
WHERE o.status IN ('delivered','returned') AND o.order_id % 5 IN (1, 2);
