-- Arable farmers' cooperative in East Anglia and Lincolnshire: grain intake,
-- grower payments, farm inputs store and machinery hire.
-- Deterministic data: generate_series and arithmetic only.

CREATE TABLE members (
    member_id     integer PRIMARY KEY,
    farm_name     text NOT NULL,
    first_name    text NOT NULL,
    last_name     text NOT NULL,
    village       text NOT NULL,
    county        text NOT NULL,
    joined_on     date NOT NULL,
    status        text NOT NULL,
    resigned_on   date,
    share_units   integer NOT NULL,
    organic_cert  boolean NOT NULL DEFAULT false,
    phone         text,
    email         text
);

CREATE TABLE staff (
    staff_id    integer PRIMARY KEY,
    full_name   text NOT NULL,
    job_title   text NOT NULL,
    site        text,
    hired_on    date NOT NULL,
    reports_to  integer REFERENCES staff(staff_id)
);

CREATE TABLE crops (
    crop_id          integer PRIMARY KEY,
    crop_name        text NOT NULL,
    category         text NOT NULL,
    base_price_per_t numeric(8,2) NOT NULL,
    typical_yield_t_ha numeric(6,2) NOT NULL
);

CREATE TABLE fields (
    field_id    integer PRIMARY KEY,
    member_id   integer NOT NULL REFERENCES members(member_id),
    field_name  text NOT NULL,
    hectares    numeric(6,1) NOT NULL,
    soil_type   text NOT NULL,
    irrigated   boolean NOT NULL DEFAULT false
);

CREATE TABLE plantings (
    planting_id   integer PRIMARY KEY,
    field_id      integer NOT NULL REFERENCES fields(field_id),
    crop_id       integer NOT NULL REFERENCES crops(crop_id),
    harvest_year  integer NOT NULL,
    sown_on       date NOT NULL,
    harvested_on  date,
    est_yield_t   numeric(8,1) NOT NULL
);

CREATE TABLE deliveries (
    delivery_id   integer PRIMARY KEY,
    ticket_no     text NOT NULL UNIQUE,
    member_id     integer NOT NULL REFERENCES members(member_id),
    crop_id       integer NOT NULL REFERENCES crops(crop_id),
    planting_id   integer REFERENCES plantings(planting_id),
    site          text NOT NULL,
    delivered_at  timestamp NOT NULL,
    net_kg        integer NOT NULL,
    moisture_pct  numeric(4,1),
    grade         text NOT NULL,
    price_per_t   numeric(8,2),
    value_amt     numeric(12,2),
    weighed_by    integer REFERENCES staff(staff_id)
);

CREATE TABLE grower_payments (
    payment_id     integer PRIMARY KEY,
    member_id      integer NOT NULL REFERENCES members(member_id),
    period_month   date NOT NULL,
    paid_on        date,
    gross_amt      numeric(12,2) NOT NULL,
    deduction_amt  numeric(12,2) NOT NULL,
    net_amt        numeric(12,2) NOT NULL,
    method         text NOT NULL
);

CREATE TABLE products (
    product_id    integer PRIMARY KEY,
    product_name  text NOT NULL,
    product_type  text NOT NULL,
    unit          text NOT NULL,
    list_price    numeric(10,2) NOT NULL,
    supplier      text NOT NULL
);

CREATE TABLE input_orders (
    order_id    integer PRIMARY KEY,
    member_id   integer NOT NULL REFERENCES members(member_id),
    product_id  integer NOT NULL REFERENCES products(product_id),
    ordered_on  date NOT NULL,
    qty         numeric(10,2) NOT NULL,
    unit_price  numeric(10,2) NOT NULL,
    total_amt   numeric(12,2) NOT NULL,
    channel     text NOT NULL,
    status      text NOT NULL,
    taken_by    integer REFERENCES staff(staff_id)
);

CREATE TABLE equipment (
    equip_id      integer PRIMARY KEY,
    equip_name    text NOT NULL,
    equip_type    text NOT NULL,
    site          text NOT NULL,
    daily_rate    numeric(8,2) NOT NULL,
    purchased_on  date NOT NULL
);

