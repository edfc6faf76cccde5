-- City library service: branches, members, catalogue (authors, titles, copies), loans, holds, fines, staff and events (2023-2025)

CREATE TABLE branches (
  branch_id   integer PRIMARY KEY,
  branch_name text NOT NULL UNIQUE,
  district    text NOT NULL,
  opened_year smallint NOT NULL
);

CREATE TABLE members (
  member_id  integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name  text NOT NULL,
  birth_year smallint NOT NULL,
  district   text NOT NULL,
  joined_on  date NOT NULL,
  mbr_type   text NOT NULL CHECK (mbr_type IN ('adult','child','senior')),
  expired_on date
);
COMMENT ON COLUMN members.mbr_type IS 'Membership type: adult, child or senior';
COMMENT ON COLUMN members.expired_on IS 'NULL while the membership is active';

CREATE TABLE authors (
  author_id  integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name  text NOT NULL,
  country    text NOT NULL
);

CREATE TABLE titles (
  title_id  integer PRIMARY KEY,
  title     text NOT NULL,
  author_id integer NOT NULL REFERENCES authors(author_id),
  genre     text NOT NULL,
  pub_year  smallint NOT NULL,
  isbn      text NOT NULL UNIQUE,
  lang      text NOT NULL
);
COMMENT ON TABLE titles IS 'Catalogue records; the physical items are in copies';

CREATE TABLE copies (
  copy_id     integer PRIMARY KEY,
  title_id    integer NOT NULL REFERENCES titles(title_id),
  branch_id   integer NOT NULL REFERENCES branches(branch_id),
  acquired_on date NOT NULL,
  condition   text NOT NULL CHECK (condition IN ('new','good','worn','damaged')),
  withdrawn   boolean NOT NULL DEFAULT false
);

CREATE TABLE loans (
  loan_id     integer PRIMARY KEY,
  copy_id     integer NOT NULL REFERENCES copies(copy_id),
  member_id   integer NOT NULL REFERENCES members(member_id),
  loaned_on   date NOT NULL,
  due_on      date NOT NULL,
  returned_on date
);
COMMENT ON COLUMN loans.returned_on IS 'NULL = not returned yet';

CREATE TABLE holds (
  hold_id      integer PRIMARY KEY,
  title_id     integer NOT NULL REFERENCES titles(title_id),
  member_id    integer NOT NULL REFERENCES members(member_id),
  placed_on    date NOT NULL,
  fulfilled_on date
);

CREATE TABLE fines (
  fine_id   integer PRIMARY KEY,
  loan_id   integer NOT NULL REFERENCES loans(loan_id),
  amount    numeric(6,2) NOT NULL,
  issued_on date NOT NULL,
  paid_on   date
);

CREATE TABLE staff (
  staff_id   integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name  text NOT NULL,
  branch_id  integer NOT NULL REFERENCES branches(branch_id),
  role       text NOT NULL,
  hired_on   date NOT NULL
);

CREATE TABLE events (
  event_id   integer PRIMARY KEY,
  branch_id  integer NOT NULL REFERENCES branches(branch_id),
  event_name text NOT NULL,
  category   text NOT NULL,
  held_on    date NOT NULL,
  attendees  integer NOT NULL,
  run_by     integer NOT NULL REFERENCES staff(staff_id)
);
COMMENT ON COLUMN events.run_by IS 'Staff member who organised the event';

INSERT INTO branches VALUES
 (1, 'Central Library',  'Old Town',   1932),
 (2, 'Northgate',        'Northgate',  1968),
 (3, 'Riverside',        'Docklands',  1994),
 (4, 'Elm Park',         'Elm Park',   1975),
 (5, 'Westfield',        'Westfield',  2008),
 (6, 'Hillcrest',        'Hillcrest',  1986),
 (7, 'Market Square',    'Old Town',   2019);

