-- Independent wine merchant in the West of England: four shops plus an online
-- and phone order desk, a range of wines bought from importers, customers with
-- a wine-club tier, sales 2023-2025 and purchase orders to suppliers.
-- Deterministic data: generate_series and arithmetic only.

CREATE TABLE regions (
    region_id    integer PRIMARY KEY,
    region_name  text NOT NULL,
    country      text NOT NULL
);

CREATE TABLE suppliers (
    supplier_id    integer PRIMARY KEY,
    supplier_name  text NOT NULL,
    country        text NOT NULL,
    contact_email  text,
    terms_days     integer NOT NULL DEFAULT 30,
    min_order_gbp  numeric(10,2)
);

CREATE TABLE producers (
    producer_id    integer PRIMARY KEY,
    producer_name  text NOT NULL,
    region_id      integer NOT NULL REFERENCES regions(region_id),
    supplier_id    integer NOT NULL REFERENCES suppliers(supplier_id),
    founded_yr     integer,
    is_organic     boolean NOT NULL DEFAULT false
);

CREATE TABLE wines (
    wine_id          integer PRIMARY KEY,
    sku              text NOT NULL UNIQUE,
    producer_id      integer NOT NULL REFERENCES producers(producer_id),
    wine_name        text NOT NULL,
    colour           text NOT NULL,
    grape            text,
    vintage          integer,
    bottle_ml        integer NOT NULL DEFAULT 750,
    abv              numeric(4,1) NOT NULL,
    cost_price       numeric(8,2) NOT NULL,
    retail_price     numeric(8,2) NOT NULL,
    discontinued_on  date
);

CREATE TABLE shops (
    shop_id     integer PRIMARY KEY,
    shop_name   text NOT NULL,
    city        text NOT NULL,
    opened_on   date NOT NULL,
    is_online   boolean NOT NULL DEFAULT false,
    manager_id  integer
);

CREATE TABLE staff (
    staff_id     integer PRIMARY KEY,
    first_name   text NOT NULL,
    last_name    text NOT NULL,
    job_title    text NOT NULL,
    shop_id      integer REFERENCES shops(shop_id),
    hired_on     date NOT NULL,
    left_on      date,
    hourly_rate  numeric(6,2) NOT NULL,
    wset_level   integer
);

ALTER TABLE shops ADD FOREIGN KEY (manager_id) REFERENCES staff(staff_id);

CREATE TABLE customers (
    cust_id      integer PRIMARY KEY,
    first_name   text NOT NULL,
    last_name    text NOT NULL,
    email        text,
    city         text NOT NULL,
    joined_on    date NOT NULL,
    club_tier    text,
    referred_by  integer REFERENCES customers(cust_id),
    birth_date   date,
    mktg_ok      boolean NOT NULL DEFAULT false
);

CREATE TABLE orders (
    order_id      integer PRIMARY KEY,
    cust_id       integer REFERENCES customers(cust_id),
    shop_id       integer NOT NULL REFERENCES shops(shop_id),
    served_by     integer REFERENCES staff(staff_id),
    ordered_at    timestamp NOT NULL,
    channel       text NOT NULL,
    status        text NOT NULL,
    delivery_fee  numeric(6,2)
);

CREATE TABLE order_lines (
    order_line_id  integer PRIMARY KEY,
    order_id       integer NOT NULL REFERENCES orders(order_id),
    wine_id        integer NOT NULL REFERENCES wines(wine_id),
    qty            integer NOT NULL,
    unit_price     numeric(8,2) NOT NULL,
    disc_pct       numeric(4,1) NOT NULL DEFAULT 0
);

CREATE TABLE purchase_orders (
    po_id        integer PRIMARY KEY,
    po_ref       text NOT NULL UNIQUE,
    supplier_id  integer NOT NULL REFERENCES suppliers(supplier_id),
    ordered_on   date NOT NULL,
    expected_on  date NOT NULL,
    received_on  date,
    status       text NOT NULL,
    raised_by    integer NOT NULL REFERENCES staff(staff_id),
    approved_by  integer REFERENCES staff(staff_id)
);