CREATE TABLE equip_bookings (
    booking_id   integer PRIMARY KEY,
    equip_id     integer NOT NULL REFERENCES equipment(equip_id),
    member_id    integer NOT NULL REFERENCES members(member_id),
    start_dt     date NOT NULL,
    end_dt       date NOT NULL,
    hire_days    integer NOT NULL,
    charge_amt   numeric(10,2) NOT NULL,
    status       text NOT NULL,
    approved_by  integer REFERENCES staff(staff_id)
);

COMMENT ON TABLE deliveries IS 'Weighbridge intake tickets: one row per trailer load delivered by a member';
COMMENT ON COLUMN deliveries.value_amt IS 'Value credited to the grower, GBP; null for rejected loads';
COMMENT ON COLUMN grower_payments.deduction_amt IS 'Levy and drying/haulage charges deducted, GBP';
COMMENT ON COLUMN members.share_units IS 'Number of cooperative shares held (GBP 100 each)';
COMMENT ON TABLE equip_bookings IS 'Machinery hired by members from the cooperative pool';

INSERT INTO crops VALUES
 (1,'Winter wheat','cereal',190.00,8.50),
 (2,'Spring barley','cereal',172.00,6.20),
 (3,'Oilseed rape','oilseed',385.00,3.40),
 (4,'Sugar beet','root',40.50,75.00),
 (5,'Potatoes','root',215.00,42.00),
 (6,'Field beans','pulse',245.00,4.40),
 (7,'Oats','cereal',160.00,6.00),
 (8,'Maize','cereal',182.00,9.50),
 (9,'Onions','vegetable',260.00,48.00),
 (10,'Vining peas','pulse',290.00,4.80);

INSERT INTO staff VALUES
 (1,'Margaret Holt','general manager',NULL,'2011-04-04',NULL),
 (2,'Ian Fairweather','finance manager',NULL,'2014-09-01',1),
 (3,'Colin Rudd','site manager','Swaffham','2013-02-11',1),
 (4,'Priya Desai','site manager','Spalding','2017-06-19',1),
 (5,'Gavin Thorne','site manager','Bury St Edmunds','2015-03-02',1),
 (6,'Sue Larwood','weighbridge clerk','Swaffham','2016-07-25',3),
 (7,'Kevin Pye','weighbridge clerk','Swaffham','2021-07-12',3),
 (8,'Dorota Nowak','weighbridge clerk','Spalding','2019-07-01',4),
 (9,'Tony Bates','weighbridge clerk','Spalding','2012-08-06',4),
 (10,'Helen Crisp','weighbridge clerk','Bury St Edmunds','2018-07-16',5),
 (11,'Ryan Cole','weighbridge clerk','Bury St Edmunds','2023-06-26',5),
 (12,'Dr. Alan Finch','agronomist',NULL,'2012-01-09',1),
 (13,'Beth Sowerby','agronomist',NULL,'2018-10-01',12),
 (14,'Marcus Reeve','agronomist',NULL,'2020-02-03',12),
 (15,'Ola Adeyemi','agronomist',NULL,'2024-01-15',12),
 (16,'Janet Kemp','accounts clerk',NULL,'2010-05-17',2),
 (17,'Lee Harrold','accounts clerk',NULL,'2022-03-07',2),
 (18,'Wendy Goff','store assistant','Swaffham','2015-11-02',3),
 (19,'Dean Mott','store assistant','Swaffham','2020-04-20',3),
 (20,'Chloe Barker','store assistant','Spalding','2019-09-09',4),
 (21,'Nikhil Rao','store assistant','Spalding','2023-02-13',4),
 (22,'Pam Easey','store assistant','Bury St Edmunds','2016-01-25',5),
 (23,'Stuart Lambert','workshop technician','Swaffham','2013-08-05',3),
 (24,'Jakub Wisniewski','workshop technician','Spalding','2018-05-14',4),
 (25,'Rob Nunn','workshop technician','Bury St Edmunds','2021-09-27',5),
 (26,'Carl Spink','haulage driver','Swaffham','2017-03-20',3),
 (27,'Mick Dack','haulage driver','Spalding','2019-11-11',4),
 (28,'Emma Ling','member services officer',NULL,'2022-08-22',1);