INSERT INTO members
SELECT m,
       (ARRAY['Alice','Ben','Chloe','Daniel','Ella','Finn','Grace','Henry','Isla','Jack','Katie','Liam','Mia','Noah','Olivia','Patrick','Ruby','Samuel','Tara','Umar','Violet','William','Yasmin','Zoe','Aisha','Tom','Nora','Omar','Priya','Leo'])[1 + (m * 7) % 30],
       (ARRAY['Murphy','Kelly','Walsh','Byrne','Ryan','O''Brien','Doyle','Clarke','Nolan','Khan','Patel','Novak','Kowalski','Reid','Hughes','Barry','Lynch','Quinn','Fitzgerald','Moran','Shah','Carroll','Power','Dunne','Foley'])[1 + (m * 11 + m / 25) % 25],
       CASE t WHEN 'child' THEN 2010 + m % 10 WHEN 'senior' THEN 1940 + m % 20 ELSE 1960 + (m * 3) % 46 END,
       (ARRAY['Old Town','Old Town','Old Town','Northgate','Docklands','Elm Park','Elm Park','Westfield','Hillcrest','Northgate','Westfield','Southbank','Old Town','Docklands','Elm Park','Northgate','Old Town'])[1 + (m * 3 + m / 13) % 17],
       jd,
       t,
       CASE WHEN m % 9 = 0 THEN least(jd + 400 + (m * 17) % 1500, date '2025-11-30') END
FROM (
  SELECT m,
         (ARRAY['adult','adult','adult','adult','child','child','senior','adult','senior','adult'])[1 + (m * 7) % 10] AS t,
         date '2015-01-10' + ((m * 3943) % 4000) AS jd
  FROM generate_series(1, 3000) AS m
) s;

INSERT INTO authors
SELECT a,
       (ARRAY['Sarah','Michael','Elena','Kenji','Amara','Lars','Sinead','Tomas','Isabel','Rohan','Claire','Pierre','Hanna','Diego','Fiona','Colm','Yuki','Astrid','Chidi','Maeve'])[1 + (a * 3) % 20],
       (ARRAY['Brennan','Holt','Varga','Sato','Okafor','Lindqvist','Keane','Novotny','Ferrer','Mehta','Dupont','Laurent','Berg','Castillo','Gallagher','Ward','Tanaka','Eriksen','Nwosu','Daly','Russo','Byrne','Moreau','Adeyemi'])[1 + (a * 5 + a / 24) % 24],
       (ARRAY['Ireland','Ireland','Ireland','United Kingdom','United Kingdom','United States','United States','France','Japan','Nigeria','Sweden','Spain','Italy','India','Canada'])[1 + (a * 7 + a / 9) % 15]
FROM generate_series(1, 120) AS a;

INSERT INTO titles
SELECT t,
       'The ' || (ARRAY['Silent','Hidden','Last','Broken','Golden','Winter','Lost','Burning','Quiet','Secret','Distant','Northern','Glass','Crimson','Forgotten','Wild','Salt','Paper','Iron','Hollow','Bright','Long','Empty','Velvet','Stolen'])[1 + (t - 1) % 25]
              || ' ' || (ARRAY['River','Garden','Letter','Harbour','Orchard','Island','Kingdom','Promise','Mirror','Road','Lighthouse','House','Summer','Bridge','Forest','City','Crown','Map','Field','Station','Library','Shore','Tide','Mountain'])[1 + (t - 1) / 25],
       1 + floor(120 * power(((t * 523) % 601) / 601.0, 1.6))::int,
       (ARRAY['fiction','fiction','fiction','crime','crime','children','children','history','science','biography','fantasy','poetry','cookery','travel'])[1 + (t * 5 + t / 7) % 14],
       1950 + ((t * 29) % 76),
       '978' || lpad(((t * 7919) % 1000000000)::text, 10, '0'),
       (ARRAY['English','English','English','English','English','English','Irish','French','Polish','Spanish'])[1 + (t * 3) % 10]
FROM generate_series(1, 600) AS t;

-- Popular (low id) titles have more copies
INSERT INTO copies
SELECT row_number() OVER (ORDER BY t, k),
       t,
       1 + (t * 3 + k * 5) % 7,
       greatest(date '2000-01-01' + ((t * 211 + k * 97) % 9400), make_date(pub_year, 6, 1)),
       (ARRAY['good','good','good','worn','new','good','worn','damaged','new'])[1 + (t + k * 4) % 9],
       (t * 13 + k) % 23 = 0