CREATE TABLE po_lines (
    po_line_id      integer PRIMARY KEY,
    po_id           integer NOT NULL REFERENCES purchase_orders(po_id),
    wine_id         integer NOT NULL REFERENCES wines(wine_id),
    cases           integer NOT NULL,
    btl_per_case    integer NOT NULL DEFAULT 6,
    cost_per_btl    numeric(8,2) NOT NULL
);

COMMENT ON TABLE producers IS 'Wineries whose wines we stock; each is imported through one supplier';
COMMENT ON COLUMN wines.vintage IS 'Harvest year; NULL for non-vintage wines (most sparkling and port)';
COMMENT ON COLUMN wines.retail_price IS 'Current shelf price per bottle in GBP incl. VAT';
COMMENT ON COLUMN customers.club_tier IS 'Wine club membership tier (Bronze, Silver, Gold); NULL if not a member';
COMMENT ON COLUMN orders.cust_id IS 'NULL for anonymous walk-in sales in a shop';
COMMENT ON COLUMN orders.delivery_fee IS 'Charged on online and phone orders only; free over 100 GBP';
COMMENT ON COLUMN order_lines.disc_pct IS 'Discount on the line in percent (club and case discounts)';
COMMENT ON COLUMN purchase_orders.approved_by IS 'Head buyer or director who signed the order off';

INSERT INTO regions VALUES
 (1,'Bordeaux','France'), (2,'Burgundy','France'), (3,'Rhône','France'), (4,'Champagne','France'),
 (5,'Loire','France'), (6,'Rioja','Spain'), (7,'Priorat','Spain'), (8,'Douro','Portugal'),
 (9,'Tuscany','Italy'), (10,'Piedmont','Italy'), (11,'Veneto','Italy'), (12,'Mosel','Germany'),
 (13,'Marlborough','New Zealand'), (14,'Barossa Valley','Australia'), (15,'Mendoza','Argentina'),
 (16,'Stellenbosch','South Africa'), (17,'Napa Valley','USA'), (18,'Sussex','England'),
 (19,'Alsace','France'), (20,'Jerez','Spain');

INSERT INTO suppliers VALUES
 (1,'Clifton Cellars Import Ltd','England','orders@cliftoncellars.co.uk',30,500.00),
 (2,'Vignobles Direct SARL','France','commandes@vignobles-direct.fr',45,1200.00),
 (3,'Iberia Wine Agencies','Spain','ventas@iberiawine.es',30,750.00),
 (4,'Casa Vinicola Export','Italy',NULL,60,1000.00),
 (5,'Southern Hemisphere Wines Ltd','England','trade@shwines.co.uk',30,NULL),
 (6,'Rheinhessen Handels GmbH','Germany','info@rh-handel.de',30,600.00),
 (7,'Porto Vintners Lda','Portugal','export@portovintners.pt',45,800.00),
 (8,'Downland Estates Trade','England','trade@downlandestates.co.uk',14,NULL),
 (9,'Pacific Coast Imports','USA',NULL,60,2000.00),
 (10,'Maison Laurent Négoce','France','negoce@maisonlaurent.fr',30,1500.00);

