-- Medha sample database "sales": a retailer selling through online, store and partner channels.
-- Load into an empty database:  psql -v ON_ERROR_STOP=1 -d sales -f sales.sql
-- Every value is derived from a fixed hash of row numbers (no random()), so each load is identical.

SET client_min_messages = warning;
SET TimeZone = 'UTC';

BEGIN;

-- Deterministic pseudo-random numbers in [0,1) for (salt, i): PostgreSQL's built-in seeded
-- 64-bit hash, which is stable across releases (hash partitioning depends on it). Unlike
-- random() it does not depend on evaluation order, so every load is identical.
CREATE FUNCTION pg_temp.rnd(salt int, i bigint) RETURNS double precision
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT (hashint8extended(i, salt) & 4294967295)::double precision / 4294967296.0 $$;

-- ---------------------------------------------------------------------------
CREATE TABLE regions (
  region_id int PRIMARY KEY,
  name      text NOT NULL
);
COMMENT ON TABLE regions IS 'Sales regions of the United States; every customer belongs to exactly one region.';
COMMENT ON COLUMN regions.region_id IS 'Identifier of the sales region.';
COMMENT ON COLUMN regions.name IS 'Region name as used in sales reports: North, South, East, West or Central.';

INSERT INTO regions VALUES (1, 'North'), (2, 'South'), (3, 'East'), (4, 'West'), (5, 'Central');

-- ---------------------------------------------------------------------------
CREATE TABLE categories (
  category_id int PRIMARY KEY,
  name        text
);
COMMENT ON TABLE categories IS 'Product categories (merchandise lines) used to group the catalog in reports.';
COMMENT ON COLUMN categories.category_id IS 'Identifier of the product category.';
COMMENT ON COLUMN categories.name IS 'Category name, e.g. Electronics, Furniture or Grocery.';

INSERT INTO categories VALUES
  (1, 'Electronics'), (2, 'Furniture'), (3, 'Office Supplies'), (4, 'Clothing'),
  (5, 'Books'), (6, 'Toys'), (7, 'Sports'), (8, 'Grocery');

-- ---------------------------------------------------------------------------
CREATE TABLE products (
  product_id  int PRIMARY KEY,
  name        text,
  category_id int,
  unit_price  numeric(10,2),
  cost        numeric(10,2)
);
COMMENT ON TABLE products IS 'Product catalog: every item the company sells, with its current list price and unit cost.';
COMMENT ON COLUMN products.product_id IS 'Identifier of the product (SKU).';
COMMENT ON COLUMN products.name IS 'Product name as shown to customers.';
COMMENT ON COLUMN products.category_id IS 'Category the product belongs to (references categories).';
COMMENT ON COLUMN products.unit_price IS 'Current list price of one unit in US dollars, before discounts.';
COMMENT ON COLUMN products.cost IS 'Cost of goods for one unit in US dollars; list price minus cost is the unit margin.';

WITH cat(category_id, nouns, mods, lo, hi) AS (VALUES
  (1, ARRAY['Laptop','Monitor','Headphones','Smartphone','Tablet'],
      ARRAY['Pro','Ultra','Lite','Max','Air'], 80.0, 1500.0),
  (2, ARRAY['Desk','Office Chair','Bookshelf','Filing Cabinet','Sofa'],
      ARRAY['Oak','Walnut','Ergonomic','Compact','Executive'], 60.0, 900.0),
  (3, ARRAY['Stapler','Notebook','Pen Set','Printer Paper','Desk Organizer'],
      ARRAY['Premium','Recycled','Classic','Heavy-Duty','Eco'], 3.0, 60.0),
  (4, ARRAY['T-Shirt','Jacket','Jeans','Sneakers','Sweater'],
      ARRAY['Cotton','Wool','Slim-Fit','Vintage','Performance'], 12.0, 150.0),
  (5, ARRAY['Cookbook','Novel','Biography','Atlas','Textbook'],
      ARRAY['Hardcover','Paperback','Illustrated','Collector''s','Pocket'], 8.0, 60.0),
  (6, ARRAY['Building Blocks','Puzzle','Board Game','Plush Bear','Remote Car'],
      ARRAY['Junior','Deluxe','Mini','Classic','Family'], 10.0, 120.0),
  (7, ARRAY['Yoga Mat','Tennis Racket','Football','Dumbbell Set','Running Shoes'],
      ARRAY['Pro','Training','Competition','Outdoor','Lightweight'], 15.0, 250.0),
  (8, ARRAY['Coffee Beans','Olive Oil','Green Tea','Dark Chocolate','Pasta'],
      ARRAY['Organic','Fair-Trade','Italian','Family-Size','Gourmet'], 3.0, 40.0)
), gen AS (
  SELECT c.category_id, (c.category_id - 1) * 25 + j AS product_id,
         c.mods[1 + (j - 1) % 5] || ' ' || c.nouns[1 + (j - 1) / 5] AS name,
         round((c.lo + (c.hi - c.lo) * power(pg_temp.rnd(11, (c.category_id - 1) * 25 + j), 2))::numeric, 2) AS price
  FROM cat c CROSS JOIN generate_series(1, 25) j
)
INSERT INTO products (product_id, name, category_id, unit_price, cost)
SELECT product_id, name, category_id, price,
       round(price * (0.45 + 0.30 * pg_temp.rnd(12, product_id))::numeric, 2)