INSERT INTO members
SELECT k,
  (ARRAY['Manor','Church','Grange','Hall','Moat','Willow','Poplar','Rectory','Lodge','Abbey','Marsh','Fen','Heath','Brook','Mill','Elm','Ash','Oak','Cedar','Home','Park','Lime Tree','Walnut','Hill','Priory','Low','High','Glebe','Green','Red House','White House','Old Hall','Ivy','Holly','Beech','Common','Chapel','Wood','Field','Meadow'])[1 + k % 40]
  || ' ' ||
  (ARRAY['Farm','Farms Ltd','Estate','Farm Partnership','Farming Co','Farms','Agriculture Ltd','Farm LLP'])[1 + (k / 40) % 8],
  (ARRAY['John','Robert','Richard','William','Sarah','Andrew','Philip','Jane','Thomas','Edward','Mary','Charles','Anne','Michael','Helen','George','Nick','Lucy','Henry','Claire','Tom','Rachel'])[1 + (k * 7) % 22],
  (ARRAY['Howlett','Bloomfield','Ling','Cooper','Alston','Cubitt','Daniels','Gotts','Hammond','Pilgrim','Sayer','Thurston','Bird','Gowing','Leeder','Mayes','Pratt','Ward','Burton','Fisher','Keeble','Rix','Smith','Taylor','Youngs','Lusher'])[1 + (k * 11) % 26],
  (ARRAY['Swaffham','Narborough','Castle Acre','Sporle','Litcham','Methwold','Spalding','Holbeach','Long Sutton','Gedney','Pinchbeck','Crowland','Bury St Edmunds','Ixworth','Stanton','Barrow','Lavenham','Mildenhall','Wisbech','March'])[1 + (k * 3) % 20],
  CASE (1 + (k * 3) % 20)
    WHEN 1 THEN 'Norfolk' WHEN 2 THEN 'Norfolk' WHEN 3 THEN 'Norfolk' WHEN 4 THEN 'Norfolk' WHEN 5 THEN 'Norfolk' WHEN 6 THEN 'Norfolk'
    WHEN 7 THEN 'Lincolnshire' WHEN 8 THEN 'Lincolnshire' WHEN 9 THEN 'Lincolnshire' WHEN 10 THEN 'Lincolnshire' WHEN 11 THEN 'Lincolnshire' WHEN 12 THEN 'Lincolnshire'
    WHEN 19 THEN 'Cambridgeshire' WHEN 20 THEN 'Cambridgeshire'
    ELSE 'Suffolk' END,
  CASE WHEN k > 300 THEN DATE '2025-01-06' + (k - 300) * 13
       ELSE DATE '1998-03-01' + (k * 379) % 9400 END,
  'active', NULL,
  5 + (k * 17) % 96,
  k % 9 = 0,
  CASE WHEN k % 6 = 1 THEN NULL ELSE '01' || (ARRAY['760','775','284','406','945'])[1 + k % 5] || ' ' || lpad(((k * 7727) % 1000000)::text, 6, '0') END,
  CASE WHEN k % 4 = 2 THEN NULL ELSE 'farm' || k || '@' || (ARRAY['btinternet.com','gmail.com','farmmail.co.uk'])[1 + k % 3] END
FROM generate_series(1, 320) AS k;

UPDATE members SET status = 'resigned', resigned_on = DATE '2023-03-31' + (member_id * 41) % 900
WHERE member_id % 29 = 0 AND member_id <= 300;
UPDATE members SET status = 'suspended' WHERE member_id % 47 = 0 AND status = 'active';