INSERT INTO producers VALUES
 (1,'Château Laroque-Brun',1,2,1868,false), (2,'Château Mauvesin',1,10,1901,false), (3,'Domaine des Arceaux',1,2,NULL,true),
 (4,'Domaine Fèvre-Millot',2,10,1921,false), (5,'Maison Perrault',2,2,1890,false), (6,'Domaine Girardin',2,10,NULL,true),
 (7,'Domaine de la Combe',3,2,1952,true), (8,'Cave de Tain-Ardèche',3,2,1933,false),
 (9,'Champagne Delorme',4,10,1872,false), (10,'Champagne Rivière & Fils',4,2,1908,false),
 (11,'Domaine Bourdais',5,2,1975,true), (12,'Clos de la Ménardière',5,10,NULL,false),
 (13,'Bodegas Ortiz de Zárate',6,3,1890,false), (14,'Bodegas Lanceta',6,3,1961,false), (15,'Viñedos del Najerilla',6,1,2004,true),
 (16,'Celler Mas Roig',7,3,1998,true), (17,'Quinta do Vale Escuro',8,7,1787,false), (18,'Quinta da Serra Alta',8,7,1920,false),
 (19,'Tenuta Poggio Alto',9,4,1954,false), (20,'Castello di Monterosso',9,4,1640,false), (21,'Fattoria La Quercia',9,1,NULL,true),
 (22,'Cantina Borgogno Ferri',10,4,1910,false), (23,'Azienda Agricola Vietti Sorì',10,4,1961,true),
 (24,'Cantina Valpolicella Sartori',11,4,1898,false), (25,'Villa Morandi',11,1,NULL,false),
 (26,'Weingut Kesselstatt-Loosen',12,6,1856,false), (27,'Weingut Anna Bergmann',12,6,2010,true),
 (28,'Wairau Sound Estate',13,5,1996,false), (29,'Cloudy Ridge Wines',13,5,2002,true), (30,'Tasman Terraces',13,1,2011,false),
 (31,'Greenock Creek Vineyards',14,5,1974,false), (32,'Ebenezer Road Wines',14,5,NULL,false),
 (33,'Bodega Altos del Plata',15,5,1999,false), (34,'Finca Las Moras Altas',15,1,2008,true),
 (35,'Helderberg Ridge',16,5,1985,false), (36,'Jonkershoek Estate',16,1,1692,false),
 (37,'Silverado Bench Cellars',17,9,1979,false), (38,'Oakville Crossing',17,9,1994,true),
 (39,'Ditchling Hill Vineyard',18,8,2006,false), (40,'Rathfinny Down Estate',18,8,2012,true), (41,'Bolney Combe',18,8,NULL,false),
 (42,'Domaine Zind-Weber',19,2,1959,true), (43,'Bodegas Hidalgo-Romate',20,3,1792,false),
 (44,'Château Sigalas-Rieussec',1,10,1821,false), (45,'Domaine Chavy-Moreau',2,2,1939,false),
 (46,'Bodegas Tierra Alta',6,3,1988,false), (47,'Tenuta San Leolino',9,4,1977,true), (48,'Mount Lofty Range Wines',14,5,2015,false);