FROM gen ORDER BY product_id;

-- ---------------------------------------------------------------------------
CREATE TABLE customers (
  customer_id int PRIMARY KEY,
  name        text,
  email       text,
  segment     text,
  region_id   int,
  city        text,
  signup_date date
);
COMMENT ON TABLE customers IS 'Customers (clients, buyers) who have an account with us, one row per customer account.';
COMMENT ON COLUMN customers.customer_id IS 'Identifier of the customer account.';
COMMENT ON COLUMN customers.name IS 'Full name of the customer or of the buying contact.';
COMMENT ON COLUMN customers.email IS 'Contact e-mail address of the customer.';
COMMENT ON COLUMN customers.segment IS 'Customer segment: Consumer (individuals), Corporate (large companies) or Small Business.';
COMMENT ON COLUMN customers.region_id IS 'Sales region the customer is served from (references regions).';
COMMENT ON COLUMN customers.city IS 'City of the customer''s billing address.';
COMMENT ON COLUMN customers.signup_date IS 'Date the customer created their account.';

WITH names AS (
  SELECT ARRAY['James','Mary','Robert','Patricia','John','Jennifer','Michael','Linda','David','Elizabeth',
               'William','Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Carlos','Karen',
               'Daniel','Lisa','Matthew','Nancy','Anthony','Priya','Mark','Sandra','Wei','Ashley'] AS first,
         ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez',
               'Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin',
               'Lee','Perez','Thompson','White','Harris','Sanchez','Clark','Ramirez','Lewis','Chen'] AS last,
         ARRAY[ARRAY['Minneapolis','Chicago','Detroit','Milwaukee','Fargo'],
               ARRAY['Atlanta','Houston','Miami','Nashville','New Orleans'],
               ARRAY['New York','Boston','Philadelphia','Baltimore','Pittsburgh'],
               ARRAY['Los Angeles','San Francisco','Seattle','Portland','San Diego'],
               ARRAY['Kansas City','Omaha','St. Louis','Tulsa','Des Moines']] AS cities
), base AS (
  SELECT i AS customer_id,
         1 + floor(30 * pg_temp.rnd(21, i))::int AS fi,
         1 + floor(30 * pg_temp.rnd(22, i))::int AS li,
         pg_temp.rnd(23, i) AS useg,
         pg_temp.rnd(24, i) AS ureg,
         1 + floor(5 * pg_temp.rnd(25, i))::int AS ci
  FROM generate_series(1, 5000) i
), placed AS (
  SELECT b.*,
         CASE WHEN ureg < 0.30 THEN 4   -- West: the largest region
              WHEN ureg < 0.52 THEN 1   -- North
              WHEN ureg < 0.72 THEN 3   -- East
              WHEN ureg < 0.90 THEN 2   -- South
              ELSE 5 END AS region_id   -- Central: the smallest
  FROM base b
)
INSERT INTO customers (customer_id, name, email, segment, region_id, city, signup_date)
SELECT p.customer_id,
       n.first[p.fi] || ' ' || n.last[p.li],
       lower(n.first[p.fi] || '.' || n.last[p.li]) || p.customer_id || '@example.com',
       CASE WHEN p.useg < 0.60 THEN 'Consumer' WHEN p.useg < 0.85 THEN 'Corporate' ELSE 'Small Business' END,
       p.region_id,
       n.cities[p.region_id][p.ci],
       date '2021-01-01' + floor(1461 * pg_temp.rnd(26, p.customer_id))::int   -- refined below