INSERT INTO fields
SELECT f,
  1 + (((f * 37) % 300) * ((f::bigint * f * 3 + f) % 301) / 301)::int,
  (ARRAY['Long','Top','Bottom','Church','Mill','Pond','Road','Twenty Acre','Ten Acre','Barn','Wood','Hall','Middle','Big','Little','Far','Near','Fen','Marsh','Windmill'])[1 + (f * 7) % 20] || ' ' ||
  (ARRAY['Field','Piece','Close','Meadow','Breck'])[1 + (f * 3) % 5],
  round((2 + ((f * 53) % 230) / 10.0)::numeric, 1),
  (ARRAY['clay loam','sandy loam','silt','peat','chalk','heavy clay'])[1 + (f * 5) % 6],
  f % 7 = 0
FROM generate_series(1, 1400) AS f;

-- one planting per field per harvest year (a few fields fallow)
INSERT INTO plantings
SELECT row_number() OVER (ORDER BY y, f.field_id), f.field_id, c.crop_id, y,
  CASE WHEN c.crop_id IN (1, 3, 6) THEN make_date(y - 1, 9, 10) + (f.field_id * 7) % 40
       ELSE make_date(y, 3, 5) + (f.field_id * 7) % 50 END,
  CASE WHEN (f.field_id + y) % 37 = 0 THEN NULL
       ELSE CASE c.crop_id
              WHEN 3 THEN make_date(y, 7, 8) WHEN 10 THEN make_date(y, 7, 1)
              WHEN 1 THEN make_date(y, 8, 1) WHEN 2 THEN make_date(y, 7, 28) WHEN 7 THEN make_date(y, 8, 8)
              WHEN 6 THEN make_date(y, 8, 25) WHEN 9 THEN make_date(y, 8, 20)
              WHEN 5 THEN make_date(y, 9, 10) WHEN 8 THEN make_date(y, 10, 1)
              ELSE make_date(y, 9, 25) END + (f.field_id * 11) % 25 END,
  round(f.hectares * c.typical_yield_t_ha * (0.8 + ((f.field_id * 13 + y) % 40) / 100.0) * CASE y WHEN 2024 THEN 0.9 ELSE 1 END, 1)
FROM fields f
CROSS JOIN generate_series(2023, 2025) AS y
JOIN crops c ON c.crop_id = (ARRAY[1,1,1,1,2,2,3,3,4,5,6,7,8,9,10,1,2,4])[1 + (f.field_id * 5 + y * 7) % 18]
WHERE (f.field_id * 3 + y) % 19 <> 0;

-- weighbridge tickets: trailer loads of up to ~28 t per harvested planting
INSERT INTO deliveries (delivery_id, ticket_no, member_id, crop_id, planting_id, site, delivered_at, net_kg, moisture_pct, grade, price_per_t, value_amt, weighed_by)
SELECT row_number() OVER (ORDER BY d.ts, d.planting_id, d.load_no),
  'WB' || lpad((row_number() OVER (ORDER BY d.ts, d.planting_id, d.load_no) + 400000)::text, 7, '0'),
  d.member_id, d.crop_id, d.planting_id, d.site, d.ts, d.net_kg, d.moist, 'A', NULL, NULL, NULL
FROM (
  SELECT p.planting_id, fl.member_id, p.crop_id, l.load_no,
    CASE WHEN m.county IN ('Norfolk') THEN 'Swaffham'
         WHEN m.county = 'Lincolnshire' OR m.village IN ('Wisbech','March') THEN 'Spalding'
         ELSE 'Bury St Edmunds' END AS site,
    p.harvested_on + (l.load_no / 3) + ((p.planting_id + l.load_no) % 2) + INTERVAL '7 hours'
      + ((p.planting_id * 7 + l.load_no * 53) % 660) * INTERVAL '1 minute' AS ts,
    (least(28000, p.est_yield_t * 1000 / ceil(p.est_yield_t / 28.0)) * (0.86 + ((p.planting_id + l.load_no * 7) % 25) / 100.0))::int AS net_kg,
    CASE WHEN p.crop_id IN (4, 5, 9) THEN NULL
         ELSE round((12.5 + ((p.planting_id * 3 + l.load_no * 11) % 55) / 10.0)::numeric, 1) END AS moist
  FROM plantings p
  JOIN fields fl ON fl.field_id = p.field_id
  JOIN members m ON m.member_id = fl.member_id
  CROSS JOIN LATERAL generate_series(1, least(12, ceil(p.est_yield_t / 28.0))::int) AS l(load_no)
  WHERE p.harvested_on IS NOT NULL
    AND NOT (m.status = 'resigned' AND p.harvested_on > m.resigned_on)
) d;