-- wine styles per region; wine w is made by producer 1 + (w-1) % 48 in one of its region's styles
INSERT INTO wines (wine_id, sku, producer_id, wine_name, colour, grape, vintage, bottle_ml, abv, cost_price, retail_price)
WITH st(region_id, idx, colour, grape, label, base_cost, abv) AS (VALUES
 (1,1,'Red','Merlot','Saint-Émilion Grand Cru',16.50,14.0), (1,2,'Red','Cabernet Sauvignon','Haut-Médoc',12.40,13.5), (1,3,'White','Sauvignon Blanc','Bordeaux Blanc',7.20,12.5), (1,4,'Dessert','Sémillon','Sauternes',19.80,13.5),
 (2,1,'Red','Pinot Noir','Bourgogne Rouge',11.90,13.0), (2,2,'White','Chardonnay','Chablis Premier Cru',17.60,12.5), (2,3,'White','Chardonnay','Meursault',31.00,13.5),
 (3,1,'Red','Syrah','Crozes-Hermitage',10.80,13.5), (3,2,'Red','Grenache','Châteauneuf-du-Pape',22.50,14.5), (3,3,'Rosé','Grenache','Tavel Rosé',8.90,13.5),
 (4,1,'Sparkling','Chardonnay','Brut Réserve',21.00,12.0), (4,2,'Sparkling','Pinot Noir','Rosé Brut',26.50,12.0), (4,3,'Sparkling','Chardonnay','Blanc de Blancs',32.00,12.5),
 (5,1,'White','Sauvignon Blanc','Sancerre',13.80,13.0), (5,2,'White','Chenin Blanc','Vouvray Demi-Sec',9.40,12.0), (5,3,'Red','Cabernet Franc','Chinon',9.10,12.5),
 (6,1,'Red','Tempranillo','Rioja Reserva',10.60,14.0), (6,2,'Red','Tempranillo','Rioja Crianza',6.90,13.5), (6,3,'White','Viura','Rioja Blanco',6.10,12.5), (6,4,'Red','Tempranillo','Rioja Gran Reserva',18.20,14.0),
 (7,1,'Red','Garnacha','Priorat Tinto',17.30,15.0),
 (8,1,'Fortified','Touriga Nacional','Late Bottled Vintage Port',11.20,20.0), (8,2,'Fortified','Touriga Nacional','10 Year Old Tawny Port',14.90,20.0), (8,3,'Red','Touriga Nacional','Douro Tinto',8.40,14.0),
 (9,1,'Red','Sangiovese','Chianti Classico',9.80,13.5), (9,2,'Red','Sangiovese','Brunello di Montalcino',27.50,14.5), (9,3,'Red','Sangiovese','Rosso di Montalcino',12.10,14.0),
 (10,1,'Red','Nebbiolo','Barolo',29.00,14.5), (10,2,'Red','Barbera','Barbera d''Alba',9.60,13.5), (10,3,'Sparkling','Moscato','Moscato d''Asti',6.80,5.5),
 (11,1,'Red','Corvina','Amarone della Valpolicella',24.00,15.5), (11,2,'Sparkling','Glera','Prosecco Superiore',6.40,11.0), (11,3,'White','Garganega','Soave Classico',6.20,12.0),
 (12,1,'White','Riesling','Riesling Kabinett',9.90,8.5), (12,2,'White','Riesling','Riesling Spätlese',13.40,8.0), (12,3,'White','Riesling','Riesling Trocken',10.70,12.0),
 (13,1,'White','Sauvignon Blanc','Marlborough Sauvignon Blanc',7.60,13.0), (13,2,'Red','Pinot Noir','Marlborough Pinot Noir',12.80,13.5),
 (14,1,'Red','Shiraz','Barossa Shiraz',12.90,14.5), (14,2,'Red','Grenache','Old Vine GSM',14.20,14.5), (14,3,'White','Semillon','Barossa Semillon',8.30,11.5),
 (15,1,'Red','Malbec','Mendoza Malbec',7.40,14.0), (15,2,'Red','Malbec','Malbec Reserva',10.90,14.5), (15,3,'White','Torrontés','Torrontés',6.60,13.0),
 (16,1,'White','Chenin Blanc','Old Vine Chenin Blanc',8.10,13.5), (16,2,'Red','Pinotage','Pinotage',7.90,14.0), (16,3,'Red','Cabernet Sauvignon','Stellenbosch Cabernet',13.60,14.0),
 (17,1,'Red','Cabernet Sauvignon','Napa Cabernet Sauvignon',34.00,14.5), (17,2,'White','Chardonnay','Carneros Chardonnay',21.50,14.0), (17,3,'Red','Zinfandel','Old Vine Zinfandel',18.40,15.0),
 (18,1,'Sparkling','Chardonnay','Classic Cuvée',19.50,12.0), (18,2,'Sparkling','Pinot Noir','Sparkling Rosé',22.00,12.0), (18,3,'White','Bacchus','Bacchus',9.80,11.5),
 (19,1,'White','Gewürztraminer','Gewurztraminer',11.40,13.5), (19,2,'White','Riesling','Alsace Riesling',10.20,12.5), (19,3,'White','Pinot Gris','Pinot Gris Réserve',11.90,13.5),
 (20,1,'Fortified','Palomino','Fino Sherry',7.10,15.0), (20,2,'Fortified','Pedro Ximénez','Pedro Ximénez Sherry',11.50,17.0)
), w AS (
  SELECT g AS wine_id, p.producer_id, p.region_id,
    (SELECT count(*) FROM st WHERE st.region_id = p.region_id) AS n
  FROM generate_series(1, 264) AS g JOIN producers p ON p.producer_id = 1 + (g - 1) % 48
)
SELECT w.wine_id,
  upper(left(replace(st.grape, ' ', ''), 3)) || '-' || lpad(w.wine_id::text, 4, '0'),
  w.producer_id, st.label, st.colour,
  CASE WHEN w.wine_id % 29 = 0 THEN NULL ELSE st.grape END,
  CASE WHEN st.colour IN ('Sparkling','Fortified') AND w.wine_id % 5 <> 0 THEN NULL
       ELSE 2014 + (w.wine_id * 7) % 9 END,
  CASE WHEN st.colour = 'Dessert' OR (st.colour = 'Fortified' AND w.wine_id % 3 = 0) THEN 375
       WHEN w.wine_id % 37 = 0 THEN 1500 ELSE 750 END,
  st.abv,
  round(st.base_cost * (1 + ((w.wine_id * 13) % 30) / 100.0), 2),
  0