FROM placed p CROSS JOIN names n
ORDER BY p.customer_id;

-- ---------------------------------------------------------------------------
CREATE TABLE orders (
  order_id    int PRIMARY KEY,
  customer_id int,
  order_date  date,
  status      text,
  channel     text
);
COMMENT ON TABLE orders IS 'Sales orders (purchases): one row per order placed by a customer; the order lines are in order_items.';
COMMENT ON COLUMN orders.order_id IS 'Identifier of the order (order number).';
COMMENT ON COLUMN orders.customer_id IS 'Customer who placed the order (references customers).';
COMMENT ON COLUMN orders.order_date IS 'Date the order was placed.';
COMMENT ON COLUMN orders.status IS 'Fulfilment status: completed (delivered), shipped (in transit), cancelled (never fulfilled) or returned (sent back and refunded).';
COMMENT ON COLUMN orders.channel IS 'Sales channel: online (web shop), store (retail stores) or partner (resellers and marketplaces).';

-- Orders per day follow yearly growth, seasonality (holiday peak, slow Q1) and a weekend bump;
-- dates are assigned by quantile so order ids increase with the date.
WITH days AS (
  SELECT d::date AS day,
         (CASE extract(year FROM d)::int WHEN 2022 THEN 1.00 WHEN 2023 THEN 1.28 ELSE 1.60 END)
       * (CASE extract(month FROM d)::int
            WHEN 1 THEN 0.78 WHEN 2 THEN 0.80 WHEN 3 THEN 0.92 WHEN 4 THEN 0.95
            WHEN 5 THEN 1.00 WHEN 6 THEN 0.97 WHEN 7 THEN 0.93 WHEN 8 THEN 1.02
            WHEN 9 THEN 1.00 WHEN 10 THEN 1.05 WHEN 11 THEN 1.35 ELSE 1.65 END)
       * (CASE WHEN extract(isodow FROM d) IN (6, 7) THEN 1.15 ELSE 1.00 END)
       * (0.85 + 0.30 * pg_temp.rnd(31, d::date - date '2022-01-01')) AS w
  FROM generate_series(date '2022-01-01', date '2024-12-31', interval '1 day') d
), cum AS (
  SELECT day,
         sum(w) OVER (ORDER BY day) / sum(w) OVER () AS hi,
         (sum(w) OVER (ORDER BY day) - w) / sum(w) OVER () AS lo
  FROM days
), counts AS (
  SELECT day, (round(hi * 46000) - round(lo * 46000))::int AS n FROM cum
), dated AS (
  SELECT row_number() OVER (ORDER BY day, s)::int AS order_id, day
  FROM counts CROSS JOIN LATERAL generate_series(1, n) s
)
INSERT INTO orders (order_id, customer_id, order_date, status, channel)
SELECT order_id,
       -- a minority of customers places most orders
       1 + floor(5000 * power(pg_temp.rnd(32, order_id), 1.6))::int,
       day,
       CASE WHEN day > date '2024-12-17' AND pg_temp.rnd(33, order_id) < 0.70 THEN 'shipped'
            WHEN pg_temp.rnd(33, order_id) < 0.07 THEN 'cancelled'
            WHEN pg_temp.rnd(33, order_id) < 0.12 THEN 'returned'
            WHEN pg_temp.rnd(33, order_id) < 0.14 THEN 'shipped'
            ELSE 'completed' END,
       CASE WHEN pg_temp.rnd(34, order_id) < 0.45 + 0.06 * (extract(year FROM day) - 2022) THEN 'online'
            WHEN pg_temp.rnd(34, order_id) < 0.82 THEN 'store'
            ELSE 'partner' END
FROM dated
ORDER BY order_id;

-- Shipped orders are recent: older "shipped" orders were delivered.
UPDATE orders SET status = 'completed' WHERE status = 'shipped' AND order_date < date '2024-12-01';

-- A customer signs up before their first order; customers without orders signed up any time.
UPDATE customers c
SET signup_date = f.first_order - floor(400 * pg_temp.rnd(27, c.customer_id))::int
FROM (SELECT customer_id, min(order_date) AS first_order FROM orders GROUP BY customer_id) f
WHERE f.customer_id = c.customer_id;