FROM (SELECT title_id AS t, pub_year FROM titles) s
CROSS JOIN LATERAL generate_series(1, CASE WHEN t <= 40 THEN 6 WHEN t <= 150 THEN 3 WHEN t <= 400 THEN 2 ELSE 1 END) AS k;

-- Loans 2023-2025, skewed to the popular copies and to a core of frequent borrowers
INSERT INTO loans
SELECT g,
       1 + floor(1270 * power(((g * 7919) % 10007) / 10007.0, 1.8))::int,
       1 + floor(3000 * power(((g * 6151) % 9973) / 9973.0, 1.5))::int,
       ld,
       ld + 21,
       CASE WHEN g % 53 = 0 AND ld < date '2025-10-01' THEN NULL
            WHEN ld + (3 + (g * 7) % 25) > date '2025-12-31' THEN NULL
            ELSE ld + (3 + (g * 7) % 25) END
FROM (SELECT g, date '2023-01-02' + ((g - 1) * 1094 / 20000) AS ld FROM generate_series(1, 20000) AS g) s;

-- Late returns: 0.25 a day; unreturned loans long overdue: 15.00 replacement charge
INSERT INTO fines
SELECT row_number() OVER (ORDER BY issued_on, loan_id), loan_id, amount, issued_on, paid_on
FROM (
  SELECT loan_id, round((returned_on - due_on) * 0.25, 2) AS amount, returned_on AS issued_on,
         CASE WHEN loan_id % 4 = 0 THEN NULL ELSE returned_on + (loan_id % 20) END AS paid_on
  FROM loans WHERE returned_on > due_on
  UNION ALL
  SELECT loan_id, 15.00, due_on + 42, NULL
  FROM loans WHERE returned_on IS NULL AND due_on + 42 <= date '2025-12-31'
) f;

INSERT INTO holds
SELECT h,
       1 + floor(600 * power(((h * 4099) % 7919) / 7919.0, 2.2))::int,
       1 + (h * 389) % 3000,
       pd,
       CASE WHEN h % 5 = 0 THEN NULL ELSE pd + 2 + (h * 7) % 25 END
FROM (SELECT h, date '2023-01-05' + ((h * 1087) % 1090) AS pd FROM generate_series(1, 1500) AS h) s;

INSERT INTO staff
SELECT s,
       (ARRAY['Aoife','Brian','Ciara','Declan','Eimear','Gerry','Niamh','Padraig','Sorcha','Kevin','Orla','Conor','Deirdre','Mark','Roisin','Eoin'])[1 + (s * 5) % 16],
       (ARRAY['Flanagan','McCarthy','Brady','Kavanagh','Sheehan','Hayes','Casey','Burke','Maguire','Healy','Farrell','Egan','Mulligan','Tierney'])[1 + (s * 3) % 14],
       1 + (s - 1) % 7,
       CASE WHEN s <= 7 THEN 'branch manager' ELSE (ARRAY['librarian','library assistant','library assistant','children''s librarian','library assistant'])[1 + s % 5] END,
       date '2003-09-01' + (s * 331) % 8000
FROM generate_series(1, 38) AS s;

INSERT INTO events
SELECT e,
       b,
       (ARRAY['Storytime for Toddlers','Meet the Author','Coding Club','Knit and Natter','Local History Talk','Teen Book Club','Photography Exhibition','CV Workshop'])[1 + k],
       (ARRAY['storytime','author talk','workshop','craft','talk','book club','exhibition','workshop'])[1 + k],
       date '2023-01-09' + ((e * 547) % 1085),
       CASE WHEN k = 1 THEN 40 + (e * 7) % 80 WHEN k = 6 THEN 60 + (e * 11) % 150 ELSE 6 + (e * 13 + e / 5) % 30 END,
       b + 7 * ((e * 3 + e / 11) % CASE WHEN b <= 3 THEN 6 ELSE 5 END)
FROM (SELECT e, (ARRAY[1,1,1,2,3,3,4,5,6,7,7,1,3,2,4,1,5])[1 + (e * 5) % 17] AS b, (e * 3 + e / 7) % 8 AS k FROM generate_series(1, 420) AS e) s;