UPDATE deliveries SET grade = CASE
    WHEN delivery_id % 23 = 0 OR moisture_pct >= 17.8 THEN 'rejected'
    WHEN delivery_id % 10 < 6 THEN 'A'
    WHEN delivery_id % 10 < 9 THEN 'B'
    ELSE 'C' END;

UPDATE deliveries d SET
  price_per_t = round(c.base_price_per_t
      * CASE d.grade WHEN 'A' THEN 1.00 WHEN 'B' THEN 0.94 ELSE 0.86 END
      * CASE extract(year FROM d.delivered_at)::int WHEN 2023 THEN 1.06 WHEN 2024 THEN 0.95 ELSE 1.00 END, 2)
FROM crops c WHERE c.crop_id = d.crop_id AND d.grade <> 'rejected';
UPDATE deliveries SET value_amt = round(net_kg / 1000.0 * price_per_t, 2) WHERE price_per_t IS NOT NULL;

UPDATE deliveries d SET weighed_by = CASE
    WHEN d.delivery_id % 31 = 0 THEN NULL
    ELSE (SELECT s.staff_id FROM staff s WHERE s.job_title = 'weighbridge clerk' AND s.site = d.site
          ORDER BY s.staff_id OFFSET d.delivery_id % 2 LIMIT 1) END;

-- monthly grower payments for accepted loads
INSERT INTO grower_payments (payment_id, member_id, period_month, paid_on, gross_amt, deduction_amt, net_amt, method)
SELECT row_number() OVER (ORDER BY x.mon, x.member_id), x.member_id, x.mon,
  CASE WHEN x.mon >= DATE '2025-12-01' THEN NULL ELSE (x.mon + INTERVAL '1 month')::date + 19 END,
  x.gross, round(x.gross * 0.015 + x.loads * 12.50, 2), x.gross - round(x.gross * 0.015 + x.loads * 12.50, 2),
  CASE WHEN x.member_id % 11 = 0 THEN 'cheque' ELSE 'BACS' END
FROM (
  SELECT member_id, date_trunc('month', delivered_at)::date AS mon, sum(value_amt) AS gross, count(*) AS loads
  FROM deliveries WHERE value_amt IS NOT NULL GROUP BY 1, 2
) x;