FROM w JOIN st ON st.region_id = w.region_id AND st.idx = 1 + ((w.wine_id - 1) / 48 + w.producer_id) % w.n;

UPDATE wines SET retail_price = ceil(cost_price * 1.85 * CASE WHEN bottle_ml = 1500 THEN 2 ELSE 1 END) - 0.01;
UPDATE wines SET cost_price = cost_price * 2 WHERE bottle_ml = 1500;
UPDATE wines SET discontinued_on = DATE '2023-03-31' + (wine_id * 41) % 900 WHERE wine_id % 23 = 0;

INSERT INTO shops VALUES
 (1,'Bath — Walcot Street','Bath','2008-05-01',false,NULL),
 (2,'Cheltenham — Montpellier','Cheltenham','2012-10-15',false,NULL),
 (3,'Bristol — Clifton Village','Bristol','2016-03-04',false,NULL),
 (4,'Wells — Market Place','Wells','2021-09-01',false,NULL),
 (5,'Online & Phone Orders','Bristol','2019-01-07',true,NULL);

-- 1 director, 2 buyers, 4 shop managers, shop assistants, warehouse and customer service
INSERT INTO staff
SELECT g,
  (ARRAY['Felicity','Hugo','Tamsin','Oliver','Saskia','Rupert','Jas','Marco','Eleanor','Kieran','Louise','Tobias','Hattie','Femi','Clara','Jonah','Anya','Will','Rosa','Dominic','Harriet','Ali','Lydia','Sebastian','Mina','Theo','Polly','Euan','Nadia','Finn','Isobel','Ravi'])[1 + (g * 5) % 32],
  (ARRAY['Whitlock','Beaumont','Carver','Osei','Lindqvist','Pemberton','Sandhu','Bianchi','Fraser','Holloway','Cheung','Ashdown','Kingsley','Adeyemi','Reyes','Tranter','Novak','Gilbert','Esposito','Lambert','Quinlan','Hussain','Marlow','Fenwick','Okoro','Darby','Sato','Blackwood','Harding','Stroud','Penrose','Mehta'])[1 + (g * 9) % 32],
  CASE WHEN g = 1 THEN 'Managing Director' WHEN g = 2 THEN 'Head Buyer' WHEN g = 3 THEN 'Buyer'
       WHEN g <= 7 THEN 'Shop Manager' WHEN g <= 23 THEN 'Sales Assistant'
       WHEN g <= 27 THEN 'Warehouse Operative' ELSE 'Customer Service' END,
  CASE WHEN g <= 3 THEN NULL WHEN g <= 7 THEN g - 3 WHEN g <= 23 THEN 1 + (g - 8) % 4 ELSE 5 END,
  DATE '2012-01-09' + ((g * 389) % 3900),
  NULL,
  CASE WHEN g = 1 THEN 42.00 WHEN g <= 3 THEN 26.50 - g WHEN g <= 7 THEN 18.40 + (g % 3) * 0.60
       WHEN g <= 23 THEN 11.90 + (g % 4) * 0.35 WHEN g <= 27 THEN 12.20 + (g % 2) * 0.40 ELSE 12.60 END,
  CASE WHEN g <= 3 THEN 4 WHEN g <= 7 THEN 3 WHEN g <= 23 AND g % 3 <> 0 THEN 1 + g % 3 END
FROM generate_series(1, 30) AS g;