-- ---------------------------------------------------------------------------
CREATE TABLE order_items (
  order_item_id int PRIMARY KEY,
  order_id      int,
  product_id    int,
  quantity      int,
  unit_price    numeric(10,2),
  discount      numeric(4,2)
);
COMMENT ON TABLE order_items IS 'Order lines: one row per product in an order, with the quantity and the price actually charged. Revenue is quantity times unit_price.';
COMMENT ON COLUMN order_items.order_item_id IS 'Identifier of the order line.';
COMMENT ON COLUMN order_items.order_id IS 'Order this line belongs to (references orders).';
COMMENT ON COLUMN order_items.product_id IS 'Product sold on this line (references products).';
COMMENT ON COLUMN order_items.quantity IS 'Number of units sold on this line.';
COMMENT ON COLUMN order_items.unit_price IS 'Price of one unit in US dollars at the time of the order, before the discount.';
COMMENT ON COLUMN order_items.discount IS 'Discount granted on the line as a fraction of the price (0.10 = 10 % off).';

WITH lines AS (
  SELECT o.order_id, o.order_date, k,
         -- Zipf-like popularity rank (top 20 % of products ~ 60 % of lines),
         -- scattered over the catalog by a fixed permutation
         1 + (least(199, floor(5 * (power(41.0, pg_temp.rnd(41, o.order_id * 8 + k)) - 1)))::int * 77) % 200
           AS product_id
  FROM orders o
  CROSS JOIN LATERAL generate_series(1,
      CASE WHEN pg_temp.rnd(40, o.order_id) < 0.30 THEN 1
           WHEN pg_temp.rnd(40, o.order_id) < 0.60 THEN 2
           WHEN pg_temp.rnd(40, o.order_id) < 0.80 THEN 3
           WHEN pg_temp.rnd(40, o.order_id) < 0.92 THEN 4
           ELSE 5 END) k
)
INSERT INTO order_items (order_item_id, order_id, product_id, quantity, unit_price, discount)
SELECT row_number() OVER (ORDER BY l.order_id, l.k)::int,
       l.order_id,
       l.product_id,
       1 + floor(power(pg_temp.rnd(42, l.order_id * 8 + l.k), 2.2)
                 * (CASE p.category_id WHEN 3 THEN 10 WHEN 8 THEN 8 WHEN 4 THEN 4
                                       WHEN 1 THEN 2 WHEN 2 THEN 2 ELSE 3 END))::int,
       -- prices rose about 4 % a year up to today's list price
       round(p.unit_price * (1 - 0.04 * (2024 - extract(year FROM l.order_date))), 2),
       CASE WHEN pg_temp.rnd(43, l.order_id * 8 + l.k) < 0.65 THEN 0.00
            WHEN pg_temp.rnd(43, l.order_id * 8 + l.k) < 0.85 THEN 0.05
            WHEN pg_temp.rnd(43, l.order_id * 8 + l.k) < 0.95 THEN 0.10
            WHEN pg_temp.rnd(43, l.order_id * 8 + l.k) < 0.99 THEN 0.15
            ELSE 0.25 END
FROM lines l JOIN products p ON p.product_id = l.product_id
ORDER BY 1;

-- ---------------------------------------------------------------------------
ALTER TABLE products    ADD FOREIGN KEY (category_id) REFERENCES categories (category_id);
ALTER TABLE customers   ADD FOREIGN KEY (region_id)   REFERENCES regions (region_id);
ALTER TABLE orders      ADD FOREIGN KEY (customer_id) REFERENCES customers (customer_id);
ALTER TABLE order_items ADD FOREIGN KEY (order_id)    REFERENCES orders (order_id);
ALTER TABLE order_items ADD FOREIGN KEY (product_id)  REFERENCES products (product_id);

CREATE INDEX products_category_id_idx   ON products (category_id);
CREATE INDEX customers_region_id_idx    ON customers (region_id);
CREATE INDEX orders_customer_id_idx     ON orders (customer_id);
CREATE INDEX orders_order_date_idx      ON orders (order_date);
CREATE INDEX order_items_order_id_idx   ON order_items (order_id);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);

COMMIT;

ANALYZE;