INSERT INTO products VALUES
 (1,'Skyfall winter wheat seed C2','seed','t',520.00,'Elsoms'),
 (2,'Extase winter wheat seed C2','seed','t',545.00,'RAGT'),
 (3,'Laureate spring barley seed','seed','t',490.00,'Syngenta'),
 (4,'Aurelia OSR hybrid seed','seed','ha pack',78.00,'DSV'),
 (5,'Tundra winter beans seed','seed','t',610.00,'Wherry'),
 (6,'Sugar beet pelleted seed','seed','unit',215.00,'KWS'),
 (7,'Maris Piper seed potatoes','seed','t',640.00,'Greenvale'),
 (8,'Gaston oat seed','seed','t',470.00,'Senova'),
 (9,'Ammonium nitrate 34.5%','fertiliser','t',395.00,'Yara'),
 (10,'Urea 46%','fertiliser','t',410.00,'CF Fertilisers'),
 (11,'NPK 20-10-10','fertiliser','t',455.00,'Yara'),
 (12,'Triple superphosphate','fertiliser','t',480.00,'Origin'),
 (13,'Muriate of potash','fertiliser','t',430.00,'ICL'),
 (14,'Liquid UAN 28%','fertiliser','t',345.00,'Origin'),
 (15,'Granulated lime','fertiliser','t',95.00,'Omya'),
 (16,'Sulphur 90% pastille','fertiliser','t',520.00,'Origin'),
 (17,'Glyphosate 360 20L','herbicide','can',72.00,'Bayer'),
 (18,'Pendimethalin 20L','herbicide','can',165.00,'BASF'),
 (19,'Flufenacet + DFF 5L','herbicide','can',210.00,'Bayer'),
 (20,'Propyzamide 5L','herbicide','can',139.00,'Corteva'),
 (21,'Tebuconazole 5L','fungicide','can',88.00,'Adama'),
 (22,'Prothioconazole 5L','fungicide','can',195.00,'Bayer'),
 (23,'Fluxapyroxad 5L','fungicide','can',230.00,'BASF'),
 (24,'Chlorothalonil-free T2 pack','fungicide','pack',340.00,'Syngenta'),
 (25,'Lambda-cyhalothrin 5L','insecticide','can',96.00,'Syngenta'),
 (26,'Acetamiprid 1L','insecticide','can',58.00,'Certis'),
 (27,'Metaldehyde-free slug pellets 20kg','molluscicide','bag',44.00,'De Sangosse'),
 (28,'Ferric phosphate pellets 20kg','molluscicide','bag',52.00,'Certis'),
 (29,'Red diesel 1000L','fuel','1000L',820.00,'Certas Energy'),
 (30,'AdBlue 1000L IBC','fuel','IBC',390.00,'Certas Energy'),
 (31,'Engine oil 15W40 205L','lubricant','drum',610.00,'Millers Oils'),
 (32,'Hydraulic oil 205L','lubricant','drum',540.00,'Millers Oils'),
 (33,'Bale wrap 750mm','sundries','roll',78.00,'Silotite'),
 (34,'Grain sample bags x100','sundries','box',18.50,'Farmstore'),
 (35,'Rodent bait station','sundries','unit',14.00,'Killgerm'),
 (36,'Hi-vis vest','sundries','unit',6.50,'Farmstore'),
 (37,'Spray nozzle set','sundries','set',64.00,'Hypro'),
 (38,'Trailer sheet 8m','sundries','unit',185.00,'Farmstore'),
 (39,'Grain preservative 1000L','sundries','IBC',1150.00,'Kemira'),
 (40,'Soil sampling service','service','field',38.00,'NRM Labs');

INSERT INTO input_orders (order_id, member_id, product_id, ordered_on, qty, unit_price, total_amt, channel, status, taken_by)
SELECT o.n, o.member_id, o.product_id, o.odate, o.qty, o.uprice, round(o.qty * o.uprice, 2),
  o.channel,
  CASE WHEN o.n % 31 = 0 THEN 'cancelled' WHEN o.odate > DATE '2025-12-12' THEN 'pending' ELSE 'delivered' END,
  CASE WHEN o.channel = 'online' THEN NULL
       ELSE (ARRAY[18,19,20,21,22])[1 + (o.n * 3) % 5] END
FROM (
  SELECT n,
    1 + ((n * 97) % 320) AS member_id,
    p.product_id,
    (DATE '2023-01-02' + floor(1094 * ((n - 1) / 7000.0) + 22 * sin(2 * pi() * (3 * ((n - 1) / 7000.0) - 0.08)))::int) AS odate,
    CASE WHEN p.unit IN ('t') THEN round((1 + (n * 7) % 24 / 2.0)::numeric, 2)
         WHEN p.unit IN ('1000L','IBC','drum') THEN (1 + n % 3)::numeric
         ELSE (1 + (n * 11) % 20)::numeric END AS qty,
    round(p.list_price * CASE WHEN n % 5 = 0 THEN 0.95 ELSE 1 END * CASE WHEN n > 4667 THEN 1.04 ELSE 1 END, 2) AS uprice,
    CASE WHEN n % 4 = 0 THEN 'online' WHEN n % 4 = 1 THEN 'counter' ELSE 'phone' END AS channel
  FROM generate_series(1, 7000) AS n
  JOIN products p ON p.product_id = 1 + ((n * 13) % 40 * ((n % 7) + 3)) % 40
) o;