UPDATE staff SET hired_on = DATE '2008-05-01' WHERE staff_id = 1;
UPDATE staff SET left_on = DATE '2024-08-16' WHERE staff_id = 13;
UPDATE staff SET left_on = DATE '2023-12-22' WHERE staff_id = 26;
UPDATE staff SET left_on = DATE '2025-04-30' WHERE staff_id = 3;
INSERT INTO staff VALUES
 (31,'Imani','Castellano','Sales Assistant',2,'2024-09-02',NULL,12.45,2),
 (32,'Gus','Whitfield','Buyer',NULL,'2025-05-19',NULL,24.00,3),
 (33,'Orla','Kennedy','Sales Assistant',4,'2025-02-10',NULL,12.45,NULL),
 (34,'Bram','de Vries','Warehouse Operative',5,'2024-01-08',NULL,12.60,NULL);

UPDATE shops SET manager_id = shop_id + 3 WHERE shop_id <= 4;
UPDATE shops SET manager_id = 28 WHERE shop_id = 5;
UPDATE staff SET job_title = 'Customer Service Lead' WHERE staff_id = 28;

INSERT INTO customers
SELECT g,
  (ARRAY['James','Catherine','Richard','Sarah','Michael','Philippa','Jonathan','Victoria','Nicholas','Alice','Edward','Fiona','Robert','Georgina','Andrew','Jane','Charles','Lucy','Simon','Helen','Alexander','Emily','Mark','Rachel','Thomas','Anna','William','Sophie','Peter','Kate','Daniel','Joanna','Stephen','Louise','Christopher','Amelia','Adrian','Harriet','Neil','Claire','Raj','Mei','Tom','Olga','Ian','Priya','Guy','Bridget'])[1 + (g * 7) % 48],
  (ARRAY['Harrington','Ashby','Fitzgerald','Caldwell','Moreland','Pryce','Sinclair','Whitmore','Lawrence','Bishop','Chapman','Dunn','Ellison','Forbes','Gardner','Hayward','Irving','Jarvis','Kemp','Lyle','Maddox','Norris','Oakley','Palmer','Radcliffe','Seymour','Trevelyan','Underwood','Vickers','Warburton','Yates','Abbott','Barlow','Crosby','Denton','Everett','Fulton','Granger','Hale','Ingram','Keane','Lockwood','Mercer','Nicholls','Osborne','Pickering','Rowe','Sharma','Tanner','Wakefield','Chen','Kowalczyk','Bhatt','Doherty','Lyons'])[1 + (g * 11 + g / 48) % 55],
  NULL,
  (ARRAY['Bath','Bath','Bristol','Bristol','Bristol','Cheltenham','Cheltenham','Wells','Frome','Bradford-on-Avon','Gloucester','Stroud','Glastonbury','London','Cirencester','Taunton'])[1 + (g * 13) % 16],
  DATE '2019-03-01' + ((g - 1) * 2496 / 3200),
  CASE WHEN (g * 17) % 100 < 14 THEN 'Bronze' WHEN (g * 17) % 100 < 24 THEN 'Silver'
       WHEN (g * 17) % 100 < 29 THEN 'Gold' END,
  CASE WHEN g > 200 AND g % 12 = 5 THEN 1 + ((g * 7919) % 104729) % (g - 1) END,
  CASE WHEN g % 6 = 0 THEN NULL ELSE DATE '1946-01-01' + ((g * 2477) % 19000) END,
  g % 4 <> 0
FROM generate_series(1, 3200) AS g;

UPDATE customers SET email = CASE WHEN cust_id % 14 = 0 THEN NULL
  ELSE lower(left(first_name, 1)) || lower(replace(last_name, ' ', '')) || (cust_id % 50)::text || '@' ||
       (ARRAY['gmail.com','btinternet.com','outlook.com','icloud.com','yahoo.co.uk','hotmail.com'])[1 + cust_id % 6] END;

-- orders: more in December and at weekends; customers can only order once they have joined
CREATE TABLE tmp_slots AS
SELECT row_number() OVER (ORDER BY d, k) AS order_id, d::date AS day, k,
  (SELECT max(cust_id) FROM customers c WHERE c.joined_on <= d::date) AS max_cust
FROM generate_series(DATE '2023-01-02', DATE '2025-12-31', INTERVAL '1 day') AS d,
LATERAL generate_series(1, CASE WHEN extract(dow FROM d) = 0 THEN 5 ELSE 10 END
     + CASE WHEN extract(dow FROM d) IN (5, 6) THEN 5 ELSE 0 END
     + CASE WHEN extract(month FROM d) = 12 THEN 9 WHEN extract(month FROM d) = 11 THEN 3 ELSE 0 END
     + (extract(year FROM d)::int - 2023) * 2
     + ((extract(doy FROM d)::int * 7) % 5) - 2) AS k;

INSERT INTO orders
SELECT s.order_id,
  CASE WHEN ch.channel = 'In store' AND s.order_id % 20 < 9 THEN NULL
       ELSE 1 + ((s.order_id * 7919) % 104729) % s.max_cust END,
  ch.shop_id, NULL,
  s.day + CASE WHEN ch.channel = 'Online' THEN ((s.order_id * 97) % 1440) * INTERVAL '1 minute'
               ELSE INTERVAL '9 hours 30 minutes' + ((s.order_id * 53) % 510) * INTERVAL '1 minute' END,
  ch.channel,
  'Completed', NULL
FROM tmp_slots s,
LATERAL (SELECT CASE WHEN (s.order_id * 37) % 100 < 60 THEN 'In store'
                     WHEN (s.order_id * 37) % 100 < 92 THEN 'Online' ELSE 'Phone' END AS channel,
                CASE WHEN (s.order_id * 37) % 100 >= 60 THEN 5
                     ELSE (ARRAY[1,1,1,2,2,2,3,3,3,3,4])[1 + s.order_id % 11] END AS shop_id) ch;

DROP TABLE tmp_slots;

-- Wells only opened late 2021; Sunday in-store sales go to Bath and Bristol
UPDATE orders SET served_by = CASE
  WHEN channel = 'Online' THEN NULL
  WHEN channel = 'Phone' THEN 28 + order_id % 3
  ELSE CASE WHEN order_id % 5 = 0 THEN shop_id + 3 ELSE 8 + (shop_id - 1) + 4 * (order_id % 4) END END;
UPDATE orders SET served_by = 31 WHERE served_by = 13 AND ordered_at > DATE '2024-08-17';
UPDATE orders SET served_by = 33 WHERE served_by = 15 AND ordered_at >= DATE '2025-02-10' AND order_id % 2 = 0;

UPDATE orders SET status = CASE
  WHEN channel IN ('Online','Phone') AND ordered_at >= TIMESTAMP '2025-12-29' THEN 'Processing'
  WHEN channel IN ('Online','Phone') AND ordered_at >= TIMESTAMP '2025-12-23' THEN 'Dispatched'
  WHEN channel IN ('Online','Phone') AND (order_id * 7) % 61 = 0 THEN 'Cancelled'
  WHEN (order_id * 11) % 53 = 0 THEN 'Refunded'
  WHEN channel IN ('Online','Phone') THEN 'Delivered'
  ELSE 'Completed' END;

INSERT INTO order_lines (order_line_id, order_id, wine_id, qty, unit_price, disc_pct)
WITH l AS (
  SELECT o.order_id, o.ordered_at, o.channel, c.club_tier, k,
    1 + (((o.order_id * 7919 + k * 104729) % 1000) * ((o.order_id * 31 + k * 613) % 1000) / 1000) * 264 / 1000 AS pick
  FROM orders o LEFT JOIN customers c ON c.cust_id = o.cust_id,
  LATERAL generate_series(1, 1 + (o.order_id % 7 = 0)::int + (o.order_id % 3 = 0)::int
       + CASE WHEN o.channel <> 'In store' THEN 1 + o.order_id % 3 ELSE 0 END) AS k
), l2 AS (
  SELECT l.*, CASE WHEN w.discontinued_on < l.ordered_at::date THEN l.pick + 1 ELSE l.pick END AS wine_id,
    CASE WHEN l.channel <> 'In store' AND (l.order_id + l.k) % 5 = 0 THEN 6
         WHEN l.channel <> 'In store' AND (l.order_id + l.k) % 13 = 0 THEN 12
         ELSE 1 + ((l.order_id * 3 + l.k) % 7) / 4 + ((l.order_id + l.k) % 11 = 0)::int END AS qty
  FROM l JOIN wines w ON w.wine_id = l.pick
)
SELECT row_number() OVER (ORDER BY l2.order_id, l2.k), l2.order_id, l2.wine_id, l2.qty,
  round(w.retail_price * CASE WHEN l2.ordered_at < DATE '2024-01-01' THEN 0.92
                              WHEN l2.ordered_at < DATE '2025-01-01' THEN 0.96 ELSE 1 END, 2),
  GREATEST(CASE l2.club_tier WHEN 'Gold' THEN 15 WHEN 'Silver' THEN 10 WHEN 'Bronze' THEN 5 ELSE 0 END,
           CASE WHEN l2.qty >= 6 THEN 10 ELSE 0 END)