INSERT INTO equipment VALUES
 (1,'John Deere S790 combine','combine harvester','Swaffham',1450.00,'2019-06-01'),
 (2,'Claas Lexion 8700 combine','combine harvester','Spalding',1600.00,'2022-05-20'),
 (3,'New Holland CR8.90 combine','combine harvester','Bury St Edmunds',1380.00,'2018-07-02'),
 (4,'Horsch Maestro 12 drill','precision drill','Spalding',420.00,'2020-02-14'),
 (5,'Vaderstad Rapid 400 drill','seed drill','Swaffham',360.00,'2017-08-21'),
 (6,'Vaderstad Spirit 600 drill','seed drill','Bury St Edmunds',410.00,'2021-08-09'),
 (7,'Amazone UX 5201 sprayer','trailed sprayer','Swaffham',310.00,'2019-03-11'),
 (8,'Househam Harrier sprayer','self-propelled sprayer','Spalding',690.00,'2021-03-01'),
 (9,'Bateman RB35 sprayer','self-propelled sprayer','Bury St Edmunds',640.00,'2016-04-04'),
 (10,'JCB 542-70 telehandler','telehandler','Swaffham',165.00,'2020-06-15'),
 (11,'Manitou MLT 741 telehandler','telehandler','Spalding',170.00,'2022-01-10'),
 (12,'JCB 536-60 telehandler','telehandler','Bury St Edmunds',150.00,'2017-05-22'),
 (13,'Bailey 16t grain trailer','grain trailer','Swaffham',85.00,'2018-07-01'),
 (14,'Bailey 16t grain trailer (2)','grain trailer','Swaffham',85.00,'2018-07-01'),
 (15,'Richard Western 18t trailer','grain trailer','Spalding',95.00,'2021-07-05'),
 (16,'Marston 14t trailer','grain trailer','Bury St Edmunds',80.00,'2015-07-13'),
 (17,'Grimme SE 260 potato harvester','potato harvester','Spalding',980.00,'2019-08-26'),
 (18,'Vervaet Beet Eater 625','beet harvester','Swaffham',1250.00,'2020-09-14'),
 (19,'Kuhn Optimer cultivator','cultivator','Bury St Edmunds',190.00,'2016-09-05'),
 (20,'Sumo Trio 3m','cultivator','Swaffham',175.00,'2018-09-03'),
 (21,'Cambridge roll 8m','roller','Spalding',70.00,'2014-03-17'),
 (22,'Kverneland plough 6f','plough','Bury St Edmunds',140.00,'2013-10-07'),
 (23,'Bredal K105 spreader','fertiliser spreader','Swaffham',160.00,'2020-02-24'),
 (24,'Kuhn Axis spreader','fertiliser spreader','Spalding',150.00,'2019-02-18'),
 (25,'Fendt 942 tractor','tractor','Bury St Edmunds',520.00,'2023-01-16');

INSERT INTO equip_bookings (booking_id, equip_id, member_id, start_dt, end_dt, hire_days, charge_amt, status, approved_by)
SELECT b.n, b.equip_id, b.member_id, b.sdt, b.sdt + b.days - 1, b.days,
  round(e.daily_rate * b.days * CASE WHEN b.days >= 5 THEN 0.9 ELSE 1 END, 2),
  CASE WHEN b.n % 17 = 0 THEN 'cancelled' WHEN b.sdt > DATE '2025-12-10' THEN 'requested' ELSE 'completed' END,
  CASE WHEN b.n % 17 = 0 AND b.n % 2 = 0 THEN NULL WHEN b.sdt > DATE '2025-12-10' THEN NULL
       ELSE (SELECT s.staff_id FROM staff s WHERE s.job_title = 'site manager' AND s.site = e.site) END
FROM (
  SELECT n,
    1 + ((n * 7) % 25 * ((n % 5) + 2)) % 25 AS equip_id,
    1 + ((n * 41) % 300) AS member_id,
    (DATE '2023-01-03' + floor(1090 * ((n - 1) / 2100.0) - 30 * sin(2 * pi() * (3 * ((n - 1) / 2100.0) - 0.55)))::int) AS sdt,
    1 + (n * 3) % 5 AS days
  FROM generate_series(1, 2100) AS n
) b JOIN equipment e ON e.equip_id = b.equip_id;