FROM l2 JOIN wines w ON w.wine_id = l2.wine_id;

UPDATE orders o SET delivery_fee = CASE WHEN t.gross >= 100 THEN 0 ELSE 5.95 END
FROM (SELECT order_id, sum(qty * unit_price * (1 - disc_pct / 100)) AS gross FROM order_lines GROUP BY order_id) t
WHERE t.order_id = o.order_id AND o.channel IN ('Online','Phone');

-- purchase orders to suppliers, roughly weekly
INSERT INTO purchase_orders
SELECT g,
  'PO-' || to_char(DATE '2023-01-04' + (g - 1) * 1090 / 430, 'YYYY') || '-' || lpad(g::text, 4, '0'),
  1 + (g * 7) % 10,
  DATE '2023-01-04' + (g - 1) * 1090 / 430,
  DATE '2023-01-04' + (g - 1) * 1090 / 430 + 10 + (g % 4) * 7,
  NULL,
  'x',
  CASE WHEN DATE '2023-01-04' + (g - 1) * 1090 / 430 > DATE '2025-04-30' AND g % 2 = 0 THEN 32
       WHEN g % 2 = 0 THEN 3 ELSE 2 END,
  NULL
FROM generate_series(1, 430) AS g;

UPDATE purchase_orders SET raised_by = 2 WHERE raised_by = 32 AND ordered_on < DATE '2025-05-19';
UPDATE purchase_orders SET status = CASE
  WHEN ordered_on > DATE '2025-12-05' THEN 'Open'
  WHEN po_id % 29 = 0 THEN 'Cancelled'
  WHEN ordered_on > DATE '2025-11-10' AND po_id % 3 = 0 THEN 'Open'
  ELSE 'Received' END;
UPDATE purchase_orders SET received_on = expected_on + (po_id % 9) - 3 WHERE status = 'Received';
UPDATE purchase_orders SET approved_by = CASE WHEN raised_by = 2 THEN 1 ELSE 2 END
WHERE status <> 'Cancelled' AND NOT (status = 'Open' AND po_id % 2 = 1);

INSERT INTO po_lines
WITH pw AS (
  SELECT w.wine_id, p.supplier_id, w.cost_price, w.discontinued_on,
    row_number() OVER (PARTITION BY p.supplier_id ORDER BY w.wine_id) AS rn,
    count(*) OVER (PARTITION BY p.supplier_id) AS n
  FROM wines w JOIN producers p ON p.producer_id = w.producer_id
), x AS (
  SELECT po.po_id, po.ordered_on, pw.wine_id, pw.cost_price, k
  FROM purchase_orders po
  CROSS JOIN LATERAL generate_series(1, 2 + po.po_id % 5) AS k
  JOIN pw ON pw.supplier_id = po.supplier_id AND pw.rn = 1 + (po.po_id * 3 + k * 7) % pw.n
  WHERE pw.discontinued_on IS NULL OR pw.discontinued_on > po.ordered_on
)
SELECT row_number() OVER (ORDER BY po_id, k), po_id, wine_id,
  1 + (po_id * k) % 10 + CASE WHEN extract(month FROM ordered_on) IN (10, 11) THEN 5 ELSE 0 END,
  CASE WHEN wine_id % 4 = 0 THEN 12 ELSE 6 END,
  round(cost_price * CASE WHEN ordered_on < DATE '2024-01-01' THEN 0.93
                          WHEN ordered_on < DATE '2025-01-01' THEN 0.97 ELSE 1 END, 2)
FROM x;
